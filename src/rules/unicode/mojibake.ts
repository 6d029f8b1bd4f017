/**
 * Mojibake by codec, as ftfy finds it: a run of text that is the UTF-8 bytes of
 * some other text, decoded with a single-byte code page. Each token holding a
 * non-ASCII character is encoded back with each code page (iconv-lite's tables)
 * (src/lexicon/code-pages.ts) and its valid UTF-8 sequences decoded; the result is kept only when it is
 * clearly less unlikely than the input (a badness score over character
 * classes), so text that is valid in its own script is never touched. Up to
 * three rounds undo double and triple encodings.
 */
import {CODECS, highHalves} from '../../lexicon/code-pages.js'

export {CODECS}

/** Character → byte for the high half of a code page (0x80–0xFF). */
type Reverse = Map<number, number>

let reverses: Reverse[] | undefined

/** Windows-1252 as browsers and scrapers read it: an undefined byte (0x81, 0x8D…) becomes the C1 control of that value. */
function cp1252Char(byte: number): string {
  const c = highHalves().windows1252[byte - 0x80]
  return c === '\uFFFD' ? String.fromCharCode(byte) : c
}

function buildReverses(): Reverse[] {
  return CODECS.map((codec) => {
    const decoded = highHalves()[codec]
    const reverse: Reverse = new Map()
    for (let i = 0; i < 128; i++) {
      const byte = 0x80 + i
      const c = decoded.charCodeAt(i)
      // Undefined positions: pipelines that read a page with this codec fall back to Windows-1252 there.
      if (c === 0xfffd) reverse.set(cp1252Char(byte).charCodeAt(0), byte)
      else reverse.set(c, byte)
    }
    // C1 controls stand for their own byte (sloppy Windows-1252 and Latin-1 readings).
    for (let b = 0x80; b <= 0x9f; b++) if (!reverse.has(b)) reverse.set(b, b)
    return reverse
  })
}

/** The Windows-1252 reading of a C1 control (U+0080–U+009F), or '' for the five undefined bytes. */
export function c1AsWindows1252(code: number): string {
  const c = cp1252Char(code)
  return c.charCodeAt(0) === code ? '' : c
}

// Character classes of the badness score.
const ASCII_LOWER = 1
const ASCII_UPPER = 2
const LOWER = 3 // non-ASCII lower-case letter
const UPPER = 4 // non-ASCII upper-case letter
const OTHER_LETTER = 5 // a letter without case (Thai, Arabic, CJK…)
const SYMBOL = 6 // Latin-1 and Windows-1252 signs that never touch a letter in real text: © ¬ ™ € ¤ ¹…
const PUNCT = 7 // quotes, dashes, ellipsis, bullets, « »
const C1 = 8
const ODD = 9 // box drawing, math operators, geometric shapes, ligatures: what CP437 and MacRoman readings produce
const NEUTRAL = 0

const LETTER = /\p{L}/u
const LOWER_RE = /\p{Ll}/u
const UPPER_RE = /\p{Lu}|\p{Lt}/u

function classOf(cp: number): number {
  if (cp < 0x80) {
    if (cp >= 0x61 && cp <= 0x7a) return ASCII_LOWER
    if (cp >= 0x41 && cp <= 0x5a) return ASCII_UPPER
    return NEUTRAL
  }
  if (cp <= 0x9f) return C1
  if (cp === 0xa0 || cp === 0xad) return NEUTRAL
  if (cp < 0xc0) return cp === 0xab || cp === 0xbb || cp === 0xb7 || cp === 0xa1 || cp === 0xbf ? PUNCT : cp === 0xaa || cp === 0xba || cp === 0xb5 ? LOWER : SYMBOL
  if (cp === 0xd7 || cp === 0xf7) return SYMBOL
  if (cp >= 0x2c6 && cp <= 0x2dd) return SYMBOL // spacing modifiers ˆ ˜ ˘ ˙ ˚ ˝
  if (cp >= 0x2010 && cp <= 0x205e) return cp === 0x2020 || cp === 0x2021 || cp === 0x2030 ? SYMBOL : PUNCT
  if (cp === 0x20ac || cp === 0x2122 || cp === 0x2116 || cp === 0x192) return SYMBOL
  if ((cp >= 0x2200 && cp <= 0x22ff) || (cp >= 0x2300 && cp <= 0x23ff) || (cp >= 0x2500 && cp <= 0x25ff) || (cp >= 0xfb00 && cp <= 0xfb06) || cp === 0xf8ff) return ODD
  const c = String.fromCodePoint(cp)
  if (LETTER.test(c)) return LOWER_RE.test(c) ? LOWER : UPPER_RE.test(c) ? UPPER : OTHER_LETTER
  return NEUTRAL
}

/** Script family of a letter, to see a word that mixes Latin with Cyrillic, Greek or Thai. */
function scriptOf(cp: number): number {
  if (cp < 0x250 || (cp >= 0x1e00 && cp <= 0x1eff)) return 1
  if (cp >= 0x370 && cp <= 0x3ff) return 2
  if (cp >= 0x400 && cp <= 0x52f) return 3
  if (cp >= 0xe00 && cp <= 0xe7f) return 4
  return 5
}

const isLetter = (k: number) => k >= ASCII_LOWER && k <= OTHER_LETTER
const isLower = (k: number) => k === ASCII_LOWER || k === LOWER

/**
 * How unlikely a token is as real text: C1 controls and CP437/MacRoman shapes,
 * an accented capital right after a lower-case letter (`cafÃ`), a sign glued to
 * a letter or to another sign (`Ã©`, `€™`), a word that mixes scripts (`cafГ©`).
 */
export function badness(token: string): number {
  let score = 0
  let prev = NEUTRAL
  let prevCp = 0x20
  for (let i = 0; i < token.length; ) {
    const cp = token.codePointAt(i)!
    i += cp > 0xffff ? 2 : 1
    const k = classOf(cp)
    if (k === C1) score += 3
    else if (k === ODD) score += 2
    if (k === UPPER && isLower(prev)) score++
    // An accented capital glued to a sign, or to an accented small letter (`Â«`, `Ĺľ`, `ĂĽn`): a UTF-8 lead byte.
    if (prev === UPPER && (k === SYMBOL || k === PUNCT || k === LOWER)) score++
    if (prev === UPPER && k === UPPER && isLower(classOf(token.codePointAt(i) ?? 0x20))) score++
    if (prevCp >= 0x80 && cp >= 0x80) {
      if ((isLetter(prev) && k === SYMBOL) || (prev === SYMBOL && (isLetter(k) || k === SYMBOL || k === PUNCT)) || (prev === PUNCT && k === SYMBOL)) score++
    }
    if (isLetter(prev) && isLetter(k) && scriptOf(prevCp) !== scriptOf(cp) && scriptOf(prevCp) < 5 && scriptOf(cp) < 5) score++
    prev = k
    prevCp = cp
  }
  return score
}

const UTF8 = new TextDecoder('utf-8', {fatal: true})
const isCont = (b: number) => b >= 0x80 && b <= 0xbf

/** Decoded characters real text holds (no controls, no private use, no unassigned oddities). */
function plausible(decoded: string): boolean {
  const cp = decoded.codePointAt(0)!
  return !(cp < 0xa0 || (cp >= 0xd800 && cp <= 0xf8ff) || (cp >= 0xfff0 && cp <= 0xffff) || (cp >= 0x2500 && cp <= 0x25ff))
}

/**
 * The token with every valid UTF-8 sequence of its bytes in `reverse`'s code
 * page decoded, or undefined when there is none. `â€` with its last byte lost
 * (0x9D, undefined in Windows-1252) is a closing quote.
 */
function redecode(token: string, reverse: Reverse): string | undefined {
  const n = token.length
  const bytes = new Int32Array(n)
  for (let i = 0; i < n; i++) {
    const c = token.charCodeAt(i)
    bytes[i] = c < 0x80 ? c : (reverse.get(c) ?? -1)
  }
  let out = ''
  let changed = false
  let i = 0
  while (i < n) {
    const b = bytes[i]
    if (b >= 0xc2 && b <= 0xf4) {
      const need = b >= 0xf0 ? 3 : b >= 0xe0 ? 2 : 1
      let ok = i + need < n
      for (let j = 1; ok && j <= need; j++) ok = isCont(bytes[i + j])
      if (ok) {
        const seq = Uint8Array.from(bytes.subarray(i, i + need + 1))
        let decoded: string | undefined
        try {
          decoded = UTF8.decode(seq)
        } catch {
          decoded = undefined
        }
        if (decoded !== undefined && plausible(decoded)) {
          out += decoded
          i += need + 1
          changed = true
          continue
        }
      } else if (b === 0xe2 && bytes[i + 1] === 0x80 && !(i + 2 < n && token.charCodeAt(i + 2) >= 0x80)) {
        out += '”'
        i += 2
        changed = true
        continue
      }
    }
    out += token[i]
    i++
  }
  return changed ? out : undefined
}

let reverseTables: Reverse[] | undefined

/** Non-ASCII code units: a right decoding turns several into one. */
function highUnits(text: string): number {
  let n = 0
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x80) n++
  return n
}

/**
 * The repaired token, or undefined when no code page makes it clearly less
 * unlikely. Each code page is applied up to three times (double and triple
 * encodings repeat one mistake) while the badness falls; the least bad result
 * wins, then the one that decoded most, then the more common code page.
 */
export function repairToken(token: string): string | undefined {
  const initial = badness(token)
  if (initial === 0) return undefined
  reverseTables ??= reverses ??= buildReverses()
  let best: string | undefined
  let bestScore = initial
  let bestHigh = Infinity
  for (const reverse of reverseTables) {
    let current = token
    let score = initial
    for (let round = 0; round < 3 && score > 0; round++) {
      const candidate = redecode(current, reverse)
      if (candidate === undefined) break
      const s = badness(candidate)
      if (s >= score) break
      current = candidate
      score = s
    }
    if (current === token) continue
    const high = highUnits(current)
    if (score < bestScore || (score === bestScore && best !== undefined && high < bestHigh)) {
      best = current
      bestScore = score
      bestHigh = high
    }
  }
  return best
}

export interface MojibakeRepair {
  start: number
  end: number
  actual: string
  replacement: string
}

const SPACE = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0c

/**
 * Every mojibake repair in `text`: tokens (runs without ASCII white space) that
 * hold a non-ASCII character, cut to the part that changes.
 */
export function findMojibake(text: string): MojibakeRepair[] {
  const out: MojibakeRepair[] = []
  const n = text.length
  let i = 0
  while (i < n) {
    while (i < n && SPACE(text.charCodeAt(i))) i++
    const start = i
    let high = false
    while (i < n && !SPACE(text.charCodeAt(i))) {
      if (text.charCodeAt(i) >= 0x80) high = true
      i++
    }
    if (!high) continue
    // Long unspaced runs (Thai, CJK) are scored in slices.
    for (let s = start; s < i; s += 400) {
      const e = Math.min(i, s + 400)
      const token = text.slice(s, e)
      const fixed = repairToken(token)
      if (fixed === undefined) continue
      let p = 0
      while (p < token.length && p < fixed.length && token[p] === fixed[p]) p++
      let q = 0
      while (q < token.length - p && q < fixed.length - p && token[token.length - 1 - q] === fixed[fixed.length - 1 - q]) q++
      out.push({start: s + p, end: e - q, actual: token.slice(p, token.length - q), replacement: fixed.slice(p, fixed.length - q)})
    }
  }
  return out
}
