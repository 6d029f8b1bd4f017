#!/usr/bin/env node
/**
 * The mtclean command line: `mtclean check|fix [paths…]`. Arguments, files
 * and output live here; config, batching and workers in ../engine; the
 * processor is reached only through the library API (../index.ts).
 */
import {readFileSync} from 'node:fs'
import {parseArgs} from 'node:util'
import {availableParallelism} from 'node:os'
import {dirname, resolve} from 'node:path'
import type {FileResult, FileTask, JsonMessage, Encoding} from '../engine/types.js'
import type {ConfigFile} from '../engine/config.js'
import type {ReportFile, FormatOptions} from './formats/types.js'
import {err, out} from './io.js'
import {DEFAULT_MAX_INPUT} from '../engine/limits.js'

const FORMATS = ['stylish', 'json', 'sarif', 'github', 'junit', 'diff'] as const
type Format = (typeof FORMATS)[number]
const SOURCE_LANGS = ['fr', 'de', 'es', 'it', 'pt', 'nl', 'ca', 'pl']

const HELP = `Usage: mtclean <command> [options] [paths…]

Find and fix what machine translation and web scraping leave in English text.

Commands:
  check [paths…]        report findings (stdin when no path or "-")
  fix [paths…]          fix safe findings; prints the text of one input,
                        or rewrites files with --write / --out-dir
  rules [--stats]       list the rules; --stats counts the data in rules/
                        (--format json for a machine-readable list)

Paths are files, directories (searched for --ext files) or globs ('corpus/**/*.txt').

Output:
  -f, --format NAME     stylish (default), json, sarif, github, junit, diff
  -o, --output-file F   write the report to F instead of stdout
  -q, --quiet           report errors only
      --max-warnings N  exit 1 when there are more than N warnings
      --frail           exit 1 on warnings too
      --color, --no-color
      --no-progress     no progress bar (it only shows on a TTY, never in CI)

Fix:
  -w, --write           rewrite files in place (atomically, mode kept)
      --out-dir DIR     write fixed files under DIR, mirroring the tree
      --check           list files fix would change (exit 1 if any)
      --suggestions     also apply suggestions that have a single candidate

Rules and config:
      --preset NAME     recommended (default) or strict
      --rule ID=LEVEL   set a rule to off, info, warn or error (repeatable)
      --source-lang L   language the text was translated from: ${SOURCE_LANGS.join(', ')}
      --quote-style S   american (default) or british
      --quote-marks M   curly (default) or straight
  -c, --config FILE     a config file, applied over discovered ones
      --no-config       do not look for .mtcleanrc* / package.json configs
      --ignore-path F   ignore file (default: .mtcleanignore in the working directory)
      --ignore-pattern P  ignore files matching P (gitignore syntax; repeatable)
      --no-ignore       do not use the ignore file
      --ext LIST        extensions searched in directories (default: txt,md,markdown,text)
      --baseline FILE   report only findings not in FILE (created when missing)
      --update-baseline rewrite the baseline with today's findings

Input:
      --jsonl           read JSON Lines records (files or stdin)
      --field NAME      the record field holding the text (default: text; a.b for nested)
      --report          fix --jsonl: add the findings to each record (field "mtclean")
      --drop-invalid    drop malformed JSONL lines instead of passing them through
      --encoding E      utf-8 (default) or windows-1252 (for files that are not UTF-8)
      --max-file-size N largest file or JSONL record read, in bytes (k/M suffixes;
                        default 20M: the memory budget, 1 GB, holds up to it)
      --stdin-filename F  name stdin in reports and for config lookup
      --follow-symlinks follow symbolic links out of the input tree
  -j, --jobs N          worker threads for big batches (default: cores)

  -h, --help            show this help
  -v, --version         show the version

Exit codes: 0 clean, 1 findings at error level (or warnings with --frail,
--max-warnings exceeded, files fix --check would change, errors left after
fix), 2 usage or I/O error.
`

class UsageError extends Error {}

/** Batches from this size (or number of files) on use worker threads by default. */
const POOL_MIN_BYTES = 256 * 1024
const POOL_MIN_FILES = 200

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {version: string}
  return pkg.version
}

function parseSize(value: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([kmg]?)b?$/i.exec(value.trim())
  if (!match) throw new UsageError(`--max-file-size: bad size ${JSON.stringify(value)} (e.g. 50M, 200k, 1048576)`)
  const factor = {'': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3}[match[2].toLowerCase() as '' | 'k' | 'm' | 'g']
  return Math.floor(Number(match[1]) * factor)
}

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined
  if (!allowed.includes(value as T)) throw new UsageError(`--${name}: expected ${allowed.join(', ')}, got ${JSON.stringify(value)}`)
  return value as T
}

function count(value: string | undefined, name: string, min: number): number | undefined {
  if (value === undefined) return undefined
  if (!/^\d+$/.test(value) || Number(value) < min) throw new UsageError(`--${name}: expected an integer ≥ ${min}, got ${JSON.stringify(value)}`)
  return Number(value)
}

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: {type: 'string', short: 'f'},
        'output-file': {type: 'string', short: 'o'},
        quiet: {type: 'boolean', short: 'q'},
        'max-warnings': {type: 'string'},
        frail: {type: 'boolean'},
        color: {type: 'boolean'},
        'no-color': {type: 'boolean'},
        'no-progress': {type: 'boolean'},
        write: {type: 'boolean', short: 'w'},
        'out-dir': {type: 'string'},
        check: {type: 'boolean'},
        suggestions: {type: 'boolean'},
        preset: {type: 'string'},
        rule: {type: 'string', multiple: true},
        'source-lang': {type: 'string'},
        'quote-style': {type: 'string'},
        'quote-marks': {type: 'string'},
        config: {type: 'string', short: 'c'},
        'no-config': {type: 'boolean'},
        'ignore-path': {type: 'string'},
        'ignore-pattern': {type: 'string', multiple: true},
        'no-ignore': {type: 'boolean'},
        ext: {type: 'string'},
        baseline: {type: 'string'},
        'update-baseline': {type: 'boolean'},
        jsonl: {type: 'boolean'},
        field: {type: 'string'},
        report: {type: 'boolean'},
        'drop-invalid': {type: 'boolean'},
        encoding: {type: 'string'},
        'max-file-size': {type: 'string'},
        'stdin-filename': {type: 'string'},
        'follow-symlinks': {type: 'boolean'},
        jobs: {type: 'string', short: 'j'},
        help: {type: 'boolean', short: 'h'},
        version: {type: 'boolean', short: 'v'}
      }
    })
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
}

export type Parsed = ReturnType<typeof parse>['values']

/** Everything a run needs, checked. */
export interface Options {
  command: 'check' | 'fix'
  paths: string[]
  format: Format
  formatGiven: boolean
  outputFile?: string
  quiet: boolean
  maxWarnings?: number
  frail: boolean
  color: boolean
  progress: boolean
  write: boolean
  outDir?: string
  checkOnly: boolean
  suggestions: boolean
  overrides: ConfigFile
  configFile?: string
  discover: boolean
  ignorePath?: string
  ignorePatterns: string[]
  extensions: string[]
  baseline?: string
  updateBaseline: boolean
  jsonl: boolean
  field: string
  report: boolean
  dropInvalid: boolean
  encoding: Encoding
  maxFileSize: number
  stdinFilename?: string
  followSymlinks: boolean
  jobs: number
  jobsGiven: boolean
  cwd: string
}

function options(argv: string[]): Options | 'help' | 'version' {
  const {values: v, positionals} = parse(argv)
  if (v.help) return 'help'
  if (v.version) return 'version'
  const [command, ...paths] = positionals
  if (command === undefined) throw new UsageError('missing command: check or fix (see --help)')
  if (command !== 'check' && command !== 'fix') throw new UsageError(`unknown command ${JSON.stringify(command)}: expected check or fix`)
  const format = oneOf('format', v.format, FORMATS) ?? 'stylish'
  const preset = oneOf('preset', v.preset, ['recommended', 'strict'] as const)
  const sourceLang = oneOf('source-lang', v['source-lang'], SOURCE_LANGS)
  const quoteStyle = oneOf('quote-style', v['quote-style'], ['american', 'british'] as const)
  const quoteMarks = oneOf('quote-marks', v['quote-marks'], ['curly', 'straight'] as const)
  const encoding = oneOf('encoding', v.encoding === 'utf8' ? 'utf-8' : v.encoding === 'cp1252' ? 'windows-1252' : v.encoding, ['utf-8', 'windows-1252'] as const) ?? 'utf-8'
  const rules: Record<string, string> = {}
  for (const spec of v.rule ?? []) {
    const match = /^([a-z][a-z0-9-]*)[=:](off|info|warn|error)$/.exec(spec.trim())
    if (!match) throw new UsageError(`--rule: expected ID=off|info|warn|error, got ${JSON.stringify(spec)}`)
    rules[match[1]] = match[2]
  }
  const overrides: ConfigFile = {}
  if (preset) overrides.preset = preset
  if (Object.keys(rules).length) overrides.rules = rules
  const settings: Record<string, string> = {}
  if (sourceLang) settings.sourceLang = sourceLang
  if (quoteStyle) settings.quoteStyle = quoteStyle
  if (quoteMarks) settings.quoteMarks = quoteMarks
  if (Object.keys(settings).length) overrides.settings = settings as ConfigFile['settings']
  if (command === 'check' && (v.write || v['out-dir'] || v.check)) throw new UsageError('--write, --out-dir and --check belong to fix')
  if (v.write && v['out-dir']) throw new UsageError('--write and --out-dir exclude each other')
  if (v.check && (v.write || v['out-dir'])) throw new UsageError('--check only lists files: it does not go with --write or --out-dir')
  if (v.jsonl && (v.write || v.check)) throw new UsageError('--jsonl writes records to stdout (or --out-dir): --write and --check do not apply')
  if (format === 'diff' && command !== 'check') throw new UsageError('--format diff belongs to check')
  if (v['update-baseline'] && !v.baseline) throw new UsageError('--update-baseline needs --baseline FILE')
  const jobs = count(v.jobs, 'jobs', 1)
  const color = v['no-color'] ? false : v.color ? true : Boolean(process.stdout.isTTY) && !process.env.NO_COLOR
  return {
    command,
    paths,
    format,
    formatGiven: v.format !== undefined,
    outputFile: v['output-file'],
    quiet: Boolean(v.quiet),
    maxWarnings: count(v['max-warnings'], 'max-warnings', 0),
    frail: Boolean(v.frail),
    color,
    progress: !v['no-progress'],
    write: Boolean(v.write),
    outDir: v['out-dir'],
    checkOnly: Boolean(v.check),
    suggestions: Boolean(v.suggestions),
    overrides,
    configFile: v.config,
    discover: !v['no-config'],
    ignorePath: v['no-ignore'] ? undefined : (v['ignore-path'] ?? '.mtcleanignore'),
    ignorePatterns: v['ignore-pattern'] ?? [],
    extensions: (v.ext ?? 'txt,md,markdown,text').split(',').map((e) => e.trim().replace(/^\./, '')).filter(Boolean),
    baseline: v.baseline,
    updateBaseline: Boolean(v['update-baseline']),
    jsonl: Boolean(v.jsonl),
    field: v.field ?? 'text',
    report: Boolean(v.report),
    dropInvalid: Boolean(v['drop-invalid']),
    encoding,
    maxFileSize: v['max-file-size'] === undefined ? DEFAULT_MAX_INPUT : parseSize(v['max-file-size']),
    stdinFilename: v['stdin-filename'],
    followSymlinks: Boolean(v['follow-symlinks']),
    jobs: jobs ?? Math.max(1, availableParallelism()),
    jobsGiven: jobs !== undefined,
    cwd: process.cwd()
  }
}

async function readStdin(limit: number): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length
    if (size > limit) throw new Error(`<stdin>: input too large (> --max-file-size ${limit})`)
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks)
}

async function format(files: ReportFile[], opts: Options): Promise<string> {
  const formatOptions: FormatOptions = {color: opts.color && !opts.outputFile, quiet: opts.quiet, cwd: opts.cwd, version: version()}
  switch (opts.format) {
    case 'json':
      return (await import('./formats/json.js')).formatJson(files)
    case 'sarif':
      return (await import('./formats/sarif.js')).formatSarif(files, formatOptions)
    case 'github':
      return (await import('./formats/github.js')).formatGithub(files)
    case 'junit':
      return (await import('./formats/junit.js')).formatJunit(files)
    case 'diff':
      return (await import('./formats/diff.js')).formatDiff(files)
    default:
      return (await import('./formats/stylish.js')).formatStylish(files, formatOptions)
  }
}

async function emitReport(text: string, opts: Options): Promise<void> {
  if (opts.outputFile) (await import('../engine/output.js')).writeOutputFile(opts.outputFile, text, 'the report')
  else await out(text)
}

/** Run the command line; resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  let opts: Options
  try {
    if (argv[0] === 'rules') {
      try {
        return await (await import('./rules-command.js')).rulesCommand(argv.slice(1))
      } catch (error) {
        throw new UsageError(`rules: ${(error as Error).message}`)
      }
    }
    const parsed = options(argv)
    if (parsed === 'help') {
      await out(HELP)
      return 0
    }
    if (parsed === 'version') {
      await out(version() + '\n')
      return 0
    }
    opts = parsed
  } catch (error) {
    if (error instanceof UsageError) {
      err(error.message)
      process.stderr.write('Try `mtclean --help`.\n')
      return 2
    }
    throw error
  }
  const {ConfigResolver, ConfigError, validateConfig} = await import('../engine/config.js')
  try {
    validateConfig(opts.overrides, 'command line')
  } catch (error) {
    if (error instanceof ConfigError) {
      err(error.message)
      return 2
    }
    throw error
  }
  const resolver = new ConfigResolver({configFile: opts.configFile, discover: opts.discover, overrides: opts.overrides})
  if (opts.jsonl) {
    const {runJsonl} = await import('./jsonl.js')
    return runJsonl(opts, resolver)
  }
  try {
    return await runFiles(opts, resolver)
  } catch (error) {
    // A report or baseline that cannot be written: one line, exit 2 (the old file is kept).
    const {OutputError} = await import('../engine/output.js')
    if (error instanceof OutputError) {
      err(error.message)
      return 2
    }
    throw error
  }
}

async function runFiles(opts: Options, resolver: InstanceType<typeof import('../engine/config.js').ConfigResolver>): Promise<number> {
  const {ConfigError} = await import('../engine/config.js')
  let failed = false
  const fail = (line: string) => {
    err(line)
    failed = true
  }
  const paths = opts.paths.length === 0 ? ['-'] : opts.paths
  const stdinCount = paths.filter((p) => p === '-').length
  if (stdinCount > 1) {
    err('"-" (stdin) given more than once')
    return 2
  }
  const named = paths.filter((p) => p !== '-')
  const {expandInputs, outPath} = await import('../engine/files.js')
  const {realTarget} = await import('../engine/write.js')
  // The real path, so that "never overwrite an input" also holds through symbolic links.
  const outDir = opts.outDir ? await import('node:fs/promises').then(({realpath}) => realpath(resolve(opts.outDir!)).catch(() => resolve(opts.outDir!))) : undefined
  const expansion = named.length
    ? await expandInputs(named, {
        cwd: opts.cwd,
        extensions: opts.extensions,
        ignorePatterns: opts.ignorePatterns,
        ignoreFile: opts.ignorePath ? resolve(opts.cwd, opts.ignorePath) : undefined,
        followSymlinks: opts.followSymlinks,
        exclude: outDir ? [outDir] : []
      })
    : {files: [], directories: [], errors: [], notices: []}
  for (const line of expansion.errors) fail(line)
  for (const line of expansion.notices) err(line)
  const toStdout = opts.command === 'fix' && !opts.write && !outDir && !opts.checkOnly
  let files = expansion.files
  if (toStdout) {
    for (const dir of expansion.directories) fail(`${dir}: is a directory (fix prints one text: use --write or --out-dir for directories)`)
    if (expansion.directories.length) files = files.filter(() => false)
    if (files.length + stdinCount > 1) {
      err(`fix prints the text of one input, got ${files.length + stdinCount}: use --write or --out-dir`)
      return 2
    }
  }
  if (opts.command === 'fix' && stdinCount && (opts.write || outDir)) {
    err('stdin cannot be written with --write or --out-dir')
    return 2
  }
  // Tasks, with their configs.
  const tasks: FileTask[] = []
  const inputs = new Set<string>()
  if (outDir) {
    const {realpath} = await import('node:fs/promises')
    for (const f of files) inputs.add(await realpath(f.path).catch(() => f.path))
  }
  const targets = new Set<string>()
  const diff = opts.format === 'diff'
  const base = (): Omit<FileTask, 'index' | 'display' | 'config'> => ({
    mode: opts.command === 'fix' || diff ? 'fix' : 'check',
    suggestions: opts.suggestions,
    encoding: opts.encoding,
    maxFileSize: opts.maxFileSize,
    originalMessages: diff,
    returnTexts: diff
  })
  try {
    if (stdinCount) {
      let bytes: Uint8Array | undefined
      try {
        bytes = await readStdin(opts.maxFileSize)
      } catch (error) {
        fail((error as Error).message.startsWith('<stdin>') ? (error as Error).message : `<stdin>: cannot read (${(error as Error).message})`)
      }
      if (bytes) {
        const display = opts.stdinFilename ?? '<stdin>'
        tasks.push({
          ...base(),
          index: tasks.length,
          display,
          bytes,
          config: await resolver.forDirectory(opts.stdinFilename ? dirname(resolve(opts.stdinFilename)) : opts.cwd),
          returnOutput: toStdout
        })
      }
    }
    for (const file of files) {
      const task: FileTask = {...base(), index: tasks.length, display: file.display, path: file.path, config: await resolver.forDirectory(dirname(file.path))}
      if (opts.command === 'fix' && !opts.checkOnly) {
        if (opts.write) task.write = {kind: 'in-place'}
        else if (outDir) {
          const target = outPath(outDir, file)
          // Through the real directories: a symbolic link under --out-dir may point back into the input tree.
          const real = realTarget(target)
          if (inputs.has(target) || inputs.has(real)) {
            fail(`${file.display}: --out-dir would overwrite an input (${target}), skipped`)
            continue
          }
          if (targets.has(target)) {
            fail(`${file.display}: another input already goes to ${target}, skipped`)
            continue
          }
          targets.add(target)
          task.write = {kind: 'to', path: target, real}
        } else task.returnOutput = true
      }
      tasks.push(task)
    }
  } catch (error) {
    if (error instanceof ConfigError) {
      err(error.message)
      return 2
    }
    throw error
  }

  // Run.
  const {createRunner, runOrdered} = await import('../engine/pool.js')
  const totalTasks = tasks.length
  // A worker costs a start-up (rule data loaded again): worth it for big batches only.
  const totalBytes = files.reduce((n, f) => n + f.size, 0)
  const usePool = opts.jobs > 1 && totalTasks > 1 && (opts.jobsGiven || totalBytes >= POOL_MIN_BYTES || totalTasks >= POOL_MIN_FILES)
  const runner = await createRunner(usePool ? Math.min(opts.jobs, totalTasks) : 1)
  if (opts.write || outDir) await installCleanup()
  const {createProgress} = await import('../engine/progress.js')
  const progress = createProgress(totalTasks, 'files', opts.progress && totalTasks > 1)
  const results: FileResult[] = []
  try {
    // Files go to the workers in small groups: one message per group, not per file,
    // while groups stay small enough to keep both workers busy to the end.
    const group = Math.max(1, Math.min(16, Math.floor(totalTasks / (runner.threads * 32))))
    const groups: FileTask[][] = []
    for (let i = 0; i < tasks.length; i += group) groups.push(tasks.slice(i, i + group))
    await runOrdered(groups, (batch) => runner.files(batch), Math.max(4, runner.threads * 4), (batch) => {
      for (const result of batch) {
        results.push(result)
        progress.tick()
      }
    })
  } finally {
    progress.done()
    await runner.close()
  }
  const fatal = new Set(results.map((r) => r.fatal).filter((f): f is string => f !== undefined))
  for (const line of fatal) fail(line)
  for (const r of results) if (r.error) fail(r.error)
  const ok = results.filter((r) => !r.error && !r.fatal)
  const {UNSETTLED} = await import('./jsonl.js')
  for (const r of ok) if (r.unsettled) err(`${r.display}: ${UNSETTLED}`)

  // fix to stdout
  if (toStdout) {
    const r = ok[0]
    if (r?.output) await out(r.output)
    const remaining = r ? r.messages : []
    const left = remaining.filter((m) => m.severity === 'error').length
    if (r && left > 0) err(`${r.display}: ${left} error${left === 1 ? '' : 's'} left after fixing (see \`mtclean check\`)`)
    if (failed) return 2
    return remaining.some((m) => m.severity === 'error') || (opts.frail && remaining.length > 0) ? 1 : 0
  }
  if (opts.command === 'fix' && opts.checkOnly) {
    const changed = ok.filter((r) => r.changed)
    await out(changed.map((r) => r.display + '\n').join(''))
    if (changed.length) err(`${changed.length} of ${ok.length} file${ok.length === 1 ? '' : 's'} would change`)
    return failed ? 2 : changed.length || ok.some((r) => r.unsettled) ? 1 : 0
  }

  // Reports (check; fix --write/--out-dir: what is left)
  const report: ReportFile[] = ok.map((r) => ({
    path: r.display,
    messages: diff ? (r.before ?? []) : r.messages,
    original: r.original,
    fixed: r.fixed
  }))
  if (opts.baseline) {
    const baselinePath = resolve(opts.cwd, opts.baseline)
    const {existsSync} = await import('node:fs')
    const {createBaseline, readBaseline, applyBaseline} = await import('../engine/baseline.js')
    if (opts.updateBaseline || !existsSync(baselinePath)) {
      const baseline = createBaseline(report, baselinePath, opts.cwd)
      ;(await import('../engine/output.js')).writeOutputFile(baselinePath, JSON.stringify(baseline, null, 1) + '\n', 'the baseline')
      const n = report.reduce((s, f) => s + f.messages.length, 0)
      err(`baseline ${opts.baseline} written with ${n} finding${n === 1 ? '' : 's'}`)
      for (const f of report) f.messages = []
    } else {
      try {
        applyBaseline(report, readBaseline(baselinePath), baselinePath, opts.cwd)
      } catch (error) {
        fail(`${opts.baseline}: cannot read baseline (${(error as Error).message})`)
      }
    }
  }
  const all = report.flatMap((f) => f.messages)
  const errors = all.filter((m) => m.severity === 'error').length
  const warnings = all.filter((m) => m.severity === 'warning').length
  if (opts.quiet) for (const f of report) f.messages = f.messages.filter((m) => m.severity === 'error')
  const shown = opts.command === 'fix' && !opts.formatGiven ? report.filter((f) => f.messages.length > 0) : report
  if (opts.command === 'check' || shown.length > 0 || opts.formatGiven) await emitReport(await format(shown, opts), opts)
  if (opts.command === 'fix') {
    const written = ok.filter((r) => r.written).length
    const changed = ok.filter((r) => r.changed).length
    err(outDir ? `wrote ${written} file${written === 1 ? '' : 's'} to ${opts.outDir} (${changed} changed)` : `fixed ${changed} of ${ok.length} file${ok.length === 1 ? '' : 's'}`)
  }
  if (failed) return 2
  if (errors > 0) return 1
  if (opts.frail && warnings > 0) return 1
  if (opts.maxWarnings !== undefined && warnings > opts.maxWarnings) {
    err(`${warnings} warnings, more than --max-warnings ${opts.maxWarnings}`)
    return 1
  }
  return 0
}

async function installCleanup(): Promise<void> {
  const {pendingTemps} = await import('../engine/write.js')
  const {unlinkSync} = await import('node:fs')
  const cleanup = (signal: NodeJS.Signals) => {
    for (const tmp of pendingTemps) {
      try {
        unlinkSync(tmp)
      } catch {}
    }
    process.exit(signal === 'SIGINT' ? 130 : 143)
  }
  process.once('SIGINT', cleanup)
  process.once('SIGTERM', cleanup)
}

export type {JsonMessage}

// `mtclean … | head`: a closed pipe ends the run quietly.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
  throw error
})

{
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code
    },
    (error: unknown) => {
      err(`internal error: ${(error as Error)?.stack ?? error}`)
      process.exitCode = 2
    }
  )
}
