#!/usr/bin/env node
// Writes dist/lexicon/first-names.txt from gender-detection-from-name (MIT): one
// `name<TAB>f|m` line per first name that every one of its national lists gives the
// same gender (`Andrea`, `Jean`, `Kim` differ between lists and are left out), so the
// pronoun rule loads a small sorted file instead of six JavaScript maps.
import {mkdirSync, readdirSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const out = join(root, 'dist', 'lexicon', 'first-names.txt')
const require = createRequire(import.meta.url)
const namesDir = join(dirname(require.resolve('gender-detection-from-name')), 'names')
const genders = new Map()
for (const file of readdirSync(namesDir).filter((f) => f.endsWith('.js'))) {
  const map = require(join(namesDir, file))
  for (const [name, gender] of map) {
    const g = gender === 'female' ? 'f' : gender === 'male' ? 'm' : '?'
    const prev = genders.get(name)
    genders.set(name, prev === undefined || prev === g ? g : '?')
  }
}
const lines = []
for (const [name, g] of genders) {
  if (g === '?' || name.length < 3 || !/^\p{Ll}+(?:-\p{Ll}+)?$/u.test(name)) continue
  lines.push(`${name}\t${g}`)
}
lines.sort()
mkdirSync(dirname(out), {recursive: true})
// Names all ASCII in first-names.txt (read without UTF-8 decoding, src/read.ts), the others
// (3,800, `zoë`) in first-names-other.txt: a name is looked up in the one its letters say.
const ascii = lines.filter((line) => /^[\x00-\x7f]*$/.test(line))
const other = lines.filter((line) => !/^[\x00-\x7f]*$/.test(line))
// Each list with its hash index by name (src/lexicon/sorted-lines.ts).
const {buildLineIndex} = await import('../dist/lexicon/sorted-lines.js')
for (const [file, names] of [[out, ascii], [out.replace(/\.txt$/, '-other.txt'), other]]) {
  const list = names.join('\n') + '\n'
  writeFileSync(file, list)
  writeFileSync(file.replace(/\.txt$/, '.idx'), buildLineIndex(list, 9))
}
console.log(`first names: ${lines.length} (${other.length} not ASCII) → ${out}`)
