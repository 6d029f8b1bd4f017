import {describe, expect, it} from 'vitest'
import {expectLinear, only, ruleTable} from './helpers.js'
import {ruleExamples} from './examples-support.js'

ruleExamples('quote-glued')

const config = only('quote-glued')

const invalid: Array<[string, string]> = [
  ['“The talks are over”explains a Spanish diplomat.', '“The talks are over,” explains a Spanish diplomat.'],
  ['“It was a mistake.”notes the mayor of the town.', '“It was a mistake,” notes the mayor of the town.'],
  ['“There is no plan B”she insists.', '“There is no plan B,” she insists.'],
  ['“Prices will rise again”Central bank governor Ana Ruiz told reporters.', '“Prices will rise again,” Central bank governor Ana Ruiz told reporters.'],
  ['“We will not give in”the minister said on Monday.', '“We will not give in,” the minister said on Monday.'],
  ['“Why now?”asked the senator.', '“Why now?” asked the senator.'],
  ['The mayor spoke of a “historic day”in the town hall.', 'The mayor spoke of a “historic day” in the town hall.'],
  ['“It is over. We go home. ”The coach left the pitch quickly.', '“It is over. We go home.” The coach left the pitch quickly.'],
  ['"We stay in the city until the end "she added.', '"We stay in the city until the end," she added.'],
  ['“The rain will not stop us “Launches the captain.', '“The rain will not stop us,” launches the captain.'],
  ['He said“We are ready for the vote.”', 'He said “We are ready for the vote.”'],
  ['The sign read:“Closed on Sundays.”', 'The sign read: “Closed on Sundays.”'],
  ['“This is the plan of the government (PSOE)”adds the spokesman.', '“This is the plan of the government (PSOE),” adds the spokesman.'],
  ['Inflation reached “a record level of 7%”according to the institute.', 'Inflation reached “a record level of 7%,” according to the institute.']
]

const valid = [
  '“Good,” he said. “Very good.”',
  'She said: “We’re ready.”',
  'The “yes” camp won in O’Neill’s county; the farmers’ union agreed.',
  '“We started in March.\n\n“By June we had finished,” she said.',
  '“He told me ‘never again’ and left,” she recalled.',
  'A 12" pipe and a 6" screen.',
  'Mr Lopez said: \'They were wrong\'.',
  'The word “résumé” has accents; “naïve” too.',
  '“First,” “second” and “third” are ordinals.',
  'He wrote “don’t” twice — “don’t”.'
]

ruleTable('quote-glued', config, {invalid, valid})

describe('quote-glued', () => {
  it('a long adversarial line finishes quickly', {timeout: 180_000}, () => expectLinear(config, ['a”b ', '“a “b ', 'x”y”z', '"a"b"c', ' ”The ']))
})
