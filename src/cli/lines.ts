import {StringDecoder} from 'node:string_decoder'

/**
 * The lines of a byte stream, decoded as UTF-8, split at CRLF, LF or CR (as
 * readline does). Unlike readline's iterator, it pulls the next chunk only
 * when the consumer asks for the next line, so a slow consumer never makes
 * the input pile up in memory. A giant line is gathered in pieces and joined
 * once (linear in its length).
 */
export async function* readLines(input: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8')
  let pending: string[] = []
  // The previous chunk ended with CR: a LF starting this chunk belongs to it.
  let afterCr = false
  for await (const raw of input) {
    const chunk = typeof raw === 'string' ? raw : decoder.write(raw)
    if (chunk.length === 0) continue
    let start = afterCr && chunk.charCodeAt(0) === 10 ? 1 : 0
    afterCr = false
    for (let i = start; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i)
      if (c !== 10 && c !== 13) continue
      pending.push(chunk.slice(start, i))
      const line = pending.length === 1 ? pending[0] : pending.join('')
      pending = []
      if (c === 13) {
        if (i + 1 === chunk.length) afterCr = true
        else if (chunk.charCodeAt(i + 1) === 10) i++
      }
      start = i + 1
      yield line
    }
    if (start < chunk.length) pending.push(chunk.slice(start))
  }
  const tail = decoder.end()
  if (tail) pending.push(tail)
  const last = pending.join('')
  if (last) yield last
}

/** One line of a byte stream: its bytes (no line break) and the line break that ended it ('' at the end). */
export interface ByteLine {
  bytes: Buffer
  eol: '\n' | '\r\n' | '\r' | ''
}

/**
 * The lines of a byte stream as bytes, split at LF, CRLF or CR, each with
 * its line break: writing `bytes` then `eol` gives back the input byte for
 * byte (invalid UTF-8 included). Pulls the next chunk only when asked.
 */
export async function* readByteLines(input: AsyncIterable<Buffer | string>): AsyncGenerator<ByteLine> {
  let pending: Buffer[] = []
  // The previous chunk ended with CR: a LF starting this chunk belongs to it.
  let afterCr = false
  const take = (): Buffer => {
    const bytes = pending.length === 1 ? pending[0] : Buffer.concat(pending)
    pending = []
    return bytes
  }
  for await (const raw of input) {
    const chunk = typeof raw === 'string' ? Buffer.from(raw) : raw
    if (chunk.length === 0) continue
    let start = 0
    if (afterCr) {
      afterCr = false
      if (chunk[0] === 10) {
        start = 1
        yield {bytes: take(), eol: '\r\n'}
      } else yield {bytes: take(), eol: '\r'}
    }
    for (let i = start; i < chunk.length; i++) {
      const c = chunk[i]
      if (c !== 10 && c !== 13) continue
      pending.push(chunk.subarray(start, i))
      if (c === 13 && i + 1 === chunk.length) {
        afterCr = true
        start = i + 1
        break
      }
      const crlf = c === 13 && chunk[i + 1] === 10
      const bytes = take()
      if (crlf) i++
      start = i + 1
      yield {bytes, eol: crlf ? '\r\n' : c === 13 ? '\r' : '\n'}
    }
    if (start < chunk.length) pending.push(chunk.subarray(start))
  }
  if (afterCr) yield {bytes: take(), eol: '\r'}
  else if (pending.length) {
    const bytes = take()
    if (bytes.length) yield {bytes, eol: ''}
  }
}
