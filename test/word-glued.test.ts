import {describe, expect, it} from 'vitest'
import {assertWellFormed, fixed, lint, only} from './helpers.js'
import {ruleExamples} from './examples-support.js'

ruleExamples('word-glued')

const config = only('word-glued')

const invalid: Array<[string, string]> = [
  ['The minister announcedthat the plan was ready.', 'The minister announced that the plan was ready.'],
  ['Michel Barnier spoke first. Later, Michel Barnierhas said no.', 'Michel Barnier spoke first. Later, Michel Barnier has said no.'],
  ['Emmanuel Macron arrived. Then Emmanuel Macronand his wife left.', 'Emmanuel Macron arrived. Then Emmanuel Macron and his wife left.'],
  ['They fought corruptionSeveral times a year.', 'They fought corruption Several times a year.'],
  ['It happened whenIsrael struck.', 'It happened when Israel struck.'],
  ['The report was written byFrench officials.', 'The report was written by French officials.'],
  ['The European CommissionPresident spoke.', 'The European Commission President spoke.'],
  ['The NATOSecretary General spoke.', 'The NATO Secretary General spoke.'],
  ['A system of creative accountingdevised by the bank.', 'A system of creative accounting devised by the bank.'],
  ['Friedrich Merz spoke. Friedrich Merzexpressed doubts.', 'Friedrich Merz spoke. Friedrich Merz expressed doubts.'],
  ['The party president, Gleisi Hoffmanncriticized the plan.', 'The party president, Gleisi Hoffmann criticized the plan.'],
  ['German Chancellor Friedrich Merzexpressed support.', 'German Chancellor Friedrich Merz expressed support.'],
  ['“The situation remains very worryingassures a senior official.', '“The situation remains very worrying,” assures a senior official.'],
  ['The chairwoman Annegret Kramp said-Karrenbauer, would not run.', 'The chairwoman Annegret Kramp-Karrenbauer said, would not run.'],
  ['Both Norbert Walter had-Borjans and his deputy agreed.', 'Both Norbert Walter-Borjans had and his deputy agreed.'],
  ['The adviser [Ana Dias]which resigned left.', 'The adviser [Ana Dias] which resigned left.'],
  ['There was talk of athat plan.', 'There was talk of a that plan.']
]

const valid = [
  'Dmitry Peskov said the Schengen area was closed, according to Papaemmanuel.',
  'She bought an iPhone, watched YouTube, paid with PayPal and ate at McDonald’s.',
  'JavaScript and TypeScript developers use GitHub; easyJet and airBaltic fly there.',
  'Visit https://example.com/announcedthat or write to announcedthat@example.org.',
  'The hashtag #corruptionSeveral trended, and the variable camelCaseName was undefined.',
  'The lockdown, the cyberattack, the eurozone and the livestream were discussed.',
  'Policymakers, peacekeepers and whistleblowers met in the newsroom.',
  'Thomas Fisher and Roland Holland met Ferdinand in Finland.',
  'Der Bundestag hat heute über das Gesetz abgestimmt, und die Opposition protestierte.',
  'Le gouvernement a annoncé que la réforme des retraites serait votée.',
  'Москва заявила, что переговоры продолжатся. 東京で会議が開かれた。',
  'A BlackRock fund and a PlayStation game, a PowerPoint deck.',
  'The infighting and the pushback on the plugin standby mode.',
  'The Holland–Macron meeting; Macronist deputies voted.',
  'Tom Holland and Mary Thatcher met Ahmed Mohammed; Anna Karlsson arrived.',
  'Paris. Bloomsdayed is not a word.',
  // Names and compounds of clean English: British spellings, names that start with a word.
  'General Mattis spoke about the wellbeing of the troops and the offences of the regime.',
  'Cancer and other smokingrelated illnesses; Wellington and Sheffield; Ms Oldfield and Mr Matthews.',
  'He (s)he said; the [sic]the; Jean-Pierre had-been; A Tale.',
  'Annegret Kramp-Karrenbauer said no; Norbert Walter-Borjans had left.',
  'IBM and NATO met; AThe is not here; OK then.'
]

describe('word-glued', () => {
  for (const [input, output] of invalid) {
    it(`fixes: ${input}`, async () => {
      const messages = lint(input, config)
      expect(messages.length).toBe(1)
      assertWellFormed(input, messages)
      expect(messages[0].category).toBe('word-glued')
      const out = await fixed(input, config)
      expect(out).toBe(output)
      expect(await fixed(out, config)).toBe(out)
      expect(lint(out, config)).toEqual([])
    })
  }
  for (const input of valid) {
    it(`leaves alone: ${input}`, () => {
      expect(lint(input, config).map((m) => m.actual)).toEqual([])
    })
  }
  it('a doubled initial is a suggestion: fix alone never deletes a letter', async () => {
    const input = 'MThe talks resumed on Monday.'
    const messages = lint(input, config)
    expect(messages.map((m) => [m.reason, m.fix, m.expected])).toEqual([['Unexpected `MThe`, expected `The` (a doubled initial)', 'suggestion', ['']]])
    expect(await fixed(input, config)).toBe(input)
    expect(await fixed(input, config, true)).toBe('The talks resumed on Monday.')
  })
  it('does not add a quote mark outside an open quotation', async () => {
    expect(await fixed('The landscape is worryingassures a senior official.', config)).toBe('The landscape is worrying assures a senior official.')
  })
  it('runs in linear time on a long fused line', () => {
    const long = 'announcedthat '.repeat(20000) + 'x'.repeat(100000)
    const t = performance.now()
    lint(long, config)
    expect(performance.now() - t).toBeLessThan(20000)
  })
})
describe('word-glued in code and prose with semicolons', () => {
  it('splits in prose with semicolons', async () => {
    expect(await fixed('The author announcedthat the vote was a class vote; but not this time.', config)).toBe('The author announced that the vote was a class vote; but not this time.')
  })
  it('leaves identifiers alone', () => {
    const code = '```js\nconst config = {\n  maxRetries: 3,\n  useClones: true\n}\nprocess.nextTick(fn)\n```\nCall setTimeout(fn) or read errCode and nextTick in the docs.'
    expect(lint(code, config)).toEqual([])
  })
})
describe('word-glued adversarial', () => {
  it('is linear on many distinct candidates in one paragraph', () => {
    const words = ['worrying', 'alarming', 'troubling', 'shocking', 'charming', 'striking', 'pressing', 'thrilling']
    const verbs = ['assures', 'explains', 'insists', 'stresses', 'warns', 'notes', 'adds', 'recalls']
    const parts: string[] = []
    for (let i = 0; i < 20000; i++) parts.push(words[i % 8] + verbs[(i >> 3) % 8] + ' x' + i)
    const long = parts.join(' ')
    const t = performance.now()
    lint(long, config)
    expect(performance.now() - t).toBeLessThan(20000)
  })
})
