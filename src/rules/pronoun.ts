import {viewOf, type WordSpan} from '../document.js'
import {firstNameGender, type Gender} from '../lexicon/first-names.js'
import {getLexicon, type Lexicon} from '../lexicon/index.js'
import {GLUE_FUNCTION_WORDS, REPORTING_VERBS} from '../lexicon/words.js'
import {defineRule} from '../rule.js'
import {thingPossessives} from './pronoun/inanimate.js'
import {firstWordOfSentence, isCapitalized, matchCase, spanIndex} from './pronoun/reach.js'
import {GENDERED_NOUNS, isPersonNoun, ROLE_NOUNS} from '../lexicon/persons.js'
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
const PRONOUN_MAX = Math.max(...[...PRONOUN_GENDER.keys()].map((w) => w.length))
/** The other gender's pronoun: `her` is object or possessive, so both are offered. */
const SWAP: Record<string, string[]> = {
  he: ['she'], him: ['her'], his: ['her'], himself: ['herself'],
  she: ['he'], her: ['his', 'him'], hers: ['his'], herself: ['himself']
}

/** Words by which a person is addressed or speaks (`Please enter your name`): `your` is then normal. */
const SECOND_PERSON = new Set(['please', 'you', 'yourself', 'yourselves', "you're", 'you’re', "you've", 'you’ve', "you'll", 'you’ll', "you'd", 'you’d', 'i', 'we', 'me', 'us', 'my', 'our'])

const SECOND_PERSON_MAX = Math.max(...[...SECOND_PERSON].map((w) => w.length))

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
    // Roles the text gives a named person (`Prime Minister Giorgia Meloni`): `the prime minister` later is her.
    const roles = new Map<string, {gender: Gender; name: string} | null>()
    for (let i = 0; i < words.length; i++) {
      const value = words[i].value
      const c = value.charCodeAt(0)
      if (c >= 97 && c <= 122) {
        const lower = value
        const g = GENDERED_NOUNS.get(lower)
        if (g) referents.push({at: i, gender: g, named: false, label: lower, evidence: ''})
        // `“We vaccinate everyone”, wrote Doria on her profile`: a quantifier inside a quotation binds no pronoun outside it.
        else if (ROLE_NOUNS.has(lower) && !(QUANTIFIERS.has(lower) && quoted(words[i]))) referents.push(boundRole(words, i, text, roles) ?? {at: i, gender: undefined, named: false, label: lower, evidence: ''})
        continue
      }
      if (!isCapitalized(value)) continue
      // `the Prime Minister` of a text that named her so.
      if (roles.size > 0 && ROLE_NOUNS.has(value.toLowerCase())) {
        const role = boundRole(words, i, text, roles)
        if (role) {
          referents.push(role)
          continue
        }
      }
      const person = personAt(words, i, text, sentenceStart, lexicon)
      if (person) {
        bindRole(words, i, text, person.referent, roles)
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
    const referentAt = new Map<number, Referent>()
    for (const x of referents) referentAt.set(x.at, x)
    /** Index of the first word starting at or after offset `at`. */
    const wordFrom = (at: number) => {
      let lo = 0
      let hi = words.length
      while (lo < hi) {
        const mid = (lo + hi) >> 1
        if (words[mid].start < at) lo = mid + 1
        else hi = mid
      }
      return lo
    }
    /**
     * The speaker of the quotation that closes right before pronoun `j` (in its paragraph, nothing but
     * unnamed words in between): the person before `replies:` in front of it, or the one after
     * (`“…,” said X` / `“…,” X said`).
     */
    const continuedSpeaker = (j: number): Referent | undefined => {
      let q = -1
      for (let lo = 0, hi = quotes.length - 1; lo <= hi; ) {
        const mid = (lo + hi) >> 1
        if (quotes[mid][1] < words[j].start) {
          q = mid
          lo = mid + 1
        } else hi = mid - 1
      }
      if (q < 0 || words[j].start - quotes[q][1] > CONTINUED_GAP || text.slice(quotes[q][1], words[j].start).includes('\n')) return undefined
      const [open, close] = quotes[q]
      const after = wordFrom(close)
      // Right after the quotation: `said X` or `X said`, then nothing named up to the pronoun.
      let speaker: Referent | undefined
      let k = after
      if (k < j && REPORTING_VERBS.has(words[k].value)) {
        for (k++; k < j && !speaker; k++) if (referentAt.get(k)?.named) speaker = referentAt.get(k)
      } else {
        for (; k < j && !speaker && !REPORTING_VERBS.has(words[k].value); k++) if (referentAt.get(k)?.named) speaker = referentAt.get(k)
        if (speaker && !(k < j && REPORTING_VERBS.has(words[k].value))) return undefined
      }
      for (; k < j; k++) if (referentAt.get(k)?.named || PRONOUN_GENDER.has(words[k].value.toLowerCase())) return undefined
      if (speaker) return speaker
      // Before it: `the Prime Minister replies: “…”`.
      const verb = wordFrom(open) - 1
      if (verb < 1 || !REPORTING_VERBS.has(words[verb].value) || !/^[ ,:]*$/.test(text.slice(words[verb].end, open))) return undefined
      const before = referentAt.get(verb - 1)
      return before?.named ? before : undefined
    }
    let paragraphs: Int32Array | undefined
    const paragraphIndex = () => (paragraphs ??= spanIndex(words, view.paragraphs))
    /**
     * `I think cinema is about love. It’s what he does best.`: a subject he/she, not after a quotation, in
     * first-person speech (an `I` outside quotes in its sentence or the one before), where no one — no
     * name, person noun or third-person pronoun outside quotes — is in its paragraph, the one before or
     * the rest of its sentence.
     */
    const thingSubject = (j: number): boolean => {
      if (j > 0 && /["”»]/.test(text.slice(words[j - 1].end, words[j].start))) return false
      let first = false
      for (let k = firstWordOfSentence(sentenceOf, j, 1); k < j && !first; k++) first = words[k].value === 'I' && !quoted(words[k])
      if (!first) return false
      const para = paragraphIndex()
      let from = j
      while (from > 0 && j - from < THING_WINDOW && para[from - 1] >= para[j] - 1) from--
      for (let k = from; k < words.length && (k <= j || (sentenceOf[k] === sentenceOf[j] && k - j <= THING_AHEAD)); k++) {
        if (k === j || quoted(words[k])) continue
        const v = words[k].value.toLowerCase()
        if (referentAt.has(k) || PRONOUN_GENDER.has(v) || THIRD_PERSON.has(v) || isPersonNoun(v, lexicon())) return false
      }
      return true
    }
    if (options.gender) {
      let r = 0
      for (let j = 0; j < words.length; j++) {
        const w = words[j]
        // No pronoun is longer (and lower-casing never shortens a word to one): most words need no copy.
        if (w.value.length > PRONOUN_MAX) continue
        const lower = w.value.toLowerCase()
        const g = PRONOUN_GENDER.get(lower)
        if (!g || quoted(w)) continue
        const from = firstWordOfSentence(sentenceOf, j, 1)
        while (r < referents.length && referents[r].at < from) r++
        const inReach: Referent[] = []
        for (let k = r; k < referents.length && referents[k].at < j; k++) inReach.push(referents[k])
        // `X replies: “…” And, …, he adds`: whoever continues the quotation is the one who spoke it.
        const speaker = (lower === 'he' || lower === 'she') && CONTINUING.has(words[j + 1]?.value ?? '') ? continuedSpeaker(j) : undefined
        let person: Referent | undefined = speaker
        const how = speaker ? `; \`${words[j + 1].value}\` continues the quotation` : ''
        if (!person && inReach.length === 0 && (lower === 'he' || lower === 'she') && thingSubject(j)) {
          const expected = [matchCase('it', w.value)]
          ctx.report({
            start: w.start,
            end: w.end,
            expected,
            fix: 'suggestion',
            reason: `Unexpected \`${w.value}\` with no person in reach (its paragraph and the one before name no one; the speaker says I), expected \`${expected[0]}\``,
            note: 'French il/elle, Italian and Spanish verbs without a subject: machine translation says “he” or “she” for a thing of the source’s masculine or feminine gender. Check what is meant.'
          })
          continue
        }
        if (!person) {
          for (let k = inReach.length - 1; k >= 0 && !person; k--) if (inReach[k].named && inReach[k].gender !== undefined) person = inReach[k]
          if (!person || person.gender === g || !inReach.every((x) => x.gender === person!.gender)) continue
          // A pronoun of this gender before the person, in reach: someone else of that gender is being talked about.
          let before = false
          for (let k = from; k < person.at && !before; k++) before = PRONOUN_GENDER.get(words[k].value.toLowerCase()) === g
          if (before) continue
        } else if (person.gender === g) continue
        const expected = SWAP[lower].map((e) => matchCase(e, w.value))
        const distance = j - person.at
        ctx.report({
          start: w.start,
          end: w.end,
          expected,
          fix: 'suggestion',
          reason: `Unexpected \`${w.value}\` for ${person.label} (${person.evidence}, ${distance} word${distance === 1 ? '' : 's'} before${how}), expected \`${expected.join('` or `')}\``,
          note: `The only person this pronoun can refer to is ${person.label}; check who is meant. Machine translation guesses the gender of pronouns the source language does not mark.`
        })
      }
    }

    // 3. `your` in third-person narration: German Ihr, Portuguese seu, Spanish su.
    if (options.possessive) {
      // Someone addressed (or speaking) outside quotes: in a speech, letter or interview throughout, so
      // `your` is normal in the whole text once that happens a few times; one generic `when you look` is
      // evidence only for its own paragraph and the next.
      const paragraphOf = paragraphIndex()
      const addressed = new Uint32Array(view.paragraphs.length + 1)
      let secondPerson = 0
      for (let k = 0; k < words.length; k++) {
        if (words[k].value.length > SECOND_PERSON_MAX || !SECOND_PERSON.has(words[k].value.toLowerCase()) || quoted(words[k])) continue
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
      const scope = {words, text, sentenceOf, paragraphOf: paragraphIndex(), persons, quoted, lexicon, strict: options.preset === 'strict'}
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

/**
 * The role words right before word `end` (`Prime Minister`, `party secretary`, `deputy`), back to a
 * determiner or at most three words: its key (lower case) and first word.
 */
function roleBefore(words: WordSpan[], end: number, text: string): {key: string; first: number} | undefined {
  if (end < 0 || !ROLE_NOUNS.has(words[end].value.toLowerCase())) return undefined
  let first = end
  while (first > 0 && end - first < 2 && text.slice(words[first - 1].end, words[first].start) === ' ') {
    // `Democratic Party Secretary`: capitalized words before a capitalized role; `deputy prime minister`: modifiers.
    const before = words[first - 1].value
    const v = before.toLowerCase()
    if (ARTICLES.has(v) || GLUE_FUNCTION_WORDS.has(v) || !/^\p{L}+$/u.test(v)) break
    if (isCapitalized(words[end].value) ? !isCapitalized(before) : !(ROLE_MODIFIERS.has(v) || ROLE_NOUNS.has(v))) break
    first--
  }
  const key = words.slice(first, end + 1).map((w) => w.value.toLowerCase()).join(' ')
  return {key, first}
}

/** `Prime Minister Giorgia Meloni`, `the deputy Erika Hilton`: the role before the name is hers in this text. */
function bindRole(words: WordSpan[], i: number, text: string, person: Referent, roles: Map<string, {gender: Gender; name: string} | null>): void {
  if (i === 0 || person.gender === undefined || !/^,? $/.test(text.slice(words[i - 1].end, words[i].start))) return
  const role = roleBefore(words, i - 1, text)
  if (!role) return
  const prev = roles.get(role.key)
  roles.set(role.key, prev === undefined || (prev !== null && prev.gender === person.gender) ? {gender: person.gender, name: person.label} : null)
}

/**
 * `the prime minister` (or `the Prime Minister`) where the text named one person of one gender so, not
 * followed by a name or an `of` that makes it another role (`the prime minister of Spain`).
 */
function boundRole(words: WordSpan[], i: number, text: string, roles: Map<string, {gender: Gender; name: string} | null>): Referent | undefined {
  if (roles.size === 0) return undefined
  const role = roleBefore(words, i, text)
  if (!role || role.first === 0 || words[role.first - 1].value.toLowerCase() !== 'the') return undefined
  if (text.slice(words[role.first - 1].end, words[role.first].start) !== ' ') return undefined
  const next = words[i + 1]
  if (next && /^[ ,]*$/.test(text.slice(words[i].end, next.start)) && (next.value === 'of' || isCapitalized(next.value))) return undefined
  const bound = roles.get(role.key)
  if (!bound) return undefined
  const label = `the ${text.slice(words[role.first].start, words[i].end)}`
  return {at: i, gender: bound.gender, named: true, label, evidence: `the text calls ${bound.name} ${text.slice(words[role.first].start, words[i].end)}`}
}

const PARTICLES = new Set(['von', 'van', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'dos', 'das', 'du', 'le', 'la', 'ten', 'ter', 'zu', 'y'])

/** Lower-case words that make a role another one: `prime minister`, `deputy mayor`, `former president`. */
const ROLE_MODIFIERS = new Set(['prime', 'vice', 'former', 'acting', 'interim', 'foreign', 'interior', 'finance', 'defence', 'defense', 'justice', 'health', 'education', 'economy', 'labour', 'labor', 'general', 'first', 'federal', 'regional', 'state', 'party', 'opposition', 'senior', 'assistant', 'associate', 'executive', 'managing', 'attorney'])

/** Words for someone in the third person, besides he/she: the thing test's blockers. */
const THIRD_PERSON = new Set(['they', 'them', 'their', 'theirs', 'themselves', 'who', 'whom', 'whose', 'someone', 'somebody', 'everyone', 'everybody'])

/** Words back from a pronoun the thing test reads (its paragraph and the one before, at most). */
const THING_WINDOW = 300

/** Words after the pronoun, in its sentence, the thing test reads for a person (`when he came, the envoy…`). */
const THING_AHEAD = 40

/** Verbs by which a speaker goes on with what they said: `he adds`. */
const CONTINUING = new Set(['adds', 'added', 'continues', 'continued', 'concludes', 'concluded'])

/** Longest stretch (characters) between a quotation and the pronoun that continues it. */
const CONTINUED_GAP = 120

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
