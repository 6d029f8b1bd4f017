import type {VFileMessage} from 'vfile-message'
import {fixToFixpoint, type FixOptions, type FixResult} from './fix/loop.js'
import {createProcessor, lintText, type Config} from './processor.js'
import {lintInWindows} from './windows.js'

export {defineRule, DOCS_BASE, SOURCE, type RuleDefinition, type RuleContext, type RulePlugin, type MtcleanMessageFields} from './rule.js'
export {createProcessor, lintText, type Config, type Settings, type PresetName} from './processor.js'
export {applyEdits, type Edit} from './fix/apply.js'
export {fixToFixpoint, MAX_PASSES, type FixOptions, type FixResult} from './fix/loop.js'
export {allRules, rulesById} from './rules/index.js'
export {default as mtcleanParse, parseDocument} from './parse.js'
export {LINT_WINDOW, lintInWindows, windowsOf} from './windows.js'
export type {Category, Finding, FixLevel, Severity, SourceLang} from './types.js'

/**
 * A linter for one configuration: build it once, use it for many texts. A
 * text longer than LINT_WINDOW is linted window by window (memory follows the
 * window, not the text; see src/windows.ts).
 */
export function createLinter(config: Config = {}) {
  const processor = createProcessor(config)
  const lint = (text: string, path?: string) => lintInWindows(text, (piece) => lintText(processor, piece, path))
  return {
    check(text: string, path?: string): VFileMessage[] {
      return lint(text, path)
    },
    fix(text: string, options: FixOptions = {}, path?: string): Promise<FixResult> {
      return fixToFixpoint(text, (value) => lint(value, path), options)
    }
  }
}

/** Lint one text with a configuration (builds a processor: prefer `createLinter` for many texts). */
export function check(text: string, config: Config = {}): VFileMessage[] {
  return createLinter(config).check(text)
}

/** Fix one text to a fixpoint and return the result. */
export function fix(text: string, config: Config = {}, options: FixOptions = {}): Promise<FixResult> {
  return createLinter(config).fix(text, options)
}
