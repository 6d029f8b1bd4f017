import type {VFileMessage} from 'vfile-message'
import type {JsonMessage} from './types.js'

interface Extra {
  category?: string
  fix?: 'safe' | 'suggestion'
  startOffset?: number
  endOffset?: number
}

/** A vfile message as the JSON contract prints it. */
export function toJson(message: VFileMessage): JsonMessage {
  const extra = message as VFileMessage & Extra
  const place = message.place
  const start = place && 'start' in place ? place.start : place
  const end = place && 'end' in place ? place.end : place
  return {
    ruleId: String(message.ruleId ?? ''),
    category: String(extra.category ?? message.ruleId ?? ''),
    severity: message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info',
    message: message.reason,
    line: start?.line ?? 1,
    column: start?.column ?? 1,
    endLine: end?.line ?? start?.line ?? 1,
    endColumn: end?.column ?? start?.column ?? 1,
    startOffset: extra.startOffset ?? start?.offset ?? 0,
    endOffset: extra.endOffset ?? end?.offset ?? 0,
    actual: message.actual ?? '',
    expected: message.expected ?? [],
    fix: extra.fix ?? null
  }
}
