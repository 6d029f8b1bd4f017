import {franc} from '../lexicon/franc.js'
import type {Root} from 'nlcst'
import type {Span} from '../document.js'
import {likeliestLang, sourceLangOf} from '../lang.js'
import {isWordOrCompound, sourceDictionary} from '../lexicon/hunspell.js'
import {getLexicon, type Lexicon} from '../lexicon/index.js'
import {runStartMatches} from '../match/scan.js'
import {defineRule} from '../rule.js'
import {SOURCE_LANG_NAMES, SOURCE_LANGS, type SourceLang} from '../types.js'
import {quotedSpans} from './shared/quoted-spans.js'

export interface UntranslatedOptions {
  /** Shortest run of source-language words reported (in words). */
  minRun: number
  /** Extra phrases that are meant to stay in the source language (loan phrases, names), lower case. */
  allow: string[]
  /** Report single words the English dictionary lacks and the source language's dictionary has. */
  sourceWords: boolean
  /** Report source-language titles before a name (`Mme Dupont`, `Herr Merz`, `Sra. García`). */
  titles: boolean
  /** The language the text was translated from (a setting); guessed from the text when not given. */
  sourceLang?: SourceLang
  /** The preset in force (a setting): runs of source words inside English sentences only in `strict`. */
  preset?: 'recommended' | 'strict'
}

/** Source-language titles before a name, with the English ones; some only when the source language is known. */
const TITLES: Array<{title: string; expected: string[]; lang?: SourceLang}> = [
  {title: 'Mme', expected: ['Ms', 'Mrs']}, {title: 'Mlle', expected: ['Ms', 'Miss']}, {title: 'M.', expected: ['Mr'], lang: 'fr'},
  {title: 'MM.', expected: ['Messrs'], lang: 'fr'}, {title: 'Herr', expected: ['Mr']}, {title: 'Frau', expected: ['Ms', 'Mrs']},
  {title: 'Sr.', expected: ['Mr']}, {title: 'Sra.', expected: ['Ms', 'Mrs']}, {title: 'Srta.', expected: ['Ms', 'Miss']},
  {title: 'Dña.', expected: ['Ms', 'Mrs']}, {title: 'Sig.', expected: ['Mr']}, {title: 'Sig.ra', expected: ['Ms', 'Mrs']},
  {title: 'Signora', expected: ['Ms', 'Mrs']}, {title: 'Dott.', expected: ['Dr']}, {title: 'Dott.ssa', expected: ['Dr']},
  {title: 'On.', expected: ['the Hon.'], lang: 'it'}, {title: 'Dhr.', expected: ['Mr']}, {title: 'Mevr.', expected: ['Ms', 'Mrs']},
  {title: 'Pan', expected: ['Mr'], lang: 'pl'}, {title: 'Pani', expected: ['Ms', 'Mrs'], lang: 'pl'}
]
const TITLE_BY_NAME = new Map(TITLES.map((t) => [t.title, t]))
/** A title-like word (letters, optional inner or final dot) before a space and a capitalized word. */
const TITLE_CANDIDATE = /(?<![\p{L}.])(?:Mme|Mlle|MM?\.|Herr|Frau|Sra?\.|Srta\.|Dña\.|Sig\.(?:ra)?|Signora|Dott\.(?:ssa)?|On\.|Dhr\.|Mevr\.|Pani?)(?=[ \u00A0]\p{Lu}\p{Ll})/gu

/** Function words of the source languages that are not English words. */
const FUNCTION_WORDS = new Set([
  // French
  'de', 'la', 'le', 'les', 'des', 'du', 'et', 'est', 'une', 'au', 'aux', 'sur', 'pour', 'dans', 'avec', 'par', 'qui',
  'que', 'ne', 'pas', 'nous', 'vous', 'ils', 'elle', 'sont', 'été', 'cette', 'ces', 'leur', 'selon', 'mais', 'où',
  // German
  'der', 'das', 'und', 'dem', 'ein', 'eine', 'einen', 'ist', 'mit', 'für', 'von', 'zu', 'auf', 'nicht', 'sich',
  'auch', 'wird', 'werden', 'bei', 'nach', 'aus', 'wie', 'oder', 'sie', 'wir', 'über', 'vom', 'zum', 'zur',
  // Spanish / Catalan
  'el', 'los', 'las', 'del', 'y', 'por', 'para', 'una', 'es', 'muy', 'pero', 'como', 'según', 'más', 'els', 'amb',
  // Italian
  'il', 'della', 'delle', 'degli', 'dei', 'che', 'gli', 'nel', 'nella', 'sono', 'lo', 'alla', 'anche', 'però',
  // Portuguese
  'em', 'na', 'um', 'uma', 'os', 'não', 'da', 'dos', 'das', 'ao', 'pelo', 'pela', 'segundo',
  // Dutch
  'het', 'een', 'van', 'voor', 'niet', 'zijn', 'ook', 'naar', 'wordt', 'heeft'
])

/** Loan phrases English uses as they are. */
const LOAN_PHRASES = [
  'persona non grata', "raison d'être", "raison d'etre", "coup d'état", "coup d'etat", 'fait accompli', 'déjà vu',
  'joie de vivre', 'pièce de résistance', 'crème de la crème', 'tour de force', 'esprit de corps', 'hors de combat',
  'cause célèbre', 'vis-à-vis', "c'est la vie", 'je ne sais quoi', 'nom de guerre', 'nom de plume', 'carte blanche',
  'enfant terrible', 'belle époque', 'avant-garde', 'art nouveau', 'la dolce vita', 'dolce far niente', 'sotto voce',
  'fin de siècle', 'mise en scène', 'à la carte', 'à la mode', 'tête-à-tête', 'de facto', 'de jure', 'status quo',
  'modus operandi', 'quid pro quo', 'sine qua non', 'noblesse oblige', 'laissez-faire', 'savoir-faire', 'bête noire',
  'cri de coeur', 'cri de cœur', 'coup de grâce', 'coup de grace', 'coup de théâtre', 'crime passionnel',
  'comme il faut', 'de rigueur', 'film noir', 'haute couture', 'idée fixe', 'par excellence', 'pied-à-terre',
  'plus ça change', 'pret-a-porter', 'prêt-à-porter', 'sans-papiers', 'trompe-l’œil', "trompe-l'oeil", 'vin de table',
  'zeitgeist', 'realpolitik', 'weltanschauung', 'schadenfreude', 'ostpolitik', 'energiewende', 'mittelstand',
  'la niña', 'el niño', 'los desaparecidos', 'aux armes', 'liberté, égalité, fraternité', 'mare nostrum',
  'ancien régime', 'grande école', 'grandes écoles', 'gilets jaunes', 'en masse', 'en route', 'en passant',
  'de trop', 'au fait', 'au pair', 'au revoir', 'bon appétit', 'bon voyage', 'cordon sanitaire', 'dolce vita'
]
/** An acronym (`SPD`, `AfD`) or a number with a word glued to it, each a whole token (bounded parts: linear). */
const GLUED = /(?<![\p{L}\p{N}_-])(\p{Lu}\p{L}{0,4}\p{Lu}|\p{N}{1,4})(-?)(\p{L}{3,40})(?![\p{L}\p{N}_]|-\p{L})/uy
/** A capitalized name, a hyphen and a lower-case word of five letters or more, each a whole token (bounded parts: linear). */
const NAME_GLUED = /(?<![\p{L}\p{N}_-])(\p{Lu}\p{Ll}{4,30})-(\p{Ll}{5,40})(?![\p{L}\p{N}_]|-\p{L})/uy
/** A run that may start GLUED or NAME_GLUED: an ASCII capital or digit, or any other than ASCII (the regex decides). */
function capitalOrDigit(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code >= 128
}

/** `the`, maybe a capitalized word, and a capitalized word (bounded parts, no nesting: linear). */
const THE_CAPITAL = /(?<![\p{L}\p{N}_])[Tt]he (?:(\p{Lu}\p{Ll}{1,30}) )?(\p{Lu}\p{Ll}{3,30})(?![\p{L}\p{N}_'’-])/gu
/** Languages that write plurals with -s or -x and common nouns in lower case. */
const PLURAL_S_LANGS = new Set<SourceLang>(['fr', 'es', 'pt', 'ca', 'nl'])
/** A space and a capitalized word, or a particle and one, after a word: the word is part of a longer name. */
const NAME_GOES_ON = /^ (?:(\p{Ll}{1,4}) )?\p{Lu}/u
/** Particles inside names that are not in FUNCTION_WORDS (Catalan and Italian `per`, `i`, `e`). */
const NAME_LINKS = new Set(['per', 'i', 'e', 'en', 'op'])

/** `word` (a whole word) is somewhere in `text` followed by a capitalized word, or a source particle and one. */
function partOfName(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    if (at > 0 && letterAt(text, at - 1, at) > 0) continue
    const m = NAME_GOES_ON.exec(text.slice(at + word.length, at + word.length + 12))
    if (m && (m[1] === undefined || FUNCTION_WORDS.has(m[1]) || NAME_LINKS.has(m[1]))) return true
  }
  return false
}

/** `spans` sorted and merged where they overlap. */
function mergeSpans(spans: Array<[number, number]>): Array<[number, number]> {
  const merged: Array<[number, number]> = []
  for (const [a, b] of [...spans].sort((x, y) => x[0] - y[0])) {
    const last = merged[merged.length - 1]
    if (last && a < last[1]) last[1] = Math.max(last[1], b)
    else merged.push([a, b])
  }
  return merged
}

/** Singulars of a Romance or Dutch plural: `espoirs` → `espoir`, `jeux` → `jeu`, `leones` → `leon`. */
function singularOf(plural: string): string[] {
  const out = [plural.slice(0, -1)]
  if (plural.endsWith('es')) out.push(plural.slice(0, -2))
  return out
}

/** English words that follow a name and a hyphen as a modifier: `Merkel-style`, `Trump-friendly`. */
const ENGLISH_COMBINING = new Set(['style', 'friendly', 'sized', 'level', 'class', 'proof', 'centric', 'esque'])
const LANGS = ['eng', 'fra', 'deu', 'spa', 'ita', 'por', 'nld', 'cat', 'pol']
const ELISION = /^(l|d|qu|j|n|s|c|m|t|dell|all|nell|sull|dall|un)['’](.+)$/i
const LOWER = /\p{Ll}/gu

interface Token {
  start: number
  end: number
  value: string
  /**
   * F: source function word, N: not an English word, E: English word, P: name particle (`de` in `Charles de Gaulle`).
   * Undefined until asked for: E/N needs a lexicon lookup, and most tokens never need it (see `kind` in check).
   */
  kind: 'F' | 'N' | 'E' | 'P' | undefined
}

/** Longest function word: a longer token (lowercasing never shortens) is not one. */
const MAX_FUNCTION_WORD = Math.max(...[...FUNCTION_WORDS].map((w) => w.length))
/**
 * Length × first letter × second letter of the function words that start with two ASCII
 * characters: a token (or its capitalized form) with another ASCII shape is no function word,
 * which most tokens show without a string hash.
 */
const FUNCTION_SHAPES = new Uint8Array((MAX_FUNCTION_WORD + 1) * 128 * 128)
for (const w of FUNCTION_WORDS) {
  const a = w.charCodeAt(0)
  const b = w.length > 1 ? w.charCodeAt(1) : 0
  if (a < 128 && b < 128) FUNCTION_SHAPES[(w.length * 128 + a) * 128 + b] = 1
}

/** Allow list (loan phrases + options), apostrophes normalized (once per attachment: `ctx.once`). */
function allowList(extra: string[]): string[] {
  return [...LOAN_PHRASES, ...extra.map((s) => s.toLowerCase())].map((p) => p.replace(/’/g, "'"))
}

export default defineRule<UntranslatedOptions>({
  id: 'untranslated',
  category: 'untranslated',
  readsTree: true,
  description: 'A sentence, aside or run of words left in the source language.',
  note:
    'Machine translation passes through what it cannot parse (bracketed asides, quotes, titles, rare terms) and sometimes a whole sentence, leaving source-language text in the English output.',
  defaults: {minRun: 3, allow: [], sourceWords: true, titles: true},
  check(ctx) {
    const {text, options} = ctx
    const sentences = sentenceSpans(ctx.tree)
    if (sentences.length === 0) return
    const lex = getLexicon()
    const allow = ctx.once('allow', () => allowList(options.allow))
    const reported: Array<[number, number]> = []
    let spans: Array<[number, number]> | undefined
    const insideQuotes = (start: number, end: number) => within((spans ??= quotedSpans(text)), start, end)
    // The same test for tokens, which come in text order: a cursor instead of a binary search.
    const inQuotes = new QuoteCursor(() => (spans ??= quotedSpans(text)))
    const kind = (t: Token) => (t.kind ??= classify(t.value, lex))
    const lowerN = (t: Token) => kind(t) === 'N' && /^\p{Ll}/u.test(t.value) && t.value.length >= 3
    // Next lower-case letter at or after the current sentence (one forward scan over the whole text).
    let lowerFrom = -1
    let lowerEnd = -1
    // Each sentence's tokens, kept for step 5 (undefined: no lower-case letter, so nothing for it either).
    const sentenceTokens: Array<Token[] | undefined> = []
    for (let s = 0; s < sentences.length; s++) {
      const sentence = sentences[s]
      if (lowerFrom < sentence.start) {
        LOWER.lastIndex = sentence.start
        const m = LOWER.exec(text)
        lowerFrom = m ? m.index : text.length
        lowerEnd = m ? m.index + m[0].length : text.length + 1
      }
      // no lower-case letter in the sentence: nothing to read
      if (lowerEnd > sentence.end) continue
      const tokens = tokenize(text, sentence.start, sentence.end, lex)
      if (tokens.length === 0) continue
      markParticles(tokens)
      sentenceTokens[s] = tokens
      const unquoted = tokens.filter((t) => !inQuotes.at(t.start, t.end))
      const lower = unquoted.filter((t) => t.kind !== 'P' && lowerStart(t.value))
      // 1. Whole sentence in another language (quoted parts and names aside).
      if (lower.length >= 5) {
        // Count English words only until the share reaches 0.3 (it only grows): most sentences stop early.
        let english = 0
        for (const t of lower) if (kind(t) === 'E' && ++english / lower.length >= 0.3) break
        if (english / lower.length < 0.3) {
          const probe = unquoted.map((t) => t.value).join(' ')
          const lang = franc(probe, {only: LANGS, minLength: 20})
          if (lang !== 'eng' && lang !== 'und') {
            const start = tokens[0].start
            const end = tokens[tokens.length - 1].end
            reported.push([start, end])
            ctx.report({
              start,
              end,
              reason: `Unexpected sentence in another language (${lang}), expected English`
            })
            continue
          }
        }
      }
      // 2. Runs of source-language words inside an English sentence: maximal stretches of adjacent
      // tokens that are neither English words nor particles. A run without a function word is never
      // reported, so only the runs around function words are built (and only their tokens looked up).
      const open = (t: Token) => kind(t) !== 'E' && t.kind !== 'P'
      let done = 0
      // Runs inside English sentences are often names and loan phrases: only in the strict preset.
      if (options.preset !== 'strict') continue
      for (let f = 0; f < tokens.length; f++) {
        if (f < done || tokens[f].kind !== 'F') continue
        let i = f
        while (i > done && open(tokens[i - 1]) && adjacent(text, tokens[i - 1], tokens[i])) i--
        let j = f + 1
        while (j < tokens.length && open(tokens[j]) && adjacent(text, tokens[j - 1], tokens[j])) j++
        done = j
        const run = tokens.slice(i, j)
        // a run does not end on a function word (`jefe del gabinete de` + English `crisis`)
        while (run.length > 0 && run[run.length - 1].kind === 'F') run.pop()
        if (run.length < options.minRun) continue
        const fn = run.filter((t) => t.kind === 'F').length
        const nonEnglish = run.filter(lowerN).length
        if (fn === 0 || nonEnglish === 0 || fn === run.length) continue
        // A short capitalized run is a title, slogan or name (`Allez les bleus`, `Dans les étoilés`).
        if (/^\p{Lu}/u.test(run[0].value) && run.length < options.minRun + 2) continue
        const start = run[0].start
        const end = run[run.length - 1].end
        const phrase = text.slice(start, end)
        if (allowed(phrase, allow)) continue
        if (insideQuotes(start, end) || italic(text, start, end)) continue
        if (reported.some(([a, b]) => start < b && end > a)) continue
        reported.push([start, end])
        ctx.report({start, end, reason: `Unexpected untranslated \`${phrase}\`, expected English`})
      }
    }

    // The language guess reads the whole text: made when a candidate needs it, not before.
    let guessed: {lang: SourceLang | undefined} | undefined
    const langOf = () => (guessed ??= {lang: sourceLangOf(text, options.sourceLang)}).lang
    const overlaps = (start: number, end: number) => reported.some(([a, b]) => start < b && end > a)

    // 3. Source-language titles before a name: `Mme Dupont`, `Herr Merz`.
    if (options.titles) {
      TITLE_CANDIDATE.lastIndex = 0
      for (let m = TITLE_CANDIDATE.exec(text); m; m = TITLE_CANDIDATE.exec(text)) {
        const entry = TITLE_BY_NAME.get(m[0])
        if (!entry || (entry.lang && entry.lang !== langOf())) continue
        const start = m.index
        const end = start + m[0].length
        // `J. M. Coetzee`, `Smith Sr. Jones`: an initial or a name before it, not a title.
        if (m[0].endsWith('.') && /(?:^|[\s(])\p{Lu}\.[ \u00A0]$|\p{Lu}\p{Ll}+[ \u00A0]$/u.test(text.slice(Math.max(0, start - 20), start))) continue
        if (overlaps(start, end) || insideQuotes(start, end)) continue
        reported.push([start, end])
        ctx.report({
          start,
          end,
          expected: entry.expected,
          fix: 'suggestion',
          reason: `Unexpected untranslated title \`${m[0]}\`, expected \`${entry.expected.join('` or `')}\``,
          note: 'A courtesy title before a name was left in the source language; English news uses Mr, Ms or the bare surname.'
        })
      }
    }

    // How often each lower-cased word occurs (steps 4 and 5), counted when first asked.
    const wordCount = wordCounter(text)

    let wordLangMemo: {lang: SourceLang | undefined} | undefined
    const wordLangOf = () => (wordLangMemo ??= {lang: langOf() ?? likeliestLang(text)}).lang

    // 4. A source word glued to an acronym or a number (`SPD-Führungsduos`, `the 5Stelle`): English writes
    // `SPD leadership duo` and `Five Star`, so the word was carried over whole with its compound.
    if (options.sourceWords) {
      for (const m of runStartMatches(text, GLUED, capitalOrDigit)) {
        const [, head, hyphen, part] = m
        // `SPD-Chef`, `5Stelle`, `5-Sterne`: after an acronym a hyphen; after a number a capital.
        if (/^\p{Lu}/u.test(head) ? hyphen === '' : !/^\p{Lu}/u.test(part)) continue
        if (lex.isWord(part) || lex.isWord(part.toLowerCase()) || part === part.toUpperCase()) continue
        const start = m.index + head.length + hyphen.length
        const end = start + part.length
        if (overlaps(start, end) || insideQuotes(start, end) || italic(text, m.index, end)) continue
        if (allowed(part, allow)) continue
        // A word the text also uses on its own is its vocabulary or a name (`SPD-Scholz` after `Olaf Scholz`).
        if (wordCount(part.toLowerCase()) >= 2) continue
        // The text's language, or (a rare candidate) every source language whose dictionary has it.
        const known = (l: SourceLang) => {
          const d = sourceDictionary(l)
          return d !== null && isWordOrCompound(d, part)
        }
        const textLang = wordLangOf()
        const langs = textLang ? (known(textLang) ? [textLang] : []) : SOURCE_LANGS.filter(known)
        if (langs.length === 0) continue
        const names = langs.map((l) => SOURCE_LANG_NAMES[l]).join(', ').replace(/, (?=[^,]*$)/, ' or ')
        reported.push([start, end])
        ctx.report({
          start,
          end,
          reason: `Unexpected untranslated \`${part}\` (a ${names} word, not an English one), expected English`,
          note: `\`${part}\` is glued to \`${head}\` as ${names} writes it; English writes an acronym or a number apart from an English word.`
        })
      }
    }

    // 4b. A name glued to a noun with a hyphen, as Dutch and German write compounds (`Telesport-verslaggever`,
    // `Ajax-trainer`): English writes `Ajax coach`. Only a name no English dictionary knows (not `Indo-`),
    // and not an English combining word (`Merkel-style`, `Covid-related`).
    if (options.sourceWords) {
      for (const m of text.includes('-') ? runStartMatches(text, NAME_GLUED, capitalOrDigit) : []) {
        const [whole, head, part] = m
        if (/(?:ed|ing)$/.test(part) || ENGLISH_COMBINING.has(part) || lex.isWord(head)) continue
        const start = m.index
        const end = start + whole.length
        if (overlaps(start, end) || insideQuotes(start, end) || italic(text, start, end) || allowed(whole, allow)) continue
        const lang = wordLangOf()
        if (lang !== 'nl' && lang !== 'de') break
        const dict = sourceDictionary(lang)
        if (!dict || !isWordOrCompound(dict, part)) continue
        reported.push([start, end])
        ctx.report({
          start,
          end,
          reason: `Unexpected untranslated \`${whole}\` (a ${SOURCE_LANG_NAMES[lang]} compound of a name and a noun), expected \`${head}\` apart from an English noun`,
          note: `${SOURCE_LANG_NAMES[lang]} joins a name and a noun with a hyphen; English writes them apart (and the noun in English: check it).`
        })
      }
    }

    // 4c. A plural common noun of the source language capitalized as a name after `the` (`the Espoirs`,
    // `the Euro Espoirs`, `the Blancos`): MT keeps the nickname of a team or a group (`les Espoirs`,
    // the under-21 side) as if it were a name. Only in languages that write plurals with -s or -x and
    // their nouns in lower case; not a word English knows, a word the text uses as part of a longer
    // name (`Junts per Catalunya`), or one whose singular the dictionary lacks.
    if (options.sourceWords && text.includes('he ')) {
      // one scan of the text per word, however often it comes (linear)
      const namedMemo = new Map<string, boolean>()
      // the spans reported so far, merged and in order: a forward cursor (this step's own reports come in order)
      const taken = mergeSpans(reported)
      let cursor = 0
      THE_CAPITAL.lastIndex = 0
      for (let m = THE_CAPITAL.exec(text); m; m = THE_CAPITAL.exec(text)) {
        const [, before, word] = m
        // after a name (`the Montreal Canadiens`): a team's own name; after a common word (`the Euro Espoirs`) still a nickname
        if (before !== undefined && !lex.isLowerWord(before)) continue
        const start = m.index + m[0].length - word.length
        const end = start + word.length
        const lower = word.toLowerCase()
        if (!/[sx]$/.test(lower) || lex.isWord(word) || lex.isWord(lower) || englishDerivation(lower, lex)) continue
        while (cursor < taken.length && taken[cursor][1] <= start) cursor++
        if (cursor < taken.length && taken[cursor][0] < end) continue
        if (insideQuotes(start, end) || italic(text, start, end) || allowed(word, allow)) continue
        const lang = wordLangOf()
        if (!lang || !PLURAL_S_LANGS.has(lang)) continue
        const dict = sourceDictionary(lang)
        if (!dict || !dict.isWord(lower) || !singularOf(lower).some((s) => dict.isWord(s))) continue
        // anywhere in the text followed by a capitalized word, or a particle and one: a name (`Junts per Catalunya`)
        let named = namedMemo.get(word)
        if (named === undefined) namedMemo.set(word, (named = partOfName(text, word)))
        if (named) continue
        reported.push([start, end])
        ctx.report({
          start,
          end,
          reason: `Unexpected untranslated \`${word}\` (a ${SOURCE_LANG_NAMES[lang]} plural, \`${lower}\`, capitalized as a name), expected English`,
          note: `\`${lower}\` is a common noun of ${SOURCE_LANG_NAMES[lang]}; the translation kept it as the name of a team or a group (English: \`the Under-21s\`, \`the Whites\`, \`the Greens\`).`
        })
      }
    }

    // 5. Single words the English dictionary lacks and the source language's dictionary has.
    // Single words are checked against the likeliest source language even on thin evidence: the
    // dictionary look-up is the evidence, and a text with no source-language trace loads nothing.
    if (options.sourceWords) {
      let dict: ReturnType<typeof sourceDictionary> | undefined
      // The tokens of step 1, where a function word between two names is a particle (P): here still one (F).
      for (const tokens of sentenceTokens) {
        if (tokens === undefined) continue
        for (let k = 0; k < tokens.length; k++) {
          const t = tokens[k]
          if (t.value.length < 4 || !lowerStart(t.value) || t.kind === 'F' || t.kind === 'P') continue
          if (kind(t) !== 'N' || t.value.includes('-') || /[\d_]/.test(t.value)) continue
          if (overlaps(t.start, t.end) || italic(text, t.start, t.end)) continue
          if (allowed(text.slice(Math.max(0, t.start - 24), t.end + 24), allow)) continue
          // A British spelling the American dictionary lacks (`catalogues`, `organised`, `centre`), or an
          // English derivation of a known word (`reconversion`, `duplications`, `flyers`).
          if (britishOf(t.value, lex) || englishDerivation(t.value, lex)) continue
          // A word the text uses again and again is its vocabulary, not a slip of the translation.
          if (wordCount(t.value) >= 2) continue
          // Next to another source word (`Allez les bleus`, `la Légion d’honneur`): a phrase quoted on purpose.
          const foreign = (u: Token | undefined) => u !== undefined && (u.kind === 'F' || u.kind === 'P' || (kind(u) === 'N' && !/^\p{Lu}/u.test(u.value)))
          if (foreign(tokens[k - 1]) || foreign(tokens[k + 1])) continue
          // A lower-case word glued to a capital or a digit is a name or a code (`iPhone`, `x86`).
          if (/\p{Lu}/u.test(t.value)) continue
          const wordLang = wordLangOf()
          if (!wordLang) break
          dict ??= sourceDictionary(wordLang)
          if (!dict || !dict.isWord(t.value)) continue
          reported.push([t.start, t.end])
          ctx.report({
            start: t.start,
            end: t.end,
            reason: `Unexpected untranslated \`${t.value}\` (a ${SOURCE_LANG_NAMES[wordLang]} word, not an English one), expected English`,
            note: `The English dictionary does not know \`${t.value}\`; the ${SOURCE_LANG_NAMES[wordLang]} one does. Check whether the translation left a word of the source in the text.`
          })
        }
      }
    }
  }
})

/**
 * The tokens of `text` between `from` and `to`: `[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*` matches, found by a
 * char-code scan (no match objects), with elided articles split off (`l’Intérieur` → `l’` + `Intérieur`).
 */
/**
 * The sentence spans of `viewOf(tree).sentences`, read straight from the tree: this rule needs no
 * word list, so it does not build one when it runs alone.
 */
function sentenceSpans(tree: Root): Span[] {
  const spans: Span[] = []
  for (const paragraph of tree.children) {
    if (paragraph.type !== 'ParagraphNode' || !paragraph.position) continue
    for (const sentence of paragraph.children) {
      if (sentence.type !== 'SentenceNode' || !sentence.position) continue
      spans.push({start: sentence.position.start.offset ?? 0, end: sentence.position.end.offset ?? 0})
    }
  }
  return spans
}

function tokenize(text: string, from: number, to: number, lex: Lexicon): Token[] {
  const tokens: Token[] = []
  let p = from
  while (p < to) {
    let width = letterAt(text, p, to)
    if (width === 0) {
      p++
      continue
    }
    const start = p
    let apostrophe = false
    p += width
    for (;;) {
      while (p < to && (width = letterAt(text, p, to)) > 0) p += width
      const c = text.charCodeAt(p)
      if (p + 1 < to && (c === 39 || c === 0x2019 || c === 45) && letterAt(text, p + 1, to) > 0) {
        if (c !== 45) apostrophe = true
        p++
        continue
      }
      break
    }
    const value = text.slice(start, p)
    const elided = apostrophe ? ELISION.exec(value) : null
    if (elided && !lex.isWord(value)) {
      const cut = value.length - elided[2].length
      tokens.push({start, end: start + cut, value: value.slice(0, cut), kind: 'F'})
      tokens.push(token(elided[2], start + cut))
      continue
    }
    tokens.push(token(value, start))
  }
  return tokens
}

/** `[\p{L}\p{M}]` by UTF-16 code unit, filled on first sight: 1 yes, 2 no. */
const LETTER_TABLE = new Uint8Array(0x10000)
const LETTER = /[\p{L}\p{M}]/u

/** Width (1, or 2 for a surrogate pair) of the letter or mark at `p`, 0 if none; a pair must end before `to`. */
function letterAt(text: string, p: number, to: number): number {
  const c = text.charCodeAt(p)
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 0
  if (c >= 0xd800 && c <= 0xdfff) {
    const d = text.charCodeAt(p + 1)
    if (c <= 0xdbff && p + 1 < to && d >= 0xdc00 && d <= 0xdfff) return LETTER.test(text.slice(p, p + 2)) ? 2 : 0
    return 0
  }
  let v = LETTER_TABLE[c]
  if (v === 0) LETTER_TABLE[c] = v = LETTER.test(String.fromCharCode(c)) ? 1 : 2
  return v === 1 ? 1 : 0
}

/** Function words between two capitalized words are name particles: `Charles de Gaulle`, `Ursula von der Leyen`. */
function markParticles(tokens: Token[]): void {
  const cap = (t: Token | undefined) => t !== undefined && upperStart(t.value) && t.kind !== 'F'
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].kind !== 'F' || !lowerStart(tokens[i].value)) continue
    let j = i
    while (j < tokens.length && tokens[j].kind === 'F' && lowerStart(tokens[j].value)) j++
    if (cap(tokens[i - 1]) && cap(tokens[j])) for (let k = i; k < j; k++) tokens[k].kind = 'P'
    i = j - 1
  }
}

/** A token, marked F when it is a source function word (as is, or capitalized); otherwise left unclassified. */
function token(value: string, start: number): Token {
  const end = start + value.length
  let fn = false
  if (value.length <= MAX_FUNCTION_WORD && functionShape(value)) {
    if (FUNCTION_WORDS.has(value)) fn = true
    else if (value[0] !== value[0].toLowerCase() && FUNCTION_WORDS.has(value.toLowerCase())) {
      fn = value.slice(1) === value.slice(1).toLowerCase()
    }
  }
  return {start, end, value, kind: fn ? 'F' : undefined}
}

/**
 * False when `value` can be neither a function word nor a capitalized one (`Der`): both need the
 * lower-case first letter and the second letter of a function word. Non-ASCII letters are not judged here.
 */
function functionShape(value: string): boolean {
  let a = value.charCodeAt(0)
  const b = value.length > 1 ? value.charCodeAt(1) : 0
  if (a >= 128 || b >= 128) return true
  if (a >= 65 && a <= 90) a += 32
  return FUNCTION_SHAPES[(value.length * 128 + a) * 128 + b] === 1
}

/** `/^\p{Ll}/u` with an ASCII fast path. */
function lowerStart(value: string): boolean {
  const c = value.charCodeAt(0)
  return c < 128 ? c >= 97 && c <= 122 : /^\p{Ll}/u.test(value)
}

/** `/^\p{Lu}/u` with an ASCII fast path. */
function upperStart(value: string): boolean {
  const c = value.charCodeAt(0)
  return c < 128 ? c >= 65 && c <= 90 : /^\p{Lu}/u.test(value)
}

/** E (an English word) or N, for a token that is not a function word. */
function classify(value: string, lex: Lexicon): 'E' | 'N' {
  const known = lex.isWord(value) || (value.includes('-') && value.split('-').every((p) => lex.isWord(p)))
  return known ? 'E' : 'N'
}


const ENGLISH_PREFIXES = ['re', 'un', 'de', 'dis', 'pre', 'non', 'over', 'under', 'co', 'inter', 'counter', 'anti', 'post', 'mis', 'sub', 'super', 'out', 'multi', 'semi']
const ENGLISH_SUFFIXES: Array<[string, string[]]> = [
  ['s', ['']], ['es', ['', 'e']], ['ed', ['', 'e']], ['ing', ['', 'e']], ['er', ['', 'e']], ['ers', ['', 'e', 'er']], ['ly', ['', 'le']],
  ['ness', ['']], ['ist', ['', 'ism']], ['ists', ['', 'ism']], ['ism', ['']], ['ity', ['', 'e']], ['ization', ['ize']], ['ations', ['ation', 'e', '']],
  ['ions', ['ion']], ['ation', ['e', '']], ['able', ['', 'e']], ['ment', ['']], ['ments', ['']], ['ship', ['']]
]

/** `value` is a known English word with an English prefix or suffix added (`reconversion`, `flyers`). */
function englishDerivation(value: string, lex: Lexicon): boolean {
  for (const p of ENGLISH_PREFIXES) {
    if (value.length > p.length + 3 && value.startsWith(p) && lex.isWord(value.slice(p.length))) return true
  }
  for (const [suffix, restore] of ENGLISH_SUFFIXES) {
    if (value.length <= suffix.length + 2 || !value.endsWith(suffix)) continue
    const base = value.slice(0, -suffix.length)
    if (restore.some((r) => lex.isWord(base + r))) return true
  }
  return false
}

/** Distinct words counted one by one (a search of the text each) before all the text's words are counted at once. */
const COUNT_ONE_BY_ONE = 8

/**
 * How often `word` occurs as a whole word (`[\p{L}\p{M}]+`) of the lower-cased `text`, what
 * `countWords(text).get(word) ?? 0` gives: most texts ask for a word or two, so each is searched
 * for on its own, and the whole text counted only when many are asked for.
 */
function wordCounter(text: string): (word: string) => number {
  let lower: string | undefined
  let all: Map<string, number> | undefined
  const asked = new Map<string, number>()
  return (word) => {
    if (all) return all.get(word) ?? 0
    const known = asked.get(word)
    if (known !== undefined) return known
    if (asked.size >= COUNT_ONE_BY_ONE) {
      all = countWords(text)
      return all.get(word) ?? 0
    }
    lower ??= text.toLowerCase()
    const n = countWord(lower, word)
    asked.set(word, n)
    return n
  }
}

/** How many runs of letters and marks of `lower` are `word` (0 when `word` is not one such run). */
function countWord(lower: string, word: string): number {
  if (word === '') return 0
  for (let p = 0; p < word.length; ) {
    const width = letterAt(word, p, word.length)
    if (width === 0) return 0
    p += width
  }
  let n = 0
  for (let i = lower.indexOf(word); i >= 0; i = lower.indexOf(word, i + 1)) {
    const end = i + word.length
    if (letterAt(lower, end, lower.length) === 0 && !letterBefore(lower, i)) n++
  }
  return n
}

/** A letter or mark ends right before `p` (a surrogate pair read whole, as letterAt reads it). */
function letterBefore(text: string, p: number): boolean {
  if (p === 0) return false
  const c = text.charCodeAt(p - 1)
  if (c >= 0xdc00 && c <= 0xdfff && p >= 2) {
    const h = text.charCodeAt(p - 2)
    if (h >= 0xd800 && h <= 0xdbff) return letterAt(text, p - 2, p) === 2
  }
  return letterAt(text, p - 1, p) > 0
}

/** How often each lower-cased word (`[\p{L}\p{M}]+`) occurs in `text` (one pass, by letterAt: no match objects). */
function countWords(text: string): Map<string, number> {
  const counts = new Map<string, number>()
  const lower = text.toLowerCase()
  const n = lower.length
  for (let p = 0; p < n; ) {
    let width = letterAt(lower, p, n)
    if (width === 0) {
      p++
      continue
    }
    const start = p
    do p += width
    while (p < n && (width = letterAt(lower, p, n)) > 0)
    const word = lower.slice(start, p)
    counts.set(word, (counts.get(word) ?? 0) + 1)
  }
  return counts
}

/** British spellings and their American forms, as endings or inner letters. */
const BRITISH: Array<[RegExp, string]> = [
  [/our(?=s?$|ed$|ing$|ite|able|ful|less)/, 'or'], [/is(?=e[sd]?$|ing$|ation)/, 'iz'], [/ys(?=e[sd]?$|ing$)/, 'yz'],
  [/([bt])re(?=s?$)/, '$1er'], [/ogue(?=s?$)/, 'og'], [/ae/, 'e'], [/oe/, 'e'], [/ll(?=ed$|ing$|er$|ers$)/, 'l'], [/ence$/, 'ense'], [/mme$/, 'm']
]

/** `value` is a British form of a word the (American) English dictionary knows. */
function britishOf(value: string, lex: Lexicon): boolean {
  for (const [pattern, american] of BRITISH) {
    if (pattern.test(value) && lex.isWord(value.replace(pattern, american))) return true
  }
  return false
}

function adjacent(text: string, a: Token, b: Token): boolean {
  return /^[\s'’]*$/.test(text.slice(a.end, b.start))
}

function allowed(phrase: string, allow: string[]): boolean {
  const lower = phrase.toLowerCase().replace(/’/g, "'")
  return allow.some((p) => lower.includes(p))
}

/** `within` for positions that only grow: the last span opening before `start` found by a forward cursor. */
class QuoteCursor {
  private spans: Array<[number, number]> | undefined
  private last = -1
  constructor(private readonly load: () => Array<[number, number]>) {}
  at(start: number, end: number): boolean {
    const spans = (this.spans ??= this.load())
    while (this.last + 1 < spans.length && spans[this.last + 1][0] < start) this.last++
    const found = this.last
    for (let k = found; k >= 0 && k >= found - 2; k--) if (spans[k][0] < start && spans[k][1] >= end) return true
    return false
  }
}

function within(spans: Array<[number, number]>, start: number, end: number): boolean {
  // last span opening before `start`; spans nest rarely, so also check its predecessor
  let lo = 0
  let hi = spans.length - 1
  let found = -1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (spans[mid][0] < start) {
      found = mid
      lo = mid + 1
    } else hi = mid - 1
  }
  for (let k = found; k >= 0 && k >= found - 2; k--) if (spans[k][0] < start && spans[k][1] >= end) return true
  return false
}

function italic(text: string, start: number, end: number): boolean {
  return (text[start - 1] === '*' && text[end] === '*') || (text[start - 1] === '_' && text[end] === '_')
}
