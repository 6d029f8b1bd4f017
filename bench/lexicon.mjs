#!/usr/bin/env node
// Lexicon cost: load time and memory of the precomputed word list (dist/lexicon/en-words.txt and
// its hash index) versus building nspell from dictionary-en, and of each source language's
// dictionary (loaded only for a text that needs it), each in a fresh process.
// Usage: npm run build && node bench/lexicon.mjs  (prints JSON)
import {execFileSync} from 'node:child_process'

const probe = (code) => JSON.parse(execFileSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', code], {encoding: 'utf8'}))
const runs = 5
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const measure = (code) => {
  const rs = Array.from({length: runs}, () => probe(code))
  return {ms: +median(rs.map((r) => r.ms)).toFixed(1), heapMB: +median(rs.map((r) => r.heap)).toFixed(1), rssMB: +median(rs.map((r) => r.rss)).toFixed(1), words: rs[0].words}
}
const pre = `global.gc(); const h0 = process.memoryUsage(); const t = performance.now();`
const post = `const ms = performance.now() - t; global.gc(); const h1 = process.memoryUsage();
console.log(JSON.stringify({ms, heap: (h1.heapUsed - h0.heapUsed) / 2**20, rss: (h1.rss - h0.rss) / 2**20, words}))`
const lexURL = new URL('../dist/lexicon/index.js', import.meta.url).href
const result = {
  wordList: measure(`const {getLexicon} = await import(${JSON.stringify(lexURL)}); ${pre} const lex = getLexicon(); lex.isWord('the'); const words = lex.size; ${post}`),
  nspell: measure(`const {default: nspell} = await import('nspell'); const {default: dict} = await import('dictionary-en'); ${pre} const s = nspell(dict); s.correct('the'); const words = Object.keys(s.data).length; ${post}`)
}
// Each source language's dictionary (src/lexicon/hunspell.ts): what the first text of that language pays.
const hunspellURL = new URL('../dist/lexicon/hunspell.js', import.meta.url).href
result.sourceDictionaries = Object.fromEntries(
  ['fr', 'de', 'es', 'it', 'pt', 'nl', 'ca', 'pl'].map((lang) => [
    lang,
    measure(`const {sourceDictionary} = await import(${JSON.stringify(hunspellURL)}); ${pre} const d = sourceDictionary(${JSON.stringify(lang)}); d.isWord('casa'); const words = 0; ${post}`)
  ])
)
// Lookup speed of the first lookups (the build's hash index, sorted-lines.ts).
result.binarySearchLookupsPerSecond = probe(`const {getLexicon} = await import(${JSON.stringify(lexURL)}); const lex = getLexicon(); const ws = ['the','announced','worryingassures','Paris','Peskov','NATO','doesn’t','corruption']; const t = performance.now(); let n = 0; for (let i = 0; i < 4000; i++) if (lex.isWord(ws[i & 7])) n++; const ms = performance.now() - t; console.log(JSON.stringify(Math.round(4000 / ms * 1000)))`)
// Lookup speed once warm.
result.lookupsPerSecond = probe(`const {getLexicon} = await import(${JSON.stringify(lexURL)}); const lex = getLexicon(); const ws = ['the','announced','worryingassures','Paris','Peskov','NATO','doesn’t','corruption']; const t = performance.now(); let n = 0; for (let i = 0; i < 2e6; i++) if (lex.isWord(ws[i & 7])) n++; const ms = performance.now() - t; console.log(JSON.stringify(Math.round(2e6 / ms * 1000)))`)
console.log(JSON.stringify(result, null, 1))
