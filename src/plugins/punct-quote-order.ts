import {defineRule} from '../rule.js'

export interface PunctQuoteOrderOptions {}

// Placeholder: the rule's logic is not written yet.
export default defineRule<PunctQuoteOrderOptions>({
  id: 'punct-quote-order',
  category: 'punct-quote-order',
  description: 'A period or comma outside the closing quote (American style).',
  note: 'TODO',
  defaults: {},
  check() {}
})
