import {defineRule} from '../rule.js'

export interface UnicodeOptions {}

// Placeholder: the rule's logic is not written yet.
export default defineRule<UnicodeOptions>({
  id: 'unicode',
  category: 'unicode',
  description: 'Mojibake, HTML entities, invisible characters, odd spaces.',
  note: 'TODO',
  defaults: {},
  check() {}
})
