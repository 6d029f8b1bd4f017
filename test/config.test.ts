import {existsSync, writeFileSync} from 'node:fs'
import {spawnSync} from 'node:child_process'
import {join} from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {filterByMarkers} from '../src/markers.js'
import {BIN, CLEAN, DIRTY, ensureBuilt, json, library, run, tree} from './cli-support.js'

let dirtyRules: string[]
beforeAll(async () => {
  ensureBuilt()
  const lib = await library()
  dirtyRules = [...new Set(lib.createLinter({}).check(DIRTY).map((m) => String(m.ruleId)))]
})

const offAll = () => Object.fromEntries(dirtyRules.map((id) => [id, 'off']))
const ids = (r: ReturnType<typeof run>) => json(r).flatMap((f) => f.messages.map((m) => m.ruleId))

describe('config discovery', () => {
  it.each([
    ['.mtcleanrc', (rules: object) => JSON.stringify({rules})],
    ['.mtcleanrc.json', (rules: object) => JSON.stringify({rules})],
    ['.mtcleanrc.yml', (rules: object) => 'rules:\n' + Object.entries(rules).map(([k, v]) => `  ${k}: ${v}\n`).join('')],
    ['.mtcleanrc.yaml', (rules: object) => 'rules:\n' + Object.entries(rules).map(([k, v]) => `  ${k}: ${v}\n`).join('')],
    ['.mtcleanrc ', (rules: object) => 'rules:\n' + Object.entries(rules).map(([k, v]) => `  ${k}: ${v}\n`).join('')],
    ['package.json', (rules: object) => JSON.stringify({name: 'x', mtclean: {rules}})]
  ])('%s turns rules off', (name, body) => {
    const dir = tree({'a.txt': DIRTY, [name.trim()]: body(offAll())})
    const r = run(['check', '--format', 'json', 'a.txt'], {cwd: dir})
    expect(ids(r).filter((id) => dirtyRules.includes(id))).toEqual([])
    expect(r.code).toBe(0)
  })

  it('cascades per directory; root stops the climb; nearer wins', () => {
    const [first, ...rest] = dirtyRules
    const dir = tree({
      '.mtcleanrc.json': JSON.stringify({rules: offAll()}),
      'top.txt': DIRTY,
      'sub/.mtcleanrc.json': JSON.stringify({rules: {[first]: 'warn'}}),
      'sub/a.txt': DIRTY,
      'sub/deeper/b.txt': DIRTY,
      'island/.mtcleanrc.json': JSON.stringify({root: true}),
      'island/c.txt': DIRTY
    })
    const r = run(['check', '--format', 'json', '.'], {cwd: dir})
    const byPath = Object.fromEntries(json(r).map((f) => [f.path, f.messages.filter((m) => dirtyRules.includes(m.ruleId))]))
    expect(byPath['top.txt']).toEqual([])
    for (const p of ['sub/a.txt', 'sub/deeper/b.txt']) {
      expect(byPath[p].length).toBeGreaterThan(0)
      expect(byPath[p].every((m) => m.ruleId === first && m.severity === 'warning')).toBe(true)
      for (const other of rest) expect(byPath[p].some((m) => m.ruleId === other)).toBe(false)
    }
    expect(new Set(byPath['island/c.txt'].map((m) => m.ruleId))).toEqual(new Set(dirtyRules))
  })

  it('--config applies over discovered configs; --no-config skips discovery; flags win', () => {
    const dir = tree({'.mtcleanrc.json': JSON.stringify({rules: offAll()}), 'a.txt': DIRTY, 'on.json': JSON.stringify({rules: {[dirtyRules[0]]: 'error'}})})
    expect(ids(run(['check', '--format', 'json', 'a.txt', '--config', 'on.json'], {cwd: dir}))).toContain(dirtyRules[0])
    expect(ids(run(['check', '--format', 'json', 'a.txt', '--no-config'], {cwd: dir}))).toContain(dirtyRules[0])
    const flag = run(['check', '--format', 'json', 'a.txt', '--config', 'on.json', '--rule', `${dirtyRules[0]}=off`], {cwd: dir})
    expect(ids(flag)).not.toContain(dirtyRules[0])
  })

  it('extends: files relative to the config, and mtclean:strict', () => {
    const dir = tree({
      'configs/base.yml': `rules:\n${dirtyRules.map((id) => `  ${id}: off\n`).join('')}`,
      'proj/.mtcleanrc.json': JSON.stringify({extends: ['mtclean:strict', '../configs/base.yml'], settings: {quoteStyle: 'british'}}),
      'proj/a.txt': DIRTY
    })
    const r = run(['check', '--format', 'json', 'a.txt'], {cwd: join(dir, 'proj')})
    expect(r.code).toBe(0)
    expect(ids(r).filter((id) => dirtyRules.includes(id))).toEqual([])
  })

  it.each([
    [{colour: 'red'}, /\.mtcleanrc\.json: unknown key "colour"/],
    [{rules: {'no-such-rule': 'off'}}, /\.mtcleanrc\.json: unknown rule "rules\.no-such-rule"/],
    [{rules: {'quote-glued': 'loud'}}, /\.mtcleanrc\.json: bad severity "loud" for "rules\.quote-glued"/],
    [{rules: {'quote-glued': ['warn', {nonsense: 1}]}}, /\.mtcleanrc\.json: unknown option "rules\.quote-glued\.nonsense"/],
    [{settings: {quoteStyle: 'canadian'}}, /\.mtcleanrc\.json: bad value "canadian" for "settings\.quoteStyle"/],
    [{settings: {dialect: 'x'}}, /\.mtcleanrc\.json: unknown key "settings\.dialect"/],
    [{preset: 'lenient'}, /\.mtcleanrc\.json: bad value "lenient" for "preset"/],
    [{extends: './missing.json'}, /missing\.json: config file not found/]
  ])('rejects %j naming key and file (exit 2)', (config, pattern) => {
    const dir = tree({'.mtcleanrc.json': JSON.stringify(config), 'a.txt': CLEAN})
    const r = run(['check', 'a.txt'], {cwd: dir})
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(pattern)
  })

  it('reports invalid JSON and YAML with the file name', () => {
    const bad = tree({'.mtcleanrc.json': '{"rules": ', 'a.txt': CLEAN})
    expect(run(['check', 'a.txt'], {cwd: bad}).stderr).toMatch(/\.mtcleanrc\.json: invalid JSON/)
    const yaml = tree({'.mtcleanrc.yml': 'rules: [a\n  b: :', 'a.txt': CLEAN})
    expect(run(['check', 'a.txt'], {cwd: yaml}).stderr).toMatch(/\.mtcleanrc\.yml:\d+: invalid YAML/)
  })

  it('an extends cycle is an error', () => {
    const dir = tree({'a.json': JSON.stringify({extends: './b.json'}), 'b.json': JSON.stringify({extends: './a.json'}), 't.txt': CLEAN})
    const r = run(['check', 't.txt', '--config', 'a.json'], {cwd: dir})
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/"extends" cycle/)
  })
})

describe('ignore files', () => {
  it('.mtcleanignore (gitignore syntax) and --ignore-pattern', () => {
    const dir = tree({'.mtcleanignore': 'drafts/\n*.skip.txt\n!keep.skip.txt\n', 'a.txt': DIRTY, 'drafts/b.txt': DIRTY, 'c.skip.txt': DIRTY, 'keep.skip.txt': DIRTY})
    const r = run(['check', '--format', 'json', '.'], {cwd: dir})
    expect(json(r).map((f) => f.path)).toEqual(['a.txt', 'keep.skip.txt'])
    const p = run(['check', '--format', 'json', '.', '--ignore-pattern', 'keep*'], {cwd: dir})
    expect(json(p).map((f) => f.path)).toEqual(['a.txt'])
    const n = run(['check', '--format', 'json', '.', '--no-ignore'], {cwd: dir})
    expect(json(n)).toHaveLength(4)
  })
})

describe('inline markers', () => {
  it('disable-next-line, disable-line, disable … enable, in plain text, Markdown and HTML comments', () => {
    const rule = dirtyRules[0]
    const text = [
      DIRTY.trimEnd(),
      `mtclean-disable-next-line ${rule}`,
      DIRTY.trimEnd(),
      `${DIRTY.trimEnd()} <!-- mtclean-disable-line -->`,
      '<!-- mtclean-disable -->',
      DIRTY.trimEnd(),
      '[//]: # (mtclean-enable)',
      DIRTY.trimEnd(),
      ''
    ].join('\n')
    const r = run(['check', '--format', 'json'], {input: text})
    const lines = json(r)[0].messages.filter((m) => dirtyRules.includes(m.ruleId))
    const byLine = (n: number) => lines.filter((m) => m.line === n)
    expect(byLine(1).length).toBeGreaterThan(0)
    expect(byLine(3).some((m) => m.ruleId === rule)).toBe(false)
    expect(byLine(4)).toEqual([])
    expect(byLine(6)).toEqual([])
    expect(byLine(8).length).toBeGreaterThan(0)
    // fix leaves silenced lines alone
    const f = run(['fix'], {input: text})
    const out = f.stdout.split('\n')
    expect(out[3]).toBe(`${DIRTY.trimEnd()} <!-- mtclean-disable-line -->`)
    expect(out[5]).toBe(DIRTY.trimEnd())
    expect(out[7]).not.toBe(DIRTY.trimEnd())
  })

  it('filterByMarkers: rules lists, enable of one rule inside a global disable', () => {
    const text = 'mtclean-disable\nA\nmtclean-enable x\nB\nmtclean-enable\nC\nmtclean-disable y, z -- reason\nD\n'
    const at = (s: string) => text.indexOf(s)
    const messages = ['A', 'B', 'C', 'D'].flatMap((s) => ['x', 'y', 'w'].map((ruleId) => ({ruleId, startOffset: at(s), tag: s + ruleId})))
    const kept = filterByMarkers(text, messages).map((m) => m.tag)
    expect(kept).toEqual(['Bx', 'Cx', 'Cy', 'Cw', 'Dx', 'Dw'])
  })

  it('filterByMarkers is linear on many markers', () => {
    const text = 'mtclean-disable-line a\n'.repeat(20000) + 'mtclean-disable\n'.repeat(20000)
    const messages = Array.from({length: 20000}, (_, i) => ({ruleId: 'b', startOffset: i * 23}))
    const t = performance.now()
    filterByMarkers(text, messages)
    expect(performance.now() - t).toBeLessThan(2000)
  })
})

describe('settings flags', () => {
  it('--source-lang, --quote-style, --preset are accepted and validated', () => {
    const r = run(['check', '--format', 'json', '--source-lang', 'fr', '--quote-style', 'british', '--preset', 'strict'], {input: CLEAN})
    expect([0, 1]).toContain(r.code)
    json(r)
  })
})

void writeFileSync

describe('ConfigResolver', () => {
  it('resolves rule data `files` relative to the config that names them', async () => {
    const {ConfigResolver} = await import('../src/engine/config.js')
    const {allRules} = await import('../src/index.js')
    const rule = allRules.find((r) => Array.isArray((r.meta.defaults as Record<string, unknown>).files))
    if (!rule) return
    const dir = tree({'proj/.mtcleanrc.json': JSON.stringify({rules: {[rule.ruleId]: ['warn', {files: ['data/extra.yml', '/abs/x.yml']}]}})})
    const config = await new ConfigResolver({discover: true, overrides: {}}).forDirectory(join(dir, 'proj/deeper'))
    expect(config.rules?.[rule.ruleId]).toEqual(['warn', {files: [join(dir, 'proj/data/extra.yml'), '/abs/x.yml']}])
  })
})

describe('progress', () => {
  it('never draws on a pipe, even outside CI', () => {
    const files: Record<string, string> = {}
    for (let i = 0; i < 30; i++) files[`d/${i}.txt`] = DIRTY
    const dir = tree(files)
    const r = run(['check', '--jobs', '1', 'd'], {cwd: dir, env: {CI: ''}})
    expect(r.stderr).not.toMatch(/\r|\x1b\[K/)
  })

  it.skipIf(!existsSync('/usr/bin/script'))('draws a bar with files/s and ETA on a TTY', () => {
    const files: Record<string, string> = {}
    for (let i = 0; i < 120; i++) files[`d/${i}.txt`] = DIRTY.repeat(30)
    const dir = tree(files)
    const r = spawnSync('/usr/bin/script', ['-qec', `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} check --jobs 1 --format json d > /dev/null`, '/dev/null'], {
      cwd: dir,
      env: {...process.env, CI: '', MTCLEAN_PROGRESS_DELAY_MS: '0'},
      encoding: 'utf8'
    })
    expect(r.stdout).toMatch(/\r\[=* *\] \d+\/120 files [\d.]+\/s ETA \d+s/)
    const q = spawnSync('/usr/bin/script', ['-qec', `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} check --no-progress --jobs 1 --format json d > /dev/null`, '/dev/null'], {
      cwd: dir,
      env: {...process.env, CI: '', MTCLEAN_PROGRESS_DELAY_MS: '0'},
      encoding: 'utf8'
    })
    expect(q.stdout).not.toMatch(/files [\d.]+\/s/)
  })
})

describe('config hardening (issue 17)', () => {
  it('keys such as constructor or toString are unknown keys, not a crash', () => {
    for (const config of [{settings: {constructor: 'x'}}, {settings: {toString: 'x'}}, {rules: {calque: {toString: 1}}}, {rules: {calque: {constructor: {}}}}, {rules: {constructor: 'off'}}]) {
      const dir = tree({'.mtcleanrc.json': JSON.stringify(config), 'a.txt': CLEAN})
      const r = run(['check', 'a.txt'], {cwd: dir})
      expect(r.code).toBe(2)
      expect(r.stderr).toMatch(/^mtclean: .*\.mtcleanrc\.json: unknown (key|option|rule) "(settings|rules)\.[\w.]+" \(known: /)
    }
  })

  it('a YAML alias bomb is a friendly error, not the parser\'s', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]', 'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]'].join('\n')
    const dir = tree({'.mtcleanrc.yml': bomb + '\n', 'a.txt': CLEAN})
    const r = run(['check', 'a.txt'], {cwd: dir})
    expect(r.code).toBe(2)
    expect(r.stderr).toBe(`mtclean: ${join(dir, '.mtcleanrc.yml')}: invalid YAML (too many aliases: aliases may not expand to more than 100 nodes)\n`)
  })

  it('errors about a file that is not a config never print its contents', () => {
    const secret = 'hunter2-s3cr3t'
    const files = {
      'passwd.json': `{"root": "${secret}", `,
      'shadow': `root:$6$${secret}:19000:0:99999:7:::\n`,
      'keys.yml': `api_key: ${secret}\n`,
      'token.yml': `root:x:0:0:${secret}:/root:/bin/bash\n`
    }
    for (const name of Object.keys(files)) {
      const dir = tree({...files, '.mtcleanrc.json': JSON.stringify({extends: `./${name}`}), 'a.txt': CLEAN})
      const r = run(['check', 'a.txt'], {cwd: dir})
      expect(r.code).toBe(2)
      expect(r.stderr).toMatch(new RegExp(`${name}`))
      expect(r.stderr).not.toContain(secret)
      expect(r.stderr).not.toContain('99999')
    }
  })
})
