import {defineRule} from '../rule.js'
import {analyzeQuotes, isWordChar, startsSentence, type QuoteAnalysis} from './shared/quote-marks.js'
import {englishMark, show, type QuoteSettings} from './shared/quote-style.js'
import {capitalisedVerbAt, reportingClauseAt} from './shared/reporting-words.js'

/**
 * `"For five years, not a minute less" "I did not find an ally`: a quoted sentence (it starts a
 * sentence with a capital and holds four words or more) closed with no end punctuation and followed
 * at once by another quotation that starts with a capital: the period between them was lost.
 */
function runTogether(text: string, analysis: QuoteAnalysis, i: number): boolean {
  const close = analysis.marks[i]
  const next = analysis.marks[i + 1]
  if (close.role !== 'close' || close.depth !== 1 || close.pair < 0 || next.role !== 'open' || next.para !== close.para) return false
  if (next.pos !== close.pos + 2 || text[close.pos + 1] !== ' ' || close.pad > 0 || next.pad > 0) return false
  if (!/[\p{L}\p{N}]/u.test(text[close.pos - 1] ?? '') || !/\p{Lu}/u.test(text[next.pos + 1] ?? '')) return false
  const opener = analysis.marks[close.pair]
  const inner = text.slice(opener.pos + 1, close.pos)
  return startsSentence(text, analysis.paragraphs[close.para].start, opener.pos) && /^\p{Lu}/u.test(inner) && inner.split(/\s+/).length >= 4
}

export interface QuoteGluedOptions extends QuoteSettings {}

/**
 * A closing quote glued to the next word (`solutions”Kremlin`, `mistakes.”notes`,
 * `virus. ”The`, `months "Anne`) or an opening quote glued to the previous one
 * (`said“We`). Before a reporting clause the lost comma comes back too.
 */
export default defineRule<QuoteGluedOptions>({
  id: 'quote-glued',
  category: 'quote-glued',
  description: 'A quote mark glued to the neighbouring word.',
  note:
    'Machine translation and scrapers drop the space (and the comma) between a quotation and the reporting clause that follows it, or between a word and an opening quote.',
  defaults: {quoteMarks: 'curly'},
  check(ctx) {
    const {text} = ctx
    const analysis = analyzeQuotes(text, ctx.tree)
    for (let i = 0; i + 1 < analysis.marks.length; i++) {
      if (!runTogether(text, analysis, i)) continue
      const {pos, ch} = analysis.marks[i]
      ctx.report({
        start: pos,
        end: pos + 1,
        expected: ['.' + ch],
        fix: 'safe',
        reason: `Unexpected quotation run into the next one without its period ${show(text.slice(pos - 1, pos + 4))}, expected ${show('.' + ch)}`
      })
    }
    for (const mark of analysis.marks) {
      if (!mark.glued || mark.role === 'none') continue
      if (mark.role === 'close') {
        const glyph = mark.wrongWay || '«»„‟'.includes(mark.ch) ? englishMark('close', mark.depth, ctx.options.quoteMarks) : mark.ch
        let start = mark.pos - mark.pad
        let end = mark.pos + 1
        const last = text[start - 1] ?? ''
        const nextLower = /\p{Ll}/u.test(text[mark.pos + 1] ?? '')
        const verbCap = capitalisedVerbAt(text, mark.pos + 1) >= 0
        // `session.”mocked X`: after a sentence closed inside the marks, a lower-case word is not a new
        // sentence; it continues the one the quotation stands in, as its reporting clause.
        // Only for a quotation that stands as its own sentence (`He said “It is done.”and left` has its clause before it).
        const opener = mark.pair >= 0 ? analysis.marks[mark.pair] : undefined
        const continued = last === '.' && nextLower && (!opener || (startsSentence(text, analysis.paragraphs[mark.para].start, opener.pos) && /^\s*[\p{Lu}\p{N}]/u.test(text.slice(opener.pos + 1, mark.pos))))
        const reporting = mark.depth === 1 && (continued || reportingClauseAt(text, mark.pos + 1))
        let replacement = glyph + ' '
        if (reporting) {
          if (last === '.' && (nextLower || verbCap) && text[start - 2] !== '.') {
            start--
            replacement = ',' + glyph + ' '
          } else if (isWordChar(last) || last === ')' || last === '%') {
            replacement = ',' + glyph + ' '
          }
          if (verbCap && !/[.!?]/.test(last)) {
            replacement += text[mark.pos + 1].toLowerCase()
            end++
          }
        }
        ctx.report({
          start,
          end,
          expected: [replacement],
          fix: 'safe',
          reason: `Unexpected closing quote glued to the next word ${show(text.slice(start, mark.pos + 2))}, expected ${show(replacement + (end > mark.pos + 1 ? '' : text[mark.pos + 1]))}`
        })
      } else {
        // A wrong-way or foreign opener is rewritten here too (quote-foreign leaves glued openers alone).
        const glyph = mark.wrongWay || '«»„‟'.includes(mark.ch) ? englishMark('open', mark.depth, ctx.options.quoteMarks) : mark.ch
        const replacement = ' ' + glyph
        ctx.report({
          start: mark.pos,
          end: mark.pos + 1,
          expected: [replacement],
          fix: 'safe',
          reason: `Unexpected opening quote glued to the previous word ${show(text.slice(Math.max(0, mark.pos - 1), mark.pos + 2))}, expected ${show(replacement)}`
        })
      }
    }
  }
})
