/**
 * Work dealt to the main thread and to worker threads, whichever is free.
 *
 * A worker pays its own start (modules, rule data, source dictionaries, JIT
 * warm-up: 3–4 s of CPU) on runs of a few seconds, and on two cores
 * that start cost more than it gave: `--jobs 2` on 400 small files was slower
 * than `--jobs 1`. So the main thread is a lane too and works from the first
 * task; the workers are started only on a run long enough to pay their start
 * (see `measure`); they join when ready, and each lane takes the next task
 * when it is free.
 */
export interface LaneOptions<W, R> {
  /** Run work on this thread (one task at a time). */
  main: (work: W) => Promise<R>
  /** Start the workers: how to run work on them, and when they are ready (a rejection leaves all the work to this thread). */
  startPool: () => {run: (work: W) => Promise<R>; ready: Promise<unknown>}
  /**
   * Tasks the pool may hold at once: one running and one waiting per worker,
   * so a worker never waits for this thread to be between tasks to get more.
   */
  poolSlots: number
  /** The summed weight of all the tasks the run will give; undefined: start the pool at once. */
  total?: number
  /**
   * What a worker costs before it runs at full pace, in ms of CPU: the workers start once this thread has worked
   * half as long (its pace is then past most of its own warm-up) and the work left would take it at least as long.
   */
  startMs: number
  /** The clock (ms) the pace is measured with: performance.now, process CPU time, or a test's. */
  now?: () => number
}

/** Tasks the pace is measured over. */
const RECENT = 32

interface Pending<W, R> {
  work: W
  weight: number
  resolve: (result: R) => void
  reject: (error: unknown) => void
}

export class Lanes<W, R> {
  private readonly queue: Array<Pending<W, R>> = []
  private head = 0
  private mainBusy = false
  private pool: ((work: W) => Promise<R>) | undefined
  private started = false
  private inPool = 0
  /** Weight given to any lane so far. */
  private dealtWeight = 0
  /** Milliseconds this thread has worked. */
  private worked = 0
  /** The time (ms) and weight of its last RECENT tasks. */
  private readonly recent: Array<{ms: number; weight: number}> = []

  /** Tasks given to each lane so far (for tests and the benchmark). */
  readonly dealt = {main: 0, pool: 0}

  constructor(private readonly options: LaneOptions<W, R>) {
    if (options.total === undefined) this.start()
  }

  /** Run `work`, of size `weight` (bytes, say: the pace is measured per unit). */
  run(work: W, weight = 1): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({work, weight, resolve, reject})
      this.pump()
    })
  }

  /** The workers were started. */
  get poolStarted(): boolean {
    return this.started
  }

  private start(): void {
    if (this.started) return
    this.started = true
    const {run, ready} = this.options.startPool()
    ready.then(
      () => {
        this.pool = run
        this.pump()
      },
      () => {}
    )
  }

  /**
   * After a task on this thread: start the workers once it has worked
   * `startMs / 2` and the work left, at the pace of its last few tasks
   * (their time over their weight), would take it `startMs` or more. A
   * worker burns about `startMs` of CPU before it runs at full pace, on the
   * other core, working slowly meanwhile: it pays once more than that is
   * left. This thread's first tasks run several times slower than later ones
   * (JIT warm-up, data loaded on first use): the pace is measured after
   * them. It is the mean over tasks, not the fastest task: documents differ,
   * and the fastest of a few (a short, plain one) made the 9 s left of a
   * 17-second run look like 4, so its workers never started.
   */
  private measure(weight: number, ms: number): void {
    if (this.started || this.options.total === undefined || weight <= 0) return
    this.worked += ms
    this.recent.push({ms, weight})
    if (this.recent.length > RECENT) this.recent.shift()
    if (this.worked < this.options.startMs / 2) return
    let recentMs = 0
    let recentWeight = 0
    for (const task of this.recent) {
      recentMs += task.ms
      recentWeight += task.weight
    }
    const left = this.options.total - this.dealtWeight
    if ((left * recentMs) / recentWeight >= this.options.startMs) this.start()
  }

  private take(): Pending<W, R> | undefined {
    if (this.head === this.queue.length) return undefined
    const next = this.queue[this.head++]
    if (this.head === this.queue.length) {
      this.queue.length = 0
      this.head = 0
    }
    this.dealtWeight += next.weight
    return next
  }

  private pump(): void {
    // The pool first, to keep the workers fed; then this thread.
    while (this.pool && this.inPool < this.options.poolSlots) {
      const next = this.take()
      if (!next) return
      this.inPool++
      this.dealt.pool++
      this.pool(next.work)
        .then(next.resolve, next.reject)
        .finally(() => {
          this.inPool--
          this.pump()
        })
    }
    if (this.mainBusy) return
    const next = this.take()
    if (!next) return
    this.mainBusy = true
    this.dealt.main++
    // After a turn of the event loop: the workers' results and requests for more work are handled between tasks here.
    setImmediate(() => {
      const now = this.options.now ?? performance.now.bind(performance)
      const t0 = now()
      this.options
        .main(next.work)
        .then(next.resolve, next.reject)
        .finally(() => {
          this.mainBusy = false
          this.measure(next.weight, now() - t0)
          this.pump()
        })
    })
  }
}
