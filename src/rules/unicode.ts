import {getLexicon} from '../lexicon/index.js'
import {findEntities} from './unicode/entities.js'
import {c1AsWindows1252, findMojibake} from './unicode/mojibake.js'
import {findLostLetters} from './unicode/lost-letters.js'
import {likeliestLang, sourceLangOf} from '../lang.js'
import {sourceDictionary} from '../lexicon/hunspell.js'
import {SOURCE_LANG_NAMES, type SourceLang} from '../types.js'
import {inCode} from '../lexicon/regions.js'
import {defineRule} from '../rule.js'
import {classBefore, classOf, LETTER, MARK, OTHER} from '../char-class.js'
import type {Finding} from '../types.js'

export interface UnicodeOptions {
  /** Repair UTF-8 decoded with the wrong code page (`Ã©` → `é`, `â€™` → `’`, `โ€œ` → `“`). */
  mojibake: boolean
  /** Decode HTML entities left in text (`&nbsp;`, `&#8217;`, `&quot;`). */
  entities: boolean
  /** Delete zero-width and control characters (ZWJ/ZWNJ kept where a script or emoji needs them). */
  invisible: boolean
  /** Replace no-break, thin and other odd spaces between two Latin words by a normal space. */
  spaces: boolean
  /** Compose decomposed letters (NFC). */
  nfc: boolean
  /** Restore apostrophes lost with the mojibake (`doesnt` → `doesn’t`), checked with the dictionary. */
  apostrophes: boolean
  /** Put back a letter of the source language lost in encoding (`Hernndez` → `Hernández`), checked with its dictionary. */
  lostLetters: boolean
  /** The language the text was translated from (else guessed from the text). */
  sourceLang?: SourceLang
}

const AFTER_NBSP_LOSS = /[\p{Ll}\p{N}.,;:!?%”’)]$/u
const ENDS_LOWER = /\p{Ll}$/u
const SPACE_AT = /^[ \u00A0]$/

// JSON/JavaScript escapes printed as text, with their backslash (`\u00e9`) or, in a run, without it (`u2139 ufe0f`).
const ESCAPE_RUN = /(?:\\u[0-9a-fA-F]{4})+|(?<![\p{L}\p{N}_\\])u[0-9a-fA-F]{4}(?: ?u[0-9a-fA-F]{4}){1,7}(?![\p{L}\p{N}_])/gu
const LONE_SURROGATE = /[\uD800-\uDFFF]/u
const ESCAPE = /\\?u([0-9a-fA-F]{4})/g
// A `?` standing for a character the page's encoding could not hold (an emoji), right after a hashtag.
const LOST_AFTER_TAG = /\[#[\p{L}\p{N}_]{2,60}\](\?+)(?=\s)/gu

// Invisible characters: C0/C1 controls (not tab, LF, CR), zero-width, soft hyphen, BOM, bidi marks.
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u200B-\u200F\u2060\uFEFF]/g
const ODD_SPACE = /[\u00A0\u2000-\u200A\u202F\u205F]/g
const DECOMPOSED = /\P{M}\p{M}+/gu
const LATIN_LETTER = /[A-Za-z\u00C0-\u024F]/
const NEEDS_ZW = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Tibetan}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Gurmukhi}\p{Script=Gujarati}\p{Script=Oriya}\p{Script=Tamil}\p{Script=Telugu}\p{Script=Kannada}\p{Script=Malayalam}\p{Script=Sinhala}\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F\u20E3]/u
const RTL = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}]/u

/** Contraction endings whose apostrophe may have been lost. */
const CONTRACTION = /^(\p{L}+)(n't|'re|'ve|'ll|'d|'m)$/u
const S_CONTRACTIONS = new Set(['thats', 'whats', 'heres', 'theres', 'wheres', 'whos', 'hows', 'hes', 'shes', 'everyones', 'nobodys', 'somebodys', 'someones'])

export default defineRule<UnicodeOptions>({
  id: 'unicode',
  category: 'unicode',
  description: 'Mojibake, HTML entities, invisible or control characters, odd spaces, decomposed letters.',
  note:
    'Scrapers and pipelines decode UTF-8 with the wrong code page (Windows-1252, Latin-1, Windows-874), leave HTML entities undecoded and carry zero-width or control characters from the page source.',
  defaults: {mojibake: true, entities: true, invisible: true, spaces: true, nfc: true, apostrophes: true, lostLetters: true},
  check(ctx) {
    const {text, options} = ctx
    const findings: Finding[] = []
    // Fast exit: pure ASCII without `&` or controls.
    // eslint-disable-next-line no-control-regex
    if (!/[^\u0009\u000A\u000D\u0020-\u007E]|&/.test(text) && !options.apostrophes) return
    // Characters already covered by a finding (one byte per character: linear, not a list scan).
    let taken: Uint8Array | undefined
    const isTaken = (at: number) => taken !== undefined && taken[at] === 1
    const add = (f: Finding) => {
      const end = Math.max(f.end, f.start + 1)
      taken ??= new Uint8Array(text.length + 1)
      for (let i = f.start; i < end; i++) if (taken[i]) return
      taken.fill(1, f.start, end)
      findings.push(f)
    }

    if (options.mojibake) {
      for (const r of findMojibake(text)) {
        if (inCode(text, r.start)) continue
        add({start: r.start, end: r.end, expected: [r.replacement], fix: 'safe', reason: `Unexpected mojibake \`${r.actual}\`, expected \`${r.replacement}\``})
      }
      // `Â` before a space where a no-break space lost its second byte: `costsÂ 10`
      // (indexOf, then the lookbehind and lookahead tested at the letter only: a Unicode lookbehind
      // run over the whole text is slow)
      for (let at = text.indexOf('Â'); at >= 0; at = text.indexOf('Â', at + 1)) {
        if (!AFTER_NBSP_LOSS.test(text.slice(Math.max(0, at - 2), at)) || !SPACE_AT.test(text[at + 1] ?? '')) continue
        add({start: at, end: at + 1, expected: [''], fix: 'safe', reason: 'Unexpected mojibake `Â`, expected nothing'})
      }
      // `voilÃ ` : à whose second byte (0xA0) became a space
      for (let at = text.indexOf('Ã'); at >= 0; at = text.indexOf('Ã', at + 1)) {
        if (!ENDS_LOWER.test(text.slice(Math.max(0, at - 2), at)) || !SPACE_AT.test(text[at + 1] ?? '')) continue
        add({start: at, end: at + 1, expected: ['à'], fix: 'safe', reason: 'Unexpected mojibake `Ã`, expected `à`'})
      }
      // U+FFFD: the character is lost; say so, there is nothing to decode.
      for (let at = text.indexOf('\uFFFD'); at >= 0; at = text.indexOf('\uFFFD', at + 1)) {
        add({start: at, end: at + 1, reason: 'Unexpected replacement character U+FFFD, expected the character it replaced'})
      }
      if (text.includes('#')) {
        for (const m of text.matchAll(LOST_AFTER_TAG)) {
          const at = m.index + m[0].length - m[1].length
          add({start: at, end: at + m[1].length, expected: [''], fix: 'safe', reason: `Unexpected \`${m[1]}\` after a hashtag (a character lost to encoding), expected nothing`})
        }
      }
    }

    if (options.entities && text.includes('&')) {
      for (const hit of findEntities(text)) {
        const actual = text.slice(hit.start, hit.end)
        if (!hit.spaced && (inMarkupLine(text, hit.start) || inCode(text, hit.start))) continue
        // `&lt;Integer&gt;`: escaped markup in documentation, not damage
        if ((hit.value === '<' || hit.value === '>') && /&lt;[\w@.:/ -]{1,80}&gt;/.test(text.slice(Math.max(0, hit.start - 82), hit.start + 84))) continue
        let end = hit.end
        let value = hit.value
        // `l & # 39; alerte` → `the alert`: an elision apostrophe MT split off stands alone; it goes with its space.
        if (hit.spaced && (value === "'" || value === '’') && text[hit.start - 1] === ' ' && text[end] === ' ') {
          value = ''
          end++
        }
        add({
          start: hit.start,
          end,
          expected: [value],
          fix: 'safe',
          reason: `Unexpected HTML entity \`${actual}\`, expected ${value ? '`' + value + '`' : 'nothing'}`
        })
      }
    }

    if (options.mojibake && /u[0-9a-fA-F]{4}/.test(text)) {
      for (const m of text.matchAll(ESCAPE_RUN)) {
        const units = [...m[0].matchAll(ESCAPE)].map((e) => parseInt(e[1], 16))
        const value = String.fromCharCode(...units)
        if (LONE_SURROGATE.test(value) || units.some((u) => u < 0x80)) continue
        if (inCode(text, m.index)) continue
        add({start: m.index, end: m.index + m[0].length, expected: [value], fix: 'safe', reason: `Unexpected escape \`${m[0]}\`, expected \`${value}\``})
      }
    }

    if (options.invisible) {
      for (const m of text.matchAll(INVISIBLE)) {
        const at = m.index
        const c = m[0]
        const cp = c.charCodeAt(0)
        if (cp === 0xfeff && at === 0) continue
        const prev = text[at - 1] ?? ''
        const next = text[at + 1] ?? ''
        const around = prevCodePoint(text, at) + nextCodePoint(text, at + 1)
        if ((cp === 0x200c || cp === 0x200d || cp === 0x200b) && NEEDS_ZW.test(around)) continue
        if ((cp === 0x200e || cp === 0x200f) && RTL.test(text.slice(Math.max(0, at - 60), at + 60))) continue
        if (cp >= 0x80 && cp <= 0x9f && isTaken(at)) continue
        void prev
        void next
        // A C1 control is a Windows-1252 character read as Latin-1 (U+0092 is ’): decoded, never deleted.
        const c1 = cp >= 0x80 && cp <= 0x9f ? c1AsWindows1252(cp) : ''
        if (c1) {
          add({start: at, end: at + 1, expected: [c1], fix: 'safe', reason: `Unexpected control character U+${cp.toString(16).toUpperCase().padStart(4, '0')}, expected \`${c1}\` (Windows-1252)`})
          continue
        }
        add({
          start: at,
          end: at + 1,
          expected: [''],
          fix: 'safe',
          reason: `Unexpected invisible character U+${cp.toString(16).toUpperCase().padStart(4, '0')}, expected nothing`
        })
      }
    }

    if (options.spaces) {
      for (const m of text.matchAll(ODD_SPACE)) {
        const at = m.index
        // Between two Latin words only: no-break spaces before units, numbers, %, currency
        // and French punctuation are typography, not damage.
        const before = text.slice(Math.max(0, at - 3), at)
        const after = text.slice(at + 1, at + 4)
        if (!/[a-z]{2}$/i.test(before) || !/^[a-z]{2}/i.test(after)) continue
        if (/^(Mr|Ms|Dr|St|No)$/.test(before.slice(-2))) continue
        add({
          start: at,
          end: at + 1,
          expected: [' '],
          fix: 'safe',
          reason: `Unexpected U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} between words, expected a space`
        })
      }
    }

    // One pass over the text finds the letter runs the apostrophe checks need and whether it has marks.
    const words = options.apostrophes || options.nfc ? scanWords(text) : undefined
    if (options.nfc && words!.hasMark) {
      for (const m of text.matchAll(DECOMPOSED)) {
        const composed = m[0].normalize('NFC')
        if (composed === m[0]) continue
        add({start: m.index, end: m.index + m[0].length, expected: [composed], fix: 'safe', reason: `Unexpected decomposed \`${m[0]}\`, expected \`${composed}\``})
      }
    }

    if (options.apostrophes) {
      const straight = ctx.options && (ctx.options as {quoteMarks?: string}).quoteMarks === 'straight'
      let mark: string | undefined
      const {lost, possessive} = words!
      for (let k = 0; k < lost.length; k += 3) {
        const start = lost[k]
        const stop = lost[k + 1]
        // (a scanned word has two code points or more, and its neighbours are not apostrophes)
        if (!proseAround(text, start, stop)) continue
        const word = text.slice(start, stop)
        const candidate = lostContraction(word, lost[k + 2])
        if (candidate === '') continue
        mark ??= straight ? "'" : countOf(text, "'") > countOf(text, '’') ? "'" : '’'
        const replacement = candidate.replace("'", mark)
        add({start, end: stop, expected: [replacement], fix: 'safe', reason: `Unexpected \`${word}\`, expected \`${replacement}\` (lost apostrophe)`})
      }
      for (let k = 0; k < possessive.length; k += 2) {
        const start = possessive[k]
        const stop = possessive[k + 1]
        const word = text.slice(start, stop)
        if (!S_CONTRACTIONS.has(word.toLowerCase())) continue
        if (!proseAround(text, start, stop)) continue
        mark ??= straight ? "'" : countOf(text, "'") > countOf(text, '’') ? "'" : '’'
        const replacement = word.slice(0, -1) + mark + 's'
        add({start, end: stop, expected: [replacement], fix: 'safe', reason: `Unexpected \`${word}\`, expected \`${replacement}\` (lost apostrophe)`})
      }
    }

    if (options.lostLetters) {
      // The text's source language, or on thin evidence its likeliest one: the dictionary look-up is the evidence.
      const lang = sourceLangOf(text, options.sourceLang) ?? likeliestLang(text)
      const dict = lang ? sourceDictionary(lang) : null
      for (const lost of findLostLetters(text, getLexicon(), lang && dict ? {lang, dict} : undefined)) {
        if (isTaken(lost.start) || inCode(text, lost.start)) continue
        const language = lang ? SOURCE_LANG_NAMES[lang] : ''
        add({
          start: lost.start,
          end: lost.end,
          expected: [lost.expected],
          fix: 'safe',
          reason: `Unexpected \`${lost.actual}\`, expected \`${lost.expected}\` (a lost \`${lost.letter}\`)`,
          note:
            lost.evidence === 'text'
              ? `The text writes \`${lost.expected}\` elsewhere; here the \`${lost.letter}\` was dropped by a pipeline that could not hold it.`
              : `Neither the English nor the ${language} dictionary knows \`${lost.actual}\`; with \`${lost.letter}\` put back, the ${language} one does. A pipeline that could not hold the letter dropped it.`
        })
      }
    }

    findings.sort((a, b) => a.start - b.start)
    // Runs of adjacent damage of one kind (a line of mojibake, a string of zero-width characters)
    // become one finding: fewer messages, one edit.
    let run: Finding | undefined
    let count = 0
    const flush = () => {
      if (!run) return
      if (count > 1) {
        const actual = text.slice(run.start, run.end)
        const shown = actual.length > 40 ? actual.slice(0, 37) + '…' : actual
        run = {...run, reason: `Unexpected ${kindOf(run.reason)} in \`${shown}\` (${count} places), expected \`${ellipsis(run.expected![0])}\``}
      }
      ctx.report(run)
    }
    for (const f of findings) {
      if (run && run.end === f.start && f.start < f.end && run.start < run.end && kindOf(run.reason) === kindOf(f.reason)) {
        run = {...run, end: f.end, expected: [run.expected![0] + f.expected![0]]}
        count++
        continue
      }
      flush()
      run = f
      count = 1
    }
    flush()
  }
})

/** The contraction a word stands for without its apostrophe (`doesnt` → `doesn't`), or '': per word, cached. */
const lostCache = new Map<string, string>()
function lostContraction(word: string, endingLength: number): string {
  let candidate = lostCache.get(word)
  if (candidate !== undefined) return candidate
  const stem = word.slice(0, word.length - endingLength)
  const ending = word.slice(word.length - endingLength)
  candidate = ending === 'nt' ? stem + "n't" : stem + "'" + ending
  const lex = getLexicon()
  if (lex.isWord(word) || !CONTRACTION.test(candidate) || !lex.isWord(candidate)) candidate = ''
  // Bounded: a long run over many documents meets an open-ended vocabulary.
  if (lostCache.size >= 50000) lostCache.clear()
  lostCache.set(word, candidate)
  return candidate
}

interface WordScan {
  /** Words that may have lost the apostrophe of `n't`, `'re`, `'ve`, `'ll`, `'d`, `'m`: start, end, ending length. */
  lost: number[]
  /** Words that may have lost the apostrophe of `'s`: start, end. */
  possessive: number[]
  hasMark: boolean
}

/**
 * One charCode pass over the text, in place of whole-text Unicode regexes. A word is a maximal run
 * of letters (\p{L}) with neither a mark (\p{M}) nor an apostrophe (' ’) on either side; the same
 * words as
 * - lost: `(?<![\p{L}\p{M}'’])(\p{L}{1,12}?)(nt|re|ve|ll|d|m)(?![\p{L}\p{M}'’])` (lengths in code points),
 * - possessive: `(?<![\p{L}\p{M}'’])\p{L}{2,9}s(?![\p{L}\p{M}'’])`.
 */
function scanWords(text: string): WordScan {
  const lost: number[] = []
  const possessive: number[] = []
  let hasMark = false
  const n = text.length
  let i = 0
  while (i < n) {
    let code = text.charCodeAt(i)
    // Outside a word: skip ASCII non-letters fast, classify the rest.
    if (code < 0x80) {
      if (((code | 0x20) - 0x61) >>> 0 > 25) {
        i++
        continue
      }
    } else {
      const cp = text.codePointAt(i)!
      const cls = classOf(cp)
      if (cls !== LETTER) {
        if (cls === MARK) hasMark = true
        i += cp > 0xffff ? 2 : 1
        continue
      }
    }
    // A run of letters from `start`; `i` stops on the first code point after it (not consumed).
    const start = i
    let length = 0
    let cls = OTHER
    for (;;) {
      if (i >= n) {
        cls = OTHER
        code = -1
        break
      }
      code = text.charCodeAt(i)
      if (code < 0x80) {
        if (((code | 0x20) - 0x61) >>> 0 > 25) {
          cls = OTHER
          break
        }
        i++
      } else {
        const cp = text.codePointAt(i)!
        cls = classOf(cp)
        if (cls !== LETTER) break
        i += cp > 0xffff ? 2 : 1
      }
      length++
    }
    if (cls === MARK || code === 0x27 || code === 0x2019) continue
    const before = start > 0 ? text.charCodeAt(start - 1) : -1
    if (before === 0x27 || before === 0x2019 || classBefore(text, start) === MARK) continue
    const last = text.charCodeAt(i - 1)
    const penult = text.charCodeAt(i - 2)
    if (last === 0x64 || last === 0x6d) {
      // d, m
      if (length >= 2 && length <= 13) lost.push(start, i, 1)
    } else if (
      (last === 0x74 && penult === 0x6e) || // nt
      (last === 0x65 && (penult === 0x72 || penult === 0x76)) || // re, ve
      (last === 0x6c && penult === 0x6c) // ll
    ) {
      if (length >= 3 && length <= 14) lost.push(start, i, 2)
    } else if (last === 0x73 && length >= 3 && length <= 10) possessive.push(start, i)
  }
  return {lost, possessive, hasMark}
}

/** Entities in a line of HTML markup belong to the markup. */
let markupCache: {text: string; start: number; end: number; markup: boolean} | undefined
function inMarkupLine(text: string, at: number): boolean {
  if (markupCache && markupCache.text === text && at >= markupCache.start && at <= markupCache.end) return markupCache.markup
  const s = text.lastIndexOf('\n', at) + 1
  let e = text.indexOf('\n', at)
  if (e < 0) e = text.length
  const markup = /<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>/i.test(text.slice(s, Math.min(e, s + 5000)))
  markupCache = {text, start: s, end: e, markup}
  return markup
}

/** Not part of a URL slug, file name, identifier or code. */
function proseAround(text: string, start: number, end: number): boolean {
  const before = text[start - 1] ?? ' '
  const after = text[end] ?? ' '
  if (/[-/_@#.=`\\]/.test(before) || /[-/_@=`\\]/.test(after)) return false
  if (after === '.' && /\w/.test(text[end + 1] ?? '')) return false
  return !inCode(text, start)
}

/** The kind of damage named at the start of a reason: `mojibake`, `HTML entity`, `invisible character`… */
function kindOf(reason: string): string {
  const m = /^Unexpected (mojibake|HTML entity|invisible character|decomposed|U\+[0-9A-F]{4} between words)/.exec(reason)
  return m ? (m[1].startsWith('U+') ? 'odd space' : m[1]) : reason
}

function ellipsis(s: string): string {
  return s.length > 40 ? s.slice(0, 37) + '…' : s
}

function countOf(text: string, c: string): number {
  let n = 0
  for (let i = text.indexOf(c); i >= 0; i = text.indexOf(c, i + 1)) n++
  return n
}

function prevCodePoint(text: string, at: number): string {
  if (at <= 0) return ''
  const lo = text.charCodeAt(at - 1)
  if (lo >= 0xdc00 && lo <= 0xdfff && at >= 2) return text.slice(at - 2, at)
  return text[at - 1]
}
function nextCodePoint(text: string, at: number): string {
  const cp = text.codePointAt(at)
  return cp === undefined ? '' : String.fromCodePoint(cp)
}

export {LATIN_LETTER}
