#!/usr/bin/env node
// mtclean benchmark (issue 7): `npm run bench` (builds first).
//
// Generates a deterministic corpus under bench/corpus/ (seeded PRNG, sentence
// templates written for this benchmark), then measures in one run and prints a
// table; the figures go to bench/out/result.json. Every figure is a median of
// several runs; every comparison is a ratio of figures taken in this run.
// A feature the CLI lacks (or a failing step) prints "n/a" with the reason.
//
// Time budget: the whole run aims at < 10 minutes on 2 cores. A step whose
// first run takes more than BENCH_REPEAT_UNDER_S (20 s) is not repeated (median
// of 1, marked), and a step that would start after BENCH_BUDGET_S (540 s) is
// reported as n/a. The JSONL stream is stopped after BENCH_JSONL_CAP_S (90 s):
// its peak RSS is then over the part streamed, which is reported.
//
// Memory (issue 17: peak RSS < 1 GB for any input the default limits accept):
// check of a file at the default --max-file-size (20 MB), and beside it
// fix --jsonl streamed until the check ends (BENCH_MEMORY_STREAM_S, 30 s, at
// least) with its RSS sampled, to show it levels off (peak at a quarter, half,
// three quarters and all of what was streamed); memory per MB of input and
// pass/fail against 1 GB for each. BENCH_MEMORY_FULL=1 adds the fix of the
// 20 MB file and a stream with a record at the limit (minutes each).
//
// Environment: BENCH_RUNS (default 3), BENCH_QUICK=1 (fewer runs, smaller
// JSONL), BENCH_SKIP=name,name (skip steps: io,parse,mtclean,jobs,strict,
// textlint,permb,markdown,memory,cold,lexicon,jsonl,small).
import {spawnSync} from 'node:child_process'
import {cpus, totalmem, platform, release} from 'node:os'
import {copyFileSync, createWriteStream, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

import {benchDocuments, documentText, mulberry32} from './corpus.mjs'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const CORPUS = join(ROOT, 'bench/corpus')
const OUT = join(ROOT, 'bench/out')
const CLI = join(ROOT, 'dist/cli/main.js')
const QUICK = process.env.BENCH_QUICK === '1'
const RUNS = Number(process.env.BENCH_RUNS ?? (QUICK ? 1 : 3))
const SKIP = new Set((process.env.BENCH_SKIP ?? '').split(',').filter(Boolean))
const GENERATOR_VERSION = 5
const DOCS = 2000
const SINGLE_MB = [1, 4, 16]
// Markdown sizes for time per MB: up to about half the markup limit (1.9 MB).
const MARKDOWN_MB = [0.25, 1]
const JSONL_MB = QUICK ? 10 : 100
const started = Date.now()
const BUDGET_S = Number(process.env.BENCH_BUDGET_S ?? 540)
const REPEAT_UNDER_S = Number(process.env.BENCH_REPEAT_UNDER_S ?? 20)
const JSONL_CAP_S = Number(process.env.BENCH_JSONL_CAP_S ?? 90)
const MEMORY_STREAM_S = Number(process.env.BENCH_MEMORY_STREAM_S ?? 30)
const MEMORY_FULL = process.env.BENCH_MEMORY_FULL === '1'
const BUDGET_MB = 1024
// The default --max-file-size (src/engine/limits.ts): the memory section's file is exactly this big.
const LIMIT_BYTES = 20 * 1024 * 1024
const elapsed = () => (Date.now() - started) / 1000
const overBudget = () => elapsed() > BUDGET_S

// ---------------------------------------------------------------------------
// Deterministic corpus

function generateCorpus() {
  const manifest = join(CORPUS, 'manifest.json')
  const want = {version: GENERATOR_VERSION, docs: DOCS, single: SINGLE_MB, jsonlMB: JSONL_MB}
  if (existsSync(manifest) && JSON.stringify(JSON.parse(readFileSync(manifest, 'utf8'))) === JSON.stringify(want)) return false
  rmSync(CORPUS, {recursive: true, force: true})
  mkdirSync(join(CORPUS, 'docs'), {recursive: true})
  const docs = benchDocuments(DOCS)
  for (const doc of docs) {
    mkdirSync(join(CORPUS, 'docs', doc.dir), {recursive: true})
    writeFileSync(join(CORPUS, 'docs', doc.dir, doc.name), doc.text)
  }
  const rand = docs.rand
  for (const mb of SINGLE_MB) {
    const parts = []
    let size = 0
    while (size < mb * 1048576) {
      const d = documentText(rand, 5000)
      parts.push(d)
      size += d.length + 1
    }
    writeFileSync(join(CORPUS, `single-${mb}mb.txt`), parts.join('\n'))
  }
  writeFileSync(join(CORPUS, 'small.txt'), documentText(mulberry32(7), 1500))
  // A file at the default size limit, and a stream with one record at the limit between news-sized ones.
  writeFileSync(join(CORPUS, 'single-limit.txt'), atLimit(rand, LIMIT_BYTES))
  writeFileSync(join(CORPUS, 'limit-record.jsonl'), limitRecordStream(rand))
  return new Promise((resolve) => {
    const stream = createWriteStream(join(CORPUS, 'records.jsonl'))
    let written = 0
    let id = 0
    const more = () => {
      while (written < JSONL_MB * 1048576) {
        const line = JSON.stringify({id: id++, url: `https://news.example/${id}`, text: documentText(rand, 3000 + Math.floor(rand() * 4000))}) + '\n'
        written += Buffer.byteLength(line)
        if (!stream.write(line)) return stream.once('drain', more)
      }
      stream.end(() => {
        writeFileSync(manifest, JSON.stringify(want))
        resolve(true)
      })
    }
    more()
  })
}

/** Documents joined up to exactly `bytes` of UTF-8 (cut before a partial character). */
function atLimit(rand, bytes) {
  const parts = []
  let size = 0
  while (size < bytes) {
    const d = documentText(rand, 5000)
    parts.push(d)
    size += Buffer.byteLength(d) + 1
  }
  const all = Buffer.from(parts.join('\n'))
  let end = bytes
  while (end > 0 && (all[end] & 0xc0) === 0x80) end--
  return all.subarray(0, end)
}

/** 4 MB of news-sized records, one record whose line is just under the limit, 4 MB more. */
function limitRecordStream(rand) {
  let id = 0
  const small = () => {
    const lines = []
    for (let size = 0; size < 4 * 1048576; ) {
      const line = JSON.stringify({id: id++, text: documentText(rand, 2000 + Math.floor(rand() * 8000))})
      lines.push(line)
      size += Buffer.byteLength(line) + 1
    }
    return lines
  }
  const head = small()
  const wrapper = Buffer.byteLength(JSON.stringify({id: id++, text: ''}))
  let text = atLimit(rand, LIMIT_BYTES - wrapper - 4096).toString('utf8')
  let big = JSON.stringify({id: id - 1, text})
  // JSON escapes (a line break is two bytes, `"` is two) grow the line past the text: cut the overshoot (each character is at least a byte).
  for (let over = Buffer.byteLength(big) - (LIMIT_BYTES - 1); over > 0; over = Buffer.byteLength(big) - (LIMIT_BYTES - 1)) {
    text = text.slice(0, text.length - over).replace(/[\uD800-\uDBFF]$/, '')
    big = JSON.stringify({id: id - 1, text})
  }
  return [...head, big, ...small()].join('\n') + '\n'
}

// ---------------------------------------------------------------------------
// Measuring

const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b)
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN
}
const hasTime = existsSync('/usr/bin/time')

/** Run a command `runs` times: median wall seconds and max peak RSS (MB), or {error}. */
function timeCommand(argv, {runs = RUNS, ok = [0, 1], before, env} = {}) {
  const walls = []
  let rss = NaN
  if (overBudget()) return {error: `time budget of ${BUDGET_S} s used up`}
  for (let i = 0; i < runs; i++) {
    if (i > 0 && (walls[0] > REPEAT_UNDER_S || overBudget())) break
    before?.()
    const command = hasTime ? '/usr/bin/time' : argv[0]
    const args = hasTime ? ['-f', 'MTBENCH %e %M', ...argv] : argv.slice(1)
    const t = performance.now()
    const r = spawnSync(command, args, {cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30, env: {...process.env, ...env}, stdio: ['ignore', 'ignore', 'pipe']})
    const wall = (performance.now() - t) / 1000
    if (r.error) return {error: r.error.message}
    if (!ok.includes(r.status)) return {error: `exit ${r.status}: ${String(r.stderr).replace(/MTBENCH.*/, '').trim().split('\n').slice(-2).join(' ').slice(0, 160)}`}
    walls.push(wall)
    const m = /MTBENCH ([\d.]+) (\d+)/.exec(r.stderr ?? '')
    if (m) rss = Math.max(Number.isFinite(rss) ? rss : 0, Number(m[2]) / 1024)
  }
  return {s: median(walls), runs: walls, rssMB: rss, ...(walls.length < runs ? {note: `${walls.length} run(s)`} : {})}
}

/** One run of a command under /usr/bin/time without blocking (a watch runs beside it): wall seconds and peak RSS (MB), or {error}. */
async function timeOnce(argv) {
  const {spawn} = await import('node:child_process')
  return new Promise((resolve) => {
    const t = performance.now()
    const child = spawn('/usr/bin/time', ['-f', 'MTBENCH %e %M', ...argv], {cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe']})
    let stderr = ''
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('close', (code) => {
      const m = /MTBENCH ([\d.]+) (\d+)/.exec(stderr)
      if (![0, 1].includes(code) || !m) return resolve({error: `exit ${code}: ${stderr.replace(/MTBENCH.*/, '').trim().split('\n').pop()?.slice(0, 160)}`})
      resolve({s: (performance.now() - t) / 1000, runs: [(performance.now() - t) / 1000], rssMB: Number(m[2]) / 1024})
    })
  })
}

/** Run a node script (a string) that prints a JSON number of milliseconds; median over runs. */
function timeScript(code, runs = RUNS) {
  const ms = []
  if (overBudget()) return {error: `time budget of ${BUDGET_S} s used up`}
  for (let i = 0; i < runs; i++) {
    if (i > 0 && (ms[0] > REPEAT_UNDER_S * 1000 || overBudget())) break
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], {cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26})
    if (r.status !== 0) return {error: String(r.stderr).trim().split('\n').slice(-1)[0]?.slice(0, 160)}
    ms.push(JSON.parse(r.stdout.trim().split('\n').pop()))
  }
  return {s: median(ms) / 1000, runs: ms.map((x) => x / 1000), ...(ms.length < runs ? {note: `${ms.length} run(s)`} : {})}
}

const results = {}
const notes = {}
function record(name, value) {
  results[name] = value
  const shown = value.error ? `n/a (${value.error})` : `${value.s?.toFixed(3)} s${value.note ? ` (${value.note})` : ''}`
  console.error(`  ${name}: ${shown}  [${((Date.now() - started) / 1000).toFixed(0)} s elapsed]`)
}

// ---------------------------------------------------------------------------

// Flags are listed per command (`check --help`); older CLIs listed them all under --help.
const help = existsSync(CLI) ? ['--help', 'check --help', 'fix --help'].map((a) => spawnSync(process.execPath, [CLI, ...a.split(' ')], {encoding: 'utf8'}).stdout ?? '').join('\n') : ''
const supports = (flag) => help.includes(flag)
const docsDir = join(CORPUS, 'docs')
const fixedDir = join(OUT, 'fixed')
const listFiles = (dir) => readdirSync(dir, {recursive: true}).filter((f) => f.endsWith('.txt')).map((f) => join(dir, f)).sort()

console.error('mtclean benchmark: generating corpus …')
const generated = await generateCorpus()
mkdirSync(OUT, {recursive: true})
const files = listFiles(docsDir)
const corpusMB = files.reduce((n, f) => n + statSync(f).size, 0) / 1048576
console.error(`  corpus: ${files.length} documents, ${corpusMB.toFixed(1)} MB (${generated ? 'generated' : 'reused'}); runs per figure: ${RUNS}`)

const filesJson = JSON.stringify(files)
if (!SKIP.has('io')) {
  record(
    'floor: read + write every file',
    timeScript(`import {readFileSync, writeFileSync, mkdirSync} from 'node:fs'
const files = ${filesJson}; mkdirSync(${JSON.stringify(join(OUT, 'io'))}, {recursive: true})
const t = performance.now(); let i = 0
for (const f of files) writeFileSync(${JSON.stringify(join(OUT, 'io'))} + '/' + (i++) + '.txt', readFileSync(f, 'utf8'))
console.log(performance.now() - t)`)
  )
}
const parseScript = (what) => `import {readFileSync} from 'node:fs'
import {unified} from 'unified'; import retextEnglish from 'retext-english'
const processor = unified().use(retextEnglish).freeze()
const files = ${what}; const t = performance.now()
for (const f of files) processor.parse(readFileSync(f, 'utf8'))
console.log(performance.now() - t)`
if (!SKIP.has('parse')) record('floor: bare retext-english parse', timeScript(parseScript(filesJson)))

// Whole-process wall times of the CLI over the corpus (start-up included, like the user sees it).
const cli = (...args) => [process.execPath, CLI, ...args]
const clearFixed = () => rmSync(fixedDir, {recursive: true, force: true})
const mtcleanRuns = [
  ['check, recommended, 1 job', ['check', '--format', 'json', '--no-progress'], 1, 'recommended'],
  ['fix, recommended, 1 job', ['fix', '--out-dir', fixedDir], 1, 'recommended'],
  ['check, strict, 1 job', ['check', '--format', 'json', '--no-progress'], 1, 'strict'],
  ['fix, strict, 1 job', ['fix', '--out-dir', fixedDir], 1, 'strict'],
  ['check, recommended, 2 jobs', ['check', '--format', 'json', '--no-progress'], 2, 'recommended'],
  ['fix, recommended, 2 jobs', ['fix', '--out-dir', fixedDir], 2, 'recommended'],
  ['check, strict, 2 jobs', ['check', '--format', 'json', '--no-progress'], 2, 'strict']
]
function runMtclean(list) {
for (const [name, args, jobs, preset] of list) {
  const key = `mtclean ${name}`
  if (SKIP.has('mtclean') || (jobs === 2 && SKIP.has('jobs')) || (preset === 'strict' && SKIP.has('strict'))) continue
  if (!existsSync(CLI)) {
    record(key, {error: 'no dist/cli/main.js'})
    continue
  }
  if (!supports('--jobs') && jobs !== 1) {
    record(key, {error: 'the CLI has no --jobs'})
    continue
  }
  const argv = cli(...args, '--preset', preset, ...(supports('--jobs') ? ['--jobs', String(jobs)] : []), docsDir)
  const flags = args.filter((a) => a.startsWith('--'))
  const missing = flags.find((f) => !supports(f))
  if (missing) {
    record(key, {error: `the CLI has no ${missing}`})
    continue
  }
  record(key, timeCommand(argv, {before: clearFixed, ok: [0, 1]}))
}
}

/**
 * Run the CLI, polling its peak RSS (VmHWM) every 100 ms with the bytes it has
 * written so far; stop it after `capS` seconds, or once `until` has settled
 * and `minS` seconds have passed. `input` (bytes) is what it reads.
 */
async function watch(argv, input, capS, {until, minS = 0} = {}) {
  let released = !until
  until?.then(() => (released = true))
  const {spawn} = await import('node:child_process')
  return new Promise((resolve) => {
    const t = performance.now()
    const child = spawn(argv[0], argv.slice(1), {cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe']})
    let out = 0
    let peak = 0
    let stderr = ''
    let capped = false
    const samples = []
    child.stdout.on('data', (chunk) => (out += chunk.length))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    const poll = setInterval(() => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))
        if (m) peak = Math.max(peak, Number(m[1]) / 1024)
        samples.push({s: (performance.now() - t) / 1000, outMB: out / 1048576, peakMB: peak})
      } catch {}
      const now = (performance.now() - t) / 1000
      if ((now > capS || (released && until && now > minS)) && !capped) {
        capped = true
        child.kill('SIGKILL')
      }
    }, 100)
    child.on('close', (code) => {
      clearInterval(poll)
      const s = (performance.now() - t) / 1000
      const doneMB = Math.min(out, input) / 1048576
      if (!capped && ![0, 1].includes(code)) return resolve({error: `exit ${code}: ${stderr.trim().split('\n').pop()?.slice(0, 160)}`})
      resolve({s, rssMB: peak || NaN, streamedMB: +doneMB.toFixed(1), complete: !capped, samples, stderr, ...(capped ? {note: `stopped after ${capS} s, ${doneMB.toFixed(1)} of ${(input / 1048576).toFixed(0)} MB written`} : {})})
    })
  })
}

/** Stream the JSONL file through the CLI, polling its peak RSS (VmHWM); stop after JSONL_CAP_S. */
async function streamJsonl(argv) {
  const {samples, stderr, ...r} = await watch(argv, statSync(join(CORPUS, 'records.jsonl')).size, JSONL_CAP_S)
  return r
}

/** Pass or fail against the budget, and memory per MB of input. */
function verdict(r, inputMB) {
  if (r.error) return r
  const perMB = r.rssMB / inputMB
  return {...r, inputMB: +inputMB.toFixed(1), note: [r.note, `${perMB.toFixed(0)} MB per MB of input`, r.rssMB < BUDGET_MB ? 'pass (< 1 GB)' : 'FAIL (≥ 1 GB)'].filter(Boolean).join('; '), perMB, pass: r.rssMB < BUDGET_MB}
}

const byName = (...names) => mtcleanRuns.filter(([name]) => names.includes(name))
// The peer: textlint with one no-op rule over the same files.
if (!SKIP.has('textlint')) {
  const textlintBin = join(ROOT, 'node_modules/textlint/bin/textlint.js')
  if (!existsSync(textlintBin)) record('textlint, one no-op rule', {error: 'textlint is not installed (npm install)'})
  else {
    const argv = [process.execPath, textlintBin, '--config', join(ROOT, 'bench/textlint/textlintrc.json'), '--rulesdir', join(ROOT, 'bench/textlint/rules'), '--no-color', join(docsDir, '**/*.txt')]
    record('textlint, one no-op rule', timeCommand(argv, {ok: [0, 1]}))
  }
}

// Cold start: `mtclean check` on one small file, wall time; and bare node for reference.
if (!SKIP.has('cold')) {
  record('node start-up (node -e 0)', timeCommand([process.execPath, '-e', '0'], {runs: 5}))
  if (existsSync(CLI)) record('cold start: mtclean check small.txt', timeCommand(cli('check', join(CORPUS, 'small.txt')), {runs: 5, ok: [0, 1]}))
  else record('cold start: mtclean check small.txt', {error: 'no dist/cli/main.js'})
}

// Lexicon: the dictionary engineer's bench/lexicon.mjs (prints JSON).
if (!SKIP.has('lexicon')) {
  if (existsSync(join(ROOT, 'bench/lexicon.mjs')) && existsSync(join(ROOT, 'dist/lexicon/index.js'))) {
    const r = spawnSync(process.execPath, [join(ROOT, 'bench/lexicon.mjs')], {cwd: ROOT, encoding: 'utf8'})
    try {
      const lex = JSON.parse(r.stdout)
      results.lexicon = lex
      console.error(`  lexicon: word list ${lex.wordList?.ms} ms / ${lex.wordList?.heapMB} MB heap; nspell ${lex.nspell?.ms} ms / ${lex.nspell?.heapMB} MB`)
      const sources = Object.entries(lex.sourceDictionaries ?? {}).map(([lang, d]) => `${lang} ${d.ms} ms`)
      if (sources.length) console.error(`  source dictionaries, on first use: ${sources.join(', ')}`)
    } catch {
      results.lexicon = {error: `bench/lexicon.mjs failed: ${String(r.stderr).trim().split('\n').pop()}`}
    }
  } else results.lexicon = {error: 'no bench/lexicon.mjs or dist/lexicon'}
}

runMtclean(byName('check, recommended, 1 job', 'check, recommended, 2 jobs', 'fix, recommended, 1 job', 'check, strict, 1 job'))

// A small batch (issue 16): the first 400 documents, where a worker's start is a large part of the run and
// `--jobs 2` used to be slower than `--jobs 1`. The two are timed in turns, so that a change in the machine's
// load falls on both alike.
if (!SKIP.has('mtclean') && !SKIP.has('jobs') && !SKIP.has('small') && existsSync(CLI) && supports('--jobs')) {
  const smallDir = join(CORPUS, 'docs-400')
  rmSync(smallDir, {recursive: true, force: true})
  mkdirSync(smallDir, {recursive: true})
  files.slice(0, 400).forEach((f, i) => copyFileSync(f, join(smallDir, `${String(i).padStart(4, '0')}.txt`)))
  const smallMB = files.slice(0, 400).reduce((n, f) => n + statSync(f).size, 0) / 1048576
  const walls = {1: [], 2: []}
  let failed
  for (let k = 0; k < Math.max(RUNS, 3) && !failed; k++) {
    for (const jobs of [1, 2]) {
      const r = timeCommand(cli('check', '--format', 'json', '--no-progress', '--jobs', String(jobs), smallDir), {runs: 1})
      if (r.error) failed = r
      else walls[jobs].push(r.s)
    }
  }
  for (const jobs of [1, 2]) {
    record(`mtclean check, 400 files, ${jobs} job${jobs > 1 ? 's' : ''}`, failed ?? {s: median(walls[jobs]), runs: walls[jobs], files: 400, MB: smallMB})
  }
  rmSync(smallDir, {recursive: true, force: true})
}

// Peak RSS while streaming the JSONL file through `mtclean fix --jsonl`.
if (!SKIP.has('jsonl')) {
  const key = `mtclean fix --jsonl, ${JSONL_MB} MB stream`
  if (!existsSync(CLI) || !supports('--jsonl')) record(key, {error: 'the CLI has no --jsonl'})
  else if (!hasTime) record(key, {error: 'no /usr/bin/time to read the peak RSS'})
  else if (overBudget()) record(key, {error: `time budget of ${BUDGET_S} s used up`})
  else record(key, await streamJsonl(cli('fix', '--jsonl', join(CORPUS, 'records.jsonl'))))
}

// Time per MB on single files, in process (no start-up), check with the recommended preset.
if (!SKIP.has('permb')) {
  for (const mb of SINGLE_MB) {
    const file = join(CORPUS, `single-${mb}mb.txt`)
    record(
      `check per MB, single ${mb} MB file`,
      timeScript(
        `import {readFileSync} from 'node:fs'
import {createLinter} from ${JSON.stringify(new URL('../dist/index.js', import.meta.url).href)}
const linter = createLinter({preset: 'recommended'}); linter.check('Warm up.')
const text = readFileSync(${JSON.stringify(file)}, 'utf8')
const t = performance.now(); linter.check(text)
console.log((performance.now() - t) / ${mb})`,
        mb >= 16 ? Math.min(RUNS, 2) : RUNS
      )
    )
  }
  record('parse per MB, single 16 MB file (bare retext-english)', {error: 'not measured: parse-english is super-linear on one 16 MB input (minutes)'})
}

// Markdown time per MB, in process, check with the recommended preset: paragraphs and small lists
// (bench/corpus.mjs markdownText, generated in the script, not timed), which micromark parses in
// superlinear time in one piece; src/formats/markdown-pieces.ts parses them in pieces.
if (!SKIP.has('markdown')) {
  for (const mb of MARKDOWN_MB) {
    record(
      `check per MB, Markdown ${mb} MB`,
      timeScript(
        `import {createLinter} from ${JSON.stringify(new URL('../dist/index.js', import.meta.url).href)}
import {markdownText, mulberry32} from ${JSON.stringify(new URL('./corpus.mjs', import.meta.url).href)}
const linter = createLinter({preset: 'recommended'}); await linter.checkAs('Warm up.', 'markdown')
const text = markdownText(mulberry32(11), ${mb} * 1048576)
const t = performance.now(); await linter.checkAs(text, 'markdown')
console.log((performance.now() - t) / ${mb})`
      )
    )
  }
}

// Peak memory (issue 17: < 1 GB for any input the default limits accept), one run each: see the header.
if (!SKIP.has('memory')) {
  if (!existsSync(CLI)) record('memory', {error: 'no dist/cli/main.js'})
  else if (!hasTime) record('memory', {error: 'no /usr/bin/time to read the peak RSS'})
  else {
    const limitFile = join(CORPUS, 'single-limit.txt')
    const limitMB = statSync(limitFile).size / 1048576
    // The check of the 20 MB file and the stream run side by side (each process's own peak RSS; the section's time is
    // the check's): the stream goes on until the check ends, BENCH_MEMORY_STREAM_S at least, 120 s at most.
    const stream = join(CORPUS, 'records.jsonl')
    const check = timeOnce(cli('check', '--format', 'json', '--no-progress', limitFile))
    const w = await watch(cli('fix', '--jsonl', stream), statSync(stream).size, 120, {until: check, minS: MEMORY_STREAM_S})
    record('memory: check, file at the 20 MB limit', verdict(await check, limitMB))
    if (MEMORY_FULL) {
      clearFixed()
      record('memory: fix, file at the 20 MB limit', verdict(await timeOnce(cli('fix', '--out-dir', fixedDir, limitFile)), limitMB))
    }
    if (w.error) record('memory: fix --jsonl stream', w)
    else {
      // Peak RSS when a quarter, half, three quarters and all of what was streamed had been written.
      const at = (f) => Math.max(0, ...w.samples.filter((x) => x.outMB <= f * w.streamedMB).map((x) => x.peakMB))
      const [q1, half, q3] = [at(0.25), at(0.5), at(0.75)]
      const growth = w.rssMB - half
      const r = verdict(
        {s: w.s, rssMB: w.rssMB, streamedMB: w.streamedMB, note: `${w.streamedMB} MB in ${w.s.toFixed(0)} s; peak ${q1.toFixed(0)} / ${half.toFixed(0)} / ${q3.toFixed(0)} / ${w.rssMB.toFixed(0)} MB at a quarter / half / three quarters / all of it (${growth >= 0 ? '+' : ''}${growth.toFixed(0)} MB over the second half)`},
        w.streamedMB
      )
      Object.assign(r, {quarterMB: q1, halfMB: half, threeQuartersMB: q3, growthMB: growth})
      record('memory: fix --jsonl stream', r)
    }
    if (MEMORY_FULL) {
      const mixed = join(CORPUS, 'limit-record.jsonl')
      record('memory: fix --jsonl, a record at the 20 MB limit', verdict(timeCommand(cli('fix', '--jsonl', mixed), {runs: 1, ok: [0, 1]}), statSync(mixed).size / 1048576))
    }
  }
}

runMtclean(byName('fix, recommended, 2 jobs', 'fix, strict, 1 job', 'check, strict, 2 jobs'))

// ---------------------------------------------------------------------------
// Table

const s = (name) => results[name]?.s
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? a / b : NaN)
const parse = s('floor: bare retext-english parse')
const derived = {
  'check recommended 1 job / bare parse': [ratio(s('mtclean check, recommended, 1 job'), parse), '≤ 1.5'],
  'fix recommended 1 job / bare parse': [ratio(s('mtclean fix, recommended, 1 job'), parse), '≤ 2'],
  'check strict 1 job / bare parse': [ratio(s('mtclean check, strict, 1 job'), parse), '≤ 2'],
  'fix strict 1 job / bare parse': [ratio(s('mtclean fix, strict, 1 job'), parse), '≤ 2'],
  'speed-up check, 2 jobs vs 1': [ratio(s('mtclean check, recommended, 1 job'), s('mtclean check, recommended, 2 jobs')), '≥ 1.7'],
  'speed-up fix, 2 jobs vs 1': [ratio(s('mtclean fix, recommended, 1 job'), s('mtclean fix, recommended, 2 jobs')), '≥ 1.7'],
  'speed-up check, 400 files, 2 jobs vs 1, no slower': [ratio(s('mtclean check, 400 files, 1 job'), s('mtclean check, 400 files, 2 jobs')), '≥ 0.95'],
  'check recommended 1 job / textlint no-op': [ratio(s('mtclean check, recommended, 1 job'), s('textlint, one no-op rule')), '< 1 (stretch)'],
  'check recommended 2 jobs / textlint no-op': [ratio(s('mtclean check, recommended, 2 jobs'), s('textlint, one no-op rule')), '< 1 (stretch)'],
  'time per MB, 16 MB / 1 MB': [ratio(s('check per MB, single 16 MB file'), s('check per MB, single 1 MB file')), '≤ 1.2'],
  'time per MB, 4 MB / 1 MB': [ratio(s('check per MB, single 4 MB file'), s('check per MB, single 1 MB file')), '≤ 1.2'],
  'Markdown time per MB, 1 MB / 0.25 MB': [ratio(s('check per MB, Markdown 1 MB'), s('check per MB, Markdown 0.25 MB')), '≤ 1.2'],
  'cold start (ms)': [1000 * s('cold start: mtclean check small.txt'), '≤ 250'],
  'cold start (ms), target of the speed issue': [1000 * s('cold start: mtclean check small.txt'), '≤ 150'],
  'peak RSS, check of the 20 MB file (MB)': [results['memory: check, file at the 20 MB limit']?.rssMB, '< 1024'],
  'peak RSS, fix of the 20 MB file (MB)': [results['memory: fix, file at the 20 MB limit']?.rssMB, '< 1024'],
  'memory per MB of input, check 20 MB (MB)': [results['memory: check, file at the 20 MB limit']?.perMB, '≥ 0 (info)'],
  'peak RSS, fix --jsonl stream (MB)': [results['memory: fix --jsonl stream']?.rssMB, '< 1024'],
  'RSS growth over the second half of the stream (MB)': [results['memory: fix --jsonl stream']?.growthMB, '< 50'],
  'peak RSS, fix --jsonl with a 20 MB record (MB)': [results['memory: fix --jsonl, a record at the 20 MB limit']?.rssMB, '< 1024'],
  'peak RSS, JSONL stream (MB)': [results[`mtclean fix --jsonl, ${JSONL_MB} MB stream`]?.rssMB, '≤ 300'],
  'JSONL fix throughput, MB per s': [(() => { const j = results[`mtclean fix --jsonl, ${JSONL_MB} MB stream`]; return j?.streamedMB / j?.s })(), '≥ 0 (info)']
}
const machine = {cpu: cpus()[0]?.model, cores: cpus().length, memoryGB: +(totalmem() / 2 ** 30).toFixed(1), os: `${platform()} ${release()}`, node: process.version}

const lines = []
lines.push(`mtclean benchmark — ${new Date().toISOString()} — ${machine.cores} × ${machine.cpu}, node ${machine.node}`)
lines.push(`corpus: ${files.length} documents, ${corpusMB.toFixed(1)} MB; medians of ${RUNS} run(s)`)
lines.push('')
lines.push('| measure | time | files/s | MB/s | peak RSS |')
lines.push('|---|---:|---:|---:|---:|')
for (const [name, v] of Object.entries(results)) {
  if (name === 'lexicon') continue
  if (v.error) {
    lines.push(`| ${name} | n/a (${v.error}) | | | |`)
    continue
  }
  const perMB = name.includes('per MB')
  const mbs = perMB ? 1 / v.s : v.files ? v.MB / v.s : v.inputMB ? (v.streamedMB ?? v.inputMB) / v.s : name.includes('--jsonl') ? (v.streamedMB ?? JSONL_MB) / v.s : name.startsWith('cold') || name.startsWith('node') ? NaN : corpusMB / v.s
  // files/s for the runs over the whole corpus of documents.
  const fps = v.files ? v.files / v.s : perMB || v.inputMB || name.includes('--jsonl') || name.startsWith('cold') || name.startsWith('node') ? NaN : files.length / v.s
  lines.push(`| ${name}${v.note ? ` (${v.note})` : ''} | ${perMB ? `${(v.s * 1000).toFixed(0)} ms/MB` : `${v.s.toFixed(2)} s`} | ${Number.isFinite(fps) ? fps.toFixed(0) : ''} | ${Number.isFinite(mbs) ? mbs.toFixed(2) : ''} | ${Number.isFinite(v.rssMB) ? v.rssMB.toFixed(0) + ' MB' : ''} |`)
}
if (results.lexicon && !results.lexicon.error) {
  const l = results.lexicon
  lines.push(`| lexicon load: word list | ${l.wordList?.ms} ms | | | +${l.wordList?.heapMB} MB heap |`)
  lines.push(`| lexicon load: nspell + dictionary-en (for comparison) | ${l.nspell?.ms} ms | | | +${l.nspell?.heapMB} MB heap |`)
  for (const [lang, d] of Object.entries(l.sourceDictionaries ?? {})) lines.push(`| source dictionary load, on first use: ${lang} | ${d.ms} ms | | | +${d.heapMB} MB heap |`)
} else if (results.lexicon) lines.push(`| lexicon load | n/a (${results.lexicon.error}) | | | |`)
lines.push('')
lines.push('| ratio (same run) | value | target | met |')
lines.push('|---|---:|---|---|')
for (const [name, [value, target]] of Object.entries(derived)) {
  const [, op, n] = /([≤≥<])\s*([\d.]+)/.exec(target)
  const met = !Number.isFinite(value) ? 'n/a' : (op === '≤' ? value <= +n : op === '≥' ? value >= +n : value < +n) ? 'yes' : 'no'
  lines.push(`| ${name} | ${Number.isFinite(value) ? value.toFixed(name.includes('(') ? 0 : 2) : 'n/a'} | ${target} | ${met} |`)
}
lines.push('')
lines.push(`total benchmark time: ${((Date.now() - started) / 1000).toFixed(0)} s`)
console.log(lines.join('\n'))
writeFileSync(
  join(OUT, 'result.json'),
  JSON.stringify({date: new Date().toISOString(), machine, runs: RUNS, corpus: {documents: files.length, MB: +corpusMB.toFixed(2), singleMB: SINGLE_MB, jsonlMB: JSONL_MB}, results, ratios: Object.fromEntries(Object.entries(derived).map(([k, [v, t]]) => [k, {value: Number.isFinite(v) ? +v.toFixed(3) : null, target: t}])), notes}, null, 1)
)
writeFileSync(join(OUT, 'result.md'), lines.join('\n') + '\n')
rmSync(join(OUT, 'io'), {recursive: true, force: true})
clearFixed()
