import {defineRule} from '../rule.js'

export interface PunctSpacingOptions {}

// Placeholder: the rule's logic is not written yet.
export default defineRule<PunctSpacingOptions>({
  id: 'punct-spacing',
  category: 'punct-spacing',
  description: 'A space before punctuation or a missing space after it.',
  note: 'TODO',
  defaults: {},
  check() {}
})
