import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {createLinter, ruleOptionsProblem, rulesById} from '../src/index.js'
import {findMarkers} from '../src/markers.js'
import {toJson} from '../src/engine/messages.js'
import {DIRTY, json, run, tree} from './cli-support.js'

// `1,5 million` is a French decimal comma: number-format fixes it to `1.5 million`.
const NUMBER = 'The deal is worth 1,5 million euros.'
const OTHER = 'The loan was 2,5 million dollars.'

describe('markers are applied inside the library', () => {
  it('createLinter().fix leaves text under a disable marker alone', async () => {
    const linter = createLinter()
    expect((await linter.fix(NUMBER + '\n')).text).toBe('The deal is worth 1.5 million euros.\n')
    const marked = `<!-- mtclean-disable number-format -->\n${NUMBER}\n`
    expect((await linter.fix(marked)).text).toBe(marked)
    expect(linter.check(marked).filter((m) => m.ruleId === 'number-format')).toEqual([])
    // processor.process honours them too: the markers are the processor's last plugin.
    const file = new VFile(marked)
    await linter.processor.run(linter.processor.parse(file), file)
    expect(file.messages.filter((m) => m.ruleId === 'number-format')).toEqual([])
  })

  it('"mtclean-disable." in ordinary prose is not a marker', async () => {
    const text = `Writers type mtclean-disable. to silence a rule. ${NUMBER}\nAnd mtclean-disable in a sentence is prose too. ${OTHER}\n`
    expect(findMarkers(text)).toEqual([])
    expect((await createLinter().fix(text)).text).toBe(text.replace('1,5', '1.5').replace('2,5', '2.5'))
  })

  it('a marker on a line of its own, after a comment leader, or in an HTML or Markdown comment', () => {
    const kinds = (text: string) => findMarkers(text).map((m) => [m.kind, [...m.rules]])
    expect(kinds('mtclean-disable calque -- a reason\n')).toEqual([['disable', ['calque']]])
    expect(kinds('  # mtclean-enable\n')).toEqual([['enable', []]])
    expect(kinds('Text <!-- mtclean-disable-line masthead, calque -->\n')).toEqual([['disable-line', ['masthead', 'calque']]])
    expect(kinds('[//]: # (mtclean-disable calque)\n')).toEqual([['disable', ['calque']]])
    expect(kinds('Text mtclean-disable-line calque\n')).toEqual([])
  })

  it('disable-next-line works with CR, LF and CRLF line ends', async () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = `mtclean-disable-next-line number-format${eol}${NUMBER}${eol}${OTHER}${eol}`
      const fixed = (await createLinter().fix(text)).text
      expect(fixed, JSON.stringify(eol)).toBe(`mtclean-disable-next-line number-format${eol}${NUMBER}${eol}The loan was 2.5 million dollars.${eol}`)
    }
  })

  it('unknown rule ids are reported; unused markers on request', () => {
    const text = `mtclean-disable-next-line number-formt\n${NUMBER}\n`
    const messages = createLinter().check(text)
    expect(messages.map((m) => [m.ruleId, m.reason])).toEqual([
      ['marker', 'Unexpected unknown rule id `number-formt` in `mtclean-disable-next-line`, expected a rule id (`mtclean rules` lists them)'],
      ['number-format', expect.any(String)]
    ])
    const unused = createLinter({reportUnusedMarkers: true}).check(`mtclean-disable calque\n${NUMBER}\nmtclean-disable-next-line number-format\n${OTHER}\n`)
    expect(unused.filter((m) => m.ruleId === 'marker').map((m) => [m.reason, m.line])).toEqual([['Unexpected unused `mtclean-disable`, expected a finding to silence (remove the marker)', 1]])
  })
})

describe('markers through the CLI', () => {
  // The same texts as above, through `mtclean fix` on stdin: what a user sees.
  it('fix: "mtclean-disable." in ordinary prose silences nothing after it', () => {
    const text = `Writers type mtclean-disable. to silence a rule. ${NUMBER}\nAnd mtclean-disable in a sentence is prose too. ${OTHER}\n`
    const r = run(['fix'], {input: text})
    expect(r.stdout).toBe(text.replace('1,5', '1.5').replace('2,5', '2.5'))
    expect(r.code).toBe(0)
  })

  it('fix: disable-next-line silences the next line with CR, LF and CRLF line ends', () => {
    const ends = {lf: '\n', crlf: '\r\n', cr: '\r'}
    const files = Object.fromEntries(Object.entries(ends).map(([name, eol]) => [`in/${name}.txt`, `mtclean-disable-next-line number-format${eol}${NUMBER}${eol}${OTHER}${eol}`]))
    const dir = tree(files)
    expect(run(['fix', '--out-dir', 'out', 'in'], {cwd: dir}).code).toBe(0)
    for (const [name, eol] of Object.entries(ends)) {
      expect(readFileSync(join(dir, `out/${name}.txt`), 'utf8'), name).toBe(`mtclean-disable-next-line number-format${eol}${NUMBER}${eol}The loan was 2.5 million dollars.${eol}`)
    }
  })
})

describe('rule options are validated in one place', () => {
  it("calque's documented `off` alias is accepted by the library and the config files", async () => {
    expect(ruleOptionsProblem(rulesById.get('calque')!, {off: ['fr-assures']})).toBeUndefined()
    expect(() => createLinter({rules: {calque: {off: ['fr-assures']}}})).not.toThrow()
    const dir = tree({'.mtcleanrc.json': JSON.stringify({rules: {calque: {off: ['fr-assures']}}}), 'a.txt': 'Plain text.\n'})
    expect(run(['check', 'a.txt'], {cwd: dir}).code).toBe(0)
  })

  it('the library rejects what the config rejects, with the same words', () => {
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{calque: {disable: 'fr-assures'}}, /bad value "fr-assures" for "rules\.calque\.disable" \(expected array\)/],
      [{'punct-quote-order': {fragments: 'sometimes'}}, /bad value "sometimes" for "rules\.punct-quote-order\.fragments" \(expected "auto" \| "always" \| "never"\)/],
      [{'quote-glued': ['loud']}, /bad severity "loud"/],
      [{'quote-glued': {nonsense: 1}}, /unknown option "rules\.quote-glued\.nonsense"/]
    ]
    for (const [rules, pattern] of cases) {
      expect(() => createLinter({rules: rules as never})).toThrow(pattern)
      const dir = tree({'.mtcleanrc.json': JSON.stringify({rules}), 'a.txt': 'Plain text.\n'})
      const r = run(['check', 'a.txt'], {cwd: dir})
      expect(r.code).toBe(2)
      expect(r.stderr).toMatch(pattern)
    }
  })
})

describe('settings are validated in one place', () => {
  it('keys such as toString or constructor are unknown settings to the library too, not a crash', () => {
    for (const key of ['toString', 'constructor', 'hasOwnProperty']) {
      expect(() => createLinter({settings: {[key]: 'x'} as never})).toThrow(new RegExp(`^Unknown setting "${key}" \\(known: quoteStyle, quoteMarks, sourceLang, preset\\)`))
    }
    expect(() => createLinter({settings: {quoteStyle: 'french'} as never})).toThrow('Bad value "french" for setting "quoteStyle" (expected american | british)')
    expect(() => createLinter({settings: {quoteStyle: 'british'}})).not.toThrow()
  })
})

describe('createLinter and the CLI give the same output', () => {
  it('for the same text and config, markers and options included', async () => {
    const config = {preset: 'strict' as const, rules: {calque: {off: ['fr-assures']}, 'punct-spacing': 'warn' as const}, settings: {quoteStyle: 'british' as const}}
    const text = [
      DIRTY.trimEnd(),
      '<!-- mtclean-disable number-format -->',
      NUMBER,
      '<!-- mtclean-enable -->',
      OTHER,
      'mtclean-disable-next-line quote-glued, punct-double',
      DIRTY.trimEnd(),
      '“It is real,” assures a senior official.',
      ''
    ].join('\n')
    const dir = tree({'.mtcleanrc.json': JSON.stringify(config), 'a.txt': text})
    const linter = createLinter(config)
    const checked = json(run(['check', '--format', 'json', 'a.txt'], {cwd: dir}))[0].messages
    expect(checked).toEqual(linter.check(text).map(toJson))
    expect(checked.some((m) => m.ruleId === 'number-format' && m.line === 5)).toBe(true)
    expect(checked.some((m) => m.ruleId === 'number-format' && m.line === 3)).toBe(false)
    const fixed = run(['fix', 'a.txt'], {cwd: dir}).stdout
    expect(fixed).toBe((await linter.fix(text)).text)
    expect(fixed.split('\n')[2]).toBe(NUMBER)
  })
})
