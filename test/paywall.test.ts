import {describe, expect, it} from 'vitest'
import {findResidue} from '../src/rules/shared/residue.js'
import {assertWellFormed, fixed, lint, only, ruleTable} from './helpers.js'
import {ruleExamples} from './examples-support.js'

ruleExamples('paywall')

const rule = (options: Record<string, unknown> = {}) => only('paywall', options)

describe('paywall: residue is deleted whole', () => {
  const cases: Array<[string, string]> = [
    // Trailing paragraph: removed with the white space before it, one line break kept.
    ['The port reopened.\n\nYou have 72% of this article left to read. The rest is reserved for subscribers.\n', 'The port reopened.\n'],
    ['The port reopened.\n\n\nYou have 72% of this article left to read.', 'The port reopened.\n'],
    // A paragraph between paragraphs: removed with one separator.
    ['The port reopened.\n\nArticle reserved for our subscribers\n\nShips are waiting.\n', 'The port reopened.\n\nShips are waiting.\n'],
    // A line inside a paragraph.
    ['The port reopened.\nAlready a subscriber? Log in\nShips are waiting.\n', 'The port reopened.\nShips are waiting.\n'],
    ['The port reopened.\nShips are waiting.\nSubscribe to read the full article\n', 'The port reopened.\nShips are waiting.\n'],
    // A sentence at the end of a content line.
    ['Ships are waiting at the port. The rest is reserved for subscribers.\n', 'Ships are waiting at the port.\n'],
    // Original French and other source languages.
    ['Le port a rouvert.\n\nIl vous reste 72 % de cet article à lire.\nLa suite est réservée aux abonnés.\n', 'Le port a rouvert.\n'],
    ['The port reopened.\n\nEste contenido es exclusivo para suscriptores\n', 'The port reopened.\n'],
    ['The port reopened.\n\nWeiterlesen mit SZ Plus\n', 'The port reopened.\n'],
    ['The port reopened.\n\n¿Ya eres suscriptor? Inicia sesión\n', 'The port reopened.\n'],
    // Curly apostrophes, bullets, French spacing.
    ['The port reopened.\n\n• Déjà abonné ? Connectez-vous\n', 'The port reopened.\n'],
    // Windows line breaks.
    ['The port reopened.\r\n\r\nYou have 72% of this article left to read.\r\n\r\nShips wait.\r\n', 'The port reopened.\r\n\r\nShips wait.\r\n']
  ]
  for (const [input, output] of cases) {
    it(JSON.stringify(input), async () => {
      const messages = lint(input, rule())
      assertWellFormed(input, messages)
      expect(messages.length).toBeGreaterThan(0)
      for (const m of messages) {
        expect(m.fix).toBe('safe')
        expect(m.expected).toEqual([''])
        expect(m.reason).toMatch(/^Unexpected .*, expected the (paragraph|line|sentence) deleted$/)
      }
      const out = await fixed(input, rule())
      expect(out).toBe(output)
      expect(await fixed(out, rule())).toBe(out)
    })
  }
})

ruleTable('paywall: content that mentions subscribers stays', rule(), {
  invalid: [],
  valid: [
    'The newspaper said the rest is reserved for subscribers who pay for the premium plan.',
    'Subscribers complained that 50% of the article was missing.',
    'You have 50% of the vote, the pollster told him.',
    'The union asked: are you already a subscriber to the bulletin?',
    'Already a subscriber to three papers, she cancelled one.\n\nShe said so on Monday.\n',
    'The app lets readers subscribe to read the full article later, the company said.',
    'The rest is reserved for subscribers, the publisher explained, because printing costs rose.'
  ]
})

describe('paywall: options', () => {
  it('disable turns an entry off', () => {
    const text = 'The port reopened.\n\nYou have 72% of this article left to read.\n'
    expect(lint(text, rule({disable: ['fr-meter']}))).toEqual([])
  })
})

describe('paywall: linear time', () => {
  it('a long adversarial line finishes quickly', () => {
    const line = 'You have 50 % of this article left to read '.repeat(5000) + '\n' + 'Read on with '.repeat(15000)
    findResidue('warm up', 'paywall')
    const started = performance.now()
    findResidue(line, 'paywall')
    expect(performance.now() - started).toBeLessThan(1500)
  })
})
