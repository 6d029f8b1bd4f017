/**
 * The units that whole-unit phrases (unitPhrases, phrases.ts) are tried on: a text's lines,
 * their paragraphs (runs of non-blank lines) and a line's sentences.
 */

export interface Line {
  start: number
  /** End of the line's content (before its line break). */
  end: number
  /** Index after the line break (== end at the end of the text). */
  next: number
}

/** The lines of a text (`\n` or `\r\n`); a text that ends with a line break ends with an empty line. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = []
  let start = 0
  const length = text.length
  while (start <= length) {
    let end = text.indexOf('\n', start)
    if (end < 0) end = length
    const next = end < length ? end + 1 : length
    const contentEnd = end > start && text[end - 1] === '\r' ? end - 1 : end
    lines.push({start, end: contentEnd, next})
    if (end >= length) break
    start = next
  }
  return lines
}

/** Paragraphs: maximal runs of non-blank lines, as the indexes of their first and last line. */
export function lineParagraphs(text: string, lines: Line[]): Array<{first: number; last: number}> {
  const paragraphs: Array<{first: number; last: number}> = []
  for (let i = 0; i < lines.length; i++) {
    if (text.slice(lines[i].start, lines[i].end).trim() === '') continue
    if (paragraphs.length > 0 && paragraphs[paragraphs.length - 1].last === i - 1) paragraphs[paragraphs.length - 1].last = i
    else paragraphs.push({first: i, last: i})
  }
  return paragraphs
}

const SENTENCE_END = /(?<![.!?…])[.!?…]+["”»’)]*(?=\s)/g

/** The sentences of one line: [start, end) offsets in the line, each ending at `. ! ? …` (and closing marks) before white space. */
export function lineSentences(line: string): Array<[number, number]> {
  const out: Array<[number, number]> = []
  let from = 0
  SENTENCE_END.lastIndex = 0
  let match: RegExpExecArray | null
  while ((match = SENTENCE_END.exec(line))) {
    const end = match.index + match[0].length
    out.push([from, end])
    from = end
    while (from < line.length && /\s/.test(line[from])) from++
    SENTENCE_END.lastIndex = from
  }
  if (from < line.length) out.push([from, line.length])
  return out
}
