/**
 * First names with the gender every national list of gender-detection-from-name
 * agrees on, read once per process on first use from dist/lexicon/first-names.txt
 * (written sorted by scripts/build-first-names.mjs) and searched in place.
 * Accents are folded on lookup, so `Luís` and `María` find `luis` and `maria`.
 */
import {existsSync, readFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {lineLookup} from './sorted-lines.js'

export type Gender = 'f' | 'm'

/** The sorted `name<TAB>f|m` lines, searched in place (sorted-lines.ts). */
let names: {data: string; find: (key: string) => number} | undefined

const here = dirname(fileURLToPath(import.meta.url))
const FILE = 'first-names.txt'
const TAB = 9

function load(): {data: string; find: (key: string) => number} {
  let data = ''
  for (const path of [join(here, FILE), join(here, '..', '..', 'dist', 'lexicon', FILE)]) {
    if (existsSync(path)) {
      data = readFileSync(path, 'utf8')
      break
    }
  }
  return {data, find: lineLookup(data, TAB)}
}

function genderOf(name: string): Gender | undefined {
  const at = names!.find(name)
  return at < 0 ? undefined : (names!.data[at + name.length + 1] as Gender)
}

/** The gender of a first name (any case), or undefined when unknown or used for both. */
export function firstNameGender(name: string): Gender | undefined {
  names ??= load()
  const lower = name.toLowerCase()
  return genderOf(lower) ?? genderOf(lower.normalize('NFD').replace(/\p{M}/gu, ''))
}

/** Whether the list has been loaded in this process (for tests of laziness). */
export function firstNamesLoaded(): boolean {
  return names !== undefined
}
