/**
 * The phrase matcher (src/match/) against a plain RegExp exec loop, on
 * generated phrase lists and texts (fixed-seed fast-check): the one-pass scans
 * find exactly what the regex of the same phrases finds.
 * - runMatches (masthead): the phrases' alternation, global, exec from the end
 *   of each match;
 * - matchWords (calque): the same patterns read as words, against the sticky
 *   regex of each phrase tried at every word start;
 * - PhraseIndex (paywall, boilerplate: phrases that are a whole unit): every
 *   phrase it finds in a unit, and the one `exec` picks, against each phrase's
 *   own anchored regex.
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {HSPACE, phraseSource, readPattern} from '../src/match/syntax.js'
import {runIndex, runMatches} from '../src/match/runs.js'
import {matchWords, scanWords, WordText, wordIndex, wordTokens, type WordPhrase} from '../src/match/words.js'
import {WordTrie} from '../src/match/word-trie.js'
import {PhraseIndex} from '../src/match/units.js'

const SEED = 20261202
const MATCH_RUNS = Number(process.env.MTCLEAN_MATCH_RUNS ?? 100)
const VOCAB = ['World', 'world', 'Time', 'Cross', 'Red', 'Bank', 'New', 'Post', 'de', 'of', 'El', 'Día', 'Ziua', 'ß', 'Über', 'x7', '12']
const WORDS = ['says', 'said', 'the', 'a', 'sights', 'in', 'underlines', 'assures', 'for', 'his', 'part', 'Mr', 'Smith', 'that']
const SEPARATORS = [' ', ' ', '  ', '\t', '\u00a0', '\n', ', ', '. ', '-', "'", '’', '', '(', ') ', ' The ', ' the ', ' THE ']

/** A phrase of the syntax: words, (a|b) alternatives, [x] optional parts, {n}. */
const phrase = (words: string[]) =>
  fc
    .array(
      fc.oneof(
        {weight: 5, arbitrary: fc.constantFrom(...words)},
        {weight: 1, arbitrary: fc.uniqueArray(fc.constantFrom(...words), {minLength: 2, maxLength: 3}).map((a) => `(${a.join('|')})`)},
        {weight: 1, arbitrary: fc.constantFrom(...words).map((w) => `[${w}]`)},
        {weight: 1, arbitrary: fc.constant('{n}')}
      ),
      {minLength: 1, maxLength: 4}
    )
    // Not optional parts only: a pattern that matches the empty string is no phrase.
    .filter((parts) => parts.some((part) => !part.startsWith('[')))
    .map((parts) => parts.join(' '))

/** A text: words of the vocabulary and renderings of the phrases, between separators. */
const text = (words: string[], phrases: string[]) =>
  fc
    .array(fc.tuple(fc.oneof(fc.constantFrom(...words), fc.constantFrom(...phrases).map(render), fc.constantFrom('3', '1,5', '2.4')), fc.constantFrom(...SEPARATORS)), {maxLength: 40})
    .map((pairs) => pairs.map(([w, s]) => w + s).join(''))

/** One instance of a phrase: the first alternative, each optional part kept, a number for {n}. */
function render(pattern: string): string {
  return readPattern(pattern)
    .map((part) => (part.kind === 'opt' ? part.inner : part.text))
    .map((chunk) => (chunk === '{n}' ? '42' : chunk.replace(/^\((.*?)\|.*\)$/, '$1')))
    .join(' ')
}

describe('runMatches equals the exec loop of its regex', () => {
  it('generated phrase lists and texts', () => {
    const lists = fc.uniqueArray(phrase(VOCAB), {minLength: 1, maxLength: 6}).chain((phrases) => fc.tuple(fc.constant(phrases), text(VOCAB, phrases)))
    fc.assert(
      fc.property(lists, ([phrases, sample]) => {
        const sorted = [...phrases].sort((a, b) => b.length - a.length)
        const pattern = {prefix: `(?<![\\p{L}\\p{M}\\p{N}])((?:[Tt]he|THE)${HSPACE}+)?`, alternatives: sorted.map(phraseSource), suffix: '(?![\\p{L}\\p{M}\\p{N}])'}
        const source = `${pattern.prefix}(${pattern.alternatives.join('|')})${pattern.suffix}`
        const index = runIndex(pattern, sorted)
        const regex = new RegExp(source, 'gu')
        const expected: Array<[number, string]> = []
        let match: RegExpExecArray | null
        while ((match = regex.exec(sample))) expected.push([match.index, match[0]])
        expect(runMatches(sample, index).map((m): [number, string] => [m.index, m[0]])).toEqual(expected)
      }),
      {numRuns: MATCH_RUNS, seed: SEED}
    )
  })
})

describe('matchWords equals the sticky regex of each phrase at every word', () => {
  it('generated phrase lists and texts', () => {
    // Word phrases: words of letters (a word of the scan is a regex word), no {n} (a number token reads 1,5 as one word).
    const wordPhrase = phrase(WORDS).filter((p) => !p.includes('{n}') && !p.startsWith('['))
    const lists = fc.uniqueArray(wordPhrase, {minLength: 1, maxLength: 6}).chain((phrases) => fc.tuple(fc.constant(phrases), text(WORDS.concat(WORDS.map((w) => w.toUpperCase())), phrases)))
    fc.assert(
      fc.property(lists, ([patterns, sample]) => {
        const phrases: Array<WordPhrase & {pattern: string}> = patterns.map((pattern) => ({pattern, tokens: wordTokens(pattern)}))
        const found: string[] = []
        const seq = new WordText(sample)
        matchWords(wordIndex(phrases), seq, (p, i, last) => found.push(`${p.pattern}@${seq.words[i].start}-${seq.words[last].end}`))
        const expected: string[] = []
        const {words} = scanWords(sample, new WordTrie([]))
        for (const word of words) {
          for (const p of phrases) {
            // Between words only spaces, tabs and no-break spaces (the word phrases' adjacency); a word goes on over ' ’ - before a letter.
            const sticky = new RegExp(`(?:${phraseSource(p.pattern).replaceAll(HSPACE, '[ \\t\\u00a0]')})(?![\\p{L}\\p{M}\\p{N}]|['’-][\\p{L}\\p{N}])`, 'iuy')
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

  it('the old calque spellings read as the syntax’s own', () => {
    expect(wordTokens('says|said the? {num} x')).toEqual(wordTokens('(says|said) [the] {n} x'))
    expect(() => wordTokens('[the] x')).toThrow('the first token of "[the] x" must not be optional')
    expect(() => wordTokens('x [a b]')).toThrow('an optional part of "x [a b]" must be one word')
    expect(() => wordTokens('x {date}')).toThrow('"{date}" in "x {date}"')
  })
})

describe('PhraseIndex finds what each phrase\'s own regex finds', () => {
  // A whole unit: the phrase, then trailing punctuation (as residue's wrap).
  const wrap = (alternation: string) => `^[^\\S\\r\\n]*(?:${alternation})[^\\S\\r\\n.!?:;]*[.!?:;]*[^\\S\\r\\n]*$`
  const placeholder = fc.constantFrom('{n}', '{word}')
  const unitPhrase = fc.oneof({weight: 4, arbitrary: phrase(VOCAB.concat(WORDS))}, {weight: 1, arbitrary: fc.tuple(placeholder, phrase(WORDS)).map(([p, rest]) => `${p} ${rest}`)})
  const renderUnit = (pattern: string) => render(pattern.replace(/^\{word\}/, 'Smith'))
  const unit = (phrases: string[]) =>
    fc.oneof(
      fc.tuple(fc.constantFrom(...phrases).map(renderUnit), fc.constantFrom('', '.', '!', ' :', '?')).map(([t, end]) => t + end),
      fc.tuple(fc.constantFrom(...phrases).map(renderUnit), fc.constantFrom(...WORDS)).map(([t, w]) => `${t} ${w}`),
      fc.array(fc.constantFrom(...VOCAB, ...WORDS, '42'), {minLength: 1, maxLength: 5}).map((w) => w.join(' '))
    )
  it('generated phrase lists and units', () => {
    const lists = fc.uniqueArray(unitPhrase, {minLength: 1, maxLength: 8}).chain((phrases) => fc.tuple(fc.constant(phrases), fc.array(unit(phrases), {minLength: 1, maxLength: 6})))
    fc.assert(
      fc.property(lists, ([phrases, units]) => {
        const index = new PhraseIndex(phrases.map((p, i): [number, string] => [i, p]), wrap, true)
        for (const text of units) {
          const own = phrases.flatMap((p, i) => (new RegExp(wrap(`(${phraseSource(p)})`), 'iu').test(text) ? [i] : []))
          expect([...index.execAll(text)].map((m) => m.entry).sort(), text).toEqual([...own].sort())
          const first = index.exec(text)
          if (own.length === 0) expect(first, text).toBeUndefined()
          else expect(own, text).toContain(first?.entry)
        }
      }),
      {numRuns: MATCH_RUNS, seed: SEED}
    )
  })
})
