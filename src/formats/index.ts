import {extname} from 'node:path'
import {location} from 'vfile-location'
import type {VFileMessage} from 'vfile-message'
import {toSource, type ProseView} from './view.js'

/** How an input is read: plain text, or a markup format whose prose alone is linted. */
export const INPUT_FORMATS = ['text', 'markdown', 'html'] as const
export type InputFormat = (typeof INPUT_FORMATS)[number]

const BY_EXTENSION: Record<string, InputFormat> = {
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.mdown': 'markdown',
  '.mkd': 'markdown',
  '.mdx': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.txt': 'text',
  '.text': 'text'
}

/** The format a file name implies, if any. */
export function formatOfPath(path: string): InputFormat | undefined {
  return BY_EXTENSION[extname(path).toLowerCase()]
}

/**
 * The format of a text with no telling name (stdin): HTML when it opens with a
 * tag, Markdown when it opens with front matter or holds a fenced code block
 * or an ATX heading, else plain text.
 */
export function sniffFormat(text: string): InputFormat {
  const head = text.slice(0, 4096)
  if (/^\uFEFF?\s*<(?:!doctype\s+html|html|head|body|p|div|article|section|h[1-6])[\s>]/i.test(head)) return 'html'
  if (/^\uFEFF?(?:---|\+\+\+)\r?\n/.test(head)) return 'markdown'
  if (/^(?:```|~~~)/m.test(head) || /^#{1,6} \S/m.test(head)) return 'markdown'
  return 'text'
}

/** The format to read an input in: an explicit choice, else its name, else its content. */
export function chooseFormat(given: InputFormat | undefined, name: string | undefined, text: string): InputFormat {
  return given ?? (name ? formatOfPath(name) : undefined) ?? (name === undefined || extname(name) === '' ? sniffFormat(text) : 'text')
}

/** The prose of a Markdown or HTML text. The parsers load on first use: plain-text runs never pay for them. */
export async function proseView(text: string, format: Exclude<InputFormat, 'text'>): Promise<ProseView> {
  return format === 'html' ? (await import('./html.js')).htmlView(text) : (await import('./markdown.js')).markdownView(text)
}

/** `text` with everything but its comments blanked (line breaks kept): markers count only in comments. */
export function commentsOnly(text: string, comments: ReadonlyArray<[number, number]>): string {
  const parts: string[] = []
  let at = 0
  for (const [from, to] of comments) {
    parts.push(text.slice(at, from).replace(/[^\r\n]/g, ' '), text.slice(from, to))
    at = to
  }
  parts.push(text.slice(at).replace(/[^\r\n]/g, ' '))
  return parts.join('')
}

type Placed = VFileMessage & {startOffset?: number; endOffset?: number; fix?: string | null}

/**
 * Lint the prose of a Markdown or HTML document: `lint` sees the prose view,
 * and every message comes back with source offsets and positions. Messages
 * that touch markup or a placeholder are dropped; one that spans inline
 * markup (across `*emphasis*`) stays a report without its fix, so a fix never
 * writes over markup. `read` builds the prose view (a test reads Markdown in
 * one piece with it).
 */
export async function lintMarkup<M extends VFileMessage>(
  text: string,
  format: Exclude<InputFormat, 'text'>,
  lint: (prose: string) => M[],
  filter: (markerText: string, messages: M[]) => M[],
  read: (text: string) => ProseView | Promise<ProseView> = (t) => proseView(t, format)
): Promise<M[]> {
  const view = await read(text)
  const place = location(text)
  const kept: M[] = []
  for (const message of lint(view.text)) {
    const m = message as M & Placed
    if (typeof m.startOffset !== 'number' || typeof m.endOffset !== 'number') continue
    const mapped = toSource(view, m.startOffset, m.endOffset)
    if (!mapped) continue
    m.startOffset = mapped.start
    m.endOffset = mapped.end
    const start = place.toPoint(mapped.start)
    const end = place.toPoint(mapped.end)
    if (start && end) {
      m.place = {start, end}
      m.line = start.line
      m.column = start.column
    }
    if (!mapped.contiguous || (m.actual !== undefined && text.slice(mapped.start, mapped.end) !== m.actual)) m.fix = null
    kept.push(m)
  }
  return filter(commentsOnly(text, view.comments), kept)
}
