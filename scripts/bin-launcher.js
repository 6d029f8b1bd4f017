#!/usr/bin/env node
// The mtclean binary (scripts/build-bin.mjs copies this file to dist/cli/main.js).
//
// It runs the bundle dist/bin/main.cjs from V8's code cache of it, made at build
// time (dist/bin/main.cache): compiling the bundle's code was about a quarter of
// a one-file run. V8 rejects a cache of another Node version or other V8 flags,
// and the cache names the bundle it was made for (its first line); either way
// the bundle is then compiled as usual. MTCLEAN_CODE_CACHE=off compiles it without.
// MTCLEAN_CODE_CACHE_WRITE=path writes the cache of this run at exit (the build);
// MTCLEAN_CODE_CACHE_FILE reads another cache file, MTCLEAN_CODE_CACHE_REPORT
// prints whether the cache was used (for the tests).
import {existsSync, readFileSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import vm from 'node:vm'

const bin = join(dirname(fileURLToPath(import.meta.url)), '..', 'bin')
const file = join(bin, 'main.cjs')
const env = process.env
// ASCII (scripts/build-bin.mjs): read as Latin-1, a one-byte string.
const source = readFileSync(file, 'latin1')
// The bundle's build id: its last line, `//# mtclean-build <hash>`.
const id = source.slice(source.lastIndexOf('\n', source.length - 2) + 1).trim()
const cacheFile = env.MTCLEAN_CODE_CACHE_FILE || join(bin, 'main.cache')
let cachedData
if (env.MTCLEAN_CODE_CACHE !== 'off' && !env.MTCLEAN_CODE_CACHE_WRITE && existsSync(cacheFile)) {
  const bytes = readFileSync(cacheFile)
  const newline = bytes.indexOf(10)
  if (newline > 0 && bytes.toString('latin1', 0, newline) === id) cachedData = bytes.subarray(newline + 1)
}
// As Node wraps a CommonJS module (the shebang line left out), and the bundle's import() served
// from here (scripts/build-bin.mjs: a script compiled by vm has no module loader of its own).
const script = new vm.Script(`(function (exports, require, module, __filename, __dirname, __mtcleanImport) {${source.replace(/^#!.*/, '')}\n})`, {
  filename: file,
  cachedData
})
if (env.MTCLEAN_CODE_CACHE_REPORT) process.stderr.write(`code cache: ${cachedData === undefined ? 'none' : script.cachedDataRejected ? 'rejected' : 'used'}\n`)
if (env.MTCLEAN_CODE_CACHE_WRITE) {
  const out = env.MTCLEAN_CODE_CACHE_WRITE
  // At exit: with the code of every function this run compiled.
  process.on('exit', () => writeFileSync(out, Buffer.concat([Buffer.from(id + '\n', 'latin1'), script.createCachedData()])))
}
const module = {exports: {}, id: file, filename: file, loaded: false}
script.runInThisContext()(module.exports, createRequire(file), module, file, bin, (specifier) => import(specifier))
