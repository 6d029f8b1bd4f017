/**
 * The words of a text, as the word phrases (src/match/word-phrases.ts) read them:
 * runs of letters and digits joined by `' ’ -` (and `. ,` between digits),
 * found in one charCode pass; and
 * how the words stand to each other (adjacent, sentence starts, the sentence
 * around a word).
 */
import {classOf, LETTER, NUMBER, OTHER} from '../char-class.js'

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
 * (a Unicode regex over the whole text is several times slower).
 */
export function scanWords(text: string): Word[] {
  const words: Word[] = []
  const n = text.length
  let i = 0
  while (i < n) {
    // Skip to the start of a word.
    const first = classAt(text, i)
    if (first !== LETTER && first !== NUMBER) {
      i += widthAt(text, i)
      continue
    }
    const start = i
    let lastClass = first
    i += widthAt(text, i)
    for (;;) {
      // The rest of the run of letters and numbers.
      while (i < n) {
        const cls = classAt(text, i)
        if (cls !== LETTER && cls !== NUMBER) break
        lastClass = cls
        i += widthAt(text, i)
      }
      if (i + 1 >= n) break
      // A joiner followed by a letter or number continues the word: ' ’ - always, . , between numbers.
      const joiner = text.charCodeAt(i)
      const apostrophe = joiner === 0x27 || joiner === 0x2019 || joiner === 0x2d
      if (!apostrophe && ((joiner !== 0x2e && joiner !== 0x2c) || lastClass !== NUMBER)) break
      const next = classAt(text, i + 1)
      if (apostrophe ? next !== LETTER && next !== NUMBER : next !== NUMBER) break
      lastClass = next
      i += 1 + widthAt(text, i + 1)
    }
    words.push(new Word(text, start, i))
  }
  return words
}

function classAt(text: string, i: number): number {
  const code = text.charCodeAt(i)
  if (code < 0x80) {
    if (((code | 0x20) - 0x61) >>> 0 <= 25) return LETTER
    return code >= 0x30 && code <= 0x39 ? NUMBER : OTHER
  }
  return classOf(text.codePointAt(i)!)
}

/** 2 at a surrogate pair, else 1. */
function widthAt(text: string, i: number): number {
  const c = text.charCodeAt(i)
  if (c < 0xd800 || c > 0xdbff) return 1
  const d = text.charCodeAt(i + 1)
  return d >= 0xdc00 && d <= 0xdfff ? 2 : 1
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
