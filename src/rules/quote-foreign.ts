import {defineRule} from '../rule.js'
import {analyzeQuotes, commaOpenerEnd} from './shared/quote-marks.js'
import {englishMark, show, type QuoteSettings} from './shared/quote-style.js'

export interface QuoteForeignOptions extends QuoteSettings {}

const FOREIGN = '«»„‟‹›‚'

/**
 * Quote marks of the source language (« » „ ‚ ‹ ›), curly marks turned the
 * wrong way (`” x “`) and marks padded with spaces (`“ x ”`, `x »`) → the
 * English marks of the chosen style, nested quotations in single marks.
 */
export default defineRule<QuoteForeignOptions>({
  id: 'quote-foreign',
  category: 'quote-foreign',
  description: 'Quote marks of the source language, turned the wrong way, or padded with spaces.',
  note:
    'French, Italian and Spanish quote with « » and a space inside the marks, German and Dutch with „ “; machine translation keeps the marks or turns them into curly quotes facing the wrong way, with the spaces left inside.',
  defaults: {quoteMarks: 'curly'},
  check(ctx) {
    const {text} = ctx
    const analysis = analyzeQuotes(text, ctx.tree)
    for (const mark of analysis.marks) {
      if (mark.role === 'none') continue
      const foreign = FOREIGN.includes(mark.ch)
      // An opener never closed may be page furniture (`« Previous`): leave it to quote-unbalanced.
      if (mark.orphanOpen) continue
      // A nested pair: when one of its marks is rewritten, both become English single marks.
      const partner = mark.depth === 2 && mark.pair >= 0 ? analysis.marks[mark.pair] : undefined
      const partnerRewritten = partner !== undefined && (FOREIGN.includes(partner.ch) || partner.wrongWay || partner.pad > 0)
      if (!foreign && !mark.wrongWay && mark.pad === 0 && !partnerRewritten) continue
      // Straight marks have no direction: their padding is only trusted when the pair lies in one paragraph
      // (else quote-glued and this rule could read the same mark both ways and undo each other).
      if (mark.ch === '"' && mark.pad > 0 && !foreign && !sameParagraph(text, mark.pos, analysis.marks[mark.pair]?.pos)) continue
      // A closer glued to the next word is quote-glued's (it writes the mark too).
      if (mark.role === 'close' && mark.glued) continue
      // So is an opener glued to the previous word, unless spaces inside it need removing too.
      if (mark.role === 'open' && mark.glued && mark.pad === 0 && !partnerRewritten) continue
      const glyph = foreign || mark.wrongWay || partnerRewritten ? englishMark(mark.role, mark.depth, ctx.options.quoteMarks) : mark.ch
      const start = mark.role === 'open' ? mark.pos : mark.pos - mark.pad
      const end = mark.role === 'open' ? mark.pos + 1 + mark.pad : mark.pos + 1
      const actual = text.slice(start, end)
      if (actual === glyph) continue
      const what = foreign
        ? `foreign ${mark.role === 'open' ? 'opening' : 'closing'} quote ${show(actual)}`
        : mark.wrongWay
          ? `${mark.role === 'open' ? 'opening' : 'closing'} quote turned the wrong way ${show(actual)}`
          : partnerRewritten && mark.pad === 0
            ? `nested ${mark.role === 'open' ? 'opening' : 'closing'} quote ${show(actual)}`
          : `space ${mark.role === 'open' ? 'after the opening' : 'before the closing'} quote ${show(actual)}`
      ctx.report({start, end, expected: [glyph], fix: 'safe', reason: `Unexpected ${what}, expected ${show(glyph)}`})
    }
    // `,,We`: a low opener typed as two commas. Its closer is written on the next pass, once the
    // analysis sees the opener.
    for (let i = text.indexOf(',,'); i >= 0; i = text.indexOf(',,', i + 2)) {
      const end = commaOpenerEnd(text, i)
      if (end < 0) continue
      const glyph = englishMark('open', 1, ctx.options.quoteMarks)
      ctx.report({start: i, end, expected: [glyph], fix: 'safe', reason: `Unexpected foreign opening quote ${show(text.slice(i, end))}, expected ${show(glyph)}`})
    }
    // Single foreign marks (‹ › ‚) are not paired by the analysis: map them when they clearly open or close.
    const single = /[‹›‚]/g
    let m: RegExpExecArray | null
    while ((m = single.exec(text))) {
      const c = m[0]
      const after = text[m.index + 1] ?? ''
      const before = text[m.index - 1] ?? ''
      let role: 'open' | 'close' | undefined
      if (c === '‚' || c === '‹') role = /\s/.test(after) || after === '' ? undefined : 'open'
      else role = /\s/.test(before) || before === '' ? undefined : 'close'
      if (c === '‹' && role === 'open' && /[\p{L}\p{N}]/u.test(before)) role = 'close' // ›x‹ (German)
      if (!role) continue
      const glyph = englishMark(role, 2, ctx.options.quoteMarks)
      ctx.report({start: m.index, end: m.index + 1, expected: [glyph], fix: 'safe', reason: `Unexpected foreign quote ${show(c)}, expected ${show(glyph)}`})
    }
  }
})

/** True when both offsets are known and no blank line lies between them. */
function sameParagraph(text: string, a: number, b: number | undefined): boolean {
  if (b === undefined) return false
  const between = text.slice(Math.min(a, b), Math.max(a, b))
  return !/\n[^\S\n]*\n/.test(between)
}
