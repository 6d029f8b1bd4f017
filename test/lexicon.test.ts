import {describe, expect, it} from 'vitest'
import {readFileSync} from 'node:fs'
import {fromSorted, getLexicon, lexiconLoaded} from '../src/lexicon/index.js'
import {findSplit} from '../src/rules/word-glued.js'

describe('lexicon', () => {
  it('loads once and answers with Hunspell casing', () => {
    const lex = getLexicon()
    expect(lexiconLoaded()).toBe(true)
    expect(getLexicon()).toBe(lex)
    expect(lex.size).toBeGreaterThan(100000)
    expect(lex.isWord('announced')).toBe(true)
    expect(lex.isWord('Announced')).toBe(true)
    expect(lex.isWord('ANNOUNCED')).toBe(true)
    expect(lex.isWord('Paris')).toBe(true)
    expect(lex.isWord('paris')).toBe(false)
    expect(lex.isWord('PARIS')).toBe(true)
    expect(lex.isWord('doesn’t')).toBe(true)
    expect(lex.isWord("doesn't")).toBe(true)
    expect(lex.isWord('announcedthat')).toBe(false)
    expect(lex.isWord('Peskov')).toBe(false)
    expect(lex.isLowerWord('Government')).toBe(true)
    expect(lex.isLowerWord('Paris')).toBe(false)
    expect(lex.hasExact('NATO')).toBe(true)
  })
  it('the sorted list is searched in place: the same answers as a Set of its lines, for every line, prefix and extension', () => {
    const lists = [
      ['a'],
      ['a', 'ab', 'abc', 'b'],
      ['Zürich', 'apple', 'applesauce', 'apply', 'zebra', 'é'],
      readFileSync(new URL('../dist/lexicon/en-words.txt', import.meta.url), 'utf8').split('\n').filter(Boolean).filter((_, i) => i % 7 === 0)
    ]
    for (const words of lists) {
      const sorted = [...new Set(words)].sort()
      for (const text of [sorted.join('\n'), sorted.join('\n') + '\n']) {
        const lex = fromSorted(text)
        expect(lex.size).toBe(sorted.length)
        const listed = new Set(sorted)
        const probes = sorted.slice(0, 2500).flatMap((w) => [w, w.slice(0, -1), w + 'a', w + '~', '', ' ' + w])
        // Fewer than 50,000 distinct keys: answered by the search, each remembered (sorted-lines.test.ts covers the Map after them).
        for (const w of probes.slice(0, 19_000)) expect(lex.hasExact(w), w).toBe(listed.has(w) && w !== '')
      }
    }
  })

  it('loads fast from the precomputed list', () => {
    const lex = getLexicon()
    expect(['file', 'nspell']).toContain(lex.source)
  })
  it('finds the one likely split of a glued token', () => {
    const lex = getLexicon()
    const split = (t: string) => {
      const i = findSplit(t, lex)
      return i === undefined ? undefined : [t.slice(0, i), t.slice(i)]
    }
    expect(split('announcedthat')).toEqual(['announced', 'that'])
    expect(split('corruptionSeveral')).toEqual(['corruption', 'Several'])
    expect(split('lockdown')).toBeUndefined()
    expect(split('eurozone')).toBeUndefined()
    expect(split('iPhone')).toBeUndefined()
  })
})
