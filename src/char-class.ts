/**
 * Unicode category of a code point (letter, mark, number, other), answered from a
 * per-process table for the BMP so that a charCode loop can test `\p{L}`, `\p{M}`, `\p{N}`
 * without running a Unicode regex over the whole text.
 */

export const OTHER = 0
export const LETTER = 1
export const MARK = 2
export const NUMBER = 3

const IS_LETTER = /^\p{L}$/u
const IS_MARK = /^\p{M}$/u
const IS_NUMBER = /^\p{N}$/u

function classify(ch: string): number {
  return IS_LETTER.test(ch) ? LETTER : IS_MARK.test(ch) ? MARK : IS_NUMBER.test(ch) ? NUMBER : OTHER
}

/** Class + 1 per BMP code point; 0 = not looked up yet. */
const BMP = new Uint8Array(0x10000)

/** The class of a code point (a lone surrogate is OTHER, as in a `u` regex). */
export function classOf(cp: number): number {
  if (cp < 0x10000) {
    let k = BMP[cp]
    if (k === 0) {
      k = classify(String.fromCharCode(cp)) + 1
      BMP[cp] = k
    }
    return k - 1
  }
  return classify(String.fromCodePoint(cp))
}

/** The class of the code point that ends just before `at` (OTHER at the start). */
export function classBefore(text: string, at: number): number {
  if (at <= 0) return OTHER
  const lo = text.charCodeAt(at - 1)
  if (lo >= 0xdc00 && lo <= 0xdfff && at >= 2) {
    const hi = text.charCodeAt(at - 2)
    if (hi >= 0xd800 && hi <= 0xdbff) return classOf((hi - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000)
  }
  return classOf(lo)
}
