/**
 * `his`/`her` for a thing. Romance and German possessives agree with the
 * possessed noun, not the owner, so `Moscou … ses réseaux` becomes “his
 * networks” and `die Partei … ihr Programm` “her programme”. A possessive is
 * reported when no one in reach can be a person and something there is a thing:
 * a country or capital, an organization's acronym, `the party`, a place the text
 * puts something in, or the `its` the text already uses for it.
 */
import type {WordSpan} from '../../document.js'
import type {Lexicon} from '../../lexicon/index.js'
import {isCountry, listedPlaceEndingAt} from '../../lexicon/places.js'
import {DAYS, MONTHS, NATIONALITIES, NOT_BEFORE_POSSESSIVE_HER, REPORTING_VERBS} from '../../lexicon/words.js'
import {firstWordOfSentence, isCapitalized, matchCase, REACH} from './reach.js'
import {isPersonNoun} from '../../lexicon/persons.js'
import {DETERMINERS, INSTITUTIONS, PERSON_WORDS, placesOf, TITLES} from './referents.js'

export interface Scope {
  words: WordSpan[]
  text: string
  sentenceOf: Int32Array
  paragraphOf: Int32Array
  /** Per word: 1 a person the pronoun rule found, 2 a name no dictionary knows (maybe a place), else 0. */
  persons: Uint8Array
  quoted: (w: WordSpan) => boolean
  lexicon: () => Lexicon
  /** The strict preset: `her` for a country, which English may say, is reported too. */
  strict: boolean
}

export interface Finding {
  start: number
  end: number
  expected: string[]
  reason: string
  note: string
}

interface Thing {
  label: string
  evidence: string
  /** A country or capital, which English may call `she`. */
  personified: boolean
}

/** What word k is: a person, a thing (and where its name starts), `its`, or nothing of either. */
type Kind = {person: true} | {thing: Thing; first: number} | {its: true} | undefined

const NATIONALITY_SET = new Set(NATIONALITIES)
const DATES = new Set([...DAYS, ...MONTHS])
/** Words a person is found in after the pronoun (`In his speech, the leader said`): at most so many. */
const AHEAD = 30

export function thingPossessives(scope: Scope): Finding[] {
  const {words, text, sentenceOf, paragraphOf, persons, quoted, lexicon} = scope
  const out: Finding[] = []
  let places: Set<string> | undefined
  const reported = new Uint8Array(words.length)
  const word = (k: number) => (k >= 0 ? words[k].value : undefined)
  // Whether paragraph p's text ends a sentence (`.`, `!`, `?`, `…` after its last word): one pass.
  // The last word of each paragraph, found on first use (most texts never ask).
  let lastOf: Map<number, number> | undefined
  const endsSentence = (p: number) => {
    if (!lastOf) {
      lastOf = new Map()
      for (let k = 0; k < words.length; k++) lastOf.set(paragraphOf[k], k)
    }
    const k = lastOf.get(p)
    return k !== undefined && /[.!?…]/u.test(text.slice(words[k].end, words[k].end + 4).split('\n')[0])
  }

  const kind = (k: number): Kind => {
    const v = words[k].value
    const l = v.toLowerCase()
    if ((PERSON_WORDS.has(l) && !reported[k]) || persons[k] === 1) return {person: true}
    if (!isCapitalized(v)) {
      if (isPersonNoun(l, lexicon())) return {person: true}
      if (l === 'its') return {its: true}
      if (INSTITUTIONS.has(l) && k > 0 && DETERMINERS.has(words[k - 1].value.toLowerCase())) {
        return {thing: {label: `${words[k - 1].value.toLowerCase()} ${v}`, evidence: 'an institution or a work', personified: false}, first: k}
      }
      return undefined
    }
    const place = listedPlaceEndingAt(k, word)
    if (place >= 0) {
      const name = text.slice(words[place].start, words[k].end)
      return {thing: {label: name, evidence: isCountry(name) ? 'a country' : 'a capital city', personified: true}, first: place}
    }
    if (/^\p{Lu}{2,6}s?$/u.test(v)) {
      // `ERC`, `NATO`: an organization; `MP`, `CEO`: a person.
      if (isPersonNoun(l, lexicon())) return {person: true}
      const thing = {label: v, evidence: 'an acronym', personified: false}
      // `Esquerra Republicana (ERC)`: the capitalized words before it are its name, not a person's.
      let first = k
      if (k > 0 && text.slice(words[k - 1].end, words[k].start) === ' (' && text[words[k].end] === ')' && isCapitalized(words[k - 1].value)) {
        first = k - 1
        while (first > 0 && isCapitalized(words[first - 1].value) && text.slice(words[first - 1].end, words[first].start) === ' ') first--
      }
      return {thing, first}
    }
    // `every American`, `the Secretary`, `Madam Speaker`: a person (or what `French` qualifies).
    if (NATIONALITY_SET.has(l) || isPersonNoun(l, lexicon()) || TITLES.has(v)) return {person: true}
    if (INSTITUTIONS.has(l)) return {thing: {label: v, evidence: 'an institution', personified: false}, first: k}
    if ((places ??= placesOf(words, text)).has(v) && persons[k] !== 1) {
      return {thing: {label: v, evidence: `the text says “in ${v}”`, personified: false}, first: k}
    }
    // A capitalized ordinary word (`The`, `After`, `Senate`) or a date is no one; any other name may be a person.
    if (persons[k] === 2 || (!lexicon().isLowerWord(v) && !DATES.has(l))) return {person: true}
    return undefined
  }

  for (let j = 0; j < words.length - 1; j++) {
    const w = words[j]
    // Three letters (lower-casing keeps the length of a word that becomes `his` or `her`): most words need no copy.
    if (w.value.length !== 3) continue
    const lower = w.value.toLowerCase()
    if (lower !== 'his' && lower !== 'her') continue
    // A possessive: a lower-case word right after it (`her army`, not `told her that`).
    const next = words[j + 1]
    if (text.slice(w.end, next.start) !== ' ' || !/^\p{Ll}/u.test(next.value)) continue
    if (lower === 'her' && NOT_BEFORE_POSSESSIVE_HER.has(next.value)) continue
    if (quoted(w)) continue
    // The thing is in this sentence or the two before, in this paragraph or a previous one that ends a
    // sentence (not a dateline: `Paris (AFP)`); a person there or earlier in the paragraph is in reach
    // too (`his successor` three sentences after him).
    const from = firstWordOfSentence(sentenceOf, j, 2)
    const paragraph = paragraphOf[j]
    let scanFrom = from
    while (scanFrom > 0 && j - scanFrom < REACH && paragraphOf[scanFrom - 1] === paragraph) scanFrom--
    // The earliest thing in reach names it (the subject, most often); `its` only tells there is one.
    let thing: Thing | undefined
    let its = -1
    let person = false
    for (let k = j - 1; k >= scanFrom && !person; k--) {
      const found = kind(k)
      if (!found) continue
      if ('person' in found) person = true
      else {
        const near = k >= from && (paragraphOf[k] === paragraph || (paragraphOf[k] === paragraph - 1 && endsSentence(paragraph - 1))) && !quoted(words[k])
        if ('its' in found) {
          if (near) its = k
        } else {
          if (near) thing = found.thing
          k = found.first
        }
      }
    }
    // `In his speech, the leader said`: the person may come after, in the same sentence, past the words
    // the possessive owns (`his spokesman later admitted`, up to a punctuation mark).
    let after = j + 1
    while (after + 1 < words.length && text.slice(words[after].end, words[after + 1].start) === ' ' && !isCapitalized(words[after + 1].value)) after++
    for (let k = after + 1; !person && k < words.length && k - j <= AHEAD && sentenceOf[k] === sentenceOf[j]; k++) {
      // `…, warns Damien Van Puyvelde.`: an inverted reporting clause names who speaks, not whose it is.
      if (REPORTING_VERBS.has(words[k].value) && text.slice(words[k - 1].end, words[k].start).includes(',')) break
      const found = kind(k)
      if (found && 'person' in found) person = true
    }
    if (person || (!thing && its < 0)) continue
    // English may call a country or a capital `she`; `her` with only an `its` in reach may be a country's
    // further back.
    if ((thing === undefined || thing.personified) && lower === 'her' && !scope.strict) continue
    reported[j] = 1
    const expected = [matchCase('its', w.value)]
    const evidence = thing ? thing.evidence : `the text says \`its\` ${j - its} word${j - its === 1 ? '' : 's'} before`
    out.push({
      start: w.start,
      end: w.end,
      expected,
      reason: `Unexpected \`${w.value}\` for ${thing ? thing.label : 'a thing'} (${evidence}; no person in reach), expected \`${expected[0]}\``,
      note: 'Romance and German possessives agree with the possessed noun, not the owner: machine translation renders French `sa`, Spanish `su` or German `sein` for a country, a party or a company as “his” or “her”. English says `its`.'
    })
  }
  return out
}
