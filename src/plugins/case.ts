import {defineRule} from '../rule.js'

export interface CaseOptions {}

// Placeholder: the rule's logic is not written yet.
export default defineRule<CaseOptions>({
  id: 'case',
  category: 'case',
  description: 'Source-language capitalisation leaking into English.',
  note: 'TODO',
  defaults: {},
  check() {}
})
