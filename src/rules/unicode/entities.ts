/**
 * HTML character references left in text, decoded with the unified ecosystem's
 * tables: every HTML5 named reference (character-entities), the legacy names
 * that need no `;` (character-entities-legacy), numeric references with the
 * Windows-1252 reading of 128–159 (as HTML does), double escapes (`&amp;quot;`)
 * and references split by machine-translation spacing (`& # 39;`, `&amp; nbsp;`).
 */
import {characterEntities} from 'character-entities'
import {characterEntitiesLegacy} from 'character-entities-legacy'
import {c1AsWindows1252} from './mojibake.js'

const LEGACY = new Set(characterEntitiesLegacy)

export interface EntityHit {
  start: number
  end: number
  /** What the reference stands for (`''`: nothing visible, such as a soft hyphen). */
  value: string
  /** Written with spaces inside (`& # 39;`): machine-translation damage, not markup. */
  spaced: boolean
}

// `&`, optional `amp;` layers (double escapes), then a numeric or named body; spaces
// (at most one at each place) where MT split the reference. Every part is bounded.
// regex-bounded: each repetition is over a class the next part cannot start with.
const ENTITY =
  /&( ?)(?:((?:amp; ?){1,3})(# ?(?:[0-9]{1,7}|[xX][0-9a-fA-F]{1,6}) ?|[A-Za-z][A-Za-z0-9]{1,31})( ?;)|(# ?(?:[0-9]{1,7}|[xX][0-9a-fA-F]{1,6}) ?|[A-Za-z][A-Za-z0-9]{1,31})( ?;)?)/g

function numeric(body: string): string | undefined {
  const digits = body.slice(1).trim()
  const cp = digits[0] === 'x' || digits[0] === 'X' ? parseInt(digits.slice(1), 16) : parseInt(digits, 10)
  if (!(cp > 0 && cp <= 0x10ffff) || (cp >= 0xd800 && cp <= 0xdfff)) return undefined
  // 128–159: the Windows-1252 characters HTML reads these as (`&#146;` is ’).
  if (cp >= 0x80 && cp <= 0x9f) return c1AsWindows1252(cp)
  return String.fromCodePoint(cp)
}

/** What an entity stands for in plain text: spaces and invisible format characters made plain. */
function plain(value: string): string {
  if (value === '\u00A0' || value === '\u2009' || value === '\u2002' || value === '\u2003' || value === '\u202F') return ' '
  if (value === '\u00AD' || value === '\u200B' || value === '\u200C' || value === '\u200D' || value === '\u200E' || value === '\u200F') return ''
  return value
}

/** The character references in `text` (not yet checked for markup or code context). */
export function findEntities(text: string): EntityHit[] {
  const out: EntityHit[] = []
  if (!text.includes('&')) return out
  for (const m of text.matchAll(ENTITY)) {
    const whole = m[0]
    const gap = m[1]
    const layers = m[2] ?? ''
    const body = m[3] ?? m[5]
    const semi = m[3] !== undefined ? m[4] : m[6]
    const spaced = gap !== '' || layers.includes(' ') || body.includes(' ') || (semi !== undefined && semi.startsWith(' '))
    let value: string | undefined
    const end = m.index + whole.length
    if (body[0] === '#') {
      if (semi === undefined && (spaced || layers !== '')) continue
      value = numeric(body)
    } else if (semi !== undefined) {
      value = Object.hasOwn(characterEntities, body) ? characterEntities[body] : undefined
      // `R & D;` is prose: a spaced name must be a lower-case reference.
      if (spaced && !/^[a-z]+$/.test(body)) value = undefined
    } else if (!spaced && LEGACY.has(body)) {
      // `&copy 2024`, `&eacute`: a legacy name needs no `;`, but in prose `AT&T`, `R&D`, `&c` stay.
      const before = m.index > 0 ? text[m.index - 1] : ' '
      const after = text[end] ?? ' '
      if (/[A-Za-z0-9]/.test(after) || (/[A-Za-z0-9]/.test(before) && body.length < 4 && layers === '')) continue
      value = characterEntities[body]
    }
    if (value === undefined) continue
    out.push({start: m.index, end, value: plain(value), spaced})
  }
  return out
}
