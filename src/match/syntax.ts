/**
 * Phrase patterns: literal phrases with a tiny placeholder syntax, compiled to
 * regular expressions that are safe by construction (every repetition is over
 * a character class that cannot overlap the separator that follows it, so
 * matching is linear in the input).
 *
 * Syntax (see docs/rule-data.md):
 * - words are matched literally; any run of spaces matches any run of
 *   horizontal white space (never a line break); `'` and `’` match each other;
 * - a space before `%`, `:`, `;`, `!`, `?` or `»` is optional (French spacing);
 * - `{n}` a number (`50`, `1.5`, `1,5`), `{word}` one word, `{words}` one to
 *   eight words, `{date}` a date (12 March 2023, March 12, 2023, 12/03/2023,
 *   optionally with "at 10:30"), `{time}` a time (10:30, 10h30, 3.15 p.m.),
 *   `{rest}` the rest of the line (only at the end);
 * - `(a|b|c)` one of several literal alternatives (or `{n}`, `{word}`), `[…]` an optional part;
 * - `\\` before a character makes it literal (`\\[email protected\\]`, `\\(c\\)`);
 * - `{Cap}` a capitalised word: only in phrases read as words (src/match/word-phrases.ts), since a
 *   regular expression under the `i` flag cannot tell capitals (Node 20 has no `(?-i:)`).
 */

export class PhraseSyntaxError extends Error {
  constructor(
    public pattern: string,
    detail: string
  ) {
    super(`pattern "${pattern}": ${detail}`)
    this.name = 'PhraseSyntaxError'
  }
}

// Horizontal white space: \s without CR and LF, spelled out. Same characters as
// [^\S\r\n], but a negated class under the `iu` flags costs V8 about twice as
// much to compile (measured), and rule data compiles hundreds of these.
export const HSPACE = '[\\t\\v\\f \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]'
const WORD_CHAR = '[\\p{L}\\p{M}\\p{N}]'
const WORD = `${WORD_CHAR}+(?:[-'’./&]${WORD_CHAR}+)*`
const NUMBER = '\\d+(?:[.,]\\d+)*'
const TIME = `\\d{1,2}[:h.]\\d{2}(?:${HSPACE}*[ap]\\.?m\\.?)?`
/** 12/03/2023, 2023-03-12, 12 March 2023, March 12, 2023, 12th March 2023 — optionally "at 10:30". */
const DATE =
  `(?:\\d{1,4}[./-]\\d{1,2}[./-]\\d{1,4}|(?:\\d{1,2}(?:st|nd|rd|th|er|\\.)?${HSPACE}+)?\\p{L}{3,12}\\.?(?:${HSPACE}+\\d{1,2}(?:st|nd|rd|th)?)?,?${HSPACE}+\\d{4})` +
  `(?:,?${HSPACE}+(?:at|à|um|a las|alle|às|om|o|-|–)${HSPACE}+${TIME})?`
const APOSTROPHES = "['’‘`]"
const LOOSE_BEFORE = new Set(['%', ':', ';', '!', '?', '»'])

type Token = {kind: 'lit'; source: string; first: string; last: string} | {kind: 'opt'; source: string} | {kind: 'rest'}

function escapeChar(char: string): string {
  if (char === "'" || char === '’' || char === '‘') return APOSTROPHES
  return /[\\^$.*+?()[\]{}|/]/.test(char) ? '\\' + char : char
}

function literal(text: string): string {
  let out = ''
  for (const char of text) out += escapeChar(char)
  return out
}

/** Placeholders that may stand among the alternatives of `(…)`: one word each. */
const ALTERNATIVE_PLACEHOLDERS = ['{n}', '{word}']

/** The regex source of `{n}` or `{word}`; the error for any other name (the others are handled in chunk). */
function placeholderSource(name: string, pattern: string): string {
  if (name === 'n') return NUMBER
  if (name === 'word') return WORD
  if (name === 'Cap') throw new PhraseSyntaxError(pattern, '{Cap} (a capitalised word) is only for phrases read as words (calque)')
  throw new PhraseSyntaxError(pattern, `unknown placeholder {${name}} (known: {n}, {word}, {words}, {date}, {time}, {rest})`)
}

/** Compile one chunk of a pattern (no spaces at top level) to a regex source. */
function chunk(text: string, pattern: string): {source: string; first: string; last: string; rest: boolean} {
  let source = ''
  let rest = false
  let i = 0
  // Linear by construction: what follows a placeholder in the same chunk must not be able to
  // continue it (`{word}{word}`, `{word}-{word}`, `{n}5` backtrack polynomially on a long word).
  let placeholder: string | undefined
  let after = false
  while (i < text.length) {
    const char = text[i]
    if (after && char !== '{') {
      after = false
      // An escape or a group of alternatives: what it starts with (every alternative).
      const next = char === '\\' ? (text[i + 1] ?? '') : char === '(' ? text.slice(i + 1, text.indexOf(')', i)).split('|').map((o) => o[0] ?? '').join('') : char
      const continues = placeholder === 'n' ? /[\d.,]/.test(next) : /[\p{L}\p{M}\p{N}]/u.test(next)
      if (continues) throw new PhraseSyntaxError(pattern, `{${placeholder}} followed by "${next}": a space must separate a placeholder from what could continue it`)
    }
    if (char === '\\' && i + 1 < text.length) {
      source += escapeChar(text[i + 1])
      i += 2
    } else if (char === '{') {
      const close = text.indexOf('}', i)
      if (close < 0) throw new PhraseSyntaxError(pattern, 'unclosed "{"')
      const name = text.slice(i + 1, close)
      if (placeholder !== undefined) throw new PhraseSyntaxError(pattern, `{${placeholder}} and {${name}} with no space between: a space must separate placeholders`)
      placeholder = name
      after = true
      if (name === 'words') source += `${WORD}(?:${HSPACE}+${WORD}){0,7}`
      else if (name === 'date') source += DATE
      else if (name === 'time') source += TIME
      else if (name === 'rest') {
        if (close !== text.length - 1) throw new PhraseSyntaxError(pattern, '{rest} must end the pattern')
        source += '[^\\r\\n]*'
        rest = true
      } else source += placeholderSource(name, pattern)
      i = close + 1
    } else if (char === '(') {
      const close = text.indexOf(')', i)
      if (close < 0) throw new PhraseSyntaxError(pattern, 'unclosed "("')
      const options = text.slice(i + 1, close).split('|')
      const holders = options.filter((o) => o.startsWith('{'))
      if (holders.includes('{Cap}')) placeholderSource('Cap', pattern)
      if (options.some((o) => o === '' || (/[{}()[\]]/.test(o) && !ALTERNATIVE_PLACEHOLDERS.includes(o)))) {
        throw new PhraseSyntaxError(pattern, 'alternatives must be non-empty literal words, {n} or {word}')
      }
      if (holders.length > 0) {
        // A group with a placeholder is a placeholder for the checks above: nothing that could continue it.
        if (placeholder !== undefined) throw new PhraseSyntaxError(pattern, `{${placeholder}} and ${holders[0]} with no space between: a space must separate placeholders`)
        placeholder = holders.includes('{word}') ? 'word' : 'n'
        after = true
      }
      // Longest first, so that a prefix never shadows a longer alternative; placeholders last.
      const words = options.filter((o) => !o.startsWith('{')).sort((a, b) => b.length - a.length)
      const sources = words.map((o) => o.split(/\s+/).map(literal).join(HSPACE + '+'))
      for (const holder of holders) sources.push(placeholderSource(holder.slice(1, -1), pattern))
      source += '(?:' + sources.join('|') + ')'
      i = close + 1
    } else if (char === '}' || char === ')' || char === ']') {
      throw new PhraseSyntaxError(pattern, `unexpected "${char}"`)
    } else {
      source += escapeChar(char)
      i++
    }
  }
  return {source, first: text[0], last: text[text.length - 1], rest}
}

/** A pattern read into its top-level parts: chunks (no space outside `(…)`) and optional `[…]` parts. */
export type Part = {kind: 'chunk'; text: string} | {kind: 'opt'; inner: string; parts: Part[]}

/** The one reader of the phrase syntax: both compilers (regex sources below, word tokens in word-phrases.ts) start here. */
export function readPattern(pattern: string): Part[] {
  const parts: Part[] = []
  let i = 0
  const text = pattern.trim()
  if (text === '') throw new PhraseSyntaxError(pattern, 'empty pattern')
  while (i < text.length) {
    if (/\s/.test(text[i])) {
      i++
      continue
    }
    if (text[i] === '[') {
      const close = text.indexOf(']', i)
      if (close < 0) throw new PhraseSyntaxError(pattern, 'unclosed "["')
      const inner = text.slice(i + 1, close)
      if (inner.includes('[') || inner.includes('{rest}')) throw new PhraseSyntaxError(pattern, 'optional parts cannot nest or hold {rest}')
      parts.push({kind: 'opt', inner, parts: readPattern(inner)})
      i = close + 1
      continue
    }
    // A chunk runs to the next top-level space (spaces inside (…) belong to it).
    let j = i
    let depth = 0
    while (j < text.length && (depth > 0 || !/\s/.test(text[j])) && !(depth === 0 && text[j] === '[')) {
      if (text[j] === '\\') {
        j += 2
        continue
      }
      if (text[j] === '(') depth++
      else if (text[j] === ')') depth--
      j++
    }
    parts.push({kind: 'chunk', text: text.slice(i, j)})
    i = j
  }
  return parts
}

function tokenize(pattern: string, parts = readPattern(pattern)): Token[] {
  const tokens: Token[] = []
  parts.forEach((item, index) => {
    if (item.kind === 'opt') {
      tokens.push({kind: 'opt', source: sequence(tokenize(item.inner, item.parts), pattern)})
      return
    }
    const part = chunk(item.text, pattern)
    if (part.rest) {
      if (index < parts.length - 1) throw new PhraseSyntaxError(pattern, '{rest} must end the pattern')
      tokens.push({kind: 'lit', source: part.source.slice(0, -'[^\\r\\n]*'.length), first: part.first, last: part.last})
      tokens.push({kind: 'rest'})
    } else tokens.push({kind: 'lit', ...part})
  })
  return tokens
}

function sequence(tokens: Token[], pattern: string): string {
  let out = ''
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]
    const before = index === 0 ? '' : sepBefore(token)
    if (token.kind === 'rest') {
      // Anchored: the rest of the unit. Nothing after it can overlap it (linear by construction).
      out += '[^\\r\\n]*$'
      continue
    }
    if (token.kind === 'opt') {
      // The optional part owns the separator in front of it (or after it when first).
      if (index === 0) out += `(?:${token.source}${HSPACE}+)?`
      else out += `(?:${before}${token.source})?`
      continue
    }
    if (token.source === '') continue
    const previous = tokens[index - 1]
    if (index > 0 && previous.kind === 'opt' && index - 1 === 0) out += token.source
    else out += before + token.source
  }
  if (out === '') throw new PhraseSyntaxError(pattern, 'empty pattern')
  return out
}

function sepBefore(token: Token): string {
  if (token.kind === 'lit' && LOOSE_BEFORE.has(token.first)) return HSPACE + '*'
  return HSPACE + '+'
}

export interface CompileOptions {
  /** Match letters case-sensitively (the regex is still built for the `u` flag). */
  caseSensitive?: boolean
}

/**
 * The regex source of a phrase pattern, without flags or boundaries. Compile
 * with the `u` flag (and `i` unless case matters).
 */
export function phraseSource(pattern: string): string {
  const plain = plainSource(pattern)
  if (plain !== undefined) return plain
  // Each {words} and optional part multiplies the ways a match can be tried; a few are linear enough.
  if ((pattern.match(/\{words\}/g) ?? []).length > MAX_WORDS) throw new PhraseSyntaxError(pattern, `more than ${MAX_WORDS} {words} placeholders`)
  if ((pattern.match(/(?<!\\)\[/g) ?? []).length > MAX_OPTIONAL) throw new PhraseSyntaxError(pattern, `more than ${MAX_OPTIONAL} optional parts`)
  return sequence(tokenize(pattern), pattern)
}

/** No placeholder, group, optional part or escape: words only (most publication names). */
const SYNTAX_CHARS = /[{}()[\]\\]/

/**
 * The source of a pattern of literal words, without reading it into parts:
 * what `sequence(tokenize(pattern))` gives for it (checked by test/match.test.ts),
 * in a fifth of the time: rule data holds thousands of such names.
 */
function plainSource(pattern: string): string | undefined {
  if (SYNTAX_CHARS.test(pattern)) return undefined
  const words = pattern.trim().split(/\s+/)
  if (words[0] === '') return undefined
  let out = literal(words[0])
  for (let i = 1; i < words.length; i++) out += (LOOSE_BEFORE.has(words[i][0]) ? HSPACE + '*' : HSPACE + '+') + literal(words[i])
  return out
}

/** The source `phraseSource` gives a pattern when it reads it into parts (for tests of the fast path). */
export function readSource(pattern: string): string {
  return sequence(tokenize(pattern), pattern)
}

const MAX_WORDS = 2
const MAX_OPTIONAL = 4

/** Word boundaries for a phrase: no letter or digit may touch its ends. */
export function bounded(source: string): string {
  return `(?<![\\p{L}\\p{M}\\p{N}])(?:${source})(?![\\p{L}\\p{M}\\p{N}])`
}

/** Compile one pattern to a RegExp matching it anywhere (with word boundaries). */
export function compilePhrase(pattern: string, options: CompileOptions = {}): RegExp {
  return new RegExp(bounded(phraseSource(pattern)), options.caseSensitive ? 'u' : 'iu')
}

/** Normalize a phrase for comparison: apostrophes, white space, case. */
export function normalizePhrase(text: string): string {
  return text.replace(/[’‘`]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase()
}
