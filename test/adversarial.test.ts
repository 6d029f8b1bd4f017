/**
 * Adversarial inputs (issue 6 point 2): each completes and its output is
 * well-formed. Timeouts are generous: these tests assert completion and
 * exactness, not speed (the benchmark measures speed). `npm test` runs them
 * at sizes many times the parser's window; `npm run fuzz` (MTCLEAN_FUZZ_RUNS)
 * at the full sizes of their names.
 */
import {execFileSync} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import type {Node} from 'unist'
import {describe, expect, it} from 'vitest'
import type {VFileMessage} from 'vfile-message'
import {createLinter, createProcessor, lintInWindows, lintText, windowsOf} from '../src/index.js'
import {MAX_PIECE, parseDocument} from '../src/parse.js'
import {messageProblems, pointer} from './property-support.js'

const strict = createLinter({preset: 'strict'})
const recommended = createLinter({preset: 'recommended'})
const CLI = new URL('../dist/cli/main.js', import.meta.url).pathname
const SLOW = 240_000
const FULL = Boolean(process.env.MTCLEAN_FUZZ_RUNS)
/** `full` under `npm run fuzz`, `quick` in `npm test`. */
const size = (full: number, quick: number) => (FULL ? full : quick)
const MB = 1024 * 1024

/** Every node of the parsed tree sits exactly where its text is; leaves concatenate to the input. */
function treeProblems(text: string): string[] {
  const tree = parseDocument(text)
  const at = pointer(text)
  const problems: string[] = []
  let leaves = ''
  const stack: Node[] = [tree as unknown as Node]
  const order: Node[] = []
  while (stack.length) {
    const node = stack.pop()!
    order.push(node)
    const children = (node as unknown as {children?: Node[]}).children
    if (children) for (let i = children.length - 1; i >= 0; i--) stack.push(children[i])
  }
  for (const node of order) {
    const p = node.position
    if (!p) {
      problems.push(`${node.type}: no position`)
      continue
    }
    for (const [name, point] of [['start', p.start], ['end', p.end]] as const) {
      const want = at(point.offset!)
      if (point.line !== want.line || point.column !== want.column) {
        problems.push(`${node.type} ${name}@${point.offset}: ${point.line}:${point.column} ≠ ${want.line}:${want.column}`)
      }
    }
    const value = (node as unknown as {value?: string}).value
    if (typeof value === 'string') {
      if (text.slice(p.start.offset, p.end.offset) !== value) problems.push(`${node.type}@${p.start.offset}: value does not match the text`)
      leaves += value
    }
    if (problems.length > 20) break
  }
  if (problems.length === 0 && leaves !== text) problems.push('leaves do not concatenate to the input')
  return problems
}

async function survives(text: string, linter = strict): Promise<string> {
  const messages = linter.check(text)
  expect(messageProblems(text, messages)).toEqual([])
  const result = await linter.fix(text)
  expect(result.unsettled).toBe(false)
  expect(messageProblems(result.text, result.messages)).toEqual([])
  return result.text
}

const sentences = [
  'The minister said on Monday that the talks would resume.',
  '“We will not give up,” she said.',
  'Prices rose 3.5 percent, the U.S. agency reported at 10:30 a.m.',
  'About 1,500 people were evacuated, according to Le Monde.',
  'The World Bank lent $1.2 billion!',
  'Was it a turning point?'
]
function prose(bytes: number, joiner = ' '): string {
  const parts: string[] = []
  let size = 0
  for (let i = 0; size < bytes; i++) {
    const s = sentences[(i * 7) % sentences.length]
    parts.push(s)
    size += s.length + joiner.length
  }
  return parts.join(joiner)
}

describe('adversarial inputs', () => {
  it('empty file', async () => {
    expect(await survives('')).toBe('')
    expect(strict.check('')).toEqual([])
    expect(treeProblems('')).toEqual([])
  })

  it('white space only', async () => {
    for (const text of [' ', '\n', '\n\n\n', ' \t \r\n \r \n\u00A0', ' '.repeat(10_000)]) {
      expect(await survives(text, recommended)).toBe(text)
      expect(treeProblems(text)).toEqual([])
    }
  })

  it('a BOM', async () => {
    const text = '\uFEFF' + prose(2000)
    expect(treeProblems(text)).toEqual([])
    const out = await survives(text)
    expect(out.length).toBeGreaterThan(0)
    await survives('\uFEFF')
  })

  it('mixed CRLF, LF and CR line breaks keep exact positions', async () => {
    const breaks = ['\r\n', '\n', '\r', '\r\n\r\n', '\n\n', '\r\r', '\r\n\n', '\n\r']
    const text = Array.from({length: 400}, (_, i) => sentences[i % sentences.length] + breaks[i % breaks.length]).join('')
    expect(treeProblems(text)).toEqual([])
    await survives(text)
    // Giant paragraph (single breaks only) cut into windows across CR / CRLF lines.
    const single = Array.from({length: 2000}, (_, i) => sentences[i % sentences.length] + ['\r\n', '\r', '\n'][i % 3]).join('')
    expect(single.length).toBeGreaterThan(MAX_PIECE * 10)
    expect(treeProblems(single)).toEqual([])
    await survives(single)
  })

  it('positions stay exact across windows of a giant paragraph', () => {
    // Sentence ends, no sentence end (white space only), no white space at all, astral characters at the cut.
    const cases = [
      prose(MAX_PIECE * 6),
      Array.from({length: 6000}, (_, i) => 'word' + (i % 10)).join(' '),
      'x'.repeat(MAX_PIECE * 3 + 17),
      '😀'.repeat(MAX_PIECE * 2),
      'a' + '😀'.repeat(MAX_PIECE * 2),
      ('é\u0301 “quoted” ' + 'ש'.repeat(50) + ' ').repeat(400),
      ('word.' + ' '.repeat(3)).repeat(3000)
    ]
    for (const text of cases) expect(treeProblems(text)).toEqual([])
  })

  it('a 5 MB single line', {timeout: SLOW}, async () => {
    const text = prose(size(5 * MB, MB / 4))
    expect(text.includes('\n')).toBe(false)
    const messages = recommended.check(text)
    expect(messageProblems(text, messages)).toEqual([])
    const result = await recommended.fix(text)
    expect(result.unsettled).toBe(false)
    expect(result.text.length).toBeGreaterThan(text.length * 0.9)
  })

  it('a 1 MB single line with no white space (a finding every 6 characters)', {timeout: SLOW}, async () => {
    const text = 'ab.cd,'.repeat(size(MB, MB / 8) / 6)
    const messages = recommended.check(text)
    expect(messageProblems(text, messages)).toEqual([])
  })

  it('100,000 quote marks', {timeout: SLOW}, async () => {
    const n = size(100_000, 10_000)
    for (const mark of ['“', '”', '"', '«', '’']) await survives(mark.repeat(n))
    await survives('“”"«»‘’„'.repeat(n / 8))
    await survives('“word” '.repeat(n))
  })

  it('1 MB of full stops, of spaces', {timeout: SLOW}, async () => {
    const n = size(MB, MB / 16)
    await survives('.'.repeat(n))
    expect(await survives(' '.repeat(n))).toBe(' '.repeat(n))
    await survives('. '.repeat(n / 2))
  })

  it('deeply nested quotes', {timeout: SLOW}, async () => {
    const depth = size(20_000, 2_000)
    await survives('“‘'.repeat(depth) + 'deep' + '’”'.repeat(depth))
    await survives('"\''.repeat(depth) + 'deep' + '\'"'.repeat(depth))
    await survives('« '.repeat(depth) + 'deep' + ' »'.repeat(depth))
    await survives('He said “she said ‘they said “we said ‘no’ ” ’ ” '.repeat(size(2000, 200)))
  })

  it('a paragraph of 50,000 words', {timeout: SLOW}, async () => {
    const words = Array.from({length: size(50_000, 10_000)}, (_, i) => ['the', 'minister', 'said', 'that', 'prices', 'rose', 'sharply,'][i % 7]).join(' ') + '.'
    expect(treeProblems(words)).toEqual([])
    await survives(words)
  })

  describe.skipIf(!existsSync(CLI))('through the CLI', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mtclean-adv-'))
    const run = (args: string[]) => {
      try {
        return {code: 0, stdout: execFileSync('node', [CLI, ...args], {encoding: 'utf8', maxBuffer: 1 << 28, timeout: SLOW})}
      } catch (error) {
        const e = error as {status: number; stdout: string}
        return {code: e.status, stdout: e.stdout}
      }
    }

    it('a 5 MB single line: check completes, fix --write writes well-formed text', {timeout: SLOW}, () => {
      const file = join(dir, 'line.txt')
      const text = prose(size(5 * MB, MB / 4))
      writeFileSync(file, text)
      const check = run(['check', file])
      expect([0, 1]).toContain(check.code)
      const fixed = run(['fix', '--write', file])
      expect([0, 1]).toContain(fixed.code)
      const out = readFileSync(file, 'utf8')
      expect(out.length).toBeGreaterThan(text.length * 0.9)
    })

    it('empty, white-space-only and BOM files round-trip unchanged', {timeout: SLOW}, () => {
      const files: Record<string, string> = {'empty.txt': '', 'space.txt': ' \n\t\r\n ', 'bom.txt': '\uFEFFThe talks resume on Monday.\n'}
      for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
      for (const name of Object.keys(files)) {
        const result = run(['fix', '--write', join(dir, name)])
        expect([0, 1]).toContain(result.code)
        expect(readFileSync(join(dir, name), 'utf8')).toBe(files[name])
      }
      rmSync(dir, {recursive: true, force: true})
    })
  })
})

describe('windowed linting (issue 17: memory follows the window, not the document)', () => {
  const processor = createProcessor({preset: 'recommended'})
  const paragraphs = ['The protection was weak. . The plan is “ready ”, he said.', 'Prices rose 3,5 % in March , the bank said.', 'Nothing else happened here.']
  const breaks = ['\n\n', '\r\r', '\r\n\r\n', '\n \n']
  const text = Array.from({length: 60}, (_, i) => paragraphs[i % 3] + breaks[i % 4]).join('') + 'A last line without a break. .'
  const local = new Set(['punct-double', 'punct-spacing', 'quote-glued', 'number-format'])
  const shape = (m: VFileMessage) => {
    const x = m as VFileMessage & {startOffset: number; endOffset: number}
    const p = m.place as {start: {line: number; column: number; offset: number}; end: {line: number; column: number; offset: number}}
    return [m.ruleId, x.startOffset, x.endOffset, p.start.line, p.start.column, p.start.offset, p.end.line, p.end.column, m.line, m.column, m.actual, m.expected].join('|')
  }

  it('windows are cut after paragraph breaks, never inside a CRLF, and cover the text', () => {
    const windows = windowsOf(text, 300)
    expect(windows.length).toBeGreaterThan(5)
    expect(windows[0][0]).toBe(0)
    expect(windows[windows.length - 1][1]).toBe(text.length)
    for (let i = 1; i < windows.length; i++) {
      expect(windows[i][0]).toBe(windows[i - 1][1])
      const cut = windows[i][0]
      expect(text[cut - 1] === '\n' || text[cut - 1] === '\r').toBe(true)
      expect(text[cut - 1] === '\r' && text[cut] === '\n').toBe(false)
    }
  })

  it('messages of a text linted in windows are those of the whole text: offsets, lines, columns exact', () => {
    const whole = lintText(processor, text).filter((m) => local.has(String(m.ruleId)))
    const windowed = lintInWindows(text, (piece) => lintText(processor, piece), 300).filter((m) => local.has(String(m.ruleId)))
    expect(whole.length).toBeGreaterThan(50)
    expect(windowed.map(shape)).toEqual(whole.map(shape))
    expect(messageProblems(text, windowed)).toEqual([])
  })

  it('a line with no break longer than the window is cut at white space, places still exact', () => {
    const line = 'The protection was weak. . '.repeat(100)
    const windowed = lintInWindows(line, (piece) => lintText(processor, piece), 500)
    expect(windowed.filter((m) => m.ruleId === 'punct-double')).toHaveLength(100)
    expect(messageProblems(line, windowed)).toEqual([])
  })
})
