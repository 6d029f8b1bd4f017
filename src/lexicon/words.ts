/** Small closed word lists shared by the dictionary rules. */

/** English function words that a lost space often leaves glued to a neighbour. */
export const GLUE_FUNCTION_WORDS = new Set([
  'the', 'that', 'and', 'has', 'have', 'had', 'is', 'was', 'were', 'are', 'who', 'which', 'whose', 'with',
  'for', 'of', 'from', 'this', 'these', 'those', 'will', 'would', 'could', 'should', 'said', 'says', 'but',
  'not', 'when', 'where', 'while', 'their', 'its', 'they', 'also', 'been', 'being', 'because', 'after',
  'before', 'since', 'than', 'then', 'there', 'what', 'why', 'how', 'his', 'her', 'she', 'he', 'we', 'it',
  'by', 'to', 'at', 'as', 'an', 'or', 'if', 'in', 'on'
])

/**
 * Function words that must not be split off the *end* of a fused token: they end
 * many closed compounds (`plugin`, `standby`, `takeaway`) and names (`Fisher`, `Thomas`).
 */
export const NOT_RIGHT = new Set(['in', 'on', 'by', 'to', 'at', 'as', 'an', 'or', 'if', 'it', 'he', 'her', 'his', 'we', 'she', 'for', 'then', 'there', 'its', 'after', 'where'])

/** Function words that must not be split off the *start*: prefixes of compounds (`infighting`, `bypass`). */
export const NOT_LEFT = new Set(['in', 'on', 'by', 'to', 'at', 'as', 'an', 'or', 'if', 'he', 'her', 'his', 'we', 'she', 'there', 'then', 'after', 'it', 'its', 'with', 'for', 'the', 'that', 'what', 'how', 'since'])

/** Reporting verbs (English and the calques MT uses for them). */
export const REPORTING_VERBS = new Set([
  'says', 'said', 'assures', 'assured', 'explains', 'explained', 'adds', 'added', 'notes', 'noted', 'insists',
  'insisted', 'stresses', 'stressed', 'underlines', 'underlined', 'recalls', 'recalled', 'warns', 'warned',
  'confides', 'confided', 'continues', 'continued', 'judges', 'judged', 'estimates', 'estimated', 'believes',
  'believed', 'argues', 'argued', 'observes', 'observed', 'comments', 'commented', 'tells', 'told', 'declares',
  'declared', 'affirms', 'affirmed', 'indicates', 'indicated', 'specifies', 'specified', 'emphasizes',
  'emphasized', 'emphasises', 'emphasised', 'acknowledges', 'acknowledged', 'admits', 'admitted', 'concludes',
  'concluded', 'asserts', 'asserted', 'claims', 'claimed', 'replies', 'replied', 'retorts', 'retorted',
  'regrets', 'regretted', 'laments', 'lamented', 'denounces', 'denounced', 'analyzes', 'analyses', 'analyzed',
  'analysed', 'summarizes', 'summarized', 'points', 'pointed', 'wrote', 'writes', 'tweeted', 'tweets',
  'asks', 'asked', 'answers', 'answered', 'reports', 'reported', 'states', 'stated', 'maintains', 'maintained',
  'suggests', 'suggested', 'agrees', 'agreed', 'welcomes', 'welcomed', 'deplores', 'deplored', 'slips',
  'slipped', 'breathes', 'breathed', 'sighs', 'sighed', 'smiles', 'smiled', 'launches', 'launched', 'hammers',
  'hammered', 'quips', 'quipped', 'jokes', 'joked', 'explain', 'says'
])

export const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']
export const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']

/** Lowercase nationality/language adjectives MT leaves lowercase (French/Spanish/Italian style). */
export const NATIONALITIES = [
  'american', 'british', 'english', 'french', 'german', 'italian', 'spanish', 'portuguese', 'dutch', 'belgian',
  'swiss', 'austrian', 'polish', 'czech', 'slovak', 'hungarian', 'romanian', 'bulgarian', 'greek', 'turkish',
  'russian', 'ukrainian', 'belarusian', 'lithuanian', 'latvian', 'estonian', 'finnish', 'swedish', 'norwegian',
  'danish', 'icelandic', 'irish', 'scottish', 'welsh', 'european', 'african', 'asian', 'chinese', 'japanese',
  'korean', 'indian', 'pakistani', 'afghan', 'iranian', 'iraqi', 'syrian', 'lebanese', 'israeli', 'palestinian',
  'egyptian', 'libyan', 'tunisian', 'algerian', 'moroccan', 'malian', 'nigerian', 'senegalese', 'ivorian',
  'congolese', 'ethiopian', 'kenyan', 'saudi', 'qatari', 'emirati', 'yemeni', 'jordanian', 'canadian', 'mexican',
  'brazilian', 'argentine', 'argentinian', 'chilean', 'colombian', 'venezuelan', 'peruvian', 'cuban', 'australian',
  'serbian', 'croatian', 'bosnian', 'slovenian', 'albanian', 'macedonian', 'georgian', 'armenian', 'azerbaijani',
  'kazakh', 'uzbek', 'vietnamese', 'thai', 'indonesian', 'filipino', 'malaysian', 'catalan', 'basque',
  'corsican', 'flemish', 'walloon', 'bavarian', 'sicilian', 'parisian', 'londoner', 'berliner', 'kurdish',
  'yazidi', 'sahrawi', 'kosovar', 'montenegrin', 'moldovan', 'cypriot', 'maltese', 'luxembourgish'
]

/** Words after which `her` is an object, not a possessive (`told her that`, `let her in`). */
export const NOT_BEFORE_POSSESSIVE_HER = new Set(['to', 'that', 'the', 'a', 'an', 'and', 'or', 'in', 'on', 'at', 'by', 'with', 'for', 'from', 'as', 'is', 'was', 'be', 'if', 'about', 'into', 'out', 'up', 'down', 'off', 'over', 'back', 'away', 'when', 'so', 'not', 'it', 'this', 'what', 'how', 'why', 'where', 'who', 'again', 'too', 'very', 'there', 'then', 'but'])

/** Words that open a noun phrase (`a senior official`). */
export const NOUN_PHRASE_DETERMINERS = new Set(['a', 'an', 'the', 'this', 'that', 'these', 'those', 'one', 'another', 'his', 'her', 'their', 'its', 'our', 'several', 'two', 'three', 'many', 'some'])
/** Words a noun phrase does not run through. */
export const NOUN_PHRASE_STOPS = new Set(['that', 'which', 'who', 'and', 'or', 'of', 'to', 'in', 'on', 'for', 'with', 'by', 'at', 'from', 'as', 'is', 'was', 'are', 'were', 'be', 'has', 'have', 'had', 'not', 'it', 'he', 'she', 'they', 'we', 'i', 'you'])
/** Words that may follow a person noun phrase's head (`a source close to`, `an official who`). */
export const AFTER_PERSON_HEAD = new Set(['who', 'whose', 'from', 'at', 'with', 'close', 'familiar', 'within', 'quoted', 'cited', 'speaking', 'now', 'based', 'himself', 'herself', 'also', 'again', 'recently', 'today', 'yesterday'])
/** Lower-case particles inside personal names (`Ursula von der Leyen`). */
export const NAME_PARTICLES = new Set(['van', 'von', 'de', 'der', 'den', 'da', 'di', 'del', 'della', 'dos', 'das', 'du', 'la', 'le', 'ten', 'ter', 'bin', 'al', 'el', 'y', 'e'])
/** Nouns that name a news outlet (`the agency`, `the channel`). */
export const MEDIA_NOUNS = new Set(['press', 'newspaper', 'daily', 'agency', 'channel', 'radio', 'station', 'broadcaster', 'magazine', 'weekly', 'site', 'website', 'paper', 'network'])
/** Words that stand for the press as an addressee (`told reporters`, `told us`). */
export const MEDIA_WORDS = new Set(['reporters', 'journalists', 'us', 'me', 'television', 'tv', 'radio'])
/** Words capitalized at a sentence start that are not names (function words, days, months). */
export const CAPITALIZED_FUNCTION_WORDS = new Set(
  ('the a an and but or nor so yet still however also thus therefore then there here this that these those it its they their we our ' +
    'in on at for with by from as of to after before since although though while when whereas if because meanwhile moreover ' +
    'furthermore indeed instead otherwise besides nevertheless nonetheless even only already now today yesterday tomorrow ' +
    'according despite during under over between among such many most some all both each every no not nothing one two three ' +
    'what which where why how whether unlike like until unless once perhaps maybe finally first second last next above below ' +
    'i you monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september ' +
    'october november december').split(' ')
)
