import {inCode} from '../lexicon/regions.js'
import {wordOffsets} from '../document.js'
import {defineRule} from '../rule.js'

export interface DuplicateOptions {
  /** Shortest repeated line (in words) reported as a duplicated headline or paragraph. */
  minWords: number
  /** Extra word pairs that may legitimately repeat (`had had`), lower case. */
  allow: string[]
}

/** Doubled words that are English (`had had`, `that that`, `very very`). */
const ALLOWED = new Set([
  'had', 'that', 'is', 'do', 'did', 'bye', 'very', 'so', 'no', 'yes', 'really', 'far', 'many', 'more', 'much',
  'knock', 'tut', 'chop', 'blah', 'bla', 'ha', 'haha', 'go', 'night', 'hush', 'there', 'now', 'well', 'oh', 'ah',
  'again', 'on', 'in', 'up', 'out', 'down', 'over', 'off', 'her', 'him', 'them', 'it', 'you', 'what', 'who',
  'why', 'when', 'where', 'how', 'which', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine',
  'ten', 'hundred', 'thousand', 'million', 'round', 'step', 'little', 'long', 'dum', 'la', 'na', 'pom', 'boo',
  'tsk', 'ding', 'dong', 'beep', 'hey', 'wow', 'quick', 'faster', 'louder', 'higher', 'deeper', 'closer',
  'wait', 'stop', 'help', 'come', 'please', 'mea', 'bravo', 'encore', 'mama', 'papa', 'agar', 'tom', 'nyet', 'si',
  'ja', 'oui', 'non', 'nein', 'da', 'ne', 'ni'
])

/** Doubles that are never English: fixed without asking. */
const SAFE = new Set(['the', 'a', 'an', 'of', 'and', 'or', 'for', 'with', 'from', 'this', 'their', 'his', 'its', 'our', 'my', 'your', 'to', 'was', 'were', 'are', 'has', 'have', 'will', 'would', 'be', 'been', 'but', 'as', 'at', 'by', 'than', 'these', 'those'])

export default defineRule<DuplicateOptions>({
  id: 'duplicate',
  category: 'duplicate',
  readsTree: true,
  description: 'A headline or paragraph repeated verbatim, or a word repeated (`the the`).',
  note:
    'Scrapers pick up a headline twice (page title and article title) or a paragraph twice (teaser and body); machine translation and editing leave a word doubled.',
  defaults: {minWords: 4, allow: []},
  check(ctx) {
    const {text, options} = ctx
    // 1. Repeated lines (headline or paragraph scraped twice).
    const seen = new Map<string, number>()
    let prevKey: string | undefined
    let prevEnd = 0
    let lineStart = 0
    while (lineStart <= text.length) {
      let lineEnd = text.indexOf('\n', lineStart)
      if (lineEnd < 0) lineEnd = text.length
      const raw = text.slice(lineStart, lineEnd)
      const trimmed = raw.trim()
      if (trimmed) {
        const key = collapseSpace(trimTrailingSeparators(trimmed))
        const contentStart = lineStart + raw.indexOf(trimmed[0])
        const contentEnd = contentStart + trimmed.length
        const repeat = key === prevKey || seen.has(key)
        if (repeat && eligible(key, raw, options.minWords) && !inCode(text, contentStart)) {
          const words = key.split(' ').length
          const wordy = (key.match(/\p{L}{2,}/gu) ?? []).length
          if (key === prevKey) {
            // Adjacent copy: delete it with the separator before it.
            ctx.report({
              start: prevEnd,
              end: contentEnd,
              expected: [''],
              fix: 'safe',
              reason: `Unexpected repeated ${words > 20 ? 'paragraph' : 'line'} \`${ellipsis(key)}\`, expected it once`
            })
          } else if (wordy >= 12 && blankBefore(text, lineStart)) {
            ctx.report({
              start: contentStart,
              end: contentEnd,
              expected: [''],
              fix: 'suggestion',
              reason: `Unexpected repeated paragraph \`${ellipsis(key)}\`, expected it once (first at offset ${seen.get(key)})`
            })
          }
        }
        if (!seen.has(key)) seen.set(key, contentStart)
        prevKey = key
        prevEnd = contentEnd
      }
      lineStart = lineEnd + 1
    }

    // 2. Repeated words: `the the`.
    const allow = new Set(options.allow.map((w) => w.toLowerCase()))
    const {starts, ends} = wordOffsets(ctx.tree)
    // A run of repeats (`the the the`) is one finding.
    let pending: {start: number; end: number; value: string; safe: boolean; count: number} | undefined
    const flush = () => {
      if (!pending) return
      ctx.report({
        start: pending.start,
        end: pending.end,
        expected: [''],
        fix: pending.safe ? 'safe' : 'suggestion',
        reason: `Unexpected repeated word \`${pending.value}\`${pending.count > 1 ? ` (${pending.count + 1} times)` : ''}, expected it once`
      })
      pending = undefined
    }
    for (let i = 1; i < starts.length; i++) {
      const aStart = starts[i - 1]
      const aEnd = ends[i - 1]
      const bStart = starts[i]
      const bEnd = ends[i]
      if (aEnd === aStart || !sameIgnoringCase(text, aStart, aEnd, bStart, bEnd)) continue
      if (!horizontalSpace(text, aEnd, bStart)) continue
      const a = {start: aStart, end: aEnd, value: text.slice(aStart, aEnd)}
      const b = {start: bStart, end: bEnd, value: text.slice(bStart, bEnd)}
      if (!/^\p{L}+$/u.test(a.value)) continue
      const lower = a.value.toLowerCase()
      if (ALLOWED.has(lower) || allow.has(lower)) continue
      // Both capitalized: a name (Duran Duran, Walla Walla, Sirhan Sirhan).
      if (/^\p{Lu}/u.test(b.value) && !SAFE.has(lower)) continue
      // Inside a hyphenated or slashed compound: `Baden-Baden`, `bye-bye`
      if (/[-/]/.test(text[a.start - 1] ?? '') || /[-/]/.test(text[b.end] ?? '')) continue
      if (inCode(text, a.start)) continue
      if (pending && pending.end === a.end) {
        pending.end = b.end
        pending.count++
        continue
      }
      flush()
      pending = {start: a.end, end: b.end, value: b.value, safe: SAFE.has(lower), count: 1}
    }
    flush()
  }
})

/**
 * `a.toLowerCase() === b.toLowerCase()` for two ranges of `text`, decided on char codes
 * when both are ASCII (lower-casing ASCII keeps one char per char); strings otherwise.
 */
function sameIgnoringCase(text: string, aStart: number, aEnd: number, bStart: number, bEnd: number): boolean {
  // Most neighbours differ in their first letter.
  const x = asciiLower(text.charCodeAt(aStart))
  const y = asciiLower(text.charCodeAt(bStart))
  if (x < 128 && y < 128 && x !== y) return false
  if (asciiOnly(text, aStart, aEnd) && asciiOnly(text, bStart, bEnd)) {
    if (aEnd - aStart !== bEnd - bStart) return false
    for (let i = aStart, j = bStart; i < aEnd; i++, j++) {
      if (asciiLower(text.charCodeAt(i)) !== asciiLower(text.charCodeAt(j))) return false
    }
    return true
  }
  return text.slice(aStart, aEnd).toLowerCase() === text.slice(bStart, bEnd).toLowerCase()
}

function asciiLower(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c
}

function asciiOnly(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) >= 128) return false
  return true
}

/** `text[start, end)` is one or more spaces, tabs or no-break spaces (`/^[ \t\u00A0]+$/`). */
function horizontalSpace(text: string, start: number, end: number): boolean {
  if (end <= start) return false
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i)
    if (c !== 32 && c !== 9 && c !== 0xa0) return false
  }
  return true
}

/** Drop a trailing site separator (` -`, ` |`, ` :`) without a backtracking regex. */
function trimTrailingSeparators(s: string): string {
  let e = s.length
  while (e > 0 && ' \t-–—|:·•'.includes(s[e - 1])) e--
  return s.slice(0, e)
}

/** `s.replace(/\s+/g, ' ')`, without a new string when every space is a lone ' ' (most lines). */
function collapseSpace(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c === 32 ? isSpace(s.charCodeAt(i + 1)) : isSpace(c)) return s.replace(/\s+/g, ' ')
  }
  return s
}

/** A char code that `\s` matches. */
function isSpace(c: number): boolean {
  if (c === 32 || (c >= 9 && c <= 13)) return true
  if (c < 0xa0) return false
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  )
}

/** Long enough and prose, not a list item or code. */
function eligible(key: string, raw: string, minWords: number): boolean {
  if (key.split(' ').length < minWords) return false
  if ((key.match(/\p{L}{2,}/gu) ?? []).length < minWords) return false
  return !(/[{}()[\];=<>`|\\]|^(?:[*+-]|\d+\.)\s/.test(key) || /^(?: {4}|\t)/.test(raw))
}

/** The line starts a paragraph (a blank line or the start of the text before it). */
function blankBefore(text: string, lineStart: number): boolean {
  if (lineStart === 0) return true
  const prevEnd = lineStart - 1
  const prevStart = text.lastIndexOf('\n', prevEnd - 1) + 1
  return text.slice(prevStart, prevEnd).trim() === ''
}

function ellipsis(s: string): string {
  return s.length > 60 ? s.slice(0, 57) + '…' : s
}
