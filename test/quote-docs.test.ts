/**
 * The examples in docs/rules/quote-*.md and punct-quote-order.md (their "Examples (run by the
 * tests)" sections) are run through the quote rules: `in` → `out` must be the exact fix, and an
 * example marked "(left alone)" must come out unchanged with no safe finding.
 */
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {fixed, lint} from './helpers.js'
import {quoteConfig} from './quote-support.js'

const DOCS = ['quote-unbalanced', 'quote-foreign', 'quote-glued', 'punct-quote-order']
const EXAMPLE = /^- `([^`]+)` (?:→ `([^`]+)`|\(left alone\))$/

function examples(id: string): Array<{input: string; output: string}> {
  const md = readFileSync(join(import.meta.dirname, '..', 'docs', 'rules', id + '.md'), 'utf8')
  const section = md.split('## Examples (run by the tests)')[1]?.split('\n## ')[0] ?? ''
  const out: Array<{input: string; output: string}> = []
  for (const line of section.split('\n')) {
    const m = EXAMPLE.exec(line)
    if (!m) continue
    const input = m[1].replace(/⏎/g, '\n')
    out.push({input, output: m[2] === undefined ? input : m[2].replace(/⏎/g, '\n')})
  }
  return out
}

describe('documented quote examples', () => {
  for (const id of DOCS) {
    const list = examples(id)
    it(`${id}.md has examples`, () => expect(list.length).toBeGreaterThan(2))
    for (const {input, output} of list) {
      it(`${id}: ${JSON.stringify(input)}`, async () => {
        expect(await fixed(input, quoteConfig)).toBe(output)
        if (input === output) expect(lint(input, quoteConfig).filter((m) => m.fix === 'safe')).toEqual([])
      })
    }
  }
})
