import {describe, expect, it} from 'vitest'
import {expectLinear, fixed, only, ruleTable} from './helpers.js'
import {ruleExamples} from './examples-support.js'

ruleExamples('quote-foreign')

const config = only('quote-foreign')
const straight = only('quote-foreign', {}, {quoteMarks: 'straight'})

const invalid: Array<[string, string]> = [
  ['The minister spoke of « a historic turning point ».', 'The minister spoke of “a historic turning point”.'],
  ['She said «\u00A0No\u00A0» and left.', 'She said “No” and left.'],
  ['The chancellor spoke of a „turning point“ in Europe.', 'The chancellor spoke of a “turning point” in Europe.'],
  ['The chancellor spoke of a „turning point” in Europe.', 'The chancellor spoke of a “turning point” in Europe.'],
  ['The mayor was clear: “Stop, that is enough. »', 'The mayor was clear: “Stop, that is enough.”'],
  ['He called it ” a lucky break » in his speech.', 'He called it “a lucky break” in his speech.'],
  ['They are “ not convinced ” by the plan.', 'They are “not convinced” by the plan.'],
  ['They call it " the wall " in the village.', 'They call it "the wall" in the village.'],
  ['Under a banner reading “Together for the city! “.', 'Under a banner reading “Together for the city!”.'],
  ['“He shouted « never » twice,” she said.', '“He shouted ‘never’ twice,” she said.'],
  ['It is the end of an era ». The rest followed.', 'It is the end of an era”. The rest followed.'],
  ['The poster said ‹home› in red.', 'The poster said ‘home’ in red.'],
  [
    '“They are violent. There’s no ”but it happened in the suburbs””, he said.',
    '“They are violent. There’s no ‘but it happened in the suburbs’”, he said.'
  ]
]

const valid = [
  '“Fine,” he said.',
  'The “yes” vote won; she wrote ‘maybe’.',
  'Home » World » Europe',
  'Read the full story\n\nNext Post »',
  '« Previous page',
  '» Read more\nBack «',
  'A 55” screen.',
  'A 6" screen.',
  'Ségolène Royal and Francois Hollande.',
  '“We started in March.\n\n“By June we had finished,” she said.',
  'The farmers’ union.',
  '“He told me ‘never again’,” she said.'
]

ruleTable('quote-foreign', config, {invalid, valid})

describe('quote-foreign', () => {
  it('writes straight marks when quoteMarks is straight', async () => {
    expect(await fixed('She said « No » and left.', straight)).toBe('She said "No" and left.')
  })
  it('a long adversarial line finishes quickly', {timeout: 180_000}, () => expectLinear(config, [' « ', '» ', '« a » ', '” x “ ', '„a“ ', '‹a› ']))
})

describe('quote-foreign with straight marks across paragraphs', () => {
  it('does not undo quote-glued on a straight mark paired over a blank line (fuzz counterexample)', async () => {
    const {createLinter} = await import('../src/index.js')
    const result = await createLinter({preset: 'recommended'}).fix('.”."explains\n\n.”."explains')
    expect(result.unsettled).toBe(false)
    expect(result.passes).toBeLessThanOrEqual(3)
  })
})
