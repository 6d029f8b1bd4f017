import type {Root} from 'nlcst'

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

const cache = new WeakMap<Root, WordOffsets>()

/** Start and end offsets of every word of `tree`, computed once per tree. */
export function wordOffsets(tree: Root): WordOffsets {
  const hit = cache.get(tree)
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
  cache.set(tree, offsets)
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
