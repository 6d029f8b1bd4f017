// The binary runs from the code cache the build made of it (scripts/bin-launcher.js) and
// answers exactly as it does compiled without it, or with a cache V8 or the launcher refuses.
import {spawnSync} from 'node:child_process'
import {mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {BIN, DIST, ensureBuilt} from './cli-support.js'

const SEEDS = join(import.meta.dirname, '..', 'seeds')

function run(args: readonly string[], env: Record<string, string>, input?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], {env: {...process.env, MTCLEAN_CODE_CACHE_REPORT: '1', ...env}, encoding: 'utf8', input})
  const report = /^code cache: (\w+)\n/.exec(r.stderr)
  return {status: r.status, stdout: r.stdout, stderr: r.stderr.replace(/^code cache: \w+\n/, ''), cache: report?.[1]}
}

describe.skipIf(process.env.MTCLEAN_BIN)('binary code cache', () => {
  ensureBuilt()
  const files = readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt') && !f.endsWith('.clean.txt'))
    .slice(0, 12)
    .map((f) => join(SEEDS, f))
  const out = mkdtempSync(join(tmpdir(), 'mtclean-cache-test-'))
  const id = readFileSync(join(DIST, 'bin', 'main.cjs'), 'utf8').trimEnd().split('\n').pop()!
  const wrongData = join(out, 'wrong-data.cache')
  writeFileSync(wrongData, Buffer.concat([Buffer.from(id + '\n'), Buffer.from('not a code cache')]))
  const wrongBundle = join(out, 'wrong-bundle.cache')
  writeFileSync(wrongBundle, Buffer.concat([Buffer.from('//# mtclean-build 0\n'), readFileSync(join(DIST, 'bin', 'main.cache')).subarray(id.length + 1)]))
  const ways: Array<[string, Record<string, string>]> = [
    ['used', {}],
    ['none', {MTCLEAN_CODE_CACHE: 'off'}],
    ['rejected', {MTCLEAN_CODE_CACHE_FILE: wrongData}],
    ['none', {MTCLEAN_CODE_CACHE_FILE: wrongBundle}]
  ]

  for (const [args, name, input] of [
    [['check', '--no-config', '--format', 'json', ...files], 'check', undefined],
    [['fix', '--no-config', '--preset', 'strict'], 'fix (stdin)', readFileSync(files[0], 'utf8')],
    [['rules', '--stats'], 'rules', undefined]
  ] as const) {
    it(`${name}: the same output with the cache, without it, and with a cache refused`, () => {
      const results = ways.map(([expected, env]) => {
        const r = run(args, env, input)
        expect(r.cache, JSON.stringify(env)).toBe(expected)
        return {status: r.status, stdout: r.stdout, stderr: r.stderr}
      })
      expect(results[0].stdout.length).toBeGreaterThan(0)
      for (const r of results.slice(1)) expect(r).toEqual(results[0])
    })
  }
})
