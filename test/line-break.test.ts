import {describe, expect, it} from 'vitest'
import {fixed, lint, only} from './helpers.js'
import {ruleExamples} from './examples-support.js'

ruleExamples('line-break')

const config = only('line-break')

// Correct sentences; the scraper renders the linked name as a block of its own.
const SENTENCES: Array<[string, string, string]> = [
  // [before the link, link text, after the link]
  ['The party keeps its alliance in', 'Madrid', 'with the prime minister until the next election.'],
  ['The deal was signed on Sunday night by', 'Pere Vidal', 'and the leaders of the three groups.'],
  ['She called on the members of', 'the Green Party', 'to back the budget before the summer.'],
  ['The minister met the president of the', 'Regional Council', ', who asked for more time.'],
  ['The agreement still has to be approved by', 'the assembly', '.']
]

function split(before: string, link: string, after: string): {input: string; output: string} {
  const glue = /^[,.]/.test(after) ? '' : ' '
  return {input: `${before}\n\n${link}\n\n${after}\n`, output: `${before} ${link}${glue}${after}\n`}
}

describe('line-break: a sentence split into paragraphs is joined', () => {
  for (const [before, link, after] of SENTENCES) {
    const {input, output} = split(before, link, after)
    it(JSON.stringify(input), async () => {
      const messages = lint(input, config)
      expect(messages.length).toBe(2)
      for (const m of messages) {
        expect(m.fix).toBe('safe')
        expect(m.reason).toMatch(/^Unexpected paragraph break inside a sentence \(“.+⏎⏎.+”\), expected (?:one sentence|the punctuation joined to its sentence)$/)
      }
      expect(await fixed(input, config)).toBe(output)
    })
  }
  it('a lone period pushed into its own paragraph', async () => {
    const input = 'Inflation reached its highest level in two years\n\n.\n\nPrices of food rose most.\n'
    expect(lint(input, config).map((m) => m.reason)).toEqual(['Unexpected paragraph break inside a sentence (“…highest level in two years⏎⏎.”), expected the punctuation joined to its sentence'])
    expect(await fixed(input, config)).toBe('Inflation reached its highest level in two years.\n\nPrices of food rose most.\n')
  })
  it('a paragraph that goes on in lower case', async () => {
    const input = 'The ministers agreed to continue being\n\na partner of the government until 2023.\n'
    expect(await fixed(input, config)).toBe('The ministers agreed to continue being a partner of the government until 2023.\n')
  })
})

describe('line-break: paragraphs that end where they should stay apart', () => {
  const keep = [
    'The mayor defends her plan for the river banks\n\nThe mayor on Tuesday defended her plan.\n',
    'The plan lists three measures:\n\n- a ban on cars,\n\n- new bicycle lanes.\n',
    'What the council voted for\n\nThe council voted for the plan on Monday.\n',
    'Lyon, March 11\n\nThe council met on Monday.\n',
    'The works will start in May.\n\nand that, said the mayor, is final.\n',
    'Thursday, March 11, 2021\n\nthe mayor defends her plan\n\nThe mayor on Tuesday defended her plan.\n'
  ]
  for (const text of keep) it(JSON.stringify(text), () => expect(lint(text, config)).toEqual([]))
})
