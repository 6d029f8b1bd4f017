import type {Config} from '../src/index.js'

/** The quote rules together, as the fix loop runs them. */
export const QUOTE_RULES = ['quote-glued', 'quote-unbalanced', 'quote-foreign', 'punct-quote-order', 'punct-double'] as const
export const quoteConfig: Config = {rules: Object.fromEntries(QUOTE_RULES.map((id) => [id, 'warn'])) as Config['rules']}
