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

/**
 * Offsets of the parser's words (every WordNode, in document order: the same
 * words as `viewOf(tree).words`), without building a string or an object per
 * word. A word's value is `text.slice(starts[i], ends[i])`: its children are
 * contiguous in the text.
 */
export interface WordOffsets {
  starts: number[]
  ends: number[]
}

const offsetsCache = new WeakMap<Root, WordOffsets>()

/** Start and end offsets of every word of `tree`, computed once per tree. */
export function wordOffsets(tree: Root): WordOffsets {
  const hit = offsetsCache.get(tree)
  if (hit) return hit
  const starts: number[] = []
  const ends: number[] = []
  for (const paragraph of tree.children) {
    if (paragraph.type !== 'ParagraphNode' || !paragraph.position) continue
    for (const sentence of paragraph.children) {
      if (sentence.type !== 'SentenceNode' || !sentence.position) continue
      for (const word of sentence.children) {
        if (word.type !== 'WordNode' || !word.position) continue
        starts.push(word.position.start.offset ?? 0)
        ends.push(word.position.end.offset ?? 0)
      }
    }
  }
  const offsets = {starts, ends}
  offsetsCache.set(tree, offsets)
  return offsets
}

/** Paragraph spans of `tree` (as `viewOf(tree).paragraphs`), for the rare finding that needs them. */
export function paragraphSpans(tree: Root): Array<{start: number; end: number}> {
  const spans: Array<{start: number; end: number}> = []
  for (const paragraph of tree.children) {
    if (paragraph.type !== 'ParagraphNode' || !paragraph.position) continue
    spans.push({start: paragraph.position.start.offset ?? 0, end: paragraph.position.end.offset ?? 0})
  }
  return spans
}
