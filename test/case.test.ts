import {describe, expect, it} from 'vitest'
import {assertWellFormed, fixed, lint, only} from './helpers.js'
import {ruleExamples} from './examples-support.js'

ruleExamples('case')

const config = only('case')

const safe: Array<[string, string]> = [
  ['The vote is on tuesday, march 3.', 'The vote is on Tuesday, March 3.'],
  ['He arrived on 12 may 2021 and left in january.', 'He arrived on 12 May 2021 and left in January.'],
  ['Police arrested an algerian national on friday.', 'Police arrested an Algerian national on Friday.'],
  ['According to the british daily, the french government agreed.', 'According to the British daily, the French government agreed.'],
  ['The deal is worth a Billion euros.', 'The deal is worth a billion euros.']
]

const suggestions: Array<[string, string]> = [
  ['They presented the new Railway plan to the press.', 'Railway'],
  ['The old Railway station was closed last year.', 'Railway'],
  ['The chef spoke to reporters. the guide will be out in March.', 'the'],
  ['According to the study, the dinosaur It was a herbivore.', 'It'],
  ['Giorgia Meloni spoke first. Then GiorGia left.', 'GiorGia'],
  ['They flew to lisbon in the spring.', 'lisbon'],
  ['The minister spoke.\n\non the other hand, the decline continued.', 'on'],
  ['Matteo Salvini spoke first. Then Matteo salvini left, and Salvini laughed.', 'salvini'],
  ['Mr Chancellor, What is missing is a plan.', 'What'],
  ['The city can Open the new bridge.', 'Open'],
  ['Delegates of the party Council voted on Sunday.', 'Council'],
  ['She was the club Chairman of the League.', 'Chairman'],
  ['The talks went well, but president Kowalczyk left early.', 'president'],
  ['The talks with Minister of culture Anna Nowak went well.', 'culture'],
  ['The mayor said the Senator Pedro Alvarado He has already signed the decree.', 'He'],
  ['The statement was issued by ANSA. the mayor left.', 'the'],
  ['Soldiers from “Operation Vigilance” And “twelve units” came.', 'And'],
  ['Giulia Rossi met Marco bianchi, and Bianchi spoke.', 'bianchi'],
  ['The Greens and the Left met. Later the left said no.', 'left']
]

const valid = [
  'They may march on the capital. We march in August and the august body met.',
  'The Government said on Monday that the State would pay. The White House and the Foreign Office agreed.',
  'Unemployment Falls To Its Lowest Level In Years',
  'The Polish government and the polish on the table; the Chinese market.',
  'Le ministre a parlé mardi 3 mars; der Präsident sprach am Dienstag.',
  'Visit https://example.com/tuesday or mail march@example.org; #french',
  'Prices in Paris, the Bank of France and the European Central Bank.',
  'He said: Government first. “Railway strikes are back,” he said.',
  'iPhone sales rose.\n\niPhone sales fell.',
  'During a story of espionage – the Farewell affair – buses came; the Pegasus spyware was found.',
  'On Monday, The Times reported it; yes, I agree, and Paris, London and Rome too.',
  'Jean-Claude Juncker et la commission: Jean était là.',
  '“It is over,” said Tusk at a press conference. The Times reported it and the Journal said so.',
  'We owe it to Him. Members of the 80th Congress met in the House of Commons and the Fight against Poverty Fund.',
  'He cited the Legion d’honneur and an approx. ten-minute delay; the U.S. economy grew.',
  'The Budget was sent. The Budget grew. The Budget is large, and the budget office agreed.',
  'The former president Obama spoke; the party congress met. As president, Lula met the state Senate.',
  'They turned to the left, and the Left party met on the left bank.',
  'He said “no” and left. “Yes.” And then they met.',
  'Head of state Xi Jinping arrived.',
  'The union of each of us and the Union is strong.',
  'Trade grew in the XIV. the era of trade was long.'
]

/** The recommended preset: one stray capital in a text is no evidence; two in a short text are. */
const recommended = {...config, preset: 'recommended' as const}

describe('case', () => {
  for (const [input, output] of safe) {
    it(`fixes: ${input}`, async () => {
      const messages = lint(input, config)
      assertWellFormed(input, messages)
      expect(messages.length).toBeGreaterThan(0)
      const out = await fixed(input, config)
      expect(out).toBe(output)
      expect(await fixed(out, config)).toBe(out)
    })
  }
  for (const [input, actual] of suggestions) {
    it(`suggests: ${actual}`, async () => {
      const messages = lint(input, config)
      expect(messages.map((m) => [m.actual, m.fix])).toEqual([[actual, 'suggestion']])
      expect(await fixed(input, config)).toBe(input)
    })
  }
  for (const input of valid) {
    it(`leaves alone: ${input}`, () => {
      expect(lint(input, config).map((m) => m.actual)).toEqual([])
    })
  }
  it('is linear on long input', () => {
    const long = '.' + '\n'.repeat(100000) + 'X ' + 'march '.repeat(50000)
    const t = performance.now()
    lint(long, config)
    expect(performance.now() - t).toBeLessThan(20000)
  })
})
describe('case in the recommended preset', () => {
  it('reports German-style capitals when the text has several', () => {
    const input = 'In the early Phase of the talks, the negotiating Table was set up.'
    const messages = lint(input, recommended)
    assertWellFormed(input, messages)
    expect(messages.map((m) => [m.actual, m.expected, m.fix])).toEqual([
      ['Phase', ['phase'], 'suggestion'],
      ['Table', ['table'], 'suggestion']
    ])
    expect(messages[0].reason).toBe('Unexpected capitalized `Phase` mid-sentence, expected `phase`')
  })
  it('leaves a single stray capital to the strict preset', () => {
    const input = 'The old Railway station was closed last year.'
    expect(lint(input, recommended)).toEqual([])
    expect(lint(input, config).map((m) => m.actual)).toEqual(['Railway'])
  })
  it('reports a verb after a modal or an institution after a body noun alone', () => {
    const input = 'Over three hundred words of plain text, and then the city can Open the bridge.'
    expect(lint(input, recommended).map((m) => [m.actual, m.expected, m.reason])).toEqual([
      ['Open', ['open'], 'Unexpected capitalized `Open` mid-sentence, expected `open`']
    ])
    const body = 'Delegates of the party Council met. The party Council met again. The party Council ended.'
    expect(lint(body, recommended).map((m) => m.actual)).toEqual(['Council', 'Council', 'Council'])
  })
  it('counts a capitalized pronoun mid-sentence as evidence for a stray capital', () => {
    const input = 'According to the study, the dinosaur It was a herbivore with a Flat mouth.'
    expect(lint(input, recommended).map((m) => m.actual)).toEqual(['It', 'Flat'])
    expect(lint('The dinosaur was a herbivore with a Flat mouth.', recommended)).toEqual([])
  })
  it('says why a title, a title word, a party and a conjunction are reported', () => {
    const reasons = (input: string) => lint(input, recommended).map((m) => [m.actual, m.expected, m.reason])
    expect(reasons('The talks went well, but president Kowalczyk left early.')).toEqual([
      ['president', ['President'], 'Unexpected lower-case `president` before a name, expected `President`']
    ])
    expect(reasons('The talks with Minister of culture Anna Nowak went well.')).toEqual([
      ['culture', ['Culture'], 'Unexpected lower-case `culture` in the title `Minister of culture`, expected `Culture`']
    ])
    expect(reasons('The Greens and the Left met. Later the left said no, and a deal with the left.')).toEqual([
      ['left', ['Left'], 'Unexpected lower-case `left`, expected `Left` as elsewhere in the text'],
      ['left', ['Left'], 'Unexpected lower-case `left`, expected `Left` as elsewhere in the text']
    ])
    expect(reasons('Soldiers from “Operation Vigilance” And “twelve units” came.')).toEqual([
      ['And', ['and'], 'Unexpected capitalized `And` after a closing quotation mark, expected `and`']
    ])
  })
  it('leaves a capital after a comma to the strict preset', () => {
    const input = 'Mr Chancellor, What is missing is a plan.'
    expect(lint(input, recommended)).toEqual([])
  })
})

describe('case adversarial', () => {
  it('is linear on one long line of candidates', () => {
    const long = 'They saw the Railway station and '.repeat(10000)
    const t = performance.now()
    lint(long, config)
    expect(performance.now() - t).toBeLessThan(20000)
  })
})
