/**
 * Residue finder shared by `paywall` and `boilerplate`: page furniture that
 * must be deleted whole — the sentence, line or paragraph it occupies.
 *
 * Entries (rules/<rule>/*.yml) list phrase patterns with a scope:
 * - `line`: the phrase must be a whole line (bullets and closing punctuation aside);
 * - `sentence`: a whole sentence, alone on its line or among other sentences;
 * - `label`: a label that starts a line and introduces a link title
 *   (`Read also: <title>`); the title is deleted with it, and when the label
 *   stands alone, the short title lines right under it in the same paragraph.
 * A phrase that only occurs inside a longer sentence is never reported.
 */
import {loadRuleData, type DataEntry} from './load.js'
import {phraseSource, HSPACE} from './phrase.js'

export type ResidueScope = 'line' | 'sentence' | 'label'

export interface ResidueEntry extends DataEntry {
  scope: ResidueScope
  phrases: string[]
  reason?: string
}

export interface ResidueOptions {
  /** Extra rule files (YAML) to load besides the built-in ones. */
  files?: string[]
  /** Entry ids to turn off. */
  disable?: string[]
}

/**
 * Phrases indexed by their first word, so that a sentence is only tested
 * against the few phrases that can start with its first word (plus those that
 * start with a placeholder). Each per-word regex has one capture group per entry.
 */
class PhraseIndex {
  /** Phrases per first word; a word's regex is compiled the first time a text starts with it. */
  private readonly byWord = new Map<string, Array<[ResidueEntry, string]> | Bucket>()
  private wildPairs: Array<[ResidueEntry, string]> | undefined
  private wildBucket: Bucket | undefined
  /** Per placeholder-first phrase, what a text needs to match it (see skipWild). */
  private wildNeeds: WildNeed[] | undefined

  constructor(
    pairs: Array<[ResidueEntry, string]>,
    private readonly wrap: (alternation: string) => string,
    /** The wrap ends with TRAIL (the phrase ends the unit): phrases can be ruled out by their last word. */
    private readonly endAnchored = false
  ) {
    for (const pair of pairs) {
      for (const word of firstWords(pair[1])) {
        if (word === WILD) (this.wildPairs ??= []).push(pair)
        else {
          const bucket = (this.byWord.get(word) as Array<[ResidueEntry, string]> | undefined) ?? []
          bucket.push(pair)
          this.byWord.set(word, bucket)
        }
      }
    }
  }

  // One group per phrase, longest first: "Read also the {word}" is tried before "Read also".
  private build(pairs: Array<[ResidueEntry, string]>): Bucket {
    const sorted = pairs.map(([entry, phrase]) => [entry, phraseSource(phrase)] as const).sort((a, b) => b[1].length - a[1].length)
    return {
      regex: new RegExp(this.wrap(sorted.map(([, source]) => `(${source})`).join('|')), 'iu'),
      groups: sorted.map(([entry]) => entry),
      sources: sorted.map(([, source]) => source)
    }
  }

  private bucketOf(word: string | undefined): Bucket | undefined {
    if (word === undefined) return undefined
    const stored = this.byWord.get(word)
    if (!Array.isArray(stored)) return stored
    const bucket = this.build(stored)
    this.byWord.set(word, bucket)
    return bucket
  }

  private wild(): Bucket | undefined {
    if (this.wildPairs && !this.wildBucket) {
      this.wildBucket = this.build(this.wildPairs)
      this.wildNeeds = this.wildPairs.map(([, phrase]) => wildNeed(phrase, this.endAnchored))
    }
    return this.wildBucket
  }

  /**
   * The placeholder-first phrases are tried on every unit: skip them when each one is
   * ruled out on char codes, by the unit's first character (`{n} …` needs a digit) or its
   * last word (`… with AFP` needs `AFP` to end the unit).
   */
  private skipWild(text: string, word: string | undefined): boolean {
    const needs = this.wildNeeds
    if (!needs) return false
    const digit = word !== undefined && word.charCodeAt(0) >= 48 && word.charCodeAt(0) <= 57
    let last: string | null | undefined
    let second: string | null | undefined
    for (const need of needs) {
      if (need.digit && !digit) continue
      if (need.secondWords) {
        if (second === undefined) second = secondWordOf(text)
        if (second !== null && !need.secondWords.has(second)) continue
      }
      if (need.lastWords) {
        if (last === undefined) last = lastWordOf(text)
        if (last !== null && !need.lastWords.has(last)) continue
      }
      return false
    }
    return true
  }

  /** The bucket of placeholder-first phrases, unless `text` cannot match any of them. */
  private wildFor(text: string, word: string | undefined): Bucket | undefined {
    const bucket = this.wild()
    return bucket && !this.skipWild(text, word) ? bucket : undefined
  }

  /** Whether a text whose first word (see firstWordOf) is `word` can match any phrase. */
  canStart(word: string | undefined): boolean {
    return this.wildPairs !== undefined || (word !== undefined && this.byWord.has(word))
  }

  /** Every phrase that matches, longest first (for labels, whose title is checked afterwards). */
  *execAll(text: string, word = firstWordOf(text)): Generator<{entry: ResidueEntry; match: RegExpExecArray}> {
    for (const bucket of [this.bucketOf(word), this.wildFor(text, word)]) {
      if (!bucket || !bucket.regex.test(text)) continue
      bucket.single ??= bucket.sources.map((source) => new RegExp(this.wrap(`(${source})`), 'iu'))
      for (let i = 0; i < bucket.single.length; i++) {
        const match = bucket.single[i].exec(text)
        if (match) yield {entry: bucket.groups[i], match}
      }
    }
  }

  /** The first phrase that matches: of the text's first word, else of the placeholder-first phrases. */
  exec(text: string, word = firstWordOf(text)): {entry: ResidueEntry; match: RegExpExecArray} | undefined {
    return execBucket(this.bucketOf(word), text) ?? execBucket(this.wildFor(text, word), text)
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

/** A char code of TRAIL's class: white space (as `\s`) or closing punctuation `.!?:;…»"”’)]|`. */
function isTrailCode(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13) || c === 46 || c === 33 || c === 63 || c === 58 || c === 59 || c === 34 || c === 41 || c === 93 || c === 124
  return (
    c === 0x2026 || c === 0xbb || c === 0x201d || c === 0x2019 ||
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  )
}

/**
 * The ASCII word (letters and digits, lowercase) that ends `text` before its TRAIL
 * characters: '' when none, null when non-ASCII characters make it uncertain
 * (case-insensitive matching folds a few of them onto ASCII letters).
 */
function lastWordOf(text: string): string | null {
  let end = text.length
  while (end > 0 && isTrailCode(text.charCodeAt(end - 1))) end--
  let start = end
  while (start > 0) {
    const c = text.charCodeAt(start - 1)
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) start--
    else if (c >= 128) return null
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
  let i = 0
  while (i < text.length && isLeadCode(text.charCodeAt(i))) i++
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

function execBucket(bucket: Bucket | undefined, text: string): {entry: ResidueEntry; match: RegExpExecArray} | undefined {
  if (!bucket) return undefined
  const match = bucket.regex.exec(text)
  if (!match) return undefined
  const entry = groupEntry(match, bucket.groups)
  return entry ? {entry, match} : undefined
}

interface Bucket {
  regex: RegExp
  groups: ResidueEntry[]
  sources: string[]
  single?: RegExp[]
}

const WILD = '\u0000'
const LEAD_CHARS = /^[\s\-–—•*·>»|#¿¡]+/u
const FIRST = /^[\p{L}\p{M}\p{N}]+/u

/** The first word of a text, as the index sees it: lowercase, after bullets; or its first character. */
function firstWordOf(text: string): string | undefined {
  // Fast path on char codes (ASCII); anything else goes to the regexes below.
  let i = 0
  while (i < text.length && isLeadCode(text.charCodeAt(i))) i++
  if (i === text.length) return undefined
  let j = i
  for (; j < text.length; j++) {
    const c = text.charCodeAt(j)
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) continue
    if (c >= 128) return firstWordSlow(text)
    break
  }
  if (j > i) return text.slice(i, j).toLowerCase()
  return text.charCodeAt(i) === 96 /* ` */ ? "'" : text[i]
}

function firstWordSlow(text: string): string | undefined {
  const rest = text.replace(LEAD_CHARS, '')
  if (rest === '') return undefined
  const word = FIRST.exec(rest)
  return word ? word[0].toLowerCase() : rest[0].replace(/[’‘`]/, "'")
}

/** A char code of LEAD_CHARS: white space (as `\s`), a dash, a bullet, `>`, `|`, `#`, `¿`, `¡`. */
function isLeadCode(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13) || c === 45 || c === 42 || c === 62 || c === 124 || c === 35
  return (
    c === 0x2013 || c === 0x2014 || c === 0x2022 || c === 0xb7 || c === 0xbb || c === 0xbf || c === 0xa1 ||
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  )
}

/** The words a phrase pattern can start with (WILD when it starts with a placeholder or an optional part). */
function firstWords(pattern: string): string[] {
  const text = pattern.trim().replace(LEAD_CHARS, '')
  if (text.startsWith('{') || text.startsWith('[') || text === '') return [WILD]
  if (text.startsWith('\\')) return [text[1].replace(/[’‘`]/, "'")]
  if (text.startsWith('(')) {
    const close = text.indexOf(')')
    return text
      .slice(1, close)
      .split('|')
      .flatMap((option) => firstWords(option))
  }
  return [firstWordOf(text) ?? WILD]
}

interface Compiled {
  entries: ResidueEntry[]
  /** A whole line that is one phrase (bullets and closing punctuation aside). */
  whole: PhraseIndex
  /** A whole sentence that is one phrase of a sentence or label entry. */
  sentence: PhraseIndex
  /** A label that starts a line, then its separator (capture group after the entries' groups). */
  label: PhraseIndex
  /** Phrases of several sentences ("Already a subscriber? Log in"): tried on runs of sentences. */
  multi: PhraseIndex
}

export interface ResidueHit {
  start: number
  end: number
  /** The range to delete (may include line breaks and white space around the hit). */
  deleteStart: number
  deleteEnd: number
  entries: ResidueEntry[]
  /** What the residue occupies. */
  unit: 'paragraph' | 'line' | 'sentence'
}

const LEAD = `^[\\s\\-–—•*·>»|#¿¡]*`
const TRAIL = `[\\s.!?:;…»"”’)\\]|]*$`
/** Longest line or sentence tested against the whole-unit patterns. */
const MAX_UNIT = 600
/** Longest link title that a label may take with it, in words. */
const MAX_TITLE_WORDS = 30

const compiledCache = new Map<string, Compiled>()

export function compileResidue(rule: string, options: ResidueOptions = {}): Compiled {
  const files = options.files ?? []
  const disable = options.disable ?? []
  const key = rule + '\0' + files.join('\0') + '\0' + disable.join('\0')
  let hit = compiledCache.get(key)
  if (hit) return hit
  const off = new Set(disable)
  const entries = loadRuleData<ResidueEntry>(rule, files).filter((e) => !off.has(e.id))
  const all: Array<[ResidueEntry, string]> = []
  const labels: Array<[ResidueEntry, string]> = []
  const several: Array<[ResidueEntry, string]> = []
  for (const entry of entries) {
    for (const phrase of entry.phrases) {
      // Labels alone on their line are whole-line residue too.
      all.push([entry, phrase])
      if (entry.scope === 'label') labels.push([entry, phrase])
      if (entry.scope !== 'line' && /[.!?…][^\S\r\n]/.test(phrase.replace(/\{[a-z]+\}/g, ''))) several.push([entry, phrase])
    }
  }
  hit = {
    entries,
    whole: new PhraseIndex(all, (alternation) => `${LEAD}(?:${alternation})${TRAIL}`, true),
    sentence: new PhraseIndex(
      all.filter(([entry]) => entry.scope !== 'line'),
      (alternation) => `${LEAD}(?:${alternation})${TRAIL}`,
      true
    ),
    multi: new PhraseIndex(several, (alternation) => `${LEAD}(?:${alternation})${TRAIL}`, true),
    // A label, then a separator (punctuation, or white space), then the title.
    label: new PhraseIndex(labels, (alternation) => `${LEAD}(?:${alternation})(${HSPACE}*[:\\-–—|»>]+${HSPACE}*|${HSPACE}+)(?=\\S)`)
  }
  compiledCache.set(key, hit)
  return hit
}

function groupEntry(match: RegExpExecArray, groups: ResidueEntry[]): ResidueEntry | undefined {
  for (let i = 0; i < groups.length; i++) if (match[i + 1] !== undefined) return groups[i]
  return undefined
}

/** The entry whose phrase is the whole of `unit` (bullets and closing punctuation aside). */
function wholeMatch(index: PhraseIndex, unit: string, word = firstWordOf(unit)): ResidueEntry | undefined {
  if (unit.length > MAX_UNIT || unit.trim() === '') return undefined
  return index.exec(unit, word)?.entry
}

interface Line {
  start: number
  /** End of the line's content (before its line break). */
  end: number
  /** Index after the line break (== end at the end of the text). */
  next: number
}

function splitLines(text: string): Line[] {
  const lines: Line[] = []
  let start = 0
  const length = text.length
  while (start <= length) {
    let end = text.indexOf('\n', start)
    if (end < 0) end = length
    const next = end < length ? end + 1 : length
    const contentEnd = end > start && text[end - 1] === '\r' ? end - 1 : end
    lines.push({start, end: contentEnd, next})
    if (end >= length) break
    start = next
  }
  return lines
}

const SENTENCE_END = /(?<![.!?…])[.!?…]+["”»’)]*(?=\s)/g

/** Sentence segments of one line: [start, end) offsets relative to the line. */
function segments(line: string): Array<[number, number]> {
  const out: Array<[number, number]> = []
  let from = 0
  SENTENCE_END.lastIndex = 0
  let match: RegExpExecArray | null
  while ((match = SENTENCE_END.exec(line))) {
    const end = match.index + match[0].length
    out.push([from, end])
    from = end
    while (from < line.length && /\s/.test(line[from])) from++
    SENTENCE_END.lastIndex = from
  }
  if (from < line.length) out.push([from, line.length])
  return out
}

function wordCount(text: string): number {
  const words = text.match(/\S+/g)
  return words ? words.length : 0
}

interface LineVerdict {
  whole: boolean
  entries: ResidueEntry[]
  /** Residue sentences when the line is not residue as a whole (relative offsets). */
  sentences: Array<{start: number; end: number; entries: ResidueEntry[]}>
  /** A label alone on its line: the title lines under it go too. */
  bareLabel: boolean
}

function judgeLine(compiled: Compiled, content: string): LineVerdict | undefined {
  if (content.trim() === '') return undefined
  const first = firstWordOf(content)
  const whole = wholeMatch(compiled.whole, content, first)
  if (whole) return {whole: true, entries: [whole], sentences: [], bareLabel: whole.scope === 'label'}
  if (content.length <= MAX_UNIT * 2) {
    for (const found of compiled.label.execAll(content, first)) {
      const label = found.match
      const separator = label[label.length - 1]
      const title = content.slice(label[0].length)
      // Without punctuation after the label, the title must start like one (a capital, a digit, a quote).
      const titled = separator.trim() !== '' || /^[\p{Lu}\d"“«‘']/u.test(title)
      if (titled && wordCount(title) <= MAX_TITLE_WORDS) return {whole: true, entries: [found.entry], sentences: [], bareLabel: false}
    }
  }
  // Sentence by sentence: runs of up to four sentences that are one phrase.
  const parts = segments(content)
  const found: LineVerdict['sentences'] = []
  let covered = 0
  for (let i = 0; i < parts.length; ) {
    let matched = 0
    let entry: ResidueEntry | undefined
    const sentence = content.slice(parts[i][0], parts[i][1])
    // A run of sentences starts with the first word of its first sentence (which ends in
    // punctuation): the indexes tell at once whether any phrase can start with it.
    const word = firstWordOf(sentence)
    const multi = compiled.multi.canStart(word)
    for (let j = Math.min(parts.length - 1, i + 3); j > i && !entry && multi; j--) {
      if (parts[j][1] - parts[i][0] > MAX_UNIT) continue
      const found = compiled.multi.exec(content.slice(parts[i][0], parts[j][1]), word)
      if (found) {
        entry = found.entry
        matched = j - i + 1
      }
    }
    if (!entry && parts[i][1] - parts[i][0] > 1 && compiled.sentence.canStart(word)) {
      const candidate = wholeMatch(compiled.sentence, sentence, word)
      if (candidate) {
        entry = candidate
        matched = 1
      }
    }
    if (entry) {
      found.push({start: parts[i][0], end: parts[i + matched - 1][1], entries: [entry]})
      covered += matched
      i += matched
    } else i++
  }
  if (found.length === 0) return undefined
  if (covered === parts.length) {
    return {whole: true, entries: [...new Set(found.flatMap((f) => f.entries))], sentences: [], bareLabel: false}
  }
  return {whole: false, entries: [], sentences: found, bareLabel: false}
}

function looksLikeTitle(text: string): boolean {
  const trimmed = text.trim()
  if (trimmed === '' || wordCount(trimmed) > 20) return false
  return !/[.;,]$/.test(trimmed)
}

const analysisCache = new Map<string, {text: string; hits: ResidueHit[]}>()

/**
 * Residue of one rule in `text`: deletions of whole paragraphs (with the
 * blank lines that separate them), lines (with their line break) and
 * sentences (with the white space before or after them).
 */
export function findResidue(text: string, rule: string, options: ResidueOptions = {}): ResidueHit[] {
  const compiled = compileResidue(rule, options)
  const cacheKey = rule + '\0' + (options.files ?? []).join('\0') + '\0' + (options.disable ?? []).join('\0')
  const cached = analysisCache.get(cacheKey)
  if (cached && cached.text === text) return cached.hits
  const hits = analyse(text, compiled)
  analysisCache.set(cacheKey, {text, hits})
  return hits
}

function analyse(text: string, compiled: Compiled): ResidueHit[] {
  if (compiled.entries.length === 0) return []
  const lines = splitLines(text)
  // Paragraphs: maximal runs of non-blank lines.
  const paragraphs: Array<{first: number; last: number}> = []
  for (let i = 0; i < lines.length; i++) {
    if (text.slice(lines[i].start, lines[i].end).trim() === '') continue
    if (paragraphs.length > 0 && paragraphs[paragraphs.length - 1].last === i - 1) paragraphs[paragraphs.length - 1].last = i
    else paragraphs.push({first: i, last: i})
  }
  const verdicts: Array<LineVerdict | undefined> = lines.map((line) => judgeLine(compiled, text.slice(line.start, line.end)))
  // A bare label takes the short title lines right under it (same paragraph).
  for (const paragraph of paragraphs) {
    for (let i = paragraph.first; i <= paragraph.last; i++) {
      const verdict = verdicts[i]
      if (!verdict?.bareLabel) continue
      let j = i + 1
      while (j <= paragraph.last && !verdicts[j]?.whole && looksLikeTitle(text.slice(lines[j].start, lines[j].end))) {
        verdicts[j] = {whole: true, entries: verdict.entries, sentences: [], bareLabel: false}
        j++
      }
      i = j - 1
    }
  }

  const hits: ResidueHit[] = []
  // Whole paragraphs first, merged when consecutive.
  const residueParagraph = paragraphs.map((p) => {
    for (let i = p.first; i <= p.last; i++) if (!verdicts[i]?.whole) return false
    return true
  })
  for (let p = 0; p < paragraphs.length; p++) {
    const paragraph = paragraphs[p]
    if (residueParagraph[p]) {
      let q = p
      while (q + 1 < paragraphs.length && residueParagraph[q + 1]) q++
      const start = lines[paragraphs[p].first].start
      const end = lines[paragraphs[q].last].end
      let deleteStart = start
      let deleteEnd: number
      if (q + 1 < paragraphs.length) deleteEnd = lines[paragraphs[q + 1].first].start
      else if (p > 0) {
        // Trailing residue: remove it with the white space before it, keeping one line break.
        const previous = lines[paragraphs[p - 1].last]
        deleteStart = previous.next
        deleteEnd = text.length
      } else deleteEnd = text.length
      const entries = new Set<ResidueEntry>()
      for (let k = p; k <= q; k++) {
        for (let i = paragraphs[k].first; i <= paragraphs[k].last; i++) for (const e of verdicts[i]!.entries) entries.add(e)
      }
      hits.push({start, end, deleteStart, deleteEnd, entries: [...entries], unit: 'paragraph'})
      p = q
      continue
    }
    // Runs of whole residue lines inside a paragraph with content.
    for (let i = paragraph.first; i <= paragraph.last; i++) {
      const verdict = verdicts[i]
      if (verdict?.whole) {
        let j = i
        while (j + 1 <= paragraph.last && verdicts[j + 1]?.whole) j++
        const start = lines[i].start
        const end = lines[j].end
        const entries = new Set<ResidueEntry>()
        for (let k = i; k <= j; k++) for (const e of verdicts[k]!.entries) entries.add(e)
        // Not the last line: take the line break after the run; the last: the one before it.
        const [deleteStart, deleteEnd] = j < paragraph.last ? [start, lines[j].next] : [lines[i - 1].end, end]
        hits.push({start, end, deleteStart, deleteEnd, entries: [...entries], unit: 'line'})
        i = j
        continue
      }
      if (verdict && verdict.sentences.length > 0) {
        const line = lines[i]
        const content = text.slice(line.start, line.end)
        for (const sentence of verdict.sentences) {
          const start = line.start + sentence.start
          const end = line.start + sentence.end
          let deleteStart = start
          let deleteEnd = end
          if (sentence.start > 0) {
            // Take the white space before it.
            let s = sentence.start
            while (s > 0 && /[^\S\r\n]/.test(content[s - 1])) s--
            deleteStart = line.start + s
          } else {
            let e = sentence.end
            while (e < content.length && /[^\S\r\n]/.test(content[e])) e++
            deleteEnd = line.start + e
          }
          hits.push({start, end, deleteStart, deleteEnd, entries: sentence.entries, unit: 'sentence'})
        }
      }
    }
  }
  return hits
}
