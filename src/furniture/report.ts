/**
 * What the boilerplate and paywall rules report from the classifier: runs of
 * furniture paragraphs (deleted, `safe`) and uncertain ones (suggestions).
 * Paragraphs a phrase of rules/<rule> covers are left to the residue finder.
 */
import type {RuleContext} from '../rule.js'
import {classifyParagraphs, type Verdict} from './classify.js'

export function reportFurniture(ctx: RuleContext<object>, rule: 'boilerplate' | 'paywall', what: string): void {
  const {text} = ctx
  const verdicts = classifyParagraphs(text)
  if (rule === 'boilerplate') titleSuffix(ctx, verdicts)
  const mine = (v: Verdict) => v.class !== 'body' && !v.phrase && v.paywall === (rule === 'paywall')
  for (let a = 0; a < verdicts.length; a++) {
    const first = verdicts[a]
    if (first.class === 'body' || first.phrase) continue
    // A run: same class; the run that reaches the end of the text goes whole, with the category of its first paragraph.
    let b = a
    while (b + 1 < verdicts.length && verdicts[b + 1].class === first.class && !verdicts[b + 1].phrase && (verdicts[b + 1].paywall === first.paywall || tailFrom(verdicts, b + 1))) b++
    if (mine(first)) emit(ctx, verdicts, a, b, what)
    a = b
  }
}

/** From paragraph i to the end, every paragraph is furniture the classifier reports. */
function tailFrom(verdicts: Verdict[], i: number): boolean {
  for (let k = i; k < verdicts.length; k++) if (verdicts[k].class !== 'furniture' || verdicts[k].phrase) return false
  return true
}

function emit(ctx: RuleContext<object>, verdicts: Verdict[], a: number, b: number, what: string): void {
  const {text} = ctx
  const first = verdicts[a].paragraph
  let start = first.start
  let end: number
  if (b + 1 < verdicts.length) end = verdicts[b + 1].paragraph.start
  else if (a > 0) {
    // At the end: removed with the white space before it, one line break kept.
    const previousEnd = verdicts[a - 1].paragraph.end
    const lineBreak = text.indexOf('\n', previousEnd)
    start = lineBreak < 0 ? previousEnd : lineBreak + 1
    end = text.length
  } else end = text.length
  const count = b - a + 1
  const shown = first.text.length > 50 ? first.text.slice(0, 47).trimEnd() + '…' : first.text
  const quoted = oneLine(shown) + (count > 1 ? ` + ${count - 1} more` : '')
  const sure = verdicts[a].class === 'furniture'
  ctx.report({
    start,
    end,
    expected: [''],
    fix: sure ? 'safe' : 'suggestion',
    reason: `Unexpected ${sure ? '' : 'possible '}${what} (“${quoted}”: ${verdicts[a].because}), expected the ${count > 1 ? count + ' paragraphs' : 'paragraph'} deleted`
  })
}

/** Lines of a quoted snippet joined with " / " (no regex: the snippet may hold long runs of white space). */
export function oneLine(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join(' / ')
}

/** After the bar: nothing, or one or two capitalised words (a section, the site). */
const AFTER_BAR = /^(?:[^\S\n]+\p{Lu}[\p{L}\p{N}'’-]*){0,2}$/u

/** The headline (the first paragraph, one line, not a sentence) keeps its words and loses the page title's suffix (`<headline> | Catalonia`). */
function titleSuffix(ctx: RuleContext<object>, verdicts: Verdict[]): void {
  const first = verdicts[0]
  if (!first || first.class !== 'body' || first.features.words > 25 || first.paragraph.text.includes('\n')) return
  const text = first.paragraph.text
  const bar = text.lastIndexOf('|')
  if (bar <= 0 || !AFTER_BAR.test(text.slice(bar + 1))) return
  let cut = bar
  while (cut > 0 && (text[cut - 1] === ' ' || text[cut - 1] === '\t' || text[cut - 1] === '\u00a0')) cut--
  if (cut === bar || cut === 0) return
  ctx.report({
    start: first.paragraph.start + cut,
    end: first.paragraph.end,
    expected: [''],
    fix: 'safe',
    reason: `Unexpected page-title suffix (“${text.slice(bar).trim()}”: a bar after the headline, at the start of the text), expected the headline alone`
  })
}
