import {defineRule} from '../rule.js'
import {analyzeQuotes, isSpace, startsSentence, type Mark, type QuoteAnalysis} from './shared/quote-marks.js'
import {show, type QuoteSettings} from './shared/quote-style.js'
import {PRONOUNS, REPORTING_VERBS, reportingClauseAt} from './shared/reporting-words.js'

export interface PunctQuoteOrderOptions extends QuoteSettings {
  /**
   * Quoted fragments (a quotation that starts inside a sentence: `called it “a
   * disaster”.`) in American style: `always` moves the period or comma inside,
   * `never` leaves them, `auto` (default) moves them only in a document that
   * shows other machine-translation quote damage (foreign, glued, padded or
   * unbalanced marks, or `”,`/`”.` after a full quoted sentence), so a clean
   * document written in British/logical style is left alone.
   */
  fragments: 'auto' | 'always' | 'never'
}

interface Candidate {
  mark: Mark
  punct: string
  strong: boolean
  list: boolean
}

/**
 * `security”.` → `security.”` and `what”, explains` → `what,” explains`: the
 * French/logical order of punctuation and closing quote, in American style.
 */
export default defineRule<PunctQuoteOrderOptions>({
  id: 'punct-quote-order',
  category: 'punct-quote-order',
  description: 'A period or comma outside the closing quote (American style).',
  note:
    'French, Spanish, Italian and German put the period and comma after the closing quote; machine translation keeps that order, which American style (and British style, for a full quoted sentence) does not use.',
  defaults: {quoteStyle: 'american', fragments: 'auto'},
  schema: {fragments: {type: 'string', enum: ['auto', 'always', 'never']}},
  check(ctx) {
    const {text} = ctx
    const analysis = analyzeQuotes(text, ctx.tree)
    const american = ctx.options.quoteStyle !== 'british'
    const candidates: Candidate[] = []
    let strongCount = 0
    for (const mark of analysis.marks) {
      const c = candidate(text, analysis, mark, american)
      if (!c) continue
      if (c.strong) strongCount++
      candidates.push(c)
    }
    for (const mark of analysis.marks) {
      if (!missingComma(text, analysis, mark)) continue
      ctx.report({
        start: mark.pos,
        end: mark.pos + 1,
        expected: [',' + mark.ch],
        fix: 'safe',
        reason: `Unexpected quotation followed by a reporting verb without a comma ${show(text.slice(mark.pos - 1, mark.pos + 2))}, expected ${show(',' + mark.ch)}`
      })
    }
    for (const mark of analysis.marks) {
      const edit = endedBeforeComma(text, mark)
      if (!edit) continue
      ctx.report({
        start: edit.start,
        end: edit.end,
        expected: [edit.replacement],
        fix: 'safe',
        reason: `Unexpected comma after a quotation that ends a sentence ${show(text.slice(edit.start, edit.end))}, expected ${show(edit.replacement)}`
      })
    }
    const damaged = analysis.damage + strongCount > 0
    const fragments = ctx.options.fragments ?? 'auto'
    for (const c of candidates) {
      let fix: boolean
      if (c.strong) fix = true
      else fix = american && !c.list && (fragments === 'always' || (fragments === 'auto' && damaged))
      if (!fix) continue
      const {pos, ch} = c.mark
      const pronoun = c.punct === ',' ? capitalPronounAt(text, pos + 2) : ''
      ctx.report({
        start: pos,
        end: pos + 2 + (pronoun ? 2 : 0),
        expected: [c.punct + ch + (pronoun ? ' ' + pronoun : '')],
        fix: 'safe',
        reason: `Unexpected ${c.punct === '.' ? 'period' : 'comma'} after the closing quote ${show(ch + c.punct)}, expected ${show(c.punct + ch)}`
      })
    }
  }
})

function candidate(text: string, analysis: QuoteAnalysis, mark: Mark, american: boolean): Candidate | undefined {
  if (mark.role !== 'close' || mark.depth !== 1 || mark.glued || mark.wrongWay || mark.pad > 0) return
  if ('«»„‟'.includes(mark.ch)) return
  const punct = text[mark.pos + 1]
  if (punct !== '.' && punct !== ',') return
  const after = text[mark.pos + 2] ?? ''
  if (after === '.' || after === ',' || /[\p{L}\p{N}]/u.test(after)) return // `”.,` is punct-double's; `”.com`
  const last = text[mark.pos - 1] ?? ''
  if (/[.!?,;:…]/.test(last)) return
  const para = analysis.paragraphs[mark.para]
  const opener = mark.pair >= 0 ? analysis.marks[mark.pair] : undefined
  if (!opener) return // quote-unbalanced first
  if (!/[\p{L}\p{N}]/u.test(text.slice(opener.pos + 1, mark.pos))) return // `“”,`: nothing quoted
  // A member of a list of quoted terms: `a “new drift”, “limitless violence”.`
  let k = opener.pos
  while (k > para.start && isSpace(text[k - 1])) k--
  const afterList = text[k - 1] === ',' && '”"'.includes(text[k - 2] ?? '')
  if (punct === ',') {
    let j = mark.pos + 2
    while (isSpace(text[j]) && j < para.end) j++
    const list = afterList || '“"«„'.includes(text[j] ?? '')
    const reporting = reportingClauseAt(text, mark.pos + 2)
    const full = fullUtterance(text, para.start, opener.pos, mark.pos)
    // Before a reporting clause the comma goes inside in American style; in British style only after a full sentence.
    return {mark, punct, strong: reporting && (american || full), list}
  }
  return {mark, punct, strong: fullUtterance(text, para.start, opener.pos, mark.pos), list: afterList}
}

/** A full quoted utterance: it starts a sentence with a capital, or holds a sentence end inside. */
function fullUtterance(text: string, paraStart: number, open: number, close: number): boolean {
  const inner = text.slice(open + 1, close)
  if (/[.!?]\s+\p{Lu}/u.test(inner)) return true
  return startsSentence(text, paraStart, open) && /^\s*\p{Lu}/u.test(inner)
}

/**
 * `peasants.”, he added` → `peasants,” he added`; `tomorrow?”, she asked` → `tomorrow?” she asked`: the
 * quotation ended its sentence inside the marks and the comma of the reporting clause was added after
 * them (the source put it there). The period becomes the comma; `?` and `!` stay and the comma goes.
 */
function endedBeforeComma(text: string, mark: Mark): {start: number; end: number; replacement: string} | undefined {
  if (mark.role !== 'close' || mark.depth !== 1 || mark.glued || mark.wrongWay || mark.pad > 0 || mark.pair < 0) return
  if ('«»„‟'.includes(mark.ch) || text[mark.pos + 1] !== ',') return
  const last = text[mark.pos - 1]
  if (last !== '.' && last !== '?' && last !== '!') return
  if (last === '.' && (text[mark.pos - 2] === '.' || !/[\p{L}\p{N})%]/u.test(text[mark.pos - 2] ?? ''))) return
  if (!isSpace(text[mark.pos + 2]) || !reportingClauseAt(text, mark.pos + 2)) return
  const pronoun = capitalPronounAt(text, mark.pos + 2)
  const tail = pronoun ? ' ' + pronoun : ''
  const end = mark.pos + 2 + (pronoun ? 2 : 0)
  if (last === '.') return {start: mark.pos - 1, end, replacement: ',' + mark.ch + tail}
  return {start: mark.pos, end, replacement: mark.ch + tail}
}

/**
 * `”, He said`: the pronoun of a reporting clause capitalised as if a sentence started (not `I`).
 * Returns the pronoun's first letter in lower case when one stands at `from` + 1, else ''.
 */
function capitalPronounAt(text: string, from: number): string {
  if (text[from] !== ' ') return ''
  NEXT_WORDS.lastIndex = from + 1
  const word = NEXT_WORDS.exec(text)?.[0] ?? ''
  if (!/^\p{Lu}\p{Ll}+$/u.test(word) || !PRONOUNS.has(word.toLowerCase()) || !reportingClauseAt(text, from + 1)) return ''
  return word[0].toLowerCase()
}

const TITLE_SMALL_WORDS = new Set(['a', 'an', 'the', 'and', 'or', 'but', 'nor', 'of', 'in', 'on', 'at', 'to', 'for', 'with', 'by', 'from', 'as', 'vs'])
const NEXT_WORDS = /[\p{L}’'-]+/uy

/**
 * `“It is serious” affirms the minister` → `“It is serious,” affirms the minister`: a full quoted
 * clause (it starts a sentence with a capital and holds at least four words, not in title case) closed
 * by `”` + a space + a reporting verb (or a pronoun and one) with the comma lost. Titles stay:
 * `“The Godfather” tells the story`, `“The Lord of the Rings” tells`.
 */
function missingComma(text: string, analysis: QuoteAnalysis, mark: Mark): boolean {
  if (mark.role !== 'close' || mark.depth !== 1 || mark.glued || mark.wrongWay || mark.pad > 0 || mark.pair < 0) return false
  if (mark.ch !== '”' && mark.ch !== '"') return false
  if (text[mark.pos + 1] !== ' ' || !/[\p{L}\p{N})%]/u.test(text[mark.pos - 1] ?? '')) return false
  // The word after: a reporting verb written in lower case, or a pronoun and a reporting verb.
  NEXT_WORDS.lastIndex = mark.pos + 2
  const first = NEXT_WORDS.exec(text)?.[0] ?? ''
  if (!/^\p{Ll}/u.test(first)) return false
  if (!REPORTING_VERBS.has(first)) {
    if (!PRONOUNS.has(first) || text[mark.pos + 2 + first.length] !== ' ') return false
    NEXT_WORDS.lastIndex = mark.pos + 3 + first.length
    if (!REPORTING_VERBS.has(NEXT_WORDS.exec(text)?.[0] ?? '')) return false
  } else if (first === 'according') return false
  const opener = analysis.marks[mark.pair]
  const para = analysis.paragraphs[mark.para]
  if (!startsSentence(text, para.start, opener.pos)) return false
  const inner = text.slice(opener.pos + 1, mark.pos)
  if (!/^\p{Lu}/u.test(inner)) return false
  const words = inner.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w))
  if (words.length < 4) return false
  // Title case (`The Lord of the Rings`, `Gone with the Wind`): half or more of the words after the
  // first, short function words aside, are capitalised.
  const content = words.slice(1).filter((w) => !TITLE_SMALL_WORDS.has(w.toLowerCase()))
  const capitalised = content.filter((w) => /^[“"‘(]?\p{Lu}/u.test(w)).length
  return content.length > 0 && capitalised * 2 < content.length
}
