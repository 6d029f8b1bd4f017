/**
 * Phrases that must be a whole unit (a line, a sentence, a label and its
 * separator): indexed by their first word, so that a unit is only tested
 * against the few phrases that can start with its first word (plus those that
 * start with a placeholder), each word's regex compiled the first time a unit
 * starts with it.
 */
import {phraseSource} from './syntax.js'

/**
 * Phrases indexed by their first word, so that a sentence is only tested
 * against the few phrases that can start with its first word (plus those that
 * start with a placeholder). Each per-word regex has one capture group per entry.
 */
export class PhraseIndex<E> {
  /** Phrases per first word; a word's regex is compiled the first time a text starts with it. */
  private readonly byWord = new Map<string, Array<[E, string]> | Bucket<E>>()
  private wildPairs: Array<[E, string]> | undefined
  private wildBucket: Bucket<E> | undefined
  /** Per placeholder-first phrase, what a text needs to match it (see skipWild). */
  private wildNeeds: WildNeed[] | undefined

  constructor(
    pairs: Array<[E, string]>,
    private readonly wrap: (alternation: string) => string,
    /** The wrap ends with TRAIL (the phrase ends the unit): phrases can be ruled out by their last word. */
    private readonly endAnchored = false
  ) {
    for (const pair of pairs) {
      const words = firstWords(pair[1])
      // A phrase that can start with a placeholder (`({n}|two) years`) is tried on every unit: once.
      if (words.includes(WILD)) {
        ;(this.wildPairs ??= []).push(pair)
        continue
      }
      for (const word of words) {
        const bucket = (this.byWord.get(word) as Array<[E, string]> | undefined) ?? []
        bucket.push(pair)
        this.byWord.set(word, bucket)
      }
    }
  }

  // One group per phrase, longest first: "Read also the {word}" is tried before "Read also".
  private build(pairs: Array<[E, string]>): Bucket<E> {
    const sorted = pairs.map(([entry, phrase]) => [entry, phraseSource(phrase)] as const).sort((a, b) => b[1].length - a[1].length)
    return {
      regex: new RegExp(this.wrap(sorted.map(([, source]) => `(${source})`).join('|')), 'iu'),
      groups: sorted.map(([entry]) => entry),
      sources: sorted.map(([, source]) => source)
    }
  }

  private bucketOf(word: string | undefined): Bucket<E> | undefined {
    if (word === undefined) return undefined
    const stored = this.byWord.get(word)
    if (!Array.isArray(stored)) return stored
    const bucket = this.build(stored)
    this.byWord.set(word, bucket)
    return bucket
  }

  private wild(): Bucket<E> | undefined {
    if (this.wildPairs && !this.wildBucket) {
      this.wildBucket = this.build(this.wildPairs)
      this.wildNeeds = this.wildPairs.map(([, phrase]) => wildNeed(phrase, this.endAnchored))
    }
    return this.wildBucket
  }

  /**
   * The placeholder-first phrases are tried on every unit: skip them when each one is
   * ruled out on char codes, by the unit's first character (`{n} …` needs a digit) or its
   * last word (`… with AFP` needs `AFP` to end the unit).
   */
  private skipWild(text: string, word: string | undefined): boolean {
    const needs = this.wildNeeds
    if (!needs) return false
    const digit = word !== undefined && word.charCodeAt(0) >= 48 && word.charCodeAt(0) <= 57
    let last: string | null | undefined
    let second: string | null | undefined
    for (const need of needs) {
      if (need.digit && !digit) continue
      if (need.secondWords) {
        if (second === undefined) second = secondWordOf(text)
        if (second !== null && !need.secondWords.has(second)) continue
      }
      if (need.lastWords) {
        if (last === undefined) last = lastWordOf(text)
        if (last !== null && !need.lastWords.has(last)) continue
      }
      return false
    }
    return true
  }

  /** The bucket of placeholder-first phrases, unless `text` cannot match any of them. */
  private wildFor(text: string, word: string | undefined): Bucket<E> | undefined {
    const bucket = this.wild()
    return bucket && !this.skipWild(text, word) ? bucket : undefined
  }

  /** Whether a text whose first word (see firstWordOf) is `word` can match any phrase. */
  canStart(word: string | undefined): boolean {
    return this.wildPairs !== undefined || (word !== undefined && this.byWord.has(word))
  }

  /** Every phrase that matches, longest first (for labels, whose title is checked afterwards). */
  *execAll(text: string, word = firstWordOf(text)): Generator<{entry: E; match: RegExpExecArray}> {
    for (const bucket of [this.bucketOf(word), this.wildFor(text, word)]) {
      if (!bucket || !bucket.regex.test(text)) continue
      bucket.single ??= bucket.sources.map((source) => new RegExp(this.wrap(`(${source})`), 'iu'))
      for (let i = 0; i < bucket.single.length; i++) {
        const match = bucket.single[i].exec(text)
        if (match) yield {entry: bucket.groups[i], match}
      }
    }
  }

  /** The first phrase that matches: of the text's first word, else of the placeholder-first phrases. */
  exec(text: string, word = firstWordOf(text)): {entry: E; match: RegExpExecArray} | undefined {
    return execBucket(this.bucketOf(word), text) ?? execBucket(this.wildFor(text, word), text)
  }
}

interface WildNeed {
  /** The phrase starts with a digit (`{n}`, `{time}`): so must the unit, after bullets. */
  digit: boolean
  /** The phrase ends with one of these words (lowercase ASCII), and so must the unit (TRAIL aside). */
  lastWords?: Set<string>
  /** The phrase is `{word}` or `{n}`, then one of these words (lowercase ASCII): so is the unit. */
  secondWords?: Set<string>
}

/** Lowercase ASCII words of a chunk that is one word or a group of words (`(AFP|Reuters)`). */
function chunkWords(chunk: string): Set<string> | undefined {
  const word = /^[A-Za-z0-9]{1,30}$/.exec(chunk)
  if (word) return new Set([word[0].toLowerCase()])
  const group = /^\(((?:[A-Za-z0-9]{1,30}\|)*[A-Za-z0-9]{1,30})\)$/.exec(chunk)
  return group ? new Set(group[1].split('|').map((w) => w.toLowerCase())) : undefined
}

function wildNeed(phrase: string, endAnchored: boolean): WildNeed {
  const need: WildNeed = {digit: phraseSource(phrase).startsWith('\\d')}
  const chunks = phrase.trim().split(/\s+/)
  // `{word}` and `{n}` hold no space: the unit's second word is the phrase's second chunk.
  if ((chunks[0] === '{word}' || chunks[0] === '{n}') && chunks.length > 1) need.secondWords = chunkWords(chunks[1])
  // Anchored at the end: the unit's last word is the phrase's last chunk.
  if (endAnchored) need.lastWords = chunkWords(chunks[chunks.length - 1])
  return need
}

/** A char code of TRAIL's class: white space (as `\s`) or closing punctuation `.!?:;…»"”’)]|`. */
function isTrailCode(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13) || c === 46 || c === 33 || c === 63 || c === 58 || c === 59 || c === 34 || c === 41 || c === 93 || c === 124
  return (
    c === 0x2026 || c === 0xbb || c === 0x201d || c === 0x2019 ||
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  )
}

/**
 * The ASCII word (letters and digits, lowercase) that ends `text` before its TRAIL
 * characters: '' when none, null when non-ASCII characters make it uncertain
 * (case-insensitive matching folds a few of them onto ASCII letters).
 */
function lastWordOf(text: string): string | null {
  let end = text.length
  while (end > 0 && isTrailCode(text.charCodeAt(end - 1))) end--
  let start = end
  while (start > 0) {
    const c = text.charCodeAt(start - 1)
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) start--
    else if (c >= 128) return null
    else break
  }
  return text.slice(start, end).toLowerCase()
}

/**
 * The second word of `text` (lowercase ASCII letters and digits), as `{word}` or `{n}`
 * then white space leave it: after bullets, the first run without white space, then
 * horizontal white space. '' when there is none; null when non-ASCII makes it uncertain.
 */
function secondWordOf(text: string): string | null {
  let i = 0
  while (i < text.length && isLeadCode(text.charCodeAt(i))) i++
  while (i < text.length && !isSpaceCode(text.charCodeAt(i))) i++
  // A line break cannot follow `{word}` or `{n}` in a phrase.
  if (i < text.length && (text.charCodeAt(i) === 10 || text.charCodeAt(i) === 13)) return ''
  while (i < text.length && isSpaceCode(text.charCodeAt(i)) && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++
  let end = i
  for (; end < text.length; end++) {
    const c = text.charCodeAt(end)
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) continue
    if (c >= 128) return null
    break
  }
  return text.slice(i, end).toLowerCase()
}

/** A char code that `\s` matches. */
function isSpaceCode(c: number): boolean {
  if (c === 32 || (c >= 9 && c <= 13)) return true
  if (c < 0xa0) return false
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
}

function execBucket<E>(bucket: Bucket<E> | undefined, text: string): {entry: E; match: RegExpExecArray} | undefined {
  if (!bucket) return undefined
  const match = bucket.regex.exec(text)
  if (!match) return undefined
  const entry = groupEntry(match, bucket.groups)
  return entry !== undefined ? {entry, match} : undefined
}

interface Bucket<E> {
  regex: RegExp
  groups: E[]
  sources: string[]
  single?: RegExp[]
}

const WILD = '\u0000'
const LEAD_CHARS = /^[\s\-–—•*·>»|#¿¡]+/u
const FIRST = /^[\p{L}\p{M}\p{N}]+/u

/** The first word of a text, as the index sees it: lowercase, after bullets; or its first character. */
export function firstWordOf(text: string): string | undefined {
  // Fast path on char codes (ASCII); anything else goes to the regexes below.
  let i = 0
  while (i < text.length && isLeadCode(text.charCodeAt(i))) i++
  if (i === text.length) return undefined
  let j = i
  for (; j < text.length; j++) {
    const c = text.charCodeAt(j)
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) continue
    if (c >= 128) return firstWordSlow(text)
    break
  }
  if (j > i) return text.slice(i, j).toLowerCase()
  return text.charCodeAt(i) === 96 /* ` */ ? "'" : text[i]
}

function firstWordSlow(text: string): string | undefined {
  const rest = text.replace(LEAD_CHARS, '')
  if (rest === '') return undefined
  const word = FIRST.exec(rest)
  return word ? word[0].toLowerCase() : rest[0].replace(/[’‘`]/, "'")
}

/** A char code of LEAD_CHARS: white space (as `\s`), a dash, a bullet, `>`, `|`, `#`, `¿`, `¡`. */
function isLeadCode(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13) || c === 45 || c === 42 || c === 62 || c === 124 || c === 35
  return (
    c === 0x2013 || c === 0x2014 || c === 0x2022 || c === 0xb7 || c === 0xbb || c === 0xbf || c === 0xa1 ||
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  )
}

/** The words a phrase pattern can start with (WILD when it starts with a placeholder or an optional part). */
function firstWords(pattern: string): string[] {
  const text = pattern.trim().replace(LEAD_CHARS, '')
  if (text.startsWith('{') || text.startsWith('[') || text === '') return [WILD]
  if (text.startsWith('\\')) return [text[1].replace(/[’‘`]/, "'")]
  if (text.startsWith('(')) {
    const close = text.indexOf(')')
    return text
      .slice(1, close)
      .split('|')
      .flatMap((option) => firstWords(option))
  }
  return [firstWordOf(text) ?? WILD]
}

function groupEntry<E>(match: RegExpExecArray, groups: E[]): E | undefined {
  for (let i = 0; i < groups.length; i++) if (match[i + 1] !== undefined) return groups[i]
  return undefined
}
