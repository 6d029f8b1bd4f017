import {viewOf, type WordSpan} from '../document.js'
import {firstNameGender, type Gender} from '../lexicon/first-names.js'
import {getLexicon, type Lexicon} from '../lexicon/index.js'
import {GLUE_FUNCTION_WORDS} from '../lexicon/words.js'
import {defineRule} from '../rule.js'
import {thingPossessives} from './pronoun/inanimate.js'
import {firstWordOfSentence, isCapitalized, matchCase, spanIndex} from './pronoun/reach.js'
import {GENDERED_NOUNS, ROLE_NOUNS} from '../lexicon/persons.js'
import {QUANTIFIERS, TITLES} from './pronoun/referents.js'
import {quotedSpans} from './shared/quoted-spans.js'

export interface PronounOptions {
  /** Report a he/she pronoun whose only possible referent is a named person of the other gender. */
  gender: boolean
  /** Report `your` in third-person narration (German Ihr, Portuguese seu, Spanish su, Italian suo). */
  possessive: boolean
  /** Report `his`/`her` for a thing (a country, a party, a company) when no person is in reach. */
  inanimate: boolean
  /** The preset in force (a setting): `her` for a country, which English may say, only in `strict`. */
  preset?: 'recommended' | 'strict'
}

const PRONOUN_GENDER = new Map<string, Gender>([
  ['he', 'm'], ['him', 'm'], ['his', 'm'], ['himself', 'm'],
  ['she', 'f'], ['her', 'f'], ['hers', 'f'], ['herself', 'f']
])
/** The other gender's pronoun: `her` is object or possessive, so both are offered. */
const SWAP: Record<string, string[]> = {
  he: ['she'], him: ['her'], his: ['her'], himself: ['herself'],
  she: ['he'], her: ['his', 'him'], hers: ['his'], herself: ['himself']
}

/** Words by which a person is addressed or speaks (`Please enter your name`): `your` is then normal. */
const SECOND_PERSON = new Set(['please', 'you', 'yourself', 'yourselves', "you're", 'you’re', "you've", 'you’ve', "you'll", 'you’ll', "you'd", 'you’d', 'i', 'we', 'me', 'us', 'my', 'our'])

interface Referent {
  /** Word index where the mention ends. */
  at: number
  gender: Gender | undefined
  /** A named person (first name or title), not a common noun. */
  named: boolean
  label: string
  /** What told its gender. */
  evidence: string
}

export default defineRule<PronounOptions>({
  id: 'pronoun',
  category: 'pronoun',
  readsTree: true,
  description: 'A pronoun of the wrong gender or person for the one person it can refer to.',
  note:
    'Source languages mark gender and person differently: French `son`/`sa` and Spanish `su` do not say whose gender, German `Ihr` is both “her”, “their” and polite “your”, Portuguese `seu` is both “his” and “your”; machine translation guesses, often wrongly.',
  defaults: {gender: true, possessive: true, inanimate: true},
  check(ctx) {
    const {text, options} = ctx
    const view = viewOf(ctx.tree)
    const words = view.words
    if (words.length === 0) return
    const sentenceOf = spanIndex(words, view.sentences)
    const quotes = quotedSpans(text)
    const quoted = (w: WordSpan) => inSpans(quotes, w.start)
    let lex: Lexicon | undefined
    const lexicon = () => (lex ??= getLexicon())
    const sentenceStart = (i: number) => i === 0 || sentenceOf[i - 1] !== sentenceOf[i] || /[“"«‘(:\n]/.test(text.slice(words[i - 1].end, words[i].start))

    // 1. Who is mentioned, and where: named persons, gendered nouns, roles and unknown names.
    const referents: Referent[] = []
    const surnames = new Map<string, Referent | null>()
    for (let i = 0; i < words.length; i++) {
      const value = words[i].value
      const c = value.charCodeAt(0)
      if (c >= 97 && c <= 122) {
        const lower = value
        const g = GENDERED_NOUNS.get(lower)
        if (g) referents.push({at: i, gender: g, named: false, label: lower, evidence: ''})
        // `“We vaccinate everyone”, wrote Doria on her profile`: a quantifier inside a quotation binds no pronoun outside it.
        else if (ROLE_NOUNS.has(lower) && !(QUANTIFIERS.has(lower) && quoted(words[i]))) referents.push({at: i, gender: undefined, named: false, label: lower, evidence: ''})
        continue
      }
      if (!isCapitalized(value)) continue
      const person = personAt(words, i, text, sentenceStart, lexicon)
      if (person) {
        // `the deputy Erika Hilton`, `Prime Minister Giorgia Meloni`: the role is the person named after it.
        while (referents.length > 0 && !referents[referents.length - 1].named && referents[referents.length - 1].gender === undefined && referents[referents.length - 1].at >= i - 2) referents.pop()
        referents.push(person.referent)
        // `George Floyd’s murderer`: what follows a possessive is another possible referent.
        if (/^['’]s?$/.test(text.slice(words[person.referent.at].end, words[person.referent.at].end + 2).trim().slice(0, 2))) {
          referents.push({at: person.referent.at, gender: undefined, named: false, label: '', evidence: ''})
        }
        const prev = surnames.get(person.surname)
        surnames.set(person.surname, prev === undefined || prev === null || prev.gender === person.referent.gender ? person.referent : null)
        i = person.referent.at
        continue
      }
      const known = surnames.get(value)
      if (known) {
        referents.push({...known, at: i})
        continue
      }
      // An unknown proper noun (not an acronym, not in the dictionary) may be a person; at a sentence's
      // start only when not even its lower-case form is a word. After an article it names a thing: `the
      // Butantan vaccine`, `a Bundestag vote`. (A word before a full stop the parser did not split at keeps
      // the stop: `Monday.`.)
      const bare = value.endsWith('.') ? value.slice(0, -1) : value
      if (
        known === null ||
        (bare.length > 2 && bare !== bare.toUpperCase() && !lexicon().isWord(bare) && !(i > 0 && ARTICLES.has(words[i - 1].value.toLowerCase())) &&
          (!sentenceStart(i) || !lexicon().isWord(bare.toLowerCase())))
      ) {
        referents.push({at: i, gender: undefined, named: true, label: value, evidence: ''})
      }
    }

    const namedAt = new Uint8Array(words.length)
    for (const x of referents) if (x.named) namedAt[x.at] = 1

    // 2. Pronouns of one gender whose only referent in reach is a named person of the other.
    if (options.gender) {
      let r = 0
      for (let j = 0; j < words.length; j++) {
        const w = words[j]
        const lower = w.value.toLowerCase()
        const g = PRONOUN_GENDER.get(lower)
        if (!g || quoted(w)) continue
        const from = firstWordOfSentence(sentenceOf, j, 1)
        while (r < referents.length && referents[r].at < from) r++
        const inReach: Referent[] = []
        for (let k = r; k < referents.length && referents[k].at < j; k++) inReach.push(referents[k])
        let person: Referent | undefined
        for (let k = inReach.length - 1; k >= 0 && !person; k--) if (inReach[k].named && inReach[k].gender !== undefined) person = inReach[k]
        if (!person || person.gender === g || !inReach.every((x) => x.gender === person!.gender)) continue
        // A pronoun of this gender before the person, in reach: someone else of that gender is being talked about.
        let before = false
        for (let k = from; k < person.at && !before; k++) before = PRONOUN_GENDER.get(words[k].value.toLowerCase()) === g
        if (before) continue
        // Another pronoun of the right gender in the same reach: the text does use it for this person.
        const expected = SWAP[lower].map((e) => matchCase(e, w.value))
        const distance = j - person.at
        ctx.report({
          start: w.start,
          end: w.end,
          expected,
          fix: 'suggestion',
          reason: `Unexpected \`${w.value}\` for ${person.label} (${person.evidence}, ${distance} word${distance === 1 ? '' : 's'} before), expected \`${expected.join('` or `')}\``,
          note: `The only person this pronoun can refer to is ${person.label}; check who is meant. Machine translation guesses the gender of pronouns the source language does not mark.`
        })
      }
    }

    // 3. `your` in third-person narration: German Ihr, Portuguese seu, Spanish su.
    if (options.possessive) {
      // Someone addressed (or speaking) outside quotes: in a speech, letter or interview throughout, so
      // `your` is normal in the whole text once that happens a few times; one generic `when you look` is
      // evidence only for its own paragraph and the next.
      const paragraphOf = spanIndex(words, view.paragraphs)
      const addressed = new Uint32Array(view.paragraphs.length + 1)
      let secondPerson = 0
      for (let k = 0; k < words.length; k++) {
        if (!SECOND_PERSON.has(words[k].value.toLowerCase()) || quoted(words[k])) continue
        secondPerson++
        addressed[paragraphOf[k]]++
      }
      const addressedNear = (j: number) => addressed[paragraphOf[j]] > 0 || (paragraphOf[j] > 0 && addressed[paragraphOf[j] - 1] > 0)
      for (let j = 1; j < words.length; j++) {
        const w = words[j]
        if (w.value !== 'your' && w.value !== 'Your' && w.value !== 'Their') continue
        if (quoted(w) || sentenceStart(j)) continue
        const capital = w.value !== 'your'
        if (!capital) {
          if (secondPerson >= ADDRESSED_TEXT || addressedNear(j)) continue
          // Someone in the third person in reach: a named person, or he/she/they as a subject.
          const from = firstWordOfSentence(sentenceOf, j, 1)
          let third = false
          for (let k = from; k < j && !third; k++) {
            const v = words[k].value
            third = PRONOUN_GENDER.has(v.toLowerCase()) || namedAt[k] === 1
          }
          if (!third) continue
        } else if (words[j + 1] && !/^\p{Ll}/u.test(words[j + 1].value)) continue
        const expected = capital ? [w.value.toLowerCase()] : ['his', 'her', 'their']
        ctx.report({
          start: w.start,
          end: w.end,
          expected,
          fix: 'suggestion',
          reason: capital
            ? `Unexpected capitalized \`${w.value}\` mid-sentence (German polite Ihr), expected \`${expected[0]}\``
            : `Unexpected \`your\` in third-person narration (no one is addressed outside quotes nearby), expected \`his\`, \`her\` or \`their\``,
          note: 'German Ihr, Portuguese seu, Spanish su and Italian suo are both “your” and “his/her/their”: machine translation picks the wrong one. Check whose it is.'
        })
      }
    }

    // 4. `his`/`her` for a thing (src/rules/pronoun/inanimate.ts).
    if (options.inanimate) {
      const persons = new Uint8Array(words.length)
      for (const x of referents) persons[x.at] = x.named && x.gender === undefined && x.evidence === '' ? 2 : 1
      const scope = {words, text, sentenceOf, paragraphOf: spanIndex(words, view.paragraphs), persons, quoted, lexicon, strict: options.preset === 'strict'}
      for (const finding of thingPossessives(scope)) ctx.report({...finding, fix: 'suggestion'})
    }
  }
})

/** A named person starting at word `i`: title or known first name, then a capitalized surname. */
function personAt(
  words: WordSpan[],
  i: number,
  text: string,
  sentenceStart: (i: number) => boolean,
  lexicon: () => Lexicon
): {referent: Referent; surname: string} | undefined {
  const first = words[i].value
  let gender = TITLES.get(first)
  let evidence = gender ? `the title ${first}` : ''
  let k = i + 1
  // `Mr.` / `Sra.`: the full stop is not a word.
  if (!gender) {
    if (GLUE_FUNCTION_WORDS.has(first.toLowerCase())) return undefined
    gender = firstNameGender(first)
    if (!gender) return undefined
    // `Will`, `Mark`, `Hope` open sentences as ordinary words.
    if (sentenceStart(i) && lexicon().isLowerWord(first)) return undefined
    evidence = `${first} is a ${gender === 'f' ? 'woman' : 'man'}’s first name`
  }
  // Middle names, particles and the surname: capitalized words (and von, der, de…) joined by single spaces.
  let last = -1
  while (k < words.length) {
    const gap = text.slice(words[k - 1].end, words[k].start)
    // `Mr. Smith`: a full stop only after a title; `France. General` is two sentences.
    if (!(gap === ' ' || gap === '\u00A0' || gap === '-' || (k === i + 1 && evidence.startsWith('the title') && /^\.[ \u00A0]$/.test(gap)))) break
    const v = words[k].value
    // `General Secretary Linda Teuteberg`: a first name that is also a word, then a first name that is
    // not, is a title before the name; the person starts at the second.
    if (isCapitalized(v)) {
      if (!evidence.startsWith('the title') && lexicon().isLowerWord(first) && firstNameGender(v) && !lexicon().isLowerWord(v)) return undefined
      last = k
    } else if (!PARTICLES.has(v)) break
    k++
  }
  if (last < 0) return undefined
  const surname = words[last].value
  // `Rose Garden`, `Grace Period`: the last word is an ordinary English word, so this is no name.
  if (lexicon().isLowerWord(surname)) return undefined
  // `North Africa`, `Prime Minister`: a first name that is also a word needs a surname no dictionary knows.
  if (!evidence.startsWith('the title') && lexicon().isLowerWord(first) && lexicon().isWord(surname)) return undefined
  const label = text.slice(words[i].start, words[last].end)
  return {referent: {at: last, gender, named: true, label, evidence}, surname}
}

const PARTICLES = new Set(['von', 'van', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'dos', 'das', 'du', 'le', 'la', 'ten', 'ter', 'zu', 'y'])

/** First- and second-person words outside quotes from which on a whole text addresses someone. */
const ADDRESSED_TEXT = 3

/** Before an unknown capitalized word, these make it a thing's name, not a person's. */
const ARTICLES = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those'])

function inSpans(spans: Array<[number, number]>, at: number): boolean {
  let lo = 0
  let hi = spans.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (spans[mid][0] > at) hi = mid - 1
    else if (spans[mid][1] < at) lo = mid + 1
    else return true
  }
  return false
}
