/**
 * Rule options are checked in one place, against one schema per rule (as
 * ESLint's getRuleOptionsSchema): the library, the config files and the
 * command line all call `ruleOptionsProblem`.
 */
import {SETTING_VALUES} from './settings.js'
import {didYouMean} from './suggest.js'
import type {Severity} from './types.js'

/** A small JSON Schema subset: enough for rule options. */
export interface OptionSchema {
  type: 'string' | 'number' | 'boolean' | 'array' | 'object'
  enum?: readonly unknown[]
  items?: OptionSchema
}

export const SEVERITIES: readonly Severity[] = ['off', 'info', 'warn', 'error']

interface RuleLike {
  ruleId: string
  meta: {defaults: object; schema?: Record<string, OptionSchema>}
}

function typeName(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value
}

const schemas = new WeakMap<RuleLike, Record<string, OptionSchema>>()

/** The rule's options schema: its declared `schema` over what its defaults imply, plus the shared settings. */
export function ruleOptionsSchema(rule: RuleLike): Record<string, OptionSchema> {
  let schema = schemas.get(rule)
  if (!schema) {
    schema = {severity: {type: 'string', enum: SEVERITIES}}
    for (const [key, values] of Object.entries(SETTING_VALUES)) schema[key] = {type: 'string', enum: values}
    for (const [key, value] of Object.entries(rule.meta.defaults)) {
      if (value === undefined || value === null) continue
      const type = typeName(value) as OptionSchema['type']
      schema[key] = type === 'array' ? {type, items: {type: typeName((value as unknown[])[0] ?? '') as OptionSchema['type']}} : {type}
    }
    Object.assign(schema, rule.meta.schema)
    schemas.set(rule, schema)
  }
  return schema
}

function valueProblem(value: unknown, schema: OptionSchema, name: string): string | undefined {
  if (typeName(value) !== schema.type) return `bad value ${JSON.stringify(value)} for "${name}" (expected ${schema.enum ? schema.enum.map((e) => JSON.stringify(e)).join(' | ') : schema.type})`
  if (schema.enum && !schema.enum.includes(value)) return `bad value ${JSON.stringify(value)} for "${name}" (expected ${schema.enum.map((e) => JSON.stringify(e)).join(' | ')})${didYouMean(String(value), schema.enum.map(String))}`
  if (schema.items && Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const problem = valueProblem(item, schema.items, `${name}[${i}]`)
      if (problem) return problem
    }
  }
  return undefined
}

/** What is wrong with `options` for `rule`, or undefined. Names read `rules.<id>.<option>`. */
export function ruleOptionsProblem(rule: RuleLike, options: unknown): string | undefined {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) return `options of "rules.${rule.ruleId}" must be an object, got ${typeName(options)}`
  const schema = ruleOptionsSchema(rule)
  for (const [key, value] of Object.entries(options)) {
    // Own keys only: `constructor` or `toString` are not options.
    const option = Object.hasOwn(schema, key) ? schema[key] : undefined
    if (!option) {
      const known = Object.keys(rule.meta.defaults).concat(Object.keys(rule.meta.schema ?? {}))
      return `unknown option "rules.${rule.ruleId}.${key}"${known.length ? ` (known: ${[...new Set(known)].join(', ')})` : ' (this rule has no options)'}${didYouMean(key, Object.keys(schema))}`
    }
    if (value === undefined) continue
    const problem = key === 'severity' ? severityProblem(value, rule.ruleId) : valueProblem(value, option, `rules.${rule.ruleId}.${key}`)
    if (problem) return problem
  }
  return undefined
}

export function severityProblem(value: unknown, id: string): string | undefined {
  if (typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value)) return undefined
  return `bad severity ${JSON.stringify(value)} for "rules.${id}" (expected "off" | "info" | "warn" | "error")${typeof value === 'string' ? didYouMean(value, SEVERITIES) : ''}`
}
