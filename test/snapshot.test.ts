import {mkdtempSync, mkdirSync, writeFileSync, utimesSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {loadRuleFolder, ruleFileNames} from '../src/data/load.js'
import {currentEntries, snapshotRecord} from '../src/data/snapshot.js'
import {asciiJson, readBuiltText} from '../src/read.js'

const entry = (id: string) =>
  `lang: fr\nentries:\n  - {id: ${id}, scope: line, phrases: ["Lire aussi"], match: [{text: "Lire aussi", output: ""}]}\n`

describe('rule data snapshot', () => {
  const rulesDir = mkdtempSync(join(tmpdir(), 'mtclean-snap-'))
  const folder = join(rulesDir, 'boilerplate')
  mkdirSync(folder)
  writeFileSync(join(folder, 'fr.yml'), entry('read-also'))
  const record = snapshotRecord(folder, ruleFileNames(folder), loadRuleFolder('boilerplate', folder), rulesDir)

  it('serves the stored entries while the files are unchanged, with absolute paths', () => {
    const entries = currentEntries(JSON.parse(JSON.stringify(record)), folder, rulesDir)
    expect(entries?.map((e) => e.id)).toEqual(['read-also'])
    expect(entries?.[0].file).toBe(join(folder, 'fr.yml'))
  })

  it('falls back (undefined) when a file is edited, added or removed', () => {
    writeFileSync(join(folder, 'fr.yml'), entry('read-also-2'))
    utimesSync(join(folder, 'fr.yml'), new Date(), new Date(Date.now() + 5000))
    expect(currentEntries(record, folder, rulesDir)).toBeUndefined()
    const fresh = snapshotRecord(folder, ruleFileNames(folder), loadRuleFolder('boilerplate', folder), rulesDir)
    writeFileSync(join(folder, 'de.yml'), entry('weiterlesen'))
    expect(currentEntries(fresh, folder, rulesDir)).toBeUndefined()
  })
})

describe('build artefacts as ASCII', () => {
  it('asciiJson writes the same value in ASCII, and readBuiltText reads any UTF-8 file as written', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mtclean-ascii-'))
    const value = {plain: 'Lire aussi', accents: 'Regió7 «Süddeutsche» ł', astral: 'a😀b', control: '\u0001\n'}
    const text = asciiJson(value)
    expect(/^[\x00-\x7f]*$/.test(text)).toBe(true)
    expect(JSON.parse(text)).toEqual(value)
    writeFileSync(join(dir, 'a.json'), text)
    writeFileSync(join(dir, 'u.txt'), 'Regió7\n😀\n')
    expect(JSON.parse(readBuiltText(join(dir, 'a.json')))).toEqual(value)
    expect(readBuiltText(join(dir, 'u.txt'))).toBe('Regió7\n😀\n')
  })
})
