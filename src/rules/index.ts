import quoteGlued from './quote-glued.js'
import quoteUnbalanced from './quote-unbalanced.js'
import quoteForeign from './quote-foreign.js'
import punctQuoteOrder from './punct-quote-order.js'
import punctDouble from './punct-double.js'
import punctSpacing from './punct-spacing.js'
import masthead from './masthead.js'
import paywall from './paywall.js'
import boilerplate from './boilerplate.js'
import calque from './calque.js'
import numberFormat from './number-format.js'
import wordGlued from './word-glued.js'
import untranslated from './untranslated.js'
import nameInconsistent from './name-inconsistent.js'
import caseRule from './case.js'
import pronoun from './pronoun.js'
import unicode from './unicode.js'
import duplicate from './duplicate.js'
import lineBreak from './line-break.js'

/** Every rule, in the order they run. */
export const allRules = [
  quoteGlued,
  quoteUnbalanced,
  quoteForeign,
  punctQuoteOrder,
  punctDouble,
  punctSpacing,
  masthead,
  paywall,
  boilerplate,
  calque,
  numberFormat,
  wordGlued,
  untranslated,
  nameInconsistent,
  caseRule,
  pronoun,
  unicode,
  duplicate,
  lineBreak
] as const

export type RuleId = (typeof allRules)[number]['ruleId']

export const rulesById = new Map<string, (typeof allRules)[number]>(allRules.map((rule) => [rule.ruleId, rule]))
