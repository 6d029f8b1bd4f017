import {beforeAll, describe, expect, it} from 'vitest'
import {allRules} from '../src/rules/index.js'
import {ensureBuilt, run} from './cli-support.js'

beforeAll(ensureBuilt)

describe('mtclean rules', () => {
  it('lists every rule with its description', () => {
    const r = run(['rules'])
    expect(r.code).toBe(0)
    for (const rule of allRules) expect(r.stdout).toMatch(new RegExp(`^${rule.ruleId} +\\S`, 'm'))
  })

  it('--stats counts the data: at least 100 publications and 150 calques, phrases per language', () => {
    const r = run(['rules', '--stats', '--format', 'json'])
    expect(r.code).toBe(0)
    const {stats} = JSON.parse(r.stdout) as {stats: {publications: number; calques: number; rules: Record<string, {byLang: Record<string, number>}>}}
    expect(stats.publications).toBeGreaterThanOrEqual(100)
    expect(stats.calques).toBeGreaterThanOrEqual(150)
    for (const lang of ['fr', 'de', 'es', 'it', 'pt', 'nl', 'ca', 'pl']) {
      expect(stats.rules.masthead.byLang[lang], lang).toBeGreaterThan(0)
      expect(stats.rules.paywall.byLang[lang], lang).toBeGreaterThan(0)
    }
    const text = run(['rules', '--stats'])
    expect(text.stdout).toMatch(/^publications: \d+ \(\d+ literal renderings\)$/m)
  })

  it('rejects unknown options with exit 2', () => {
    const r = run(['rules', '--bogus'])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/--bogus/)
  })
})
