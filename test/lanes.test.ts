import {describe, expect, it} from 'vitest'
import {Lanes, type LaneOptions} from '../src/engine/lanes.js'

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms))

/** Lanes over fake work: a task is a number, its result is `lane:number`; each main task takes 10 ms of a fake clock. */
function lanes(options: Partial<LaneOptions<number, string>> & {ready?: Promise<unknown>; failOn?: number}) {
  const log = {started: 0, main: [] as number[], pool: [] as number[]}
  let clock = 0
  let release!: () => void
  const gate = new Promise<void>((done) => (release = done))
  const l = new Lanes<number, string>({
    main: async (n) => {
      await sleep(1)
      clock += 10
      if (n === options.failOn) throw new Error(`main failed on ${n}`)
      log.main.push(n)
      return `main:${n}`
    },
    startPool: () => {
      log.started++
      return {
        run: async (n) => {
          await sleep(1)
          log.pool.push(n)
          return `pool:${n}`
        },
        ready: options.ready ?? gate
      }
    },
    poolSlots: 2,
    startMs: 2000,
    now: () => clock,
    ...options
  })
  return {l, log, release}
}

describe('lanes: the main thread works from the first task, workers join when the work left pays their start', () => {
  it('a run that ends before the main thread has worked startMs never starts the workers: every task on it, results as given', async () => {
    const {l, log, release} = lanes({total: 10, startMs: 2000})
    release()
    const results = await Promise.all(Array.from({length: 10}, (_, i) => l.run(i)))
    expect(results).toEqual(Array.from({length: 10}, (_, i) => `main:${i}`))
    expect(log.started).toBe(0)
    expect(l.poolStarted).toBe(false)
    expect(l.dealt).toEqual({main: 10, pool: 0})
  })

  it('a long run starts the workers once the main thread has worked startMs / 2 and startMs is left; once ready they take tasks too', async () => {
    // 1,000 tasks of ~10 ms each, startMs 60: after three tasks (30 ms), far more than 60 ms of work is left.
    const {l, log, release} = lanes({total: 1000, startMs: 60})
    await Promise.all([l.run(0), l.run(1)])
    expect(log.started).toBe(0)
    await l.run(2)
    await sleep(0) // the pace is measured once the task's result is given
    expect(log.started).toBe(1)
    await l.run(3)
    expect(log.pool).toEqual([])
    release()
    await sleep(0)
    const rest = Array.from({length: 40}, (_, i) => l.run(i + 4))
    const results = await Promise.all(rest)
    expect(results.map((r) => Number(r.split(':')[1]))).toEqual(Array.from({length: 40}, (_, i) => i + 4))
    expect(log.pool.length).toBeGreaterThan(0)
    expect(log.main.length).toBeGreaterThan(4)
    expect(l.dealt.main + l.dealt.pool).toBe(44)
    expect(new Set([...log.main, ...log.pool]).size).toBe(44)
  })

  it('with no plan the workers start at once, and the main thread works until they are ready', async () => {
    const {l, log, release} = lanes({})
    expect(log.started).toBe(1)
    const early = await Promise.all([l.run(0), l.run(1)])
    expect(early).toEqual(['main:0', 'main:1'])
    release()
    await sleep(0)
    await Promise.all(Array.from({length: 6}, (_, i) => l.run(i + 2)))
    expect(log.pool.length).toBeGreaterThan(0)
  })

  it('workers that fail to start leave all the work to the main thread', async () => {
    const ready = Promise.reject(new Error('no worker'))
    const {l, log} = lanes({ready})
    const results = await Promise.all(Array.from({length: 5}, (_, i) => l.run(i)))
    expect(results).toEqual(['main:0', 'main:1', 'main:2', 'main:3', 'main:4'])
    expect(log.pool).toEqual([])
  })

  it('no workers when the work left at the latest pace is less than startMs, however long the main thread has worked', async () => {
    // startMs 100: five tasks of 10 ms have worked half of it, and then at most 4 tasks (40 ms, under 100) are left.
    const {l, log} = lanes({total: 9, startMs: 100})
    await Promise.all(Array.from({length: 9}, (_, i) => l.run(i)))
    expect(log.started).toBe(0)
    expect(l.dealt).toEqual({main: 9, pool: 0})
  })

  it('a task that fails rejects its own promise only', async () => {
    const {l} = lanes({total: 4, failOn: 1})
    const done = [0, 1, 2, 3].map((n) => l.run(n).then((r) => r, (e: Error) => e.message))
    expect(await Promise.all(done)).toEqual(['main:0', 'main failed on 1', 'main:2', 'main:3'])
  })
})

/** Lanes whose main tasks take `fast` and `slow` ms of a fake clock by turns (weight 1 each); counts the pool starts. */
function alternating(fast: number, slow: number, total: number, startMs: number) {
  let clock = 0
  const log = {started: 0}
  const l = new Lanes<number, number>({
    main: async (n) => {
      clock += n % 2 === 0 ? fast : slow
      return n
    },
    startPool: () => {
      log.started++
      return {run: async (n) => n, ready: new Promise(() => {})}
    },
    poolSlots: 2,
    total,
    startMs,
    now: () => clock
  })
  return {l, log}
}

describe('lanes: the pace is the mean of the recent tasks, not the fastest one', () => {
  it('starts the workers when the tasks, fast and slow by turns, leave enough work on average', async () => {
    // 2 ms and 18 ms by turns (mean 10 ms). startMs 100: after 50 ms of work 94 tasks are left, 940 ms at the mean pace.
    const {l, log} = alternating(2, 18, 100, 100)
    for (let i = 0; i < 4; i++) await l.run(i)
    await sleep(0)
    expect(log.started).toBe(0)
    for (let i = 4; i < 6; i++) await l.run(i)
    await sleep(0)
    expect(log.started).toBe(1)
  })

  it('judges the work left at the mean pace: 1 ms tasks among 19 ms ones do not make it look short', async () => {
    // 1 ms and 19 ms by turns: the mean is 10 ms. After 60 ms of work 19 of 25 tasks are left:
    // 190 ms at the mean pace (the workers start), 19 ms at the fastest (they would not).
    const {l, log} = alternating(1, 19, 25, 100)
    for (let i = 0; i < 6; i++) await l.run(i)
    await sleep(0)
    expect(log.started).toBe(1)
  })
})
