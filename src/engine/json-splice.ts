/**
 * Edit one field of a JSON record in place, on its bytes: every other byte
 * stays as it was (numbers such as 12345678901234567890 or 1e400, escapes,
 * key order, white space, invalid UTF-8 in other fields), which a
 * JSON.parse / JSON.stringify round trip would not keep. The record must
 * already parse as JSON: the scanner skips values, it does not validate them.
 * It reads the bytes as Latin-1 (one character per byte: JSON's structure is
 * ASCII), so every index is a byte offset.
 */

const isWs = (c: number) => c === 32 || c === 9 || c === 10 || c === 13

function skipWs(json: string, i: number): number {
  while (i < json.length && isWs(json.charCodeAt(i))) i++
  return i
}

/** End of the string starting at `i` (a `"`): the index past its closing quote. */
function skipString(json: string, i: number): number {
  i++
  while (i < json.length) {
    const c = json.charCodeAt(i)
    if (c === 92) i += 2
    else if (c === 34) return i + 1
    else i++
  }
  return i
}

/** End of the value starting at `i` (no recursion: any depth). */
function skipValue(json: string, i: number): number {
  const c = json.charCodeAt(i)
  if (c === 34) return skipString(json, i)
  if (c !== 123 && c !== 91) {
    while (i < json.length) {
      const d = json.charCodeAt(i)
      if (d === 44 || d === 125 || d === 93 || isWs(d)) break
      i++
    }
    return i
  }
  let depth = 0
  while (i < json.length) {
    const d = json.charCodeAt(i)
    if (d === 34) {
      i = skipString(json, i)
      continue
    }
    if (d === 123 || d === 91) depth++
    else if (d === 125 || d === 93) {
      depth--
      if (depth === 0) return i + 1
    }
    i++
  }
  return i
}

/** [start, end) of each member value of the object at `i`, by key (the last one of a repeated key, as JSON.parse). */
function members(json: string, i: number): Map<string, [number, number]> {
  const out = new Map<string, [number, number]>()
  i = skipWs(json, i + 1)
  while (i < json.length && json.charCodeAt(i) === 34) {
    const keyEnd = skipString(json, i)
    const key = JSON.parse(Buffer.from(json.slice(i, keyEnd), 'latin1').toString('utf8')) as string
    i = skipWs(json, keyEnd)
    i = skipWs(json, i + 1) // the colon
    const end = skipValue(json, i)
    out.set(key, [i, end])
    i = skipWs(json, end)
    if (json.charCodeAt(i) === 44) i = skipWs(json, i + 1)
  }
  return out
}

/** Where the record's top-level object starts (after a UTF-8 BOM and white space). */
const objectStart = (json: string) => skipWs(json, json.startsWith('\xef\xbb\xbf') ? 3 : 0)

/** [start, end) byte offsets of the value at `path` (keys from the top-level object), or undefined. */
export function valueSpan(record: Buffer, path: readonly string[]): [number, number] | undefined {
  return spanIn(record.toString('latin1'), path)
}

function spanIn(json: string, path: readonly string[]): [number, number] | undefined {
  let at = objectStart(json)
  let span: [number, number] | undefined
  for (const key of path) {
    if (json.charCodeAt(at) !== 123) return undefined
    span = members(json, at).get(key)
    if (!span) return undefined
    at = span[0]
  }
  return span
}

const utf8 = (text: string) => Buffer.from(text, 'utf8')

/** `record` with the value at `path` replaced by `value` (serialized), every other byte kept. */
export function replaceValue(record: Buffer, path: readonly string[], value: unknown): Buffer {
  const span = valueSpan(record, path)
  if (!span) throw new Error(`no field ${path.join('.')}`)
  return Buffer.concat([record.subarray(0, span[0]), utf8(JSON.stringify(value)), record.subarray(span[1])])
}

/** `record` with top-level `key` set to `value`: replaced when present, else added last. */
export function setTopLevel(record: Buffer, key: string, value: unknown): Buffer {
  const json = record.toString('latin1')
  if (spanIn(json, [key])) return replaceValue(record, [key], value)
  const start = objectStart(json)
  const end = skipValue(json, start)
  const empty = skipWs(json, start + 1) === end - 1
  return Buffer.concat([record.subarray(0, end - 1), utf8((empty ? '' : ',') + JSON.stringify(key) + ':' + JSON.stringify(value)), record.subarray(end - 1)])
}

/** Whether the bytes of the value at `path` are valid UTF-8 (a fix may then replace them). */
export function valueIsUtf8(record: Buffer, path: readonly string[]): boolean {
  const span = valueSpan(record, path)
  if (!span) return false
  try {
    new TextDecoder('utf-8', {fatal: true}).decode(record.subarray(span[0], span[1]))
    return true
  } catch {
    return false
  }
}
