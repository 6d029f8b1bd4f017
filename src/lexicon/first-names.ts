/**
 * First names with the gender every national list of gender-detection-from-name
 * agrees on, loaded once per process on first use from dist/lexicon/first-names.txt
 * (written by scripts/build-first-names.mjs). Accents are folded on lookup, so
 * `Luís` and `María` find `luis` and `maria`.
 */
import {existsSync, readFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

export type Gender = 'f' | 'm'

let names: Map<string, Gender> | undefined

const here = dirname(fileURLToPath(import.meta.url))
const FILE = 'first-names.txt'

function load(): Map<string, Gender> {
  const map = new Map<string, Gender>()
  for (const path of [join(here, FILE), join(here, '..', '..', 'dist', 'lexicon', FILE)]) {
    if (!existsSync(path)) continue
    const data = readFileSync(path, 'utf8')
    for (let i = 0; i < data.length; ) {
      const nl = data.indexOf('\n', i)
      const end = nl < 0 ? data.length : nl
      const tab = data.indexOf('\t', i)
      if (tab > i && tab < end) map.set(data.slice(i, tab), data[tab + 1] as Gender)
      i = end + 1
    }
    break
  }
  return map
}

/** The gender of a first name (any case), or undefined when unknown or used for both. */
export function firstNameGender(name: string): Gender | undefined {
  names ??= load()
  const lower = name.toLowerCase()
  return names.get(lower) ?? names.get(lower.normalize('NFD').replace(/\p{M}/gu, ''))
}

/** Whether the list has been loaded in this process (for tests of laziness). */
export function firstNamesLoaded(): boolean {
  return names !== undefined
}
