import {readFileSync} from 'node:fs'
import {dirname, relative, resolve, sep} from 'node:path'
import type {JsonMessage} from './types.js'

/**
 * A baseline records today's findings, per file, as counts of keys: the rule,
 * the message with its offsets taken out, the flagged text and the text
 * around it. Later runs report only findings beyond those counts, so text
 * added, removed or moved elsewhere in the file never brings an old finding back.
 */
export interface Baseline {
  version: 2
  files: Record<string, Record<string, number>>
}

/** A report file: its findings, and the text they were found in (for their context). */
export interface BaselineFile {
  path: string
  messages: JsonMessage[]
  /** The checked text (check), or the original of a diff. */
  original?: string
  /** The fixed text, which fix's remaining findings describe. */
  fixed?: string
}

/** Characters of context kept on each side of a finding. */
const CONTEXT = 24

/** Offsets in a message ("(at 39)", "first at offset 120") change with any edit above it. */
export function normalizeMessage(message: string): string {
  return message.replace(/\b(at|offset) \d+/g, '$1 #')
}

/** The text around [start, end), within its paragraph, white space collapsed. */
export function contextOf(text: string, start: number, end: number): string {
  const paragraphBreak = /\r?\n[ \t]*\r?\n/
  const before = text.slice(Math.max(0, start - CONTEXT), start).split(paragraphBreak).pop()!
  const after = text.slice(end, end + CONTEXT).split(paragraphBreak)[0]
  const squash = (s: string) => s.replace(/\s+/g, ' ')
  return squash(before).trimStart() + '\u0001' + squash(after).trimEnd()
}

function keyOf(m: JsonMessage, text: string | undefined): string {
  const context = text === undefined ? '' : contextOf(text, m.startOffset, m.endOffset)
  return `${m.ruleId}\u0000${normalizeMessage(m.message)}\u0000${m.actual}\u0000${context}`
}

const textOf = (f: BaselineFile) => f.fixed ?? f.original

function fileKey(baselinePath: string, cwd: string, path: string): string {
  return relative(dirname(resolve(baselinePath)), resolve(cwd, path)).split(sep).join('/')
}

export function createBaseline(files: BaselineFile[], baselinePath: string, cwd: string): Baseline {
  const out: Baseline = {version: 2, files: {}}
  for (const f of files) {
    if (f.messages.length === 0) continue
    const counts: Record<string, number> = {}
    for (const m of f.messages) {
      const key = keyOf(m, textOf(f))
      counts[key] = (counts[key] ?? 0) + 1
    }
    out.files[fileKey(baselinePath, cwd, f.path)] = counts
  }
  return out
}

export function readBaseline(path: string): Baseline {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as {version?: unknown; files?: unknown}
  if (raw?.version === 1) throw new Error('a version 1 baseline (keyed with offsets): rewrite it with --update-baseline')
  if (raw?.version !== 2 || typeof raw.files !== 'object' || raw.files === null) throw new Error('not an mtclean baseline (version 2)')
  return raw as Baseline
}

/** Drop findings the baseline already holds; returns how many were dropped. */
export function applyBaseline(files: BaselineFile[], baseline: Baseline, baselinePath: string, cwd: string): number {
  let dropped = 0
  for (const f of files) {
    const known = baseline.files[fileKey(baselinePath, cwd, f.path)]
    if (!known) continue
    const left = {...known}
    const text = textOf(f)
    f.messages = f.messages.filter((m) => {
      const k = keyOf(m, text)
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
