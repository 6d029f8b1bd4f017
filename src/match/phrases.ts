/**
 * The phrase matcher, the one every rule with phrase data uses: phrases
 * (patterns of src/match/syntax.ts, or literal terms) indexed by their first
 * run of letters and digits, confirmed by a regex of the few that can start
 * there. Three ways to read a text: lists found in one scan, each counted (the
 * language guess, src/lang.ts) or its matches collected (publication names,
 * src/rules/masthead), with letters counted per code unit in the same scan;
 * `every` groups, every phrase at each position (calque's phrases read as
 * words, word-phrases.ts); and units, the phrase that is a whole line or
 * sentence (paywall, boilerplate).
 */
import {ASCII_WORD, hash, hashRange, leadingWord, nextWord, pair, slot, SLOTS, wordCharAt, wordEnd, type RunFilter} from './scan.js'
import {HSPACE, phraseSource} from './syntax.js'
import {classOf, NUMBER} from '../char-class.js'

/*
 * Every list is read in one scan of the text. A list (a group) is, as far as
 * what it finds goes, one regex, `before(?:t1|t2|…)after` (by default
 * `(?<![\p{L}\p{N}])` and `(?![\p{L}\p{N}])`), run with exec over the text
 * from the end of each match: the counts and matches stay exactly those of that
 * regex (test/match.test.ts, test/lang.test.ts, test/masthead-scan.test.ts). A term can only match where the text has a run of letters and digits
 * equal to the term's first run (folded for the case-insensitive groups), or
 * at the term's first character when it starts with a sign (¿, ©): the scan
 * looks that run up in a Map and tries, at that position only, a sticky regex
 * of the group's terms that start with it (in their order, same boundaries): it
 * finds there what exec would, as no other term can match there. A term that is
 * the run itself needs no regex. A group's matches stay non-overlapping, as with exec.
 */

export interface Group {
  /** Matches counted per distinct matched text, at most this many times. */
  cap?: number
  /** Keep the matches (which term, where), not only their count. */
  collect?: boolean
  /** The lookbehind before a term (default: no letter or digit) and the lookahead after it (likewise). */
  before?: string
  after?: string
  /** A group whose terms cannot all be keyed by their first run: its regex over the whole text. */
  fallback?: RegExp
  /**
   * Every term that matches at a position, each on its own (overlapping matches too), instead of
   * the exec loop's one match per position; with `collect`. A term that no first run keys (`{n}`
   * first, `{word}` first) is tried at every run that starts with a number, or at every run.
   */
  every?: boolean
  /** A caseless group whose terms' sources spell case themselves (`[sS]ays`): keyed folded, matched as written. */
  caseInSource?: boolean
}

/** A match of a collecting group: where, the text matched and the term (as given to addGroup). */
export interface PhraseMatch {
  index: number
  text: string
  term: Term
  /** The term's own capture groups (an `every` group's matches). */
  parts?: Array<string | undefined>
  /** The index of the word it starts at, when the scan read words (findPhrasesAtWords). */
  word?: number
}

const BEFORE = '(?<![\\p{L}\\p{N}])'
const AFTER = '(?![\\p{L}\\p{N}])'

/**
 * A sticky regex of some terms, written and compiled on first use: a Unicode
 * regex costs a millisecond or more to compile, and most are never needed
 * (writing all their sources took a third of the language guess's set-up).
 */
interface Lazy {
  terms: Term[]
  /** The lookbehind, or '' where the scan already knows it holds (at the start of a run, by default). */
  before: string
  after: string
  /** One capture group per term (a collecting group must tell which term matched). */
  capture: boolean
  flags: string
  /** Each term on its own (an `every` group): its regex is the set's `single`. */
  every: boolean
  regex: RegExp | undefined
  /** The most of a view its terms read, once asked. */
  reach?: number
  /** Each term's own regex (an `every` group), once asked. */
  singles?: RegExp[]
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

/** Attempts by key: a Map (addGroup), or those of a set built at build time, decoded per key on first look-up (thawSet). */
interface KeyIndex {
  get(key: string): Attempt[] | undefined
  readonly size: number
  keys(): Iterable<string>
}

/** Lists of phrases, each a group, read in one scan. */
export interface PhraseSet {
  groups: Group[]
  /** Each group's terms, as given. */
  terms: Term[][]
  /** Case-sensitive groups, by the first run of their terms. */
  exact: KeyIndex
  /** Case-insensitive groups, by the folded first run of their terms. */
  folded: KeyIndex
  /** Terms that start with a sign, by that character (case-sensitive groups, then the others by the folded character). */
  exactSigns: KeyIndex
  foldedSigns: KeyIndex
  /** Attempts of `every` groups at each run that starts with a number, and at each run. */
  digitAttempts: Attempt[]
  anyAttempts: Attempt[]
  /** The sticky regex of one term of an `every` group, compiled on first use. */
  single: Map<Term, RegExp>
  /** Code units that may start a sign term. */
  signCodes: Uint8Array
  /**
   * The `exact` keys and the ASCII `folded` keys by hash (ASCII letters lowercased,
   * see wordscan's `slot`): 1 when a run with that hash is always looked up, 2 when
   * only if its pair with the next run is marked below.
   */
  exactHashes: Uint8Array
  /**
   * Per slot of `exactHashes`: 1 when a key there starts with an ASCII capital, 2 when one starts with
   * anything else. The hash folds ASCII case, so `world` shares the slot of the key `World`: this tells
   * them apart without slicing the run.
   */
  exactFirst: Uint8Array
  foldedHashes: Uint8Array
  /** Hashes of (first run, second run) pairs that may start a term (see `pair`). */
  exactPairs: Uint8Array
  foldedPairs: Uint8Array
  /** The lowest code unit that may be a counted letter. */
  letterFrom: number
  /** Letters counted per code unit: letter classes made of one character class, by key. */
  letterKeys: string[]
  letterTests: RegExp[]
  /** Per BMP code unit: which of `letterTests` it matches (bit 8: known). */
  letterTable: Uint16Array
  /** Letter classes that are not one character class (l·l): their regex over the text. */
  letterRegexes: Map<string, RegExp>
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

function fold(text: string): string {
  const lower = text.toLowerCase()
  // (No ASCII folds oddly: most runs need no regex.)
  for (let i = 0; i < lower.length; i++) {
    if (lower.charCodeAt(i) >= 128) return ODD.test(lower) ? lower.replace(ODD_ALL, (c) => ODD_FOLD[c]) : lower
  }
  return lower
}

/** The class of a run's first code unit for `exactFirst`: 1 an ASCII capital, 2 anything else. */
function firstClass(code: number): number {
  return code >= 65 && code <= 90 ? 1 : 2
}

/** Mixed into an exact pair's second hash: its first letter's case class (see firstClass). */
function classMix(code: number): number {
  return firstClass(code) === 1 ? 0x5bd1e995 : 0
}

export interface Term {
  /** The term as written (a phrase pattern when `syntax`). */
  text: string
  /** Its regex source. */
  source: string
  /** How much of a scan's view it reads (see ScanView). */
  reach?: number
}

/**
 * A phrase pattern (src/match/syntax.ts) as a term, its regex source written on first use:
 * most terms of a long list are never in a regex that a run compiles. (A class: an object
 * literal with a getter is slow to make, thousands at start-up.)
 */
export class PatternTerm implements Term {
  private written: string | undefined
  constructor(readonly text: string) {}
  get source(): string {
    return (this.written ??= phraseSource(this.text))
  }
}

/**
 * The possible second runs of letters and digits of a term: a match has one of
 * them as the text's next run, since what comes between is signs and spaces.
 * Undefined when the term has none, or when a placeholder or an optional part
 * comes first; an alternative (a|b c) gives the first run of each option.
 */
function secondRuns(text: string, first: string, syntax: boolean): string[] | undefined {
  // `{ ( [ \\` (by char code: this runs for every character of thousands of terms).
  const special = (char: string) => {
    if (!syntax) return false
    const c = char.charCodeAt(0)
    return c === 123 || c === 40 || c === 91 || c === 92
  }
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

/** The regex source of some terms between boundaries, each term in a capture group when `capture`. */
function sourceOf(terms: Term[], before: string, after: string, capture: boolean): string {
  return `${before}(?:${terms.map((t) => (capture ? `(${t.source})` : `(?:${t.source})`)).join('|') || '(?!)'})${after}`
}

/**
 * The texts a term can start as, for keying: the term itself, or, when it opens
 * with alternatives (`(a|b c) rest`), each option with the rest (`a rest`,
 * `b c rest`). `{n}` and `{word}` options stand for themselves. Undefined when
 * the options cannot be told by their first run: an option that is not its own
 * run when letters follow the group (`(un|dis)able`).
 */
function startTexts(text: string, syntax: boolean): string[] | undefined {
  if (!syntax || !text.startsWith('(')) return [text]
  const close = text.indexOf(')')
  if (close < 0) return undefined
  const rest = text.slice(close + 1)
  const ends = rest === '' || wordCharAt(rest, 0) === 0
  const options = text.slice(1, close).split('|')
  if (!ends && options.some((o) => o.startsWith('{') || leadingWord(o) === o)) return undefined
  return options.map((o) => o + rest)
}

/** A term under one key: its possible second runs (undefined: not known, try it whatever follows). */
type Keyed = Map<Term, string[] | undefined>

function keyTerm(map: Map<string, Keyed>, key: string, term: Term, seconds: string[] | undefined): void {
  let keyed = map.get(key)
  if (!keyed) map.set(key, (keyed = new Map()))
  // Two options with one first run (`(the|The) x`, caseless): either second run.
  if (keyed.has(term)) {
    const known = keyed.get(term)
    keyed.set(term, known && seconds ? [...known, ...seconds] : undefined)
  } else keyed.set(term, seconds)
}

/** The terms of one key by second run (each with the terms of no known second run, in their order), and those of no known one. */
function bySecondRun(keyed: Keyed, caseless: boolean): {bySecond: Map<string, Term[]>; open: Term[]} {
  const bySecond = new Map<string, Term[]>()
  const open: Term[] = []
  for (const [t, seconds] of keyed) {
    if (!seconds) {
      open.push(t)
      for (const terms of bySecond.values()) terms.push(t)
      continue
    }
    for (const raw of new Set(seconds.map((r) => (caseless ? fold(r) : r)))) {
      let terms = bySecond.get(raw)
      if (!terms) bySecond.set(raw, (terms = [...open]))
      terms.push(t)
    }
  }
  return {bySecond, open}
}

/**
 * Add a list of terms (phrase patterns when `syntax`, else literal text) as a
 * group; returns its index. Case-insensitive when `caseless`.
 */
export function addGroup(set: PhraseSet, group: Group, terms: Term[], caseless: boolean, syntax: boolean): number {
  const index = set.groups.length
  set.groups.push(group)
  set.terms.push(terms)
  const flags = caseless && !group.caseInSource ? 'iuy' : 'uy'
  const capture = group.collect === true
  const every = group.every === true
  const before = group.before ?? BEFORE
  const after = group.after ?? AFTER
  // The default lookbehind holds at the start of a run: left out there (each \p{…} class adds to the compile time).
  const beforeAtRun = group.before === undefined ? '' : before
  const lazy = (list: Term[], at: string): Lazy => ({terms: list, before: at, after, capture, flags, every, regex: undefined})
  const runs = new Map<string, Keyed>()
  const signs = new Map<string, Keyed>()
  /** The terms of an `every` group tried at each run that starts with a number (`{n}` first, by the run after the number), or at each run. */
  const digitKeys = new Map<string, Keyed>()
  const anywhere: Term[] = []
  for (const term of terms) {
    const written = syntax ? term.text.trim() : term.text
    const starts = startTexts(written, syntax)
    const keys: Array<[Map<string, Keyed>, string, string[] | undefined]> = []
    let wild: 'digits' | 'anywhere' | undefined
    for (const text of starts ?? []) {
      if (text.startsWith('{n}') && syntax) {
        wild = wild === 'anywhere' ? 'anywhere' : 'digits'
        keys.push([digitKeys, '{n}', secondRuns(text, '{n}', syntax)])
        continue
      }
      const run = leadingWord(text)
      // After the first run comes a literal sign (or nothing): the text's run must be exactly that one.
      // A placeholder, an alternative or an escape there could go on with letters: no key.
      const next = text.slice(run.length, run.length + 1)
      const first = String.fromCodePoint(text.codePointAt(0) ?? 0)
      if (text === '' || (syntax && /^[{([\\]/.test(run ? next : first)) || (!run && first.length > 1)) {
        wild = 'anywhere'
        continue
      }
      if (run) keys.push([runs, caseless ? fold(run) : run, secondRuns(text, run, syntax)])
      else keys.push([signs, caseless ? fold(first) : first, undefined])
    }
    if (!starts) wild = 'anywhere'
    if (wild && !every) {
      // A term that cannot all be keyed by its first run: the group's regex over the whole text.
      group.fallback = new RegExp(sourceOf(terms, before, after, capture), caseless && !group.caseInSource ? 'giu' : 'gu')
      return index
    }
    if (wild === 'anywhere') {
      anywhere.push(term)
      continue
    }
    for (const [map, key, seconds] of keys) keyTerm(map, key, term, seconds)
  }
  for (const [k, keyed] of runs) {
    const list = [...keyed.keys()]
    // A term that is one run, matched case-sensitively between the default boundaries: the run is the match.
    const plain = !caseless && !capture && group.before === undefined && group.after === undefined && list.every((t) => t.text === k)
    const target = mapOf(caseless ? set.folded : set.exact)
    // One shape for every attempt (the scan stays monomorphic).
    let attempt: Attempt = {group: index, plain: true, caseless, bySecond: undefined, open: undefined}
    if (!plain) {
      const {bySecond, open} = bySecondRun(keyed, caseless)
      const lazies = new Map<string, Lazy>()
      for (const [second, terms] of bySecond) lazies.set(second, lazy(terms, beforeAtRun))
      attempt = {group: index, plain: false, caseless, bySecond: lazies, open: open.length ? lazy(open, beforeAtRun) : undefined}
    }
    const attempts = target.get(k)
    if (attempts) attempts.push(attempt)
    else target.set(k, [attempt])
    // A run's slot: 1 when it must always be looked up, 2 when only if its pair with the next run is marked.
    const ascii = (text: string) => /^[\x00-\x7f]*$/.test(text)
    if (caseless && !ascii(k)) continue // found by the runs that are not ASCII, always looked up
    const [hashes, pairs] = caseless ? [set.foldedHashes, set.foldedPairs] : [set.exactHashes, set.exactPairs]
    // Hashed as the scan hashes runs: ASCII letters lowercased, for the exact keys too.
    const h = hash(k, true)
    const always = attempt.plain || attempt.open !== undefined
    hashes[slot(h)] = always ? 1 : hashes[slot(h)] || 2
    if (!caseless) set.exactFirst[slot(h)] |= firstClass(k.charCodeAt(0))
    // A next run that is not ASCII is always let through for the caseless groups.
    // An exact pair also keeps the case class of the second run's first letter (`the World`, not `the world`).
    for (const second of attempt.bySecond?.keys() ?? []) {
      if (caseless ? ascii(second) : true) pairs[slot(pair(h, hash(second, true) ^ (caseless ? 0 : classMix(second.charCodeAt(0)))))] = 1
    }
  }
  for (const [k, keyed] of signs) {
    const target = mapOf(caseless ? set.foldedSigns : set.exactSigns)
    const attempt: Attempt = {group: index, plain: false, caseless, bySecond: new Map(), open: lazy([...keyed.keys()], before)}
    const attempts = target.get(k)
    if (attempts) attempts.push(attempt)
    else target.set(k, [attempt])
    // Every code unit that may fold to the sign (signs rarely have case).
    for (const variant of [k, k.toLowerCase(), k.toUpperCase()]) if (variant.length === 1) set.signCodes[variant.charCodeAt(0)] = 1
  }
  const digits = digitKeys.get('{n}')
  if (digits) {
    const {bySecond, open} = bySecondRun(digits, caseless)
    const lazies = new Map<string, Lazy>()
    for (const [second, terms] of bySecond) lazies.set(second, lazy(terms, beforeAtRun))
    set.digitAttempts.push({group: index, plain: false, caseless, bySecond: lazies, open: open.length ? lazy(open, beforeAtRun) : undefined})
  }
  if (anywhere.length) set.anyAttempts.push({group: index, plain: false, caseless, bySecond: new Map(), open: lazy(anywhere, beforeAtRun)})
  return index
}

/** The Map of a set that addGroup builds (a set thawed from the build is complete: no group is added to it). */
function mapOf(keys: KeyIndex): Map<string, Attempt[]> {
  if (!(keys instanceof Map)) throw new Error('addGroup: a set loaded from the build takes no more groups')
  return keys as Map<string, Attempt[]>
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

/** Matches of a global `regex` (one capture group per term of `terms`) in `text`, as exec finds them. */
function collectMatches(regex: RegExp, terms: Term[], text: string): PhraseMatch[] {
  regex.lastIndex = 0
  const out: PhraseMatch[] = []
  let match: RegExpExecArray | null
  while ((match = regex.exec(text))) {
    if (match[0] === '') {
      regex.lastIndex++
      continue
    }
    out.push({index: match.index, text: match[0], term: terms[termOf(match)]})
  }
  return out
}

/** The term a match of a capturing regex is of: its first capture group that took part. */
function termOf(match: RegExpExecArray): number {
  for (let i = 1; i < match.length; i++) if (match[i] !== undefined) return i - 1
  return -1
}

function letterMask(set: PhraseSet, code: number): number {
  const mask = set.letterTable[code]
  return mask === 0 ? newLetter(set, code) : mask & 255
}

/** A code unit seen for the first time (kept out of letterMask, which is inlined in the scan). */
function newLetter(set: PhraseSet, code: number): number {
  const char = String.fromCharCode(code)
  let mask = 256
  set.letterTests.forEach((test, i) => {
    if (test.test(char)) mask |= 1 << i
  })
  set.letterTable[code] = mask
  return mask & 255
}

export interface ScanResult {
  /** Per group, its matches (as the group's regex run with exec finds them), capped per distinct matched text. */
  counts: number[]
  /** Per collecting group, its matches (uncapped); undefined for the others. */
  found: Array<PhraseMatch[] | undefined>
  /** Per letter key, the letters counted. */
  letters: Map<string, number>
}

/** The regex of a Lazy's terms, compiled on first use. */
function lazyRegex(lazy: Lazy): RegExp {
  return (lazy.regex ??= new RegExp(sourceOf(lazy.terms, lazy.before, lazy.after, lazy.capture), lazy.flags))
}

/** The sticky regex of one term of an `every` group, compiled on first use. */
function singleRegex(set: PhraseSet, lazy: Lazy, term: Term): RegExp {
  let regex = set.single.get(term)
  if (!regex) set.single.set(term, (regex = new RegExp(`${lazy.before}(?:${term.source})${lazy.after}`, lazy.flags)))
  return regex
}

/** Compile every regex of `set` now, as the scan would on use (a test checks each one for catastrophic backtracking). */
export function compileAll(set: PhraseSet): void {
  const all = (keys: KeyIndex) => [...keys.keys()].map((k) => keys.get(k)!)
  const lists = [...all(set.exact), ...all(set.folded), ...all(set.exactSigns), ...all(set.foldedSigns), set.digitAttempts, set.anyAttempts]
  for (const list of lists) {
    for (const attempt of list) {
      for (const lazy of [attempt.open, ...(attempt.bySecond?.values() ?? [])]) {
        if (!lazy) continue
        if (lazy.every) for (const term of lazy.terms) singleRegex(set, lazy, term)
        else lazyRegex(lazy)
      }
    }
  }
}

/**
 * What an `every` group's regexes read at a position of the scanned text: another
 * string (a rendering of the text from there, such as the word line of
 * word-phrases.ts), read from its start, as far as `reach` (the most any term to
 * try reads: Term.reach); undefined when nothing can start there.
 */
export type ScanView = (start: number, reach: number, word: number) => string | undefined

/** A word the scan may start a phrase at (src/match/word-text.ts `Word`): where it starts. */
export interface RunStart {
  start: number
}

/**
 * Read `text` once: every group's count (and matches, for the collecting groups) and the letters of each key.
 * With a `view`, each `every` group's candidates are confirmed in what the view gives at their position.
 */
export function scan(set: PhraseSet, text: string, view?: ScanView, words?: readonly RunStart[], candidates?: readonly number[]): ScanResult {
  const {groups, exact, folded, exactSigns, foldedSigns, signCodes, exactHashes, exactFirst, foldedHashes, exactPairs, foldedPairs} = set
  /** Non-ASCII runs are looked up in the folded keys only if there are any (a names set has none). */
  const anyFolded = folded.size > 0 ? 1 : 0
  const counts = groups.map(() => 0)
  const found: Array<PhraseMatch[] | undefined> = groups.map((g) => (g.collect ? [] : undefined))
  /** Where each group's last match ended: its next match starts there or later (exec semantics). */
  const ends = groups.map(() => 0)
  /** Matches per distinct matched text, for the capped groups (made on a group's first match). */
  const seen: Array<Map<string, number> | undefined> = groups.map(() => undefined)
  const letterCounts = set.letterTests.map(() => 0)
  /** The terms of the `every` groups tried at this position already (a term may be keyed twice: `({n}|3d) x`). */
  let triedAt = -1
  const tried = new Set<Term>()
  /** The lists tried at triedAt, and the first: its terms go in `tried` only when a second list is tried there (rare). */
  let listsAt = 0
  let firstTried: Lazy | undefined
  /** What the view gives at triedAt, and how far. */
  let viewed: string | undefined
  let viewedReach = -1
  const tryEach = (lazy: Lazy, group: number, start: number) => {
    if (triedAt !== start) {
      triedAt = start
      listsAt = 0
      viewedReach = -1
    }
    if (!view) viewed = text
    else {
      const reach = (lazy.reach ??= lazy.terms.reduce((most, t) => Math.max(most, t.reach ?? 0), 0))
      if (reach > viewedReach) {
        viewed = view(start, reach, at)
        viewedReach = reach
      }
    }
    if (viewed === undefined) return
    const again = listsAt > 0
    if (listsAt === 0) firstTried = lazy
    else if (listsAt === 1) {
      tried.clear()
      for (const term of firstTried!.terms) tried.add(term)
    }
    listsAt++
    const regexes = (lazy.singles ??= lazy.terms.map((term) => singleRegex(set, lazy, term)))
    for (let k = 0; k < regexes.length; k++) {
      const term = lazy.terms[k]
      if (again) {
        if (tried.has(term)) continue
        tried.add(term)
      }
      const regex = regexes[k]
      regex.lastIndex = view ? 0 : start
      const match = regex.exec(viewed)
      if (!match) continue
      found[group]!.push({index: start, text: match[0], term, parts: match.slice(1), word: at})
      counts[group]++
    }
  }
  const {digitAttempts, anyAttempts} = set
  const wild = digitAttempts.length + anyAttempts.length > 0
  const attempt = (list: Attempt[], start: number, run: string | undefined, end: number) => {
    /** The text's next run after this one, as written and folded. */
    let next: string | undefined
    let nextFolded: string | undefined
    for (const entry of list) {
      const group = entry.group
      if (start < ends[group]) continue
      let matched: string
      let term: Term | undefined
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
        if (terms.every) {
          tryEach(terms, group, start)
          continue
        }
        const regex = lazyRegex(terms)
        regex.lastIndex = start
        const match = regex.exec(text)
        if (!match) continue
        matched = match[0]
        if (terms.capture) term = terms.terms[termOf(match)]
      } else matched = run!
      ends[group] = start + matched.length
      if (term) found[group]!.push({index: start, text: matched, term})
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
    const mask = letterMask(set, code)
    if (mask) for (let l = 0; l < letterCounts.length; l++) if (mask & (1 << l)) letterCounts[l]++
  }
  const {letterFrom} = set
  const n = text.length
  /** Where the last number read for the `{n}` phrases ends. */
  let numberTo = -1
  let i = 0
  /** The word being read (findPhrasesAtWords), else -1; the next word or candidate to read. */
  let at = -1
  let nextAt = 0
  const byWords = words !== undefined
  const last = candidates ? candidates.length : words ? words.length : 0
  while (byWords ? nextAt < last : i < n) {
    let c: number
    if (byWords) {
      at = candidates ? candidates[nextAt++] : nextAt++
      i = words[at].start
      c = text.charCodeAt(i)
    } else {
      c = text.charCodeAt(i)
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
    if (wild) {
      if (anyAttempts.length) attempt(anyAttempts, start, undefined, i)
      // A `{n}` phrase is narrowed by the run after the whole number (`1,5 millions`); a run inside
      // the last number read ends where it does (`1,1,1,…` is read once).
      if (digitAttempts.length && (c < 128 ? c <= 57 : classOf(text.codePointAt(start)!) === NUMBER)) {
        if (i > numberTo) numberTo = numberEnd(text, i)
        attempt(digitAttempts, start, undefined, numberTo)
      }
    }
    // A run with other than ASCII may fold in other ways (ſ, K): always looked up.
    let exactSlot = exactHashes[slot(h)]
    if (exactSlot !== 0 && (exactFirst[slot(h)] & firstClass(c)) === 0) exactSlot = 0
    let foldedSlot = ascii ? foldedHashes[slot(h)] : anyFolded
    if (exactSlot === 0 && foldedSlot === 0) continue
    if (exactSlot === 2 || foldedSlot === 2) {
      // Only some pairs of runs start a term: hash the next run (the, in, you are common).
      const from = nextWord(text, i)
      const nextFirst = text.charCodeAt(from)
      const to = wordEnd(text, from)
      const next = hashRange(text, from, to, true)
      let nextAscii = true
      for (let k = from; k < to && nextAscii; k++) if (text.charCodeAt(k) >= 128) nextAscii = false
      if (exactSlot === 2 && !exactPairs[slot(pair(h, next ^ classMix(nextFirst)))]) exactSlot = 0
      if (foldedSlot === 2 && nextAscii && !foldedPairs[slot(pair(h, next))]) foldedSlot = 0
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
    if (!group.fallback) return
    counts[g] = countMatches(group.fallback, text, group.cap)
    if (group.collect) found[g] = collectMatches(group.fallback, set.terms[g], text)
  })
  const letters = new Map<string, number>()
  set.letterKeys.forEach((key, i) => letters.set(key, letterCounts[i]))
  for (const [key, regex] of set.letterRegexes) letters.set(key, countMatches(regex, text))
  return {counts, found, letters}
}

/** Where a number that goes on at `i` ends: over `.` or `,` between digits (`{n}`, `1,5`), the run of a number before. */
function numberEnd(text: string, i: number): number {
  while (i + 1 < text.length && (text.charCodeAt(i) === 46 || text.charCodeAt(i) === 44) && isNumberAt(text, i + 1)) {
    i++
    while (i < text.length && isNumberAt(text, i)) i += text.codePointAt(i)! > 0xffff ? 2 : 1
  }
  return i
}

function isNumberAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i)
  return c < 128 ? c >= 48 && c <= 57 : classOf(text.codePointAt(i)!) === NUMBER
}

/** The matches of one collecting group of `set` in `text`. */
export function findPhrases(set: PhraseSet, group: number, text: string, view?: ScanView): PhraseMatch[] {
  return scan(set, text, view).found[group] ?? []
}

/**
 * The matches of one `every` group of `set` that start at the first run of one
 * of `words` (in text order, as scanWords gives them): what findPhrases finds
 * with a view that gives nothing at any other run, without reading the text
 * between them. Each match has its word's index (`word`), which the view is given.
 */
export function findPhrasesAtWords(
  set: PhraseSet,
  group: number,
  text: string,
  words: readonly RunStart[],
  view: ScanView,
  candidates?: readonly number[]
): PhraseMatch[] {
  if (!set.groups.every((g) => g.every) || set.letterKeys.length + set.letterRegexes.size + set.exactSigns.size + set.foldedSigns.size > 0) {
    throw new Error('findPhrasesAtWords reads the `every` groups of a set with no signs and no letters')
  }
  return scan(set, text, view, words, candidates).found[group] ?? []
}

/**
 * What a word scan (word-text.ts scanWords) can tell of the words `set` may
 * start a phrase at, from the hashes of their first runs as it reads them; the
 * words it passes are `findPhrasesAtWords`'s candidates. Undefined when it
 * cannot tell: case-sensitive keys (their pairs mix in the case of the next
 * run) or phrases tried at every run.
 */
export function runFilter(set: PhraseSet): RunFilter | undefined {
  if (set.exact.size > 0 || set.anyAttempts.length > 0) return undefined
  return {slots: set.foldedHashes, pairs: set.foldedPairs, numbers: set.digitAttempts.length > 0}
}

/** One group of a set: addGroup's arguments. */
export interface GroupSpec {
  group: Group
  terms: Term[]
  caseless: boolean
  syntax: boolean
}

/** A set of `specs`, group i being specs[i]. */
export function buildSet(specs: readonly GroupSpec[]): PhraseSet {
  const set = newPhraseSet()
  for (const {group, terms, caseless, syntax} of specs) addGroup(set, group, terms, caseless, syntax)
  return set
}

/** A set with no group yet. */
export function newPhraseSet(): PhraseSet {
  return {
    terms: [],
    groups: [],
    exact: new Map(),
    folded: new Map(),
    exactSigns: new Map(),
    foldedSigns: new Map(),
    digitAttempts: [],
    anyAttempts: [],
    single: new Map(),
    signCodes: new Uint8Array(65536),
    exactHashes: new Uint8Array(SLOTS),
    exactFirst: new Uint8Array(SLOTS),
    foldedHashes: new Uint8Array(SLOTS),
    exactPairs: new Uint8Array(SLOTS),
    foldedPairs: new Uint8Array(SLOTS),
    // No letters to count until some are added (see finishLetters).
    letterFrom: 0x10000,
    letterKeys: [],
    letterTests: [],
    letterTable: new Uint16Array(0),
    letterRegexes: new Map()
  }
}

/** Count the letters of `regex` under `key`: per code unit when it is one character class, else with the regex. */
export function addLetters(set: PhraseSet, key: string, regex: RegExp): void {
  // (A character may be written \uXXXX: the binary's regexes are written in ASCII, scripts/build-bin.mjs.)
  if (/^\[(?:[^\]\\]|\\u[0-9a-fA-F]{4})+\]$/.test(regex.source)) {
    set.letterKeys.push(key)
    set.letterTests.push(new RegExp(regex.source, 'iu'))
  } else set.letterRegexes.set(key, regex)
}

/** Done adding letters: the lowest code unit that may be one (non-ASCII code units are always tested). */
export function finishLetters(set: PhraseSet): PhraseSet {
  if (set.letterTests.length === 0) return set
  set.letterTable = new Uint16Array(0x10000)
  set.letterFrom = 128
  for (let c = 0; c < 128; c++) if (letterMask(set, c)) set.letterFrom = Math.min(set.letterFrom, c)
  return set
}

/*
 * A set built at build time (scripts/build-rules.mjs): building the keyed index
 * of thousands of built-in phrases (addGroup) was most of a one-file run's
 * start-up, with its garbage and the optimising compiles it set off. The build
 * writes the set as JSON (freezeSet), a run reads it back (thawSet) with its
 * terms made anew by their owner, in the same order: each key's attempts are
 * decoded when a text first looks that key up, and most keys never are.
 */

/** Bumped whenever the frozen form or what addGroup builds changes: an artefact of another version is not read. */
const FROZEN_VERSION = 1

/** An attempt as stored: its group, plain, its terms by second run ([second, term indexes]) or 0, its open terms or 0. */
type FrozenAttempt = [number, 0 | 1, Array<[string, number[]]> | 0, number[] | 0]

/** A phrase set as stored (see above); letters are not in it (their owner adds them, after thawing). */
export interface FrozenSet {
  version: number
  /** Per group: the group (its fallback as source and flags), whether caseless, its term count. */
  groups: Array<{group: Omit<Group, 'fallback'> & {fallback?: [string, string]}; caseless: boolean; terms: number}>
  /** A hash of the terms' texts, in order: the terms given to thawSet must be those frozen. */
  texts: number
  /** Per key index: [key, its attempts as JSON of FrozenAttempt[]]. */
  exact: Array<[string, string]>
  folded: Array<[string, string]>
  exactSigns: Array<[string, string]>
  foldedSigns: Array<[string, string]>
  digitAttempts: FrozenAttempt[]
  anyAttempts: FrozenAttempt[]
  /** The byte tables: per value 1 to 3, the slots that hold it (as gaps from the last). */
  tables: Record<'signCodes' | 'exactHashes' | 'exactFirst' | 'foldedHashes' | 'exactPairs' | 'foldedPairs', number[][]>
}

const TABLES = ['signCodes', 'exactHashes', 'exactFirst', 'foldedHashes', 'exactPairs', 'foldedPairs'] as const

function textsHash(terms: readonly Term[][]): number {
  let h = terms.length
  for (const list of terms) {
    h = (Math.imul(h, 31) + list.length) | 0
    for (const term of list) h = (Math.imul(h, 31) + hash(term.text, false)) | 0
  }
  return h
}

/** `set` (made by newPhraseSet and addGroup) as JSON-ready data. */
export function freezeSet(set: PhraseSet): FrozenSet {
  const index = set.terms.map((list) => {
    const map = new Map<Term, number>()
    list.forEach((t, i) => map.set(t, i))
    if (map.size !== list.length) throw new Error('freezeSet: a term is listed twice')
    return map
  })
  const lazyIndexes = (group: number, lazy: Lazy) => lazy.terms.map((t) => index[group].get(t)!)
  const attempt = (a: Attempt): FrozenAttempt => [
    a.group,
    a.plain ? 1 : 0,
    a.bySecond && a.bySecond.size ? [...a.bySecond].map(([second, lazy]): [string, number[]] => [second, lazyIndexes(a.group, lazy)]) : 0,
    a.open ? lazyIndexes(a.group, a.open) : 0
  ]
  const keys = (map: KeyIndex) => [...map.keys()].map((k): [string, string] => [k, JSON.stringify(map.get(k)!.map(attempt))])
  const tables = {} as FrozenSet['tables']
  for (const name of TABLES) {
    const bytes = set[name]
    const byValue: number[][] = [[], [], []]
    const last = [-1, -1, -1]
    bytes.forEach((v, i) => {
      if (v === 0) return
      if (v > 3) throw new Error(`freezeSet: ${name} holds ${v}`)
      byValue[v - 1].push(i - last[v - 1])
      last[v - 1] = i
    })
    tables[name] = byValue
  }
  return {
    version: FROZEN_VERSION,
    groups: set.groups.map((group, g) => {
      const {fallback, ...rest} = group
      const caseless = caselessOf(set, g)
      return {group: fallback ? {...rest, fallback: [fallback.source, fallback.flags]} : rest, caseless, terms: set.terms[g].length}
    }),
    texts: textsHash(set.terms),
    exact: keys(set.exact),
    folded: keys(set.folded),
    exactSigns: keys(set.exactSigns),
    foldedSigns: keys(set.foldedSigns),
    digitAttempts: set.digitAttempts.map(attempt),
    anyAttempts: set.anyAttempts.map(attempt),
    tables
  }
}

/** Whether group `g` of a built set is caseless, as its attempts tell (a group with none: it does not matter). */
function caselessOf(set: PhraseSet, g: number): boolean {
  for (const keys of [set.exact, set.folded, set.exactSigns, set.foldedSigns]) {
    for (const k of keys.keys()) for (const a of keys.get(k)!) if (a.group === g) return a.caseless
  }
  for (const a of [...set.digitAttempts, ...set.anyAttempts]) if (a.group === g) return a.caseless
  return false
}

/** Key → attempts decoded on first look-up. */
class FrozenKeys implements KeyIndex {
  private readonly decoded = new Map<string, Attempt[]>()
  constructor(
    private readonly encoded: Map<string, string>,
    private readonly decode: (attempt: FrozenAttempt) => Attempt
  ) {}
  get size(): number {
    return this.encoded.size
  }
  get(key: string): Attempt[] | undefined {
    let attempts = this.decoded.get(key)
    if (attempts === undefined) {
      const code = this.encoded.get(key)
      if (code === undefined) return undefined
      this.decoded.set(key, (attempts = (JSON.parse(code) as FrozenAttempt[]).map(this.decode)))
    }
    return attempts
  }
  keys(): Iterable<string> {
    return this.encoded.keys()
  }
}

/**
 * The set `frozen` was made from, with `terms` (each group's, as its owner makes
 * them, in the frozen order) in it; undefined when `frozen` is of another version
 * or of other terms (then build the set with addGroup).
 */
export function thawSet(frozen: FrozenSet, terms: Term[][]): PhraseSet | undefined {
  if (frozen.version !== FROZEN_VERSION || frozen.groups.length !== terms.length) return undefined
  if (frozen.groups.some((g, i) => g.terms !== terms[i].length) || frozen.texts !== textsHash(terms)) return undefined
  const set = newPhraseSet()
  const groups = frozen.groups.map(({group}): Group => {
    const {fallback, ...rest} = group
    return fallback ? {...rest, fallback: new RegExp(fallback[0], fallback[1])} : {...rest}
  })
  set.groups = groups
  set.terms = terms
  // As addGroup makes them (same shapes and fields): see `lazy` and the attempts there.
  const make = (signs: boolean) => {
    return ([g, plain, bySecond, open]: FrozenAttempt): Attempt => {
      const group = groups[g]
      const caseless = frozen.groups[g].caseless
      const before = group.before ?? BEFORE
      const at = signs || group.before !== undefined ? before : ''
      const lazy = (list: number[]): Lazy => ({
        terms: list.map((i) => terms[g][i]),
        before: at,
        after: group.after ?? AFTER,
        capture: group.collect === true,
        flags: caseless && !group.caseInSource ? 'iuy' : 'uy',
        every: group.every === true,
        regex: undefined
      })
      if (plain) return {group: g, plain: true, caseless, bySecond: undefined, open: undefined}
      const lazies = new Map<string, Lazy>()
      if (bySecond) for (const [second, list] of bySecond) lazies.set(second, lazy(list))
      return {group: g, plain: false, caseless, bySecond: lazies, open: open ? lazy(open) : undefined}
    }
  }
  const runs = make(false)
  const signs = make(true)
  set.exact = new FrozenKeys(new Map(frozen.exact), runs)
  set.folded = new FrozenKeys(new Map(frozen.folded), runs)
  set.exactSigns = new FrozenKeys(new Map(frozen.exactSigns), signs)
  set.foldedSigns = new FrozenKeys(new Map(frozen.foldedSigns), signs)
  set.digitAttempts = frozen.digitAttempts.map(runs)
  set.anyAttempts = frozen.anyAttempts.map(runs)
  for (const name of TABLES) {
    const bytes = set[name]
    frozen.tables[name].forEach((gaps, v) => {
      let i = -1
      for (const gap of gaps) bytes[(i += gap)] = v + 1
    })
  }
  return set
}

/*
 * Units: phrases that must be a whole unit (a line, a sentence, a label and its
 * separator), case-insensitive, as one regex `before(?:(t1)|(t2)|…)after` run on
 * the unit (the unit phrases' `before` starts with `^`, their `after` mostly
 * ends with `$`), the longest phrase first. A unit is tried only against the
 * phrases that start with its first run (after bullets and dashes), keyed and
 * narrowed by the second run as the scan's terms are, plus those that start
 * with a placeholder; each key's regex is compiled the first time a unit
 * starts with it.
 */

/** The phrases of units, indexed by first run. */
export interface UnitPhrases<E> {
  before: string
  after: string
  /** Per first run (folded), or first sign: each phrase and the text it starts as there (see startTexts). */
  byKey: Map<string, Array<[Term, string]>>
  /** Per key, made the first time a unit starts with it: the phrases by the unit's second run, and those of any second run. */
  bySecond: Map<string, {bySecond: Map<string, Lazy>; open: Lazy | undefined}>
  /** The phrases that start with a placeholder (or an escape, an optional part), tried on every unit they may match. */
  wild: Lazy | undefined
  /** Per wild phrase (longest first, as unitRegex orders them), what a unit needs to match it (see wildFor), read on first use. */
  needs: WildNeed[] | undefined
  /** The wild phrases a unit may match, by the indexes of those phrases: each subset's regex compiled on first use. */
  wildSubsets: Map<string, Lazy>
  endAnchored: boolean
  entries: Map<Term, E>
  /** Each term's own regex, for matchUnitAll. */
  single: Map<Term, RegExp>
}

const LEAD_CHARS = /^[\s\-–—•*·>»|#¿¡]+/u

/** A sign as a unit key: the apostrophes and backquote are one (the syntax reads each as all). */
function unitSign(char: string): string {
  return fold(char.replace(/[’‘`]/, "'"))
}

/**
 * Index `pairs` (an entry, a phrase of src/match/syntax.ts) as unit phrases between
 * `before` and `after`; `endAnchored` when `after` ends the unit, so that a wild
 * phrase can be ruled out by the unit's last word.
 */
export function unitPhrases<E>(pairs: Array<[E, string]>, before: string, after: string, endAnchored = false): UnitPhrases<E> {
  // Each source written on first use (writing all of them took a third of the set-up).
  const terms = pairs.map(([, phrase]): Term => new PatternTerm(phrase))
  const entries = new Map<Term, E>(terms.map((t, i) => [t, pairs[i][0]]))
  const byKey = new Map<string, Array<[Term, string]>>()
  const wild: Term[] = []
  for (const term of terms) {
    const text = term.text.trim().replace(LEAD_CHARS, '')
    const found: Array<[string, string]> = []
    let unkeyed = false
    for (const start of startTexts(text, true) ?? ['{']) {
      const run = leadingWord(start)
      // The run ends before a sign, and before an optional part (compiled with the space before it).
      if (run && !/[{(\\]/.test(start.charAt(run.length))) found.push([fold(run), start])
      else if (start.startsWith('\\') && start.length > 1 && wordCharAt(start, 1) === 0) found.push([unitSign(start[1]), ''])
      else if (!run && start !== '' && !/^[{([\\]/.test(start) && start.codePointAt(0)! < 0x10000) found.push([unitSign(start[0]), ''])
      else unkeyed = true
    }
    if (unkeyed) wild.push(term)
    else {
      for (const [key, start] of found) {
        const list = byKey.get(key)
        if (list) list.push([term, start])
        else byKey.set(key, [[term, start]])
      }
    }
  }
  return {before, after, byKey, bySecond: new Map(), wild: wild.length ? unitLazy(wild, before, after) : undefined, needs: undefined, wildSubsets: new Map(), endAnchored, entries, single: new Map()}
}

function unitLazy(terms: Term[], before: string, after: string): Lazy {
  return {terms, before, after, capture: true, flags: 'iu', every: false, regex: undefined}
}

/** Where a unit's first run (or sign) starts, after bullets and dashes; the length when none. */
function unitStart(text: string): number {
  let i = 0
  while (i < text.length && isLeadCode(text.charCodeAt(i))) i++
  return i
}

/** The key of a unit (see unitPhrases): its first run, folded, or its first sign; undefined when it is all bullets. */
export function unitKey(text: string): string | undefined {
  const i = unitStart(text)
  if (i === text.length) return undefined
  if (wordCharAt(text, i) > 0) return fold(text.slice(i, wordEnd(text, i)))
  return unitSign(String.fromCodePoint(text.codePointAt(i)!))
}

/** Whether a unit whose key (unitKey) is `key` can match any phrase. */
export function canStartUnit<E>(units: UnitPhrases<E>, key: string | undefined): boolean {
  return units.wild !== undefined || (key !== undefined && units.byKey.has(key))
}

/** The phrases of one key by second run, made on first use (most keys never start a unit). */
function keyEntry<E>(units: UnitPhrases<E>, key: string): {bySecond: Map<string, Lazy>; open: Lazy | undefined} | undefined {
  let entry = units.bySecond.get(key)
  if (entry) return entry
  const list = units.byKey.get(key)
  if (!list) return undefined
  const keyed = new Map<string, Keyed>()
  // A sign key ('' as the text) has no second run to narrow by.
  for (const [term, start] of list) keyTerm(keyed, key, term, start ? secondRuns(start, leadingWord(start), true) : undefined)
  const {bySecond, open} = bySecondRun(keyed.get(key)!, true)
  const {before, after} = units
  entry = {bySecond: new Map([...bySecond].map(([second, terms]) => [second, unitLazy(terms, before, after)])), open: open.length ? unitLazy(open, before, after) : undefined}
  units.bySecond.set(key, entry)
  return entry
}

/** The keyed phrases a unit may match: those of its first run, narrowed by its second run. */
function keyedFor<E>(units: UnitPhrases<E>, text: string, key: string | undefined): Lazy | undefined {
  const entry = key === undefined ? undefined : keyEntry(units, key)
  if (!entry) return undefined
  if (entry.bySecond.size === 0) return entry.open
  return entry.bySecond.get(factsOf(text).secondRun) ?? entry.open
}

/**
 * What the indexes read of a unit besides its key, for the last unit read: one
 * line or sentence is read by several indexes in a row (whole, label, sentence).
 */
const facts = {
  text: '',
  /** The unit's second run, folded. */
  run: undefined as string | undefined,
  word: undefined as string | null | undefined,
  last: undefined as string | null | undefined,
  get secondRun(): string {
    if (this.run === undefined) {
      const from = nextWord(this.text, wordEnd(this.text, unitStart(this.text)))
      this.run = fold(this.text.slice(from, wordEnd(this.text, from)))
    }
    return this.run
  },
  get secondWord(): string | null {
    return this.word === undefined ? (this.word = secondWordOf(this.text)) : this.word
  },
  get lastWord(): string | null {
    return this.last === undefined ? (this.last = lastWordOf(this.text)) : this.last
  }
}

function factsOf(text: string): typeof facts {
  if (facts.text !== text) {
    facts.text = text
    facts.run = facts.word = facts.last = undefined
  }
  return facts
}

/** A unit regex, compiled on first use: its terms longest first ("Read also the {word}" before "Read also"), else in list order. */
function unitRegex(lazy: Lazy): RegExp {
  if (!lazy.regex) lazy.terms.sort((a, b) => b.source.length - a.source.length)
  return (lazy.regex ??= new RegExp(sourceOf(lazy.terms, lazy.before, lazy.after, true), lazy.flags))
}

/** The first phrase that is the whole unit: of the unit's first run, else of the wild phrases. */
export function matchUnit<E>(units: UnitPhrases<E>, text: string, key = unitKey(text)): {entry: E; match: RegExpExecArray} | undefined {
  // The wild phrases are picked only when no keyed one matched.
  return unitMatch(units, keyedFor(units, text, key), text) ?? unitMatch(units, wildFor(units, text, key), text)
}

function unitMatch<E>(units: UnitPhrases<E>, lazy: Lazy | undefined, text: string): {entry: E; match: RegExpExecArray} | undefined {
  const match = lazy && unitRegex(lazy).exec(text)
  return match ? {entry: units.entries.get(lazy!.terms[termOf(match)])!, match} : undefined
}

/** Every phrase that is the whole unit, longest first (for labels, whose title is checked afterwards). */
export function* matchUnitAll<E>(units: UnitPhrases<E>, text: string, key = unitKey(text)): Generator<{entry: E; match: RegExpExecArray}> {
  for (const lazy of [keyedFor(units, text, key), wildFor(units, text, key)]) {
    if (!lazy || !unitRegex(lazy).test(text)) continue
    for (const term of lazy.terms) {
      let regex = units.single.get(term)
      if (!regex) units.single.set(term, (regex = new RegExp(sourceOf([term], lazy.before, lazy.after, true), lazy.flags)))
      const match = regex.exec(text)
      if (match) yield {entry: units.entries.get(term)!, match}
    }
  }
}

interface WildNeed {
  /** The phrase starts with a digit (`{n}`, `{time}`): so must the unit, after bullets. */
  digit: boolean
  /** The phrase ends with one of these words (lowercase ASCII), and so must the unit (TRAIL aside). */
  lastWords?: Set<string>
  /** The phrase is `{word}` or `{n}`, then one of these words (lowercase ASCII): so is the unit. */
  secondWords?: Set<string>
}

/** Lowercase ASCII words of a chunk that is one word or a group of words (`(AFP|Reuters)`). */
function chunkWords(chunk: string): Set<string> | undefined {
  const word = /^[A-Za-z0-9]{1,30}$/.exec(chunk)
  if (word) return new Set([word[0].toLowerCase()])
  const group = /^\(((?:[A-Za-z0-9]{1,30}\|)*[A-Za-z0-9]{1,30})\)$/.exec(chunk)
  return group ? new Set(group[1].split('|').map((w) => w.toLowerCase())) : undefined
}

function wildNeed(phrase: string, endAnchored: boolean): WildNeed {
  const need: WildNeed = {digit: phraseSource(phrase).startsWith('\\d')}
  const chunks = phrase.trim().split(/\s+/)
  // `{word}` and `{n}` hold no space: the unit's second word is the phrase's second chunk.
  if ((chunks[0] === '{word}' || chunks[0] === '{n}') && chunks.length > 1) need.secondWords = chunkWords(chunks[1])
  // Anchored at the end: the unit's last word is the phrase's last chunk.
  if (endAnchored) need.lastWords = chunkWords(chunks[chunks.length - 1])
  return need
}

/**
 * The wild phrases the unit may match: each is ruled out on char codes, by the
 * unit's first character (`{n} …` needs a digit), its second word or its last
 * word (`… with AFP` needs `AFP` to end the unit). Only those left are compiled
 * (each regex class of letters costs about a millisecond to compile), in the
 * order of the whole list, so the first that matches is the one the whole list
 * would give.
 */
function wildFor<E>(units: UnitPhrases<E>, text: string, key: string | undefined): Lazy | undefined {
  const wild = units.wild
  if (!wild) return undefined
  const digit = key !== undefined && key.charCodeAt(0) >= 48 && key.charCodeAt(0) <= 57
  const unit = factsOf(text)
  if (!units.needs) {
    wild.terms.sort((a, b) => b.source.length - a.source.length)
    units.needs = wild.terms.map((term) => wildNeed(term.text, units.endAnchored))
  }
  let picked = ''
  const needs = units.needs
  for (let t = 0; t < needs.length; t++) {
    const need = needs[t]
    if (need.digit && !digit) continue
    if (need.secondWords) {
      const second = unit.secondWord
      if (second !== null && !need.secondWords.has(second)) continue
    }
    if (need.lastWords) {
      const last = unit.lastWord
      if (last !== null && !need.lastWords.has(last)) continue
    }
    picked += t + ','
  }
  if (picked === '') return undefined
  let subset = units.wildSubsets.get(picked)
  if (!subset) {
    const terms = picked.slice(0, -1).split(',').map((t) => wild.terms[Number(t)])
    units.wildSubsets.set(picked, (subset = unitLazy(terms, units.before, units.after)))
  }
  return subset
}

/** A char code of TRAIL's class: white space (as `\s`) or closing punctuation `.!?:;…»"”’)]|`. */
function isTrailCode(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13) || c === 46 || c === 33 || c === 63 || c === 58 || c === 59 || c === 34 || c === 41 || c === 93 || c === 124
  return c === 0x2026 || c === 0xbb || c === 0x201d || c === 0x2019 || isSpaceCode(c)
}

/** A last word no phrase ends with (the unit's ends in a word that is not all ASCII). */
const NO_WORD = '\u0000'

/**
 * The ASCII word (letters and digits, lowercase) that ends `text` before its TRAIL
 * characters: '' when none, NO_WORD when the word holds other letters, null when
 * `ſ` or the Kelvin sign make it uncertain (case-insensitive matching folds them
 * onto `s` and `k`).
 */
function lastWordOf(text: string): string | null {
  let end = text.length
  while (end > 0 && isTrailCode(text.charCodeAt(end - 1))) end--
  let start = end
  while (start > 0) {
    const c = text.charCodeAt(start - 1)
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) start--
    else if (c === 0x17f || c === 0x212a) return null
    // Any other non-ASCII character but a space joins the word: then no ASCII word is the unit's last.
    else if (c >= 128 && !isSpaceCode(c)) return NO_WORD
    else break
  }
  return text.slice(start, end).toLowerCase()
}

/**
 * The second word of `text` (lowercase ASCII letters and digits), as `{word}` or `{n}`
 * then white space leave it: after bullets, the first run without white space, then
 * horizontal white space. '' when there is none; null when non-ASCII makes it uncertain.
 */
function secondWordOf(text: string): string | null {
  let i = unitStart(text)
  while (i < text.length && !isSpaceCode(text.charCodeAt(i))) i++
  // A line break cannot follow `{word}` or `{n}` in a phrase.
  if (i < text.length && (text.charCodeAt(i) === 10 || text.charCodeAt(i) === 13)) return ''
  while (i < text.length && isSpaceCode(text.charCodeAt(i)) && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++
  let end = i
  for (; end < text.length; end++) {
    const c = text.charCodeAt(end)
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) continue
    if (c >= 128) return null
    break
  }
  return text.slice(i, end).toLowerCase()
}

/** A char code that `\s` matches. */
function isSpaceCode(c: number): boolean {
  if (c === 32 || (c >= 9 && c <= 13)) return true
  if (c < 0xa0) return false
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
}

/** A char code of LEAD_CHARS: white space (as `\s`), a dash, a bullet, `>`, `|`, `#`, `¿`, `¡`. */
function isLeadCode(c: number): boolean {
  if (c < 128) return c === 45 || c === 42 || c === 62 || c === 124 || c === 35 || isSpaceCode(c)
  return c === 0x2013 || c === 0x2014 || c === 0x2022 || c === 0xb7 || c === 0xbb || c === 0xbf || c === 0xa1 || isSpaceCode(c)
}

/*
 * Names: phrases matched case-sensitively, each maybe after an article ("The",
 * "the", "THE"), bounded as names are: not after a letter, a digit or
 * `' ’ . -`; not before a letter or a digit, or `- ' ’` and one. As one regex:
 * `(?<![…])((?:[Tt]he|THE)\s+)?(name1|name2|…)(?![…])`, names longest first.
 */
const NAME_BEFORE = `(?<![\\p{L}\\p{M}\\p{N}'’.\\-])`
const NAME_AFTER = `(?![\\p{L}\\p{M}\\p{N}]|[\\-'’][\\p{L}\\p{N}])`
const ARTICLES = ['The', 'the', 'THE']

/** A term of a names group: the name's pattern, after an article or not; its source written on first use. */
class NameTerm implements Term {
  readonly text: string
  readonly article: boolean
  private written: string | undefined
  constructor(
    readonly name: string,
    private readonly prefix: string
  ) {
    this.article = prefix !== ''
    this.text = prefix ? `${prefix} ${name}` : name
  }
  get source(): string {
    return (this.written ??= this.prefix ? `${this.prefix}${HSPACE}+${phraseSource(this.name)}` : phraseSource(this.name))
  }
}

/** A name found: where, the article before it ('' when none) and the name as the text has it. */
export interface NameMatch {
  index: number
  text: string
  article: string
  name: string
}

/**
 * Add `names` (patterns of src/match/syntax.ts) as a collecting group of `set`
 * (see above); returns the group. The article is tried first, as the regex's
 * optional group is: every name after each article, then every name alone.
 */
export function addNames(set: PhraseSet, names: readonly string[]): number {
  return addGroup(set, namesGroup(), nameTerms(names), false, true)
}

/** The group of names (see addNames). */
export function namesGroup(): Group {
  return {collect: true, before: NAME_BEFORE, after: NAME_AFTER}
}

/** The terms of a names group (see addNames), in their order. */
export function nameTerms(names: readonly string[]): Term[] {
  const sorted = [...names].sort((a, b) => b.length - a.length)
  const terms: NameTerm[] = []
  for (const article of ARTICLES) for (const name of sorted) terms.push(new NameTerm(name, article))
  for (const name of sorted) terms.push(new NameTerm(name, ''))
  return terms
}

/** The regex the names group of `names` finds what it finds of (for tests). */
export function namesRegex(names: readonly string[]): RegExp {
  const sorted = [...names].sort((a, b) => b.length - a.length)
  return new RegExp(`${NAME_BEFORE}((?:[Tt]he|THE)${HSPACE}+)?(${sorted.map(phraseSource).join('|') || '(?!)'})${NAME_AFTER}`, 'gu')
}

/** The names of group `group` (added by addNames) in `text`. */
export function findNames(set: PhraseSet, group: number, text: string): NameMatch[] {
  return findPhrases(set, group, text).map(({index, text: matched, term}) => {
    let article = ''
    if ((term as NameTerm).article) {
      let k = 3
      while (k < matched.length && HSPACE_CHARS.test(matched[k])) k++
      article = matched.slice(0, k)
    }
    return {index, text: matched, article, name: matched.slice(article.length)}
  })
}

const HSPACE_CHARS = new RegExp(HSPACE)
