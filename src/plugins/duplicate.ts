import {defineRule} from '../rule.js'

export interface DuplicateOptions {}

// Placeholder: the rule's logic is not written yet.
export default defineRule<DuplicateOptions>({
  id: 'duplicate',
  category: 'duplicate',
  description: 'A paragraph scraped twice, or a word repeated.',
  note: 'TODO',
  defaults: {},
  check() {}
})
