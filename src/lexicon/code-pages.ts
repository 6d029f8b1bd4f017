/**
 * The single-byte code pages a UTF-8 text is wrongly read with, as iconv-lite
 * reads them: for each, the characters of the bytes 0x80–0xFF. The build
 * writes them as dist/lexicon/code-pages.json (scripts/build-lexicon.mjs), so
 * a run reads 1 KB instead of loading iconv-lite's encodings (about 10 ms of
 * the first text with a non-ASCII token); a tree never built asks iconv-lite.
 */
import {createRequire} from 'node:module'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {readBuiltText} from '../read.js'

/** The code pages, most common first. */
export const CODECS = ['windows1252', 'latin1', 'windows1250', 'windows1251', 'windows874', 'macintosh', 'cp437'] as const
export type Codec = (typeof CODECS)[number]

export const CODE_PAGES_FILE = 'code-pages.json'
const here = dirname(fileURLToPath(import.meta.url))

/** iconv-lite's reading of the bytes 0x80–0xFF in each code page (U+FFFD where a page leaves a byte undefined). */
export function decodeHighHalves(): Record<Codec, string> {
  const iconv = createRequire(import.meta.url)('iconv-lite') as typeof import('iconv-lite')
  const high = Buffer.from(Array.from({length: 128}, (_, i) => 0x80 + i))
  return Object.fromEntries(CODECS.map((codec) => [codec, iconv.decode(high, codec)])) as Record<Codec, string>
}

/** Where the build's table is looked for: from dist/lexicon, dist/bin and src/lexicon alike. */
export const CODE_PAGES_PATHS = [join(here, CODE_PAGES_FILE), join(here, '..', '..', 'dist', 'lexicon', CODE_PAGES_FILE)]

/** The high halves of the code pages: the first table of `paths` that holds every code page, else iconv-lite's. */
export function readHighHalves(paths: readonly string[]): Record<Codec, string> {
  for (const path of paths) {
    try {
      const table = JSON.parse(readBuiltText(path)) as Record<Codec, string>
      if (CODECS.every((codec) => typeof table[codec] === 'string' && table[codec].length === 128)) return table
    } catch {
      // not built here: the next place, then iconv-lite
    }
  }
  return decodeHighHalves()
}

let halves: Record<Codec, string> | undefined

/** The high halves of the code pages, read once. */
export function highHalves(): Record<Codec, string> {
  return (halves ??= readHighHalves(CODE_PAGES_PATHS))
}
