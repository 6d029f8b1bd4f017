import {chmodSync, closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeFileSync} from 'node:fs'
import {stat, access, constants} from 'node:fs/promises'
import {basename, dirname, join} from 'node:path'
import {randomBytes} from 'node:crypto'

/** Temporary files being written: removed if the process is interrupted. */
export const pendingTemps = new Set<string>()

/**
 * Write `data` to `target` atomically: a temporary file in the same
 * directory, flushed, then renamed over the target. The target is either the
 * old file or the new one, never a partial one. `mode` defaults to the
 * target's current mode (or 0o666 less the umask for a new file).
 * `durable` (the default) flushes the data to disk before the rename: for a
 * file rewritten in place, the only copy. A copy written elsewhere (--out-dir)
 * skips the flush: the original is untouched, and a flush per file costs more
 * than fixing it.
 */
export async function atomicWrite(target: string, data: Uint8Array, mode?: number, durable = true): Promise<void> {
  // Synchronous calls: a worker writes one file at a time, and in a batch the
  // asynchronous ones queue on libuv's small shared thread pool.
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.mtclean.tmp`)
  pendingTemps.add(tmp)
  try {
    const fd = openSync(tmp, 'wx', mode ?? 0o666)
    try {
      writeFileSync(fd, data)
      if (durable) fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    if (mode !== undefined) chmodSync(tmp, mode)
    renameSync(tmp, target)
  } catch (error) {
    try {
      unlinkSync(tmp)
    } catch {
      // Not created, or already gone.
    }
    throw error
  } finally {
    pendingTemps.delete(tmp)
  }
}

/** Throw a clear error when `path` may not be rewritten in place. */
export async function assertWritable(path: string): Promise<number> {
  const info = await stat(path)
  if ((info.mode & 0o222) === 0) throw Object.assign(new Error('read-only file'), {code: 'EROFILE'})
  await access(path, constants.W_OK)
  return info.mode & 0o7777
}
