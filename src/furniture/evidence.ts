/**
 * Shallow evidence about one paragraph, in the spirit of jusText and
 * boilerpipe but for text without markup: what the paragraph is made of (a
 * date and nothing else, navigation words only, a credit, a price), never
 * which site it came from.
 */
import {FUNCTION_WORDS} from '../lexicon/source-lang.js'
import {SOURCE_LANGS} from '../types.js'
import {bare, endsLikeSentence, type Paragraph} from './paragraphs.js'
import * as V from './vocabulary.js'

export type EvidenceKind =
  | 'date'
  | 'relative-time'
  | 'site-name'
  | 'url'
  | 'tweet'
  | 'hashtags'
  | 'credit'
  | 'byline'
  | 'name'
  | 'initials'
  | 'navigation'
  | 'tag-list'
  | 'ad-slot'
  | 'price-offer'
  | 'meter'
  | 'subscriber'
  | 'support-appeal'
  | 'phrase'
  | 'source-language'
  | 'fragment'
  | 'list-item'
  | 'machine-id'
  | 'link-list'

export interface Evidence {
  kind: EvidenceKind
  /** Strong evidence deletes a paragraph on its own (where its kind allows); weak evidence needs a neighbour. */
  strong: boolean
  /** Paywall evidence (meter, offer, subscription prompt) rather than page furniture. */
  paywall: boolean
  /** How the message names it: `a date`, `the site name`. */
  label: string
}

export interface Features {
  words: number
  chars: number
  sentenceEnd: boolean
  /** Share of word tokens that start with a capital. */
  capShare: number
  /** Share of English stop words among the word tokens. */
  enStop: number
  /** Highest share of one source language's function words. */
  srcStop: number
  /** An English finite verb or auxiliary among the tokens. */
  verb: boolean
  startsLower: boolean
  /** Tokens without punctuation, lower case ('' for pure punctuation). */
  lower: string[]
}

const SRC_STOP = Object.fromEntries(SOURCE_LANGS.map((l) => [l, new Set(FUNCTION_WORDS[l])]))
/** A few very frequent function words per language that FUNCTION_WORDS leaves out (they clash with English elsewhere). */
const SRC_EXTRA: Record<string, string[]> = {fr: ['un', 'le', 'la', 'des', 'du', "d'un", 'lors', 'au'], es: ['el', 'la', 'un', 'en', 'y', 'con'], it: ['il', 'la', 'un', 'di', 'per', 'con'], pt: ['o', 'a', 'um', 'em', 'com', 'do', 'da'], nl: ['de', 'van', 'en', 'op', 'met'], de: ['der', 'die', 'das', 'ein', 'im', 'von'], pl: ['w', 'z', 'na', 'i', 'do'], ca: ['el', 'la', 'un', 'i', 'amb', 'del']}
for (const [lang, words] of Object.entries(SRC_EXTRA)) for (const w of words) SRC_STOP[lang].add(w)

/** The first letter or digit of a token. */
function bareFirst(token: string): string {
  return bare(token)[0] ?? ''
}

export function featuresOf(p: Paragraph): Features {
  const lower = p.tokens.map((t) => {
    const w = bare(t).toLowerCase()
    return w.includes('’') ? w.replace(/’/g, "'") : w
  })
  let wordTokens = 0
  let caps = 0
  let en = 0
  let verb = false
  for (let i = 0; i < lower.length; i++) {
    const w = lower[i]
    if (w === '') continue
    wordTokens++
    const first = w === '' ? '' : bareFirst(p.tokens[i])
    if (first !== first.toLowerCase()) caps++
    if (V.EN_STOPWORDS.has(w)) en++
    if (V.EN_FINITE.has(w)) verb = true
  }
  let src = 0
  // Only short paragraphs can be furniture in the source language (see evidenceOf).
  if (wordTokens >= 3 && wordTokens <= 25) {
    for (const lang of SOURCE_LANGS) {
      let n = 0
      for (const w of lower) if (SRC_STOP[lang].has(w)) n++
      src = Math.max(src, n / wordTokens)
    }
  }
  const firstLetter = bare(p.tokens[0] ?? '')[0] ?? ''
  return {
    words: wordTokens,
    chars: p.text.length,
    sentenceEnd: endsLikeSentence(p.text),
    capShare: wordTokens ? caps / wordTokens : 0,
    enStop: wordTokens ? en / wordTokens : 0,
    srcStop: src,
    verb,
    startsLower: firstLetter !== '' && firstLetter === firstLetter.toLowerCase() && firstLetter !== firstLetter.toUpperCase(),
    lower
  }
}

const ev = (kind: EvidenceKind, strong: boolean, label: string, paywall = false): Evidence => ({kind, strong, paywall, label})

const NUMBER = /^\d{1,4}(?:st|nd|rd|th|er|º|°)?$/
const TIME = /^\d{1,2}[:.h]\d{2}(?:[:.]\d{2})?(?:am|pm)?$/
const ISO = /^\d{4}-\d{2}-\d{2}(?:t\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:z|[+-]\d{2}:?\d{2})?)?$/
const NUMERIC_DATE = /^(?:\d{1,2}[./-]\d{1,2}[./-]\d{4}|\d{4}[./]\d{1,2}[./]\d{1,2})$/
const DOMAIN = /^(?:[\p{L}\p{N}-]{1,40})?\.(?:com|net|org|fr|pl|de|es|it|pt|nl|be|ch|at|cat|eu|info|news|uk|co|us|ca|br|ar|mx|in|ie|lu|ro|gr|cz|hu|se|dk|no|fi|tv|fm|online|media|press)$/iu
const URL = /^(?:https?:\/\/|www\.)\S{3,}$/i
const PRICE = /(?:[€$£]\s?\d{1,4}(?:[.,]\d{1,2})?|\d{1,4}(?:[.,]\d{1,2})?\s?(?:€|\$|£|zł|euros?|eur|usd|chf|dollars?)(?![\p{L}]))/iu
export const BULLETS = new Set(['•', '-', '–', '*', '·', '▪', '■', '◦', '→'])
/** 16 hex digits or more, with digits and letters: an id, not a word or a number. */
const HEX = /^[0-9a-f]{16,64}$/i
const machineId = (token: string): boolean => HEX.test(token) && /[a-f]/i.test(token) && /\d/.test(token)
const PERCENT = /\d{1,3}\s?%/

/** The kind of each token of a date line. */
function dateToken(raw: string, w: string): 'cal' | 'num' | 'iso' | 'time' | 'fill' | 'other' {
  const t = trimEnd(raw.toLowerCase(), ',;')
  if (ISO.test(t) || NUMERIC_DATE.test(t)) return 'iso'
  if (TIME.test(t)) return 'time'
  if (NUMBER.test(t)) return 'num'
  if (V.CALENDAR.has(w) || V.CALENDAR.has(w.replace(/\.$/, ''))) return 'cal'
  if (V.DATE_FILLER.has(t) || V.DATE_FILLER.has(w) || w === '') return 'fill'
  return 'other'
}

/** A date line: calendar words, numbers and times only (after an optional label), or an ISO stamp. */
function dateShape(p: Paragraph, f: Features): {date: boolean; others: number[]} {
  const others: number[] = []
  let cal = 0
  let num = 0
  let iso = 0
  let i = 0
  // `Publication:` / `Posted on` / `Updated:`
  while (i < Math.min(2, p.tokens.length) && V.DATE_LABELS.has(f.lower[i])) i++
  for (; i < p.tokens.length; i++) {
    const kind = dateToken(p.tokens[i], f.lower[i])
    if (kind === 'cal') cal++
    else if (kind === 'num' || kind === 'time') num++
    else if (kind === 'iso') iso++
    else if (kind === 'other') others.push(i)
  }
  return {date: iso > 0 || (cal > 0 && num > 0) || (cal >= 2), others}
}

function relativeTime(lower: string[]): boolean {
  if (lower.length > 4 || lower.length === 0) return false
  let unit = false
  for (const w of lower) {
    if (V.RELATIVE_UNITS.has(w)) unit = true
    else if (!(V.RELATIVE_WORDS.has(w) || NUMBER.test(w))) return false
  }
  return unit && (lower.includes('ago') || lower.includes('last'))
}

/** Every piece of evidence one paragraph carries, by its own shape. */
export function evidenceOf(p: Paragraph, f: Features): Evidence[] {
  const out: Evidence[] = []
  const n = p.tokens.length
  // A block of several lines is left to the phrase finder (line by line).
  if (n === 0 || p.text.includes('\n')) return out
  const lower = f.lower
  const short = f.words <= 12 && f.chars <= 120

  // Dates, times, the site's domain.
  if (n <= 14) {
    const {date, others} = dateShape(p, f)
    const domains = others.filter((i) => DOMAIN.test(p.tokens[i]))
    if (date && others.length === 0) out.push(ev('date', true, 'a date'))
    else if (date && domains.length > 0 && others.length <= domains.length + 1) out.push(ev('date', true, 'a date'), ev('site-name', true, 'the site name'))
    if (!date && n <= 6) {
      const rest = lower.filter((_, i) => !DOMAIN.test(p.tokens[i]))
      if (rest.length < n && (rest.length <= 1 || relativeTime(rest))) out.push(ev('site-name', true, 'the site name'))
      if (relativeTime(lower)) out.push(ev('date', true, 'a relative date'))
    }
  }
  if (n === 1 && URL.test(p.tokens[0])) out.push(ev('url', true, 'a URL'))

  // Social embeds: `- Name (@handle) September 25, 2021`, runs of hashtags.
  if (n <= 20 && !f.sentenceEnd) {
    const handle = p.tokens.some((t) => /^\(?@[\w.]{2,30}\)?$/u.test(t))
    if (handle && p.tokens.some((t, i) => dateToken(t, lower[i]) === 'cal')) out.push(ev('tweet', true, 'a social-media signature'))
    const tags = p.tokens.filter((t) => /^#[\p{L}\p{N}_]{2,}$/u.test(t)).length
    if (tags > 0) out.push(ev('hashtags', tags === n, 'hashtags'))
  }

  // Credits: `© …`, `Photo: AP`, `… – Name / Agency`.
  if (f.words <= 40) {
    const label = lower[0] !== undefined && V.CREDIT_LABELS.has(lower[0]) && (/:$/.test(p.tokens[0]) || p.tokens[1] === ':')
    const copyright = p.text.includes('©') || /^\(c\)$/i.test(p.tokens[0])
    const last = lower[n - 1] ?? ''
    const slash = n >= 3 && (p.tokens[n - 2] === '/' || p.tokens[n - 1].includes('/')) && (V.AGENCIES.has(last) || last.split('/').some((x) => V.AGENCIES.has(x)) || /^[–—-]$/.test(p.tokens[Math.max(0, n - 4)]))
    if (copyright || (label && f.words <= 12) || (slash && !f.sentenceEnd)) out.push(ev('credit', true, 'a photo credit'))
    else if (n <= 3 && f.words > 0 && lower.every((w) => V.AGENCIES.has(w))) out.push(ev('credit', true, 'an agency credit'))
  }

  // Bylines: `By X`, `by admin`, `Posted by X`; name lines; an outlet's initials (`F. A. Z.`).
  if (n <= 8 && !f.sentenceEnd) {
    let i = 0
    if ((lower[0] === 'posted' || lower[0] === 'written' || lower[0] === 'published') && lower[1] === 'by') i = 2
    else if (V.BYLINE_OPENERS.has(lower[0]) && !['posted', 'written', 'published'].includes(lower[0])) i = 1
    if (i > 0 && n > i && nameRun(p.tokens.slice(i), lower.slice(i), true)) out.push(ev('byline', true, 'a byline'))
    else if (n >= 2 && nameRun(p.tokens, lower, false) && f.words >= 2) out.push(ev('name', false, 'a name line'))
  }
  if (n <= 5 && p.tokens.every((t) => /^(?:\p{Lu}\.){1,4}$|^\p{Lu}\.$/u.test(t))) out.push(ev('initials', false, "an outlet's initials"))

  // Navigation: only navigation words (`Read Entire Article`, `View Gallery`, `Scroll To Top`),
  // or an arrow / PREV / NEXT before a teaser.
  if (n <= 6 && !/[.!]$/.test(p.text)) {
    const words = lower.filter((w) => w !== '')
    if (words.length > 0 && words.every((w) => V.NAVIGATION.has(w)) && words.some((w) => V.NAVIGATION_HEADS.has(w))) {
      out.push(ev('navigation', true, 'a navigation link'))
    }
  }
  {
    const head = p.tokens[0]
    const glyph = V.NAVIGATION_GLYPHS.has(head) || V.NAVIGATION_GLYPHS.has(head[0]) && !/[\p{L}]/u.test(head.slice(1, 2))
    const word = /^(?:PREV|NEXT|PREVIOUS|Previous:|Next:|PREV:|NEXT:)$/.test(head)
    const quoted = head.startsWith('»') ? p.text.includes('«') : head.startsWith('«') ? p.text.includes('»') : false
    if ((glyph || word) && !quoted && n >= 2 && f.words <= 25) out.push(ev('navigation', true, 'a navigation teaser'))
  }

  // Tag lists: `Tags: a, b`, `Category: News`, keywords between separators.
  if (n <= 30 && !f.sentenceEnd) {
    const label = V.TAG_LABELS.has(lower[0]) && (/:$/.test(p.tokens[0]) || p.tokens[1] === ':')
    const separators = p.tokens.filter((t) => t === '|' || t === '•' || t === '·' || t === '/').length
    if (label || (separators >= 2 && separated(p.text))) out.push(ev('tag-list', true, 'a tag list'))
  }

  // Ad slots: `Advertisement`, `Story continues below advertisement`, `What's next for this ad?`.
  if (n <= 8 && !/\.$/.test(p.text)) {
    const words = lower.filter((w) => w !== '')
    if (words.some((w) => V.AD_WORDS.has(w)) && words.every((w) => V.AD_WORDS.has(w) || V.AD_FILLER.has(w))) out.push(ev('ad-slot', true, 'an ad slot'))
  }

  // Paywall: a meter, a price offer, a subscription prompt, an appeal for support.
  const text = p.text.toLowerCase()
  if (f.words <= 25) {
    if (PERCENT.test(text) && /\b(?:article|artikel|artículo|articolo|artigo|artykuł\p{L}*|story)\b/u.test(text) && /\b(?:left|remain\p{L}*|rest|read|lire|reste|leer|lesen|leggere|ler)\b/u.test(text)) {
      out.push(ev('meter', true, 'a paywall meter', true))
    }
    const priced = PRICE.test(p.text) && lower.some((w) => V.OFFER_PERIODS.has(w))
    const subscriber = V.SUBSCRIBER_STEMS.some((s) => text.includes(s))
    if (priced && !f.verb && (!f.sentenceEnd || subscriber)) out.push(ev('price-offer', true, 'a subscription offer with a price', true))
    // Strong when it is a label (no verb) or ends on a login call (`… for subscribers only. Login`).
    const login = /(?:log ?in|sign ?in|connect|connexion|anmelden|accede|accedi|entrar|inloggen|zaloguj)\W*$/.test(text)
    if (subscriber && V.OFFER_CUES.some((c) => text.includes(c))) out.push(ev('subscriber', (f.words <= 12 && !f.verb && !p.text.includes(',') && !(f.sentenceEnd && f.words >= 8) && !/[.!?]\s+\p{Lu}/u.test(p.text)) || (login && f.words <= 20), 'a subscription prompt', true))
    if (short && !f.sentenceEnd && lower.some((w) => V.SUPPORT_WORDS.has(w)) && lower.some((w) => V.SUPPORT_OBJECTS.has(w))) out.push(ev('support-appeal', false, 'an appeal for support', true))
  }

  // A scraper's id (a hash) opening the paragraph: `367d9d40bd47f447… - <title>`.
  if (f.words <= 25 && machineId(p.tokens[0])) out.push(ev('machine-id', true, 'a machine id'))

  // Weak shapes that only count beside furniture.
  if (f.words >= 3 && f.words <= 25 && f.srcStop >= 0.2 && f.srcStop > f.enStop) out.push(ev('source-language', false, 'text in the source language'))
  if (f.startsLower && f.words <= 12) out.push(ev('fragment', false, 'a sentence fragment'))
  if (BULLETS.has(p.tokens[0]) && n >= 2 && !f.sentenceEnd && f.words <= 30) out.push(ev('list-item', false, 'a list item without a sentence'))
  return out
}

/** `s` without the characters of `chars` at its end. */
export function trimEnd(s: string, chars: string): string {
  let e = s.length
  while (e > 0 && chars.includes(s[e - 1])) e--
  return s.slice(0, e)
}

/** Names: capitalised tokens, particles, commas between names (`Tobias den Hartog, Jan Hoedeman`). */
function nameRun(tokens: string[], lower: string[], byline: boolean): boolean {
  if (tokens.length === 0 || tokens.length > 7) return false
  let capitals = 0
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i].replace(/,$/, '')
    const w = lower[i]
    if (w === '' && (t === '&' || t === '|' || t === '-' || t === '–')) continue
    if (/^\p{Lu}[\p{Ll}\p{Lu}'’.-]*$/u.test(t) && !V.EN_STOPWORDS.has(w)) capitals++
    else if (V.NAME_PARTICLES.has(w) && i > 0) continue
    else if (byline && V.STAFF_WORDS.has(w)) capitals++
    else return false
  }
  return byline ? capitals >= 1 : capitals >= 2
}

/** Short items between separators: `Politics | Economy | Sport`. */
function separated(text: string): boolean {
  const items = text.split(/[|•·/]/)
  return items.length >= 3 && items.every((item) => {
    const words = item.trim().split(/\s+/).filter(Boolean)
    return words.length >= 1 && words.length <= 4
  })
}
