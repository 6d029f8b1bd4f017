import {describe, expect, it} from 'vitest'
import {fixed, lint, only, ruleTable} from './helpers.js'
import {ruleExamples} from './examples-support.js'

ruleExamples('duplicate')

const config = only('duplicate')

const invalid: Array<[string, string]> = [
  ['He read the the report.', 'He read the report.'],
  ['The The plan failed.', 'The plan failed.'],
  ['It is a a problem of of trust.', 'It is a problem of trust.'],
  ['He read the the the report.', 'He read the report.'],
  [
    'Unemployment falls to its lowest level in years\n\nUnemployment falls to its lowest level in years\n\nThe number fell.',
    'Unemployment falls to its lowest level in years\n\nThe number fell.'
  ],
  [
    'Scholz gives a press conference in Berlin\n\nScholz gives a press conference in Berlin -\n\nThe chancellor spoke.',
    'Scholz gives a press conference in Berlin\n\nThe chancellor spoke.'
  ],
  ['First line here.\nThe same paragraph repeated twice.\nThe same paragraph repeated twice.\nEnd.', 'First line here.\nThe same paragraph repeated twice.\nEnd.']
]

const valid = [
  'What he had had was enough. He said that that was fine. What it is is a mess.',
  'Bye bye, very very good, so so, no no, knock knock.',
  'Duran Duran played in Walla Walla; Sirhan Sirhan; Baden-Baden; Bora Bora.',
  'He gave in in the end and carried on on Monday. She gave her her book.',
  'One one-hundredth; 10 10; the-the; Read more\n\nRead more',
  'Le le, die die: quoted German “die die Stadt”.',
  'Short\n\nShort',
  'Chapter one\n\nText.\n\nChapter two'
]

ruleTable('duplicate', config, {invalid, valid, validSafeOnly: true})

describe('duplicate', () => {
  it('reports a repeated paragraph far from its first copy as a suggestion', () => {
    const p = 'This is a long paragraph that the scraper picked up twice from the page.'
    const between = ['One thing.', 'Another thing.', 'A third thing.', 'A fourth thing.', 'A fifth thing.'].join('\n\n')
    const messages = lint(`${p}\n\n${between}\n\n${p}`, config)
    expect(messages.map((m) => m.fix)).toEqual(['suggestion'])
  })
  it('is linear on long input', () => {
    const long = 'the '.repeat(100000) + '\n'.repeat(100000)
    const t = performance.now()
    lint(long, config)
    expect(performance.now() - t).toBeLessThan(20000)
  })
})
describe('duplicate adversarial', () => {
  it('is linear on a long line of separators', () => {
    const long = '- '.repeat(100000) + 'x\n' + '- '.repeat(100000) + 'x'
    const t = performance.now()
    lint(long, config)
    expect(performance.now() - t).toBeLessThan(20000)
  })
})

describe('duplicate: near-duplicate paragraphs', () => {
  const headline = 'Rail unions call a third strike over pension reform'
  const lead = 'The unions said the strike would start on Thursday and last until the minister withdrew the reform plan.'
  const body = 'Trains were cancelled across the north on Monday, and the operator said it expected more cancellations.'
  const cases: Array<[string, string, string]> = [
    // A copy a few paragraphs down (headline and lead scraped twice).
    [`${headline}\n\n${lead}\n\n${headline}\n\n${body}\n`, `${headline}\n\n${lead}\n\n${body}\n`, 'Unexpected repeated paragraph `Rail unions call a third strike over pension reform`, expected it once (first at offset 0)'],
    // Spacing and punctuation do not hide a copy.
    [`Paris : a strike that lasts\n\n${body}\n\nParis: a strike that lasts\n\n${lead}\n`, `Paris : a strike that lasts\n\n${body}\n\n${lead}\n`, 'Unexpected repeated paragraph `Paris: a strike that lasts`, expected it once (first at offset 0)'],
    // A breadcrumb before the headline.
    [`Home Politics ${headline}\n\n${headline}\n\n${body}\n`, `${headline}\n\n${body}\n`, 'Unexpected headline repeated after a breadcrumb `Home Politics Rail unions call a third strike over pensio…`, expected it once'],
    // A copy cut with an ellipsis.
    [`${headline}\n\nRail unions call a third strike…\n\n${body}\n`, `${headline}\n\n${body}\n`, 'Unexpected repeated paragraph cut short `Rail unions call a third strike…`, expected it once (first at offset 0)'],
    // A lead glued to the paragraph that repeats it.
    [`${headline}\n\n${lead}\n\n${lead} ${body}\n`, `${headline}\n\n${lead}\n\n${body}\n`, 'Unexpected repeated lead `The unions said the strike would start on Thursday and la…`, expected it once (first at offset 53)']
  ]
  for (const [input, output, reason] of cases) {
    it(JSON.stringify(input.slice(0, 60)), async () => {
      const messages = lint(input, config)
      expect(messages.map((m) => m.reason)).toEqual([reason])
      expect(messages[0].fix).toBe('safe')
      expect(await fixed(input, config)).toBe(output)
    })
  }
  const keep = [
    // A refrain far apart, a short repeated label, a headline and a longer sentence that starts differently.
    `${headline}\n\nThe strike: ${headline.toLowerCase()} and more.\n`,
    `News item\n\n${lead}\n\nNews item\n\n${body}\n`,
    `${lead}\n\nThe unions said the strike would start on Thursday, and it did.\n`
  ]
  for (const text of keep) it(`keeps ${JSON.stringify(text.slice(0, 50))}`, () => expect(lint(text, config)).toEqual([]))
})
