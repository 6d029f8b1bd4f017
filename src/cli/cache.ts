/**
 * `check --cache`: a finding list per file, reused while the file's content
 * and its config are unchanged (content hash + config hash, as ESLint's
 * `--cache-strategy content`). One JSON file, in node_modules/.cache/mtclean
 * by default.
 */
import {createHash} from 'node:crypto'
import {readFileSync} from 'node:fs'
import {mkdir, rename, writeFile} from 'node:fs/promises'
import {dirname} from 'node:path'
import type {Config} from '../index.js'
import type {JsonMessage} from '../engine/types.js'
import {version} from './version.js'

interface Entry {
  content: string
  config: string
  messages: JsonMessage[]
}

const hash = (data: string | Uint8Array) => createHash('sha256').update(data).digest('base64url')

export class CheckCache {
  private entries: Record<string, Entry> = {}
  private dirty = false

  constructor(private readonly path: string) {
    try {
      const data = JSON.parse(readFileSync(path, 'utf8')) as {version?: string; entries?: Record<string, Entry>}
      // Another mtclean version may find other things: start afresh.
      if (data.version === version() && data.entries) this.entries = data.entries
    } catch {}
  }

  /** The key of a config (with what else changes the findings). */
  static configKey(config: Config, extra: unknown): string {
    return hash(JSON.stringify([config, extra]))
  }

  /** The cached findings of `file` with these bytes and config, or undefined. */
  get(file: string, bytes: Uint8Array, configKey: string): JsonMessage[] | undefined {
    const entry = this.entries[file]
    return entry && entry.config === configKey && entry.content === hash(bytes) ? entry.messages : undefined
  }

  set(file: string, bytes: Uint8Array, configKey: string, messages: JsonMessage[]): void {
    this.entries[file] = {content: hash(bytes), config: configKey, messages}
    this.dirty = true
  }

  async save(): Promise<void> {
    if (!this.dirty) return
    await mkdir(dirname(this.path), {recursive: true})
    const tmp = `${this.path}.${process.pid}.tmp`
    await writeFile(tmp, JSON.stringify({version: version(), entries: this.entries}))
    await rename(tmp, this.path)
  }
}
