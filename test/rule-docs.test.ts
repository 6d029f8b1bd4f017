/**
 * The rule docs are current and share one structure (scripts/rule-docs.mjs):
 * every rule has a page and examples, each page has the common `##` headings
 * in order, and its generated regions (examples run through the linter, the
 * rule's files, the data counts) are what the generator makes now. The
 * README's `rules --stats` block too. `npm run docs` rewrites what is stale.
 */
import {existsSync, readFileSync, readdirSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {createLinter} from '../src/index.js'
import {formatRuleStats, ruleStats} from '../src/data/stats.js'
import {allRules} from '../src/rules/index.js'
// A plain ES module (the docs generator runs it on dist/; here it runs on src/).
import * as docs from '../scripts/rule-docs.mjs'

const ROOT = join(import.meta.dirname, '..')
const ruleIds = allRules.map((r) => r.ruleId)
let stats: ReturnType<typeof ruleStats> | undefined
const lib = {createLinter, ruleIds, stats: () => (stats ??= ruleStats())}
const STALE = 'stale: run `npm run docs`'

describe('every rule has a page of the common structure, and examples', () => {
  for (const rule of allRules) {
    const id = rule.ruleId
    it(id, () => {
      expect(existsSync(docs.docPath(id)), `docs/rules/${id}.md`).toBe(true)
      expect(docs.structureProblems(id, readFileSync(docs.docPath(id), 'utf8'), rule.meta.category)).toEqual([])
      const file = docs.loadExamples(id, ruleIds)
      // At least one example is a positive case of this rule, its message written out in full.
      const own = file.examples.filter((e: {messages: string[]}) => e.messages.some((m) => m.endsWith('  ' + id)))
      expect(own.length, `${id}: an example with a message of ${id}`).toBeGreaterThan(0)
    })
  }

  it('every examples file belongs to a rule', () => {
    for (const name of readdirSync(join(ROOT, 'src/rules')).filter((f) => f.endsWith('.examples.yml'))) {
      expect(ruleIds, `src/rules/${name}`).toContain(name.replace(/\.examples\.yml$/, ''))
    }
  })
})

describe('the generated regions are current', () => {
  for (const rule of allRules) {
    const id = rule.ruleId
    it(id, async () => {
      const md = readFileSync(docs.docPath(id), 'utf8')
      const {page} = await docs.generatePage(lib, id, md)
      expect(page, `docs/rules/${id}.md ${STALE}`).toBe(md)
    })
  }

  it('README: the `mtclean rules --stats` block', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
    expect(docs.replaceRegion(readme, 'counts', docs.renderReadmeStats(formatRuleStats(lib.stats()))), `README.md ${STALE}`).toBe(readme)
  })
})

describe('the checks catch what they are for', () => {
  const id = 'duplicate'
  const category = allRules.find((r) => r.ruleId === id)!.meta.category
  const md = readFileSync(docs.docPath(id), 'utf8')

  it('headings out of order, missing, extra, or a wrong title', () => {
    const swapped = md.replace('\n## Why it happens\n', '\n## TMP\n').replace('\n## Left alone\n', '\n## Why it happens\n').replace('\n## TMP\n', '\n## Left alone\n')
    expect(docs.structureProblems(id, swapped, category).join()).toMatch(/in that order/)
    expect(docs.structureProblems(id, md.replace('\n## Left alone\n', '\n### Left alone\n'), category).join()).toMatch(/in that order/)
    expect(docs.structureProblems(id, md.replace('\n## Options\n', '\n## Extra\n\nx\n\n## Options\n'), category).join()).toMatch(/in that order/)
    expect(docs.structureProblems(id, md.replace(`# ${id}\n`, '# Duplicates\n'), category).join()).toMatch(/first heading/)
    // A `##` line inside a fenced block is not a heading.
    expect(docs.structureProblems(id, md.replace('\n## Options\n', '\n```\n## not a heading\n```\n\n## Options\n'), category)).toEqual([])
  })

  it('a page without its regions or its summary', () => {
    expect(docs.structureProblems(id, md.replace('<!-- examples:start -->', '<!-- x -->'), category).join()).toMatch(/examples region/)
    const intro = md.slice(0, md.indexOf('\n## '))
    const bare = md.replace(intro, `# ${id}\n\n**Category:** ${category}\n`)
    expect(docs.structureProblems(id, bare, category).join()).toMatch(/no summary/)
  })

  it('a hand-edited example region is stale', async () => {
    const region = docs.regionsOf(md).get('examples')!
    const edited = docs.replaceRegion(md, 'examples', region.replace(/expected it once/, 'expected one copy'))
    expect(edited).not.toBe(md)
    expect((await docs.generatePage(lib, id, edited)).page).toBe(md)
  })

  it('an example whose written messages or output differ from the linter is named', async () => {
    const file = docs.loadExamples(id, ruleIds)
    const example = {...file.examples[0], messages: ['1:1  Unexpected nothing  duplicate'], output: 'x'}
    const result = await docs.runExample(lib, id, file, example)
    const problems = docs.exampleMismatches(id, {...file, examples: [example]}, [result])
    expect(problems.map((p: string) => p.split('\n')[0])).toEqual([
      expect.stringMatching(/duplicate example 1 .*: messages$/),
      expect.stringMatching(/duplicate example 1 .*: output$/)
    ])
  })
})
