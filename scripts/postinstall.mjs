// Build dist/ after `npm install` in a checkout of the sources (a clone, CI,
// pre-commit's copy of the repository). Installed from the registry or a
// tarball, the package already holds dist/ and has no sources: nothing to do.
// This is not `prepare`: npm runs prepare on `npm pack` too, and its output on
// stdout breaks tools that read the tarball's name from `npm pack` (pre-commit).
import {existsSync} from 'node:fs'
import {spawnSync} from 'node:child_process'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
if (existsSync(join(root, 'src')) && existsSync(join(root, 'node_modules', 'typescript'))) {
  const r = spawnSync('npm', ['run', 'build'], {cwd: root, stdio: ['ignore', 2, 2], shell: process.platform === 'win32'})
  process.exit(r.status ?? 1)
}
