import type {VFileMessage} from 'vfile-message'
import {createLinter, type Config} from '../src/index.js'
import type {MtcleanMessageFields} from '../src/rule.js'

export type Message = VFileMessage & MtcleanMessageFields

const linters = new Map<string, ReturnType<typeof createLinter>>()
function linter(config: Config) {
  const key = JSON.stringify(config)
  let hit = linters.get(key)
  if (!hit) linters.set(key, (hit = createLinter(config)))
  return hit
}

/** Only this rule on (others off), with optional rule options and settings. */
export function only(ruleId: string, options: Record<string, unknown> = {}, settings: Config['settings'] = {}): Config {
  return {preset: 'strict', rules: {[ruleId]: ['warn', options] as never, ...offExcept(ruleId)}, settings}
}

import {allRules} from '../src/plugins/index.js'
function offExcept(ruleId: string) {
  return Object.fromEntries(allRules.filter((r) => r.ruleId !== ruleId).map((r) => [r.ruleId, 'off' as const]))
}

export function lint(text: string, config: Config = {}): Message[] {
  return linter(config).check(text) as Message[]
}

/** Fix to a fixpoint and return the text. */
export async function fixed(text: string, config: Config = {}, suggestions = false): Promise<string> {
  return (await linter(config).fix(text, {suggestions})).text
}

/** Check every message's place and `actual` against the text. */
export function assertWellFormed(text: string, messages: Message[]): void {
  for (const m of messages) {
    if (m.source !== 'mtclean') throw new Error('source')
    if (text.slice(m.startOffset, m.endOffset) !== m.actual) throw new Error(`actual mismatch for ${m.ruleId}`)
    if (!m.url || !m.ruleId || !m.category) throw new Error('missing url/ruleId/category')
  }
}
