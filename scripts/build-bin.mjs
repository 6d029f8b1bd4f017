// The mtclean binary as one bundle (esbuild), after `tsc` has written dist/.
//
// Why: unbundled, a run of `mtclean check small.txt` loads about 180 ES modules,
// and Node's module loader (resolve, stat, read, compile each one) was a third
// of the start-up. Bundled, the CLI loads its entry, the chunks the command
// needs and the few packages kept outside. The library (dist/index.js) stays
// unbundled: its users' bundlers do their own work.
//
// Layout: dist/bin/ holds the entry (main.js), the worker that the pool starts
// (worker.js, found beside the pool's code as `./worker.js`) and the shared
// chunks (commands and parsers load on first use, as before). dist/bin/ sits at
// the same depth as dist/cli/, so the paths the code computes from its own
// location (../../rules, ../rules-data.json, ../../package.json) still hold.
// dist/cli/main.js becomes a one-line launcher of the bundle, so every
// documented path (`node dist/cli/main.js`, the package's `bin`) runs it.
import {build} from 'esbuild'
import {chmodSync, rmSync, writeFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const dist = join(root, 'dist')

// Chunks are named by content hash: last build's would stay behind.
rmSync(join(dist, 'bin'), {recursive: true, force: true})
await build({
  entryPoints: {main: join(dist, 'cli/main.js'), worker: join(dist, 'engine/worker.js')},
  outdir: join(dist, 'bin'),
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // esbuild's table marks Unicode property escapes (`/\p{Lu}/u`) unsupported on Node 20 and lowers
  // each such literal to `new RegExp(…)`, built again on every evaluation: in the rules' word loops
  // that was most of the CLI's time. Node has had them since 10.
  supported: {'regexp-unicode-property-escapes': true},
  logLevel: 'warning',
  // Packages that find their own files next to their code (dictionaries read
  // .aff/.dic, tinypool starts its own worker file) or load parts by name.
  external: ['dictionary-*', 'tinypool', 'iconv-lite', 'nspell', 'yaml', 'ajv'],
  // CommonJS dependencies inside the bundle call require() for Node's modules.
  banner: {js: "import {createRequire as __mtcleanRequire} from 'node:module'; const require = __mtcleanRequire(import.meta.url);"}
})

// The shebang line of main.js is kept by esbuild; the launcher has its own.
writeFileSync(join(dist, 'cli/main.js'), "#!/usr/bin/env node\n// The bundled binary (scripts/build-bin.mjs).\nimport '../bin/main.js'\n")
chmodSync(join(dist, 'cli/main.js'), 0o755)
console.log(`bin: bundled → ${join(dist, 'bin')}`)
