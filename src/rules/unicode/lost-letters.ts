/**
 * Letters lost in encoding: a pipeline that cannot hold a character drops
 * it, so `Hernández` becomes `Hernndez` and `président` becomes `prsident`.
 * The evidence is the two dictionaries: the word as written is in neither
 * the English one nor the source language's, and putting back exactly one
 * letter that the source language writes (and ASCII does not) gives exactly
 * one word the source dictionary knows. The letter lost is inside the word
 * and leaves a run of three consonants or more (`rnnd`, `prs`, `Mll`): a
 * well-formed word (`Doria`, `Pell`) is a name, not damage.
 */
import type {SourceLang} from '../../types.js'
import type {SourceDictionary} from '../../lexicon/hunspell.js'
import type {Lexicon} from '../../lexicon/index.js'

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
/** What may not touch a word before it: a letter, a mark, a digit, `_ @ / . ' ’ -` (a longer word, an address, a hyphenated form). */
const NOT_BEFORE = /[\p{L}\p{M}\p{N}_@/.'’-]/u
/** What may not follow it: a letter, a mark, a digit, `_ @ /`, or `' ’ -` and a letter. */
const NOT_AFTER = /^(?:[\p{L}\p{M}\p{N}_@/]|['’-]\p{L})/u

export interface LostLetter {
  start: number
  end: number
  actual: string
  expected: string
  /** The letter put back. */
  letter: string
}

/**
 * The words of `text` that lost one letter of `lang` (see above), each with its repair.
 * A word the text also writes in full is repaired the same way; one with two repairs is left alone.
 */
export function findLostLetters(text: string, lang: SourceLang, dict: SourceDictionary, lex: Lexicon): LostLetter[] {
  const found: LostLetter[] = []
  const memo = memoOf(lang)
  const letters = LETTERS[lang]
  ASCII_RUN.lastIndex = 0
  for (let m = ASCII_RUN.exec(text); m; m = ASCII_RUN.exec(text)) {
    const word = m[0]
    const end = m.index + word.length
    if ((m.index > 0 && NOT_BEFORE.test(String.fromCodePoint(text.codePointAt(m.index - 1)!))) || lowSurrogateBefore(text, m.index)) continue
    if (NOT_AFTER.test(text.slice(end, end + 3))) continue
    let repair = memo.get(word)
    if (repair === undefined) {
      repair = repairOf(word, letters, dict, lex)
      // Bounded: a long run over many documents meets an open-ended vocabulary.
      if (memo.size >= 50000) memo.clear()
      memo.set(word, repair)
    }
    if (repair === '') continue
    const at = repairAt(word, repair)
    found.push({start: m.index, end: m.index + word.length, actual: word, expected: repair, letter: repair[at]})
  }
  return found
}

/** Each word's repair ('' for none) per language, kept from document to document. */
const memos = new Map<SourceLang, Map<string, string>>()
function memoOf(lang: SourceLang): Map<string, string> {
  let memo = memos.get(lang)
  if (!memo) memos.set(lang, (memo = new Map()))
  return memo
}

/** The code unit before `at` ends a surrogate pair (an astral character, maybe a letter: not a word edge). */
function lowSurrogateBefore(text: string, at: number): boolean {
  const c = text.charCodeAt(at - 1)
  return c >= 0xdc00 && c <= 0xdfff
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
