import {readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {contextOf, normalizeMessage} from '../src/engine/baseline.js'
import {ensureBuilt, run, tree} from './cli-support.js'

// A quotation reopened and never closed, last in its paragraph: its message
// names the mark's offset ("never closed (at 71)"), which moves with any edit above.
const UNCLOSED = 'He said, “We will win.” “Then she left the room. The end.'
const SPACED = 'According to the minister , the plan is dead.'

const findings = (stdout: string) => (JSON.parse(stdout) as Array<{messages: Array<{ruleId: string; actual: string}>}>).flatMap((f) => f.messages)

describe('baseline keys', () => {
  it('take offsets out of messages', () => {
    expect(normalizeMessage('Unexpected opening quote `“` never closed (at 39), expected `”`')).toBe('Unexpected opening quote `“` never closed (at #), expected `”`')
    expect(normalizeMessage('expected it once (first at offset 1200)')).toBe('expected it once (first at offset #)')
  })

  it('keep the text around a finding, within its paragraph', () => {
    const text = 'Other paragraph.\n\nThe   minister , the plan.\n\nNext one.'
    const at = text.indexOf(' ,')
    expect(contextOf(text, at, at + 1)).toBe('The minister\u0001, the plan.')
  })
})

describe('mtclean check --baseline', () => {
  ensureBuilt()
  it('a paragraph added above, or a file edited elsewhere, brings no old finding back', () => {
    const dir = tree({'a.txt': `${SPACED}\n\n${UNCLOSED}\n`, '.mtcleanrc': '{}'})
    const before = run(['check', '-f', 'json', 'a.txt'], {cwd: dir})
    expect(findings(before.stdout).map((m) => m.ruleId)).toEqual(['punct-spacing', 'quote-unbalanced'])
    const first = run(['check', '--baseline', 'base.json', 'a.txt'], {cwd: dir})
    expect(first.code).toBe(0)
    writeFileSync(join(dir, 'a.txt'), `A new first paragraph, written later.\n\n${SPACED}\n\nAnother paragraph in between.\n\n${UNCLOSED}\n`)
    const later = run(['check', '-f', 'json', '--baseline', 'base.json', 'a.txt'], {cwd: dir})
    expect(findings(later.stdout)).toEqual([])
    expect(later.code).toBe(0)
    expect(JSON.parse(readFileSync(join(dir, 'base.json'), 'utf8')).version).toBe(2)
  })

  it('a new finding with the same rule and text is still new', () => {
    const dir = tree({'a.txt': `${SPACED}\n`, '.mtcleanrc': '{}'})
    run(['check', '--baseline', 'base.json', 'a.txt'], {cwd: dir})
    writeFileSync(join(dir, 'a.txt'), `${SPACED}\n\nAccording to the mayor , nothing changed.\n`)
    const later = run(['check', '-f', 'json', '--baseline', 'base.json', 'a.txt'], {cwd: dir})
    expect(findings(later.stdout).map((m) => m.ruleId)).toEqual(['punct-spacing'])
    expect(later.code).toBe(1)
  })

  it('an old (version 1) baseline is refused with what to do', () => {
    const dir = tree({'a.txt': `${SPACED}\n`, 'base.json': '{"version": 1, "files": {}}'})
    const r = run(['check', '--baseline', 'base.json', 'a.txt'], {cwd: dir})
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('rewrite it with --update-baseline')
  })
})
