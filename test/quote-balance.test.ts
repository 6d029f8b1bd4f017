/**
 * No quote fix may leave a paragraph with more unmatched quote marks than it had, nor create a
 * `” “` / `“ ”` adjacency the input did not have. Over MT-style fixtures written for this test and
 * over random mixes of quote marks, words and punctuation (fast-check, fixed seed).
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {allRules} from '../src/rules/index.js'
import type {Config} from '../src/index.js'
import {fixed} from './helpers.js'

const MINE = ['quote-glued', 'quote-unbalanced', 'quote-foreign', 'punct-quote-order', 'punct-double', 'punct-spacing']
const config: Config = {
  rules: Object.fromEntries(allRules.map((r) => [r.ruleId, MINE.includes(r.ruleId) ? 'warn' : 'off'])) as Config['rules']
}

/**
 * Unmatched double marks in one paragraph, counted by glyph alone (independent of the rules), per
 * family: curly (`“ „` open, `”` closes, `“` also closes a `„`), guillemets (`« »`; a `»` with
 * spaces both sides before a capital or the end is a separator such as `Home » World`, unless it ends
 * the line after a sentence end: `the sword. »`), straight `"` by parity.
 */
export function unmatched(line: string): number {
  const stack: string[] = []
  let loose = 0
  let guillemets = 0
  let straight = 0
  for (let i = 0; i < line.length; i++) {
    const c = line[i]
    if (c === '"') straight++
    else if (c === '“' && stack[stack.length - 1] === '„') stack.pop()
    else if (c === '“' || c === '„') stack.push(c)
    else if (c === '”') {
      if (stack.length > 0) stack.pop()
      else loose++
    } else if (c === '«') guillemets++
    else if (c === '»' && !separator(line, i)) {
      if (guillemets > 0) guillemets--
      else loose++
    }
  }
  return loose + stack.length + guillemets + (straight % 2)
}

/**
 * `” “` where the `”` closes nothing (by glyph): the damage of a stray closer left next to an inserted
 * opener. Two quotations in a row (`“Yes.” “No,” she said.`) are correct English and not counted.
 */
/** A `»` with spaces both sides before a capital, a digit or the end (`Home » World`, `Next »`), not after a sentence end. */
function separator(line: string, i: number): boolean {
  if (line[i - 1] !== ' ' || (line[i + 1] ?? ' ') !== ' ') return false
  const rest = line.slice(i + 1).trimStart()
  if (rest === '') return !/[.!?…] +$/.test(line.slice(0, i))
  return /^[\p{Lu}\p{N}]/u.test(rest)
}

function strayBeforeOpener(text: string): number {
  let n = 0
  for (const line of text.split(/\r\n|\r|\n/)) {
    let depth = 0
    for (let i = 0; i < line.length; i++) {
      const c = line[i]
      if (c === '“' || c === '„' || c === '«') depth++
      else if (c === '”' || c === '»') {
        if (depth > 0) depth--
        else if (line.startsWith(' “', i + 1)) n++
      }
    }
  }
  return n
}

function count(s: string, sub: string): number {
  let n = 0
  for (let i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + 1)) n++
  return n
}

async function assertNoWorse(input: string): Promise<void> {
  const out = await fixed(input, config)
  const before = input.split(/\r\n|\r|\n/)
  const after = out.split(/\r\n|\r|\n/)
  if (before.length === after.length) {
    for (let k = 0; k < before.length; k++) {
      expect(unmatched(after[k]), `paragraph ${k}: ${JSON.stringify(before[k])} → ${JSON.stringify(after[k])}`).toBeLessThanOrEqual(unmatched(before[k]))
    }
  } else {
    expect(after.map(unmatched).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(before.map(unmatched).reduce((a, b) => a + b, 0))
  }
  expect(count(out, '“ ”'), `“ ” in ${JSON.stringify(input)} → ${JSON.stringify(out)}`).toBeLessThanOrEqual(count(input, '“ ”'))
  expect(strayBeforeOpener(out), `stray ” “ in ${JSON.stringify(input)} → ${JSON.stringify(out)}`).toBeLessThanOrEqual(strayBeforeOpener(input))
}

const fixtures = [
  'The unions were not convinced.”We will strike on Monday”explains to AFP a union source.',
  'The unions were not convinced. ”We will strike on Monday”, explains to AFP a union source.',
  'We made many mistakes.”notes the former director.',
  '”The reform is necessary“, affirms the minister of the economy.',
  '« We will not give in », declared the president of the region.',
  'The chancellor said: „We stay the course“. Then she left the room.',
  'The situation is serious”, underlines the prefect. ”We ask the residents to stay home.',
  '“The prices rise again”assures the baker.“We have no choice.',
  '“It is a historic day.\n“The first of many,” he added.',
  'The director insisted:“ The budget is closed ”.',
  'The rain stopped.”The match can start”Launches the referee.',
  'The company “Fiat” announced”a new plant in Turin.',
  '"We are ready"explains the coach. "The team is young.',
  'The report “ Climate and cities ” was published.”It is alarming”, notes a scientist.',
  'The vote is tomorrow.”Everything is possible”.”Nothing is decided”, adds the deputy.',
  'He said “no”.”Never”, she replied.',
  'The film “The Godfather” tells the story of a family.',
  'The U.S.”We will win” slogan returned.',
  '»It is over«, writes the newspaper.',
  'The minister: ”It is serious”; the opposition: ”It is a scandal”.',
  // Found by fast-check: kept as regression cases.
  'notes”““',
  'We!» We “ ',
  'is"":',
  '“:"”',
  'We” We » explains  We  ',
  'We" said  We " '
]

const TOKENS = ['“', '”', '"', '«', '»', '„', ' ', ' ', ' ', '.', ',', '!', '?', ':', 'We', 'strike', 'the', 'Monday', 'said', 'explains', 'notes', 'It', 'is', 'over', 'he', 'Ana', '\n']

describe('quote fixes never unbalance a paragraph', () => {
  for (const input of fixtures) {
    it(`fixture: ${JSON.stringify(input)}`, async () => {
      await assertNoWorse(input)
    })
  }
  it('random mixes of quote marks, words and punctuation', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...TOKENS), {minLength: 1, maxLength: 24}), async (tokens) => {
        await assertNoWorse(tokens.join(''))
      }),
      {seed: 20261122, numRuns: 300}
    )
  }, 120_000)
  it('random sentences with spaced words and quote marks', async () => {
    const word = fc.constantFrom('We', 'strike', 'the', 'Monday', 'said', 'explains', 'notes', 'It', 'is', 'over', 'he', 'Ana', 'minister')
    const mark = fc.constantFrom('“', '”', '"', '«', '»', '„')
    const punct = fc.constantFrom('', '', '.', ',', '!', '?')
    const piece = fc.tuple(word, punct, fc.constantFrom(' ', ' ', ''), fc.option(mark, {freq: 2}), fc.constantFrom(' ', ''))
    await fc.assert(
      fc.asyncProperty(fc.array(piece, {minLength: 1, maxLength: 14}), async (pieces) => {
        await assertNoWorse(pieces.map(([w, p, s1, m, s2]) => w + p + s1 + (m ?? '') + s2).join(''))
      }),
      {seed: 7, numRuns: 300}
    )
  }, 120_000)
})
