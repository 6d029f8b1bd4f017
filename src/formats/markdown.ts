import type {Nodes, Root} from 'mdast'
import {markdownPieces, PIECE_SIZE} from './markdown-pieces.js'
import {PLACEHOLDER, ViewBuilder, type ProseView} from './view.js'

/** Markdown drops container prefixes (`>`) and indents from the text of a paragraph's later lines. */
const droppable = (c: string) => c === ' ' || c === '\t' || c === '>'

/** Blocks whose text is prose: each is a paragraph to the rules. */
const PROSE_BLOCKS = new Set(['paragraph', 'heading', 'tableCell'])
/** Inline wrappers: their text joins the sentence around them. */
const INLINE = new Set(['emphasis', 'strong', 'delete', 'link', 'linkReference'])
/** Inline code-like nodes: a word in the sentence, never linted. */
const STANDS_IN = new Set(['inlineCode', 'inlineMath', 'image', 'imageReference'])

/** A node's source offsets, its piece's offsets moved by `base`. */
function offsets(node: Nodes, base: number): [number, number] | undefined {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  return start === undefined || end === undefined ? undefined : [base + start, base + end]
}

/** An autolink (`<https://…>`, or a bare URL GFM links): its text is the address, not prose. */
function isAutolink(node: Nodes, source: string, at: [number, number] | undefined): boolean {
  if (node.type !== 'link') return false
  if (at && source[at[0]] === '<') return true
  if (node.children.length !== 1 || node.children[0].type !== 'text') return false
  const text = node.children[0].value
  return node.url === text || node.url === 'http://' + text || node.url === 'https://' + text || node.url === 'mailto:' + text
}

/**
 * The prose of a Markdown document (CommonMark, GFM, front matter, `$$` math),
 * parsed in pieces of at least `pieceSize` characters (src/formats/markdown-pieces.ts;
 * Infinity: in one piece), which give the view one parse of the whole would.
 */
export function markdownView(source: string, {pieceSize = PIECE_SIZE}: {pieceSize?: number} = {}): ProseView {
  const view = new ViewBuilder(source)
  let base = 0
  let end = 0
  const walk = (node: Nodes): void => {
    const at = offsets(node, base)
    // The rest of the piece's tree is the next piece's (a list the next piece's first item joined).
    if (at && at[0] >= end) return
    if (node.type === 'text') {
      if (at) view.text(at[0], at[1], node.value, {entities: true, escapes: true, droppable})
      else view.emit(node.value)
      return
    }
    if (node.type === 'html') {
      // Markup; its comments may hold markers.
      if (at && node.value.startsWith('<!--')) view.comment(at[0], at[1])
      return
    }
    if (node.type === 'definition') {
      // `[//]: # (mtclean-disable)`, Markdown's own comment, may hold markers.
      if (at && node.url === '#') view.comment(at[0], at[1])
      return
    }
    if (node.type === 'break') return view.emit('\n')
    if (STANDS_IN.has(node.type) || isAutolink(node, source, at)) return view.emit(PLACEHOLDER)
    if (INLINE.has(node.type) || node.type === 'blockquote' || node.type === 'list' || node.type === 'listItem' || node.type === 'footnoteDefinition' || node.type === 'table' || node.type === 'tableRow') {
      for (const child of (node as {children: Nodes[]}).children) walk(child)
      return
    }
    if (PROSE_BLOCKS.has(node.type)) {
      view.block()
      for (const child of (node as {children: Nodes[]}).children) walk(child)
      view.block()
    }
    // Everything else is not prose: code, math, front matter, definitions, footnote references, rules.
  }
  for (const piece of markdownPieces(source, pieceSize)) {
    base = piece.base
    end = piece.end
    for (const child of (piece.tree as Root).children) walk(child)
  }
  return view.finish()
}
