import {existsSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {WORKER_START_MS} from '../src/engine/pool.js'
import {CLEAN, DIRTY, ensureBuilt, json, REPO, ROOT, run, tree} from './cli-support.js'
import {presets} from '../src/presets.js'

beforeAll(ensureBuilt)

describe('help per command', () => {
  it('rules --help exits 0 with the rules flags', () => {
    const r = run(['rules', '--help'])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/Usage: mtclean rules/)
    expect(r.stdout).toMatch(/--stats/)
  })

  it('check --help prints the help of check (no fix flags), fix --help the help of fix', () => {
    const check = run(['check', '--help'])
    expect(check.code).toBe(0)
    expect(check.stdout).toMatch(/Usage: mtclean check \[options\] \[paths\.\.\.\]/)
    expect(check.stdout).toMatch(/--max-warnings/)
    expect(check.stdout).not.toMatch(/--write/)
    const fix = run(['fix', '--help'])
    expect(fix.code).toBe(0)
    expect(fix.stdout).toMatch(/Usage: mtclean fix/)
    expect(fix.stdout).toMatch(/--write/)
  })
})

describe('did you mean', () => {
  it.each([
    [['chek'], /Did you mean check\?/],
    [['check', '--fromat', 'json'], /Did you mean --format\?/],
    [['check', '--format', 'jsno'], /did you mean "json"\?/],
    [['check', '--preset', 'strcit'], /did you mean "strict"\?/],
    [['check', '--rule', 'quote-glue=off'], /did you mean "quote-glued"\?/]
  ])('%j', (args, pattern) => {
    const r = run(args, {input: CLEAN})
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(pattern)
  })

  it.each([
    [{extends: 'mtclean:strcit'}, /unknown preset "mtclean:strcit" in "extends".*did you mean "mtclean:strict"\?/],
    [{setings: {}}, /unknown key "setings".*did you mean "settings"\?/],
    [{settings: {quoteStyle: 'britsh'}}, /did you mean "british"\?/],
    [{rules: {calqe: 'off'}}, /unknown rule "rules\.calqe".*did you mean "calque"\?/],
    [{rules: {calque: {disabel: []}}}, /unknown option "rules\.calque\.disabel".*did you mean "disable"\?/]
  ])('config %j', (config, pattern) => {
    const dir = tree({'.mtcleanrc.json': JSON.stringify(config), 'a.txt': CLEAN})
    const r = run(['check', 'a.txt'], {cwd: dir})
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(pattern)
    expect(r.stderr).not.toMatch(/config file not found/)
  })
})

describe('nothing to check is an error, not a silent success', () => {
  it('an empty directory exits 2', () => {
    const dir = tree({'sub/.keep': ''})
    const r = run(['check', 'sub'], {cwd: dir})
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/sub: no files with the extensions \.txt/)
  })

  it('a wrong --ext exits 2', () => {
    const dir = tree({'docs/a.txt': DIRTY})
    const r = run(['check', 'docs', '--ext', 'rst'], {cwd: dir})
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/no files with the extensions \.rst/)
  })

  it('inputs that are all ignored exit 2', () => {
    const dir = tree({'.mtcleanignore': '*.txt\n', 'docs/a.txt': DIRTY})
    const r = run(['check', 'docs'], {cwd: dir})
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/no input file matched "docs"/)
  })

  it('a TTY with no input gets a hint on stderr', () => {
    // Pretend stdin is a terminal: the hint must show before the text is read.
    const preload = `data:text/javascript,Object.defineProperty(process.stdin,'isTTY',{value:true})`
    const r = run(['check'], {input: CLEAN, env: {NODE_OPTIONS: `--import=${preload}`}})
    expect(r.stderr).toMatch(/reading the text from stdin \(end it with Ctrl-D/)
    expect(r.code).toBe(0)
    expect(run(['check'], {input: CLEAN}).stderr).toBe('')
  })
})

describe('--jsonl refuses what it would ignore', () => {
  // Report formats and -o are taken (test/reports.test.ts); a baseline or a cache would be ignored.
  it.each([['--baseline', 'b.json'], ['--cache', undefined]])('check --jsonl %s exits 2', (flag, value) => {
    const r = run(['check', '--jsonl', flag, ...(value ? [value] : [])], {input: '{"text":"a"}\n'})
    expect(r.code).toBe(2)
    expect(r.stderr).toBe(`mtclean: ${flag} does not go with --jsonl: it reads records, not files\nTry \`mtclean --help\`.\n`)
  })

  it('a mistyped --field exits 2 and names the fields there are', () => {
    const r = run(['check', '--jsonl', '--field', 'txet'], {input: `${JSON.stringify({id: 1, text: DIRTY})}\n`})
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/--field txet: no record has a text field "txet" \(the first record has "id", "text"\) \(did you mean "text"\?\)/)
    const ok = run(['check', '--jsonl', '--field', 'text'], {input: `${JSON.stringify({id: 1, text: CLEAN})}\n`})
    expect(ok.code).toBe(0)
  })
})

describe('ignore files are found upward', () => {
  it('the nearest .mtcleanignore above each file, patterns relative to its directory', () => {
    const dir = tree({
      '.mtcleanignore': 'drafts/\n',
      'site/drafts/a.txt': DIRTY,
      'site/b.txt': DIRTY,
      'site/posts/.mtcleanignore': 'old.txt\n',
      'site/posts/old.txt': DIRTY,
      'site/posts/new.txt': DIRTY
    })
    // Run from a subdirectory: the ignore file above the working directory applies too.
    const r = run(['check', '--format', 'json', '.'], {cwd: join(dir, 'site')})
    expect(json(r).map((f) => f.path)).toEqual(['b.txt', 'posts/new.txt'])
  })
})

describe('--print-config', () => {
  it('prints the config that applies to a file, preset severities included', () => {
    const dir = tree({'.mtcleanrc.json': JSON.stringify({rules: {calque: 'off'}, settings: {quoteStyle: 'british'}}), 'sub/.mtcleanrc.json': JSON.stringify({preset: 'strict'})})
    const r = run(['check', '--print-config', 'sub/a.txt'], {cwd: dir})
    expect(r.code).toBe(0)
    const config = JSON.parse(r.stdout)
    expect(config.preset).toBe('strict')
    expect(config.rules.calque).toBe('off')
    expect(config.settings).toEqual({quoteStyle: 'british', quoteMarks: 'curly'})
    const top = JSON.parse(run(['check', '--print-config', 'a.txt'], {cwd: dir}).stdout)
    expect(top.rules).toEqual({...presets.recommended.rules, calque: 'off'})
  })
})

describe('--cache', () => {
  it('reuses the findings of unchanged files, redoes changed files and config changes', () => {
    const dir = tree({'a.txt': DIRTY, 'b.txt': CLEAN})
    const first = run(['check', '--format', 'json', '--cache', '.'], {cwd: dir})
    const cacheFile = join(dir, 'node_modules/.cache/mtclean/check.json')
    expect(existsSync(cacheFile)).toBe(true)
    // A poisoned entry shows whether the cache was read: same content and config → its findings come back.
    const cache = JSON.parse(readFileSync(cacheFile, 'utf8'))
    const key = Object.keys(cache.entries).find((k) => k.endsWith('b.txt'))!
    cache.entries[key].messages = json(first)[0].messages
    writeFileSync(cacheFile, JSON.stringify(cache))
    const second = json(run(['check', '--format', 'json', '--cache', '.'], {cwd: dir}))
    expect(second[1].messages).toEqual(json(first)[0].messages)
    // Another config: not from the cache.
    const third = json(run(['check', '--format', 'json', '--cache', '--quote-style', 'british', '.'], {cwd: dir}))
    expect(third[1].messages).toEqual([])
    // Without --cache the file is checked.
    expect(json(run(['check', '--format', 'json', '.'], {cwd: dir}))[1].messages).toEqual([])
  })

  it('--cache-location puts the cache elsewhere; --cache belongs to check', () => {
    const dir = tree({'a.txt': CLEAN})
    run(['check', '--cache', '--cache-location', 'tmp/c.json', 'a.txt'], {cwd: dir})
    expect(existsSync(join(dir, 'tmp/c.json'))).toBe(true)
    expect(run(['fix', '--cache', 'a.txt'], {cwd: dir}).code).toBe(2)
  })
})

describe('colour', () => {
  it('FORCE_COLOR colours a pipe, FORCE_COLOR=0 and --no-color do not', () => {
    const dir = tree({'a.txt': DIRTY})
    expect(run(['check', 'a.txt'], {cwd: dir, env: {FORCE_COLOR: '1', NO_COLOR: ''}}).stdout).toMatch(/\x1b\[/)
    expect(run(['check', 'a.txt'], {cwd: dir, env: {FORCE_COLOR: '0', NO_COLOR: ''}}).stdout).not.toMatch(/\x1b\[/)
    expect(run(['check', 'a.txt', '--no-color'], {cwd: dir, env: {FORCE_COLOR: '1'}}).stdout).not.toMatch(/\x1b\[/)
  })
})

describe('markers through the CLI', () => {
  it('an unknown rule id in a marker is reported; unused markers with --report-unused-disable-directives', () => {
    const text = `mtclean-disable-next-line quote-glud\n${CLEAN}mtclean-disable-next-line\n${CLEAN}`
    const plain = json(run(['check', '--format', 'json'], {input: text}))[0].messages
    expect(plain.map((m) => [m.ruleId, m.line, m.message])).toEqual([
      ['marker', 1, 'Unexpected unknown rule id `quote-glud` in `mtclean-disable-next-line`, expected a rule id (`mtclean rules` lists them)']
    ])
    const unused = json(run(['check', '--format', 'json', '--report-unused-disable-directives'], {input: text}))[0].messages
    expect(unused.filter((m) => m.message.startsWith('Unexpected unused')).map((m) => m.line)).toEqual([1, 3])
  })
})

describe('docs and code agree', () => {
  it('docs/cli.md states when the worker threads start, as the code has it', () => {
    const docs = readFileSync(join(REPO, 'docs/cli.md'), 'utf8').replace(/\s+/g, ' ')
    expect(docs).toContain(`The workers start only once the main thread has worked ${WORKER_START_MS / 1000} seconds and the files left would take it ${(2 * WORKER_START_MS) / 1000} seconds more`)
  })

  it('every documented `parallel --pipe` recipe keeps the records in order (-k)', () => {
    const recipes = ['README.md', 'docs/cli.md'].flatMap((file) => [...readFileSync(join(REPO, file), 'utf8').matchAll(/`([^`]*parallel --pipe[^`]*)`/g)].map((m) => m[1]))
    expect(recipes.length).toBeGreaterThan(0)
    for (const recipe of recipes) expect(recipe).toMatch(/\s(-k|--keep-order)\s/)
  })
})
