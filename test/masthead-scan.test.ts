/**
 * The masthead scan (src/match/phrases.ts: a sticky regex per first run, of the phrases that start with it, tried
 * where the text has that run) finds exactly the matches of the whole alternation run with exec.
 */
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {benchDocuments} from '../bench/corpus.mjs'
import {seededRandom as random} from './helpers.js'
import {compileMasthead, type MastheadDataOptions} from '../src/rules/masthead/find.js'
import {findNames, namesRegex} from '../src/match/phrases.js'
import {loadRuleData} from '../src/data/load.js'

type Row = [number, string, string | undefined, string]

const regexes = new Map<string, RegExp>()

/** The old loop: exec over the whole text, going on from the end of each match. */
function reference(text: string, options: MastheadDataOptions = {}): Row[] {
  const k = JSON.stringify(options)
  if (!regexes.has(k)) regexes.set(k, namesRegex(compileMasthead(options).cores))
  const regex = regexes.get(k)!
  regex.lastIndex = 0
  const rows: Row[] = []
  let match: RegExpExecArray | null
  while ((match = regex.exec(text))) rows.push([match.index, match[0], match[1], match[2]])
  return rows
}

function scanned(text: string, options: MastheadDataOptions = {}): Row[] {
  const {names, group} = compileMasthead(options)
  return findNames(names, group, text).map((m) => [m.index, m.text, m.article || undefined, m.name])
}

function expectSame(text: string, options: MastheadDataOptions = {}): void {
  expect(scanned(text, options), text.slice(0, 300)).toEqual(reference(text, options))
}


const literals = loadRuleData<{literal: string[]; name: string}>('masthead').flatMap((e) => [...e.literal, e.name])
const SEPARATORS = [' ', ' ', ' ', '  ', '\t', '\n', '\u00a0', '\u2028', ', ', '. ', '.', '-', "'", '’', "'s ", '', '"', '(', ') ', ' World ', ' the ', ' The ', ' THE ']
const NOISE = ['the', 'The', 'THE', 'x', '7', 'é', 'e\u0301', '\u0301', '𝐀', '😀', 'Bank', 'of', 'World', 'Time', 'South', 'German', 'New', 'Now', 'Mirror', 'Star']

function mix(rand: () => number, length: number): string {
  let text = ''
  for (let i = 0; i < length; i++) {
    let pick = rand() < 0.6 ? literals[Math.floor(rand() * literals.length)] : NOISE[Math.floor(rand() * NOISE.length)]
    const r = rand()
    if (r < 0.1) pick = pick.toUpperCase()
    else if (r < 0.2) pick = pick.toLowerCase()
    else if (r < 0.3) pick = pick.replace(/ /g, ['\u00a0', '\t', '  ', '\n'][Math.floor(rand() * 4)])
    text += pick + SEPARATORS[Math.floor(rand() * SEPARATORS.length)]
  }
  return text
}

describe('the names scan equals the exec loop over the whole alternation', () => {
  it('each rendering alone, with an article, glued to its neighbours', () => {
    for (const literal of literals) {
      for (const text of [literal, `The ${literal}`, `the  ${literal}`, `THE\t${literal}`, `x${literal}`, `${literal}x`, `-${literal}`, `${literal}-x`, `The${literal}`, `The ${literal} ${literal}, The The ${literal}`, `.${literal}.`]) {
        expectSame(text)
      }
    }
  })

  it('random mixes', () => {
    const rand = random(3)
    for (let n = 0; n < 2000; n++) expectSame(mix(rand, 3 + Math.floor(rand() * 60)))
  })

  it('disabled entries and a user file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mtclean-'))
    const file = join(dir, 'mine.yml')
    writeFileSync(file, 'lang: fr\nentries:\n  - {id: le-bien-public, name: Le Bien public, literal: [The Public Good, Public Good Daily, The Good], match: [{text: "told The Public Good", output: "told Le Bien public"}]}\n')
    const rand = random(5)
    for (const options of [{disable: ['le-monde', 'die-welt']}, {files: [file]}]) {
      for (let n = 0; n < 200; n++) expectSame(mix(rand, 40) + ' The Public Good, Public Good Daily; the Good', options)
    }
  })

  it('a user rendering that does not start with a plain run: the whole regex', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mtclean-'))
    const file = join(dir, 'odd.yml')
    writeFileSync(file, 'lang: fr\nentries:\n  - {id: odd, name: Odd, literal: ["{n} Minutes Daily", "(Big|Small) Paper"], match: [{text: "told The Small Paper", output: "told Odd"}]}\n')
    const fallback = (options: MastheadDataOptions) => {
      const {names, group} = compileMasthead(options)
      return names.groups[group].fallback
    }
    expect(fallback({files: [file]})).toBeDefined()
    expect(fallback({})).toBeUndefined()
    expectSame('The 20 Minutes Daily said so. The Small Paper, the Big Paper. The World.', {files: [file]})
  })

  const BENCH_DOCS = process.env.MTCLEAN_FUZZ_RUNS ? 2000 : 24
  // The benchmark's documents, generated (bench/corpus.mjs): a few here, all of them in `npm run fuzz`.
  it('the bench corpus', () => {
    for (const {text} of benchDocuments(BENCH_DOCS)) expectSame(text)
  })
})
