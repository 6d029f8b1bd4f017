/**
 * franc-min's language guess, loaded on first use. Imported, franc-min builds
 * the trigram models of all its languages (about 10 ms of every start-up), and
 * a run of English text rarely asks: untranslated asks only of a sentence with
 * few English words. The rules run synchronously, so franc-min (ESM) is
 * required, not imported: Node loads an ES module through require from 20.19
 * and 22.12 (package.json `engines`).
 */
import {createRequire} from 'node:module'

type Franc = (value: string, options?: {only?: string[]; minLength?: number}) => string

let guess: Franc | undefined

/** The most likely language of `value` (ISO 639-3), `und` when unknown: franc-min's `franc`. */
export function franc(value: string, options: {only?: string[]; minLength?: number} = {}): string {
  guess ??= (createRequire(import.meta.url)('franc-min') as {franc: Franc}).franc
  return guess(value, options)
}
