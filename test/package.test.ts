/**
 * The package: package.json lists exactly what the code imports, and src/ has
 * no import circles. Imports are read by TypeScript's own pre-processor
 * (static, dynamic and type imports, `export … from`).
 */
import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs'
import {dirname, join, relative, resolve} from 'node:path'
import ts from 'typescript'
import {describe, expect, it} from 'vitest'

const ROOT = resolve(import.meta.dirname, '..')
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {dependencies: Record<string, string>; devDependencies: Record<string, string>}

function files(dir: string, ext: RegExp): string[] {
  const out: string[] = []
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'out' || name === 'corpus' || name === 'fixtures') continue
    const path = join(dir, name)
    if (statSync(path).isDirectory()) out.push(...files(path, ext))
    else if (ext.test(name) && !name.endsWith('.d.ts')) out.push(path)
  }
  return out
}

/** Specifiers `file` imports, and the packages it resolves by a computed name (`import.meta.resolve(\`dictionary-${lang}\`)`). */
function importsOf(file: string): {specifiers: string[]; prefixes: string[]} {
  const text = readFileSync(file, 'utf8')
  const specifiers = ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName)
  for (const m of text.matchAll(/(?:import\.meta\.resolve|require\.resolve|createRequire\([^)]*\))\(\s*['"]([^'"]+)['"]/g)) specifiers.push(m[1])
  const prefixes = [...text.matchAll(/import\.meta\.resolve\(\s*`([a-z@][^`$]*)\$\{/g)].map((m) => m[1])
  return {specifiers, prefixes}
}

const packageOf = (specifier: string) => (specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0])
const bare = (specifier: string) => !specifier.startsWith('.') && !specifier.startsWith('/') && !specifier.startsWith('node:')

/** Packages imported by the files under `dirs`, and name prefixes resolved at run time. */
function imported(dirs: string[]): {names: Set<string>; prefixes: string[]} {
  const names = new Set<string>()
  const prefixes: string[] = []
  for (const dir of dirs) {
    for (const file of files(join(ROOT, dir), /\.(ts|mts|mjs|js|cjs)$/)) {
      const found = importsOf(file)
      for (const s of found.specifiers) if (bare(s)) names.add(packageOf(s))
      prefixes.push(...found.prefixes)
    }
  }
  return {names, prefixes}
}

/** `@types/x` serves the import of `x`. */
const served = (dep: string, names: Set<string>, prefixes: string[]) => names.has(dep) || names.has(dep.replace(/^@types\//, '')) || prefixes.some((p) => dep.startsWith(p))

describe('package.json lists exactly what the code imports', () => {
  const runtime = imported(['src'])
  const tooling = imported(['test', 'scripts', 'bench'])

  it('every package src/ imports is a dependency, and every dependency is imported by src/', () => {
    const deps = Object.keys(pkg.dependencies)
    // A types-only package (`import type {Root} from 'mdast'`) is served by its @types/ package; the published declarations' ones are checked below.
    const types = (n: string) => `@types/${n}` in pkg.dependencies || `@types/${n}` in pkg.devDependencies
    expect([...runtime.names].filter((n) => !(n in pkg.dependencies) && !types(n)).sort(), 'imported by src/, not in dependencies').toEqual([])
    expect(deps.filter((d) => !served(d, runtime.names, runtime.prefixes)).sort(), 'in dependencies, not imported by src/').toEqual([])
  })

  it('every package the tests, scripts and benchmark import is declared, and every devDependency is used', () => {
    const all = {...pkg.dependencies, ...pkg.devDependencies}
    expect([...tooling.names].filter((n) => !(n in all) && !(`@types/${n}` in all)).sort(), 'imported, not declared').toEqual([])
    // Tools run by name count as used when an npm script runs them (tsc for typescript) or the vitest config names them (its coverage provider).
    const scripts = Object.values((pkg as unknown as {scripts: Record<string, string>}).scripts).join(' && ')
    const config = readFileSync(join(ROOT, 'vitest.config.ts'), 'utf8')
    const named = (d: string) =>
      d.startsWith('@vitest/coverage-') ? config.includes(`provider: '${d.slice('@vitest/coverage-'.length)}'`) : new RegExp(`(?:^|[\\s&|;(])${d === 'typescript' ? 'tsc' : d}(?=\\s|$)`).test(scripts)
    // @types/node serves the node: imports; a package run from its path (bench/run.mjs runs node_modules/textlint/bin/textlint.js) is used.
    const byPath = files(join(ROOT, 'bench'), /\.m?js$/).concat(files(join(ROOT, 'scripts'), /\.m?js$/)).map((f) => readFileSync(f, 'utf8')).join('\n')
    const used = (d: string) => served(d, tooling.names, tooling.prefixes) || served(d, runtime.names, runtime.prefixes) || named(d) || d === '@types/node' || byPath.includes(`node_modules/${d}/`)
    const unused = Object.keys(pkg.devDependencies).filter((d) => !used(d))
    expect(unused.sort(), 'devDependencies nothing uses').toEqual([])
  })

  it('the published type declarations import only dependencies', () => {
    const dist = join(ROOT, 'dist')
    if (!existsSync(dist)) return
    const names = new Set<string>()
    for (const file of readdirSync(dist, {recursive: true}).map(String).filter((f) => f.endsWith('.d.ts')).map((f) => join(dist, f))) {
      for (const f of ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles) if (bare(f.fileName)) names.add(packageOf(f.fileName))
    }
    expect(names.size).toBeGreaterThan(0)
    for (const name of names) expect(name in pkg.dependencies || `@types/${name}` in pkg.dependencies, `${name} (types)`).toBe(true)
  })
})

describe('src/ has no import circles', () => {
  it('no module reaches itself through its imports (type imports included)', () => {
    const graph = new Map<string, string[]>()
    for (const file of files(join(ROOT, 'src'), /\.ts$/)) {
      const deps: string[] = []
      for (const s of importsOf(file).specifiers) {
        if (!s.startsWith('.')) continue
        let target = resolve(dirname(file), s).replace(/\.js$/, '.ts')
        if (!existsSync(target) && existsSync(join(target.replace(/\.ts$/, ''), 'index.ts'))) target = join(target.replace(/\.ts$/, ''), 'index.ts')
        deps.push(target)
      }
      graph.set(file, deps)
    }
    expect(graph.size).toBeGreaterThan(50)
    // Depth-first search; a grey node met again closes a circle.
    const state = new Map<string, 'grey' | 'black'>()
    const circles: string[] = []
    const visit = (node: string, path: string[]) => {
      state.set(node, 'grey')
      for (const next of graph.get(node) ?? []) {
        if (!graph.has(next)) continue
        if (state.get(next) === 'grey') circles.push([...path.slice(path.indexOf(next)), next].map((p) => relative(ROOT, p)).join(' → '))
        else if (!state.has(next)) visit(next, [...path, next])
      }
      state.set(node, 'black')
    }
    for (const node of graph.keys()) if (!state.has(node)) visit(node, [node])
    expect(circles).toEqual([])
  })
})

describe('the CLI bundle (scripts/build-bin.mjs)', () => {
  it('keeps every regex literal of dist/ a literal: none lowered to `new RegExp(…)` (built again at each evaluation)', () => {
    const bin = join(ROOT, 'dist', 'bin')
    // Literals that hold a Unicode property escape, in the unbundled build; each must reach the bundle as written.
    const literals = new Set<string>()
    for (const file of files(join(ROOT, 'dist'), /\.js$/)) {
      if (file.startsWith(bin)) continue
      for (const m of readFileSync(file, 'utf8').matchAll(/\/\^\\p\{Lu\}\\p\{Ll\}\+\$\/u/g)) literals.add(m[0])
    }
    expect(literals.size).toBeGreaterThan(0)
    const bundle = files(bin, /\.c?js$/).map((f) => readFileSync(f, 'utf8')).join('\n')
    for (const literal of literals) expect(bundle).toContain(literal)
    expect(bundle).not.toMatch(/new RegExp\("[^"]*\\\\p\{/)
  })
})
