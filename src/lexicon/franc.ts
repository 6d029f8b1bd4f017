/**
 * franc-min's language guess (franc-min 6.2, MIT, Titus Wormer), with its
 * trigram models read on first use. Imported, franc-min builds the models of
 * all its languages (about 10 ms and 168 KB of source to compile on every
 * start-up), and a run of English text rarely asks: untranslated asks only of
 * a sentence with few English words. `npm run build` writes franc-min's data
 * as dist/lexicon/franc-data.json (scripts/build-lexicon.mjs); a source tree
 * never built reads it from franc-min's data.js. The code is franc-min's
 * `francAll`, as it is, for the options this project passes (`only`, `minLength`).
 */
import {existsSync, readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {expressions} from 'franc-min/expressions.js'
import {asTuples} from 'trigram-utils'
import {readBuiltText} from '../read.js'

const MAX_LENGTH = 2048
const MIN_LENGTH = 10
const MAX_DIFFERENCE = 300
const own = {}.hasOwnProperty

type Models = Record<string, Record<string, Record<string, number>>>

const here = dirname(fileURLToPath(import.meta.url))
export const FRANC_DATA = 'franc-data.json'

/** franc-min's data: per script, per language, its trigrams by rank (`|`-separated). */
export function francData(paths = [join(here, FRANC_DATA), join(here, '..', '..', 'dist', 'lexicon', FRANC_DATA)]): Record<string, Record<string, string>> {
  for (const path of paths) {
    if (existsSync(path)) return JSON.parse(readBuiltText(path)) as Record<string, Record<string, string>>
  }
  // data.js is one object literal of strings (`export const data = {…}`).
  const source = readFileSync(createRequire(import.meta.url).resolve('franc-min/data.js'), 'utf8')
  const literal = source.slice(source.indexOf('{', source.indexOf('export const data')))
  return new Function(`return ${literal}`)() as Record<string, Record<string, string>>
}

let numericData: Models | undefined

/** The trigram dictionaries, as franc-min builds them. */
function models(): Models {
  if (numericData) return numericData
  const data = francData()
  numericData = {}
  for (const script in data) {
    if (own.call(data, script)) {
      const languages = data[script]
      numericData[script] = {}
      for (const name in languages) {
        if (own.call(languages, name)) {
          const model = languages[name].split('|')
          const trigrams: Record<string, number> = {}
          let weight = model.length
          while (weight--) trigrams[model[weight]] = weight
          numericData[script][name] = trigrams
        }
      }
    }
  }
  return numericData
}

/** The most likely language of `value` (ISO 639-3), `und` when unknown: franc-min's `franc`. */
export function franc(value: string, options: {only?: string[]; minLength?: number} = {}): string {
  return francAll(value, options)[0][0]
}

function francAll(value: string, options: {only?: string[]; minLength?: number}): Array<[string, number]> {
  const only = [...(options.only || [])]
  const ignore: string[] = []
  const minLength = options.minLength !== null && options.minLength !== undefined ? options.minLength : MIN_LENGTH
  if (!value || value.length < minLength) return und()
  value = value.slice(0, MAX_LENGTH)
  const script = getTopScript(value, expressions)
  if (!script[0] || !(script[0] in models())) {
    if (!script[0] || script[1] === 0 || !allow(script[0], only, ignore)) return und()
    return singleLanguageTuples(script[0])
  }
  return normalize(value, getDistances(asTuples(value), models()[script[0]], only, ignore))
}

function normalize(value: string, distances: Array<[string, number]>): Array<[string, number]> {
  const min = distances[0][1]
  const max = value.length * MAX_DIFFERENCE - min
  let index = -1
  while (++index < distances.length) distances[index][1] = 1 - (distances[index][1] - min) / max || 0
  return distances
}

function getTopScript(value: string, scripts: Record<string, RegExp>): [string | undefined, number] {
  let topCount = -1
  let topScript: string | undefined
  for (const script in scripts) {
    if (own.call(scripts, script)) {
      const count = getOccurrence(value, scripts[script])
      if (count > topCount) {
        topCount = count
        topScript = script
      }
    }
  }
  return [topScript, topCount]
}

function getOccurrence(value: string, expression: RegExp): number {
  const count = value.match(expression)
  return (count ? count.length : 0) / value.length || 0
}

function getDistances(trigrams: Array<[string, number]>, languages: Record<string, Record<string, number>>, only: string[], ignore: string[]): Array<[string, number]> {
  languages = filterLanguages(languages, only, ignore)
  const distances: Array<[string, number]> = []
  if (languages) {
    for (const language in languages) {
      if (own.call(languages, language)) distances.push([language, getDistance(trigrams, languages[language])])
    }
  }
  return distances.length === 0 ? und() : distances.sort(sort)
}

function getDistance(trigrams: Array<[string, number]>, model: Record<string, number>): number {
  let distance = 0
  let index = -1
  while (++index < trigrams.length) {
    const trigram = trigrams[index]
    let difference = MAX_DIFFERENCE
    if (trigram[0] in model) {
      difference = trigram[1] - model[trigram[0]] - 1
      if (difference < 0) difference = -difference
    }
    distance += difference
  }
  return distance
}

function filterLanguages(languages: Record<string, Record<string, number>>, only: string[], ignore: string[]): Record<string, Record<string, number>> {
  if (only.length === 0 && ignore.length === 0) return languages
  const filteredLanguages: Record<string, Record<string, number>> = {}
  for (const language in languages) {
    if (allow(language, only, ignore)) filteredLanguages[language] = languages[language]
  }
  return filteredLanguages
}

function allow(language: string, only: string[], ignore: string[]): boolean {
  if (only.length === 0 && ignore.length === 0) return true
  return (only.length === 0 || only.includes(language)) && !ignore.includes(language)
}

function und(): Array<[string, number]> {
  return singleLanguageTuples('und')
}

function singleLanguageTuples(language: string): Array<[string, number]> {
  return [[language, 1]]
}

function sort(a: [string, number], b: [string, number]): number {
  return a[1] - b[1]
}
