/**
 * Phrases read as words (calque): each token of a phrase matches one word of
 * the text (words are joined by spaces, tabs or no-break spaces only, and are
 * those of scanWords, word-text.ts); a phrase may also name the words around
 * it (its filters). The phrases are one `every` group of the phrase matcher
 * (phrases.ts): each phrase is keyed by its first words and becomes the regex of
 * its tokens in a word line (wordLine). scanWords reads the text once and
 * passes on the words a phrase may start at (runFilter); the matcher reads only
 * those, and confirms each in the word line of the words from it.
 */
import {buildSet, findPhrasesAtWords, runFilter, type GroupSpec, type PhraseSet, type Term} from './phrases.js'
import type {RunFilter} from './scan.js'
import {PhraseSyntaxError, readPattern} from './syntax.js'
import {ONE_WORD, scanWords, type Word, type WordText} from './word-text.js'

/** One token of a word phrase: its literal alternatives (lower case) or a placeholder, maybe optional. */
export interface WordToken {
  alts: Set<string>
  num: boolean
  cap: boolean
  any: boolean
  optional: boolean
}

/** A phrase of word tokens and the filters around it. */
export interface WordPhrase {
  /** The phrase as written (src/match/syntax.ts). */
  pattern: string
  tokens: WordToken[]
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

/*
 * The phrases are matched in the text's word line (wordLine): each word of
 * scanWords in lower case followed by one mark of its kind, the words joined by
 * a space when only spaces, tabs or no-break spaces stand between them and by a
 * line break otherwise. A token is then a plain regex of that line (a literal
 * word, a word of a kind), with none of the Unicode classes that made each
 * phrase's regex cost milliseconds to compile.
 */
/** The marks of a word's kind in the line, and their regexes. */
const MARKS = {plain: '\x01', capital: '\x02', number: '\x03'}
const CAPITAL = '\\x02'
const NUMBER = '\\x03'
const KIND = '[\\x01-\\x03]'
/** A word of the line: anything up to its kind's mark. */
const BODY = '[^ \\n\\x01-\\x03]+'
/** At the start of a word of the line. */
const LINE_WORD_START = '(?<![^ \\n])'
/** `{n}`: a word of digits, maybe with `. ,` between them. */
const NUMBER_WORD = /^\p{N}+(?:[.,]\p{N}+)*$/u
const CAPITALISED = /^\p{Lu}/u
const SPECIAL = /[\\^$.*+?()[\]{}|/]/g

/** The mark of a word's kind: a number, a capitalised word, any other. */
function kindOf(word: Word): string {
  const value = word.value
  const first = value.charCodeAt(0)
  // ASCII first letters (most words) need no Unicode regex.
  if (first >= 0x61 && first <= 0x7a) return MARKS.plain
  if (first >= 0x41 && first <= 0x5a) return MARKS.capital
  return NUMBER_WORD.test(value) ? MARKS.number : CAPITALISED.test(value) ? MARKS.capital : MARKS.plain
}

/** The word line of words i to last - 1 (see above). */
export function wordLine(seq: WordText, words: Word[], i: number, last: number): string {
  let line = ''
  for (let j = i; j < last; j++) {
    if (j > i) line += seq.adjacent(j - 1) ? ' ' : '\n'
    line += words[j].lower + kindOf(words[j])
  }
  return line
}

/** A literal word as the regex of itself in the line; undefined when no word of a text is that. */
function literalSource(word: string): string | undefined {
  // (The pattern, not scanWords: run on hundreds of short words at set-up, scanWords would be
  // optimised for them, and read the documents after at about half its speed.)
  if (!ONE_WORD.test(word)) return undefined
  return word.replace(SPECIAL, '\\$&') + KIND
}

/** A token's regex: one word of the line, with its mark. */
function tokenSource(tok: WordToken): string {
  const alts: string[] = []
  for (const alt of tok.alts) {
    const source = literalSource(alt)
    if (source !== undefined) alts.push(source)
  }
  if (tok.num) alts.push(BODY + NUMBER)
  if (tok.cap) alts.push(BODY + CAPITAL)
  if (tok.any) alts.push(BODY + KIND)
  return `(?:${alts.join('|') || '(?!)'})`
}

/** The regex source of a phrase's tokens in the word line: a capture group per optional token (undefined when left out). */
export function wordPhraseSource(tokens: WordToken[]): string {
  return tokens.map((tok, t) => (t === 0 ? tokenSource(tok) : tok.optional ? `( ${tokenSource(tok)})?` : ' ' + tokenSource(tok))).join('')
}

/** Word phrases compiled as one group of the phrase matcher. */
export interface WordPhrases<P extends WordPhrase> {
  set: PhraseSet
  group: number
  /** Per term of the group: its phrase and its place in the list. */
  byTerm: Map<Term, {phrase: P; order: number}>
  /** The words a phrase may start at, told as scanWords reads them (undefined: every word). */
  filter: RunFilter | undefined
}

/**
 * A phrase as a term of the matcher. Its regex source is built when a regex that holds the
 * term is first compiled: most of a long list never is in one run, and building them all was
 * most of calque's start-up. Its reach is read only for the phrases tried at a word (a
 * phrase's tokens may be read on first use).
 */
class WordTerm implements Term {
  readonly text: string
  private written: string | undefined
  constructor(private readonly phrase: WordPhrase) {
    this.text = phrase.pattern
  }
  get source(): string {
    return (this.written ??= wordPhraseSource(this.phrase.tokens))
  }
  get reach(): number {
    return this.phrase.tokens.length
  }
}

/**
 * The phrases as one group of the phrase matcher; `makeSet` builds the set of
 * that group (the built-in phrases' comes from the build: src/data/phrase-sets.ts).
 */
export function wordPhrases<P extends WordPhrase>(phrases: P[], makeSet: (specs: GroupSpec[]) => PhraseSet = buildSet): WordPhrases<P> {
  const byTerm = new Map<Term, {phrase: P; order: number}>()
  const terms = phrases.map((phrase, order) => {
    const term = new WordTerm(phrase)
    byTerm.set(term, {phrase, order})
    return term
  })
  const set = makeSet([{group: {collect: true, every: true, caseInSource: true, before: LINE_WORD_START, after: ''}, terms, caseless: true, syntax: true}])
  return {set, group: 0, byTerm, filter: runFilter(set)}
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
 * Every phrase that matches at a word of `seq` and passes its filters, the
 * phrases of each word in list order (those its first word names, then those
 * of a number, then those of a capital or any word): `found(phrase, i, last,
 * values)` with the first and last word matched and each token's word ('' for
 * an optional one left out). Sets `seq.words`.
 */
export function matchWordPhrases<P extends WordPhrase>(
  compiled: WordPhrases<P>,
  seq: WordText,
  found: (phrase: P, i: number, last: number, values: string[]) => void,
  applies: (phrase: P) => boolean = () => true
): void {
  const candidates: number[] = []
  const words = (seq.words = scanWords(seq.text, compiled.filter, candidates))
  // The matcher reads the words' first runs; a candidate is read in the word line of the words from it, as many as its phrases take.
  const view = (_start: number, reach: number, i: number) => wordLine(seq, words, i, Math.min(words.length, i + reach))
  const hits: Array<{phrase: P; i: number; rank: number; order: number; parts: Array<string | undefined>}> = []
  for (const match of findPhrasesAtWords(compiled.set, compiled.group, seq.text, words, view, compiled.filter ? candidates : undefined)) {
    const {phrase, order} = compiled.byTerm.get(match.term)!
    if (!applies(phrase)) continue
    const i = match.word!
    const first = phrase.tokens[0]
    const rank = first.cap || first.any ? 2 : first.alts.has(words[i].lower) ? 0 : 1
    hits.push({phrase, i, rank, order, parts: match.parts!})
  }
  hits.sort((a, b) => a.i - b.i || a.rank - b.rank || a.order - b.order)
  for (const {phrase, i, parts} of hits) {
    // Each token took the next word, but an optional one left out (its capture undefined).
    const values: string[] = []
    let w = i
    let optional = 0
    for (const tok of phrase.tokens) values.push(tok.optional && parts[optional++] === undefined ? '' : words[w++].value)
    const last = w - 1
    if (filtersPass(seq, phrase, i, last)) found(phrase, i, last, values)
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
