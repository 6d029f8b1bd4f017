/**
 * Guess the language a text was machine-translated from, using its own
 * evidence: publication names left as they are (Le Monde, Der Spiegel),
 * residue of a language's press (paywall and "read also" phrases, in their
 * translated and original forms), calques typical of one language
 * ("underlines", "assures"), untranslated function words, letters only one
 * language uses, and the places and people the text talks about.
 */
import {existsSync} from 'node:fs'
import {join} from 'node:path'
import {SOURCE_LANGS, type SourceLang} from './types.js'
import {loadRuleData, RULES_DIR, type DataEntry} from './data/load.js'
import {normalizePhrase} from './match/syntax.js'
import {addLetters, countMatches, escape, finishLetters, PatternTerm, scan, type GroupSpec, type PhraseSet, type Term} from './match/phrases.js'
import {builtInSet} from './data/phrase-sets.js'
import {FUNCTION_WORDS, PLACES} from './lexicon/source-lang.js'

export interface LangGuess {
  lang: SourceLang | undefined
  scores: Record<SourceLang, number>
}

/** Letters only one of the languages uses. */
export const LETTERS: Partial<Record<SourceLang, RegExp>> = {
  pl: /[łśżźćńęą]/giu,
  de: /[ßäöü]/giu,
  es: /[ñ¿¡]/giu,
  pt: /[ãõ]/giu,
  ca: /l·l/giu,
  fr: /[œ«»]/giu
}

export {FUNCTION_WORDS, PLACES}

export const WEIGHT = {masthead: 3, residue: 3, word: 1, letter: 0.25, place: 1, calque: 0.5}

/** A score from which a language's evidence is strong: two of its mastheads, or a masthead and a residue phrase, or six of its function words. */
export const STRONG_LANG_EVIDENCE = 6
export const PLACE_CAP = 3

export {countMatches}

/** The evidence: one group of phrases per kind and language, and each language's weight for it. */
interface Evidence {
  set: PhraseSet
  weights: Array<{lang: SourceLang; weight: number}>
}

let evidence: Evidence | undefined

/** The evidence's groups (and each one's language and weight), as addGroup takes them. */
export function evidenceSpecs(): {specs: GroupSpec[]; weights: Evidence['weights']} {
  const phraseSources = new Map<SourceLang, Term[]>()
  const nameSources = new Map<SourceLang, Term[]>()
  const add = (map: Map<SourceLang, Term[]>, lang: string, term: Term) => {
    if (!(SOURCE_LANGS as readonly string[]).includes(lang)) return
    const list = map.get(lang as SourceLang)
    if (list) list.push(term)
    else map.set(lang as SourceLang, [term])
    // A language with names has a (possibly empty) residue group too, as before.
    if (!phraseSources.has(lang as SourceLang)) phraseSources.set(lang as SourceLang, [])
  }
  const load = <T extends DataEntry>(rule: string): T[] => (existsSync(join(RULES_DIR, rule)) ? loadRuleData<T>(rule) : [])
  for (const entry of load<DataEntry & {name: string}>('masthead')) {
    // Names as the publication writes them: case-sensitive, see below.
    add(nameSources, entry.lang, {text: entry.name, source: escape(entry.name)})
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
    // Its regex is written only if a text ever has its first run (see phrases.ts, Lazy).
    add(phraseSources, lang, new PatternTerm(phrase))
  }
  // Calques typical of one language (plain words only: "underlines", "in the sights").
  const calqueOwners = new Map<string, Set<string>>()
  for (const entry of load<DataEntry & {phrase?: string}>('calque')) {
    const phrase = typeof entry.phrase === 'string' ? entry.phrase.trim().toLowerCase() : ''
    if (!/^[a-z]+(?: [a-z]+)*$/.test(phrase)) continue
    calqueOwners.set(phrase, (calqueOwners.get(phrase) ?? new Set()).add(entry.lang))
  }
  const calques = new Map<SourceLang, Term[]>()
  for (const [phrase, langs] of calqueOwners) {
    const [lang] = [...langs]
    if (langs.size !== 1 || !(SOURCE_LANGS as readonly string[]).includes(lang)) continue
    const term = {text: phrase, source: escape(phrase).replace(/ /g, '\\s+')}
    const list = calques.get(lang as SourceLang)
    if (list) list.push(term)
    else calques.set(lang as SourceLang, [term])
  }
  const specs: GroupSpec[] = []
  const weights: Evidence['weights'] = []
  const group = (lang: SourceLang, weight: number, cap: number | undefined, terms: Term[], caseless: boolean, syntax: boolean) => {
    specs.push({group: cap ? {cap} : {}, terms, caseless, syntax})
    weights.push({lang, weight})
  }
  const literal = (text: string): Term => ({text, source: escape(text)})
  // The groups of each language, in the order the scores were summed.
  for (const lang of SOURCE_LANGS) {
    // Names must keep their capitals; phrases are case-insensitive.
    const phrases = phraseSources.get(lang)
    if (phrases) group(lang, WEIGHT.residue, undefined, phrases, true, true)
    const names = nameSources.get(lang)
    if (names) group(lang, WEIGHT.masthead, PLACE_CAP, names, false, false)
    group(lang, WEIGHT.word, PLACE_CAP, FUNCTION_WORDS[lang].map(literal), false, false)
    group(lang, WEIGHT.place, PLACE_CAP, PLACES[lang].map(literal), false, false)
    const list = calques.get(lang)
    if (list) group(lang, WEIGHT.calque, 2, list, false, false)
  }
  return {specs, weights}
}

/** The rules whose data the evidence holds. */
const EVIDENCE_RULES = ['masthead', 'paywall', 'boilerplate', 'calque']

function build(): Evidence {
  const {specs, weights} = evidenceSpecs()
  const set = builtInSet('lang', EVIDENCE_RULES.filter((rule) => existsSync(join(RULES_DIR, rule))), specs)
  for (const lang of SOURCE_LANGS) {
    const letters = LETTERS[lang]
    if (letters) addLetters(set, lang, letters)
  }
  return {set: finishLetters(set), weights}
}


/** Characters read at each end of a long text. */
const SAMPLE = 30_000

const memo = new Map<string, LangGuess>()
const MEMO_SIZE = 16

/**
 * The most likely source language of `text`, or undefined when the evidence
 * is thin or split. Memoized per text (the last few texts).
 */
export function guessSourceLang(text: string): LangGuess {
  const hit = memo.get(text)
  if (hit) return hit
  evidence ??= build()
  // Evidence sits at the top and the bottom (residue, bylines): a long text is sampled there.
  const sample = text.length > SAMPLE * 2 ? text.slice(0, SAMPLE) + '\n' + text.slice(-SAMPLE) : text
  const scores = Object.fromEntries(SOURCE_LANGS.map((l) => [l, 0])) as Record<SourceLang, number>
  const {counts, letters} = scan(evidence.set, sample)
  // Summed in the old order: each language's groups, then its letters.
  evidence.weights.forEach(({lang, weight}, g) => (scores[lang] += weight * counts[g]))
  for (const lang of SOURCE_LANGS) {
    const n = letters.get(lang)
    if (n !== undefined) scores[lang] += Math.min(3, WEIGHT.letter * n)
  }
  const ranked = [...SOURCE_LANGS].sort((a, b) => scores[b] - scores[a])
  const [best, second] = ranked
  const lang = scores[best] >= 3 && scores[best] >= 1.5 * scores[second] ? best : undefined
  const guess = {lang, scores}
  if (memo.size >= MEMO_SIZE) memo.delete(memo.keys().next().value!)
  memo.set(text, guess)
  return guess
}

/** The source language to use: the setting when given, otherwise the text's own evidence. */
export function sourceLangOf(text: string, setting: SourceLang | undefined): SourceLang | undefined {
  return setting ?? guessSourceLang(text).lang
}

/**
 * The best-scoring source language when it has some evidence and no rival: for checks whose own
 * look-up in that language's dictionary is the evidence (a single source word, a lost letter).
 */
export function likeliestLang(text: string): SourceLang | undefined {
  const {scores} = guessSourceLang(text)
  const ranked = (Object.keys(scores) as SourceLang[]).sort((a, b) => scores[b] - scores[a])
  return scores[ranked[0]] >= 1 && scores[ranked[0]] > scores[ranked[1]] ? ranked[0] : undefined
}
