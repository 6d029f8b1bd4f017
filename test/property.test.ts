/**
 * Property-based tests (issue 6): fix is idempotent, never throws, never
 * loops, places are exact, no rule eats or invents words, clean English is
 * never changed, any Unicode is survived.
 *
 * `npm test` runs a fixed seed and a small number of cases; `npm run fuzz`
 * sets MTCLEAN_FUZZ_RUNS=100000 (cases shared out over the properties, see
 * `share`) and a random seed (printed, so any failure can be replayed with
 * MTCLEAN_FUZZ_SEED=<seed>).
 */
import fc from 'fast-check'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {applyEdits} from '../src/fix/apply.js'
import {fixToFixpoint, MAX_PASSES} from '../src/fix/loop.js'
import {createLinter, type Config} from '../src/index.js'
import mtcleanParse from '../src/parse.js'
import {defineRule} from '../src/rule.js'
import {anyUnicode, cleanEnglish, editProblems, messageProblems, mtDocument, mtText, splicedMixed, splicedRepairable} from './property-support.js'

const FUZZ = Number(process.env.MTCLEAN_FUZZ_RUNS ?? 0)
const SEED = process.env.MTCLEAN_FUZZ_SEED ? Number(process.env.MTCLEAN_FUZZ_SEED) : FUZZ ? Date.now() % 2 ** 31 : 20261122
if (FUZZ) console.log(`fuzz: ${FUZZ} cases, seed ${SEED}`)

/** Cases for one property: `fast` in npm test, a share of MTCLEAN_FUZZ_RUNS under fuzz. */
function runs(fast: number, share: number): number {
  return FUZZ ? Math.max(1, Math.round(FUZZ * share)) : fast
}
const TIMEOUT = FUZZ ? 3_600_000 : 60_000
const params = (numRuns: number) => ({numRuns, seed: SEED, verbose: 1 as const})

const configs: Record<string, Config> = {
  recommended: {preset: 'recommended'},
  strict: {preset: 'strict'},
  'strict-british': {preset: 'strict', settings: {quoteStyle: 'british', quoteMarks: 'straight'}}
}
const linters = Object.fromEntries(Object.entries(configs).map(([name, config]) => [name, createLinter(config)]))
const configName = fc.constantFrom(...Object.keys(configs))

/** Fix `text`, then check every invariant of the result; throws with a description on failure. */
async function checkInvariants(name: string, text: string): Promise<void> {
  const linter = linters[name]
  const messages = linter.check(text)
  const placeProblems = messageProblems(text, messages)
  if (placeProblems.length) throw new Error(`${name}: messages of the input:\n  ${placeProblems.join('\n  ')}`)

  const result = await linter.fix(text)
  if (result.unsettled) {
    throw new Error(`${name}: fix did not settle in ${result.passes} passes (${result.applied.map((p) => p.map((e) => e.ruleId).join(',')).join(' | ')})`)
  }
  // The output is the input with the applied edits and nothing else; each edit keeps words.
  let current = text
  for (const pass of result.applied) {
    for (const edit of pass) {
      const problems = editProblems(current, edit)
      if (problems.length) throw new Error(`${name}: ${problems.join('; ')}`)
    }
    const step = applyEdits(current, pass)
    if (step.applied.length !== pass.length) throw new Error(`${name}: an applied edit does not replay`)
    current = step.text
  }
  if (current !== result.text) throw new Error(`${name}: the output differs from the input plus the applied edits`)
  const outProblems = messageProblems(result.text, result.messages)
  if (outProblems.length) throw new Error(`${name}: messages of the output:\n  ${outProblems.join('\n  ')}`)

  // Idempotent: fixing the output changes nothing.
  const again = await linter.fix(result.text)
  if (again.text !== result.text) {
    throw new Error(`${name}: not idempotent:\n  once:  ${JSON.stringify(result.text)}\n  twice: ${JSON.stringify(again.text)}\n  by ${again.applied.flat().map((e) => `${e.ruleId} ${JSON.stringify(e.actual)}→${JSON.stringify(e.replacement)}`).join(', ')}`)
  }
}

describe('properties', () => {
  it('MT-style text: fix is idempotent, settles, keeps words; places exact', {timeout: TIMEOUT}, async () => {
    await fc.assert(
      fc.asyncProperty(configName, mtText, async (name, text) => checkInvariants(name, text)),
      params(runs(150, 0.3))
    )
  })

  it('MT-style documents (repeated paragraphs, document-level rules)', {timeout: TIMEOUT}, async () => {
    await fc.assert(
      fc.asyncProperty(configName, mtDocument, async (name, text) => checkInvariants(name, text)),
      params(runs(40, 0.1))
    )
  })

  it('arbitrary Unicode never crashes and keeps every invariant', {timeout: TIMEOUT}, async () => {
    await fc.assert(
      fc.asyncProperty(configName, anyUnicode, async (name, text) => checkInvariants(name, text)),
      params(runs(150, 0.2))
    )
  })

  it('clean English is never changed (recommended preset)', {timeout: TIMEOUT}, async () => {
    const linter = linters.recommended
    await fc.assert(
      fc.asyncProperty(cleanEnglish, async (text) => {
        const result = await linter.fix(text)
        if (result.text !== text) {
          const edits = result.applied.flat().map((e) => `${e.ruleId}@${e.start} ${JSON.stringify(e.actual)}→${JSON.stringify(e.replacement)}`)
          throw new Error(`clean text changed by ${edits.join(', ')}`)
        }
        const problems = messageProblems(text, result.messages)
        if (problems.length) throw new Error(problems.join('\n'))
      }),
      params(runs(120, 0.15))
    )
  })

  it('real text with one repairable artifact spliced in: fix gives back the correct text exactly', {timeout: TIMEOUT}, async () => {
    const linter = linters.recommended
    await fc.assert(
      fc.asyncProperty(splicedRepairable, async ({clean, spliced, applied}) => {
        const unchanged = await linter.fix(clean)
        if (unchanged.text !== clean) throw new Error(`the correct text changed: ${JSON.stringify(clean)} → ${JSON.stringify(unchanged.text)}`)
        const repaired = await linter.fix(spliced)
        if (repaired.text !== clean) throw new Error(`${applied.join(', ')} not repaired exactly:\n  want ${JSON.stringify(clean)}\n  got  ${JSON.stringify(repaired.text)}`)
        await checkInvariants('recommended', spliced)
      }),
      params(runs(40, 0.1))
    )
  })

  it('real text with artifacts of every category, multi-paragraph quotations, long lines, CR-only and mixed line ends', {timeout: TIMEOUT}, async () => {
    await fc.assert(
      fc.asyncProperty(configName, splicedMixed, async (name, text) => checkInvariants(name, text)),
      params(runs(40, 0.15))
    )
  })

  it('the pass limit is reached only by a rule built to cycle or grow', async () => {
    const swap = defineRule<object>({
      id: 'swap-ab',
      category: 'unicode',
      description: 'test rule: a ↔ b',
      note: 'test',
      defaults: {},
      check(ctx) {
        for (let i = 0; i < ctx.text.length; i++) {
          const c = ctx.text[i]
          if (c === 'a' || c === 'b') ctx.report({start: i, end: i + 1, expected: [c === 'a' ? 'b' : 'a'], fix: 'safe', reason: 'swap'})
        }
      }
    })
    const grow = defineRule<object>({
      id: 'grow-x',
      category: 'unicode',
      description: 'test rule: x → xx forever',
      note: 'test',
      defaults: {},
      check(ctx) {
        const at = ctx.text.indexOf('x')
        if (at >= 0) ctx.report({start: at, end: at + 1, expected: ['xx'], fix: 'safe', reason: 'grow'})
      }
    })
    const lintWith = (plugin: typeof swap) => {
      const processor = unified().use(mtcleanParse).use(plugin).freeze()
      return (value: string) => {
        const file = new VFile({value})
        processor.runSync(processor.parse(file), file)
        return file.messages
      }
    }
    const cycle = await fixToFixpoint('a cab', lintWith(swap))
    expect(cycle.unsettled).toBe(true)
    expect(cycle.passes).toBeLessThanOrEqual(MAX_PASSES)
    const growing = await fixToFixpoint('x', lintWith(grow))
    expect(growing.unsettled).toBe(true)
    expect(growing.passes).toBe(MAX_PASSES)
    expect(growing.text).toBe('x'.repeat(MAX_PASSES + 1))
  })
})
