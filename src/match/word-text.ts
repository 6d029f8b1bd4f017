/**
 * The words of a text, as the word phrases (src/match/words.ts) read them:
 * runs of letters and digits joined by `' ’ -` (and `. ,` between digits),
 * found in one charCode pass that also walks a trie of the phrases' words; and
 * how the words stand to each other (adjacent, sentence starts, the sentence
 * around a word).
 */
import {classOf, LETTER, NUMBER, OTHER} from '../char-class.js'
import {NONE, type WordTrie} from './word-trie.js'

/** Closing quote marks: a sentence may end with one before its next word. */
export const CLOSING_QUOTES = '”"»'

/** A word of the text; its text and lower case are sliced on first use (most words are only looked up once). */
export class Word {
  private v: string | undefined
  private l: string | undefined
  constructor(
    readonly text: string,
    readonly start: number,
    readonly end: number
  ) {}

  get value(): string {
    return (this.v ??= this.text.slice(this.start, this.end))
  }

  get lower(): string {
    return (this.l ??= this.value.toLowerCase())
  }
}

/**
 * The words of a text: the matches of
 * `[\p{L}\p{N}]+(?:(?:['’-]|(?<=\p{N})[.,](?=\p{N}))[\p{L}\p{N}]+)*`, found with one charCode pass
 * (a Unicode regex over the whole text is several times slower). The same pass walks the trie, so an
 * ASCII word gets its id with no string made: `ids[i]` (-1: not a trie word). `numeric[i]` is 1 when
 * word i starts with a number (\p{N}). Both are read below `words.length` only.
 */
export function scanWords(text: string, trie: WordTrie): {words: Word[]; numeric: Uint8Array; ids: Int32Array} {
  const words: Word[] = []
  const n = text.length
  // (a document has at most n / 2 + 1 words; the buffers are reused from document to document)
  if (scratchIds.length < (n >> 1) + 1) {
    scratchIds = new Int32Array((n >> 1) + 1024)
    scratchNumeric = new Uint8Array(scratchIds.length)
  }
  const ids = scratchIds
  const numeric = scratchNumeric
  let i = 0
  while (i < n) {
    // Skip to the start of a word.
    let code = text.charCodeAt(i)
    let first: number
    let width = 1
    if (code < 0x80) first = asciiClass(code)
    else {
      const cp = text.codePointAt(i)!
      if (cp > 0xffff) width = 2
      first = classOf(cp)
    }
    if (first !== LETTER && first !== NUMBER) {
      i += width
      continue
    }
    const start = i
    // Trie node of the word so far, or NONE, or BY_STRING (look the lower-cased word up).
    let node = trie.step(0, code)
    let lastClass = first
    i += width
    for (;;) {
      // The rest of the run of letters and numbers.
      while (i < n) {
        code = text.charCodeAt(i)
        let cls: number
        width = 1
        if (code < 0x80) cls = asciiClass(code)
        else {
          const cp = text.codePointAt(i)!
          if (cp > 0xffff) width = 2
          cls = classOf(cp)
        }
        if (cls !== LETTER && cls !== NUMBER) break
        if (node >= 0) node = trie.step(node, code)
        lastClass = cls
        i += width
      }
      if (i + 1 >= n) break
      // A joiner followed by a letter or number continues the word: ' ’ - always, . , between numbers.
      const joiner = text.charCodeAt(i)
      const apostrophe = joiner === 0x27 || joiner === 0x2019 || joiner === 0x2d
      if (!apostrophe && ((joiner !== 0x2e && joiner !== 0x2c) || lastClass !== NUMBER)) break
      const cp = text.codePointAt(i + 1)!
      const next = cp < 0x80 ? asciiClass(cp) : classOf(cp)
      if (apostrophe ? next !== LETTER && next !== NUMBER : next !== NUMBER) break
      if (node >= 0) node = trie.step(node, joiner)
      if (node >= 0) node = trie.step(node, text.charCodeAt(i + 1))
      lastClass = next
      i += cp > 0xffff ? 3 : 2
    }
    const word = new Word(text, start, i)
    numeric[words.length] = first === NUMBER ? 1 : 0
    ids[words.length] = node >= 0 ? trie.idAt(node) : node === NONE ? -1 : trie.idOfLower(word.lower)
    words.push(word)
  }
  return {words, numeric, ids}
}

/** Per-word buffers of scanWords, valid until its next call (entries `words.length` and beyond are stale). */
let scratchIds = new Int32Array(4096)
let scratchNumeric = new Uint8Array(4096)

function asciiClass(code: number): number {
  if (((code | 0x20) - 0x61) >>> 0 <= 25) return LETTER
  return code >= 0x30 && code <= 0x39 ? NUMBER : OTHER
}

/** The words of a text, and how they stand to each other. */
export class WordText {
  constructor(
    readonly text: string,
    /** Set by matchWords. */
    public words: Word[] = []
  ) {}

  /** True when only spaces or tabs (no newline, no punctuation) separate words i and i+1. */
  adjacent(i: number): boolean {
    const a = this.words[i]
    const b = this.words[i + 1]
    if (!a || !b) return false
    for (let k = a.end; k < b.start; k++) {
      const ch = this.text[k]
      if (ch !== ' ' && ch !== '\t' && ch !== '\u00a0') return false
    }
    return b.start > a.end
  }

  /** The non-space character before offset, or '' at the start. */
  charBefore(offset: number): {ch: string; at: number} {
    let k = offset - 1
    while (k >= 0 && (this.text[k] === ' ' || this.text[k] === '\t' || this.text[k] === '\u00a0')) k--
    return {ch: k >= 0 ? this.text[k] : '', at: k}
  }

  charAfter(offset: number): string {
    let k = offset
    while (k < this.text.length && (this.text[k] === ' ' || this.text[k] === '\t' || this.text[k] === '\u00a0')) k++
    return k < this.text.length ? this.text[k] : ''
  }

  /** Word i starts a sentence: only the start of the text, a line break, `. ! ?` (and maybe a quote) before it. */
  sentenceStart(i: number): boolean {
    const {ch, at} = this.charBefore(this.words[i].start)
    if (ch === '' || ch === '\n' || ch === '.' || ch === '!' || ch === '?') return true
    if (CLOSING_QUOTES.includes(ch) || ch === '“') {
      const before = this.charBefore(at).ch
      return before === '' || before === '\n' || before === '.' || before === '!' || before === '?' || ch === '“'
    }
    return false
  }

  /** Lower-case words of the sentence around word i (at most 60 on each side). */
  sentenceWords(i: number): string[] {
    const out: string[] = []
    const stop = /[.!?\n]/
    for (let k = i; k >= 0 && i - k < 60; k--) {
      out.push(this.words[k].lower)
      if (k > 0 && stop.test(this.text.slice(this.words[k - 1].end, this.words[k].start))) break
    }
    for (let k = i + 1; k < this.words.length && k - i < 60; k++) {
      if (stop.test(this.text.slice(this.words[k - 1].end, this.words[k].start))) break
      out.push(this.words[k].lower)
    }
    return out
  }

  /** The words `phrase` (as written; a leading `the` in any case) end at word k, adjacent. */
  endsWith(phrase: string[], k: number): boolean {
    const n = phrase.length
    if (k - n + 1 < 0) return false
    for (let j = 0; j < n; j++) {
      const word = this.words[k - n + 1 + j]
      if (word.value !== phrase[j] && !(j === 0 && word.lower === phrase[j].toLowerCase() && phrase[j] === 'the')) return false
      if (j > 0 && !this.adjacent(k - n + j)) return false
    }
    return true
  }
}
