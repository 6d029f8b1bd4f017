import {decodeNamedCharacterReference} from 'decode-named-character-reference'

/**
 * The prose of a marked-up document as the rules see it: the text of prose
 * nodes copied from the source, blocks separated by blank lines, and
 * placeholders where inline code, images or math stand in a sentence. Every
 * copied run remembers where it came from, so a message maps back to exact
 * source offsets; a message that touches anything not copied (markup, a
 * placeholder, a decoded entity) has no place in the source and is dropped.
 */
export interface ProseView {
  text: string
  /** Copied runs, in view order: view offset, source offset, length. */
  runs: Run[]
  /** Source ranges of comments: the only places markers count in markup formats. */
  comments: Array<[number, number]>
}

export interface Run {
  view: number
  source: number
  length: number
}

/** Stands for inline code, math or an image: one word to the rules, never mapped back. */
export const PLACEHOLDER = 'x'

const ENTITY = /&(?:#[xX]([0-9a-fA-F]{1,6})|#([0-9]{1,7})|([a-zA-Z][a-zA-Z0-9]{0,31}));/y
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/

export interface AlignOptions {
  /** Character references in the source are markup (HTML, Markdown). */
  entities?: boolean
  /** Backslash escapes are markup (Markdown). */
  escapes?: boolean
  /** Source characters a parser drops from a text node (Markdown's container prefixes and indents). */
  droppable?: (c: string) => boolean
  /** Collapse runs of white space like a browser (HTML). */
  collapseSpace?: boolean
}

function decodeEntity(match: RegExpExecArray): string | false {
  if (match[1] !== undefined || match[2] !== undefined) {
    const code = match[1] !== undefined ? parseInt(match[1], 16) : parseInt(match[2], 10)
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : false
  }
  return decodeNamedCharacterReference(match[3])
}

const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f'

export class ViewBuilder {
  private parts: string[] = []
  private length = 0
  /** The view ends with a block break (or is empty): no leading space, no double break. */
  private atBlockStart = true
  readonly runs: Run[] = []
  readonly comments: Array<[number, number]> = []

  constructor(private readonly source: string) {}

  /** Text that is not in the source (separators, placeholders, decoded characters). */
  emit(text: string): void {
    if (text === '') return
    this.parts.push(text)
    this.length += text.length
    this.atBlockStart = false
  }

  /** Copy source[from, to) into the view, mapped. */
  copy(from: number, to: number): void {
    if (to <= from) return
    const last = this.runs[this.runs.length - 1]
    if (last && last.view + last.length === this.length && last.source + last.length === from) last.length += to - from
    else this.runs.push({view: this.length, source: from, length: to - from})
    this.parts.push(this.source.slice(from, to))
    this.length += to - from
    this.atBlockStart = false
  }

  /** End the current block: the rules see a paragraph break. */
  block(): void {
    if (this.atBlockStart) return
    this.emit('\n\n')
    this.atBlockStart = true
  }

  comment(from: number, to: number): void {
    this.comments.push([from, to])
  }

  /**
   * Copy a text node: `value` is what the parser decoded from source[from, to).
   * Characters equal in both are copied (mapped); references and escapes the
   * parser decoded go in unmapped; characters the parser dropped are skipped.
   * Should the two ever disagree otherwise, the rest goes in unmapped.
   */
  text(from: number, to: number, value: string, options: AlignOptions = {}): void {
    const s = this.source
    let i = from
    let j = 0
    let runStart = i
    const flush = () => {
      this.copy(runStart, i)
    }
    while (j < value.length) {
      if (i >= to) {
        flush()
        this.emit(value.slice(j))
        return
      }
      const c = s[i]
      if (options.collapseSpace && isSpace(c) && isSpace(value[j])) {
        let n = 0
        while (i + n < to && j + n < value.length && isSpace(s[i + n]) && s[i + n] === value[j + n]) n++
        const single = n === 1 && c === ' '
        if (!single) {
          flush()
          if (!this.atBlockStart) this.emit(' ')
          i += n
          j += n
          runStart = i
          continue
        }
      }
      if (options.entities && c === '&') {
        ENTITY.lastIndex = i
        const match = ENTITY.exec(s)
        const decoded = match && match.index + match[0].length <= to ? decodeEntity(match) : false
        if (decoded && value.startsWith(decoded, j)) {
          flush()
          this.emit(decoded)
          i += match![0].length
          j += decoded.length
          runStart = i
          continue
        }
      }
      if (options.escapes && c === '\\' && i + 1 < to && s[i + 1] === value[j] && ASCII_PUNCTUATION.test(value[j])) {
        flush()
        this.emit(value[j])
        i += 2
        j++
        runStart = i
        continue
      }
      if (c === value[j]) {
        i++
        j++
        continue
      }
      if (options.droppable?.(c)) {
        flush()
        i++
        runStart = i
        continue
      }
      flush()
      this.emit(value.slice(j))
      return
    }
    flush()
  }

  finish(): ProseView {
    return {text: this.parts.join(''), runs: this.runs, comments: this.comments}
  }
}

/** The run holding view offset `at` (`atEnd`: a run may end there). */
function runAt(runs: readonly Run[], at: number, atEnd: boolean): number {
  let lo = 0
  let hi = runs.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const run = runs[mid]
    if (at < run.view) hi = mid - 1
    else if (at > run.view + run.length || (at === run.view + run.length && !atEnd)) lo = mid + 1
    else return mid
  }
  return -1
}

export interface Mapped {
  start: number
  end: number
  /** Start and end lie in one copied run: the source between them is the view's text, a fix may apply. */
  contiguous: boolean
}

/** Source offsets of the view range [start, end), or undefined when an end is not in the source. */
export function toSource(view: ProseView, start: number, end: number): Mapped | undefined {
  if (start === end) {
    // An insertion may also sit just past a run's last character.
    let a = runAt(view.runs, start, false)
    if (a < 0) a = runAt(view.runs, start, true)
    if (a < 0) return undefined
    const at = view.runs[a].source + (start - view.runs[a].view)
    return {start: at, end: at, contiguous: true}
  }
  const a = runAt(view.runs, start, false)
  const b = runAt(view.runs, end - 1, false)
  if (a < 0 || b < 0) return undefined
  const ra = view.runs[a]
  const rb = view.runs[b]
  return {start: ra.source + (start - ra.view), end: rb.source + (end - rb.view), contiguous: a === b}
}
