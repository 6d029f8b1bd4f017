import {viewOf} from '../document.js'
import {inCode} from '../lexicon/regions.js'
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
        const key = trimTrailingSeparators(trimmed).replace(/\s+/g, ' ')
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
    const view = viewOf(ctx.tree)
    const words = view.words
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
    for (let i = 1; i < words.length; i++) {
      const a = words[i - 1]
      const b = words[i]
      if (a.value.length === 0 || a.value.toLowerCase() !== b.value.toLowerCase()) continue
      const between = text.slice(a.end, b.start)
      if (!/^[ \t\u00A0]+$/.test(between)) continue
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

/** Drop a trailing site separator (` -`, ` |`, ` :`) without a backtracking regex. */
function trimTrailingSeparators(s: string): string {
  let e = s.length
  while (e > 0 && ' \t-–—|:·•'.includes(s[e - 1])) e--
  return s.slice(0, e)
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
