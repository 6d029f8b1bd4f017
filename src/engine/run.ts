import {mkdirSync} from 'node:fs'
import {dirname} from 'node:path'
import {NotRegularError, readRegular, TooLargeError} from '../read.js'
import {createLinter, fixToFixpoint, type Config, type Linter} from '../index.js'
import {decode, encode, DecodeError} from './encoding.js'
import {chooseFormat, type InputFormat} from '../formats/index.js'
import {toJson} from './messages.js'
import type {FileResult, FileTask, JsonMessage, TextResult, TextsTask} from './types.js'
import {atomicWrite, ChangedError, InputTargetError, rewriteInPlace, snapshotOf, targetProblem} from './write.js'

/** The rules could not be set up (bad rule data or options): not the file's fault. */
export class SetupError extends Error {}
const linters = new Map<string, Linter>()

/** One linter per configuration, built once per process (or worker). */
export function linterFor({format: _format, ...config}: Config): Linter {
  const key = JSON.stringify(config)
  let linter = linters.get(key)
  if (!linter) {
    linter = createLinter(config)
    linters.set(key, linter)
  }
  return linter
}

export interface TextOutcome {
  messages: JsonMessage[]
  before?: JsonMessage[]
  fixed?: string
  unsettled?: boolean
}

/** Check or fix one decoded text: the library's linter does it all (rules, markers, fix loop). */
export async function processText(
  text: string,
  config: Config,
  mode: 'check' | 'fix',
  suggestions: boolean,
  path?: string,
  wantBefore = false,
  format: InputFormat = 'text'
): Promise<TextOutcome> {
  let linter: Linter
  try {
    linter = linterFor(config)
  } catch (error) {
    throw new SetupError((error as Error).message ?? String(error))
  }
  if (mode === 'check') return {messages: (await linter.checkAs(text, format, path)).map(toJson)}
  // linter.fix, but the first lint's messages are kept as JSON (a third of the heap) and only when wanted:
  // on a 20 MB text they are 100,000 messages, held through every pass.
  let before: JsonMessage[] | undefined
  const result = await fixToFixpoint(
    text,
    async (value) => {
      const messages = await linter.checkAs(value, format, path)
      if (wantBefore) before ??= messages.map(toJson)
      return messages
    },
    {suggestions}
  )
  return {messages: result.messages.map(toJson), before, fixed: result.text, unsettled: result.unsettled}
}

function describe(error: unknown): string {
  if (error instanceof DecodeError || error instanceof NotRegularError || error instanceof ChangedError || error instanceof InputTargetError) return error.message
  const e = error as NodeJS.ErrnoException
  switch (e.code) {
    case 'ENOENT':
      return 'no such file or directory'
    case 'EACCES':
    case 'EPERM':
      return 'permission denied'
    case 'EISDIR':
      return 'is a directory'
    case 'EROFILE':
    case 'EROFS':
      return 'read-only file, not rewritten'
    case 'ENOSPC':
      return 'no space left on device, not written'
    default:
      return e.message ?? String(error)
  }
}

/** Read, decode, check or fix, and write one file. Never throws. */
export async function processFile(task: FileTask): Promise<FileResult> {
  const result: FileResult = {index: task.index, display: task.display, messages: [], changed: false}
  let step = 'read'
  try {
    let bytes: Uint8Array
    // What the file was when read: `--write` replaces it only if it is still that file.
    let snapshot: ReturnType<typeof snapshotOf> | undefined
    if (task.bytes) bytes = task.bytes
    else {
      // Synchronous reads: each worker (or the main thread with --jobs 1) lints one
      // file at a time, and the async calls cost more CPU than the read itself.
      // A regular file only (fstat on the open file: a device or a FIFO would never end), size checked before work starts.
      try {
        bytes = readRegular(task.path!, task.maxFileSize)
      } catch (error) {
        if (error instanceof TooLargeError) return {...result, error: `${task.display}: file too large (${error.size} bytes > --max-file-size ${task.maxFileSize}), skipped`}
        throw error
      }
      if (task.write?.kind === 'in-place') snapshot = snapshotOf(task.path!, bytes)
    }
    if (bytes.length > task.maxFileSize) {
      return {...result, error: `${task.display}: input too large (${bytes.length} bytes > --max-file-size ${task.maxFileSize})`}
    }
    step = 'decode'
    const decoded = decode(bytes, task.encoding)
    step = 'process'
    // Flag, config, file name, then (stdin) content: Markdown and HTML keep their markup.
    const format = chooseFormat(task.format ?? task.config.format, task.path ?? (task.bytes && task.display !== '<stdin>' ? task.display : undefined), decoded.text)
    const outcome = await processText(decoded.text, task.config, task.mode, task.suggestions, task.path, task.originalMessages, format)
    result.messages = outcome.messages
    result.before = outcome.before
    result.unsettled = outcome.unsettled
    // The checked text, for the baseline's context of each finding.
    if (task.mode === 'check' && task.returnTexts) result.original = decoded.text
    if (task.mode === 'fix') {
      const fixed = outcome.fixed!
      result.changed = fixed !== decoded.text
      if (task.returnTexts) {
        result.original = decoded.text
        result.fixed = fixed
      }
      step = 'encode'
      const output = result.changed ? encode(fixed, decoded) : bytes
      if (task.returnOutput) result.output = output
      if (task.write) {
        step = 'write'
        if (task.write.kind === 'in-place') {
          if (result.changed) {
            rewriteInPlace(task.path!, output, snapshot!)
            result.written = true
          }
        } else {
          mkdirSync(dirname(task.write.path), {recursive: true})
          // Never through a symbolic link onto an input: the real target is checked after the directories exist.
          const problem = targetProblem(task.write.path, task.write.real)
          if (problem) throw new InputTargetError(problem)
          await atomicWrite(task.write.path, output, undefined, false)
          result.written = true
        }
      }
    }
    return result
  } catch (error) {
    if (error instanceof SetupError) return {...result, messages: [], changed: false, fatal: `cannot set up the rules: ${error.message}`}
    const where = step === 'write' && task.write?.kind === 'to' ? `${task.write.path}` : task.display
    const message = describe(error)
    const prefix = step === 'write' ? 'cannot write: ' : step === 'read' ? 'cannot read: ' : ''
    return {...result, messages: [], changed: false, output: undefined, error: `${where}: ${prefix}${message}`}
  }
}

/** Check or fix a batch of texts (JSONL records). */
export async function processTexts(task: TextsTask): Promise<TextResult[]> {
  const out: TextResult[] = []
  for (const text of task.texts) {
    const outcome = await processText(text, task.config, task.mode, task.suggestions, undefined, task.findings !== false)
    // An unchanged text is not sent back: the caller keeps the record as it was.
    const changed = outcome.fixed !== text
    out.push(
      task.mode === 'fix'
        ? {messages: outcome.before ?? [], changed, ...(changed ? {fixed: outcome.fixed} : {}), ...(outcome.unsettled ? {unsettled: true} : {})}
        : {messages: outcome.messages}
    )
  }
  return out
}
