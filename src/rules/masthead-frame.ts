/**
 * Evidence that a literal rendering (`The Cross`, `World`) acts as a publication
 * in its sentence, whatever the frame: the subject or object of a reporting or
 * publishing verb (a verb lexicon, not sentences), after a press noun, in a list
 * of publications, in parentheses after a quotation, `in an interview with X`,
 * `told X`, `X's front page`, `the “X”-Zeitung`. A capitalised `The X` in mid-sentence
 * is weak evidence on its own; `the x` in lower case is none.
 *
 * Standalone: the masthead rule calls `mastheadFrame(text, start, end)` for a hit
 * (start/end of the rendering, article included) and treats a `strong` result as a frame.
 */

/** Verbs a publication is the subject of: it reports, writes, headlines, publishes. */
const SUBJECT_VERBS = [
  'reports', 'reported', 'writes', 'wrote', 'says', 'said', 'reveals', 'revealed', 'describes', 'described', 'headlines',
  'headlined', 'titles', 'titled', 'notes', 'noted', 'publishes', 'published', 'claims', 'claimed', 'quotes', 'quoted',
  'cites', 'cited', 'adds', 'added', 'explains', 'explained', 'recalls', 'recalled', 'points', 'pointed', 'learned', 'learnt',
  'understands', 'understood', 'confirms', 'confirmed', 'announces', 'announced', 'discloses', 'disclosed', 'unveils',
  'unveiled', 'details', 'detailed', 'estimates', 'estimated', 'calculates', 'calculated', 'counts', 'counted', 'asserts',
  'asserted', 'indicates', 'indicated', 'specifies', 'specified', 'polled', 'surveyed', 'interviewed', 'obtained',
  'consulted', 'analyses', 'analyzes', 'analysed', 'analyzed', 'summarises', 'summarizes', 'judges', 'judged', 'warns',
  'warned', 'denounces', 'denounced', 'criticises', 'criticizes', 'criticised', 'criticized', 'asks', 'asked', 'echoes',
  'echoed', 'relays', 'relayed', 'broadcasts', 'broadcast', 'aired', 'airs', 'leads', 'led', 'opens', 'opened'
]
const PRESS_NOUNS = [
  'newspaper', 'newspapers', 'paper', 'daily', 'dailies', 'weekly', 'weeklies', 'monthly', 'magazine', 'news magazine',
  'newsmagazine', 'tabloid', 'broadsheet', 'journal', 'site', 'website', 'news site', 'portal', 'outlet', 'channel',
  'radio', 'radio station', 'station', 'broadcaster', 'network', 'agency', 'news agency', 'publication', 'title'
]

const VERB_AFTER = new RegExp(String.raw`^[^\S\r\n]+(?:(?:has|had|have|also|again|then|now|recently)[^\S\r\n]+){0,2}(?:${SUBJECT_VERBS.join('|')})\b`, 'u')
const POSSESSIVE_AFTER = /^['’]s[^\S\r\n]+(?:front[^\S\r\n]+page|editorial|editorials|columns?|cover|headline|website|pages|edition|newsroom|editor|editors|journalists?|reporters?|correspondents?|investigation|survey|poll|revelations|report|article|interview)\b/u
// `the press noun X` or `the French daily X` just before the rendering.
const PRESS_BEFORE = new RegExp(String.raw`\b(?:the|a|an|its|in|by|to|for|from|of|with|and)[^\S\r\n]+(?:[\p{L}'’-]{1,30}[^\S\r\n]+){0,3}?(?:${PRESS_NOUNS.join('|')})[^\S\r\n]*[,:]?[^\S\r\n]+$`, 'iu')
// `in an interview with X`, `an op-ed in X`, `speaking to X`, `quoted by X`, `told X`.
const INTERVIEW_BEFORE = /\b(?:interview|interviews|conversation|op-?ed|column|editorial|article|piece|remarks|statements?|comments?)[^\S\r\n]+(?:with|to|in|for|published[^\S\r\n]+(?:by|in)|given[^\S\r\n]+to|granted[^\S\r\n]+to)[^\S\r\n]+$/iu
const SPOKE_TO_BEFORE = /\b(?:spoke|speaking|talking|talked|said|declared|confided|explained|told|tells|telling|tell|wrote|writing|writes|quoted|cited|reported|revealed|published|interviewed|contacted|questioned|consulted)(?:[^\S\r\n]+(?:to|by|in|with|for))?[^\S\r\n]+$/iu
const QUOTE_PAREN_BEFORE = /[”"»][^\r\n”"»“(]{0,40}\([^\S\r\n]*$/u
const PAREN_AFTER = /^[^\S\r\n]*\)/u
// `the “Bild”-Zeitung`: the rendering in quotes, joined to a German press noun.
const QUOTED_COMPOUND_AFTER = /^[”"»]-(?:Zeitung|Magazin|Blatt|Sender|Redaktion)\b/u
const LIST_SEPARATOR = /^[^\S\r\n]*(?:,|and|or|&|;)[^\S\r\n]*(?:and[^\S\r\n]+)?$/u

export type FrameKind = 'subject' | 'object' | 'press-noun' | 'interview' | 'quote-paren' | 'possessive' | 'quoted-compound' | 'list' | 'capital-the'

export interface FrameEvidence {
  kind: FrameKind
  /** A frame that makes the reading certain (a safe fix); `capital-the` alone is not. */
  strong: boolean
}

/**
 * How the text around `text[start, end)` shows it acting as a publication, or
 * undefined. `others` are the other renderings found in the text (for lists of
 * publications: `The Cross, World and The Echoes`). Bounded: looks 100 characters
 * back and 80 ahead.
 */
export function mastheadFrame(text: string, start: number, end: number, others: ReadonlyArray<{start: number; end: number}> = []): FrameEvidence | undefined {
  const before = text.slice(Math.max(0, start - 100), start)
  const after = text.slice(end, end + 80)
  if (QUOTED_COMPOUND_AFTER.test(after) && /[“"«]$/u.test(before)) return {kind: 'quoted-compound', strong: true}
  if (QUOTE_PAREN_BEFORE.test(before) && PAREN_AFTER.test(after)) return {kind: 'quote-paren', strong: true}
  if (POSSESSIVE_AFTER.test(after)) return {kind: 'possessive', strong: true}
  if (INTERVIEW_BEFORE.test(before)) return {kind: 'interview', strong: true}
  if (PRESS_BEFORE.test(before)) return {kind: 'press-noun', strong: true}
  if (SPOKE_TO_BEFORE.test(before)) return {kind: 'object', strong: true}
  if (VERB_AFTER.test(after)) return {kind: 'subject', strong: true}
  for (const other of others) {
    if (other.start === start) continue
    const gap = other.start >= end ? text.slice(end, other.start) : other.end <= start ? text.slice(other.end, start) : undefined
    if (gap !== undefined && gap.length <= 8 && LIST_SEPARATOR.test(gap)) return {kind: 'list', strong: true}
  }
  // `… praised The Cross for …`: a capital article in mid-sentence names a title.
  if (text.startsWith('The ', start) && /[\p{Ll},;][^\S\r\n]+$/u.test(before)) return {kind: 'capital-the', strong: false}
  return undefined
}
