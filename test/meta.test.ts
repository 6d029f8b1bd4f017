/**
 * Meta test: every rule has its places (src/rules/<id>.ts and its examples,
 * test/<id>.test.ts, docs/rules/<id>.md, rules/<id>/ with its schema when it has
 * data), src/rules/ holds nothing else (a rule's parts in src/rules/<id>/, what
 * several rules share in src/rules/shared/), and every message a rule emits is
 * well-formed (source, ruleId, url, category, exact place and `actual`).
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {dirname, join, relative, resolve} from 'node:path'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {createLinter} from '../src/index.js'
import {allRules} from '../src/rules/index.js'
import {DOCS_BASE, SOURCE} from '../src/rule.js'
import {messageProblems, type Message} from './property-support.js'

const ROOT = new URL('..', import.meta.url).pathname
const CATEGORIES = new Set(
  [...readFileSync(join(ROOT, 'src/types.ts'), 'utf8').matchAll(/\|\s*'([a-z-]+)'/g)].map((m) => m[1])
)

/** Mixed fixture in the style of MT from several languages (written for this test). */
const MIXED = [
  '“The fact that we were able to trace them shows that they make mistakes”: the services in the sights',
  'The minister assures that the plan « is dead ». She underlines that “the reform is necessary”.',
  'According to information from World, the deal was worth 1,5 million euros, that is 45 000 dollars or 50 % more.',
  '“This will lead to measures”Kremlin spokesman Dmitry Peskov told the press .',
  'You have 50% of this article left to read. The rest is reserved for subscribers.',
  'Please enter your comment! Please enter your name here',
  'Damien Van Puyvelde explains to AFP a source. Damien Puyvelde denied it.',
  'The government announcedthat the talks were good.It was Ã© and &nbsp; there.',
  'Il a déclaré que la situation était très grave pour le pays.',
  'The mayor said so. The mayor said so.',
  'The U.S. and e.g. Dr. Smith at 10:30 on https://example.org/a?b=1 and press@example.com; World War II; the World Bank; Le Monde.'
].join('\n\n')

describe('every rule has its places', () => {
  for (const rule of allRules) {
    const id = rule.ruleId
    it(id, () => {
      expect(existsSync(join(ROOT, 'src/rules', id + '.ts')), `src/rules/${id}.ts`).toBe(true)
      expect(existsSync(join(ROOT, 'src/rules', id + '.examples.yml')), `src/rules/${id}.examples.yml`).toBe(true)
      expect(existsSync(join(ROOT, 'docs/rules', id + '.md')), `docs/rules/${id}.md`).toBe(true)
      expect(existsSync(join(ROOT, 'test', id + '.test.ts')), `test/${id}.test.ts`).toBe(true)
      const data = join(ROOT, 'rules', id)
      if (existsSync(data)) {
        expect(readdirSync(data).some((f) => f.endsWith('.yml')), `rules/${id}/ has data files`).toBe(true)
        expect(existsSync(join(ROOT, 'rules/schema', id + '.schema.json')), `rules/schema/${id}.schema.json`).toBe(true)
      }
      expect(CATEGORIES.has(rule.meta.category), `category ${rule.meta.category}`).toBe(true)
      expect(rule.meta.description.length).toBeGreaterThan(10)
      expect(rule.meta.note, `${id}: note`).not.toBe('TODO')
    })
  }

  it('every rules/ folder belongs to a rule', () => {
    const ids = new Set(allRules.map((r) => r.ruleId))
    const folders = readdirSync(join(ROOT, 'rules'), {withFileTypes: true})
      .filter((d) => d.isDirectory() && d.name !== 'schema')
      .map((d) => d.name)
    for (const folder of folders) expect(ids.has(folder), `rules/${folder}`).toBe(true)
  })

  it('every docs/rules/ page belongs to a rule', () => {
    const ids = new Set(allRules.map((r) => r.ruleId))
    for (const page of readdirSync(join(ROOT, 'docs/rules')).filter((f) => f.endsWith('.md'))) expect(ids.has(page.replace(/\.md$/, '')), `docs/rules/${page}`).toBe(true)
  })

  it('every rules/schema/ file belongs to a rules/ folder', () => {
    for (const file of readdirSync(join(ROOT, 'rules/schema'))) {
      expect(file, `rules/schema/${file}`).toMatch(/^[a-z-]+\.schema\.json$/)
      expect(existsSync(join(ROOT, 'rules', file.replace(/\.schema\.json$/, ''))), `rules/schema/${file}: no rules/${file.replace(/\.schema\.json$/, '')}/`).toBe(true)
    }
  })

  it('src/data/ only loads and validates: it imports nothing from the rules, the matcher aside', () => {
    const dir = join(ROOT, 'src/data')
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const imports = [...readFileSync(join(dir, file), 'utf8').matchAll(/(?:from|import\()\s*'(\.[^']+)'/g)].map((m) => m[1])
      for (const path of imports) expect(path, `src/data/${file} imports ${path}`).toMatch(/^\.\/|^\.\.\/(?:match\/|types\.js$|read\.js$)/)
    }
  })
})

/** Every .ts file under `dir` (paths relative to ROOT). */
function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), {withFileTypes: true}).flatMap((entry) => {
    const path = join(dir, entry.name)
    return entry.isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : []
  })
}

/** The src/ files each src/ file imports (relative imports: `import … from`, `export … from`, `import '…'`, `import('…')`). */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>()
  for (const file of sources('src')) {
    const text = readFileSync(join(ROOT, file), 'utf8')
    const targets = [...text.matchAll(/(?:from|import\(?)\s*'(\.[^']+)'/g)].map((m) => relative(ROOT, resolve(ROOT, dirname(file), m[1])).replace(/\.js$/, '.ts'))
    graph.set(file, targets)
  }
  return graph
}

describe('src/rules/ holds rules, their parts and what several rules share', () => {
  // The layout: src/rules/index.ts lists the rules; a rule is src/rules/<id>.ts with its
  // examples src/rules/<id>.examples.yml, and its parts, when it has any, in src/rules/<id>/;
  // what two rules or more use is in src/rules/shared/. Anything else is in the wrong place.
  const ids = new Set(allRules.map((r) => r.ruleId))
  const graph = importGraph()
  const ruleOf = (file: string): string | undefined => {
    const m = /^src\/rules\/([a-z-]+)(?:\.ts$|\/)/.exec(file)
    return m && ids.has(m[1]) ? m[1] : undefined
  }

  it('every entry of src/rules/ is the registry, a rule, its examples, its folder or shared/', () => {
    for (const entry of readdirSync(join(ROOT, 'src/rules'), {withFileTypes: true})) {
      const name = entry.name
      const id = name.replace(/(?:\.examples\.yml|\.ts)$/, '')
      const placed = entry.isDirectory() ? ids.has(name) || name === 'shared' : name === 'index.ts' || (ids.has(id) && (name === id + '.ts' || name === id + '.examples.yml'))
      expect(placed, `src/rules/${name}: not a rule (src/rules/<id>.ts), its examples, its folder (src/rules/<id>/), shared/ or index.ts`).toBe(true)
    }
  })

  it('a rule and its folder are read by that rule alone (and the registry)', () => {
    for (const [file, targets] of graph) {
      for (const target of targets) {
        const owner = ruleOf(target)
        if (owner === undefined || ruleOf(file) === owner || (file === 'src/rules/index.ts' && target === `src/rules/${owner}.ts`)) continue
        expect.fail(`${file} imports ${target}, a part of rule ${owner}: what several rules use goes to src/rules/shared/`)
      }
    }
  })

  it('every module of src/rules/shared/ serves two rules or more', () => {
    // The rules that reach a module through src/rules/ (their own files, then shared ones).
    const users = new Map<string, Set<string>>()
    for (const id of ids) {
      const seen = new Set<string>()
      const queue = [...graph.keys()].filter((file) => ruleOf(file) === id)
      while (queue.length > 0) {
        for (const target of graph.get(queue.pop()!) ?? []) {
          if (!target.startsWith('src/rules/shared/') || seen.has(target)) continue
          seen.add(target)
          queue.push(target)
        }
      }
      for (const module of seen) users.set(module, (users.get(module) ?? new Set()).add(id))
    }
    for (const module of sources('src/rules/shared')) {
      const by = [...(users.get(module) ?? [])]
      expect(by.length, `${module} serves ${by.length ? 'only ' + by.join(', ') : 'no rule'}: a module of one rule goes to its folder, src/rules/<id>/`).toBeGreaterThanOrEqual(2)
    }
  })
})

describe('every message is well-formed', () => {
  const seeds = readdirSync(join(ROOT, 'seeds'))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(join(ROOT, 'seeds', f), 'utf8'))
  const texts = [MIXED, MIXED.replace(/\n/g, '\r\n'), ...seeds]

  for (const preset of ['recommended', 'strict'] as const) {
    it(`${preset}: source, ruleId, url, category, place and actual`, async () => {
      const linter = createLinter({preset})
      const seen = new Set<string>()
      for (const text of texts) {
        const messages = linter.check(text) as Message[]
        expect(messageProblems(text, messages)).toEqual([])
        for (const m of messages) {
          seen.add(m.ruleId!)
          expect(m.source).toBe(SOURCE)
          expect(m.url).toBe(DOCS_BASE + m.ruleId + '.md')
          const rule = allRules.find((r) => r.ruleId === m.ruleId)
          expect(rule, `unknown ruleId ${m.ruleId}`).toBeDefined()
          expect(m.category).toBe(rule!.meta.category)
          expect(typeof m.reason).toBe('string')
          if (m.fix === 'safe') expect(m.expected?.length).toBe(1)
        }
        // Messages of the fixed text describe the fixed text.
        const result = await linter.fix(text)
        expect(messageProblems(result.text, result.messages)).toEqual([])
      }
      // The fixtures exercise most rules: a rule that never fires on them is listed, not failed.
      const silent = allRules.map((r) => r.ruleId).filter((id) => !seen.has(id))
      if (silent.length) console.info(`${preset}: rules silent on the meta fixtures: ${silent.join(', ')}`)
    })
  }
})

describe('a rule that does not declare readsTree never reads the tree', () => {
  // createProcessor skips the parse when no enabled rule reads the tree: a rule
  // that walks it without saying so would silently see an empty document.
  const texts = [MIXED, ...readdirSync(join(ROOT, 'seeds')).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(ROOT, 'seeds', f), 'utf8'))]
  for (const rule of allRules.filter((r) => !r.meta.readsTree)) {
    it(rule.ruleId, () => {
      for (const text of texts) {
        const tree = {type: 'RootNode', position: {start: {line: 1, column: 1, offset: 0}, end: {line: 1, column: 1, offset: text.length}}}
        Object.defineProperty(tree, 'children', {
          get() {
            throw new Error(`${rule.ruleId} read tree.children without declaring readsTree`)
          }
        })
        const file = new VFile({value: text})
        const transformer = (rule as unknown as (options: object) => (tree: unknown, file: VFile) => void)({})
        expect(() => transformer(tree, file)).not.toThrow()
      }
    })
  }
  it('the tree-reading rules declare it, and find nothing without the parse', () => {
    const readers = allRules.filter((r) => r.meta.readsTree).map((r) => r.ruleId)
    expect(readers.length).toBeGreaterThan(0)
    const strict = createLinter({preset: 'strict', rules: Object.fromEntries(allRules.map((r) => [r.ruleId, readers.includes(r.ruleId) ? 'warn' : 'off']))})
    expect(strict.check('The the mayor said so.').length).toBeGreaterThan(0)
  })
})
