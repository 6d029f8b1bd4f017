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

import {allRules} from '../src/rules/index.js'
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

import {describe, expect, it} from 'vitest'

export interface RuleTable {
  /** Inputs and their exact `fix` output. */
  invalid: Array<[string, string]>
  /** Inputs that must be left alone: no finding, and `fix` changes nothing. */
  valid: string[]
  /** Also assert the fixed text has no finding left (default true). */
  quietAfterFix?: boolean
  /** For valid inputs, only safe findings count (suggestions may remain). */
  validSafeOnly?: boolean
  /** For valid inputs, only assert that `fix` leaves them unchanged (other findings may remain). */
  validUnchangedOnly?: boolean
}

/**
 * The table every rule test shares: each invalid case is reported with
 * well-formed messages, fixed to the exact output, idempotent; each valid
 * case is left alone.
 */
export function ruleTable(name: string, config: Config, table: RuleTable): void {
  describe(`${name} table`, () => {
    for (const [input, output] of table.invalid) {
      it(`fixes: ${JSON.stringify(input)}`, async () => {
        const messages = lint(input, config)
        expect(messages.length).toBeGreaterThan(0)
        assertWellFormed(input, messages)
        const out = await fixed(input, config)
        expect(out).toBe(output)
        expect(await fixed(out, config)).toBe(out)
        if (table.quietAfterFix ?? true) expect(lint(out, config)).toEqual([])
      })
    }
    for (const input of table.valid) {
      it(`leaves alone: ${JSON.stringify(input)}`, async () => {
        if (!table.validUnchangedOnly) {
          const messages = lint(input, config)
          expect((table.validSafeOnly ? messages.filter((m) => m.fix === 'safe') : messages).map((m) => m.actual)).toEqual([])
        }
        expect(await fixed(input, config)).toBe(input)
      })
    }
  })
}

/** Best of `runs` lint runs of `text`, in ms. */
function timeOf(text: string, config: Config, runs = 2): number {
  let best = Infinity
  for (let k = 0; k < runs; k++) {
    const t0 = performance.now()
    lint(text, config)
    best = Math.min(best, performance.now() - t0)
  }
  return best
}

/**
 * A long adversarial line of each unit finishes, and four times the text takes
 * about four times as long (a quadratic rule would take 16×): a guard against
 * catastrophic behaviour, with generous bounds, not a speed measurement.
 */
export function expectLinear(config: Config, units: string[]): void {
  for (const unit of units) {
    const small = timeOf(unit.repeat(Math.ceil(50_000 / unit.length)), config)
    const big = timeOf(unit.repeat(Math.ceil(200_000 / unit.length)), config)
    expect(big).toBeLessThan(30_000)
    expect(big / Math.max(small, 100)).toBeLessThan(12)
  }
}

/** A seeded pseudo-random generator (mulberry32): the same sequence on every run. */
export function seededRandom(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
