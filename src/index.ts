import type {VFileMessage} from 'vfile-message'
import {fixToFixpoint, type FixOptions, type FixResult} from './fix/loop.js'
import {createProcessor, lintText, type Config} from './processor.js'

export {defineRule, DOCS_BASE, SOURCE, type RuleDefinition, type RuleContext, type RulePlugin, type MtcleanMessageFields} from './rule.js'
export {createProcessor, lintText, type Config, type RuleSetting, type Settings, type PresetName} from './processor.js'
export {presets} from './presets.js'
export {ruleOptionsProblem, ruleOptionsSchema, type OptionSchema} from './rule-options.js'
export {mtcleanMarkers, findMarkers, MARKER_RULE_ID, type MarkersOptions} from './markers.js'
export {applyEdits, type Edit} from './fix/apply.js'
export {fixToFixpoint, MAX_PASSES, type FixOptions, type FixResult} from './fix/loop.js'
export {allRules, rulesById} from './rules/index.js'
export {default as mtcleanParse, parseDocument} from './parse.js'
export type {Category, Finding, FixLevel, Severity, SourceLang} from './types.js'

/** A fix result with the messages of the text as given (before any fix). */
export interface LinterFixResult extends FixResult {
  before: VFileMessage[]
}

/**
 * A linter for one configuration: build it once, use it for many texts. The
 * CLI runs through this too (src/engine/run.ts): same rules, options,
 * markers and fix loop.
 */
export function createLinter(config: Config = {}) {
  const processor = createProcessor(config)
  return {
    processor,
    check(text: string, path?: string): VFileMessage[] {
      return lintText(processor, text, path)
    },
    async fix(text: string, options: FixOptions = {}, path?: string): Promise<LinterFixResult> {
      let before: VFileMessage[] | undefined
      const result = await fixToFixpoint(
        text,
        (value) => {
          const messages = lintText(processor, value, path)
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

/** Lint one text with a configuration (builds a processor: prefer `createLinter` for many texts). */
export function check(text: string, config: Config = {}): VFileMessage[] {
  return createLinter(config).check(text)
}

/** Fix one text to a fixpoint and return the result. */
export function fix(text: string, config: Config = {}, options: FixOptions = {}): Promise<LinterFixResult> {
  return createLinter(config).fix(text, options)
}
