// Build step: parse and validate every rules/<rule>/*.yml once and store the
// result as dist/rules-data.json, so the CLI does not parse YAML or compile
// schemas on every start (src/data/snapshot.ts checks it is still current).
import {readdirSync, rmSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'

process.env.MTCLEAN_NO_SNAPSHOT = '1'
const {RULES_DIR, loadRuleFolder, ruleFileNames} = await import('../dist/data/load.js')
const {SNAPSHOT_PATH, snapshotRecord} = await import('../dist/data/snapshot.js')
const {asciiJson} = await import('../dist/read.js')
rmSync(SNAPSHOT_PATH, {force: true})
const snapshot = {}
let count = 0
for (const rule of readdirSync(RULES_DIR, {withFileTypes: true})) {
  if (!rule.isDirectory() || rule.name === 'schema') continue
  const folder = join(RULES_DIR, rule.name)
  const entries = loadRuleFolder(rule.name, folder)
  snapshot[rule.name] = snapshotRecord(folder, ruleFileNames(folder), entries, RULES_DIR)
  count += entries.length
}
// The phrase sets of the built-in data, built as a run would build them (src/data/phrase-sets.ts).
const {buildSet, freezeSet} = await import('../dist/match/phrases.js')
const {evidenceSpecs} = await import('../dist/lang.js')
const {compileMasthead} = await import('../dist/rules/masthead/find.js')
const {phrasesFor} = await import('../dist/rules/calque.js')
const {SETS} = await import('../dist/data/snapshot.js')
snapshot[SETS] = {
  lang: freezeSet(buildSet(evidenceSpecs().specs)),
  masthead: freezeSet(compileMasthead().names),
  calque: freezeSet(phrasesFor([]).set)
}
// ASCII (non-ASCII escaped): read without UTF-8 decoding (src/read.ts readBuiltText).
writeFileSync(SNAPSHOT_PATH, asciiJson(snapshot))
console.log(`rules: ${count} entries validated → ${SNAPSHOT_PATH}`)
