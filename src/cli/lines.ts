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
