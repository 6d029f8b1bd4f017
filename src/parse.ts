import type {Paragraph, Root, RootContent, SentenceContent, WhiteSpace} from 'nlcst'
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
export default function mtcleanParse(this: Processor, options: ParseOptions = {}) {
  // eslint-disable-next-line @typescript-eslint/no-this-alias
  const self = this as unknown as {parser: (value: string) => Root}
  self.parser = options.shallow ? shallowDocument : parseDocument
}

export interface ParseOptions {
  /**
   * Skip the parse: the root has no children. For a processor whose rules all
   * read the text, not the tree (createProcessor sets it), so a document no
   * rule walks is never parsed.
   */
  shallow?: boolean
}

/** The document's tree: paragraphs parsed in bounded pieces, positions exact in the whole text. */
export function parseDocument(value: string): Root {
  const end = endPoint(value)
  return {type: 'RootNode', children: parseChildren(value), position: {start: {line: 1, column: 1, offset: 0}, end}}
}

/** A root with no children, spanning `value` (see ParseOptions.shallow). */
export function shallowDocument(value: string): Root {
  return {type: 'RootNode', children: [], position: {start: {line: 1, column: 1, offset: 0}, end: endPoint(value)}}
}

/** The point just past `value`. */
function endPoint(value: string): Point {
  return advance({line: 1, column: 1, offset: 0}, value)
}

/**
 * parse-english that places a piece's tokens at `base` in the whole document.
 * parse-latin gives every piece positions from line 1, offset 0; its tokenizer
 * done again here counts from `base` (before its plugins build words, sentences
 * and the paragraph from the tokens), so every position is exact with no walk
 * over the finished tree.
 */
class PlacedParser extends ParseEnglish {
  base: Point = {line: 1, column: 1, offset: 0}

  constructor() {
    super()
    const plugins = this.tokenizeParagraphPlugins
    const at = BREAK_IMPLICIT ? plugins.indexOf(BREAK_IMPLICIT) : -1
    if (at >= 0) plugins[at] = breakImplicitWhenNeeded
  }

  override tokenize(value?: string | null): SentenceContent[] {
    return tokenizeByTable(value, this.base)
  }
}

type ParagraphPlugin = (node: Paragraph) => void

/** A sentence's white space of two line breaks or more (`\r\n`, `\r` or `\n`), which splits the sentence. */
function twoBreaks(value: string): boolean {
  let breaks = 0
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i)
    if (c === 13 && value.charCodeAt(i + 1) === 10) i++
    else if (c !== 13 && c !== 10) continue
    if (++breaks >= 2) return true
  }
  return false
}

/**
 * parse-latin's breakImplicitSentences (not exported), found among the paragraph
 * plugins by what it does: it splits a sentence at inner white space with two
 * line breaks, not at a space.
 */
const BREAK_IMPLICIT = ((): ParagraphPlugin | undefined => {
  const point = () => ({line: 1, column: 1, offset: 0})
  const word = (value: string) => ({type: 'WordNode', children: [{type: 'TextNode', value}]})
  const paragraph = (gap: string) => ({type: 'ParagraphNode', children: [{type: 'SentenceNode', children: [word('a'), {type: 'WhiteSpaceNode', value: gap}, word('b')]}], position: {start: point(), end: point()}}) as unknown as Paragraph
  for (const plugin of new ParseEnglish().tokenizeParagraphPlugins as ParagraphPlugin[]) {
    try {
      const split = paragraph('\n\n')
      const kept = paragraph(' ')
      plugin(split)
      plugin(kept)
      if (split.children.length === 3 && split.children[1].type === 'WhiteSpaceNode' && kept.children.length === 1) return plugin
    } catch {
      // Not this one.
    }
  }
  return undefined
})()

/**
 * breakImplicitSentences only when a sentence has such white space inside: it
 * splits every white space node of every sentence with a regex, and in pieces
 * cut at blank lines (parseChildren) it seldom finds one.
 */
function breakImplicitWhenNeeded(paragraph: Paragraph): void {
  for (const sentence of paragraph.children) {
    if (sentence.type !== 'SentenceNode') continue
    const children = sentence.children
    for (let k = 1; k < children.length - 1; k++) {
      const node = children[k]
      if (node.type === 'WhiteSpaceNode' && twoBreaks(node.value)) {
        BREAK_IMPLICIT!(paragraph)
        return
      }
    }
  }
}

type TokenType = SentenceContent['type']

/** The token types, by number (0: not yet known). */
const TYPES: TokenType[] = ['WordNode', 'WordNode', 'WhiteSpaceNode', 'PunctuationNode', 'SymbolNode']
/** Per UTF-16 code unit: the index in TYPES of the token type parse-latin gives it, filled on first sight. */
const TYPE_OF = new Uint8Array(0x10000)
const probe = new ParseEnglish()

/** parse-latin's type of the code unit `c`: the type of the one token it makes of that character alone. */
function typeOf(c: number): number {
  let t = TYPE_OF[c]
  if (t === 0) TYPE_OF[c] = t = TYPES.indexOf(ParseEnglish.prototype.tokenize.call(probe, String.fromCharCode(c))[0].type, 1)
  return t
}

/**
 * parse-latin's tokenize (lib/index.js, ParseLatin#tokenize, MIT), the same
 * loop and the same nodes (a word's text shares its start point), with each
 * character's type read from TYPE_OF: parse-latin tests up to three regexes per
 * character, about two thirds of all the regex calls of a check.
 */
function tokenizeByTable(value: string | null | undefined, base: Point): SentenceContent[] {
  const children: SentenceContent[] = []
  if (!value) return children
  // parse-latin counts from 1:1, offset 0; counting from `base` places every point as shifting it would
  // (a column only on the first line).
  const currentPoint: Point = {line: base.line, column: base.column, offset: base.offset}
  // A copy of the point as a literal: the same object as parse-latin's spread, made faster.
  const here = (): Point => ({line: currentPoint.line, column: currentPoint.column, offset: currentPoint.offset})
  let from = 0
  let index = 0
  let start = here()
  let previousType: TokenType | undefined
  let previous = -1
  const createNode = (type: TokenType, text: string): SentenceContent =>
    type === 'WordNode'
      ? {type: 'WordNode', children: [{type: 'TextNode', value: text, position: {start, end: here()}}], position: {start, end: here()}}
      : ({type, value: text, position: {start, end: here()}} as SentenceContent)
  while (index < value.length) {
    const current = value.charCodeAt(index)
    const currentType = TYPES[typeOf(current)]
    if (
      from < index &&
      previousType &&
      !(
        previousType === currentType &&
        // Words or white space continue; the same punctuation or symbol, or surrogates, too.
        (previousType === 'WordNode' || previousType === 'WhiteSpaceNode' || current === previous || (current >= 0xd800 && current <= 0xdfff))
      )
    ) {
      children.push(createNode(previousType, value.slice(from, index)))
      from = index
      start = here()
    }
    if (current === 13 || (current === 10 && previous !== 13)) {
      currentPoint.line++
      currentPoint.column = 1
    } else if (current !== 10) {
      currentPoint.column++
    }
    currentPoint.offset++
    previousType = currentType
    previous = current
    index++
  }
  if (previousType && from < index) children.push(createNode(previousType, value.slice(from, index)))
  return children
}


/** Root children of `value`: paragraphs (parsed in bounded pieces) and the white space between them. */
function parseChildren(value: string): RootContent[] {
  const parser = new PlacedParser()
  const children: RootContent[] = []
  const point: Point = {line: 1, column: 1, offset: 0}
  let from = 0
  for (const [start, end] of separators(value)) {
    pushParagraph(value.slice(from, start))
    pushWhiteSpace(value.slice(start, end))
    from = end
  }
  pushParagraph(value.slice(from))
  return children

  function pushParagraph(text: string) {
    if (!text) return
    let rest = text
    while (rest.length > 0) {
      const cut = rest.length <= MAX_PIECE ? rest.length : cutPoint(rest)
      const piece = rest.slice(0, cut)
      parser.base = {...point}
      const paragraph = parser.tokenizeParagraph(piece) as Paragraph
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

/** Horizontal white space: space, tab, form feed, vertical tab, no-break space. */
function isHorizontalSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 12 || c === 11 || c === 0xa0
}

/**
 * Paragraph separators, as [start, end) offsets: runs of white space holding
 * two or more line-break characters (CR or LF), with the horizontal white
 * space around them. A scan from line break to line break: no regex at every position.
 */
function* separators(value: string): Generator<[number, number]> {
  let i = 0
  const length = value.length
  while (i < length) {
    const c = value.charCodeAt(i)
    if (c !== 10 && c !== 13) {
      i++
      continue
    }
    let start = i
    while (start > 0 && isHorizontalSpace(value.charCodeAt(start - 1))) start--
    let breaks = 0
    let end = i
    let j = i
    for (;;) {
      const d = value.charCodeAt(j)
      // A CRLF counts twice: a paragraph break in CRLF text is one CRLF line break (as before).
      if (d === 13 && value.charCodeAt(j + 1) === 10) {
        j += 2
        breaks += 2
      } else if (d === 13 || d === 10) {
        j++
        breaks++
      } else break
      end = j
      while (j < length && isHorizontalSpace(value.charCodeAt(j))) j++
    }
    if (breaks >= 2) {
      // Trailing horizontal white space belongs to the separator.
      yield [start, j]
      i = j
    } else i = end
  }
}
