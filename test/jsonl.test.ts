import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import fc from 'fast-check'
import {beforeAll, describe, expect, it} from 'vitest'
import {CLEAN, DIRTY, ensureBuilt, library, run, tree} from './cli-support.js'

let fix: (text: string) => Promise<string>
beforeAll(async () => {
  ensureBuilt()
  const lib = await library()
  const linter = lib.createLinter({})
  fix = async (text) => (await linter.fix(text)).text
})

const lines = (s: string) => s.split('\n').slice(0, -1)

describe('--jsonl', () => {
  const records = [
    JSON.stringify({id: 1, text: DIRTY}),
    'not json {',
    '',
    '{"id": 3,   "text": ' + JSON.stringify(CLEAN) + '}',
    JSON.stringify({id: 4, other: DIRTY}),
    JSON.stringify({id: 5, text: 'Café ' + DIRTY, extra: {nested: [1, 2]}})
  ]
  const input = records.join('\n') + '\n'

  it('fix: cleans the field, keeps order, passes malformed lines and text-less records through untouched (exit 2)', async () => {
    const r = run(['fix', '--jsonl'], {input})
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/^mtclean: <stdin>:2: invalid JSON \(.*\), passed through untouched$/m)
    const out = lines(r.stdout)
    expect(out).toHaveLength(6)
    expect(JSON.parse(out[0])).toEqual({id: 1, text: await fix(DIRTY)})
    expect(out[1]).toBe('not json {')
    expect(out[2]).toBe('')
    expect(out[3]).toBe(records[3]) // unchanged records stay byte-identical
    expect(out[4]).toBe(records[4])
    expect(JSON.parse(out[5])).toEqual({id: 5, text: await fix('Café ' + DIRTY), extra: {nested: [1, 2]}})
  })

  it('--drop-invalid drops malformed lines (still reported), exit 0', () => {
    const r = run(['fix', '--jsonl', '--drop-invalid'], {input})
    expect(r.code).toBe(0)
    expect(r.stderr).toMatch(/<stdin>:2: invalid JSON .*dropped/)
    expect(lines(r.stdout)).toHaveLength(5)
    expect(r.stdout).not.toContain('not json')
  })

  it('--report adds the findings of the original text', () => {
    const r = run(['fix', '--jsonl', '--report', '--drop-invalid'], {input})
    const out = lines(r.stdout).filter(Boolean).map((l) => JSON.parse(l))
    expect(out[0].mtclean.length).toBeGreaterThan(0)
    for (const m of out[0].mtclean) expect(DIRTY.slice(m.startOffset, m.endOffset)).toBe(m.actual)
    expect(out[1].mtclean).toEqual([])
  })

  it('--field reaches nested fields', async () => {
    const r = run(['fix', '--jsonl', '--field', 'doc.body'], {input: JSON.stringify({doc: {body: DIRTY, title: 'x'}}) + '\n'})
    expect(JSON.parse(r.stdout)).toEqual({doc: {body: await fix(DIRTY), title: 'x'}})
  })

  it('check: one {path: FILE:LINE, messages} line per record with text, exit 1 on errors', () => {
    const dir = tree({'in.jsonl': input})
    const r = run(['check', '--jsonl', 'in.jsonl'], {cwd: dir})
    expect(r.code).toBe(2) // the malformed line
    const out = lines(r.stdout).map((l) => JSON.parse(l))
    expect(out.map((o) => o.path)).toEqual(['in.jsonl:1', 'in.jsonl:4', 'in.jsonl:6'])
    expect(out[0].messages.length).toBeGreaterThan(0)
    expect(out[1].messages).toEqual([])
    const ok = run(['check', '--jsonl', '--drop-invalid', 'in.jsonl'], {cwd: dir})
    expect(ok.code).toBe(1)
  })

  it('reads files, keeps CRLF input working, and reports a missing file', () => {
    const dir = tree({'a.jsonl': JSON.stringify({text: DIRTY}) + '\r\n' + JSON.stringify({text: CLEAN}) + '\r\n'})
    const r = run(['fix', '--jsonl', 'a.jsonl', 'missing.jsonl'], {cwd: dir})
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/missing\.jsonl: cannot read \(no such file or directory\)/)
    expect(lines(r.stdout)).toHaveLength(2)
  })

  it('--jobs 1 and --jobs 2 give the same records in the same order', () => {
    const many: string[] = []
    for (let i = 0; i < 600; i++) many.push(JSON.stringify({i, text: i % 3 ? DIRTY.repeat(1 + (i % 5)) : CLEAN}))
    const dir = tree({'many.jsonl': many.join('\n') + '\n'})
    const one = run(['fix', '--jsonl', '--report', '--jobs', '1', 'many.jsonl'], {cwd: dir})
    const two = run(['fix', '--jsonl', '--report', '--jobs', '2', 'many.jsonl'], {cwd: dir})
    expect(one.code).toBe(0)
    expect(two.stdout).toBe(one.stdout)
    expect(lines(one.stdout).map((l) => JSON.parse(l).i)).toEqual(many.map((_, i) => i))
    void readFileSync
    void join
  })

  it('a batch too big for the capped heap of a worker is redone in the big-input worker: same records', {timeout: 300_000}, () => {
    const many: string[] = []
    for (let i = 0; i < 80; i++) many.push(JSON.stringify({i, text: i % 20 === 7 ? DIRTY.repeat(3000) : DIRTY}))
    const dir = tree({'big.jsonl': many.join('\n') + '\n'})
    const one = run(['check', '--jsonl', '--jobs', '1', 'big.jsonl'], {cwd: dir})
    const two = run(['check', '--jsonl', '--jobs', '2', 'big.jsonl'], {cwd: dir, env: {MTCLEAN_WORKER_HEAP_MB: '40'}})
    expect(two.stderr).toMatch(/needed more memory than a worker has: redone in the big-input worker/)
    expect(two.code).toBe(one.code)
    expect(two.stdout).toBe(one.stdout)
    expect(lines(two.stdout)).toHaveLength(80)
  })
})

describe('--jsonl: records round-trip byte for byte (issue 17)', () => {
  it('numbers, escapes, white space and invalid UTF-8 of other fields survive a fix of the text field', () => {
    const dirty = JSON.stringify(DIRTY)
    const input = Buffer.concat([
      Buffer.from(`{"id":12345678901234567890, "x" :1e400,"esc":"\\u00e9\\/","text":${dirty}}\n`),
      Buffer.from('{"bin":"'),
      Buffer.from([0xff, 0xfe, 0x80]),
      Buffer.from(`","text":${JSON.stringify(CLEAN)}}\r\n`),
      Buffer.from('{"bin":"'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from(`","text":${dirty}}\r`),
      Buffer.from(`\ufeff{"text":${JSON.stringify(CLEAN)}}`)
    ])
    const r = run(['fix', '--jsonl'], {input})
    const fixed = JSON.stringify('The protection was weak. The plan is “ready,” he said.\n')
    const want = Buffer.concat([
      Buffer.from(`{"id":12345678901234567890, "x" :1e400,"esc":"\\u00e9\\/","text":${fixed}}\n`),
      Buffer.from('{"bin":"'),
      Buffer.from([0xff, 0xfe, 0x80]),
      Buffer.from(`","text":${JSON.stringify(CLEAN)}}\r\n`),
      Buffer.from('{"bin":"'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from(`","text":${fixed}}\r`),
      Buffer.from(`\ufeff{"text":${JSON.stringify(CLEAN)}}\n`)
    ])
    // latin1: one character per byte, so a difference shows where it is.
    expect(r.bytes.toString('latin1')).toBe(want.toString('latin1'))
    expect(r.code).toBe(0)
  })

  it('a text field holding invalid UTF-8 is passed through untouched, not fixed over U+FFFD', () => {
    const input = Buffer.concat([Buffer.from('{"text":"The protection was weak. . '), Buffer.from([0xff]), Buffer.from('"}\n')])
    const r = run(['fix', '--jsonl'], {input})
    expect(r.bytes).toEqual(input)
    expect(r.stderr).toContain('<stdin>:1: the "text" field holds invalid UTF-8: passed through untouched')
  })

  it('--report adds the findings after the other fields, which stay byte for byte', () => {
    const input = `{"n": 1.50, "text": ${JSON.stringify(DIRTY)} }\n{}\n`
    const r = run(['fix', '--jsonl', '--report'], {input})
    const [first] = lines(r.stdout)
    expect(first.startsWith('{"n": 1.50, "text": ' + JSON.stringify('The protection was weak. The plan is “ready,” he said.\n') + ' ,"mtclean":[')).toBe(true)
    expect(JSON.parse(first).mtclean.map((m: {ruleId: string}) => m.ruleId)).toContain('punct-double')
  })

  it('a record over --max-file-size is passed through untouched with an error; the rest completes', () => {
    const big = JSON.stringify({text: DIRTY.repeat(50)})
    const input = `${big}\n${JSON.stringify({text: DIRTY})}\n`
    const r = run(['fix', '--jsonl', '--max-file-size', '1k'], {input})
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(`<stdin>:1: record too large (${Buffer.byteLength(big)} bytes > --max-file-size 1024), passed through untouched`)
    expect(lines(r.stdout)).toEqual([big, JSON.stringify({text: 'The protection was weak. The plan is “ready,” he said.\n'})])
  })

  it('a record that would not fit the big-input worker is refused before work starts and passed through; the rest completes', () => {
    const big = JSON.stringify({text: 'Weak. . '.repeat(300_000)})
    const input = `${JSON.stringify({text: DIRTY})}\n${big}\n${JSON.stringify({text: DIRTY})}\n`
    const r = run(['fix', '--jsonl', '--jobs', '1'], {input, env: {MTCLEAN_BIG_HEAP_MB: '144'}})
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(`<stdin>:2: too large for the memory budget (144 MB of heap for one input): record not processed (${300_000 * 8} characters; at most ${1024 * 1024} fit)`)
    const fixed = JSON.stringify({text: 'The protection was weak. The plan is “ready,” he said.\n'})
    expect(lines(r.stdout)).toEqual([fixed, big, fixed])
  })

  // Records built from parts, so the test knows where the text value is without parsing the output.
  const jsonNumber = fc.oneof(fc.constantFrom('12345678901234567890', '1e400', '-0', '1.50', '0.1e-7', '9007199254740993'), fc.integer().map(String))
  const jsonString = fc.string({unit: 'binary', maxLength: 12}).map((s) => JSON.stringify(s).replace(/[\u007f-\ud7ff\ue000-\uffff]/g, (c) => (c.charCodeAt(0) % 2 ? '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0') : c)))
  const ws = fc.constantFrom('', ' ', '  ', '\t')
  const value = fc.oneof(jsonNumber, jsonString, fc.constantFrom('true', 'false', 'null', '[]', '{}', '[1,{"a":[2e5]}]', '{"text":"nested"}'))
  const field = fc.tuple(fc.constantFrom('id', 'url', 'é', 'a b', 'text2', 'meta'), ws, ws, value).map(([k, a, b, v]) => `${JSON.stringify(k)}${a}:${b}${v}`)
  const texts = fc.oneof(fc.constantFrom(CLEAN, DIRTY, 'Café.', '', 'A “quoted” word.', 'Weak. . Yes.'), fc.string({maxLength: 40}))
  const record = fc.tuple(fc.array(field, {maxLength: 4}), fc.array(field, {maxLength: 4}), texts, ws).map(([before, after, text, w]) => {
    const prefix = `{${w}${before.map((f) => f + ',').join('')}"text":${w}`
    const suffix = `${after.map((f) => ',' + f).join('')}${w}}`
    return {prefix, suffix, text}
  })

  it('property: a record whose text needs no fix comes out byte-identical; in any record only the text value changes', async () => {
    const cases = fc.sample(record, {numRuns: 300, seed: 17})
    const input = cases.map((c) => c.prefix + JSON.stringify(c.text) + c.suffix).join('\n') + '\n'
    const r = run(['fix', '--jsonl'], {input})
    expect(r.code).toBe(0)
    const out = lines(r.stdout)
    expect(out).toHaveLength(cases.length)
    for (const [i, c] of cases.entries()) {
      const fixed = await fix(c.text)
      const line = out[i]
      if (fixed === c.text) expect(line).toBe(c.prefix + JSON.stringify(c.text) + c.suffix)
      else {
        expect({line, start: line.startsWith(c.prefix), end: line.endsWith(c.suffix)}).toEqual({line, start: true, end: true})
        expect(JSON.parse(line.slice(c.prefix.length, line.length - c.suffix.length))).toBe(fixed)
      }
    }
  }, 120_000)
})
