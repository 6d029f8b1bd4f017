/**
 * One linear pass over the document that pairs double quote marks paragraph by
 * paragraph and records what is wrong with them. Shared (cached per tree) by
 * quote-glued, quote-unbalanced, quote-foreign and punct-quote-order so each
 * rule only reads the result.
 *
 * Marks considered: “ ” „ ‟ " « » (one quotation level; a second level written
 * with double marks is tracked as nesting). Single marks (‘ ’ ') are left to
 * the apostrophe: they are never paired here.
 */
import type {Root} from 'nlcst'
import {reportingClauseAt} from './reporting-words.js'

export type Role = 'open' | 'close' | 'none'

export interface Mark {
  /** Offset of the mark in the text. */
  pos: number
  ch: string
  role: Role
  /** 1 for an outer quotation, 2 for one nested inside it. */
  depth: number
  /** Index (in `marks`) of the partner, or -1. */
  pair: number
  /** The glyph points the wrong way for its role (`”` opening, `“` closing). */
  wrongWay: boolean
  /** White space between the mark and the quoted text (`“ x`, `x ”`): its length. */
  pad: number
  /** Closer glued to a following letter/digit, or opener glued to a preceding word. */
  glued: boolean
  /** Closer with no opener in its paragraph. */
  orphanClose: boolean
  /** Opener never closed (and the next paragraph does not reopen the quotation). */
  orphanOpen: boolean
  /** The paragraph the mark is in. */
  para: number
}

export interface QuoteParagraph {
  start: number
  end: number
  /** Pairing could not be worked out: report nothing structural here. */
  uncertain: boolean
  /** First mark index and one past the last. */
  from: number
  to: number
}

export interface QuoteAnalysis {
  marks: Mark[]
  paragraphs: QuoteParagraph[]
  /** How many signs of machine-translation quote damage the document shows. */
  damage: number
}

const DOUBLE = /["“”„‟«»]/g
const OPEN_GLYPHS = '“„«'
const CLOSE_GLYPHS = '”»‟'

export function isSpace(c: string | undefined): boolean {
  return c === undefined || c === '' || c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\u00A0' || c === '\u202F' || c === '\u2009' || c === '\u2007'
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u
export function isWordChar(c: string | undefined): boolean {
  return c !== undefined && c !== '' && LETTER_OR_DIGIT.test(c)
}

/**
 * A German/Dutch low opener typed as two commas (`,,Ich`, `: ,, We`): `,,` after a space, a line start,
 * `(` or `:` and before a letter (one space between allowed). Returns the end of the `,,` and its
 * padding, or -1. `word,, word` (a doubled comma) and `1,,5` are not openers.
 */
export function commaOpenerEnd(text: string, i: number): number {
  if (text[i] !== ',' || text[i + 1] !== ',' || text[i + 2] === ',') return -1
  const before = text[i - 1]
  if (!(i === 0 || isSpace(before) || before === '(' || before === ':')) return -1
  let j = i + 2
  if (text[j] === ' ' || text[j] === '\u00A0') j++
  return /\p{L}/u.test(text[j] ?? '') ? j : -1
}

const cache = new WeakMap<object, QuoteAnalysis>()

/** Quote analysis of `text`, cached on `tree` (one pass shared by all quote rules). */
export function analyzeQuotes(text: string, tree?: Root): QuoteAnalysis {
  if (tree) {
    const hit = cache.get(tree)
    if (hit) return hit
  }
  const result = analyze(text)
  if (tree) cache.set(tree, result)
  return result
}

/**
 * Paragraph spans for quote pairing: lines. Scraped news often separates paragraphs with one line
 * break; a quotation that runs over a line break (hard-wrapped text, multi-paragraph quotations) is
 * carried to the next line by `carryQuotations`.
 */
export function paragraphSpans(text: string): Array<{start: number; end: number}> {
  const spans: Array<{start: number; end: number}> = []
  // line breaks (`\r\n`, `\r`, `\n`) by char code: no match object per line
  let from = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c !== 10 && c !== 13) continue
    push(from, i)
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++
    from = i + 1
  }
  push(from, text.length)
  return spans
  function push(start: number, end: number) {
    while (start < end && isSpace(text[start])) start++
    while (end > start && isSpace(text[end - 1])) end--
    if (end > start) spans.push({start, end})
  }
}

function analyze(text: string): QuoteAnalysis {
  const marks: Mark[] = []
  const paragraphs: QuoteParagraph[] = []
  const spans = paragraphSpans(text)
  // Every double quote mark, in one scan; each paragraph takes those inside it (spans come in order).
  const found: number[] = []
  DOUBLE.lastIndex = 0
  for (let m: RegExpExecArray | null; (m = DOUBLE.exec(text)); ) found.push(m.index)
  let f = 0
  for (const span of spans) {
    const from = marks.length
    while (f < found.length && found[f] < span.start) f++
    for (; f < found.length && found[f] < span.end; f++) {
      const pos = found[f]
      marks.push({pos, ch: text[pos], role: 'none', depth: 0, pair: -1, wrongWay: false, pad: 0, glued: false, orphanClose: false, orphanOpen: false, para: paragraphs.length})
    }
    paragraphs.push({start: span.start, end: span.end, uncertain: false, from, to: marks.length})
  }
  // A paragraph with a `,,` opener is paired once quote-foreign has turned it into a mark (next pass).
  let q = 0
  for (let i = text.indexOf(',,'); i >= 0; i = text.indexOf(',,', i + 2)) {
    if (commaOpenerEnd(text, i) < 0) continue
    while (q < paragraphs.length && paragraphs[q].end <= i) q++
    if (q < paragraphs.length && paragraphs[q].start <= i) paragraphs[q].uncertain = true
  }
  for (let p = 0; p < paragraphs.length; p++) {
    if (!paragraphs[p].uncertain) pairParagraph(text, marks, paragraphs, p)
    const para = paragraphs[p]
    if (para.uncertain) {
      // Nothing is reported for marks of a paragraph whose pairing failed half-way (rewriting the marks
      // seen before the failure could unbalance it).
      for (let i = para.from; i < para.to; i++) {
        const mark = marks[i]
        mark.role = 'none'
        mark.pair = -1
        mark.depth = 0
        mark.wrongWay = mark.glued = mark.orphanClose = mark.orphanOpen = false
        mark.pad = 0
      }
    }
  }
  carryQuotations(text, marks, paragraphs)
  let damage = 0
  for (const mark of marks) {
    if (mark.role === 'none') continue
    if ('«»„‟'.includes(mark.ch) || mark.wrongWay || mark.pad > 0 || mark.glued || mark.orphanClose) damage++
    else if (mark.role === 'close' && mark.pair >= 0 && marks[mark.pair].ch !== mark.ch && (mark.ch === '"') !== (marks[mark.pair].ch === '"')) damage++
  }
  return {marks, paragraphs, damage}
}

/**
 * Quotations that run over several paragraphs. A paragraph left open is fine when the next
 * paragraph with quote marks reopens it (English style) or closes it with a closer that has
 * no opener of its own (a style that does not reopen; the closer is paired with the opener).
 * Otherwise the opener is never closed — except in a document cut off mid-paragraph.
 */
function carryQuotations(text: string, marks: Mark[], paragraphs: QuoteParagraph[]): void {
  let carry = -1
  // Paragraphs with no mark since the carried opener: an English continuation reopens every paragraph,
  // so after one of them a reopening is a new quotation (only a closer can still end the old one).
  let skipped = false
  for (const para of paragraphs) {
    if (para.uncertain) {
      carry = -1
      continue
    }
    if (carry >= 0 && para.to === para.from) skipped = true
    if (carry >= 0 && para.to > para.from) {
      const first = marks[para.from]
      if (first.role === 'open' && first.pos === para.start && !skipped) {
        // Reopened: correct.
      } else if (first.orphanClose) {
        first.orphanClose = false
        first.pair = carry
        marks[carry].pair = para.from
      } else {
        marks[carry].orphanOpen = true
      }
      carry = -1
    }
    if (para.to > para.from) skipped = false
    const unclosed: number[] = []
    for (let i = para.from; i < para.to; i++) if (marks[i].role === 'open' && marks[i].pair === -1) unclosed.push(i)
    if (unclosed.length === 1 && marks[unclosed[0]].depth === 1) carry = unclosed[0]
    else for (const i of unclosed) marks[i].orphanOpen = true
  }
  if (carry >= 0) {
    // Never closed before the end: unless the text is cut off mid-sentence.
    const last = paragraphs[paragraphs.length - 1]
    const tail = text.slice(last.start, last.end)
    const cut = !/[.!?…”"’)]$/.test(tail) && tail.split(/\s+/).length >= 8
    if (!cut) marks[carry].orphanOpen = true
  }
}

function pairParagraph(text: string, marks: Mark[], paragraphs: QuoteParagraph[], p: number): void {
  const para = paragraphs[p]
  // A soup of marks (more than one in four characters over a long line) is not prose: do not pair it.
  const count = para.to - para.from
  if (count > 50 && count * 4 > para.end - para.start) {
    para.uncertain = true
    return
  }
  const stack: number[] = []
  for (let i = para.from; i < para.to; i++) {
    const mark = marks[i]
    const {pos, ch} = mark
    const before = pos > para.start ? text[pos - 1] : ''
    const after = pos + 1 < para.end ? text[pos + 1] : ''
    const spaceBefore = isSpace(before)
    const spaceAfter = isSpace(after)
    const punctAfter = after !== '' && '.,;:!?)]'.includes(after)
    const openShape = (spaceBefore || '([{—–-/‘\''.includes(before)) && !spaceAfter && !punctAfter
    const closeShape = !spaceBefore && (spaceAfter || punctAfter || '”’"»'.includes(after))
    const spacedBoth = spaceBefore && spaceAfter
    const remaining = para.to - i - 1
    const open = stack.length > 0

    if (ch === '"' && (after === '"' || before === '"')) {
      // `""`: an empty string or a typo, not a quotation.
      continue
    }
    if ((ch === '"' || ch === '”') && /\d/.test(before) && !open) {
      // 12" or 55” (inches): not a quote.
      continue
    }
    if (!open && ch === '»' && spaceBefore && spaceAfter && !reportingClauseAt(text, pos + 1)) {
      // A separator (`Home » World » Europe`) or a link arrow (`Next Post »`), not a quote — unless it
      // ends a sentence (`the sword. »`).
      let k = pos - 1
      while (k >= para.start && isSpace(text[k])) k--
      if (after !== '' || k < para.start || !/[.!?…]/.test(text[k])) continue
    }
    let role: Role
    if (!open) {
      if (CLOSE_GLYPHS.includes(ch)) {
        if ((openShape || spacedBoth) && remaining > 0 && !(ch === '»' && spacedBoth)) role = 'open'
        else if (wrongWayOpenerGlued(text, marks, para, i)) role = 'open' // `convinced.”We will strike”explains`
        else role = 'close'
      } else if (OPEN_GLYPHS.includes(ch)) {
        // An opener glyph that cannot open (`apart “.` `tricky “` at the end) closes a lost quotation.
        // Not when a closer comes next with no word between: `“.”` is an empty quotation, not a lost one.
        // `Paris“, X told AFP`: glued to a word and followed by punctuation, it can only close.
        if (ch === '“' && isWordChar(before) && punctAfter && after !== ')') role = 'close'
        else if (ch === '“' && pos > para.start && ((punctAfter && (spaceBefore || remaining === 0)) || (spaceBefore && after === '')) && !(remaining > 0 && '”"»'.includes(marks[i + 1].ch) && !/[\p{L}\p{N}]/u.test(text.slice(pos + 1, marks[i + 1].pos)))) role = 'close'
        // `society, “said Vilalta`: the last mark, after a quotation's closing punctuation and a space, glued to a
        // reporting clause — a closer turned the wrong way with its space on the wrong side (French `», a dit`).
        else if (ch === '“' && spaceBefore && remaining === 0 && isWordChar(after) && /[,.!?]/.test(text[pos - 2] ?? '') && reportingClauseAt(text, pos + 1)) role = 'close'
        else if (closeShape && remaining === 0 && !isWordChar(after)) role = 'close'
        else role = 'open'
      } else {
        // Straight quote. Opening-shaped but the last mark and followed by a reporting clause: a closer
        // glued to the clause whose opener was lost (`months "Anne Hidalgo announces`).
        if (closeShape && !openShape) role = 'close'
        else if (openShape && before !== '' && remaining === 0 && isWordChar(after) && !afterOpeningPunct(text, para.start, pos) && reportingClauseAt(text, pos + 1)) role = 'close'
        else role = 'open'
      }
    } else {
      // A quotation is open.
      if (closeShape || (spacedBoth && (remaining === 0 || CLOSE_GLYPHS.includes(ch))) || (spaceBefore && (after === '' || punctAfter))) role = 'close'
      else if (openShape || spacedBoth) {
        if (remaining === 0 && isWordChar(after) && !afterOpeningPunct(text, para.start, pos) && reportingClauseAt(text, pos + 1)) role = 'close' // glued to the clause: `months "Anne announces`, `novel “Launches`
        else if (CLOSE_GLYPHS.includes(ch) && spaceBefore && /[.!?]/.test(text[pos - 2] ?? '')) role = 'close' // `virus. ”The`
        else if (pos > para.start && (text[pos - 1] === '\n' || text[pos - 1] === '\r')) {
          // A new line inside the paragraph reopening a quotation.
          stack.length = 0
          role = 'open'
        } else if (stack.length === 1 && remaining >= 2) role = 'open'
        else {
          para.uncertain = true
          return
        }
      } else {
        // Glued on both sides: `word”word` or `word"word`.
        if (CLOSE_GLYPHS.includes(ch) || ch === '"') role = 'close'
        else {
          para.uncertain = true
          return
        }
      }
    }
    mark.role = role
    if (role === 'open') {
      mark.wrongWay = ch === '”'
      let j = pos + 1
      while (j < para.end && (text[j] === ' ' || text[j] === '\u00A0' || text[j] === '\u202F' || text[j] === '\t')) j++
      mark.pad = j - pos - 1
      if (mark.pad > 0 && j < para.end && !isWordChar(text[j]) && !'‘\'(…['.includes(text[j])) mark.pad = 0
      // Glued to the previous word: `said“We`, `,“We`.
      // Not after a closer that closes nothing (`notes”“`): a space there would make a stray `” “`.
      const afterStray = before === '”' && i > para.from && marks[i - 1].pos === pos - 1 && marks[i - 1].orphanClose
      if (!spaceBefore && before !== '' && (isWordChar(before) || '.,;:!?”'.includes(before)) && !afterStray) mark.glued = true
      stack.push(i)
      mark.depth = stack.length
      if (stack.length > 2) {
        para.uncertain = true
        return
      }
    } else {
      mark.wrongWay = ch === '“'
      let j = pos
      while (j > para.start && (text[j - 1] === ' ' || text[j - 1] === '\u00A0' || text[j - 1] === '\u202F' || text[j - 1] === '\t')) j--
      mark.pad = pos - j
      if (mark.pad > 0 && j > para.start && !/[\p{L}\p{N}.!?,;…)%’]/u.test(text[j - 1])) mark.pad = 0
      if (isWordChar(after)) mark.glued = true
      if (stack.length === 0) {
        mark.orphanClose = true
        mark.depth = 1
      } else {
        const opener = stack.pop()!
        mark.pair = opener
        marks[opener].pair = i
        mark.depth = stack.length + 1
        if (!/[\p{L}\p{N}]/u.test(text.slice(marks[opener].pos + 1, pos))) {
          // `“ “`, `“.”`: nothing quoted, nothing to rewrite.
          mark.role = marks[opener].role = 'none'
          mark.pair = marks[opener].pair = -1
          mark.wrongWay = mark.glued = marks[opener].wrongWay = marks[opener].glued = false
          mark.pad = marks[opener].pad = 0
        }
      }
    }
  }
}

const UPPER = /\p{Lu}/u

/** The mark at `pos` starts a sentence: at the paragraph start or after `. ` / `? ` / `! ` (and a closer). */
export function startsSentence(text: string, paraStart: number, pos: number): boolean {
  let j = pos
  while (j > paraStart && isSpace(text[j - 1])) j--
  if (j === paraStart) return true
  return /[.!?]/.test(text[j - 1]) || (/[”"’)]/.test(text[j - 1]) && /[.!?]/.test(text[j - 2] ?? ''))
}

/**
 * The mark at `pos` follows `(`, `[` or a dash (spaces aside): only an opener stands there, so it is never
 * read as a closer glued to a reporting clause (`("according⏎to information")`, `— "according`).
 */
function afterOpeningPunct(text: string, paraStart: number, pos: number): boolean {
  let k = pos
  while (k > paraStart && isSpace(text[k - 1])) k--
  return k > paraStart && '([{—–-'.includes(text[k - 1])
}

/**
 * `convinced.”We will strike on Monday”explains`: a `”` after a sentence end, glued to a capitalised
 * word, with no quotation open, whose next mark in the paragraph is closer-shaped (`”` or `"` glued to
 * the word before it, or followed by a space or punctuation): an opener turned the wrong way (MT writes
 * `”` for both marks) with its space lost, not a closer whose opener was lost.
 */
function wrongWayOpenerGlued(text: string, marks: Mark[], para: QuoteParagraph, i: number): boolean {
  const {pos, ch} = marks[i]
  if (ch !== '”' || i + 1 >= para.to) return false
  const before = text[pos - 1] ?? ''
  if (pos <= para.start || !'.!?…'.includes(before) || !UPPER.test(text[pos + 1] ?? '')) return false
  if (before === '.' && isAbbreviationDot(text, pos - 1)) return false
  const next = marks[i + 1]
  if (next.ch !== '”' && next.ch !== '"') return false
  const nb = text[next.pos - 1]
  const na = next.pos + 1 < para.end ? text[next.pos + 1] : ''
  if (isSpace(nb) && !(isSpace(na) || '.,;:!?)]'.includes(na))) return false
  // The quotation holds a word.
  return /[\p{L}\p{N}]/u.test(text.slice(pos + 1, next.pos))
}

/** Is the `.` at `dot` the end of an abbreviation (`U.S.`, `Mr.`)? */
function isAbbreviationDot(text: string, dot: number): boolean {
  return isAbbreviationEnd(text, dot + 1)
}

/** A reporting clause follows the closer at `pos` (after `,` `.` and spaces)? */
export function reportingAfter(text: string, pos: number): boolean {
  let j = pos + 1
  if (text[j] === ',' || text[j] === '.') j++
  return reportingClauseAt(text, j)
}

/** Offset of the sentence start at or after `from` (a capital after `. `), before `limit`; -1 if none. */
export function nextSentenceStart(text: string, from: number, limit: number): number {
  const piece = text.slice(from, limit)
  const re = /[.!?…][”"’»)]*[ \t\u00A0]+(?=[“"«‘(]?[\p{Lu}\p{N}])/gu
  const m = re.exec(piece)
  if (!m) return -1
  return from + m.index + m[0].length
}

/** Sentence starts (offsets) strictly inside (from, limit). */
export function sentenceStarts(text: string, from: number, limit: number): number[] {
  const out: number[] = []
  let at = from
  for (;;) {
    const s = nextSentenceStart(text, at, limit)
    if (s < 0) break
    if (!isAbbreviationEnd(text, s)) out.push(s)
    at = s
  }
  return out
}

/** Is the sentence-end before `start` (a `.` then spaces) an abbreviation like `Mr.` or `U.S.`? */
function isAbbreviationEnd(text: string, start: number): boolean {
  let j = start
  while (j > 0 && isSpace(text[j - 1])) j--
  if (text[j - 1] !== '.') return false
  let k = j - 1
  while (k > 0 && /\p{L}/u.test(text[k - 1])) k--
  const word = text.slice(k, j - 1)
  if (text[k - 1] === '.') return true // U.S.
  return /^(?:Mr|Mrs|Ms|Dr|St|Prof|Gen|Sen|Rep|Gov|Col|Lt|Sgt|Jr|Sr|Inc|Ltd|Co|Corp|No|vs|etc|[A-Z])$/.test(word)
}
