import {defineRule} from '../rule.js'

export interface UntranslatedOptions {}

// Placeholder: the rule's logic is not written yet.
export default defineRule<UntranslatedOptions>({
  id: 'untranslated',
  category: 'untranslated',
  description: 'A fragment left in the source language.',
  note: 'TODO',
  defaults: {},
  check() {}
})
