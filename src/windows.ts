import type {VFileMessage} from 'vfile-message'

/**
 * Largest piece of a document linted at once (256 K UTF-16 code units). The
 * parse tree costs about 120 bytes of heap per character, so a document is
 * linted window by window (each tree released before the next is built):
 * memory follows the window, not the document. News articles are far
 * smaller; only giant files are cut, and then whole-document evidence
 * (name consistency, language guess) is gathered per window.
 */
export const LINT_WINDOW = 1 << 18

interface Point {
  line: number
  column: number
  offset: number
}

/**
 * Where to cut `text` into windows of at most `size` units: [start, end)
 * pairs covering it. A cut is made after a paragraph break (two or more line
 * breaks) in the second half of the window, else after a line break, else
 * after white space, else anywhere but inside a surrogate pair or a CRLF.
 */
export function windowsOf(text: string, size = LINT_WINDOW): Array<[number, number]> {
  const out: Array<[number, number]> = []
  let from = 0
  while (text.length - from > size) {
    const cut = cutBefore(text, from, from + size)
    out.push([from, cut])
    from = cut
  }
  out.push([from, text.length])
  return out
}

const isBreak = (c: number) => c === 10 || c === 13
const isSpace = (c: number) => c === 32 || c === 9 || c === 12 || c === 11 || c === 0xa0

/** A cut in (from, limit]: see windowsOf. */
function cutBefore(text: string, from: number, limit: number): number {
  const half = from + Math.floor((limit - from) / 2)
  // A cut at `i` means text[i - 1] ends the window; never between CR and LF.
  const splitsCrlf = (i: number) => text.charCodeAt(i - 1) === 13 && text.charCodeAt(i) === 10
  let lineCut = -1
  for (let i = limit; i > half; i--) {
    if (!isBreak(text.charCodeAt(i - 1)) || splitsCrlf(i) || isBreak(text.charCodeAt(i))) continue
    // i is just past a run of line breaks: a paragraph break when the run (white space between allowed) holds two.
    let breaks = 0
    for (let j = i - 1; j >= from && (isBreak(text.charCodeAt(j)) || isSpace(text.charCodeAt(j))); j--) {
      const c = text.charCodeAt(j)
      if (c === 10 || (c === 13 && text.charCodeAt(j + 1) !== 10)) breaks++
    }
    if (breaks >= 2) return i
    if (lineCut < 0) lineCut = i
  }
  if (lineCut > 0) return lineCut
  for (let i = limit; i > half; i--) if (isSpace(text.charCodeAt(i - 1)) && !isSpace(text.charCodeAt(i))) return i
  const c = text.charCodeAt(limit - 1)
  return c >= 0xd800 && c <= 0xdbff ? limit - 1 : limit
}

/** Move `point` over text[from, to), counting line breaks like the parser (CR, LF, CRLF). */
function advance(point: Point, text: string, from: number, to: number): void {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i)
    if (c === 13 || (c === 10 && text.charCodeAt(i - 1) !== 13)) {
      point.line++
      point.column = 1
    } else if (c !== 10) point.column++
  }
  point.offset = to
}

type Located = VFileMessage & {startOffset?: number; endOffset?: number}
type Place = {line: number; column: number; offset?: number}

const shifted = (p: Place, base: Point): Place => ({
  line: p.line + base.line - 1,
  column: p.line === 1 ? p.column + base.column - 1 : p.column,
  ...(typeof p.offset === 'number' ? {offset: p.offset + base.offset} : {})
})

/** Make a message of the window starting at `base` a message of the whole document. */
function shiftMessage(message: Located, base: Point): void {
  const place = message.place as {start?: Place; end?: Place} | Place | undefined
  if (place && 'start' in place && place.start) {
    message.place = {start: shifted(place.start, base), end: shifted(place.end ?? place.start, base)} as VFileMessage['place']
  } else if (place && 'line' in place) {
    message.place = shifted(place, base) as VFileMessage['place']
  }
  const start = message.place && 'start' in message.place ? message.place.start : (message.place as Place | undefined)
  message.line = start?.line
  message.column = start?.column
  if (start) {
    const end = message.place && 'end' in message.place ? message.place.end : start
    message.name = `${start.line}:${start.column}-${end.line}:${end.column}`
  }
  if (typeof message.startOffset === 'number') message.startOffset += base.offset
  if (typeof message.endOffset === 'number') message.endOffset += base.offset
}

/**
 * Lint `text` window by window (see LINT_WINDOW) with `lint`, which lints one
 * piece: the messages come back in document order with exact offsets, lines
 * and columns in the whole text. A text within one window is linted as is.
 */
export function lintInWindows<M extends VFileMessage>(text: string, lint: (piece: string) => M[], size = LINT_WINDOW): M[] {
  if (text.length <= size) return lint(text)
  const out: M[] = []
  const base: Point = {line: 1, column: 1, offset: 0}
  for (const [start, end] of windowsOf(text, size)) {
    for (const message of lint(text.slice(start, end))) {
      shiftMessage(message as Located, base)
      out.push(message)
    }
    advance(base, text, start, end)
  }
  return out
}
