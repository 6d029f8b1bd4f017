import {describe, expect, it} from 'vitest'
import type {Config} from '../src/index.js'
import {loadRuleData, loadRuleFile} from '../src/data/load.js'
import calque, {type CalqueEntry} from '../src/rules/calque.js'
import {assertWellFormed, fixed, lint, only} from './helpers.js'
import {ruleExamples} from './examples-support.js'

ruleExamples('calque')

type Preset = 'recommended' | 'strict'
function config(preset: Preset = 'recommended', settings: Config['settings'] = {}, options: Record<string, unknown> = {}): Config {
  return {...only('calque', options, settings), preset}
}
const calques = (text: string, c: Config = config()) => lint(text, c).filter((m) => m.ruleId === 'calque')

const entries = loadRuleData<CalqueEntry>('calque')

describe('calque data', () => {
  // The false friends and calques of each source language: at least 100 for the six large
  // ones and 30 for Catalan and Polish (issue targets), besides the shared `any` constructions.
  it.each([['fr', 100], ['de', 100], ['es', 100], ['it', 100], ['pt', 100], ['nl', 100], ['ca', 30], ['pl', 30]] as const)(
    'has at least the entries of %s it should (%i)',
    (lang, least) => {
      expect(entries.filter((e) => e.lang === lang).length).toBeGreaterThanOrEqual(least)
    }
  )

  // Each entry's examples: `match` texts are flagged in the entry's own preset (and source
  // language when the entry is language-specific); `keep` texts are silent even in `strict`.
  for (const entry of entries) {
    const own = config(entry.strict ? 'strict' : 'recommended', entry.noisy ? {sourceLang: entry.lang as never} : {})
    const loudest = config('strict', {sourceLang: entry.lang === 'any' ? undefined : (entry.lang as never)})
    it(`${entry.id} (${entry.file.replace(/.*rules\//, 'rules/')}:${entry.line})`, async () => {
      for (const example of entry.match) {
        const found = calques(example.text, own)
        expect(found.length, `not flagged: ${example.text}`).toBeGreaterThan(0)
        assertWellFormed(example.text, found)
        for (const m of found) expect(m.fix).toBe('suggestion')
        // Suggestions are never applied by a plain fix.
        expect(await fixed(example.text, own)).toBe(example.text)
        if (example.output !== undefined) expect(await fixed(example.text, own, true)).toBe(example.output)
      }
      for (const text of entry.keep) {
        expect(calques(text, loudest).map((m) => m.actual), `flagged: ${text}`).toEqual([])
      }
    })
  }
})

describe('calque rule', () => {
  it('suggests the reordered clause for an inverted reporting clause', () => {
    const text = '“We know who does what,” explains to AFP a Western security source. Later “it works,” explains to Reuters Anna Weber, an analyst.'
    const found = calques(text)
    expect(found.map((m) => [m.actual, m.expected])).toEqual([
      ['explains to AFP a Western security source', ['a Western security source told AFP']],
      ['explains to Reuters Anna Weber', ['Anna Weber told Reuters']]
    ])
  })

  it('an inverted subject is a person by the shared person-noun mechanism, not a list: suffixes and agent nouns it has never listed', () => {
    // geologist (-ist), investor (invest → investing), organiser (organise → organising): none is written in any list.
    for (const noun of ['geologist', 'investor', 'organiser']) {
      const text = `“It will not last,” explains to AFP a local ${noun}.`
      expect(calques(text).map((m) => [m.actual, m.expected])).toEqual([[`explains to AFP a local ${noun}`, [`a local ${noun} told AFP`]]])
    }
    // A thing after the verb is no inverted subject: an -er noun whose stem is an adjective (`number`) is no person.
    expect(calques('“It will not last,” explains to AFP a number.').map((m) => m.actual)).toEqual([])
  })

  it('flags reporting verbs only in reporting frames', () => {
    const text = '“It is over,” assures Paul Martin, former minister. The warranty assures coverage. He assures investors of his support.'
    expect(calques(text).map((m) => [m.actual, m.expected])).toEqual([['assures', ['says', 'insists']]])
  })

  it('flags `underlines for his part` and straight-quote frames', () => {
    const text = 'Anne Roux, a lawyer, underlines for his part that "the law is vague," recalls the judge.'
    expect(calques(text).map((m) => m.actual)).toEqual(['underlines', 'recalls'])
  })

  it('keeps the case of a sentence-initial calque', () => {
    const found = calques('In the sights of the regulator, the platform is changing its rules.')
    expect(found[0].expected?.[0]).toBe('In the crosshairs')
  })

  it('prefers the entries of the source language and hides noisy entries of other languages', () => {
    const text = 'The minister will eventually attend the summit.'
    expect(calques(text)).toEqual([])
    expect(calques(text, config('strict', {sourceLang: 'it'})).length).toBe(1)
    expect(calques(text, config('strict', {sourceLang: 'fr'}))).toEqual([])
  })

  it('strict-only entries stay quiet in the recommended preset', () => {
    const text = 'The minister recalls that the budget was voted in June.'
    expect(calques(text)).toEqual([])
    expect(calques(text, config('strict')).length).toBe(1)
  })

  it('entries can be turned off by id and extended with files', () => {
    const text = '“The threat is real,” assures a senior official.'
    expect(calques(text, config('recommended', {}, {disable: ['fr-assures']}))).toEqual([])
    expect(calques(text, config('recommended', {}, {off: ['fr-assures']}))).toEqual([])
  })

  it('rejects a malformed file with file and line', () => {
    const bad = 'lang: fr\nentries:\n  - {id: fr-x, phrase: foo, suggest: [bar], match: [{text: foo}], keep: [baz], colour: red}\n'
    expect(() => loadRuleFile('calque', 'bad.yml', bad)).toThrow(/bad\.yml:3: .*unknown key "colour"/)
  })

  it('rejects the old phrase spellings (a|b, x?, {num}) with the one to write', () => {
    const file = (phrase: string) => `lang: fr\nentries:\n  - {id: fr-ok, phrase: "(a|b) [the] {n}", suggest: [x], match: [{text: a}], keep: [b]}\n  - {id: fr-x, phrase: "${phrase}", suggest: [x], match: [{text: a}], keep: [b]}\n`
    expect(loadRuleFile('calque', 'ok.yml', file('({n}|two) {Cap}')).map((e) => e.id)).toEqual(['fr-ok', 'fr-x'])
    expect(() => loadRuleFile('calque', 'bad.yml', file('says|said the'))).toThrow('bad.yml:4: entries.1.phrase: "says|said the": alternatives are written in parentheses, (a|b), not a|b')
    expect(() => loadRuleFile('calque', 'bad.yml', file('(says|said) the? x'))).toThrow('bad.yml:4: entries.1.phrase: "(says|said) the? x": an optional word is written in brackets, [x], not x?')
    expect(() => loadRuleFile('calque', 'bad.yml', file('since {num} years'))).toThrow('bad.yml:4: entries.1.phrase: "since {num} years": a number is written {n}, not {num}')
    // What the schema lets through, the word reader rejects at load, with the entry's id.
    expect(() => loadRuleFile('calque', 'bad.yml', file('x [a b]'))).toThrow('bad.yml:4: fr-x: phrase: pattern "x [a b]": an optional part must be one word')
  })

  it('leaves clean news prose alone', () => {
    const text = [
      '“We will not raise taxes,” the minister said on Tuesday, adding that the budget was balanced.',
      'The report estimates that 40,000 jobs are at risk and underlines the importance of training.',
      'He recalls his first campaign vividly. The warranty ensures repairs are free.',
      'France said its army was ready; Germany said its economy was slowing.',
      'The company launched a new model, which analysts estimated would sell well.',
      'Police grilled the suspect for hours. Tourists took in the sights of Rome.',
      'A dozen of them signed the letter, and hundreds of people attended.',
      'The word “grilled” means burned here, and "nullish" means null or undefined.',
      'It reads the file at the path specified. Unless otherwise specified, it assures nothing.'
    ].join('\n\n')
    expect(calques(text, config('strict'))).toEqual([])
  })

  // Words are found and looked up by a charCode scan and a trie (no regex, no lower-casing of most words).
  it('matches words in any case, next to curly apostrophes and non-ASCII letters', () => {
    const found = (text: string) => calques(text, config('strict')).map((m) => [m.actual, m.expected])
    expect(found('“It is over,” ASSURES Paul Martin, former minister.')).toEqual([['ASSURES', ['says', 'insists']]])
    expect(found('“It is over,” Assures Paul Martin, former minister.')).toEqual([['Assures', ['Says', 'Insists']]])
    expect(found('“It is over,” assures’ Paul Martin.')).toEqual([['assures', ['says', 'insists']]])
    expect(found('They were put in examination. IN THE SIGHTS of the police. In the sights of the police.')).toEqual([
      ['put in examination', ['charged', 'placed under formal investigation']],
      ['IN THE SIGHTS', ['in the crosshairs', 'under scrutiny']],
      ['In the sights', ['In the crosshairs', 'Under scrutiny']]
    ])
    expect(found('Ça fait 12,5 million. The 3 in the sights.')).toEqual([['in the sights', ['in the crosshairs', 'under scrutiny']]])
  })

  it('is linear on long adversarial lines', () => {
    // The rule reads only the text: time its check alone (parsing is measured elsewhere).
    calque.meta.check({text: 'warm up', tree: undefined as never, file: undefined as never, options: calque.meta.defaults, report: () => {}, once: (_key, make) => make()})
    const patterns = ['” assures ', 'explains to AFP ', 'A B C D ', 'his ', 'the his ', 'in the ', ', underlines the senior ', 'Moscow ', '“a b c d” means ', '3 millions of ']
    for (const p of patterns) {
      const text = p.repeat(Math.ceil(200_000 / p.length))
      let count = 0
      const t0 = performance.now()
      calque.meta.check({text, tree: undefined as never, file: undefined as never, options: {...calque.meta.defaults, preset: 'strict', sourceLang: 'fr'}, report: () => void count++, once: (_key, make) => make()})
      expect(performance.now() - t0, p).toBeLessThan(2000)
    }
  })
})
