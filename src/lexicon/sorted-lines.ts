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
 * Distinct keys remembered with their answer before the lines are hashed into a
 * Map: words repeat (a text's vocabulary is a few hundred words, looked up by
 * several rules), so most lookups are answered by this small Map, and a long run
 * seldom has to hash the 120,000 lines.
 */
const MEMO_MAX = 50000

/**
 * A lookup of the lines of `data` by key (see findLine): binary search, each
 * distinct key's answer remembered, so a one-file run builds nothing; a Map of
 * key → line start once enough distinct keys show a long run.
 */
export function lineLookup(data: string, separator = -1): (key: string) => number {
  let map: Map<string, number> | undefined
  let memo: Map<string, number> | undefined = new Map()
  return (key) => {
    if (map) return map.get(key) ?? -1
    const known = memo!.get(key)
    if (known !== undefined) return known
    if (memo!.size < MEMO_MAX) {
      const at = findLine(data, key, separator)
      memo!.set(key, at)
      return at
    }
    memo = undefined
    map = new Map()
    const sep = separator >= 0 ? String.fromCharCode(separator) : '\n'
    for (let s = 0; s < data.length; ) {
      let e = data.indexOf('\n', s)
      if (e < 0) e = data.length
      let k = separator >= 0 ? data.indexOf(sep, s) : e
      if (k < 0 || k > e) k = e
      if (e > s && !map.has(data.slice(s, k))) map.set(data.slice(s, k), s)
      s = e + 1
    }
    return map.get(key) ?? -1
  }
}

/** The number of lines of `data` (a last line without a line break counts). */
export function countLines(data: string): number {
  let n = 0
  for (let i = data.indexOf('\n'); i >= 0; i = data.indexOf('\n', i + 1)) n++
  if (data.length > 0 && !data.endsWith('\n')) n++
  return n
}
