/**
 * Generated repairs: correct quotations of our own, in many shapes, are damaged by each mechanism
 * machine translation and scraping use (padding, gluing, guillemets, `,,`, a dropped opener, French
 * placement, dash quotations, a sentence closed inside the marks before the clause's comma, a closer
 * turned and glued to the clause, a closer put inside the quotation), and the
 * whole quote rule set must give the original back exactly. The originals themselves are left alone.
 * fast-check draws the combinations with a fixed seed; the counterexamples it found are kept below.
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {fixed, lint} from './helpers.js'
import {quoteConfig} from './quote-support.js'

const SENTENCES = [
  'We will not give up on the harbour',
  'The budget is not negotiable',
  'Nobody here wants a second election',
  'Our farmers cannot wait another year',
  'This reform will cost jobs in the north',
  'I have never seen such a crowd in Gdansk',
  'The talks in Brussels went well'
]
const SPEAKERS = ['the mayor of Lyon', 'Anna Kowalska', 'a senior official close to the talks', 'the union leader', 'Jan de Vries']
const VERBS = ['said', 'added', 'warned', 'explained', 'insisted']
const CONTEXT = 'The council met on Monday to vote on the plan.'

interface Quote {
  sentence: string
  speaker: string
  verb: string
}

/** The correct text (American placement, curly marks) and the damaged forms with the same expected repair. */
function shapes(q: Quote): Array<{name: string; original: string; damaged: string[]}> {
  const {sentence: s, speaker: x, verb: v} = q
  const after = `${CONTEXT}\n\n“${s},” ${v} ${x}.`
  const before = `${CONTEXT} ${cap(x)} ${v}: “${s}.”`
  const pair = `“${s},” ${v} ${x}. “That is all.”`
  return [
    {
      name: 'attribution after',
      original: after,
      damaged: [
        `${CONTEXT}\n\n“ ${s}, ” ${v} ${x}.`, // padded
        `${CONTEXT}\n\n“${s},”${v} ${x}.`, // glued
        `${CONTEXT}\n\n“${s}.”${v} ${x}.`, // glued, the sentence closed inside
        `${CONTEXT}\n\n« ${s} », ${v} ${x}.`, // guillemets, French placement
        `${CONTEXT}\n\n“${s}”, ${v} ${x}.`, // French placement
        `${CONTEXT}\n\n“${s}.”, ${v} ${x}.`, // the sentence closed inside, the clause's comma outside
        `${CONTEXT}\n\n,,${s},“ ${v} ${x}.`, // Dutch/German low opener typed as commas
        `${CONTEXT}\n\n${s},” ${v} ${x}.`, // opener dropped
        `${CONTEXT}\n\n${s}\n\n– ${v} ${x}.`, // dash quotation
        `${CONTEXT}\n\n“${s}, “${v} ${x}.`, // the closer turned and glued to the clause (French `», a dit`)
        ...closedEarly(s).map((early) => `${CONTEXT}\n\n${early}, “${v} ${x}.`) // …and a closer put inside the quotation
      ]
    },
    {
      name: 'attribution before',
      original: before,
      damaged: [`${CONTEXT} ${cap(x)} ${v}: « ${s}. »`, `${CONTEXT} ${cap(x)} ${v}:“${s}.”`, `${CONTEXT} ${cap(x)} ${v}: „${s}.“`]
    },
    {
      name: 'two quotations',
      original: pair,
      damaged: [`“${s}”, ${v} ${x}. “That is all.”`, `“${s},” ${v} ${x}. That is all.”`, `« ${s} », ${v} ${x}. « That is all. »`, `“ ${s}, ” ${v} ${x}. “ That is all. ”`]
    }
  ]
}

/** The quotation of `s` closed early, before each lower-case continuation of at least two words: `“We will not give up” on the harbour`. */
function closedEarly(s: string): string[] {
  const words = s.split(' ')
  const out: string[] = []
  for (let k = 2; k <= words.length - 2; k++) if (/^\p{Ll}/u.test(words[k])) out.push(`“${words.slice(0, k).join(' ')}” ${words.slice(k).join(' ')}`)
  return out
}

function cap(s: string): string {
  return s[0].toUpperCase() + s.slice(1)
}

/** Correct text the quote rules must leave alone whatever is drawn (fragments, nesting, several paragraphs). */
function untouched(q: Quote): string[] {
  const {sentence: s, speaker: x, verb: v} = q
  const lower = s[0].toLowerCase() + s.slice(1)
  return [
    `${cap(x)} called it “a turning point” on Monday.`,
    `${cap(x)} ${v} that “${lower}”.`, // British placement after a fragment
    `${cap(x)} ${v} that “${lower}”, and left.`,
    `“${s}. He shouted ‘never’ twice,” ${v} ${x}.`,
    `“${s}.\n\n“That is all,” ${v} ${x}.`, // a quotation over two paragraphs, reopened
    `${CONTEXT}\n\n- ${s}.\n\n- That is all.`, // a dash list
    `The 12" pipe and the “${lower}” plan.`
  ]
}

const quote = fc.record({sentence: fc.constantFrom(...SENTENCES), speaker: fc.constantFrom(...SPEAKERS), verb: fc.constantFrom(...VERBS)})

describe('generated quote repairs', () => {
  it('every damaged form comes back to the original, and the original is left alone', async () => {
    await fc.assert(
      fc.asyncProperty(quote, async (q) => {
        for (const shape of shapes(q)) {
          expect(lint(shape.original, quoteConfig), `${shape.name}: ${shape.original}`).toEqual([])
          expect(await fixed(shape.original, quoteConfig)).toBe(shape.original)
          for (const clean of untouched(q)) {
            expect(lint(clean, quoteConfig).filter((m) => m.fix === 'safe'), clean).toEqual([])
            expect(await fixed(clean, quoteConfig), clean).toBe(clean)
          }
          for (const damaged of shape.damaged) expect(await fixed(damaged, quoteConfig), `${shape.name}: ${damaged}`).toBe(shape.original)
        }
      }),
      {numRuns: 40, seed: 1207}
    )
  })
})
