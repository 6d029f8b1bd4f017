import type {Root, RootContent} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkMath from 'remark-math'
import remarkParse from 'remark-parse'
import {unified, type Processor} from 'unified'

/**
 * Markdown parsed in pieces. micromark is superlinear in the number of
 * containers in one document (each list or block quote it closes re-edits the
 * document's whole event list: 2,000 small lists between paragraphs, 260 KB,
 * took 8 s; 520 KB, 40 s), so a document is parsed piece by piece, each piece
 * at least PIECE_SIZE long, cut before a line L where the cut cannot change
 * the prose view:
 *
 * - L follows a blank line and starts at column 0 with a character that
 *   continues nothing (not a space or tab, `>`, a list marker `-` `+` `*`
 *   `1.` `1)`, or a BOM): every list item, block quote and footnote
 *   definition closes before L, and so does every paragraph, table and HTML
 *   block of types 6 and 7 (at the blank line); or
 * - L is a top-level list item (with content, not a thematic break) of the
 *   marker of the list the piece ends with: it closes the item before it, and
 *   starts a list of its own in the next piece. The view does not see lists
 *   (their items' blocks are its paragraphs), so one list read as two is the
 *   same view. The parse checks it: L joined that list (else the next cut).
 * - Not inside front matter (found as remark-frontmatter finds it; see
 *   frontMatterEnd for an opening line never closed).
 * - Not inside a top-level block that a blank line does not end: fenced code,
 *   `$$` math, HTML blocks of types 1 to 5 (`<script`, `<!--`, `<?`, `<!X`,
 *   `<![CDATA[`). A scan of lines cannot tell a fence in a list item from one
 *   at the top level: the parser says. When the piece's last top-level block
 *   is one of them and runs past its last line, the cut fell inside it; the
 *   piece ends at the line where that block starts, and the next piece starts
 *   there and does not end before the block's closing line (found by the
 *   rules micromark uses).
 *
 * Each parse reads L's line too, so what L closes closes as in the whole
 * document (an HTML comment in a list item ends where L ends the item); the
 * nodes from L on are the next piece's.
 *
 * Link and footnote definitions hold anywhere in a document: every piece's
 * parser is told the identifiers defined anywhere (micromark's own lists,
 * `defined` and `gfmFootnotes`, filled before the piece is read, so `[x]` and
 * `[^x]` resolve as in the whole document). A piece parsed before a later
 * piece's definitions were known is parsed again with them. Only offsets
 * differ from a parse of the whole document: each piece's are relative to its
 * `base`.
 */
export const PIECE_SIZE = 8 * 1024

export interface Piece {
  /** The source range the piece covers: [start, end). */
  start: number
  end: number
  /** Where the tree's offset 0 is in the source: `start`, or after a byte order mark there (micromark drops it). */
  base: number
  /**
   * The piece's mdast root (typed loosely: the published declarations do not
   * depend on mdast). Its nodes are those that start before `end` (`base` +
   * their offset); the rest is the next piece's.
   */
  tree: {type: 'root'; children: unknown[]}
}

/** What the parse cost: parser calls, characters given to the parser. */
export interface PieceStats {
  parses: number
  parsed: number
}

/** What a micromark construct sees of its parser (micromark-util-types' ParseContext). */
interface ParseContext {
  defined: string[]
  gfmFootnotes?: string[]
}

let primeWith: {links: Set<string>; notes: Set<string>} | undefined
let seen: ParseContext | undefined

/**
 * A micromark construct that never matches: tried at the start of every flow
 * line, it meets the parser on the first line and hands it the identifiers
 * defined in other pieces (`partial`, so it is never the "current construct").
 */
const primer = {
  flowInitial: {
    null: {
      partial: true,
      tokenize(this: {parser: ParseContext}, _effects: unknown, _ok: unknown, nok: unknown) {
        const parser = this.parser
        if (seen !== parser) {
          seen = parser
          if (primeWith) {
            for (const id of primeWith.links) parser.defined.push(id)
            const notes = (parser.gfmFootnotes ??= [])
            for (const id of primeWith.notes) notes.push(id)
          }
        }
        return nok
      }
    }
  }
}

function primeDefinitions(this: Processor) {
  const data = this.data()
  ;(data.micromarkExtensions ??= []).push(primer as never)
}

// `$` stays a dollar sign: news text is full of "$5 and $10", so only `$$…$$` is math.
const parser = unified()
  .use(remarkParse)
  .use(remarkFrontmatter, ['yaml', 'toml'])
  .use(remarkGfm)
  .use(remarkMath, {singleDollarTextMath: false})
  .use(primeDefinitions)
  .freeze()

/**
 * Parse `text` with the identifiers in `links` and `notes` defined, and add
 * the ones it defines. `primed` is false when the primer never ran (no flow
 * line, or a micromark that no longer tries it).
 */
function parse(text: string, links: Set<string>, notes: Set<string>, stats?: PieceStats): {tree: Root; primed: boolean} {
  primeWith = {links, notes}
  seen = undefined
  let tree: Root
  let met: ParseContext | undefined
  try {
    tree = parser.parse(text) as Root
    met = seen as ParseContext | undefined // set by the primer, during the parse
  } finally {
    primeWith = undefined
    seen = undefined
  }
  if (stats) {
    stats.parses++
    stats.parsed += text.length
  }
  if (met) {
    for (const id of met.defined) links.add(id)
    for (const id of met.gfmFootnotes ?? []) notes.add(id)
  }
  return {tree, primed: met !== undefined}
}

const isSpace = (c: string | undefined) => c === ' ' || c === '\t'
const isBreak = (c: string | undefined) => c === '\n' || c === '\r'

/** Where the line holding `at` ends (its line ending, or the end). */
function lineEnd(s: string, at: number): number {
  let i = at
  while (i < s.length && !isBreak(s[i])) i++
  return i
}

/** The start of the line after the one that ends at `end`. */
function nextLine(s: string, end: number): number {
  return s[end] === '\r' && s[end + 1] === '\n' ? end + 2 : end + 1
}

function isBlank(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpace(s[i])) return false
  return true
}

const LIST_NUMBER = /\d{1,9}[.)]/y

/** A line at `at`, after a blank line, that continues nothing: it closes every container. */
function startsFresh(s: string, at: number): boolean {
  const c = s[at]
  if (c === ' ' || c === '\t' || c === '>' || c === '-' || c === '+' || c === '*' || c === '\uFEFF') return false
  LIST_NUMBER.lastIndex = at
  return !LIST_NUMBER.test(s)
}

const ITEM = /(?:([-+*])|\d{1,9}([.)]))[ \t]+[^ \t\r\n]/y
const THEMATIC_BREAK = /([-*_])(?:[ \t]*\1){2,}[ \t]*(?:[\r\n]|$)/y

/** The marker (`-` `+` `*`, or `.` `)` after a number) of a list item with content on the line at `at`, at column 0. */
function itemMarker(s: string, at: number): string | undefined {
  ITEM.lastIndex = at
  const m = ITEM.exec(s)
  if (!m) return undefined
  THEMATIC_BREAK.lastIndex = at
  return THEMATIC_BREAK.test(s) ? undefined : (m[1] ?? m[2])
}

/** The marker of the list whose first item starts at `at` (after its indent). */
function listMarker(s: string, at: number): string {
  let i = at
  while (isSpace(s[i])) i++
  while (s[i] >= '0' && s[i] <= '9') i++
  return s[i]
}

interface Cut {
  at: number
  /** The cut is before an item with this marker, which must continue the piece's last list (the parse says). */
  item?: string
}

/**
 * The first cut at or after `from`, scanning lines from `start` (a line start); the end when there is none.
 * With `items`, a cut may also be before a top-level list item that continues the list before it (tried when
 * its marker is that of the last such item seen: a heading, a quote or a fence at column 0 ends the list).
 */
function nextCut(s: string, start: number, from: number, items: boolean): Cut {
  if (from >= s.length) return {at: s.length}
  let i = start
  let blankBefore = false
  let marker: string | undefined
  while (i < s.length) {
    const end = lineEnd(s, i)
    const blank = isBlank(s, i, end)
    if (!blank) {
      const fresh = blankBefore && startsFresh(s, i)
      const item = itemMarker(s, i)
      if (i > start && i >= from) {
        if (fresh) return {at: i}
        if (items && item !== undefined && item === marker) return {at: i, item}
      }
      if (item !== undefined) marker = item
      else if (fresh || s[i] === '#' || s[i] === '>' || s.startsWith('```', i) || s.startsWith('~~~', i)) marker = undefined
    }
    blankBefore = blank
    i = nextLine(s, end)
  }
  return {at: s.length}
}

/** A line `[from, to)` that is `marker` × at least `size` after under 4 columns of indent, then only spaces and tabs. */
function closesFence(s: string, from: number, to: number, marker: string, size: number): boolean {
  let i = from
  let columns = 0
  while (i < to && isSpace(s[i])) columns = s[i++] === '\t' ? columns + 4 - (columns % 4) : columns + 1
  if (columns > 3) return false
  let n = 0
  while (i < to && s[i] === marker) {
    n++
    i++
  }
  if (n < size) return false
  while (i < to && isSpace(s[i])) i++
  return i === to
}

/**
 * Where front matter ends (after its closing line), as remark-frontmatter
 * finds it; 0 when there is none. An opening line never closed is no front
 * matter, but micromark, having read to the end in search of the closing
 * line, then reads no list, block quote or footnote in the whole document:
 * such a document is one piece (micromark is linear there: no container to
 * close).
 */
function frontMatterEnd(s: string): number {
  const at = s.startsWith('\uFEFF') ? 1 : 0
  const marker = s.startsWith('---', at) ? '-' : s.startsWith('+++', at) ? '+' : undefined
  if (!marker) return 0
  let end = lineEnd(s, at)
  if (end >= s.length || !isBlank(s, at + 3, end)) return 0
  for (let i = nextLine(s, end); i < s.length; i = nextLine(s, end)) {
    end = lineEnd(s, i)
    if (s.startsWith(marker.repeat(3), i) && isBlank(s, i + 3, end)) return nextLine(s, end)
  }
  return s.length
}

const RAW_NAMES = ['pre', 'script', 'style', 'textarea']

/** The CommonMark kind (1 to 5) of an HTML block opening at `at`, when a blank line does not end it. */
function htmlKind(s: string, at: number): number | undefined {
  if (s[at] !== '<') return undefined
  if (s.startsWith('<!--', at)) return 2
  if (s.startsWith('<?', at)) return 3
  if (s.startsWith('<![CDATA[', at)) return 5
  if (s[at + 1] === '!' && /[A-Za-z]/.test(s[at + 2] ?? '')) return 4
  const name = /<([A-Za-z]{1,8})(?=[ \t>\r\n]|$)/y
  name.lastIndex = at
  const m = name.exec(s)
  return m && RAW_NAMES.includes(m[1].toLowerCase()) ? 1 : undefined
}

/** Whether the line `[from, to)` ends an HTML block of `kind`: micromark's html-flow continuation, state by state. */
function closesHtml(s: string, from: number, to: number, kind: number): boolean {
  let state: 'text' | 'comment' | 'rawOpen' | 'rawEnd' | 'cdata' | 'declaration' = 'text'
  let name = ''
  for (let i = from; i < to; i++) {
    const c = s[i]
    if (state === 'comment') {
      if (c === '-') {
        state = 'declaration'
        continue
      }
    } else if (state === 'rawOpen') {
      if (c === '/') {
        state = 'rawEnd'
        name = ''
        continue
      }
    } else if (state === 'rawEnd') {
      if (c === '>' && RAW_NAMES.includes(name.toLowerCase())) return true
      if (c !== '>' && /[A-Za-z]/.test(c) && name.length < 8) {
        name += c
        continue
      }
    } else if (state === 'cdata') {
      if (c === ']') {
        state = 'declaration'
        continue
      }
    } else if (state === 'declaration') {
      if (c === '>') return true
      if (c === '-' && kind === 2) continue
    }
    // Every other character is read as in the plain state.
    state = 'text'
    if (c === '-' && kind === 2) state = 'comment'
    else if (c === '<' && kind === 1) state = 'rawOpen'
    else if (c === '>' && kind === 4) return true
    else if (c === '?' && kind === 3) state = 'declaration'
    else if (c === ']' && kind === 5) state = 'cdata'
  }
  return false
}

/**
 * Where the top-level block of `type` that opens on the line at `at` ends
 * (after its closing line; the end of the text when it never closes), or
 * undefined when its opening is not one of those a blank line does not end.
 */
function blockEnd(s: string, at: number, type: string): number | undefined {
  let i = at
  let columns = 0
  while (isSpace(s[i])) columns = s[i++] === '\t' ? columns + 4 - (columns % 4) : columns + 1
  if (columns > 3) return undefined
  let closes: (from: number, to: number) => boolean
  if (type === 'html') {
    const kind = htmlKind(s, i)
    if (kind === undefined) return undefined
    closes = (from, to) => closesHtml(s, from, to, kind)
  } else {
    const marker = s[i]
    if (type === 'code' ? marker !== '`' && marker !== '~' : type !== 'math' || marker !== '$') return undefined
    let size = 0
    while (s[i + size] === marker) size++
    if (size < (type === 'code' ? 3 : 2)) return undefined
    closes = (from, to) => closesFence(s, from, to, marker, size)
  }
  // The opening line does not close it: the parser found it open past that line.
  let end = lineEnd(s, at)
  for (let line = nextLine(s, end); line < s.length; line = nextLine(s, end)) {
    end = lineEnd(s, line)
    if (closes(line, end)) return Math.min(nextLine(s, end), s.length)
  }
  return s.length
}

/** Blocks a blank line does not end. */
const SPANNING = new Set(['code', 'html', 'math'])

/**
 * The pieces of a Markdown document, parsed, in order. `size` is the least
 * length of a piece (Infinity: the whole document in one piece).
 */
export function* markdownPieces(source: string, size = PIECE_SIZE, stats?: PieceStats): Generator<Piece> {
  const links = new Set<string>()
  const notes = new Set<string>()
  // Without `]:` there are no definitions: each piece is final as soon as it is parsed.
  const mayDefine = source.includes(']:')
  const held: Array<Piece & {tree: Root; parsedTo: number; known: number}> = []
  // A piece that may use a definition but whose parser was not primed: definitions are only sure in one parse.
  const unprimed = (parsed: {primed: boolean}, from: number, to: number) => mayDefine && !parsed.primed && source.slice(from, to).includes('[')
  const baseOf = (start: number) => (source.charCodeAt(start) === 0xfeff ? start + 1 : start)
  const whole = (): Piece => ({start: 0, end: source.length, base: baseOf(0), tree: parse(source, new Set(), new Set(), stats).tree})
  let start = 0
  // No cut before this: front matter, or a block found open at the last cut.
  let floor = frontMatterEnd(source)
  // Where the last block found open starts: should it still be open at the next cut, its end was misjudged.
  let resynced = -1
  while (start < source.length) {
    const base = baseOf(start)
    let from = Math.max(start + size, floor)
    let misses = 0
    let cut: Cut
    let parsedTo: number
    let parsed: {tree: Root; primed: boolean}
    let last: RootContent | undefined
    for (;;) {
      cut = nextCut(source, start, from, misses < 2)
      // The parse reads the cut's line too: what it closes before it closes as in the whole document.
      parsedTo = cut.at < source.length ? Math.min(nextLine(source, lineEnd(source, cut.at)), source.length) : cut.at
      parsed = parse(source.slice(start, parsedTo), links, notes, stats)
      last = lastBefore(parsed.tree, cut.at - base)
      // An item cut holds when the item joined the piece's last list, of its marker: then it is that list's next
      // item (with another marker, an ordered item not at 1 is a lazy line of the paragraph before).
      if (cut.item === undefined || (last?.type === 'list' && base + (last.position?.end.offset ?? 0) > cut.at && listMarker(source, base + (last.position?.start.offset ?? 0)) === cut.item)) {
        break
      }
      // It did not: the next cut (after two misses, only at blank lines).
      from = cut.at + 1
      misses++
    }
    if (unprimed(parsed, start, parsedTo)) {
      yield whole()
      return
    }
    const {tree} = parsed
    let end = cut.at
    if (end < source.length && last && SPANNING.has(last.type) && base + (last.position?.end.offset ?? 0) > contentEnd(source, start, end)) {
      // The cut fell inside a block the blank line did not end: cut where that block's line starts instead,
      // and do not cut the next piece before the block's closing line (misjudged: the rest is one piece).
      end = base + (last.position?.start.offset ?? 0)
      while (end > start && !isBreak(source[end - 1])) end--
      floor = (end === resynced ? undefined : blockEnd(source, end, last.type)) ?? source.length
      resynced = end
    }
    if (end > start) {
      const piece = {start, end, base, tree}
      if (mayDefine) held.push({...piece, parsedTo, known: links.size + notes.size})
      else yield piece
    }
    start = end
  }
  for (const piece of held) {
    // Parsed before later pieces' definitions were known, with a reference that may need one: again, with all of them.
    if (piece.known < links.size + notes.size && source.slice(piece.start, piece.end).includes('[')) {
      const parsed = parse(source.slice(piece.start, piece.parsedTo), links, notes, stats)
      if (unprimed(parsed, piece.start, piece.parsedTo)) {
        yield whole()
        return
      }
      piece.tree = parsed.tree
    }
  }
  for (const {start, end, base, tree} of held) yield {start, end, base, tree}
}

/** The last of the root's children that starts before `offset`. */
function lastBefore(tree: Root, offset: number): RootContent | undefined {
  for (let i = tree.children.length - 1; i >= 0; i--) if ((tree.children[i].position?.start.offset ?? 0) < offset) return tree.children[i]
  return undefined
}

/** The end of the last line of `[start, end)` that is not blank. */
function contentEnd(s: string, start: number, end: number): number {
  let i = end
  while (i > start && (isSpace(s[i - 1]) || isBreak(s[i - 1]))) i--
  return i
}
