import {residueRule, type ResidueOptions} from './shared/residue-rule.js'

export type BoilerplateOptions = ResidueOptions

export default residueRule({
  id: 'boilerplate',
  description: 'Page furniture left in the text: related-article links, comment and share widgets, scraper tags, newsletter and cookie prompts, image credits.',
  note: 'Scrapers keep page furniture around the article (“Read also:” links, comment forms, share buttons, `source site-29` tags), and machine translation translates it with the article.',
  what: 'page furniture'
})
