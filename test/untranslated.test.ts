import {describe, expect, it} from 'vitest'
import {assertWellFormed, fixed, lint, only} from './helpers.js'
import {ruleExamples} from './examples-support.js'
import {SOURCE_LANG_NAMES, type SourceLang} from '../src/types.js'

ruleExamples('untranslated')

const config = only('untranslated')

const invalid: Array<[string, string]> = [
  ['Three people were arrested [selon le ministère de l’Intérieur] on Monday.', 'selon le ministère de l’Intérieur'],
  ['Yesterday the porte-parole du gouvernement said the reform would pass.', 'porte-parole du gouvernement'],
  ['The talks ended. Le gouvernement a annoncé que la réforme des retraites serait votée la semaine prochaine. The unions protested.', 'Le gouvernement a annoncé que la réforme des retraites serait votée la semaine prochaine'],
  ['The chancellor spoke. Die Bundesregierung hat heute über das neue Gesetz zur Energiewende abgestimmt und beschlossen. Then he left.', 'Die Bundesregierung hat heute über das neue Gesetz zur Energiewende abgestimmt und beschlossen'],
  ['He was named jefe del gabinete de crisis last year.', 'jefe del gabinete']
]

const valid = [
  'He was declared persona non grata; the raison d’être of the coup d’état was a fait accompli and a sense of déjà vu.',
  'The Realpolitik of the Bundestag and the joie de vivre of the Place de la Concorde.',
  'The crowd sang ‘Le jour de gloire est arrivé’ on the Avenue de la Grande Armée.',
  'He sang “Allons enfants de la patrie, le jour de gloire est arrivé” with the crowd.',
  'Charles de Gaulle, Ursula von der Leyen, Vincent van Gogh and José Luis Rodríguez Zapatero met.',
  'Dmitry Peskov said the Schengen rules apply to Papaemmanuel and the covid vaccine.',
  'The de-escalation and the de facto ceasefire held; the status quo remains.',
  'Le Monde and Der Spiegel reported it; El País and La Repubblica too.',
  'The minister met officials in the city. The talks lasted three hours and ended without agreement.'
]

describe('untranslated', () => {
  for (const [input, actual] of invalid) {
    it(`reports: ${actual}`, async () => {
      const messages = lint(input, config)
      assertWellFormed(input, messages)
      expect(messages.map((m) => m.actual)).toEqual([actual])
      expect(messages[0].fix).toBeUndefined()
      expect(await fixed(input, config)).toBe(input)
    })
  }
  for (const input of valid) {
    it(`leaves alone: ${input}`, () => {
      expect(lint(input, config).map((m) => m.actual)).toEqual([])
    })
  }
  it('is linear on long input', () => {
    const long = 'de la '.repeat(30000) + 'selon '.repeat(30000)
    const t = performance.now()
    lint(long, config)
    expect(performance.now() - t).toBeLessThan(20000)
  })
})
describe('untranslated titles', () => {
  it('leaves a short capitalized slogan or headline alone', () => {
    expect(lint('The fans chanted Allez les bleus! The headline Dans les étoilés played on it.', config)).toEqual([])
  })
})

describe('untranslated words and titles', () => {
  const de = only('untranslated', {}, {sourceLang: 'de'})
  const nl = only('untranslated', {}, {sourceLang: 'nl'})
  const fr = only('untranslated', {}, {sourceLang: 'fr'})
  const cases: Array<[typeof de, string, string, string]> = [
    [de, 'Several Union politicians mitkämpften in the ranks of the rival party.', 'mitkämpften', 'Unexpected untranslated `mitkämpften` (a German word, not an English one), expected English'],
    [nl, 'The coalition was afgetroefd by the opposition on Tuesday.', 'afgetroefd', 'Unexpected untranslated `afgetroefd` (a Dutch word, not an English one), expected English'],
    [fr, 'The actress laughed [rires] and went on.', 'rires', 'Unexpected untranslated `rires` (a French word, not an English one), expected English'],
    // a name and a noun joined with a hyphen, as Dutch writes compounds (even when English has the noun too)
    [nl, 'Ajax lost in Rotterdam, where Feyenoord-verdediger Daan Smit scored twice.', 'Feyenoord-verdediger', 'Unexpected untranslated `Feyenoord-verdediger` (a Dutch compound of a name and a noun), expected `Feyenoord` apart from an English noun'],
    [nl, 'The Eredivisie-trainer spoke after the match.', 'Eredivisie-trainer', 'Unexpected untranslated `Eredivisie-trainer` (a Dutch compound of a name and a noun), expected `Eredivisie` apart from an English noun']
  ]
  for (const [config, input, actual, reason] of cases) {
    it(`reports: ${actual}`, () => {
      const messages = lint(input, config)
      assertWellFormed(input, messages)
      expect(messages.map((m) => [m.actual, m.reason])).toEqual([[actual, reason]])
    })
  }
  it('reports a source-language title before a name, with the English one', () => {
    const messages = lint('Mme Dupont and Herr Weber met Sra. García.', config)
    expect(messages.map((m) => [m.actual, m.expected, m.fix])).toEqual([
      ['Mme', ['Ms', 'Mrs'], 'suggestion'],
      ['Herr', ['Mr'], 'suggestion'],
      ['Sra.', ['Ms', 'Mrs'], 'suggestion']
    ])
    expect(messages[0].reason).toBe('Unexpected untranslated title `Mme`, expected `Ms` or `Mrs`')
  })
  const keep = [
    // English words the dictionary lacks: British spellings, English derivations, repeated vocabulary
    'The catalogues of fibre goods were organised for the reconversion of the flyers.',
    'The reconversion plan failed. The reconversion went on.',
    // phrases kept on purpose, loan phrases
    'Macron awarded the Legion d’honneur after the coup d’etat was foiled.',
    // initials and a name before Sr.
    'J. M. Coetzee met John Smith Sr. Jones on Monday.',
    // the French title M. only when the source language is French
    'The M. Night film and M. Shyamalan were discussed.'
  ]
  for (const input of keep) {
    it(`leaves alone: ${input}`, () => {
      expect(lint(input, fr).map((m) => m.actual).filter((a) => a !== 'M.')).toEqual([])
    })
  }
  it('leaves alone a name and an English modifier, a known name, a combining form, a Romance text', () => {
    // `-style`, a participle, a short word; `London` is in the English dictionary; `Indo-`; the text is French
    expect(lint('The club adopted a Guardiola-style press, a Feyenoord-trained squad and a Feyenoord-fan base.', nl)).toEqual([])
    expect(lint('The London-trainer and the Indo-china route were discussed.', nl)).toEqual([])
    expect(lint('Ajax lost in Rotterdam, where Feyenoord-verdediger Daan Smit scored twice.', fr)).toEqual([])
  })
  it('loads no source dictionary for a text without source-language words', async () => {
    const {loadedSourceDictionaries} = await import('../src/lexicon/hunspell.js')
    const before = loadedSourceDictionaries().length
    lint('The minister met officials in the city on Monday.', only('untranslated', {}, {sourceLang: 'pl'}))
    expect(loadedSourceDictionaries().length).toBe(before)
  })
})

/**
 * A source word glued to an acronym or a number, generated: German compounds (parts the dictionary
 * knows, with a linking letter) and Dutch and Italian words after a party's acronym or a number; the
 * same acronyms and numbers with English words after them are left alone.
 */
/** With the source language `lang`: one message, on `word`, with `reason`, no fix, and the text left as it is. */
const sourceConfig = (lang: string) => only('untranslated', {}, {sourceLang: lang as 'fr'})
async function reportsOnly(input: string, lang: string, word: string, reason: string): Promise<void> {
  const messages = lint(input, sourceConfig(lang))
  assertWellFormed(input, messages)
  expect(messages.map((m) => [m.actual, m.reason, m.fix])).toEqual([[word, reason, undefined]])
  expect(await fixed(input, sourceConfig(lang))).toBe(input)
}

describe('untranslated: a word glued to an acronym or a number', () => {
  const de = only('untranslated', {}, {sourceLang: 'de'})
  const GLUED: Array<[settings: string, glued: string, word: string, lang: string]> = [
    ['de', 'SPD-Führungsduo', 'Führungsduo', 'German'],
    ['de', 'CDU-Parteitag', 'Parteitag', 'German'],
    ['de', 'AfD-Fraktionschef', 'Fraktionschef', 'German'],
    ['de', 'CSU-Landesgruppe', 'Landesgruppe', 'German'],
    ['nl', 'VVD-fractievoorzitter', 'fractievoorzitter', 'Dutch'],
    ['it', 'the 5Stelle', 'Stelle', 'Italian']
  ]
  for (const [lang, glued, word, name] of GLUED) {
    const input = `On Monday ${glued} rejected the plan, sources said.`
    it(`reports: ${input}`, () =>
      reportsOnly(input, lang, word, `Unexpected untranslated \`${word}\` (a ${name} word, not an English one), expected English`))
  }
  it('names every language whose dictionary has the word when the text’s language is not known', () => {
    expect(lint('The VVD-leider spoke on Monday.', config).map((m) => m.reason)).toEqual([
      'Unexpected untranslated `leider` (a German or Dutch word, not an English one), expected English'
    ])
  })
  for (const input of [
    // English after the acronym or the number; a name; all capitals; a model number; a number and a lower-case word
    'The SPD-led coalition, the CDU-Greens talks and the US-France deal passed.',
    'Olaf Scholz led the SPD-Scholz era, and the EU-Mercosur deal ended.',
    'The VER-SUR-MER beach and the A320neo were shown in 3D on 5G.',
    'In 2021 the 5-year plan and the 12-point list were adopted.',
    // glued to an acronym without a hyphen, or quoted on purpose
    'The SPDFührung left. He spoke of the “SPD-Parteitag” in Berlin.'
  ]) {
    it(`leaves alone: ${input}`, () => {
      expect(lint(input, de).map((m) => m.actual)).toEqual([])
    })
  }
})

/**
 * A plural of the source language capitalized as a name after `the`: the nickname of a team or a
 * group that MT carried over (`les Espoirs`, `los Colchoneros`). Fixtures in the style of MT from
 * French, Spanish, Portuguese and Catalan; English words, names and other languages are left alone.
 */
describe('untranslated: a source-language plural capitalized as a name', () => {
  // the text's language, a sentence in the style of MT from it, the nickname it kept
  const NICKNAMES: Array<[lang: SourceLang, input: string, word: string]> = [
    ['fr', 'The coach will name the squad of the Espoirs on Thursday, two weeks before the tournament.', 'Espoirs'],
    ['fr', 'The selector of the Euro Espoirs wants the best players available for June.', 'Espoirs'],
    ['fr', 'Nantes lost again at home: the Canaris conceded twice in the first half.', 'Canaris'],
    ['es', 'Atlético lost at home and the Colchoneros were whistled by their own supporters.', 'Colchoneros'],
    ['pt', 'Corinthians won the classic and the Alvinegros took the lead of the championship.', 'Alvinegros']
  ]
  for (const [lang, input, word] of NICKNAMES) {
    const reason = `Unexpected untranslated \`${word}\` (a ${SOURCE_LANG_NAMES[lang]} plural, \`${word.toLowerCase()}\`, capitalized as a name), expected English`
    it(`reports: ${word} (${lang})`, () => reportsOnly(input, lang, word, reason))
  }
  const keep: Array<[lang: string, input: string]> = [
    // English words: loanwords English spells the same
    ['es', 'The Sandinistas and the Conquistadors were the subject of the exhibition.'],
    // a team's name after its city; a name followed by another capitalized word
    ['fr', 'The Montreal Canadiens won in Boston, and the Espoirs Cup was played in Lyon.'],
    // the text writes the full name elsewhere (`Junts per Catalunya`)
    ['ca', 'The deputies of Junts per Catalunya voted no, and the Junts left the chamber.'],
    // not a plural; Italian and German plurals are not -s plurals with lower-case nouns
    ['fr', 'The Palme went to a Korean film this year.'],
    ['it', 'The Azzurri won in Naples on Saturday.'],
    ['de', 'The Grünen and the Linken voted against the budget.'],
    // quoted on purpose
    ['fr', 'The fans sang for “the Canaris” until the end.']
  ]
  for (const [lang, input] of keep) {
    it(`leaves alone (${lang}): ${input}`, () => {
      expect(lint(input, sourceConfig(lang)).map((m) => m.actual)).toEqual([])
    })
  }
  it('is linear on a long text of repeated nicknames', () => {
    const long = 'Then the Canaris lost and the Euro Espoirs won. '.repeat(5000)
    const t = performance.now()
    expect(lint(long, sourceConfig('fr')).length).toBe(10000)
    expect(performance.now() - t).toBeLessThan(20000)
  })
  it('names nothing without a source language', () => {
    expect(lint('The Espoirs played well on Monday.', config)).toEqual([])
  })
})
