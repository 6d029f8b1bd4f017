import {describe, expect, it} from 'vitest'
import {lint, only, ruleTable} from './helpers.js'

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
  it('reports a non-adjacent repeated paragraph as a suggestion', () => {
    const p = 'This is a long paragraph that the scraper picked up twice from the page.'
    const messages = lint(`${p}\n\nSomething else in between.\n\n${p}`, config)
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
