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

interface AffixRule {
  flag: string
  cross: boolean
  strip: string
  add: string
  condition: RegExp | undefined
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

/** Languages whose dictionary this process has loaded (for tests of laziness). */
export function loadedSourceDictionaries(): SourceLang[] {
  return [...cache.keys()]
}

function load(lang: SourceLang): SourceDictionary | null {
  const t0 = performance.now()
  let aff: string
  let dic: string
  try {
    const dir = dirname(fileURLToPath(import.meta.resolve(`dictionary-${lang}`)))
    aff = readFileSync(join(dir, 'index.aff'), 'utf8')
    dic = readFileSync(join(dir, 'index.dic'), 'utf8')
  } catch {
    return null
  }
  const dict = parse(lang, aff, dic)
  const loadMs = performance.now() - t0
  return {...dict, loadMs}
}

function parse(lang: SourceLang, aff: string, dic: string): Omit<SourceDictionary, 'loadMs'> {
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
          condition: conditionOf(f[4], f[0] === 'SFX')
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
  const stems = new Map<string, string>()
  const lines = dic.split('\n')
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]
    if (line === '' || line.charCodeAt(0) === 9 || line.charCodeAt(0) === 47) continue
    let end = line.length
    for (let k = 0; k < line.length; k++) {
      const c = line.charCodeAt(k)
      if (c === 9 || c === 32) {
        end = k
        break
      }
    }
    const entry = line.slice(0, end)
    // `/` starts the flags unless escaped (`km\/h`)
    let slash = -1
    for (let k = 1; k < entry.length; k++) {
      if (entry.charCodeAt(k) === 47 && entry.charCodeAt(k - 1) !== 92) {
        slash = k
        break
      }
    }
    const word = (slash < 0 ? entry : entry.slice(0, slash)).replace(/\\\//g, '/')
    let flags = slash < 0 ? '' : entry.slice(slash + 1)
    if (aliases.length > 0 && /^\d+$/.test(flags)) flags = aliases[Number(flags) - 1] ?? ''
    const prev = stems.get(word)
    stems.set(word, prev === undefined ? flags : prev + (flagType === 'num' ? ',' : '') + flags)
  }

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
        if (r.condition && !r.condition.test(stem)) continue
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
        if (r.condition && !r.condition.test(stem)) continue
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
      if (analyse(word)) return true
      const lower = word.toLowerCase()
      if (lower !== word && analyse(lower)) return true
      const upper = word[0].toUpperCase() + word.slice(1)
      return upper !== word && analyse(upper)
    }
  }
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
