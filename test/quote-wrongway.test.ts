/**
 * A `”` that opens a quotation (MT writes `”` for both marks) glued after a sentence end:
 * `convinced.”We will strike on Monday”explains`. It is an opener turned the wrong way with its
 * space lost, not a closer whose opener was lost: the fix must not leave the stray `”` and add an
 * opener next to it. Fixtures written for this test, in the style of MT from French, Spanish,
 * German, Italian.
 */
import {describe, expect, it} from 'vitest'
import {allRules} from '../src/rules/index.js'
import type {Config} from '../src/index.js'
import {expectLinear, fixed, ruleTable} from './helpers.js'

const MINE = ['quote-glued', 'quote-unbalanced', 'quote-foreign', 'punct-quote-order', 'punct-double', 'punct-spacing']
const config: Config = {
  rules: Object.fromEntries(allRules.map((r) => [r.ruleId, MINE.includes(r.ruleId) ? 'warn' : 'off'])) as Config['rules']
}

const invalid: Array<[string, string]> = [
  [
    'The unions were not convinced.”We will strike on Monday”explains to AFP a union source.',
    'The unions were not convinced. “We will strike on Monday,” explains to AFP a union source.'
  ],
  [
    'The unions were not convinced. ”We will strike on Monday”, explains to AFP a union source.',
    'The unions were not convinced. “We will strike on Monday,” explains to AFP a union source.'
  ],
  ['The deal collapsed.”Nobody wants a strike”, said Ana Ruiz.', 'The deal collapsed. “Nobody wants a strike,” said Ana Ruiz.'],
  ['The vote was close!”We won by three seats.”', 'The vote was close! “We won by three seats.”'],
  ['Why now?”The timing is political”, judges the deputy.', 'Why now? “The timing is political,” judges the deputy.'],
  ['The mayor was firm.”The bridge will be rebuilt”.', 'The mayor was firm. “The bridge will be rebuilt.”'],
  ['The coach smiled.”It is a good result”she confided after the match.', 'The coach smiled. “It is a good result,” she confided after the match.'],
  // No later closer: the seed behaviour (opener put back at the paragraph start, `,” notes`).
  ['We made many mistakes.”notes the former director.', '“We made many mistakes,” notes the former director.']
]

const valid = [
  'The unions were not convinced. “We will strike on Monday,” explains a union source.',
  '“Stop.” Then she left. “Go,” he said.',
  'He said “Stop.” Then the room went quiet.',
  'The “yes” camp won. “It is over,” said the mayor.',
  'A 12” screen. A 6” pipe.',
  'It’s over. They’re gone.',
  'The “Left” and the “Right” met.'
]

ruleTable('wrong-way opener glued after a sentence end', config, {invalid, valid, quietAfterFix: false, validUnchangedOnly: true})

describe('wrong-way opener glued after a sentence end', () => {
  it('a long adversarial line finishes quickly', {timeout: 120_000}, () => expectLinear(config, ['a.”We ', 'a.”B”c ', '“. ', '“ “ ', '"" ']))
  it('also with every rule on (recommended preset)', async () => {
    const out = await fixed(invalid[0][0])
    expect(out).toContain('convinced. “We will strike on Monday,”')
    expect(out).not.toContain('” “')
  })
})
