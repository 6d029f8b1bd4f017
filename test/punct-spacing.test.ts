import {describe, expect, it} from 'vitest'
import {expectLinear, lint, only, ruleTable} from './helpers.js'
import {ruleExamples} from './examples-support.js'

ruleExamples('punct-spacing')

const config = only('punct-spacing')

const invalid: Array<[string, string]> = [
  ['since the start of the invasion of Ukraine .', 'since the start of the invasion of Ukraine.'],
  ['the key question ; the answer', 'the key question; the answer'],
  ['He said : we go.', 'He said: we go.'],
  ['Why ? Nobody knows.', 'Why? Nobody knows.'],
  ['Stop ! Now.', 'Stop! Now.'],
  ['What now\u00A0? Nobody knows.', 'What now? Nobody knows.'],
  ['Note\u202F: the vote is closed\u00A0!', 'Note: the vote is closed!'],
  ['a service ( see below ) for all', 'a service (see below) for all'],
  ['jobs were lost in services ( 59 fewer)', 'jobs were lost in services (59 fewer)'],
  ['the index fell (- 2.6%) on Friday', 'the index fell (-2.6%) on Friday'],
  ['11:33 p.m .: the vote is over', '11:33 p.m.: the vote is over'],
  ['The weather was good.It rained later.', 'The weather was good. It rained later.'],
  ['near the facility,killing several people', 'near the facility, killing several people'],
  ['Note:This is final.', 'Note: This is final.'],
  ['Really!Then he left.', 'Really! Then he left.'],
  ['the agency EFE .\n\nNext.', 'the agency EFE.\n\nNext.'],
  ['the “plan” , the budget', 'the “plan”, the budget']
]

const valid = [
  'The U.S. and the U.K., e.g. this, i.e. that.',
  'It grew 3.5 percent at 10:30 a.m. with 1,500 jobs.',
  'See example.com/a.b and https://Example.org/Path.Html or www.Site.Com.',
  'Write to john.doe@example.com or Jane.Smith@Example.org.',
  'Open Report.Final.docx and the .NET framework; Node.js too.',
  'And so on ... and on … and on.',
  'The score was 2 : 1 at 10 : 30.',
  'A smile :) and ( ) empty.',
  'St.Louis and Mr.Smith.',
  'A value of .5 and file .bashrc',
  'Tab\tand\r\nCRLF line.',
  'The ratio 1:2 and 3,000 and 4,5 and a,b',
  '&nbsp;word and &amp;co',
  'ab.Cd,ef'.repeat(20) + ' (a 160-character token is not prose)'
]

// French spacing after an abbreviation's period, generated: every abbreviation before every mark.
for (const abbreviation of ['2:31 p.m.', 'at 9 a.m.', 'and so on, etc.', 'Acme Inc.', 'the U.S.']) {
  for (const mark of [':', ';', '!', '?']) {
    invalid.push([`${abbreviation} ${mark} then more`, `${abbreviation}${mark} then more`])
    invalid.push([`${abbreviation}\u00A0${mark} then more`, `${abbreviation}${mark} then more`])
  }
}
// An ellipsis or a lone period before the mark is left to the other rules.
valid.push('Wait . . . ? Nobody knew.', 'So ... ! Then nothing.', 'A list: 1. ; 2.')

ruleTable('punct-spacing', config, {invalid, valid})

describe('punct-spacing', () => {
  it('names the abbreviation the mark belongs to', () => {
    expect(lint('2:31 p.m. : Ah, the coach.', config).map((m) => m.reason)).toEqual(['Unexpected space before `:`, expected `p.m.:`'])
  })
  it('a long adversarial line finishes quickly', {timeout: 180_000}, () => expectLinear(config, [' ', '( ', 'ab.Cd', 'a ;', 'ab,cd', ' .', '(- ']))
})
