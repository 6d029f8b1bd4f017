import {spawnSync} from 'node:child_process'
import {beforeAll, describe, expect, it} from 'vitest'
import {ensureBuilt} from './cli-support.js'

describe('memory budget: source dictionaries', () => {
  beforeAll(ensureBuilt)

  it('the Polish dictionary (300,000 stems) takes well under the 39 MB of heap a Map of its stems took', () => {
    // A child process with --expose-gc: the heap retained by loading the dictionary, after full collections.
    const code = `import {sourceDictionary} from ${JSON.stringify(new URL('../dist/lexicon/hunspell.js', import.meta.url).href)}
gc(); const before = process.memoryUsage().heapUsed
const d = sourceDictionary('pl'); gc()
console.log(JSON.stringify({size: d.size, mb: (process.memoryUsage().heapUsed - before) / 1048576, word: d.isWord('kot'), notWord: d.isWord('qqqzx')}))`
    const r = spawnSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', code], {encoding: 'utf8'})
    expect(r.stderr).toBe('')
    const out = JSON.parse(r.stdout)
    expect(out.size).toBeGreaterThan(250_000)
    expect(out.word).toBe(true)
    expect(out.notWord).toBe(false)
    expect(out.mb).toBeLessThan(20)
  })
})
