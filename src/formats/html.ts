import type {Nodes, Root} from 'hast'
import rehypeParse from 'rehype-parse'
import {unified} from 'unified'
import {PLACEHOLDER, ViewBuilder, type ProseView} from './view.js'

const documentParser = unified().use(rehypeParse, {fragment: false}).freeze()
const fragmentParser = unified().use(rehypeParse, {fragment: true}).freeze()

/** Elements whose content is not prose (code, scripts, styles, embedded languages). */
const SKIP = new Set(['script', 'style', 'pre', 'textarea', 'template', 'noscript', 'svg', 'math', 'iframe', 'object', 'select', 'head'])
/** Inline elements that stand for a word (code, images, inputs): a placeholder in the sentence. */
const STANDS_IN = new Set(['code', 'kbd', 'samp', 'var', 'img', 'input', 'picture', 'video', 'audio'])
/** Elements that end a paragraph for the rules; everything else joins the sentence around it. */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup',
  'hr', 'html', 'legend', 'li', 'main', 'nav', 'ol', 'option', 'p', 'section', 'summary', 'table', 'tbody',
  'td', 'tfoot', 'th', 'thead', 'title', 'tr', 'ul'
])

/** The prose of an HTML document or fragment: text content outside code, scripts and styles, entities decoded. */
export function htmlView(source: string): ProseView {
  const whole = /<(?:!doctype|html[\s>])/i.test(source.slice(0, 2048))
  const tree = (whole ? documentParser : fragmentParser).parse(source) as Root
  const view = new ViewBuilder(source)
  const walk = (node: Nodes): void => {
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (node.type === 'text') {
      if (start !== undefined && end !== undefined) view.text(start, end, node.value, {entities: true, collapseSpace: true})
      return
    }
    if (node.type === 'comment') {
      if (start !== undefined && end !== undefined) view.comment(start, end)
      return
    }
    if (node.type === 'root') {
      for (const child of node.children) walk(child)
      return
    }
    if (node.type !== 'element') return
    const tag = node.tagName
    if (SKIP.has(tag)) {
      // <head> is skipped but its <title> is prose.
      if (tag === 'head') for (const child of node.children) if (child.type === 'element' && child.tagName === 'title') walk(child)
      return
    }
    if (tag === 'br') return view.emit('\n')
    if (STANDS_IN.has(tag)) return view.emit(PLACEHOLDER)
    const block = BLOCKS.has(tag)
    if (block) view.block()
    for (const child of node.children) walk(child)
    if (block) view.block()
  }
  walk(tree)
  return view.finish()
}
