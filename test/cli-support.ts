import {spawn, spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, mkdirSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join, resolve} from 'node:path'
import {pathToFileURL} from 'node:url'
import {MessageChannel, receiveMessageOnPort, Worker} from 'node:worker_threads'
import type {JsonMessage} from '../src/engine/types.js'

export const ROOT = resolve(import.meta.dirname, '..')
/**
 * The binary under test. `MTCLEAN_BIN` points the same tests at another build
 * (scripts/regressions.mjs runs them against an old checkout's
 * dist/cli/main.js to show each regression test fails there).
 */
export const BIN = process.env.MTCLEAN_BIN ? resolve(process.env.MTCLEAN_BIN) : join(ROOT, 'dist/cli/main.js')
/** The dist/ directory that holds BIN (its library is compared with the CLI). */
export const DIST = dirname(dirname(BIN))
/**
 * The checkout whose files a user reads or runs besides the binary (docs,
 * .pre-commit-hooks.yaml): `MTCLEAN_REPO`, set with MTCLEAN_BIN by
 * scripts/regressions.mjs; else this one.
 */
export const REPO = process.env.MTCLEAN_REPO ? resolve(process.env.MTCLEAN_REPO) : ROOT

/** The CLI tests spawn the built binary: build it if `npm test` has not. */
export function ensureBuilt(): void {
  if (existsSync(BIN)) return
  if (process.env.MTCLEAN_BIN) throw new Error(`MTCLEAN_BIN=${BIN} does not exist`)
  const r = spawnSync('npm', ['run', 'build'], {cwd: ROOT, stdio: 'inherit'})
  if (r.status !== 0) throw new Error('build failed')
}

export interface Run {
  code: number | null
  stdout: string
  stderr: string
  bytes: Buffer
  timedOut?: boolean
}

/**
 * A synchronous spawn cannot be interrupted by the test's timeout: a CLI that
 * hangs (on a device, a FIFO) is killed after this long and the run fails
 * (code null, `timedOut`). `MTCLEAN_RUN_TIMEOUT_MS` shortens it for a build
 * that is expected to hang (scripts/regressions.mjs).
 */
const RUN_TIMEOUT = Number(process.env.MTCLEAN_RUN_TIMEOUT_MS) || 110_000

/**
 * Runs `mtclean ARGS` and waits for it. By default in one worker thread of the
 * test process that has loaded the CLI once (./cli-thread.mjs: its own
 * directory, environment, stdin and captured output for each run); a real
 * process (`node dist/cli/main.js`, the bundled binary) when the test asks for
 * one (`spawn`), passes Node flags, sets an MTCLEAN_ variable (read when a
 * module loads) or a NODE_ one, or MTCLEAN_BIN points the tests at another build.
 */
export function run(args: string[], options: {cwd?: string; input?: string | Buffer; env?: Record<string, string>; node?: string[]; spawn?: boolean} = {}): Run {
  const env = {CI: 'true', NO_COLOR: '1', ...options.env}
  const inProcess = !options.spawn && !options.node && !process.env.MTCLEAN_BIN && !Object.keys(env).some((k) => k.startsWith('MTCLEAN_') || k.startsWith('NODE_'))
  if (inProcess) return runInThread(args, options.cwd ?? ROOT, options.input ?? '', env)
  const r = spawnSync(process.execPath, [...(options.node ?? []), BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input ?? '',
    env: {...process.env, ...env},
    maxBuffer: 1 << 28,
    timeout: RUN_TIMEOUT,
    killSignal: 'SIGKILL'
  })
  const timedOut = (r.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT'
  return {code: r.status, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8') + (timedOut ? `\n[killed after ${RUN_TIMEOUT} ms]` : ''), bytes: r.stdout, timedOut}
}

let thread: {worker: Worker; state: Int32Array} | undefined

/** One run in the CLI thread, the caller blocked until it ends (or is killed after RUN_TIMEOUT). */
function runInThread(args: string[], cwd: string, input: string | Buffer, env: Record<string, string>): Run {
  ensureBuilt()
  if (!thread) {
    const state = new Int32Array(new SharedArrayBuffer(4))
    const worker = new Worker(new URL('./cli-thread.mjs', import.meta.url), {workerData: {cli: pathToFileURL(join(DIST, 'cli/cli.js')).href, state: state.buffer}, stdout: true, stderr: true})
    worker.unref()
    thread = {worker, state}
  }
  const {worker, state} = thread
  const {port1, port2} = new MessageChannel()
  Atomics.store(state, 0, 0)
  worker.postMessage({args, cwd: resolve(cwd), input: typeof input === 'string' ? Buffer.from(input) : input, env, reply: port2}, [port2])
  const woke = Atomics.wait(state, 0, 0, RUN_TIMEOUT)
  const message = receiveMessageOnPort(port1)?.message as {code: number; stdout: Uint8Array; stderr: Uint8Array} | undefined
  port1.close()
  if (woke === 'timed-out' || !message) {
    void worker.terminate()
    thread = undefined
    return {code: null, stdout: '', stderr: woke === 'timed-out' ? `\n[killed after ${RUN_TIMEOUT} ms]` : '\n[the CLI thread ended]', bytes: Buffer.alloc(0), timedOut: woke === 'timed-out'}
  }
  const bytes = Buffer.from(message.stdout)
  return {code: message.code, stdout: bytes.toString('utf8'), stderr: Buffer.from(message.stderr).toString('utf8'), bytes}
}

export function runAsync(args: string[], options: {cwd?: string} = {}) {
  return spawn(process.execPath, [BIN, ...args], {cwd: options.cwd ?? ROOT, env: {...process.env, CI: 'true'}})
}

/** A temporary directory with files: `{'a.txt': '…', 'sub/b.txt': Buffer}`. */
export function tree(files: Record<string, string | Buffer> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'mtclean-cli-'))
  write(dir, files)
  return dir
}

export function write(dir: string, files: Record<string, string | Buffer>): void {
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, name)
    mkdirSync(dirname(path), {recursive: true})
    writeFileSync(path, content)
  }
}

/** The library's answer, to compare the CLI with (rules change; the plumbing must not). */
export async function library() {
  return (await import(join(DIST, 'index.js'))) as typeof import('../src/index.js')
}

/** Texts with artifacts that the recommended preset fixes (error level). */
export const DIRTY = 'The protection was weak. . The plan is “ready ”, he said.\n'
export const CLEAN = 'The plan is ready, he said. Nothing else happened.\n'

/** One file of the JSON contract (the contract's keys are asserted in test/cli.test.ts). */
export interface JsonFile {
  path: string
  messages: JsonMessage[]
}

export function json(r: Run): JsonFile[] {
  try {
    return JSON.parse(r.stdout) as JsonFile[]
  } catch {
    throw new Error(`not JSON (exit ${r.code}): ${r.stdout.slice(0, 500)}\n${r.stderr}`)
  }
}
