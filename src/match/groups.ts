/**
 * Groups of terms counted in one scan of a text (the language guess's
 * evidence, src/lang.ts), and letters counted per code unit.
 */
import type {SourceLang} from '../types.js'
import {HSPACE} from './syntax.js'
import {ASCII_WORD, hash, leadingWord, nextWord, slot, SLOTS, wordCharAt, wordEnd} from './scan.js'

/*
 * The evidence is counted in one scan of the text. Each kind of evidence of a
 * language (residue phrases, publication names, function words, places,
 * calques) is a group: its terms were once one regex, `(?<![\p{L}\p{N}])(?:t1|t2|…)(?![\p{L}\p{N}])`,
 * run with exec over the text, and the counts stay exactly those of that
 * regex. A term can only match where the text has a run of letters and digits
 * equal to the term's first run (folded for the case-insensitive groups), or
 * at the term's first character when it starts with a sign (¿, ©): the scan
 * looks that run up in a Map and tries, at that position only, a sticky regex
 * of the group's terms that start with it (in their order, same boundaries): it
 * finds there what exec would, as no other term can match there. A term that is
 * the run itself needs no regex. A group's matches stay non-overlapping, as with exec.
 */

export interface Group {
  lang: SourceLang
  weight: number
  /** Matches counted per distinct matched text, at most this many times. */
  cap?: number
  /** A group whose terms cannot all be keyed by their first run: its old regex over the whole text. */
  fallback?: RegExp
}

/**
 * A sticky regex of some terms, written and compiled on first use: a Unicode
 * regex costs a millisecond or more to compile, and most are never needed
 * (writing all their sources took a third of the language guess's set-up).
 */
interface Lazy {
  terms: Term[]
  behind: boolean
  flags: string
  regex: RegExp | undefined
}

/**
 * A group to try at a position: nothing to match when the run itself is the
 * term (`plain`); else the regex of the terms that start with this run and go
 * on with the text's next run (`bySecond`, keyed by that run, folded when
 * caseless), or the terms whose second run is not known (`open`).
 */
interface Attempt {
  group: number
  plain: boolean
  caseless: boolean
  bySecond: Map<string, Lazy> | undefined
  open: Lazy | undefined
}

export interface Evidence {
  groups: Group[]
  /** Case-sensitive groups, by the first run of their terms. */
  exact: Map<string, Attempt[]>
  /** Case-insensitive groups, by the folded first run of their terms. */
  folded: Map<string, Attempt[]>
  /** Terms that start with a sign, by that character (case-sensitive groups, then the others by the folded character). */
  exactSigns: Map<string, Attempt[]>
  foldedSigns: Map<string, Attempt[]>
  /** Code units that may start a sign term. */
  signCodes: Uint8Array
  /**
   * The `exact` keys and the ASCII `folded` keys by hash (ASCII letters lowercased,
   * see wordscan's `slot`): 1 when a run with that hash is always looked up, 2 when
   * only if its pair with the next run is marked below.
   */
  exactHashes: Uint8Array
  foldedHashes: Uint8Array
  /** Hashes of (first run, second run) pairs that may start a term (see `pair`). */
  exactPairs: Uint8Array
  foldedPairs: Uint8Array
  /** The lowest code unit that may be a letter of LETTERS. */
  letterFrom: number
  /** Letters counted per code unit: LETTERS made of one character class. */
  letterLangs: SourceLang[]
  letterTests: RegExp[]
  /** LETTERS that are not one character class (l·l): their regex over the text. */
  letterRegexes: Map<SourceLang, RegExp>
}


export function escape(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&').replace(/['’]/g, "['’]")
}

/*
 * Case-insensitive (`iu`) regexes compare characters by simple case folding;
 * toLowerCase agrees with it except for these characters.
 */
const ODD_FOLD: Record<string, string> = {ſ: 's', ẛ: 'ṡ', µ: 'μ', ς: 'σ', ϐ: 'β', ϑ: 'θ', ϕ: 'φ', ϖ: 'π', ϰ: 'κ', ϱ: 'ρ', ϵ: 'ε', '\u1fbe': 'ι', '\u0345': 'ι'}
const ODD = /[ſẛµςϐϑϕϖϰϱϵ\u1fbe\u0345]/
const ODD_ALL = /[ſẛµςϐϑϕϖϰϱϵ\u1fbe\u0345]/g

/**
 * The phrases' horizontal space `[^\S\r\n]`, listed: the same characters, but
 * a negated class costs a case-insensitive regex much more to compile.
 */
const HSPACE_LIST = '[\\t\\v\\f \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]'

function fold(text: string): string {
  const lower = text.toLowerCase()
  return ODD.test(lower) ? lower.replace(ODD_ALL, (c) => ODD_FOLD[c]) : lower
}

function pair(first: number, second: number): number {
  return (Math.imul(first, 0x9e3779b1) ^ second) | 0
}

export interface Term {
  /** The term as written (a phrase pattern when `syntax`). */
  text: string
  /** Its regex source. */
  source: string
}

/**
 * The possible second runs of letters and digits of a term: a match has one of
 * them as the text's next run, since what comes between is signs and spaces.
 * Undefined when the term has none, or when a placeholder or an optional part
 * comes first; an alternative (a|b c) gives the first run of each option.
 */
function secondRuns(text: string, first: string, syntax: boolean): string[] | undefined {
  const special = (char: string) => syntax && /[{([\\]/.test(char)
  let i = first.length
  while (i < text.length && wordCharAt(text, i) === 0 && !special(text[i])) i++
  if (i >= text.length) return undefined
  if (text[i] === '(' && syntax) {
    const close = text.indexOf(')', i)
    if (close < 0) return undefined
    // After the group: a sign or a space (the run ends), never letters or more syntax;
    // an optional part is compiled with the space before it.
    const after = text.charAt(close + 1)
    const ends = after === '' || after === '[' || (wordCharAt(text, close + 1) === 0 && !special(after))
    const runs: string[] = []
    for (const option of text.slice(i + 1, close).split('|')) {
      const run = leadingWord(option)
      if (run === '' || (run === option && !ends)) return undefined
      runs.push(run)
    }
    return runs
  }
  if (special(text[i])) return undefined
  const run = leadingWord(text.slice(i))
  const after = text.charAt(i + run.length)
  return special(after) && after !== '[' ? undefined : [run]
}

/** The regex source of `list` (the lookbehind always holds at the start of a run: left out there, as each \\p{…} class adds to the compile time). */
function sourceOf(list: Term[], behind: boolean): string {
  return `${behind ? '(?<![\\p{L}\\p{N}])' : ''}(?:${list.map((t) => `(?:${t.source.replaceAll(HSPACE, HSPACE_LIST)})`).join('|') || '(?!)'})(?![\\p{L}\\p{N}])`
}

export function addGroup(evidence: Evidence, group: Group, terms: Term[], caseless: boolean, syntax: boolean): void {
  const index = evidence.groups.length
  evidence.groups.push(group)
  const flags = caseless ? 'iuy' : 'uy'
  const runs = new Map<string, Term[]>()
  const signs = new Map<string, Term[]>()
  for (const term of terms) {
    const text = syntax ? term.text.trim() : term.text
    const run = leadingWord(text)
    // After the first run comes a literal sign (or nothing): the text's run must be exactly that one.
    // A placeholder, an alternative or an escape there could go on with letters: no key.
    const next = text.slice(run.length, run.length + 1)
    const first = String.fromCodePoint(text.codePointAt(0) ?? 0)
    const unkeyed = text === '' || (syntax && /^[{([\\]/.test(run ? next : first)) || (!run && first.length > 1)
    if (unkeyed) {
      group.fallback = new RegExp(sourceOf(terms, true), caseless ? 'giu' : 'gu')
      return
    }
    const [map, k] = run ? [runs, caseless ? fold(run) : run] : [signs, caseless ? fold(first) : first]
    map.set(k, [...(map.get(k) ?? []), term])
  }
  for (const [k, list] of runs) {
    // A term that is one run, matched case-sensitively: the run is the match.
    const plain = !caseless && list.every((t) => t.text === k)
    const target = caseless ? evidence.folded : evidence.exact
    // One shape for every attempt (the scan stays monomorphic).
    let attempt: Attempt = {group: index, plain: true, caseless, bySecond: undefined, open: undefined}
    if (!plain) {
      const seconds = list.map((t) => {
        const text = syntax ? t.text.trim() : t.text
        return secondRuns(text, leadingWord(text), syntax)?.map((r) => (caseless ? fold(r) : r))
      })
      const lazy = (terms: Term[]): Lazy => ({terms, behind: false, flags, regex: undefined})
      // Each second run: its terms and those with no known second run, in their order.
      const bySecond = new Map<string, Lazy>()
      for (const second of new Set(seconds.flatMap((r) => r ?? []))) bySecond.set(second, lazy(list.filter((_, i) => !seconds[i] || seconds[i]!.includes(second))))
      const open = list.filter((_, i) => !seconds[i])
      attempt = {group: index, plain: false, caseless, bySecond, open: open.length ? lazy(open) : undefined}
    }
    target.set(k, [...(target.get(k) ?? []), attempt])
    // A run's slot: 1 when it must always be looked up, 2 when only if its pair with the next run is marked.
    const ascii = (text: string) => /^[\x00-\x7f]*$/.test(text)
    if (caseless && !ascii(k)) continue // found by the runs that are not ASCII, always looked up
    const [hashes, pairs] = caseless ? [evidence.foldedHashes, evidence.foldedPairs] : [evidence.exactHashes, evidence.exactPairs]
    // Hashed as the scan hashes runs: ASCII letters lowercased, for the exact keys too.
    const h = hash(k, true)
    const always = attempt.plain || attempt.open !== undefined
    hashes[slot(h)] = always ? 1 : hashes[slot(h)] || 2
    // A next run that is not ASCII is always let through for the caseless groups.
    for (const second of attempt.bySecond?.keys() ?? []) if (!caseless || ascii(second)) pairs[slot(pair(h, hash(second, true)))] = 1
  }
  for (const [k, list] of signs) {
    const target = caseless ? evidence.foldedSigns : evidence.exactSigns
    target.set(k, [...(target.get(k) ?? []), {group: index, plain: false, caseless, bySecond: new Map(), open: {terms: list, behind: true, flags, regex: undefined}}])
    // Every code unit that may fold to the sign (signs rarely have case).
    for (const variant of [k, k.toLowerCase(), k.toUpperCase()]) if (variant.length === 1) evidence.signCodes[variant.charCodeAt(0)] = 1
  }
}


/** Non-overlapping matches of a global `regex` in `text`, at most `capPerTerm` per distinct match. */
export function countMatches(regex: RegExp, text: string, capPerTerm?: number): number {
  regex.lastIndex = 0
  const seen = new Map<string, number>()
  let total = 0
  let match: RegExpExecArray | null
  while ((match = regex.exec(text))) {
    if (match[0] === '') {
      regex.lastIndex++
      continue
    }
    if (capPerTerm) {
      const n = (seen.get(match[0]) ?? 0) + 1
      seen.set(match[0], n)
      if (n > capPerTerm) continue
    }
    total++
  }
  return total
}

/** Per BMP code unit: which of `letterTests` it matches (bit 8: known). */
const letterTable = new Uint16Array(65536)

function letterMask(evidence: Evidence, code: number): number {
  const mask = letterTable[code]
  return mask === 0 ? newLetter(evidence, code) : mask & 255
}

/** A code unit seen for the first time (kept out of letterMask, which is inlined in the scan). */
function newLetter(evidence: Evidence, code: number): number {
  const char = String.fromCharCode(code)
  let mask = 256
  evidence.letterTests.forEach((test, i) => {
    if (test.test(char)) mask |= 1 << i
  })
  letterTable[code] = mask
  return mask & 255
}

/** The counts of each group of `evidence` in `text` (as the old per-group regexes counted them), and the letters of each language. */
export function scan(evidence: Evidence, text: string): {counts: number[]; letters: Map<SourceLang, number>} {
  const {groups, exact, folded, exactSigns, foldedSigns, signCodes, exactHashes, foldedHashes, exactPairs, foldedPairs} = evidence
  const counts = groups.map(() => 0)
  /** Where each group's last match ended: its next match starts there or later (exec semantics). */
  const ends = groups.map(() => 0)
  /** Matches per distinct matched text, for the capped groups (made on a group's first match). */
  const seen: Array<Map<string, number> | undefined> = groups.map(() => undefined)
  const letterCounts = evidence.letterTests.map(() => 0)
  const attempt = (list: Attempt[], start: number, run: string | undefined, end: number) => {
    /** The text's next run after this one, as written and folded. */
    let next: string | undefined
    let nextFolded: string | undefined
    for (const entry of list) {
      const group = entry.group
      if (start < ends[group]) continue
      let matched: string
      if (!entry.plain) {
        let terms = entry.open
        if (entry.bySecond!.size) {
          if (next === undefined) {
            const from = nextWord(text, end)
            next = text.slice(from, wordEnd(text, from))
          }
          terms = entry.bySecond!.get(entry.caseless ? (nextFolded ??= fold(next)) : next) ?? terms
        }
        if (!terms) continue
        const regex = (terms.regex ??= new RegExp(sourceOf(terms.terms, terms.behind), terms.flags))
        regex.lastIndex = start
        const match = regex.exec(text)
        if (!match) continue
        matched = match[0]
      } else matched = run!
      ends[group] = start + matched.length
      const cap = groups[group].cap
      if (cap) {
        const terms = (seen[group] ??= new Map())
        const n = (terms.get(matched) ?? 0) + 1
        terms.set(matched, n)
        if (n > cap) continue
      }
      counts[group]++
    }
  }
  const count = (code: number) => {
    const mask = letterMask(evidence, code)
    if (mask) for (let l = 0; l < letterCounts.length; l++) if (mask & (1 << l)) letterCounts[l]++
  }
  const {letterFrom} = evidence
  const n = text.length
  let i = 0
  while (i < n) {
    const c = text.charCodeAt(i)
    if (c < 128 ? !ASCII_WORD[c] : wordCharAt(text, i) === 0) {
      // Letters are BMP characters: a surrogate is never one of them.
      if (c >= letterFrom) count(c)
      if (signCodes[c]) {
        const char = text[i]
        const exactList = exactSigns.get(char)
        if (exactList) attempt(exactList, i, undefined, i)
        const foldedList = foldedSigns.get(fold(char))
        if (foldedList) attempt(foldedList, i, undefined, i)
      }
      i++
      continue
    }
    // A run of letters and digits, hashed as it is read (ASCII letters lowercased:
    // one hash filters the exact and the folded keys): most runs are never sliced.
    const start = i
    let h = 0
    let ascii = true
    while (i < n) {
      const d = text.charCodeAt(i)
      if (d < 128) {
        if (!ASCII_WORD[d]) break
        if (d >= letterFrom) count(d)
        h = (Math.imul(h, 31) + (d >= 65 && d <= 90 ? d + 32 : d)) | 0
        i++
      } else {
        const width = wordCharAt(text, i)
        if (width === 0) break
        ascii = false
        h = (Math.imul(h, 31) + d) | 0
        if (width === 2) h = (Math.imul(h, 31) + text.charCodeAt(i + 1)) | 0
        else if (d >= letterFrom) count(d)
        i += width
      }
    }
    // A run with other than ASCII may fold in other ways (ſ, K): always looked up.
    let exactSlot = exactHashes[slot(h)]
    let foldedSlot = ascii ? foldedHashes[slot(h)] : 1
    if (exactSlot === 0 && foldedSlot === 0) continue
    if (exactSlot === 2 || foldedSlot === 2) {
      // Only some pairs of runs start a term: hash the next run (the, in, you are common).
      let j = nextWord(text, i)
      let next = 0
      let nextAscii = true
      while (j < n) {
        const d = text.charCodeAt(j)
        if (d < 128) {
          if (!ASCII_WORD[d]) break
          next = (Math.imul(next, 31) + (d >= 65 && d <= 90 ? d + 32 : d)) | 0
          j++
        } else {
          const width = wordCharAt(text, j)
          if (width === 0) break
          nextAscii = false
          next = (Math.imul(next, 31) + d) | 0
          if (width === 2) next = (Math.imul(next, 31) + text.charCodeAt(j + 1)) | 0
          j += width
        }
      }
      const marked = slot(pair(h, next))
      if (exactSlot === 2 && !exactPairs[marked]) exactSlot = 0
      if (foldedSlot === 2 && nextAscii && !foldedPairs[marked]) foldedSlot = 0
    }
    let run: string | undefined
    if (exactSlot) {
      run = text.slice(start, i)
      const list = exact.get(run)
      if (list) attempt(list, start, run, i)
    }
    if (foldedSlot) {
      run ??= text.slice(start, i)
      const list = folded.get(fold(run))
      if (list) attempt(list, start, run, i)
    }
  }
  groups.forEach((group, g) => {
    if (group.fallback) counts[g] = countMatches(group.fallback, text, group.cap)
  })
  const letters = new Map<SourceLang, number>()
  evidence.letterLangs.forEach((lang, i) => letters.set(lang, letterCounts[i]))
  for (const [lang, regex] of evidence.letterRegexes) letters.set(lang, countMatches(regex, text))
  return {counts, letters}
}


/** Evidence with no group yet. */
export function newEvidence(): Evidence {
  return {
    groups: [],
    exact: new Map(),
    folded: new Map(),
    exactSigns: new Map(),
    foldedSigns: new Map(),
    signCodes: new Uint8Array(65536),
    exactHashes: new Uint8Array(SLOTS),
    foldedHashes: new Uint8Array(SLOTS),
    exactPairs: new Uint8Array(SLOTS),
    foldedPairs: new Uint8Array(SLOTS),
    letterFrom: 128,
    letterLangs: [],
    letterTests: [],
    letterRegexes: new Map()
  }
}

/** Count the letters of `regex` for `lang`: per code unit when it is one character class, else with the regex. */
export function addLetters(evidence: Evidence, lang: SourceLang, regex: RegExp): void {
  if (/^\[[^\]\\]+\]$/.test(regex.source)) {
    evidence.letterLangs.push(lang)
    evidence.letterTests.push(new RegExp(regex.source, 'iu'))
  } else evidence.letterRegexes.set(lang, regex)
}

/** Done adding letters: the lowest ASCII code unit that may be one. */
export function finishLetters(evidence: Evidence): Evidence {
  for (let c = 0; c < 128; c++) if (letterMask(evidence, c)) evidence.letterFrom = Math.min(evidence.letterFrom, c)
  return evidence
}
