import type {VFileMessage} from 'vfile-message'
import type {MtcleanMessageFields} from '../rule.js'
import {createHash} from 'node:crypto'
import {applyEdits, type Edit} from './apply.js'

export const MAX_PASSES = 10

export type Lint = (text: string) => VFileMessage[] | Promise<VFileMessage[]>

export interface FixOptions {
  /** Also apply suggestions that have exactly one candidate. */
  suggestions?: boolean
  maxPasses?: number
}

export interface FixResult {
  text: string
  /** Messages of a final lint of the fixed text. */
  messages: VFileMessage[]
  /** Fixes applied, pass by pass. */
  applied: Edit[][]
  passes: number
  /** True when the loop stopped on the pass limit or a cycle instead of a fixpoint. */
  unsettled: boolean
}

type Message = VFileMessage & Partial<MtcleanMessageFields>

/** The edit a message proposes, when it may be applied under `options`. */
export function editOf(message: Message, options: FixOptions = {}): Edit | undefined {
  const expected = message.expected
  if (!expected || expected.length !== 1) return undefined
  if (message.fix !== 'safe' && !(options.suggestions && message.fix === 'suggestion')) return undefined
  if (typeof message.startOffset !== 'number' || typeof message.endOffset !== 'number') return undefined
  return {
    start: message.startOffset,
    end: message.endOffset,
    actual: message.actual ?? '',
    replacement: expected[0],
    ruleId: message.ruleId
  }
}

/**
 * Lint, apply the safe fixes, and lint again until nothing changes: at most
 * `maxPasses` passes, stopping early on a cycle. The returned messages always
 * describe the returned text.
 */
export async function fixToFixpoint(text: string, lint: Lint, options: FixOptions = {}): Promise<FixResult> {
  const maxPasses = options.maxPasses ?? MAX_PASSES
  // Digests, not texts: a copy of a big text per pass would hold passes × its size.
  const digest = (value: string) => createHash('sha256').update(value).digest('base64')
  const seen = new Set<string>([digest(text)])
  const applied: Edit[][] = []
  let messages = await lint(text)
  let passes = 0
  let unsettled = false
  while (true) {
    const edits = messages.map((m) => editOf(m as Message, options)).filter((e): e is Edit => e !== undefined)
    if (edits.length === 0) break
    if (passes >= maxPasses) {
      unsettled = true
      break
    }
    const result = applyEdits(text, edits)
    if (result.applied.length === 0) break
    passes++
    applied.push(result.applied)
    const key = digest(result.text)
    if (seen.has(key)) {
      // A cycle: keep the text of this pass and stop.
      text = result.text
      messages = await lint(text)
      unsettled = true
      break
    }
    seen.add(key)
    text = result.text
    messages = await lint(text)
  }
  return {text, messages, applied, passes, unsettled}
}
