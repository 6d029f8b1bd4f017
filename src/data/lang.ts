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
import {SOURCE_LANGS, type SourceLang} from '../types.js'
import {loadRuleData, RULES_DIR, type DataEntry} from './load.js'
import {normalizePhrase, phraseSource} from './phrase.js'

export interface LangGuess {
  lang: SourceLang | undefined
  scores: Record<SourceLang, number>
}

/** Untranslated words: frequent in the language, not English words. */
const FUNCTION_WORDS: Record<SourceLang, string[]> = {
  fr: ['les', 'est', 'avec', 'dans', 'pour', 'une', 'sur', 'qui', 'pas', 'selon', 'aussi', 'être', 'été', 'très', 'cette', 'ont', 'sont', 'mais', 'nous', 'vous', 'leur', 'déjà', 'après', 'avait', 'ainsi'],
  de: ['und', 'nicht', 'ist', 'mit', 'sich', 'auch', 'auf', 'für', 'eine', 'dem', 'wird', 'wurde', 'sind', 'über', 'zum', 'zur', 'bei', 'noch', 'nach', 'oder', 'werden', 'haben', 'schon'],
  es: ['los', 'las', 'del', 'por', 'para', 'una', 'como', 'más', 'pero', 'sus', 'también', 'según', 'está', 'fue', 'muy', 'sobre', 'hasta', 'desde', 'ese', 'esta', 'entre', 'cuando', 'años'],
  it: ['della', 'delle', 'degli', 'che', 'gli', 'sono', 'anche', 'più', 'già', 'nella', 'nel', 'dei', 'questo', 'essere', 'è', 'della', 'alla', 'dalla', 'perché', 'ancora', 'anni'],
  pt: ['não', 'são', 'uma', 'dos', 'também', 'pelo', 'pela', 'mais', 'foi', 'está', 'já', 'às', 'ele', 'ela', 'isso', 'muito', 'segundo', 'então', 'anos', 'ainda'],
  nl: ['het', 'een', 'niet', 'voor', 'zijn', 'ook', 'maar', 'naar', 'wordt', 'werd', 'bij', 'deze', 'dat', 'wel', 'nog', 'heeft', 'hebben', 'tegen', 'volgens', 'jaar'],
  ca: ['amb', 'els', 'però', 'aquest', 'aquesta', 'també', 'perquè', 'seva', 'dels', 'pels', 'quan', 'anys', 'havia'],
  pl: ['się', 'nie', 'jest', 'że', 'jak', 'oraz', 'jego', 'przez', 'który', 'która', 'tak', 'już', 'też', 'tylko', 'roku']
}

/** Places, people and adjectives of a country's news (weak evidence, capped per term). */
const PLACES: Record<SourceLang, string[]> = {
  fr: ['France', 'French', 'Paris', 'Parisian', 'Macron', 'Élysée', 'Elysee', 'Matignon', 'Marseille', 'Lyon', 'Toulouse', 'Bordeaux', 'Lille', 'National Assembly', 'Quai d’Orsay', "Quai d'Orsay", 'Borne', 'Le Pen', 'Mélenchon'],
  de: ['Germany', 'German', 'Berlin', 'Bundestag', 'Bundeswehr', 'Scholz', 'Merkel', 'Munich', 'Hamburg', 'Frankfurt', 'Cologne', 'Bavaria', 'Bavarian', 'Austria', 'Austrian', 'Vienna', 'Habeck', 'Baerbock', 'Lindner'],
  es: ['Spain', 'Spanish', 'Madrid', 'Sánchez', 'Moncloa', 'Seville', 'Valencia', 'Andalusia', 'Feijóo', 'PSOE', 'Podemos', 'Vox', 'Mexico', 'Argentina', 'Colombia', 'Chile'],
  it: ['Italy', 'Italian', 'Rome', 'Milan', 'Meloni', 'Draghi', 'Naples', 'Turin', 'Venice', 'Florence', 'Palazzo Chigi', 'Salvini', 'Berlusconi', 'Sicily', 'Lombardy'],
  pt: ['Portugal', 'Portuguese', 'Lisbon', 'Porto', 'Brazil', 'Brazilian', 'Lula', 'Bolsonaro', 'São Paulo', 'Rio de Janeiro', 'Brasília', 'Brasilia', 'Costa'],
  nl: ['Netherlands', 'Dutch', 'Amsterdam', 'The Hague', 'Rotterdam', 'Utrecht', 'Rutte', 'Flemish', 'Flanders', 'Belgian', 'Brussels', 'Antwerp'],
  ca: ['Catalonia', 'Catalan', 'Barcelona', 'Generalitat', 'Puigdemont', 'Girona', 'Tarragona', 'Lleida', 'Parlament', 'Aragonès', 'ERC', 'Junts'],
  pl: ['Poland', 'Polish', 'Warsaw', 'Kraków', 'Krakow', 'Sejm', 'Duda', 'Morawiecki', 'Tusk', 'Kaczyński', 'Gdańsk', 'Wrocław', 'Łódź']
}

/** Letters only one of the languages uses. */
const LETTERS: Partial<Record<SourceLang, RegExp>> = {
  pl: /[łśżźćńęą]/giu,
  de: /[ßäöü]/giu,
  es: /[ñ¿¡]/giu,
  pt: /[ãõ]/giu,
  ca: /l·l/giu,
  fr: /[œ«»]/giu
}

const WEIGHT = {masthead: 3, residue: 3, word: 1, letter: 0.25, place: 1, calque: 0.5}
const PLACE_CAP = 3

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

function countMatches(regex: RegExp, text: string, capPerTerm?: number): number {
  regex.lastIndex = 0
  const seen = new Map<string, number>()
  let total = 0
  let match: RegExpExecArray | null
  while ((match = regex.exec(text))) {
    if (match[0] === '') {
      regex.lastIndex++
      continue
    }
    if (capPerTerm) {
      const n = (seen.get(match[0]) ?? 0) + 1
      seen.set(match[0], n)
      if (n > capPerTerm) continue
    }
    total++
  }
  return total
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
