import type {Root} from 'nlcst'
import {unified, type Processor} from 'unified'
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import mtcleanParse from './parse.js'
import {allRules} from './rules/index.js'
import type {Severity, SourceLang} from './types.js'

export type PresetName = 'recommended' | 'strict'

/** Settings every rule sees, besides its own options. */
export interface Settings {
  /** `american` moves . and , inside closing quotes; `british` (logical) leaves fragments alone. */
  quoteStyle?: 'american' | 'british'
  /** Curly (default) or straight quote marks when rules write quotes. */
  quoteMarks?: 'curly' | 'straight'
  /** The language the text was translated from, when known. */
  sourceLang?: SourceLang
  /** The preset in force, for rules that have looser checks in `strict`. */
  preset?: PresetName
}

export type RuleSetting = Severity | [Severity, Record<string, unknown>] | Record<string, unknown>

export interface Config {
  preset?: PresetName
  /** Per-rule severity and options: `{"calque": "off", "masthead": ["error", {...}]}`. */
  rules?: Record<string, RuleSetting>
  settings?: Settings
}

/** Rules that only the `strict` preset turns on. */
const STRICT_ONLY = new Set<string>([])

/** Build one frozen processor for a configuration: share it across files. */
export function createProcessor(config: Config = {}): Processor<Root, Root, Root, undefined, undefined> {
  const preset = config.preset ?? 'recommended'
  const settings: Settings = {quoteStyle: 'american', quoteMarks: 'curly', ...config.settings, preset}
  const known = new Set<string>(allRules.map((rule) => rule.ruleId))
  for (const id of Object.keys(config.rules ?? {})) {
    if (!known.has(id)) throw new Error(`Unknown rule "${id}" (known: ${[...known].join(', ')})`)
  }
  const enabled: Array<[(typeof allRules)[number], Record<string, unknown>]> = []
  for (const rule of allRules) {
    const setting = config.rules?.[rule.ruleId]
    let severity: Severity | undefined
    let options: Record<string, unknown> = {}
    if (typeof setting === 'string') severity = setting
    else if (Array.isArray(setting)) [severity, options] = [setting[0], setting[1] ?? {}]
    else if (setting) options = setting
    if (severity === undefined && preset === 'recommended' && STRICT_ONLY.has(rule.ruleId)) severity = 'off'
    if (severity === 'off') continue
    enabled.push([rule, {...settings, ...options, ...(severity ? {severity} : {})}])
  }
  // Parse only when a rule reads the tree: the others work on the text.
  const shallow = !enabled.some(([rule]) => rule.meta.readsTree)
  const processor = unified().use(mtcleanParse, {shallow}) as unknown as Processor<Root, Root, Root, undefined, undefined>
  for (const [rule, options] of enabled) processor.use(rule as never, options as never)
  return processor.freeze() as never
}

/** Lint `text` with a frozen processor: the messages, in document order. */
export function lintText(processor: Processor<Root, Root, Root, undefined, undefined>, text: string, path?: string): VFileMessage[] {
  const file = new VFile({value: text, path})
  const tree = processor.parse(file)
  processor.runSync(tree, file)
  return sortMessages(file.messages)
}

export function sortMessages(messages: VFileMessage[]): VFileMessage[] {
  const offset = (m: VFileMessage) => (m as unknown as {startOffset?: number}).startOffset ?? 0
  return [...messages].sort((a, b) => offset(a) - offset(b) || String(a.ruleId).localeCompare(String(b.ruleId)))
}
