// src/lexicon/franc.ts: franc-min's own guess, loaded on the first question only.
import {execFileSync} from 'node:child_process'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {franc as francMin} from 'franc-min'
import {franc} from '../src/lexicon/franc.js'

const LANGS = ['eng', 'fra', 'deu', 'spa', 'ita', 'por', 'nld', 'cat', 'pol']
const built = fileURLToPath(new URL('../dist/lexicon/franc.js', import.meta.url))

describe('franc, loaded on first use', () => {
  it('answers as franc-min', () => {
    const texts = [
      'Le gouvernement a annoncé de nouvelles mesures pour les retraites.',
      'Die Regierung hat neue Maßnahmen für die Renten angekündigt.',
      'El gobierno anunció nuevas medidas para las pensiones.',
      'The government announced new measures for pensions.',
      'short'
    ]
    for (const text of texts) for (const options of [{only: LANGS, minLength: 20}, {}]) expect(franc(text, options)).toBe(francMin(text, options))
    expect(franc('Le gouvernement a annoncé de nouvelles mesures pour les retraites.', {only: LANGS, minLength: 20})).toBe('fra')
  })

  it('loads franc-min only when first asked', () => {
    const script = `
      import {createRequire} from 'node:module'
      const cache = createRequire(import.meta.url).cache
      const loaded = () => Object.keys(cache).some((key) => key.includes('franc-min'))
      const {franc} = await import(${JSON.stringify(built)})
      const before = loaded()
      const lang = franc('Il a déclaré que la situation était très grave pour le pays.', {minLength: 20})
      console.log(JSON.stringify({before, after: loaded(), lang}))`
    const out = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], {encoding: 'utf8'}))
    expect(out).toEqual({before: false, after: true, lang: 'fra'})
  })
})
