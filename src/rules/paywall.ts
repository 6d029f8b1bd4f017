import {residueRule, type ResidueOptions} from './shared/residue-rule.js'

export type PaywallOptions = ResidueOptions

export default residueRule({
  id: 'paywall',
  description: 'Paywall residue: meters, teasers and subscription prompts left in the text.',
  note: 'Scrapers keep the paywall meter and teaser lines of the page (“You have 50% of this article left to read”), and machine translation translates them with the article.',
  what: 'paywall residue'
})
