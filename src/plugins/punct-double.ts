import {defineRule} from '../rule.js'

export interface PunctDoubleOptions {}

// Placeholder: the rule's logic is not written yet.
export default defineRule<PunctDoubleOptions>({
  id: 'punct-double',
  category: 'punct-double',
  description: 'Doubled or conflicting terminal punctuation.',
  note: 'TODO',
  defaults: {},
  check() {}
})
