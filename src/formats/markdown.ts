import type {Nodes, Root} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkMath from 'remark-math'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {PLACEHOLDER, ViewBuilder, type ProseView} from './view.js'

// `$` stays a dollar sign: news text is full of "$5 and $10", so only `$$…$$` is math.
const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm).use(remarkMath, {singleDollarTextMath: false}).freeze()

/** Markdown drops container prefixes (`>`) and indents from the text of a paragraph's later lines. */
const droppable = (c: string) => c === ' ' || c === '\t' || c === '>'

/** Blocks whose text is prose: each is a paragraph to the rules. */
const PROSE_BLOCKS = new Set(['paragraph', 'heading', 'tableCell'])
/** Inline wrappers: their text joins the sentence around them. */
const INLINE = new Set(['emphasis', 'strong', 'delete', 'link', 'linkReference'])
/** Inline code-like nodes: a word in the sentence, never linted. */
const STANDS_IN = new Set(['inlineCode', 'inlineMath', 'image', 'imageReference'])

function offsets(node: Nodes): [number, number] | undefined {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  return start === undefined || end === undefined ? undefined : [start, end]
}

/** An autolink (`<https://…>`, or a bare URL GFM links): its text is the address, not prose. */
function isAutolink(node: Nodes, source: string): boolean {
  if (node.type !== 'link') return false
  const at = offsets(node)
  if (at && source[at[0]] === '<') return true
  if (node.children.length !== 1 || node.children[0].type !== 'text') return false
  const text = node.children[0].value
  return node.url === text || node.url === 'http://' + text || node.url === 'https://' + text || node.url === 'mailto:' + text
}

/** The prose of a Markdown document (CommonMark, GFM, front matter, `$$` math). */
export function markdownView(source: string): ProseView {
  const tree = parser.parse(source) as Root
  const view = new ViewBuilder(source)
  const walk = (node: Nodes): void => {
    const at = offsets(node)
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
    if (STANDS_IN.has(node.type) || isAutolink(node, source)) return view.emit(PLACEHOLDER)
    if (INLINE.has(node.type) || node.type === 'root' || node.type === 'blockquote' || node.type === 'list' || node.type === 'listItem' || node.type === 'footnoteDefinition' || node.type === 'table' || node.type === 'tableRow') {
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
  walk(tree)
  return view.finish()
}
