import {getLexicon} from '../lexicon/index.js'
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
}

// Windows-1252 bytes 0x80–0x9F (undefined bytes map to the C1 control of the same value).
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ'
const BYTE_OF = new Map<string, number>()
for (let i = 0; i < 32; i++) {
  BYTE_OF.set(CP1252_HIGH[i], 0x80 + i)
  BYTE_OF.set(String.fromCharCode(0x80 + i), 0x80 + i)
}
for (let b = 0xa0; b <= 0xff; b++) BYTE_OF.set(String.fromCharCode(b), b)
// TIS-620 / Windows-874 Thai letters: byte = code point − 0x0E00 + 0xA0
const thaiByte = (c: string) => {
  const cp = c.charCodeAt(0)
  return cp >= 0x0e01 && cp <= 0x0e5b ? cp - 0x0e00 + 0xa0 : undefined
}
const CONT_CLASS = '\\u0080-\\u00BF' + [...CP1252_HIGH].filter((c) => c.charCodeAt(0) > 0xff).join('')
// A UTF-8 lead byte read as Latin-1/cp1252 (Â–ô) or as Thai (โ = 0xE2 …), then 1–3 continuation bytes.
const MOJIBAKE = new RegExp(`[\\u00C2-\\u00F4\\u0E22-\\u0E54][${CONT_CLASS}]{1,3}`, 'g')
const CONT = new RegExp(`^[${CONT_CLASS}]$`)

// The code point before a lone `Â` (last code point of the two code units before it) / `Ã`, and the character after.
const AFTER_NBSP_LOSS = /[\p{Ll}\p{N}.,;:!?%”’)]$/u
const ENDS_LOWER = /\p{Ll}$/u
const SPACE_AT = /^[ \u00A0]$/

const ENTITY = /&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,15});/g
const NAMED: Record<string, string> = {
  nbsp: ' ', amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“',
  sbquo: '‚', bdquo: '„', laquo: '«', raquo: '»', ndash: '–', mdash: '—', hellip: '…', euro: '€', pound: '£',
  yen: '¥', cent: '¢', copy: '©', reg: '®', trade: '™', deg: '°', middot: '·', bull: '•', shy: '', zwj: '',
  zwnj: '', thinsp: ' ', ensp: ' ', emsp: ' ', eacute: 'é', egrave: 'è', ecirc: 'ê', euml: 'ë', aacute: 'á',
  agrave: 'à', acirc: 'â', auml: 'ä', atilde: 'ã', aring: 'å', ccedil: 'ç', iacute: 'í', igrave: 'ì', icirc: 'î',
  iuml: 'ï', oacute: 'ó', ograve: 'ò', ocirc: 'ô', ouml: 'ö', otilde: 'õ', oslash: 'ø', uacute: 'ú', ugrave: 'ù',
  ucirc: 'û', uuml: 'ü', ntilde: 'ñ', szlig: 'ß', Eacute: 'É', Egrave: 'È', Agrave: 'À', Ccedil: 'Ç', Ouml: 'Ö',
  Uuml: 'Ü', Auml: 'Ä', Ntilde: 'Ñ', oelig: 'œ', OElig: 'Œ', aelig: 'æ', AElig: 'Æ', iexcl: '¡', iquest: '¿',
  sect: '§', para: '¶', plusmn: '±', times: '×', divide: '÷', frac12: '½', frac14: '¼', frac34: '¾', prime: '′',
  Prime: '″', lrm: '', rlm: ''
}

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
  defaults: {mojibake: true, entities: true, invisible: true, spaces: true, nfc: true, apostrophes: true},
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
      for (const m of text.matchAll(MOJIBAKE)) {
        const fixedRun = repairMojibake(m[0], text[m.index + m[0].length])
        if (!fixedRun) continue
        const [length, replacement] = fixedRun
        add({
          start: m.index,
          end: m.index + length,
          expected: [replacement],
          fix: 'safe',
          reason: `Unexpected mojibake \`${m[0].slice(0, length)}\`, expected \`${replacement}\``
        })
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
    }

    if (options.entities && text.includes('&')) {
      for (const m of text.matchAll(ENTITY)) {
        const value = decodeEntity(m[1])
        if (value === undefined) continue
        if (inMarkupLine(text, m.index) || inCode(text, m.index)) continue
        // `&lt;Integer&gt;`: escaped markup in documentation, not damage
        if ((m[1] === 'lt' || m[1] === 'gt') && /&lt;[\w@.:/ -]{1,80}&gt;/.test(text.slice(Math.max(0, m.index - 82), m.index + 84))) continue
        add({
          start: m.index,
          end: m.index + m[0].length,
          expected: [value],
          fix: 'safe',
          reason: `Unexpected HTML entity \`${m[0]}\`, expected ${value ? '`' + value + '`' : 'nothing'}`
        })
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

const UTF8 = new TextDecoder('utf-8', {fatal: true})

/** Decode a run read with the wrong code page: [length consumed, replacement], or undefined. */
export function repairMojibake(run: string, following: string | undefined): [number, string] | undefined {
  const lead = run[0]
  const thai = thaiByte(lead)
  const leadByte = thai ?? BYTE_OF.get(lead)
  if (leadByte === undefined) return undefined
  const need = leadByte >= 0xf0 ? 3 : leadByte >= 0xe0 ? 2 : 1
  const bytes = [leadByte]
  let usedSpecial = false
  for (let i = 1; i <= need && i < run.length; i++) {
    const b = BYTE_OF.get(run[i])
    if (b === undefined || b < 0x80 || b > 0xbf) return undefined
    if (run.charCodeAt(i) > 0xff || (b >= 0x80 && b <= 0x9f)) usedSpecial = true
    bytes.push(b)
  }
  // Thai letters followed by Latin-1 signs are real Thai text far more often than mojibake.
  if (thai !== undefined && !usedSpecial) return undefined
  if (bytes.length - 1 < need) {
    // `â€` / `โ€` with its last byte (0x9D, undefined in the code page) dropped: a closing quote.
    if (leadByte === 0xe2 && bytes.length === 2 && bytes[1] === 0x80 && !(following && CONT.test(following))) return [2, '”']
    return undefined
  }
  let decoded: string
  try {
    decoded = UTF8.decode(Uint8Array.from(bytes))
  } catch {
    return undefined
  }
  const cp = decoded.codePointAt(0)!
  // Only characters that real text holds: Latin letters and signs, general punctuation, €, ™.
  const plausible = (cp >= 0xa0 && cp <= 0x24f) || (cp >= 0x2010 && cp <= 0x203a) || cp === 0x20ac || cp === 0x2122
  if (!plausible) return undefined
  // A Latin-1 pair that decodes to a Latin-1 letter must look like damage: `Ã©`, not `Â©` in `©`-using text.
  return [bytes.length, decoded]
}

function decodeEntity(body: string): string | undefined {
  if (body[0] === '#') {
    const cp = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10)
    if (!(cp > 0 && cp <= 0x10ffff) || (cp >= 0xd800 && cp <= 0xdfff)) return undefined
    if (cp === 0xa0) return ' '
    if (cp === 0x200b || cp === 0xad) return ''
    return String.fromCodePoint(cp)
  }
  return NAMED[body]
}

export {LATIN_LETTER}
