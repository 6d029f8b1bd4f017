/**
 * Page-furniture classifier for plain text, after jusText (Pomikálek 2011)
 * and boilerpipe (Kohlschütter et al. 2010): each paragraph gets shallow
 * features and evidence of its own (src/furniture/evidence.ts), then a
 * context pass decides with the neighbours, as jusText does:
 *
 * - furniture clusters at the edges: before the first body paragraph and
 *   after the last one. From the first strong piece of evidence in the run
 *   after the last body paragraph, the whole run is furniture;
 * - weak evidence (a name line, initials, a fragment, hashtags) counts only
 *   beside furniture, or as a byline block (a name line with a role line,
 *   initials or a date) between body paragraphs — never at the end, where a
 *   letter is signed;
 * - a short line between body paragraphs without evidence is a subheading and
 *   stays; a date line that repeats is the head of entries (a live blog, a
 *   listing) and stays.
 *
 * The phrase tables of rules/boilerplate and rules/paywall are one kind of
 * evidence (`phrase`).
 */
import {getLexicon} from '../lexicon/index.js'
import {findResidue} from '../rules/shared/residue.js'
import {evidenceOf, featuresOf, trimEnd, type Evidence, type Features} from './evidence.js'
import {endsLikeSentence, splitParagraphs, type Paragraph} from './paragraphs.js'

export type ParagraphClass = 'body' | 'furniture' | 'uncertain'

export interface Verdict {
  paragraph: Paragraph
  features: Features
  evidence: Evidence[]
  class: ParagraphClass
  /** Where it sits: before the first body paragraph, after the last, or between. */
  position: 'start' | 'end' | 'inside'
  /** Paywall residue rather than page furniture. */
  paywall: boolean
  /** What decided, for the message (`a date and the site name, at the start of the text`). */
  because: string
  /** A phrase of rules/<rule> already covers the paragraph (the residue rules report it). */
  phrase: 'boilerplate' | 'paywall' | undefined
}

let memo: {text: string; verdicts: Verdict[]} | undefined

/** One verdict per paragraph of `text` (memoized for the last text: three rules read it). */
export function classifyParagraphs(text: string): Verdict[] {
  if (memo && memo.text === text) return memo.verdicts
  const verdicts = classify(text)
  memo = {text, verdicts}
  return verdicts
}

/** Tokens beyond which a paragraph carries no evidence of its own (the widest shape, a credit, takes 40 words). */
const LONG = 60

function longFeatures(p: Paragraph): Features {
  return {words: p.tokens.length, chars: p.text.length, sentenceEnd: endsLikeSentence(p.text), capShare: 0, enStop: 0, srcStop: 0, verb: true, startsLower: false, lower: []}
}

const isBodyLike = (f: Features): boolean => (f.words >= 15 && f.sentenceEnd) || f.words >= 40

function classify(text: string): Verdict[] {
  const paragraphs = splitParagraphs(text)
  const verdicts: Verdict[] = paragraphs.map((paragraph) => {
    // A long paragraph is body text: no evidence kind applies beyond LONG tokens, so its
    // word-by-word features are not computed (most of the text's words are in such paragraphs).
    const long = paragraph.tokens.length > LONG
    const features = long ? longFeatures(paragraph) : featuresOf(paragraph)
    return {paragraph, features, evidence: long ? [] : evidenceOf(paragraph, features), class: 'body', position: 'inside', paywall: false, because: '', phrase: undefined}
  })
  if (verdicts.length === 0) return verdicts
  markPhrases(text, verdicts)
  for (const v of verdicts) {
    // A name line needs names: capitalised words that are not English words (`Wins Again` is a headline).
    v.evidence = v.evidence.filter((e) => e.kind !== 'name' || namesNotWords(v.paragraph.tokens))
  }
  keepEntryHeads(verdicts)

  const strong = (v: Verdict) => v.evidence.some((e) => e.strong)
  const weak = (v: Verdict) => v.evidence.length > 0
  const body = verdicts.map((v) => isBodyLike(v.features) && !strong(v))
  const firstBody = body.indexOf(true)
  const lastBody = body.lastIndexOf(true)
  for (let i = 0; i < verdicts.length; i++) {
    verdicts[i].position = firstBody < 0 || i < firstBody ? 'start' : i > lastBody ? 'end' : 'inside'
  }
  const furniture = (i: number, because: string) => {
    const v = verdicts[i]
    v.class = 'furniture'
    v.because = because
  }

  // 1. Strong evidence on its own. A lone date between body paragraphs is only uncertain.
  for (let i = 0; i < verdicts.length; i++) {
    const v = verdicts[i]
    if (!strong(v)) continue
    const onlyDate = v.evidence.every((e) => !e.strong || e.kind === 'date')
    if (onlyDate && v.position === 'inside') {
      v.class = 'uncertain'
      v.because = describe(v, '')
    } else furniture(i, describe(v, ''))
  }

  // 1b. A list of links before the first body paragraph (two bulleted items or more, none a
  //     sentence), with the label line that introduces it.
  if (firstBody > 0) {
    for (let i = 0; i < firstBody; i++) {
      let j = i
      while (j < firstBody && verdicts[j].evidence.some((e) => e.kind === 'list-item')) j++
      if (j - i >= 2) {
        const label = i > 0 && /:$/.test(verdicts[i - 1].paragraph.text) && verdicts[i - 1].features.words <= 6 ? i - 1 : i
        for (let k = label; k < j; k++) {
          verdicts[k].evidence.push({kind: 'link-list', strong: true, paywall: false, label: 'a list of links'})
          furniture(k, describe(verdicts[k], ''))
        }
      }
      i = Math.max(i, j)
    }
  }

  // 2. The run after the last body paragraph: from its first strong evidence to the end.
  if (lastBody >= 0) {
    const from = lastBody + 1
    const k = verdicts.findIndex((v, i) => i >= from && strong(v))
    if (k >= 0) {
      for (let i = k + 1; i < verdicts.length; i++) {
        if (verdicts[i].class === 'furniture') continue
        // A sentence (a verb, a full stop, five words or more) is never taken by its neighbours.
        const f = verdicts[i].features
        if (f.sentenceEnd && f.verb && f.words >= 5 && !verdicts[i].evidence.some((e) => e.strong)) continue
        furniture(i, describe(verdicts[i], 'in a run of page furniture'))
      }
    }
  }

  // 3. Byline blocks between body paragraphs or at the start: a name line or initials with
  //    another weak piece (a role line, initials, a date), anchored by initials, a byline or a date.
  for (let i = 0; i < verdicts.length; i++) {
    if (verdicts[i].position === 'end') continue
    let j = i
    while (j < verdicts.length && verdicts[j].position !== 'end' && !body[j] && (weak(verdicts[j]) || verdicts[j].class === 'uncertain')) j++
    if (j - i >= 2) {
      const kinds = new Set(verdicts.slice(i, j).flatMap((v) => v.evidence.map((e) => e.kind)))
      const anchored = kinds.has('initials') || kinds.has('byline') || kinds.has('date') || kinds.has('credit')
      if ((kinds.has('name') || kinds.has('initials') || kinds.has('byline')) && kinds.size >= 2 && anchored) {
        for (let k = i; k < j; k++) if (verdicts[k].class !== 'furniture') furniture(k, describe(verdicts[k], 'in a byline block'))
      }
    }
    i = Math.max(i, j - 1)
  }

  // 4. Weak evidence beside furniture is furniture (repeated: runs grow from their evidence).
  // A text without a body paragraph gives no context to lean on.
  for (let changed = firstBody >= 0; changed; ) {
    changed = false
    for (let i = 0; i < verdicts.length; i++) {
      const v = verdicts[i]
      if (v.class === 'furniture' || body[i] || !weak(v)) continue
      // Name lines and fragments only count in a byline block: a headline or a signature stays.
      if (v.evidence.every((e) => e.kind === 'name' || e.kind === 'fragment')) continue
      // An untranslated caption goes with its credit only.
      const caption = v.evidence.every((e) => e.kind === 'source-language')
      const near = (w: Verdict | undefined) => w?.class === 'furniture' && (!caption || w.evidence.some((e) => e.kind === 'credit'))
      const beside = near(verdicts[i - 1]) || near(verdicts[i + 1])
      if (beside) {
        furniture(i, describe(v, 'beside page furniture'))
        changed = true
      }
    }
  }

  // Paywall or furniture: by its own evidence, else as the run it belongs to.
  let previous: Verdict | undefined
  for (const v of verdicts) {
    if (v.class === 'body') {
      previous = undefined
      continue
    }
    const own = v.evidence.find((e) => e.strong) ?? v.evidence[0]
    v.paywall = own ? own.paywall || (own.kind === 'phrase' && v.phrase === 'paywall') : previous?.paywall ?? false
    previous = v
  }
  return verdicts
}

/** Paragraphs that a phrase of rules/boilerplate or rules/paywall covers whole. */
function markPhrases(text: string, verdicts: Verdict[]): void {
  for (const rule of ['paywall', 'boilerplate'] as const) {
    const hits = findResidue(text, rule)
    for (const v of verdicts) {
      const p = v.paragraph
      const hit = hits.find((h) => h.start <= p.start && h.end >= p.end)
      if (hit) {
        v.phrase ??= rule
        v.evidence.push(phraseEvidence(rule, hit.entries[0].reason))
        continue
      }
      // A phrase behind stray punctuation (`: Read also: …`) is one too; the residue finder
      // does not see it, so the classifier reports it.
      const stray = p.tokens.length <= 40 ? STRAY.exec(p.text) : null
      if (stray) {
        const rest = p.text.slice(stray[0].length)
        const inner = findResidue(rest, rule, STRAY_OPTIONS).find((h) => h.start === 0 && h.end >= rest.length)
        if (inner) v.evidence.push(phraseEvidence(rule, inner.entries[0].reason))
      }
    }
  }
}

const STRAY = /^[:;|>]+\s*/
/** Its own cache slot in the residue finder (which keeps one text per rule and options): the rules' entry for the whole text stays. */
const STRAY_OPTIONS = {files: [], disable: ['\u0000stray']}

function phraseEvidence(rule: 'paywall' | 'boilerplate', reason: string | undefined): Evidence {
  return {kind: 'phrase', strong: true, paywall: rule === 'paywall', label: reason ?? (rule === 'paywall' ? 'a paywall phrase' : 'a furniture phrase')}
}

/** Date lines that repeat head the entries of a live blog or a listing: they stay. */
function keepEntryHeads(verdicts: Verdict[]): void {
  const dated = verdicts.filter((v) => v.evidence.some((e) => e.kind === 'date') && !v.evidence.some((e) => e.kind === 'site-name'))
  if (dated.length < 2) return
  for (const v of dated) v.evidence = v.evidence.filter((e) => e.kind !== 'date')
}

function namesNotWords(tokens: string[]): boolean {
  const lexicon = getLexicon()
  let names = 0
  let words = 0
  for (const t of tokens) {
    const w = trimEnd(t, ',;:')
    if (!/^\p{Lu}/u.test(w)) continue
    if (lexicon.isLowerWord(w.toLowerCase())) words++
    else names++
  }
  return names > words
}

/** `short line, no verb, a date and the site name, at the start of the text`. */
function describe(v: Verdict, context: string): string {
  const parts: string[] = []
  const f = v.features
  if (f.words <= 12) parts.push('short line')
  if (!f.verb && f.words > 0) parts.push('no verb')
  const labels = [...new Set(v.evidence.map((e) => e.label))]
  if (labels.length > 0) parts.push(labels.length > 1 ? labels.slice(0, -1).join(', ') + ' and ' + labels[labels.length - 1] : labels[0])
  if (context) parts.push(context)
  parts.push(v.position === 'start' ? 'at the start of the text' : v.position === 'end' ? 'at the end of the text' : 'between body paragraphs')
  return parts.join(', ')
}
