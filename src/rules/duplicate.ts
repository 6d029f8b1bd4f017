import {inCode} from '../lexicon/regions.js'
import {wordOffsets} from '../document.js'
import {defineRule, type RuleContext} from '../rule.js'
import {splitParagraphs, type Paragraph} from '../furniture/paragraphs.js'
import {nextWord, wordEnd} from '../match/scan.js'

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
    // 1. Near-duplicate paragraphs (a copy a few paragraphs down, a breadcrumb before a headline,
    //    a copy cut with `…`, a lead glued to the paragraph that repeats it).
    const reported = nearDuplicates(ctx, options.minWords)
    // 2. Repeated lines (headline or paragraph scraped twice).
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
        if (repeat && !reported.has(contentStart) && eligible(key, raw, options.minWords) && !inCode(text, contentStart)) {
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

    // 3. Repeated words: `the the`.
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

/** Paragraphs this far apart (or less) are compared: a scraper repeats a block near its first copy. */
const WINDOW = 4
/** Longest breadcrumb before a repeated headline (`Home Politics`), in words. */
const MAX_PREFIX = 4

interface Keyed {
  p: Paragraph
  /** Lower-case words (letters and digits only). */
  words: string[]
  key: string
  /** Offset (in p.text) after each word. */
  ends: number[]
}

function keyed(p: Paragraph): Keyed {
  const words: string[] = []
  const ends: number[] = []
  const text = p.text
  // The runs of /[\p{L}\p{N}]+/gu, found by char code (match/scan.ts): no match object per word.
  for (let i = nextWord(text, 0); i < text.length; i = nextWord(text, i)) {
    const end = wordEnd(text, i)
    words.push(text.slice(i, end).toLowerCase())
    ends.push(end)
    i = end
  }
  return {p, words, key: words.join(' '), ends}
}

/** Reports near-duplicate paragraphs; returns the starts of the paragraphs it reported. */
function nearDuplicates(ctx: RuleContext<DuplicateOptions>, minWords: number): Set<number> {
  const {text} = ctx
  const reported = new Set<number>()
  const paragraphs = splitParagraphs(text).map(keyed)
  const gone = new Set<number>()
  const remove = (i: number, what: string, first: Keyed) => {
    const k = paragraphs[i]
    const previous = paragraphs[i - 1]
    // With the separator before it (after the first paragraph), else with the one after it.
    const start = previous ? previous.p.end : k.p.start
    const end = previous ? k.p.end : paragraphs[i + 1]?.p.start ?? k.p.end
    ctx.report({start, end, expected: [''], fix: 'safe', reason: `Unexpected ${what} \`${ellipsis(k.p.text)}\`, expected it once (first at offset ${first.p.start})`})
    reported.add(k.p.start)
    gone.add(i)
  }
  for (let i = 1; i < paragraphs.length; i++) {
    const b = paragraphs[i]
    if (b.words.length < minWords || inCode(text, b.p.start)) continue
    for (let j = i - 1; j >= Math.max(0, i - WINDOW); j--) {
      const a = paragraphs[j]
      if (gone.has(j) || a.words.length < minWords) continue
      if (a.key === b.key) {
        // Adjacent copies of one line are the line pass's (it keeps its own wording).
        if (j === i - 1 && collapseSpace(a.p.text) === collapseSpace(b.p.text)) break
        if (b.words.length > 80) break
        remove(i, 'repeated paragraph', a)
        break
      }
      if (j !== i - 1) continue
      // A breadcrumb before one copy of a headline: `Home Politics <headline>` then `<headline>`.
      const extra = a.words.length - b.words.length
      if (extra > 0 && extra <= MAX_PREFIX && a.key.endsWith(' ' + b.key) && b.words.length <= 30 && capitalised(a.p.text, a.ends[extra - 1])) {
        const k = j
        const previous = paragraphs[k - 1]
        const start = previous && !gone.has(k - 1) ? previous.p.end : a.p.start
        const end = previous && !gone.has(k - 1) ? a.p.end : b.p.start
        ctx.report({start, end, expected: [''], fix: 'safe', reason: `Unexpected headline repeated after a breadcrumb \`${ellipsis(a.p.text)}\`, expected it once`})
        reported.add(a.p.start)
        gone.add(k)
        break
      }
      // A copy cut with `…`.
      if (/(?:…|\.\.\.)$/.test(b.p.text) && b.words.length < a.words.length && a.key.startsWith(b.key + ' ')) {
        remove(i, 'repeated paragraph cut short', a)
        break
      }
    }
    if (gone.has(i)) continue
    // A lead glued to the head of the paragraph that repeats it.
    for (let j = i - 1; j >= Math.max(0, i - WINDOW); j--) {
      const a = paragraphs[j]
      if (gone.has(j) || a.words.length < 8 || a.words.length >= b.words.length) continue
      if (!b.key.startsWith(a.key + ' ')) continue
      // Up to the next word of b (its white space and punctuation go with the copy).
      const cut = b.ends[a.words.length - 1]
      let next = cut
      while (next < b.p.text.length && !/[\p{L}\p{N}“"«‘(]/u.test(b.p.text[next])) next++
      if (!/[.!?…]/.test(b.p.text.slice(cut, next))) continue
      ctx.report({
        start: b.p.start,
        end: b.p.start + next,
        expected: [''],
        fix: 'safe',
        reason: `Unexpected repeated lead \`${ellipsis(b.p.text.slice(0, cut))}\`, expected it once (first at offset ${a.p.start})`
      })
      reported.add(b.p.start)
      break
    }
  }
  return reported
}

/** The words of text before `end` all start with a capital (`Home Politics`). */
function capitalised(text: string, end: number): boolean {
  const words = text.slice(0, end).match(/[\p{L}\p{N}]+/gu) ?? []
  return words.length > 0 && words.every((w) => /^\p{Lu}/u.test(w))
}
