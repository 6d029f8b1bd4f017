/**
 * Phrases found by their first run of letters and digits: the text is read
 * once, each run is hashed as it is read and looked up only when its hash is
 * marked, and the regex of the phrases that start with that run is tried
 * (sticky) only there. The matches are
 * those of a loop of `exec` with the global regex (leftmost, non-overlapping):
 * a phrase can only start at its first run, or at an article right before it.
 */
import {ASCII_WORD, hash, hashRange, leadingWord, nextWord, slot, SLOTS, wordCharAt, wordEnd} from './scan.js'
import {HSPACE, phraseSource} from './syntax.js'

/** A phrase list's regex in three parts: `${prefix}(${alternatives.join('|')})${suffix}`. */
export interface RunPattern {
  /** Before the phrases (a lookbehind, an optional article as group 1, say). */
  prefix: string
  /** One regex source per phrase, in the order the alternation tries them. */
  alternatives: readonly string[]
  /** After the phrases (a lookahead). */
  suffix: string
}

export interface RunIndex {
  /** All phrases, for a scan with exec (global). */
  regex: RegExp
  /**
   * Per first run, the alternation of only the phrases that start with it,
   * sticky (compiled on first use), tried where the text has that run, or an
   * article before it. Undefined when a phrase does not start with a plain
   * run: `regex` runs over the whole text.
   */
  byRun?: Map<string, {sources: string[]; sticky?: RegExp}>
  pattern: RunPattern
  starts: Set<string>
  /** Hashes of `starts` (see scan's `slot`). */
  startHashes: Uint8Array
}

/**
 * Index `phrases` (patterns of src/match/syntax.ts, matched case-sensitively;
 * `pattern.alternatives[k]` is the regex of `phrases[k]`), whose regex, global,
 * is `pattern`'s (flags `u`). The prefix may let an article ("The", "the",
 * "THE") come first. V8 compiles a regex on its first exec and again, to
 * machine code, after a few: for the whole list of 800 mastheads that was
 * 70 ms per process; per first run, only the few runs a text has are compiled.
 */
export function runIndex(pattern: RunPattern, phrases: readonly string[]): RunIndex {
  const source = `${pattern.prefix}(${pattern.alternatives.length ? pattern.alternatives.join('|') : '(?!)'})${pattern.suffix}`
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
  let byRun: RunIndex['byRun']
  if (plain) {
    byRun = new Map()
    phrases.forEach((phrase, k) => {
      const run = leadingWord(phrase)
      const entry = byRun!.get(run)
      if (entry) entry.sources.push(pattern.alternatives[k])
      else byRun!.set(run, {sources: [pattern.alternatives[k]]})
    })
  }
  return {regex, byRun, pattern, starts, startHashes}
}

/** The sticky regex of the phrases that start with `run`. */
function stickyFor(index: RunIndex, run: string): RegExp | undefined {
  const entry = index.byRun!.get(run)
  if (!entry) return undefined
  entry.sticky ??= new RegExp(`${index.pattern.prefix}(${entry.sources.join('|')})${index.pattern.suffix}`, 'uy')
  return entry.sticky
}

/** The match of the phrases that start with `run`, at `start`. */
function execAt(index: RunIndex, run: string, text: string, start: number): RegExpExecArray | null {
  const sticky = stickyFor(index, run)
  if (!sticky) return null
  sticky.lastIndex = start
  return sticky.exec(text)
}

/**
 * The index of `phrases` (matched case-sensitively, longest first), each maybe
 * after an article ("The", "the", "THE"), bounded as names: not after a
 * letter, a digit or `' ’ . -`; not before a letter or a digit, or `- ' ’` and
 * one. Group 1 is the article, group 2 the phrase.
 */
export function articleRunIndex(phrases: readonly string[]): RunIndex {
  const sorted = [...phrases].sort((a, b) => b.length - a.length)
  const pattern = {
    prefix: `(?<![\\p{L}\\p{M}\\p{N}'’.\\-])((?:[Tt]he|THE)${HSPACE}+)?`,
    alternatives: sorted.map(phraseSource),
    suffix: `(?![\\p{L}\\p{M}\\p{N}]|[\\-'’][\\p{L}\\p{N}])`
  }
  return runIndex(pattern, sorted)
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
  const {byRun, starts, startHashes} = index
  if (!byRun) {
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
    // The alternation tries an article + a phrase first, then a phrase at the run itself: only the phrases that
    // start with the run after the article, then those that start with this run, can match.
    let match: RegExpExecArray | null = null
    if (isArticle(text, start, i)) {
      const next = nextWord(text, i)
      const end = wordEnd(text, next)
      if (next < n && startHashes[slot(hashRange(text, next, end, false))] === 1) {
        const run = text.slice(next, end)
        if (starts.has(run)) match = execAt(index, run, text, start)
      }
    }
    if (!match && startHashes[slot(h)] === 1) {
      const run = text.slice(start, i)
      if (starts.has(run)) match = execAt(index, run, text, start)
    }
    if (match) {
      out.push(match)
      after = start + match[0].length
    }
  }
  return out
}
