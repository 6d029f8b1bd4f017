/**
 * Inline ignore markers, usable in plain text, Markdown and HTML comments:
 *
 *     mtclean-disable-next-line quote-glued
 *     mtclean-disable-line
 *     mtclean-disable calque, masthead   …   mtclean-enable
 *
 * A marker without rule ids applies to every rule. Implemented as message
 * filtering by offset: the rules never see the markers.
 */

interface Marker {
  kind: 'disable-next-line' | 'disable-line' | 'disable' | 'enable'
  /** Offset of the marker. */
  at: number
  /** For line markers: the range of the line they silence. */
  from: number
  to: number
  /** Rule ids; empty = all rules. */
  rules: Set<string>
}

const MARKER = /mtclean-(disable-next-line|disable-line|disable|enable)(?![\w-])([^\n]*)/g
const RULE_ID = /^[a-z][a-z0-9-]*$/

function parseRules(rest: string): Set<string> {
  const rules = new Set<string>()
  for (const token of rest.split(/[\s,]+/)) {
    if (token === '') continue
    if (!RULE_ID.test(token)) break
    rules.add(token)
  }
  return rules
}

function lineEnd(text: string, from: number): number {
  const i = text.indexOf('\n', from)
  return i < 0 ? text.length : i
}

function lineStart(text: string, at: number): number {
  return text.lastIndexOf('\n', at - 1) + 1
}

export function findMarkers(text: string): Marker[] {
  if (!text.includes('mtclean-')) return []
  const markers: Marker[] = []
  for (const match of text.matchAll(MARKER)) {
    const kind = match[1] as Marker['kind']
    const at = match.index!
    const rules = parseRules(match[2])
    let from = at
    let to = at
    if (kind === 'disable-line') {
      from = lineStart(text, at)
      to = lineEnd(text, at)
    } else if (kind === 'disable-next-line') {
      const end = lineEnd(text, at)
      from = Math.min(end + 1, text.length)
      to = lineEnd(text, from)
    }
    markers.push({kind, at, from, to, rules})
  }
  return markers
}

interface Located {
  ruleId?: string | null
  startOffset: number
}

/** Drop messages silenced by markers. `messages` may be in any order. */
export function filterByMarkers<M extends Located>(text: string, messages: M[]): M[] {
  if (messages.length === 0) return messages
  const markers = findMarkers(text)
  if (markers.length === 0) return messages
  const lineMarkers = markers.filter((m) => m.kind === 'disable-line' || m.kind === 'disable-next-line')
  const regionMarkers = markers.filter((m) => m.kind === 'disable' || m.kind === 'enable')
  const order = messages.map((m, i) => i).sort((a, b) => messages[a].startOffset - messages[b].startOffset)
  const keep = new Array<boolean>(messages.length).fill(true)
  // Sweep regions: state after every marker before the message.
  let allOff = false
  const except = new Set<string>()
  const off = new Set<string>()
  let next = 0
  for (const i of order) {
    const message = messages[i]
    while (next < regionMarkers.length && regionMarkers[next].at <= message.startOffset) {
      const marker = regionMarkers[next++]
      if (marker.kind === 'disable') {
        if (marker.rules.size === 0) {
          allOff = true
          except.clear()
        } else for (const r of marker.rules) {
          off.add(r)
          except.delete(r)
        }
      } else if (marker.rules.size === 0) {
        allOff = false
        except.clear()
        off.clear()
      } else for (const r of marker.rules) {
        off.delete(r)
        if (allOff) except.add(r)
      }
    }
    const rule = String(message.ruleId ?? '')
    if ((allOff && !except.has(rule)) || off.has(rule)) keep[i] = false
  }
  if (lineMarkers.length > 0) {
    // One entry per silenced line (rules merged), sorted: a linear sweep.
    const lines = new Map<number, {from: number; to: number; all: boolean; rules: Set<string>}>()
    for (const marker of lineMarkers) {
      let line = lines.get(marker.from)
      if (!line) lines.set(marker.from, (line = {from: marker.from, to: marker.to, all: false, rules: new Set()}))
      if (marker.rules.size === 0) line.all = true
      else for (const r of marker.rules) line.rules.add(r)
    }
    const sorted = [...lines.values()].sort((a, b) => a.from - b.from)
    let k = 0
    for (const i of order) {
      const {startOffset} = messages[i]
      while (k < sorted.length && sorted[k].to < startOffset) k++
      const line = sorted[k]
      if (!keep[i] || !line || line.from > startOffset) continue
      if (line.all || line.rules.has(String(messages[i].ruleId ?? ''))) keep[i] = false
    }
  }
  return messages.filter((_, i) => keep[i])
}
