import {spawnSync} from 'node:child_process'
import {readFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {beforeAll, describe, expect, it} from 'vitest'
import {dictionaryFrom, stemTableFile} from '../src/lexicon/hunspell.js'
import {buildStemTable, decodeStemTable, encodeStemTable, tableFits} from '../src/lexicon/stem-table.js'
import {SOURCE_LANGS} from '../src/types.js'
import {ensureBuilt} from './cli-support.js'

describe('memory budget: source dictionaries', () => {
  beforeAll(ensureBuilt)

  it('the Polish dictionary (300,000 stems) takes well under the 39 MB of heap a Map of its stems took', () => {
    // A child process with --expose-gc: the heap retained by loading the dictionary, after full collections.
    const code = `import {sourceDictionary} from ${JSON.stringify(new URL('../dist/lexicon/hunspell.js', import.meta.url).href)}
gc(); const before = process.memoryUsage().heapUsed
const d = sourceDictionary('pl'); gc()
console.log(JSON.stringify({size: d.size, mb: (process.memoryUsage().heapUsed - before) / 1048576, word: d.isWord('kot'), notWord: d.isWord('qqqzx')}))`
    const r = spawnSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', code], {encoding: 'utf8'})
    expect(r.stderr).toBe('')
    const out = JSON.parse(r.stdout)
    expect(out.size).toBeGreaterThan(250_000)
    expect(out.word).toBe(true)
    expect(out.notWord).toBe(false)
    expect(out.mb).toBeLessThan(20)
  })
})

// An .aff and .dic of our own, French-like: a plural suffix, a feminine suffix, a prefix, an escaped slash, a
// stem on two lines (each line's flags count), morphology after a tab, and a stem that is a prefix of another.
const AFF = ['SET UTF-8', 'SFX S Y 1', 'SFX S 0 s .', 'SFX F Y 1', 'SFX F 0 e [^e]', 'PFX R Y 1', 'PFX R 0 re .', ''].join('\n')
const DIC = ['7', 'marché/S', 'grand/S', 'grand/F', 'km\\/h', 'faire/R\tpo:verb', 'part/S', 'partie'].join('\n') + '\n'
const bytes = (text: string) => new TextEncoder().encode(text)

describe('source dictionaries: stem tables', () => {
  beforeAll(ensureBuilt)

  it('answers the same from a table read back from its file bytes as from one built at load', () => {
    const dic = bytes(DIC)
    const built = buildStemTable(dic)
    const read = decodeStemTable(encodeStemTable(built, dic.length), dic.length)
    expect(read).toBeDefined()
    expect(tableFits(read!, dic)).toBe(true)
    const a = dictionaryFrom('fr', AFF, dic, built)
    const b = dictionaryFrom('fr', AFF, dic, read)
    const words = ['marché', 'marchés', 'grand', 'grands', 'grande', 'km/h', 'faire', 'refaire', 'part', 'parts', 'partie', 'parties', 'par', 'Grands', 'grandes', 'refaires', '']
    const answers = words.map((w) => a.isWord(w))
    expect(words.map((w) => b.isWord(w))).toEqual(answers)
    // Both lines of `grand` count; `par` is only a prefix of stems; `partie` has no flags.
    expect(Object.fromEntries(words.map((w, i) => [w, answers[i]]))).toEqual({
      marché: true, marchés: true, grand: true, grands: true, grande: true, 'km/h': true, faire: true, refaire: true,
      part: true, parts: true, partie: true, parties: false, par: false, Grands: true, grandes: false, refaires: false, '': false
    })
    expect(a.size).toBe(6)
  })

  it('refuses a table file of another format or of another .dic', () => {
    const dic = bytes(DIC)
    const file = encodeStemTable(buildStemTable(dic), dic.length)
    expect(decodeStemTable(file, dic.length + 1)).toBeUndefined()
    expect(decodeStemTable(file.subarray(0, 20), dic.length)).toBeUndefined()
    const badMagic = file.slice()
    badMagic[0] ^= 1
    expect(decodeStemTable(badMagic, dic.length)).toBeUndefined()
    // A .dic of the same length whose lines are elsewhere: the offsets no longer point at line starts.
    const other = bytes('7\n' + 'x'.repeat(dic.length - 2))
    expect(tableFits(decodeStemTable(file, other.length)!, other)).toBe(false)
  })

  it('the tables `npm run build` wrote are the ones a load would build, for every installed source dictionary', () => {
    let checked = 0
    for (const lang of SOURCE_LANGS) {
      let dic: Uint8Array
      try {
        dic = readFileSync(join(dirname(fileURLToPath(import.meta.resolve(`dictionary-${lang}`))), 'index.dic'))
      } catch {
        continue
      }
      const read = decodeStemTable(readFileSync(stemTableFile(lang)), dic.length)
      expect(read, lang).toBeDefined()
      const built = buildStemTable(dic)
      expect(read!.distinct, lang).toBe(built.distinct)
      expect(Buffer.from(read!.slots.buffer, read!.slots.byteOffset, read!.slots.byteLength).equals(Buffer.from(built.slots.buffer)), lang).toBe(true)
      expect([...read!.escaped], lang).toEqual([...built.escaped])
      checked++
    }
    expect(checked).toBe(SOURCE_LANGS.length)
  })
})

describe('compounds', () => {
  // Our own tiny German and French dictionaries: no affixes, three stems.
  const dic = new TextEncoder().encode('3\nFührung\nDuo\nPartei\n')
  const de = {...dictionaryFrom('de', 'SET UTF-8\n', dic), loadMs: 0}
  const fr = {...dictionaryFrom('fr', 'SET UTF-8\n', dic), loadMs: 0}
  it('reads a German compound of two known words, with or without a linking letter', async () => {
    const {isWordOrCompound} = await import('../src/lexicon/hunspell.js')
    expect(['Führungsduo', 'Führungduo', 'Parteiduo', 'Führung'].map((w) => isWordOrCompound(de, w))).toEqual([true, true, true, true])
    // an unknown linking letter, a part too short or unknown, and a language that does not compound this way
    expect(['Führungxduo', 'Parteid', 'Führungsdue', 'Führungsduo'].map((w, i) => isWordOrCompound(i < 3 ? de : fr, w))).toEqual([false, false, false, false])
  })
})
