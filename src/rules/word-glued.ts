import {getLexicon, type Lexicon} from '../lexicon/index.js'
import {inCode} from '../lexicon/regions.js'
import {paragraphSpans, wordOffsets, type Span, type WordSpan} from '../document.js'
import {GLUE_FUNCTION_WORDS, NOT_LEFT, NOT_RIGHT, REPORTING_VERBS} from '../lexicon/words.js'
import {defineRule, type RuleContext} from '../rule.js'

export interface WordGluedOptions {
  /** Extra tokens never to split (brands, product names), matched exactly. */
  keep: string[]
}

/** Closed-compound brands and names that look like two glued words. */
const KEEP = new Set([
  'iPhone', 'iPad', 'iPod', 'iTunes', 'iCloud', 'eBay', 'eBook', 'YouTube', 'PayPal', 'McDonald', 'JavaScript',
  'TypeScript', 'PowerPoint', 'PlayStation', 'BlackRock', 'BlackBerry', 'SoftBank', 'MasterCard', 'LinkedIn',
  'WhatsApp', 'TikTok', 'FedEx', 'WeChat', 'DeepMind', 'OpenAI', 'SpaceX', 'FaceTime', 'MacBook', 'AirPods',
  'easyJet', 'airBaltic', 'bioMérieux', 'HarperCollins', 'GlaxoSmithKline', 'ExxonMobil', 'GlobalFoundries',
  'TotalEnergies', 'ArcelorMittal', 'AstraZeneca', 'BioNTech', 'StarLink', 'SkyTeam', 'FirstGroup', 'HelloFresh',
  'DoorDash', 'CoinBase', 'BitTorrent', 'GitHub', 'GitLab', 'WordPress', 'SharePoint', 'OneDrive', 'DropBox',
  'PostgreSQL', 'SoundCloud', 'StubHub', 'WeWork', 'AirBnB', 'DaimlerChrysler', 'ThyssenKrupp', 'PepsiCo',
  'NetApp', 'NetJets', 'SeaWorld', 'SmartThings', 'WikiLeaks', 'CrowdStrike', 'BlackWater', 'RedBull', 'UniCredit',
  'TeleCommunication', 'EuroMillions', 'ProSieben', 'EasyJet', 'RyanAir', 'TransCanada', 'FoxConn', 'SunPower',
  'HuffPost', 'BuzzFeed', 'NewsGuard', 'StarBucks', 'PetroChina', 'SinoPharm', 'CanSino', 'EuroNews', 'CoronaVac'
])

/** Words that open sentences: after a lost full stop they follow the previous word glued. */
const SENTENCE_STARTERS = new Set([
  'The', 'This', 'These', 'Those', 'Several', 'Many', 'Some', 'It', 'He', 'She', 'They', 'We', 'In', 'On', 'At',
  'But', 'And', 'However', 'According', 'After', 'Before', 'When', 'While', 'Although', 'Since', 'For', 'With',
  'Its', 'His', 'Her', 'Their', 'Our', 'There', 'Here', 'That', 'What', 'Who', 'Why', 'How', 'Yet', 'Now', 'Then',
  'Also', 'Meanwhile', 'Last', 'Most', 'All', 'Both', 'Each', 'Every', 'Not', 'If', 'From', 'During', 'Despite',
  'Under', 'Among', 'Between', 'Such', 'Another', 'Only', 'Even', 'Still', 'Thus', 'Indeed', 'Instead', 'Already',
  'Moreover', 'Furthermore', 'Nevertheless', 'Nonetheless', 'Until', 'Without', 'Against', 'Because', 'Following',
  'Earlier', 'Later', 'Today', 'Yesterday', 'Tomorrow', 'Asked', 'Speaking', 'Unlike', 'Like', 'Faced'
])

/** Words that end closed compounds (`wellbeing`): never split off as a function word. */
const COMPOUND_END = new Set(['being'])

/** Second halves of hyphenated adjectives (`smoking-related`): the hyphen was lost, not a space. */
const HYPHEN_SECOND = new Set(['related', 'based', 'led', 'owned', 'linked', 'driven', 'induced', 'oriented', 'funded', 'backed', 'affected', 'focused', 'controlled', 'generated', 'sponsored', 'inspired', 'produced', 'powered', 'approved', 'dominated'])

/** Words an article never precedes: `a` glued to one of them is two words. */
const ARTICLE_NEVER_BEFORE = new Set(['that', 'the', 'this', 'these', 'those', 'which', 'who', 'was', 'were', 'has', 'have', 'had', 'will', 'would', 'their', 'its'])

/** Verbs MT moves into a hyphenated surname (`Annegret Kramp said-Karrenbauer`). */
const VERB_INSIDE = new Set([...REPORTING_VERBS, 'had', 'has', 'have', 'was', 'is', 'were', 'will', 'would', 'could', 'can', 'did', 'does', 'must', 'should', 'also', 'then'])
// First name, first half of the surname, a lower-case verb, hyphen, the second half.
// regex-bounded: every part is a bounded run of one class, separated by a literal.
const SURNAME_SPLIT = /(?<![\p{L}\p{M}-])(\p{Lu}\p{Ll}{1,20} \p{Lu}\p{Ll}{1,20}) (\p{Ll}{2,12})-(\p{Lu}\p{Ll}{1,20})(?![\p{L}\p{M}-])/gu
// A capital glued before a sentence opener at the start of a line (a drop cap doubled): `NThe heads`.
const DROP_CAP = /(?<=^|\n)[ \t]*(\p{Lu})(\p{Lu}\p{Ll}{1,12})(?=[ \t,])/gu
// A closing bracket glued to the next word: `[Hernâni Dias]which`.
const AFTER_BRACKET = /([\p{L}\p{M}.][\])])(\p{Ll}{2,12})(?![\p{L}\p{M}])/gu

const CONTEXT_BAD = /[@/\\#_`=<>{}|~^$%]|www\.|\.[a-z]{2,}\b.*\./i

export default defineRule<WordGluedOptions>({
  id: 'word-glued',
  category: 'word-glued',
  readsTree: true,
  description: 'Two words fused by a lost space, comma or quote mark.',
  note:
    'Machine translation and HTML-to-text extraction drop the space (or the comma and closing quote) between two words when they sat on either side of a tag or a line break: `announcedthat`, `Barnierhas`, `corruptionSeveral`, `worryingassures`.',
  defaults: {keep: []},
  check(ctx) {
    const {text} = ctx
    const {starts, ends} = wordOffsets(ctx.tree)
    if (starts.length === 0) return
    boundaryJoins(ctx)
    const keep = new Set(ctx.options.keep)
    let lexicon: Lexicon | undefined
    // Pass 1: words that could be two glued: letters only, 5 to 40 long, unknown to the lexicon.
    // Cheap rejections on char codes first: most words are short, or not letters only.
    const unknown: number[] = []
    const unknownBare: string[] = []
    for (let index = 0; index < starts.length; index++) {
      const start = starts[index]
      const bareEnd = possessiveEnd(text, start, ends[index])
      const length = bareEnd - start
      // Longer tokens are not two words glued (and splitting them is quadratic).
      if (length < 5 || length > 40 || !lettersOnly(text, start, bareEnd)) continue
      const bare = text.slice(start, bareEnd)
      lexicon ??= getLexicon()
      if (lexicon.isWord(bare)) continue
      unknown.push(index)
      unknownBare.push(bare)
    }
    if (unknown.length === 0) return
    const lex = lexicon ?? getLexicon()
    // Word counts of the document (bare forms), for names seen elsewhere.
    let counts: Map<string, number> | undefined
    const countOf = (w: string) => {
      counts ??= countWords(text, starts, ends, unknownBare)
      return counts.get(w) ?? 0
    }
    let paragraphs: Span[] | undefined
    let paragraphIndex = 0
    for (let k = 0; k < unknown.length; k++) {
      const index = unknown[k]
      const bare = unknownBare[k]
      const start = starts[index]
      const end = ends[index]
      if (keep.has(bare) || KEEP.has(bare)) continue
      if (start + bare.length !== end && lex.isWord(text.slice(start, end))) continue
      const word = {start, end}
      if (!contextOk(text, word) || codeLine(text, start) || inCode(text, start)) continue
      // an identifier: `maxRetries: 3`, `setTimeout(`, `useClones =`
      if (/^(?:[:(=]|\s*=)/.test(text.slice(end, end + 2))) continue
      // The same fused form elsewhere in the document: a name or a term, not an accident.
      if (countOf(bare) > 1) continue
      const prevStart = index > 0 ? starts[index - 1] : -1
      const prevEnd = index > 0 ? ends[index - 1] : -1
      const prevValue = index > 0 ? text.slice(prevStart, prevEnd) : ''
      const afterName =
        index > 0 &&
        /^\p{Lu}\p{Ll}+$/u.test(prevValue) &&
        /^[ \u00A0]$/.test(text.slice(prevEnd, start)) &&
        !lex.isLowerWord(prevValue) &&
        !/[.!?:”"]\s*$/.test(text.slice(Math.max(0, prevStart - 3), prevStart))
      const split = findSplit(bare, lex, countOf, afterName)
      if (!split) continue
      paragraphs ??= paragraphSpans(ctx.tree)
      while (paragraphIndex < paragraphs.length - 1 && paragraphs[paragraphIndex].end <= start) paragraphIndex++
      const left = bare.slice(0, split)
      const right = bare.slice(split)
      const quoted = REPORTING_VERBS.has(right) && quoteOpen(text, paragraphs[paragraphIndex], start)
      const joiner = quoted ? ',” ' : ' '
      ctx.report({
        start,
        end: start + bare.length,
        expected: [left + joiner + right],
        fix: 'safe',
        reason: `Unexpected glued words \`${bare}\`, expected \`${left + joiner + right}\``
      })
    }
  }
})

type Ctx = RuleContext<WordGluedOptions>

/** Joins at a word boundary the token scan cannot see: a surname split around a verb, a doubled drop cap, a bracket. */
function boundaryJoins(ctx: Ctx): void {
  const {text} = ctx
  if (text.includes('-')) {
    for (const m of text.matchAll(SURNAME_SPLIT)) {
      if (!VERB_INSIDE.has(m[2]) || inCode(text, m.index)) continue
      const expected = `${m[1]}-${m[3]} ${m[2]}`
      ctx.report({start: m.index, end: m.index + m[0].length, expected: [expected], fix: 'safe', reason: `Unexpected \`${m[0]}\` (a verb inside a hyphenated name), expected \`${expected}\``})
    }
  }
  // The word list loads on the first candidate, not for every text.
  let lex: Lexicon | undefined
  for (const m of text.matchAll(DROP_CAP)) {
    const token = m[1] + m[2]
    if (!SENTENCE_STARTERS.has(m[2]) || KEEP.has(token) || (lex ??= getLexicon()).isWord(token)) continue
    const start = m.index + m[0].length - token.length
    // A suggestion: deleting a letter is not a punctuation edit (fix never eats a letter on its own).
    ctx.report({start, end: start + 1, expected: [''], fix: 'suggestion', reason: `Unexpected \`${token}\`, expected \`${m[2]}\` (a doubled initial)`})
  }
  if (text.includes(']') || text.includes(')')) {
    for (const m of text.matchAll(AFTER_BRACKET)) {
      if (!GLUE_FUNCTION_WORDS.has(m[2])) continue
      const at = m.index + m[1].length - 1
      const open = text.lastIndexOf(m[1][1] === ']' ? '[' : '(', at)
      // `(s)he`, `[a]n`: a short bracket is part of the word.
      if (open < 0 || at - open < 5 || inCode(text, at)) continue
      const expected = `${m[1][1]} ${m[2]}`
      ctx.report({start: at, end: at + 1 + m[2].length, expected: [expected], fix: 'safe', reason: `Unexpected glued words \`${m[1][1]}${m[2]}\`, expected \`${expected}\``})
    }
  }
}

/** End of the word without a possessive `'s` / `’s` (the word is longer than 2). */
function possessiveEnd(text: string, start: number, end: number): number {
  if (end - start <= 2 || text.charCodeAt(end - 1) !== 115 /* s */) return end
  const apostrophe = text.charCodeAt(end - 2)
  return apostrophe === 39 || apostrophe === 0x2019 ? end - 2 : end
}

const LETTERS = /^\p{L}+$/u

/** `text[start, end)` is letters only (`\p{L}+`): ASCII by char code, the rest by regex. */
function lettersOnly(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i)
    if (c >= 128) return LETTERS.test(text.slice(start, end))
    if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90))) return false
  }
  return true
}

/**
 * Bare forms of the words with their counts, for the keys that can be asked for: a
 * token (letters only, unknown to the lexicon: `unknownBare` holds every such word) or
 * the capitalized part of one (three letters or more, not starting with a-z). So the
 * words that start with a-z are not sliced and counted one by one.
 */
function countWords(text: string, starts: number[], ends: number[], unknownBare: string[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i]
    const bareEnd = possessiveEnd(text, start, ends[i])
    if (bareEnd - start < 3) continue
    const c = text.charCodeAt(start)
    if (c < 128 && !(c >= 65 && c <= 90)) continue
    const bare = text.slice(start, bareEnd)
    counts.set(bare, (counts.get(bare) ?? 0) + 1)
  }
  for (const bare of unknownBare) {
    const c = bare.charCodeAt(0)
    if (c >= 97 && c <= 122) counts.set(bare, (counts.get(bare) ?? 0) + 1)
  }
  return counts
}

/** The whitespace-delimited run around the word is prose, not a URL, e-mail, hashtag or code. */
function contextOk(text: string, word: Span): boolean {
  let s = word.start
  while (s > 0 && s > word.start - 200 && !/\s/.test(text[s - 1])) s--
  let e = word.end
  while (e < text.length && e < word.end + 200 && !/\s/.test(text[e])) e++
  const run = text.slice(s, e)
  if (CONTEXT_BAD.test(run)) return false
  // glued to digits or other letters through a symbol the parser split off
  const before = text[word.start - 1] ?? ' '
  const after = text[word.end] ?? ' '
  if (/[\p{N}\-.]/u.test(before) && !/\s/.test(before)) {
    if (before !== '-' || /\p{L}/u.test(text[word.start - 2] ?? '')) return false
  }
  if (/[\p{N}]/u.test(after)) return false
  if (after === '-' && /\p{L}/u.test(text[word.end + 1] ?? '')) return false
  return true
}

/** The line looks like code or markup: braces, `=`, `;`, backticks, calls, or a 4-space indent. */
let lineCache: {text: string; start: number; end: number; code: boolean} | undefined
function codeLine(text: string, at: number): boolean {
  if (lineCache && lineCache.text === text && at >= lineCache.start && at <= lineCache.end) return lineCache.code
  const s = text.lastIndexOf('\n', at) + 1
  let e = text.indexOf('\n', at)
  if (e < 0) e = text.length
  const line = text.slice(s, Math.min(e, s + 5000))
  const code =
    /[{}=<>`\\]|\w\(|^(?: {4}|\t)|^\s*(?:#|\/\/|\/\*)|:\s*$/.test(line) && !/^[^{}=<>`\\(]*[.!?”"]\s*$/.test(line)
  lineCache = {text, start: s, end: e, code}
  return code
}

type CountOf = (w: string) => number

/** The one split point of `token` that is likely, or undefined. */
export function findSplit(token: string, lex: Lexicon, countOf: CountOf = () => 0, afterName = false): number | undefined {
  const candidates: number[] = []
  const lowerStart = token[0] === token[0].toLowerCase()
  const humps: number[] = []
  for (let i = 1; i < token.length; i++) {
    const c = token[i]
    if (c !== c.toLowerCase() && c === c.toUpperCase()) {
      // start of a Capitalized part: upper followed by lower, preceded by any letter
      if (i + 1 < token.length && token[i + 1] === token[i + 1].toLowerCase() && token[i + 1] !== token[i + 1].toUpperCase()) humps.push(i)
    }
  }
  const isLowerRun = (s: string) => s === s.toLowerCase()
  const isCapRun = (s: string) => s[0] !== s[0].toLowerCase() && isLowerRun(s.slice(1))
  const isAcronym = (s: string) => s.length >= 2 && s === s.toUpperCase()
  if (humps.length === 1) {
    // camelCase join: corruptionSeveral, whenIsrael, CommissionPresident, NATOSecretary
    const i = humps[0]
    const left = token.slice(0, i)
    const right = token.slice(i)
    if (!isCapRun(right) || right.length < 3) return undefined
    if (lowerStart && isLowerRun(left)) {
      if (left.length < 2 || !lex.isLowerWord(left)) return undefined
      // A proper noun (`whenIsrael`, `byFrench`) or a word that starts sentences (`corruptionSeveral`,
      // a lost full stop); a common noun is more likely an identifier (`nextTick`, `maxRetries`).
      if (lex.hasExact(right)) return i
      if (lex.isLowerWord(right)) return SENTENCE_STARTERS.has(right) ? i : undefined
      // Right part a name: only after a function word or a long common word.
      return GLUE_FUNCTION_WORDS.has(left) || left.length >= 4 ? i : undefined
    }
    if (isCapRun(left)) {
      // Two capitalized dictionary words: brands are short (PayPal, YouTube, PowerPoint).
      if (left.length >= 6 && right.length >= 6 && lex.isLowerWord(left) && lex.isLowerWord(right)) return i
      return undefined
    }
    if (isAcronym(left)) {
      if (lex.hasExact(left) && lex.isLowerWord(right) && right.length >= 4) return i
      return undefined
    }
    return undefined
  }
  if (humps.length > 0) return undefined
  if (isLowerRun(token)) {
    for (let i = 1; i <= token.length - 2; i++) {
      const left = token.slice(0, i)
      const right = token.slice(i)
      if (i === 1 && left !== 'a') continue
      if (!lex.isLowerWord(left) || !lex.isLowerWord(right)) continue
      // `athat`, `athe`: the article glued to a word that never follows it.
      if (left === 'a' && ARTICLE_NEVER_BEFORE.has(right)) {
        candidates.push(i)
        continue
      }
      if (left.length < 3 && !GLUE_FUNCTION_WORDS.has(left)) continue
      if (right.length < 3 && !GLUE_FUNCTION_WORDS.has(right)) continue
      const fnRight = GLUE_FUNCTION_WORDS.has(right) && !NOT_RIGHT.has(right) && !COMPOUND_END.has(right) && left.length >= 3
      const fnLeft = GLUE_FUNCTION_WORDS.has(left) && !NOT_LEFT.has(left) && right.length >= 4
      const verbRight = REPORTING_VERBS.has(right) && left.length >= 5 && /(ing|ed|ly|ion|ment|ity|ness|al|ive|ous|ful|ble|ent|ant|ic)$/.test(left)
      const inflected =
        left.length >= 5 && right.length >= 5 && /(ing|tion|sion|ment|ness|ity)$/.test(left) && /(ed|es)$/.test(right) && !HYPHEN_SECOND.has(right)
      if (fnRight || fnLeft || verbRight || inflected) candidates.push(i)
    }
    return candidates.length === 1 ? candidates[0] : undefined
  }
  if (isCapRun(token)) {
    // Name + lowercase word: Barnierhas, Merzexpressed (the name must occur on its own elsewhere).
    for (let i = 3; i <= token.length - 2; i++) {
      const left = token.slice(0, i)
      const right = token.slice(i)
      if (!lex.isLowerWord(right)) continue
      // Names end in short function words (`Mattis`, `Thomas`, `Dennis`): two letters are not enough.
      const fn = GLUE_FUNCTION_WORDS.has(right) && !NOT_RIGHT.has(right) && right.length >= 3
      const verb = right.length >= 5 && /(ed|es)$/.test(right)
      if (!fn && !verb && !REPORTING_VERBS.has(right)) continue
      const known = countOf(left) > 0 || countOf(left + 's') > 0
      // A common word glued to a function word only when it opens sentences (`Thereis`, `Thisis`):
      // a name that merely starts with a word (`Mattis`, `Wellington`) is not two words.
      if (known || (SENTENCE_STARTERS.has(left) && fn && left.length >= 4)) candidates.push(i)
    }
    if (candidates.length === 0 && afterName) {
      // `Gleisi Hoffmanncriticized`: a first name, then surname + past-tense or reporting verb.
      // The longest verb wins (`Merz|expressed`, not `Merzex|pressed`).
      for (let i = 3; i <= token.length - 6; i++) {
        const right = token.slice(i)
        if (lex.isLowerWord(right) && (/ed$/.test(right) || REPORTING_VERBS.has(right))) return i
      }
    }
    return candidates.length === 1 ? candidates[0] : undefined
  }
  return undefined
}

/** Positions of “ and ” in the text, found once per text. */
let quoteCache: {text: string; opens: number[]; closes: number[]} | undefined
function lastBefore(list: number[], at: number): number {
  let lo = 0
  let hi = list.length - 1
  let found = -1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (list[mid] < at) {
      found = list[mid]
      lo = mid + 1
    } else hi = mid - 1
  }
  return found
}

/** An opening “ earlier in the paragraph with no closing ” after it. */
function quoteOpen(text: string, paragraph: Span | undefined, at: number): boolean {
  if (!quoteCache || quoteCache.text !== text) {
    const opens: number[] = []
    const closes: number[] = []
    for (let i = text.indexOf('“'); i >= 0; i = text.indexOf('“', i + 1)) opens.push(i)
    for (let i = text.indexOf('”'); i >= 0; i = text.indexOf('”', i + 1)) closes.push(i)
    quoteCache = {text, opens, closes}
  }
  const from = paragraph && paragraph.start <= at ? paragraph.start : Math.max(0, at - 2000)
  const open = lastBefore(quoteCache.opens, at)
  if (open < from) return false
  return lastBefore(quoteCache.closes, at) < open
}

export type {WordSpan}
