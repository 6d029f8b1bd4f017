#!/usr/bin/env node
// Writes the stem table of every installed source-language dictionary (wooorm's
// dictionary-<lang>) to dist/lexicon/stems-<lang>.bin, so that a process (and
// each worker thread) reads it instead of hashing 50,000–300,000 stems at load.
// Run after tsc (see package.json "build"); a table that is missing or stale
// (another .dic) is rebuilt at load time, with the same answers.
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {buildStemTable, encodeStemTable} from '../dist/lexicon/stem-table.js'
import {stemTableFile} from '../dist/lexicon/hunspell.js'
import {SOURCE_LANGS} from '../dist/types.js'

const written = []
for (const lang of SOURCE_LANGS) {
  let dic
  try {
    dic = readFileSync(join(dirname(fileURLToPath(import.meta.resolve(`dictionary-${lang}`))), 'index.dic'))
  } catch {
    continue
  }
  const out = stemTableFile(lang)
  mkdirSync(dirname(out), {recursive: true})
  writeFileSync(out, encodeStemTable(buildStemTable(dic), dic.length))
  written.push(lang)
}
console.log(`stem tables: ${written.join(', ') || 'none'} → ${join('dist', 'lexicon')}`)
