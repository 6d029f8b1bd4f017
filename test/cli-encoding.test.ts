import {mkdirSync, readdirSync, readFileSync, statSync, writeFileSync, chmodSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {decode, encode, DecodeError} from '../src/engine/encoding.js'
import {atomicWrite, assertWritable} from '../src/engine/write.js'
import {tree} from './cli-support.js'

describe('decode / encode', () => {
  it('UTF-8 with and without BOM round-trips byte for byte', () => {
    for (const bytes of [Buffer.from('a “b” c\r\nd'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('é\r\n')]), Buffer.alloc(0)]) {
      const d = decode(bytes)
      expect(d.text.startsWith('\uFEFF')).toBe(false)
      expect(Buffer.from(encode(d.text, d))).toEqual(bytes)
    }
  })

  it('UTF-16 LE/BE with BOM round-trip; astral characters survive', () => {
    const text = 'Zoë 😀 “q”\r\n'
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
    const be = Buffer.from(le)
    be.swap16()
    for (const bytes of [le, be]) {
      const d = decode(bytes)
      expect(d.text).toBe(text)
      expect(Buffer.from(encode(d.text, d))).toEqual(bytes)
    }
  })

  it('rejects odd-length UTF-16, unpaired surrogates, NUL bytes and invalid UTF-8 with a byte offset', () => {
    expect(() => decode(Buffer.from([0xff, 0xfe, 0x41]))).toThrow(/odd number of bytes/)
    expect(() => decode(Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00]))).toThrow(DecodeError)
    expect(() => decode(Buffer.from('ab\0c'))).toThrow(/binary file \(NUL byte at offset 2\)/)
    expect(() => decode(Buffer.from([0x61, 0x62, 0xc3]))).toThrow(/invalid UTF-8 at byte 2/)
    expect(() => decode(Buffer.from([0x61, 0xed, 0xa0, 0x80]))).toThrow(/invalid UTF-8 at byte 1/) // encoded surrogate
    expect(() => decode(Buffer.from([0xc0, 0x80]))).toThrow(/invalid UTF-8 at byte 0/) // overlong
    expect(() => decode(Buffer.from([0xef, 0xbb, 0xbf, 0x61, 0xff]))).toThrow(/invalid UTF-8 at byte 4/)
  })

  it('Windows-1252: every byte decodes and encodes back; 0x80–0x9F are the Windows characters', () => {
    const all = Buffer.from(Array.from({length: 224}, (_, i) => i + 0x20))
    const d = decode(all, 'windows-1252')
    expect(d.kind).toBe('windows-1252')
    expect(Buffer.from(encode(d.text, d))).toEqual(all)
    expect(decode(Buffer.from([0x93, 0x61, 0x94, 0x80]), 'windows-1252').text).toBe('“a”€')
    // valid UTF-8 stays UTF-8 even with --encoding windows-1252
    expect(decode(Buffer.from('é'), 'windows-1252').kind).toBe('utf-8')
    expect(() => encode('a😀', {text: '', bom: false, kind: 'windows-1252'})).toThrow(/cannot write .* back as Windows-1252/)
  })
})

describe('atomicWrite', () => {
  it('replaces the file, keeps the mode given, leaves no temporary file', async () => {
    const dir = tree({'a.txt': 'old'})
    chmodSync(join(dir, 'a.txt'), 0o640)
    const mode = await assertWritable(join(dir, 'a.txt'))
    await atomicWrite(join(dir, 'a.txt'), Buffer.from('new'), mode)
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('new')
    expect(statSync(join(dir, 'a.txt')).mode & 0o777).toBe(0o640)
    expect(readdirSync(dir)).toEqual(['a.txt'])
  })

  it('a failed rename removes the temporary file and leaves the target alone', async () => {
    const dir = tree({})
    mkdirSync(join(dir, 'target'))
    writeFileSync(join(dir, 'target', 'inside.txt'), 'keep')
    await expect(atomicWrite(join(dir, 'target'), Buffer.from('x'))).rejects.toThrow()
    expect(readdirSync(dir)).toEqual(['target'])
    expect(readFileSync(join(dir, 'target', 'inside.txt'), 'utf8')).toBe('keep')
  })

  it('assertWritable refuses a file without write bits', async () => {
    const dir = tree({'ro.txt': 'x'})
    chmodSync(join(dir, 'ro.txt'), 0o444)
    await expect(assertWritable(join(dir, 'ro.txt'))).rejects.toThrow(/read-only/)
  })
})
