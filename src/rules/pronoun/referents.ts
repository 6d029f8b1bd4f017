/**
 * Who or what a third-person pronoun can refer to: persons (titles, nouns of one
 * gender, role nouns, nouns made from a verb or a field with a person suffix) and
 * things (institutions, countries, cities, the places a text puts something in).
 */
import type {WordSpan} from '../../document.js'
import type {Gender} from '../../lexicon/first-names.js'
import type {Lexicon} from '../../lexicon/index.js'

/** Titles that give a person's gender, in English and the source languages. */
export const TITLES = new Map<string, Gender>([
  ['Mr', 'm'], ['Mister', 'm'], ['Herr', 'm'], ['Monsieur', 'm'], ['Señor', 'm'], ['Sr', 'm'], ['Signor', 'm'],
  ['Signore', 'm'], ['Sig', 'm'], ['Senhor', 'm'], ['Dom', 'm'], ['Don', 'm'], ['Meneer', 'm'], ['Pan', 'm'], ['Sir', 'm'],
  ['Mrs', 'f'], ['Ms', 'f'], ['Miss', 'f'], ['Madame', 'f'], ['Mme', 'f'], ['Frau', 'f'], ['Señora', 'f'], ['Sra', 'f'],
  ['Signora', 'f'], ['Sig.ra', 'f'], ['Senhora', 'f'], ['Dona', 'f'], ['Doña', 'f'], ['Mevrouw', 'f'], ['Pani', 'f'],
  ['Dame', 'f'], ['Lady', 'f']
])

/** Common nouns for a person of one gender: a second possible referent. */
export const GENDERED_NOUNS = new Map<string, Gender>([
  ...['man', 'boy', 'husband', 'son', 'father', 'brother', 'uncle', 'nephew', 'grandfather', 'grandson', 'king', 'prince',
    'emperor', 'duke', 'businessman', 'spokesman', 'chairman', 'congressman', 'actor', 'widower', 'boyfriend', 'monk',
    'priest', 'pope', 'sultan', 'lord', 'gentleman', 'sir', 'dad', 'groom', 'fiancé', 'stepfather', 'policeman'].map((w) => [w, 'm'] as [string, Gender]),
  ...['woman', 'girl', 'wife', 'daughter', 'mother', 'sister', 'aunt', 'niece', 'grandmother', 'granddaughter', 'queen',
    'princess', 'empress', 'duchess', 'businesswoman', 'spokeswoman', 'chairwoman', 'congresswoman', 'actress', 'widow',
    'girlfriend', 'nun', 'lady', 'madam', 'mum', 'mom', 'bride', 'fiancée', 'stepmother', 'policewoman'].map((w) => [w, 'f'] as [string, Gender])
])

/**
 * Nouns for a person of either gender (`the minister`): a referent whose gender the text does not say,
 * so a pronoun after one is never judged.
 */
export const ROLE_NOUNS = new Set([
  'president', 'minister', 'leader', 'chancellor', 'premier', 'secretary', 'deputy', 'senator', 'mayor', 'governor',
  'judge', 'lawyer', 'prosecutor', 'attorney', 'coach', 'player', 'manager', 'director', 'chief', 'head', 'official',
  'spokesperson', 'candidate', 'author', 'writer', 'journalist', 'reporter', 'editor', 'founder', 'owner', 'boss',
  'colleague', 'friend', 'partner', 'rival', 'opponent', 'predecessor', 'successor', 'counterpart', 'ally', 'adviser',
  'advisor', 'aide', 'envoy', 'ambassador', 'diplomat', 'commissioner', 'chair', 'mp', 'mep', 'member', 'activist',
  'doctor', 'nurse', 'teacher', 'student', 'witness', 'victim', 'suspect', 'defendant', 'accused', 'police',
  'officer', 'soldier', 'general', 'captain', 'driver', 'artist', 'singer', 'director', 'producer', 'star',
  'child', 'baby', 'person', 'someone', 'anyone', 'everyone', 'nobody', 'who', 'whom', 'parent', 'cousin', 'neighbour',
  'neighbor', 'resident', 'citizen', 'voter', 'worker', 'employee', 'expert', 'analyst', 'researcher', 'scientist',
  'economist', 'historian', 'professor', 'source', 'interlocutor', 'interviewer', 'host', 'guest', 'athlete', 'champion',
  'winner', 'loser', 'striker', 'goalkeeper', 'defender', 'midfielder', 'referee', 'rider', 'chef', 'patient'
])

/** Role nouns that name no one in particular. */
export const QUANTIFIERS = new Set(['someone', 'anyone', 'everyone', 'nobody', 'who', 'whom'])

/** Pronouns and words that stand for a person. */
export const PERSON_WORDS = new Set([
  'he', 'him', 'himself', 'his', 'she', 'her', 'hers', 'herself', 'who', 'whom', 'whoever', 'people', 'police',
  // `every graduate … his talents`: a generic person
  'every', 'each', 'everybody', 'somebody', 'anybody', 'nobody', 'one'
])

/**
 * A lower-case noun (or its plural) for a person: a role or gendered noun, one with a person suffix
 * (`-ist`, `-ian`, `-man`, `-eur`), or an agent noun: `-er`/`-or` after a verb, which the dictionary
 * shows by its `-ing` form, that is no adjective's comparative (`leader`, `investor`, `campaigner`;
 * not `number`, whose `numbest` says `numb` is an adjective). Errs towards “person”: a person in
 * reach only keeps a pronoun from being reported.
 */
export function isPersonNoun(lower: string, lexicon: Lexicon): boolean {
  const singular = lower.length > 3 && lower.endsWith('s') && !lower.endsWith('ss') ? lower.slice(0, -1) : lower
  if (ROLE_NOUNS.has(singular) || GENDERED_NOUNS.has(singular) || ROLE_NOUNS.has(lower) || GENDERED_NOUNS.has(lower)) return true
  if (lower.endsWith('men') || lower.endsWith('people')) return true
  if (/(?:ist|ian|man|eur|euse)$/.test(singular) && singular.length > 5) return true
  const m = /^(.{3,})(?:er|or)$/.exec(singular)
  if (!m || NOT_AGENT.has(singular)) return false
  const stem = m[1]
  return lexicon.isLowerWord(stem + 'ing') && !lexicon.isLowerWord(stem + 'est')
}

/** Adjectives, adverbs and prepositions in `-er` whose verb-like stem (`form`, `bet`) would make them agents. */
const NOT_AGENT = new Set([
  'former', 'latter', 'upper', 'inner', 'outer', 'other', 'under', 'over', 'after', 'either', 'neither', 'whether',
  'rather', 'together', 'further', 'proper', 'better', 'bitter', 'tender', 'never', 'ever', 'sheer', 'super', 'later'
])

/**
 * Nouns for a body, a group or a work, which English calls `it`: the head of `the party`, `the
 * Commission`, `this company`.
 */
export const INSTITUTIONS = new Set([
  'government', 'party', 'company', 'firm', 'group', 'commission', 'council', 'committee', 'ministry', 'department',
  'parliament', 'assembly', 'senate', 'chamber', 'congress', 'court', 'tribunal', 'union', 'federation', 'association',
  'organization', 'organisation', 'agency', 'administration', 'executive', 'cabinet', 'coalition', 'alliance', 'movement',
  'country', 'nation', 'state', 'republic', 'kingdom', 'city', 'town', 'village', 'region', 'province', 'municipality',
  'club', 'team', 'league', 'bank', 'fund', 'army', 'navy', 'institute', 'institution', 'university', 'school',
  'hospital', 'church', 'board', 'authority', 'network', 'channel', 'newspaper', 'magazine', 'platform', 'brand',
  'carmaker', 'airline', 'operator', 'regime', 'kremlin', 'junta', 'bloc', 'opposition', 'majority', 'corporation', 'conglomerate', 'giant', 'multinational', 'startup', 'start-up', 'business', 'industry', 'sector',
  'film', 'book', 'law', 'bill', 'reform', 'project', 'plan', 'programme', 'program', 'treaty', 'report', 'study'
])

/** Words before a noun that make it a definite thing: `the party`, `this company`. */
export const DETERMINERS = new Set(['the', 'this', 'that', 'its', 'our', 'their', 'whose'])

/** Prepositions after which a name is a place: `in Lyon`, `across Catalonia`. */
const PLACE_PREPOSITIONS = new Set(['in', 'across', 'throughout', 'inside', 'outside', 'near'])

/**
 * The capitalized words a text puts something in (`in Lyon`, `across Catalonia`), not followed by
 * `'s` (`in Smith's view`): places by the text's own evidence.
 */
export function placesOf(words: WordSpan[], text: string): Set<string> {
  const places = new Set<string>()
  for (let k = 1; k < words.length; k++) {
    const v = words[k].value
    const c = v.charCodeAt(0)
    if (!(c >= 65 && c <= 90) && !(c > 127 && /^\p{Lu}/u.test(v))) continue
    if (!PLACE_PREPOSITIONS.has(words[k - 1].value) || text.slice(words[k - 1].end, words[k].start) !== ' ') continue
    if (/^['’]/.test(text.slice(words[k].end, words[k].end + 1))) continue
    places.add(v)
  }
  return places
}
