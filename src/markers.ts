/**
 * Inline ignore markers, in comment-like positions only: on a line of their
 * own (after an optional comment leader such as `#` or `//`), or inside an
 * HTML comment or a Markdown comment (`[//]: # (…)`):
 *
 *     mtclean-disable-next-line quote-glued
 *     Text with a known oddity ”. <!-- mtclean-disable-line -->
 *     <!-- mtclean-disable calque, masthead -- reason -->   …   <!-- mtclean-enable -->
 *
 * A marker without rule ids applies to every rule. Applied inside the
 * processor (the last plugin filters the rules' messages, as ESLint's Linter
 * applies its directives), so the library, the CLI and `fix` agree.
 */
import type {Root} from 'nlcst'
import type {Plugin} from 'unified'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {locatorFor} from './position.js'
import {SOURCE} from './rule.js'

export interface Marker {
  kind: 'disable-next-line' | 'disable-line' | 'disable' | 'enable'
  /** Offset of the marker. */
  at: number
  end: number
  /** For line markers: the range of the line they silence. */
  from: number
  to: number
  /** Rule ids; empty = all rules. */
  rules: Set<string>
}

/** A problem with a marker itself: an unknown rule id, or (on request) a marker that silenced nothing. */
export interface MarkerProblem {
  start: number
  end: number
  reason: string
  /** The rule id concerned, for an unknown one. */
  ruleId?: string
}

const MARKER = /mtclean-(disable-next-line|disable-line|disable|enable)(?=[\s,)]|-->|$)([^\r\n]*)/g
const RULE_ID = /^[a-z][a-z0-9-]*$/
/** What may stand before a marker on its line: nothing, or a comment leader. */
const LEADER = /^[ \t]*(?:(?:<!--|\[\/\/\]:[ \t]*#[ \t]*\(|\/\/|\/\*|#|%|;|--)[ \t]*)?$/

function parseRules(rest: string): Set<string> {
  const rules = new Set<string>()
  if (rest === '' || rest === ' -->' || rest === ')') return rules
  // The ids end at the comment's close or at ` -- reason`.
  const ids = rest.split(/-->|\)|\*\/|(?:^|\s)--(?:\s|$)/)[0]
  for (const token of ids.split(/[\s,]+/)) {
    if (token === '') continue
    if (!RULE_ID.test(token)) break
    rules.add(token)
  }
  return rules
}

/** End of the line holding `from` (CR, LF and CRLF all end lines). */
function lineEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 10 || c === 13) return i
  }
  return text.length
}

function nextLineStart(text: string, end: number): number {
  if (end >= text.length) return text.length
  return text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1
}

/** Start of the line holding `at` (a backward scan: one line long, not to the start of the text). */
function lineStart(text: string, at: number): number {
  let i = at
  while (i > 0) {
    const c = text.charCodeAt(i - 1)
    if (c === 10 || c === 13) break
    i--
  }
  return i
}

/** In a comment-like position: alone on its line after a comment leader, or inside an open HTML comment. */
function commentLike(prefix: string): boolean {
  return LEADER.test(prefix) || prefix.lastIndexOf('<!--') > prefix.lastIndexOf('-->')
}

export function findMarkers(text: string): Marker[] {
  if (!text.includes('mtclean-')) return []
  const markers: Marker[] = []
  for (const match of text.matchAll(MARKER)) {
    const kind = match[1] as Marker['kind']
    const at = match.index!
    const start = lineStart(text, at)
    if (start !== at && !commentLike(text.slice(start, at))) continue
    const rules = parseRules(match[2])
    let from = at
    let to = at
    if (kind === 'disable-line') {
      from = start
      to = lineEnd(text, at)
    } else if (kind === 'disable-next-line') {
      from = nextLineStart(text, lineEnd(text, at))
      to = lineEnd(text, from)
    }
    markers.push({kind, at, end: at + 8 + kind.length, from, to, rules})
  }
  return markers
}

interface Located {
  ruleId?: string | null
  startOffset: number
}

export interface MarkerOptions {
  /** Rule ids that exist: a marker naming another is reported. */
  known?: ReadonlySet<string>
  /** Report disable markers that silenced nothing. */
  reportUnused?: boolean
}

/** Messages silenced by markers dropped, and the problems with the markers. `messages` may be in any order. */
export function applyMarkers<M extends Located>(text: string, messages: M[], options: MarkerOptions = {}): {messages: M[]; problems: MarkerProblem[]} {
  const markers = findMarkers(text)
  if (markers.length === 0) return {messages, problems: []}
  const problems: MarkerProblem[] = []
  if (options.known) {
    for (const marker of markers) {
      for (const id of marker.rules) {
        if (!options.known.has(id)) problems.push({start: marker.at, end: marker.end, ruleId: id, reason: `Unexpected unknown rule id \`${id}\` in \`mtclean-${marker.kind}\`, expected a rule id (\`mtclean rules\` lists them)`})
      }
    }
  }
  const used = new Set<Marker>()
  const lineMarkers = markers.filter((m) => m.kind === 'disable-line' || m.kind === 'disable-next-line')
  const regionMarkers = markers.filter((m) => m.kind === 'disable' || m.kind === 'enable')
  const order = messages.map((m, i) => i).sort((a, b) => messages[a].startOffset - messages[b].startOffset)
  const keep = new Array<boolean>(messages.length).fill(true)
  // Sweep regions: state after every marker before the message.
  let allOff: Marker | undefined
  const except = new Set<string>()
  const off = new Map<string, Marker>()
  let next = 0
  for (const i of order) {
    const message = messages[i]
    while (next < regionMarkers.length && regionMarkers[next].at <= message.startOffset) {
      const marker = regionMarkers[next++]
      if (marker.kind === 'disable') {
        if (marker.rules.size === 0) {
          allOff = marker
          except.clear()
        } else for (const r of marker.rules) {
          off.set(r, marker)
          except.delete(r)
        }
      } else if (marker.rules.size === 0) {
        allOff = undefined
        except.clear()
        off.clear()
      } else for (const r of marker.rules) {
        off.delete(r)
        if (allOff) except.add(r)
      }
    }
    const rule = String(message.ruleId ?? '')
    const by = off.get(rule) ?? (allOff && !except.has(rule) ? allOff : undefined)
    if (by) {
      keep[i] = false
      used.add(by)
    }
  }
  if (lineMarkers.length > 0) {
    // One entry per silenced line (rules merged), sorted: a linear sweep.
    const lines = new Map<number, {from: number; to: number; markers: Marker[]}>()
    for (const marker of lineMarkers) {
      let line = lines.get(marker.from)
      if (!line) lines.set(marker.from, (line = {from: marker.from, to: marker.to, markers: []}))
      line.markers.push(marker)
    }
    const sorted = [...lines.values()].sort((a, b) => a.from - b.from)
    let k = 0
    for (const i of order) {
      const {startOffset} = messages[i]
      while (k < sorted.length && sorted[k].to < startOffset) k++
      const line = sorted[k]
      if (!line || line.from > startOffset) continue
      const rule = String(messages[i].ruleId ?? '')
      const by = line.markers.find((m) => m.rules.size === 0 || m.rules.has(rule))
      if (!by) continue
      if (keep[i]) keep[i] = false
      used.add(by)
    }
  }
  if (options.reportUnused) {
    for (const marker of markers) {
      if (marker.kind !== 'enable' && !used.has(marker)) problems.push({start: marker.at, end: marker.end, reason: `Unexpected unused \`mtclean-${marker.kind}\`, expected a finding to silence (remove the marker)`})
    }
  }
  return {messages: messages.filter((_, i) => keep[i]), problems}
}

/** Drop messages silenced by markers. `messages` may be in any order. */
export function filterByMarkers<M extends Located>(text: string, messages: M[]): M[] {
  if (messages.length === 0) return messages
  return applyMarkers(text, messages).messages
}

/** Options of the markers plugin. */
export interface MarkersOptions {
  known?: Iterable<string>
  reportUnused?: boolean
}

type Placed = VFileMessage & {startOffset?: number}

const offsetOf = (m: Placed): number => m.startOffset ?? (m.place && 'start' in m.place ? m.place.start.offset : m.place?.offset) ?? 0

/**
 * The last plugin of an mtclean processor: drops the messages that markers
 * silence and reports problems with the markers (unknown rule ids; unused
 * markers on request) under the rule id `marker`.
 */
export const mtcleanMarkers: Plugin<[MarkersOptions?], Root> = function (options = {}) {
  const known = options.known ? new Set(options.known) : undefined
  return function (_tree: Root, file: VFile) {
    const text = String(file.value)
    if (!text.includes('mtclean-')) return
    const located = file.messages.map((message) => ({message, ruleId: message.ruleId, startOffset: offsetOf(message as Placed)}))
    const {messages, problems} = applyMarkers(text, located, {known, reportUnused: options.reportUnused})
    file.messages = messages.map((m) => m.message)
    if (problems.length === 0) return
    const locator = locatorFor(file)
    for (const problem of problems) {
      const message = file.message(problem.reason, {
        place: {start: locator.toPoint(problem.start)!, end: locator.toPoint(problem.end)!},
        ruleId: MARKER_RULE_ID,
        source: SOURCE
      })
      message.fatal = false
      message.actual = text.slice(problem.start, problem.end)
      message.expected = []
      message.url = MARKER_DOCS
      Object.assign(message, {category: MARKER_RULE_ID, startOffset: problem.start, endOffset: problem.end})
    }
  }
}

/** The rule id of messages about markers themselves. */
export const MARKER_RULE_ID = 'marker'
const MARKER_DOCS = 'https://github.com/mtclean/mtclean/blob/main/docs/cli.md#ignoring-regions-inside-the-text'
