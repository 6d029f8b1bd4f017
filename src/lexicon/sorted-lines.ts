/**
 * A sorted list of lines kept as one string and answered by binary search over
 * the text itself: no index and no per-line allocation, so a one-file run
 * starts fast (building an array of 120,000 line offsets took 25 ms, a Map of
 * 40,000 first names 25 ms more in the collector). Lines are sorted by UTF-16
 * code units, as the build scripts sort them.
 */

/**
 * The start of the line whose key is `key`, or -1. A line's key is the line up
 * to its first `separator` (a char code; -1: the whole line). The list must be
 * sorted by key; a separator below every key character (a tab) keeps the lines
 * sorted by key when sorted as lines.
 */
export function findLine(data: string, key: string, separator = -1): number {
  /** `key` against the key of the line [s, e): negative when `key` sorts before it. */
  const compare = (s: number, e: number): number => {
    let keyEnd = e
    if (separator >= 0) {
      const at = data.indexOf(String.fromCharCode(separator), s)
      if (at >= 0 && at < e) keyEnd = at
    }
    const len = keyEnd - s
    const m = Math.min(len, key.length)
    for (let i = 0; i < m; i++) {
      const d = key.charCodeAt(i) - data.charCodeAt(s + i)
      if (d !== 0) return d
    }
    return key.length - len
  }
  // Invariant: the line, if listed, starts in [lo, hi); lo is a line start.
  let lo = 0
  let hi = data.length
  while (lo < hi) {
    // The line around the middle: it starts at or after lo, and before hi.
    const mid = (lo + hi) >> 1
    const s = data.lastIndexOf('\n', mid - 1) + 1
    let e = data.indexOf('\n', s)
    if (e < 0) e = data.length
    const c = compare(s, e)
    if (c === 0 && e > s) return s
    if (c < 0) hi = s
    else lo = e + 1
  }
  return -1
}

/**
 * A lookup of the lines of `data` by key (the line findLine finds): answered by
 * `index` when it is this list's (the build writes one beside each list), else
 * by an index made now, once (a source tree never built).
 */
export function lineLookup(data: string, separator = -1, index?: Uint32Array): (key: string) => number {
  return (index && indexedLookup(data, index, separator)) || lookupIn(data, buildLineIndex(data, separator), separator)
}

/** The number of lines of `data` (a last line without a line break counts). */
export function countLines(data: string): number {
  let n = 0
  for (let i = data.indexOf('\n'); i >= 0; i = data.indexOf('\n', i + 1)) n++
  if (data.length > 0 && !data.endsWith('\n')) n++
  return n
}

/**
 * A hash index of the lines by key, made at build time and stored beside the
 * list (`.idx`): a run reads it instead of searching (about 17 steps a lookup)
 * or building a Map of every line (120,000 strings kept alive, which every
 * full collection of the collector walks again). Layout, 32-bit words:
 * MAGIC, VERSION, the list's length in UTF-16 units, a checksum of the list,
 * the mask (slots − 1), then the slots: a line start + 1, or 0 for empty.
 * Open addressing, linear probing; FNV-1a of the key's code units.
 */
const MAGIC = 0x494c544d // 'MTLI'
const VERSION = 1
const HEADER = 5

function hashKey(key: string, from = 0, to = key.length): number {
  let h = 0x811c9dc5
  for (let i = from; i < to; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193)
  return h >>> 0
}

/**
 * A checksum of the list: its length and every 61st code unit. The build writes
 * a list and its index together; this refuses the index of another build's list.
 */
function checksum(data: string): number {
  let h = hashKey(String(data.length))
  for (let i = 0; i < data.length; i += 61) h = Math.imul(h ^ data.charCodeAt(i), 0x01000193)
  return h >>> 0
}

/** The end of the key of the line that starts at `s`: its first `separator`, else its end. */
function keyEnd(data: string, s: number, separator: number): number {
  let e = data.indexOf('\n', s)
  if (e < 0) e = data.length
  if (separator >= 0) {
    const at = data.indexOf(String.fromCharCode(separator), s)
    if (at >= 0 && at < e) return at
  }
  return e
}

/** The hash index of the lines of `data` (see above); a key listed twice keeps its first line, as findLine's callers expect. */
export function buildLineIndex(data: string, separator = -1): Uint32Array {
  const starts: number[] = []
  for (let s = 0; s < data.length; ) {
    let e = data.indexOf('\n', s)
    if (e < 0) e = data.length
    if (e > s && keyEnd(data, s, separator) > s) starts.push(s)
    s = e + 1
  }
  let size = 1
  while (size < starts.length * 2) size *= 2
  const index = new Uint32Array(HEADER + size)
  index.set([MAGIC, VERSION, data.length, checksum(data), size - 1])
  const find = lookupIn(data, index, separator)
  for (const s of starts) {
    const k = keyEnd(data, s, separator)
    if (find(data.slice(s, k)) >= 0) continue
    let h = hashKey(data, s, k) & (size - 1)
    while (index[HEADER + h] !== 0) h = (h + 1) & (size - 1)
    index[HEADER + h] = s + 1
  }
  return index
}

/** An index read from its file's bytes (a copy when they are not 4-byte aligned). */
export function lineIndexFrom(bytes: Uint8Array): Uint32Array {
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : new Uint8Array(bytes)
  return new Uint32Array(aligned.buffer, aligned.byteOffset, Math.floor(aligned.byteLength / 4))
}

/** The lookup of findLine answered by `index`, or undefined when the index is not one of this list. */
export function indexedLookup(data: string, index: Uint32Array, separator = -1): ((key: string) => number) | undefined {
  if (index.length <= HEADER || index[0] !== MAGIC || index[1] !== VERSION || index[2] !== data.length || index[3] !== checksum(data)) return undefined
  if (index.length !== HEADER + index[4] + 1) return undefined
  return lookupIn(data, index, separator)
}

function lookupIn(data: string, index: Uint32Array, separator: number): (key: string) => number {
  const mask = index[4]
  const sep = separator >= 0 ? String.fromCharCode(separator) : '\n'
  return (key) => {
    // A key holding a line break or the separator is no line's key (findLine agrees).
    if (key === '' || key.includes('\n') || key.includes(sep)) return -1
    const n = key.length
    for (let h = hashKey(key) & mask; ; h = (h + 1) & mask) {
      const slot = index[HEADER + h]
      if (slot === 0) return -1
      const s = slot - 1
      if (s + n > data.length) continue
      const after = s + n === data.length ? -1 : data.charCodeAt(s + n)
      if (after !== -1 && after !== 10 && after !== separator) continue
      let i = 0
      while (i < n && data.charCodeAt(s + i) === key.charCodeAt(i)) i++
      if (i === n) return s
    }
  }
}
