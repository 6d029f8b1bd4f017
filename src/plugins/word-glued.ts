import {defineRule} from '../rule.js'

export interface WordGluedOptions {}

// Placeholder: the rule's logic is not written yet.
export default defineRule<WordGluedOptions>({
  id: 'word-glued',
  category: 'word-glued',
  description: 'Two words fused by a lost space, comma or quote mark.',
  note: 'TODO',
  defaults: {},
  check() {}
})
