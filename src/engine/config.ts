import {existsSync, statSync} from 'node:fs'
import {basename, dirname, extname, isAbsolute, join, resolve} from 'node:path'
import {PRESET_NAMES} from '../presets.js'
import {ruleOptionsProblem, severityProblem} from '../rule-options.js'
import {rulesById, type Config, type Settings} from '../index.js'
import {SETTING_VALUES, settingValues} from '../settings.js'
import {didYouMean} from '../suggest.js'
import {createRequire} from 'node:module'
import {routeRuleFiles} from '../data/load.js'
import {NotRegularError, readRegular, TooLargeError} from '../read.js'

/** Largest config file read. */
const MAX_CONFIG_FILE = 1024 * 1024

/**
 * How an error names a key or value read as config: a plain word as it is,
 * anything else not at all. The file may not be a config (`extends:
 * /etc/shadow`) and its contents private; a value is only ever checked below
 * a known top-level key, so only a file shaped like a config shows one.
 */
function shown(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return JSON.stringify(value)
  if (typeof value === 'string' && /^[A-Za-z0-9][\w.-]{0,40}$/.test(value)) return JSON.stringify(value)
  return '(not shown)'
}

/** JSON.parse's error without the part of the text it quotes. */
function jsonError(error: unknown): string {
  const message = (error as Error).message
  const at = /position (\d+)/.exec(message)
  return at ? `at character ${Number(at[1]) + 1}` : /end of JSON input/i.test(message) ? 'unexpected end' : 'not valid JSON'
}
/** What a config file may hold (`.mtcleanrc*`, `mtclean` in package.json, `--config`). */
export interface ConfigFile {
  /** Stop looking in parent directories. */
  root?: boolean
  /** Other config files (relative to this one) or `mtclean:recommended` / `mtclean:strict`. */
  extends?: string | string[]
  preset?: 'recommended' | 'strict'
  /** Per-rule severity and options; or, as a list, rule data files (same as `ruleFiles`). */
  rules?: Record<string, unknown> | string[]
  /** Extra rule data files or globs (`./my-rules/*.yml`), relative to this config, routed to their rule. */
  ruleFiles?: string[]
  settings?: Settings
  /** How inputs are read: `text`, `markdown` or `html` (default: by file name). */
  format?: 'text' | 'markdown' | 'html'
}

export class ConfigError extends Error {}

/** Config file names looked for in every directory, first found wins. */
export const CONFIG_NAMES = ['.mtcleanrc', '.mtcleanrc.json', '.mtcleanrc.yml', '.mtcleanrc.yaml', 'package.json']

const SETTINGS: Record<string, readonly string[]> = SETTING_VALUES

interface RuleEntry {
  severity?: string
  options?: Record<string, unknown>
}

/** A config with rules normalised, ready to merge. */
interface Layer {
  preset?: 'recommended' | 'strict'
  format?: ConfigFile['format']
  rules: Record<string, RuleEntry>
  settings: Settings
}

const emptyLayer = (): Layer => ({rules: {}, settings: {}})

function merge(base: Layer, over: Layer): Layer {
  const rules: Record<string, RuleEntry> = {...base.rules}
  for (const [id, entry] of Object.entries(over.rules)) {
    const prev = rules[id] ?? {}
    rules[id] = {
      severity: entry.severity ?? prev.severity,
      options: prev.options || entry.options ? {...prev.options, ...entry.options} : undefined
    }
  }
  return {preset: over.preset ?? base.preset, format: over.format ?? base.format, rules, settings: {...base.settings, ...over.settings}}
}

/** The processor's Config for a layer. */
function toConfig(layer: Layer): Config {
  const rules: Config['rules'] = {}
  for (const [id, entry] of Object.entries(layer.rules)) {
    if (entry.severity && entry.options) rules[id] = [entry.severity, entry.options] as never
    else if (entry.severity) rules[id] = entry.severity as never
    else if (entry.options) rules[id] = entry.options
  }
  const config: Config = {}
  if (layer.preset) config.preset = layer.preset
  if (layer.format) config.format = layer.format
  if (Object.keys(rules).length > 0) config.rules = rules
  if (Object.keys(layer.settings).length > 0) config.settings = layer.settings
  return config
}

function typeName(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value
}

function validateSettings(value: unknown, where: string): Settings {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ConfigError(`${where}: "settings" must be an object, got ${typeName(value)}`)
  }
  for (const [key, v] of Object.entries(value)) {
    const allowed = settingValues(key)
    if (!allowed) throw new ConfigError(`${where}: unknown key ${shown(`settings.${key}`)} (known: ${Object.keys(SETTINGS).join(', ')})${didYouMean(key, Object.keys(SETTINGS))}`)
    if (!allowed.includes(v as string)) {
      throw new ConfigError(`${where}: bad value ${shown(v)} for "settings.${key}" (expected ${allowed.map((a) => JSON.stringify(a)).join(' | ')})${typeof v === 'string' ? didYouMean(v, allowed) : ''}`)
    }
  }
  return value as Settings
}

/** A rule's entry, checked by the library's one validator (src/rule-options.ts). */
function validateRule(id: string, value: unknown, where: string): RuleEntry {
  const rule = rulesById.get(id)
  if (!rule) throw new ConfigError(`${where}: unknown rule ${shown(`rules.${id}`)} (known: ${[...rulesById.keys()].join(', ')})${didYouMean(id, rulesById.keys())}`)
  const check = (problem: string | undefined) => {
    if (problem) throw new ConfigError(`${where}: ${problem}`)
  }
  if (typeof value === 'string') {
    check(severityProblem(value, id))
    return {severity: value}
  }
  if (Array.isArray(value)) {
    if (value.length < 1 || value.length > 2) throw new ConfigError(`${where}: "rules.${id}" must be [severity, options]`)
    check(severityProblem(value[0], id))
    if (value[1] !== undefined) check(ruleOptionsProblem(rule, value[1]))
    return {severity: value[0] as string, options: value[1] as Record<string, unknown> | undefined}
  }
  check(ruleOptionsProblem(rule, value))
  return {options: value as Record<string, unknown>}
}

/** Validate a parsed config object; `where` names the file in errors. */
export function validateConfig(raw: unknown, where: string): ConfigFile {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ConfigError(`${where}: a config must be an object, got ${typeName(raw)}`)
  }
  const known = ['root', 'extends', 'preset', 'rules', 'ruleFiles', 'settings', 'format', '$schema']
  for (const key of Object.keys(raw)) {
    if (!known.includes(key)) throw new ConfigError(`${where}: unknown key ${shown(key)} (known: ${known.filter((k) => k !== '$schema').join(', ')})${didYouMean(key, known)}`)
  }
  const config = raw as Record<string, unknown>
  if (Object.hasOwn(config, 'root') && typeof config.root !== 'boolean') throw new ConfigError(`${where}: "root" must be true or false`)
  if (Object.hasOwn(config, 'preset') && !PRESET_NAMES.includes(config.preset as never)) {
    throw new ConfigError(`${where}: bad value ${shown(config.preset)} for "preset" (expected "recommended" | "strict")${typeof config.preset === 'string' ? didYouMean(config.preset, PRESET_NAMES) : ''}`)
  }
  if (Object.hasOwn(config, 'format') && !['text', 'markdown', 'html'].includes(config.format as string)) {
    throw new ConfigError(`${where}: bad value ${shown(config.format)} for "format" (expected "text" | "markdown" | "html")`)
  }
  if ('extends' in config) {
    const ext = config.extends
    if (!(typeof ext === 'string' || (Array.isArray(ext) && ext.every((e) => typeof e === 'string')))) {
      throw new ConfigError(`${where}: "extends" must be a string or an array of strings`)
    }
  }
  if ('settings' in config) validateSettings(config.settings, where)
  for (const key of ['ruleFiles', 'rules'] as const) {
    const list = config[key]
    if (Array.isArray(list) && !list.every((f) => typeof f === 'string')) {
      throw new ConfigError(`${where}: "${key}" as a list must hold rule data file paths or globs (strings)`)
    }
  }
  if ('ruleFiles' in config && !Array.isArray(config.ruleFiles)) {
    throw new ConfigError(`${where}: "ruleFiles" must be an array of paths or globs, got ${typeName(config.ruleFiles)}`)
  }
  if ('rules' in config && !Array.isArray(config.rules)) {
    const rules = config.rules
    if (typeof rules !== 'object' || rules === null) {
      throw new ConfigError(`${where}: "rules" must be an object, got ${typeName(rules)}`)
    }
    for (const [id, value] of Object.entries(rules)) validateRule(id, value, where)
  }
  return config as ConfigFile
}

function layerOf(config: ConfigFile, where: string): Layer {
  const rules: Record<string, RuleEntry> = {}
  const ruleFiles = [...(config.ruleFiles ?? []), ...(Array.isArray(config.rules) ? config.rules : [])]
  for (const [id, value] of Object.entries(Array.isArray(config.rules) ? {} : (config.rules ?? {}))) {
    const entry = validateRule(id, value, where)
    // Extra rule data files are relative to the config that names them.
    const files = entry.options?.files
    if (Array.isArray(files) && where !== 'command line') {
      entry.options = {...entry.options, files: files.map((f) => (typeof f === 'string' && !isAbsolute(f) ? resolve(dirname(where), f) : f))}
    }
    rules[id] = entry
  }
  if (ruleFiles.length > 0) {
    for (const [id, files] of Object.entries(routeFiles(ruleFiles, where))) {
      const entry = (rules[id] ??= {})
      const before = Array.isArray(entry.options?.files) ? (entry.options.files as string[]) : []
      entry.options = {...entry.options, files: [...before, ...files]}
    }
  }
  return {preset: config.preset, format: config.format, rules, settings: {...config.settings}}
}

/** tinyglobby, loaded on first use: most runs have no `ruleFiles` (start-up time). */
function globSync(): typeof import('tinyglobby').globSync {
  return (createRequire(import.meta.url)('tinyglobby') as typeof import('tinyglobby')).globSync
}

/** Expand `ruleFiles` globs relative to the config and send each file to the rule it holds data for. */
function routeFiles(patterns: readonly string[], where: string): Record<string, string[]> {
  const base = where === 'command line' ? process.cwd() : dirname(where)
  const files: string[] = []
  for (const pattern of patterns) {
    const found = globSync()(pattern, {cwd: base, absolute: true, onlyFiles: true}).sort()
    if (found.length === 0) throw new ConfigError(`${where}: "ruleFiles": no file matches ${JSON.stringify(pattern)}`)
    files.push(...found)
  }
  const dataRules = [...rulesById.values()].filter((r) => 'files' in ((r.meta.defaults ?? {}) as object)).map((r) => r.ruleId)
  try {
    return routeRuleFiles(files, dataRules)
  } catch (error) {
    throw new ConfigError(`${where}: ${(error as Error).message}`)
  }
}

let yamlModule: typeof import('yaml') | undefined
async function loadYaml() {
  yamlModule ??= await import('yaml')
  return yamlModule
}

/** Parse a config file's text by its name. Returns undefined for a package.json without an `mtclean` key. */
async function parseFile(path: string): Promise<unknown> {
  let text: string
  try {
    // A regular file only, of bounded size: `extends: /dev/zero` or a FIFO would never end.
    text = readRegular(path, MAX_CONFIG_FILE).toString('utf8')
  } catch (error) {
    const e = error as NodeJS.ErrnoException
    const why = error instanceof TooLargeError ? `larger than ${MAX_CONFIG_FILE} bytes` : error instanceof NotRegularError ? e.message : (e.code ?? e.message)
    throw new ConfigError(`${path}: cannot read config (${why})`)
  }
  const name = basename(path)
  const ext = extname(name)
  if (name === 'package.json') {
    try {
      return (JSON.parse(text) as {mtclean?: unknown}).mtclean
    } catch (error) {
      throw new ConfigError(`${path}: invalid JSON (${jsonError(error)})`)
    }
  }
  if (ext === '.json') {
    try {
      return JSON.parse(text)
    } catch (error) {
      throw new ConfigError(`${path}: invalid JSON (${jsonError(error)})`)
    }
  }
  // .mtcleanrc (JSON or YAML), .yml, .yaml
  const trimmed = text.trimStart()
  if (ext !== '.yml' && ext !== '.yaml' && (trimmed.startsWith('{') || trimmed === '')) {
    try {
      return trimmed === '' ? {} : JSON.parse(text)
    } catch (error) {
      throw new ConfigError(`${path}: invalid JSON (${jsonError(error)})`)
    }
  }
  const YAML = await loadYaml()
  const doc = YAML.parseDocument(text, {prettyErrors: false})
  if (doc.errors.length > 0) {
    const e = doc.errors[0]
    // The error code, not the message: messages may quote the text.
    throw new ConfigError(`${path}:${e.linePos?.[0].line ?? 1}: invalid YAML (${e.code.toLowerCase().replace(/_/g, ' ')})`)
  }
  try {
    return doc.toJS({maxAliasCount: 100}) ?? {}
  } catch (error) {
    // An alias bomb ("billion laughs"): yaml stops expanding after maxAliasCount.
    if (/alias/i.test((error as Error).message)) throw new ConfigError(`${path}: invalid YAML (too many aliases: aliases may not expand to more than 100 nodes)`)
    throw new ConfigError(`${path}: invalid YAML`)
  }
}

/** Finds, validates and cascades configs; caches per directory. */
export class ConfigResolver {
  private readonly dirCache = new Map<string, Promise<Layer>>()
  private readonly fileCache = new Map<string, Promise<{layer: Layer; root: boolean}>>()

  constructor(
    private readonly options: {
      /** `--config FILE`: applied over the cascade. */
      configFile?: string
      /** `--no-config`: no discovery. */
      discover: boolean
      /** Flags (--preset, --rule, --source-lang, --quote-style): applied last. */
      overrides: ConfigFile
    }
  ) {}

  /** The processor Config for a file in `dir`. */
  async forDirectory(dir: string): Promise<Config> {
    let layer = this.options.discover ? await this.cascade(resolve(dir)) : emptyLayer()
    if (this.options.configFile) layer = merge(layer, (await this.loadFile(resolve(this.options.configFile), [])).layer)
    layer = merge(layer, layerOf(validateConfig(this.options.overrides, 'command line'), 'command line'))
    return toConfig(layer)
  }

  private cascade(dir: string): Promise<Layer> {
    let hit = this.dirCache.get(dir)
    if (!hit) {
      hit = (async () => {
        const own = await this.ownConfig(dir)
        const parentDir = dirname(dir)
        const parent = own?.root || parentDir === dir ? emptyLayer() : await this.cascade(parentDir)
        return own ? merge(parent, own.layer) : parent
      })()
      this.dirCache.set(dir, hit)
    }
    return hit
  }

  private async ownConfig(dir: string): Promise<{layer: Layer; root: boolean} | undefined> {
    for (const name of CONFIG_NAMES) {
      const path = join(dir, name)
      if (!existsSync(path)) continue
      try {
        if (!statSync(path).isFile()) continue
      } catch {
        continue
      }
      if (name === 'package.json') {
        const raw = await parseFile(path)
        if (raw === undefined) continue
      }
      return this.loadFile(path, [])
    }
    return undefined
  }

  loadFile(path: string, chain: string[]): Promise<{layer: Layer; root: boolean}> {
    if (chain.includes(path)) throw new ConfigError(`${path}: "extends" cycle (${[...chain, path].join(' → ')})`)
    let hit = this.fileCache.get(path)
    if (!hit) {
      hit = (async () => {
        if (!existsSync(path)) throw new ConfigError(`${path}: config file not found`)
        const raw = await parseFile(path)
        const config = validateConfig(raw ?? {}, path)
        let layer = emptyLayer()
        const parents = config.extends === undefined ? [] : Array.isArray(config.extends) ? config.extends : [config.extends]
        for (const parent of parents) {
          if (parent.startsWith('mtclean:')) {
            const name = parent.slice(8)
            if (!PRESET_NAMES.includes(name as never)) {
              throw new ConfigError(`${path}: unknown preset ${JSON.stringify(parent)} in "extends" (known: ${PRESET_NAMES.map((p) => 'mtclean:' + p).join(', ')})${didYouMean(parent, PRESET_NAMES.map((p) => 'mtclean:' + p))}`)
            }
            layer = merge(layer, {...emptyLayer(), preset: name as 'recommended' | 'strict'})
            continue
          }
          const target = isAbsolute(parent) ? parent : resolve(dirname(path), parent)
          layer = merge(layer, (await this.loadFile(target, [...chain, path])).layer)
        }
        layer = merge(layer, layerOf(config, path))
        return {layer, root: config.root === true}
      })()
      this.fileCache.set(path, hit)
    }
    return hit
  }
}
