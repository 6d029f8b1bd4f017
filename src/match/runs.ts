/**
 * Phrases found by their first run of letters and digits: the text is read
 * once, each run is hashed as it is read and looked up only when its hash is
 * marked, and the phrases' regex is tried (sticky) only there. The matches are
 * those of a loop of `exec` with the global regex (leftmost, non-overlapping):
 * a phrase can only start at its first run, or at an article right before it.
 */
import {ASCII_WORD, hash, hashRange, leadingWord, nextWord, slot, SLOTS, wordCharAt, wordEnd} from './scan.js'

export interface RunIndex {
  /** All phrases, for a scan with exec (global). */
  regex: RegExp
  /**
   * The same regex, sticky, tried only where the text has the first run of a
   * phrase (`starts`), or an article before one. Undefined when a phrase does
   * not start with a plain run: `regex` runs over the whole text.
   */
  sticky?: RegExp
  starts: Set<string>
  /** Hashes of `starts` (see scan's `slot`). */
  startHashes: Uint8Array
}

/**
 * Index `phrases` (patterns of src/match/syntax.ts, matched case-sensitively)
 * whose regex, global, is `source` (flags `u`). `source` may let an article
 * ("The", "the", "THE") come first.
 */
export function runIndex(source: string, phrases: readonly string[]): RunIndex {
  const regex = new RegExp(source, 'gu')
  // The first run of each phrase. A placeholder, an alternative or an escape
  // right after it could go on with letters: then no scan, the whole regex.
  const starts = new Set(phrases.map(leadingWord))
  const plain = phrases.every((phrase) => {
    const run = leadingWord(phrase)
    return run !== '' && !/^[{([\\]/.test(phrase.slice(run.length))
  })
  const startHashes = new Uint8Array(SLOTS)
  for (const run of starts) startHashes[slot(hash(run, false))] = 1
  return {regex, sticky: plain ? new RegExp(source, 'uy') : undefined, starts, startHashes}
}

/** "The", "the" or "THE" as the whole run text[start, end). */
function isArticle(text: string, start: number, end: number): boolean {
  if (end - start !== 3) return false
  const t = text.charCodeAt(start)
  const h = text.charCodeAt(start + 1)
  const e = text.charCodeAt(start + 2)
  return (t === 84 || t === 116) && ((h === 104 && e === 101) || (t === 84 && h === 72 && e === 69))
}

/** The matches of `index.regex` in `text`, as a loop of exec would find them. */
export function runMatches(text: string, index: RunIndex): RegExpExecArray[] {
  const out: RegExpExecArray[] = []
  const {sticky, starts, startHashes} = index
  if (!sticky) {
    const regex = index.regex
    regex.lastIndex = 0
    let match: RegExpExecArray | null
    while ((match = regex.exec(text))) out.push(match)
    return out
  }
  const n = text.length
  /** Where the last match ended: exec goes on from there. */
  let after = 0
  let i = 0
  while (i < n) {
    const c = text.charCodeAt(i)
    if (c < 128 ? ASCII_WORD[c] === 0 : wordCharAt(text, i) === 0) {
      i++
      continue
    }
    // A run, hashed as it is read: most runs start no phrase and are never sliced.
    const start = i
    let h = 0
    for (;;) {
      const d = text.charCodeAt(i)
      if (d < 128) {
        if (ASCII_WORD[d] === 0) break
        h = (Math.imul(h, 31) + d) | 0
        i++
      } else {
        const width = wordCharAt(text, i)
        if (width === 0) break
        h = (Math.imul(h, 31) + d) | 0
        if (width === 2) h = (Math.imul(h, 31) + text.charCodeAt(i + 1)) | 0
        i += width
      }
    }
    if (start < after) continue
    let candidate = startHashes[slot(h)] === 1 && starts.has(text.slice(start, i))
    if (!candidate && isArticle(text, start, i)) {
      // An article + a phrase.
      const next = nextWord(text, i)
      const end = wordEnd(text, next)
      candidate = next < n && startHashes[slot(hashRange(text, next, end, false))] === 1 && starts.has(text.slice(next, end))
    }
    if (!candidate) continue
    sticky.lastIndex = start
    const match = sticky.exec(text)
    if (match) {
      out.push(match)
      after = start + match[0].length
    }
  }
  return out
}
