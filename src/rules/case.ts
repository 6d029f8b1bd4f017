import {viewOf, type WordSpan} from '../document.js'
import {getLexicon, type Lexicon} from '../lexicon/index.js'
import {DAYS, MONTHS, NATIONALITIES} from '../lexicon/words.js'
import {defineRule} from '../rule.js'

export interface CaseOptions {
  /** Capitalize lowercase days, months and nationality adjectives (French/Spanish/Italian style). */
  names: boolean
  /** Report common nouns capitalized mid-sentence (German style): `the new Government plan`. */
  nouns: boolean
  /** Report a paragraph that starts in lower case after a finished one (a scraped break). */
  paragraphs: boolean
}

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
  'Resistance', 'Liberation', 'Revolution', 'Holocaust', 'Games', 'Cup', 'League', 'Olympics', 'Brexit'
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

/** Words after which a capital is expected (titles, quotes, list markers). */
const FUNCTION_BEFORE = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'their', 'his', 'her', 'our', 'new', 'old', 'of', 'for', 'with', 'and', 'or', 'many', 'some', 'every', 'each', 'no', 'more', 'few', 'several'])

export default defineRule<CaseOptions>({
  id: 'case',
  category: 'case',
  readsTree: true,
  description: 'Source-language capitalisation: German capitalized nouns, French lowercase months, days and nationalities.',
  note:
    'Machine translation keeps the casing rules of the source: German capitalizes every noun (`a Billion euros`), French, Spanish and Italian write months, days and nationality adjectives in lower case (`on tuesday, march 3`, `an algerian national`).',
  defaults: {names: true, nouns: true, paragraphs: true},
  check(ctx) {
    const {text, options} = ctx
    const view = viewOf(ctx.tree)
    const words = view.words
    let lex: Lexicon | undefined
    let sentence = 0
    /** Words for the lower-cased-name check below: lower case, after a capitalized word and one space. */
    const lowerNames: number[] = []
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
          const nextLower = next && /^\p{Ll}+$/u.test(next.value) && /^[ \u00A0]+$/.test(text.slice(w.end, next.start))
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
      if (!options.nouns || value.length < 4 || !((c >= 65 && c <= 90) || c > 127)) continue
      // Reported only after a function word, or as a number noun (checked in full below): test that first.
      if (i === 0 || !(FUNCTION_BEFORE.has(words[i - 1].value) || NUMBER_NOUNS.has(value))) continue
      if (!/^\p{Lu}\p{Ll}+$/u.test(value) || !prose(text, w)) continue
      // The sentence holding this word (words come in order, so the index only moves forward).
      while (sentence < view.sentences.length - 1 && view.sentences[sentence].end <= w.start) sentence++
      const sentenceStart = view.sentences[sentence]?.start ?? 0
      if (firstWordOfSentence(words, i, sentenceStart, text)) continue
      const prev = words[i - 1]
      const next = words[i + 1]
      if (!prev || !next) continue
      if (!/^[ \u00A0]+$/.test(text.slice(prev.end, w.start)) || !/^[ \u00A0]+$/.test(text.slice(w.end, next.start))) continue
      if (!/^\p{Ll}+$/u.test(prev.value) || !/^\p{Ll}+$/u.test(next.value)) continue
      const number = NUMBER_NOUNS.has(value) && (/^(a|one|two|three|several|many|few|some|hundred|\d+)$/.test(prev.value))
      if (!number) {
        // `the Government said` is house style in British English; `the new Government plan` is not.
        if ((INSTITUTIONS.has(value) && prev.value !== 'new' && prev.value !== 'old') || !FUNCTION_BEFORE.has(prev.value)) continue
        // `the Minister of the Interior`, `a President of the Republic`: a title, capitalized on purpose.
        if (next.value === 'of' || next.value === 'de' || next.value === 'du') continue
        // `the Farewell affair`, `the Dreyfus case`: a name given to an event or a text.
        if (NAMED_THINGS.has(next.value)) continue
        // `the Minister of the Interior`: the second half of a title.
        if (prev.value === 'of' || words[i - 2]?.value === 'of') continue
        if (/(?:ist|ists|ite|ites|ian|ians|an|ans|ic|ics)$/.test(value) && /^\p{Lu}/u.test(value)) continue
        lex ??= getLexicon()
        const lower = value.toLowerCase()
        // A common noun the dictionary knows only in lower case, in a line that is not in title case.
        if (!lex.hasExact(lower) || lex.hasExact(value)) continue
        if (titleCaseLine(text, w.start)) continue
      }
      const lower = value.toLowerCase()
      ctx.report({
        start: w.start,
        end: w.end,
        expected: [lower],
        fix: number ? 'safe' : 'suggestion',
        reason: `Unexpected capitalized \`${value}\` mid-sentence, expected \`${lower}\``
      })
    }

    if (options.names) {
      // A name written in lower case once (`Matteo salvini`) when the document capitalizes it elsewhere.
      const found: Array<{w: WordSpan; upper: string}> = []
      for (const i of lowerNames) {
        const w = words[i]
        const prev = words[i - 1]
        if (!/^\p{Ll}{4,}$/u.test(w.value) || !/^\p{Lu}\p{Ll}+$/u.test(prev.value)) continue
        lex ??= getLexicon()
        if (lex.isWord(w.value)) continue
        found.push({w, upper: w.value[0].toUpperCase() + w.value.slice(1)})
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
        for (const {w, upper} of found) {
          if (counts.get(upper)! < 2 || counts.get(w.value)! > 1) continue
          ctx.report({
            start: w.start,
            end: w.end,
            expected: [upper],
            fix: 'suggestion',
            reason: `Unexpected lower-case \`${w.value}\`, expected \`${upper}\` as elsewhere in the text`
          })
        }
      }
    }

    if (options.nouns) {
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
const PARAGRAPH_WORD = /\s*(\p{Ll}+)(?=[ ,])/uy
const LOWER_END = /\p{Ll}$/u

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

/** Not inside a URL, e-mail, hashtag or code. */
function prose(text: string, w: WordSpan): boolean {
  const before = text[w.start - 1] ?? ' '
  const after = text[w.end] ?? ' '
  if (/[@#/\\_.`=-]/.test(before) || /[@/\\_`=]/.test(after)) return false
  if (after === '.' && /\p{L}/u.test(text[w.end + 1] ?? '')) return false
  return true
}

function dateContext(text: string, w: WordSpan): boolean {
  const before = text.slice(Math.max(0, w.start - 12), w.start)
  const after = text.slice(w.end, w.end + 8)
  return /\d(?:st|nd|rd|th)?[ \u00A0]+(?:of[ \u00A0]+)?$/.test(before) || /^[ \u00A0]+\d/.test(after) || /^,?[ \u00A0]+(?:19|20)\d\d/.test(after) || (/\b(?:in|since|until|till|early|late|mid|from|by|of|last|next|this)[ \u00A0]+$/i.test(before) && /^[ \u00A0]*[,.;)]|^[ \u00A0]+(?:and|to|or|when|the|this|last)\b/.test(after))
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
