import {describe, expect, it} from 'vitest'
import type {Config} from '../src/index.js'
import {allRules} from '../src/rules/index.js'
import {classifyParagraphs} from '../src/furniture/classify.js'
import {fixed, lint} from './helpers.js'

/** The boilerplate and paywall rules on, every other rule off. */
const config: Config = {
  preset: 'strict',
  rules: Object.fromEntries(allRules.map((r) => [r.ruleId, r.ruleId === 'boilerplate' || r.ruleId === 'paywall' ? 'warn' : 'off'])) as never
}

// A body of sentences in the style of MT news (our own text).
const HEADLINE = 'The mayor of Lyon defends her plan for the river banks'
const BODY = [
  'The mayor of Lyon on Tuesday defended her plan to close the river banks to cars, saying the city could no longer wait for the region to act.',
  'According to the town hall, the works will start in the spring and last until the end of next year, with a budget of twelve million euros.',
  'Opposition councillors denounced a project carried out without consultation, and called for a referendum before any work begins on the quays.',
  'The prefecture, for its part, said it would examine the file in the coming weeks and recalled that the state owns part of the land concerned.'
]

/** Furniture shapes, by evidence kind, and where they may stand (s: start, e: end, i: between body paragraphs). */
const SHAPES: Array<{kind: string; text: string; at: string}> = [
  {kind: 'date', text: 'Thursday, March 11, 2021', at: 'se'},
  {kind: 'date', text: 'Publication: Friday March 12, 2021 10:18 AM', at: 'se'},
  {kind: 'date', text: '2021-03-14T08:15:02.117Z', at: 'se'},
  {kind: 'site-name', text: 'lyonnews.fr 3 hours ago', at: 'sie'},
  {kind: 'site-name', text: 'Metropole .fr 10:12 am, March 11, 2021', at: 'sie'},
  {kind: 'url', text: 'https://www.example.org/lyon/river-banks', at: 'sie'},
  {kind: 'credit', text: 'Photo: AP', at: 'sie'},
  {kind: 'credit', text: 'Foto: PAP/Jan Kowalski', at: 'sie'},
  {kind: 'credit', text: 'The quays of the Rhône in Lyon on March 2, 2021 © JEAN DUPONT / AFP', at: 'sie'},
  {kind: 'credit', text: 'A view of the river banks. Illustration. – Marc Petit / Sipa', at: 'sie'},
  {kind: 'byline', text: 'By Claire Martin', at: 'si'},
  {kind: 'byline', text: 'by admin', at: 'si'},
  {kind: 'byline', text: 'Posted by Pierre Durand', at: 'si'},
  {kind: 'navigation', text: 'Read Entire Article', at: 'sie'},
  {kind: 'navigation', text: 'PREV The region votes its budget', at: 'se'},
  {kind: 'navigation', text: '» Floods: the city prepares its dikes', at: 'se'},
  {kind: 'navigation', text: 'Scroll To Top', at: 'sie'},
  {kind: 'tag-list', text: 'Tag: Lyon, river, mobility', at: 'sie'},
  {kind: 'tag-list', text: 'Politics | Lyon | Mobility | Environment', at: 'sie'},
  {kind: 'ad-slot', text: 'Advertisement', at: 'sie'},
  {kind: 'ad-slot', text: 'sequel after announcement', at: 'sie'},
  {kind: 'price-offer', text: '€1 the first month', at: 'sie'},
  {kind: 'price-offer', text: '1€ for 15 days', at: 'sie'},
  {kind: 'meter', text: 'There is still 64% of this article to read', at: 'sie'},
  {kind: 'subscriber', text: 'Reading this article is for subscribers only. Login', at: 'sie'},
  {kind: 'tweet', text: '- Metropole de Lyon (@MetropoleLyon) March 11, 2021', at: 'sie'},
  {kind: 'phrase', text: 'Leave a Comment', at: 'sie'}
]

function page(parts: string[]): string {
  return parts.join('\n\n') + '\n'
}

function placed(shape: string, at: string): {input: string; output: string} {
  const clean = [HEADLINE, ...BODY]
  const dirty = [...clean]
  if (at === 's') dirty.splice(0, 0, shape)
  else if (at === 'e') dirty.push(shape)
  else dirty.splice(2, 0, shape)
  return {input: page(dirty), output: page(clean)}
}

const REASON = /^Unexpected (?:page furniture|paywall residue) \(“.+”: .+\), expected the (?:paragraph|\d+ paragraphs) deleted$/

describe('furniture: every evidence kind, at every position it may take, is deleted whole', () => {
  for (const shape of SHAPES) {
    for (const at of shape.at) {
      it(`${shape.kind} at ${at}: ${JSON.stringify(shape.text)}`, async () => {
        const {input, output} = placed(shape.text, at)
        const messages = lint(input, config)
        expect(messages.length).toBeGreaterThan(0)
        for (const m of messages) expect(m.reason).toMatch(/^Unexpected /)
        expect(messages.some((m) => REASON.test(m.reason) || m.ruleId === 'boilerplate' || m.ruleId === 'paywall')).toBe(true)
        expect(await fixed(input, config)).toBe(output)
      })
    }
  }
})

describe('furniture: the classifier names its evidence', () => {
  const kinds = (text: string) => classifyParagraphs(text).map((v) => [v.class, ...new Set(v.evidence.map((e) => e.kind))])
  it('a date and the site name at the start, with the words that decided', () => {
    const verdicts = classifyParagraphs(page(['Metropole .fr 10:12 am, March 11, 2021', HEADLINE, ...BODY]))
    expect(verdicts[0].class).toBe('furniture')
    expect(verdicts[0].because).toBe('short line, no verb, a date and the site name, at the start of the text')
    expect(verdicts.slice(1).map((v) => v.class)).toEqual(['body', 'body', 'body', 'body', 'body'])
  })
  it('a byline block between body paragraphs: a name line, a role line and initials', () => {
    const v = kinds(page([BODY[0], 'Hendrik Vosskamp', 'head of the parliamentary office in Berlin.', 'F. A. Z.', BODY[1]]))
    expect(v).toEqual([['body'], ['furniture', 'name'], ['furniture', 'fragment'], ['furniture', 'initials'], ['body']])
  })
  it('names with a date between body paragraphs', () => {
    const v = kinds(page([BODY[0], 'Tobias Grootveld, Jan Hoekstrander', 'Mar 28 2023', BODY[1]]))
    expect(v).toEqual([['body'], ['furniture', 'name'], ['furniture', 'date'], ['body']])
  })
  it('a caption left in the source language beside its credit', () => {
    const v = kinds(page([BODY[0], 'Un policier lors d’un contrôle sur les quais.', 'A police officer during a check on the quays. – Marc Petit / Sipa', BODY[1]]))
    expect(v[1]).toEqual(['furniture', 'source-language'])
    expect(v[2][0]).toBe('furniture')
  })
  it('hashtags of an embedded post beside its signature', () => {
    const v = kinds(page([BODY[0], 'Orange alert in #Rhone', '- Metropole de Lyon (@MetropoleLyon) March 11, 2021', BODY[1]]))
    expect(v[1]).toEqual(['furniture', 'hashtags'])
    expect(v[2][0]).toBe('furniture')
  })
  it('a list of links before the body, with its label', () => {
    const v = kinds(page(['Lyon services:', '- Parking and tolls', '- Opening hours', HEADLINE, ...BODY]))
    expect(v.slice(0, 3).map((x) => x[0])).toEqual(['furniture', 'furniture', 'furniture'])
    expect(v[3]).toEqual(['body'])
  })
  it('the run after the last body paragraph, from its first strong evidence', async () => {
    const input = page([HEADLINE, ...BODY, 'See Also', 'The region votes its budget', '€1 the first month', 'Support independent journalism', 'Already a subscriber? Log in'])
    expect(await fixed(input, config)).toBe(page([HEADLINE, ...BODY]))
    const v = kinds(input)
    expect(v[v.length - 2]).toEqual(['furniture', 'support-appeal'])
  })
})

describe('furniture: what must stay', () => {
  const keep: Array<[string, string[]]> = [
    ['a headline and a subheading between body paragraphs', [HEADLINE, BODY[0], 'The opposition wants a vote', BODY[1], BODY[2]]],
    ['a dateline', [HEADLINE, 'LYON (Reuters) - ' + BODY[0], BODY[1]]],
    ['a quoted list inside the article', [HEADLINE, BODY[0], 'The plan lists three measures:', '- a ban on cars on the quays,', '- new bicycle lanes,', '- trees along the water.', BODY[1]]],
    ['live-blog timestamps that head their entries', [HEADLINE, 'March 11, 2021 10:15 AM', BODY[0], 'March 11, 2021 11:40 AM', BODY[1], 'March 11, 2021 12:05 PM', BODY[2]]],
    ['the signature of a letter', ['Dear editor,', BODY[0], BODY[1], 'Claire Vautrin', 'Villeurbanne']],
    ['sentences of the body that talk about furniture', [HEADLINE, BODY[0], 'The newspaper said its subscribers could read the report for €1 a month until May.', 'Next, the council will vote on the budget of the river works.', BODY[1]]],
    ['a short last sentence after a credit', [HEADLINE, BODY[0], 'The works will be unveiled on Monday in Lyon.']],
    ['a title-case headline next to a date line', ['World Bank Cuts Global Growth Forecasts', 'March 11, 2021', ...BODY]]
  ]
  for (const [name, parts] of keep) {
    it(name, async () => {
      const input = page(parts)
      const verdicts = classifyParagraphs(input)
      const kept = name.startsWith('a title-case') ? verdicts.slice(0, 1).concat(verdicts.slice(2)) : verdicts
      expect(kept.map((v) => v.class)).toEqual(kept.map(() => 'body'))
      if (!name.startsWith('a title-case')) {
        expect(lint(input, config)).toEqual([])
        expect(await fixed(input, config)).toBe(input)
      }
    })
  }
})
