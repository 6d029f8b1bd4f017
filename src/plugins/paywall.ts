import {defineRule} from '../rule.js'
import {findResidue} from '../data/residue.js'

export interface PaywallOptions {
  /** Extra rule files (YAML, same shape as rules/paywall/*.yml). */
  files: string[]
  /** Entry ids to turn off. */
  disable: string[]
}

export default defineRule<PaywallOptions>({
  id: 'paywall',
  category: 'paywall',
  description: 'Paywall residue: meters, teasers and subscription prompts left in the text.',
  note: 'Scrapers keep the paywall meter and teaser lines of the page (“You have 50% of this article left to read”), and machine translation translates them with the article.',
  defaults: {files: [], disable: []},
  check(ctx) {
    const {text, options} = ctx
    for (const hit of findResidue(text, 'paywall', {files: options.files, disable: options.disable})) {
      const entry = hit.entries[0]
      const what = entry.reason ?? 'paywall residue'
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
