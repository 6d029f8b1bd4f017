import {defineRule} from '../rule.js'
import {findMastheads, renderName} from './masthead/find.js'
import type {SourceLang} from '../types.js'

export interface MastheadOptions {
  /** Extra rule files (YAML, same shape as rules/masthead/*.yml). */
  files: string[]
  /** Publication ids to turn off. */
  disable: string[]
  /** Shared setting: the language the text was translated from. */
  sourceLang?: SourceLang
  /** Shared setting: write `’` (curly) or `'` in names such as L’Express. */
  quoteMarks?: 'curly' | 'straight'
}

export default defineRule<MastheadOptions>({
  id: 'masthead',
  category: 'masthead',
  description: 'A publication name translated literally.',
  note: 'Machine translation renders newspaper titles word for word: “according to information from Le Monde” comes out as “according to information from World”.',
  defaults: {files: [], disable: []},
  check(ctx) {
    const {text, options} = ctx
    const curly = options.quoteMarks !== 'straight'
    for (const hit of findMastheads(text, {files: options.files, disable: options.disable, sourceLang: options.sourceLang})) {
      const actual = text.slice(hit.start, hit.end)
      const expected = hit.names.map((name) => renderName(name, actual, curly))
      const certain = hit.framed && expected.length === 1
      const list = hit.names.map((n) => `“${n}”`).join(' or ')
      ctx.report({
        start: hit.start,
        end: hit.end,
        expected,
        fix: certain ? 'safe' : 'suggestion',
        reason: `Unexpected literal translation “${hit.literal}” of a publication’s name, expected ${list}`,
        note:
          hit.names.length > 1
            ? `“${hit.literal}” may render several titles; give the source language (settings.sourceLang / --source-lang) to choose.`
            : undefined
      })
    }
  }
})
