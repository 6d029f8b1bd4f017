import type {Root} from 'nlcst'

/** A span of the document: offsets into the whole text. */
export interface Span {
  start: number
  end: number
}

export interface WordSpan extends Span {
  value: string
}

/** Views of a parsed document that several rules need, built in one walk and shared. */
export interface DocumentView {
  paragraphs: Span[]
  sentences: Span[]
  words: WordSpan[]
}

const cache = new WeakMap<Root, DocumentView>()

/** Paragraph, sentence and word spans of `tree`, computed once per tree. */
export function viewOf(tree: Root): DocumentView {
  const hit = cache.get(tree)
  if (hit) return hit
  const view: DocumentView = {paragraphs: [], sentences: [], words: []}
  for (const paragraph of tree.children) {
    if (paragraph.type !== 'ParagraphNode' || !paragraph.position) continue
    view.paragraphs.push(span(paragraph.position))
    for (const sentence of paragraph.children) {
      if (sentence.type !== 'SentenceNode' || !sentence.position) continue
      view.sentences.push(span(sentence.position))
      for (const word of sentence.children) {
        if (word.type !== 'WordNode' || !word.position) continue
        const parts = word.children
        let value: string
        // Most words are one text node: no concatenation.
        if (parts.length === 1 && 'value' in parts[0]) value = parts[0].value
        else {
          value = ''
          for (const part of parts) if ('value' in part) value += part.value
        }
        view.words.push({start: word.position.start.offset ?? 0, end: word.position.end.offset ?? 0, value})
      }
    }
  }
  cache.set(tree, view)
  return view
}

function span(position: {start: {offset?: number}; end: {offset?: number}}): Span {
  return {start: position.start.offset ?? 0, end: position.end.offset ?? 0}
}
