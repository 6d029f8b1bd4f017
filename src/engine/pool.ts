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
  /** Called when a capped worker ran out of heap and its batch was redone on the main thread. */
  onFallback?: () => void
}

/**
 * Heap caps of a capped worker, in MB: a few times the live set of a batch of
 * news-sized records. MTCLEAN_WORKER_HEAP_MB overrides the first.
 */
const CAPPED_OLD_MB = Number(process.env.MTCLEAN_WORKER_HEAP_MB) || 128
const CAPPED_YOUNG_MB = 16

export async function createRunner(jobs: number, options: RunnerOptions = {}): Promise<Runner> {
  if (jobs <= 1) {
    const {processFile, processTexts} = await import('./run.js')
    const files = async (tasks: FileTask[]) => {
      const results: FileResult[] = []
      for (const task of tasks) results.push(await processFile(task))
      return results
    }
    return {file: processFile, files, texts: processTexts, close: async () => {}, threads: 1}
  }
  const {Tinypool} = await import('tinypool')
  const pool = new Tinypool({
    filename: new URL('./worker.js', import.meta.url).href,
    minThreads: jobs,
    maxThreads: jobs,
    idleTimeout: 0,
    ...(options.capped ? {resourceLimits: {maxOldGenerationSizeMb: CAPPED_OLD_MB, maxYoungGenerationSizeMb: CAPPED_YOUNG_MB}} : {})
  })
  return {
    file: (task) => pool.run({file: task} satisfies Work) as Promise<FileResult>,
    files: (tasks) => pool.run({files: tasks} satisfies Work) as Promise<FileResult[]>,
    texts: async (task) => {
      try {
        return (await pool.run({texts: task} satisfies Work)) as TextResult[]
      } catch (error) {
        // A capped worker ran out of heap on a big record: redo the batch here, uncapped.
        if ((error as NodeJS.ErrnoException).code !== 'ERR_WORKER_OUT_OF_MEMORY') throw error
        options.onFallback?.()
        const {processTexts} = await import('./run.js')
        return processTexts(task)
      }
    },
    close: () => pool.destroy(),
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
