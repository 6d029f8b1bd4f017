/**
 * A cheap scan for word starts: runs of letters and digits (`[\p{L}\p{N}]`,
 * by code point, as the `u` regexes see them). Callers look a run up in a
 * Map and try a sticky regex only there, instead of running a regex with a
 * Unicode lookbehind at every position of the text.
 */

import {classOf, LETTER, NUMBER} from '../char-class.js'

const isWordClass = (cp: number) => {
  const k = classOf(cp)
  return k === LETTER || k === NUMBER
}

/** Per BMP code unit: 0 not yet known, 1 letter or digit, 2 other, 3 high surrogate (look at the pair). */
const table = new Uint8Array(65536)
for (let c = 0; c < 128; c++) table[c] = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 2
for (let c = 0xd800; c <= 0xdfff; c++) table[c] = c <= 0xdbff ? 3 : 2

/** ASCII letters and digits (1), for scans that test ASCII inline. */
export const ASCII_WORD = table.slice(0, 128).map((kind) => (kind === 1 ? 1 : 0))

/** The length in code units (1 or 2) of the letter or digit at `i`, or 0 when there is none. */
export function wordCharAt(text: string, i: number): number {
  if (i >= text.length) return 0
  const kind = table[text.charCodeAt(i)]
  if (kind === 1) return 1
  if (kind === 2) return 0
  return wordCharSlow(text, i)
}

/** A code unit not seen yet, or a high surrogate (kept out of wordCharAt, which is inlined in the scans). */
function wordCharSlow(text: string, i: number): number {
  const c = text.charCodeAt(i)
  if (table[c] === 0) table[c] = isWordClass(c) ? 1 : 2
  if (table[c] !== 3) return table[c] === 1 ? 1 : 0
  // A high surrogate: a letter or digit only as a valid pair (a lone surrogate is neither).
  if (i + 1 >= text.length) return 0
  const low = text.charCodeAt(i + 1)
  if (!(low >= 0xdc00 && low <= 0xdfff)) return 0
  return isWordClass(text.codePointAt(i)!) ? 2 : 0
}

/** The end of the run of letters and digits that starts at `i`. */
export function wordEnd(text: string, i: number): number {
  const n = text.length
  for (;;) {
    if (i >= n) return n
    const c = text.charCodeAt(i)
    if (c < 128) {
      if (table[c] !== 1) return i
      i++
    } else {
      const width = wordCharAt(text, i)
      if (width === 0) return i
      i += width
    }
  }
}

/** The start of the next run of letters and digits at or after `i` (the text's length when none). */
export function nextWord(text: string, i: number): number {
  const n = text.length
  while (i < n) {
    const c = text.charCodeAt(i)
    if (c < 128 ? table[c] === 1 : wordCharAt(text, i) > 0) return i
    i++
  }
  return n
}

/** The leading run of letters and digits of `text` ('' when it starts with something else). */
export function leadingWord(text: string): string {
  return text.slice(0, wordEnd(text, 0))
}

/** The hash of a run as the scans compute it while reading: by code unit, ASCII letters lowercased when `lower`. */
export function hash(run: string, lower: boolean): number {
  return hashRange(run, 0, run.length, lower)
}

/** The hash of text[start, end) (see `hash`). */
export function hashRange(text: string, start: number, end: number, lower: boolean): number {
  let h = 0
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i)
    h = (Math.imul(h, 31) + (lower && c >= 65 && c <= 90 ? c + 32 : c)) | 0
  }
  return h
}

/** Size of the hash bitmaps (Uint8Array) that let a scan skip runs without slicing them. */
export const SLOTS = 1 << 16

export function slot(h: number): number {
  return (h ^ (h >>> 16)) & (SLOTS - 1)
}

/** The hash of a run followed by a run (their hashes), for the bitmaps of pairs. */
export function pair(first: number, second: number): number {
  return (Math.imul(first, 0x9e3779b1) ^ second) | 0
}

/**
 * Which words a phrase set may start at, told by the hash of a word's first run
 * (phrases.ts `runFilter`): `slots` 1, always; 2, when that of its pair with the
 * next run is marked in `pairs`; `numbers`, every word that starts with a number
 * too. A run that is not ASCII always may.
 */
export interface RunFilter {
  slots: Uint8Array
  pairs: Uint8Array
  numbers: boolean
}

/**
 * The matches of `sticky` (flag `y`) tried at each start of a run of letters
 * and digits, leftmost and non-overlapping: what a global exec of the same
 * regex finds when every match of it starts a run (it begins with a letter or
 * digit after a lookbehind that no letter or digit precedes it). A scan of
 * runs instead of a Unicode lookbehind tried at every position of the text.
 * `first` (a char code test) skips runs that cannot start a match.
 */
export function runStartMatches(text: string, sticky: RegExp, first: (code: number) => boolean): RegExpExecArray[] {
  const out: RegExpExecArray[] = []
  let after = 0
  for (let i = nextWord(text, 0); i < text.length; i = nextWord(text, wordEnd(text, i))) {
    if (i < after || !first(text.charCodeAt(i))) continue
    sticky.lastIndex = i
    const match = sticky.exec(text)
    if (!match) continue
    out.push(match)
    after = i + match[0].length
  }
  return out
}
