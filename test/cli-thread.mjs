// The command line run inside a worker thread of the test process, one run at
// a time, for test/cli-support.ts's `run()` (ESLint's tests call cli.execute
// in-process the same way). A spawned `node dist/cli/main.js` pays Node's
// start, the module graph and the rule data again on every run (half a second
// here, three hundred runs a suite); this thread pays them once.
//
// A run sees its own working directory, environment, stdin and output:
// process.cwd() answers the run's directory (the CLI resolves every path
// against it), process.env is the run's, stdout and stderr are captured.
// `main()` returns the exit code, as bin/main.js would set it.
import {workerData, parentPort} from 'node:worker_threads'
import {Readable} from 'node:stream'

const {main} = await import(workerData.cli)
const state = new Int32Array(workerData.state)
const baseEnv = {...process.env}
const realCwd = process.cwd

function capture(stream, chunks) {
  stream.write = (chunk, encoding, callback) => {
    const done = typeof encoding === 'function' ? encoding : callback
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8') : Buffer.from(chunk))
    if (done) queueMicrotask(() => done())
    return true
  }
}

parentPort.on('message', async ({args, cwd, input, env, reply}) => {
  const stdout = []
  const stderr = []
  let result
  try {
    process.cwd = () => cwd
    for (const key of Object.keys(process.env)) delete process.env[key]
    Object.assign(process.env, baseEnv, env)
    const stdin = Readable.from(input.length ? [Buffer.from(input)] : [])
    Object.defineProperty(process, 'stdin', {configurable: true, get: () => stdin})
    capture(process.stdout, stdout)
    capture(process.stderr, stderr)
    const code = await main(args)
    result = {code}
  } catch (error) {
    // What bin/main.js prints for an error that escapes main().
    stderr.push(Buffer.from(`mtclean: internal error: ${error?.stack ?? error}\n`))
    result = {code: 2}
  } finally {
    process.cwd = realCwd
  }
  reply.postMessage({...result, stdout: Buffer.concat(stdout), stderr: Buffer.concat(stderr)})
  Atomics.store(state, 0, 1)
  Atomics.notify(state, 0)
})
