import {readFileSync} from 'node:fs'
import {join} from 'node:path'
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

  it('a batch too big for the capped heap of a worker is redone on the main thread: same records', () => {
    const many: string[] = []
    for (let i = 0; i < 80; i++) many.push(JSON.stringify({i, text: i % 20 === 7 ? DIRTY.repeat(3000) : DIRTY}))
    const dir = tree({'big.jsonl': many.join('\n') + '\n'})
    const one = run(['check', '--jsonl', '--jobs', '1', 'big.jsonl'], {cwd: dir})
    const two = run(['check', '--jsonl', '--jobs', '2', 'big.jsonl'], {cwd: dir, env: {MTCLEAN_WORKER_HEAP_MB: '40'}})
    expect(two.stderr).toMatch(/needed more memory than a worker has: redone on the main thread/)
    expect(two.code).toBe(one.code)
    expect(two.stdout).toBe(one.stdout)
    expect(lines(two.stdout)).toHaveLength(80)
  })
})
