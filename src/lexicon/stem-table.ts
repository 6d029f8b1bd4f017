/**
 * Where each stem of a Hunspell .dic sits in its bytes: an open-addressing
 * hash table of line offsets, compared in place (no string or Map entry per
 * stem: a Map of 300,000 stems took 35 MB of heap per language, and every
 * worker thread loads its own). Building it takes 50–300 ms per language, so
 * `npm run build` writes it next to the code (scripts/build-stems.mjs) and a
 * process only reads it; when the file is missing or was built from another
 * .dic, the table is built at load time, with the same answers.
 *
 * Offsets are into the UTF-8 bytes, so the .dic is never decoded whole.
 */

/** The table of one .dic. */
export interface StemTable {
  /** Slot value = offset of a line + 1; 0 = empty. Load factor between 1/3 and 2/3. */
  readonly slots: Int32Array
  /** Lines whose stem has an escaped slash (`km\/h`): few, kept aside (their stem is not the bytes up to the `/`). */
  readonly escaped: Int32Array
  /** Distinct stems among the unescaped lines. */
  readonly distinct: number
}

const NL = 10
const TAB = 9
const SPACE = 32
const SLASH = 47
const BACKSLASH = 92

/** End of the entry at `start`: the line's end, or the tab or space before its morphology fields. */
export function entryEnd(dic: Uint8Array, start: number): number {
  let k = start
  for (; k < dic.length; k++) {
    const c = dic[k]
    if (c === NL || c === TAB || c === SPACE) break
  }
  return k
}

/** End of the stem of the entry [start, end): its unescaped `/`, or `end`. */
export function stemEnd(dic: Uint8Array, start: number, end: number): number {
  for (let k = start + 1; k < end; k++) if (dic[k] === SLASH && dic[k - 1] !== BACKSLASH) return k
  return end
}

/** FNV-1a over bytes [start, end). */
export function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5
  for (let k = start; k < end; k++) h = Math.imul(h ^ bytes[k], 0x01000193)
  return h >>> 0
}

/** The stem of the line at `line` is bytes[from, to). */
export function stemIs(dic: Uint8Array, line: number, bytes: Uint8Array, from: number, to: number): boolean {
  const length = to - from
  if (line + length > dic.length) return false
  for (let k = 0; k < length; k++) if (dic[line + k] !== bytes[from + k]) return false
  const next = dic[line + length]
  // The stem ends there: at its flags' `/`, the entry's end, or the text's.
  return line + length === dic.length || next === SLASH || next === NL || next === TAB || next === SPACE
}

/** Scan the .dic (after its count line) and hash every entry's stem. */
export function buildStemTable(dic: Uint8Array): StemTable {
  const starts: number[] = []
  const escaped: number[] = []
  let line = dic.indexOf(NL) + 1
  while (line > 0 && line <= dic.length) {
    const next = dic.indexOf(NL, line)
    const lineEnd = next < 0 ? dic.length : next
    const c = dic[line]
    if (lineEnd > line && c !== TAB && c !== SLASH) {
      const end = entryEnd(dic, line)
      const slash = stemEnd(dic, line, end)
      if (dic.subarray(line, slash).includes(BACKSLASH)) escaped.push(line)
      else starts.push(line)
    }
    if (next < 0) break
    line = next + 1
  }
  let size = 1
  while (size < starts.length * 1.5) size *= 2
  const slots = new Int32Array(size)
  const mask = size - 1
  let distinct = 0
  for (const start of starts) {
    const end = stemEnd(dic, start, entryEnd(dic, start))
    let slot = hashBytes(dic, start, end) & mask
    let seen = false
    for (; slots[slot] !== 0; slot = (slot + 1) & mask) seen ||= stemIs(dic, slots[slot] - 1, dic, start, end)
    slots[slot] = start + 1
    if (!seen) distinct++
  }
  return {slots, escaped: Int32Array.from(escaped), distinct}
}

// The file: a header of six 32-bit words (magic ×2, format, .dic byte length, distinct, escaped count), the escaped offsets, the slots.
const MAGIC = [0x54534d4d, 0x314d4554] // "MMST" "ETM1", little-endian
const FORMAT = 1
const HEADER_WORDS = 6

/** The table as bytes for a file, keyed to the .dic's byte length. */
export function encodeStemTable(table: StemTable, dicLength: number): Uint8Array {
  const words = new Int32Array(HEADER_WORDS + table.escaped.length + table.slots.length)
  words.set([MAGIC[0], MAGIC[1], FORMAT, dicLength, table.distinct, table.escaped.length])
  words.set(table.escaped, HEADER_WORDS)
  words.set(table.slots, HEADER_WORDS + table.escaped.length)
  return new Uint8Array(words.buffer)
}

/** The table in `bytes`, or undefined when they are not a table of this format for a .dic of `dicLength` bytes. */
export function decodeStemTable(bytes: Uint8Array, dicLength: number): StemTable | undefined {
  if (bytes.length < HEADER_WORDS * 4 || bytes.length % 4 !== 0) return undefined
  // Int32Array views need 4-byte alignment: copy when the buffer's offset is not aligned.
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice()
  const words = new Int32Array(aligned.buffer, aligned.byteOffset, aligned.length / 4)
  const [m0, m1, format, length, distinct, escapedCount] = words
  if (m0 !== MAGIC[0] || m1 !== MAGIC[1] || format !== FORMAT || length !== dicLength) return undefined
  const slotCount = words.length - HEADER_WORDS - escapedCount
  // A power of two, as the probe's mask needs.
  if (escapedCount < 0 || slotCount <= 0 || (slotCount & (slotCount - 1)) !== 0) return undefined
  return {
    escaped: words.subarray(HEADER_WORDS, HEADER_WORDS + escapedCount),
    slots: words.subarray(HEADER_WORDS + escapedCount),
    distinct
  }
}

/** A read table fits this .dic: a sample of its slots (64, spread over the table) each point at the start of a line. */
export function tableFits(table: StemTable, dic: Uint8Array): boolean {
  const step = Math.max(1, Math.floor(table.slots.length / 64))
  for (let k = 0; k < table.slots.length; k += step) {
    const slot = table.slots[k]
    if (slot === 0) continue
    const line = slot - 1
    if (line <= 0 || line >= dic.length || dic[line - 1] !== NL) return false
  }
  for (const line of table.escaped) if (line <= 0 || line >= dic.length || dic[line - 1] !== NL) return false
  return true
}
