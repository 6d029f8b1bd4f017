/**
 * Word lists of the source languages' press: the words a frame names a
 * country by, the verbs that report what a publication said, and the evidence
 * the language guess (src/lang.ts) counts.
 */
import type {SourceLang} from '../types.js'

/** Verbs of a reporting frame around a publication ("said to X", "…,” writes X). */
export const PRESS_VERBS: readonly string[] = [
  'said', 'says', 'say', 'told', 'tells', 'declared', 'declares', 'confided', 'confides', 'explained', 'explains',
  'indicated', 'indicates', 'stated', 'states', 'revealed', 'reveals', 'assured', 'assures', 'specified',
  'specifies', 'admitted', 'admits', 'announced', 'announces', 'confirmed', 'confirms', 'spoke', 'speaks',
  'speaking', 'talking', 'talked', 'wrote', 'writes', 'confessed', 'confesses', 'affirmed', 'affirms', 'insisted',
  'insists', 'estimated', 'estimates', 'denied', 'denies', 'lamented', 'laments', 'warned', 'warns', 'detailed',
  'details', 'recounted', 'recounts', 'reported', 'reports', 'added', 'adds', 'noted', 'notes', 'argued', 'argues',
  'complained', 'complains', 'acknowledged', 'acknowledges', 'claimed', 'claims', 'underlined', 'underlines',
  'stressed', 'stresses', 'emphasized', 'emphasizes', 'recalled', 'recalls', 'promised', 'promises', 'replied',
  'replies', 'answered', 'answers', 'testified', 'testifies'
]

/** Adjectives and cities that name the country of a publication in its frame ("the German daily"). */
const NATIONALITIES: Array<[string[], SourceLang[]]> = [
  [['French', 'Parisian', 'Quebec', 'Québec', 'Canadian', 'French-language', 'Francophone'], ['fr']],
  [['German', 'Bavarian', 'Austrian', 'German-language', 'Berlin', 'Hamburg', 'Munich', 'Frankfurt'], ['de']],
  [['Swiss'], ['fr', 'de', 'it']],
  [['Belgian'], ['fr', 'nl']],
  [['Spanish', 'Mexican', 'Argentine', 'Argentinian', 'Chilean', 'Colombian', 'Peruvian', 'Venezuelan', 'Madrid', 'Spanish-language'], ['es']],
  [['Italian', 'Roman', 'Milanese', 'Milan', 'Rome', 'Turin'], ['it']],
  [['Portuguese', 'Brazilian', 'Lisbon', 'Portuguese-language'], ['pt']],
  [['Dutch', 'Flemish', 'Amsterdam', 'Dutch-language'], ['nl']],
  [['Catalan', 'Barcelona', 'Catalan-language'], ['ca']],
  [['Polish', 'Warsaw'], ['pl']]
]

/** A nationality word (as written) → the languages it names; the first list that has a word wins. */
export const NATIONALITY_LANGS: ReadonlyMap<string, readonly SourceLang[]> = new Map(
  NATIONALITIES.flatMap(([words, langs]) => words.map((word) => [word, langs] as const)).reverse()
)

/** Untranslated words: frequent in the language, not English words. */
export const FUNCTION_WORDS: Record<SourceLang, string[]> = {
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
export const PLACES: Record<SourceLang, string[]> = {
  fr: ['France', 'French', 'Paris', 'Parisian', 'Macron', 'Élysée', 'Elysee', 'Matignon', 'Marseille', 'Lyon', 'Toulouse', 'Bordeaux', 'Lille', 'National Assembly', 'Quai d’Orsay', "Quai d'Orsay", 'Borne', 'Le Pen', 'Mélenchon'],
  de: ['Germany', 'German', 'Berlin', 'Bundestag', 'Bundeswehr', 'Scholz', 'Merkel', 'Munich', 'Hamburg', 'Frankfurt', 'Cologne', 'Bavaria', 'Bavarian', 'Austria', 'Austrian', 'Vienna', 'Habeck', 'Baerbock', 'Lindner'],
  es: ['Spain', 'Spanish', 'Madrid', 'Sánchez', 'Moncloa', 'Seville', 'Valencia', 'Andalusia', 'Feijóo', 'PSOE', 'Podemos', 'Vox', 'Mexico', 'Argentina', 'Colombia', 'Chile'],
  it: ['Italy', 'Italian', 'Rome', 'Milan', 'Meloni', 'Draghi', 'Naples', 'Turin', 'Venice', 'Florence', 'Palazzo Chigi', 'Salvini', 'Berlusconi', 'Sicily', 'Lombardy'],
  pt: ['Portugal', 'Portuguese', 'Lisbon', 'Porto', 'Brazil', 'Brazilian', 'Lula', 'Bolsonaro', 'São Paulo', 'Rio de Janeiro', 'Brasília', 'Brasilia', 'Costa'],
  nl: ['Netherlands', 'Dutch', 'Amsterdam', 'The Hague', 'Rotterdam', 'Utrecht', 'Rutte', 'Flemish', 'Flanders', 'Belgian', 'Brussels', 'Antwerp'],
  ca: ['Catalonia', 'Catalan', 'Barcelona', 'Generalitat', 'Puigdemont', 'Girona', 'Tarragona', 'Lleida', 'Parlament', 'Aragonès', 'ERC', 'Junts'],
  pl: ['Poland', 'Polish', 'Warsaw', 'Kraków', 'Krakow', 'Sejm', 'Duda', 'Morawiecki', 'Tusk', 'Kaczyński', 'Gdańsk', 'Wrocław', 'Łódź']
}

/**
 * Titles that English-language newspapers and magazines carry themselves
 * (lower case, without "The"): a literal rendering that is one of them
 * ("The Express", "The Nation", "The Observer") names an English publication
 * as often as a translated one, so it is read as a translation only on strong
 * evidence of the source language (see STRONG_LANG_EVIDENCE in src/lang.ts)
 * or a frame that names the country ("the French weekly The Express").
 */
export const ENGLISH_PRESS_TITLES: ReadonlySet<string> = new Set([
  'advocate', 'age', 'atlantic', 'australian', 'bulletin', 'chronicle', 'citizen', 'courier', 'daily', 'dispatch',
  'economist', 'examiner', 'express', 'gazette', 'globe', 'guardian', 'herald', 'hill', 'hindu', 'independent',
  'inquirer', 'journal', 'leader', 'mail', 'messenger', 'mirror', 'monitor', 'nation', 'news', 'observer', 'post',
  'press', 'record', 'register', 'review', 'scotsman', 'sentinel', 'spectator', 'standard', 'star', 'statesman',
  'sun', 'tablet', 'telegraph', 'times', 'tribune', 'voice', 'week'
])
