#!/usr/bin/env node
// CLI batch benchmark: files/s and MB/s for `check` and `fix` over a generated
// corpus, with 1 and 2 workers, and JSONL throughput with peak RSS.
// Usage: node bench/cli.mjs [--docs 2000] [--jobs 1,2] [--jsonl-mb 20]
import {execFileSync, spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, rmSync, writeFileSync, createWriteStream} from 'node:fs'
import {join, dirname} from 'node:path'
import {fileURLToPath} from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const bin = join(root, 'dist/cli/main.js')
const args = process.argv.slice(2)
const opt = (k, d) => (args.includes(k) ? args[args.indexOf(k) + 1] : d)
const docs = Number(opt('--docs', '2000'))
const jobsList = opt('--jobs', '1,2').split(',').map(Number)
const jsonlMb = Number(opt('--jsonl-mb', '20'))
const dir = join(root, 'bench/corpus/cli')

// Sentences in the style of MT from French/German/Spanish news (written for this benchmark).
const dirty = [
  'The minister said the reform was ready ”.',
  'He underlines that the budget of 1,5 million euros is enough.',
  '“We will not give up,” assures the mayor of the city.',
  'Talks resumed in Brussels on Monday , officials said.',
  'The protection was weak. . Nobody came to help.',
  'The opposition denounced a “scandal”.The government did not answer.'
]
const clean = [
  'The committee met for three hours and agreed on a plan.',
  'Prices rose by 3.5 percent in October, the statistics office said.',
  'The U.S. delegation arrived at 10:30 on Tuesday.',
  '“It is a first step,” she said, adding that more work was needed.',
  'Details are on https://example.org/report and in the annex.',
  'Voters will go to the polls again in the spring.'
]
let seed = 42
const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647)
const pick = (list) => list[Math.floor(rand() * list.length)]
function doc() {
  const paras = []
  const n = 3 + Math.floor(rand() * 8)
  for (let p = 0; p < n; p++) {
    const s = []
    const m = 3 + Math.floor(rand() * 6)
    for (let k = 0; k < m; k++) s.push(rand() < 0.25 ? pick(dirty) : pick(clean))
    paras.push(s.join(' '))
  }
  return paras.join('\n\n') + '\n'
}

rmSync(dir, {recursive: true, force: true})
mkdirSync(join(dir, 'in'), {recursive: true})
let bytes = 0
for (let i = 0; i < docs; i++) {
  const text = doc()
  bytes += Buffer.byteLength(text)
  writeFileSync(join(dir, 'in', `${String(i).padStart(5, '0')}.txt`), text)
}
const mb = bytes / 1024 / 1024
console.log(`corpus: ${docs} documents, ${mb.toFixed(2)} MB`)

function timed(argv) {
  const t = process.hrtime.bigint()
  const r = spawnSync(process.execPath, [bin, ...argv], {cwd: dir, env: {...process.env, CI: 'true'}, maxBuffer: 1 << 30})
  const s = Number(process.hrtime.bigint() - t) / 1e9
  if (r.status !== 0 && r.status !== 1) throw new Error(`exit ${r.status}: ${r.stderr}`)
  return {s, out: r.stdout}
}

const rows = []
const base = {}
for (const command of ['check', 'fix']) {
  for (const jobs of jobsList) {
    rmSync(join(dir, 'out'), {recursive: true, force: true})
    const argv = command === 'check' ? ['check', '--format', 'json', '--jobs', String(jobs), 'in'] : ['fix', '--jobs', String(jobs), 'in', '--out-dir', 'out']
    const {s} = timed(argv)
    base[command] ??= s
    rows.push({command, jobs, seconds: +s.toFixed(2), 'files/s': +(docs / s).toFixed(1), 'MB/s': +(mb / s).toFixed(3), speedup: +(base[command] / s).toFixed(2)})
  }
}
console.table(rows)

// JSONL: throughput and peak RSS (bounded memory: RSS should not grow with the input).
if (jsonlMb > 0) {
  const path = join(dir, 'records.jsonl')
  const stream = createWriteStream(path)
  let written = 0
  let id = 0
  while (written < jsonlMb * 1024 * 1024) {
    const line = JSON.stringify({id: id++, text: doc()}) + '\n'
    written += line.length
    if (!stream.write(line)) await new Promise((r) => stream.once('drain', r))
  }
  await new Promise((r) => stream.end(r))
  const hasTime = existsSync('/usr/bin/time')
  for (const jobs of jobsList) {
    const t = process.hrtime.bigint()
    const cmd = hasTime ? '/usr/bin/time' : process.execPath
    const argv = hasTime ? ['-f', '%M', process.execPath, bin, 'fix', '--jsonl', '--jobs', String(jobs), path] : [bin, 'fix', '--jsonl', '--jobs', String(jobs), path]
    const r = spawnSync(cmd, argv, {env: {...process.env, CI: 'true'}, maxBuffer: 1 << 30, stdio: ['ignore', 'ignore', 'pipe']})
    const s = Number(process.hrtime.bigint() - t) / 1e9
    const rss = hasTime ? Number(String(r.stderr).trim().split('\n').pop()) / 1024 : NaN
    console.log(`jsonl fix, ${jobs} job(s): ${id} records, ${(written / 1048576).toFixed(1)} MB in ${s.toFixed(2)} s = ${(written / 1048576 / s).toFixed(3)} MB/s, ${(id / s).toFixed(0)} records/s, peak RSS ${rss.toFixed(0)} MB`)
  }
}
void execFileSync
