import {defineRule} from '../rule.js'

export interface QuoteForeignOptions {}

// Placeholder: the rule's logic is not written yet.
export default defineRule<QuoteForeignOptions>({
  id: 'quote-foreign',
  category: 'quote-foreign',
  description: 'Source-language quote marks (« » „ ‚ ‹ ›) or padded/reversed curly quotes in English text.',
  note: 'TODO',
  defaults: {},
  check() {}
})
