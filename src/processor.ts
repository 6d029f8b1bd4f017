import type {Root} from 'nlcst'
import {unified, type Processor} from 'unified'
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {mtcleanMarkers} from './markers.js'
import mtcleanParse from './parse.js'
import {presets, type PresetName} from './presets.js'
import {ruleOptionsProblem, severityProblem} from './rule-options.js'
import {allRules, rulesById} from './rules/index.js'
import {DEFAULT_SETTINGS, SETTING_VALUES, settingValues, type Settings} from './settings.js'
import {didYouMean} from './suggest.js'
import type {Severity} from './types.js'

export type {PresetName} from './presets.js'
export type {Settings} from './settings.js'

export type RuleSetting = Severity | [Severity, Record<string, unknown>] | Record<string, unknown>

export interface Config {
  preset?: PresetName
  /** Per-rule severity and options: `{"calque": "off", "masthead": ["error", {...}]}`. */
  rules?: Record<string, RuleSetting>
  settings?: Settings
  /** How inputs are read (the engine's concern; the rules ignore it): `text`, `markdown` or `html`. */
  format?: 'text' | 'markdown' | 'html'
  /** Report `mtclean-disable*` markers that silence nothing (rule id `marker`). */
  reportUnusedMarkers?: boolean
}

/** A rule setting split into severity and options; throws on what the rule's schema rejects. */
function ruleSetting(id: string, setting: RuleSetting | undefined): {severity?: Severity; options: Record<string, unknown>} {
  const rule = rulesById.get(id)!
  let severity: Severity | undefined
  let options: Record<string, unknown> = {}
  if (typeof setting === 'string') severity = setting
  else if (Array.isArray(setting)) [severity, options] = [setting[0], setting[1] ?? {}]
  else if (setting) options = setting
  const problem = (severity === undefined ? undefined : severityProblem(severity, id)) ?? ruleOptionsProblem(rule, options)
  if (problem) throw new Error(problem)
  return {severity: severity ?? (options.severity as Severity | undefined), options}
}

/** Build one frozen processor for a configuration: share it across files. */
export function createProcessor(config: Config = {}): Processor<Root, Root, Root, undefined, undefined> {
  const preset = config.preset ?? 'recommended'
  if (!(preset in presets)) throw new Error(`Unknown preset "${preset}" (known: ${Object.keys(presets).join(', ')})${didYouMean(preset, Object.keys(presets))}`)
  for (const id of Object.keys(config.rules ?? {})) {
    if (!rulesById.has(id)) throw new Error(`Unknown rule "${id}" (known: ${[...rulesById.keys()].join(', ')})${didYouMean(id, rulesById.keys())}`)
  }
  for (const [key, value] of Object.entries(config.settings ?? {})) {
    const allowed = settingValues(key)
    if (!allowed) throw new Error(`Unknown setting "${key}" (known: ${Object.keys(SETTING_VALUES).join(', ')})${didYouMean(key, Object.keys(SETTING_VALUES))}`)
    if (value !== undefined && !allowed.includes(value)) throw new Error(`Bad value ${JSON.stringify(value)} for setting "${key}" (expected ${allowed.join(' | ')})`)
  }
  const enabled: Array<[(typeof allRules)[number], Record<string, unknown>]> = []
  for (const rule of allRules) {
    const {severity, options} = ruleSetting(rule.ruleId, config.rules?.[rule.ruleId])
    const level = severity ?? presets[preset].rules[rule.ruleId]
    if (level === 'off') continue
    enabled.push([rule, {...options, ...(level ? {severity: level} : {})}])
  }
  // Parse only when a rule reads the tree: the others work on the text.
  const shallow = !enabled.some(([rule]) => rule.meta.readsTree)
  const processor = unified()
    .data('settings', {...DEFAULT_SETTINGS, ...config.settings, preset})
    .use(mtcleanParse, {shallow}) as unknown as Processor<Root, Root, Root, undefined, undefined>
  for (const [rule, options] of enabled) processor.use(rule as never, options as never)
  processor.use(mtcleanMarkers, {known: rulesById.keys(), reportUnused: config.reportUnusedMarkers})
  return processor.freeze() as never
}

/** Lint `text` with a frozen processor: the messages, in document order (markers applied). */
export function lintText(processor: Processor<Root, Root, Root, undefined, undefined>, text: string, path?: string): VFileMessage[] {
  const file = new VFile({value: text, path})
  const tree = processor.parse(file)
  processor.runSync(tree, file)
  return sortMessages(file.messages)
}

/** Rule ids in code-unit order (localeCompare would load ICU's collator: 6 ms on a process's first call). */
function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

export function sortMessages(messages: VFileMessage[]): VFileMessage[] {
  const offset = (m: VFileMessage) => (m as unknown as {startOffset?: number}).startOffset ?? 0
  return [...messages].sort((a, b) => offset(a) - offset(b) || byCodeUnits(String(a.ruleId), String(b.ruleId)))
}
