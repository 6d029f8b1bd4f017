import {readdirSync, statSync, existsSync} from 'node:fs'
import {dirname, join, relative, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'
import type {DataEntry} from './entry.js'
import type {FrozenSet} from '../match/phrases.js'
import {readBuiltText} from '../read.js'

/**
 * Built-in rule data, parsed and validated at build time (scripts/build-rules.mjs)
 * and stored as JSON: parsing YAML and compiling schemas cost about half a
 * second of every cold start. A rule's snapshot is used only while its files
 * are unchanged (same names, sizes and modification times); otherwise the
 * loader falls back to the YAML files.
 */
export const SNAPSHOT_PATH = resolve(dirname(fileURLToPath(import.meta.url)), '../rules-data.json')

interface FileStamp {
  name: string
  size: number
  mtimeMs: number
}

export interface RuleSnapshot {
  files: FileStamp[]
  entries: DataEntry[]
}

/** Per rule its record; under SETS, the phrase sets the build made of the built-in data (./phrase-sets.ts). */
type Snapshot = Record<string, RuleSnapshot> & {[SETS]?: Record<string, FrozenSet>}

/** The snapshot's key of the phrase sets (no rule is named so). */
export const SETS = '#sets'

let snapshot: Snapshot | null | undefined

function read(): Snapshot | null {
  if (snapshot === undefined) {
    try {
      snapshot = existsSync(SNAPSHOT_PATH) ? (JSON.parse(readBuiltText(SNAPSHOT_PATH)) as Snapshot) : null
    } catch {
      snapshot = null
    }
  }
  return snapshot
}

export function stampFiles(folder: string, names: readonly string[]): FileStamp[] {
  return names.map((name) => {
    const stat = statSync(join(folder, name))
    return {name, size: stat.size, mtimeMs: stat.mtimeMs}
  })
}

/** The snapshot's entries for `rule`, when they are current for `folder`. */
export function snapshotEntries(rule: string, folder: string, rulesDir: string): DataEntry[] | undefined {
  return currentEntries(read()?.[rule], folder, rulesDir)
}

/** A phrase set the build stored under `name` (its validity is the caller's: see ./phrase-sets.ts). */
export function snapshotSet(name: string): FrozenSet | undefined {
  return read()?.[SETS]?.[name]
}

/** A stored record's entries, or undefined when the folder's files changed since it was made. */
export function currentEntries(stored: RuleSnapshot | undefined, folder: string, rulesDir: string): DataEntry[] | undefined {
  if (!stored) return undefined
  const names = existsSync(folder) ? readdirSync(folder).filter((f) => f.endsWith('.yml')).sort() : []
  if (names.length !== stored.files.length) return undefined
  const current = stampFiles(folder, names)
  for (let i = 0; i < current.length; i++) {
    const a = current[i]
    const b = stored.files[i]
    if (a.name !== b.name || a.size !== b.size || a.mtimeMs !== b.mtimeMs) return undefined
  }
  // One path per file, not per entry (resolve is slow enough to show at start-up over thousands of entries).
  const paths = new Map<string, string>()
  return stored.entries.map((entry) => {
    let file = paths.get(entry.file)
    if (file === undefined) paths.set(entry.file, (file = resolve(rulesDir, entry.file)))
    return {...entry, file}
  })
}

/** The snapshot record for one rule, with file paths relative to `rulesDir`. */
export function snapshotRecord(folder: string, names: readonly string[], entries: DataEntry[], rulesDir: string): RuleSnapshot {
  return {
    files: stampFiles(folder, names),
    entries: entries.map((entry) => ({...entry, file: relative(rulesDir, entry.file)}))
  }
}
