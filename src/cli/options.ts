/**
 * Every flag of the command line, in one table (as ESLint's lib/options.js),
 * and the checked Options a run gets. Adding a flag is one line in FLAGS;
 * its value reaches the run as `options.values.<camelCaseName>`.
 */
import {availableParallelism} from 'node:os'
import type {ConfigFile} from '../engine/config.js'
import type {Encoding} from '../engine/types.js'
import {PRESET_NAMES} from '../presets.js'
import {SETTING_VALUES} from '../settings.js'
import {didYouMean} from '../suggest.js'
import {DEFAULT_MAX_INPUT} from '../engine/limits.js'

import {FORMATS, type Format} from './formats/index.js'
import {INPUT_FORMATS, type InputFormat} from '../formats/index.js'

export {FORMATS, type Format}
export type CommandName = 'check' | 'fix'

export class UsageError extends Error {}

const LINT = ['check', 'fix'] as const
const FIX = ['fix'] as const

export interface Flag {
  /** Commander syntax: `-f, --format <name>`, `--no-color`, `--rule <spec>`. */
  flags: string
  help: string
  /** The commands that take the flag. */
  commands: readonly CommandName[]
  /** Heading it is listed under in `--help`. */
  group: 'Output' | 'Fix' | 'Rules and config' | 'Input' | 'Batch'
  /** Repeatable: the values are collected into a list. */
  repeat?: boolean
}

export const FLAGS: readonly Flag[] = [
  {flags: '-f, --format <name>', help: 'stylish (default), json, sarif, github, junit, diff', commands: LINT, group: 'Output'},
  {flags: '-o, --output-file <file>', help: 'write the report to FILE instead of stdout', commands: LINT, group: 'Output'},
  {flags: '-q, --quiet', help: 'report errors only', commands: LINT, group: 'Output'},
  {flags: '--max-warnings <n>', help: 'exit 1 when there are more than N warnings', commands: LINT, group: 'Output'},
  {flags: '--frail', help: 'exit 1 on warnings too', commands: LINT, group: 'Output'},
  {flags: '--color', help: 'colour the report (default: on a TTY; FORCE_COLOR and NO_COLOR are honoured)', commands: LINT, group: 'Output'},
  {flags: '--no-color', help: 'no colour', commands: LINT, group: 'Output'},
  {flags: '--no-progress', help: 'no progress bar (it only shows on a TTY, never in CI)', commands: LINT, group: 'Output'},
  {flags: '--report-unused-disable-directives', help: 'report mtclean-disable markers that silence nothing', commands: LINT, group: 'Output'},
  {flags: '-w, --write', help: 'rewrite files in place (atomically, mode kept)', commands: FIX, group: 'Fix'},
  {flags: '--out-dir <dir>', help: 'write fixed files under DIR, mirroring the tree', commands: FIX, group: 'Fix'},
  {flags: '--check', help: 'list files fix would change (exit 1 if any)', commands: FIX, group: 'Fix'},
  {flags: '--suggestions', help: 'also apply suggestions that have a single candidate', commands: FIX, group: 'Fix'},
  {flags: '--preset <name>', help: 'recommended (default) or strict', commands: LINT, group: 'Rules and config'},
  {flags: '--rule <id=level>', help: 'set a rule to off, info, warn or error (repeatable)', commands: LINT, group: 'Rules and config', repeat: true},
  {flags: '--source-lang <lang>', help: `language the text was translated from: ${SETTING_VALUES.sourceLang.join(', ')}`, commands: LINT, group: 'Rules and config'},
  {flags: '--quote-style <style>', help: 'american (default) or british', commands: LINT, group: 'Rules and config'},
  {flags: '--quote-marks <marks>', help: 'curly (default) or straight', commands: LINT, group: 'Rules and config'},
  {flags: '-c, --config <file>', help: 'a config file, applied over discovered ones', commands: LINT, group: 'Rules and config'},
  {flags: '--no-config', help: 'do not look for .mtcleanrc* / package.json configs', commands: LINT, group: 'Rules and config'},
  {flags: '--print-config <file>', help: 'print the config that applies to FILE, and exit', commands: LINT, group: 'Rules and config'},
  {flags: '--ignore-path <file>', help: 'ignore file (default: the nearest .mtcleanignore above each file)', commands: LINT, group: 'Rules and config'},
  {flags: '--ignore-pattern <pattern>', help: 'ignore files matching PATTERN (gitignore syntax; repeatable)', commands: LINT, group: 'Rules and config', repeat: true},
  {flags: '--no-ignore', help: 'do not use ignore files', commands: LINT, group: 'Rules and config'},
  {flags: '--ext <list>', help: 'extensions searched in directories (default: txt,md,markdown,text)', commands: LINT, group: 'Input'},
  {flags: '--baseline <file>', help: 'report only findings not in FILE (created when missing)', commands: LINT, group: 'Rules and config'},
  {flags: '--update-baseline', help: "rewrite the baseline with today's findings", commands: LINT, group: 'Rules and config'},
  {flags: '--format-in <format>', help: 'read inputs as text, markdown or html (default: by extension: .md/.markdown/.mdx, .html/.htm; stdin by content)', commands: LINT, group: 'Input'},
  {flags: '--jsonl', help: 'read JSON Lines records (files or stdin)', commands: LINT, group: 'Input'},
  {flags: '--field <name>', help: 'the record field holding the text (default: text; a.b for nested)', commands: LINT, group: 'Input'},
  {flags: '--report', help: 'fix --jsonl: add the findings to each record (field "mtclean")', commands: FIX, group: 'Input'},
  {flags: '--drop-invalid', help: 'drop malformed JSONL lines instead of passing them through', commands: LINT, group: 'Input'},
  {flags: '--encoding <name>', help: 'utf-8 (default) or windows-1252 (for files that are not UTF-8)', commands: LINT, group: 'Input'},
  {flags: '--max-file-size <n>', help: 'largest file or JSONL record read, in bytes (k/M suffixes; default 20M: the memory budget, 1 GB, holds up to it)', commands: LINT, group: 'Input'},
  {flags: '--stdin-filename <file>', help: 'name stdin in reports and for config lookup', commands: LINT, group: 'Input'},
  {flags: '--follow-symlinks', help: 'follow symbolic links out of the input tree', commands: LINT, group: 'Input'},
  {flags: '-j, --jobs <n>', help: 'worker threads for big batches (default: cores)', commands: LINT, group: 'Batch'},
  {flags: '--cache', help: 'check: skip files whose content and config are unchanged since the last run', commands: ['check'], group: 'Batch'},
  {flags: '--cache-location <path>', help: 'cache file (default: node_modules/.cache/mtclean/check.json)', commands: ['check'], group: 'Batch'}
]

/** Flag values as commander gives them (camelCase names). */
export type Values = Record<string, unknown>

/** Everything a run needs, checked. */
export interface Options {
  command: CommandName
  paths: string[]
  /** The raw flag values: a new flag is read from here. */
  values: Values
  format: Format
  formatGiven: boolean
  outputFile?: string
  quiet: boolean
  maxWarnings?: number
  frail: boolean
  color: boolean
  progress: boolean
  write: boolean
  outDir?: string
  checkOnly: boolean
  suggestions: boolean
  overrides: ConfigFile
  configFile?: string
  discover: boolean
  printConfig?: string
  /** An explicit ignore file; otherwise the nearest `ignoreName` above each file. */
  ignorePath?: string
  ignoreName?: string
  ignorePatterns: string[]
  extensions: string[]
  baseline?: string
  updateBaseline: boolean
  jsonl: boolean
  formatIn?: InputFormat
  field: string
  report: boolean
  dropInvalid: boolean
  encoding: Encoding
  maxFileSize: number
  stdinFilename?: string
  followSymlinks: boolean
  jobs: number
  jobsGiven: boolean
  reportUnusedMarkers: boolean
  cache?: string
  cwd: string
}

function parseSize(value: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([kmg]?)b?$/i.exec(value.trim())
  if (!match) throw new UsageError(`--max-file-size: bad size ${JSON.stringify(value)} (e.g. 50M, 200k, 1048576)`)
  const factor = {'': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3}[match[2].toLowerCase() as '' | 'k' | 'm' | 'g']
  return Math.floor(Number(match[1]) * factor)
}

function oneOf<T extends string>(name: string, value: unknown, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined
  if (!allowed.includes(value as T)) throw new UsageError(`--${name}: expected ${allowed.join(', ')}, got ${JSON.stringify(value)}${didYouMean(String(value), allowed)}`)
  return value as T
}

function count(value: unknown, name: string, min: number): number | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'string' || !/^\d+$/.test(value) || Number(value) < min) throw new UsageError(`--${name}: expected an integer ≥ ${min}, got ${JSON.stringify(value)}`)
  return Number(value)
}

/** Colour: --color / --no-color, then FORCE_COLOR (0 = off), then NO_COLOR, then a TTY. */
export function colorWanted(flag: unknown, env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  if (flag === true || flag === false) return flag
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false'
  if (env.NO_COLOR) return false
  return isTTY
}

/** The checked options of `mtclean <command> [paths…]`; throws UsageError. */
export function resolveOptions(command: CommandName, paths: string[], v: Values, cwd = process.cwd()): Options {
  const str = (key: string) => v[key] as string | undefined
  const format = oneOf('format', v.format, FORMATS) ?? 'stylish'
  const preset = oneOf('preset', v.preset, PRESET_NAMES)
  const sourceLang = oneOf('source-lang', v.sourceLang, SETTING_VALUES.sourceLang)
  const quoteStyle = oneOf('quote-style', v.quoteStyle, SETTING_VALUES.quoteStyle)
  const quoteMarks = oneOf('quote-marks', v.quoteMarks, SETTING_VALUES.quoteMarks)
  const encodingName = v.encoding === 'utf8' ? 'utf-8' : v.encoding === 'cp1252' ? 'windows-1252' : v.encoding
  const encoding = oneOf('encoding', encodingName, ['utf-8', 'windows-1252'] as const) ?? 'utf-8'
  const rules: Record<string, string> = {}
  for (const spec of (v.rule as string[] | undefined) ?? []) {
    const match = /^([a-z][a-z0-9-]*)[=:](off|info|warn|error)$/.exec(spec.trim())
    if (!match) throw new UsageError(`--rule: expected ID=off|info|warn|error, got ${JSON.stringify(spec)}`)
    rules[match[1]] = match[2]
  }
  const overrides: ConfigFile = {}
  if (preset) overrides.preset = preset
  if (Object.keys(rules).length) overrides.rules = rules
  const settings: Record<string, string> = {}
  if (sourceLang) settings.sourceLang = sourceLang
  if (quoteStyle) settings.quoteStyle = quoteStyle
  if (quoteMarks) settings.quoteMarks = quoteMarks
  if (Object.keys(settings).length) overrides.settings = settings as ConfigFile['settings']
  if (v.write && v.outDir) throw new UsageError('--write and --out-dir exclude each other')
  if (v.check && (v.write || v.outDir)) throw new UsageError('--check only lists files: it does not go with --write or --out-dir')
  if (format === 'diff' && command !== 'check') throw new UsageError('--format diff belongs to check')
  if (v.updateBaseline && !v.baseline) throw new UsageError('--update-baseline needs --baseline FILE')
  if (v.jsonl) {
    if (v.write || v.check) throw new UsageError('--jsonl writes records to stdout (or --out-dir): --write and --check do not apply')
    // check --jsonl takes every report format (src/cli/jsonl.ts); a baseline or a cache would be ignored.
    for (const [flag, given] of [['--baseline', v.baseline !== undefined], ['--cache', v.cache === true]] as const) {
      if (given) throw new UsageError(`${flag} does not go with --jsonl: it reads records, not files`)
    }
  }
  if (v.cache && command !== 'check') throw new UsageError('--cache belongs to check')
  const jobs = count(v.jobs, 'jobs', 1)
  return {
    command,
    paths,
    values: v,
    format,
    formatGiven: v.format !== undefined,
    outputFile: str('outputFile'),
    quiet: Boolean(v.quiet),
    maxWarnings: count(v.maxWarnings, 'max-warnings', 0),
    frail: Boolean(v.frail),
    color: colorWanted(v.color, process.env, Boolean(process.stdout.isTTY)),
    progress: v.progress !== false,
    write: Boolean(v.write),
    outDir: str('outDir'),
    checkOnly: Boolean(v.check),
    suggestions: Boolean(v.suggestions),
    overrides,
    configFile: typeof v.config === 'string' ? v.config : undefined,
    discover: v.config !== false,
    printConfig: str('printConfig'),
    ignorePath: v.ignore === false ? undefined : str('ignorePath'),
    ignoreName: v.ignore === false || v.ignorePath !== undefined ? undefined : '.mtcleanignore',
    ignorePatterns: (v.ignorePattern as string[] | undefined) ?? [],
    extensions: (str('ext') ?? 'txt,md,markdown,text').split(',').map((e) => e.trim().replace(/^\./, '')).filter(Boolean),
    baseline: str('baseline'),
    updateBaseline: Boolean(v.updateBaseline),
    jsonl: Boolean(v.jsonl),
    formatIn: oneOf('format-in', v.formatIn, INPUT_FORMATS),
    field: str('field') ?? 'text',
    report: Boolean(v.report),
    dropInvalid: Boolean(v.dropInvalid),
    encoding,
    maxFileSize: v.maxFileSize === undefined ? DEFAULT_MAX_INPUT : parseSize(String(v.maxFileSize)),
    stdinFilename: str('stdinFilename'),
    followSymlinks: Boolean(v.followSymlinks),
    jobs: jobs ?? Math.max(1, availableParallelism()),
    jobsGiven: jobs !== undefined,
    reportUnusedMarkers: Boolean(v.reportUnusedDisableDirectives),
    cache: v.cache ? (str('cacheLocation') ?? 'node_modules/.cache/mtclean/check.json') : undefined,
    cwd
  }
}
