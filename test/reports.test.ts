import {existsSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {formatSarif, ruleName} from '../src/cli/formats/sarif.js'
import {allRules} from '../src/index.js'
import {ensureBuilt, run, tree} from './cli-support.js'

async function sarifValidator() {
  const schema = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/sarif-schema-2.1.0.json'), 'utf8'))
  delete schema.$schema
  schema.$id = schema.id
  delete schema.id
  const {default: Ajv} = await import('ajv')
  return new Ajv({strict: false, allErrors: true, validateFormats: false, unicodeRegExp: false}).compile(schema)
}

describe('SARIF rules', () => {
  it('have a name distinct from the id, a short description, help from the rule docs and a help URI', () => {
    const log = JSON.parse(formatSarif([], {color: false, quiet: false, cwd: '.', version: '0.0.0'}))
    const rules = log.runs[0].tool.driver.rules as Array<Record<string, any>>
    expect(rules.map((r) => r.id)).toEqual(allRules.map((r) => r.ruleId))
    for (const rule of rules) {
      expect(rule.name).not.toBe(rule.id)
      expect(rule.name).toMatch(/^[A-Z][A-Za-z0-9]*$/)
      expect(rule.shortDescription.text.length).toBeGreaterThan(0)
      const doc = readFileSync(join(import.meta.dirname, '..', 'docs/rules', rule.id + '.md'), 'utf8')
      expect(rule.help.markdown).toBe(doc)
      expect(rule.help.text.startsWith(rule.id + '\n')).toBe(true)
      expect(rule.helpUri).toMatch(new RegExp(`/docs/rules/${rule.id}\\.md$`))
    }
    expect(ruleName('quote-glued')).toBe('QuoteGlued')
  })
})

describe('reports', () => {
  ensureBuilt()
  const RECORDS = '{"text":"According to the minister , it ended."}\n{"text":"Clean text here."}\n{"text":"Then the mayor spoke ; nobody listened."}\n'

  it('check -f sarif: every rule has a name distinct from its id and help from its doc, as code scanning wants', () => {
    const dir = tree({'a.txt': 'According to the minister , it ended.\n', '.mtcleanrc': '{}'})
    const log = JSON.parse(run(['check', '-f', 'sarif', 'a.txt'], {cwd: dir}).stdout)
    const rules = log.runs[0].tool.driver.rules as Array<Record<string, any>>
    expect(log.runs[0].results.map((x: any) => x.ruleId)).toEqual(['punct-spacing'])
    expect(rules.map((r) => r.id)).toContain('punct-spacing')
    for (const rule of rules) {
      expect(rule.name, rule.id).not.toBe(rule.id)
      expect(rule.help?.markdown, rule.id).toBe(readFileSync(join(import.meta.dirname, '..', 'docs/rules', rule.id + '.md'), 'utf8'))
    }
  })

  it('check --jsonl --format sarif is valid SARIF pointing at the records’ lines', async () => {
    const dir = tree({'r.jsonl': RECORDS, '.mtcleanrc': '{}'})
    const r = run(['check', '--jsonl', '-f', 'sarif', 'r.jsonl'], {cwd: dir})
    expect(r.code).toBe(1)
    const log = JSON.parse(r.stdout)
    const validate = await sarifValidator()
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true)
    const places = log.runs[0].results.map((x: any) => [x.ruleId, x.locations[0].physicalLocation.artifactLocation.uri, x.locations[0].physicalLocation.region.startLine])
    expect(places).toEqual([
      ['punct-spacing', 'r.jsonl', 1],
      ['punct-spacing', 'r.jsonl', 3]
    ])
  })

  it('check --jsonl --format github annotates the JSONL file; junit and stylish work too', () => {
    const dir = tree({'r.jsonl': RECORDS, '.mtcleanrc': '{}'})
    const github = run(['check', '--jsonl', '-f', 'github', 'r.jsonl'], {cwd: dir})
    expect(github.stdout.split('\n').filter(Boolean).map((l) => /^::error file=([^,]+),line=(\d+),/.exec(l)?.slice(1))).toEqual([
      ['r.jsonl', '1'],
      ['r.jsonl', '3']
    ])
    expect(run(['check', '--jsonl', '-f', 'junit', 'r.jsonl'], {cwd: dir}).stdout).toMatch(/^<\?xml[\s\S]*failures="2"/)
    expect(run(['check', '--jsonl', '-f', 'stylish', 'r.jsonl'], {cwd: dir}).stdout).toMatch(/^r\.jsonl:1\n[\s\S]*r\.jsonl:3\n/m)
  })

  it('--jsonl refuses --baseline and --format diff with a clear error', () => {
    const dir = tree({'r.jsonl': RECORDS})
    const baseline = run(['check', '--jsonl', '--baseline', 'b.json', 'r.jsonl'], {cwd: dir})
    expect(baseline.code).toBe(2)
    expect(baseline.stderr).toContain('--baseline does not go with --jsonl')
    const diff = run(['check', '--jsonl', '-f', 'diff', 'r.jsonl'], {cwd: dir})
    expect(diff.code).toBe(2)
    expect(diff.stderr).toContain('--format diff does not go with --jsonl')
  })

  it('-o into a missing directory creates it', () => {
    const dir = tree({'a.txt': 'According to the minister , it ended.\n', '.mtcleanrc': '{}'})
    const r = run(['check', '-f', 'sarif', '-o', 'reports/deep/x.sarif', 'a.txt'], {cwd: dir})
    expect(r.stderr).toBe('')
    expect(r.code).toBe(1)
    expect(existsSync(join(dir, 'reports/deep/x.sarif'))).toBe(true)
    expect(JSON.parse(readFileSync(join(dir, 'reports/deep/x.sarif'), 'utf8')).runs[0].results).toHaveLength(1)
  })
})
