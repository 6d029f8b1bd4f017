import {describe, expect, it} from 'vitest'
import {expectLinear, fixed, lint, only, ruleTable} from './helpers.js'
import {ruleExamples} from './examples-support.js'

ruleExamples('quote-unbalanced')

const config = only('quote-unbalanced')
const straight = only('quote-unbalanced', {}, {quoteMarks: 'straight'})

const invalid: Array<[string, string]> = [
  // A closer with no opener: the quotation starts the paragraph.
  [
    'The activists left the square.\n\nThe vote was rigged from the start,” notes the activist.',
    'The activists left the square.\n\n“The vote was rigged from the start,” notes the activist.'
  ],
  ['We will never accept this. That is final.”', '“We will never accept this. That is final.”'],
  // …or the first sentence after the previous quote mark.
  [
    '“The economy is fragile,” warns a senior Spanish official close to the talks. But we think the worst is behind us.”',
    '“The economy is fragile,” warns a senior Spanish official close to the talks. “But we think the worst is behind us.”'
  ],
  [
    '"It was a long night." I went home and slept until noon "Maria Lopez told the radio.',
    '"It was a long night." "I went home and slept until noon "Maria Lopez told the radio.'
  ],
  // A multi-sentence paragraph whose quotation ends before a reporting clause: the last sentence.
  [
    'The crowd gathered at noon. The mood was calm. This reform looks dangerous », warns the union.',
    'The crowd gathered at noon. The mood was calm. “This reform looks dangerous », warns the union.'
  ],
  // An opener never closed, when the end is clear.
  [
    'The union leader was blunt.\n\n“We will strike until the government listens to us.\n\nshare this article',
    'The union leader was blunt.\n\n“We will strike until the government listens to us.”\n\nshare this article'
  ],
  // Straight opener with a curly closer.
  ['The minister called "for calm and restraint.” Nothing else.', 'The minister called “for calm and restraint.” Nothing else.'],
  ['The minister called “for calm and restraint." Nothing else.', 'The minister called “for calm and restraint.” Nothing else.']
]

const valid = [
  // Multi-paragraph quotation, reopened (English style).
  '“We started in March.\n\n“By June we had finished,” she said.',
  // Multi-paragraph quotation in a style that does not reopen.
  'Scholz: “The first part of the answer.\n\nThe second part of the answer.\n\nAnd the end of it.”',
  // A document cut off inside a quotation.
  'He added that “the reforms will continue and the budget will be adopted before the end of',
  '“He said ‘no’ twice,” she recalled.',
  'The farmers’ union and Jones’ farm; the 1990s’ boom.',
  'A 12" pipe.',
  "Mr Lopez said: 'They were wrong'.",
  'Home » World » Europe',
  '“Fine,” he said. “Very fine.”',
  'The “yes” and “no” camps.'
]

ruleTable('quote-unbalanced', config, {invalid, valid})

describe('quote-unbalanced', () => {
  it('reports an opener never closed when the end is unclear, without a fix', async () => {
    const input = 'She said “we will see and left.\n\nThe council met the next day to vote on the plan for the harbour.'
    const messages = lint(input, config)
    expect(messages.map((m) => [m.actual, m.expected])).toEqual([['“', []]])
    expect(await fixed(input, config)).toBe(input)
  })
  it('does not guess the start after a quoted fragment mid-sentence', async () => {
    const input = 'In terms of “age groups”, it needs refining. The young vote left, the old vote right », sums up the author.'
    expect(lint(input, config).map((m) => [m.actual, m.expected])).toEqual([['»', []]])
    expect(await fixed(input, config)).toBe(input)
  })
  it('settles on degenerate inputs found by fuzzing', async () => {
    const all = {rules: {'quote-glued': 'warn', 'quote-foreign': 'warn', 'punct-quote-order': 'warn'}} as const
    for (const settings of [{}, {quoteStyle: 'british', quoteMarks: 'straight'}] as const) {
      const cfg = {...config, rules: {...config.rules, ...all.rules}, settings}
      for (const input of [',“', '“according to\n(“', '“”,', '"x\n("']) {
        const out = await fixed(input, cfg)
        expect(await fixed(out, cfg)).toBe(out)
      }
    }
  })
  it('writes straight marks when quoteMarks is straight', async () => {
    expect(await fixed('The minister called "for calm and restraint.” Nothing else.', straight)).toBe(
      'The minister called "for calm and restraint." Nothing else.'
    )
  })
  it('a long adversarial line finishes quickly', {timeout: 180_000}, () => expectLinear(config, ['a.” ', '” x ', 'a. b.” ', '“a ', '"a." b "c ', '.”', '”']))
})
