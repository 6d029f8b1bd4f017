import type {Encoding} from './types.js'

/** How a file's bytes were decoded, so the output can be encoded the same way. */
export interface Decoded {
  text: string
  bom: boolean
  kind: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252'
}

export class DecodeError extends Error {}

/**
 * Decode a file: UTF-8 (BOM optional, stripped from `text`), UTF-16 with a
 * BOM, or, when `encoding` is `windows-1252`, Windows-1252 for files that are
 * not valid UTF-8. Binary files (NUL bytes) and invalid UTF-8 throw.
 */
export function decode(bytes: Uint8Array, encoding: Encoding = 'utf-8'): Decoded {
  const b = bytes
  // UTF-32 first: its little-endian BOM (FF FE 00 00) starts like UTF-16LE's.
  if (b.length >= 4 && ((b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) || (b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff))) {
    throw new DecodeError(`UTF-32 (${b[0] === 0xff ? 'little' : 'big'}-endian BOM) is not supported: convert the file to UTF-8`)
  }
  if (b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff))) {
    const kind = b[0] === 0xff ? 'utf-16le' : 'utf-16be'
    if ((b.length - 2) % 2 !== 0) throw new DecodeError(`invalid ${kind.toUpperCase()}: odd number of bytes`)
    let text: string
    try {
      text = new TextDecoder(kind, {fatal: true, ignoreBOM: false}).decode(b)
    } catch {
      throw new DecodeError(`invalid ${kind.toUpperCase()} (unpaired surrogate)`)
    }
    // A NUL (or another C0 control but tab and line breaks) in UTF-16 text: binary data that happens to start with FF FE.
    const control = /[\u0000-\u0008\u000e-\u001f]/.exec(text)
    if (control) throw new DecodeError(`binary file (control character U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} in ${kind.toUpperCase()} text at character ${control.index})`)
    return {text, bom: true, kind}
  }
  const bom = b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf
  const body = bom ? b.subarray(3) : b
  const nul = body.indexOf(0)
  if (nul >= 0) throw new DecodeError(`binary file (NUL byte at offset ${nul + (bom ? 3 : 0)})`)
  try {
    return {text: new TextDecoder('utf-8', {fatal: true, ignoreBOM: true}).decode(body), bom, kind: 'utf-8'}
  } catch {
    if (encoding === 'windows-1252' && !bom) {
      return {text: decode1252(body), bom: false, kind: 'windows-1252'}
    }
    const at = invalidUtf8At(body) + (bom ? 3 : 0)
    throw new DecodeError(`invalid UTF-8 at byte ${at} (use --encoding windows-1252 to decode it as Windows-1252)`)
  }
}

/** Encode text back the way it was decoded. */
export function encode(text: string, how: Decoded): Uint8Array {
  switch (how.kind) {
    case 'utf-8': {
      const body = Buffer.from(text, 'utf8')
      return how.bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body
    }
    case 'utf-16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
    case 'utf-16be': {
      const le = Buffer.from(text, 'utf16le')
      le.swap16()
      return Buffer.concat([Buffer.from([0xfe, 0xff]), le])
    }
    case 'windows-1252':
      return encode1252(text)
  }
}

/**
 * Windows-1252 bytes 0x80–0x9F (the rest is Latin-1). Node 20's TextDecoder
 * decodes them as C1 controls, so the table is ours. 0x81, 0x8D, 0x8F, 0x90
 * and 0x9D are unassigned and decode to the C1 control of the same value.
 */
const HIGH_1252 =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178'

function decode1252(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192)
    const chars = new Array<string>(chunk.length)
    for (let k = 0; k < chunk.length; k++) {
      const b = chunk[k]
      chars[k] = b >= 0x80 && b <= 0x9f ? HIGH_1252[b - 0x80] : String.fromCharCode(b)
    }
    out += chars.join('')
  }
  return out
}

let table1252: Map<string, number> | undefined
function encode1252(text: string): Uint8Array {
  if (!table1252) {
    table1252 = new Map()
    for (let i = 0; i < 256; i++) table1252.set(i >= 0x80 && i <= 0x9f ? HIGH_1252[i - 0x80] : String.fromCharCode(i), i)
  }
  const out = new Uint8Array(text.length)
  for (let i = 0; i < text.length; i++) {
    const byte = table1252.get(text[i])
    if (byte === undefined) {
      throw new DecodeError(`cannot write ${JSON.stringify(text[i])} (U+${text.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0')}) back as Windows-1252, not written`)
    }
    out[i] = byte
  }
  return out
}

/** Byte offset of the first invalid UTF-8 sequence. */
function invalidUtf8At(b: Uint8Array): number {
  let i = 0
  while (i < b.length) {
    const c = b[i]
    let n = 0
    let min = 0
    if (c < 0x80) {
      i++
      continue
    } else if (c >= 0xc2 && c <= 0xdf) [n, min] = [1, 0x80]
    else if (c >= 0xe0 && c <= 0xef) [n, min] = [2, 0x800]
    else if (c >= 0xf0 && c <= 0xf4) [n, min] = [3, 0x10000]
    else return i
    let cp = c & (0x3f >> n)
    for (let k = 1; k <= n; k++) {
      const d = b[i + k]
      if (d === undefined || (d & 0xc0) !== 0x80) return i
      cp = (cp << 6) | (d & 0x3f)
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i
    i += n + 1
  }
  return b.length
}
