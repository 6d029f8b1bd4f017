/**
 * The words of a text, as the word phrases (src/match/word-phrases.ts) read them:
 * runs of letters and digits joined by `' ’ -` (and `. ,` between digits),
 * found in one charCode pass; and
 * how the words stand to each other (adjacent, sentence starts, the sentence
 * around a word).
 */
import {classOf, LETTER, NUMBER, OTHER} from '../char-class.js'
import {pair, slot, type RunFilter} from './scan.js'

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

/** A string that is one word as scanWords reads words (its pattern, anchored). */
export const ONE_WORD = /^[\p{L}\p{N}]+(?:(?:['’-]|(?<=\p{N})[.,](?=\p{N}))[\p{L}\p{N}]+)*$/u

/**
 * The words of a text: the matches of
 * `[\p{L}\p{N}]+(?:(?:['’-]|(?<=\p{N})[.,](?=\p{N}))[\p{L}\p{N}]+)*`, found with one charCode pass
 * (a Unicode regex over the whole text is several times slower); ASCII is classed inline.
 * With a `filter`, the indexes of the words it passes are pushed on `candidates`, in order: the hash of
 * each word's first run (up to a joiner) is taken as src/match/scan.ts `hash` takes it, ASCII letters lowercased.
 */
export function scanWords(text: string, filter?: RunFilter, candidates?: number[]): Word[] {
  const words: Word[] = []
  const n = text.length
  const slots = filter?.slots
  const pairs = filter?.pairs
  const numbers = filter?.numbers === true
  /** A one-run word whose slot asks for its pair with the next word's first run (-1: none), and its hash. */
  let pending = -1
  let pendingHash = 0
  let i = 0
  while (i < n) {
    // Skip to the start of a word.
    let code = text.charCodeAt(i)
    let cls: number
    let width = 1
    if (code < 0x80) cls = asciiClass(code)
    else {
      const cp = text.codePointAt(i)!
      if (cp > 0xffff) width = 2
      cls = classOf(cp)
    }
    if (cls !== LETTER && cls !== NUMBER) {
      i += width
      continue
    }
    const start = i
    const first = cls
    let lastClass = cls
    // The first run: its hash, whether it is ASCII, where it ends.
    let h = 0
    let ascii = true
    let runEnd = -1
    for (;;) {
      // The rest of the run of letters and numbers.
      for (;;) {
        if (runEnd < 0) {
          if (code < 0x80) h = (Math.imul(h, 31) + (code >= 65 && code <= 90 ? code + 32 : code)) | 0
          else {
            ascii = false
            h = (Math.imul(h, 31) + code) | 0
            if (width === 2) h = (Math.imul(h, 31) + text.charCodeAt(i + 1)) | 0
          }
        }
        lastClass = cls
        i += width
        if (i >= n) break
        code = text.charCodeAt(i)
        width = 1
        if (code < 0x80) cls = asciiClass(code)
        else {
          const cp = text.codePointAt(i)!
          if (cp > 0xffff) width = 2
          cls = classOf(cp)
        }
        if (cls !== LETTER && cls !== NUMBER) break
      }
      if (runEnd < 0) runEnd = i
      if (i + 1 >= n) break
      // A joiner followed by a letter or number continues the word: ' ’ - always, . , between numbers.
      const joiner = text.charCodeAt(i)
      const apostrophe = joiner === 0x27 || joiner === 0x2019 || joiner === 0x2d
      if (!apostrophe && ((joiner !== 0x2e && joiner !== 0x2c) || lastClass !== NUMBER)) break
      code = text.charCodeAt(i + 1)
      width = 1
      if (code < 0x80) cls = asciiClass(code)
      else {
        const cp = text.codePointAt(i + 1)!
        if (cp > 0xffff) width = 2
        cls = classOf(cp)
      }
      if (apostrophe ? cls !== LETTER && cls !== NUMBER : cls !== NUMBER) break
      i += 1
    }
    if (slots) {
      const k = words.length
      if (pending >= 0) {
        if (!ascii || pairs![slot(pair(pendingHash, h))]) candidates!.push(pending)
        pending = -1
      }
      const marked = slots[slot(h)]
      if (!ascii || marked === 1 || (numbers && first === NUMBER)) candidates!.push(k)
      else if (marked === 2) {
        // A word of more runs pairs with its own second run: the matcher tells.
        if (runEnd < i) candidates!.push(k)
        else {
          pending = k
          pendingHash = h
        }
      }
    }
    words.push(new Word(text, start, i))
  }
  // The last word pairs with no run (hash 0).
  if (pending >= 0 && pairs![slot(pair(pendingHash, 0))]) candidates!.push(pending)
  return words
}

function asciiClass(code: number): number {
  if (((code | 0x20) - 0x61) >>> 0 <= 25) return LETTER
  return code >= 0x30 && code <= 0x39 ? NUMBER : OTHER
}

/** The words of a text, and how they stand to each other. */
export class WordText {
  constructor(
    readonly text: string,
    /** Set by matchWordPhrases. */
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
