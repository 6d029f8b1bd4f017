/**
 * Regular-expression safety (issue 6 point 2).
 *
 * 1. Static: every regular expression literal in src/ (found with the
 *    TypeScript parser) and every pattern built at run time with `RegExp` —
 *    `new RegExp` in src/ and every pattern compiled from rules/ (recorded by
 *    wrapping the global `RegExp` while the data compilers run on every entry
 *    and every rule lints a mixed fixture) — is analysed by recheck, a ReDoS
 *    analyser (automaton + fuzz), for exponential or polynomial backtracking.
 * 2. Run time: every rule alone on long lines of its trigger characters
 *    (64 KB in `npm test`, 200 KB in `npm run regex:fresh`) completes within a budget
 *    in proportion to the size (each run in a worker thread that is killed on
 *    time-out, so a quadratic rule fails the test instead of hanging it).
 *
 * recheck's verdict is a function of the pattern, its flags, recheck's version,
 * the time-out and the seed: `test/fixtures/recheck-verdicts.json` keeps the
 * verdicts of the patterns analysed before, so `npm test` analyses only the
 * patterns that are new or changed. `npm run regex:fresh` (MTCLEAN_RECHECK_FRESH=1)
 * analyses every pattern again and fails when a kept verdict no longer holds;
 * MTCLEAN_RECHECK_UPDATE=1 rewrites the file with the patterns found now.
 */
import {createHash} from 'node:crypto'
import {existsSync, readdirSync, readFileSync, statSync, writeFileSync} from 'node:fs'
import {join, relative} from 'node:path'
import {Worker} from 'node:worker_threads'
import {check, checkSync} from 'recheck'
import ts from 'typescript'
import {describe, expect, it} from 'vitest'
import type {CalqueEntry} from '../src/rules/calque.js'

const ROOT = new URL('..', import.meta.url).pathname
const SRC = join(ROOT, 'src')

interface Pattern {
  source: string
  flags: string
  where: string
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? walk(path) : path.endsWith('.ts') ? [path] : []
  })
}

/** Every regular expression literal in src/. */
function literals(): Pattern[] {
  const found: Pattern[] = []
  for (const file of walk(SRC)) {
    const text = readFileSync(file, 'utf8')
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true)
    const visit = (node: ts.Node) => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const literal = node.getText(source)
        const slash = literal.lastIndexOf('/')
        const {line} = source.getLineAndCharacterOfPosition(node.getStart(source))
        found.push({source: literal.slice(1, slash), flags: literal.slice(slash + 1), where: `${relative(ROOT, file)}:${line + 1}`})
      }
      ts.forEachChild(node, visit)
    }
    visit(source)
  }
  return found
}

/** Patterns built with `RegExp(…)` while `run` runs (the global constructor is wrapped meanwhile). */
async function constructed(run: () => Promise<void>): Promise<Pattern[]> {
  const Original = globalThis.RegExp
  const found = new Map<string, Pattern>()
  const record = (args: unknown[]) => {
    const [pattern, flags] = args as [string | RegExp, string | undefined]
    const source = pattern instanceof Original ? pattern.source : String(pattern)
    const f = flags ?? (pattern instanceof Original ? pattern.flags : '')
    const key = f + '/' + source
    if (!found.has(key)) {
      // Only patterns built by mtclean's own code (not vitest's, not dependencies').
      const frame = (new Error().stack ?? '').split('\n').find((l) => l.includes(SRC + '/'))
      if (frame) found.set(key, {source, flags: f, where: frame.slice(frame.indexOf(SRC) + ROOT.length).replace(/\)$/, '')})
    }
  }
  const Wrapped = new Proxy(Original, {
    construct(target, args) {
      record(args)
      return Reflect.construct(target, args)
    },
    apply(target, self, args) {
      record(args)
      return Reflect.apply(target, self, args)
    }
  })
  globalThis.RegExp = Wrapped
  try {
    await run()
  } finally {
    globalThis.RegExp = Original
  }
  return [...found.values()]
}

/** A fixture that reaches every rule's code paths (written for this test). */
const MIXED = [
  'According to information from World, the minister assures that the plan « is dead ». He underlines it .',
  '“The fact that we were able to trace them shows that they make mistakes.”notes a source.',
  'The deal was worth 1,5 million euros, i.e. 45 000 dollars or 50 % more than 12 € in 2019.',
  'You have 50% of this article left to read. The rest is reserved for subscribers.',
  'Please enter your comment! Please enter your name here. Read also: The talks resume',
  'Damien Van Puyvelde said so; Damien Puyvelde denied it. Il a déclaré que la situation était grave.',
  'The minister announcedthat the talks good.It was Ã© and &nbsp; with \u200B zero width.',
  'Le ministre a dit que les négociations reprendraient lundi prochain à Paris.',
  'Der Minister sagte, dass die Gespräche am Montag wieder aufgenommen werden.',
  'so .”. protection. . way.”. the sword. » security”. measures”, doing what”,',
  'The U.S. and e.g. Dr. Smith at 10:30 on https://example.org/a?b=1 and press@example.com in World War II at the World Bank.'
].join('\n\n')

function seeds(): string[] {
  const dir = join(ROOT, 'seeds')
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(join(dir, f), 'utf8'))
}

/** Per-pattern analysis budget: short in npm test, longer with MTCLEAN_RECHECK_TIMEOUT_MS (undecided ones fall to the run-time test). */
const RECHECK_TIMEOUT_MS = Number(process.env.MTCLEAN_RECHECK_TIMEOUT_MS ?? 1500)
const FRESH = Boolean(process.env.MTCLEAN_RECHECK_FRESH)
const UPDATE = Boolean(process.env.MTCLEAN_RECHECK_UPDATE)
type Diagnostics = Awaited<ReturnType<typeof check>>
/** What the tests read of a verdict (kept in the verdict file). */
type Verdict = Pick<Diagnostics, 'status'> & {complexity?: {type: string; summary: string}; attack?: {pattern?: string; string?: string}}
const results = new Map<string, Verdict>()
const keyOf = (p: Pattern) => p.flags + '/' + p.source
const analyse = (p: Pattern) => results.get(keyOf(p))!

const RECHECK_VERSION = (JSON.parse(readFileSync(join(ROOT, 'node_modules/recheck/package.json'), 'utf8')) as {version: string}).version
const VERDICTS = join(ROOT, 'test/fixtures/recheck-verdicts.json')
/** The verdict file's key of a pattern: everything its verdict depends on. */
const verdictKey = (p: Pattern) =>
  createHash('sha256').update(`${RECHECK_VERSION}\0${RECHECK_TIMEOUT_MS}\0${p.flags}\0${p.source}`).digest('base64url').slice(0, 22)
const kept: Record<string, Verdict> = existsSync(VERDICTS) ? (JSON.parse(readFileSync(VERDICTS, 'utf8')) as {verdicts: Record<string, Verdict>}).verdicts : {}
const seen = new Map<string, Verdict>()
const disagreements: string[] = []

function toVerdict(d: Diagnostics): Verdict {
  if (d.status !== 'vulnerable') return {status: d.status}
  return {status: d.status, complexity: {type: d.complexity.type, summary: d.complexity.summary}, attack: {pattern: d.attack.pattern, string: d.attack.string}}
}

/** Analyse patterns with recheck (its agent answers concurrent requests: batches are much faster); kept verdicts are reused unless FRESH. */
async function analyseAll(patterns: Pattern[]): Promise<void> {
  const todo = [...new Map(patterns.filter((p) => !results.has(keyOf(p))).map((p) => [keyOf(p), p])).values()]
  const fresh: Pattern[] = []
  for (const p of todo) {
    const k = verdictKey(p)
    if (!FRESH && kept[k]) results.set(keyOf(p), kept[k])
    else fresh.push(p)
  }
  for (let i = 0; i < fresh.length; i += 64) {
    const batch = fresh.slice(i, i + 64)
    const done = await Promise.all(batch.map((p) => check(p.source, p.flags.replace(/[^gimsuy]/g, ''), {timeout: RECHECK_TIMEOUT_MS, randomSeed: 20261122})))
    batch.forEach((p, j) => {
      const verdict = toVerdict(done[j])
      const before = kept[verdictKey(p)]
      // An undecided verdict depends on the machine's speed; a decided one must not change.
      if (before && before.status !== 'unknown' && verdict.status !== 'unknown' && before.status !== verdict.status) {
        disagreements.push(`${p.where}: kept ${before.status}, now ${verdict.status}`)
      }
      results.set(keyOf(p), verdict)
    })
  }
  for (const p of todo) seen.set(verdictKey(p), results.get(keyOf(p))!)
}

/**
 * A polynomial (not exponential) pattern may be accepted when the code says
 * why its input is bounded: a comment `regex-bounded: <reason>` on the line
 * of the pattern or one of the two lines above it (e.g. "applied to one word",
 * "to the 80 characters before a hit"). The run-time test below still checks
 * the rule on long lines.
 */
function boundedNote(where: string): string | undefined {
  const m = /^(src\/[^:]+):(\d+)/.exec(where)
  if (!m) return undefined
  const lines = readFileSync(join(ROOT, m[1]), 'utf8').split('\n')
  const line = Number(m[2])
  for (let i = Math.max(0, line - 3); i < line; i++) {
    const note = /regex-bounded:\s*(.*)/.exec(lines[i] ?? '')
    if (note) return note[1].trim() || 'bounded'
  }
  return undefined
}

/** Vulnerable patterns that fail the test: exponential always, polynomial unless annotated as bounded. */
function failing(patterns: Pattern[]): string[] {
  const accepted: string[] = []
  const bad = patterns.flatMap((p) => {
    const r = analyse(p)
    if (r.status !== 'vulnerable') return []
    const note = r.complexity?.type === 'polynomial' ? boundedNote(p.where) : undefined
    if (note) {
      accepted.push(`${p.where} (${note})`)
      return []
    }
    return [describeVulnerable(p, r)]
  })
  if (accepted.length) console.info(`polynomial patterns accepted as bounded:\n  ${accepted.join('\n  ')}`)
  return bad
}

function describeVulnerable(pattern: Pattern, result: Verdict): string {
  const complexity = result.status === 'vulnerable' ? result.complexity?.summary : result.status
  const attack = result.status === 'vulnerable' ? ` attack: ${JSON.stringify(result.attack?.pattern ?? result.attack?.string).slice(0, 80)}` : ''
  return `${pattern.where}: /${pattern.source.length > 160 ? pattern.source.slice(0, 160) + '…' : pattern.source}/${pattern.flags} — ${complexity}${attack}`
}

describe('regular expressions are safe from catastrophic backtracking', () => {
  it('the analyser finds a known-bad pattern (sanity)', () => {
    expect(checkSync('^(a+)+$', '', {timeout: 10_000, randomSeed: 20261122}).status).toBe('vulnerable')
    expect(checkSync('[.!?]+x(?=\\s)', 'g', {timeout: 10_000, randomSeed: 20261122}).status).toBe('vulnerable')
    expect(checkSync('(?<![.!?])[.!?]+x(?=\\s)', 'g', {timeout: 10_000, randomSeed: 20261122}).status).toBe('safe')
  })

  it('every regular expression literal in src/', {timeout: 300_000}, async () => {
    const found = literals()
    expect(found.length).toBeGreaterThan(10)
    await analyseAll(found)
    const bad = failing(found)
    expect(bad, `vulnerable literals:\n${bad.join('\n')}`).toEqual([])
  })

  it('every RegExp built in src/ and every pattern compiled from rules/', {timeout: 600_000}, async () => {
    console.time('record built')
    const found = await constructed(async () => {
      // Import fresh under the wrapper: module-level patterns are recorded too.
      const index = await import('../src/index.js')
      const masthead = await import('../src/rules/masthead/find.js')
      const residue = await import('../src/rules/shared/residue.js')
      // The data compilers, on every entry of every rule file.
      // The names scan compiles per first run, on use: the whole alternation (every name, the article before it) is checked once.
      const phrases = await import('../src/match/phrases.js')
      phrases.namesRegex(masthead.compileMasthead().cores)
      // Calque's phrases, read as words: each one's regex.
      const [calque, wordPhrases, load] = await Promise.all([import('../src/rules/calque.js'), import('../src/match/word-phrases.js'), import('../src/data/load.js')])
      phrases.compileAll(wordPhrases.wordPhrases(load.loadRuleData<CalqueEntry>('calque').map(calque.compile)).set)
      for (const rule of ['paywall', 'boilerplate']) residue.compileResidue(rule)
      // Every rule, every source language, over the seeds and the mixed fixture: lazily built patterns.
      // Strict turns every rule on; recommended once for its own options.
      const runs = [['recommended', undefined], ...[undefined, 'fr', 'de', 'es', 'it', 'pt', 'nl', 'ca', 'pl'].map((lang) => ['strict', lang])] as const
      for (const [preset, sourceLang] of runs) {
        const linter = index.createLinter({preset, settings: sourceLang ? {sourceLang} : {}})
        for (const text of [MIXED, ...seeds()]) await linter.fix(text)
      }
    })
    console.timeEnd('record built')
    expect(found.length).toBeGreaterThan(5)
    console.time('analyse built')
    await analyseAll(found)
    console.timeEnd('analyse built')
    const bad = failing(found)
    const unknown = found.filter((p) => analyse(p).status === 'unknown')
    if (unknown.length) console.warn(`recheck could not decide ${unknown.length} of ${found.length} built patterns in time (covered by the run-time test)`)
    expect(bad, `vulnerable built patterns:\n${bad.join('\n')}`).toEqual([])
  })

  it('the kept verdicts still hold and name only patterns that exist', () => {
    expect(disagreements, disagreements.join('\n')).toEqual([])
    const stale = Object.keys(kept).filter((k) => !seen.has(k))
    if (UPDATE) {
      const verdicts = Object.fromEntries([...seen].sort(([a], [b]) => (a < b ? -1 : 1)))
      writeFileSync(VERDICTS, JSON.stringify({recheck: RECHECK_VERSION, timeoutMs: RECHECK_TIMEOUT_MS, verdicts}, null, 0).replace(/},"/g, '},\n"') + '\n')
      return
    }
    // A stale file would hide nothing (keys are content hashes) but grows: MTCLEAN_RECHECK_UPDATE=1 prunes it.
    expect(stale.length, `${stale.length} kept verdicts name no pattern of src/ or rules/: rerun with MTCLEAN_RECHECK_UPDATE=1`).toBeLessThanOrEqual(Math.max(50, seen.size / 10))
  })
})

// ---------------------------------------------------------------------------
// Run time: each rule on long lines of trigger characters.

// 200 KB in a budget of 4 s under `npm run regex:fresh`; 64 KB in npm test (a quadratic rule takes
// ten times its linear time already at 64 KB).
const SIZE = (FRESH ? 200 : 64) * 1024
// A floor of 2.5 s keeps a loaded machine from failing a linear rule; a quadratic one takes far longer.
const BUDGET_MS = Number(process.env.MTCLEAN_REGEX_BUDGET_MS ?? Math.max(2500, (4000 * SIZE) / (200 * 1024)))
const TRIGGERS = [
  '.', ' ', '. ', '.”', '“', '”', '"', "'", '’', '«', ' »', ',', ' ,', ';', ':', '!?', '…', '-', '(', ')',
  '1', '1,', '1 ', '1.', '%', '€', 'a', 'a ', 'Ab ', 'ab.', 'A.', '&amp;', '&', 'Ã©', '\u200B', '\t',
  'World ', 'the ', 'x”', '”x', 'Le Monde ', 'read ', 'Damien Van ', 'que ', 'a.“b', 'said: “'
]

const WORKER = `
const {parentPort, workerData} = require('node:worker_threads')
let linter
parentPort.on('message', async (text) => {
  if (!linter) {
    const {createLinter, allRules} = await import(workerData.index)
    const rules = Object.fromEntries(allRules.map((r) => [r.ruleId, r.ruleId === workerData.rule || workerData.rule === '*' ? 'warn' : 'off']))
    linter = createLinter({preset: 'strict', rules})
    linter.check('warm up.')
  }
  const t = performance.now()
  linter.check(text)
  parentPort.postMessage(performance.now() - t)
})
`

/** Time `rule` (or '*': all) on each input in a worker; Infinity when killed after the budget. */
async function timeRule(rule: string, inputs: string[]): Promise<number[]> {
  const times: number[] = []
  let worker: Worker | undefined
  for (const input of inputs) {
    worker ??= new Worker(WORKER, {eval: true, workerData: {rule, index: new URL('../dist/index.js', import.meta.url).href}})
    const w = worker
    const time = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => {
        w.terminate()
        resolve(Infinity)
      }, BUDGET_MS + 3000) // + start-up and warm-up
      const fail = (error: Error) => {
        clearTimeout(timer)
        reject(error)
      }
      w.once('message', (ms: number) => {
        clearTimeout(timer)
        w.off('error', fail) // one listener per input would pile up on the worker
        resolve(ms)
      })
      w.once('error', fail)
      w.postMessage(input)
    })
    if (time === Infinity) worker = undefined
    times.push(time)
  }
  await worker?.terminate()
  return times
}

describe('every rule is linear on long adversarial lines', () => {
  it('all rules together, then each rule alone where the budget is exceeded', {timeout: 900_000}, async () => {
    const inputs = TRIGGERS.map((t) => t.repeat(Math.ceil(SIZE / t.length)))
    const all = await timeRule('*', inputs)
    const slow = TRIGGERS.filter((_, i) => !(all[i] <= BUDGET_MS))
    const failures: string[] = []
    if (slow.length) {
      const {allRules} = await import('../dist/index.js' as string)
      const slowInputs = slow.map((t) => t.repeat(Math.ceil(SIZE / t.length)))
      for (const rule of allRules as Array<{ruleId: string}>) {
        const times = await timeRule(rule.ruleId, slowInputs)
        times.forEach((ms, i) => {
          if (!(ms <= BUDGET_MS)) failures.push(`${rule.ruleId} on ${SIZE / 1024} KB of ${JSON.stringify(slow[i])}: ${ms === Infinity ? `killed after ${BUDGET_MS} ms` : `${Math.round(ms)} ms`}`)
        })
      }
      if (failures.length === 0) failures.push(`all rules together exceeded ${BUDGET_MS} ms on ${slow.map((s) => JSON.stringify(s)).join(', ')}`)
    }
    expect(failures, failures.join('\n')).toEqual([])
  })
})
