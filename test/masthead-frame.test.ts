/**
 * Masthead frames generated from a table: each literal rendering inside many frames
 * that show a publication, and inside look-alike frames that do not.
 */
import {describe, expect, it} from 'vitest'
import {mastheadFrame} from '../src/rules/masthead-frame.js'

const LITERALS = ['The Cross', 'World', 'The Echoes', 'The Sun 24 Hours', 'The Country', 'The Globe']

/** `{X}` is the rendering; the kind of evidence expected. */
const FRAMES: Array<[string, string]> = [
  ['{X} describes the reform as a failure.', 'subject'],
  ['On Monday, {X} headlines on the strike.', 'subject'],
  ['{X} has revealed the memo.', 'subject'],
  ['The minister told {X} that the plan was final.', 'object'],
  ['She spoke to {X} on Sunday.', 'object'],
  ['The memo was quoted by {X} last week.', 'object'],
  ['In an interview with {X}, the mayor defended the plan.', 'interview'],
  ['According to the Catholic daily {X}, turnout fell.', 'press-noun'],
  ['The weekly {X} ran the story.', 'press-noun'],
  ['It was aired by the radio station {X} at noon.', 'press-noun'],
  ['“We will not give in” ({X}).', 'quote-paren'],
  ['{X}’s front page was blank.', 'possessive'],
  ['{X}’s editorial called for calm.', 'possessive']
]

const LOOK_ALIKES = [
  'The World Bank said growth would slow.',
  'They flew the Cross of Lorraine over the square.',
  'She scored in a World Cup final.',
  'The Point is that nobody came.',
  'Aid came from the rest of the world.',
  'He bought the globe at a market.'
]

describe('masthead frame', () => {
  for (const literal of LITERALS) {
    for (const [frame, kind] of FRAMES) {
      const text = frame.replace('{X}', literal)
      it(`${kind}: ${text}`, () => {
        const start = text.indexOf(literal)
        expect(mastheadFrame(text, start, start + literal.length)).toEqual({kind, strong: true})
      })
    }
  }
  it('sees a list of publications', () => {
    const text = 'The press review quoted Le Figaro, The Cross and The Echoes.'
    const hits = ['The Cross', 'The Echoes'].map((l) => ({start: text.indexOf(l), end: text.indexOf(l) + l.length}))
    expect(mastheadFrame(text, hits[0].start, hits[0].end, hits)).toEqual({kind: 'list', strong: true})
  })
  it('sees the German quoted compound', () => {
    const text = 'He said to the “Picture”-Zeitung that it was over.'
    const start = text.indexOf('Picture')
    expect(mastheadFrame(text, start, start + 'Picture'.length)).toEqual({kind: 'quoted-compound', strong: true})
  })
  it('takes a capital The in mid-sentence as weak evidence, the lower case as none', () => {
    const text = 'Critics praised The Cross for its coverage.'
    const start = text.indexOf('The Cross')
    expect(mastheadFrame(text, start, start + 9)).toEqual({kind: 'capital-the', strong: false})
    const lower = 'Critics praised the cross for its beauty.'
    expect(mastheadFrame(lower, lower.indexOf('the cross'), lower.indexOf('the cross') + 9)).toBeUndefined()
  })
  for (const text of LOOK_ALIKES) {
    it(`finds no frame in: ${text}`, () => {
      const m = /[Tt]he [Ww]orld|the Cross|World|The Point|the globe/.exec(text)!
      expect(mastheadFrame(text, m.index, m.index + m[0].length)).toBeUndefined()
    })
  }
})
