import {spawnSync} from 'node:child_process'
import {copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {REPO} from './cli-support.js'

/**
 * The hooks of .pre-commit-hooks.yaml, installed and run by the real
 * pre-commit in a fresh git repository, as a user's `.pre-commit-config.yaml`
 * would: pre-commit clones this repository at a commit, installs it with
 * `language: node` (npm install, npm pack, npm install -g) and runs the entry.
 * CI (.ci/run) installs pre-commit from Debian when it is missing.
 */
const hasPreCommit = spawnSync('pre-commit', ['--version']).status === 0
if (!hasPreCommit && process.env.CI) throw new Error('pre-commit is not installed: .ci/run installs it (apt-get install pre-commit)')

const git = (cwd: string, ...args: string[]) => {
  const r = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], {cwd, encoding: 'utf8'})
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`)
  return r.stdout.trim()
}

/** This working tree (tracked and new files, not ignored ones) committed in a fresh repository: what pre-commit clones. */
function hookRepository(): {path: string; rev: string} {
  const path = mkdtempSync(join(tmpdir(), 'mtclean-hooks-'))
  const files = git(REPO, 'ls-files', '--cached', '--others', '--exclude-standard', '-z').split('\0').filter(Boolean)
  for (const file of files) {
    mkdirSync(dirname(join(path, file)), {recursive: true})
    try {
      copyFileSync(join(REPO, file), join(path, file))
    } catch {
      // deleted in the working tree
    }
  }
  git(path, 'init', '-q')
  git(path, 'add', '-A')
  git(path, 'commit', '-q', '-m', 'hooks')
  return {path, rev: git(path, 'rev-parse', 'HEAD')}
}

const DOC = '# Notes\n\nAccording to the minister , it ended.\n\n```\ncode , untouched\n```\n'

describe.runIf(hasPreCommit)('pre-commit hooks', () => {
  it('install from the repository and run: mtclean reports, mtclean-fix fixes only prose', () => {
    const hooks = hookRepository()
    const repo = mkdtempSync(join(tmpdir(), 'mtclean-user-'))
    git(repo, 'init', '-q')
    writeFileSync(join(repo, 'a.txt'), 'Then the mayor spoke ; nobody listened.\n')
    writeFileSync(join(repo, 'doc.md'), DOC)
    writeFileSync(join(repo, 'script.py'), 'x = 1 ; y = 2\n')
    writeFileSync(
      join(repo, '.pre-commit-config.yaml'),
      `repos:\n  - repo: ${hooks.path}\n    rev: ${hooks.rev}\n    hooks:\n      - id: mtclean\n      - id: mtclean-fix\n        stages: [manual]\n`
    )
    git(repo, 'add', '-A')
    const env = {...process.env, PRE_COMMIT_HOME: join(repo, '.cache-pre-commit'), npm_config_prefer_offline: 'true', NO_COLOR: '1'}
    const check = spawnSync('pre-commit', ['run', 'mtclean', '--all-files'], {cwd: repo, env, encoding: 'utf8'})
    expect(check.status, check.stdout + check.stderr).toBe(1)
    expect(check.stdout).toMatch(/mtclean check\.+Failed/)
    expect(check.stdout).toMatch(/a\.txt\n1:21-1:22 +error +Unexpected space before `;`/)
    expect(check.stdout).toMatch(/doc\.md\n3:26-3:27 +error +Unexpected space before `,`/)
    expect(check.stdout).not.toContain('script.py')
    const fix = spawnSync('pre-commit', ['run', 'mtclean-fix', '--all-files', '--hook-stage', 'manual'], {cwd: repo, env, encoding: 'utf8'})
    expect(fix.stdout, fix.stderr).toMatch(/mtclean fix\.+Failed/) // pre-commit fails a hook that changed files
    expect(readFileSync(join(repo, 'a.txt'), 'utf8')).toBe('Then the mayor spoke; nobody listened.\n')
    expect(readFileSync(join(repo, 'doc.md'), 'utf8')).toBe(DOC.replace('minister ,', 'minister,'))
    expect(readFileSync(join(repo, 'script.py'), 'utf8')).toBe('x = 1 ; y = 2\n')
  }, 900_000)
})
