/**
 * Letters lost in encoding: a pipeline that cannot hold a character drops
 * it, so `Hernández` becomes `Hernndez` and `président` becomes `prsident`.
 * The evidence is the text itself (it writes the word in full elsewhere) or
 * the two dictionaries: the word as written is in neither the English one
 * nor the source language's, and putting back exactly one letter that the
 * source language writes (and ASCII does not) gives exactly one word the
 * source dictionary knows. Either way the letter lost is inside the word and
 * leaves a run of three consonants or more (`rnnd`, `prs`, `Mll`): a
 * well-formed word (`Doria`, `Pell`, `Estado`) is a word, not damage.
 */
import type {SourceLang} from '../../types.js'
import type {SourceDictionary} from '../../lexicon/hunspell.js'
import type {Lexicon} from '../../lexicon/index.js'
import {classBefore, classOf, LETTER, OTHER} from '../../char-class.js'

/** The letters each language writes that ASCII lacks (lower case; a capital is never put back first). */
const LETTERS: Record<SourceLang, string> = {
  fr: 'àâæçéèêëîïôœùûüÿ',
  de: 'äöüß',
  es: 'áéíóúñü',
  it: 'àèéìíòóùú',
  pt: 'áàâãçéêíóôõú',
  nl: 'éëïöü',
  ca: 'àçéèíïòóúü',
  pl: 'ąćęłńóśźż'
}

/** A run of 4 to 30 ASCII letters; its edges are checked apart (a Unicode lookbehind at every position is slow). */
const ASCII_RUN = /[A-Za-z]{4,30}/g

/** Nothing of a longer word, an address or a hyphenated form touches text[start, end): no letter, mark or digit, `_ @ / . ' ’ -` before; no `_ @ /`, nor `' ’ -` and a letter, after. */
function standsAlone(text: string, start: number, end: number): boolean {
  if (classBefore(text, start) !== OTHER || (start > 0 && "_@/.'’-".includes(text[start - 1]))) return false
  if (end >= text.length) return true
  if (classOf(text.codePointAt(end)!) !== OTHER || '_@/'.includes(text[end])) return false
  return !("'’-".includes(text[end]) && end + 1 < text.length && classOf(text.codePointAt(end + 1)!) === LETTER)
}

export interface LostLetter {
  start: number
  end: number
  actual: string
  expected: string
  /** The letter put back. */
  letter: string
  /** Where the repair comes from: the text writes the word in full, or the source dictionary knows it. */
  evidence: 'text' | 'dictionary'
}

/** The source language the dictionary evidence reads, and its dictionary. */
export interface LostLetterSource {
  lang: SourceLang
  dict: SourceDictionary
}

/**
 * The words of `text` that lost one letter, each with its repair: the text's own evidence first
 * (it writes the word in full elsewhere, `Hernández` beside `Hernndez`: no dictionary needed),
 * else the source dictionary's (see above). A word with two repairs is left alone.
 */
export function findLostLetters(text: string, lex: Lexicon, source: LostLetterSource | undefined): LostLetter[] {
  const found: LostLetter[] = []
  const inText = fullForms(text)
  if (!source && inText.size === 0) return found
  const memo = source ? memoOf(source.lang) : undefined
  const letters = source ? LETTERS[source.lang] : ''
  ASCII_RUN.lastIndex = 0
  for (let m = ASCII_RUN.exec(text); m; m = ASCII_RUN.exec(text)) {
    const word = m[0]
    const end = m.index + word.length
    if (!standsAlone(text, m.index, end)) continue
    let repair = inText.get(word)
    let evidence: LostLetter['evidence'] = 'text'
    if (repair !== undefined && (repair === '' || lex.isWord(word) || lex.isWord(word.toLowerCase()) || source?.dict.isWord(word))) repair = ''
    if (repair === undefined && source && memo) {
      evidence = 'dictionary'
      repair = memo.get(word)
      if (repair === undefined) {
        repair = repairOf(word, letters, source.dict, lex)
        // Bounded: a long run over many documents meets an open-ended vocabulary.
        if (memo.size >= 50000) memo.clear()
        memo.set(word, repair)
      }
    }
    if (!repair) continue
    const at = repairAt(word, repair)
    found.push({start: m.index, end, actual: word, expected: repair, letter: repair[at], evidence})
  }
  return found
}

/** A letter outside ASCII that a pipeline may drop (Latin-1 and Latin Extended-A/B). */
const LATIN_OFF = /[\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F]/g

function asciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
}

/**
 * The text's words with one letter outside ASCII and ASCII letters around it (`Hernández`,
 * `München`), by the form the loss of that letter leaves ('' where two words leave the same).
 * Found from each such letter outwards over char codes (a Unicode lookbehind at every position is slow).
 */
function fullForms(text: string): Map<string, string> {
  const forms = new Map<string, string>()
  LATIN_OFF.lastIndex = 0
  for (let m = LATIN_OFF.exec(text); m; m = LATIN_OFF.exec(text)) {
    const at = m.index
    let from = at
    while (from > 0 && asciiLetter(text.charCodeAt(from - 1))) from--
    let to = at + 1
    while (to < text.length && asciiLetter(text.charCodeAt(to))) to++
    // another letter, a mark or a digit at either edge: not a word of this shape
    if (from === at || to === at + 1) continue
    if (classBefore(text, from) !== OTHER || (to < text.length && classOf(text.codePointAt(to)!) !== OTHER)) continue
    const full = text.slice(from, to)
    const dropped = text.slice(from, at) + text.slice(at + 1, to)
    if (dropped.length < 4 || dropped.length > 30) continue
    // As with the dictionary's evidence, the loss leaves a run of three consonants (`Hernndez`, `Mnchen`):
    // `Estado` beside `Estadão` is a word of its own.
    if (consonantRun(dropped.toLowerCase(), at - from) < 3) continue
    const seen = forms.get(dropped)
    forms.set(dropped, seen === undefined || seen === full ? full : '')
  }
  return forms
}

/** Each word's repair ('' for none) per language, kept from document to document. */
const memos = new Map<SourceLang, Map<string, string>>()
function memoOf(lang: SourceLang): Map<string, string> {
  let memo = memos.get(lang)
  if (!memo) memos.set(lang, (memo = new Map()))
  return memo
}

/** The one repair of `word`, or '' (a known word, an acronym, no repair, or more than one). */
function repairOf(word: string, letters: string, dict: SourceDictionary, lex: Lexicon): string {
  // An acronym or a word in capitals: its lost letter would be a capital, and `HERNNDEZ` is rare.
  if (/^[A-Z]+$/.test(word) || /[a-z][A-Z]/.test(word)) return ''
  const lower = word.toLowerCase()
  // Where a letter may have been: inside the word, after its first letter (a lost first letter leaves
  // nothing to anchor the word, `cole`) and before its last (a lost last letter leaves a word that
  // reads whole, `Pell`), in a run of three consonants or more. Found first: it is free, the
  // dictionary look-ups below are not.
  const gaps: number[] = []
  for (let i = 1; i < word.length; i++) if (consonantRun(lower, i) >= 3) gaps.push(i)
  if (gaps.length === 0 || lex.isWord(word) || lex.isWord(lower) || dict.isWord(word)) return ''
  let repair = ''
  for (const i of gaps) {
    // A letter put back beside the same letter (`Hernnndez`) reads the same: counted once.
    for (const letter of letters) {
      const candidate = word.slice(0, i) + letter + word.slice(i)
      if (!dict.isWord(candidate)) continue
      if (repair !== '' && repair !== candidate) return ''
      repair = candidate
    }
  }
  return repair
}

const VOWELS = new Set('aeiouy')

/** The length of the run of consonants (ASCII letters) that goes through the gap before `word[at]`. */
function consonantRun(word: string, at: number): number {
  let from = at
  while (from > 0 && !VOWELS.has(word[from - 1])) from--
  let to = at
  while (to < word.length && !VOWELS.has(word[to])) to++
  return to - from
}

/** Where `repair` has the letter that `word` lacks. */
function repairAt(word: string, repair: string): number {
  let i = 0
  while (i < word.length && word[i] === repair[i]) i++
  return i
}
