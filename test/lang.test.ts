/**
 * The language guess against the old algorithm, kept here as a reference: one
 * regex per language and kind of evidence, each run over the whole text.
 * The one-scan version must give exactly the same scores.
 */
import {existsSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {benchDocuments} from '../bench/corpus.mjs'
import {seededRandom as random} from './helpers.js'
import {countMatches, FUNCTION_WORDS, guessSourceLang, LETTERS, PLACE_CAP, PLACES, WEIGHT} from '../src/lang.js'
import {loadRuleData, RULES_DIR, type DataEntry} from '../src/data/load.js'
import {normalizePhrase, phraseSource} from '../src/match/syntax.js'
import {SOURCE_LANGS, type SourceLang} from '../src/types.js'

// ---------------------------------------------------------------------------
// Reference: the old implementation (src/data/lang.ts before the one-scan rewrite).

// The evidence tables are shared with src: only the way they are counted differs.

interface Evidence {
  /** One regex per language over publication names and residue phrases. */
  phrases: Map<SourceLang, RegExp>
  words: Map<SourceLang, RegExp>
  places: Map<SourceLang, RegExp>
  calques: Map<SourceLang, RegExp>
}

let evidence: Evidence | undefined

function escape(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&').replace(/['’]/g, "['’]")
}

function build(): Evidence {
  const phraseSources = new Map<SourceLang, string[]>()
  const add = (lang: string, source: string) => {
    if (!(SOURCE_LANGS as readonly string[]).includes(lang)) return
    const list = phraseSources.get(lang as SourceLang) ?? []
    list.push(source)
    phraseSources.set(lang as SourceLang, list)
  }
  const load = <T extends DataEntry>(rule: string): T[] => (existsSync(join(RULES_DIR, rule)) ? loadRuleData<T>(rule) : [])
  for (const entry of load<DataEntry & {name: string}>('masthead')) {
    // Names as the publication writes them: case-sensitive, see below.
    add(entry.lang, '\u0000' + escape(entry.name))
  }
  // Residue phrases count for a language only when no other file has them
  // (an English form such as "Read also" renders several languages).
  const owners = new Map<string, Set<string>>()
  const residue: Array<[string, string]> = []
  for (const rule of ['paywall', 'boilerplate']) {
    for (const entry of load<DataEntry & {phrases: string[]}>(rule)) {
      for (const phrase of entry.phrases) {
        const k = normalizePhrase(phrase)
        owners.set(k, (owners.get(k) ?? new Set()).add(entry.lang))
        residue.push([entry.lang, phrase])
      }
    }
  }
  for (const [lang, phrase] of residue) {
    // Phrases that start with a placeholder would be tried at every word of the text: left out.
    if (owners.get(normalizePhrase(phrase))!.size > 1 || /^\s*[{[(]/.test(phrase) || /\{(?:words|rest)\}/.test(phrase)) continue
    add(lang, phraseSource(phrase))
  }
  // Calques typical of one language (plain words only: "underlines", "in the sights").
  const calqueOwners = new Map<string, Set<string>>()
  for (const entry of load<DataEntry & {phrase?: string}>('calque')) {
    const phrase = typeof entry.phrase === 'string' ? entry.phrase.trim().toLowerCase() : ''
    if (!/^[a-z]+(?: [a-z]+)*$/.test(phrase)) continue
    calqueOwners.set(phrase, (calqueOwners.get(phrase) ?? new Set()).add(entry.lang))
  }
  const calques = new Map<SourceLang, string[]>()
  for (const [phrase, langs] of calqueOwners) {
    const [lang] = [...langs]
    if (langs.size !== 1 || !(SOURCE_LANGS as readonly string[]).includes(lang)) continue
    calques.set(lang as SourceLang, [...(calques.get(lang as SourceLang) ?? []), escape(phrase).replace(/ /g, '\\s+')])
  }
  const phrases = new Map<SourceLang, RegExp>()
  for (const [lang, sources] of phraseSources) {
    const names = sources.filter((s) => s.startsWith('\u0000')).map((s) => s.slice(1))
    const others = sources.filter((s) => !s.startsWith('\u0000'))
    // Names must keep their capitals; phrases are case-insensitive: (?i:) is not
    // available on Node 20, so names are written case-sensitively by hand.
    const parts: string[] = []
    if (others.length) parts.push(others.map((s) => `(?:${s})`).join('|'))
    phrases.set(lang, new RegExp(`(?<![\\p{L}\\p{N}])(?:${parts.join('|') || '(?!)'})(?![\\p{L}\\p{N}])`, 'giu'))
    if (names.length) phrases.set(('name:' + lang) as SourceLang, new RegExp(`(?<![\\p{L}\\p{N}])(?:${names.join('|')})(?![\\p{L}\\p{N}])`, 'gu'))
  }
  const words = new Map<SourceLang, RegExp>()
  const places = new Map<SourceLang, RegExp>()
  for (const lang of SOURCE_LANGS) {
    words.set(lang, new RegExp(`(?<![\\p{L}\\p{N}])(?:${FUNCTION_WORDS[lang].map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'gu'))
    places.set(lang, new RegExp(`(?<![\\p{L}\\p{N}])(?:${PLACES[lang].map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'gu'))
  }
  const calqueRegexes = new Map<SourceLang, RegExp>()
  for (const [lang, list] of calques) calqueRegexes.set(lang, new RegExp(`(?<![\\p{L}\\p{N}])(?:${list.join('|')})(?![\\p{L}\\p{N}])`, 'gu'))
  return {phrases, words, places, calques: calqueRegexes}
}



/** The scores of the old algorithm (one regex scan per language and kind of evidence). */
function referenceScores(sample: string): Record<SourceLang, number> {
  evidence ??= build()
  const scores = Object.fromEntries(SOURCE_LANGS.map((l) => [l, 0])) as Record<SourceLang, number>
  for (const lang of SOURCE_LANGS) {
    const phrases = evidence.phrases.get(lang)
    if (phrases) scores[lang] += WEIGHT.residue * countMatches(phrases, sample)
    const names = evidence.phrases.get(('name:' + lang) as SourceLang)
    if (names) scores[lang] += WEIGHT.masthead * countMatches(names, sample, PLACE_CAP)
    scores[lang] += WEIGHT.word * countMatches(evidence.words.get(lang)!, sample, PLACE_CAP)
    scores[lang] += WEIGHT.place * countMatches(evidence.places.get(lang)!, sample, PLACE_CAP)
    const calques = evidence.calques.get(lang)
    if (calques) scores[lang] += WEIGHT.calque * countMatches(calques, sample, 2)
    const letters = LETTERS[lang]
    if (letters) scores[lang] += Math.min(3, WEIGHT.letter * countMatches(letters, sample))
  }
  return scores
}

// ---------------------------------------------------------------------------
// Texts: the terms themselves, in every case and glued to their neighbours, and random mixes.

/** A small seeded generator (mulberry32): the same texts on every run. */

/** One text a phrase pattern matches (placeholders filled in, alternatives and optional parts chosen at random). */
function instance(pattern: string, rand: () => number): string {
  return pattern
    .replace(/\[([^\]]*)\]/g, (_, inner: string) => (rand() < 0.5 ? inner : ''))
    .replace(/\(([^)]*)\)/g, (_, inner: string) => {
      const options = inner.split('|')
      return options[Math.floor(rand() * options.length)]
    })
    .replace(/\{n\}/g, '12')
    .replace(/\{word\}/g, 'Foo')
    .replace(/\{date\}/g, '12 March 2023')
    .replace(/\{time\}/g, '10:30')
    .replace(/\\(.)/g, '$1')
}

function terms(rand: () => number): string[] {
  const out: string[] = [...Object.values(FUNCTION_WORDS).flat(), ...Object.values(PLACES).flat()]
  const load = <T extends DataEntry>(rule: string): T[] => (existsSync(join(RULES_DIR, rule)) ? loadRuleData<T>(rule) : [])
  for (const entry of load<DataEntry & {name: string}>('masthead')) out.push(entry.name)
  for (const rule of ['paywall', 'boilerplate']) {
    for (const entry of load<DataEntry & {phrases: string[]}>(rule)) for (const phrase of entry.phrases) out.push(instance(phrase, rand), instance(phrase, rand))
  }
  for (const entry of load<DataEntry & {phrase?: string}>('calque')) if (typeof entry.phrase === 'string') out.push(entry.phrase.trim().toLowerCase())
  return out
}

const SEPARATORS = [' ', ' ', ' ', '  ', '\t', '\n', '\u00a0', ', ', '. ', '-', "'", '’', '', '·', '"', '(', ') ', '\u2028', ' \r\n']
const NOISE = ['the', 'The', 'les', 'x', '7', 'é', 'e\u0301', '\u0301', 'ſ', 'Σ', '𝐀', '😀', '\ud800', 'ß', 'ẞ', 'Ł', 'ł', 'ü', 'Ü', 'ñ', '¿', '¡', '©', '«', '»', 'œ', 'Œ', 'l·l', 'L·L', 'ã', 'Õ', 'K', 'Å']

function variants(term: string, rand: () => number): string {
  const r = rand()
  if (r < 0.15) return term.toUpperCase()
  if (r < 0.3) return term.toLowerCase()
  if (r < 0.4) return term.replace(/^./u, (c) => c.toUpperCase())
  if (r < 0.45) return term.replace(/s/g, 'ſ')
  if (r < 0.5) return term.replace(/'/g, '’')
  if (r < 0.55) return term.replace(/ /g, ['\u00a0', '\t', '  ', '\n'][Math.floor(rand() * 4)])
  return term
}

function mix(pool: string[], rand: () => number, length: number): string {
  let text = ''
  for (let i = 0; i < length; i++) {
    const pick = rand() < 0.7 ? variants(pool[Math.floor(rand() * pool.length)], rand) : NOISE[Math.floor(rand() * NOISE.length)]
    text += pick + SEPARATORS[Math.floor(rand() * SEPARATORS.length)]
  }
  return text
}

function expectSame(text: string): void {
  const guess = guessSourceLang(text)
  const sample = text.length > 60_000 ? text.slice(0, 30_000) + '\n' + text.slice(-30_000) : text
  expect(guess.scores, text.slice(0, 300)).toEqual(referenceScores(sample))
}

describe('guessSourceLang: the one-scan counts equal the old per-regex counts', () => {
  const rand = random(7)
  const pool = terms(rand)

  it('each term alone, in several cases, with and without neighbours', () => {
    for (const term of pool) {
      for (const text of [term, term.toUpperCase(), term.toLowerCase(), `x${term}`, `${term}x`, `7${term} ${term}7`, `(${term}) ${term}, ${term}. ${term} ${term}`]) expectSame(text)
    }
  })

  it('random mixes of terms, noise and separators', () => {
    for (let n = 0; n < 1500; n++) expectSame(mix(pool, rand, 5 + Math.floor(rand() * 80)))
  })

  it('overlapping and repeated terms (caps per matched text, non-overlapping matches)', () => {
    for (const text of [
      'Rio de Janeiro de Janeiro Rio Rio de Janeiro São Paulo São Paulo São Paulo São Paulo',
      'les les les les les Les LES',
      'Le Pen Le Pen Le Pen Le Pen Le Monde Le Monde Le Monde Le Monde',
      'l·l·l·l L·l l·L l··l',
      'Quai d’Orsay Quai d\'Orsay Quai d’Orsay Quai d’Orsay Quai d’Orsay',
      '¿Ya eres suscriptor? Inicia sesión ¿Ya eres suscriptor?¿Ya eres suscriptor?',
      '© Riproduzione riservata©Riproduzione riservata x© Riproduzione riservata'
    ])
      expectSame(text)
  })

  it('long texts (sampled at both ends)', () => {
    expectSame(mix(pool, rand, 20_000))
  })

  const BENCH_DOCS = process.env.MTCLEAN_FUZZ_RUNS ? 400 : 24
  // The benchmark's documents, generated (bench/corpus.mjs): a few here, all of them in `npm run fuzz`.
  it('the bench corpus', () => {
    for (const {text} of benchDocuments(BENCH_DOCS)) expectSame(text)
  })
})

describe('guessSourceLang: characters that fold like the letters of the terms', () => {
  it('every BMP character case-equivalent to a letter of a term (ſ for s, K for k, …)', () => {
    const rand = random(11)
    const pool = terms(rand)
    const letters = new Set([...pool.join('')].filter((c) => /\p{L}/u.test(c)))
    const others = new Map<string, string[]>()
    for (const letter of letters) {
      const re = new RegExp(`^${letter}$`, 'iu')
      for (let c = 0; c < 0x10000; c++) {
        const char = String.fromCharCode(c)
        if (char !== letter && char !== letter.toLowerCase() && char !== letter.toUpperCase() && re.test(char)) others.set(letter, [...(others.get(letter) ?? []), char])
      }
    }
    expect(others.size).toBeGreaterThan(0)
    for (const term of pool) {
      const swapped = [...term].map((c) => others.get(c)?.[0] ?? c).join('')
      if (swapped !== term) for (const text of [swapped, swapped.toUpperCase(), `${swapped} ${term}`]) expectSame(text)
    }
  })
})
