/**
 * Who or what a third-person pronoun can refer to: persons (titles, nouns of one
 * gender, role nouns, nouns made from a verb or a field with a person suffix) and
 * things (institutions, countries, cities, the places a text puts something in).
 */
import type {WordSpan} from '../../document.js'
import type {Gender} from '../../lexicon/first-names.js'

/** Titles that give a person's gender, in English and the source languages. */
export const TITLES = new Map<string, Gender>([
  ['Mr', 'm'], ['Mister', 'm'], ['Herr', 'm'], ['Monsieur', 'm'], ['Señor', 'm'], ['Sr', 'm'], ['Signor', 'm'],
  ['Signore', 'm'], ['Sig', 'm'], ['Senhor', 'm'], ['Dom', 'm'], ['Don', 'm'], ['Meneer', 'm'], ['Pan', 'm'], ['Sir', 'm'],
  ['Mrs', 'f'], ['Ms', 'f'], ['Miss', 'f'], ['Madame', 'f'], ['Mme', 'f'], ['Frau', 'f'], ['Señora', 'f'], ['Sra', 'f'],
  ['Signora', 'f'], ['Sig.ra', 'f'], ['Senhora', 'f'], ['Dona', 'f'], ['Doña', 'f'], ['Mevrouw', 'f'], ['Pani', 'f'],
  ['Dame', 'f'], ['Lady', 'f']
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
