/**
 * The phrase matcher (src/match/) against a plain RegExp exec loop, on
 * generated phrase lists and texts (fixed-seed fast-check): the one-pass scans
 * find exactly what the regex of the same phrases finds.
 * - the phrase scan (masthead, the language guess): each list's alternation,
 *   global, exec from the end of each match (names maybe after an article);
 * - matchWordPhrases (calque): the same patterns read as words, against the
 *   sticky regex of each phrase tried at every word start;
 * - the unit phrases (paywall, boilerplate: phrases that are a whole unit):
 *   every phrase matchUnitAll finds in a unit, and the one matchUnit picks,
 *   against each phrase's own anchored regex.
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {HSPACE, phraseSource, readPattern, readSource} from '../src/match/syntax.js'
import {addGroup, addNames, findNames, findPhrases, matchUnit, matchUnitAll, namesRegex, newPhraseSet, unitPhrases} from '../src/match/phrases.js'
import {lineParagraphs, lineSentences, splitLines} from '../src/match/lines.js'
import {matchWordPhrases, wordFilter, wordPhrases, wordTokens, type WordPhrase} from '../src/match/word-phrases.js'
import {ONE_WORD, scanWords, WordText} from '../src/match/word-text.js'
import {runStartMatches} from '../src/match/scan.js'

const SEED = 20261202
const MATCH_RUNS = Number(process.env.MTCLEAN_MATCH_RUNS ?? 100)
const VOCAB = ['World', 'world', 'Time', 'Cross', 'Red', 'Bank', 'New', 'Post', 'de', 'of', 'El', 'Día', 'Ziua', 'ß', 'Über', 'x7', '12']
const WORDS = ['says', 'said', 'the', 'a', 'sights', 'in', 'underlines', 'assures', 'for', 'his', 'part', 'Mr', 'Smith', 'that', 'día', 'über']
const SEPARATORS = [' ', ' ', '  ', '\t', '\u00a0', '\n', ', ', '. ', '-', "'", '’', '', '(', ') ', ' The ', ' the ', ' THE ']

/**
 * A phrase of the syntax: words, (a|b) alternatives (with a placeholder among them:
 * `({n}|a)`), [x] optional parts (a word or a group), and the placeholders given.
 */
const phrase = (words: string[], placeholders: string[] = ['{n}']) => {
  const group = fc
    .tuple(fc.uniqueArray(fc.constantFrom(...words), {minLength: 1, maxLength: 3}), fc.option(fc.constantFrom(...placeholders), {nil: undefined}))
    .filter(([alts, holder]) => alts.length + (holder ? 1 : 0) >= 2)
    .map(([alts, holder]) => `(${(holder ? [...alts.slice(0, 1), holder, ...alts.slice(1)] : alts).join('|')})`)
  return fc
    .array(
      fc.oneof(
        {weight: 5, arbitrary: fc.constantFrom(...words)},
        {weight: 2, arbitrary: group},
        {weight: 1, arbitrary: fc.oneof(fc.constantFrom(...words), group).map((w) => `[${w}]`)},
        {weight: 1, arbitrary: fc.constantFrom(...placeholders)}
      ),
      {minLength: 1, maxLength: 4}
    )
    // Not optional parts only: a pattern that matches the empty string is no phrase.
    .filter((parts) => parts.some((part) => !part.startsWith('[')))
    .map((parts) => parts.join(' '))
}

/** A text: words of the vocabulary and renderings of the phrases, between separators. */
const text = (words: string[], phrases: string[]) =>
  fc
    .array(fc.tuple(fc.oneof(fc.constantFrom(...words), fc.constantFrom(...phrases).map(render), fc.constantFrom('3', '1,5', '2.4')), fc.constantFrom(...SEPARATORS)), {maxLength: 40})
    .map((pairs) => pairs.map(([w, s]) => w + s).join(''))

/** One instance of a phrase: the first alternative, each optional part kept, a number for {n}, a name for {Cap}. */
function render(pattern: string): string {
  const placeholder = (chunk: string) => (chunk === '{n}' ? '42' : chunk === '{Cap}' ? 'Smith' : chunk)
  return readPattern(pattern)
    .map((part) => (part.kind === 'opt' ? part.inner : part.text))
    .map((chunk) => placeholder(chunk.replace(/^\((.*?)\|.*\)$/, '$1')))
    .join(' ')
}

describe('ONE_WORD', () => {
  it('holds for a string exactly when scanWords reads it as one word', () => {
    // Letters, digits, the joiners and their neighbours, a letter outside the BMP and a lone surrogate.
    const chars = fc.constantFrom('a', 'Z', 'é', 'ß', '7', '0', "'", '’', '-', '.', ',', ' ', '\u00a0', '𝐀', '\ud835', '!')
    fc.assert(
      fc.property(fc.array(chars, {minLength: 1, maxLength: 8}).map((cs) => cs.join('')), (s) => {
        const words = scanWords(s)
        const one = words.length === 1 && words[0].start === 0 && words[0].end === s.length
        expect(ONE_WORD.test(s), JSON.stringify(s)).toBe(one)
      }),
      {numRuns: 20 * MATCH_RUNS, seed: SEED}
    )
  })
})

describe('the source of a phrase of literal words', () => {
  it('is the source the parts reader gives (names with signs, apostrophes, French spacing, odd white space)', () => {
    const word = fc.stringMatching(/^[A-Za-zÀ-ÿ0-9'’.&\-%:;!?»«/$^*+|]{1,8}$/)
    const space = fc.constantFrom(' ', '  ', '\t', '\u00a0', '\n', ' \u2009 ')
    const pattern = fc.tuple(fc.array(fc.tuple(space, word), {minLength: 1, maxLength: 5}), space).map(([pairs, end]) => pairs.map(([sp, w]) => sp + w).join('') + end)
    fc.assert(
      fc.property(pattern, (p) => {
        expect(phraseSource(p)).toBe(readSource(p))
      }),
      {numRuns: 20 * MATCH_RUNS, seed: SEED}
    )
    expect(phraseSource('Le Monde')).toBe(`Le${HSPACE}+Monde`)
    expect(phraseSource("L'Équipe")).toBe("L['’‘`]Équipe")
    expect(phraseSource('50 %')).toBe(`50${HSPACE}*%`)
    expect(phraseSource('(Le|La) Monde')).toBe(readSource('(Le|La) Monde'))
  })
})

describe('runStartMatches equals the global exec of the same regex', () => {
  it('regexes whose every match starts a run, on generated texts', () => {
    // Each starts with a letter or digit after a lookbehind that no letter or digit precedes it.
    const sources = [
      '(?<![\\p{L}\\p{N}_-])(\\p{Lu}\\p{L}{0,4}\\p{Lu}|\\p{N}{1,4})(-?)(\\p{L}{3,40})(?![\\p{L}\\p{N}_]|-\\p{L})',
      '(?<![\\p{L}\\p{N}_-])(\\p{Lu}\\p{Ll}{4,30})-(\\p{Ll}{5,40})(?![\\p{L}\\p{N}_]|-\\p{L})',
      '(?<![\\p{L}\\p{N}])\\p{L}+(?:-\\p{L}+)?'
    ]
    const pieces = ['SPD', 'Führung', 'leader', 'Ajax', 'trainer', 'verdediger', '5', '12', 'Stelle', 'ÉTAT', 'état', 'x', '_', '-', ' ', ', ', '𝐀', 'é', 'e\u0301']
    const sample = fc.array(fc.constantFrom(...pieces), {maxLength: 30}).map((parts) => parts.join(''))
    fc.assert(
      fc.property(sample, (text) => {
        for (const source of sources) {
          const global = new RegExp(source, 'gu')
          const expected: Array<[number, string]> = []
          for (let m = global.exec(text); m; m = global.exec(text)) expected.push([m.index, m[0]])
          const found = runStartMatches(text, new RegExp(source, 'uy'), () => true).map((m): [number, string] => [m.index, m[0]])
          expect(found).toEqual(expected)
        }
      }),
      {numRuns: 4 * MATCH_RUNS, seed: SEED}
    )
  })
})

describe('the phrase scan equals the exec loop of its regex', () => {
  it('names, maybe after an article: generated name lists and texts', () => {
    const lists = fc.uniqueArray(phrase(VOCAB), {minLength: 1, maxLength: 6}).chain((phrases) => fc.tuple(fc.constant(phrases), text(VOCAB, phrases)))
    fc.assert(
      fc.property(lists, ([phrases, sample]) => {
        const set = newPhraseSet()
        const group = addNames(set, phrases)
        const regex = namesRegex(phrases)
        const expected: Array<[number, string, string, string]> = []
        let match: RegExpExecArray | null
        while ((match = regex.exec(sample))) expected.push([match.index, match[0], match[1] ?? '', match[2]])
        expect(findNames(set, group, sample).map((m) => [m.index, m.text, m.article, m.name])).toEqual(expected)
      }),
      {numRuns: MATCH_RUNS, seed: SEED}
    )
  })

  it('several lists in one scan, exact and caseless, each as its own regex with exec (the term that matched too)', () => {
    const lists = fc
      .array(fc.tuple(fc.uniqueArray(phrase(VOCAB), {minLength: 1, maxLength: 5}), fc.boolean()), {minLength: 1, maxLength: 4})
      .chain((groups) => fc.tuple(fc.constant(groups), text(VOCAB, groups.flatMap(([phrases]) => phrases))))
    fc.assert(
      fc.property(lists, ([groups, sample]) => {
        const set = newPhraseSet()
        const indexes = groups.map(([phrases, caseless]) => addGroup(set, {collect: true}, phrases.map((p) => ({text: p, source: phraseSource(p)})), caseless, true))
        groups.forEach(([phrases, caseless], g) => {
          const regex = new RegExp(`(?<![\\p{L}\\p{N}])(?:${phrases.map((p) => `(${phraseSource(p)})`).join('|')})(?![\\p{L}\\p{N}])`, caseless ? 'giu' : 'gu')
          const expected: Array<[number, string, string]> = []
          let match: RegExpExecArray | null
          while ((match = regex.exec(sample))) expected.push([match.index, match[0], phrases[match.slice(1).findIndex((m) => m !== undefined)]])
          expect(findPhrases(set, indexes[g], sample).map((m) => [m.index, m.text, m.term.text])).toEqual(expected)
        })
      }),
      {numRuns: MATCH_RUNS, seed: SEED}
    )
  })
})

describe('matchWordPhrases equals the sticky regex of each phrase at every word', () => {
  // The regex of a word phrase is case-sensitive, so that it can tell {Cap}: each literal word
  // becomes the group of its case forms (the texts hold words in no other: as written, lower,
  // upper, title), and {Cap} a word of the text (scanWords' definition) that starts with a capital.
  const WORD_OF_TEXT = "[\\p{L}\\p{N}]+(?:(?:['’-]|(?<=\\p{N})[.,](?=\\p{N}))[\\p{L}\\p{N}]+)*"
  const CAP = 'capsentinel'
  const forms = (word: string) => [...new Set([word, word.toLowerCase(), word.toUpperCase(), word[0].toUpperCase() + word.slice(1).toLowerCase()])]
  const caseSensitive = (pattern: string) =>
    pattern
      .split(' ')
      .map((chunk) => {
        const [open, inner, close] = /^(\[?\(?)(.*?)(\)?\]?)$/.exec(chunk)!.slice(1)
        const alts = inner.split('|').flatMap((alt) => (alt === '{Cap}' ? [CAP] : alt.startsWith('{') ? [alt] : forms(alt)))
        return alts.length > 1 && !open.endsWith('(') ? `${open}(${alts.join('|')})${close}` : `${open}${alts.join('|')}${close}`
      })
      .join(' ')
  const reference = (pattern: string) =>
    new RegExp(
      `(?:${phraseSource(caseSensitive(pattern)).replaceAll(HSPACE, '[ \\t\\u00a0]').replaceAll(CAP, `(?=\\p{Lu})${WORD_OF_TEXT}`)})(?![\\p{L}\\p{M}\\p{N}]|['’-][\\p{L}\\p{N}]|(?<=\\p{N})[.,]\\p{N})`,
      'uy'
    )

  it('generated phrase lists and texts', () => {
    // Word phrases: words of letters, {n} and {Cap} (alone or among alternatives), optional words.
    const wordPhrase = phrase(WORDS, ['{n}', '{Cap}']).filter((p) => !p.startsWith('['))
    // (ſaid folds to said, as a caseless regex reads it, but is no case form of it: a word line keeps it apart.)
    const vocabulary = WORDS.concat(WORDS.map((w) => w.toUpperCase()), ['3', '1,5', '2.4', 'ſaid', "d'über"])
    const lists = fc.uniqueArray(wordPhrase, {minLength: 1, maxLength: 6}).chain((phrases) => fc.tuple(fc.constant(phrases), text(vocabulary, phrases)))
    fc.assert(
      fc.property(lists, ([patterns, sample]) => {
        const phrases: Array<WordPhrase & {pattern: string}> = patterns.map((pattern) => ({pattern, tokens: wordTokens(pattern)}))
        const found: string[] = []
        const seq = new WordText(sample)
        matchWordPhrases(wordPhrases(phrases), seq, (p, i, last) => found.push(`${p.pattern}@${seq.words[i].start}-${seq.words[last].end}`))
        const expected: string[] = []
        const words = scanWords(sample)
        for (const word of words) {
          for (const p of phrases) {
            // Between words only spaces, tabs and no-break spaces (the word phrases' adjacency); a word
            // goes on over ' ’ - before a letter or digit, and over . , between digits.
            const sticky = reference(p.pattern)
            sticky.lastIndex = word.start
            const match = sticky.exec(sample)
            if (match) expected.push(`${p.pattern}@${word.start}-${word.start + match[0].length}`)
          }
        }
        expect(found.sort()).toEqual(expected.sort())
      }),
      {numRuns: MATCH_RUNS, seed: SEED}
    )
  })

  it('reads the calque constructs', () => {
    const tokens = wordTokens('({n}|two|{Cap}) [(the|a)] years')
    expect(tokens.map((t) => [[...t.alts], t.num, t.cap, t.optional])).toEqual([
      [['two'], true, true, false],
      [['the', 'a'], false, false, true],
      [['years'], false, false, false]
    ])
  })

  it('rejects the old calque spellings, naming the one to write', () => {
    expect(() => wordTokens('says|said')).toThrow('pattern "says|said": "says|said": alternatives are written in parentheses, (a|b)')
    expect(() => wordTokens('(says|said) the?')).toThrow('"the?": an optional word is written in brackets, [x]')
    expect(() => wordTokens('since {num} years')).toThrow('"{num}": a number is written {n}')
    expect(() => wordTokens('x ({num}|two)')).toThrow('"{num}": a number is written {n}')
    expect(() => wordTokens('[the] x')).toThrow('pattern "[the] x": the first word must not be optional')
    expect(() => wordTokens('x [a b]')).toThrow('pattern "x [a b]": an optional part must be one word')
    expect(() => wordTokens('x {date}')).toThrow('"{date}": a phrase read as words takes the placeholders {n}, {Cap} and {word}')
    expect(() => wordTokens('x (a b|c)')).toThrow('"a b": an alternative of a phrase read as words is one word')
  })

  it('the regex reading takes placeholders among alternatives, and leaves {Cap} to the word reading', () => {
    const years = new RegExp(`^(?:${phraseSource('since ({n}|ten) years')})$`, 'iu')
    expect(['since 12 years', 'since ten years', 'since 1,5 years'].every((t) => years.test(t))).toBe(true)
    expect(years.test('since many years')).toBe(false)
    expect(() => phraseSource('parquet of {Cap}')).toThrow('{Cap} (a capitalised word) is only for phrases read as words (calque)')
    expect(() => phraseSource('a ({Cap}|b)')).toThrow('{Cap} (a capitalised word) is only for phrases read as words')
    expect(() => phraseSource('{n}({n}|a)')).toThrow('a space must separate placeholders')
    expect(() => phraseSource('({word}|a)b')).toThrow('a space must separate a placeholder from what could continue it')
    expect(() => phraseSource('x ({words}|a)')).toThrow('alternatives must be non-empty literal words, {n} or {word}')
  })
})

describe('the unit phrases are what each phrase\'s own regex finds', () => {
  // A whole unit: the phrase, then trailing punctuation (as residue's wrap).
  const [before, after] = ['^[^\\S\\r\\n]*', '[^\\S\\r\\n.!?:;]*[.!?:;]*[^\\S\\r\\n]*$']
  const wrap = (alternation: string) => `${before}(?:${alternation})${after}`
  const placeholder = fc.constantFrom('{n}', '{word}')
  // An optional part glued to the first word (`Alamy[ {word}]`): the first run still ends there.
  const glued = fc
    .tuple(fc.constantFrom(...VOCAB, ...WORDS), fc.constantFrom(' ', ' the ', '-', ', '), fc.constantFrom('{word}', ...WORDS), fc.constantFrom('', ' said', 'x'))
    .map(([w, sign, inner, rest]) => `${w}[${sign}${inner}]${rest}`)
  const unitPhrase = fc.oneof(
    {weight: 4, arbitrary: phrase(VOCAB.concat(WORDS))},
    {weight: 1, arbitrary: fc.tuple(placeholder, phrase(WORDS)).map(([p, rest]) => `${p} ${rest}`)},
    {weight: 1, arbitrary: glued}
  )
  const renderUnit = (pattern: string) => render(pattern.replace(/^\{word\}/, 'Smith'))
  const unit = (phrases: string[]) =>
    fc.oneof(
      fc.tuple(fc.constantFrom(...phrases).map(renderUnit), fc.constantFrom('', '.', '!', ' :', '?')).map(([t, end]) => t + end),
      fc.tuple(fc.constantFrom(...phrases).map(renderUnit), fc.constantFrom(...WORDS)).map(([t, w]) => `${t} ${w}`),
      fc.array(fc.constantFrom(...VOCAB, ...WORDS, '42'), {minLength: 1, maxLength: 5}).map((w) => w.join(' ')),
      // Words glued or joined by other spaces, ending in letters that are not ASCII (`ſ` and the Kelvin sign fold onto s and k).
      fc
        .tuple(fc.array(fc.tuple(fc.constantFrom(...VOCAB, ...WORDS, '42'), fc.constantFrom(' ', '', '\u00a0', '-', ', ')), {minLength: 1, maxLength: 5}), fc.constantFrom('', '.', 'ſ', '\u212a', 'é', '\u00a0é'))
        .map(([pairs, end]) => pairs.map(([w, s]) => w + s).join('').trimEnd() + end)
    )
  /** The entries matchUnitAll finds in `text`, and those each phrase's own regex finds. */
  const both = (phrases: string[], text: string) => {
    const index = unitPhrases(phrases.map((p, i): [number, string] => [i, p]), before, after, true)
    const own = phrases.flatMap((p, i) => (new RegExp(wrap(`(${phraseSource(p)})`), 'iu').test(text) ? [i] : []))
    return [[...matchUnitAll(index, text)].map((m) => m.entry).sort(), own]
  }

  it('a first word glued to an optional part, last words after other spaces or in other letters', () => {
    // Keyed by `Alamy`: an optional part is compiled with the space before it, so the run ends there.
    expect(both(['Alamy[ {word}]', 'Alamy[x]'], 'Alamy Smith')).toEqual([[0], [0]])
    expect(both(['Alamy[ {word}]', 'Alamy[x]'], 'Alamy x')).toEqual([[0, 1], [0, 1]])
    expect(both(['Alamy[ {word}]', 'Alamy[x]'], 'Alamy')).toEqual([[0, 1], [0, 1]])
    expect(both(['Alamy[x]'], 'Alamyx')).toEqual([[], []])
    // The last word read after a no-break space; `K` (the Kelvin sign) folds onto `k`; `é` ends no ASCII word.
    expect(both(['{word} with AFP'], 'Smith with\u00a0AFP')).toEqual([[0], [0]])
    expect(both(['{word} with kk'], 'Smith with \u212a\u212a')).toEqual([[0], [0]])
    expect(both(['{word} with AFP'], 'Smith with AFPé')).toEqual([[], []])
  })

  it('generated phrase lists and units', () => {
    const lists = fc.uniqueArray(unitPhrase, {minLength: 1, maxLength: 8}).chain((phrases) => fc.tuple(fc.constant(phrases), fc.array(unit(phrases), {minLength: 1, maxLength: 6})))
    fc.assert(
      fc.property(lists, ([phrases, units]) => {
        const index = unitPhrases(phrases.map((p, i): [number, string] => [i, p]), before, after, true)
        for (const text of units) {
          const own = phrases.flatMap((p, i) => (new RegExp(wrap(`(${phraseSource(p)})`), 'iu').test(text) ? [i] : []))
          expect([...matchUnitAll(index, text)].map((m) => m.entry).sort(), text).toEqual([...own].sort())
          const first = matchUnit(index, text)
          if (own.length === 0) expect(first, text).toBeUndefined()
          else expect(own, text).toContain(first?.entry)
        }
      }),
      {numRuns: MATCH_RUNS, seed: SEED}
    )
  })
})

describe('the units and the words around a match', () => {
  it('lines, paragraphs and sentences', () => {
    const text = 'One. Two!\r\nthree\n\n  \nFour “five?” six\n'
    const lines = splitLines(text)
    expect(lines.map((l) => text.slice(l.start, l.end))).toEqual(['One. Two!', 'three', '', '  ', 'Four “five?” six', ''])
    expect(lines[0].next).toBe(11)
    expect(lineParagraphs(text, lines)).toEqual([{first: 0, last: 1}, {first: 4, last: 4}])
    const line = 'Four “five?” six... Seven'
    expect(lineSentences(line).map(([a, b]) => line.slice(a, b))).toEqual(['Four “five?”', 'six...', 'Seven'])
  })

  it('a phrase’s filters: the word before and after it, its sentence', () => {
    const find = (phrase: WordPhrase, text: string) => {
      const seq = new WordText(text)
      const out: string[] = []
      matchWordPhrases(wordPhrases([phrase]), seq, (_, i, last) => out.push(text.slice(seq.words[i].start, seq.words[last].end)))
      return out
    }
    const assures = {pattern: 'assures', tokens: wordTokens('assures'), prev: wordFilter(['he', '{Cap}']), next: wordFilter(['{end}'])}
    expect(find(assures, 'He said it, he assures. Marie assures; the law assures coverage. She assures him.')).toEqual(['assures', 'assures'])
    const actually = {pattern: 'actually', tokens: wordTokens('actually'), prevNot: wordFilter(['{start}']), near: wordFilter(['Government'])}
    expect(find(actually, 'Actually the government acts. The government actually acts. He actually left.')).toEqual(['actually'])
    const finals = {pattern: 'ends of', tokens: wordTokens('ends of'), next: wordFilter(['{num}', 'May']), nextNot: wordFilter(['{punct}'])}
    expect(find(finals, 'At ends of 2023s, at ends of may, at ends of the year, at ends of, then.')).toEqual(['ends of', 'ends of'])
  })
})
