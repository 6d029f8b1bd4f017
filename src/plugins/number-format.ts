import {defineRule} from '../rule.js'

export interface NumberFormatOptions {}

// Placeholder: the rule's logic is not written yet.
export default defineRule<NumberFormatOptions>({
  id: 'number-format',
  category: 'number-format',
  description: 'Source-language number, percent, currency, time or date format.',
  note: 'TODO',
  defaults: {},
  check() {}
})
