#!/usr/bin/env node
// Expands dictionary-en and dictionary-en-gb (Hunspell .dic + .aff) into a flat list of every word form,
// one per line, so that mtclean can load its English lexicon with one readFileSync
// instead of building nspell (about 0.1–0.4 s) in every process.
// Output: dist/lexicon/en-words.txt (run after tsc; see package.json "build").
import {mkdirSync, writeFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import nspell from 'nspell'
import dictionary from 'dictionary-en'
import dictionaryGb from 'dictionary-en-gb'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const out = join(root, 'dist', 'lexicon', 'en-words.txt')
// US and British spellings: English news is written in both (`offences`, `wellbeing`, `colour`).
const forms = new Set()
for (const dict of [dictionary, dictionaryGb]) {
  const spell = nspell(dict)
  const onlyInCompound = spell.flags.ONLYINCOMPOUND
  for (const [word, codes] of Object.entries(spell.data)) {
    if (onlyInCompound && Array.isArray(codes) && codes.includes(onlyInCompound)) continue
    if (!/\p{L}/u.test(word)) continue
    forms.add(word)
  }
}
const words = [...forms].sort()
mkdirSync(dirname(out), {recursive: true})
const list = words.join('\n') + '\n'
writeFileSync(out, list)
// Its hash index (src/lexicon/sorted-lines.ts), read instead of searching the list.
const {buildLineIndex} = await import('../dist/lexicon/sorted-lines.js')
writeFileSync(out.replace(/\.txt$/, '.idx'), buildLineIndex(list))
console.log(`lexicon: ${words.length} word forms → ${out} (and its index)`)


// The code pages' high halves as iconv-lite reads them (src/lexicon/code-pages.ts), ASCII JSON.
const {decodeHighHalves, CODE_PAGES_FILE} = await import('../dist/lexicon/code-pages.js')
const {asciiJson} = await import('../dist/read.js')
const codePagesOut = join(dirname(out), CODE_PAGES_FILE)
writeFileSync(codePagesOut, asciiJson(decodeHighHalves()))
console.log(`code pages: ${Object.keys(decodeHighHalves()).length} → ${codePagesOut}`)
