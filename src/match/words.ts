/**
 * Phrases of words: each token of a phrase matches one word of the text
 * (words are joined by spaces or tabs only), indexed by their first word and
 * quick-rejected by the words after it. The text is read once (scanWords),
 * each word's id found by walking a trie as it is read.
 */
import {classOf, LETTER, NUMBER, OTHER} from '../char-class.js'
import {NONE, WordTrie} from './word-trie.js'
import {PhraseSyntaxError, readPattern} from './syntax.js'

/** One token of a word phrase: its literal alternatives (lower case) or a placeholder, maybe optional. */
export interface WordToken {
  alts: Set<string>
  num: boolean
  cap: boolean
  any: boolean
  optional: boolean
}

/** A phrase of word tokens, as the index keeps it. */
export interface WordPhrase {
  tokens: WordToken[]
  /**
   * Quick reject: for the tokens after the first, up to the first optional one, the trie ids of the
   * words a plain token (no `{n}`, `{Cap}`, `{word}`) accepts; the word that far ahead must be one.
   */
  ahead?: Array<Set<number> | undefined>
}

/** The entries of one first word, in index order. */
interface Bucket<P> {
  all: P[]
  /** The entries that can match when the next word has this id; `rest` for any other next word. */
  byNext: Map<number, P[]>
  rest: P[]
}

function bucket<P extends WordPhrase>(all: P[]): Bucket<P> {
  const byNext = new Map<number, P[]>()
  for (const c of all) for (const id of c.ahead?.[0] ?? []) byNext.set(id, [])
  for (const [id, list] of byNext) for (const c of all) if (!c.ahead?.[0] || c.ahead[0].has(id)) list.push(c)
  return {all, byNext, rest: all.filter((c) => !c.ahead?.[0])}
}

export interface WordIndex<P> {
  byWord: Map<string, P[]>
  /** The first words (keys of `byWord`) and the words of `ahead`, by id: a word is looked up without slicing it. */
  trie: WordTrie
  /** `byWord` by the trie's ids. */
  byId: Array<Bucket<P> | undefined>
  byNum: P[]
  byCap: P[]
  all: P[]
}

/** Index phrases by first word (in their order): those that start with `{n}`, `{Cap}` or `{word}` are tried at every such word. */
export function wordIndex<P extends WordPhrase>(phrases: P[]): WordIndex<P> {
  const index: WordIndex<P> = {byWord: new Map(), byNum: [], byCap: [], all: [], trie: new WordTrie([]), byId: []}
  for (const phrase of phrases) {
    index.all.push(phrase)
    const first = phrase.tokens[0]
    if (first.num) index.byNum.push(phrase)
    if (first.cap || first.any) index.byCap.push(phrase)
    else {
      for (const alt of first.alts) {
        const list = index.byWord.get(alt) ?? []
        list.push(phrase)
        index.byWord.set(alt, list)
      }
    }
  }
  withIds(index, index.byWord)
  return index
}

/** Build the trie over `byWord`'s keys and the plain words ahead; set `ahead` and `byId`. */
function withIds<P extends WordPhrase>(index: WordIndex<P>, byWord: Map<string, P[]>): void {
  const ids = new Map<string, number>()
  const idOf = (word: string) => {
    let id = ids.get(word)
    if (id === undefined) ids.set(word, (id = ids.size))
    return id
  }
  const firsts = [...byWord].map(([word, list]) => [idOf(word), list] as const)
  for (const c of index.all) {
    const ahead: Array<Set<number> | undefined> = []
    for (let t = 1; t < c.tokens.length && !c.tokens[t].optional; t++) {
      const tok = c.tokens[t]
      ahead.push(tok.num || tok.cap || tok.any ? undefined : new Set([...tok.alts].map(idOf)))
    }
    if (ahead.some((set) => set !== undefined)) c.ahead = ahead
  }
  index.byId = []
  for (const [id, list] of firsts) index.byId[id] = bucket(list)
  index.trie = new WordTrie([...ids.keys()])
}

/** The index with only the phrases that `applies` keeps (order kept; same trie and ids). */
export function filterIndex<P extends WordPhrase>(index: WordIndex<P>, applies: (phrase: P) => boolean): WordIndex<P> {
  const active: WordIndex<P> = {
    byWord: new Map(),
    byNum: index.byNum.filter(applies),
    byCap: index.byCap.filter(applies),
    all: index.all.filter(applies),
    trie: index.trie,
    byId: []
  }
  for (const [word, list] of index.byWord) {
    const kept = list.filter(applies)
    if (kept.length > 0) active.byWord.set(word, kept)
  }
  active.byId = index.byId.map((b) => {
    const kept = b?.all.filter(applies)
    return kept && kept.length > 0 ? bucket(kept) : undefined
  })
  return active
}

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

export function tokenMatches(tok: WordToken, word: Word): boolean {
  if (tok.alts.has(word.lower)) return true
  if (tok.num && /^\p{N}[\p{N}.,]*$/u.test(word.value)) return true
  if (tok.cap && /^\p{Lu}/u.test(word.value)) return true
  return tok.any
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

  /** Match tokens starting at word i: the index of the last word matched, or -1. */
  matchPhrase(tokens: WordToken[], i: number): number {
    const go = (t: number, w: number): number => {
      if (t === tokens.length) return w - 1
      const tok = tokens[t]
      const word = this.words[w]
      const linked = t === 0 || this.adjacent(w - 1)
      if (word && linked && tokenMatches(tok, word)) {
        const r = go(t + 1, w + 1)
        if (r >= 0) return r
      }
      if (tok.optional) return go(t + 1, w)
      return -1
    }
    return go(0, i)
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
}

/**
 * Every phrase of `index` that matches at a word of `seq`, in index order at
 * each word (by first word, then by number, then by capital): `found(phrase, i, last)`
 * with the first and last word matched.
 */
export function matchWords<P extends WordPhrase>(index: WordIndex<P>, seq: WordText, found: (phrase: P, i: number, last: number) => void): void {
  const {words, numeric, ids} = scanWords(seq.text, index.trie)
  seq.words = words
  const idAt = (k: number): number => (k < words.length ? ids[k] : -1)
  const tryPhrase = (c: P, i: number) => {
    if (c.ahead) {
      for (let t = 0; t < c.ahead.length; t++) if (c.ahead[t] && !c.ahead[t]!.has(idAt(i + 1 + t))) return
    }
    const last = seq.matchPhrase(c.tokens, i)
    if (last >= 0) found(c, i, last)
  }
  for (let i = 0; i < words.length; i++) {
    const id = idAt(i)
    const entries = id >= 0 ? index.byId[id] : undefined
    const byWord = entries?.all
    if (entries) for (const c of entries.byNext.get(idAt(i + 1)) ?? entries.rest) tryPhrase(c, i)
    if (numeric[i] === 1) for (const c of index.byNum) if (!byWord?.includes(c)) tryPhrase(c, i)
    for (const c of index.byCap) tryPhrase(c, i)
  }
}

/**
 * The tokens of a phrase pattern (src/match/syntax.ts, docs/rule-data.md) read
 * as words: each chunk is one word, `(a|b)` one of several words, `[x]` an
 * optional word (never the first), `{n}` a number, `{Cap}` a capitalised word,
 * `{word}` any word; a placeholder may stand among alternatives (`({n}|two)`).
 * Throws a PhraseSyntaxError when malformed.
 */
export function wordTokens(phrase: string): WordToken[] {
  const tokens = readPattern(phrase).map((part) => {
    if (part.kind === 'opt') {
      const [only] = part.parts
      if (part.parts.length !== 1 || only.kind !== 'chunk') throw new PhraseSyntaxError(phrase, 'an optional part must be one word')
      return {...chunkToken(only.text, phrase), optional: true}
    }
    return chunkToken(part.text, phrase)
  })
  if (tokens.length === 0 || tokens[0].optional) throw new PhraseSyntaxError(phrase, 'the first word must not be optional')
  return tokens
}

/** What a word token holds: a word (letters and digits, inner `' ’ - . , & /`) or a placeholder. */
const WORD_LITERAL = /^[\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N}'’.,&/-]|\\.)*$/u

function chunkToken(chunk: string, phrase: string): WordToken {
  const group = chunk.startsWith('(') && chunk.endsWith(')')
  const alts = new Set<string>()
  let num = false
  let cap = false
  let any = false
  for (const alt of group ? chunk.slice(1, -1).split('|') : [chunk]) {
    if (alt === '{n}') num = true
    else if (alt === '{Cap}') cap = true
    else if (alt === '{word}') any = true
    else if (alt.length === 0) throw new PhraseSyntaxError(phrase, 'empty alternative')
    else if (!WORD_LITERAL.test(alt)) throw new PhraseSyntaxError(phrase, `"${alt}": ${wordProblem(alt)}`)
    else alts.add(alt.replace(/\\(.)/g, '$1').toLowerCase())
  }
  return {alts, num, cap, any, optional: false}
}

/** Why a chunk is not a word token, naming the spelling meant when it is a common slip. */
function wordProblem(alt: string): string {
  if (/[()]/.test(alt)) return 'a group of alternatives is a whole word token, (a|b)'
  if (alt.includes('|')) return 'alternatives are written in parentheses, (a|b)'
  if (alt.endsWith('?')) return 'an optional word is written in brackets, [x]'
  if (/\s/.test(alt)) return 'an alternative of a phrase read as words is one word'
  if (alt === '{num}') return 'a number is written {n}'
  if (alt.startsWith('{')) return 'a phrase read as words takes the placeholders {n}, {Cap} and {word}'
  return 'a phrase read as words holds words, (a|b), [x], {n}, {Cap} or {word}'
}
