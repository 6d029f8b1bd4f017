#!/usr/bin/env node
/**
 * Reruns the regression tests of issues 16 and 17 against an old build and
 * against this tree, and prints which fail where (docs/regressions.md lists
 * the same rows, with how each one fails). Every test must fail on the old
 * build and pass here; the exit code is 1 otherwise. --markdown prints a
 * table with the assertion messages (the plain report goes to stderr then).
 *
 *   node scripts/regressions.mjs OLD/dist/cli/main.js [--only 16.6,17.4] [--markdown]
 *   npm run regressions -- OLD/dist/cli/main.js
 *
 * OLD is a checkout of an earlier commit, built (`npm run build`) with its
 * dependencies installed; nothing of it is committed here. This tree must be
 * built too. The same test files run twice: once as they are, once pointed at
 * OLD through the overrides of test/cli-support.ts:
 *   MTCLEAN_BIN           the binary the CLI tests spawn (and its dist/ library)
 *   MTCLEAN_REPO          the checkout whose docs and .pre-commit-hooks.yaml are read
 *   MTCLEAN_ACTION_PATH   the action's directory (test/action.test.ts)
 *   MTCLEAN_RUN_TIMEOUT_MS a CLI that hangs is killed after this long (an old build does hang)
 * Tests that import src/ (the fuzzer's properties) run against OLD's dist/
 * through a resolve alias, ../src/X.js → OLD/dist/X.js.
 */
import {spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, copyFileSync, writeFileSync, chmodSync, mkdirSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join, resolve} from 'node:path'

const ROOT = resolve(import.meta.dirname, '..')

/**
 * One row per defect of issue 16 and item of issue 17: the tests that hold it.
 * `mode` says how the old build is reached: `cli` (its binary), `repo` (its
 * files), `action` (its action.yml), `library` (its dist/ imported in place of src/).
 */
export const ROWS = [
  {id: '16.1', name: 'fix damages Markdown: code rewritten, front matter deleted', file: 'formats', mode: 'cli', tests: ['fix doc.md prints the document with only its prose fixed; --format-in text does not']},
  {id: '16.2', name: 'action: unquoted paths, bash expands the ** glob (1 of 3 files)', file: 'action', mode: 'action', tests: ['format github: a quoted ** glob checks every matching file, and the job fails']},
  {id: '16.3', name: 'action/-o: a report into a missing directory crashes, sarif-file writes nothing', file: 'action', mode: 'action', tests: ['format sarif: the report goes into a directory that did not exist, is uploaded, then the job fails']},
  {id: '16.3', name: '(same, the CLI) -o reports/x.sarif into a missing directory', file: 'reports', mode: 'cli', tests: ['-o into a missing directory creates it']},
  {id: '16.4', name: 'action: Node 20, upload-sarif@v3, a build in every job', file: 'action', mode: 'action', tests: ['runs on a supported Node and current actions, and never builds in the job']},
  {id: '16.5', name: 'pre-commit hook does not install (tsc: not found)', file: 'pre-commit', mode: 'repo', tests: ['install from the repository and run: mtclean reports, mtclean-fix fixes only prose']},
  {id: '16.6', name: 'baseline keyed by a message with an offset: a paragraph above brings findings back', file: 'baseline', mode: 'cli', tests: ['a paragraph added above, or a file edited elsewhere, brings no old finding back']},
  {
    id: '16.7',
    name: 'check --jsonl ignores -f sarif|github|junit and --baseline',
    file: 'reports',
    mode: 'cli',
    tests: ['check --jsonl --format sarif is valid SARIF pointing at the records’ lines', 'check --jsonl --format github annotates the JSONL file; junit and stylish work too', '--jsonl refuses --baseline and --format diff with a clear error']
  },
  {id: '16.7', name: '(same) check --jsonl --baseline', file: 'cli-help', mode: 'cli', tests: ['check --jsonl --baseline exits 2']},
  {id: '16.8', name: 'a mistyped --field exits 0 with no output', file: 'cli-help', mode: 'cli', tests: ['a mistyped --field exits 2 and names the fields there are']},
  {id: '16.9', name: 'an empty directory or a wrong --ext exits 0 silently', file: 'cli-help', mode: 'cli', tests: ['an empty directory exits 2', 'a wrong --ext exits 2']},
  {id: '16.10', name: '`mtclean check` with no path waits silently on a TTY', file: 'cli-help', mode: 'cli', tests: ['a TTY with no input gets a hint on stderr']},
  {
    id: '16.11',
    name: 'no "did you mean" for a flag, rule id or preset; extends: mtclean:strcit says "config file not found"',
    file: 'cli-help',
    mode: 'cli',
    tests: ['["chek"]', '["check","--fromat","json"]', '["check","--format","jsno"]', '["check","--preset","strcit"]', '["check","--rule","quote-glue=off"]', 'config {"extends":"mtclean:strcit"}', 'config {"setings":{}}', 'config {"settings":{"quoteStyle":"britsh"}}', 'config {"rules":{"calqe":"off"}}', 'config {"rules":{"calque":{"disabel":[]}}}']
  },
  {id: '16.12', name: '`rules --help` exits 2, `check --help` prints the global help', file: 'cli-help', mode: 'cli', tests: ['rules --help exits 0 with the rules flags', 'check --help prints the help of check (no fix flags), fix --help the help of fix']},
  {id: '16.13', name: '.mtcleanignore read only from the working directory', file: 'cli-help', mode: 'cli', tests: ['the nearest .mtcleanignore above each file, patterns relative to its directory']},
  {id: '16.14', name: '"mtclean-disable." in ordinary prose silences every rule after it', file: 'markers', mode: 'cli', tests: ['fix: "mtclean-disable." in ordinary prose silences nothing after it']},
  {id: '16.15', name: 'disable-next-line does nothing with CR-only line ends', file: 'markers', mode: 'cli', tests: ['fix: disable-next-line silences the next line with CR, LF and CRLF line ends']},
  {id: '16.16', name: 'docs/cli.md says the pool starts at 24 files, the code at 200 files or 256 KB', file: 'cli-help', mode: 'repo', tests: ['docs/cli.md states when the worker threads start, as the code has it']},
  {id: '16.16', name: '--jobs 2 slower than --jobs 1 on 400 files: two workers start for any batch', file: 'pool', mode: 'cli', tests: ['a small batch with two jobs runs on the main thread alone; started at once, workers give the same results']},
  {id: '16.16', name: 'the documented `parallel --pipe` recipe lacks -k', file: 'cli-help', mode: 'repo', tests: ['every documented `parallel --pipe` recipe keeps the records in order (-k)']},
  {id: '16.17', name: 'SARIF: no help per rule, name equal to id', file: 'reports', mode: 'cli', tests: ['check -f sarif: every rule has a name distinct from its id and help from its doc, as code scanning wants']},
  {id: '16.18', name: 'editor: the language server ignores .mtcleanrc and the markers', file: 'lsp', mode: 'cli', tests: ['speaks LSP: diagnostics as the CLI checks (config, markers, code skipped), quick fixes from expected, shutdown']},
  {id: '17.1', name: 'a straight-quoted quotation wrapped after `(` or `— ` is broken', file: 'quote-model', mode: 'cli', tests: ['wrapped straight quotations: `mtclean fix` (recommended preset) leaves them byte for byte']},
  {
    id: '17.2',
    name: 'JSONL: invalid UTF-8 → U+FFFD in untouched records; big numbers and 1e400 re-serialized',
    file: 'jsonl',
    mode: 'cli',
    tests: ['numbers, escapes, white space and invalid UTF-8 of other fields survive a fix of the text field', 'a text field holding invalid UTF-8 is passed through untouched, not fixed over U+FFFD', 'property: a record whose text needs no fix comes out byte-identical; in any record only the text value changes']
  },
  {id: '17.3', name: 'UTF-32LE read as UTF-16 with NULs deleted; a binary FF FE file loses bytes', file: 'cli-safety', mode: 'cli', tests: ['a UTF-32LE file (FF FE 00 00) is refused, not read as UTF-16 and rewritten', 'a binary file that starts with FF FE is refused (NUL check on the UTF-16 path), nothing written']},
  {
    id: '17.4',
    name: 'fix --write loses a concurrent edit, resets the owner, splits hard links',
    file: 'cli-safety',
    mode: 'cli',
    tests: ['fix --write: a file saved by an editor while mtclean fixes it keeps the edit (exit 2, one line)', 'keeps the owner of a file (running as root: chown back)', 'a file with hard links is refused (a rename would split the links), every name keeps its text']
  },
  {id: '17.5', name: '--out-dir overwrites inputs through a symlinked subdirectory', file: 'cli-safety', mode: 'cli', tests: ['--out-dir never writes through a symbolic link onto an input']},
  {id: '17.6', name: 'full disk: --update-baseline truncates the baseline, -o leaves a truncated report', file: 'cli-safety', mode: 'cli', tests: ['--update-baseline keeps the old baseline intact; -o keeps the old report intact']},
  {
    id: '17.7',
    name: 'memory: an input the defaults accept runs out of memory; the batch dies with no report; an oversized JSONL record cuts the stream',
    file: 'cli-safety',
    mode: 'cli',
    tests: ['a file over the default limit is refused before work starts; the rest of the batch completes', 'a big input that does not fit the worker heap fails alone, reported; the rest of the batch completes', 'a big input that would not fit the worker heap is refused before work starts, with its size; the rest of the batch completes', 'a Markdown file is estimated as markup (its syntax tree is built whole): 2.5 MB is refused before work starts at the default heap']
  },
  {id: '17.7', name: '(same) an oversized JSONL record', file: 'jsonl', mode: 'cli', tests: ['a record over --max-file-size is passed through untouched with an error; the rest completes']},
  {id: '17.8', name: 'stack traces: -o to a directory or a missing directory, writing the baseline (full disk: 17.6)', file: 'cli-safety', mode: 'cli', tests: ['-o to a directory: one line, exit 2, no stack trace; to a missing directory: it is made', 'a baseline that cannot be written: one line, exit 2']},
  {
    id: '17.9',
    name: 'hangs: check /dev/zero, extends: /dev/zero, a rule file linked to /dev/zero, a FIFO with no writer',
    file: 'cli-safety',
    mode: 'cli',
    tests: ['check /dev/zero is refused at once (not a regular file)', 'a FIFO with no writer is refused, not waited on (files and --jsonl)', 'extends: /dev/zero and a rule file symlinked to /dev/zero are refused, not read forever']
  },
  {id: '17.10', name: 'config keys constructor/toString crash; a YAML alias bomb', file: 'config', mode: 'cli', tests: ['keys such as constructor or toString are unknown keys, not a crash', "a YAML alias bomb is a friendly error, not the parser's"]},
  {id: '17.11', name: 'user rule patterns unchecked: adjacent {word} placeholders take 53 s', file: 'config-rule-files', mode: 'cli', tests: ['adjacent placeholders, or one followed by what could continue it, are rejected with file:line']},
  {id: '17.12', name: 'extends/ruleFiles echo the contents of files that are not config', file: 'config', mode: 'cli', tests: ['errors about a file that is not a config never print its contents']},
  {id: '17.13', name: 'a fix that did not settle is never reported', file: 'cli-safety', mode: 'cli', tests: ['fix --check warns and exits 1 when the fixes did not settle within the pass limit']},
  {
    id: '17.14',
    name: 'the fuzzer cannot reach wrap, size or multi-paragraph bugs',
    file: 'property',
    mode: 'library',
    tests: ['real text with one repairable artifact spliced in: fix gives back the correct text exactly', 'real text with artifacts of every category, multi-paragraph quotations, long lines, CR-only and mixed line ends']
  }
]

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
/** The line that says why; for a property, its counterexample too. */
function firstLine(message) {
  const lines = (message ?? '').replace(/\x1b\[[0-9;]*m/g, '').split('\n').filter((l) => l.trim())
  const example = lines.find((l) => l.startsWith('Counterexample: '))
  return [lines[0] ?? '', example].filter(Boolean).join(' ')
}

/** Run `tests` of test/<file>.test.ts; returns title → {status, message}. */
function runTests(file, tests, env, config) {
  const out = join(mkdtempSync(join(tmpdir(), 'mtclean-regressions-')), 'report.json')
  const args = ['run', `test/${file}.test.ts`, `--testNamePattern=${tests.map(escape).join('|')}`, '--reporter=json', `--outputFile=${out}`]
  if (config) args.push('--config', config)
  const r = spawnSync(join(ROOT, 'node_modules/.bin/vitest'), args, {cwd: ROOT, env: {...process.env, ...env}, encoding: 'utf8', maxBuffer: 1 << 28})
  const results = new Map()
  if (!existsSync(out)) {
    for (const t of tests) results.set(t, {status: 'error', message: firstLine(r.stderr) || `vitest exited ${r.status}`})
    return results
  }
  const report = JSON.parse(readFileSync(out, 'utf8'))
  rmSync(dirname(out), {recursive: true, force: true})
  for (const f of report.testResults) {
    for (const a of f.assertionResults) if (tests.includes(a.title)) results.set(a.title, {status: a.status, message: firstLine(a.failureMessages?.[0])})
    // A file that did not load (an import the old build lacks): every test of it failed.
    if (f.assertionResults.length === 0 && f.message) for (const t of tests) results.set(t, {status: 'failed', message: firstLine(f.message)})
  }
  for (const t of tests) if (!results.has(t)) results.set(t, {status: 'missing', message: 'no such test'})
  return results
}

/** What the old build needs around it: its action in a directory `npm ci` cannot harm, an alias config for src/ imports. */
function oldSetup(oldBin) {
  const dist = dirname(dirname(oldBin))
  const repo = dirname(dist)
  const work = mkdtempSync(join(tmpdir(), 'mtclean-old-'))
  const env = {MTCLEAN_BIN: oldBin, MTCLEAN_RUN_TIMEOUT_MS: process.env.MTCLEAN_RUN_TIMEOUT_MS ?? '20000'}
  const git = spawnSync('git', ['-C', repo, 'rev-parse', '--short', 'HEAD'], {encoding: 'utf8'})
  const commit = git.status === 0 ? git.stdout.trim() : undefined
  if (commit) env.MTCLEAN_REPO = repo
  if (existsSync(join(repo, 'action.yml'))) {
    // The action's own directory: its action.yml and a link to its dist/ (node finds the
    // dependencies from dist's real path). An old action's `npm ci` would reinstall the
    // checkout, emptying a node_modules that may be shared: a shim on PATH skips it (the
    // dependencies are there); every other npm command runs as usual.
    const action = join(work, 'action')
    mkdirSync(action)
    copyFileSync(join(repo, 'action.yml'), join(action, 'action.yml'))
    if (existsSync(join(repo, 'package.json'))) copyFileSync(join(repo, 'package.json'), join(action, 'package.json'))
    symlinkSync(dist, join(action, 'dist'))
    const bin = join(work, 'bin')
    mkdirSync(bin)
    const npm = spawnSync('sh', ['-c', 'command -v npm'], {encoding: 'utf8'}).stdout.trim()
    writeFileSync(join(bin, 'npm'), `#!/bin/sh\nif [ "$1" = ci ]; then echo "regressions: npm ci skipped (the old build's dependencies are installed)"; exit 0; fi\nexec "${npm}" "$@"\n`)
    chmodSync(join(bin, 'npm'), 0o755)
    env.MTCLEAN_ACTION_PATH = action
    env.PATH = `${bin}:${process.env.PATH}`
  }
  const config = join(work, 'vitest.old.config.mjs')
  writeFileSync(
    config,
    `export default {\n  root: ${JSON.stringify(ROOT)},\n  resolve: {alias: [{find: /^\\.\\.\\/src\\/(.*)\\.js$/, replacement: ${JSON.stringify(dist + '/')} + '$1.js'}]},\n  test: {include: ['test/**/*.test.ts'], testTimeout: 120000}\n}\n`
  )
  return {env, config, repo, commit, work}
}

function main() {
  const argv = process.argv.slice(2)
  const markdown = argv.includes('--markdown')
  const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1].split(',') : undefined
  const oldBin = argv.find((a, i) => !a.startsWith('--') && argv[i - 1] !== '--only')
  if (!oldBin || !existsSync(oldBin)) {
    console.error('usage: node scripts/regressions.mjs OLD/dist/cli/main.js [--only 16.6,17.4] [--markdown]')
    process.exit(2)
  }
  if (!existsSync(join(ROOT, 'dist/cli/main.js'))) {
    console.error('build this tree first: npm run build')
    process.exit(2)
  }
  const old = oldSetup(resolve(oldBin))
  const rows = ROWS.filter((r) => !only || only.includes(r.id))
  const byFile = new Map()
  for (const row of rows) {
    const entry = byFile.get(row.file) ?? {tests: [], modes: new Set()}
    entry.tests.push(...row.tests)
    entry.modes.add(row.mode)
    byFile.set(row.file, entry)
  }
  const results = {old: new Map(), now: new Map()}
  for (const [file, {tests, modes}] of byFile) {
    const t0 = Date.now()
    const missing = modes.has('repo') && !old.env.MTCLEAN_REPO ? 'the old build is not in a git checkout' : modes.has('action') && !old.env.MTCLEAN_ACTION_PATH ? 'the old build has no action.yml beside its dist/' : undefined
    const o = missing ? new Map(tests.map((t) => [t, {status: 'not run', message: missing}])) : runTests(file, tests, old.env, modes.has('library') ? old.config : undefined)
    const n = runTests(file, tests, {})
    for (const t of tests) {
      results.old.set(`${file}\0${t}`, o.get(t))
      results.now.set(`${file}\0${t}`, n.get(t))
    }
    console.error(`regressions: test/${file}.test.ts (${tests.length} tests) in ${((Date.now() - t0) / 1000).toFixed(0)} s`)
  }
  rmSync(old.work, {recursive: true, force: true})
  let bad = 0
  const lines = []
  for (const row of rows) {
    for (const test of row.tests) {
      const o = results.old.get(`${row.file}\0${test}`)
      const n = results.now.get(`${row.file}\0${test}`)
      const ok = o.status === 'failed' && n.status === 'passed'
      if (!ok) bad++
      lines.push({row, test, o, n, ok})
    }
  }
  const cell = (s) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ')
  if (markdown) {
    console.log(`| # | defect | test | fails on ${old.commit ?? 'the old build'} | passes now |`)
    console.log('|---|---|---|---|---|')
    for (const {row, test, o, n} of lines) {
      const how = o.status === 'failed' ? `yes: ${cell(o.message.slice(0, 160))}` : `**no** (${o.status})`
      console.log(`| ${row.id} | ${cell(row.name)} | \`test/${row.file}.test.ts\` › ${cell(test)} | ${how} | ${n.status === 'passed' ? 'yes' : `**no** (${n.status}: ${cell(n.message.slice(0, 120))})`} |`)
    }
  }
  {
    const print = markdown ? console.error : console.log
    for (const {row, test, o, n, ok} of lines) {
      print(`${ok ? 'ok  ' : 'BAD '} ${row.id.padEnd(5)} ${row.file}: ${test}\n       old: ${o.status}${o.message ? ' — ' + o.message.slice(0, 160) : ''}\n       now: ${n.status}${n.message ? ' — ' + n.message.slice(0, 160) : ''}`)
    }
    print(`\n${lines.length - bad} of ${lines.length} tests fail on the old build and pass now`)
  }
  process.exit(bad ? 1 : 0)
}

main()
