/**
 * Generators and checks shared by the property and adversarial tests.
 * Everything here is written for these tests (no corpus text).
 */
import fc from 'fast-check'
import type {VFileMessage} from 'vfile-message'
import type {Edit} from '../src/fix/apply.js'
import type {MtcleanMessageFields} from '../src/rule.js'

export type Message = VFileMessage & MtcleanMessageFields

/** Rules allowed to delete text (and only delete: their replacement holds no letters or digits). */
export const DELETING_RULES = new Set(['paywall', 'boilerplate', 'duplicate'])
/**
 * Rules whose fixes may change words (a fix's `expected` says so): a masthead
 * name, a calque, a name spelling, an untranslated fragment, case, mojibake or
 * an HTML entity. Every other rule only moves punctuation and white space.
 */
export const WORD_CHANGING_RULES = new Set(['masthead', 'calque', 'name-inconsistent', 'untranslated', 'case', 'unicode'])

/** 1-based line and column of `offset`, counting CRLF, CR and LF as one break (like vfile-location). */
export function pointAt(text: string, offset: number): {line: number; column: number} {
  return pointer(text)(offset)
}

/**
 * A function from offset to 1-based line and column, built independently of
 * the code under test: line starts are found by a plain scan; CRLF, CR and LF
 * each end a line; a point between the CR and LF of a CRLF is on the CR's line.
 */
export function pointer(text: string): (offset: number) => {line: number; column: number} {
  const starts = [0]
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 13 && text.charCodeAt(i + 1) === 10) {
      starts.push(i + 2)
      i++
    } else if (c === 13 || c === 10) starts.push(i + 1)
  }
  return (offset) => {
    let lo = 0
    let hi = starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (starts[mid] <= offset) lo = mid
      else hi = mid - 1
    }
    return {line: lo + 1, column: offset - starts[lo] + 1}
  }
}

/** Problems with the messages of `text`: empty when every message is well-formed. */
export function messageProblems(text: string, messages: readonly VFileMessage[]): string[] {
  const problems: string[] = []
  const pointAt = pointer(text)
  for (const raw of messages) {
    const m = raw as Message
    const where = `${m.ruleId}@${m.startOffset}-${m.endOffset}`
    if (m.source !== 'mtclean') problems.push(`${where}: source ${m.source}`)
    if (!m.ruleId) problems.push(`${where}: no ruleId`)
    if (!m.url) problems.push(`${where}: no url`)
    if (!m.category) problems.push(`${where}: no category`)
    const {startOffset: s, endOffset: e} = m
    if (!(Number.isInteger(s) && Number.isInteger(e) && s >= 0 && s <= e && e <= text.length)) {
      problems.push(`${where}: place outside 0-${text.length}`)
      continue
    }
    if (text.slice(s, e) !== m.actual) problems.push(`${where}: actual ${JSON.stringify(m.actual)} ≠ ${JSON.stringify(text.slice(s, e))}`)
    const start = m.place && 'start' in m.place ? m.place.start : undefined
    const end = m.place && 'end' in m.place ? m.place.end : undefined
    if (!start || !end) {
      problems.push(`${where}: no place`)
      continue
    }
    const ps = pointAt(s)
    const pe = pointAt(e)
    if (start.line !== ps.line || start.column !== ps.column) {
      problems.push(`${where}: start ${start.line}:${start.column} ≠ ${ps.line}:${ps.column}`)
    }
    if (end.line !== pe.line || end.column !== pe.column) {
      problems.push(`${where}: end ${end.line}:${end.column} ≠ ${pe.line}:${pe.column}`)
    }
    if (start.offset !== undefined && start.offset !== s) problems.push(`${where}: place.start.offset ${start.offset}`)
    if (end.offset !== undefined && end.offset !== e) problems.push(`${where}: place.end.offset ${end.offset}`)
    if (m.line !== ps.line || m.column !== ps.column) problems.push(`${where}: message line/column`)
    if (!Array.isArray(m.expected)) problems.push(`${where}: expected is not an array`)
  }
  return problems
}

/** Letters and digits of `text`, in order (compatibility-folded, lower case). */
export function alnum(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')
}

const isAlnum = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c)

/**
 * Word preservation for one applied edit: deleting rules delete (no letters
 * or digits in the replacement); punctuation rules keep the letters and digits
 * of what they replace; word-changing rules replace whole words only.
 */
export function editProblems(before: string, edit: Edit): string[] {
  const id = edit.ruleId ?? '?'
  const where = `${id}@${edit.start}-${edit.end} ${JSON.stringify(edit.actual)} → ${JSON.stringify(edit.replacement)}`
  if (DELETING_RULES.has(id)) {
    return alnum(edit.replacement) === '' ? [] : [`${where}: a deleting rule invented letters`]
  }
  if (WORD_CHANGING_RULES.has(id)) {
    const problems: string[] = []
    // Replacing part of a word would eat or invent a word: ends must sit on word boundaries.
    const startsInWord = isAlnum(edit.actual[0]) && isAlnum(before[edit.start - 1])
    const endsInWord = isAlnum(edit.actual[edit.actual.length - 1]) && isAlnum(before[edit.end])
    if (id !== 'unicode' && id !== 'case' && (startsInWord || endsInWord)) problems.push(`${where}: cuts a word`)
    return problems
  }
  return alnum(edit.actual) === alnum(edit.replacement) ? [] : [`${where}: letters or digits changed`]
}

// ---------------------------------------------------------------------------
// Generators

/** Text in the style of MT output: words, every kind of quote, odd spacing, artifacts. */
export const mtToken = fc.oneof(
  {weight: 12, arbitrary: fc.constantFrom('the', 'minister', 'said', 'Kremlin', 'security', 'World', 'Bank', 'Le', 'Monde', 'War', 'II', 'assures', 'underlines', 'explains', 'to', 'AFP', 'a', 'source', 'announcedthat', 'good.It', 'U.S.', 'e.g.', 'Dr.', 'Mr', 'Paris', 'don’t', 'it’s', 'Jones’', 'according', 'information', 'from', 'grilled', 'in', 'sights', 'Puyvelde', 'Van', 'Damien', 'et', 'le', 'der', 'die', 'que', 'no', 'no', 'the', 'the', 'is', 'is')},
  {weight: 6, arbitrary: fc.constantFrom(' ', ' ', ' ', '  ', '\n', '\n\n', '\r\n', '\r', '\t', '\u00A0', '\u202F', '\u200B')},
  {weight: 6, arbitrary: fc.constantFrom('“', '”', '"', "'", '‘', '’', '«', '»', '« ', ' »', '„', '‚', '‹', '›')},
  {weight: 6, arbitrary: fc.constantFrom('.', ',', ';', ':', '!', '?', ' .', ' ,', ' :', ' ;', ' ?', '. .', '..', '...', '…', '.”.', '”.', '”,', '),', '(', ')', '-', '–', '—')},
  {weight: 4, arbitrary: fc.constantFrom('1,5', '45 000', '50 %', '12 €', '1.500', '3.5', '10:30', '1,500', '2024', '15h30', '3,2 %', '0', '7')},
  {weight: 2, arbitrary: fc.constantFrom('Ã©', 'Ã¨', '&nbsp;', '&amp;', '&quot;', '\u00AD', '\uFEFF', '\u0000', 'ﬁ', 'é', 'e\u0301', 'Ü')},
  {weight: 1, arbitrary: fc.constantFrom('You have 50% of this article left to read.', 'The rest is reserved for subscribers.', 'Please enter your comment!', 'Read also', 'source site-29', 'Subscribe to our newsletter', 'https://example.org/a.b?c=1', 'press@example.com', 'World War II', 'the World Bank')}
)

export const mtText = fc.array(mtToken, {maxLength: 60}).map((tokens) => tokens.join(''))

/** Repeated sentences and paragraphs (exercise duplicate, name and document-level rules). */
export const mtDocument = fc
  .array(fc.tuple(mtText, fc.nat(3)), {maxLength: 6})
  .map((parts) => parts.map(([t, n]) => (n === 0 ? t + '\n\n' + t : t)).join('\n\n'))

const loneSurrogate = fc.integer({min: 0xd800, max: 0xdfff}).map((c) => String.fromCharCode(c))
const combining = fc.integer({min: 0x300, max: 0x36f}).map((c) => String.fromCharCode(c))
const rtl = fc.constantFrom('שלום', 'مرحبا', '\u200F', '\u200E', '\u202E', '\u2066', '\u2069')
const emoji = fc.constantFrom('😀', '👍🏽', '👨‍👩‍👧', '🇫🇷', '❤️', '\u{1F600}')

/** Any Unicode: every plane, combining marks, RTL, emoji, lone surrogates, control characters. */
export const anyUnicode = fc.oneof(
  fc.string({unit: 'binary', maxLength: 80}),
  fc.string({unit: fc.oneof(fc.string({unit: 'binary', maxLength: 1, minLength: 1}), loneSurrogate, combining, rtl, emoji, mtToken), maxLength: 60}),
  fc.string({unit: 'grapheme', maxLength: 60})
)

// ---------------------------------------------------------------------------
// Clean English: a grammar of well-formed news sentences, American style.

const pick = <T>(...values: T[]) => fc.constantFrom(...values)

const subject = pick(
  'The minister',
  'The World Bank',
  'Le Monde',
  'The newspaper Le Monde',
  'Dr. Alvarez',
  'Mr. Okafor',
  'The U.S. government',
  'The European Union',
  'Officials in Lyon',
  'The company',
  'A spokeswoman for the ministry',
  'Historians of World War II',
  'The central bank',
  'Reuters',
  'The mayor of Rotterdam',
  'Ms. Lindqvist'
)
const verb = pick('said', 'reported', 'announced', 'warned', 'noted', 'told reporters', 'wrote', 'confirmed')
const clause = pick(
  'that prices rose 3.5 percent in March',
  'that 1,500 people had been evacuated',
  'that the meeting would begin at 10:30 a.m.',
  'that the budget reached $2.4 billion',
  'that exports fell by 12 percent',
  'that the talks would resume on Monday',
  'that about 45,000 homes lost power',
  'that the agreement was signed in 2019',
  'that the vote was postponed until Oct. 3',
  'that the report is available at https://www.example.org/reports/2024-annual',
  'that questions could be sent to press@example.com',
  'that the U.N. mission would stay',
  'that the plan covered several sectors, e.g. energy and transport',
  'that the company’s profits had doubled',
  'that the figures, i.e. the final ones, were due in June'
)
const quoteBody = pick(
  'We will not give up',
  'This is a difficult moment for everyone',
  'The decision has been made',
  'Nobody expected the result',
  'We need more time',
  'It’s too early to say',
  'The numbers speak for themselves'
)
const innerQuote = pick('not negotiable', 'a turning point', 'historic', 'too little, too late')
const speaker = pick('she said', 'he said', 'the minister said', 'said Dr. Alvarez', 'a spokesman said', 'Mr. Okafor told reporters')
const tail = pick(
  'The talks continue.',
  'Markets closed higher on Friday.',
  'The vote is expected next week.',
  'Neither side commented further.',
  'The report runs to 300 pages.'
)

const sentence = fc.oneof(
  fc.tuple(subject, verb, clause).map(([s, v, c]) => `${s} ${v} ${c}${c.endsWith('.') ? '' : '.'}`),
  fc.tuple(quoteBody, speaker).map(([q, s]) => `“${q},” ${s}.`),
  fc.tuple(quoteBody, speaker).map(([q, s]) => `"${q}," ${s}.`),
  fc.tuple(speaker, quoteBody).map(([s, q]) => `${s[0].toUpperCase()}${s.slice(1)}: “${q}.”`),
  fc.tuple(quoteBody, innerQuote, speaker).map(([q, i, s]) => `“${q}, and the plan is ‘${i},’” ${s}.`),
  fc.tuple(subject, innerQuote).map(([s, i]) => `${s} called the deal “${i}.”`),
  fc.tuple(subject, innerQuote).map(([s, i]) => `${s} called the deal "${i}."`),
  fc.tuple(speaker, quoteBody, innerQuote).map(([s, q, i]) => `${s[0].toUpperCase()}${s.slice(1)}: "${q}, and it is '${i}.'"`),
  fc.tuple(subject, quoteBody).map(([s, q]) => `${s} asked, “${q}?”`),
  tail,
  pick(
    'The index rose from 3.5 to 4.25 points, its highest level since 2008.',
    'Dr. Smith arrived at 9:45 p.m. on Tuesday.',
    'The U.S. and the U.K. signed the accord in Washington, D.C., in May.',
    'World War II ended in 1945.',
    'According to Le Monde, the talks failed.',
    'The World Bank lent $1.2 billion, or about 1,200 million dollars.',
    'Its share price fell 2.5% to €14.20.',
    'See www.example.com for the full text.',
    'It was the “best year” in a decade, the firm said.',
    'The council’s decision, announced on Jan. 5, surprised no one.'
  )
)

const paragraph = fc.array(sentence, {minLength: 1, maxLength: 5})
const headline = pick('Talks resume in Brussels', 'Prices rise again', 'A turning point for the region')

/**
 * Clean English news text: a headline and paragraphs of well-formed sentences,
 * each sentence said once. A paragraph repeated word for word, or repeated at
 * the head of a later one (a lead glued to the body), is a scraping artifact
 * that the duplicate rule rightly deletes, so the grammar never repeats one.
 */
export const cleanEnglish = fc
  .tuple(fc.boolean(), headline, fc.array(paragraph, {minLength: 1, maxLength: 4}), pick('\n\n', '\r\n\r\n', '\n\n\n'), fc.boolean())
  .map(([withHeadline, h, drawn, sep, finalNewline]) => {
    // Once by its words: the curly and the straight form, or a wrapped and an unwrapped one, are one sentence.
    const seen = new Set<string>()
    const paragraphs = drawn.map((p) => p.filter((s) => !seen.has(alnum(s)) && Boolean(seen.add(alnum(s)))).join(' ')).filter((p) => p.length > 0)
    return (withHeadline ? [h, ...paragraphs] : paragraphs).join(sep) + (finalNewline ? '\n' : '')
  })

// ---------------------------------------------------------------------------
// Real-text splicing (issue 17): correct paragraphs written for these tests,
// artifacts of every category spliced in at random places.

/** Correct news English: `fix` must leave every one of these alone. */
export const CLEAN_SENTENCES = [
  'The minister said on Tuesday that the reform would be ready by the summer.',
  '“We will not give up,” she said. The talks resume in Brussels next week.',
  'Prices rose 3.5 percent in March, and about 1,500 people were evacuated.',
  'The company, which employs 2,000 people in Lyon, did not respond to a request for comment.',
  'According to the ministry, the agreement signed in 2019 is still valid.',
  'Residents of the district told reporters that the water had risen overnight.',
  'The court will rule on the case in the autumn, the prosecutor said.',
  'Exports fell for the third month in a row, the central bank reported.',
  'Dr. Alvarez, a senior official at the World Bank, left the meeting at 10:30.',
  'The vote was postponed until the spring; neither side commented further.',
  // Hard-wrapped lines, also inside a straight-quoted quotation after `(` or `— ` (issue 17, item 1).
  'Residents of the district told reporters\nthat the water had risen overnight.',
  'The files were labelled ("according\nto the rules" in red ink) by the clerk.',
  'The minister replied — "according\nto the plan" — and left the room.'
]

/**
 * One artifact: how machine translation or scraping damages a correct
 * sentence. `repairable`: fix gives back the correct sentence exactly.
 * An artifact that does not apply to a sentence leaves it unchanged.
 */
export interface Artifact {
  name: string
  apply: (sentence: string) => string
  repairable: boolean
}

export const ARTIFACTS: Artifact[] = [
  {name: 'doubled full stop', apply: (s) => s.replace(/\.$/, '. .'), repairable: true},
  {name: 'space before a comma', apply: (s) => s.replace(/, /, ' , '), repairable: true},
  {name: 'space before the full stop', apply: (s) => s.replace(/\.$/, ' .'), repairable: true},
  {name: 'French quotation marks', apply: (s) => s.replace('“We will not give up,”', '« We will not give up »,'), repairable: true},
  {name: 'decimal comma', apply: (s) => s.replace('3.5 percent', '3,5 percent'), repairable: true},
  {name: 'entity residue', apply: (s) => s.replace('ministry', 'ministry&nbsp;'), repairable: true},
  {name: 'sentences glued', apply: (s) => s.replace('. The talks', '.The talks'), repairable: true},
  {name: 'space inside a closing quote', apply: (s) => s.replace('up,”', 'up, ”'), repairable: true},
  {name: 'mojibake', apply: (s) => s.replace('senior', 'seniÃ¶r'), repairable: false},
  {name: 'glued words', apply: (s) => s.replace('said on', 'saidon'), repairable: false},
  {name: 'literal masthead', apply: (s) => s.replace('According to the ministry', 'According to World'), repairable: false},
  {name: 'paywall residue', apply: (s) => s + '\n\nYou have 50% of this article left to read. The rest is reserved for subscribers.', repairable: false},
  {name: 'French punctuation order', apply: (s) => s.replace(/\.$/, ' !'), repairable: false},
  {name: 'comment-form residue', apply: (s) => s + '\n\nPlease enter your comment!\nPlease enter your name here', repairable: false},
  {name: 'straight quotes opened, never closed', apply: (s) => s.replace('“We will not give up,”', '"We will not give up,'), repairable: false},
  {name: 'calque', apply: (s) => s.replace('told reporters', 'explained to the press'), repairable: false}
]

/** Line breaks between paragraphs: LF, CR only, CRLF and mixtures. */
const paragraphBreak = fc.constantFrom('\n\n', '\r\r', '\r\n\r\n', '\n\r\n', '\r\n\n', '\n')

const sentenceIndex = fc.nat({max: CLEAN_SENTENCES.length - 1})

/** A paragraph: a few correct sentences, or a long line of many. */
const splicedParagraph = fc.oneof(
  {weight: 8, arbitrary: fc.array(sentenceIndex, {minLength: 1, maxLength: 5})},
  {weight: 1, arbitrary: fc.array(sentenceIndex, {minLength: 30, maxLength: 90})}
)

/** A quotation that runs over several paragraphs: each opens with “, only the last closes. */
const multiParagraphQuote = fc.array(fc.constantFrom('We will not give up.', 'The decision has been made, and it is final.', 'Nobody expected such a result.'), {minLength: 2, maxLength: 4}).map(
  (parts) => parts.map((p, i) => '“' + (i === parts.length - 1 ? p.replace(/\.$/, ',” the minister said.') : p)).join('\n\n')
)

export interface SplicedDocument {
  /** The correct document. */
  clean: string
  /** The document with the artifacts spliced in. */
  spliced: string
  /** Names of the artifacts that changed the text. */
  applied: string[]
}

function splice(paragraphs: number[][], breaks: string[], hits: Array<[number, number, number]>, quotes: string[] = []): SplicedDocument {
  const clean = paragraphs.map((p) => p.map((i) => CLEAN_SENTENCES[i]))
  const damaged = clean.map((p) => [...p])
  const applied: string[] = []
  for (const [artifact, para, sentence] of hits) {
    const p = damaged[para % damaged.length]
    const at = sentence % p.length
    const next = ARTIFACTS[artifact % ARTIFACTS.length].apply(p[at])
    if (next !== p[at]) applied.push(ARTIFACTS[artifact % ARTIFACTS.length].name)
    p[at] = next
  }
  const join = (ps: string[][]) => {
    let out = ''
    ps.forEach((p, i) => {
      if (i > 0) out += breaks[(i - 1) % breaks.length]
      out += p.join(' ')
      if (quotes[i]) out += breaks[i % breaks.length] + quotes[i]
    })
    return out + '\n'
  }
  return {clean: join(clean), spliced: join(damaged), applied}
}

/** Correct paragraphs (no quotation across paragraphs) with one repairable artifact spliced in. */
export const splicedRepairable = fc
  .tuple(fc.array(splicedParagraph, {minLength: 1, maxLength: 5}), fc.array(paragraphBreak, {minLength: 1, maxLength: 4}), fc.nat(), fc.nat(), fc.nat())
  .map(([drawn, breaks, artifact, para, sentence]) => {
    // A correct document says each sentence once: a repeated paragraph is itself an artifact (duplicate).
    // Once by its words: a wrapped and an unwrapped form are one sentence.
    const seen = new Set<string>()
    const once = (i: number) => !seen.has(alnum(CLEAN_SENTENCES[i])) && Boolean(seen.add(alnum(CLEAN_SENTENCES[i])))
    const paragraphs = drawn.map((p) => p.filter(once)).filter((p) => p.length > 0)
    const repairable = ARTIFACTS.filter((a) => a.repairable)
    const index = ARTIFACTS.indexOf(repairable[artifact % repairable.length])
    return splice(paragraphs, breaks, [[index, para, sentence]])
  })

/** Correct paragraphs, multi-paragraph quotations, long lines, mixed line ends, and artifacts of every category. */
export const splicedMixed = fc
  .tuple(
    fc.array(splicedParagraph, {minLength: 1, maxLength: 6}),
    fc.array(paragraphBreak, {minLength: 1, maxLength: 5}),
    fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat()), {maxLength: 8}),
    fc.array(fc.option(multiParagraphQuote, {freq: 3}).map((q) => q ?? ''), {maxLength: 6})
  )
  .map(([paragraphs, breaks, hits, quotes]) => splice(paragraphs, breaks, hits, quotes).spliced)
