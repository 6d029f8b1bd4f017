import {defineRule} from '../rule.js'
import {classOf, LETTER, NUMBER, OTHER} from '../char-class.js'
import {NONE, WordTrie} from './word-trie.js'
import {loadRuleData, type DataEntry} from '../data/load.js'
import type {Finding, SourceLang} from '../types.js'

/**
 * Contexts an entry's phrase must stand in (field `when`). See docs/rules/calque.md.
 * - `anywhere`: the phrase itself is the calque (with `prev`/`next`/`near` filters).
 * - `after-quote`: right after a closing quote and an optional comma: `”, assures X`.
 * - `before-person`: an inverted subject follows, after a comma/quote/`as`: `, assures a senior official.`
 * - `for-part`: `underlines for his part`, `underlines in turn`.
 * - `before-that`: `underlines that`.
 * - `reporting`: `after-quote` or `before-person` or `for-part`.
 * - `inverted-to`: `explains to AFP a Western source` (suggests `a Western source told AFP`).
 * - `place-possessive`: `his`/`her` whose nearest antecedent is a place or body in `antecedents`.
 */
export type CalqueContext =
  | 'anywhere'
  | 'after-quote'
  | 'before-person'
  | 'for-part'
  | 'before-that'
  | 'reporting'
  | 'inverted-to'
  | 'place-possessive'

export interface CalqueEntry extends DataEntry {
  /** Space-separated tokens; `a|b` alternatives, `x?` optional, `{num}`, `{Cap}`, `{word}`. */
  phrase: string
  when?: CalqueContext | CalqueContext[]
  /** English candidates; `$n` is the text of the phrase's n-th token. */
  suggest: string[]
  /** The source-language expression, for the message. */
  source?: string
  note?: string
  prev?: string[]
  'prev-not'?: string[]
  next?: string[]
  'next-not'?: string[]
  near?: string[]
  'near-not'?: string[]
  /** Only in the `strict` preset. */
  strict?: boolean
  /** Only when `sourceLang` is the entry's language. */
  noisy?: boolean
  antecedents?: string[]
}

export interface CalqueOptions {
  /** Extra YAML files of calque entries. */
  files: string[]
  /** Entry ids to turn off (`off` is accepted as an alias). */
  disable: string[]
  off?: string[]
  sourceLang?: SourceLang
  preset?: 'recommended' | 'strict'
}

const NOTE =
  'Machine translation renders source-language reporting verbs, idioms and constructions word for word ' +
  '(assure → assures, souligner → underlines, dans le viseur → in the sights); the English is grammatical but not idiomatic.'

interface Tok {
  alts: Set<string>
  num: boolean
  cap: boolean
  any: boolean
  optional: boolean
}

interface Compiled {
  entry: CalqueEntry
  tokens: Tok[]
  /**
   * Quick reject: for the tokens after the first, up to the first optional one, the trie ids of the
   * words a plain token (no `{num}`, `{Cap}`, `{word}`) accepts; the word that far ahead must be one.
   */
  ahead?: Array<Set<number> | undefined>
  kinds: Set<CalqueContext>
  prev?: Set<string>
  prevNot?: Set<string>
  next?: Set<string>
  nextNot?: Set<string>
  near?: Set<string>
  nearNot?: Set<string>
  antecedents?: string[][]
  /** Last words of the antecedents, for a quick test. */
  antecedentEnds?: Set<string>
}

/** The entries of one first word, in index order. */
interface Bucket {
  all: Compiled[]
  /** The entries that can match when the next word has this id; `rest` for any other next word. */
  byNext: Map<number, Compiled[]>
  rest: Compiled[]
}

function bucket(all: Compiled[]): Bucket {
  const byNext = new Map<number, Compiled[]>()
  for (const c of all) for (const id of c.ahead?.[0] ?? []) byNext.set(id, [])
  for (const [id, list] of byNext) for (const c of all) if (!c.ahead?.[0] || c.ahead[0].has(id)) list.push(c)
  return {all, byNext, rest: all.filter((c) => !c.ahead?.[0])}
}

interface Index {
  byWord: Map<string, Compiled[]>
  /** The first words (keys of `byWord`) and the words of `ahead`, by id: a word is looked up without slicing it. */
  trie: WordTrie
  /** `byWord` by the trie's ids. */
  byId: Array<Bucket | undefined>
  byNum: Compiled[]
  byCap: Compiled[]
  all: Compiled[]
}

const CLOSING_QUOTES = '”"»'

const PERSON_BASE = [
  'official', 'source', 'spokesman', 'spokeswoman', 'spokesperson', 'minister', 'president', 'expert', 'analyst',
  'diplomat', 'researcher', 'specialist', 'professor', 'economist', 'lawyer', 'attorney', 'prosecutor', 'ambassador',
  'chancellor', 'leader', 'director', 'head', 'chief', 'mayor', 'deputy', 'senator', 'MP', 'MEP', 'lawmaker',
  'legislator', 'adviser', 'advisor', 'member', 'officer', 'commander', 'general', 'colonel', 'investigator', 'judge',
  'witness', 'resident', 'activist', 'historian', 'scientist', 'doctor', 'author', 'executive', 'manager', 'CEO',
  'founder', 'secretary', 'governor', 'chairman', 'chairwoman', 'premier', 'candidate', 'coach', 'player', 'captain',
  'sociologist', 'engineer', 'consultant', 'entrepreneur', 'businessman', 'businesswoman', 'employee', 'worker',
  'farmer', 'teacher', 'student', 'mother', 'father', 'woman', 'man', 'owner', 'boss', 'trader', 'strategist',
  'negotiator', 'envoy', 'representative', 'delegate', 'commissioner', 'inspector', 'sergeant', 'lieutenant', 'admiral',
  'unionist', 'campaigner', 'observer', 'journalist', 'reporter', 'editor', 'columnist', 'writer', 'filmmaker', 'actor',
  'actress', 'singer', 'artist', 'architect', 'academic', 'lecturer', 'physician', 'epidemiologist', 'virologist',
  'psychiatrist', 'psychologist', 'nurse', 'surgeon', 'policeman', 'policewoman', 'agent', 'insider', 'relative',
  'friend', 'neighbour', 'neighbor', 'colleague', 'aide', 'counsel', 'magistrate', 'councillor', 'councilor', 'king',
  'queen', 'prince', 'princess', 'pope', 'bishop', 'priest', 'cardinal', 'imam', 'rabbi', 'pastor', 'survivor', 'victim',
  'eyewitness', 'voter', 'supporter', 'opponent', 'critic', 'rapporteur', 'ombudsman', 'boss', 'deputy', 'militant',
  'pollster', 'jurist', 'political', 'politician', 'demographer', 'geographer', 'philosopher', 'mediator', 'partner'
]
const PERSON = new Set<string>()
for (const w of PERSON_BASE) {
  const l = w.toLowerCase()
  PERSON.add(l)
  PERSON.add(l.endsWith('man') ? l.slice(0, -3) + 'men' : l.endsWith('y') && !/[aeiou]y$/.test(l) ? l.slice(0, -1) + 'ies' : l.endsWith('s') || l.endsWith('sh') || l.endsWith('ch') ? l + 'es' : l + 's')
}
PERSON.add('police')
PERSON.add('people')

const NP_DET = new Set(['a', 'an', 'the', 'this', 'that', 'these', 'those', 'one', 'another', 'his', 'her', 'their', 'its', 'our', 'several', 'two', 'three', 'many', 'some'])
const NP_STOP = new Set(['that', 'which', 'who', 'and', 'or', 'of', 'to', 'in', 'on', 'for', 'with', 'by', 'at', 'from', 'as', 'is', 'was', 'are', 'were', 'be', 'has', 'have', 'had', 'not', 'it', 'he', 'she', 'they', 'we', 'i', 'you'])
const AFTER_HEAD = new Set(['who', 'whose', 'from', 'at', 'with', 'close', 'familiar', 'within', 'quoted', 'cited', 'speaking', 'now', 'based', 'himself', 'herself', 'also', 'again', 'recently', 'today', 'yesterday'])
const NAME_PARTICLES = new Set(['van', 'von', 'de', 'der', 'den', 'da', 'di', 'del', 'della', 'dos', 'das', 'du', 'la', 'le', 'ten', 'ter', 'bin', 'al', 'el', 'y', 'e'])
const MEDIA_NOUNS = new Set(['press', 'newspaper', 'daily', 'agency', 'channel', 'radio', 'station', 'broadcaster', 'magazine', 'weekly', 'site', 'website', 'paper', 'network'])
const MEDIA_WORDS = new Set(['reporters', 'journalists', 'us', 'me', 'television', 'tv', 'radio'])
const POSSESSIVE_FOLLOW_NOT = new Set(['to', 'that', 'the', 'a', 'an', 'and', 'or', 'in', 'on', 'at', 'by', 'with', 'for', 'from', 'as', 'is', 'was', 'be', 'if', 'about', 'into', 'out', 'up', 'down', 'off', 'over', 'back', 'away', 'when', 'so', 'not', 'it', 'this', 'what', 'how', 'why', 'where', 'who', 'again', 'too', 'very', 'there', 'then', 'but'])
const PERSON_PRONOUNS = new Set(['he', 'him', 'himself', 'his', 'she', 'her', 'hers', 'herself', 'who', 'whom', 'mr', 'mrs', 'ms', 'sir', 'madam', 'lady', 'lord'])
const FUNCTION_CAPS = new Set(
  ('the a an and but or nor so yet still however also thus therefore then there here this that these those it its they their we our ' +
    'in on at for with by from as of to after before since although though while when whereas if because meanwhile moreover ' +
    'furthermore indeed instead otherwise besides nevertheless nonetheless even only already now today yesterday tomorrow ' +
    'according despite during under over between among such many most some all both each every no not nothing one two three ' +
    'what which where why how whether unlike like until unless once perhaps maybe finally first second last next above below ' +
    'i you monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september ' +
    'october november december').split(' ')
)

const compiledCache = new Map<string, Index>()

function indexFor(files: readonly string[]): Index {
  const key = files.join('\n')
  let index = compiledCache.get(key)
  if (index) return index
  const entries = loadRuleData<CalqueEntry>('calque', files)
  index = {byWord: new Map(), byNum: [], byCap: [], all: [], trie: new WordTrie([]), byId: []}
  for (const entry of entries) {
    const compiled = compile(entry)
    index.all.push(compiled)
    const first = compiled.tokens[0]
    if (first.num) index.byNum.push(compiled)
    if (first.cap || first.any) index.byCap.push(compiled)
    else {
      for (const alt of first.alts) {
        const list = index.byWord.get(alt) ?? []
        list.push(compiled)
        index.byWord.set(alt, list)
      }
    }
  }
  withIds(index, index.byWord)
  compiledCache.set(key, index)
  return index
}

/** Build the trie over `byWord`'s keys and the plain words ahead; set `ahead` and `byId`. */
function withIds(index: Index, byWord: Map<string, Compiled[]>): void {
  const ids = new Map<string, number>()
  const idOf = (word: string) => {
    let id = ids.get(word)
    if (id === undefined) ids.set(word, (id = ids.size))
    return id
  }
  const firsts = [...byWord].map(([word, list]) => [idOf(word), list] as const)
  for (const c of index.all) {
    const ahead: Array<Set<number> | undefined> = []
    for (let t = 1; t < c.tokens.length && !c.tokens[t].optional; t++) {
      const tok = c.tokens[t]
      ahead.push(tok.num || tok.cap || tok.any ? undefined : new Set([...tok.alts].map(idOf)))
    }
    if (ahead.some((set) => set !== undefined)) c.ahead = ahead
  }
  index.byId = []
  for (const [id, list] of firsts) index.byId[id] = bucket(list)
  index.trie = new WordTrie([...ids.keys()])
}

/** The index with only the entries that apply under the options (order kept): built once per attachment (`ctx.once`). */
function activeIndex(index: Index, off: Set<string>, strict: boolean, lang: string | undefined): Index {
  const applies = (c: Compiled) =>
    !off.has(c.entry.id) && (!c.entry.strict || strict) && (!c.entry.noisy || (lang !== undefined && lang === c.entry.lang))
  const active: Index = {
    byWord: new Map(),
    byNum: index.byNum.filter(applies),
    byCap: index.byCap.filter(applies),
    all: index.all.filter(applies),
    trie: index.trie,
    byId: []
  }
  for (const [word, list] of index.byWord) {
    const kept = list.filter(applies)
    if (kept.length > 0) active.byWord.set(word, kept)
  }
  // Same trie and ids as the full index; only the lists are filtered.
  active.trie = index.trie
  active.byId = index.byId.map((b) => {
    const kept = b?.all.filter(applies)
    return kept && kept.length > 0 ? bucket(kept) : undefined
  })
  return active
}

/** Compile an entry's phrase into tokens. Throws on a malformed phrase. */
export function compile(entry: CalqueEntry): Compiled {
  const tokens: Tok[] = entry.phrase
    .trim()
    .split(/\s+/)
    .map((raw) => {
      const optional = raw.endsWith('?') && raw.length > 1
      const body = optional ? raw.slice(0, -1) : raw
      const alts = new Set<string>()
      let num = false
      let cap = false
      let any = false
      for (const alt of body.split('|')) {
        if (alt === '{num}') num = true
        else if (alt === '{Cap}') cap = true
        else if (alt === '{word}') any = true
        else if (alt.length > 0) alts.add(alt.toLowerCase())
        else throw new Error(`${entry.file}:${entry.line}: empty alternative in phrase "${entry.phrase}"`)
      }
      return {alts, num, cap, any, optional}
    })
  if (tokens.length === 0 || tokens[0].optional) {
    throw new Error(`${entry.file}:${entry.line}: the first token of "${entry.phrase}" must not be optional`)
  }
  const when: CalqueContext[] = entry.when === undefined ? ['anywhere'] : Array.isArray(entry.when) ? entry.when : [entry.when]
  const kinds = new Set<CalqueContext>()
  for (const kind of when) {
    if (kind === 'reporting') {
      kinds.add('after-quote')
      kinds.add('before-person')
      kinds.add('for-part')
    } else kinds.add(kind)
  }
  const set = (list?: string[]) => (list ? new Set(list.map((w) => (w.startsWith('{') ? w : w.toLowerCase()))) : undefined)
  return {
    entry,
    tokens,
    kinds,
    prev: set(entry.prev),
    prevNot: set(entry['prev-not']),
    next: set(entry.next),
    nextNot: set(entry['next-not']),
    near: set(entry.near),
    nearNot: set(entry['near-not']),
    antecedents: entry.antecedents?.map((a) => a.split(/\s+/)),
    antecedentEnds: entry.antecedents ? new Set(entry.antecedents.map((a) => a.split(/\s+/).pop()!)) : undefined
  }
}

/** A word of the text; its text and lower case are sliced on first use (most words are only looked up once). */
class Word {
  private v: string | undefined
  private l: string | undefined
  constructor(
    readonly text: string,
    readonly start: number,
    readonly end: number
  ) {}

  get value(): string {
    return (this.v ??= this.text.slice(this.start, this.end))
  }

  get lower(): string {
    return (this.l ??= this.value.toLowerCase())
  }
}

/**
 * The words of a text: the matches of
 * `[\p{L}\p{N}]+(?:(?:['’-]|(?<=\p{N})[.,](?=\p{N}))[\p{L}\p{N}]+)*`, found with one charCode pass
 * (a Unicode regex over the whole text is several times slower). The same pass walks the trie, so an
 * ASCII word gets its id with no string made: `ids[i]` (-1: not a trie word). `numeric[i]` is 1 when
 * word i starts with a number (\p{N}). Both are read below `words.length` only.
 */
function scanWords(text: string, trie: WordTrie): {words: Word[]; numeric: Uint8Array; ids: Int32Array} {
  const words: Word[] = []
  const n = text.length
  // (a document has at most n / 2 + 1 words; the buffers are reused from document to document)
  if (scratchIds.length < (n >> 1) + 1) {
    scratchIds = new Int32Array((n >> 1) + 1024)
    scratchNumeric = new Uint8Array(scratchIds.length)
  }
  const ids = scratchIds
  const numeric = scratchNumeric
  let i = 0
  while (i < n) {
    // Skip to the start of a word.
    let code = text.charCodeAt(i)
    let first: number
    let width = 1
    if (code < 0x80) first = asciiClass(code)
    else {
      const cp = text.codePointAt(i)!
      if (cp > 0xffff) width = 2
      first = classOf(cp)
    }
    if (first !== LETTER && first !== NUMBER) {
      i += width
      continue
    }
    const start = i
    // Trie node of the word so far, or NONE, or BY_STRING (look the lower-cased word up).
    let node = trie.step(0, code)
    let lastClass = first
    i += width
    for (;;) {
      // The rest of the run of letters and numbers.
      while (i < n) {
        code = text.charCodeAt(i)
        let cls: number
        width = 1
        if (code < 0x80) cls = asciiClass(code)
        else {
          const cp = text.codePointAt(i)!
          if (cp > 0xffff) width = 2
          cls = classOf(cp)
        }
        if (cls !== LETTER && cls !== NUMBER) break
        if (node >= 0) node = trie.step(node, code)
        lastClass = cls
        i += width
      }
      if (i + 1 >= n) break
      // A joiner followed by a letter or number continues the word: ' ’ - always, . , between numbers.
      const joiner = text.charCodeAt(i)
      const apostrophe = joiner === 0x27 || joiner === 0x2019 || joiner === 0x2d
      if (!apostrophe && ((joiner !== 0x2e && joiner !== 0x2c) || lastClass !== NUMBER)) break
      const cp = text.codePointAt(i + 1)!
      const next = cp < 0x80 ? asciiClass(cp) : classOf(cp)
      if (apostrophe ? next !== LETTER && next !== NUMBER : next !== NUMBER) break
      if (node >= 0) node = trie.step(node, joiner)
      if (node >= 0) node = trie.step(node, text.charCodeAt(i + 1))
      lastClass = next
      i += cp > 0xffff ? 3 : 2
    }
    const word = new Word(text, start, i)
    numeric[words.length] = first === NUMBER ? 1 : 0
    ids[words.length] = node >= 0 ? trie.idAt(node) : node === NONE ? -1 : trie.idOfLower(word.lower)
    words.push(word)
  }
  return {words, numeric, ids}
}

/** Per-word buffers of scanWords, valid until its next call (entries `words.length` and beyond are stale). */
let scratchIds = new Int32Array(4096)
let scratchNumeric = new Uint8Array(4096)

function asciiClass(code: number): number {
  if (((code | 0x20) - 0x61) >>> 0 <= 25) return LETTER
  return code >= 0x30 && code <= 0x39 ? NUMBER : OTHER
}

export default defineRule<CalqueOptions>({
  id: 'calque',
  category: 'calque',
  description: 'A literal translation of a source-language verb, idiom or construction.',
  note: NOTE,
  defaults: {files: [], disable: []},
  schema: {off: {type: 'array', items: {type: 'string'}}},
  check(ctx) {
    const text = ctx.text
    const options = ctx.options
    const index = indexFor(options.files ?? [])
    const strict = options.preset === 'strict'
    const lang = options.sourceLang

    const active = ctx.once('active', () => activeIndex(index, new Set([...(options.disable ?? []), ...(options.off ?? [])]), strict, lang))
    const {words, numeric, ids} = scanWords(text, active.trie)

    // Findings by span, merged across entries.
    const found = new Map<string, {start: number; end: number; hits: Array<{c: Compiled; expected: string[]}>}>()
    const add = (c: Compiled, start: number, end: number, expected: string[]) => {
      const key = start + ':' + end
      const hit = found.get(key)
      if (hit) hit.hits.push({c, expected})
      else found.set(key, {start, end, hits: [{c, expected}]})
    }

    const idAt = (k: number): number => (k < words.length ? ids[k] : -1)

    const helpers = new Context(text, words)
    const tryEntry = (c: Compiled, i: number) => {
      const word = words[i]
      if (c.ahead) {
        for (let t = 0; t < c.ahead.length; t++) if (c.ahead[t] && !c.ahead[t]!.has(idAt(i + 1 + t))) return
      }
      const last = helpers.matchPhrase(c.tokens, i)
      if (last < 0) return
      if (!helpers.filters(c, i, last)) return
      const start = word.start
      const end = words[last].end
      const matched = words.slice(i, last + 1)
      for (const kind of c.kinds) {
        const result = helpers.context(kind, c, i, last)
        if (!result) continue
        if (result === true) add(c, start, end, c.entry.suggest.map((s) => expand(s, matched, c.tokens, text.slice(start, end))))
        else add(c, start, result.end, result.expected)
        break
      }
    }
    // Entries in index order: by first word, then by number, then by capital (as the findings merge).
    for (let i = 0; i < words.length; i++) {
      const id = idAt(i)
      const entries = id >= 0 ? active.byId[id] : undefined
      const byWord = entries?.all
      if (entries) for (const c of entries.byNext.get(idAt(i + 1)) ?? entries.rest) tryEntry(c, i)
      if (numeric[i] === 1) for (const c of active.byNum) if (!byWord?.includes(c)) tryEntry(c, i)
      for (const c of active.byCap) tryEntry(c, i)
    }

    const spans = [...found.values()].sort((a, b) => a.start - b.start || b.end - a.end)
    let cursor = -1
    for (const span of spans) {
      if (span.start < cursor) continue
      cursor = span.end
      // Prefer entries of the document's source language.
      const hits = [...span.hits].sort((a, b) => Number(b.c.entry.lang === lang) - Number(a.c.entry.lang === lang))
      const ordered: string[] = []
      for (const hit of hits) for (const s of hit.expected) if (!ordered.includes(s)) ordered.push(s)
      const actual = text.slice(span.start, span.end)
      const primary = hits[0].c.entry
      const from = primary.source ? ` (${langName(primary.lang)} “${primary.source}”)` : ''
      const finding: Finding = {
        start: span.start,
        end: span.end,
        expected: ordered,
        fix: 'suggestion',
        reason: `Unexpected calque \`${actual}\`${from}, expected ${ordered.map((s) => '`' + s + '`').join(' or ')}`,
        note: primary.note ?? NOTE
      }
      ctx.report(finding)
    }
  }
})

function langName(lang: string): string {
  const names: Record<string, string> = {fr: 'French', de: 'German', es: 'Spanish', it: 'Italian', pt: 'Portuguese', nl: 'Dutch', ca: 'Catalan', pl: 'Polish'}
  return names[lang] ?? 'source-language'
}

/** Expand `$n` references and keep the case of the matched text's first letter. */
function expand(template: string, matched: Word[], tokens: Tok[], actual: string): string {
  // Map token positions to matched words (optional tokens may be absent).
  let out = template
  if (template.includes('$')) {
    const values: string[] = []
    let w = 0
    for (const tok of tokens) {
      const word = matched[w]
      if (word && tokenMatches(tok, word)) {
        values.push(word.value)
        w++
      } else values.push('')
    }
    out = template.replace(/\$(\d+)/g, (_, n: string) => values[Number(n) - 1] ?? '').replace(/\s{2,}/g, ' ').trim()
  }
  if (/^\p{Lu}/u.test(actual) && /^\p{Ll}/u.test(out) && !/^\p{Lu}{2}/u.test(actual)) out = out[0].toUpperCase() + out.slice(1)
  return out
}

function tokenMatches(tok: Tok, word: Word): boolean {
  if (tok.alts.has(word.lower)) return true
  if (tok.num && /^\p{N}[\p{N}.,]*$/u.test(word.value)) return true
  if (tok.cap && /^\p{Lu}/u.test(word.value)) return true
  return tok.any
}

class Context {
  constructor(
    readonly text: string,
    readonly words: Word[]
  ) {}

  /** True when only spaces or tabs (no newline, no punctuation) separate words i and i+1. */
  adjacent(i: number): boolean {
    const a = this.words[i]
    const b = this.words[i + 1]
    if (!a || !b) return false
    for (let k = a.end; k < b.start; k++) {
      const ch = this.text[k]
      if (ch !== ' ' && ch !== '\t' && ch !== '\u00a0') return false
    }
    return b.start > a.end
  }

  /** Match tokens starting at word i: the index of the last word matched, or -1. */
  matchPhrase(tokens: Tok[], i: number): number {
    const go = (t: number, w: number): number => {
      if (t === tokens.length) return w - 1
      const tok = tokens[t]
      const word = this.words[w]
      const linked = t === 0 || this.adjacent(w - 1)
      if (word && linked && tokenMatches(tok, word)) {
        const r = go(t + 1, w + 1)
        if (r >= 0) return r
      }
      if (tok.optional) return go(t + 1, w)
      return -1
    }
    return go(0, i)
  }

  /** The non-space character before offset, or '' at the start. */
  charBefore(offset: number): {ch: string; at: number} {
    let k = offset - 1
    while (k >= 0 && (this.text[k] === ' ' || this.text[k] === '\t' || this.text[k] === '\u00a0')) k--
    return {ch: k >= 0 ? this.text[k] : '', at: k}
  }

  charAfter(offset: number): string {
    let k = offset
    while (k < this.text.length && (this.text[k] === ' ' || this.text[k] === '\t' || this.text[k] === '\u00a0')) k++
    return k < this.text.length ? this.text[k] : ''
  }

  sentenceStart(i: number): boolean {
    const {ch, at} = this.charBefore(this.words[i].start)
    if (ch === '' || ch === '\n' || ch === '.' || ch === '!' || ch === '?') return true
    if (CLOSING_QUOTES.includes(ch) || ch === '“') {
      const before = this.charBefore(at).ch
      return before === '' || before === '\n' || before === '.' || before === '!' || before === '?' || ch === '“'
    }
    return false
  }

  matchesSet(set: Set<string>, w: number, side: 'prev' | 'next', from: number): boolean {
    const word = this.words[w]
    const linked = side === 'prev' ? w >= 0 && this.adjacent(w) : w < this.words.length && this.adjacent(w - 1)
    if (set.has('{start}') && side === 'prev' && this.sentenceStart(from)) return true
    if (set.has('{punct}')) {
      const ch = side === 'prev' ? this.charBefore(this.words[from].start).ch : this.charAfter(this.words[from].end)
      if (ch !== '' && !/[\p{L}\p{N}]/u.test(ch)) return true
    }
    if (set.has('{end}') && side === 'next') {
      const ch = this.charAfter(this.words[from].end)
      if (ch === '' || /[.!?\n;)”"»]/u.test(ch)) return true
    }
    if (!word || !linked) return false
    if (set.has(word.lower)) return true
    if (set.has('{num}') && /^\p{N}/u.test(word.value)) return true
    if (set.has('{Cap}') && /^\p{Lu}/u.test(word.value)) return true
    return false
  }

  filters(c: Compiled, i: number, last: number): boolean {
    if (c.prev && !this.matchesSet(c.prev, i - 1, 'prev', i)) return false
    if (c.prevNot && this.matchesSet(c.prevNot, i - 1, 'prev', i)) return false
    if (c.next && !this.matchesSet(c.next, last + 1, 'next', last)) return false
    if (c.nextNot && this.matchesSet(c.nextNot, last + 1, 'next', last)) return false
    if (c.near || c.nearNot) {
      const words = this.sentenceWords(i)
      if (c.near && !words.some((w) => c.near!.has(w))) return false
      if (c.nearNot && words.some((w) => c.nearNot!.has(w))) return false
    }
    return true
  }

  /** Lower-case words of the sentence around word i (bounded). */
  sentenceWords(i: number): string[] {
    const out: string[] = []
    const stop = /[.!?\n]/
    for (let k = i; k >= 0 && i - k < 60; k--) {
      out.push(this.words[k].lower)
      if (k > 0 && stop.test(this.text.slice(this.words[k - 1].end, this.words[k].start))) break
    }
    for (let k = i + 1; k < this.words.length && k - i < 60; k++) {
      if (stop.test(this.text.slice(this.words[k - 1].end, this.words[k].start))) break
      out.push(this.words[k].lower)
    }
    return out
  }

  context(kind: CalqueContext, c: Compiled, i: number, last: number): true | {end: number; expected: string[]} | false {
    switch (kind) {
      case 'anywhere':
        return true
      case 'after-quote':
        return this.afterQuote(i)
      case 'for-part': {
        const w = this.words
        if (w[last + 1]?.lower === 'for' && this.adjacent(last) && this.adjacent(last + 1) && this.adjacent(last + 2) &&
          /^(?:his|her|its|their|our|my|your)$/.test(w[last + 2]?.lower ?? '') && w[last + 3]?.lower === 'part') return true
        if (w[last + 1]?.lower === 'in' && w[last + 2]?.lower === 'turn' && this.adjacent(last) && this.adjacent(last + 1)) return true
        return false
      }
      case 'before-that':
        return this.words[last + 1]?.lower === 'that' && this.adjacent(last)
      case 'before-person':
      case 'inverted-to': {
        if (kind === 'before-person') {
          const {ch} = this.charBefore(this.words[i].start)
          const prevWord = this.words[i - 1]
          const okBefore = ',;:(–—'.includes(ch) && ch !== '' || CLOSING_QUOTES.includes(ch) && ch !== '' ||
            (prevWord?.lower === 'as' && this.adjacent(i - 1))
          if (!okBefore) return false
        }
        const toMedia = this.media(last + 1)
        if (toMedia) {
          const np = this.personPhrase(toMedia.next)
          if (np < 0) return false
          const w = this.words
          const subject = this.text.slice(w[toMedia.next].start, w[np].end)
          const media = this.text.slice(w[toMedia.first].start, w[toMedia.next - 1].end)
          return {end: w[np].end, expected: [`${subject} told ${media}`]}
        }
        if (kind === 'inverted-to') return false
        return this.personPhrase(last + 1) >= 0
      }
      case 'place-possessive':
        return this.placePossessive(c, i)
    }
    return false
  }

  afterQuote(i: number): boolean {
    let {ch, at} = this.charBefore(this.words[i].start)
    let comma = false
    if (ch === ',') {
      comma = true
      ;({ch, at} = this.charBefore(at))
    }
    if (ch === '' || !CLOSING_QUOTES.includes(ch)) return false
    const inner = at > 0 ? this.text[at - 1] : ''
    if (ch === '"' && (inner === '' || /\s/.test(inner))) return false
    if (comma || inner === ',' || inner === '.' || inner === '!' || inner === '?' || inner === '…') return true
    // No comma: `the word “grilled” means` is English; a quotation of four words or more
    // followed by the verb (`“… many words” assures X`) is the inverted reporting clause.
    const opener = ch === '”' ? '“' : ch === '»' ? '«' : '"'
    const from = Math.max(0, at - 400)
    let open = at - 1
    while (open >= from && this.text[open] !== opener) open--
    if (open < from) return false
    const quoted = this.text.slice(open + 1, at)
    if (quoted.includes('\n')) return false
    return (quoted.match(/\s+/g) ?? []).length >= 3
  }

  /** `to AFP`, `to Le Monde`, `to the press`: the words of the outlet and the index after it. */
  media(w: number): {first: number; next: number} | undefined {
    const words = this.words
    if (words[w]?.lower !== 'to' || !this.adjacent(w - 1) || !this.adjacent(w)) return undefined
    const first = w + 1
    const a = words[first]
    if (!a) return undefined
    if (MEDIA_WORDS.has(a.lower)) return {first, next: first + 1}
    if ((a.lower === 'the' || a.lower === 'our' || a.lower === 'this') && MEDIA_NOUNS.has(words[first + 1]?.lower ?? '') && this.adjacent(first)) {
      return {first, next: first + 2}
    }
    // One to three capitalised words; the shortest split that leaves a person after it.
    for (let len = 1; len <= 3; len++) {
      let ok = true
      for (let k = first; k < first + len; k++) {
        const word = words[k]
        if (!word || (k > first && !this.adjacent(k - 1))) ok = false
        else if (!/^\p{Lu}/u.test(word.value) && !(k > first && NAME_PARTICLES.has(word.lower))) ok = false
      }
      if (!ok) break
      if (!this.adjacent(first + len - 1)) continue
      if (this.personPhrase(first + len) >= 0) return {first, next: first + len}
    }
    return undefined
  }

  /** A person noun phrase or a name starting at word w: the index of its last word, or -1. */
  personPhrase(w: number): number {
    const words = this.words
    if (!words[w] || !this.adjacent(w - 1)) return -1
    // A name: two to five capitalised words (particles allowed inside).
    const name = this.name(w)
    if (name >= 0) return this.boundaryOk(name) ? name : -1
    let k = w
    if (NP_DET.has(words[k].lower)) {
      if (!this.adjacent(k)) return -1
      k++
    }
    for (let m = 0; m <= 4 && words[k]; m++) {
      const word = words[k]
      if (PERSON.has(word.lower) && !(word.lower === 'head' && words[k + 1]?.lower === 'of')) {
        // `spokesman Dmitry Peskov`: a name in apposition.
        if (this.adjacent(k)) {
          const apposition = this.name(k + 1)
          if (apposition >= 0) return this.boundaryOk(apposition) ? apposition : -1
        }
        return this.boundaryOk(k) ? k : -1
      }
      if (NP_STOP.has(word.lower) || !this.adjacent(k)) return -1
      k++
    }
    return -1
  }

  name(w: number): number {
    const words = this.words
    let k = w
    let caps = 0
    let lastCap = -1
    while (words[k] && k - w < 5) {
      if (k > w && !this.adjacent(k - 1)) break
      const word = words[k]
      if (/^\p{Lu}\p{Ll}/u.test(word.value) && !FUNCTION_CAPS.has(word.lower)) {
        caps++
        lastCap = k
      } else if (!(k > w && NAME_PARTICLES.has(word.value))) break
      k++
    }
    return caps >= 2 && lastCap >= 0 ? lastCap : -1
  }

  boundaryOk(k: number): boolean {
    const after = this.charAfter(this.words[k].end)
    if (after === '' || /[,.;:!?)(–—\n]/u.test(after)) return true
    const next = this.words[k + 1]
    if (!next || !this.adjacent(k)) return false
    if (AFTER_HEAD.has(next.lower)) return true
    return /^\p{Ll}+ing$/u.test(next.value) && next.lower !== 'nothing' && next.lower !== 'something'
  }

  placePossessive(c: Compiled, i: number): boolean {
    const words = this.words
    const possessive = words[i]
    const next = words[i + 1]
    if (!next || !this.adjacent(i) || !/^\p{Ll}/u.test(next.value)) return false
    if (possessive.lower === 'her' && POSSESSIVE_FOLLOW_NOT.has(next.lower)) return false
    const antecedents = c.antecedents ?? []
    let found = -1
    for (let k = i - 1; k >= 0 && i - k <= 60; k--) {
      const word = words[k]
      if (PERSON_PRONOUNS.has(word.lower) || PERSON.has(word.lower)) return false
      if (c.antecedentEnds?.has(word.value) && antecedents.some((a) => this.endsWith(a, k))) {
        found = k
        break
      }
      // Any other capitalised word may be a person's name.
      if (/^\p{Lu}/u.test(word.value) && !FUNCTION_CAPS.has(word.lower) && !this.adjectival(word.value)) return false
    }
    if (found < 0) return false
    // No person named or referred to in the antecedent's sentence either.
    for (let k = found - 1; k >= 0 && found - k <= 40; k--) {
      if (this.sentenceStart(k + 1) && k + 1 < found) break
      const word = words[k]
      if (PERSON_PRONOUNS.has(word.lower) || PERSON.has(word.lower)) return false
    }
    return true
  }

  endsWith(antecedent: string[], k: number): boolean {
    const n = antecedent.length
    if (k - n + 1 < 0) return false
    for (let j = 0; j < n; j++) {
      const word = this.words[k - n + 1 + j]
      if (word.value !== antecedent[j] && !(j === 0 && word.lower === antecedent[j].toLowerCase() && antecedent[j] === 'the')) return false
      if (j > 0 && !this.adjacent(k - n + j)) return false
    }
    return true
  }

  adjectival(value: string): boolean {
    return /(?:an|ian|ean|ese|ish|ic|ch|et|i)$/u.test(value) && !/^\p{Lu}{2}/u.test(value)
  }
}
