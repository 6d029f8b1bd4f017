// The phrase sets the build stores (scripts/build-rules.mjs, src/data/phrase-sets.ts)
// answer as the sets built at run time from the YAML files do: same index, key by
// key, and same matches on every example of every entry.
import {existsSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {loadRuleData, RULES_DIR, type DataEntry} from '../src/data/load.js'
import {addLetters, buildSet, finishLetters, freezeSet, newPhraseSet, runFilter, scan, thawSet, type FrozenSet, type PhraseSet} from '../src/match/phrases.js'
import {matchWordPhrases} from '../src/match/word-phrases.js'
import {WordText} from '../src/match/word-text.js'
import {evidenceSpecs} from '../src/lang.js'
import {compileMasthead} from '../src/rules/masthead/find.js'
import {phrasesFor} from '../src/rules/calque.js'
import {SETS} from '../src/data/snapshot.js'

const ARTEFACT = join(RULES_DIR, '..', 'dist', 'rules-data.json')
const stored = existsSync(ARTEFACT) ? (JSON.parse(readFileSync(ARTEFACT, 'utf8')) as Record<string, unknown>)[SETS] as Record<string, FrozenSet> : undefined

/** Every attempt of a set, key by key, with its lazies as term indexes and regex settings (what a scan uses). */
function describeSet(set: PhraseSet): unknown {
  const index = set.terms.map((list) => new Map(list.map((t, i) => [t, i])))
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const lazy = (g: number, l: any) => l && {terms: l.terms.map((t: unknown) => index[g].get(t as never)), before: l.before, after: l.after, capture: l.capture, flags: l.flags, every: l.every}
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const attempt = (a: any) => ({group: a.group, plain: a.plain, caseless: a.caseless, open: lazy(a.group, a.open), bySecond: a.bySecond && [...a.bySecond].map(([k, l]: [string, unknown]) => [k, lazy(a.group, l)])})
  const keys = (k: PhraseSet['exact']) => [...k.keys()].sort().map((key) => [key, k.get(key)!.map(attempt)])
  return {
    groups: set.groups.map((g) => ({...g, fallback: g.fallback && [g.fallback.source, g.fallback.flags]})),
    exact: keys(set.exact),
    folded: keys(set.folded),
    exactSigns: keys(set.exactSigns),
    foldedSigns: keys(set.foldedSigns),
    digit: set.digitAttempts.map(attempt),
    any: set.anyAttempts.map(attempt),
    tables: [set.signCodes, set.exactHashes, set.exactFirst, set.foldedHashes, set.exactPairs, set.foldedPairs].map((t) => Buffer.from(t).toString('base64'))
  }
}

/** Every example text of every entry of `rules`. */
function examples(rules: string[]): string[] {
  return rules.flatMap((rule) => loadRuleData<DataEntry>(rule).flatMap((e) => [...e.match.map((m) => m.text), ...e.keep]))
}

const EVIDENCE_RULES = ['masthead', 'paywall', 'boilerplate', 'calque']

describe.skipIf(!stored)('phrase sets stored by the build', () => {
  const built = {
    lang: buildSet(evidenceSpecs().specs),
    masthead: compileMasthead().names,
    calque: phrasesFor([]).set
  }

  for (const [name, set] of Object.entries(built)) {
    it(`${name}: thawed, the same index as built from the YAML files, key by key`, () => {
      expect(freezeSet(set)).toEqual(stored![name])
      const thawed = thawSet(stored![name], set.terms)
      expect(thawed).toBeDefined()
      expect(describeSet(thawed!)).toEqual(describeSet(set))
    })
  }

  it('lang and masthead: the same counts and matches on every example of every entry', () => {
    for (const name of ['lang', 'masthead'] as const) {
      const set = built[name]
      const thawed = thawSet(stored![name], set.terms)!
      let hits = 0
      for (const text of examples(EVIDENCE_RULES)) {
        const a = scan(set, text)
        const b = scan(thawed, text)
        expect(b.counts).toEqual(a.counts)
        expect(b.found).toEqual(a.found)
        hits += a.counts.reduce((x, y) => x + y, 0)
      }
      expect(hits).toBeGreaterThan(500)
    }
  })

  it('calque: the same phrases at the same words on every example of every entry', () => {
    const compiled = phrasesFor([])
    const thawedSet = thawSet(stored!.calque, compiled.set.terms)!
    const thawed = {...compiled, set: thawedSet, filter: runFilter(thawedSet)}
    let hits = 0
    for (const text of examples(EVIDENCE_RULES)) {
      const found = (phrases: typeof compiled) => {
        const out: string[] = []
        const seq = new WordText(text)
        matchWordPhrases(phrases, seq, (p, i, last, values) => out.push(`${p.pattern}@${i}-${last}:${values.join('|')}`))
        return out
      }
      const expected = found(compiled)
      expect(found(thawed)).toEqual(expected)
      hits += expected.length
    }
    expect(hits).toBeGreaterThan(1000)
  })

  it('is not thawed for other terms or another version: the set is then built', () => {
    const {terms} = built.masthead
    expect(thawSet(stored!.masthead, [terms[0].slice(1)])).toBeUndefined()
    expect(thawSet(stored!.masthead, [[...terms[0].slice(1), terms[0][0]]])).toBeUndefined()
    expect(thawSet({...stored!.masthead, version: -1}, terms)).toBeUndefined()
  })
})

describe('letters', () => {
  it('a class written with \\u escapes (the binary writes its regexes in ASCII) is counted as the class written out', () => {
    for (const source of ['[łśż]', '[\\u0142\\u015b\\u017c]']) {
      const set = newPhraseSet()
      addLetters(set, 'pl', new RegExp(source, 'giu'))
      finishLetters(set)
      expect(set.letterKeys).toEqual(['pl'])
      expect(scan(set, 'Łódź, śż').letters.get('pl')).toBe(3)
    }
  })
})
