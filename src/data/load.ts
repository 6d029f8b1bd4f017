import {readFileSync, readdirSync, existsSync} from 'node:fs'
import {NotRegularError, readRegular, TooLargeError} from '../read.js'
import {dirname, join, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'
import {createRequire} from 'node:module'
import type {ErrorObject, ValidateFunction} from 'ajv'
import type {LineCounter, Node as YamlNode} from 'yaml'
import {phraseSource, PhraseSyntaxError} from '../match/syntax.js'
import {wordTokens} from '../match/word-phrases.js'
import type {DataEntry} from './entry.js'
import {snapshotEntries} from './snapshot.js'

/** Entry keys that hold phrase patterns (src/match/syntax.ts), checked at load time by the reader that will compile them. */
const PATTERN_KEYS: Record<string, {keys: string[]; read: (pattern: string) => unknown}> = {
  masthead: {keys: ['literal'], read: phraseSource},
  paywall: {keys: ['phrases'], read: phraseSource},
  boilerplate: {keys: ['phrases'], read: phraseSource},
  calque: {keys: ['phrase'], read: wordTokens}
}

/** The project's `rules/` folder (next to `dist/` and `src/`). */
export const RULES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../rules')

export type {DataEntry, MatchExample} from './entry.js'

export class RuleDataError extends Error {
  constructor(
    public file: string,
    public line: number,
    detail: string
  ) {
    super(`${file}:${line}: ${detail}`)
    this.name = 'RuleDataError'
  }
}

// yaml and ajv load lazily: the built-in data comes from a build-time snapshot (./snapshot.ts).
const require = createRequire(import.meta.url)
let yamlModule: typeof import('yaml') | undefined
const yaml = () => (yamlModule ??= require('yaml') as typeof import('yaml'))
let ajvInstance: import('ajv').Ajv | undefined
// verbose: an error carries its schema, whose `description` names the fix for a `not` (an old spelling).
const ajv = () => (ajvInstance ??= new (require('ajv') as typeof import('ajv')).Ajv({allErrors: true, strict: true, verbose: true}))
const validators = new Map<string, ValidateFunction>()

function validatorFor(rule: string): ValidateFunction {
  let validate = validators.get(rule)
  if (!validate) {
    const schemaPath = join(RULES_DIR, 'schema', rule + '.schema.json')
    validate = ajv().compile(JSON.parse(readFileSync(schemaPath, 'utf8')))
    validators.set(rule, validate)
  }
  return validate
}

const loaded = new Map<string, DataEntry[]>()
/** The rules whose built-in data came from the build's snapshot (./snapshot.ts). */
const fromSnapshot = new Set<string>()

/** Largest rule data file read (the shipped ones are well under 100 KB). */
const MAX_RULE_FILE = 4 * 1024 * 1024

/** A user's rule file: a regular file (never a device or FIFO: they would hang), of bounded size. */
function readRuleText(file: string): string {
  try {
    return readRegular(file, MAX_RULE_FILE).toString('utf8')
  } catch (error) {
    const e = error as NodeJS.ErrnoException
    const why = error instanceof TooLargeError ? `larger than ${MAX_RULE_FILE} bytes` : error instanceof NotRegularError ? e.message : `cannot read (${e.code ?? e.message})`
    throw new RuleDataError(file, 1, why)
  }
}

/**
 * Load and validate every `rules/<rule>/*.yml` file plus `extraFiles`.
 * Built-in data is loaded once per process and shared.
 */
export function loadRuleData<T extends DataEntry>(rule: string, extraFiles: readonly string[] = []): T[] {
  let builtIn = loaded.get(rule)
  if (!builtIn) {
    const folder = join(RULES_DIR, rule)
    const stored = process.env.MTCLEAN_NO_SNAPSHOT ? undefined : snapshotEntries(rule, folder, RULES_DIR)
    if (stored) fromSnapshot.add(rule)
    builtIn = stored ?? loadRuleFolder(rule, folder)
    loaded.set(rule, builtIn)
  }
  if (extraFiles.length === 0) return builtIn as T[]
  return [...builtIn, ...extraFiles.flatMap((f) => loadRuleFile(rule, f))] as T[]
}

/** Whether `rule`'s built-in data is the build's snapshot (so what the build made of it is current too). */
export function builtInFromSnapshot(rule: string): boolean {
  loadRuleData(rule)
  return fromSnapshot.has(rule)
}

/** Load and validate every YAML file of one rule folder. */
export function loadRuleFolder(rule: string, folder: string): DataEntry[] {
  return ruleFileNames(folder).flatMap((f) => loadRuleFile(rule, join(folder, f)))
}

export function ruleFileNames(folder: string): string[] {
  return existsSync(folder) ? readdirSync(folder).filter((f) => f.endsWith('.yml')).sort() : []
}

/** Parse one YAML rule file, validate it against `rules/schema/<rule>.schema.json`. */
export function loadRuleFile(rule: string, file: string, source?: string): DataEntry[] {
  const text = source ?? readRuleText(file)
  const {LineCounter, parseDocument, isMap, isSeq} = yaml()
  const lineCounter = new LineCounter()
  const document = parseDocument(text, {lineCounter, prettyErrors: false})
  if (document.errors.length > 0) {
    const error = document.errors[0]
    throw new RuleDataError(file, lineCounter.linePos(error.pos[0]).line, error.message.split('\n')[0])
  }
  const value = document.toJS() as {lang?: string; rule?: string; entries?: Array<Record<string, unknown>>}
  const validate = validatorFor(rule)
  if (!validate(value)) {
    const error = validate.errors![0]
    throw new RuleDataError(file, lineOf(document.contents, error, lineCounter), describe(error))
  }
  const entriesNode = isMap(document.contents) ? document.contents.get('entries', true) : undefined
  const ids = new Set<string>()
  return (value.entries ?? []).map((entry, index) => {
    const node = isSeq(entriesNode) ? (entriesNode.items[index] as YamlNode | undefined) : undefined
    const line = node?.range ? lineCounter.linePos(node.range[0]).line : 1
    const id = String(entry.id)
    if (ids.has(id)) throw new RuleDataError(file, line, `duplicate id "${id}"`)
    ids.add(id)
    const patterns = PATTERN_KEYS[rule]
    for (const key of patterns?.keys ?? []) {
      const value = entry[key] as string | string[] | undefined
      for (const pattern of typeof value === 'string' ? [value] : (value ?? [])) {
        try {
          patterns!.read(pattern)
        } catch (error) {
          if (error instanceof PhraseSyntaxError) throw new RuleDataError(file, line, `${id}: ${key}: ${error.message}`)
          throw error
        }
      }
    }
    return {match: [], keep: [], ...entry, id, lang: value.lang ?? 'any', file, line} as DataEntry
  })
}

function lineOf(root: unknown, error: ErrorObject, lineCounter: LineCounter): number {
  const {isMap, isSeq} = yaml()
  let node = root as YamlNode | undefined
  let best = 1
  const keys = error.instancePath.split('/').slice(1).map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'))
  for (const key of keys) {
    if (node?.range) best = lineCounter.linePos(node.range[0]).line
    if (isMap(node)) node = node.get(key, true) as YamlNode | undefined
    else if (isSeq(node)) node = node.items[Number(key)] as YamlNode | undefined
    else break
  }
  if (node?.range) best = lineCounter.linePos(node.range[0]).line
  return best
}

function describe(error: ErrorObject): string {
  const where = error.instancePath ? error.instancePath.slice(1).replace(/\//g, '.') : 'file'
  if (error.keyword === 'additionalProperties') {
    return `${where}: unknown key "${(error.params as {additionalProperty: string}).additionalProperty}"`
  }
  if (error.keyword === 'required') {
    return `${where}: missing key "${(error.params as {missingProperty: string}).missingProperty}"`
  }
  const description = (error.parentSchema as {description?: unknown} | undefined)?.description
  if (error.keyword === 'not' && typeof description === 'string') return `${where}: ${JSON.stringify(error.data)}: ${description}`
  return `${where}: ${error.message ?? 'invalid'}`
}

/**
 * Route user rule files (already expanded from globs) to their rules: by the
 * file's `rule:` key, otherwise by its folder name (`my-rules/masthead/x.yml`),
 * otherwise by its file name (`my-rules/paywall.yml`). Unknown: an error
 * naming the file.
 */
export function routeRuleFiles(files: readonly string[], known: readonly string[]): Record<string, string[]> {
  const routed: Record<string, string[]> = {}
  for (const file of files) {
    const text = readRuleText(file)
    const declared = /^rule:[ \t]*["']?([a-z-]+)["']?[ \t]*$/m.exec(text)?.[1]
    const parts = file.split(/[\\/]/)
    const folder = parts[parts.length - 2]
    const base = parts[parts.length - 1].replace(/\.ya?ml$/, '')
    const rule = declared ?? (known.includes(folder) ? folder : known.includes(base) ? base : undefined)
    if (!rule || !known.includes(rule)) {
      throw new RuleDataError(file, 1, `cannot tell which rule this file is for: add "rule: <id>" (one of ${known.join(', ')})`)
    }
    ;(routed[rule] ??= []).push(file)
  }
  return routed
}
