import {describe, expect, it} from 'vitest'
import {assertWellFormed, expectLinear, fixed, lint, only} from './helpers.js'
import {ruleExamples} from './examples-support.js'

ruleExamples('punct-quote-order')

const config = only('punct-quote-order')
const always = only('punct-quote-order', {fragments: 'always'})
const never = only('punct-quote-order', {fragments: 'never'})
const british = only('punct-quote-order', {}, {quoteStyle: 'british'})

const invalid: Array<[string, string, typeof config?]> = [
  // A full quoted utterance before a reporting clause, or standing as its own sentence: always.
  ['“We will not raise taxes”, assures the minister.', '“We will not raise taxes,” assures the minister.'],
  ['“The harvest was poor this year”. The farmers are worried.', '“The harvest was poor this year.” The farmers are worried.'],
  ['"We lost the match", the coach said.', '"We lost the match," the coach said.'],
  ['“Nobody saw it coming”, he said, “not even us”.', '“Nobody saw it coming,” he said, “not even us.”'],
  ['He recalled that “the war ended in May. Nobody celebrated”.', 'He recalled that “the war ended in May. Nobody celebrated.”'],
  ['“We will not raise taxes”, assures the minister.', '“We will not raise taxes,” assures the minister.', british],
  ['“The harvest was poor this year”. The farmers are worried.', '“The harvest was poor this year.” The farmers are worried.', british],
  // Fragments: in a document with other machine-translation quote damage (here « »), by default.
  [
    'The prefect denounced « a scandal ». He called it “an attack on the republic”.',
    'The prefect denounced « a scandal ». He called it “an attack on the republic.”'
  ],
  [
    'Others are considered “burned”, having been exposed.\n\n“We are ready”explains the officer.',
    'Others are considered “burned,” having been exposed.\n\n“We are ready”explains the officer.'
  ],
  // …and always with fragments: 'always'.
  ['He called it “a disaster”.', 'He called it “a disaster.”', always],
  // A full quoted clause, a space, a reporting verb: the lost comma comes back.
  ['“It is serious for the country” affirms the minister.', '“It is serious for the country,” affirms the minister.'],
  ['The talks failed. “We will not give in to them” she insisted.', 'The talks failed. “We will not give in to them,” she insisted.'],
  ['“It is over. We go home now” explains the coach.', '“It is over. We go home now,” explains the coach.'],
  ['"The farmers will strike in July" warns the union.', '"The farmers will strike in July," warns the union.'],
  ['“It is serious for the country” affirms the minister.', '“It is serious for the country,” affirms the minister.', british]
]

const valid: Array<[string, typeof config?]> = [
  // Clean British/logical style: fragments keep the period outside.
  ['Libération talks about “Europe’s last chance”.'],
  ['Hollande admitted that “the country has a problem”.'],
  ['She offered her "full support".'],
  ["Mr Lopez said: 'They were wrong'."],
  ['‘Le jour de gloire est arrivé’, the day of glory.'],
  ['“Done,” he said. “It is over.”'],
  ['“Why?”. He did not answer.'], // punct-double's
  ['“Yes”; “no”: the answers.'],
  ['He called it “a disaster”, said the mayor.', british],
  ['The prefect denounced « a scandal ». He called it “an attack on the republic”.', british],
  ['The prefect denounced « a scandal ». He called it “an attack on the republic”.', never],
  // A list of quotations in a damaged document.
  ['“I am tired”, “I am angry”, “I am leaving”… The slogans « spread ».'],
  ['Visit “example”.com today.'],
  ['They denounce a “new drift”, “limitless violence”. The « mayor » spoke.'],
  // Titles and short or fragment quotations before a verb of the list stay.
  ['“The Godfather” tells the story of a family.'],
  ['“The Lord of the Rings” tells the story of a ring.'],
  ['“Gone with the Wind” tells the story of a war.'],
  ['“Le Monde” reports a rise in prices.'],
  ['He called it “a very serious mistake for all” says the report.'],
  ['“We will strike on Monday” according to the union.'],
  ['“It is serious,” affirms the minister.'],
  ['“It is serious for the country” Pierre affirms.'],
  ['“Macron Meets Merkel in Berlin” reports the agency.']
]

describe('punct-quote-order', () => {
  for (const [input, output, cfg = config] of invalid) {
    it(`fixes: ${JSON.stringify(input)}`, async () => {
      const messages = lint(input, cfg)
      expect(messages.length).toBeGreaterThan(0)
      assertWellFormed(input, messages)
      const out = await fixed(input, cfg)
      expect(out).toBe(output)
      expect(await fixed(out, cfg)).toBe(out)
    })
  }
  for (const [input, cfg = config] of valid) {
    it(`leaves alone: ${JSON.stringify(input)}`, () => {
      expect(lint(input, cfg).map((m) => m.actual)).toEqual([])
    })
  }
  it('a long adversarial line finishes quickly', {timeout: 180_000}, () => expectLinear(config, ['“a”, ', '“a”. ', '“A b”, he said. ', '“a « b ». ']))
})
