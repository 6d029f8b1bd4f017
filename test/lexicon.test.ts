import {describe, expect, it} from 'vitest'
import {getLexicon, lexiconLoaded} from '../src/lexicon/index.js'
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
