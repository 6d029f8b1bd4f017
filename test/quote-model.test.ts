/**
 * The quote rules together (one analysis, one fix loop): the mechanisms that infer a missing or
 * mistyped mark from the structure around it — dash quotations, `,,` openers, a sentence closed
 * inside the marks before the reporting clause's comma — and the regressions found on unseen text.
 */
import {describe, expect, it} from 'vitest'
import {fixed, lint, ruleTable} from './helpers.js'
import {run} from './cli-support.js'
import {quoteConfig} from './quote-support.js'

const invalid: Array<[string, string]> = [
  // Dash quotations (Polish, Russian, Italian dialogue style): the dash before `says X` ends the quotation.
  [
    'The council met on Monday.\n\nWe will not accept a budget written behind closed doors\n\n– says the opposition leader in an interview.',
    'The council met on Monday.\n\n“We will not accept a budget written behind closed doors,” says the opposition leader in an interview.'
  ],
  [
    'The vote is lost. Nobody can save it now.\n\n— said the senator, leaving the chamber.',
    '“The vote is lost. Nobody can save it now,” said the senator, leaving the chamber.'
  ],
  ['Is that democracy?\n\n– asks the mayor of the town.', '“Is that democracy?” asks the mayor of the town.'],
  [
    '- I am sorry. I wanted good cooperation, but you refused - says the prime minister in an interview.',
    '“I am sorry. I wanted good cooperation, but you refused,” says the prime minister in an interview.'
  ],
  // A low opener typed as two commas (German, Dutch).
  ['The chancellor was calm: ,,I am confident that we will work it out.” And he left.', 'The chancellor was calm: “I am confident that we will work it out.” And he left.'],
  ['Labour has a problem. ,, There lies the ball, “said the minister, who left.', 'Labour has a problem. “There lies the ball,” said the minister, who left.'],
  ['He soothed some egos (,, Tell me what is bothering you “).', 'He soothed some egos (“Tell me what is bothering you”).'],
  [
    'The pressure rises. ,, If there is no deal today, we have a crisis, ” says an insider.',
    'The pressure rises. “If there is no deal today, we have a crisis,” says an insider.'
  ],
  // A headline opener never closed: the next paragraph has no mark, so the reopening after it is a new quotation.
  [
    'The deputy urges the police: “We have to start\n\nThe speech of the deputy went unnoticed in the city.\n\n“Our police are intimidated,” began the deputy.',
    'The deputy urges the police: “We have to start”\n\nThe speech of the deputy went unnoticed in the city.\n\n“Our police are intimidated,” began the deputy.'
  ],
  // Straight marks each on the wrong side of their space: one quotation, not two lost marks.
  ['Rain will reach 100 mm" in less than 3 hours "in the south.', 'Rain will reach 100 mm "in less than 3 hours" in the south.'],
  // Two quotations run together: the period of the first was lost.
  ['It is late. "We go forward together for five years, not a minute less" "I found an ally."', 'It is late. "We go forward together for five years, not a minute less." "I found an ally."'],
  // A headline in single marks, never closed.
  ['‘Our team has more quality than theirs\n\nThe coach spoke on Friday.', '‘Our team has more quality than theirs’\n\nThe coach spoke on Friday.'],
  // A doubled comma after a word is not an opener.
  ['The talks,, resumed on Monday.', 'The talks, resumed on Monday.'],
  // A quotation that ended its sentence inside the marks, then the reporting clause's comma outside.
  ['“We have to stay calm, so as not to look like fools.”, he added.', '“We have to stay calm, so as not to look like fools,” he added.'],
  ['“We have to stay calm, so as not to look like fools.“, he added.', '“We have to stay calm, so as not to look like fools,” he added.'],
  ['“Will it rain tomorrow? “, she asked.', '“Will it rain tomorrow?” she asked.'],
  ['“This is what we will do.”, He said. Then he left.', '“This is what we will do,” he said. Then he left.'],
  ['“None of that is true”, He said, and left.', '“None of that is true,” he said, and left.'],
  // A closer glued to a lower-case word after a full sentence: the reporting clause, whatever its verb.
  ['“It burned through this whole session.”mocked the opposition leader.', '“It burned through this whole session,” mocked the opposition leader.']
]

const valid = [
  // Issue 17: a straight-quoted quotation that wraps after `(` or `— `.
  'Names translated ("according\nto information" here) are flagged.',
  'It said — "according\nto information" — that the plan failed.',
  // A list of dash items is not a dash quotation; nor is a dash mid-paragraph without a reporting clause.
  '- Fire in the south: two dead.\n\n- Floods in the north: roads closed.',
  'The plan – says nobody – is finished.',
  'The first point is settled\n\n– the second one is not.',
  '‘Tis the season to be jolly\n\nSnow fell.',
  '‘Our team’s quality is higher’ says the coach\n\nSnow fell.',
  // Quoted titles or short words side by side.
  '"Yes" "No" and "Maybe" were the options.',
  // Two quotations, each whole: no inverted pair.
  'He wrote "yes" and "no" on the board.',
  // A reporting clause before the quotation: what follows it is not one.
  'He said “It is done.” and left.'
]

ruleTable('quote model', quoteConfig, {invalid, valid, validUnchangedOnly: false})

describe('quote model', () => {
  it('wrapped straight quotations after `(` or `— ` come out byte for byte (issue 17, item 1)', async () => {
    for (const input of ['Names translated ("according\nto information" here)', 'It said — "according\nto information" — that.']) {
      expect(await fixed(input, quoteConfig)).toBe(input)
      expect(lint(input, quoteConfig)).toEqual([])
    }
  })

  it('wrapped straight quotations: `mtclean fix` (recommended preset) leaves them byte for byte', () => {
    const text = 'Names translated ("according\nto information" here) are flagged.\n\nIt said — "according\nto information" — that the plan failed.\n'
    const r = run(['fix'], {input: text})
    expect(r.stdout).toBe(text)
    expect(r.code).toBe(0)
  })
})
