/**
 * Phrases of words: each token of a phrase matches one word of the text
 * (words are joined by spaces or tabs only), indexed by their first word and
 * quick-rejected by the words after it; a phrase may also name the words
 * around it (its filters). The text is read once (scanWords, word-text.ts),
 * each word's id found by walking a trie as it is read.
 */
import {WordTrie} from './word-trie.js'
import {PhraseSyntaxError, readPattern} from './syntax.js'
import {scanWords, type Word, type WordText} from './word-text.js'

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
  /** The word before the match must (not) be one of these (see wordFilter). */
  prev?: Set<string>
  prevNot?: Set<string>
  /** The word after the match must (not) be one of these. */
  next?: Set<string>
  nextNot?: Set<string>
  /** The match's sentence must (not) hold one of these words (lower case). */
  near?: Set<string>
  nearNot?: Set<string>
}

/**
 * A filter of the words around a phrase: words (any case) and `{start}` (the match starts a
 * sentence), `{punct}` (punctuation on that side), `{end}` (the clause ends after the match:
 * `. ! ? ; )`, a closing quote, a line break or the end), `{num}` (a word that starts with a
 * digit), `{Cap}` (a capitalised word).
 */
export function wordFilter(list: readonly string[] | undefined): Set<string> | undefined {
  return list ? new Set(list.map((w) => (w.startsWith('{') ? w : w.toLowerCase()))) : undefined
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

export function tokenMatches(tok: WordToken, word: Word): boolean {
  if (tok.alts.has(word.lower)) return true
  if (tok.num && /^\p{N}[\p{N}.,]*$/u.test(word.value)) return true
  if (tok.cap && /^\p{Lu}/u.test(word.value)) return true
  return tok.any
}

/** The text of each token in the words of a match ('' for an optional token left out). */
export function tokenValues(tokens: WordToken[], matched: Word[]): string[] {
  const values: string[] = []
  let w = 0
  for (const tok of tokens) {
    const word = matched[w]
    if (word && tokenMatches(tok, word)) {
      values.push(word.value)
      w++
    } else values.push('')
  }
  return values
}

/** Match tokens starting at word i of `seq`: the index of the last word matched, or -1. */
function matchTokens(seq: WordText, tokens: WordToken[], i: number): number {
  const go = (t: number, w: number): number => {
    if (t === tokens.length) return w - 1
    const tok = tokens[t]
    const word = seq.words[w]
    const linked = t === 0 || seq.adjacent(w - 1)
    if (word && linked && tokenMatches(tok, word)) {
      const r = go(t + 1, w + 1)
      if (r >= 0) return r
    }
    if (tok.optional) return go(t + 1, w)
    return -1
  }
  return go(0, i)
}

/** Word w, next to the match `from` on `side`, passes a filter (wordFilter). */
function filterMatches(seq: WordText, set: Set<string>, w: number, side: 'prev' | 'next', from: number): boolean {
  const word = seq.words[w]
  const linked = side === 'prev' ? w >= 0 && seq.adjacent(w) : w < seq.words.length && seq.adjacent(w - 1)
  if (set.has('{start}') && side === 'prev' && seq.sentenceStart(from)) return true
  if (set.has('{punct}')) {
    const ch = side === 'prev' ? seq.charBefore(seq.words[from].start).ch : seq.charAfter(seq.words[from].end)
    if (ch !== '' && !/[\p{L}\p{N}]/u.test(ch)) return true
  }
  if (set.has('{end}') && side === 'next') {
    const ch = seq.charAfter(seq.words[from].end)
    if (ch === '' || /[.!?\n;)”"»]/u.test(ch)) return true
  }
  if (!word || !linked) return false
  if (set.has(word.lower)) return true
  if (set.has('{num}') && /^\p{N}/u.test(word.value)) return true
  if (set.has('{Cap}') && /^\p{Lu}/u.test(word.value)) return true
  return false
}

/** The match of words i to last passes the phrase's filters. */
function filtersPass(seq: WordText, c: WordPhrase, i: number, last: number): boolean {
  if (c.prev && !filterMatches(seq, c.prev, i - 1, 'prev', i)) return false
  if (c.prevNot && filterMatches(seq, c.prevNot, i - 1, 'prev', i)) return false
  if (c.next && !filterMatches(seq, c.next, last + 1, 'next', last)) return false
  if (c.nextNot && filterMatches(seq, c.nextNot, last + 1, 'next', last)) return false
  if (c.near || c.nearNot) {
    const words = seq.sentenceWords(i)
    if (c.near && !words.some((w) => c.near!.has(w))) return false
    if (c.nearNot && words.some((w) => c.nearNot!.has(w))) return false
  }
  return true
}

/**
 * Every phrase of `index` that matches at a word of `seq` and passes its
 * filters, in index order at each word (by first word, then by number, then
 * by capital): `found(phrase, i, last)` with the first and last word matched.
 */
export function matchWords<P extends WordPhrase>(index: WordIndex<P>, seq: WordText, found: (phrase: P, i: number, last: number) => void): void {
  const {words, numeric, ids} = scanWords(seq.text, index.trie)
  seq.words = words
  const idAt = (k: number): number => (k < words.length ? ids[k] : -1)
  const tryPhrase = (c: P, i: number) => {
    if (c.ahead) {
      for (let t = 0; t < c.ahead.length; t++) if (c.ahead[t] && !c.ahead[t]!.has(idAt(i + 1 + t))) return
    }
    const last = matchTokens(seq, c.tokens, i)
    if (last >= 0 && filtersPass(seq, c, i, last)) found(c, i, last)
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
