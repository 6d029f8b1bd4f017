/** Where a pronoun looks for what it refers to: the words of its sentence and those before. */
import type {WordSpan} from '../../document.js'

/** For each word, the index of the span (sentence, paragraph) it is in. */
export function spanIndex(words: WordSpan[], spans: Array<{start: number; end: number}>): Int32Array {
  const out = new Int32Array(words.length)
  let s = 0
  for (let i = 0; i < words.length; i++) {
    while (s < spans.length - 1 && spans[s].end <= words[i].start) s++
    out[i] = s
  }
  return out
}

/** The first word of the sentence `back` sentences before word `j`'s. */
export function firstWordOfSentence(sentenceOf: Int32Array, j: number, back: number): number {
  const target = sentenceOf[j] - back
  let k = j
  // A reach of at most REACH words, however long the sentences: linear on unbroken text.
  while (k > 0 && j - k < REACH && sentenceOf[k - 1] >= target) k--
  return k
}

/** Longest reach back from a pronoun, in words. */
export const REACH = 80

export function isCapitalized(value: string): boolean {
  const c = value.charCodeAt(0)
  if (c < 128) return c >= 65 && c <= 90
  return /^\p{Lu}/u.test(value)
}

export function matchCase(word: string, like: string): string {
  return /^\p{Lu}/u.test(like) ? word[0].toUpperCase() + word.slice(1) : word
}
