import {statSync} from 'node:fs'
import {atomicWriteSync} from './write.js'

/** A report or baseline could not be written: one line for the user, nothing partial left behind. */
export class OutputError extends Error {}

const reasons: Record<string, string> = {
  ENOENT: 'no such directory',
  ENOTDIR: 'a part of the path is not a directory',
  EISDIR: 'is a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'file too large'
}

/**
 * Write a report (`-o`) or a baseline atomically: a temporary file beside
 * it, flushed, renamed over it. On a full disk or any other failure the old
 * file stays as it was (never truncated) and the error is one line.
 */
export function writeOutputFile(path: string, text: string, what: string, shown = path): void {
  try {
    if (statSync(path, {throwIfNoEntry: false})?.isDirectory()) throw Object.assign(new Error('is a directory'), {code: 'EISDIR'})
    atomicWriteSync(path, Buffer.from(text, 'utf8'))
  } catch (error) {
    const e = error as NodeJS.ErrnoException
    throw new OutputError(`${shown}: cannot write ${what} (${reasons[e.code ?? ''] ?? e.code ?? e.message})${e.code === 'ENOSPC' ? '; the old file, if any, is unchanged' : ''}`)
  }
}
