/**
 * The shared English lexicon: every word form of dictionary-en (Hunspell affixes
 * expanded), loaded once per process, on first use.
 *
 * `npm run build` writes the expanded list to dist/lexicon/en-words.txt
 * (scripts/build-lexicon.mjs), with its hash index, so loading is two reads, answered in place
 * (sorted-lines.ts). When the file is missing (running from a source tree
 * that was never built) the list is expanded from dictionary-en with nspell, once.
 */
import {existsSync, readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {countLines, lineIndexFrom, lineLookup} from './sorted-lines.js'
import {readBuiltText} from '../read.js'

export interface Lexicon {
  /** Hunspell casing: exact form, or a capitalized / upper-case form of a known word. */
  isWord(word: string): boolean
  /** The lower-case form is a word (a common word, not only a proper noun). */
  isLowerWord(word: string): boolean
  /** The exact form is listed (e.g. `Paris`, `NATO`, `the`). */
  hasExact(word: string): boolean
  /** Number of word forms. */
  readonly size: number
  /** Where the list came from: `file` (precomputed) or `nspell` (expanded at run time). */
  readonly source: 'file' | 'nspell'
}

let instance: Lexicon | undefined

/** The process-wide lexicon (built on first call). */
export function getLexicon(): Lexicon {
  return (instance ??= load())
}

/** Whether the lexicon has been loaded in this process (for benchmarks and tests). */
export function lexiconLoaded(): boolean {
  return instance !== undefined
}

const here = dirname(fileURLToPath(import.meta.url))
const FILE = 'en-words.txt'

function candidates(): string[] {
  return [
    join(here, FILE), // dist/lexicon/index.js → dist/lexicon/en-words.txt
    join(here, '..', '..', 'dist', 'lexicon', FILE) // src/lexicon/index.ts (tests) → dist/
  ]
}

function load(): Lexicon {
  for (const path of candidates()) {
    if (existsSync(path)) return fromSorted(readBuiltText(path), readIndex(path))
  }
  return fromWords(expandWithNspell(), 'nspell')
}

function expandWithNspell(): string[] {
  const require = createRequire(import.meta.url)
  const nspell = require('nspell') as (d: {aff: Buffer; dic: Buffer}) => {data: Record<string, unknown>; flags: Record<string, unknown>}
  const words = new Set<string>()
  for (const name of ['dictionary-en', 'dictionary-en-gb']) {
    const dictDir = dirname(fileURLToPath(import.meta.resolve(name)))
    const spell = nspell({aff: readFileSync(join(dictDir, 'index.aff')), dic: readFileSync(join(dictDir, 'index.dic'))})
    const onlyInCompound = spell.flags.ONLYINCOMPOUND as string | undefined
    for (const [word, codes] of Object.entries(spell.data)) {
      if (onlyInCompound && Array.isArray(codes) && codes.includes(onlyInCompound)) continue
      words.add(word)
    }
  }
  return [...words]
}

/** The build's hash index of a list (`en-words.idx` beside `en-words.txt`), if there is one. */
export function readIndex(listPath: string): Uint32Array | undefined {
  try {
    return lineIndexFrom(readFileSync(listPath.replace(/\.txt$/, '.idx')))
  } catch {
    return undefined
  }
}

/** The sorted word list as one string, answered by its hash index: the build's when it is this list's, else one made now (sorted-lines.ts). */
export function fromSorted(data: string, index?: Uint32Array): Lexicon {
  const find = lineLookup(data, -1, index)
  // Counted only when asked (a 1.2 MB scan a lookup never needs).
  return withCasing((w) => w !== '' && find(w) >= 0, () => countLines(data), 'file')
}

function fromWords(list: string[], source: 'file' | 'nspell'): Lexicon {
  const set = new Set<string>()
  for (const word of list) if (word) set.add(word)
  return withCasing((w) => set.has(w), () => set.size, source)
}

function withCasing(has: (w: string) => boolean, size: () => number, source: 'file' | 'nspell'): Lexicon {
  const set = {has}
  const norm = (w: string) => (w.includes('’') ? w.replace(/’/g, "'") : w)
  const hasExact = (w: string) => set.has(norm(w))
  const isLowerWord = (w: string) => set.has(norm(w).toLowerCase())
  let count: number | undefined
  return {
    get size() {
      return (count ??= size())
    },
    source,
    hasExact,
    isLowerWord,
    isWord(word) {
      const w = norm(word)
      if (set.has(w)) return true
      const lower = w.toLowerCase()
      if (w === lower) return false
      if (set.has(lower)) return true
      // ALL CAPS of a capitalized entry: PARIS → Paris
      if (w === w.toUpperCase()) return set.has(lower.charAt(0).toUpperCase() + lower.slice(1))
      return false
    }
  }
}
