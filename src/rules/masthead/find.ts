/**
 * Publications whose names machine translation renders literally
 * (rules/masthead/*.yml), and the contexts that make the reading certain.
 */
import {loadRuleData, type DataEntry} from '../../data/load.js'
import {normalizePhrase} from '../../match/syntax.js'
import {buildSet, findNames, nameTerms, namesGroup, type PhraseSet} from '../../match/phrases.js'
import {builtInSet} from '../../data/phrase-sets.js'
import {guessSourceLang, sourceLangOf, STRONG_LANG_EVIDENCE} from '../../lang.js'
import {ENGLISH_PRESS_TITLES, NATIONALITY_LANGS, PRESS_VERBS} from '../../lexicon/source-lang.js'
import type {SourceLang} from '../../types.js'

export interface MastheadEntry extends DataEntry {
  name: string
  literal: string[]
  requireLang?: boolean
  frameOnly?: boolean
}

export interface MastheadDataOptions {
  /** Extra rule files (YAML) to load besides the built-in ones. */
  files?: string[]
  /** Entry ids (publications) to turn off. */
  disable?: string[]
}

/** The masthead data, compiled once per options. */
interface MastheadTable {
  entries: MastheadEntry[]
  /** Every rendering, an article optional before it: group `group` of `names`. */
  names: PhraseSet
  group: number
  /** The renderings, as given to the matcher. */
  cores: string[]
  byKey: Map<string, MastheadEntry[]>
  /** Renderings with two or more content words: flagged even outside a frame (as a warning). */
  distinctive: Set<string>
  /** Renderings also listed without "The": the article is optional for them. */
  bare: Set<string>
}

const cache = new Map<string, MastheadTable>()
const MINOR = new Set(['of', 'de', 'do', 'da', 'dos', 'das', 'del', 'della', 'di', 'the', 'and', '&', 'in', 'on', 'for', 'a'])

function key(core: string): string {
  return normalizePhrase(core)
}

function stripArticle(literal: string): string {
  return literal.replace(/^the\s+/i, '')
}

export function compileMasthead(options: MastheadDataOptions = {}): MastheadTable {
  const files = options.files ?? []
  const disable = options.disable ?? []
  const cacheKey = files.join('\0') + '\u0001' + disable.join('\0')
  let hit = cache.get(cacheKey)
  if (hit) return hit
  const off = new Set(disable)
  const entries = loadRuleData<MastheadEntry>('masthead', files).filter((e) => !off.has(e.id))
  const byKey = new Map<string, MastheadEntry[]>()
  const distinctive = new Set<string>()
  const bare = new Set<string>()
  const cores = new Map<string, string>()
  for (const entry of entries) {
    for (const literal of entry.literal) {
      const core = stripArticle(literal.trim())
      const k = key(core)
      if (core === literal.trim()) bare.add(k)
      const list = byKey.get(k) ?? []
      if (!list.includes(entry)) list.push(entry)
      byKey.set(k, list)
      if (!cores.has(k)) cores.set(k, core)
      const content = core.split(/\s+/).filter((w) => !MINOR.has(w.toLowerCase()))
      if (content.length >= 2 && !entry.frameOnly) distinctive.add(k)
    }
  }
  const renderings = [...cores.values()]
  const specs = [{group: namesGroup(), terms: nameTerms(renderings), caseless: false, syntax: true}]
  // The built-in names' index comes from the build (src/data/phrase-sets.ts).
  const names = files.length === 0 && off.size === 0 ? builtInSet('masthead', ['masthead'], specs) : buildSet(specs)
  hit = {entries, names, group: 0, cores: renderings, byKey, distinctive, bare}
  cache.set(cacheKey, hit)
  return hit
}

const VERBS = PRESS_VERBS.join('|')

const PRE_FRAMES: RegExp[] = [
  // according to (information from | a report in | …) X
  /\baccording\s+to(?:\s+(?:the\s+)?(?:information|revelations|reports?|sources?|data|figures|documents|calculations|estimates|an?\s+(?:article|report|survey|poll|investigation|count|analysis|study|editorial|tally|interview))\s+(?:from|in|by|of|with|published\s+(?:by|in)|obtained\s+by|gathered\s+by|collected\s+by|revealed\s+by|cited\s+by|consulted\s+by|quoted\s+by|seen\s+by))?\s+$/iu,
  // told X
  /\b(?:told|tell|tells|telling)\s+$/iu,
  // said (in an interview) to X
  new RegExp(`\\b(?:${VERBS})(?:\\s+in\\s+an?\\s+interview)?\\s+to\\s+$`, 'iu'),
  // an interview with X, an op-ed in X, the front page of X, journalists at X
  /\b(?:interviews?|conversation|op-?eds?|columns?|editorials?|articles?|reports?|investigation|survey|poll|forum|tribune|piece|story|leak|revelations?|front\s+page|headlines?|editions?|issue|pages|website|site|newsroom|editorial\s+(?:staff|board|team)|editors?|editor-in-chief|director|journalists?|correspondents?|columnists?|reporters?|readers|cartoonists?|podcast|newsletter|letter|blog|subscribers)\s+(?:with|to|in|for|of|at|from|published\s+(?:by|in)|given\s+to|granted\s+to)\s+$/iu,
  // quoted by X, revealed by X
  /\b(?:quoted|cited|reported|revealed|published|interviewed|questioned|contacted|consulted|polled|surveyed|obtained|commissioned|disclosed|unveiled|printed|written|conducted|relayed|picked\s+up)\s+by\s+$/iu,
  // published in X, wrote in X, said in X
  /\b(?:published|printed|appeared|appearing|wrote|writes|writing|written|reported|quoted|cited|said|says|told|explained|explains|declared|declares|stated|states|interviewed|revealed|confided|confides|signed|signs|argued|argues)\s+in\s+$/iu,
  // the (French) daily X, the newspaper X, Spain's daily X
  /\b(?:the|a|an|in|by|to|for|from|at|with|of|and)\s+(?:[\p{L}'’-]+\s+){0,3}?(?:daily|dailies|newspapers?|paper|weekly|weeklies|magazine|news\s?magazine|tabloid|journal|broadsheet|monthly|outlet|publication|news\s+(?:site|website|portal|outlet))\s+$/iu,
  // regex-bounded: tested on the 100 characters before a hit (`before` in findMastheads).
  /\b[\p{L}]+['’]s\s+(?:[\p{L}-]+\s+){0,2}?(?:daily|newspaper|paper|weekly|magazine|tabloid|journal|broadsheet)\s+$/iu
]

/** "(X)" right after a quotation. */
const QUOTE_PAREN = /[”"»][^.!?\r\n”"»“]{0,40}\([^\S\r\n]*$/u
/** "…,” writes X." — an inverted reporting clause. */
const INVERTED = new RegExp(
  `[,”"»][^\\S\\r\\n]*(?:${VERBS}|continues|continued|concludes|concluded|summarizes|summarises|headlines|headlined|titles|titled|analyzes|analyses|judges|believes|observes|observed|points\\s+out|pointed\\s+out)\\s+$`,
  'iu'
)
// regex-bounded: tested on the 80 characters after a hit (`after` in findMastheads).
const AFTER_INVERTED = /^[^\S\r\n]*(?:[.,;:!?)]|$|\r?\n|[^\S\r\n]+(?:on|in|this|last|yesterday|today|citing|quoting|which|in\s+its)\b)/u
const IN_BEFORE = /\b(?:in|on)\s+$/iu
// regex-bounded: tested on the 80 characters after a hit (`after` in findMastheads).
const DAYS = /^[^\S\r\n]*,?[^\S\r\n]+(?:published\s+)?(?:on|last|this|of|dated)[^\S\r\n]+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|weekend)\b/u

const POST_VERB =
  /^[^\S\r\n]+(?:(?:has|had|have)[^\S\r\n]+)?(?:reported|reports|revealed|reveals|wrote|writes|published|publishes|announced|announces|learned|learnt|claimed|claims|indicated|indicates|explained|explains|asserted|asserts|quoted|quotes|cited|cites|obtained|consulted|interviewed|surveyed|polled|counted|estimated|estimates|recalled|recalls|calculated|calculates|headlined|headlines|titled|titles|specified|specifies|detailed|details|disclosed|discloses|unveiled|unveils|confirmed|confirms|said|says|noted\s+that|notes\s+that|understands|understood|according)\b/u
const POST_NOUN =
  /^[^\S\r\n]+(?:newspaper|newspapers|daily|weekly|magazine|tabloid|journalists?|reporters?|correspondents?|editors?|editor-in-chief|editorialist|columnists?|front\s+page|website)\b/u
const POSSESSIVE =
  /^['’]s[^\S\r\n]+(?:website|front\s+page|editorial|editors?|editor-in-chief|journalists?|reporters?|correspondents?|columnists?|survey|poll|investigation|revelations|report|article|interview|edition|readers|newsroom|headline|cover|columns)\b/u

/** Words that may precede a publication name with a capital (sentence start, frames). */
const FRAME_WORDS = new Set(
  'according to in by with from for at of told says said writes wrote and but as on while when where whom whose that which also reports reported explains explained adds added notes noted quoted cited interviewed daily newspaper weekly magazine paper tabloid journal'.split(
    ' '
  )
)

/** Renderings that, followed by these words, name an English publication. */
const ENGLISH_TITLE = /^(?:time\u0001[^\S\r\n]+magazine|mail\u0001[^\S\r\n]+on[^\S\r\n]+Sunday|telegram\u0001[^\S\r\n]+(?:channel|app|account|group|messaging|messenger))\b/u
const SENTENCE_START_UNSAFE = new Set(['now', 'tomorrow', 'public', 'politics', 'fact', 'reform', 'loyalty', 'expansion', 'image', 'point', 'star', 'express', 'courier', 'observer', 'mirror'])
const NEXT_CAPITAL = /^[^\S\r\n]+(?:[\p{Lu}\d]|&)/u
const NEXT_OF =
  /^[^\S\r\n]+(?:of|de|del|della|di|do|da|des|du|for|and)[^\S\r\n]+(?!(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)[\p{Lu}\d]/u

/** Languages named by a nationality adjective in the frame just before a hit ("the German daily"). */
function nationalityLangs(before: string): Set<string> | undefined {
  let tail = before.slice(-45)
  // The frame's own sentence: "in Berlin. According to The Mirror" names no paper's country.
  const stop = Math.max(tail.lastIndexOf('. '), tail.lastIndexOf('! '), tail.lastIndexOf('? '), tail.lastIndexOf('\n'))
  if (stop >= 0) tail = tail.slice(stop + 1)
  const words = tail.match(/[\p{L}-]+/gu) ?? []
  for (let i = words.length - 1; i >= Math.max(0, words.length - 4); i--) {
    const langs = NATIONALITY_LANGS.get(words[i])
    if (langs) return new Set(langs)
  }
  return undefined
}

/** The canonical name right before the hit, as in "Valeurs actuelles (Current Values)" or "Le Monde, or World". */
function glossed(before: string, name: string): boolean {
  const tail = before.slice(-(name.length + 6)).replace(/[’]/g, "'")
  const index = tail.toLowerCase().lastIndexOf(name.replace(/[’]/g, "'").toLowerCase())
  // regex-bounded: `tail` is the name's length plus 6 characters.
  return index >= 0 && /^[^\S\r\n]*[(,–—-]?[^\S\r\n]*(?:["“'‘]|the[^\S\r\n]+|or[^\S\r\n]+)?$/iu.test(tail.slice(index + name.length))
}
const WORD_CHAR = /[\p{L}\p{M}\p{N}'’.-]/u

/** The word right before `before`'s trailing horizontal white space (a backwards scan, no regex). */
function previousWord(before: string): string | undefined {
  let end = before.length
  while (end > 0 && (before[end - 1] === ' ' || before[end - 1] === '\t' || before[end - 1] === '\u00a0')) end--
  if (end === before.length) return undefined
  let start = end
  while (start > 0 && WORD_CHAR.test(before[start - 1])) start--
  return start < end ? before.slice(start, end) : undefined
}
const SENTENCE_START = /(?:^|[.!?:]["”»’)]*[^\S\r\n]+|\n[^\S\r\n]*|["“«‘(—–-][^\S\r\n]*)$/u

export interface MastheadHit {
  start: number
  end: number
  names: string[]
  candidates: MastheadEntry[]
  /** In an attribution frame: the reading is certain (a safe fix when one name is left). */
  framed: boolean
  literal: string
}

/** Literal renderings of publication names in `text`. */
export function findMastheads(text: string, options: MastheadDataOptions & {sourceLang?: SourceLang} = {}): MastheadHit[] {
  const compiled = compileMasthead(options)
  const hits: MastheadHit[] = []
  let lang: SourceLang | undefined | null = null
  const language = () => (lang === null ? (lang = sourceLangOf(text, options.sourceLang)) : lang)
  for (const match of findNames(compiled.names, compiled.group, text)) {
    const start = match.index
    const end = start + match.text.length
    const article = match.article
    const core = match.name
    const coreStart = start + article.length
    const k = key(core)
    const entries = compiled.byKey.get(k)
    if (!entries) continue
    // "The Cross" is La Croix; "Cross" alone is not.
    if (article === '' && !compiled.bare.has(k)) continue
    const before = text.slice(Math.max(0, start - 100), start)
    const after = text.slice(end, end + 80)
    // Never inside a longer name: World Bank, World War II, Czech Republic, Republic of Ireland.
    if (NEXT_CAPITAL.test(after) || NEXT_OF.test(after)) continue
    const previous = previousWord(before)
    if (previous && /^\p{Lu}/u.test(previous) && !FRAME_WORDS.has(previous.toLowerCase().replace(/[.]$/, ''))) continue
    // An English title in its own right: "the Time magazine".
    if (ENGLISH_TITLE.test(k + '\u0001' + after.slice(0, 20))) continue
    // All capitals (PICTURE, WORLD): a heading or a shout, not a rendering to trust.
    if (core === core.toUpperCase() && /\p{Lu}{2}/u.test(core)) continue
    const sentenceInitial = article === '' && SENTENCE_START.test(before)
    // A capital at the start of a sentence says nothing: a word that is also an
    // adverb or an everyday noun there ("Now reported cases…") is not trusted.
    const single = SENTENCE_START_UNSAFE.has(k)
    let framed = PRE_FRAMES.some((r) => r.test(before))
    if (!framed && QUOTE_PAREN.test(before) && /^[^\S\r\n]*\)/u.test(after)) framed = true
    if (!framed && INVERTED.test(before) && AFTER_INVERTED.test(after)) framed = true
    if (!framed && IN_BEFORE.test(before) && DAYS.test(after)) framed = true
    if (!framed && POSSESSIVE.test(after)) framed = true
    if (!framed && !(sentenceInitial && single) && (POST_VERB.test(after) || POST_NOUN.test(after))) framed = true
    if (!framed && !compiled.distinctive.has(k)) continue
    // A gloss after the name itself: "Valeurs actuelles (Current Values)".
    if (entries.some((e) => glossed(before, e.name))) continue
    // "the German daily The Time": the frame names the country.
    const told = framed ? nationalityLangs(before) : undefined
    let candidates = told ? entries.filter((e) => told.has(e.lang)) : []
    if (candidates.length === 0) {
      // A rendering that is also an English title ("The Express") needs strong evidence of its language.
      const english = ENGLISH_PRESS_TITLES.has(k)
      const strong = (lang: string) => language() === lang && (guessSourceLang(text).scores as Record<string, number>)[lang] >= STRONG_LANG_EVIDENCE
      candidates = entries.filter((e) => (english ? options.sourceLang === e.lang || strong(e.lang) : !e.requireLang || language() === e.lang))
    }
    if (candidates.length === 0) continue
    if (new Set(candidates.map((c) => c.name)).size > 1) {
      const chosen = language()
      const preferred = chosen ? candidates.filter((c) => c.lang === chosen) : []
      if (preferred.length > 0) candidates = preferred
    }
    if (candidates.length > 1) {
      // Most likely first, by the text's own evidence.
      const scores = guessSourceLang(text).scores as Record<string, number>
      candidates = [...candidates].sort((a, b) => (scores[b.lang] ?? 0) - (scores[a.lang] ?? 0))
    }
    const names = [...new Set(candidates.map((c) => c.name))]
    hits.push({start, end, names, candidates, framed, literal: text.slice(coreStart, end)})
  }
  return hits
}

const OWN_ARTICLE = /^(?:(?:le|la|les|der|die|das|el|il|lo|o|a|os|as|de|het|i|gli|the|'t)\s+|l['’])[\p{L}\p{N}]/iu

/** The replacement of the matched text (article included) by a canonical name. */
export function renderName(name: string, matched: string, curly: boolean): string {
  const article = /^the[^\S\r\n]+/i.exec(matched)?.[0] ?? ''
  const shaped = curly ? name.replace(/'/g, '’') : name
  return OWN_ARTICLE.test(name) ? shaped : article + shaped
}
