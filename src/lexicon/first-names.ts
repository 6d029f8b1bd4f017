/**
 * First names with the gender every national list of gender-detection-from-name
 * agrees on, read once per process on first use from dist/lexicon/first-names.txt and
 * first-names-other.txt (written sorted by scripts/build-first-names.mjs) and searched in place.
 * Accents are folded on lookup, so `Luís` and `María` find `luis` and `maria`.
 */
import {existsSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {lineLookup} from './sorted-lines.js'
import {readIndex} from './index.js'
import {readBuiltText} from '../read.js'

export type Gender = 'f' | 'm'

/** The sorted `name<TAB>f|m` lines, searched in place (sorted-lines.ts): the names all ASCII, and the others. */
interface Table {
  data: string
  find: (key: string) => number
}
let ascii: Table | undefined
let other: Table | undefined

const here = dirname(fileURLToPath(import.meta.url))
/** The names all ASCII (most, read as Latin-1: src/read.ts), and the others (read when a name is not ASCII). */
export const FILES = ['first-names.txt', 'first-names-other.txt'] as const
const TAB = 9

function load(file: string): Table {
  let data = ''
  let index: Uint32Array | undefined
  for (const path of [join(here, file), join(here, '..', '..', 'dist', 'lexicon', file)]) {
    if (existsSync(path)) {
      data = readBuiltText(path)
      index = readIndex(path)
      break
    }
  }
  return {data, find: lineLookup(data, TAB, index)}
}

const ASCII = /^[\x00-\x7f]*$/

function genderOf(name: string): Gender | undefined {
  const names = ASCII.test(name) ? (ascii ??= load(FILES[0])) : (other ??= load(FILES[1]))
  const at = names.find(name)
  return at < 0 ? undefined : (names.data[at + name.length + 1] as Gender)
}

/** The gender of a first name (any case), or undefined when unknown or used for both. */
export function firstNameGender(name: string): Gender | undefined {
  const lower = name.toLowerCase()
  const gender = genderOf(lower)
  // An ASCII name folds to itself: the second look-up (and the NFD string) would be the same.
  if (gender !== undefined || ASCII.test(lower)) return gender
  return genderOf(lower.normalize('NFD').replace(/\p{M}/gu, ''))
}

/** Whether the list has been loaded in this process (for tests of laziness). */
export function firstNamesLoaded(): boolean {
  return ascii !== undefined || other !== undefined
}
