import {describe, expect, it} from 'vitest'
import {assertWellFormed, fixed, lint, only} from './helpers.js'
import {ruleExamples} from './examples-support.js'

ruleExamples('pronoun')

const config = only('pronoun')

/** [text, the pronoun reported, its expected replacements]: MT-style gender and person slips (written for this test). */
const invalid: Array<[string, string, string[]]> = [
  ['Ursula von der Leyen spoke in Brussels on Monday. He added that the plan was ready.', 'He', ['She']],
  ['“We will not give in,” Giorgia Meloni told reporters, and he added that the party was united.', 'he', ['she']],
  ['Frau Hansen left the meeting early. Later his office confirmed the decision.', 'his', ['her']],
  ['João Doria announced the doses on Saturday, as she wrote on Twitter.', 'she', ['he']],
  ['The deputy Erika Hilton said on your profile that the rally was a success.', 'your', ['his', 'her', 'their']],
  ['The minister said the plan, which Your party rejected, would pass.', 'Your', ['your']],
  // a generic `you` two paragraphs away addresses no one here
  ['When you look back, the decade was calm.\n\nThe party met in Berlin.\n\nAnna Schmidt said on your website that the vote was rigged.', 'your', ['his', 'her', 'their']],
  // a name no dictionary knows, at a sentence's start, is someone in the third person
  ['The party met on Sunday. Esken hinted that your party would tax the rich.', 'your', ['his', 'her', 'their']],
  // a title made of first-name-like words before the name: the person is Linda
  ['General Secretary Linda Teuteberg spoke in Berlin, and he warned of a coalition.', 'he', ['she']],
  // `everyone` inside the quotation is no referent of the pronoun after it
  ['“We will vaccinate everyone,” wrote João Doria on her profile.', 'her', ['his', 'him']],
  // `the Butantan vaccine`: after an article an unknown capitalized word names a thing
  ['João Doria praised the Butantan vaccine, and she thanked the staff.', 'she', ['he']]
]

const valid = [
  // the pronoun of the right gender
  'Ursula von der Leyen spoke in Brussels. She added that the plan was ready.',
  // two people of both genders in reach: ambiguous
  'Angela Merkel met Olaf Scholz on Monday. He said the talks went well.',
  // a role noun in between may be the referent
  'Giorgia Meloni met the president. He said the talks went well.',
  // a gendered noun of the other gender in reach
  'Maria Rossi and her husband arrived. He said they were tired.',
  // a possessive: what follows may be the referent
  'After George Floyd’s mother spoke, she left the room.',
  // someone of that gender is already being talked about
  'He thanked his mother, Lillie Tejeda, and his sister for coming.',
  // quoted speech, first and second person
  'Anna Schmidt said: “He will come, and your plan will work.”',
  'If you want to vote, bring your card. Anna Schmidt said she agreed.',
  // no person named: France. General … is two sentences, North Africa no name
  'The troops landed in France. General Eisenhower led them. He was calm.',
  'The forces left North Africa. Germany moved her troops.',
  // too far: two sentences back
  'Anna Schmidt arrived. The talks began late. The chairman spoke. He left.',
  // someone addressed in the same paragraph, or in the one before
  'When you vote, bring your card. Anna Schmidt said your card is enough.',
  'If you vote, bring a card.\n\nAnna Schmidt said your card is enough.',
  // a text that addresses someone throughout: a speech, a letter, an interview
  'I thank you all. We met in March.\n\nThe talks began.\n\nThe talks ended.\n\nAnna Schmidt praised your work.',
  // a quantifier outside quotes is still a possible referent
  'Olaf Scholz said everyone should vote, and she should too.',
  // an unknown name with no article may be a person of the other gender
  'João Doria praised Okonkwo, and she thanked the staff.'
]

describe('pronoun', () => {
  for (const [input, actual, expected] of invalid) {
    it(`reports: ${actual} in ${input}`, async () => {
      const messages = lint(input, config)
      assertWellFormed(input, messages)
      expect(messages.map((m) => [m.actual, m.expected, m.fix])).toEqual([[actual, expected, 'suggestion']])
      expect(await fixed(input, config)).toBe(input)
    })
  }
  for (const input of valid) {
    it(`leaves alone: ${input}`, () => {
      expect(lint(input, config).map((m) => m.actual)).toEqual([])
    })
  }
  it('says what the evidence was', () => {
    const [m] = lint('Ursula von der Leyen spoke. He added that it was ready.', config)
    expect(m.reason).toBe('Unexpected `He` for Ursula von der Leyen (Ursula is a woman’s first name, 2 words before), expected `She`')
    const [t] = lint('Frau Hansen left. Later his office confirmed it.', config)
    expect(t.reason).toBe('Unexpected `his` for Frau Hansen (the title Frau, 3 words before), expected `her`')
  })
  it('is linear on long input', () => {
    const long = 'Anna Schmidt said he and she and your plan. '.repeat(20000)
    const t = performance.now()
    lint(long, config)
    expect(performance.now() - t).toBeLessThan(20000)
  })
})
