import {defineRule} from '../rule.js'

export interface PunctSpacingOptions {}

const PUNCT = /[.,;:!?)]/g
const SPACE_AFTER_PAREN = /\((-?)[ \t\u00A0]+(?=[^\s)])/g
const GLUED = /[.!?,;:](?=\p{L})/gu
const LOWER = /\p{Ll}/u
const UPPER = /\p{Lu}/u
const lower = (c: string | undefined) => c !== undefined && LOWER.test(c)
const upper = (c: string | undefined) => c !== undefined && UPPER.test(c)
const isBlank = (c: string | undefined) => c === ' ' || c === '\t' || c === '\u00A0' || c === '\u202F' || c === '\u2009'
/** Characters that make a token a URL, address, file name, handle or code, never prose. */
const NOT_PROSE = /[/@\\=_&#<>{}[\]|~^*+]|www|http/i

/**
 * French spacing before punctuation (`Ukraine .`, `word ;`, `why ?`, no-break
 * spaces before `; : ! ?`), a space after `(`, and a missing space after
 * sentence punctuation where words were glued (`good.It`, `facility,killing`).
 * Leaves `U.S.`, `e.g.`, `3.5`, `10:30`, `1,500`, URLs, e-mail addresses, file
 * names, `.NET` and ellipses alone.
 */
export default defineRule<PunctSpacingOptions>({
  id: 'punct-spacing',
  category: 'punct-spacing',
  description: 'A space before punctuation, after an opening parenthesis, or missing after a sentence end.',
  note:
    'French puts a (no-break) space before ; : ! ? and machine translation keeps it, and sometimes before a period or comma too; scrapers that join link text drop the space after punctuation.',
  defaults: {},
  check(ctx) {
    const {text} = ctx
    let m: RegExpExecArray | null
    PUNCT.lastIndex = 0
    while ((m = PUNCT.exec(text))) {
      const p = m.index
      if (!isBlank(text[p - 1])) continue
      let s = p - 1
      while (s > 0 && isBlank(text[s - 1])) s--
      const punct = text[p]
      const before = text[s - 1] ?? ''
      const after = text[p + 1] ?? ''
      // After an abbreviation's period (`2:31 p.m. :`, `etc. ;`) French spacing is as wrong as after a word.
      const afterAbbreviation = before === '.' && ':;!?'.includes(punct) && /\p{L}/u.test(text[s - 2] ?? '')
      if (!afterAbbreviation && !/[\p{L}\p{N}”"’»)%]/u.test(before)) continue
      const afterEnd = after === '' || /\s/.test(after)
      let ok: boolean
      switch (punct) {
        case '.':
          ok = (afterEnd && !/^\s\.(?:\s|$)/.test(text.slice(p + 1, p + 4))) || /[:,;)”"’]/.test(after)
          break
        case ',':
          ok = afterEnd || /[”"’]/.test(after)
          break
        case ':':
          ok = afterEnd && !(/\p{N}/u.test(before) && /^\s*\p{N}/u.test(text.slice(p + 1, p + 4)))
          break
        case ')':
          ok = true
          break
        default:
          // ; ! ?
          ok = afterEnd || /[”"’)!?]/.test(after)
      }
      if (!ok) continue
      // Show the word the punctuation belongs to (at most 20 characters of it).
      let wordStart = s
      while (wordStart > 0 && s - wordStart < 20 && !/\s/.test(text[wordStart - 1])) wordStart--
      ctx.report({
        start: s,
        end: p,
        expected: [''],
        fix: 'safe',
        reason: `Unexpected space before \`${punct}\`, expected \`${text.slice(wordStart, s)}${punct}\``
      })
    }
    SPACE_AFTER_PAREN.lastIndex = 0
    while ((m = SPACE_AFTER_PAREN.exec(text))) {
      const start = m.index + 1 + m[1].length
      const end = m.index + m[0].length
      // `( -` dash, `(- 2.64%)` only before a number.
      if (m[1] && !/\p{N}/u.test(text[end] ?? '')) continue
      ctx.report({
        start,
        end,
        expected: [''],
        fix: 'safe',
        reason: `Unexpected space after \`(${m[1]}\`, expected \`(${m[1]}${text[end]}\``
      })
    }
    GLUED.lastIndex = 0
    while ((m = GLUED.exec(text))) {
      const p = m.index
      const c = m[0]
      const [b2, b1, a1, a2] = [text[p - 2], text[p - 1], text[p + 1], text[p + 2]]
      if (!lower(b1) || !lower(b2)) continue
      if (c === ',' || c === ';' ? !(lower(a1) && lower(a2)) : !(upper(a1) && lower(a2))) continue
      const token = tokenAround(text, p)
      if (token === undefined || NOT_PROSE.test(token)) continue
      if (m[0] === '.' && (token.slice(0, -1).split('.').length > 2)) continue
      if (m[0] === ':' && /^[a-z]+:/i.test(token) && /^(?:mailto|tel|urn|doi|isbn|file|data)/i.test(token)) continue
      ctx.report({
        start: p,
        end: p + 1,
        expected: [m[0] + ' '],
        fix: 'safe',
        reason: `Missing space after \`${m[0]}\` in \`${token}\`, expected \`${m[0]} \``
      })
    }
  }
})

/** The run of non-space characters around `at`; undefined when longer than 60 characters on a side (not prose). */
function tokenAround(text: string, at: number): string | undefined {
  let s = at
  let e = at
  while (s > 0 && !white(text.charCodeAt(s - 1))) if (at - --s > 60) return undefined
  while (e < text.length && !white(text.charCodeAt(e))) if (++e - at > 60) return undefined
  return text.slice(s, e)
}

function white(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x202f || c === 0x2009 || c === 12 || c === 11
}
