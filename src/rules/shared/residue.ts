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
import {loadRuleData, type DataEntry} from '../../data/load.js'
import {HSPACE} from '../../match/syntax.js'
import {lineParagraphs, lineSentences, splitLines} from '../../match/lines.js'
import {canStartUnit, matchUnit, matchUnitAll, unitKey, unitPhrases, type UnitPhrases} from '../../match/phrases.js'

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

/** The phrase tables of one residue rule, compiled once per options. */
interface ResidueTable {
  entries: ResidueEntry[]
  /** A whole line that is one phrase (bullets and closing punctuation aside). */
  whole: UnitPhrases<ResidueEntry>
  /** A whole sentence that is one phrase of a sentence or label entry. */
  sentence: UnitPhrases<ResidueEntry>
  /** A label that starts a line, then its separator (capture group after the entries' groups). */
  label: UnitPhrases<ResidueEntry>
  /** Phrases of several sentences ("Already a subscriber? Log in"): tried on runs of sentences. */
  multi: UnitPhrases<ResidueEntry>
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

const compiledCache = new Map<string, ResidueTable>()

export function compileResidue(rule: string, options: ResidueOptions = {}): ResidueTable {
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
    whole: unitPhrases(all, LEAD, TRAIL, true),
    sentence: unitPhrases(
      all.filter(([entry]) => entry.scope !== 'line'),
      LEAD,
      TRAIL,
      true
    ),
    multi: unitPhrases(several, LEAD, TRAIL, true),
    // A label, then a separator (punctuation, or white space), then the title.
    label: unitPhrases(labels, LEAD, `(${HSPACE}*[:\\-–—|»>]+${HSPACE}*|${HSPACE}+)(?=\\S)`)
  }
  compiledCache.set(key, hit)
  return hit
}

/** The entry whose phrase is the whole of `unit` (bullets and closing punctuation aside). */
function wholeMatch(index: UnitPhrases<ResidueEntry>, unit: string, word = unitKey(unit)): ResidueEntry | undefined {
  if (unit.length > MAX_UNIT || unit.trim() === '') return undefined
  return matchUnit(index, unit, word)?.entry
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

function judgeLine(compiled: ResidueTable, content: string): LineVerdict | undefined {
  if (content.trim() === '') return undefined
  const first = unitKey(content)
  const whole = wholeMatch(compiled.whole, content, first)
  if (whole) return {whole: true, entries: [whole], sentences: [], bareLabel: whole.scope === 'label'}
  if (content.length <= MAX_UNIT * 2) {
    for (const found of matchUnitAll(compiled.label, content, first)) {
      const label = found.match
      const separator = label[label.length - 1]
      const title = content.slice(label[0].length)
      // Without punctuation after the label, the title must start like one (a capital, a digit, a quote).
      const titled = separator.trim() !== '' || /^[\p{Lu}\d"“«‘']/u.test(title)
      if (titled && wordCount(title) <= MAX_TITLE_WORDS) return {whole: true, entries: [found.entry], sentences: [], bareLabel: false}
    }
  }
  // Sentence by sentence: runs of up to four sentences that are one phrase.
  const parts = lineSentences(content)
  const found: LineVerdict['sentences'] = []
  let covered = 0
  for (let i = 0; i < parts.length; ) {
    let matched = 0
    let entry: ResidueEntry | undefined
    const sentence = content.slice(parts[i][0], parts[i][1])
    // A run of sentences starts with the first word of its first sentence (which ends in
    // punctuation): the indexes tell at once whether any phrase can start with it.
    const word = unitKey(sentence)
    const multi = canStartUnit(compiled.multi, word)
    for (let j = Math.min(parts.length - 1, i + 3); j > i && !entry && multi; j--) {
      if (parts[j][1] - parts[i][0] > MAX_UNIT) continue
      const found = matchUnit(compiled.multi, content.slice(parts[i][0], parts[j][1]), word)
      if (found) {
        entry = found.entry
        matched = j - i + 1
      }
    }
    if (!entry && parts[i][1] - parts[i][0] > 1 && canStartUnit(compiled.sentence, word)) {
      const candidate = wholeMatch(compiled.sentence, sentence, word)
      if (candidate) {
        entry = candidate
        matched = 1
      }
    }
    if (!entry && i > 0 && i === parts.length - 1) {
      // `… And what now? See also Nudists hold a car festival`: a link label and its headline, flattened
      // into the paragraph by a scraper, as its last sentence (no sentence end of its own).
      entry = inlineLabel(compiled, sentence, word)
      if (entry) matched = 1
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

/** A headline after a label inside a paragraph: shorter than one on its own line. */
const INLINE_TITLE_WORDS = 16

/** A label phrase and a title after it (a capital first, up to INLINE_TITLE_WORDS words, no sentence end): its entry. */
function inlineLabel(compiled: ResidueTable, sentence: string, word: string | undefined): ResidueEntry | undefined {
  if (sentence.length > MAX_UNIT || /[.!?…:;,]["”»’)\]]*\s*$/u.test(sentence)) return undefined
  for (const found of matchUnitAll(compiled.label, sentence, word)) {
    const title = sentence.slice(found.match[0].length)
    if (/^[\p{Lu}\d"“«‘']/u.test(title) && wordCount(title) <= INLINE_TITLE_WORDS) return found.entry
  }
  return undefined
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

function analyse(text: string, compiled: ResidueTable): ResidueHit[] {
  if (compiled.entries.length === 0) return []
  const lines = splitLines(text)
  const paragraphs = lineParagraphs(text, lines)
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
