import {spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {parse} from 'yaml'
import {ensureBuilt, ROOT, tree} from './cli-support.js'

/**
 * Runs action.yml's shell steps as GitHub's runner would: inputs and step
 * outputs substituted into `env`, `if:` conditions evaluated, GITHUB_ENV and
 * GITHUB_OUTPUT files carried from step to step, in a temporary repository.
 * `uses:` steps are not run: setup-node is this Node; upload-sarif is checked
 * by the test (the SARIF file must be there when it would run).
 */
/**
 * The action under test: this checkout, or `MTCLEAN_ACTION_PATH` (a directory
 * with another version's action.yml and dist/, which scripts/regressions.mjs
 * prepares for an old build).
 */
const ACTION = process.env.MTCLEAN_ACTION_PATH ?? ROOT

interface Step {
  id?: string
  name?: string
  if?: string
  uses?: string
  shell?: string
  run?: string
  env?: Record<string, string>
}

interface ActionRun {
  outputs: Record<string, string>
  logs: Array<{name: string; code: number; stdout: string; stderr: string}>
  failed: boolean
  uploads: string[]
}

function runAction(repo: string, given: Record<string, string>, runnerTemp = mkdtempSync(join(tmpdir(), 'mtclean-runner-'))): ActionRun {
  const action = parse(readFileSync(join(ACTION, 'action.yml'), 'utf8')) as {inputs: Record<string, {default?: string}>; runs: {steps: Step[]}}
  const inputs: Record<string, string> = {}
  for (const [name, spec] of Object.entries(action.inputs)) inputs[name] = given[name] ?? String(spec.default ?? '')
  const envFile = join(runnerTemp, 'env')
  writeFileSync(envFile, '')
  const steps: Record<string, Record<string, string>> = {}
  const lookup = (expr: string): string => {
    const e = expr.trim()
    let m = /^inputs\.([\w-]+)$/.exec(e)
    if (m) return inputs[m[1]] ?? ''
    m = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(e)
    if (m) return steps[m[1]]?.[m[2]] ?? ''
    throw new Error(`unsupported expression ${e}`)
  }
  const substitute = (text: string) => text.replace(/\$\{\{([^}]*)\}\}/g, (_, e: string) => lookup(e))
  let failed = false
  const condition = (text: string | undefined): boolean => {
    if (text === undefined) return !failed
    const expr = text.replace(/^\$\{\{|\}\}$/g, '').trim()
    const hasAlways = /always\(\)/.test(expr)
    const js = expr
      .replace(/always\(\)/g, 'true')
      .replace(/(inputs\.[\w-]+|steps\.[\w-]+\.outputs\.[\w-]+)/g, (ref) => JSON.stringify(lookup(ref)))
      .replace(/'([^']*)'/g, (_, s: string) => JSON.stringify(s))
      .replace(/==/g, '===')
      .replace(/!===/g, '!==')
    if (!/^[\s"\w.\-!=&|()]*$/.test(js)) throw new Error(`unsupported condition ${expr}`)
    const value = Boolean(new Function(`return (${js})`)())
    return value && (hasAlways || !failed)
  }
  const result: ActionRun = {outputs: {}, logs: [], failed: false, uploads: []}
  for (const step of action.runs.steps) {
    if (!condition(step.if)) continue
    if (step.uses) {
      if (step.uses.startsWith('github/codeql-action/upload-sarif@')) {
        const file = join(repo, inputs['sarif-file'])
        if (!existsSync(file)) throw new Error(`upload-sarif would find no ${inputs['sarif-file']}`)
        result.uploads.push(readFileSync(file, 'utf8'))
      } else if (!step.uses.startsWith('actions/setup-node@')) throw new Error(`unexpected step ${step.uses}`)
      continue
    }
    expect(step.shell).toBe('bash')
    const outputFile = join(runnerTemp, `output-${step.id ?? 'step'}`)
    writeFileSync(outputFile, '')
    const carried = existsSync(envFile) ? Object.fromEntries(readFileSync(envFile, 'utf8').split('\n').filter(Boolean).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)])) : {}
    const env: Record<string, string> = {...(process.env as Record<string, string>), CI: 'true', ...carried, GITHUB_ACTION_PATH: ACTION, RUNNER_TEMP: runnerTemp, GITHUB_ENV: envFile, GITHUB_OUTPUT: outputFile}
    for (const [k, v] of Object.entries(step.env ?? {})) env[k] = substitute(String(v))
    // GitHub runs `bash --noprofile --norc -eo pipefail {0}` on the step's script.
    const script = join(runnerTemp, `step-${result.logs.length}.sh`)
    writeFileSync(script, substitute(step.run!))
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {cwd: repo, env, encoding: 'utf8', maxBuffer: 1 << 26})
    result.logs.push({name: step.name ?? step.id ?? '', code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr})
    if (step.id) steps[step.id] = Object.fromEntries(readFileSync(outputFile, 'utf8').split('\n').filter(Boolean).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]))
    if (r.status !== 0) failed = true
  }
  result.outputs = steps.check ?? {}
  result.failed = failed
  return result
}

const ARTIFACT = 'According to the minister , it ended.\n'

describe('the GitHub Action, run as a user’s workflow would', () => {
  let tarball = ''
  // One runner temp for both jobs: the second install finds the first's packages (a test-time saving only).
  let runnerTemp = ''
  beforeAll(() => {
    runnerTemp = mkdtempSync(join(tmpdir(), 'mtclean-runner-'))
    ensureBuilt()
    // The published package: what `npm publish` uploads (dist/ already built).
    const out = mkdtempSync(join(tmpdir(), 'mtclean-pack-'))
    const r = spawnSync('npm', ['pack', '--ignore-scripts', '--pack-destination', out], {cwd: ROOT, encoding: 'utf8'})
    expect(r.status, r.stderr).toBe(0)
    tarball = join(out, readdirSync(out).find((f) => f.endsWith('.tgz'))!)
  }, 120_000)

  const repo = () =>
    tree({
      'content/a.md': ARTIFACT,
      'content/sub/b.md': ARTIFACT,
      'content/sub/deep/c.md': ARTIFACT,
      'content/skip.txt': ARTIFACT,
      'README.md': 'Clean.\n'
    })

  it('format github: a quoted ** glob checks every matching file, and the job fails', () => {
    const dir = repo()
    const r = runAction(dir, {paths: 'content/**/*.md', package: tarball}, runnerTemp)
    const check = r.logs.find((l) => l.name === 'mtclean check')!
    expect(r.logs[0].code, r.logs[0].stderr).toBe(0)
    const files = [...check.stdout.matchAll(/^::error file=([^,]+),/gm)].map((m) => m[1])
    expect(files).toEqual(['content/a.md', 'content/sub/b.md', 'content/sub/deep/c.md'])
    expect(r.outputs['exit-code']).toBe('1')
    expect(r.failed).toBe(true)
  }, 300_000)

  it('format sarif: the report goes into a directory that did not exist, is uploaded, then the job fails', () => {
    const dir = repo()
    const r = runAction(dir, {paths: 'content/**/*.md README.md', format: 'sarif', 'sarif-file': 'reports/mtclean/x.sarif', args: '--max-warnings 0', package: tarball}, runnerTemp)
    expect(r.uploads).toHaveLength(1)
    const log = JSON.parse(r.uploads[0])
    const uris = log.runs[0].results.map((x: any) => x.locations[0].physicalLocation.artifactLocation.uri)
    expect(uris).toEqual(['content/a.md', 'content/sub/b.md', 'content/sub/deep/c.md'])
    expect(r.outputs['exit-code']).toBe('1')
    expect(r.logs.at(-1)!.name).toBe('Fail on findings')
    expect(r.failed).toBe(true)
  }, 300_000)
})

describe('action.yml', () => {
  it('runs on a supported Node and current actions, and never builds in the job', () => {
    const action = parse(readFileSync(join(ACTION, 'action.yml'), 'utf8')) as {inputs: Record<string, {default?: string}>; runs: {steps: Step[]}}
    expect(['22', '24']).toContain(action.inputs['node-version'].default)
    const uses = action.runs.steps.map((s) => s.uses).filter(Boolean)
    expect(uses).toEqual(['actions/setup-node@v6', 'github/codeql-action/upload-sarif@v4'])
    const scripts = action.runs.steps.map((s) => s.run ?? '').join('\n')
    expect(scripts).not.toMatch(/npm (ci|run build)|tsc/)
    // Inputs reach the shell only through env, never pasted into the script.
    expect(scripts).not.toMatch(/\$\{\{\s*inputs\./)
  })
})
