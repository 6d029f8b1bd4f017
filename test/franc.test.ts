// src/lexicon/franc.ts (franc-min with its models read on first use) answers as franc-min does.
import {describe, expect, it} from 'vitest'
import {franc as francMin} from 'franc-min'
import {data} from 'franc-min/data.js'
import {franc, francData} from '../src/lexicon/franc.js'
import {loadRuleData, type DataEntry} from '../src/data/load.js'

const LANGS = ['eng', 'fra', 'deu', 'spa', 'ita', 'por', 'nld', 'cat', 'pol']

describe('franc, models read on first use', () => {
  it('reads the data franc-min has (the build artefact, or data.js)', () => {
    expect(francData()).toEqual(data)
    expect(francData([])).toEqual(data)
  })

  it('guesses as franc-min on every example of every rule entry and on a sample of each language', () => {
    const texts = ['masthead', 'paywall', 'boilerplate', 'calque'].flatMap((rule) => loadRuleData<DataEntry>(rule).flatMap((e) => [...e.match.map((m) => m.text), ...e.keep]))
    // Each language's most frequent trigrams, run together: text franc-min reads as that language.
    for (const languages of Object.values(data)) for (const model of Object.values(languages)) texts.push(model.split('|').slice(0, 60).join(''), model.split('|').slice(100, 140).join(' '))
    let named = 0
    for (const text of texts) {
      for (const options of [{only: LANGS, minLength: 20}, {}, {minLength: 3}]) {
        const expected = francMin(text, options)
        expect(franc(text, options)).toBe(expected)
        if (expected !== 'und') named++
      }
    }
    expect(named).toBeGreaterThan(1000)
  })
})
