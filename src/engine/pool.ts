import {closeSync, openSync, readSync, statSync} from 'node:fs'
import {extname} from 'node:path'
import {chooseFormat} from '../formats/index.js'
import type {FileResult, FileTask, TextResult, TextsTask} from './types.js'
import {Lanes} from './lanes.js'

type Work = {file?: FileTask; files?: FileTask[]; texts?: TextsTask; warm?: true}

/** The main thread alone when `jobs` is 1; else worker threads (tinypool), with the main thread as one more lane for files. */
export interface Runner {
  file(task: FileTask): Promise<FileResult>
  /** Several files in one message to a worker: less messaging per file. */
  files(tasks: FileTask[]): Promise<FileResult[]>
  texts(task: TextsTask): Promise<TextResult[]>
  close(): Promise<void>
  readonly threads: number
  /** Worker threads were started for the small work (not counting the big-input worker). */
  readonly workersStarted: boolean
}

export interface RunnerOptions {
  /**
   * Cap each worker's heap (streaming: memory stays flat however long the
   * stream). A batch that needs more is redone on the main thread.
   */
  capped?: boolean
  /** Called when a capped worker ran out of heap and its batch was redone in the big-input worker. */
  onFallback?: () => void
  /**
   * What a file run will give: the workers then start only on a run long
   * enough to pay their start (WORKER_START_MS; else at once).
   */
  plan?: {files: number; bytes: number}
}

/**
 * What a worker costs before it runs at full pace (modules, rule data,
 * dictionaries, and mostly JIT warm-up: a fresh isolate lints its first few
 * hundred files 2–4 times slower), in ms of CPU: checking 2,000 news-sized
 * files with a worker took 3.5–4.5 s more CPU than without, on the 2-core
 * development machine. The pool starts once the main thread has worked half
 * this long and the files left would take it this long or more (see Lanes):
 * a batch of 400 files (0.8 or 3 MB: 3–6 s) never starts one, the
 * benchmark's 2,000 files (10 MB, 14–17 s) start one after 2.5 s.
 */
export const WORKER_START_MS = 5000
/** MTCLEAN_WORKER_START_MS overrides it; 0 starts the workers at once (tests of the workers' output). */
const startMs = (): number => {
  const given = Number(process.env.MTCLEAN_WORKER_START_MS)
  return process.env.MTCLEAN_WORKER_START_MS !== undefined && Number.isFinite(given) && given >= 0 ? given : WORKER_START_MS
}
/** A file's fixed cost (read, parse set-up, report) as bytes of text, in the pace estimate. */
const FILE_WEIGHT = 1024

/**
 * Heap caps of a capped worker, in MB. A worker's live set is about 110 MB
 * once it has met every source language (rules, lexicon, the eight source
 * dictionaries); the cap leaves room for a batch of news-sized records.
 * MTCLEAN_WORKER_HEAP_MB overrides the first.
 */
const CAPPED_OLD_MB = Number(process.env.MTCLEAN_WORKER_HEAP_MB) || 192
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
const BIG_HEAP_MB = Number(process.env.MTCLEAN_BIG_HEAP_MB) || 512
/**
 * The heap one input needs, in MB: the rules' live set plus 16 MB per MB of
 * plain text (the fix of a 20 MB file peaked at about 12: the first lint's
 * messages, the text and its fixed copy, one window's tree), 200 per MB of
 * Markdown or HTML (not windowed: HTML's syntax tree is built whole, 130 live
 * after collections at 2 and 4 MB, and 2.4 MB did not fit 512; Markdown is
 * parsed in pieces, so building the prose view of 2 MB fits a 64 MB heap, but
 * the view is linted whole: a 2 MB check ran out of 384 MB and fits 512).
 * An input whose estimate exceeds BIG_HEAP_MB is refused before any work
 * starts; one whose estimate is as big as a plain text of BIG_INPUT's is a
 * big input (Markdown or HTML from 160 KB).
 */
export function heapNeededMB(size: number, markup = false): number {
  return 128 + ((markup ? 200 : 16) * size) / (1024 * 1024)
}
const isBig = ({size, markup}: {size: number; markup: boolean}) => heapNeededMB(size, markup) >= heapNeededMB(BIG_INPUT)
/** The largest input that fits BIG_HEAP_MB by that estimate (plain text: 24 MB at the default 512 MB; markup: 1.9 MB). */
const fitting = (markup: boolean) => Math.max(0, Math.floor(((BIG_HEAP_MB - 128) / (markup ? 200 : 16)) * 1024 * 1024))
/**
 * An input needing more heap than this runs with the other workers ended (and
 * started again after it): their heaps (about 150 MB each: rules and
 * dictionaries) and a huge input's would not fit 1 GB together. Plain text
 * from 8 MB: the restart (a few seconds) is small next to linting it.
 */
const HUGE_HEAP_MB = 256

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
        await this.destroy()
        return onOom()
      }
    })
    this.queue = next.catch(() => {})
    return next
  }

  /** Once the inputs given to it are done. */
  async close(): Promise<void> {
    await this.queue
    await this.destroy()
  }

  private async destroy(): Promise<void> {
    const pool = this.pool
    this.pool = undefined
    await pool?.destroy()
  }
}

const tooBig = (what: string, size?: number, markup = false) =>
  `too large for the memory budget (${BIG_HEAP_MB} MB of heap for one input): ${what} not processed` +
  (size === undefined ? '' : ` (${size} ${what === 'file' ? 'bytes' : 'characters'}${markup ? ' of markup' : ''}; at most ${fitting(markup)} fit)`) +
  '; split it, or raise MTCLEAN_BIG_HEAP_MB'

/** A file task's bytes (0 when it cannot be read: the worker reports that) and whether it will be read as Markdown or HTML. */
function sizeOf(task: FileTask): {size: number; markup: boolean} {
  let size = 0
  let head = ''
  try {
    size = task.bytes ? task.bytes.length : statSync(task.path!).size
    if (!isBig({size, markup: true})) return {size, markup: false}
    // The flag, the config or the name decides, else the first 4 KB (as processFile's chooseFormat does).
    if (task.bytes) head = Buffer.from(task.bytes.subarray(0, 4096)).toString('utf8')
    else if (!task.format && !task.config.format && extname(task.path!) === '') head = readHead(task.path!)
  } catch {
    return {size, markup: false}
  }
  const name = task.path ?? (task.display !== '<stdin>' ? task.display : undefined)
  return {size, markup: chooseFormat(task.format ?? task.config.format, name, head) !== 'text'}
}

function readHead(path: string): string {
  const fd = openSync(path, 'r')
  try {
    const buffer = Buffer.alloc(4096)
    return buffer.subarray(0, readSync(fd, buffer, 0, 4096, 0)).toString('utf8')
  } finally {
    closeSync(fd)
  }
}

/** A big file in the big-input worker; a file that does not fit is reported and skipped (before any work when its size says so). */
function bigFile(lane: BigLane, task: FileTask, {size, markup}: {size: number; markup: boolean}): Promise<FileResult> {
  const refused = (known?: number): FileResult => ({index: task.index, display: task.display, messages: [], changed: false, error: `${task.display}: ${tooBig('file', known, markup)}`})
  if (heapNeededMB(size, markup) > BIG_HEAP_MB && size <= task.maxFileSize) return Promise.resolve(refused(size))
  return lane.run({file: task}, () => refused())
}

/** Texts one by one in the big-input worker; a text that does not fit gets an error result (before any work when its size says so). */
async function bigTexts(lane: BigLane, task: TextsTask): Promise<TextResult[]> {
  const out: TextResult[] = []
  for (const text of task.texts) {
    // Records are read as plain text.
    if (heapNeededMB(text.length) > BIG_HEAP_MB) {
      out.push({messages: [], error: tooBig('record', text.length)})
      continue
    }
    const [result] = await lane.run({texts: {...task, texts: [text]}}, (): TextResult[] => [{messages: [], error: tooBig('record')}])
    out.push(result)
  }
  return out
}

/** Split a batch of texts: the big ones go to `big` (the big-input worker, alone: see Gate), the rest to `small`, results in order. */
async function splitTexts(
  task: TextsTask,
  small: (task: TextsTask) => Promise<TextResult[]>,
  big: (task: TextsTask) => Promise<TextResult[]>
): Promise<TextResult[]> {
  const bigText = task.texts.map((t) => t.length >= BIG_INPUT)
  if (!bigText.some(Boolean)) return small(task)
  const smallTask = {...task, texts: task.texts.filter((_, i) => !bigText[i])}
  const smallDone = smallTask.texts.length ? small(smallTask) : Promise.resolve([])
  const bigDone = big({...task, texts: task.texts.filter((_, i) => bigText[i])})
  const [smallResults, bigResults] = await Promise.all([smallDone, bigDone])
  let s = 0
  let b = 0
  return bigText.map((yes) => (yes ? bigResults[b++] : smallResults[s++]))
}

/**
 * Small work runs side by side; a big input runs alone. The memory budget
 * holds one big input next to idle workers (their heaps back to the live
 * set), not next to busy ones: a big task waits for the small tasks given
 * before it, and small tasks given after it wait for it. Each task waits
 * only for tasks given earlier, so nothing waits in a cycle.
 */
export class Gate {
  private bigTail: Promise<unknown> = Promise.resolve()
  private running = new Set<Promise<unknown>>()

  small<R>(work: () => Promise<R>): Promise<R> {
    const done = this.bigTail.then(work)
    const settled = done.then(
      () => {},
      () => {}
    )
    const running = this.running
    running.add(settled)
    void settled.then(() => running.delete(settled))
    return done
  }

  big<R>(work: () => Promise<R>): Promise<R> {
    const before = [this.bigTail, ...this.running]
    this.running = new Set()
    const done = Promise.all(before).then(work)
    this.bigTail = done.then(
      () => {},
      () => {}
    )
    return done
  }
}

export async function createRunner(jobs: number, options: RunnerOptions = {}): Promise<Runner> {
  const lane = new BigLane()
  const gate = new Gate()
  // Set when the worker pool must make room for a huge input (see HUGE_HEAP_MB); the main thread cannot.
  let makeRoom = async () => {}
  /** Run `work` in the big-input worker alone; a huge input also without the other workers. */
  const alone = <R>(huge: boolean, work: () => Promise<R>) =>
    gate.big(async () => {
      if (huge) await makeRoom()
      return work()
    })
  const bigFileAlone = (task: FileTask, sized: {size: number; markup: boolean}) =>
    alone(heapNeededMB(sized.size, sized.markup) > HUGE_HEAP_MB, () => bigFile(lane, task, sized))
  const bigTextsAlone = (task: TextsTask) => alone(task.texts.some((t) => heapNeededMB(t.length) > HUGE_HEAP_MB), () => bigTexts(lane, task))
  // Small work ends an idle big-input worker first: its heap (rules and what the big input left) next to busy workers
  // reached 800 MB. Big inputs in a row keep it; one between small work costs a restart (a few seconds).
  const small = <R>(work: () => Promise<R>) =>
    gate.small(async () => {
      await lane.close()
      return work()
    })
  if (jobs <= 1) {
    const {processFile, processTexts} = await import('./run.js')
    const file = (task: FileTask) => {
      const sized = sizeOf(task)
      return isBig(sized) ? bigFileAlone(task, sized) : small(() => processFile(task))
    }
    const files = async (tasks: FileTask[]) => {
      const results: FileResult[] = []
      for (const task of tasks) results.push(await file(task))
      return results
    }
    return {file, files, texts: (task) => splitTexts(task, (t) => small(() => processTexts(t)), bigTextsAlone), close: () => lane.close(), threads: 1, workersStarted: false}
  }
  // Loaded when the workers start (a file run may never need them).
  let Tinypool: typeof import('tinypool').Tinypool | undefined
  const loadTinypool = async () => (Tinypool ??= (await import('tinypool')).Tinypool)
  // Streaming (capped) runs give all the work to workers: only they can be held to a heap cap.
  // File runs make this thread a lane too (see Lanes), with one worker fewer.
  const threads = options.capped ? jobs : jobs - 1
  let pool: import('tinypool').Tinypool | undefined
  // Started on first use, and again after making room for a huge input.
  const workers = () => {
    if (pool) return pool
    pool = new Tinypool!({
      filename: new URL('./worker.js', import.meta.url).href,
      minThreads: threads,
      maxThreads: threads,
      idleTimeout: 0,
      ...(options.capped ? {resourceLimits: {maxOldGenerationSizeMb: CAPPED_OLD_MB, maxYoungGenerationSizeMb: CAPPED_YOUNG_MB}} : {})
    })
    // A worker that fails to start fails the tasks given to it (file runs: the main thread does the work); not the process.
    pool.on('error', () => {})
    return pool
  }
  makeRoom = async () => {
    const idle = pool
    pool = undefined
    await idle?.destroy()
  }
  let lanes: Lanes<FileTask[], FileResult[]> | undefined
  if (!options.capped) {
    const {processFile} = await import('./run.js')
    const onMain = async (tasks: FileTask[]) => {
      const results: FileResult[] = []
      for (const task of tasks) results.push(await processFile(task))
      return results
    }
    const startPool = () => {
      // Ready once every worker has loaded its modules.
      const ready = loadTinypool().then(() => Promise.all(Array.from({length: threads}, () => workers().run({warm: true} satisfies Work))))
      ready.catch(() => {})
      return {run: (tasks: FileTask[]) => workers().run({files: tasks} satisfies Work) as Promise<FileResult[]>, ready}
    }
    const wait = startMs()
    const total = options.plan && wait > 0 ? options.plan.files * FILE_WEIGHT + options.plan.bytes : undefined
    // The pace in wall time (process CPU time counts the JIT's and the collector's own threads, which run hot while this
    // thread warms up: it made a 6-second batch look twice as long).
    lanes = new Lanes({main: onMain, startPool, poolSlots: 2 * threads, total, startMs: wait})
  } else {
    await loadTinypool()
    workers()
  }
  const weightOf = (sized: Array<{size: number}>) => sized.reduce((sum, {size}) => sum + FILE_WEIGHT + size, 0)
  const onLanes = (tasks: FileTask[], weight: number) =>
    lanes ? lanes.run(tasks, weight) : (workers().run({files: tasks} satisfies Work) as Promise<FileResult[]>)
  const smallFile = (task: FileTask, sized: {size: number}) => small(async () => (await onLanes([task], weightOf([sized])))[0])
  const file = (task: FileTask) => {
    const sized = sizeOf(task)
    return isBig(sized) ? bigFileAlone(task, sized) : smallFile(task, sized)
  }
  const files = async (tasks: FileTask[]) => {
    const all = tasks.map((task) => ({task, sized: sizeOf(task)}))
    if (!all.some((t) => isBig(t.sized))) return small(() => onLanes(tasks, weightOf(all.map((t) => t.sized))))
    return Promise.all(all.map(({task, sized}) => (isBig(sized) ? bigFileAlone(task, sized) : smallFile(task, sized))))
  }
  const smallTexts = (task: TextsTask): Promise<TextResult[]> =>
    small(async () => {
      try {
        return (await workers().run({texts: task} satisfies Work)) as TextResult[]
      } catch (error) {
        // A capped worker ran out of heap on a batch: redo it in the big-input worker, record by record
        // (in place of the worker that died, so not through the gate: it would wait for this very task).
        if (!outOfMemory(error)) throw error
        options.onFallback?.()
        return bigTexts(lane, task)
      }
    })
  return {
    file,
    files,
    texts: (task) => splitTexts(task, smallTexts, bigTextsAlone),
    close: async () => {
      await pool?.destroy()
      await lane.close()
    },
    threads: jobs,
    get workersStarted() {
      return lanes ? lanes.poolStarted : true
    }
  }
}

/** A bound on what is in flight besides the count: the tasks' summed weight (bytes, say). */
export interface Load<T> {
  weight: (task: T) => number
  /** Tasks start only while the weights in flight stay within it; a task alone always starts. */
  budget: number
}

/**
 * Run tasks with at most `window` in flight (and, with `load`, at most its
 * budget of weight), calling `onResult` in task order (the output is the
 * same whatever the number of workers).
 */
export async function runOrdered<T, R>(
  tasks: Iterable<T> | AsyncIterable<T>,
  run: (task: T) => Promise<R>,
  window: number,
  onResult: (result: R) => void | Promise<void>,
  load?: Load<T>
): Promise<void> {
  const queue: Array<{promise: Promise<R>; weight: number}> = []
  let inFlight = 0
  const next = async () => {
    const head = queue.shift()!
    inFlight -= head.weight
    await onResult(await head.promise)
  }
  for await (const task of tasks) {
    const weight = load ? load.weight(task) : 0
    while (load && queue.length > 0 && inFlight + weight > load.budget) await next()
    const promise = run(task)
    promise.catch(() => {})
    queue.push({promise, weight})
    inFlight += weight
    if (queue.length >= window) await next()
  }
  while (queue.length) await next()
}
