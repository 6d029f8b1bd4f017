import {viewOf, type WordSpan} from '../document.js'
import {getLexicon, type Lexicon} from '../lexicon/index.js'
import {DAYS, MONTHS, NATIONALITIES, REPORTING_VERBS} from '../lexicon/words.js'
import {firstNameGender} from '../lexicon/first-names.js'
import {defineRule} from '../rule.js'

export interface CaseOptions {
  /** Capitalize lowercase days, months and nationality adjectives (French/Spanish/Italian style). */
  names: boolean
  /** Report common nouns capitalized mid-sentence (German style): `the new Government plan`. */
  nouns: boolean
  /** Report a paragraph that starts in lower case after a finished one (a scraped break). */
  paragraphs: boolean
  /** Report a sentence that starts in lower case after a full stop mid-paragraph (`told AFP. the boss`). */
  sentences: boolean
  /** The preset in force (a setting): some checks run only in `strict`. */
  preset?: 'recommended' | 'strict'
}

const PRONOUNS = new Set(['he', 'him', 'his', 'himself', 'she', 'her', 'hers', 'herself', 'thee', 'thou', 'thy', 'thine', 'you', 'your', 'yours', 'who', 'whom', 'whose'])
/** Abbreviations a full stop ends without ending the sentence. */
const ABBREVIATIONS = new Set([
  'etc', 'approx', 'incl', 'vs', 'cf', 'ca', 'no', 'nos', 'vol', 'pp', 'fig', 'est', 'dept', 'univ', 'corp', 'inc', 'ltd',
  'co', 'jr', 'sr', 'gen', 'gov', 'sen', 'rep', 'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'ave', 'jan', 'feb', 'mar', 'apr',
  'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', 'op', 'ed',
  'eds', 'al', 'resp', 'viz', 'ibid', 'min', 'max', 'hrs', 'sq', 'km', 'kg', 'ft', 'mt', 'cit', 'ch', 'sec', 'art', 'para'
])
/** A capitalized pronoun or article right after a word, mid-sentence: `the specimen It was`, `ERC He admits`. */
const CAPITAL_FUNCTION = new Set(['He', 'She', 'It', 'They', 'We', 'The', 'This', 'These', 'There'])

const DAY_SET = new Set(DAYS)
const NATIONALITY_SET = new Set(NATIONALITIES)
/** Months that are also ordinary words: capitalized only next to a date. */
const AMBIGUOUS_MONTHS = new Set(['march', 'may', 'august'])
const MONTH_SET = new Set(MONTHS)
/** Every lower-case word the names check looks at. */
const NAME_WORDS = new Set([...DAYS, ...MONTHS, ...NATIONALITIES])
/** Longest name word: the table below is indexed by length up to this. */
const NAME_MAX = Math.max(...[...NAME_WORDS].map((w) => w.length))
/**
 * Length × first letter (a–z) pairs that some name word has: most words fail this table
 * lookup, so the check costs no string hashing.
 */
const NAME_SHAPES = new Uint8Array((NAME_MAX + 1) * 26)
for (const w of NAME_WORDS) NAME_SHAPES[w.length * 26 + w.charCodeAt(0) - 97] = 1
/** `value` (starting with a–z) is a day, month or nationality word. */
function isNameWord(value: string): boolean {
  return value.length <= NAME_MAX && NAME_SHAPES[value.length * 26 + value.charCodeAt(0) - 97] === 1 && NAME_WORDS.has(value)
}
/** Length and first code unit in one number (a Map key that needs no string hash). */
function shape(value: string): number {
  return value.length * 0x10000 + value.charCodeAt(0)
}
/** `polish` is also a verb and a noun: capitalized only before these nouns. */
const POLISH_NOUNS = new Set(['government', 'president', 'prime', 'minister', 'army', 'police', 'people', 'border', 'capital', 'authorities', 'parliament', 'state', 'economy', 'side', 'zloty', 'presidency', 'foreign', 'national', 'city', 'town', 'company', 'court', 'church', 'law', 'language', 'prosecutor', 'media', 'farmers', 'workers', 'citizens', 'officials', 'opposition', 'ruling', 'embassy', 'ambassador', 'troops', 'soldiers', 'nationals', 'voters', 'election', 'elections'])
const NUMBER_NOUNS = new Set(['Billion', 'Billions', 'Million', 'Millions', 'Thousand', 'Thousands', 'Hundred', 'Hundreds', 'Trillion', 'Trillions', 'Percent'])
/** Nouns that English newsrooms capitalize on purpose for institutions. */
const INSTITUTIONS = new Set([
  'Government', 'State', 'Church', 'Army', 'Navy', 'Court', 'Constitution', 'Senate', 'Parliament', 'Commission',
  'Council', 'Cabinet', 'Crown', 'President', 'Minister', 'Chancellor', 'Pope', 'King', 'Queen', 'Prince',
  'Bank', 'Treasury', 'Party', 'Union', 'Assembly', 'Ministry', 'Department', 'Office', 'Republic', 'Kingdom',
  'Empire', 'Federation', 'Embassy', 'Police', 'Mayor', 'Governor', 'Bishop', 'Cardinal', 'Emperor', 'Left',
  'Right', 'Opposition', 'Prime', 'Secretary', 'General', 'Court', 'House', 'Chamber', 'Congress', 'Bundestag',
  'Supreme', 'Internet', 'Web', 'Earth', 'Moon', 'Sun', 'Bible', 'Koran', 'Quran', 'God', 'Lord', 'Mass',
  'Resistance', 'Liberation', 'Revolution', 'Holocaust', 'Games', 'Cup', 'League', 'Olympics', 'Brexit',
  'Executive', 'Administration', 'Presidency', 'Chancellery', 'Legislature', 'Judiciary', 'Allied', 'Allies', 'Premier',
  'Chairman', 'Chair', 'Speaker', 'Commissioner', 'Ambassador', 'Cardinal', 'Archbishop', 'Dean', 'Rector', 'Admiral'
])
/** Nouns that follow a proper name used as a label: `the Farewell affair`, `the Pegasus scandal`. */
const NAMED_THINGS = new Set([
  'affair', 'scandal', 'case', 'operation', 'doctrine', 'treaty', 'accord', 'accords', 'agreement', 'effect',
  'protocol', 'summit', 'movement', 'era', 'prize', 'award', 'syndrome', 'law', 'act', 'report', 'process',
  'index', 'trial', 'files', 'papers', 'leaks', 'program', 'programme', 'project', 'mission', 'network',
  'group', 'format', 'initiative', 'declaration', 'pact', 'convention', 'rule', 'rules', 'method', 'model',
  'paradox', 'line', 'wall', 'bridge', 'river', 'square', 'street', 'avenue', 'festival', 'awards', 'cup',
  'spyware', 'software', 'virus', 'variant', 'vaccine', 'storm', 'hurricane', 'brand', 'label', 'party'
])

/** Modal verbs: the word after one is a verb, which no house style capitalizes (`can Open the`). */
const MODALS = new Set(['will', 'would', 'can', 'could', 'shall', 'should', 'must', 'might'])
/**
 * Nouns for a body that modify the institution noun after them (`the party Council`, `the club
 * Chairman`): a house style that capitalizes the institution capitalizes the whole compound.
 */
const BODY_NOUNS = new Set([
  'party', 'group', 'faction', 'committee', 'board', 'club', 'league', 'coalition', 'alliance', 'movement',
  'company', 'federation', 'association', 'parliamentary', 'team', 'caucus'
])
/** Formal titles that English capitalizes right before a name (`President Kowalczyk`). */
const NAME_TITLES = new Set([
  'president', 'minister', 'chancellor', 'premier', 'senator', 'governor', 'mayor', 'king', 'queen', 'pope',
  'prince', 'princess', 'cardinal', 'archbishop', 'bishop', 'commissioner', 'ambassador', 'congressman', 'congresswoman'
])
/** Titles of an office that name its field (`Minister of Culture`, `Secretary of State`). */
const OFFICE_TITLES = new Set([...NAME_TITLES, 'secretary', 'director', 'head', 'chief', 'deputy'])
/** Words a bare title follows when it opens a name (`but president X`, `with chancellor Y`), not a noun phrase (`the former president`). */
const TITLE_LEADS = new Set([
  'and', 'but', 'or', 'with', 'by', 'of', 'to', 'from', 'for', 'that', 'when', 'while', 'as', 'under', 'between',
  'against', 'said', 'says', 'told', 'met', 'called', 'urged', 'asked', 'thanked', 'because', 'if', 'since', 'after', 'before'
])
/** Pronouns that cannot follow a name mid-sentence (`Pedro Alvarado He signed`): a subject repeated from the source. */
const NAME_PRONOUNS = new Set(['He', 'She', 'It', 'They', 'We'])

/** Parties named by one word after `the` (`the Left`, `the Greens`, `the Union`). */
const PARTY_WORDS = new Set(['left', 'right', 'greens', 'liberals', 'conservatives', 'socialists', 'communists', 'centre', 'union'])
/** Words before `the left` that make it a direction: `to the left`, `on the right`. */
const DIRECTION_WORDS = new Set(['to', 'on', 'from', 'at', 'towards', 'toward', 'into', 'onto', 'far', 'of', 'in', 'by'])
/** Words after a party that is a subject or an object: auxiliaries, conjunctions, verbs of politics. */
const PARTY_FOLLOWERS = new Set([
  'is', 'was', 'are', 'were', 'has', 'had', 'have', 'will', 'would', 'should', 'could', 'can', 'must', 'may', 'might',
  'and', 'or', 'but', 'wants', 'want', 'says', 'said', 'warns', 'warned', 'demands', 'calls', 'won', 'wins', 'lost', 'loses'
])

/** Short words inside a title run: `House of Commons`, `Fight against Poverty`. */
const TITLE_LINKS = new Set(['of', 'for', 'and', 'the', 'de', 'on', 'in', 'against', 'to', 'at', 'with', 'by', '&'])

/** `value` at `i` continues or opens a run of capitalized words joined by short links (a name or a title). */
function titleRun(words: WordSpan[], i: number, text: string): boolean {
  for (const step of [-1, 1]) {
    let k = i + step
    let links = 0
    while (k >= 0 && k < words.length && links <= 2 && TITLE_LINKS.has(words[k].value)) {
      k += step
      links++
    }
    if (links === 0 || k < 0 || k >= words.length) continue
    const gap = step < 0 ? text.slice(words[k].end, words[i].start) : text.slice(words[i].end, words[k].start)
    if (/^[ \u00A0\p{L}&]+$/u.test(gap) && /^\p{Lu}/u.test(words[k].value)) return true
  }
  return false
}

export default defineRule<CaseOptions>({
  id: 'case',
  category: 'case',
  readsTree: true,
  description: 'Source-language capitalisation: German capitalized nouns, French lowercase months, days and nationalities.',
  note:
    'Machine translation keeps the casing rules of the source: German capitalizes every noun (`a Billion euros`), French, Spanish and Italian write months, days and nationality adjectives in lower case (`on tuesday, march 3`, `an algerian national`).',
  defaults: {names: true, nouns: true, paragraphs: true, sentences: true},
  check(ctx) {
    const {text, options} = ctx
    const view = viewOf(ctx.tree)
    const words = view.words
    let lex: Lexicon | undefined
    let sentence = 0
    /** Words for the lower-cased-name check below: lower case, after a capitalized word and one space. */
    const lowerNames: number[] = []
    /** Candidates for a German-style capital, judged once the whole text is counted. */
    const capitals: Array<{w: WordSpan; lower: string; modal: boolean; body: boolean}> = []
    /** Other mid-sentence capitals found (`the dinosaur It was`): evidence of source casing for the nouns. */
    let functionCapitals = 0
    /** Report `span` with one suggested spelling (a change of case: never applied by `fix` alone). */
    const suggest = (span: {start: number; end: number}, expected: string, reason: string, note?: string) =>
      ctx.report({start: span.start, end: span.end, expected: [expected], fix: 'suggestion', reason, note})
    /** A lower-case word that the dictionary knows only capitalized: `lisbon`, `buddhism`, `rolex`. */
    const properLower = (i: number) => {
      const w = words[i]
      if (!lowerWord(w.value, 1) || !prose(text, w)) return
      lex ??= getLexicon()
      if (lex.isLowerWord(w.value)) return
      const upper = w.value[0].toUpperCase() + w.value.slice(1)
      if (!lex.hasExact(upper)) return
      suggest(w, upper, `Unexpected lower-case \`${w.value}\`, expected \`${upper}\``, `The dictionary knows \`${upper}\` only capitalized (a name, a place, a religion or a brand).`)
    }
    for (let i = 0; i < words.length; i++) {
      const w = words[i]
      const value = w.value
      // Cheap first-character test before anything else: names are lower-case ASCII words from
      // the sets below, nouns start with an upper-case letter (ASCII or not).
      const c = value.charCodeAt(0)
      if (options.names && i > 0 && value.length >= 4 && isLowerStart(value)) {
        const prev = words[i - 1]
        const gap = text.charCodeAt(prev.end)
        if (w.start - prev.end === 1 && (gap === 32 || gap === 0xa0) && !isLowerStart(prev.value)) lowerNames.push(i)
      }
      if (options.names && c >= 97 && c <= 122 && isNameWord(value) && prose(text, w)) {
        // Set members are lower-case letters: `value` is lower case and all letters.
        const lower = value
        let certain = false
        let candidate = false
        if (DAY_SET.has(lower)) candidate = certain = true
        else if (MONTH_SET.has(lower)) {
          candidate = true
          certain = !AMBIGUOUS_MONTHS.has(lower) || dateContext(text, w)
          if (AMBIGUOUS_MONTHS.has(lower) && !certain) candidate = false
        } else if (NATIONALITY_SET.has(lower)) {
          const next = words[i + 1]
          // An adjective before a lower-case noun, or a noun after an article: `the british daily`, `an algerian`.
          const nextLower = next && lowerWord(next.value, 1) && /^[ \u00A0]+$/.test(text.slice(w.end, next.start))
          const prev = words[i - 1]
          const afterArticle = prev && /^(the|a|an)$/i.test(prev.value)
          candidate = Boolean(nextLower || afterArticle)
          certain = candidate
          if (lower === 'polish' && !(afterArticle && next && POLISH_NOUNS.has(next.value))) candidate = false
        }
        if (candidate) {
          const upper = lower[0].toUpperCase() + lower.slice(1)
          ctx.report({
            start: w.start,
            end: w.end,
            expected: [upper],
            fix: certain ? 'safe' : 'suggestion',
            reason: `Unexpected lower-case \`${value}\`, expected \`${upper}\``
          })
        }
        continue
      }
      if (!options.nouns || value.length < 3 || !((c >= 65 && c <= 90) || c > 127)) {
        if (options.names && c >= 97 && c <= 122 && value.length >= 4) properLower(i)
        continue
      }
      if (i === 0 || !capitalHyphenWord(value) || !prose(text, w)) continue
      // The sentence holding this word (words come in order, so the index only moves forward).
      while (sentence < view.sentences.length - 1 && view.sentences[sentence].end <= w.start) sentence++
      const sentenceStart = view.sentences[sentence]?.start ?? 0
      if (firstWordOfSentence(words, i, sentenceStart, text)) continue
      const prev = words[i - 1]
      const next = words[i + 1]
      if (!prev || text.slice(prev.end, w.start) !== ' ') continue
      // Mid-sentence after a lower-case word or a number: `the negotiating Table`, `a Dozen`, `will Wake up`.
      // `a Thousand euros`, but not `a Thousand Points of Light` (a title).
      const number = NUMBER_NOUNS.has(value) && /^(a|one|two|three|several|many|few|some|hundred|\d+)$/.test(prev.value) && next !== undefined && lowerWord(next.value, 1)
      if (!number && !lowerWord(prev.value, 1)) continue
      if (!number) {
        lex ??= getLexicon()
        const lower = value.toLowerCase()
        // `can Open the`, `will Mark`: a verb after a modal (even one the dictionary also knows as a name).
        const modal = MODALS.has(prev.value)
        // `the party Council`, `the club Chairman`: an institution after a lower-case body noun.
        const body = BODY_NOUNS.has(prev.value) && INSTITUTIONS.has(value)
        // A word the dictionary knows only in lower case: not a name, a brand or a demonym.
        if (!lex.hasExact(lower) || (lex.hasExact(value) && !modal && !body)) continue
        // `serve Him`: the reverent capital of a pronoun is another matter.
        if (PRONOUNS.has(lower)) continue
        const after = next ? text.slice(w.end, next.start) : ''
        const nextWord = next && /^[ \u00A0]$/.test(after) ? next.value : undefined
        // `the Grand Canyon`, `the Fight against Poverty-linked Diseases`: part of a name or a title run.
        if (nextWord && /^\p{Lu}/u.test(nextWord)) continue
        if (!body && titleRun(words, i, text)) continue
        // `the Times reported`, `the Journal said`: a publication named by its one word.
        if (nextWord && REPORTING_VERBS.has(nextWord)) continue
        // `the Government said`, `between Police and`: institutions, capitalized on purpose in house styles.
        if (INSTITUTIONS.has(value) && !body) continue
        // `said Tusk`: a surname that is also a word.
        if (REPORTING_VERBS.has(prev.value)) continue
        // `the Legion d’honneur`: a foreign name.
        if (nextWord && !lex.isWord(nextWord)) continue
        // `the Farewell affair`, `the Dreyfus case`: a name given to an event or a text.
        if (nextWord && NAMED_THINGS.has(nextWord)) continue
        if (titleCaseLine(text, w.start)) continue
      }
      const lower = value.toLowerCase()
      if (!number) {
        capitals.push({w, lower, modal: MODALS.has(prev.value), body: BODY_NOUNS.has(prev.value) && INSTITUTIONS.has(value)})
        continue
      }
      ctx.report({
        start: w.start,
        end: w.end,
        expected: [lower],
        fix: number ? 'safe' : 'suggestion',
        reason: `Unexpected capitalized \`${value}\` mid-sentence, expected \`${lower}\``,
        note: number ? undefined : `The dictionary knows \`${lower}\` only in lower case, and it is not part of a name or a title here. German capitalizes every noun; machine translation often keeps the capital.`
      })
    }

    if (options.names) {
      // A name written in lower case once (`Matteo salvini`) when the document capitalizes it elsewhere.
      const found: Array<{w: WordSpan; upper: string; given: boolean}> = []
      for (const i of lowerNames) {
        const w = words[i]
        const prev = words[i - 1]
        if (!lowerWord(w.value, 4) || !capitalWord(prev.value)) continue
        lex ??= getLexicon()
        if (lex.isWord(w.value)) continue
        found.push({w, upper: w.value[0].toUpperCase() + w.value.slice(1), given: firstNameGender(prev.value) !== undefined})
      }
      if (found.length > 0) {
        // How often each form of the candidates occurs: one pass, counting only those forms.
        const counts = new Map<string, number>()
        const shapes = new Set<number>()
        for (const {w, upper} of found) {
          counts.set(w.value, 0).set(upper, 0)
          shapes.add(shape(w.value)).add(shape(upper))
        }
        for (const x of words) {
          if (!shapes.has(shape(x.value))) continue
          const n = counts.get(x.value)
          if (n !== undefined) counts.set(x.value, n + 1)
        }
        for (const {w, upper, given} of found) {
          // After a first name (`Matteo salvini`) one capitalized use elsewhere is enough.
          if (counts.get(upper)! < (given ? 1 : 2) || counts.get(w.value)! > 1) continue
          suggest(w, upper, `Unexpected lower-case \`${w.value}\`, expected \`${upper}\` as elsewhere in the text`)
        }
      }
    }

    if (options.names) {
      for (let i = 0; i + 1 < words.length; i++) {
        const w = words[i]
        const next = words[i + 1]
        if (NAME_TITLES.has(w.value)) {
          // A bare title right before a name: `but president Kowalczyk`, `with chancellor Scholz`.
          const prev = words[i - 1]
          if (!prev || !TITLE_LEADS.has(prev.value.toLowerCase()) || text.slice(prev.end, w.start) !== ' ' || text.slice(w.end, next.start) !== ' ') continue
          if (!capitalWord(next.value) || !prose(text, w)) continue
          lex ??= getLexicon()
          if (lex.isLowerWord(next.value)) continue
          const upper = w.value[0].toUpperCase() + w.value.slice(1)
          suggest(w, upper, `Unexpected lower-case \`${w.value}\` before a name, expected \`${upper}\``, 'English capitalizes a formal title written right before a name (`President Macron`), and lower-cases it only as a description (`the president, Emmanuel Macron`).')
        } else if ((w.value === 'of' || w.value === 'for') && i > 0 && i + 2 < words.length) {
          // A title in capitals but one word, before a name: `Minister of health Anna Nowak`.
          const title = words[i - 1]
          const name = words[i + 2]
          // The title mid-sentence (at a sentence start its capital says nothing: `Head of state Xi`).
          if (i < 2 || !/^\p{Lu}\p{Ll}+$/u.test(title.value) || !OFFICE_TITLES.has(title.value.toLowerCase()) || text.slice(words[i - 2].end, title.start) !== ' ') continue
          if (!/^\p{Ll}{4,}$/u.test(next.value) || !/^\p{Lu}\p{Ll}+$/u.test(name.value) || firstNameGender(name.value) === undefined) continue
          if (text.slice(title.end, name.start) !== ` ${w.value} ${next.value} `) continue
          lex ??= getLexicon()
          if (!lex.isLowerWord(next.value)) continue
          const upper = next.value[0].toUpperCase() + next.value.slice(1)
          suggest(next, upper, `Unexpected lower-case \`${next.value}\` in the title \`${title.value} ${w.value} ${next.value}\`, expected \`${upper}\``)
        }
      }
    }

    if (options.nouns && options.preset === 'strict') {
      // A capitalized function word right after a comma, mid-sentence: `Mr Chancellor, What is missing`.
      // Find each `, ` first, then confirm the letter before it and the word after it there only.
      for (let p = text.indexOf(', '); p >= 0; p = text.indexOf(', ', p + 2)) {
        if (!lowerBefore(text, p)) continue
        COMMA_WORD.lastIndex = p + 2
        const m = COMMA_WORD.exec(text)
        if (!m) continue
        const lower = m[0].toLowerCase()
        ctx.report({
          start: m.index,
          end: m.index + m[0].length,
          expected: [lower],
          fix: 'suggestion',
          reason: `Unexpected capitalized \`${m[0]}\` after a comma, expected \`${lower}\``
        })
      }
    }

    /**
     * The pronoun at `i` follows a full name mid-sentence (`Pedro Alvarado He signed`): two capitalized
     * words, the second one no common word, the first not opening the sentence.
     */
    const afterName = (i: number): boolean => {
      if (i < 3 || !NAME_PRONOUNS.has(words[i].value)) return false
      const name = words[i - 1]
      const first = words[i - 2]
      if (!/^\p{Lu}\p{Ll}+$/u.test(name.value) || !/^\p{Lu}\p{Ll}+$/u.test(first.value)) return false
      if (text.slice(first.end, name.start) !== ' ' || !/^[ \u00A0\p{L},]+$/u.test(text.slice(words[i - 3].end, first.start))) return false
      lex ??= getLexicon()
      return !lex.isLowerWord(name.value)
    }

    if (options.sentences) {
      // A sentence that starts in lower case after a full stop, mid-line: `told AFP. the boss of the guide`.
      for (let i = 1; i < words.length; i++) {
        const w = words[i]
        const prev = words[i - 1]
        if (!lowerWord(w.value, 2)) continue
        // The parser keeps the stop with the word when it does not split there (`reporters.`).
        const gap = text.slice(prev.end, w.start)
        if (!(gap === '. ' || (gap === ' ' && prev.value.endsWith('.')))) continue
        const bare = prev.value.endsWith('.') ? prev.value.slice(0, -1) : prev.value
        // `told reporters. the`, `by ANSA. the`: a word or an acronym (not a Roman numeral) ends the sentence.
        // A Roman numeral with a stop is an ordinal (`the XIV. century`), not a sentence end.
        if (/^[IVXLCDM]+$/.test(bare)) continue
        const acronym = /^\p{Lu}{2,5}$/u.test(bare)
        if (!(acronym || /^\p{L}{3,}$/u.test(bare)) || ABBREVIATIONS.has(bare.toLowerCase())) continue
        lex ??= getLexicon()
        if (!lex.hasExact(w.value) || !(acronym || lex.isWord(bare))) continue
        const upper = w.value[0].toUpperCase() + w.value.slice(1)
        suggest(w, upper, `Unexpected lower-case \`${w.value}\` after a full stop, expected \`${upper}\` (or a comma before it)`, 'A sentence starts in lower case after a full stop: either the stop should be a comma, or the capital was lost.')
      }
      // A capitalized pronoun or article right after a lower-case word (or an acronym), mid-sentence.
      for (let i = 1; i + 1 < words.length; i++) {
        const w = words[i]
        if (!CAPITAL_FUNCTION.has(w.value)) continue
        const prev = words[i - 1]
        const next = words[i + 1]
        if (text.slice(prev.end, w.start) !== ' ' || text.slice(w.end, next.start) !== ' ') continue
        // After a lower-case word, or an acronym that is not a Roman numeral or part of a heading in capitals.
        const acronym = /^\p{Lu}{2,4}$/u.test(prev.value) && !/^[IVXLC]+$/.test(prev.value) && !(i >= 2 && /^\p{Lu}{2,}$/u.test(words[i - 2].value))
        if (!lowerWord(next.value, 1)) continue
        if (!(acronym || (lowerWord(prev.value, 2) && w.value !== 'He' && w.value !== 'She') || afterName(i))) continue
        if (titleCaseLine(text, w.start)) continue
        functionCapitals++
        const lower = w.value.toLowerCase()
        suggest(w, lower, `Unexpected capitalized \`${w.value}\` mid-sentence, expected \`${lower}\` (or a sentence break before it)`, 'A capitalized pronoun or article follows a word with no punctuation between: a sentence joined to the one before, or a subject repeated from the source.')
      }
    }

    // In the recommended preset, one stray capital in a long text is not evidence of German word casing;
    // a capitalized pronoun mid-sentence, a verb after a modal or an institution after a body noun is.
    const evidence = capitals.length + functionCapitals
    const enough = options.preset === 'strict' || (evidence >= 2 && evidence * 1000 >= 1.5 * words.length)
    if (capitals.length > 0) {
      // A word capitalized twice or more and never written in lower case is a name (`Free`, `Tusk`).
      const counts = new Map<string, number>()
      for (const {w, lower} of capitals) counts.set(w.value, 0).set(lower, 0)
      for (const x of words) {
        const n = counts.get(x.value)
        if (n !== undefined) counts.set(x.value, n + 1)
      }
      for (const {w, lower, modal, body} of capitals) {
        if (!enough && !modal && !body) continue
        // Capitalized three times or more: a house style (`the Budget`, `this Message`), not a slip.
        // After a body noun the compound is not capitalized whole (`the party Council`): no house style.
        if (!body && ((counts.get(w.value)! >= 2 && counts.get(lower) === 0) || counts.get(w.value)! >= 3)) continue
        suggest(w, lower, `Unexpected capitalized \`${w.value}\` mid-sentence, expected \`${lower}\``, `The dictionary knows \`${lower}\` only in lower case, and it is not part of a name or a title here. German capitalizes every noun; machine translation often keeps the capital.`)
      }
    }

    if (options.names) {
      // A name with a stray capital inside (`GiorGia`) when the text also writes it normally (`Giorgia`).
      const odd: WordSpan[] = []
      for (const w of words) if (oddCapital(w.value)) odd.push(w)
      // The normal forms only when some word has a stray capital (seldom).
      const normal = new Set<string>()
      if (odd.length > 0) for (const w of words) if (capitalWord(w.value)) normal.add(w.value)
      for (const w of odd) {
        const fixedCase = w.value[0] + w.value.slice(1).toLowerCase()
        if (!normal.has(fixedCase)) continue
        suggest(w, fixedCase, `Unexpected \`${w.value}\`, expected \`${fixedCase}\` as elsewhere in the text`)
      }
    }

    if (options.sentences) {
      // A capitalized conjunction after a quotation closed mid-sentence: `of “Vigilance” And “twelve units”`.
      // The quotation ends on a letter (no full stop inside or after it), so the sentence goes on.
      for (let i = 1; i + 1 < words.length; i++) {
        const w = words[i]
        if (w.value !== 'And' && w.value !== 'But' && w.value !== 'Or') continue
        const gap = text.slice(words[i - 1].end, w.start)
        if (gap !== '” ' && gap !== '" ') continue
        const after = text.slice(w.end, words[i + 1].start)
        if (!(after === ' ' && /^\p{Ll}/u.test(words[i + 1].value)) && after !== ' “' && after !== ' "') continue
        if (!/\p{Ll}$/u.test(words[i - 1].value) || titleCaseLine(text, w.start)) continue
        const lower = w.value.toLowerCase()
        suggest(w, lower, `Unexpected capitalized \`${w.value}\` after a closing quotation mark, expected \`${lower}\``, 'The quotation ends mid-sentence (no full stop in or after it), so the conjunction after it goes on the same sentence.')
      }
    }

    if (options.names) {
      // A party the text names with a capital (`the Greens and the Left`) written once in lower case as
      // a subject or an object (`the left should`, `with the left.`), not as a direction (`to the left`).
      const named = new Set<string>()
      const lowered: number[] = []
      for (let i = 1; i < words.length; i++) {
        const w = words[i]
        // The article first: most words follow no `the` (and need no lower-case copy).
        if ((words[i - 1].value !== 'the' && words[i - 1].value !== 'The') || text.slice(words[i - 1].end, w.start) !== ' ') continue
        const lower = w.value.toLowerCase()
        if (!PARTY_WORDS.has(lower)) continue
        if (w.value === lower) lowered.push(i)
        else if (words[i - 1].value === 'the' && w.value === lower[0].toUpperCase() + lower.slice(1) && !(words[i + 1] && /^\p{Lu}/u.test(words[i + 1].value) && text.slice(w.end, words[i + 1].start) === ' ')) named.add(lower)
      }
      for (const i of lowered) {
        const w = words[i]
        if (!named.has(w.value)) continue
        const before = words[i - 2]
        if (before && DIRECTION_WORDS.has(before.value.toLowerCase())) continue
        const next = words[i + 1]
        const after = next ? text.slice(w.end, next.start) : text.slice(w.end)
        // Followed by punctuation, or by a verb or a conjunction: the party itself, not `the left wing`.
        if (after === ' ' ? !PARTY_FOLLOWERS.has(next!.value) && !/^\p{Ll}{3,}ed$/u.test(next!.value) : !/^[,.;:!?]/.test(after)) continue
        const upper = w.value[0].toUpperCase() + w.value.slice(1)
        suggest(w, upper, `Unexpected lower-case \`${w.value}\`, expected \`${upper}\` as elsewhere in the text`, `The text names the party \`the ${upper}\` elsewhere; written in lower case it reads as a direction or an ordinary word.`)
      }
    }

    if (options.paragraphs) {
      // A paragraph that starts in lower case after a finished paragraph: a scraped break.
      // Find each line break first: the finished sentence ends just before it (spaces and tabs aside).
      for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) {
        let k = nl
        while (k > 0 && (text.charCodeAt(k - 1) === 32 || text.charCodeAt(k - 1) === 9)) k--
        if (k === 0 || !'.!?”"'.includes(text[k - 1])) continue
        PARAGRAPH_WORD.lastIndex = nl + 1
        const m = PARAGRAPH_WORD.exec(text)
        if (!m) continue
        const word = m[1]
        const start = m.index + m[0].length - word.length
        lex ??= getLexicon()
        if (!lex.hasExact(word)) continue
        const upper = word[0].toUpperCase() + word.slice(1)
        ctx.report({
          start,
          end: start + word.length,
          expected: [upper],
          fix: 'suggestion',
          reason: `Unexpected lower-case \`${word}\` at the start of a paragraph, expected \`${upper}\` (or the paragraph joined to the one before)`
        })
      }
    }
  }
})

/** A capitalized function word after a comma, before a lower-case word (matched at one position). */
const COMMA_WORD = /(?:And|But|Or|What|Which|Who|That|This|It|Is|Are|Was|Were|In|On|Of|For|With|To|As|He|She|They|We|There|Here|How|Why|When|Where)(?= \p{Ll})/uy
/** The lower-case word that opens a line (matched right after the line break). */
const PARAGRAPH_WORD = /\s*(\p{Ll}+)(?=[ ,.;:!?])/uy
const LOWER_END = /\p{Ll}$/u

/*
 * Word shapes tested on every word: an ASCII word (most) by its char codes, as in ASCII \p{Ll} is
 * a-z and \p{Lu} A-Z; a word with another character by the regex. (A Unicode regex per word
 * was most of this rule's time.)
 */
const LOWER_WORDS = [/^\p{Ll}+$/u, /^\p{Ll}+$/u, /^\p{Ll}{2,}$/u, /^\p{Ll}{3,}$/u, /^\p{Ll}{4,}$/u]
const CAPITAL_WORD = /^\p{Lu}\p{Ll}+$/u
const CAPITAL_HYPHEN_WORD = /^\p{Lu}\p{Ll}+(?:-\p{Ll}+)*$/u
const ODD_CAPITAL = /^\p{Lu}\p{Ll}+\p{Lu}\p{Ll}+$/u

/** `/^\p{Ll}{min,}$/u.test(value)`, min 1 to 4. */
function lowerWord(value: string, min: number): boolean {
  if (value.length < min) return false
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i)
    if (c >= 128) return LOWER_WORDS[min].test(value)
    if (c < 97 || c > 122) return false
  }
  return true
}

/** `/^\p{Lu}\p{Ll}+\p{Lu}\p{Ll}+$/u.test(value)` (a name with a stray capital inside: `GiorGia`). */
function oddCapital(value: string): boolean {
  // Capital, lower case, capital, lower case: the humps read so far (a capital after a lower-case letter starts the second).
  let humps = 0
  let lower = false
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i)
    if (c >= 128) return ODD_CAPITAL.test(value)
    if (c >= 65 && c <= 90) {
      if (i > 0 && !lower) return false
      if (++humps > 2) return false
      lower = false
    } else if (c >= 97 && c <= 122) {
      if (humps === 0) return false
      lower = true
    } else return false
  }
  return humps === 2 && lower
}

/** `/^\p{Lu}\p{Ll}+$/u.test(value)`. */
function capitalWord(value: string): boolean {
  const c = value.charCodeAt(0)
  if (c >= 128) return CAPITAL_WORD.test(value)
  if (c < 65 || c > 90 || value.length < 2) return false
  for (let i = 1; i < value.length; i++) {
    const d = value.charCodeAt(i)
    if (d >= 128) return CAPITAL_WORD.test(value)
    if (d < 97 || d > 122) return false
  }
  return true
}

/** `/^\p{Lu}\p{Ll}+(?:-\p{Ll}+)*$/u.test(value)`. */
function capitalHyphenWord(value: string): boolean {
  const c = value.charCodeAt(0)
  if (c >= 128) return CAPITAL_HYPHEN_WORD.test(value)
  if (c < 65 || c > 90 || value.length < 2) return false
  // Whether the last character read is a lower-case letter (a hyphen must come after one).
  let letter = false
  for (let i = 1; i < value.length; i++) {
    const d = value.charCodeAt(i)
    if (d >= 128) return CAPITAL_HYPHEN_WORD.test(value)
    if (d >= 97 && d <= 122) letter = true
    else if (d === 45 && letter) letter = false
    else return false
  }
  return letter
}

/** A lower-case letter ends just before `p` (the code point, which may be a surrogate pair). */
function lowerBefore(text: string, p: number): boolean {
  const c = text.charCodeAt(p - 1)
  if (c >= 97 && c <= 122) return true
  if (c < 128 || p === 0) return false
  return LOWER_END.test(text.slice(Math.max(0, p - 2), p))
}

/** Cheap pre-check: the first character is a lower-case ASCII letter or non-ASCII. */
function isLowerStart(value: string): boolean {
  const c = value.charCodeAt(0)
  return (c >= 97 && c <= 122) || (c > 127 && value[0] !== value[0].toUpperCase())
}

function firstWordOfSentence(words: WordSpan[], i: number, sentenceStart: number, text: string): boolean {
  if (i === 0 || words[i - 1].end <= sentenceStart) return true
  const between = text.slice(words[i - 1].end, words[i].start)
  return /[.!?:;“"‘«(\n\-–—]/.test(between)
}

/** ASCII code units that may not stand right before (bit 1) or right after (bit 2) a word of prose. */
const NOT_PROSE = new Uint8Array(128)
for (const c of '@#/\\_.`=-') NOT_PROSE[c.charCodeAt(0)] |= 1
for (const c of '@/\\_`=') NOT_PROSE[c.charCodeAt(0)] |= 2

/** Not inside a URL, e-mail, hashtag or code. */
function prose(text: string, w: WordSpan): boolean {
  // By char code (NaN before the start and past the end: no sign): called for most words.
  const before = text.charCodeAt(w.start - 1)
  const after = text.charCodeAt(w.end)
  if ((before < 128 && NOT_PROSE[before] & 1) || (after < 128 && NOT_PROSE[after] & 2)) return false
  if (after === 46 && /\p{L}/u.test(text[w.end + 1] ?? '')) return false
  return true
}

function dateContext(text: string, w: WordSpan): boolean {
  const before = text.slice(Math.max(0, w.start - 12), w.start)
  const after = text.slice(w.end, w.end + 8)
  return /(?:^|\D)\d{1,2}(?:st|nd|rd|th)?[ \u00A0]+(?:of[ \u00A0]+)?$/.test(before) || /^[ \u00A0]+\d/.test(after) || /^,?[ \u00A0]+(?:19|20)\d\d/.test(after) || (/\b(?:in|since|until|till|early|late|mid|from|by|of|last|next|this)[ \u00A0]+$/i.test(before) && /^[ \u00A0]*[,.;)]|^[ \u00A0]+(?:and|to|or|when|the|this|last)\b/.test(after))
}

/** The line holding `at` is in title case (a headline): most of its words capitalized. */
let titleCache: {text: string; start: number; end: number; title: boolean} | undefined
function titleCaseLine(text: string, at: number): boolean {
  if (titleCache && titleCache.text === text && at >= titleCache.start && at <= titleCache.end) return titleCache.title
  const s = text.lastIndexOf('\n', at) + 1
  let e = text.indexOf('\n', at)
  if (e < 0) e = text.length
  const line = text.slice(s, e)
  const ws = line.match(/\p{L}+/gu) ?? []
  let title = false
  if (ws.length > 0) {
    const caps = ws.filter((x) => /^\p{Lu}/u.test(x)).length
    title = caps / ws.length >= 0.6 || (ws.length <= 12 && !/[.!?]\s*$/.test(line))
  }
  titleCache = {text, start: s, end: e, title}
  return title
}
