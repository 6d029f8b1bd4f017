import {lstat, realpath, stat} from 'node:fs/promises'
import {dirname, isAbsolute, join, relative, resolve, sep} from 'node:path'

/** One input file found from the command line. */
export interface InputFile {
  /** Absolute path. */
  path: string
  /** Path shown in reports: relative to the working directory when inside it. */
  display: string
  /** Directory the file's place in `--out-dir` is relative to. */
  base: string
  /** Size in bytes when found (to decide whether workers pay off). */
  size: number
}

export interface Expansion {
  files: InputFile[]
  /** Directories named on the command line (fix refuses them without --write/--out-dir). */
  directories: string[]
  errors: string[]
  notices: string[]
}

export interface ExpandOptions {
  cwd: string
  /** Extensions looked for in directories (no dot). */
  extensions: string[]
  /** Patterns (gitignore syntax) relative to cwd. */
  ignorePatterns: string[]
  /** One ignore file to read (`--ignore-path`), patterns relative to cwd. */
  ignoreFile?: string
  /** Ignore files of this name are looked for above each file (`.mtcleanignore`; see ignore.ts). */
  ignoreName?: string
  followSymlinks: boolean
  /** Absolute directories never searched (e.g. --out-dir). */
  exclude: string[]
}

const within = (root: string, path: string) => path === root || path.startsWith(root.endsWith(sep) ? root : root + sep)

export function displayPath(cwd: string, path: string): string {
  const rel = relative(cwd, path)
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : path
}

/** Expand paths, directories and globs into a sorted, de-duplicated list of files. */
export async function expandInputs(args: string[], options: ExpandOptions): Promise<Expansion> {
  const {cwd} = options
  const out: Expansion = {files: [], directories: [], errors: [], notices: []}
  const {createIgnorer} = await import('./ignore.js')
  const ignorer = await createIgnorer({cwd, ignoreFile: options.ignoreFile, ignoreName: options.ignoreName, patterns: options.ignorePatterns})
  out.errors.push(...ignorer.errors)
  const ignored = (path: string) => ignorer.ignored(path)
  const seen = new Set<string>()
  const add = async (path: string, base: string, root: string | undefined, explicit: boolean) => {
    let real: string
    try {
      real = await realpath(path)
    } catch {
      out.errors.push(`${displayPath(cwd, path)}: broken symbolic link`)
      return
    }
    if (root !== undefined && !options.followSymlinks && !within(root, real)) {
      out.notices.push(`${displayPath(cwd, path)}: skipped, a symbolic link out of ${displayPath(cwd, root) || '.'} (use --follow-symlinks)`)
      return
    }
    // A directory such as --out-dir nested inside the searched tree is not input.
    if (root !== undefined && options.exclude.some((dir) => dir !== root && within(root, dir) && (within(dir, real) || within(dir, path)))) return
    if (ignored(path)) {
      if (explicit) out.notices.push(`${displayPath(cwd, path)}: ignored (by an ignore file or --ignore-pattern)`)
      return
    }
    if (seen.has(real)) return
    seen.add(real)
    const size = await stat(real).then((s) => s.size, () => 0)
    out.files.push({path, display: displayPath(cwd, path), base, size})
  }
  const exts = options.extensions.length === 1 ? options.extensions[0] : `{${options.extensions.join(',')}}`
  for (const arg of args) {
    const abs = resolve(cwd, arg)
    let info: Awaited<ReturnType<typeof lstat>> | undefined
    try {
      info = await lstat(abs)
    } catch {
      info = undefined
    }
    if (info) {
      const target = info.isSymbolicLink() ? await stat(abs).catch(() => undefined) : info
      if (!target) {
        out.errors.push(`${arg}: broken symbolic link`)
      } else if (target.isDirectory()) {
        out.directories.push(arg)
        const root = await realpath(abs)
        const found = await glob([`**/*.${exts}`], abs, options)
        if (found.length === 0) out.errors.push(`${arg}: no files with the extensions ${options.extensions.map((e) => '.' + e).join(', ')} (see --ext)`)
        for (const file of found) await add(file, abs, root, false)
      } else {
        await add(abs, dirname(abs), undefined, true)
      }
      continue
    }
    const {isDynamicPattern} = await import('tinyglobby')
    if (isDynamicPattern(arg)) {
      const base = staticBase(arg)
      const absBase = resolve(cwd, base)
      const root = await realpath(absBase).catch(() => absBase)
      const found = await glob([arg.slice(base === '.' && !arg.startsWith('./') ? 0 : base.length).replace(/^\/+/, '')], absBase, options)
      if (found.length === 0) out.errors.push(`${arg}: no files match`)
      for (const file of found) await add(file, absBase, root, false)
      continue
    }
    out.errors.push(`${arg}: no such file or directory`)
  }
  return out
}

async function glob(patterns: string[], cwd: string, options: ExpandOptions): Promise<string[]> {
  const {glob: tinyglob} = await import('tinyglobby')
  const found = await tinyglob(patterns, {
    cwd,
    absolute: true,
    dot: false,
    onlyFiles: true,
    // Links are listed (not resolved), then kept only when they stay inside the input tree.
    followSymbolicLinks: true,
    ignore: ['**/node_modules/**', '**/.git/**'],
    expandDirectories: false
  })
  return found.map((f) => resolve(f)).sort()
}

/** The directory part of a glob before its first magic segment. */
function staticBase(pattern: string): string {
  const parts = pattern.split('/')
  const fixed: string[] = []
  for (const part of parts) {
    if (/[*?[\]{}()!+@]/.test(part)) break
    fixed.push(part)
  }
  if (fixed.length === parts.length) fixed.pop()
  const base = fixed.join('/')
  return base === '' ? (pattern.startsWith('/') ? '/' : '.') : base
}

/** Where a file goes under `--out-dir`. */
export function outPath(outDir: string, file: InputFile): string {
  return join(outDir, relative(file.base, file.path))
}
