import {defineRule} from '../rule.js'

export interface NameInconsistentOptions {}

// Placeholder: the rule's logic is not written yet.
export default defineRule<NameInconsistentOptions>({
  id: 'name-inconsistent',
  category: 'name-inconsistent',
  description: 'One name spelled two ways in one document.',
  note: 'TODO',
  defaults: {},
  check() {}
})
