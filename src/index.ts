import type {VFileMessage} from 'vfile-message'
import {fixToFixpoint, type FixOptions, type FixResult} from './fix/loop.js'
import {createProcessor, lintText, type Config, type RuleSetting} from './processor.js'
import {lintMarkup, type InputFormat} from './formats/index.js'
import {filterByMarkers} from './markers.js'
import {lintInWindows} from './windows.js'

/** Every message a rule makes has its offsets (src/rule.ts). */
type Placed = VFileMessage & {startOffset: number; endOffset: number}

export {defineRule, DOCS_BASE, SOURCE, type RuleDefinition, type RuleContext, type RulePlugin, type MtcleanMessageFields} from './rule.js'
export {createProcessor, lintText, type Config, type RuleSetting, type Settings, type PresetName} from './processor.js'
export {presets} from './presets.js'
export {ruleOptionsProblem, ruleOptionsSchema, type OptionSchema} from './rule-options.js'
export {mtcleanMarkers, findMarkers, MARKER_RULE_ID, type MarkersOptions} from './markers.js'
export {applyEdits, type Edit} from './fix/apply.js'
export {fixToFixpoint, MAX_PASSES, type FixOptions, type FixResult} from './fix/loop.js'
export {allRules, rulesById} from './rules/index.js'
export {default as mtcleanParse, parseDocument} from './parse.js'
export {LINT_WINDOW, lintInWindows, windowsOf} from './windows.js'
export type {Category, Finding, FixLevel, Severity, SourceLang} from './types.js'

/** A fix result with the messages of the text as given (before any fix). */
export interface LinterFixResult extends FixResult {
  before: VFileMessage[]
}

/** Fix options, and how the text is read (`text`, or `markdown`/`html`: only their prose is linted and fixed). */
export interface LinterFixOptions extends FixOptions {
  format?: InputFormat
}
export {INPUT_FORMATS, chooseFormat, type InputFormat} from './formats/index.js'

/**
 * A linter for one configuration: build it once, use it for many texts. The
 * CLI runs through this too (src/engine/run.ts): same rules, options,
 * markers and fix loop. A plain text longer than LINT_WINDOW is linted window
 * by window (memory follows the window, not the text; see src/windows.ts).
 */
export function createLinter(config: Config = {}) {
  const processor = createProcessor(config)
  // In Markdown and HTML every block (list item, table cell, caption) is a paragraph of its own, and names of
  // things (`Markdown`, `Image`) sit next to placeholders: case's paragraph-start and mid-sentence-capital
  // checks read plain-text structure, so they are off there.
  let markupProcessor: ReturnType<typeof createProcessor> | undefined
  const markup = () =>
    (markupProcessor ??= createProcessor({...config, rules: {...config.rules, case: withOptions(config.rules?.case, {paragraphs: false, nouns: false})}}))
  // Markup: the rules see the prose view; messages come back in source offsets, markers are read from comments.
  const lintPlain = (text: string, path?: string) => lintInWindows(text, (piece) => lintText(processor, piece, path))
  const lint = (text: string, path: string | undefined, format: InputFormat): VFileMessage[] | Promise<VFileMessage[]> =>
    format === 'text' ? lintPlain(text, path) : lintMarkup(text, format, (prose) => lintText(markup(), prose, path) as Placed[], filterByMarkers)
  return {
    processor,
    /** Lint plain text. */
    check(text: string, path?: string): VFileMessage[] {
      return lintPlain(text, path)
    },
    /** Lint a text read as `format` (plain text, Markdown or HTML). */
    async checkAs(text: string, format: InputFormat, path?: string): Promise<VFileMessage[]> {
      return lint(text, path, format)
    },
    async fix(text: string, options: LinterFixOptions = {}, path?: string): Promise<LinterFixResult> {
      let before: VFileMessage[] | undefined
      const result = await fixToFixpoint(
        text,
        async (value) => {
          const messages = await lint(value, path, options.format ?? 'text')
          before ??= messages
          return messages
        },
        options
      )
      return {...result, before: before!}
    }
  }
}

export type Linter = ReturnType<typeof createLinter>

/** A rule setting with `extra` options added, its severity kept. */
function withOptions(setting: RuleSetting | undefined, extra: Record<string, unknown>): RuleSetting {
  if (setting === undefined) return extra
  if (typeof setting === 'string') return [setting, extra]
  if (Array.isArray(setting)) return [setting[0], {...setting[1], ...extra}]
  return {...setting, ...extra}
}

/** Lint one text with a configuration (builds a processor: prefer `createLinter` for many texts). */
export function check(text: string, config: Config = {}): VFileMessage[] {
  return createLinter(config).check(text)
}

/** Fix one text to a fixpoint and return the result. */
export function fix(text: string, config: Config = {}, options: FixOptions = {}): Promise<LinterFixResult> {
  return createLinter(config).fix(text, options)
}
