/**
 * The contexts a calque must stand in (docs/rules/calque.md): after a closing
 * quote, before an inverted person subject, before `that`, `for his part`,
 * `explains to AFP a source`.
 */
import {CLOSING_QUOTES, WordText} from '../../match/word-text.js'
import type {CalqueContext, CalquePhrase} from './entry.js'
import {AFTER_PERSON_HEAD, CAPITALIZED_FUNCTION_WORDS, MEDIA_NOUNS, MEDIA_WORDS, NAME_PARTICLES, NOUN_PHRASE_DETERMINERS, NOUN_PHRASE_STOPS} from '../../lexicon/words.js'
import {getLexicon} from '../../lexicon/index.js'
import {isPersonNoun} from '../../lexicon/persons.js'

/** A text's words, with the contexts of the calque entries. */
export class CalqueText extends WordText {
  context(kind: CalqueContext, c: CalquePhrase, i: number, last: number): true | {end: number; expected: string[]} | false {
    switch (kind) {
      case 'anywhere':
        return true
      case 'after-quote':
        return this.afterQuote(i)
      case 'for-part': {
        const w = this.words
        if (w[last + 1]?.lower === 'for' && this.adjacent(last) && this.adjacent(last + 1) && this.adjacent(last + 2) &&
          /^(?:his|her|its|their|our|my|your)$/.test(w[last + 2]?.lower ?? '') && w[last + 3]?.lower === 'part') return true
        if (w[last + 1]?.lower === 'in' && w[last + 2]?.lower === 'turn' && this.adjacent(last) && this.adjacent(last + 1)) return true
        return false
      }
      case 'before-that':
        return this.words[last + 1]?.lower === 'that' && this.adjacent(last)
      case 'before-person':
      case 'inverted-to': {
        if (kind === 'before-person') {
          const {ch} = this.charBefore(this.words[i].start)
          const prevWord = this.words[i - 1]
          const okBefore = ',;:(–—'.includes(ch) && ch !== '' || CLOSING_QUOTES.includes(ch) && ch !== '' ||
            (prevWord?.lower === 'as' && this.adjacent(i - 1))
          if (!okBefore) return false
        }
        const toMedia = this.media(last + 1)
        if (toMedia) {
          const np = this.personPhrase(toMedia.next)
          if (np < 0) return false
          const w = this.words
          const subject = this.text.slice(w[toMedia.next].start, w[np].end)
          const media = this.text.slice(w[toMedia.first].start, w[toMedia.next - 1].end)
          return {end: w[np].end, expected: [`${subject} told ${media}`]}
        }
        if (kind === 'inverted-to') return false
        return this.personPhrase(last + 1) >= 0
      }
    }
    return false
  }

  afterQuote(i: number): boolean {
    let {ch, at} = this.charBefore(this.words[i].start)
    let comma = false
    if (ch === ',') {
      comma = true
      ;({ch, at} = this.charBefore(at))
    }
    if (ch === '' || !CLOSING_QUOTES.includes(ch)) return false
    const inner = at > 0 ? this.text[at - 1] : ''
    if (ch === '"' && (inner === '' || /\s/.test(inner))) return false
    if (comma || inner === ',' || inner === '.' || inner === '!' || inner === '?' || inner === '…') return true
    // No comma: `the word “grilled” means` is English; a quotation of four words or more
    // followed by the verb (`“… many words” assures X`) is the inverted reporting clause.
    const opener = ch === '”' ? '“' : ch === '»' ? '«' : '"'
    const from = Math.max(0, at - 400)
    let open = at - 1
    while (open >= from && this.text[open] !== opener) open--
    if (open < from) return false
    const quoted = this.text.slice(open + 1, at)
    if (quoted.includes('\n')) return false
    return (quoted.match(/\s+/g) ?? []).length >= 3
  }

  /** `to AFP`, `to Le Monde`, `to the press`: the words of the outlet and the index after it. */
  media(w: number): {first: number; next: number} | undefined {
    const words = this.words
    if (words[w]?.lower !== 'to' || !this.adjacent(w - 1) || !this.adjacent(w)) return undefined
    const first = w + 1
    const a = words[first]
    if (!a) return undefined
    if (MEDIA_WORDS.has(a.lower)) return {first, next: first + 1}
    if ((a.lower === 'the' || a.lower === 'our' || a.lower === 'this') && MEDIA_NOUNS.has(words[first + 1]?.lower ?? '') && this.adjacent(first)) {
      return {first, next: first + 2}
    }
    // One to three capitalised words; the shortest split that leaves a person after it.
    for (let len = 1; len <= 3; len++) {
      let ok = true
      for (let k = first; k < first + len; k++) {
        const word = words[k]
        if (!word || (k > first && !this.adjacent(k - 1))) ok = false
        else if (!/^\p{Lu}/u.test(word.value) && !(k > first && NAME_PARTICLES.has(word.lower))) ok = false
      }
      if (!ok) break
      if (!this.adjacent(first + len - 1)) continue
      if (this.personPhrase(first + len) >= 0) return {first, next: first + len}
    }
    return undefined
  }

  /** A person noun phrase or a name starting at word w: the index of its last word, or -1. */
  personPhrase(w: number): number {
    const words = this.words
    if (!words[w] || !this.adjacent(w - 1)) return -1
    // A name: two to five capitalised words (particles allowed inside).
    const name = this.name(w)
    if (name >= 0) return this.boundaryOk(name) ? name : -1
    let k = w
    if (NOUN_PHRASE_DETERMINERS.has(words[k].lower)) {
      if (!this.adjacent(k)) return -1
      k++
    }
    for (let m = 0; m <= 4 && words[k]; m++) {
      const word = words[k]
      if (isPersonNoun(word.lower, getLexicon()) && !(word.lower === 'head' && words[k + 1]?.lower === 'of')) {
        // `spokesman Dmitry Peskov`: a name in apposition.
        if (this.adjacent(k)) {
          const apposition = this.name(k + 1)
          if (apposition >= 0) return this.boundaryOk(apposition) ? apposition : -1
        }
        return this.boundaryOk(k) ? k : -1
      }
      if (NOUN_PHRASE_STOPS.has(word.lower) || !this.adjacent(k)) return -1
      k++
    }
    return -1
  }

  name(w: number): number {
    const words = this.words
    let k = w
    let caps = 0
    let lastCap = -1
    while (words[k] && k - w < 5) {
      if (k > w && !this.adjacent(k - 1)) break
      const word = words[k]
      if (/^\p{Lu}\p{Ll}/u.test(word.value) && !CAPITALIZED_FUNCTION_WORDS.has(word.lower)) {
        caps++
        lastCap = k
      } else if (!(k > w && NAME_PARTICLES.has(word.value))) break
      k++
    }
    return caps >= 2 && lastCap >= 0 ? lastCap : -1
  }

  boundaryOk(k: number): boolean {
    const after = this.charAfter(this.words[k].end)
    if (after === '' || /[,.;:!?)(–—\n]/u.test(after)) return true
    const next = this.words[k + 1]
    if (!next || !this.adjacent(k)) return false
    if (AFTER_PERSON_HEAD.has(next.lower)) return true
    return /^\p{Ll}+ing$/u.test(next.value) && next.lower !== 'nothing' && next.lower !== 'something'
  }
}

