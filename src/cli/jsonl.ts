import {createReadStream} from 'node:fs'
import {dirname, resolve} from 'node:path'
import {statSync} from 'node:fs'
import {readByteLines} from './lines.js'
import {replaceValue, setTopLevel, valueIsUtf8} from '../engine/json-splice.js'
import type {ConfigResolver} from '../engine/config.js'
import type {JsonMessage, TextResult} from '../engine/types.js'
import {err} from './io.js'
import {UNSETTLED} from '../engine/limits.js'
import type {Options} from './options.js'
import type {ReportFile} from './formats/types.js'

/** A record waiting for its text to be processed. */
interface Item {
  source: string
  lineNo: number
  /** The line's bytes, written back as they are unless the text changed. */
  raw: Buffer
  eol: string
  text?: string
  /** Pass the raw line through untouched (malformed, or no text field). */
  passThrough?: boolean
  drop?: boolean
}

/** A batch ends at 32 records or 256 KB of lines; a big record (see BIG_INPUT) is a batch of its own. */
const BATCH = 32
const BATCH_BYTES = 256 * 1024
/**
 * Bytes of records in flight (read, in a worker, or waiting to be written):
 * with the count of batches alone, eight batches of records at the size
 * limit would be held at once. One batch always goes, however big.
 */
const IN_FLIGHT_BYTES = 8 * 1024 * 1024

/** The fix loop stopped on its pass limit or a cycle: the output may still change if fixed again. */
export {UNSETTLED}

/** JSON.parse's message without the part of the line it quotes (a file that is not JSONL may be private). */
function jsonError(error: unknown): string {
  const message = (error as Error).message.split('\n')[0]
  const at = /position (\d+)/.exec(message)
  return at ? `at character ${Number(at[1]) + 1}` : /end of JSON input/i.test(message) ? 'unexpected end' : 'not valid JSON'
}
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
    if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.hasOwn(value, key)) return undefined
    value = (value as Record<string, unknown>)[key]
  }
  return value
}

const utf8 = new TextDecoder('utf-8', {fatal: true})
const lossyUtf8 = new TextDecoder('utf-8')

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
  const {createRunner, runOrdered, BIG_INPUT} = await import('../engine/pool.js')
  const {createProgress} = await import('../engine/progress.js')
  const progress = createProgress(undefined, 'records', opts.progress)
  let runner = await createRunner(1)
  let fellBack = false
  const capped = {
    capped: true,
    onFallback() {
      if (!fellBack) err('a batch of records needed more memory than a worker has: redone in the big-input worker, record by record')
      fellBack = true
    }
  }
  let pooled = false
  const stdout = process.stdout
  const write = (line: string | Buffer, eol = '\n') =>
    new Promise<void>((done) => {
      // A record keeps its own line break; the last line of a source gets one (sources are concatenated).
      const data = typeof line === 'string' ? line + (eol || '\n') : Buffer.concat([line, Buffer.from(eol || '\n')])
      if (stdout.write(data)) done()
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
      if (source !== '-') {
        // A device or a FIFO is not a JSONL file (/dev/zero never ends; a FIFO with no writer never starts).
        const {notRegular} = await import('../read.js')
        const why = notRegular(resolve(opts.cwd, source))
        if (why) {
          err(`${name}: cannot read (${why})`)
          failed = true
          continue
        }
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
      const lines = readByteLines(input as AsyncIterable<Buffer>)
      // A big file goes to the workers from the first record: the main thread then never loads the rules.
      if (!pooled && opts.jobs > 1 && source !== '-' && sizeOf(resolve(opts.cwd, source)) >= POOL_MIN_BYTES) {
        pooled = true
        await runner.close()
        runner = await createRunner(opts.jobs, capped)
      }
      const skipped = opts.command === 'check' ? ', skipped' : opts.dropInvalid ? ', dropped' : ', passed through untouched'
      async function* batches(): AsyncGenerator<Item[]> {
        let batch: Item[] = []
        let batchBytes = 0
        let lineNo = 0
        for await (const {bytes, eol} of lines) {
          lineNo++
          const item: Item = {source: name, lineNo, raw: bytes, eol}
          const invalid = (why: string) => {
            err(`${name}:${lineNo}: ${why}${skipped}`)
            if (!opts.dropInvalid) failed = true
            item.passThrough = true
            item.drop = opts.dropInvalid
          }
          if (bytes.length > opts.maxFileSize) {
            // Not decoded nor parsed: passed through as it is (the memory budget holds per record).
            err(`${name}:${lineNo}: record too large (${bytes.length} bytes > --max-file-size ${opts.maxFileSize})${opts.command === 'check' ? ', skipped' : ', passed through untouched'}`)
            failed = true
            item.passThrough = true
          } else {
            // Invalid UTF-8 in a field is kept byte for byte (the record is spliced, never re-serialized).
            let valid = true
            let json: string
            try {
              json = utf8.decode(bytes)
            } catch {
              valid = false
              json = lossyUtf8.decode(bytes)
            }
            if (json.trim() === '') item.passThrough = true
            else {
              let record: unknown
              try {
                record = JSON.parse(json)
              } catch (error) {
                invalid(`invalid JSON (${jsonError(error)})`)
              }
              if (!item.passThrough) {
                const text = getField(record, field)
                if (typeof record === 'object' && record !== null && !Array.isArray(record)) {
                  records++
                  firstKeys ??= Object.keys(record)
                }
                if (typeof text === 'string' && typeof record === 'object' && record !== null && !Array.isArray(record)) {
                  withField++
                  if (!valid && opts.command === 'fix' && !valueIsUtf8(bytes, field)) {
                    // Fixing text decoded with U+FFFD would write U+FFFD over the original bytes.
                    err(`${name}:${lineNo}: the "${opts.field}" field holds invalid UTF-8: passed through untouched`)
                    item.passThrough = true
                  } else item.text = text
                } else item.passThrough = true
              }
            }
          }
          if (batch.length > 0 && item.text !== undefined && item.text.length >= BIG_INPUT) {
            yield batch
            batch = []
            batchBytes = 0
          }
          batch.push(item)
          batchBytes += bytes.length
          if (batch.length >= BATCH || batchBytes >= BATCH_BYTES) {
            yield batch
            batch = []
            batchBytes = 0
          }
        }
        if (batch.length) yield batch
      }
      const weight = (batch: Item[]) => batch.reduce((n, item) => n + item.raw.length, 0)
      let seen = 0
      const work = async (batch: Item[]): Promise<[Item[], TextResult[]]> => {
        seen++
        if (!pooled && opts.jobs > 1 && (opts.jobsGiven || seen > 8)) {
          pooled = true
          const mainThread = runner
          runner = await createRunner(opts.jobs, capped)
          // Its big-input worker, if any, is ended once the records given to it are done.
          void mainThread.close()
        }
        const texts = batch.filter((i) => i.text !== undefined).map((i) => i.text!)
        const results = texts.length ? runner.texts({config, mode: opts.command, suggestions: opts.suggestions, texts, findings: opts.command === 'check' || Boolean(opts.report)}) : []
        // The task holds the texts now: the items need only know they had one (a 20 MB text is 40 MB here).
        for (const item of batch) if (item.text !== undefined) item.text = ''
        return [batch, await results]
      }
      await runOrdered(batches(), work, 8, async ([batch, results]) => {
        let k = 0
        for (const item of batch) {
          progress.tick()
          if (item.drop) continue
          if (item.text === undefined) {
            if (opts.command === 'fix') await write(item.raw, item.eol)
            continue
          }
          const result = results[k++]
          if (result.error) {
            err(`${item.source}:${item.lineNo}: ${result.error}${opts.command === 'fix' ? ', passed through untouched' : ''}`)
            failed = true
            if (opts.command === 'fix') await write(item.raw, item.eol)
            continue
          }
          if (result.unsettled) err(`${item.source}:${item.lineNo}: ${UNSETTLED}`)
          const messages: JsonMessage[] = result.messages
          if (opts.command === 'check') {
            const shown = opts.quiet ? messages.filter((m) => m.severity === 'error') : messages
            errorFindings += messages.filter((m) => m.severity === 'error').length
            warnings += messages.filter((m) => m.severity === 'warning').length
            if (report) report.push(recordReport(item.source, item.lineNo, shown, opts.format))
            else await write(JSON.stringify({path: `${item.source}:${item.lineNo}`, messages: shown}))
            continue
          }
          const changed = result.changed === true
          if (!changed && !opts.report) {
            await write(item.raw, item.eol)
            continue
          }
          // Splice into the line: every byte outside the text field's value (and the report) stays.
          let line = item.raw
          if (changed) line = replaceValue(line, field, result.fixed!)
          if (opts.report) line = setTopLevel(line, 'mtclean', messages)
          await write(line, item.eol)
        }
      }, {weight, budget: IN_FLIGHT_BYTES})
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
    await writeReport(text, opts.outputFile, (t) => write(t.replace(/\n$/, '')), opts.cwd)
  }
  if (failed) return 2
  if (opts.command === 'check') {
    if (errorFindings > 0 || (opts.frail && warnings > 0)) return 1
    if (opts.maxWarnings !== undefined && warnings > opts.maxWarnings) return 1
  }
  return 0
}
