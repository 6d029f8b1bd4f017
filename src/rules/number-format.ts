import {guessSourceLang, STRONG_LANG_EVIDENCE} from '../lang.js'
import {defineRule} from '../rule.js'
import type {Finding, SourceLang} from '../types.js'

export interface NumberFormatOptions {
  /** Report `22h30`-style times (suggestion `10:30 p.m.`). */
  times: boolean
  /** Report source-style dates (`the 3 of March`, `12. June 2021`). */
  dates: boolean
  /** Billions for `12,500 million` (only with source-language evidence; safe when that evidence is more than the count). */
  billions: boolean
  /** Shared setting: the language the text was translated from. */
  sourceLang?: SourceLang
}

const NOTE =
  'French, German, Spanish, Italian, Portuguese and Dutch write 1,5 for 1.5, 45 000 or 45.000 for 45,000, 50 % and 12 €; ' +
  'machine translation copies the digits as they are.'

// Words after a number that make a decimal comma certain (never an English thousands group).
const SCALE = String.raw`(?:million|billion|trillion|millions|billions|trillions|milliards?|bn|m|%|percent|per cent|percentage points?|points?)`
const UNIT = String.raw`(?:euros?|dollars?|pounds?|francs?|pesos?|reais|reals?|kronor|kroner|yen|yuan|cents?|€|\$|£|km|kilometres?|kilometers?|kg|kilos?|kilograms?|tonnes?|tons?|metres?|meters?|cm|mm|litres?|liters?|degrees?|°C?|hours?|minutes?|seconds?|years?|months?|days?|times|goals?|inhabitants|hectares?|ha|miles?|grams?|g|l|m²|m2|km²|km2)`
// Count nouns: a number before them is never a three-place decimal.
const COUNT = String.raw`(?:people|persons|inhabitants|residents|unemployed|jobless|jobs|workers|employees|staff|members|voters|votes|signatures|students|pupils|children|deaths|dead|victims|cases|infections|migrants|refugees|asylum|soldiers|troops|police|officers|homes|houses|dwellings|households|families|cars|vehicles|companies|firms|businesses|visitors|tourists|spectators|fans|participants|demonstrators|protesters|protestors|patients|beds|doctors|nurses|teachers|contracts|affiliates|registrations|applications|copies|units|euros|dollars|pesos|reais|francs|pounds)`

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
const MONTH = `(?:${MONTHS.join('|')})`

// Words after which a number is a reference, not an amount (`Article 1,5`, `page 12 345`).
const REFERENCE = /(?:^|[^\p{L}])(?:art|arts|article|articles|section|sections|chapter|chapters|verse|verses|paragraph|paragraphs|para|rule|rules|page|pages|p|pp|no|nos|number|numbers|stage|room|flight|line|route|bus|tram|platform|gate|seat|box|code|ref|reference|ISBN|tel|phone|fax|version|v|release|law|decree|directive|regulation|clause|item|items|table|figure|fig|psalm|psalms|genesis|exodus|john|matthew|mark|luke)\.?\s*$/iu

// Compiled once (a regex built in check() is rebuilt for every document).
const CERTAIN_DECIMAL = new RegExp(String.raw`(?<![\p{L}\p{N}.,])\d+,\d{1,2}\s?${SCALE}(?![\p{L}])`, 'gu')
const UNIT_AFTER = new RegExp(String.raw`^\s?(?:${COUNT}|€|\$|£|millions?\s+(?:of\s+)?(?:euros|dollars|pesos))(?![\p{L}])`, 'u')
const SCALE_AFTER = new RegExp(String.raw`^(\s?)(${SCALE}|${UNIT})(?![\p{L}\p{N}])`, 'u')
const OF_MONTH = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:([Tt]he) )?([1-9]|[12]\d|3[01]) of (${MONTH})(?:,? (\d{4}))?(?![\p{L}\p{N}'’])`, 'gu')
const DOT_DAY = new RegExp(String.raw`(?<![\p{L}\p{N}.,])([1-9]|[12]\d|3[01])\. (${MONTH})(?: (\d{4}))?(?![\p{L}\p{N}])`, 'gu')

// Cheap necessary conditions, tested before the whole-text regexes with a lookbehind (slow at every
// position): each is a substring that every match of the guarded regex contains.
const HAS_DIGIT_COMMA_DIGIT = /\d,\d/
const HAS_DIGIT_DOT_GROUP = /\d\.\d{3}/
const HAS_DIGIT_SPACE_GROUP = /\d[ \u00a0\u202f]\d{3}/
const HAS_TIME_H = /\d ?[hH]/
const HAS_OF_MONTH = /\d of [ADFJMNOS]/
const HAS_DOT_MONTH = /\d\. [ADFJMNOS]/
const HAS_DOT_ABBR_DATE = /\d\.[ADFJMNOS][a-z]{2}/
const HAS_MERIDIEM = /\d[.:]\d\d ?[AaPp]/
const SOURCE_CURRENCY_MILLIONS = /\d,\d{3} million (?:euros|pesos|reais|zlotys|zloty|złoty|francs|lire|escudos|pesetas)\b/
// `26.017 billion €`, `12 €`: the euro sign after the amount is the continental order.
const AMOUNT_THEN_EURO = /\d(?: (?:million|billion))? ?€/
const HAS_COMMA_SCALE = /\d,\d{3} (?:b|tr)illion/

const MONTH_ABBR = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
// `25.Feb.2024`: day, abbreviated month and year joined by dots (Portuguese and Spanish sites).
const DOT_ABBR_DATE = new RegExp(String.raw`(?<![\p{L}\p{N}.])([1-9]|[12]\d|3[01])\.(${MONTH_ABBR.join('|')}|Sept)\.(\d{4})(?![\p{L}\p{N}])`, 'gu')
// `21.15 PM`, `18:40 pm`: a 24-hour time given a meridiem it cannot have.
const MERIDIEM_24 = /(?<![\p{L}\p{N}_.,:])(1[3-9]|2[0-3])[.:]([0-5]\d) ?(PM|pm|p\.m\.)(?![\p{L}])/gu
// `€ 13,984 billion`: a decimal comma before billion/trillion (a source-language figure; English groups are not used there).
const COMMA_SCALE = /(?<![\p{L}\p{N}_.,/:@#-])(?:([€$£]) ?)?(\d{1,3}),(\d{3}) (billion|trillion)(?![\p{L}])/gu

// Characters that glue a number into a larger token: URLs, versions, identifiers.
const GLUE_BEFORE = /[\p{L}\p{N}_./:@#\\-]/u
const GLUE_AFTER = /[\p{L}_/@\\]/u

export default defineRule<NumberFormatOptions>({
  id: 'number-format',
  category: 'number-format',
  description: 'Source-language number, percent, currency, time or date format.',
  note: NOTE,
  defaults: {times: true, dates: true, billions: true},
  check(ctx) {
    const text = ctx.text
    const findings: Finding[] = []
    const add = (f: Finding) => findings.push(f)
    const before = (i: number) => (i > 0 ? text[i - 1] : '')
    const after = (i: number) => (i < text.length ? text[i] : '')
    const isReference = (i: number) => REFERENCE.test(text.slice(Math.max(0, i - 14), i))

    // Document evidence of continental number style: a certain dot-thousands number
    // (two groups or more) or a certain decimal comma.
    const dotThousands = /(?<![\p{L}\p{N}.,])\d{1,3}(?:\.\d{3}){2,}(?![\p{N}]|[.,]\d)/gu
    let continental = false
    const commaDecimals = HAS_DIGIT_COMMA_DIGIT.test(text)
    const dotGroups = HAS_DIGIT_DOT_GROUP.test(text)
    if (dotGroups) for (const m of text.matchAll(dotThousands)) if (!isIPv4(m[0]) && !GLUE_BEFORE.test(before(m.index))) continental = true
    if (commaDecimals) for (const m of text.matchAll(CERTAIN_DECIMAL)) if (!isReference(m.index)) continental = true
    // Figures read the source-language way need evidence that the text was translated:
    // its own continental numbers, or its language (setting, or the text's own evidence).
    let translated: boolean | undefined
    // Counts of millions in euros, pesos or reais (`12,500 million euros`) are the source-language
    // way (`12.500 millones de euros`): English writes `€12.5bn`.
    const sourceSense = () =>
      (translated ??= continental || SOURCE_CURRENCY_MILLIONS.test(text) || AMOUNT_THEN_EURO.test(text) || translatedLang(text, ctx.options.sourceLang))

    // 1. Dot thousands: `4.189.659`, `4.189.659,50`; single group with a currency or count noun; any group with evidence.
    const dotNumber = /(?<![\p{L}\p{N}_.,/:@#-])(\d{1,3})((?:\.\d{3})+)(,\d+)?(?![\p{N}]|[.,]\d)/gu
    for (const m of dotGroups ? text.matchAll(dotNumber) : []) {
      const start = m.index
      const end = start + m[0].length
      if (GLUE_AFTER.test(after(end)) || isIPv4(m[0]) || isReference(start)) continue
      if (before(start) === 'v' || before(start) === 'V') continue
      const groups = m[2].split('.').length - 1
      const rest = text.slice(end, end + 40)
      const unit = UNIT_AFTER.test(rest)
      const percent = /^\s?(?:%|percent|per cent)/u.test(rest)
      if (percent) continue
      if (groups < 2 && !unit && !continental) continue
      if (groups < 2 && m[1] === '0') continue
      const replacement = m[1] + m[2].replace(/\./g, ',') + (m[3] ? '.' + m[3].slice(1) : '')
      add({
        start,
        end,
        expected: [replacement],
        fix: 'safe',
        reason: `Unexpected dots as thousands separators in \`${m[0]}\`, expected \`${replacement}\``
      })
    }

    // 2. Space-separated thousands: `45 000`, `1 500 000`, `45 000,50`.
    // regex-bounded: the lookbehind lets a match start only at the head of a digit-group run, so the group loop backtracks once per run (measured linear: 400,000 groups in 5 ms).
    const spaced = /(?<![\p{L}\p{N}_.,/:@#+-]|[\p{N}][ \u00a0\u202f])(\d{1,3})((?:[ \u00a0\u202f]\d{3})+)(,\d{1,2})?(?![\p{N}]|[.,]\d|[ \u00a0\u202f]\d)/gu
    for (const m of HAS_DIGIT_SPACE_GROUP.test(text) ? text.matchAll(spaced) : []) {
      const start = m.index
      const end = start + m[0].length
      if (GLUE_AFTER.test(after(end)) || isReference(start)) continue
      // A year or a count before it (`in 2019 200 people`, `1 2 3`) makes the grouping doubtful.
      if (/\d[ \u00a0\u202f]$/u.test(text.slice(Math.max(0, start - 2), start))) continue
      // `53. 6 258. 7`: decimals split by spaces in a table, not thousands groups.
      if (/\d\.[ \u00a0]$/u.test(text.slice(Math.max(0, start - 3), start)) || /^\.[ \u00a0]\d/u.test(text.slice(end, end + 3))) continue
      // `0 800 123 456`: a phone number, not an amount.
      if (m[1].startsWith('0')) continue
      const replacement = m[1] + m[2].replace(/[ \u00a0\u202f]/g, ',') + (m[3] ? '.' + m[3].slice(1) : '')
      add({
        start,
        end,
        expected: [replacement],
        fix: 'safe',
        reason: `Unexpected spaces as thousands separators in \`${m[0]}\`, expected \`${replacement}\``
      })
    }

    // 3. Decimal comma: certain before a scale word, percent or unit; otherwise a suggestion.
    const decimal = /(?<![\p{L}\p{N}_.,/:@#-])(\d+),(\d{1,2})(?![\p{N}]|,\d|\.\d)/gu
    for (const m of commaDecimals ? text.matchAll(decimal) : []) {
      const start = m.index
      const end = start + m[0].length
      if (GLUE_AFTER.test(after(end)) || isReference(start)) continue
      // `1,2 and 3`, `1,2,3`: enumerations.
      if (/\d,\s*$/u.test(text.slice(Math.max(0, start - 3), start))) continue
      const rest = text.slice(end, end + 30)
      const scale = SCALE_AFTER.exec(rest)
      const value = m[1] + '.' + m[2]
      if (scale) {
        const word = scale[2]
        let span = end
        let replacement = value
        if (word === '%') {
          span = end + scale[0].length
          replacement = value + '%'
        } else if (/^(?:millions|billions|trillions|milliards?)$/u.test(word)) {
          span = end + scale[0].length
          replacement = value + ' ' + (word.startsWith('milliard') ? 'billion' : word.replace(/s$/u, ''))
        }
        add({
          start,
          end: span,
          expected: [replacement],
          fix: 'safe',
          reason: `Unexpected decimal comma in \`${text.slice(start, span)}\`, expected \`${replacement}\``
        })
        continue
      }
      // Bare `298,0`, `(8,0)`, `576,00`: a decimal comma, but the reading is for a person to confirm.
      if (/^\s*(?:and|or|&)\s+\d/u.test(rest)) continue
      if (/\d[\s,]*(?:and|or)\s*$/u.test(text.slice(Math.max(0, start - 8), start))) continue
      add({
        start,
        end,
        expected: [value],
        fix: 'suggestion',
        reason: `Unexpected decimal comma in \`${m[0]}\`, expected \`${value}\``
      })
    }

    // 4. Split decimal `2, 5%`.
    const split = /(?<![\p{L}\p{N}_.,/:@#-])(\d{1,2}), (\d)[ \u00a0]?%/gu
    for (const m of text.includes('%') ? text.matchAll(split) : []) {
      const start = m.index
      const end = start + m[0].length
      const prev = text.slice(Math.max(0, start - 12), start)
      if (/\d\s*(?:,|and|or|to|-|–)\s*$/u.test(prev) || /(?:between|from)\s+$/iu.test(prev)) continue
      if (/^\s*(?:,\s*\d|and\s+\d|or\s+\d|to\s+\d|-\s*\d)/u.test(text.slice(end, end + 10))) continue
      const replacement = `${m[1]}.${m[2]}%`
      add({start, end, expected: [replacement], fix: 'safe', reason: `Unexpected split decimal \`${m[0]}\`, expected \`${replacement}\``})
    }

    // 5. Space before the percent sign: `50 %` → `50%`.
    const spacePercent = /(?<=\d)[ \u00a0\u202f]+%/gu
    for (const m of text.includes('%') ? text.matchAll(spacePercent) : []) {
      add({
        start: m.index,
        end: m.index + m[0].length,
        expected: ['%'],
        fix: 'safe',
        reason: 'Unexpected space before `%`, expected `%` right after the number'
      })
    }

    // 6. Currency symbol after the amount: `12 €` → `€12`, `3.5 million €` → `€3.5 million`.
    const currencyAfter = /(?<![\p{L}\p{N}_.,/:@#€$£-]|\d[ \u00a0\u202f])(\d+(?:[.,]\d+)*)((?: (?:million|billion|trillion))?)[ \u00a0\u202f]?([€£])(?![\p{L}\p{N}]|\s?\d)/gu
    for (const m of text.includes('€') || text.includes('£') ? text.matchAll(currencyAfter) : []) {
      const start = m.index
      const end = start + m[0].length
      const amount = m[1]
      if (/,\d{1,2}$/u.test(amount) && !/,\d{3}/u.test(amount)) continue // decimal comma: left to rule 3 first
      const replacement = m[3] + amount + m[2]
      add({start, end, expected: [replacement], fix: 'safe', reason: `Unexpected currency sign after the amount in \`${m[0]}\`, expected \`${replacement}\``})
    }

    // 7. Billions: `12,500 million euros` → `12.5 billion euros`: the same value as English writes it. Safe when the
    // text is shown translated by more than the count itself: the source language is set, or the text writes continental
    // numbers (an English text that names Le Monde twice may still count in millions); else a suggestion.
    if (ctx.options.billions && text.includes(' million') && sourceSense()) {
      const certain = continental || ctx.options.sourceLang !== undefined
      const thousandMillion = /(?<![\p{L}\p{N}_.,/:@#-])(\d{1,3}(?:,\d{3})+)(?:\.\d+)? million(?![\p{L}])/gu
      for (const m of text.includes(' million') ? text.matchAll(thousandMillion) : []) {
        const value = Number(m[1].replace(/,/g, ''))
        if (!(value >= 1000) || m[0].includes('.')) continue
        const billions = formatBillions(value)
        add({
          start: m.index,
          end: m.index + m[0].length,
          expected: [`${billions} billion`],
          fix: certain ? 'safe' : 'suggestion',
          reason: `Unexpected \`${m[0]}\` (a source-language count in millions), expected \`${billions} billion\``
        })
      }
    }

    // 7b. `€ 13,984 billion` → `€13.984 billion`: a decimal comma in a translated text (`1,000 billion` may be English).
    if (HAS_COMMA_SCALE.test(text) && sourceSense()) {
      for (const m of text.matchAll(COMMA_SCALE)) {
        if (m[3] === '000') continue
        const replacement = `${m[1] ?? ''}${m[2]}.${m[3]} ${m[4]}`
        add({start: m.index, end: m.index + m[0].length, expected: [replacement], fix: 'safe', reason: `Unexpected decimal comma in \`${m[0]}\`, expected \`${replacement}\``})
      }
    }

    // 8. 24-hour times with `h`: `22h30` → `10:30 p.m.`; `at 20h` → `at 8 p.m.`.
    if (ctx.options.times) {
      const hTime = /(?<![\p{L}\p{N}_.,/:@#-])([01]?\d|2[0-3]) ?[hH] ?([0-5]\d)?(?![\p{L}\p{N}])/gu
      for (const m of HAS_TIME_H.test(text) ? text.matchAll(hTime) : []) {
        const start = m.index
        const end = start + m[0].length
        if (!m[2]) {
          // `20h` alone: a time only after a time preposition (else `8h` may be eight hours).
          if (m[0].includes(' ')) continue
          if (!/(?:^|[^\p{L}])(?:at|from|until|till|to|before|after|around|since|by|between|and)\s$/iu.test(text.slice(Math.max(0, start - 8), start))) continue
        }
        if (/^\s?(?:hours?|hrs?)\b/iu.test(text.slice(end, end + 8))) continue
        // `a 1h30 meeting`, `for 2h30`: a duration, not a time of day.
        if (/(?:^|[^\p{L}])(?:a|an|for|during|lasting|lasted|lasts|last|took|takes|than|nearly|almost|over|under|about|some|in)\s$/iu.test(text.slice(Math.max(0, start - 10), start))) continue
        const english = clock(Number(m[1]), m[2] ? Number(m[2]) : 0)
        add({start, end: withSentencePeriod(text, end, english), expected: [english], fix: 'suggestion', reason: `Unexpected 24-hour time \`${m[0]}\`, expected \`${english}\``})
      }
    }

    // 8b. `21.15 PM` → `9:15 p.m.`: an hour after 12 needs no meridiem; the clock is certain.
    if (ctx.options.times && HAS_MERIDIEM.test(text)) {
      for (const m of text.matchAll(MERIDIEM_24)) {
        const english = clock(Number(m[1]), Number(m[2]))
        const end = withSentencePeriod(text, m.index + m[0].length, english)
        add({start: m.index, end, expected: [english], fix: 'safe', reason: `Unexpected 24-hour time \`${m[0]}\`, expected \`${english}\``})
      }
    }

    // 9. Source-style dates: `the 3 of March` → `March 3`; `12. June 2021` → `June 12, 2021`.
    if (ctx.options.dates) {
      for (const m of HAS_OF_MONTH.test(text) ? text.matchAll(OF_MONTH) : []) {
        const month = capital(m[3])
        const english = `${month} ${m[2]}${m[4] ? ', ' + m[4] : ''}`
        add({start: m.index, end: m.index + m[0].length, expected: [english], fix: 'suggestion', reason: `Unexpected date \`${m[0]}\`, expected \`${english}\``})
      }
      for (const m of HAS_DOT_ABBR_DATE.test(text) ? text.matchAll(DOT_ABBR_DATE) : []) {
        const month = m[2] === 'Sept' ? 'Sep' : m[2]
        const english = `${month === 'May' ? 'May' : month + '.'} ${m[1]}, ${m[3]}`
        add({start: m.index, end: m.index + m[0].length, expected: [english], fix: 'safe', reason: `Unexpected date \`${m[0]}\`, expected \`${english}\``})
      }
      for (const m of HAS_DOT_MONTH.test(text) ? text.matchAll(DOT_DAY) : []) {
        // `… in chapter 12. June was …`: a sentence end; only report with a year or when lower-case text precedes the day.
        if (!m[3] && !/[\p{Ll},]\s$/u.test(text.slice(Math.max(0, m.index - 2), m.index))) continue
        const english = `${m[2]} ${m[1]}${m[3] ? ', ' + m[3] : ''}`
        add({start: m.index, end: m.index + m[0].length, expected: [english], fix: 'suggestion', reason: `Unexpected date \`${m[0]}\`, expected \`${english}\``})
      }
    }

    // Report non-overlapping findings (first by position, safe fixes preferred at equal start).
    findings.sort((a, b) => a.start - b.start || (a.fix === 'safe' ? -1 : 1) - (b.fix === 'safe' ? -1 : 1) || b.end - a.end)
    let cursor = -1
    for (const f of findings) {
      if (f.start < cursor) continue
      cursor = f.end
      ctx.report(f)
    }
  }
})

/** The source language is set, or the text's own evidence for one is strong (a stray `van` or `de` is not). */
function translatedLang(text: string, setting: SourceLang | undefined): boolean {
  if (setting) return true
  const guess = guessSourceLang(text)
  return guess.lang !== undefined && guess.scores[guess.lang] >= STRONG_LANG_EVIDENCE
}

function isIPv4(value: string): boolean {
  const parts = value.split('.')
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)
}

function formatBillions(millions: number): string {
  const billions = millions / 1000
  return String(Number(billions.toFixed(3)))
}

/** A time written `p.m.` before a sentence's period takes the period in (`at 21.15 PM.` → `at 9:15 p.m.`, not `p.m..`). */
function withSentencePeriod(text: string, end: number, english: string): number {
  return english.endsWith('.') && text[end] === '.' && text[end + 1] !== '.' ? end + 1 : end
}

function clock(hours: number, minutes: number): string {
  if (hours === 0 && minutes === 0) return 'midnight'
  if (hours === 12 && minutes === 0) return 'noon'
  const suffix = hours < 12 ? 'a.m.' : 'p.m.'
  const h = hours % 12 === 0 ? 12 : hours % 12
  return minutes === 0 ? `${h} ${suffix}` : `${h}:${String(minutes).padStart(2, '0')} ${suffix}`
}

function capital(word: string): string {
  return word[0].toUpperCase() + word.slice(1).toLowerCase()
}
