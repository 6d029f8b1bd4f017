import type {Paragraph, Root, RootContent, WhiteSpace} from 'nlcst'
import {ParseEnglish} from 'parse-english'
import type {Processor} from 'unified'

/** Longest piece handed to parse-english at once; it is super-linear in input size. */
export const MAX_PIECE = 4096

interface Point {
  line: number
  column: number
  offset: number
}

/**
 * retext parser that feeds parse-english bounded pieces: paragraphs, and
 * within a giant paragraph windows cut at sentence ends (or white space).
 * Positions are shifted so they stay exact offsets into the whole document.
 */
export default function mtcleanParse(this: Processor) {
  // eslint-disable-next-line @typescript-eslint/no-this-alias
  const self = this as unknown as {parser: (value: string) => Root}
  self.parser = parseDocument
}

export function parseDocument(value: string): Root {
  const parser = new ParseEnglish()
  const children: RootContent[] = []
  const point: Point = {line: 1, column: 1, offset: 0}
  // Paragraph separators: white space holding two or more line breaks.
  const separator = /(?<![ \t\f\v\u00A0])[ \t\f\v\u00A0]*(?:\r\n|\r|\n)(?:[ \t\f\v\u00A0]*(?:\r\n|\r|\n))+[ \t\f\v\u00A0]*/g
  let from = 0
  let match: RegExpExecArray | null
  while ((match = separator.exec(value))) {
    pushParagraph(value.slice(from, match.index))
    pushWhiteSpace(match[0])
    from = match.index + match[0].length
  }
  pushParagraph(value.slice(from))
  return {
    type: 'RootNode',
    children,
    position: {start: {line: 1, column: 1, offset: 0}, end: {...point}}
  }

  function pushParagraph(text: string) {
    if (!text) return
    let rest = text
    while (rest.length > 0) {
      const cut = rest.length <= MAX_PIECE ? rest.length : cutPoint(rest)
      const piece = rest.slice(0, cut)
      const paragraph = parser.tokenizeParagraph(piece) as Paragraph
      shift(paragraph, point)
      paragraph.position = {start: {...point}, end: advance(point, piece)}
      children.push(paragraph)
      rest = rest.slice(cut)
    }
  }

  function pushWhiteSpace(text: string) {
    const start = {...point}
    const node: WhiteSpace = {type: 'WhiteSpaceNode', value: text, position: {start, end: advance(point, text)}}
    children.push(node)
  }
}

/** Where to cut a long paragraph: after the last sentence end in the window, else at white space. */
function cutPoint(text: string): number {
  const window = text.slice(0, MAX_PIECE)
  let best = -1
  const sentenceEnd = /[.!?][”’"»)\]]*[ \t]+(?=[“"«(\[]?[A-Z0-9])/g
  let m: RegExpExecArray | null
  while ((m = sentenceEnd.exec(window))) best = m.index + m[0].length
  if (best > MAX_PIECE / 4) return best
  for (let i = window.length - 1; i > 0; i--) {
    const c = window.charCodeAt(i)
    if (c === 32 || c === 9 || c === 10 || c === 13) return i + 1
  }
  // No white space: cut without splitting a surrogate pair.
  const code = text.charCodeAt(MAX_PIECE - 1)
  return code >= 0xd800 && code <= 0xdbff ? MAX_PIECE - 1 : MAX_PIECE
}

/** Move `point` over `text`, counting line breaks like parse-latin (CR, LF, CRLF). */
function advance(point: Point, text: string): Point {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 13 || (c === 10 && text.charCodeAt(i - 1) !== 13)) {
      point.line++
      point.column = 1
    } else if (c !== 10) {
      point.column++
    }
  }
  point.offset += text.length
  return {...point}
}

function shift(node: Paragraph, base: Point) {
  const stack: Array<{position?: {start: Point; end: Point}; children?: unknown[]}> = [node as never]
  const seen = new Set<Point>()
  while (stack.length > 0) {
    const current = stack.pop()!
    if (current.position) {
      move(current.position.start)
      move(current.position.end)
    }
    if (current.children) for (const child of current.children) stack.push(child as never)
  }
  function move(p: Point) {
    // parse-latin shares point objects between nodes: move each once.
    if (seen.has(p)) return
    seen.add(p)
    if (p.line === 1) p.column += base.column - 1
    p.line += base.line - 1
    p.offset += base.offset
  }
}
