import {defineRule} from '../rule.js'

export interface BoilerplateOptions {}

// Placeholder: the rule's logic is not written yet.
export default defineRule<BoilerplateOptions>({
  id: 'boilerplate',
  category: 'boilerplate',
  description: 'Page furniture: comment forms, related links, share and newsletter lines, scraper tags.',
  note: 'TODO',
  defaults: {},
  check() {}
})
