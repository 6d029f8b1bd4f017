// src/lexicon/code-pages.ts: the build's table of the code pages is iconv-lite's reading of them.
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import iconv from 'iconv-lite'
import {describe, expect, it} from 'vitest'
import {CODE_PAGES_PATHS, CODECS, highHalves, readHighHalves} from '../src/lexicon/code-pages.js'

const high = Buffer.from(Array.from({length: 128}, (_, i) => 0x80 + i))

describe('code pages', () => {
  it('the built table reads each byte 0x80–0xFF as iconv-lite does', () => {
    const table = readHighHalves(CODE_PAGES_PATHS)
    for (const codec of CODECS) expect(table[codec]).toBe(iconv.decode(high, codec))
    expect(highHalves()).toEqual(table)
    expect(table.windows1252.slice(0, 4)).toBe('€\uFFFD‚ƒ')
    expect(table.windows1251[0x40]).toBe('А') // 0xC0
  })

  it('without a built table (or with a table missing a code page), iconv-lite is asked', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mtclean-cp-'))
    const partial = join(dir, 'partial.json')
    writeFileSync(partial, JSON.stringify({windows1252: 'x'.repeat(128)}))
    for (const paths of [[], [join(dir, 'missing.json')], [partial]]) {
      const table = readHighHalves(paths)
      for (const codec of CODECS) expect(table[codec]).toBe(iconv.decode(high, codec))
    }
  })
})
