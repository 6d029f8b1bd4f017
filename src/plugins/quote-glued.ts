import {defineRule} from '../rule.js'

export interface QuoteGluedOptions {}

// Placeholder: the rule's logic is not written yet.
export default defineRule<QuoteGluedOptions>({
  id: 'quote-glued',
  category: 'quote-glued',
  description: 'A quote mark glued to the neighbouring word.',
  note: 'TODO',
  defaults: {},
  check() {}
})
