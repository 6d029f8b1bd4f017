/**
 * Which input files are ignored: the nearest ignore file above each file
 * (`.mtcleanignore`, patterns relative to its directory, as remark-cli finds
 * `.remarkignore`), or one explicit `--ignore-path` file, plus
 * `--ignore-pattern`s (relative to the working directory). gitignore syntax,
 * read with the `ignore` package.
 */
import {existsSync, readFileSync, statSync} from 'node:fs'
import {dirname, isAbsolute, join, relative, sep} from 'node:path'

type Ignore = import('ignore').Ignore

export interface IgnoreOptions {
  cwd: string
  /** One ignore file, its patterns relative to `cwd`. */
  ignoreFile?: string
  /** The name of ignore files looked for in each file's directory and its parents. */
  ignoreName?: string
  patterns: string[]
}

export interface Ignorer {
  ignored(path: string, isDir?: boolean): boolean
  errors: string[]
}

function relativeInside(base: string, path: string): string | undefined {
  const rel = relative(base, path)
  if (!rel || rel.startsWith('..') || isAbsolute(rel)) return undefined
  return rel.split(sep).join('/')
}

export async function createIgnorer(options: IgnoreOptions): Promise<Ignorer> {
  const errors: string[] = []
  const read = (file: string): string => {
    try {
      return readFileSync(file, 'utf8')
    } catch (error) {
      errors.push(`${file}: cannot read ignore file (${(error as NodeJS.ErrnoException).code})`)
      return ''
    }
  }
  const explicit = options.ignoreFile && existsSync(options.ignoreFile) ? read(options.ignoreFile) : ''
  if (!explicit.trim() && !options.patterns.length && !options.ignoreName) return {ignored: () => false, errors}
  const make = (await import('ignore')).default
  const fromCwd: Ignore | undefined = explicit.trim() || options.patterns.length ? make().add(explicit).add(options.patterns) : undefined
  // Nearest ignore file for each directory (undefined: none above it).
  const nearest = new Map<string, {dir: string; ig: Ignore} | undefined>()
  const lookup = (dir: string): {dir: string; ig: Ignore} | undefined => {
    if (nearest.has(dir)) return nearest.get(dir)
    const file = join(dir, options.ignoreName!)
    let found: {dir: string; ig: Ignore} | undefined
    if (existsSync(file) && statSync(file).isFile()) found = {dir, ig: make().add(read(file))}
    else if (dirname(dir) !== dir) found = lookup(dirname(dir))
    nearest.set(dir, found)
    return found
  }
  return {
    errors,
    ignored(path, isDir = false) {
      const suffix = isDir ? '/' : ''
      const rel = relativeInside(options.cwd, path)
      if (fromCwd && rel !== undefined && fromCwd.ignores(rel + suffix)) return true
      if (!options.ignoreName) return false
      const found = lookup(dirname(path))
      const inner = found && relativeInside(found.dir, path)
      return inner !== undefined && found!.ig.ignores(inner + suffix)
    }
  }
}
