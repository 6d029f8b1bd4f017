import {defineRule} from '../rule.js'
import {findResidue} from '../data/residue.js'

export interface BoilerplateOptions {
  /** Extra rule files (YAML, same shape as rules/boilerplate/*.yml). */
  files: string[]
  /** Entry ids to turn off. */
  disable: string[]
}

export default defineRule<BoilerplateOptions>({
  id: 'boilerplate',
  category: 'boilerplate',
  description: 'Page furniture left in the text: related-article links, comment and share widgets, scraper tags, newsletter and cookie prompts, image credits.',
  note: 'Scrapers keep page furniture around the article (“Read also:” links, comment forms, share buttons, `source site-29` tags), and machine translation translates it with the article.',
  defaults: {files: [], disable: []},
  check(ctx) {
    const {text, options} = ctx
    for (const hit of findResidue(text, 'boilerplate', {files: options.files, disable: options.disable})) {
      const entry = hit.entries[0]
      const what = entry.reason ?? 'page furniture'
      const shown = text.slice(hit.start, hit.end)
      const quoted = shown.length > 60 ? shown.slice(0, 57).trimEnd() + '…' : shown
      ctx.report({
        start: hit.deleteStart,
        end: hit.deleteEnd,
        expected: [''],
        fix: 'safe',
        reason: `Unexpected ${what} (“${oneLine(quoted)}”), expected the ${hit.unit} deleted`
      })
    }
  }
})

/** Lines of a quoted snippet joined with " / " (no regex: the snippet may hold long runs of white space). */
function oneLine(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join(' / ')
}
