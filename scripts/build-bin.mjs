// The mtclean binary as one bundle (esbuild), after `tsc` has written dist/.
//
// Why: unbundled, a run of `mtclean check small.txt` loads about 180 ES modules,
// and Node's module loader (resolve, stat, read, compile each one) was a third
// of the start-up. Bundled, the CLI loads its entry and the few packages kept
// outside; and as one CommonJS script it is compiled from a code cache made
// here (scripts/bin-launcher.js), which an ES module cannot be in Node 20. The
// library (dist/index.js) stays unbundled: its users' bundlers do their own work.
//
// Layout: dist/bin/ holds the binary (main.cjs) and its code cache (main.cache),
// and the worker that the pool starts (worker.js, found beside the pool's code as
// `./worker.js`) with its chunks. dist/bin/ sits at the same depth as dist/cli/,
// so the paths the code computes from its own location (../../rules,
// ../rules-data.json, ../../package.json) still hold. dist/cli/main.js becomes the
// launcher of the bundle, so every documented path (`node dist/cli/main.js`, the
// package's `bin`) runs it.
import {build} from 'esbuild'
import {spawnSync} from 'node:child_process'
import {createHash} from 'node:crypto'
import {chmodSync, copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const dist = join(root, 'dist')
// Packages that find their own files next to their code (dictionaries read
// .aff/.dic, tinypool starts its own worker file) or load parts by name.
const external = ['dictionary-*', 'tinypool', 'iconv-lite', 'nspell', 'yaml', 'ajv']

// esbuild's table marks Unicode property escapes (`/\p{Lu}/u`) unsupported on Node 20 and lowers
// each such literal to `new RegExp(…)`, built again on every evaluation: in the rules' word loops
// that was most of the CLI's time. Node has had them since 10. Both bundles below take it.
const supported = {'regexp-unicode-property-escapes': true}

// Chunks are named by content hash: last build's would stay behind.
rmSync(join(dist, 'bin'), {recursive: true, force: true})
// The worker that the pool starts (found beside the pool's code as `./worker.js`) and its chunks.
await build({
  entryPoints: {worker: join(dist, 'engine/worker.js')},
  outdir: join(dist, 'bin'),
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  supported,
  logLevel: 'warning',
  external,
  // CommonJS dependencies inside the bundle call require() for Node's modules.
  banner: {js: "import {createRequire as __mtcleanRequire} from 'node:module'; const require = __mtcleanRequire(import.meta.url);"}
})

// The binary: one CommonJS file, which the launcher (scripts/bin-launcher.js) compiles
// with a code cache (an ES module cannot take one in Node 20). Its commands and parsers
// are in it, loaded on first use as before (an import() of the bundle's own code stays lazy).
// import.meta of the sources: the bundle's own location, and resolution from there.
const main = join(dist, 'bin', 'main.cjs')
await build({
  entryPoints: [join(dist, 'cli/main.js')],
  outfile: main,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  supported,
  logLevel: 'warning',
  external,
  define: {'import.meta.url': '__mtcleanUrl', 'import.meta.resolve': '__mtcleanResolve'},
  banner: {
    js: "'use strict';\nconst __mtcleanUrl = require('node:url').pathToFileURL(__filename).href;\nconst __mtcleanResolve = (specifier) => require('node:url').pathToFileURL(require.resolve(specifier)).href;"
  }
})
// The bundle's import() of Node's modules and of the packages kept outside go through the
// launcher's import (`__mtcleanImport`): code compiled with vm.Script has no loader of its own
// for import(), and Node 20's code cache drops the one vm can lend it.
const dynamic = /\bimport\((?=["'])/
const imports = readFileSync(main, 'utf8').replace(/\bawait import\((?=")/g, 'await __mtcleanImport(')
const left = imports.split('\n').filter((line) => dynamic.test(line) && !/^\s*\*/.test(line))
if (left.length) throw new Error(`bin: an import() the launcher does not serve: ${left[0].trim()}`)
// ASCII, so that the launcher reads it as Latin-1 (one byte a character, no UTF-8 decoding: the
// decoding of 2.3 MB was 4 % of a run). esbuild escapes strings; what it leaves (comments,
// regex literals, String.raw templates used as regex sources) takes \uXXXX, which a regex reads
// as the character itself. A character that follows a backslash would not, nor a line
// separator in a comment (it ends a // comment): refused.
if (/(?<!\\)(?:\\\\)*\\[\u0080-\uffff]|[\u2028\u2029]/.test(imports)) throw new Error('bin: a non-ASCII character after a backslash, or a line separator')
const hex = (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0')
// Its build id, the last line: the code cache names it (the launcher uses a cache of this bundle only).
const bundle = imports.replace(/[\u0080-\uffff]/g, hex)
writeFileSync(main, `${bundle}//# mtclean-build ${createHash('sha256').update(bundle).digest('hex').slice(0, 32)}\n`)

copyFileSync(join(root, 'scripts/bin-launcher.js'), join(dist, 'cli/main.js'))
chmodSync(join(dist, 'cli/main.js'), 0o755)

// The code cache: a check of a short English text with findings (the report's code too), with
// every function it compiled.
const sample = mkdtempSync(join(tmpdir(), 'mtclean-cache-'))
writeFileSync(
  join(sample, 'sample.txt'),
  'The minister underlines that the plan, “a first step”, is in the sights of the opposition, says Le Monde.\n\nIt would cost 3 million euros ,according to the council.\n'
)
const run = spawnSync(process.execPath, [join(dist, 'cli/main.js'), 'check', '--no-config', join(sample, 'sample.txt')], {
  cwd: sample,
  env: {...process.env, MTCLEAN_CODE_CACHE_WRITE: join(dist, 'bin', 'main.cache')},
  stdio: 'ignore'
})
rmSync(sample, {recursive: true, force: true})
if (run.status !== 0) throw new Error(`bin: the code cache run exited ${run.status}`)
console.log(`bin: bundled → ${join(dist, 'bin')} (code cache made)`)
