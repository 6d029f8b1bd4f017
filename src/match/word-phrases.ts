/**
 * Phrases read as words (calque): each token of a phrase matches one word of
 * the text (words are joined by spaces, tabs or no-break spaces only, and are
 * those of scanWords, word-text.ts); a phrase may also name the words around
 * it (its filters). The phrases are one `every` group of the phrase matcher
 * (phrases.ts): each phrase becomes the regex of its tokens, keyed by its first
 * words, and the text is read in that matcher's one scan.
 */
import {addGroup, findPhrases, newPhraseSet, type PhraseSet, type Term} from './phrases.js'
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
 * A token's regex, case-sensitive so that it can tell `{Cap}`: a literal word is
 * matched as the text's word lower-cased (each letter as its lower and upper
 * case), and every token ends where a word of scanWords ends.
 */
const WORD = "[\\p{L}\\p{N}]+(?:(?:['’-]|(?<=\\p{N})[.,](?=\\p{N}))[\\p{L}\\p{N}]+)*"
/** Not inside a word of scanWords: no letter or digit before, nor one and a joiner, nor a digit and `. ,` before a digit. */
const WORD_START = "(?<![\\p{L}\\p{N}]|[\\p{L}\\p{N}]['’-])(?<!\\p{N}[.,](?=\\p{N}))"
const WORD_END = "(?![\\p{L}\\p{N}]|['’-][\\p{L}\\p{N}]|(?<=\\p{N})[.,]\\p{N})"
const GAP = '[ \\t\\u00a0]+'
/** `{n}`: a word of digits, maybe with `. ,` between them. */
const NUMBER_WORD = '\\p{N}+(?:[.,]\\p{N}+)*'

/** A literal word as the regex of the text's words whose lower case it is; undefined when no word of the text is that. */
function literalSource(word: string): string | undefined {
  const words = scanWords(word)
  if (words.length !== 1 || words[0].start !== 0 || words[0].end !== word.length) return undefined
  let out = ''
  for (const ch of word) {
    const upper = ch.toUpperCase()
    const escaped = /[\\^$.*+?()[\]{}|/]/.test(ch) ? '\\' + ch : ch
    out += upper !== ch && [...upper].length === 1 && upper.toLowerCase() === ch ? `[${ch}${upper}]` : escaped
  }
  return out
}

/** A token's regex: one capture group (the word it took), then the end of the word. */
function tokenSource(tok: WordToken): string {
  const alts: string[] = []
  for (const alt of tok.alts) {
    const source = literalSource(alt)
    if (source !== undefined) alts.push(source)
  }
  if (tok.num) alts.push(NUMBER_WORD)
  if (tok.cap) alts.push(`(?=\\p{Lu})${WORD}`)
  if (tok.any) alts.push(WORD)
  return `((?:${alts.join('|') || '(?!)'}))${WORD_END}`
}

/** The regex source of a phrase's tokens: one capture group per token (undefined for an optional token left out). */
export function wordPhraseSource(tokens: WordToken[]): string {
  return tokens.map((tok, t) => (t === 0 ? tokenSource(tok) : tok.optional ? `(?:${GAP}${tokenSource(tok)})?` : GAP + tokenSource(tok))).join('')
}

/** Word phrases compiled as one group of the phrase matcher. */
export interface WordPhrases<P extends WordPhrase> {
  set: PhraseSet
  group: number
  /** Per term of the group: its phrase and its place in the list. */
  byTerm: Map<Term, {phrase: P; order: number}>
}

export function wordPhrases<P extends WordPhrase>(phrases: P[]): WordPhrases<P> {
  const set = newPhraseSet()
  const byTerm = new Map<Term, {phrase: P; order: number}>()
  const terms = phrases.map((phrase, order) => {
    const term: Term = {text: phrase.pattern, source: wordPhraseSource(phrase.tokens)}
    byTerm.set(term, {phrase, order})
    return term
  })
  const group = addGroup(set, {collect: true, every: true, caseInSource: true, before: WORD_START, after: ''}, terms, true, true)
  return {set, group, byTerm}
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

/** The word of `words` (sorted) that starts at `offset`, or ends there (`end`); -1 when none. */
function wordAt(words: Word[], offset: number, end: boolean): number {
  let lo = 0
  let hi = words.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const at = end ? words[mid].end : words[mid].start
    if (at === offset) return mid
    if (at < offset) lo = mid + 1
    else hi = mid - 1
  }
  return -1
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
  const words = (seq.words = scanWords(seq.text))
  const hits = findPhrases(compiled.set, compiled.group, seq.text).flatMap((match) => {
    const {phrase, order} = compiled.byTerm.get(match.term)!
    if (!applies(phrase)) return []
    const i = wordAt(words, match.index, false)
    const first = phrase.tokens[0]
    const rank = first.cap || first.any ? 2 : first.alts.has(words[i].lower) ? 0 : 1
    return [{phrase, i, last: wordAt(words, match.index + match.text.length, true), rank, order, parts: match.parts!}]
  })
  hits.sort((a, b) => a.i - b.i || a.rank - b.rank || a.order - b.order)
  for (const {phrase, i, last, parts} of hits) {
    if (filtersPass(seq, phrase, i, last)) found(phrase, i, last, phrase.tokens.map((_, t) => parts[t] ?? ''))
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
