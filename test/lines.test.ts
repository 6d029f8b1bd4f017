/** readLines: the JSONL line splitter (backpressure-friendly replacement of readline). */
import {describe, expect, it} from 'vitest'
import {readLines} from '../src/cli/lines.js'

async function collect(chunks: Array<Buffer | string>): Promise<string[]> {
  async function* source() {
    for (const chunk of chunks) yield chunk
  }
  const lines: string[] = []
  for await (const line of readLines(source())) lines.push(line)
  return lines
}

/** Every way of cutting `text` into two chunks gives the same lines. */
async function allCuts(text: string): Promise<string[][]> {
  const bytes = Buffer.from(text, 'utf8')
  const results: string[][] = []
  for (let i = 0; i <= bytes.length; i++) results.push(await collect([bytes.subarray(0, i), bytes.subarray(i)]))
  return results
}

describe('readLines', () => {
  it('splits at LF, CRLF and CR, keeps empty lines, and yields a last line without a break', async () => {
    expect(await collect(['a\nb\r\nc\rd\n\ne'])).toEqual(['a', 'b', 'c', 'd', '', 'e'])
    expect(await collect(['a\n'])).toEqual(['a'])
    expect(await collect([''])).toEqual([])
  })

  it('gives the same lines wherever the chunks are cut (CRLF and multi-byte characters included)', async () => {
    const text = '{"t":"é”€"}\r\n{"t":"x"}\r\r\n😀\n'
    for (const lines of await allCuts(text)) expect(lines).toEqual(['{"t":"é”€"}', '{"t":"x"}', '', '😀'])
  })

  it('decodes invalid UTF-8 to U+FFFD, as readline does', async () => {
    expect(await collect([Buffer.from([0x61, 0xff, 0x0a, 0x62])])).toEqual(['a\ufffd', 'b'])
  })

  it('joins a giant line given in many chunks in linear time', async () => {
    const piece = 'x'.repeat(64 * 1024)
    const timeFor = async (count: number) => {
      const started = performance.now()
      const lines = await collect([...Array.from({length: count}, () => piece), '\nend'])
      expect(lines.map((l) => l.length)).toEqual([piece.length * count, 3])
      return performance.now() - started
    }
    const small = await timeFor(40)
    const big = await timeFor(160)
    // 4x the input: linear is about 4x the time, a join per chunk would be 16x.
    expect(big / Math.max(small, 20)).toBeLessThan(10)
  })
})
