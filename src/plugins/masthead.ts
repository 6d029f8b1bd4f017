import {defineRule} from '../rule.js'

export interface MastheadOptions {}

// Placeholder: the rule's logic is not written yet.
export default defineRule<MastheadOptions>({
  id: 'masthead',
  category: 'masthead',
  description: 'A publication name translated literally.',
  note: 'TODO',
  defaults: {},
  check() {}
})
