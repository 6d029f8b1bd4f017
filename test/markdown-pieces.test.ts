/**
 * Markdown is parsed in pieces (src/formats/markdown-pieces.ts): the prose
 * view, the messages and the fixed text must be those of one parse of the
 * whole document, and the work must grow linearly with the document.
 * Documents are generated here from constructs written for this test.
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {fixToFixpoint} from '../src/fix/loop.js'
import {lintMarkup} from '../src/formats/index.js'
import {markdownPieces, PIECE_SIZE, type PieceStats} from '../src/formats/markdown-pieces.js'
import {markdownView} from '../src/formats/markdown.js'
import {filterByMarkers} from '../src/markers.js'
import {createProcessor, lintText} from '../src/processor.js'

// `MTCLEAN_FUZZ_RUNS` raises the cases (a tenth of them, with a random seed, printed; `MTCLEAN_FUZZ_SEED` replays one).
const FUZZ = Number(process.env.MTCLEAN_FUZZ_RUNS ?? 0)
const SEED = process.env.MTCLEAN_FUZZ_SEED ? Number(process.env.MTCLEAN_FUZZ_SEED) : FUZZ ? Date.now() % 2 ** 31 : 20261122
if (FUZZ) console.log(`markdown pieces: seed ${SEED}`)
const TIMEOUT = FUZZ ? 3_600_000 : 60_000
const cases = (fast: number) => (FUZZ ? Math.max(fast, Math.round((FUZZ * fast) / 4000)) : fast)
const WHOLE = {pieceSize: Infinity}

// Prose with artifacts the rules fix (a space before a comma, a semicolon, a colon).
const words = fc.constantFrom('the minister', 'a report', 'city council', 'new roads', 'some schools', 'the plan', 'its budget', 'voters')
const joint = fc.constantFrom(' ', ' , ', ' ; ', ', ', ' : ', ' and ')
const inline = fc.constantFrom(
  '*emphasis , here*',
  '**strong** text',
  '`code , x`',
  '[a link , here](https://example.com/a)',
  '[ref1]',
  '[the text][ref2]',
  '[Ref3][]',
  '[^n1]',
  '[^n2]',
  '[undefined one]',
  '<https://example.org/a,b>',
  'www.example.net/a,b',
  'caf&eacute; &amp; bar',
  '\\*not emphasis\\*',
  '$$x , y$$',
  '~~gone , now~~',
  '![an image , alt](a.png)',
  '<span title="a , b">span</span>'
)
const phrase = fc
  .array(fc.oneof({weight: 3, arbitrary: words}, {weight: 1, arbitrary: inline}), {minLength: 1, maxLength: 5})
  .chain((parts) => fc.array(joint, {minLength: parts.length, maxLength: parts.length}).map((joints) => parts.map((p, i) => (i ? joints[i] : '') + p).join('') + '.'))

const lines = (n: number) => fc.array(phrase, {minLength: 1, maxLength: n}).map((ps) => ps.join('\n'))
const pick = <T>(...values: T[]) => fc.constantFrom(...values)

const heading = fc.oneof(
  fc.tuple(pick('#', '##', '###'), phrase).map(([h, p]) => `${h} ${p}`),
  fc.tuple(phrase, pick('===', '---')).map(([p, u]) => `${p}\n${u}`)
)
const paragraph = lines(3)
/** Inside a list item or quote: prose, a fence with blank lines, a nested list, a lazy line. */
const itemBody = (indent: string) =>
  fc.oneof(
    phrase,
    phrase.map((p) => `${p}\n\n${indent}${p}`),
    phrase.map((p) => `${p}\nlazy continuation , here`),
    fc.tuple(phrase, phrase).map(([p, q]) => `${p}\n${indent}- ${q}\n${indent}- ${q}`),
    fc.tuple(phrase, pick('```', '~~~')).map(([p, f]) => `${p}\n\n${indent}${f}\n${indent}code , x\n\n${indent}- fake item\n${indent}${f}`),
    pick('```sh\n' + indent + 'npm install , x\n' + indent + '```')
  )
const list = fc
  .tuple(pick('-', '*', '+', '1.', '1)'), fc.integer({min: 1, max: 4}), pick('\n', '\n\n'))
  .chain(([marker, n, gap]) => {
    const indent = ' '.repeat(marker.length + 1)
    return fc.array(itemBody(indent), {minLength: n, maxLength: n}).map((items) => items.map((b) => `${marker} ${b}`).join(gap))
  })
const quote = fc.oneof(
  lines(3).map((t) => t.replace(/^/gm, '> ')),
  fc.tuple(phrase, phrase).map(([p, q]) => `> ${p}\nlazy line , here\n> ${q}`),
  fc.tuple(phrase, phrase).map(([p, q]) => `> ${p}\n>\n> - ${q}\n> - ${q}`),
  phrase.map((p) => `> \`\`\`\n> code , x\n>\n> ${p}`)
)
const fence = fc
  .tuple(pick('```', '~~~', '````', '  ```', '$$'), fc.array(pick('', 'code , x', '- fake item', '> fake quote', '```', '~~~', '   not indented , x', 'col zero line , y', '[ref1]: https://fake.example'), {maxLength: 6}))
  .map(([f, body]) => {
    const close = f.trim() === '$$' ? '$$' : f.trim()
    return [f.trim() === '$$' ? '$$' : f + 'js', ...body.filter((l) => !(f.trim() === '````' ? l === '````' : l === close)), close].join('\n')
  })
const indentedCode = fc.array(pick('    code , x', '', '    - not a list , y', '\tcode , tab'), {minLength: 1, maxLength: 5}).map((ls) => ['    first , code', ...ls].join('\n'))
const html = pick(
  '<!--\n\na comment , x\n\n-->',
  '<!-- mtclean-disable-next-line punct-spacing -->\nSilenced line , left.',
  '<div class="a , b">\nhtml , block\n</div>',
  '<script>\nvar a = 1 , b;\n\nvar c ;\n</script>',
  '<pre>\npre , text\n\nmore , text\n</pre>',
  '<?php\n\necho "a , b";\n\n?>',
  '<!DOCTYPE x\n\ny , z\n>',
  '<![CDATA[\n\ndata , x\n\n]]]>\n\nstill , data\n\n]]>',
  '<textarea>\n\n]]]> area , text\n\n</textarea>'
)
const table = fc.tuple(phrase, phrase).map(([a, b]) => `| ${a} | h2 |\n| --- | --- |\n| ${b} | y , z |`)
const footnote = fc.tuple(pick('n1', 'n2'), phrase).map(([n, p]) => `[^${n}]: ${p}\n    ${p}`)
const definition = pick('[ref1]: https://example.com/1', '[ref2]: https://example.com/2 "title , x"', '[REF3]: <https://example.com/3>', '[//]: # (mtclean-disable-next-line punct-spacing)')
const rule = pick('***', '---', '___')

const block = fc.oneof(
  {weight: 2, arbitrary: heading},
  {weight: 4, arbitrary: paragraph},
  {weight: 4, arbitrary: list},
  {weight: 2, arbitrary: quote},
  {weight: 2, arbitrary: fence},
  {weight: 1, arbitrary: indentedCode},
  {weight: 2, arbitrary: html},
  {weight: 1, arbitrary: table},
  {weight: 1, arbitrary: footnote},
  {weight: 1, arbitrary: definition},
  {weight: 1, arbitrary: rule}
)
const frontMatter = pick('', '---\ntitle: a , b\n\nmore: c ; d\n---\n', '+++\ntitle = "a , b"\n\n+++\n', '---\nnot closed , x\n')
const separator = pick('\n', '\n\n', '\n\n', '\n\n\n', '\n \n')
const ending = pick('', '\n', '\n\n```\nunclosed , code\n\nstill code\n', '\n\n[ref1]: https://example.com/1\n[ref2]: https://example.com/2\n[ref3]: https://example.com/3\n\n[^n1]: note , one\n')

const lineBreaks = pick('\n', '\n', '\r\n', '\r')
const constructed = fc
  .tuple(frontMatter, fc.array(fc.tuple(block, separator), {minLength: 1, maxLength: 14}), ending, lineBreaks)
  .map(([front, blocks, end, eol]) => (front + blocks.map(([b, s]) => b + s).join('') + end).replace(/\n/g, eol))

/** Lines that open, close or continue something (or look as if they do), in any order. */
const trickyLine = pick(
  '```', '````', '~~~', '``` js', '```  ', '  ```', '   ~~~', '    ```', '\t```', '``` a`b', '$$', '$$$', '  $$',
  '<!--', '-->', '<!-->', '<!--->', '--->', '<script>', '</script>', '<SCRIPT type="x">', '</Script>', '<pre>', '</pre >',
  '<style', '</style>', '<textarea>', '</textarea>', '<?', '?>', '??>', '<!X', '<!DOCTYPE', '>', '<![CDATA[', ']]>', ']]]>',
  '<div>', '</div>', '<custom-tag>', '- item , x', '* item ; y', '+ item', '-', '- - -', '* * *', '1. one , x', '2) two', '10. ten',
  '1.', '2. two , x', '3) three', '1) one', '- [ ] task , x', '-\tTab item', '- ```', '1. ```sh', '- <!--', '- $$', '- > quoted item', '- # heading item', 'lazy , line',
  '> quote , x', '>', '> > nested', '> - in quote', '> ```', '  - nested , y', '   more , text', '    indented , z',
  '\t- tabbed item', '\tTabbed code', '[ref1]: https://example.com', '[Ref  1]: https://example.com', '> [ref2]: /x',
  '[^n1]: note , x', '    note continued', '[ref1] , used', '[ref 1] used ; here', '[^n1] used', '| a , b | c |',
  '|---|---|', '---', '--- ', '+++', '***', '# Head , x', 'Title , here', '===', 'Plain text , here.',
  'www.example.com , x', '\uFEFFbom line , x', '&amp; entity , x', '', '', '', '', ' ', '\t'
)
const soupLine = fc.oneof({weight: 3, arbitrary: trickyLine}, {weight: 1, arbitrary: pick('', '', ' ')})
const lineSoup = fc.tuple(fc.array(soupLine, {minLength: 1, maxLength: 40}), lineBreaks).map(([ls, eol]) => ls.join(eol) + eol)
const markdownDocument = fc.oneof(constructed, lineSoup)

const processor = createProcessor({preset: 'strict'})
const lint = (prose: string) => lintText(processor, prose)
const messagesOf = (text: string, pieceSize: number) => lintMarkup(text, 'markdown', lint, filterByMarkers, (t) => markdownView(t, {pieceSize}))
const shown = (messages: Awaited<ReturnType<typeof messagesOf>>) => messages.map((m) => ({...m}))
const pieceCount = (text: string, size: number) => [...markdownPieces(text, size)].length

describe('Markdown in pieces reads as one parse of the whole', () => {
  it('the prose view (text, source runs, comments) is the same, whatever the piece size', () => {
    let split = 0
    let runs = 0
    fc.assert(
      fc.property(markdownDocument, fc.integer({min: 1, max: 300}), (text, size) => {
        runs++
        const whole = markdownView(text, WHOLE)
        // Every copied run is the source's text at its place.
        for (const run of whole.runs) expect(text.slice(run.source, run.source + run.length)).toBe(whole.text.slice(run.view, run.view + run.length))
        expect(markdownView(text, {pieceSize: 1})).toEqual(whole)
        expect(markdownView(text, {pieceSize: size})).toEqual(whole)
        if (pieceCount(text, 1) > 1) split++
      }),
      {numRuns: cases(400), seed: SEED}
    )
    // Not vacuous: most documents were cut.
    expect(split).toBeGreaterThan(runs / 2)
  }, TIMEOUT)

  it('the messages and the fixed text are the same', async () => {
    await fc.assert(
      fc.asyncProperty(markdownDocument, async (text) => {
        expect(shown(await messagesOf(text, 1))).toEqual(shown(await messagesOf(text, Infinity)))
        const fixed = await fixToFixpoint(text, (value) => messagesOf(value, 1))
        const fixedWhole = await fixToFixpoint(text, (value) => messagesOf(value, Infinity))
        expect(fixed.text).toBe(fixedWhole.text)
      }),
      {numRuns: cases(80), seed: SEED}
    )
  }, TIMEOUT)

  it('a reference used before its definition resolves in every piece', () => {
    const text = 'See [the report][r] and [^1] here.\n\nMiddle , text.\n\nMore text.\n\n[r]: https://example.com/r\n\n[^1]: The note , here.\n'
    const pieces = [...markdownPieces(text, 1)]
    expect(pieces.length).toBeGreaterThan(2)
    const first = JSON.stringify(pieces[0].tree)
    expect(first).toContain('"linkReference"')
    expect(first).toContain('"footnoteReference"')
    expect(markdownView(text, {pieceSize: 1})).toEqual(markdownView(text, WHOLE))
  })

  it('a list is cut between its top-level items, and only there', () => {
    const items = Array.from({length: 40}, (_, i) => `- item ${i} , one\n  - nested ${i} ; two\n  - nested ${i}`).join('\n')
    const text = `${items}\n2. lazy or not , x\n3. three ; y\n- back , z\n`
    const pieces = [...markdownPieces(text, 1)]
    expect(pieces.length).toBeGreaterThan(30)
    // Each piece starts with an item at column 0, never inside one.
    for (const p of pieces) expect(text.slice(p.start, p.start + 20)).toMatch(/^(?:- |\d\. )/)
    expect(markdownView(text, {pieceSize: 1})).toEqual(markdownView(text, WHOLE))
  })

  it('a byte order mark before the document: runs map to the source (micromark counts offsets after it)', () => {
    const text = '\uFEFFFirst , line.\n\nSecond , line.\n'
    const view = markdownView(text, {pieceSize: 1})
    expect(view).toEqual(markdownView(text, WHOLE))
    expect(view.runs.map((r) => text.slice(r.source, r.source + r.length))).toEqual(['First , line.', 'Second , line.'])
  })

  it('a fence in a list item does not hide a later fence at the top level', () => {
    // A scan of lines would take `   ```` for an opening fence and the real one for its close.
    const text = '1. ```sh\n   npm i\n   ```\n\nPara , one.\n\n```\ncode , x\n\ncol zero , y\n```\n\nAfter , two.\n'
    const cuts = [...markdownPieces(text, 1)].map((p) => p.start)
    const fenceStart = text.indexOf('```\ncode')
    const fenceEnd = text.indexOf('```\n\nAfter') + 3
    expect(cuts.some((at) => at > fenceStart && at < fenceEnd)).toBe(false)
    expect(cuts).toContain(text.indexOf('After'))
    expect(markdownView(text, {pieceSize: 1})).toEqual(markdownView(text, WHOLE))
  })
})

describe('Markdown work grows linearly with the document', () => {
  const sentence = (i: number) => `Paragraph ${i} , where the council voted on the plan ; then it left.`
  /** Small lists between paragraphs: in one parse, 260 KB of these took 8 s and 520 KB 40 s (micromark re-edits every event at each list's end). */
  const listsAndParagraphs = (n: number) => Array.from({length: n}, (_, i) => `${sentence(i)}\n\n- item ${i} , one\n- item ${i} ; two\n\n`).join('')

  function measure(text: string) {
    const stats: PieceStats = {parses: 0, parsed: 0}
    const lengths = [...markdownPieces(text, PIECE_SIZE, stats)].map((p) => p.end - p.start)
    return {stats, lengths, longest: Math.max(...lengths)}
  }

  it('2,000 small lists between paragraphs: bounded pieces, each character parsed once (and each cut line twice)', () => {
    const text = listsAndParagraphs(2000)
    const {stats, lengths, longest} = measure(text)
    expect(lengths.reduce((a, b) => a + b, 0)).toBe(text.length)
    expect(longest).toBeLessThan(PIECE_SIZE + 200)
    expect(lengths.length).toBeGreaterThan(text.length / (PIECE_SIZE + 200))
    expect(stats.parses).toBe(lengths.length)
    expect(stats.parsed).toBeLessThan(text.length * 1.02)
  })

  it('one long list with nested lists, and lists between headings: cut between top-level items', () => {
    const nested = Array.from({length: 2000}, (_, i) => `- ${sentence(i)}\n  - item ${i} , one\n  - item ${i} ; two\n`).join('')
    const headed = Array.from({length: 2000}, (_, i) => `# Part ${i}\n- ${sentence(i)}\n- item ${i} , one\n`).join('')
    for (const text of [nested, headed]) {
      const {stats, lengths, longest} = measure(text)
      expect(longest).toBeLessThan(PIECE_SIZE + 300)
      expect(lengths.length).toBeGreaterThan(text.length / (PIECE_SIZE + 300))
      // A missed item cut costs one more parse of the piece.
      expect(stats.parsed).toBeLessThan(text.length * 1.1)
    }
  })

  it('definitions at the end: the pieces before them are parsed twice at most', () => {
    const text = 'Uses [r1] and [^n].\n\n' + listsAndParagraphs(2000) + '[r1]: https://example.com\n\n[^n]: A note.\n'
    const {stats, longest} = measure(text)
    expect(longest).toBeLessThan(PIECE_SIZE + 200)
    expect(stats.parsed).toBeLessThanOrEqual(2 * text.length)
  })

  it('fenced code, math and HTML blocks with blank lines: not cut, and re-read once at most', () => {
    const blocks = (i: number) =>
      [
        '```\n' + `code ${i}\n\nfake , para\n`.repeat(20) + '```',
        '$$\n' + `a ${i}\n\nb\n`.repeat(20) + '$$',
        '<!--\n' + `comment ${i}\n\nmore\n`.repeat(20) + '-->',
        // In a list item, then a fence at the top level: a line scan would pair them wrongly.
        '1. ```sh\n   npm i\n   ```\n\nPara.\n\n```\n' + `x ${i}\n\ny\n`.repeat(20) + '```'
      ][i % 4]
    const text = Array.from({length: 400}, (_, i) => `${sentence(i)}\n\n${blocks(i)}\n\n`).join('')
    const {stats, lengths, longest} = measure(text)
    expect(lengths.length).toBeGreaterThan(text.length / (2 * PIECE_SIZE))
    expect(longest).toBeLessThan(PIECE_SIZE + 1000)
    expect(stats.parsed).toBeLessThanOrEqual(2 * text.length)
    // Each block is in one piece.
    let at = 0
    for (const length of lengths) {
      at += length
      const head = text.slice(0, at)
      expect((head.match(/^```/gm) ?? []).length % 2, `cut at ${at}`).toBe(0)
      expect((head.match(/^\$\$/gm) ?? []).length % 2).toBe(0)
      expect((head.match(/<!--/g) ?? []).length).toBe((head.match(/-->/g) ?? []).length)
    }
  })
})
