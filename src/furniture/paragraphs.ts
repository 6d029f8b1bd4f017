/**
 * Paragraphs of a plain text (blocks between blank lines) and their tokens:
 * the units the page-furniture classifier, the duplicate and the line-break
 * rules decide on.
 */

export interface Paragraph {
  /** Offset of the first non-blank character. */
  start: number
  /** Offset after the last non-blank character. */
  end: number
  text: string
  /** White-space separated tokens. */
  tokens: string[]
}

/** A char code that `\s` matches. */
export function isSpaceCode(c: number): boolean {
  if (c === 32 || (c >= 9 && c <= 13)) return true
  if (c < 0xa0) return false
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
}

/** White-space separated tokens of `text` (one scan, no regex). */
export function tokensOf(text: string): string[] {
  const out: string[] = []
  let from = -1
  for (let i = 0; i <= text.length; i++) {
    const space = i === text.length || isSpaceCode(text.charCodeAt(i))
    if (space) {
      if (from >= 0) out.push(text.slice(from, i))
      from = -1
    } else if (from < 0) from = i
  }
  return out
}

/** The paragraphs of the last text split: the classifier and the duplicate rule both read them (neither changes them). */
let last: {text: string; paragraphs: Paragraph[]} | undefined

/** Blocks of non-blank lines, in order (the same array for the same text twice in a row: read only). */
export function splitParagraphs(text: string): Paragraph[] {
  if (last && last.text === text) return last.paragraphs
  const paragraphs = split(text)
  last = {text, paragraphs}
  return paragraphs
}

function split(text: string): Paragraph[] {
  const out: Paragraph[] = []
  let blockStart = -1
  let blockEnd = -1
  let lineStart = 0
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart)
    if (lineEnd < 0) lineEnd = text.length
    let s = lineStart
    while (s < lineEnd && isSpaceCode(text.charCodeAt(s))) s++
    if (s < lineEnd) {
      let e = lineEnd
      while (e > s && isSpaceCode(text.charCodeAt(e - 1))) e--
      if (blockStart < 0) blockStart = s
      blockEnd = e
    } else if (blockStart >= 0) {
      push(out, text, blockStart, blockEnd)
      blockStart = -1
    }
    lineStart = lineEnd + 1
  }
  if (blockStart >= 0) push(out, text, blockStart, blockEnd)
  return out
}

function push(out: Paragraph[], text: string, start: number, end: number): void {
  const body = text.slice(start, end)
  out.push({start, end, text: body, tokens: tokensOf(body)})
}

/** `token` without the punctuation around it (letters, digits, `@`, `#` kept inside). */
export function bare(token: string): string {
  let s = 0
  let e = token.length
  while (s < e && !isWordCode(token.codePointAt(s)!, token[s])) s++
  while (e > s && !isWordCode(token.charCodeAt(e - 1), token[e - 1])) e--
  return token.slice(s, e)
}

const LETTER = /[\p{L}\p{N}]/u

function isWordCode(c: number, ch: string): boolean {
  if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true
  if (c < 128) return false
  return LETTER.test(ch)
}

/** The paragraph ends like a sentence: `.`, `!`, `?` (closing quotes and brackets aside). */
export function endsLikeSentence(text: string): boolean {
  let e = text.length
  while (e > 0 && `"”’»)]'`.includes(text[e - 1])) e--
  const c = text[e - 1]
  return c === '.' || c === '!' || c === '?'
}
