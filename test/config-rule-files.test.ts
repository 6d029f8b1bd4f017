import {beforeAll, describe, expect, it} from 'vitest'
import {ensureBuilt, json, run, tree} from './cli-support.js'

beforeAll(ensureBuilt)

const ourPaper =
  'lang: fr\nentries:\n  - {id: la-gazette-du-val, name: "La Gazette du Val", literal: ["The Valley Gazette"], match: [{text: "In an interview with The Valley Gazette, the mayor spoke.", output: "In an interview with La Gazette du Val, the mayor spoke."}]}\n'
const text = 'In an interview with The Valley Gazette, the mayor defended the budget.\n'

describe('config: extra rule data files', () => {
  it('ruleFiles globs are relative to the config and routed by folder name', () => {
    const dir = tree({'.mtcleanrc.json': JSON.stringify({ruleFiles: ['./my-rules/**/*.yml']}), 'my-rules/masthead/papers.yml': ourPaper, 'a.txt': text})
    const r = run(['fix', 'a.txt'], {cwd: dir})
    expect(r.stdout).toBe('In an interview with La Gazette du Val, the mayor defended the budget.\n')
  })

  it('a list under "rules" means rule files, routed by their rule: key', () => {
    const dir = tree({'.mtcleanrc.json': JSON.stringify({rules: ['./extra.yml']}), 'extra.yml': 'rule: masthead\n' + ourPaper, 'a.txt': text})
    const r = run(['check', '--format', 'json', 'a.txt'], {cwd: dir})
    expect(json(r)[0].messages.map((m) => m.ruleId)).toContain('masthead')
  })

  it('without the config the publication is unknown', () => {
    const dir = tree({'a.txt': text})
    expect(run(['fix', 'a.txt'], {cwd: dir}).stdout).toBe(text)
  })

  it('a glob that matches nothing, or a file of no known rule, is an error naming the config', () => {
    const none = tree({'.mtcleanrc.json': JSON.stringify({ruleFiles: ['./nope/*.yml']}), 'a.txt': text})
    const r1 = run(['check', 'a.txt'], {cwd: none})
    expect(r1.code).toBe(2)
    expect(r1.stderr).toMatch(/\.mtcleanrc\.json: "ruleFiles": no file matches/)
    const unknown = tree({'.mtcleanrc.json': JSON.stringify({ruleFiles: ['./odd.yml']}), 'odd.yml': ourPaper, 'a.txt': text})
    const r2 = run(['check', 'a.txt'], {cwd: unknown})
    expect(r2.code).toBe(2)
    expect(r2.stderr).toMatch(/cannot tell which rule/)
  })

  it('a malformed data file is reported with file and line', () => {
    const bad = 'lang: fr\nentries:\n  - {id: x, name: "X", literal: ["The X"], colour: red, match: [{text: "a"}]}\n'
    const dir = tree({'.mtcleanrc.json': JSON.stringify({ruleFiles: ['./masthead.yml']}), 'masthead.yml': bad, 'a.txt': text})
    const r = run(['check', 'a.txt'], {cwd: dir})
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/masthead\.yml:3: .*unknown key "colour"/)
  })
})

describe('config: user patterns are linear by construction (issue 17)', () => {
  const file = (literal: string) => `lang: fr\nentries:\n  - {id: slow, name: "Le Slow", literal: [${JSON.stringify(literal)}], match: [{text: "a"}]}\n`
  it('adjacent placeholders, or one followed by what could continue it, are rejected with file:line', () => {
    for (const [literal, why] of [
      ['{word}{word}{word}{word}{word}{word}{word}{word}', '{word} and {word} with no space between'],
      ['{word}-{word}', '{word} and {word} with no space between'],
      ['{n}5 days', '{n} followed by "5"'],
      ['{word}s of the', '{word} followed by "s"'],
      ['the {word}(s|es)', '{word} followed by "se"'],
      ['{words} {words} {words}', 'more than 2 {words} placeholders']
    ]) {
      const dir = tree({'.mtcleanrc.json': JSON.stringify({ruleFiles: ['./my/masthead/x.yml']}), 'my/masthead/x.yml': file(literal), 'a.txt': text})
      const r = run(['check', 'a.txt'], {cwd: dir})
      expect(r.code).toBe(2)
      expect(r.stderr).toContain(`x.yml:3: slow: literal: pattern "${literal}": ${why}`)
    }
  })

  it('placeholders separated by spaces, or followed by what cannot continue them, are accepted', () => {
    const dir = tree({'.mtcleanrc.json': JSON.stringify({ruleFiles: ['./my/masthead/x.yml']}), 'my/masthead/x.yml': file('The {word} {word} Gazette {n}h'), 'a.txt': text})
    expect(run(['check', 'a.txt'], {cwd: dir}).code).toBe(0)
  })
})
