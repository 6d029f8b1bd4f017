import {defineRule} from '../rule.js'

export interface PaywallOptions {}

// Placeholder: the rule's logic is not written yet.
export default defineRule<PaywallOptions>({
  id: 'paywall',
  category: 'paywall',
  description: 'Paywall or subscription residue.',
  note: 'TODO',
  defaults: {},
  check() {}
})
