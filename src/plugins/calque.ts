import {defineRule} from '../rule.js'

export interface CalqueOptions {}

// Placeholder: the rule's logic is not written yet.
export default defineRule<CalqueOptions>({
  id: 'calque',
  category: 'calque',
  description: 'A literal translation of a source-language verb, idiom or construction.',
  note: 'TODO',
  defaults: {},
  check() {}
})
