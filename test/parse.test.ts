/**
 * The paragraph-wise parser: every node's position is an exact place in the
 * whole document (offset, line and column), whatever the paragraph breaks,
 * line endings and window cuts; and `shallow` skips the parse.
 */
import fc from 'fast-check'
import type {Node, Parent} from 'unist'
import {toString} from 'nlcst-to-string'
import {location} from 'vfile-location'
import {VFile} from 'vfile'
import {unified} from 'unified'
import {describe, expect, it} from 'vitest'
import {ParseEnglish} from 'parse-english'
import mtcleanParse, {MAX_PIECE, parseDocument} from '../src/parse.js'

const PIECES = ['The', 'minister', 'U.S.', 'don’t', "l'AFP", 'e.g.', '1,5', '“', '”', '«', '»', '.', ',', ' ', ' ', '  ', '\t', '\u00a0', '\n', '\n\n', '\r\n', '\r\n\r\n', '\r', ' \n \n ', 'Ã©', '😀', '-', '—']

function problems(text: string): string[] {
  const tree = parseDocument(text)
  const place = location(new VFile(text))
  const found: string[] = []
  const visit = (node: Node) => {
    const {start, end} = node.position!
    const slice = text.slice(start.offset, end.offset)
    if (slice !== toString(node as never)) found.push(`${node.type} ${start.offset}-${end.offset}: ${JSON.stringify(slice)}`)
    for (const point of [start, end]) {
      const expected = place.toPoint(point.offset!)
      if (expected && (expected.line !== point.line || expected.column !== point.column)) {
        found.push(`${node.type} at ${point.offset}: ${point.line}:${point.column}, expected ${expected.line}:${expected.column}`)
      }
    }
    for (const child of (node as Parent).children ?? []) visit(child)
  }
  visit(tree)
  if (toString(tree as never) !== text) found.push('the tree does not spell the text')
  return found
}

describe('parseDocument', () => {
  it('places every node exactly in the document', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), {maxLength: 60}), (parts) => {
        expect(problems(parts.join(''))).toEqual([])
      }),
      {numRuns: 2000, seed: 20261130}
    )
  })

  it('reads a paragraph as parse-english does (its tokenizer by a table of character types, its sentence breaks when needed)', () => {
    const pieces = [...PIECES, '\u2028', '\u0085', '\ud83d', '!!', '?', '#', '$5', 'x/y', 'Mr.', '...']
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), {maxLength: 40}), (parts) => {
        // Letters around it: a paragraph of its own (no white space to move out of it).
        const text = 'A' + parts.join('') + 'z'
        const tree = parseDocument(text)
        fc.pre(tree.children.length === 1)
        expect(JSON.stringify(tree.children[0].type === 'ParagraphNode' && tree.children[0].children)).toBe(JSON.stringify(new ParseEnglish().tokenizeParagraph(text).children))
      }),
      {numRuns: 3000, seed: 20261204}
    )
  })

  it('places nodes exactly in windows of a giant paragraph and after many CRLF paragraphs', () => {
    const sentence = 'The minister said “we will see”, and left. '
    expect(problems(sentence.repeat(Math.ceil((3 * MAX_PIECE) / sentence.length)))).toEqual([])
    expect(problems(('Line one.\r\nLine two « x ».\r\n\r\n').repeat(200))).toEqual([])
  })

  it('shallow: a root with no children that spans the text', () => {
    const processor = unified().use(mtcleanParse, {shallow: true})
    const tree = processor.parse('One.\n\nTwo.\r\nThree')
    expect(tree.children).toEqual([])
    expect(tree.position!.end).toEqual({line: 4, column: 6, offset: 17})
  })
})
