import {readFileSync} from 'node:fs'
import {dirname, relative, resolve, sep} from 'node:path'
import type {JsonMessage} from './types.js'

/**
 * A baseline records today's findings, per file, as counts of
 * (rule, actual text, message): later runs report only findings beyond those
 * counts, so moving text around does not make old findings new.
 */
export interface Baseline {
  version: 1
  files: Record<string, Record<string, number>>
}

const keyOf = (m: JsonMessage) => `${m.ruleId}\u0000${m.actual}\u0000${m.message}`

function fileKey(baselinePath: string, cwd: string, path: string): string {
  return relative(dirname(resolve(baselinePath)), resolve(cwd, path)).split(sep).join('/')
}

export function createBaseline(files: {path: string; messages: JsonMessage[]}[], baselinePath: string, cwd: string): Baseline {
  const out: Baseline = {version: 1, files: {}}
  for (const f of files) {
    if (f.messages.length === 0) continue
    const counts: Record<string, number> = {}
    for (const m of f.messages) counts[keyOf(m)] = (counts[keyOf(m)] ?? 0) + 1
    out.files[fileKey(baselinePath, cwd, f.path)] = counts
  }
  return out
}

export function readBaseline(path: string): Baseline {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as Baseline
  if (raw?.version !== 1 || typeof raw.files !== 'object') throw new Error('not an mtclean baseline (version 1)')
  return raw
}

/** Drop findings the baseline already holds; returns how many were dropped. */
export function applyBaseline(files: {path: string; messages: JsonMessage[]}[], baseline: Baseline, baselinePath: string, cwd: string): number {
  let dropped = 0
  for (const f of files) {
    const known = baseline.files[fileKey(baselinePath, cwd, f.path)]
    if (!known) continue
    const left = {...known}
    f.messages = f.messages.filter((m) => {
      const k = keyOf(m)
      if ((left[k] ?? 0) > 0) {
        left[k]--
        dropped++
        return false
      }
      return true
    })
  }
  return dropped
}
