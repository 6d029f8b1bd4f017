import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {guessSourceLang} from '../src/lang.js'
import {findMastheads} from '../src/rules/masthead/find.js'
import {assertWellFormed, fixed, lint, only} from './helpers.js'
import {ruleExamples} from './examples-support.js'

ruleExamples('masthead')

const rule = (options: Record<string, unknown> = {}, settings = {}) => only('masthead', options, settings)

describe('masthead: attribution frames get a safe fix', () => {
  const cases: Array<[string, string, Record<string, unknown>?]> = [
    ['According to information from World, the plan was dropped.', 'According to information from Le Monde, the plan was dropped.', {sourceLang: 'fr'}],
    ['The senator told The Parisian on Sunday that he would resign.', 'The senator told Le Parisien on Sunday that he would resign.'],
    ['In an interview with Release, the minister hinted at a reshuffle.', 'In an interview with Libération, the minister hinted at a reshuffle.'],
    ['The leak was revealed by The Chained Duck last week.', 'The leak was revealed by Le Canard enchaîné last week.'],
    ['According to the daily The Echoes, the merger is off.', 'According to the daily Les Échos, the merger is off.'],
    ['the Catholic daily The Cross said on Monday', 'the Catholic daily La Croix said on Monday'],
    ['the weekly The Point published the letter', 'the weekly Le Point published the letter'],
    ['“We are not afraid,” the coach said (The Team).', '“We are not afraid,” the coach said (L’Équipe).'],
    ['She made the remarks in West France on Saturday.', 'She made the remarks in Ouest-France on Saturday.'],
    ['The chancellor told The Mirror that the deal was done.', 'The chancellor told Der Spiegel that the deal was done.', {sourceLang: 'de'}],
    ['“It is over,” writes the German daily The Time.', '“It is over,” writes the German daily Die Zeit.'],
    ['according to the South German Newspaper, the talks failed', 'according to the Süddeutsche Zeitung, the talks failed'],
    ['The tabloid Picture reported that the player would leave.', 'The tabloid Bild reported that the player would leave.'],
    ['According to The Country, the budget will be cut.', 'According to El País, the budget will be cut.'],
    ['the Barcelona daily The Vanguard reported', 'the Barcelona daily La Vanguardia reported'],
    ['according to the Evening Courier, the coalition is split', 'according to the Corriere della Sera, the coalition is split'],
    ['He said in an interview with The Daily Fact that he would run.', 'He said in an interview with Il Fatto Quotidiano that he would run.'],
    ['the newspaper The Sun 24 Hours reported', 'the newspaper Il Sole 24 Ore reported'],
    ['according to Sheet of São Paulo, the minister resigned', 'according to Folha de S.Paulo, the minister resigned'],
    ['The minister told The People’s Newspaper that taxes would rise.', 'The minister told de Volkskrant that taxes would rise.'],
    ['according to the Electoral Gazette, the vote was close', 'according to the Gazeta Wyborcza, the vote was close'],
    ['The Republic reported on Monday that the talks failed.', 'la Repubblica reported on Monday that the talks failed.', {sourceLang: 'it'}],
    ['The Republic reported on Monday that the talks failed.', 'The Rzeczpospolita reported on Monday that the talks failed.', {sourceLang: 'pl'}],
    ['The letter from Figaro of November 17 says so.', 'The letter from Le Figaro of November 17 says so.']
  ]
  for (const [input, output, settings] of cases) {
    it(`${input} → ${output}`, async () => {
      const config = rule({}, settings ?? {})
      const messages = lint(input, config)
      assertWellFormed(input, messages)
      expect(messages.length).toBe(1)
      expect(messages[0].fix).toBe('safe')
      const out = await fixed(input, config)
      expect(out).toBe(output)
      expect(await fixed(out, config)).toBe(out)
      expect(lint(out, config)).toEqual([])
    })
  }
})

describe('masthead: "World" is ambiguous (Le Monde, Die Welt, El Mundo)', () => {
  const text = 'According to World, the minister will resign.'
  it('offers all candidates as suggestions without a language', () => {
    const messages = lint(text, rule())
    expect(messages.length).toBe(1)
    expect(messages[0].fix).toBe('suggestion')
    expect([...messages[0].expected!].sort()).toEqual(['Die Welt', 'El Mundo', 'Le Monde'])
  })
  it('leaves the text alone on fix (suggestions are not applied)', async () => {
    expect(await fixed(text, rule())).toBe(text)
  })
  it('uses settings.sourceLang', async () => {
    expect(await fixed(text, rule({}, {sourceLang: 'de'}))).toBe('According to Die Welt, the minister will resign.')
    expect(await fixed(text, rule({}, {sourceLang: 'es'}))).toBe('According to El Mundo, the minister will resign.')
    expect(await fixed(text, rule({}, {sourceLang: 'fr'}))).toBe('According to Le Monde, the minister will resign.')
  })
  it('uses the document’s own evidence', async () => {
    const german = 'The Bundestag voted on Thursday. ' + text + ' In Berlin, the chancellor said the German coalition would hold.\n\nWeiterlesen mit SZ Plus\n'
    expect(guessSourceLang(german).lang).toBe('de')
    expect(await fixed(german, rule())).toContain('According to Die Welt, the minister')
    const french = 'In Paris, the French government met. ' + text + '\n\nYou have 40% of this article left to read. The rest is reserved for subscribers.\n'
    expect(guessSourceLang(french).lang).toBe('fr')
    expect(await fixed(french, rule())).toContain('According to Le Monde, the minister')
  })
  it('has no guess from thin evidence', () => {
    expect(guessSourceLang('The minister resigned on Monday.').lang).toBeUndefined()
  })
})

describe('masthead: outside a frame', () => {
  it('warns with the suggestion for a distinctive rendering', async () => {
    const text = 'She worked for years at the South German Newspaper.'
    const messages = lint(text, rule())
    expect(messages.length).toBe(1)
    expect(messages[0].fix).toBe('suggestion')
    expect(messages[0].expected).toEqual(['the Süddeutsche Zeitung'])
    expect(await fixed(text, rule())).toBe(text)
  })
  it('ignores a common rendering (World, Release, The Point)', () => {
    expect(lint('World leaders gathered in Rome. Release the hostages!', rule())).toEqual([])
  })
})

describe('masthead: traps stay untouched', () => {
  const traps = [
    'World War II ended in 1945.',
    'According to the World Bank, growth will slow.',
    'The World Cup final was played in Qatar.',
    'According to the World Health Organization, cases fell.',
    'Aid poured in from the rest of the world.',
    'According to information from the world of finance, rates will rise.',
    'Read the Release notes before you upgrade.',
    'The Times of India reported the deal.',
    'The Point is that nobody knew.',
    'He was born in the Republic of Ireland.',
    'The Czech Republic said on Monday it would send aid.',
    'According to Le Monde, the plan failed.',
    'According to Libération, the vote was close.',
    'Die Welt reported on Tuesday that the talks stalled.',
    'The Red Cross said it had sent aid.',
    'The team said it would appeal.',
    'According to Time, the deal collapsed.',
    'The magazine Valeurs actuelles (Current Values) ran the interview.',
    'WORLD NEWS: markets fell.',
    'Contact: world@example.com or https://example.com/World/news',
    'The Third World debt crisis was discussed.'
  ]
  for (const text of traps) {
    it(JSON.stringify(text), async () => {
      expect(lint(text, rule({}, {sourceLang: 'fr'})).map((m) => m.actual)).toEqual([])
      expect(await fixed(text, rule({}, {sourceLang: 'fr'}))).toBe(text)
    })
  }
  it('a rendering that is also a real English title needs the source language (requireLang)', () => {
    const text = 'The minister told The Telegraph that he would stay.'
    expect(lint(text, rule())).toEqual([])
    expect(lint(text, rule({}, {sourceLang: 'nl'}))[0].expected).toEqual(['De Telegraaf'])
  })
})

describe('masthead: a rendering that is also an English title needs strong evidence of its language', () => {
  // English papers that share a title with a literal rendering, each in several attribution frames.
  const titles: Array<[string, string, string]> = [
    ['The Express', 'fr', 'L’Express'],
    ['The Independent', 'fr', 'L’Indépendant'],
    ['The Mirror', 'de', 'Der Spiegel'],
    ['The Nation', 'es', 'La Nación']
  ]
  const frames = ['According to {}, the talks stalled.', 'On Tuesday, {} reported that the talks had stalled.', 'The minister told {} that she would stay.']
  // Weak evidence: a place and a name of the country, not a press of its own (a score under 6).
  const weak: Record<string, string> = {fr: 'Mr Macron spoke in Paris.', de: 'Mr Scholz spoke in Berlin.', es: 'Mr Sánchez spoke in Madrid.'}
  // Strong evidence: two of the language's own publications named as they are, as a translated article does.
  const strong: Record<string, string> = {
    fr: 'Le Monde and Libération ran the story first.',
    de: 'Die Zeit and the Süddeutsche Zeitung ran the story first.',
    es: 'El País and El Mundo ran the story first.'
  }
  for (const [title, lang, name] of titles) {
    for (const frame of frames) {
      const sentence = frame.replace('{}', title)
      it(`${sentence} stays in an English article (${lang} evidence weak)`, async () => {
        const text = `${weak[lang]} ${sentence}`
        expect(guessSourceLang(text).scores[lang as 'fr']).toBeLessThan(6)
        expect(lint(text, rule()).map((m) => m.actual)).toEqual([])
        expect(await fixed(text, rule())).toBe(text)
      })
      it(`${sentence} is ${name} in a translation (${lang} evidence strong, or the setting)`, async () => {
        const text = `${strong[lang]} ${sentence}`
        expect(guessSourceLang(text).scores[lang as 'fr']).toBeGreaterThanOrEqual(6)
        const expected = `${strong[lang]} ${frame.replace('{}', name)}`
        expect(await fixed(text, rule())).toBe(expected)
        expect(await fixed(sentence, rule({}, {sourceLang: lang}))).toBe(frame.replace('{}', name))
      })
    }
  }
  it('the message names the publication', () => {
    const text = `${strong.fr} According to The Express, the talks stalled.`
    expect(lint(text, rule()).map((m) => m.reason)).toEqual(['Unexpected literal translation “Express” of a publication’s name, expected “L\'Express”'])
  })
})

describe('masthead: options', () => {
  it('disable turns a publication off', () => {
    const text = 'The senator told The Parisian on Sunday that he would resign.'
    expect(lint(text, rule({disable: ['le-parisien']}))).toEqual([])
  })
  it('files adds a user rule file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mtclean-'))
    const file = join(dir, 'mine.yml')
    writeFileSync(
      file,
      'lang: fr\nentries:\n  - {id: le-bien-public, name: Le Bien public, literal: [The Public Good], match: [{text: "told The Public Good", output: "told Le Bien public"}]}\n'
    )
    expect(await fixed('The mayor told The Public Good on Monday.', rule({files: [file]}))).toBe('The mayor told Le Bien public on Monday.')
  })
  it('straight quote marks write straight apostrophes', async () => {
    expect(await fixed('He told The Team on Monday.', rule({}, {quoteMarks: 'straight'}))).toBe("He told L'Équipe on Monday.")
  })
})

describe('masthead: linear time', () => {
  it('a long adversarial line finishes quickly', () => {
    const line = 'according to the World of the World Bank told The The The '.repeat(3500) + 'South German South German '.repeat(8000)
    findMastheads('warm up')
    const started = performance.now()
    findMastheads(line)
    expect(performance.now() - started).toBeLessThan(1500)
  })
})

describe('masthead: sentence start', () => {
  it('trusts a noun rendering followed by a reporting verb', async () => {
    expect(await fixed('World revealed on Tuesday that the talks had failed.', rule({}, {sourceLang: 'fr'}))).toBe(
      'Le Monde revealed on Tuesday that the talks had failed.'
    )
  })
  it('does not trust an adverb or everyday word there', () => {
    expect(lint('Now reported cases are falling.', rule({}, {sourceLang: 'ca'}))).toEqual([])
    expect(lint('Public said it would not comment.', rule({}, {sourceLang: 'es'}))).toEqual([])
  })
})
