import {defineRule} from '../rule.js'
import {matchWordPhrases, wordFilter, wordPhrases, wordTokens, type WordPhrases, type WordToken} from '../match/word-phrases.js'
import {buildSet, type GroupSpec} from '../match/phrases.js'
import {builtInSet} from '../data/phrase-sets.js'
import {loadRuleData} from '../data/load.js'
import {SOURCE_LANG_NAMES, type Finding, type SourceLang} from '../types.js'
import {CalqueText} from './calque/context.js'
import type {CalqueContext, CalqueEntry, CalqueOptions, CalquePhrase} from './calque/entry.js'

export type {CalqueContext, CalqueEntry, CalqueOptions} from './calque/entry.js'

const NOTE =
  'Machine translation renders source-language reporting verbs, idioms and constructions word for word ' +
  '(assure → assures, souligner → underlines, dans le viseur → in the sights); the English is grammatical but not idiomatic.'

const compiledCache = new Map<string, WordPhrases<CalquePhrase>>()

export function phrasesFor(files: readonly string[]): WordPhrases<CalquePhrase> {
  const key = files.join('\n')
  let phrases = compiledCache.get(key)
  if (phrases) return phrases
  // The built-in phrases' index comes from the build (src/data/phrase-sets.ts).
  const makeSet = files.length === 0 ? (specs: GroupSpec[]) => builtInSet('calque', ['calque'], specs) : buildSet
  phrases = wordPhrases(loadRuleData<CalqueEntry>('calque', files).map(compile), makeSet)
  compiledCache.set(key, phrases)
  return phrases
}

/** Whether an entry applies under the options: made once per attachment (`ctx.once`). */
function activeTest(off: Set<string>, strict: boolean, lang: string | undefined): (c: CalquePhrase) => boolean {
  return (c) => !off.has(c.entry.id) && (!c.entry.strict || strict) && (!c.entry.noisy || (lang !== undefined && lang === c.entry.lang))
}

/** Compile an entry's phrase into tokens (its phrase was read once already, when loaded: src/data/load.ts). */
export function compile(entry: CalqueEntry): CalquePhrase {
  return new CompiledCalque(entry)
}

/**
 * An entry compiled on first use of each part: a run reads the tokens and
 * filters of the few phrases tried at its words (compiling all 1,183 at start-up
 * took milliseconds, and as much again in optimising compiles of the loop).
 */
class CompiledCalque implements CalquePhrase {
  private words: WordToken[] | undefined
  private contexts: Set<CalqueContext> | undefined
  // Getters on the prototype (FILTERS, below).
  declare readonly prev: Set<string> | undefined
  declare readonly prevNot: Set<string> | undefined
  declare readonly next: Set<string> | undefined
  declare readonly nextNot: Set<string> | undefined
  declare readonly near: Set<string> | undefined
  declare readonly nearNot: Set<string> | undefined
  constructor(readonly entry: CalqueEntry) {}
  get pattern(): string {
    return this.entry.phrase
  }
  get tokens(): WordToken[] {
    return (this.words ??= wordTokens(this.entry.phrase))
  }
  get kinds(): Set<CalqueContext> {
    if (this.contexts) return this.contexts
    const entry = this.entry
    const when: CalqueContext[] = entry.when === undefined ? ['anywhere'] : Array.isArray(entry.when) ? entry.when : [entry.when]
    const kinds = new Set<CalqueContext>()
    for (const kind of when) {
      if (kind === 'reporting') {
        kinds.add('after-quote')
        kinds.add('before-person')
        kinds.add('for-part')
      } else kinds.add(kind)
    }
    return (this.contexts = kinds)
  }
}

/** The filters (wordFilter) of a compiled entry: each read from its entry key on first use, then kept on the instance. */
const FILTERS = [['prev', 'prev'], ['prevNot', 'prev-not'], ['next', 'next'], ['nextNot', 'next-not'], ['near', 'near'], ['nearNot', 'near-not']] as const
for (const [field, key] of FILTERS) {
  Object.defineProperty(CompiledCalque.prototype, field, {
    get(this: CompiledCalque) {
      const value = wordFilter(this.entry[key])
      Object.defineProperty(this, field, {value})
      return value
    }
  })
}

export default defineRule<CalqueOptions>({
  id: 'calque',
  category: 'calque',
  description: 'A literal translation of a source-language verb, idiom or construction.',
  note: NOTE,
  defaults: {files: [], disable: []},
  schema: {off: {type: 'array', items: {type: 'string'}}},
  check(ctx) {
    const text = ctx.text
    const options = ctx.options
    const phrases = phrasesFor(options.files ?? [])
    const strict = options.preset === 'strict'
    const lang = options.sourceLang

    const active = ctx.once('active', () => activeTest(new Set([...(options.disable ?? []), ...(options.off ?? [])]), strict, lang))
    // Findings by span, merged across entries.
    const found = new Map<string, {start: number; end: number; hits: Array<{c: CalquePhrase; expected: string[]}>}>()
    const add = (c: CalquePhrase, start: number, end: number, expected: string[]) => {
      const key = start + ':' + end
      const hit = found.get(key)
      if (hit) hit.hits.push({c, expected})
      else found.set(key, {start, end, hits: [{c, expected}]})
    }

    const helpers = new CalqueText(text)
    matchWordPhrases(phrases, helpers, (c, i, last, values) => {
      const words = helpers.words
      const start = words[i].start
      const end = words[last].end
      for (const kind of c.kinds) {
        const result = helpers.context(kind, c, i, last)
        if (!result) continue
        if (result === true) add(c, start, end, c.entry.suggest.map((s) => expand(s, values, text.slice(start, end))))
        else add(c, start, result.end, result.expected)
        break
      }
    }, active)

    const spans = [...found.values()].sort((a, b) => a.start - b.start || b.end - a.end)
    let cursor = -1
    for (const span of spans) {
      if (span.start < cursor) continue
      cursor = span.end
      // Prefer entries of the document's source language.
      const hits = [...span.hits].sort((a, b) => Number(b.c.entry.lang === lang) - Number(a.c.entry.lang === lang))
      const ordered: string[] = []
      for (const hit of hits) for (const s of hit.expected) if (!ordered.includes(s)) ordered.push(s)
      const actual = text.slice(span.start, span.end)
      const primary = hits[0].c.entry
      const from = primary.source ? ` (${SOURCE_LANG_NAMES[primary.lang as SourceLang] ?? 'source-language'} “${primary.source}”)` : ''
      const finding: Finding = {
        start: span.start,
        end: span.end,
        expected: ordered,
        fix: 'suggestion',
        reason: `Unexpected calque \`${actual}\`${from}, expected ${ordered.map((s) => '`' + s + '`').join(' or ')}`,
        note: primary.note ?? NOTE
      }
      ctx.report(finding)
    }
  }
})

/** Expand `$n` references and keep the case of the matched text's first letter. */
function expand(template: string, values: string[], actual: string): string {
  let out = template
  if (template.includes('$')) {
    out = template.replace(/\$(\d+)/g, (_, n: string) => values[Number(n) - 1] ?? '').replace(/\s{2,}/g, ' ').trim()
  }
  if (/^\p{Lu}/u.test(actual) && /^\p{Ll}/u.test(out) && !/^\p{Lu}{2}/u.test(actual)) out = out[0].toUpperCase() + out.slice(1)
  return out
}
