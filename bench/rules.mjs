#!/usr/bin/env node
// Per-rule cost, in process (library API, no start-up): `npm run bench:rules`.
// Over the first N bench documents (default 1000; run `npm run bench` once to
// generate them): the bare retext-english parse, mtclean with every rule off,
// each rule alone (its extra time over no rules: a rule that reads the tree
// pays the parse), and the two presets. CPU time of this process, best of
// BENCH_RULES_RUNS (default 3) passes, so that other load on the machine
// counts less. Ratios are against the bare parse of the same run.
import {existsSync, readFileSync, readdirSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {unified} from 'unified'
import retextEnglish from 'retext-english'
import {allRules, createLinter} from '../dist/index.js'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const DOCS = join(ROOT, 'bench/corpus/docs')
const N = Number(process.env.N ?? 1000)
const RUNS = Number(process.env.BENCH_RULES_RUNS ?? 3)
if (!existsSync(DOCS)) {
  console.error('bench/corpus/docs is missing: run `npm run bench` once to generate the corpus')
  process.exit(2)
}
const texts = readdirSync(DOCS)
  .sort()
  .flatMap((d) => readdirSync(join(DOCS, d)).sort().map((f) => join(DOCS, d, f)))
  .slice(0, N)
  .map((f) => readFileSync(f, 'utf8'))

/** Best CPU time (ms) of RUNS passes of `fn` over the texts, after a warm-up. */
function cpu(fn) {
  fn(texts[0])
  let best = Infinity
  for (let r = 0; r < RUNS; r++) {
    const start = process.cpuUsage()
    for (const text of texts) fn(text)
    const used = process.cpuUsage(start)
    best = Math.min(best, (used.user + used.system) / 1000)
  }
  return best
}

const only = (id) => createLinter({preset: 'strict', rules: Object.fromEntries(allRules.map((r) => [r.ruleId, r.ruleId === id ? 'warn' : 'off']))})
const bare = unified().use(retextEnglish).freeze()
const parse = cpu((t) => bare.parse(t))
const none = createLinter({rules: Object.fromEntries(allRules.map((r) => [r.ruleId, 'off']))})
const base = cpu((t) => none.check(t))
console.log(`${texts.length} documents, ${(texts.reduce((n, t) => n + t.length, 0) / 1e6).toFixed(1)} M characters; CPU ms, best of ${RUNS}`)
console.log(`${'bare retext-english parse'.padEnd(30)} ${parse.toFixed(0).padStart(6)}`)
console.log(`${'mtclean, every rule off'.padEnd(30)} ${base.toFixed(0).padStart(6)}`)
for (const rule of allRules) {
  const linter = only(rule.ruleId)
  const extra = cpu((t) => linter.check(t)) - base
  console.log(`${('  ' + rule.ruleId + (rule.meta.readsTree ? ' (parses)' : '')).padEnd(30)} ${extra.toFixed(0).padStart(6)} extra`)
}
for (const preset of ['recommended', 'strict']) {
  const linter = createLinter({preset})
  const t = cpu((x) => linter.check(x))
  console.log(`${('check, ' + preset).padEnd(30)} ${t.toFixed(0).padStart(6)}   ${(t / parse).toFixed(2)}× the bare parse`)
}
