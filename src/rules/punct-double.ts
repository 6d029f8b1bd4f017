import {defineRule} from '../rule.js'
import {commaOpenerEnd} from './shared/quote-marks.js'

export interface PunctDoubleOptions {}

const CANDIDATE = /[.!?][”"»]\.|”\.,|\.[ \t\u00A0]+\.|\.[ \t\u00A0]+,|,,+|\.\.+|[!?]\.|[:;]\./g
const END = /^(?:$|[\s”"’»)\]])/

/**
 * Doubled or conflicting terminal punctuation: `protection. .` → `protection.`,
 * `way.”.` → `way.”`, `yet?”.` → `yet?”`, `speed”.,` → `speed”,`, `,,` → `,`,
 * `done..` → `done.`, `ready?.` → `ready?`, `senators:.` → `senators:`, `an
 * accountant. , which` → `an accountant, which` (`etc. , which` → `etc., which`).
 * Ellipses (`...`, `. . .`) are kept.
 */
/** The word that ends at `dot` (a period) is an abbreviation: it holds a period, or is `etc` or a short capitalised word (`Inc`, `Jr`). */
function abbreviationBefore(text: string, dot: number): boolean {
  let k = dot
  while (k > 0 && /[\p{L}.]/u.test(text[k - 1])) k--
  const word = text.slice(k, dot)
  return word.includes('.') || word.toLowerCase() === 'etc' || /^\p{Lu}\p{Ll}{0,2}$/u.test(word)
}

export default defineRule<PunctDoubleOptions>({
  id: 'punct-double',
  category: 'punct-double',
  description: 'Doubled or conflicting terminal punctuation.',
  note:
    'Machine translation adds its own period after a quotation or sentence that already ended (the source put the period outside the closing quote), and scrapers join fragments that each kept theirs.',
  defaults: {},
  check(ctx) {
    const {text} = ctx
    CANDIDATE.lastIndex = 0
    let m: RegExpExecArray | null
    while ((m = CANDIDATE.exec(text))) {
      const s = m.index
      const found = m[0]
      const e = s + found.length
      const before = text[s - 1] ?? ''
      const after = text[e] ?? ''
      let del: [number, number] | undefined
      if (/^[.!?][”"»]\.$/.test(found)) {
        // `way.”.` — not `U.S.”.`-style abbreviations, not the start of an ellipsis.
        if (before !== '.' && after !== '.' && END.test(text.slice(e, e + 1))) del = [e - 1, e]
      } else if (found === '”.,') {
        del = [s + 1, s + 2]
      } else if (found[0] === '.' && found[found.length - 1] === '.' && /[ \t\u00A0]/.test(found[1] ?? '')) {
        // `protection. .` — but not a spaced ellipsis `. . .` nor `… .`.
        const spacedBefore = /\.[ \t\u00A0]$/.test(text.slice(Math.max(0, s - 2), s))
        const spacedAfter = /^[ \t\u00A0]*\./.test(text.slice(e, e + 4))
        if (before !== '.' && before !== '…' && !spacedBefore && !spacedAfter && /[\p{L}\p{N})”"’]/u.test(before)) del = [s + 1, e]
      } else if (found[0] === ',') {
        // `,,We` opens a quotation (quote-foreign's).
        if (found.length === 2 && /[\p{L}\p{N}”"’)]/u.test(before) && !/[\p{N}]/u.test(after) && commaOpenerEnd(text, s) < 0) del = [s + 1, e]
      } else if (found === '..') {
        if (/[\p{L})”"’]/u.test(before) && END.test(after)) del = [s + 1, e]
      } else if (/^[!?]\.$/.test(found)) {
        if (before !== '.' && END.test(after)) del = [s + 1, e]
      } else if (/^[:;]\.$/.test(found)) {
        // `senators:.` — a clause mark, then a period a scraper or MT added: the period goes.
        if (/\p{L}/u.test(before) && END.test(after)) del = [s + 1, e]
      } else if (found[0] === '.' && found[found.length - 1] === ',') {
        // `accountant. , which`: a sentence end, then the comma of a clause that goes on in lower case.
        // After an abbreviation (`etc.`, `U.S.`, `Inc.`) only the space goes.
        if (/\p{L}/u.test(before) && /^[ \t\u00A0]+\p{Ll}/u.test(text.slice(e, e + 3))) del = abbreviationBefore(text, s) ? [s + 1, e - 1] : [s, e - 1]
      }
      if (!del) {
        // Let an overlapping candidate start inside this one (`?”.,`).
        if (found.length === 3) CANDIDATE.lastIndex = s + 1
        continue
      }
      ctx.report({
        start: del[0],
        end: del[1],
        expected: [''],
        fix: 'safe',
        reason: `Unexpected doubled punctuation \`${text.slice(Math.max(0, s - 1), e)}\`, expected \`${text.slice(Math.max(0, s - 1), del[0]) + text.slice(del[1], e)}\``
      })
    }
  }
})
