/**
 * Sorted lines searched in place (src/lexicon/sorted-lines.ts) against a Map
 * of the same lines: whole lines and keyed lines (`name<TAB>gender`), for
 * every key, its prefixes and extensions, by search and by the Map a long run
 * builds; and the first-name list read that way.
 */
import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {buildLineIndex, countLines, findLine, indexedLookup, lineIndexFrom, lineLookup} from '../src/lexicon/sorted-lines.js'
import {FILES, firstNameGender} from '../src/lexicon/first-names.js'

const TAB = 9
/** The first-name lists: names all ASCII, and the others. */
const FIRST_NAMES = FILES.map((file) => readFileSync(new URL(`../dist/lexicon/${file}`, import.meta.url), 'utf8'))

/** Keys, the keys' prefixes and extensions, and strings around them. */
const probes = (keys: string[]) => keys.flatMap((k) => [k, k.slice(0, -1), k + 'a', k + '\t', k + '~', ' ' + k, ''])

describe('sorted lines searched in place', () => {
  it('whole lines: the start of the line, as a Map of the lines says', () => {
    for (const words of [['a'], ['a', 'ab', 'abc', 'b'], ['Zürich', 'apple', 'applesauce', 'apply', 'zebra', 'é']]) {
      const sorted = [...new Set(words)].sort()
      for (const data of [sorted.join('\n'), sorted.join('\n') + '\n']) {
        const starts = new Map<string, number>()
        let at = 0
        for (const w of sorted) {
          starts.set(w, at)
          at += w.length + 1
        }
        expect(countLines(data)).toBe(sorted.length)
        for (const w of probes(sorted)) expect(findLine(data, w), w).toBe(starts.get(w) ?? -1)
      }
    }
  })

  it('keyed lines: a key that is a prefix of another key still finds its own line', () => {
    const data = ['ann\tf', 'anna\tf', 'annabel\tf', 'anne\tf', 'bob\tm'].join('\n')
    expect(findLine(data, 'ann', TAB)).toBe(0)
    expect(findLine(data, 'anna', TAB)).toBe(6)
    expect(findLine(data, 'annab', TAB)).toBe(-1)
    expect(findLine(data, 'bob', TAB)).toBe(data.lastIndexOf('bob'))
    expect(findLine(data, 'ann\tf', TAB)).toBe(-1)
  })

  it('the first-name list: every name and its gender as a Map of the list gives them', () => {
    const all = new Map<string, string>()
    for (const [n, list] of FIRST_NAMES.entries()) {
      const genders = new Map<string, string>()
      for (const line of list.split('\n')) if (line) genders.set(line.slice(0, line.indexOf('\t')), line.slice(line.indexOf('\t') + 1))
      // The first list holds the names all ASCII, the second the others.
      for (const name of genders.keys()) expect(/^[\x00-\x7f]*$/.test(name), name).toBe(n === 0)
      for (const [k, g] of genders) all.set(k, g)
      // Without the build's index: one made from the list, which answers as the search in place.
      const lookup = lineLookup(list, TAB)
      const keys = [...genders.keys()].filter((_, i) => i % 3 === 0)
      for (const k of probes(keys)) {
        const expected = k === '' ? undefined : genders.get(k)
        for (const at of [findLine(list, k, TAB), lookup(k)]) expect(at < 0 ? undefined : list.slice(at + k.length + 1, at + k.length + 2), k).toBe(expected)
      }
    }
    expect(all.size).toBeGreaterThan(40000)
    const genders = all
    // Every name of either list, as written and capitalised, gives its gender.
    for (const [name, gender] of all) {
      expect(firstNameGender(name), name).toBe(gender)
      const capitalised = name[0].toUpperCase() + name.slice(1)
      if (capitalised.toLowerCase() === name) expect(firstNameGender(capitalised), name).toBe(gender)
    }
    expect(firstNameGender('María')).toBe(genders.get('maria'))
    expect(firstNameGender('Luís')).toBe(genders.get('luis'))
    expect(firstNameGender('GIORGIA')).toBe('f')
    expect(firstNameGender('Stefan')).toBe('m')
    expect(firstNameGender('Xqzw')).toBeUndefined()
  })
})

describe('sorted lines answered by their hash index', () => {
  const EN_WORDS = readFileSync(new URL('../dist/lexicon/en-words.txt', import.meta.url), 'latin1')
  const built = (file: string) => lineIndexFrom(readFileSync(new URL(`../dist/lexicon/${file}`, import.meta.url)))

  it('whole and keyed lines: the line findLine finds, for every key, its prefixes and extensions', () => {
    const lists: Array<[string, number]> = [
      [['a', 'ab', 'abc', 'b'].join('\n'), -1],
      [['Zürich', 'apple', 'applesauce', 'apply', 'zebra', 'é'].sort().join('\n') + '\n', -1],
      [['ann\tf', 'anna\tf', 'annabel\tf', 'anne\tf', 'bob\tm'].join('\n'), TAB]
    ]
    for (const [data, separator] of lists) {
      const find = indexedLookup(data, buildLineIndex(data, separator), separator)!
      const keys = data.split('\n').filter(Boolean).map((line) => (separator < 0 ? line : line.slice(0, line.indexOf('\t'))))
      for (const k of probes(keys)) expect(find(k), JSON.stringify(k)).toBe(findLine(data, k, separator))
    }
  })

  it('the built indexes of the English words and of both first-name lists answer as the search in place', () => {
    const words = EN_WORDS.split('\n').filter((_, i) => i % 7 === 0)
    const find = indexedLookup(EN_WORDS, built('en-words.idx'))!
    expect(find).toBeDefined()
    for (const w of probes(words)) expect(find(w), w).toBe(findLine(EN_WORDS, w))
    FILES.forEach((file, n) => {
      const names = indexedLookup(FIRST_NAMES[n], built(file.replace('.txt', '.idx')), TAB)!
      expect(names).toBeDefined()
      const keys = FIRST_NAMES[n].split('\n').filter((_, i) => i % 5 === 0).map((line) => line.slice(0, line.indexOf('\t')))
      for (const k of probes(keys)) expect(names(k), k).toBe(findLine(FIRST_NAMES[n], k, TAB))
    })
  })

  it('an index of another list (another length, or other code units where the checksum samples them), or a damaged one, is refused', () => {
    const data = ['alpha', 'beta', 'gamma'].join('\n')
    const index = buildLineIndex(data)
    expect(indexedLookup(data, index)).toBeDefined()
    expect(indexedLookup(['alpha', 'betb', 'gamma'].join('\n').replace('a', 'e'), index)).toBeUndefined()
    expect(indexedLookup(data + '\ndelta', index)).toBeUndefined()
    expect(indexedLookup(data, index.subarray(0, index.length - 1))).toBeUndefined()
    expect(indexedLookup(data, new Uint32Array(3))).toBeUndefined()
    expect(indexedLookup(FIRST_NAMES[0], built('en-words.idx'), TAB)).toBeUndefined()
  })

  it('reads an index from bytes at any offset', () => {
    const data = ['one', 'three', 'two'].join('\n')
    const bytes = new Uint8Array(buildLineIndex(data).buffer)
    const shifted = new Uint8Array(bytes.length + 1)
    shifted.set(bytes, 1)
    const find = indexedLookup(data, lineIndexFrom(shifted.subarray(1)))!
    expect([find('one'), find('three'), find('two'), find('tw')]).toEqual([0, 4, 10, -1])
  })
})
