/**
 * Dash quotations (Polish, Russian, Spanish, Italian dialogue style): the quotation is marked only by a
 * dash before its reporting clause, and sometimes by a dash that opens it. Machine translation keeps the
 * dashes, so English gets no quote marks at all:
 *
 *   `This cannot be accepted⏎⏎– says the MP.` → `“This cannot be accepted,” says the MP.`
 *   `- I'm sorry. I am not leaving - says the minister.` → `“I'm sorry. I am not leaving,” says the minister.`
 *
 * The reporting clause after the dash (a reporting verb first, or a pronoun and one) is what shows the
 * boundary: a dash before `says X` ends a quotation, so the quotation is the paragraph before it (form 1)
 * or the text since the dash that opens the paragraph (form 2). A list item (`- Fire in the Var: …`) has
 * no such clause and is left alone.
 */
import {paragraphSpans} from '../shared/quote-marks.js'
import {reportingVerbFirst} from '../shared/reporting-words.js'

export interface DashQuotation {
  /** Where the opener goes: `[start, end)` is replaced by the opener (an empty range inserts it). */
  open: [number, number]
  /** `[start, end)` (the end of the quotation up to the reporting verb) is replaced by `closeWith`. */
  close: [number, number]
  /** The punctuation kept before the closer (`,` or `?`/`!`), without the mark. */
  punct: string
}

const DASHES = '-–—'
const QUOTE_MARKS = /["“”„‟«»]|,,/
const SPACES = /[ \t\u00A0]/

export function dashQuotations(text: string): DashQuotation[] {
  const out: DashQuotation[] = []
  const spans = paragraphSpans(text)
  for (let p = 0; p < spans.length; p++) {
    const span = spans[p]
    if (!DASHES.includes(text[span.start])) continue
    const afterDash = skipSpaces(text, span.start + 1, span.end)
    if (afterDash === span.start + 1) continue // `-word`: a hyphen, not a dash
    if (reportingVerbFirst(text, afterDash)) {
      // Form 1: `⏎⏎– says X`: the previous paragraph is the quotation.
      const q = spans[p - 1]
      if (!q) continue
      const quoted = text.slice(q.start, q.end)
      if (QUOTE_MARKS.test(quoted) || !/^(?:[-–—][ \t\u00A0]+)?[\p{Lu}\p{N}]/u.test(quoted) || quoted.split(/\s+/).length < 3) continue
      const end = closeAt(text, q.start, q.end)
      if (!end) continue
      out.push({open: openAt(text, q.start, q.end), close: [end.at, afterDash], punct: end.punct})
    } else if (/\p{Lu}/u.test(text[afterDash] ?? '')) {
      // Form 2: `- I'm sorry … - says X` in one paragraph.
      for (let i = afterDash; i < span.end; i++) {
        const c = text[i]
        if (c === '"' || c === '“' || c === '”' || c === '«' || c === '»' || c === '„') break
        if (!DASHES.includes(c) || !SPACES.test(text[i - 1]) || !SPACES.test(text[i + 1] ?? '')) continue
        const verb = skipSpaces(text, i + 1, span.end)
        if (!reportingVerbFirst(text, verb)) continue
        let k = i
        while (k > afterDash && SPACES.test(text[k - 1])) k--
        const end = closeAt(text, afterDash, k)
        if (end) out.push({open: [span.start, afterDash], close: [end.at, verb], punct: end.punct})
        break
      }
    }
  }
  return out
}

function skipSpaces(text: string, from: number, limit: number): number {
  let j = from
  while (j < limit && SPACES.test(text[j])) j++
  return j
}

/** The opener replaces a leading dash and its spaces, or goes before the first word. */
function openAt(text: string, start: number, end: number): [number, number] {
  if (DASHES.includes(text[start])) return [start, skipSpaces(text, start + 1, end)]
  return [start, start]
}

/** Where the quotation ends: after its last word (a final `.` becomes the comma), after `?`/`!`. */
function closeAt(text: string, start: number, end: number): {at: number; punct: string} | undefined {
  const last = text[end - 1]
  if (last === '?' || last === '!') return {at: end, punct: ''}
  if (last === '.' && text[end - 2] !== '.') return /[\p{L}\p{N})%]/u.test(text[end - 2] ?? '') ? {at: end - 1, punct: ','} : undefined
  if (/[\p{L}\p{N})%]/u.test(last ?? '') && end > start) return {at: end, punct: ','}
  return undefined
}
