import {describe, expect, it} from 'vitest'
import {assertWellFormed, fixed, lint, only} from './helpers.js'
import {ruleExamples} from './examples-support.js'
import {getLexicon} from '../src/lexicon/index.js'

ruleExamples('name-inconsistent')

const config = only('name-inconsistent')

const invalid: Array<[string, string]> = [
  [
    '“It is an opportunity,” explains Damien Puyvelde, an expert. Later, warns Damien Van Puyvelde, nothing changes.',
    'Damien Van Puyvelde'
  ],
  ['Ursula von der Leyen arrived. Ursula von der Leyen spoke. Then Ursula Leyen left.', 'Ursula Leyen'],
  ['Mirtha Vásquez resigned. Mirtha Vásquez was replaced. Mirtha Vasquez said nothing.', 'Vasquez'],
  ['“It is an opportunity,” explains to AFP Damien Puyvelde, an expert. Later, warns Damien Van Puyvelde, nothing.', 'Damien Van Puyvelde'],
  ['Frank-Walter Steinmeier met Gerhard de Boer. Gerhard Boer was silent.', 'Gerhard Boer']
]

const valid = [
  'Ursula von der Leyen spoke. Von der Leyen said later that Ursula von der Leyen had no comment.',
  'George W. Bush and George Bush Sr. met John F. Kennedy fans. John Kennedy was not there.',
  'Emmanuel Macron and Brigitte Macron; Macron’s team. Emmanuel Macron’s office.',
  'Paris and Berlin; Le Monde and Le Figaro reported. World War II and the World Bank.',
  'The café opened. The Cafe Royal was full.',
  'Dmitry Peskov said so. Peskov added that Schengen rules apply. Papaemmanuel agreed.',
  'Charles de Gaulle airport. Charles de Gaulle himself. General de Gaulle.',
  'Gerhard Schröder met Mary Ann Smith and Mary Smith.'
]

describe('name-inconsistent', () => {
  for (const [input, actual] of invalid) {
    it(`reports: ${actual}`, async () => {
      const messages = lint(input, config)
      assertWellFormed(input, messages)
      expect(messages.map((m) => m.actual)).toEqual([actual])
      expect(messages[0].cause).toBeDefined()
      expect(messages[0].fix).toBeUndefined()
      expect(await fixed(input, config)).toBe(input)
    })
  }
  for (const input of valid) {
    it(`leaves alone: ${input}`, () => {
      expect(lint(input, config).map((m) => m.actual)).toEqual([])
    })
  }
  it('is linear on a long run of capitalized words', () => {
    const long = 'Van '.repeat(50000) + 'de '.repeat(50000) + 'Xyz'
    const t = performance.now()
    lint(long, config)
    expect(performance.now() - t).toBeLessThan(20000)
  })
})

// Generated: surnames of the source languages, each with one inner letter lost or doubled in one of three mentions.
describe('name-inconsistent: one letter lost or added inside a name, generated', () => {
  const SURNAMES = ['Lefebvre', 'Duhamel', 'Schneider', 'Fernández', 'Bianchi', 'Gonçalves', 'Verhoeven', 'Puigdemont', 'Wiśniewski', 'Kowalczyk', 'Moretti', 'Laurent']
  const frame = (a: string, b: string, c: string) => `${a} spoke to the press on Monday. According to ${b}, the talks had failed. “We will see,” ${c} added.`
  const lex = getLexicon()
  const variants = (name: string) => {
    const out = new Set<string>()
    for (let i = 1; i < name.length - 1; i++) {
      out.add(name.slice(0, i) + name.slice(i + 1)) // lost
      out.add(name.slice(0, i) + name[i] + name.slice(i)) // doubled
    }
    out.delete(name)
    // A common word, or a name the English lexicon knows, is another word, not a slip (see the rule's note).
    return [...out].filter((v) => v.length > 4 && !lex.isLowerWord(v) && !lex.hasExact(v))
  }
  it('reports the variant, names the form used twice, and leaves the text as it is', () => {
    let cases = 0
    for (const name of SURNAMES) {
      expect(lint(frame(name, name, name), config), name).toEqual([])
      for (const variant of variants(name)) {
        for (const text of [frame(name, name, variant), frame(variant, name, name)]) {
          const messages = lint(text, config)
          assertWellFormed(text, messages)
          expect(messages.map((m) => [m.actual, m.expected]), text).toEqual([[variant, [name]]])
          expect(messages[0].reason).toBe(`Unexpected \`${variant}\`, expected one spelling of the name (\`${name}\` elsewhere; a letter differs)`)
          cases++
        }
      }
    }
    expect(cases).toBeGreaterThan(300)
  })
  it('a letter more or less at either end is another name or form, not a slip', () => {
    for (const [a, b] of [['Daniel', 'Daniela'], ['Jones', 'Jone'], ['Marco', 'Marcos'], ['Aleksander', 'Aleksandra']]) {
      expect(lint(frame(a, a, b), config).map((m) => m.actual), b).toEqual([])
    }
  })
})
