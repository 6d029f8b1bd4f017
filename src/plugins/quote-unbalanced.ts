import {defineRule} from '../rule.js'

export interface QuoteUnbalancedOptions {}

// Placeholder: the rule's logic is not written yet.
export default defineRule<QuoteUnbalancedOptions>({
  id: 'quote-unbalanced',
  category: 'quote-unbalanced',
  description: 'A quotation with a closer and no opener, or an opener never closed.',
  note: 'TODO',
  defaults: {},
  check() {}
})
