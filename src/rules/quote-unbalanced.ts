import {defineRule} from '../rule.js'
import {analyzeQuotes, isSpace, isWordChar, nextSentenceStart, paragraphSpans, reportingAfter, sentenceStarts, type Mark, type QuoteParagraph} from './shared/quote-marks.js'
import {dashQuotations} from './quote-unbalanced/dash.js'
import {englishMark, show, type QuoteSettings} from './shared/quote-style.js'

/**
 * `‘Ajax has more quality than PSV` as a headline line (British headlines quote in single marks):
 * a short line that opens with `‘` and a capital, holds no other mark (apostrophes inside words
 * aside) and no sentence end. Returns the line ends where the closer goes. `‘Tis`, `‘Twas` elide.
 */
function singleQuotedHeadlines(text: string): number[] {
  const out: number[] = []
  for (const span of paragraphSpans(text)) {
    if (text[span.start] !== '‘' || !/\p{Lu}/u.test(text[span.start + 1] ?? '') || /^‘T(?:is|was)\b/.test(text.slice(span.start, span.start + 6))) continue
    const line = text.slice(span.start + 1, span.end)
    if (line.split(' ').length > 12 || !/[\p{L}\p{N}]$/u.test(line) || /[.!?"“”«»‘]|’(?!\p{L})|(?<!\p{L})’/u.test(line)) continue
    out.push(span.end)
  }
  return out
}

export interface QuoteUnbalancedOptions extends QuoteSettings {}

/**
 * A closing quote with no opener in its paragraph (the opener is put back where
 * the quotation must have started), an opener never closed (closed at the end
 * of its paragraph when that is the only place), and a pair mixing straight and
 * curly marks. A paragraph left open and followed by a paragraph that reopens
 * the quotation is correct English and left alone.
 */
export default defineRule<QuoteUnbalancedOptions>({
  id: 'quote-unbalanced',
  category: 'quote-unbalanced',
  description: 'A quotation with a closer and no opener, an opener never closed, or mixed marks.',
  note:
    'Machine translation often drops the opening mark of a quotation that starts a paragraph, or converts only one of the two marks; scrapers lose marks at link and paragraph boundaries.',
  defaults: {quoteMarks: 'curly'},
  check(ctx) {
    const {text} = ctx
    const {marks, paragraphs} = analyzeQuotes(text, ctx.tree)
    for (const dash of dashQuotations(text)) {
      const opener = englishMark('open', 1, ctx.options.quoteMarks)
      const closer = englishMark('close', 1, ctx.options.quoteMarks)
      const [os, oe] = dash.open
      const [cs, ce] = dash.close
      // An empty range inserts: the edit takes the next character along so that it has a width.
      ctx.report({
        start: os,
        end: oe > os ? oe : os + 1,
        expected: [oe > os ? opener : opener + text[os]],
        fix: 'safe',
        reason: `Unexpected quotation marked only by dashes ${show(text.slice(os, Math.min(cs, os + 12)))}, expected ${show(opener)} where it starts`
      })
      const replacement = dash.punct + closer + ' '
      ctx.report({
        start: cs,
        end: ce,
        expected: [replacement],
        fix: 'safe',
        reason: `Unexpected dash before the reporting clause ${show(text.slice(cs, ce).replace(/\n/g, '⏎'))}, expected ${show(replacement)}`
      })
    }
    for (const at of singleQuotedHeadlines(text)) {
      const glyph = englishMark('close', 2, ctx.options.quoteMarks)
      ctx.report({start: at - 1, end: at, expected: [text[at - 1] + glyph], fix: 'safe', reason: `Unexpected opening quote ${show('‘')} never closed, expected ${show(glyph)} at the end of the headline`})
    }
    // Where the trailing punctuation of a paragraph starts (computed once per paragraph).
    const tails = new Map<QuoteParagraph, number>()
    for (let i = 0; i < marks.length; i++) {
      const mark = marks[i]
      const para = paragraphs[mark.para]
      if (mark.orphanClose && invertedPair(i)) {
        i++ // both marks rewritten
        continue
      }
      if (mark.orphanClose) orphanClose(i, mark, para)
      else if (mark.orphanOpen) orphanOpen(i, mark, para)
      else if (mark.role === 'close' && mark.pair >= 0) mixed(mark, marks[mark.pair])
    }

    function tailOf(para: QuoteParagraph): number {
      let tail = tails.get(para)
      if (tail === undefined) {
        tail = para.end
        while (tail > para.start && /[.,;:!?)\]”"»’\s]/.test(text[tail - 1])) tail--
        tails.set(para, tail)
      }
      return tail
    }

    function orphanClose(i: number, mark: Mark, para: QuoteParagraph) {
      const glyph = mark.ch === '"' ? '"' : englishMark('open', 1, ctx.options.quoteMarks)
      const reporting = reportingAfter(text, mark.pos)
      if (reporting && misplacedCloser(i, mark, para)) return
      const endsParagraph = mark.pos + 1 >= tailOf(para)
      let at = -1
      if (i > para.from) {
        // After the previous quote mark: the first sentence that starts after it.
        // Only after a clear boundary: the previous quotation ended a sentence or a reporting clause
        // followed it. After a quoted fragment mid-sentence the quotation may have begun earlier.
        const prev = marks[i - 1]
        const boundary = /[.!?]/.test(text[prev.pos - 1] ?? '') || text[prev.pos + 1] === '.' || reportingAfter(text, prev.pos)
        at = boundary ? nextSentenceStart(text, Math.max(para.start, prev.pos - 1), mark.pos) : -1
      } else {
        const starts = sentenceStarts(text, para.start, mark.pos)
        at = starts.length > 0 && reporting ? starts[starts.length - 1] : para.start
      }
      const reason = `Unexpected closing quote ${show(mark.ch)} with no opening quote`
      // The quotation must start with a word and hold one.
      if (at >= 0 && !(/[\p{L}\p{N}(‘]/u.test(text[at]) && /[\p{L}\p{N}]/u.test(text.slice(at, mark.pos)))) at = -1
      // Right after a closer that closes nothing (`We!” We”`): an opener there would make a stray `” “`.
      if (at >= 0 && i > para.from) {
        const prev = marks[i - 1]
        if (prev.orphanClose && text.slice(prev.pos + 1, at).trim() === '') at = -1
      }
      // Straight marks are symmetric: with an even number of them in the paragraph, one more would leave one unmatched.
      if (at >= 0 && mark.ch === '"') {
        let straight = 0
        for (let k = para.from; k < para.to; k++) if (marks[k].ch === '"') straight++
        if (straight % 2 === 0) at = -1
      }
      if (at < 0 || !(reporting || endsParagraph)) {
        ctx.report({start: mark.pos, end: mark.pos + 1, reason: reason + ', expected an opening quote where the quotation starts'})
        return
      }
      const width = text.codePointAt(at)! > 0xffff ? 2 : 1
      const first = text.slice(at, at + width)
      ctx.report({
        start: at,
        end: at + width,
        expected: [glyph + first],
        fix: 'safe',
        reason: `${reason} (at ${mark.pos}), expected ${show(glyph)} before ${show(text.slice(at, Math.min(para.end, at + 12)))}`
      })
    }

    function orphanOpen(i: number, mark: Mark, para: QuoteParagraph) {
      const reason = `Unexpected opening quote ${show(mark.ch)} never closed`
      const last = text[para.end - 1]
      const lastMark = i === para.to - 1
      // The end is inferable when nothing after the paragraph could continue the quotation: the
      // document ends, or the next paragraph is a short line that is not a sentence (page furniture).
      const next = paragraphs[mark.para + 1]
      const nextText = next ? text.slice(next.start, next.end) : ''
      const nothingFollows = !next || (!/[.!?…:;,”"]$/.test(nextText) && nextText.split(/\s+/).length < 8)
      // A quotation introduced by a colon or opening its paragraph, with no mark after it, runs to the
      // paragraph's end (no later paragraph closes or reopens it, or it would not be an orphan).
      const introduced = lastMark && introducesParagraphRest(para.start, mark.pos)
      const words = text.slice(mark.pos, para.end).split(/\s+/).length
      // Close the quotation after the paragraph's last character.
      const closeAtEnd = (what: string) => {
        const glyph = mark.ch === '"' ? '"' : englishMark('close', 1, ctx.options.quoteMarks)
        ctx.report({
          start: para.end - 1,
          end: para.end,
          expected: [last + glyph],
          fix: 'safe',
          reason: `${reason} (at ${mark.pos}), expected ${show(glyph)} at the end of the ${what}`
        })
      }
      if (mark.depth === 1 && introduced && /[\p{L}\p{N})]/u.test(last) && words <= 12) {
        // A headline: `Minister urges: “We have to start` (no sentence end to put the mark before).
        closeAtEnd('headline')
        return
      }
      if (mark.depth === 1 && lastMark && (nothingFollows || introduced) && /[.!?…]/.test(last) && !isSpace(text[para.end - 2])) {
        closeAtEnd('paragraph')
        return
      }
      ctx.report({start: mark.pos, end: mark.pos + 1, reason: reason + ', expected a closing quote'})
    }

    /**
     * `100 mm" in less than 3 hours "in the`: a straight closer that closes nothing, then a straight
     * opener never closed, each glued to the word on the wrong side. Read as one quotation whose marks
     * both stand on the wrong side of their space (one move each), rather than two lost marks (two
     * guesses): `100 mm "in less than 3 hours" in the`. Only over a short stretch with no sentence end.
     */
    function invertedPair(i: number): boolean {
      const close = marks[i]
      const open = marks[i + 1]
      if (!open || open.para !== close.para || close.ch !== '"' || open.ch !== '"') return false
      if (open.role !== 'open' || open.pair !== -1 || open.depth !== 1) return false
      if (text[close.pos + 1] !== ' ' || text[open.pos - 1] !== ' ' || !isWordChar(text[open.pos + 1])) return false
      const inner = text.slice(close.pos + 2, open.pos - 1)
      if (!/^[\p{L}\p{N}]/u.test(inner) || /[.!?;:"“”]/.test(inner) || inner.split(' ').length > 8) return false
      ctx.report({
        start: close.pos,
        end: close.pos + 2,
        expected: [' "'],
        fix: 'safe',
        reason: `Unexpected quote marks on the wrong side of their spaces ${show(text.slice(close.pos - 1, open.pos + 2))}, expected ${show(' "' + inner + '" ')}`
      })
      ctx.report({start: open.pos - 1, end: open.pos + 1, expected: ['" '], fix: 'safe', reason: `Unexpected opening quote never closed ${show(text.slice(open.pos - 1, open.pos + 2))}, expected ${show('" ')}`})
      return true
    }

    /**
     * `“The cuts are not with the unions” but with the whole sector,” said Ferrer`: a closer that a reporting
     * clause follows ends the quotation, and the closer before it, paired with an opener that starts a quoted
     * sentence and followed by a lower-case continuation with no sentence end or mark before this one, was
     * put inside it: deleted.
     */
    function misplacedCloser(i: number, mark: Mark, para: QuoteParagraph): boolean {
      if (i === para.from) return false
      const prev = marks[i - 1]
      if (prev.role !== 'close' || prev.depth !== 1 || prev.pair < para.from || prev.pair >= i - 1 || prev.ch === '"') return false
      const between = text.slice(prev.pos + 1, mark.pos)
      if (!/^ \p{Ll}/u.test(between) || /[.!?;:]/.test(between)) return false
      // Only a quoted sentence (the opener starts a sentence, a capital after it): a quoted fragment
      // (`in terms of “age groups”, the plan…”`) leaves where the second quotation began unknown.
      const open = marks[prev.pair].pos
      let k = open
      while (k > para.start && isSpace(text[k - 1])) k--
      if (!(k === para.start || /[.!?:]/.test(text[k - 1])) || !/\p{Lu}/u.test(text[open + 1] ?? '')) return false
      ctx.report({
        start: prev.pos,
        end: prev.pos + 1,
        expected: [''],
        fix: 'safe',
        reason: `Unexpected closing quote ${show(prev.ch)} inside the quotation that ends before the reporting clause (at ${mark.pos}), expected nothing`
      })
      return true
    }

    /** The opener at `pos` starts its paragraph or follows a colon. */
    function introducesParagraphRest(paraStart: number, pos: number): boolean {
      let k = pos
      while (k > paraStart && isSpace(text[k - 1])) k--
      return k === paraStart || text[k - 1] === ':'
    }

    function mixed(close: Mark, open: Mark) {
      const straightOpen = open.ch === '"'
      const straightClose = close.ch === '"'
      if (straightOpen === straightClose) return
      if (!'“”'.includes(straightOpen ? close.ch : open.ch)) return
      const straight = ctx.options.quoteMarks === 'straight'
      // Rewrite the mark that differs from the chosen style.
      const target = straight ? (straightOpen ? close : open) : straightOpen ? open : close
      const role = target === open ? 'open' : 'close'
      if (target.wrongWay || target.pad > 0 || (role === 'close' && target.glued)) return // another rule rewrites it
      const glyph = englishMark(role, 1, ctx.options.quoteMarks)
      ctx.report({
        start: target.pos,
        end: target.pos + 1,
        expected: [glyph],
        fix: 'safe',
        reason: `Unexpected ${role === 'open' ? 'opening' : 'closing'} quote ${show(target.ch)} paired with ${show((target === open ? close : open).ch)}, expected ${show(glyph)}`
      })
    }
  }
})
