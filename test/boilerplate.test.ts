import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {findResidue} from '../src/rules/shared/residue.js'
import {assertWellFormed, fixed, lint, only, ruleTable} from './helpers.js'
import {ruleExamples} from './examples-support.js'

ruleExamples('boilerplate')

const rule = (options: Record<string, unknown> = {}) => only('boilerplate', options)

describe('boilerplate: page furniture is deleted whole', () => {
  const cases: Array<[string, string]> = [
    // Comment form at the end, two lines, after extra blank lines.
    ['The ferry sank near the coast.\n\n\nPlease enter your comment!\nPlease enter your name here', 'The ferry sank near the coast.\n'],
    ['The ferry sank.\n\nLeave a Reply\n\nYou have entered an incorrect email address!\n', 'The ferry sank.\n'],
    // "Read also:" with a link title, in the middle.
    ['The talks failed.\n\nRead also: Article reserved for our subscribers Why the envoy left\n\nThe envoy left.\n', 'The talks failed.\n\nThe envoy left.\n'],
    ['The talks failed.\n\nTo read also | The envoy’s last mission\n\nThe envoy left.\n', 'The talks failed.\n\nThe envoy left.\n'],
    ['The talks failed.\n\nLire aussi Le dernier voyage de l’envoyé\n\nThe envoy left.\n', 'The talks failed.\n\nThe envoy left.\n'],
    // A bare label takes the short title lines under it.
    ['The talks failed.\n\nThe editorial staff advises you\nTalks: what happens next\nThe envoy, a portrait\n\nThe envoy left.\n', 'The talks failed.\n\nThe envoy left.\n'],
    ['The talks failed.\n\nLeggi anche:\nIl vertice in cinque punti\n', 'The talks failed.\n'],
    // Scraper tags.
    ['The vote was delayed.\n\nsource site-29\n', 'The vote was delayed.\n'],
    ['The vote was delayed.\n\nsource site-29', 'The vote was delayed.\n'],
    ['The vote was delayed. source site-7\n', 'The vote was delayed.\n'],
    ['The vote was delayed.\n\nTags: vote, parliament, budget\n', 'The vote was delayed.\n'],
    ['The vote was delayed.\n[email protected]\nThe session resumes.\n', 'The vote was delayed.\nThe session resumes.\n'],
    // Share widget, newsletter, cookie prompt, image credits.
    ['The bridge opened.\n\nShare this:\nClick to share on Facebook (Opens in new window)\n', 'The bridge opened.\n'],
    ['The bridge opened.\n\nSubscribe to our newsletter\n\nThe mayor cut the ribbon.\n', 'The bridge opened.\n\nThe mayor cut the ribbon.\n'],
    ['The bridge opened.\n\nWe use cookies to improve your experience on our site.\n', 'The bridge opened.\n'],
    ['Photo: AFP\nThe bridge opened on Monday.\n', 'The bridge opened on Monday.\n'],
    ['The bridge opened.\n© Reuters\nThe mayor cut the ribbon.\n', 'The bridge opened.\nThe mayor cut the ribbon.\n'],
    // Metadata block at the start.
    ['Published\n\nUpdate\n\nReading time: 3 min\n\nThe bridge opened.\n', 'The bridge opened.\n'],
    // Original languages.
    ['La crue a baissé.\n\nVeuillez entrer votre commentaire !\nVeuillez entrer votre nom ici\n', 'La crue a baissé.\n'],
    ['The Sejm voted.\n\nCzytaj też: Co zmienia ustawa\n\nThe Senate follows.\n', 'The Sejm voted.\n\nThe Senate follows.\n'],
    ['The cabinet fell.\n\nLees ook: Wat nu na de val\n', 'The cabinet fell.\n'],
    // A label and its headline flattened into a paragraph, as its last sentence.
    ['The ministers met again. And now? See also Farmers block the ring road with tractors\n\nThe talks resume.\n', 'The ministers met again. And now?\n\nThe talks resume.\n'],
    ['The ministers met again. Lire aussi: Les agriculteurs bloquent le périphérique\n', 'The ministers met again.\n']
  ]
  for (const [input, output] of cases) {
    it(JSON.stringify(input), async () => {
      const messages = lint(input, rule())
      assertWellFormed(input, messages)
      expect(messages.length).toBeGreaterThan(0)
      for (const m of messages) {
        expect(m.fix).toBe('safe')
        expect(m.expected).toEqual([''])
      }
      const out = await fixed(input, rule())
      expect(out).toBe(output)
      expect(await fixed(out, rule())).toBe(out)
    })
  }
})

ruleTable('boilerplate: content that mentions comments, sharing or reading stays', rule(), {
  invalid: [],
  valid: [
    'Readers left a comment on every post, and the moderators deleted most of them.',
    'Please enter your comment, the form said, but nobody did.',
    'Read also the annex, which lists every contract.',
    'See also how the court ruled in 2019.',
    // A label inside a paragraph: not as its last sentence, or with a sentence end of its own, or lower case after it.
    'The ministers met again. See also Annex II. The talks resume.',
    'The ministers met again. Read more: The report runs to 300 pages.',
    'The ministers met again. Read more about the talks in our report',
    'Read more carefully, the judge told the clerk.',
    'The source site was hacked in March, investigators said.',
    'Share this: a phrase the minister used twice.',
    'The photographer’s credit line read AFP, the editor said.',
    'Published in 1998, the report was ignored.',
    'Updated figures will be published on Monday.',
    'The company said it uses cookies to track visitors, and regulators fined it.',
    'He wrote to [email protected] to complain.',
    'World War II ended in 1945. The World Bank lent the money.'
  ]
})

describe('boilerplate: options', () => {
  it('disable turns an entry off', () => {
    expect(lint('The vote was delayed.\n\nsource site-29\n', rule({disable: ['scraper-tag']}))).toEqual([])
  })
  it('files adds a user rule file (one line per entry)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mtclean-'))
    const file = join(dir, 'mine.yml')
    writeFileSync(file, 'lang: en\nentries:\n  - {id: my-footer, scope: line, phrases: ["Brought to you by {words}"], match: [{text: "x"}]}\n')
    expect(await fixed('The vote was delayed.\n\nBrought to you by Acme News\n', rule({files: [file]}))).toBe('The vote was delayed.\n')
  })
})

describe('boilerplate: linear time', () => {
  it('long adversarial lines finish quickly', () => {
    const text =
      'Read also: '.repeat(20000) + '\n' + 'Tags: a, '.repeat(20000) + '\n' + 'Posted by a b c d e f g h i j on '.repeat(6000) + '\n' + '. '.repeat(100000)
    findResidue('warm up', 'boilerplate')
    const started = performance.now()
    findResidue(text, 'boilerplate')
    expect(performance.now() - started).toBeLessThan(1500)
  })
})
