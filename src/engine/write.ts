import {accessSync, chmodSync, closeSync, constants as fsConstants, fchownSync, fsyncSync, openSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync} from 'node:fs'
import {stat, access, constants} from 'node:fs/promises'
import {basename, dirname, join} from 'node:path'
import {createHash, randomBytes} from 'node:crypto'

export interface WriteHooks {
  /** Give the new file this owner (the old file's): a rewrite must not hand the file to the running user. */
  owner?: {uid: number; gid: number}
  /** Called just before the rename: throw to keep the target as it is. */
  beforeRename?: () => void
}

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
export async function atomicWrite(target: string, data: Uint8Array, mode?: number, durable = true, hooks: WriteHooks = {}): Promise<void> {
  atomicWriteSync(target, data, mode, durable, hooks)
}

/** atomicWrite, synchronous (see there). */
export function atomicWriteSync(target: string, data: Uint8Array, mode?: number, durable = true, hooks: WriteHooks = {}): void {
  // Synchronous calls: a worker writes one file at a time, and in a batch the
  // asynchronous ones queue on libuv's small shared thread pool.
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.mtclean.tmp`)
  pendingTemps.add(tmp)
  try {
    const fd = openSync(tmp, 'wx', mode ?? 0o666)
    try {
      writeFileSync(fd, data)
      if (hooks.owner) fchownSync(fd, hooks.owner.uid, hooks.owner.gid)
      if (durable) fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    // After the chown (which clears set-id bits).
    if (mode !== undefined) chmodSync(tmp, mode)
    hooks.beforeRename?.()
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

/** A file changed (or was replaced) between the read and the write: not overwritten. */
export class ChangedError extends Error {}
/** A write would land on an input (through a symbolic link): refused. */
export class InputTargetError extends Error {}

/** What a file was when read: identity, size, time and a digest of its bytes. */
export interface Snapshot {
  dev: number
  ino: number
  size: number
  mtimeMs: number
  digest: string
}

const digestOf = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('base64')

export function snapshotOf(path: string, bytes: Uint8Array): Snapshot {
  const info = statSync(path)
  return {dev: info.dev, ino: info.ino, size: info.size, mtimeMs: info.mtimeMs, digest: digestOf(bytes)}
}

/**
 * `fix --write`: replace a file with `data` atomically, keeping its mode and
 * owner, and only if it is still what was read (`snapshot`): an edit made
 * while mtclean ran is never lost; the file is then left alone and the
 * error says so. A file with several hard links is refused: a rename would
 * split the links (the other names would keep the old text) and an in-place
 * rewrite is not atomic (a crash would leave a partial file), so the safe
 * choice is to leave it untouched (use --out-dir, then copy).
 */
export function rewriteInPlace(path: string, data: Uint8Array, snapshot: Snapshot): void {
  const target = realpathSync(path)
  const info = statSync(target)
  if ((info.mode & 0o222) === 0) throw Object.assign(new Error('read-only file'), {code: 'EROFILE'})
  accessSync(target, fsConstants.W_OK)
  if (info.nlink > 1) throw new ChangedError(`has ${info.nlink} hard links: not rewritten (a rename would split them; use --out-dir)`)
  const uid = process.getuid?.()
  const owner = uid !== undefined && (info.uid !== uid || info.gid !== process.getgid?.()) ? {uid: info.uid, gid: info.gid} : undefined
  const unchanged = () => {
    const now = statSync(target)
    const same = now.dev === snapshot.dev && now.ino === snapshot.ino && now.size === snapshot.size && now.mtimeMs === snapshot.mtimeMs
    if (!same || digestOf(readFileSync(target)) !== snapshot.digest) {
      throw new ChangedError('changed while mtclean was fixing it: not rewritten (run fix again)')
    }
  }
  unchanged()
  try {
    atomicWriteSync(target, data, info.mode & 0o7777, true, {owner, beforeRename: unchanged})
  } catch (error) {
    // Not root and the file belongs to someone else: rewriting would change its owner.
    if ((error as NodeJS.ErrnoException).code === 'EPERM' && owner) {
      throw new ChangedError(`owned by another user (uid ${info.uid}, gid ${info.gid}): not rewritten (a new file would change its owner)`)
    }
    throw error
  }
}

/**
 * Where a write to `path` really lands: the real path of its directory (links
 * resolved) and its name. The file itself is replaced by a rename, so a link
 * at `path` is replaced, never written through.
 */
export function realTarget(path: string): string {
  let dir = dirname(path)
  const rest: string[] = [basename(path)]
  for (;;) {
    try {
      return join(realpathSync(dir), ...rest)
    } catch {
      const up = dirname(dir)
      if (up === dir) return path
      rest.unshift(basename(dir))
      dir = up
    }
  }
}

/** Why a write to `path` (directories made) must not happen: it would not land where it was planned (`expected`). */
export function targetProblem(path: string, expected: string | undefined): string | undefined {
  if (expected === undefined) return undefined
  const real = realTarget(path)
  return real === expected ? undefined : `would be written to ${real} through a symbolic link, not ${expected}: not written`
}
