/**
 * English nouns for a person: of one gender (`spokeswoman`), of either (`the minister`), and the
 * mechanism for the rest (person suffixes, agent nouns the dictionary shows by their `-ing` form).
 * The pronoun rule binds pronouns to them; calque finds its inverted person subjects with them.
 */
import type {Gender} from './first-names.js'
import type {Lexicon} from './index.js'

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

