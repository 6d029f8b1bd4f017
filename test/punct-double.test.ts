import {describe, expect, it} from 'vitest'
import {expectLinear, only, ruleTable} from './helpers.js'
import {ruleExamples} from './examples-support.js'

ruleExamples('punct-double')

const config = only('punct-double')

const invalid: Array<[string, string]> = [
  ['They benefit from consular protection. .\n\nNext paragraph.', 'They benefit from consular protection.\n\nNext paragraph.'],
  ['“We will help in every possible way.”.', '“We will help in every possible way.”'],
  ['“Is she ready yet?”. We are.', '“Is she ready yet?” We are.'],
  ['They want “more speed”., said the chancellor.', 'They want “more speed”, said the chancellor.'],
  ['The talks,, resumed on Monday.', 'The talks, resumed on Monday.'],
  ['It was over.. Then the rain came.', 'It was over. Then the rain came.'],
  ['Really?. Yes.', 'Really? Yes.'],
  ['Enough!. The crowd left.', 'Enough! The crowd left.'],
  ['"It is done.". He left.', '"It is done." He left.'],
  // A clause mark, then a period: the period goes (Dutch, German and Polish MT of a list that follows).
  ['Three senators voted against it:. Jan Smit, Els Bos and Piet Kok.', 'Three senators voted against it: Jan Smit, Els Bos and Piet Kok.'],
  ['The vote was close;.\n\nNext.', 'The vote was close;\n\nNext.'],
  // A sentence end, then the comma of a clause that goes on in lower case: the period goes; after an abbreviation, the space.
  ['They need the help of an accountant. , which has a cost.', 'They need the help of an accountant, which has a cost.'],
  ['Pens, paper etc. , which we sold.', 'Pens, paper etc., which we sold.'],
  ['It moved to the U.S. , where it grew.', 'It moved to the U.S., where it grew.']
]

const valid = [
  'Wait... and then nothing…',
  'And then . . . nothing.',
  'He moved to the U.S.). Then',
  'Apples, pears, etc., were sold.',
  'e.g., this; Acme Inc., and others.',
  'Pages 1..5 and ../docs/index.html',
  'Version 1.2.3 was released at 10.30.',
  '“Why?” he asked. “Because.”',
  'Prices rose 1,5 %; 1,,5 is a typo we leave.',
  'The U.S. “First Act”. Next.',
  'At 10:30. Then it rained.',
  'The ratio was 3:1. Then it fell.',
  'He stopped. , Then a comma and a capital we leave.',
  'Note: . is the decimal point here.',
  'A smiley :. and more'
]

ruleTable('punct-double', config, {invalid, valid})

describe('punct-double', () => {
  it('a long adversarial line finishes quickly', {timeout: 180_000}, () => expectLinear(config, ['.', '. ', ',', '?”.', '.”.,', '!.']))
})
