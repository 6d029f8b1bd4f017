import {spawn, spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, mkdirSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join, resolve} from 'node:path'
import type {JsonMessage} from '../src/engine/types.js'

export const ROOT = resolve(import.meta.dirname, '..')
export const BIN = join(ROOT, 'dist/cli/main.js')

/** The CLI tests spawn the built binary: build it if `npm test` has not. */
export function ensureBuilt(): void {
  if (existsSync(BIN)) return
  const r = spawnSync('npm', ['run', 'build'], {cwd: ROOT, stdio: 'inherit'})
  if (r.status !== 0) throw new Error('build failed')
}

export interface Run {
  code: number | null
  stdout: string
  stderr: string
  bytes: Buffer
}

export function run(args: string[], options: {cwd?: string; input?: string | Buffer; env?: Record<string, string>} = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input ?? '',
    env: {...process.env, CI: 'true', NO_COLOR: '1', ...options.env},
    maxBuffer: 1 << 28
  })
  return {code: r.status, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8'), bytes: r.stdout}
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
  return (await import(join(ROOT, 'dist/index.js'))) as typeof import('../src/index.js')
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
