/**
 * Counts of the rule data, for `mtclean rules --stats` and the README:
 * publications and their literal renderings (masthead), phrases per language
 * per rule (paywall, boilerplate, and any other rule folder), calques.
 */
import {existsSync, readdirSync, statSync} from 'node:fs'
import {join} from 'node:path'
import {loadRuleData, RULES_DIR, type DataEntry} from './load.js'

export interface RuleDataStats {
  /** Entries in the rule's files. */
  entries: number
  /** Phrases: literal renderings (masthead), phrase patterns (paywall, boilerplate), entries otherwise. */
  phrases: number
  /** Phrases per source language of the file (`en`/`any`: language-independent). */
  byLang: Record<string, number>
  /** `match` + `keep` examples. */
  examples: number
}

export interface RuleStats {
  /** Distinct publications (canonical names) that masthead knows. */
  publications: number
  /** Literal renderings of those names. */
  literalRenderings: number
  /** Calque entries. */
  calques: number
  /** Per rule folder in rules/. */
  rules: Record<string, RuleDataStats>
}

function phrasesOf(rule: string, entry: DataEntry): number {
  const record = entry as unknown as Record<string, unknown>
  if (rule === 'masthead' && Array.isArray(record.literal)) return record.literal.length
  if (Array.isArray(record.phrases)) return record.phrases.length
  return 1
}

/** Counts over the built-in rule data plus `extraFiles` (per rule: `{masthead: ['./mine.yml']}`). */
export function ruleStats(extraFiles: Record<string, readonly string[]> = {}): RuleStats {
  const folders = existsSync(RULES_DIR)
    ? readdirSync(RULES_DIR)
        .filter((f) => f !== 'schema' && statSync(join(RULES_DIR, f)).isDirectory())
        .filter((f) => existsSync(join(RULES_DIR, 'schema', f + '.schema.json')))
        .sort()
    : []
  const rules: Record<string, RuleDataStats> = {}
  let publications = 0
  let literalRenderings = 0
  let calques = 0
  for (const rule of folders) {
    const entries = loadRuleData(rule, extraFiles[rule] ?? [])
    const stats: RuleDataStats = {entries: entries.length, phrases: 0, byLang: {}, examples: 0}
    for (const entry of entries) {
      const n = phrasesOf(rule, entry)
      stats.phrases += n
      stats.byLang[entry.lang] = (stats.byLang[entry.lang] ?? 0) + n
      stats.examples += entry.match.length + entry.keep.length
    }
    rules[rule] = stats
    if (rule === 'masthead') {
      publications = new Set(entries.map((e) => (e as unknown as {name: string}).name)).size
      literalRenderings = stats.phrases
    }
    if (rule === 'calque') calques = entries.length
  }
  return {publications, literalRenderings, calques, rules}
}

/** The counts as `mtclean rules --stats` prints them (and the README shows them: scripts/rule-docs.mjs). */
export function formatRuleStats(stats: RuleStats): string {
  let text = `publications: ${stats.publications} (${stats.literalRenderings} literal renderings)\ncalques: ${stats.calques}\n`
  for (const [rule, s] of Object.entries(stats.rules)) {
    const langs = Object.entries(s.byLang)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([lang, n]) => `${lang} ${n}`)
      .join(', ')
    text += `${rule}: ${s.entries} entries, ${s.phrases} phrases (${langs}), ${s.examples} examples\n`
  }
  return text
}
