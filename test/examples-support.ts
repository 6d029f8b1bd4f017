/**
 * A rule's examples (src/rules/<id>.examples.yml) as tests: each example's
 * messages (`line:col  reason  ruleId`, exact text) and its fixed text are
 * what the linter makes of it, and the fix settles. The same examples are
 * rendered into docs/rules/<id>.md (scripts/rule-docs.mjs).
 */
import {describe, expect, it} from 'vitest'
import {createLinter} from '../src/index.js'
import {allRules} from '../src/rules/index.js'
// A plain ES module (the docs generator runs it on dist/; here it runs on src/).
import {loadExamples, runExample} from '../scripts/rule-docs.mjs'

const ruleIds = allRules.map((r) => r.ruleId)
const linters = new Map()

export function ruleExamples(id: string): void {
  const file = loadExamples(id, ruleIds)
  describe(`${id} examples (src/rules/${id}.examples.yml)`, () => {
    file.examples.forEach((example: {text: string; messages: string[]; output: string}, k: number) => {
      it(`${k + 1}: ${JSON.stringify(example.text.slice(0, 60))}`, async () => {
        const result = await runExample({createLinter, ruleIds}, id, file, example, linters)
        expect(result.messages).toEqual(example.messages)
        expect(result.output).toBe(example.output)
        expect(result.unsettled).toBe(false)
      })
    })
  })
}
