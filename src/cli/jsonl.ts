import {createReadStream} from 'node:fs'
import {dirname, resolve} from 'node:path'
import {statSync} from 'node:fs'
import {readLines} from './lines.js'
import type {ConfigResolver} from '../engine/config.js'
import type {JsonMessage, TextResult} from '../engine/types.js'
import {err} from './io.js'
import type {Options} from './options.js'
import type {ReportFile} from './formats/types.js'

/** A record waiting for its text to be processed. */
interface Item {
  source: string
  lineNo: number
  raw: string
  record?: Record<string, unknown>
  text?: string
  /** Pass the raw line through untouched (malformed, or no text field). */
  passThrough?: boolean
  drop?: boolean
}

const BATCH = 32
/** A JSONL file at least this big is linted by the worker pool from its first record. */
const POOL_MIN_BYTES = 1024 * 1024

function sizeOf(path: string): number {
  try {
    return statSync(path).size
  } catch {
    return 0
  }
}

function getField(record: unknown, path: string[]): unknown {
  let value: unknown = record
  for (const key of path) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined
    value = (value as Record<string, unknown>)[key]
  }
  return value
}

function setField(record: Record<string, unknown>, path: string[], value: unknown): void {
  let target = record
  for (const key of path.slice(0, -1)) target = target[key] as Record<string, unknown>
  target[path[path.length - 1]] = value
}

/**
 * One record's findings for a report format. Stylish names the record
 * `FILE:LINE`; the CI formats (sarif, github, junit) point at the JSONL file's
 * line, so annotations land on a real file, and keep the place in the text in the message.
 */
function recordReport(source: string, lineNo: number, messages: JsonMessage[], format: string): ReportFile {
  if (format === 'stylish') return {path: `${source}:${lineNo}`, messages}
  return {
    path: source,
    messages: messages.map((m) => ({...m, message: `${m.message} (record text ${m.line}:${m.column})`, line: lineNo, column: 1, endLine: lineNo, endColumn: 1}))
  }
}

/**
 * `--jsonl`: stream JSON Lines records from files or stdin, line by line
 * (bounded memory), in input order. `fix` writes each record with its text
 * field cleaned (untouched lines stay byte-identical; `--report` adds the
 * findings under "mtclean"); `check` writes one `{path, messages}` line per
 * record, `path` being `FILE:LINE`.
 */
export async function runJsonl(opts: Options, resolver: ConfigResolver): Promise<number> {
  if (opts.baseline) {
    err('--baseline does not go with --jsonl: a baseline is kept per file, and records have no file of their own')
    return 2
  }
  if (opts.format === 'diff') {
    err('--format diff does not go with --jsonl: fix --jsonl writes the fixed records')
    return 2
  }
  // check --jsonl streams one JSON line per record; another --format collects a report of FILE:LINE entries.
  const report: ReportFile[] | undefined = opts.command === 'check' && opts.formatGiven && opts.format !== 'json' ? [] : undefined
  if (opts.command === 'fix' && opts.formatGiven) {
    err('--format does not go with fix --jsonl: it writes the records (add --report for their findings)')
    return 2
  }
  const field = opts.field.split('.')
  const sources = opts.paths.length === 0 ? ['-'] : opts.paths
  let failed = false
  let errorFindings = 0
  let warnings = 0
  // A mistyped --field: records, none with the field (reported at the end).
  let records = 0
  let withField = 0
  let firstKeys: string[] | undefined
  const {createRunner, runOrdered} = await import('../engine/pool.js')
  const {createProgress} = await import('../engine/progress.js')
  const progress = createProgress(undefined, 'records', opts.progress)
  let runner = await createRunner(1)
  let fellBack = false
  const capped = {
    capped: true,
    onFallback() {
      if (!fellBack) err('a batch of records needed more memory than a worker has: redone on the main thread')
      fellBack = true
    }
  }
  let pooled = false
  const stdout = process.stdout
  const write = (line: string) =>
    new Promise<void>((done) => {
      if (stdout.write(line + '\n')) done()
      else stdout.once('drain', done)
    })
  let outFile: import('node:fs').WriteStream | undefined
  if (opts.outDir) {
    err('--out-dir is not used with --jsonl: records go to stdout')
    return 2
  }
  try {
    for (const source of sources) {
      const name = source === '-' ? (opts.stdinFilename ?? '<stdin>') : source
      let config
      try {
        config = await resolver.forDirectory(source === '-' ? opts.cwd : dirname(resolve(opts.cwd, source)))
      } catch (error) {
        err((error as Error).message)
        return 2
      }
      const input = source === '-' ? process.stdin : createReadStream(resolve(opts.cwd, source))
      const opened = await new Promise<Error | undefined>((done) => {
        if (source === '-') return done(undefined)
        input.once('error', (e: Error) => done(e))
        input.once('readable', () => done(undefined))
      })
      if (opened) {
        const code = (opened as NodeJS.ErrnoException).code
        err(`${name}: cannot read (${code === 'ENOENT' ? 'no such file or directory' : code === 'EISDIR' ? 'is a directory' : (opened as Error).message})`)
        failed = true
        continue
      }
      const lines = readLines(input as AsyncIterable<Buffer>)
      // A big file goes to the workers from the first record: the main thread then never loads the rules.
      if (!pooled && opts.jobs > 1 && source !== '-' && sizeOf(resolve(opts.cwd, source)) >= POOL_MIN_BYTES) {
        pooled = true
        await runner.close()
        runner = await createRunner(opts.jobs, capped)
      }
      async function* batches(): AsyncGenerator<Item[]> {
        let batch: Item[] = []
        let lineNo = 0
        for await (const raw of lines) {
          lineNo++
          const item: Item = {source: name, lineNo, raw}
          if (raw.trim() === '') item.passThrough = true
          else {
            let record: unknown
            try {
              record = JSON.parse(raw)
            } catch (error) {
              err(`${name}:${lineNo}: invalid JSON (${(error as Error).message.split('\n')[0]})${opts.command === 'check' ? ', skipped' : opts.dropInvalid ? ', dropped' : ', passed through untouched'}`)
              if (!opts.dropInvalid) failed = true
              item.passThrough = true
              item.drop = opts.dropInvalid
            }
            if (!item.passThrough) {
              const text = getField(record, field)
              if (typeof record === 'object' && record !== null && !Array.isArray(record)) {
                records++
                firstKeys ??= Object.keys(record)
              }
              if (typeof text === 'string' && typeof record === 'object' && record !== null && !Array.isArray(record)) {
                withField++
                item.record = record as Record<string, unknown>
                item.text = text
              } else item.passThrough = true
            }
          }
          batch.push(item)
          if (batch.length >= BATCH) {
            yield batch
            batch = []
          }
        }
        if (batch.length) yield batch
      }
      let seen = 0
      const work = async (batch: Item[]): Promise<[Item[], TextResult[]]> => {
        seen++
        if (!pooled && opts.jobs > 1 && (opts.jobsGiven || seen > 8)) {
          pooled = true
          runner = await createRunner(opts.jobs, capped)
        }
        const texts = batch.filter((i) => i.text !== undefined).map((i) => i.text!)
        const results = texts.length ? await runner.texts({config, mode: opts.command, suggestions: opts.suggestions, texts}) : []
        return [batch, results]
      }
      await runOrdered(batches(), work, 8, async ([batch, results]) => {
        let k = 0
        for (const item of batch) {
          progress.tick()
          if (item.drop) continue
          if (item.text === undefined) {
            if (opts.command === 'fix') await write(item.raw)
            continue
          }
          const result = results[k++]
          const messages: JsonMessage[] = result.messages
          if (opts.command === 'check') {
            const shown = opts.quiet ? messages.filter((m) => m.severity === 'error') : messages
            errorFindings += messages.filter((m) => m.severity === 'error').length
            warnings += messages.filter((m) => m.severity === 'warning').length
            if (report) report.push(recordReport(item.source, item.lineNo, shown, opts.format))
            else await write(JSON.stringify({path: `${item.source}:${item.lineNo}`, messages: shown}))
            continue
          }
          const changed = result.fixed !== item.text
          if (!changed && !opts.report) {
            await write(item.raw)
            continue
          }
          if (changed) setField(item.record!, field, result.fixed)
          if (opts.report) item.record!.mtclean = messages
          await write(JSON.stringify(item.record))
        }
      })
    }
  } catch (error) {
    err((error as Error).message ?? String(error))
    return 2
  } finally {
    progress.done()
    await runner.close()
    outFile?.close()
  }
  if (records > 0 && withField === 0) {
    const {didYouMean} = await import('../suggest.js')
    err(`--field ${opts.field}: no record has a text field "${opts.field}" (the first record has ${firstKeys!.map((k) => JSON.stringify(k)).join(', ') || 'no fields'})${didYouMean(opts.field, firstKeys!)}`)
    return 2
  }
  if (report) {
    const {renderReport, writeReport} = await import('./formats/index.js')
    const {version} = await import('./version.js')
    const text = await renderReport(opts.format, report, {color: opts.color && !opts.outputFile, quiet: opts.quiet, cwd: opts.cwd, version: version()})
    await writeReport(text, opts.outputFile, (t) => write(t.replace(/\n$/, '')))
  }
  if (failed) return 2
  if (opts.command === 'check') {
    if (errorFindings > 0 || (opts.frail && warnings > 0)) return 1
    if (opts.maxWarnings !== undefined && warnings > opts.maxWarnings) return 1
  }
  return 0
}
