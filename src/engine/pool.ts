import {statSync} from 'node:fs'
import type {FileResult, FileTask, TextResult, TextsTask} from './types.js'

type Work = {file?: FileTask; files?: FileTask[]; texts?: TextsTask}

/** A pool of worker threads (tinypool), or the main thread when `jobs` is 1. */
export interface Runner {
  file(task: FileTask): Promise<FileResult>
  /** Several files in one message to a worker: less messaging per file. */
  files(tasks: FileTask[]): Promise<FileResult[]>
  texts(task: TextsTask): Promise<TextResult[]>
  close(): Promise<void>
  readonly threads: number
}

export interface RunnerOptions {
  /**
   * Cap each worker's heap (streaming: memory stays flat however long the
   * stream). A batch that needs more is redone on the main thread.
   */
  capped?: boolean
  /** Called when a capped worker ran out of heap and its batch was redone in the big-input worker. */
  onFallback?: () => void
}

/**
 * Heap caps of a capped worker, in MB: a few times the live set of a batch of
 * news-sized records. MTCLEAN_WORKER_HEAP_MB overrides the first.
 */
const CAPPED_OLD_MB = Number(process.env.MTCLEAN_WORKER_HEAP_MB) || 128
const CAPPED_YOUNG_MB = 16

/**
 * Inputs from this size on (bytes of a file, characters of a record) are
 * processed one at a time in a separate worker whose heap is capped at
 * BIG_HEAP_MB: V8 then collects garbage instead of growing (an uncapped heap
 * grows to several times the live set), the process stays within its memory
 * budget (1 GB), and an input that still does not fit fails alone, reported,
 * while the rest of the batch completes. MTCLEAN_BIG_HEAP_MB overrides it.
 */
export const BIG_INPUT = 2 * 1024 * 1024
const BIG_HEAP_MB = Number(process.env.MTCLEAN_BIG_HEAP_MB) || 640

const outOfMemory = (error: unknown) => (error as NodeJS.ErrnoException)?.code === 'ERR_WORKER_OUT_OF_MEMORY'

/** The one worker for big inputs: created on first use, replaced after it ran out of heap. */
class BigLane {
  private pool: import('tinypool').Tinypool | undefined
  private queue: Promise<unknown> = Promise.resolve()

  /** Run `work` in the big-input worker, one at a time; an out-of-heap failure resolves to `onOom()`. */
  run<R>(work: Work, onOom: () => R): Promise<R> {
    const next = this.queue.then(async () => {
      const {Tinypool} = await import('tinypool')
      this.pool ??= new Tinypool({
        filename: new URL('./worker.js', import.meta.url).href,
        minThreads: 1,
        maxThreads: 1,
        idleTimeout: 0,
        resourceLimits: {maxOldGenerationSizeMb: BIG_HEAP_MB}
      })
      try {
        return (await this.pool.run(work)) as R
      } catch (error) {
        if (!outOfMemory(error)) throw error
        await this.close()
        return onOom()
      }
    })
    this.queue = next.catch(() => {})
    return next
  }

  async close(): Promise<void> {
    const pool = this.pool
    this.pool = undefined
    await pool?.destroy()
  }
}

const tooBig = (what: string) => `too large for the memory budget (${BIG_HEAP_MB} MB of heap for one input): ${what} not processed; split it, or raise MTCLEAN_BIG_HEAP_MB`

function isBigFile(task: FileTask): boolean {
  if (task.bytes) return task.bytes.length >= BIG_INPUT
  try {
    return statSync(task.path!).size >= BIG_INPUT
  } catch {
    return false
  }
}

/** A big file in the big-input worker; a file that does not fit is reported and skipped. */
function bigFile(lane: BigLane, task: FileTask): Promise<FileResult> {
  return lane.run({file: task}, () => ({index: task.index, display: task.display, messages: [], changed: false, error: `${task.display}: ${tooBig('file')}`}))
}

/** Texts one by one in the big-input worker; a text that does not fit gets an error result. */
async function bigTexts(lane: BigLane, task: TextsTask): Promise<TextResult[]> {
  const out: TextResult[] = []
  for (const text of task.texts) {
    const [result] = await lane.run({texts: {...task, texts: [text]}}, (): TextResult[] => [{messages: [], error: tooBig('record')}])
    out.push(result)
  }
  return out
}

/** Split a batch of texts: the big ones go to the big-input worker, the rest to `small`, results in order. */
async function splitTexts(lane: BigLane, task: TextsTask, small: (task: TextsTask) => Promise<TextResult[]>): Promise<TextResult[]> {
  const isBig = task.texts.map((t) => t.length >= BIG_INPUT)
  if (!isBig.some(Boolean)) return small(task)
  const smallResults = await small({...task, texts: task.texts.filter((_, i) => !isBig[i])})
  const bigResults = await bigTexts(lane, {...task, texts: task.texts.filter((_, i) => isBig[i])})
  let s = 0
  let b = 0
  return isBig.map((big) => (big ? bigResults[b++] : smallResults[s++]))
}

export async function createRunner(jobs: number, options: RunnerOptions = {}): Promise<Runner> {
  const lane = new BigLane()
  if (jobs <= 1) {
    const {processFile, processTexts} = await import('./run.js')
    const file = (task: FileTask) => (isBigFile(task) ? bigFile(lane, task) : processFile(task))
    const files = async (tasks: FileTask[]) => {
      const results: FileResult[] = []
      for (const task of tasks) results.push(await file(task))
      return results
    }
    return {file, files, texts: (task) => splitTexts(lane, task, processTexts), close: () => lane.close(), threads: 1}
  }
  const {Tinypool} = await import('tinypool')
  const pool = new Tinypool({
    filename: new URL('./worker.js', import.meta.url).href,
    minThreads: jobs,
    maxThreads: jobs,
    idleTimeout: 0,
    ...(options.capped ? {resourceLimits: {maxOldGenerationSizeMb: CAPPED_OLD_MB, maxYoungGenerationSizeMb: CAPPED_YOUNG_MB}} : {})
  })
  const file = (task: FileTask) => (isBigFile(task) ? bigFile(lane, task) : (pool.run({file: task} satisfies Work) as Promise<FileResult>))
  const files = async (tasks: FileTask[]) => {
    const big = tasks.map(isBigFile)
    if (!big.some(Boolean)) return pool.run({files: tasks} satisfies Work) as Promise<FileResult[]>
    return Promise.all(tasks.map((task, i) => (big[i] ? bigFile(lane, task) : (pool.run({file: task} satisfies Work) as Promise<FileResult>))))
  }
  const small = async (task: TextsTask): Promise<TextResult[]> => {
    try {
      return (await pool.run({texts: task} satisfies Work)) as TextResult[]
    } catch (error) {
      // A capped worker ran out of heap on a batch: redo it in the big-input worker, record by record.
      if (!outOfMemory(error)) throw error
      options.onFallback?.()
      return bigTexts(lane, task)
    }
  }
  return {
    file,
    files,
    texts: (task) => splitTexts(lane, task, small),
    close: async () => {
      await pool.destroy()
      await lane.close()
    },
    threads: jobs
  }
}

/**
 * Run tasks with at most `window` in flight, calling `onResult` in task
 * order (the output is the same whatever the number of workers).
 */
export async function runOrdered<T, R>(
  tasks: Iterable<T> | AsyncIterable<T>,
  run: (task: T) => Promise<R>,
  window: number,
  onResult: (result: R) => void | Promise<void>
): Promise<void> {
  const queue: Promise<R>[] = []
  for await (const task of tasks) {
    const promise = run(task)
    promise.catch(() => {})
    queue.push(promise)
    if (queue.length >= window) await onResult(await queue.shift()!)
  }
  while (queue.length) await onResult(await queue.shift()!)
}
