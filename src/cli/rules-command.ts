/**
 * `mtclean rules [--stats] [--format text|json]`: the rules with one line each,
 * and with --stats the counts of the data in rules/ (publications, phrases per
 * language, calques).
 */
import {out} from './io.js'
import {UsageError} from './options.js'

export async function rulesCommand(values: {stats?: unknown; format?: unknown}): Promise<number> {
  const format = values.format ?? 'text'
  if (format !== 'text' && format !== 'json') throw new UsageError(`rules --format: expected text or json, got ${JSON.stringify(format)}`)
  const {allRules} = await import('../rules/index.js')
  const rules = allRules.map((rule) => ({id: rule.ruleId, category: rule.meta.category, description: rule.meta.description}))
  const statsModule = values.stats ? await import('../data/stats.js') : undefined
  const stats = statsModule?.ruleStats()
  if (format === 'json') {
    await out(JSON.stringify(stats ? {rules, stats} : {rules}, null, 2) + '\n')
    return 0
  }
  const width = Math.max(...rules.map((r) => r.id.length))
  let text = rules.map((r) => `${r.id.padEnd(width)}  ${r.description}`).join('\n') + '\n'
  if (stats) text += '\n' + statsModule!.formatRuleStats(stats)
  await out(text)
  return 0
}
