import {describe, expect, it} from 'vitest'
import {assertWellFormed, fixed, lint, only} from './helpers.js'
import {ruleExamples} from './examples-support.js'

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
