/**
 * "Is this a word of language X?" from a Hunspell dictionary (wooorm's
 * `dictionary-<lang>` packages), answered by undoing one prefix and one suffix
 * rule at lookup time. nspell expands every form when it loads (44 s and 650 MB
 * for French, over a minute for Portuguese and Polish); here loading is one pass
 * over the .dic (stem → flags) and .aff rules, and only the few tokens a rule
 * asks about are ever analysed. Compounds, two-level suffixes and ICONV are not
 * modelled: the answer errs towards "unknown", which for mtclean means "say nothing".
 */
import {readFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import type {SourceLang} from '../types.js'
import {buildStemTable, decodeStemTable, entryEnd, hashBytes, stemEnd, stemIs, tableFits, type StemTable} from './stem-table.js'

interface AffixRule {
  flag: string
  cross: boolean
  strip: string
  add: string
  /** The condition as the .aff writes it, compiled on first use (a dictionary has thousands; a text tries a few). */
  condition: string | undefined
  suffix: boolean
  regex: RegExp | null | undefined
}

/** The stem meets the rule's condition (none, or one that cannot be read, always holds). */
function conditionHolds(rule: AffixRule, stem: string): boolean {
  if (rule.regex === undefined) rule.regex = conditionOf(rule.condition, rule.suffix) ?? null
  return rule.regex === null || rule.regex.test(stem)
}

export interface SourceDictionary {
  lang: SourceLang
  /** The word, as written, lower-cased or capitalized, is a form of the language. */
  isWord(word: string): boolean
  /** Stems in the dictionary. */
  readonly size: number
  /** Milliseconds it took to load. */
  readonly loadMs: number
}

const cache = new Map<SourceLang, SourceDictionary | null>()

/** The dictionary of `lang`, loaded on first request (null when the package is not installed). */
export function sourceDictionary(lang: SourceLang): SourceDictionary | null {
  let hit = cache.get(lang)
  if (hit === undefined) {
    hit = load(lang)
    cache.set(lang, hit)
  }
  return hit
}

/** Linking letters between the parts of a German or Dutch compound (`Führung·s·duo`, `Kinder·garten`). */
const LINKS = ['', 's', 'es', 'n', 'en', 'e', 'er']

/**
 * `word` is a form of `dict`'s language, or (German, Dutch) a compound of two of its words with
 * a linking letter between: `Führungsduos` is `Führung` + `s` + `duos`. The dictionaries list the
 * parts, not the compounds (see the note above: compounds are not modelled in `isWord`).
 */
export function isWordOrCompound(dict: SourceDictionary, word: string): boolean {
  if (dict.isWord(word)) return true
  if (dict.lang !== 'de' && dict.lang !== 'nl') return false
  const known = (part: string) => dict.isWord(part) || dict.isWord(part[0].toUpperCase() + part.slice(1))
  for (let i = 3; i <= word.length - 3; i++) {
    const head = word.slice(0, i)
    let headKnown: boolean | undefined
    for (const link of LINKS) {
      if (!word.startsWith(link, i) || word.length - i - link.length < 3) continue
      if (!(headKnown ??= known(head))) break
      if (known(word.slice(i + link.length))) return true
    }
  }
  return false
}

/** Languages whose dictionary this process has loaded (for tests of laziness). */
export function loadedSourceDictionaries(): SourceLang[] {
  return [...cache.keys()]
}

const here = dirname(fileURLToPath(import.meta.url))
/** Where `npm run build` writes the stem tables (scripts/build-stems.mjs): found from dist/lexicon, dist/bin and src/lexicon alike. */
export const stemTableFile = (lang: SourceLang) => join(here, '..', '..', 'dist', 'lexicon', `stems-${lang}.bin`)

/** The table the build wrote for this .dic, if it is there and fits it. */
function builtTable(lang: SourceLang, dic: Uint8Array): StemTable | undefined {
  let bytes: Uint8Array
  try {
    bytes = readFileSync(stemTableFile(lang))
  } catch {
    return undefined
  }
  const table = decodeStemTable(bytes, dic.length)
  return table && tableFits(table, dic) ? table : undefined
}

function load(lang: SourceLang): SourceDictionary | null {
  const t0 = performance.now()
  let aff: string
  let dic: Uint8Array
  try {
    const dir = dirname(fileURLToPath(import.meta.resolve(`dictionary-${lang}`)))
    aff = readFileSync(join(dir, 'index.aff'), 'utf8')
    dic = readFileSync(join(dir, 'index.dic'))
  } catch {
    return null
  }
  const dict = dictionaryFrom(lang, aff, dic, builtTable(lang, dic))
  const loadMs = performance.now() - t0
  return {...dict, loadMs}
}

/** The dictionary of an .aff text and .dic bytes, with the stem table given or built here. */
export function dictionaryFrom(lang: SourceLang, aff: string, dic: Uint8Array, table: StemTable = buildStemTable(dic)): Omit<SourceDictionary, 'loadMs'> {
  return parse(lang, aff, dic, table)
}

function parse(lang: SourceLang, aff: string, dic: Uint8Array, table: StemTable): Omit<SourceDictionary, 'loadMs'> {
  let flagType = 'char'
  const aliases: string[] = []
  const suffixes = new Map<string, AffixRule[]>()
  const prefixes = new Map<string, AffixRule[]>()
  const cross = new Map<string, boolean>()
  const special = {needAffix: '', forbidden: '', onlyInCompound: ''}
  let maxSuffix = 0
  let maxPrefix = 0
  for (const raw of aff.split('\n')) {
    const line = raw.trim()
    if (line === '' || line.startsWith('#')) continue
    const f = line.split(/\s+/)
    switch (f[0]) {
      case 'FLAG':
        flagType = f[1]
        break
      case 'AF':
        if (f.length === 2 && /^\d+$/.test(f[1])) break
        aliases.push(f[1] ?? '')
        break
      case 'NEEDAFFIX':
        special.needAffix = f[1]
        break
      case 'FORBIDDENWORD':
        special.forbidden = f[1]
        break
      case 'ONLYINCOMPOUND':
        special.onlyInCompound = f[1]
        break
      case 'SFX':
      case 'PFX': {
        if (f.length === 4 && /^\d+$/.test(f[3])) {
          cross.set(f[0] + f[1], f[2] === 'Y')
          break
        }
        if (f.length < 4) break
        const add = f[3] === '0' ? '' : f[3].split('/')[0]
        const rule: AffixRule = {
          flag: f[1],
          cross: cross.get(f[0] + f[1]) ?? false,
          strip: f[2] === '0' ? '' : f[2],
          add,
          condition: f[4],
          suffix: f[0] === 'SFX',
          regex: undefined
        }
        const table = f[0] === 'SFX' ? suffixes : prefixes
        const list = table.get(add)
        if (list) list.push(rule)
        else table.set(add, [rule])
        if (f[0] === 'SFX') maxSuffix = Math.max(maxSuffix, add.length)
        else maxPrefix = Math.max(maxPrefix, add.length)
        break
      }
    }
  }
  const stems = stemIndex(dic, table, flagType === 'num' ? ',' : '', aliases)
  const hasFlag = (flags: string, flag: string): boolean => {
    if (flag === '' || flags === '') return false
    if (flagType === 'long') {
      for (let k = 0; k + 1 < flags.length; k += 2) if (flags[k] === flag[0] && flags[k + 1] === flag[1]) return true
      return false
    }
    if (flagType === 'num') return flags.split(',').includes(flag)
    return flags.includes(flag)
  }
  const standalone = (word: string): boolean => {
    const flags = stems.get(word)
    if (flags === undefined) return false
    return !hasFlag(flags, special.needAffix) && !hasFlag(flags, special.forbidden) && !hasFlag(flags, special.onlyInCompound)
  }
  const stemHas = (stem: string, flag: string): boolean => {
    const flags = stems.get(stem)
    return flags !== undefined && hasFlag(flags, flag) && !hasFlag(flags, special.forbidden)
  }
  /** `word` is `stem` + a suffix of a rule whose flag the stem has (and, if `needCross`, a cross-product rule). */
  const bySuffix = (word: string, needCross: string | undefined): boolean => {
    for (let k = 0; k <= Math.min(maxSuffix, word.length - 1); k++) {
      const rules = suffixes.get(word.slice(word.length - k))
      if (!rules) continue
      const base = word.slice(0, word.length - k)
      for (const r of rules) {
        const stem = base + r.strip
        if (!conditionHolds(r, stem)) continue
        if (needCross !== undefined) {
          if (r.cross && stemHas(stem, r.flag) && stemHas(stem, needCross)) return true
        } else if (stemHas(stem, r.flag)) return true
      }
    }
    return false
  }
  const analyse = (word: string): boolean => {
    if (standalone(word) || bySuffix(word, undefined)) return true
    for (let k = 1; k <= Math.min(maxPrefix, word.length - 1); k++) {
      const rules = prefixes.get(word.slice(0, k))
      if (!rules) continue
      const rest = word.slice(k)
      for (const r of rules) {
        const stem = r.strip + rest
        if (!conditionHolds(r, stem)) continue
        if (stemHas(stem, r.flag)) return true
        if (r.cross && bySuffix(stem, r.flag)) return true
      }
    }
    return false
  }
  return {
    lang,
    size: stems.size,
    isWord(word) {
      if (word === '') return false
      if (analyse(word)) return true
      const lower = word.toLowerCase()
      if (lower !== word && analyse(lower)) return true
      const upper = word[0].toUpperCase() + word.slice(1)
      return upper !== word && analyse(upper)
    }
  }
}

/** Stems of a .dic and their flags: `get` answers like a Map from each stem to its flags (duplicate lines' flags joined). */
interface StemIndex {
  get(word: string): string | undefined
  readonly size: number
}

const encoder = new TextEncoder()
const decoder = new TextDecoder()
/** Bytes [start, end) as text: flags and stems are ASCII but for a few. */
function textOf(bytes: Uint8Array, start: number, end: number): string {
  let ascii = ''
  for (let k = start; k < end; k++) {
    if (bytes[k] >= 128) return decoder.decode(bytes.subarray(start, end))
    ascii += String.fromCharCode(bytes[k])
  }
  return ascii
}

/** The stems of `dic` by its table (see stem-table.ts), a word looked up by its UTF-8 bytes. */
function stemIndex(dic: Uint8Array, table: StemTable, joiner: string, aliases: string[]): StemIndex {
  const resolve = (flags: string): string => (aliases.length > 0 && /^\d+$/.test(flags) ? (aliases[Number(flags) - 1] ?? '') : flags)
  const flagsAt = (start: number): string => {
    const end = entryEnd(dic, start)
    const slash = stemEnd(dic, start, end)
    return resolve(slash < end ? textOf(dic, slash + 1, end) : '')
  }
  const escaped = new Map<string, string>()
  for (const line of table.escaped) {
    const end = entryEnd(dic, line)
    const slash = stemEnd(dic, line, end)
    const word = textOf(dic, line, slash).replace(/\\\//g, '/')
    const flags = flagsAt(line)
    const prev = escaped.get(word)
    escaped.set(word, prev === undefined ? flags : prev + joiner + flags)
  }
  const {slots} = table
  const mask = slots.length - 1
  let scratch = new Uint8Array(64)
  const get = (word: string): string | undefined => {
    if (scratch.length < word.length * 3) scratch = new Uint8Array(word.length * 3)
    const length = encoder.encodeInto(word, scratch).written
    let found: string | undefined
    // A stem's lines in file order, as a Map would have joined them: later lines sit further along the probe.
    for (let slot = hashBytes(scratch, 0, length) & mask; slots[slot] !== 0; slot = (slot + 1) & mask) {
      const start = slots[slot] - 1
      if (!stemIs(dic, start, scratch, 0, length)) continue
      const flags = flagsAt(start)
      found = found === undefined ? flags : found + joiner + flags
    }
    return found ?? escaped.get(word)
  }
  return {get, size: table.distinct + escaped.size}
}

/** A Hunspell affix condition (`[^aeiou]y`, `.`) as a regex anchored at the stem's end (suffix) or start. */
function conditionOf(condition: string | undefined, suffix: boolean): RegExp | undefined {
  if (condition === undefined || condition === '.' || condition === '') return undefined
  // Conditions are sequences of letters, `.` and bracket classes: no quantifiers, so no backtracking.
  if (!plainCondition(condition)) return undefined
  try {
    return new RegExp(suffix ? `(?:${condition})$` : `^(?:${condition})`, 'u')
  } catch {
    return undefined
  }
}

/** `condition` is letters, `.` and `[…]` / `[^…]` classes only (checked by a scan, not a regex). */
function plainCondition(condition: string): boolean {
  let inClass = false
  for (let k = 0; k < condition.length; k++) {
    const c = condition[k]
    if (inClass) {
      if (c === ']') inClass = false
      else if (c === '[' || c === '\\') return false
    } else if (c === '[') {
      inClass = true
      if (condition[k + 1] === '^') k++
    } else if ('\\()*+?{}|^$]'.includes(c)) return false
  }
  return !inClass
}
