import type {Root} from 'nlcst'
import type {Plugin} from 'unified'
import type {VFile} from 'vfile'
import type {BaseRuleOptions, Category, Finding, Severity} from './types.js'
import {locatorFor} from './position.js'

export const SOURCE = 'mtclean'
export const DOCS_BASE = 'https://github.com/mtclean/mtclean/blob/main/docs/rules/'

export interface RuleContext<Options> {
  /** The whole document, exactly as given. */
  text: string
  tree: Root
  file: VFile
  options: Options
  report(finding: Finding): void
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
 * Wrap a rule definition as a retext plugin: options merged over defaults,
 * messages stamped with source, ruleId, url, category, place, actual,
 * expected, fix level and severity. Rules read the tree and never change it.
 */
export function defineRule<Options extends object>(
  definition: RuleDefinition<Options>
): RulePlugin<Options> {
  const plugin = function (options?: Partial<Options> & BaseRuleOptions) {
    const severity: Severity | undefined = options?.severity
    if (severity === 'off') return
    const merged = {...definition.defaults, ...options} as Options
    return function (tree: Root, file: VFile) {
      const text = String(file.value)
      definition.check({
        text,
        tree,
        file,
        options: merged,
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
