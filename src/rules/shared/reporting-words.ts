/**
 * Small word lists shared by the quote rules: reporting verbs (the verb of a
 * reporting clause such as `, he said` / `, explains X`) and subject pronouns.
 */

const VERBS = [
  'say', 'said', 'tell', 'told', 'add', 'added', 'explain', 'explained', 'note', 'noted', 'assure', 'assured',
  'specify', 'specified', 'sigh', 'sighed', 'confide', 'confided', 'recall', 'recalled', 'insist', 'insisted',
  'stress', 'stressed', 'underline', 'underlined', 'warn', 'warned', 'indicate', 'indicated', 'declare', 'declared',
  'continue', 'continued', 'advance', 'advanced', 'affirm', 'affirmed', 'assert', 'asserted', 'argue', 'argued',
  'state', 'stated', 'reply', 'replied', 'answer', 'answered', 'estimate', 'estimated', 'judge', 'judged',
  'launch', 'launched', 'hammer', 'hammered', 'announce', 'announced', 'exclaim', 'exclaimed', 'proclaim',
  'proclaimed', 'write', 'wrote', 'comment', 'commented', 'observe', 'observed', 'admit', 'admitted',
  'acknowledge', 'acknowledged', 'conclude', 'concluded', 'lament', 'lamented', 'regret', 'regretted',
  'emphasize', 'emphasized', 'emphasise', 'emphasised', 'point', 'pointed', 'sum', 'summed', 'tweet', 'tweeted',
  'ask', 'asked', 'repeat', 'repeated', 'claim', 'claimed', 'denounce', 'denounced', 'deplore', 'deplored',
  'according', 'remark', 'remarked', 'murmur', 'murmured', 'whisper', 'whispered', 'shout', 'shouted',
  'protest', 'protested', 'retort', 'retorted', 'reassure', 'reassured', 'promise', 'promised', 'predict',
  'predicted', 'suggest', 'suggested', 'specifies', 'concede', 'conceded', 'acknowledges', 'observes', 'ensure',
  'ensured', 'maintain', 'maintained', 'summarize', 'summarized', 'summarise', 'summarised', 'relate', 'related',
  'testify', 'testified', 'confirm', 'confirmed', 'deny', 'denied', 'rejoice', 'rejoiced', 'complain',
  'complained', 'analyze', 'analyzed', 'analyse', 'analysed', 'consider', 'considered', 'believe', 'believed',
  'think', 'thought', 'judges', 'slip', 'slipped', 'quip', 'quipped', 'joke', 'joked', 'cry', 'cried', 'laugh',
  'laughed', 'smile', 'smiled', 'welcome', 'welcomed', 'greet', 'greeted', 'regrets', 'notice', 'noticed',
  'report', 'reported', 'reveal', 'revealed', 'detail', 'detailed', 'clarify', 'clarified', 'recognize',
  'recognized', 'recognise', 'recognised', 'hope', 'hoped', 'fear', 'feared', 'worry', 'worried', 'plead',
  'pleaded', 'urge', 'urged', 'tempers', 'tempered', 'nuance', 'nuanced', 'points', 'posted', 'posts',
  'writes', 'says', 'tells', 'adds', 'explains', 'notes', 'assures', 'sighs', 'confides', 'recalls', 'insists',
  'stresses', 'underlines', 'warns', 'indicates', 'declares', 'continues', 'advances', 'affirms', 'asserts',
  'argues', 'states', 'replies', 'answers', 'estimates', 'launches', 'hammers', 'announces', 'exclaims',
  'proclaims', 'comments', 'admits', 'concludes', 'laments', 'emphasizes', 'emphasises', 'sums', 'tweets',
  'asks', 'repeats', 'claims', 'denounces', 'deplores', 'remarks', 'murmurs', 'whispers', 'shouts', 'protests',
  'retorts', 'reassures', 'promises', 'predicts', 'suggests', 'concedes', 'ensures', 'maintains', 'summarizes',
  'summarises', 'relates', 'testifies', 'confirms', 'denies', 'rejoices', 'complains', 'analyzes', 'analyses',
  'considers', 'believes', 'thinks', 'quips', 'jokes', 'cries', 'laughs', 'smiles', 'welcomes', 'notices',
  'reports', 'reveals', 'details', 'clarifies', 'recognizes', 'recognises', 'hopes', 'fears', 'worries',
  'pleads', 'urges', 'nuances'
]

/**
 * More reporting verbs, by base form: each is added with its `-s` and `-ed` forms (`mock`, `mocks`,
 * `mocked`), so one entry covers a verb in every tense a translation picks.
 */
const BASES = [
  'mock', 'scoff', 'tease', 'reason', 'recount', 'insist', 'elaborate', 'contend', 'counter', 'object',
  'interject', 'interrupt', 'thunder', 'storm', 'rage', 'fume', 'snap', 'snort', 'grumble', 'mutter',
  'mumble', 'stammer', 'exult', 'enthuse', 'gush', 'rejoin', 'caution', 'demand', 'beg', 'implore', 'vow',
  'pledge', 'swear', 'boast', 'brag', 'muse', 'wonder', 'query', 'question', 'inquire', 'enquire',
  'specify', 'precise', 'recall', 'relativize', 'relativise', 'qualify', 'correct', 'clarify', 'insinuate',
  'hint', 'remind', 'inform', 'announce', 'signal', 'stress', 'highlight', 'reiterate', 'persist', 'add',
  'summarize', 'launch', 'slam', 'blast', 'attack', 'criticize', 'criticise', 'accuse', 'condemn', 'defend',
  'justify', 'explain', 'continue', 'conclude', 'close', 'finish', 'begin', 'start', 'open', 'release',
  'post', 'tweet', 'write', 'declare', 'affirm', 'assure', 'guarantee', 'certify', 'insist', 'emphasize'
]
const FORMS: string[] = []
for (const base of BASES) {
  const stem = base.endsWith('e') ? base.slice(0, -1) : base
  const y = base.endsWith('y') && !/[aeiou]y$/.test(base)
  FORMS.push(base, y ? base.slice(0, -1) + 'ies' : /(?:s|sh|ch|x|z)$/.test(base) ? base + 'es' : base + 's')
  FORMS.push(y ? base.slice(0, -1) + 'ied' : stem + 'ed')
}

export const REPORTING_VERBS: ReadonlySet<string> = new Set([...VERBS, ...FORMS, 'began', 'begun', 'swore', 'sworn', 'wrote', 'written', 'snapped'])

export const PRONOUNS: ReadonlySet<string> = new Set(['he', 'she', 'they', 'we', 'i', 'it', 'you', 'one'])

/** Words that may stand between a name and its reporting verb: `Kremlin spokesman Dmitry Peskov told`. */
const MAX_SUBJECT_WORDS = 6

const WORD = /[\p{L}\p{M}’'.-]+/uy

/**
 * Does a reporting clause start at `from` (after optional spaces)? True for
 * `notes this source`, `he recalls`, `Kremlin spokesman Dmitry Peskov told`,
 * `adds the minister`, `according to`; false for `in addition`, `that`.
 */
export function reportingClauseAt(text: string, from: number): boolean {
  let i = from
  const words: string[] = []
  let skipped = false
  while (words.length <= MAX_SUBJECT_WORDS + 1) {
    while (i < text.length && (text[i] === ' ' || text[i] === '\u00A0')) i++
    WORD.lastIndex = i
    const m = WORD.exec(text)
    if (!m) break
    let w = m[0]
    i += w.length
    const trailingDot = w.endsWith('.')
    w = trimDots(w)
    if (w) words.push(w)
    // A sentence end (not an abbreviation such as `Mr.`) stops the clause.
    if (trailingDot && !/^(?:[A-Z][a-z]{0,2}|[A-Z](?:\.[A-Z])*)$/.test(w)) break
    let next = text[i]
    // `Yannick Mansord, a duck breeder in Guerin, told`: an apposition after the name is skipped.
    if (next === ',' && !skipped && words.length > 0 && words.every((w) => /^\p{Lu}/u.test(w))) {
      const close = appositionEnd(text, i + 1)
      if (close > 0) {
        skipped = true
        i = close
        next = text[i]
      }
    }
    if (next !== ' ' && next !== '\u00A0') break
  }
  if (words.length === 0) return false
  const first = words[0]
  const lower = first.toLowerCase()
  if (REPORTING_VERBS.has(lower)) return true
  if (PRONOUNS.has(lower) && words.length > 1 && REPORTING_VERBS.has(words[1].toLowerCase())) return true
  // A capitalised subject (name, title) followed by a reporting verb.
  if (/^\p{Lu}/u.test(first)) {
    for (let k = 1; k < words.length && k <= MAX_SUBJECT_WORDS; k++) {
      const w = words[k].toLowerCase()
      if (REPORTING_VERBS.has(w) && w !== 'according') return true
    }
  }
  // `the minister said`, `this source notes`, `a spokesman told`.
  if (/^(?:the|this|that|a|an|his|her|their|our|its)$/.test(lower)) {
    for (let k = 1; k < words.length && k <= 4; k++) {
      if (REPORTING_VERBS.has(words[k].toLowerCase()) && words[k] !== 'according') return true
    }
  }
  return false
}

/** After `, ` a short apposition (`a duck breeder in Guerin`) closed by a comma: the offset after that comma, or -1. */
function appositionEnd(text: string, from: number): number {
  const limit = Math.min(text.length, from + 80)
  for (let j = from; j < limit; j++) {
    const c = text[j]
    if (c === ',') return j + 1
    if (c === '.' || c === ';' || c === ':' || c === '\n' || c === '"' || c === '“' || c === '”') return -1
  }
  return -1
}

/** Is the first word at `from` a reporting verb written with a capital (`Launches`)? Returns its offset or -1. */
export function capitalisedVerbAt(text: string, from: number): number {
  WORD.lastIndex = from
  const m = WORD.exec(text)
  if (!m) return -1
  const w = trimDots(m[0])
  if (/^\p{Lu}\p{Ll}/u.test(w) && REPORTING_VERBS.has(w.toLowerCase()) && w.toLowerCase() !== 'according') return from
  return -1
}

/** `w` without trailing periods (a loop: `/\.+$/` backtracks quadratically on long runs of dots). */
function trimDots(w: string): string {
  let end = w.length
  while (end > 0 && w.charCodeAt(end - 1) === 46) end--
  return w.slice(0, end)
}

/**
 * Does a reporting clause that starts with its verb (`says the MP`, `added Kowalski`) or with a pronoun
 * and its verb (`she said`) start at `from`? Lower case only: `Says` at a sentence start is not a clause.
 */
export function reportingVerbFirst(text: string, from: number): boolean {
  WORD.lastIndex = from
  const m = WORD.exec(text)
  if (!m) return false
  const first = trimDots(m[0])
  if (!/^\p{Ll}/u.test(first) || first === 'according') return false
  if (REPORTING_VERBS.has(first)) return true
  if (!PRONOUNS.has(first) || text[from + m[0].length] !== ' ') return false
  WORD.lastIndex = from + m[0].length + 1
  const second = WORD.exec(text)
  return second !== null && REPORTING_VERBS.has(trimDots(second[0]))
}
