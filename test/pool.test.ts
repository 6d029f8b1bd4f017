import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {beforeAll, describe, expect, it} from 'vitest'
import {Gate, runOrdered} from '../src/engine/pool.js'
import type {FileTask} from '../src/engine/types.js'
import {DIST, ensureBuilt} from './cli-support.js'

/** A task that ends when `release()` is called, logging when it starts and ends. */
function task(log: string[], name: string) {
  let release!: () => void
  const ended = new Promise<void>((done) => (release = done))
  return {
    run: async () => {
      log.push(`start ${name}`)
      await ended
      log.push(`end ${name}`)
      return name
    },
    release
  }
}
const tick = () => new Promise((done) => setTimeout(done, 5))

describe('memory budget: a big input runs alone (Gate)', () => {
  it('a big task waits for the small tasks given before it; small tasks given after it wait for it', async () => {
    const log: string[] = []
    const gate = new Gate()
    const a = task(log, 'a')
    const b = task(log, 'B')
    const c = task(log, 'c')
    const done = [gate.small(a.run), gate.big(b.run), gate.small(c.run)]
    await tick()
    expect(log).toEqual(['start a'])
    a.release()
    await tick()
    expect(log).toEqual(['start a', 'end a', 'start B'])
    b.release()
    await tick()
    c.release()
    expect(await Promise.all(done)).toEqual(['a', 'B', 'c'])
    expect(log).toEqual(['start a', 'end a', 'start B', 'end B', 'start c', 'end c'])
  })

  it('small tasks run side by side, and a failed big task does not stop the ones after it', async () => {
    const log: string[] = []
    const gate = new Gate()
    const a = task(log, 'a')
    const b = task(log, 'b')
    const small = [gate.small(a.run), gate.small(b.run)]
    await tick()
    expect(log).toEqual(['start a', 'start b'])
    a.release()
    b.release()
    await Promise.all(small)
    const failed = gate.big(async () => {
      throw new Error('out of heap')
    })
    await expect(failed).rejects.toThrow('out of heap')
    expect(await gate.small(async () => 'after')).toBe('after')
  })
})

describe('memory budget: runOrdered bounds the weight in flight', () => {
  it('starts a task only while the weights in flight stay within the budget (one task alone always starts); results in order', async () => {
    let inFlight = 0
    const starts: Array<{w: number; inFlight: number}> = []
    const weights = [3, 3, 3, 10, 1, 1, 1, 1]
    const seen: number[] = []
    await runOrdered(
      weights.map((w, i) => ({w, i})),
      async ({w, i}) => {
        inFlight += w
        starts.push({w, inFlight})
        await tick()
        inFlight -= w
        return i
      },
      8,
      (i) => void seen.push(i),
      {weight: ({w}) => w, budget: 6}
    )
    expect(seen).toEqual(weights.map((_, i) => i))
    expect(starts).toHaveLength(weights.length)
    for (const s of starts) expect(s.inFlight <= 6 || s.inFlight === s.w).toBe(true)
    // Without the budget, the window of 8 alone would have let all of them run at once.
    expect(Math.max(...starts.map((s) => s.inFlight))).toBe(10)
  })
})

describe('workers pay their start only on a run long enough (16.16: --jobs 2 was slower than --jobs 1 on 400 files)', () => {
  beforeAll(ensureBuilt)

  /** Ten small files in a temp directory, as file tasks of one config. */
  function tasks(): FileTask[] {
    const dir = mkdtempSync(join(tmpdir(), 'mtclean-lanes-'))
    return Array.from({length: 10}, (_, i) => {
      const path = join(dir, `${i}.txt`)
      writeFileSync(path, i % 2 ? 'The minister said the reform was ready ”.\n' : 'Prices rose by 3.5 percent.\n')
      return {index: i, path, display: `${i}.txt`, config: {}, mode: 'check', suggestions: false, encoding: 'utf-8', maxFileSize: 1 << 20}
    })
  }
  // The built modules (tinypool's workers load dist/engine/worker.js), of the build under test (MTCLEAN_BIN's for scripts/regressions.mjs).
  const pool = () => import(pathToFileURL(join(DIST, 'engine/pool.js')).href) as Promise<typeof import('../src/engine/pool.js')>
  /** This process's OS threads (Linux): a worker thread is one more. */
  const threads = () => Number(/^Threads:\s+(\d+)/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1])

  it.skipIf(process.platform !== 'linux')('a small batch with two jobs runs on the main thread alone; started at once, workers give the same results', async () => {
    const {createRunner} = await pool()
    const all = tasks()
    const groups = [all.slice(0, 5), all.slice(5)]
    // Whatever the first lint starts in this process (libuv's pool, V8's helpers) is started before counting.
    const warm = await createRunner(1)
    await warm.files(all.slice(0, 1))
    await warm.close()
    const before = threads()
    const planned = await createRunner(2, {plan: {files: all.length, bytes: 400}})
    const small = (await Promise.all(groups.map((g) => planned.files(g)))).flat()
    const startedForSmall = threads() - before
    await planned.close()
    const eager = await createRunner(2)
    const withWorkers = (await Promise.all(groups.map((g) => eager.files(g)))).flat()
    // The eager runner's worker starts while the main thread works: wait for it (at most 10 s).
    for (let waited = 0; threads() === before && waited < 10_000; waited += 50) await new Promise((done) => setTimeout(done, 50))
    const startedEager = threads() - before
    await eager.close()
    expect(startedForSmall).toBe(0)
    expect(startedEager).toBeGreaterThan(0)
    expect(small.map((r) => r.messages.map((m) => m.ruleId))).toEqual(withWorkers.map((r) => r.messages.map((m) => m.ruleId)))
    expect(small.filter((r) => r.messages.length > 0).map((r) => r.index)).toEqual([1, 3, 5, 7, 9])
  })
})
