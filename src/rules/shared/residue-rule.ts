import {defineRule, type RulePlugin} from '../../rule.js'
import {findResidue} from './residue.js'
import {oneLine, reportFurniture} from '../../furniture/report.js'

/** Options of the residue rules (paywall, boilerplate). */
export interface ResidueOptions {
  /** Extra rule files (YAML, same shape as rules/<rule>/*.yml). */
  files: string[]
  /** Entry ids to turn off. */
  disable: string[]
}

/**
 * A rule that deletes whole residue units (line, sentence or paragraph) found
 * by the phrase tables of rules/<id>/: paywall and boilerplate differ only in
 * their data and wording.
 */
export function residueRule(definition: {
  id: 'paywall' | 'boilerplate'
  description: string
  note: string
  /** What a hit is called when its entry gives no reason. */
  what: string
}): RulePlugin<ResidueOptions> {
  return defineRule<ResidueOptions>({
    id: definition.id,
    category: definition.id,
    description: definition.description,
    note: definition.note,
    defaults: {files: [], disable: []},
    check(ctx) {
      const {text, options} = ctx
      for (const hit of findResidue(text, definition.id, {files: options.files, disable: options.disable})) {
        const what = hit.entries[0].reason ?? definition.what
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
      // HOOK (furniture): paragraphs the page-furniture classifier finds by their shape.
      reportFurniture(ctx, definition.id, definition.what)
    }
  })
}
