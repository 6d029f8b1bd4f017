/**
 * Every `match` and `keep` example of every entry of every rule folder in
 * rules/ (masthead, paywall, boilerplate, calque, number-format … whatever
 * exists), and the schema's errors (file and line).
 */
import {existsSync, readdirSync, statSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {loadRuleData, loadRuleFile, RULES_DIR, RuleDataError, type DataEntry} from '../src/data/load.js'
import {SOURCE_LANGS, type SourceLang} from '../src/types.js'
import {rulesById} from '../src/rules/index.js'
import {assertWellFormed, fixed, lint, only} from './helpers.js'
import {allRules} from '../src/rules/index.js'
import type {Config} from '../src/index.js'

/** Rules whose findings are suggestions only: their `output` is the text after `fix` with suggestions. */
const SUGGESTION_RULES = new Set(['calque'])

const folders = readdirSync(RULES_DIR).filter((f) => f !== 'schema' && statSync(join(RULES_DIR, f)).isDirectory())

function settingsFor(entry: DataEntry) {
  return (SOURCE_LANGS as readonly string[]).includes(entry.lang) ? {sourceLang: entry.lang as SourceLang} : {}
}

describe('rule data: every example of every entry', () => {
  it('has data for the rules of this issue', () => {
    for (const rule of ['masthead', 'paywall', 'boilerplate']) expect(folders).toContain(rule)
  })

  for (const rule of folders) {
    describe(rule, () => {
      if (!rulesById.has(rule)) {
        it.skip(`no rule "${rule}" is registered`, () => {})
        return
      }
      const entries = loadRuleData(rule)
      it('loads and has entries', () => {
        expect(entries.length).toBeGreaterThan(0)
      })
      for (const entry of entries) {
        const where = `${entry.file.slice(RULES_DIR.length + 1)}:${entry.line} ${entry.id}`
        const config = only(rule, {}, settingsFor(entry))
        it(`${where}: match examples are flagged and fixed`, async () => {
          expect(entry.match.length, `${where} has no match example`).toBeGreaterThan(0)
          for (const example of entry.match) {
            const messages = lint(example.text, config)
            assertWellFormed(example.text, messages)
            expect(messages.length, `${where}: not flagged: ${JSON.stringify(example.text)}`).toBeGreaterThan(0)
            if (example.output !== undefined) {
              const out = await fixed(example.text, config, SUGGESTION_RULES.has(rule))
              expect(out, `${where}: ${JSON.stringify(example.text)}`).toBe(example.output)
              // Idempotent: the fixed text has nothing left to fix.
              expect(await fixed(out, config, SUGGESTION_RULES.has(rule))).toBe(out)
            }
          }
        })
        if (entry.keep.length > 0) {
          it(`${where}: keep examples are left alone`, async () => {
            for (const text of entry.keep) {
              const messages = lint(text, config)
              expect(
                messages.map((m) => `${m.reason} «${m.actual}»`),
                `${where}: flagged ${JSON.stringify(text)}`
              ).toEqual([])
              expect(await fixed(text, config, SUGGESTION_RULES.has(rule))).toBe(text)
            }
          })
        }
      }
    })
  }
})

describe('rule data: schema errors name the file and the line', () => {
  const load = (rule: string, source: string) => () => loadRuleFile(rule, 'my-rules/bad.yml', source)

  it('rejects an unknown key with its line', () => {
    const source = 'lang: fr\nentries:\n  - {id: a, name: A, literal: [B], match: [{text: "x"}]}\n  - {id: b, name: B, literal: [C], colour: red, match: [{text: "y"}]}\n'
    expect(load('masthead', source)).toThrow(RuleDataError)
    expect(load('masthead', source)).toThrow(/^my-rules\/bad\.yml:4: entries\.1: unknown key "colour"/)
  })

  it('rejects a missing required key', () => {
    const source = 'lang: en\nentries:\n  - {id: a, scope: line, match: [{text: "x"}]}\n'
    expect(load('paywall', source)).toThrow(/^my-rules\/bad\.yml:3: .*missing key "phrases"/)
  })

  it('rejects a bad scope value', () => {
    const source = 'lang: en\nentries:\n  - id: a\n    scope: paragraph\n    phrases: [Share]\n    match: [{text: "Share"}]\n'
    expect(load('boilerplate', source)).toThrow(/^my-rules\/bad\.yml:4: entries\.0\.scope: must be equal to one of the allowed values/)
  })

  it('rejects an unknown language', () => {
    expect(load('paywall', 'lang: xx\nentries: []\n')).toThrow(/^my-rules\/bad\.yml:1: lang: must be equal to one of the allowed values/)
  })

  it('rejects an entry without examples', () => {
    const source = 'lang: fr\nentries:\n  - {id: a, name: A, literal: [B]}\n'
    expect(load('masthead', source)).toThrow(/^my-rules\/bad\.yml:3: .*missing key "match"/)
  })

  it('rejects duplicate ids', () => {
    const source = 'lang: en\nentries:\n  - {id: a, scope: line, phrases: [X], match: [{text: "X"}]}\n  - {id: a, scope: line, phrases: [Y], match: [{text: "Y"}]}\n'
    expect(load('boilerplate', source)).toThrow(/^my-rules\/bad\.yml:4: duplicate id "a"/)
  })

  it('reports YAML syntax errors with their line', () => {
    const source = 'lang: en\nentries:\n  - {id: a, scope: line\n'
    expect(load('boilerplate', source)).toThrow(/^my-rules\/bad\.yml:\d+: /)
  })

  it('rejects a malformed phrase pattern with file and line', () => {
    const source = 'lang: en\nentries:\n  - {id: a, scope: line, phrases: ["Read {nope}"], match: [{text: "Read x"}]}\n'
    expect(load('boilerplate', source)).toThrow(/^my-rules\/bad\.yml:3: .*unknown placeholder \{nope\}/)
  })

  it('every built-in file of every rule loads', () => {
    for (const rule of folders) {
      const dir = join(RULES_DIR, rule)
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.yml'))) {
        if (!existsSync(join(RULES_DIR, 'schema', rule + '.schema.json'))) continue
        expect(() => loadRuleFile(rule, join(dir, file))).not.toThrow()
      }
    }
  })
})

describe('rule data: user files', () => {
  it('routes files by rule: key, folder or file name', async () => {
    const {mkdtempSync, mkdirSync, writeFileSync} = await import('node:fs')
    const {tmpdir} = await import('node:os')
    const {routeRuleFiles} = await import('../src/data/load.js')
    const dir = mkdtempSync(join(tmpdir(), 'mtclean-'))
    mkdirSync(join(dir, 'masthead'))
    const a = join(dir, 'masthead', 'mine.yml')
    const b = join(dir, 'paywall.yml')
    const c = join(dir, 'extra.yml')
    const d = join(dir, 'unknown.yml')
    writeFileSync(a, 'lang: fr\nentries: []\n')
    writeFileSync(b, 'lang: fr\nentries: []\n')
    writeFileSync(c, 'rule: boilerplate\nlang: en\nentries: []\n')
    writeFileSync(d, 'lang: en\nentries: []\n')
    const known = ['masthead', 'paywall', 'boilerplate']
    expect(routeRuleFiles([a, b, c], known)).toEqual({masthead: [a], paywall: [b], boilerplate: [c]})
    expect(() => routeRuleFiles([d], known)).toThrow(/unknown\.yml:1: cannot tell which rule/)
    expect(loadRuleFile('boilerplate', c)).toEqual([])
  })
})

/**
 * Clean English news text, written for this test, with the traps of the
 * masthead/paywall/boilerplate rules: real publication names, English titles
 * that look like renderings, and paragraphs that merely mention subscribers,
 * comments, sharing or reading. Nothing may be reported, nothing changed.
 */
const MINE_RULES = ['masthead', 'paywall', 'boilerplate']
const cleanConfig = (sourceLang?: string): Config => ({
  preset: 'recommended',
  rules: Object.fromEntries(allRules.map((r) => [r.ruleId, MINE_RULES.includes(r.ruleId) ? 'warn' : 'off'])) as Config['rules'],
  settings: sourceLang ? {sourceLang: sourceLang as never} : {}
})

const ARTICLES = [
  `Paris bets on night trains

The French government said on Monday it would reopen four night lines by 2025, Le Figaro reported, confirming an earlier story in Libération. According to Le Monde, the plan will cost 800 million euros.

“We want people to sleep their way to Nice,” the transport minister told reporters. The rest of the world is watching: Austria's railway, which runs the Nightjet, told the Financial Times that demand had doubled since the World Cup.

Readers who subscribe to the rail operator's newsletter get early access to tickets, the company said. Comments on its website were mostly positive.
`,
  `Berlin coalition under strain

The German finance minister told Die Welt that the budget gap was "manageable", while the Tagesspiegel reported that talks had stalled. Der Spiegel said the chancellor would speak on Tuesday; the Süddeutsche Zeitung and Welt am Sonntag both ran the story.

The World Bank lowered its forecast, and the World Health Organization warned of a new wave. Since World War II, no German government has cut this deep.

The Times of India and The New York Times both quoted the minister, and Time magazine put her on its cover. According to The Guardian, she will stay.
`,
  `Rome, Madrid and Lisbon

Corriere della Sera and la Repubblica both reported the deal, and El País called it historic. The Czech Republic and the Republic of Ireland abstained. Público, the Lisbon daily, ran an interview with the minister.

The point is that nobody knew. The Point of No Return, a film, opened on Friday. Share this: the slogan was printed on every poster, and the campaign asked supporters to leave a comment on its page.

Read the release notes before you upgrade. See also how the court ruled in 2019. Published in 1998, the report was ignored until the source site was hacked.
`
]

describe('masthead, paywall, boilerplate leave clean news text alone', () => {
  for (const [index, text] of ARTICLES.entries()) {
    for (const lang of [undefined, 'fr', 'de', 'es', 'it', 'pt', 'nl', 'ca', 'pl']) {
      it(`article ${index + 1}, source language ${lang ?? 'unknown'}`, async () => {
        expect(lint(text, cleanConfig(lang)).map((m) => `${m.ruleId}: ${m.actual}`)).toEqual([])
        expect(await fixed(text, cleanConfig(lang))).toBe(text)
      })
    }
  }
})
