import {defineRule} from '../rule.js'
import {bare, type Paragraph} from '../furniture/paragraphs.js'
import {BULLETS} from '../furniture/evidence.js'
import {classifyParagraphs} from '../furniture/classify.js'

export interface LineBreakOptions {
  /** Longest piece (in words) taken as link or bold text cut out of its sentence. */
  maxPieceWords: number
}

/** Words that never end an English sentence or heading: a paragraph ending with one goes on. */
const OPEN_ENDINGS = new Set([
  'a', 'an', 'the', 'of', 'in', 'into', 'on', 'onto', 'at', 'to', 'for', 'from', 'with', 'by', 'as', 'and', 'or', 'nor', 'but',
  'than', 'their', 'his', 'her', 'its', 'our', 'your', 'my', 'this', 'these', 'those', 'that', 'which', 'whose', 'under',
  'between', 'among', 'about', 'against', 'during', 'without', 'within', 'via', 'per', 'towards', 'toward', 'upon', 'over',
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'will', 'would', 'can', 'could', 'should', 'must'
])

/** Closing characters after which a paragraph has ended. */
const CLOSED = new Set(['.', '!', '?', ':', ';', '…', '"', '”', '»', ')', ']', '’', "'", '|', '*', '-', '–', '—'])

const JOINING_PUNCTUATION = new Set([',', '.', ';', ':', ')', '…'])

export default defineRule<LineBreakOptions>({
  id: 'line-break',
  category: 'line-break',
  description: 'A sentence split into paragraphs: link or bold text rendered as blocks, a lone period or comma on its own line.',
  note: 'Scrapers turn inline links and bold text into blocks of their own, so one sentence comes out as several paragraphs (`alliance in⏎⏎Madrid⏎⏎with Pedro`, `Generalitat⏎⏎.`).',
  defaults: {maxPieceWords: 6},
  check(ctx) {
    const {text, options} = ctx
    const verdicts = classifyParagraphs(text)
    const paragraphs = verdicts.map((v) => v.paragraph)
    // The previous break was joined: a short piece after it goes on like its sentence.
    let joined = false
    for (let i = 0; i + 1 < paragraphs.length; i++) {
      const a = paragraphs[i]
      const b = paragraphs[i + 1]
      // Page furniture is not part of a sentence (a date line, the site's name).
      if (verdicts[i].class !== 'body' || verdicts[i + 1].class !== 'body') continue
      const join = joinOf(a, b, paragraphs[i + 2], options.maxPieceWords, joined)
      joined = false
      if (join === undefined) continue
      const gap = text.slice(a.end, b.start)
      // Only a blank line between them (no page break, no indented block).
      if (!/^[^\S\n]*\r?\n[^\S\n]*\r?\n[^\S\n]*$/.test(gap)) continue
      const tail = lastWords(a.text)
      const head = b.text.length > 30 ? b.text.slice(0, 27).trimEnd() + '…' : b.text
      joined = true
      ctx.report({
        start: a.end,
        end: b.start,
        expected: [join],
        fix: 'safe',
        reason: `Unexpected paragraph break inside a sentence (“${tail}⏎⏎${head}”), expected ${join === '' ? 'the punctuation joined to its sentence' : 'one sentence'}`
      })
    }
  }
})

/** What replaces the break between a and b ('' or ' '), or undefined to leave it. */
function joinOf(a: Paragraph, b: Paragraph, c: Paragraph | undefined, maxPieceWords: number, joined: boolean): string | undefined {
  const last = a.text[a.text.length - 1]
  if (CLOSED.has(last) || BULLETS.has(a.tokens[0]) || BULLETS.has(b.tokens[0])) return undefined
  if (a.text.includes('\n') || b.text.includes('\n')) return undefined
  // A lone punctuation mark, or a piece that starts with one: `Generalitat⏎⏎.`, `commons⏎⏎, ERC has`.
  if (JOINING_PUNCTUATION.has(b.text[0]) && /[\p{L}\p{N}]/u.test(last)) return ''
  if (!/[\p{L}\p{N},]/u.test(last)) return undefined
  const first = bare(b.tokens[0])
  const lowerStart = first !== '' && /^\p{Ll}/u.test(first) && /^\p{Ll}/u.test(b.text)
  const open = OPEN_ENDINGS.has(bare(a.tokens[a.tokens.length - 1]).toLowerCase()) || last === ',' || (joined && a.tokens.length <= maxPieceWords)
  // The paragraph goes on in lower case, or stops on a word no sentence ends with.
  if (lowerStart && (open || (a.tokens.length >= 3 && /\p{Ll}$/u.test(a.text) && capitalShare(a.tokens) < 0.5))) return ' '
  // A short capitalised piece (a name in a link) between an open end and a lower-case or punctuation start.
  const piece = b.tokens.length <= maxPieceWords && !CLOSED.has(b.text[b.text.length - 1])
  const continues = c !== undefined && (JOINING_PUNCTUATION.has(c.text[0]) || /^\p{Ll}/u.test(c.text))
  if (piece && open && (continues || lowerStart)) return ' '
  if (piece && continues && a.tokens.length >= 3 && /\p{Ll}/u.test(a.text)) return ' '
  return undefined
}

function capitalShare(tokens: string[]): number {
  let caps = 0
  for (const t of tokens) if (/^\p{Lu}/u.test(bare(t))) caps++
  return caps / tokens.length
}

function lastWords(text: string): string {
  return text.length > 30 ? '…' + text.slice(-27).trimStart() : text
}
