import type {Root} from 'nlcst'
import type {Plugin, Processor} from 'unified'
import type {VFile} from 'vfile'
import type {BaseRuleOptions, Category, Finding, Severity} from './types.js'
import {locatorFor} from './position.js'
import type {OptionSchema} from './rule-options.js'
import './settings.js'

export const SOURCE = 'mtclean'
export const DOCS_BASE = 'https://github.com/mtclean/mtclean/blob/main/docs/rules/'

export interface RuleContext<Options> {
  /** The whole document, exactly as given. */
  text: string
  tree: Root
  file: VFile
  options: Options
  report(finding: Finding): void
  /**
   * A value computed once per plugin attachment (its options are fixed
   * there): what a rule derives from its options lives here, in the
   * attacher's closure, not in a module-level cache keyed by the options.
   */
  once<T>(key: string, make: () => T): T
}

export interface RuleDefinition<Options extends object> {
  id: string
  category: Category
  /** One line: what the rule finds. */
  description: string
  /** Why machine translation or scraping produces it. */
  note: string
  defaults: Options
  /**
   * Options beyond those the defaults imply (an alias, an enum): checked with
   * the implied ones by `ruleOptionsProblem` (src/rule-options.ts).
   */
  schema?: Record<string, OptionSchema>
  /**
   * The rule reads `tree` (words, sentences), not only `text`. A processor in
   * which no rule reads the tree skips the parse.
   */
  readsTree?: boolean
  check(context: RuleContext<Options>): void
}

export type RulePlugin<Options extends object> = Plugin<
  [(Partial<Options> & BaseRuleOptions)?],
  Root
> & {ruleId: string; meta: RuleDefinition<Options>}

/**
 * Wrap a rule definition as a retext plugin: options merged over the shared
 * settings and the defaults,
 * messages stamped with source, ruleId, url, category, place, actual,
 * expected, fix level and severity. Rules read the tree and never change it.
 */
export function defineRule<Options extends object>(
  definition: RuleDefinition<Options>
): RulePlugin<Options> {
  const plugin = function (this: Processor | undefined, options?: Partial<Options> & BaseRuleOptions) {
    const severity: Severity | undefined = options?.severity
    if (severity === 'off') return
    // Shared settings (processor.data('settings')) under the rule's own options.
    const settings = typeof this?.data === 'function' ? this.data('settings') : undefined
    const merged = {...definition.defaults, ...settings, ...options} as Options
    const memo = new Map<string, unknown>()
    const once = <T>(key: string, make: () => T): T => {
      if (!memo.has(key)) memo.set(key, make())
      return memo.get(key) as T
    }
    return function (tree: Root, file: VFile) {
      const text = String(file.value)
      definition.check({
        text,
        tree,
        file,
        options: merged,
        once,
        report(finding) {
          emit(definition, file, text, finding, severity)
        }
      })
    }
  } as RulePlugin<Options>
  Object.defineProperty(plugin, 'name', {value: camel(definition.id)})
  plugin.ruleId = definition.id
  plugin.meta = definition
  return plugin
}

function emit(
  definition: RuleDefinition<object>,
  file: VFile,
  text: string,
  finding: Finding,
  severity: Severity | undefined
): void {
  const {start, end} = finding
  if (!(start >= 0 && end >= start && end <= text.length)) {
    throw new RangeError(`${definition.id}: finding ${start}-${end} outside the text (0-${text.length})`)
  }
  const locator = locatorFor(file)
  // VFileMessage is an Error: V8 would capture a stack trace that vfile-message
  // then throws away (it sets `stack` to ''). Not capturing it halves the cost.
  const stackTraceLimit = Error.stackTraceLimit
  Error.stackTraceLimit = 0
  let message: ReturnType<VFile['message']>
  try {
    message = file.message(finding.reason, {
      place: {start: locator.toPoint(start)!, end: locator.toPoint(end)!},
      ruleId: definition.id,
      source: SOURCE,
      cause: finding.cause as Error | undefined
    })
  } finally {
    Error.stackTraceLimit = stackTraceLimit
  }
  const level = severity ?? (finding.fix === 'safe' ? 'error' : 'warn')
  message.fatal = level === 'error' ? true : level === 'warn' ? false : undefined
  message.actual = text.slice(start, end)
  message.expected = finding.expected ?? []
  message.url = DOCS_BASE + definition.id + '.md'
  message.note = finding.note ?? definition.note
  const extra = message as unknown as MtcleanMessageFields
  extra.category = definition.category
  extra.fix = finding.fix
  extra.startOffset = start
  extra.endOffset = end
}

/** Fields mtclean adds to every vfile message. */
export interface MtcleanMessageFields {
  category: Category
  fix: Finding['fix']
  startOffset: number
  endOffset: number
}

function camel(id: string): string {
  return 'mtclean' + id.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase())
}
