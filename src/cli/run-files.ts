/**
 * A run over files and stdin (everything but --jsonl): expand the inputs,
 * build one task per file with its config, run the tasks (workers for big
 * batches), then print the fixed text, the file list of `fix --check`, or
 * the report.
 */
import {existsSync, readFileSync} from 'node:fs'
import {realpath} from 'node:fs/promises'
import {writeOutputFile} from '../engine/output.js'
import {realTarget} from '../engine/write.js'
import {UNSETTLED} from '../engine/limits.js'
import {dirname, resolve} from 'node:path'
import type {ConfigResolver} from '../engine/config.js'
import type {FileResult, FileTask} from '../engine/types.js'
import {EXIT, findingsExit, tally} from './exit.js'
import type {ReportFile} from './formats/types.js'
import {err, out} from './io.js'
import type {Options} from './options.js'
import {emitReport, formatReport} from './report.js'

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

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

export async function runFiles(opts: Options, resolver: ConfigResolver): Promise<number> {
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
    return EXIT.usage
  }
  // `mtclean check` typed at a terminal: say that it waits for text.
  if (stdinCount && process.stdin.isTTY) err('reading the text from stdin (end it with Ctrl-D; `mtclean check FILE…` for files, `mtclean --help` for more)')
  const named = paths.filter((p) => p !== '-')
  const {expandInputs, outPath} = await import('../engine/files.js')
  // The real path, so that "never overwrite an input" also holds through symbolic links.
  const outDir = opts.outDir ? await realpath(resolve(opts.outDir)).catch(() => resolve(opts.outDir!)) : undefined
  const expansion = named.length
    ? await expandInputs(named, {
        cwd: opts.cwd,
        extensions: opts.extensions,
        ignorePatterns: opts.ignorePatterns,
        ignoreFile: opts.ignorePath ? resolve(opts.cwd, opts.ignorePath) : undefined,
        ignoreName: opts.ignoreName,
        followSymlinks: opts.followSymlinks,
        exclude: outDir ? [outDir] : []
      })
    : {files: [], directories: [], errors: [], notices: []}
  for (const line of expansion.errors) fail(line)
  for (const line of expansion.notices) err(line)
  if (named.length && expansion.files.length === 0 && !stdinCount) {
    if (!failed) err(`no input file matched ${named.map((p) => JSON.stringify(p)).join(', ')} (extensions ${opts.extensions.join(',')}; see --ext and the ignore files)`)
    return EXIT.usage
  }
  const toStdout = opts.command === 'fix' && !opts.write && !outDir && !opts.checkOnly
  let files = expansion.files
  if (toStdout) {
    for (const dir of expansion.directories) fail(`${dir}: is a directory (fix prints one text: use --write or --out-dir for directories)`)
    if (expansion.directories.length) files = []
    if (files.length + stdinCount > 1) {
      err(`fix prints the text of one input, got ${files.length + stdinCount}: use --write or --out-dir`)
      return EXIT.usage
    }
  }
  if (opts.command === 'fix' && stdinCount && (opts.write || outDir)) {
    err('stdin cannot be written with --write or --out-dir')
    return EXIT.usage
  }
  // Tasks, with their configs.
  const tasks: FileTask[] = []
  const inputs = new Set<string>()
  if (outDir) for (const f of files) inputs.add(await realpath(f.path).catch(() => f.path))
  const targets = new Set<string>()
  const diff = opts.format === 'diff'
  const configFor = async (dir: string) => {
    const config = await resolver.forDirectory(dir)
    return opts.reportUnusedMarkers ? {...config, reportUnusedMarkers: true} : config
  }
  const base = (): Omit<FileTask, 'index' | 'display' | 'config'> => ({
    mode: opts.command === 'fix' || diff ? 'fix' : 'check',
    suggestions: opts.suggestions,
    encoding: opts.encoding,
    maxFileSize: opts.maxFileSize,
    originalMessages: diff,
    returnTexts: diff || opts.baseline !== undefined,
    format: opts.formatIn
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
        const config = await configFor(opts.stdinFilename ? dirname(resolve(opts.stdinFilename)) : opts.cwd)
        tasks.push({...base(), index: tasks.length, display, bytes, config, returnOutput: toStdout})
      }
    }
    for (const file of files) {
      const task: FileTask = {...base(), index: tasks.length, display: file.display, path: file.path, config: await configFor(dirname(file.path))}
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
      return EXIT.usage
    }
    throw error
  }

  const results = await runTasks(tasks, files.reduce((n, f) => n + f.size, 0), opts)
  const fatal = new Set(results.map((r) => r.fatal).filter((f): f is string => f !== undefined))
  for (const line of fatal) fail(line)
  for (const r of results) if (r.error) fail(r.error)
  const ok = results.filter((r) => !r.error && !r.fatal)
  for (const r of ok) if (r.unsettled) err(`${r.display}: ${UNSETTLED}`)

  // fix to stdout
  if (toStdout) {
    const r = ok[0]
    if (r?.output) await out(r.output)
    const remaining = r ? r.messages : []
    const left = tally(remaining).errors
    if (r && left > 0) err(`${r.display}: ${plural(left, 'error')} left after fixing (see \`mtclean check\`)`)
    if (failed) return EXIT.usage
    return left > 0 || (opts.frail && remaining.length > 0) ? EXIT.findings : EXIT.ok
  }
  if (opts.command === 'fix' && opts.checkOnly) {
    const changed = ok.filter((r) => r.changed)
    await out(changed.map((r) => r.display + '\n').join(''))
    if (changed.length) err(`${changed.length} of ${plural(ok.length, 'file')} would change`)
    return failed ? EXIT.usage : changed.length || ok.some((r) => r.unsettled) ? EXIT.findings : EXIT.ok
  }

  // Reports (check; fix --write/--out-dir: what is left)
  const report: ReportFile[] = ok.map((r) => ({path: r.display, messages: diff ? (r.before ?? []) : r.messages, original: r.original, fixed: r.fixed}))
  if (opts.baseline && !(await applyBaselineFile(report, opts, fail))) return EXIT.usage
  const counts = tally(report.flatMap((f) => f.messages))
  if (opts.quiet) for (const f of report) f.messages = f.messages.filter((m) => m.severity === 'error')
  const shown = opts.command === 'fix' && !opts.formatGiven ? report.filter((f) => f.messages.length > 0) : report
  if (opts.command === 'check' || shown.length > 0 || opts.formatGiven) await emitReport(await formatReport(shown, opts), opts)
  if (opts.command === 'fix') {
    const written = ok.filter((r) => r.written).length
    const changed = ok.filter((r) => r.changed).length
    err(outDir ? `wrote ${plural(written, 'file')} to ${opts.outDir} (${changed} changed)` : `fixed ${changed} of ${plural(ok.length, 'file')}`)
  }
  if (failed) return EXIT.usage
  return findingsExit(counts, opts, err)
}

/** Run the tasks (from the cache, in this thread, or on workers), results in task order. */
async function runTasks(tasks: FileTask[], totalBytes: number, opts: Options): Promise<FileResult[]> {
  const cached = new Map<number, FileResult>()
  let cache: import('./cache.js').CheckCache | undefined
  const keys = new Map<number, {bytes: Uint8Array; config: string}>()
  if (opts.cache) {
    const {CheckCache} = await import('./cache.js')
    cache = new CheckCache(resolve(opts.cwd, opts.cache))
    for (const task of tasks) {
      if (!task.path) continue
      let bytes: Uint8Array
      try {
        bytes = readFileSync(task.path)
      } catch {
        continue
      }
      const config = CheckCache.configKey(task.config, [task.encoding, task.mode])
      const messages = cache.get(task.path, bytes, config)
      if (messages) cached.set(task.index, {index: task.index, display: task.display, messages, changed: false})
      else keys.set(task.index, {bytes, config})
    }
  }
  const todo = tasks.filter((t) => !cached.has(t.index))
  const {createRunner, runOrdered} = await import('../engine/pool.js')
  // The main thread works from the first file; worker threads start only once the work left would take it longer
  // than a worker's start (src/engine/lanes.ts): a small batch never pays for them.
  const jobs = Math.min(opts.jobs, todo.length)
  const bytes = tasks.length === todo.length ? totalBytes : Math.round((totalBytes * todo.length) / tasks.length)
  const runner = await createRunner(jobs, {plan: {files: todo.length, bytes}})
  if (opts.write || opts.outDir) await installCleanup()
  const {createProgress} = await import('../engine/progress.js')
  const progress = createProgress(todo.length, 'files', opts.progress && todo.length > 1)
  const results: FileResult[] = []
  try {
    // Files go to the workers in small groups: one message per group, not per file,
    // while groups stay small enough to keep both workers busy to the end.
    // (Sized as for one thread: the workers may never start, and 16 files a group still leave 60 and more to deal out from 1,000.)
    const group = Math.max(1, Math.min(16, Math.floor(todo.length / 32)))
    const groups: FileTask[][] = []
    for (let i = 0; i < todo.length; i += group) groups.push(todo.slice(i, i + group))
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
  if (!cache) return results
  for (const r of results) {
    const key = keys.get(r.index)
    if (key && !r.error && !r.fatal) cache.set(tasks[r.index].path!, key.bytes, key.config, r.messages)
  }
  await cache.save()
  return [...results, ...cached.values()].sort((a, b) => a.index - b.index)
}

/** --baseline: write it (missing, or --update-baseline) or drop the findings it holds. False on a fatal problem. */
async function applyBaselineFile(report: ReportFile[], opts: Options, fail: (line: string) => void): Promise<boolean> {
  const baselinePath = resolve(opts.cwd, opts.baseline!)
  const {createBaseline, readBaseline, applyBaseline} = await import('../engine/baseline.js')
  if (opts.updateBaseline || !existsSync(baselinePath)) {
    const baseline = createBaseline(report, baselinePath, opts.cwd)
    writeOutputFile(baselinePath, JSON.stringify(baseline, null, 1) + '\n', 'the baseline')
    const n = report.reduce((s, f) => s + f.messages.length, 0)
    err(`baseline ${opts.baseline} written with ${plural(n, 'finding')}`)
    for (const f of report) f.messages = []
    return true
  }
  try {
    applyBaseline(report, readBaseline(baselinePath), baselinePath, opts.cwd)
  } catch (error) {
    fail(`${opts.baseline}: cannot read baseline (${(error as Error).message})`)
  }
  return true
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
