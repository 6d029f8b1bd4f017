/**
 * Issue 17, "never damage, never die": each case is a repro of the
 * adversarial run, kept as a regression test. Every case asserts that the
 * data is intact and the error is one clear line with exit 2.
 */
import {spawnSync} from 'node:child_process'
import {chmodSync, chownSync, existsSync, linkSync, mkdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {ChangedError, rewriteInPlace, snapshotOf} from '../src/engine/write.js'
import {CLEAN, DIRTY, ensureBuilt, run, tree} from './cli-support.js'

beforeAll(ensureBuilt)

const FIXED = 'The protection was weak. The plan is “ready,” he said.\n'
const noStack = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at |internal error/)

describe('never damage: encodings', () => {
  it('a UTF-32LE file (FF FE 00 00) is refused, not read as UTF-16 and rewritten', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), Buffer.from('The protection was weak. . Yes.\n', 'utf16le').swap16().swap16()])
    const utf32 = Buffer.alloc(4 + 4 * 6)
    utf32.set([0xff, 0xfe, 0, 0])
    for (const [i, c] of [...'Weak..'].entries()) utf32.writeUInt32LE(c.charCodeAt(0), 4 + 4 * i)
    const dir = tree({'a.txt': utf32, 'b.txt': bytes})
    const r = run(['fix', '--write', 'a.txt', 'b.txt'], {cwd: dir})
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('a.txt: UTF-32 (little-endian BOM) is not supported: convert the file to UTF-8')
    expect(readFileSync(join(dir, 'a.txt'))).toEqual(utf32)
    expect(readFileSync(join(dir, 'b.txt'))).toEqual(bytes)
  })

  it('a UTF-32BE file (00 00 FE FF) is refused', () => {
    const dir = tree({'a.txt': Buffer.from([0, 0, 0xfe, 0xff, 0, 0, 0, 0x41])})
    const r = run(['check', 'a.txt'], {cwd: dir})
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('UTF-32 (big-endian BOM) is not supported')
  })

  it('a binary file that starts with FF FE is refused (NUL check on the UTF-16 path), nothing written', () => {
    // Printable UTF-16LE code units with runs of NUL code units, as in a binary format's header.
    const binary = Buffer.alloc(400)
    binary.set([0xff, 0xfe])
    for (let i = 2; i < binary.length; i += 2) binary[i] = i >= 20 && i % 40 < 8 ? 0 : 0x41 + (i % 26)
    const dir = tree({'blob.txt': binary})
    const r = run(['fix', '--write', 'blob.txt'], {cwd: dir})
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/blob\.txt: binary file \(control character U\+0000 in UTF-16LE text/)
    expect(readFileSync(join(dir, 'blob.txt'))).toEqual(binary)
  })
})

describe('never damage: fix --write', () => {
  it('an edit made after the read is not lost: the file is left as the user edited it', () => {
    const dir = tree({'a.txt': DIRTY})
    const path = join(dir, 'a.txt')
    const read = readFileSync(path)
    const snapshot = snapshotOf(path, read)
    // Same size, same second: only the digest tells the edit apart.
    const edited = DIRTY.replace('weak', 'WEAK')
    writeFileSync(path, edited)
    expect(() => rewriteInPlace(path, Buffer.from(FIXED), snapshot)).toThrow(ChangedError)
    expect(() => rewriteInPlace(path, Buffer.from(FIXED), snapshot)).toThrow('changed while mtclean was fixing it: not rewritten (run fix again)')
    expect(readFileSync(path, 'utf8')).toBe(edited)
    // Unchanged since the read: rewritten.
    rewriteInPlace(path, Buffer.from(FIXED), snapshotOf(path, readFileSync(path)))
    expect(readFileSync(path, 'utf8')).toBe(FIXED)
  })

  it('fix --write: a file saved by an editor while mtclean fixes it keeps the edit (exit 2, one line)', () => {
    const dir = tree({'a.txt': DIRTY})
    const path = join(dir, 'a.txt')
    // Same size: only the content tells the edit apart.
    const edited = DIRTY.replace('weak', 'WEAK')
    const editor = join(import.meta.dirname, 'fixtures/edit-during-write.mjs')
    const r = run(['fix', '--write', 'a.txt'], {cwd: dir, node: ['--import', editor], env: {MTCLEAN_TEST_EDIT_PATH: path, MTCLEAN_TEST_EDIT_TEXT: edited}})
    expect(readFileSync(path, 'utf8')).toBe(edited)
    expect(r.code).toBe(2)
    expect(r.stderr.split('\n')[0]).toBe('mtclean: a.txt: cannot write: changed while mtclean was fixing it: not rewritten (run fix again)')
    noStack(r.stderr)
  })

  it('keeps the owner of a file (running as root: chown back)', () => {
    if (process.getuid?.() !== 0) return
    const dir = tree({'a.txt': DIRTY})
    const path = join(dir, 'a.txt')
    chownSync(path, 4321, 4322)
    chmodSync(path, 0o664)
    const r = run(['fix', '--write', 'a.txt'], {cwd: dir})
    expect(r.code).toBe(0)
    const info = statSync(path)
    expect([info.uid, info.gid, info.mode & 0o777]).toEqual([4321, 4322, 0o664])
    expect(readFileSync(path, 'utf8')).toBe(FIXED)
  })

  it('a file with hard links is refused (a rename would split the links), every name keeps its text', () => {
    const dir = tree({'a.txt': DIRTY, 'c.txt': DIRTY})
    linkSync(join(dir, 'a.txt'), join(dir, 'b.txt'))
    const r = run(['fix', '--write', 'a.txt', 'c.txt'], {cwd: dir})
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('a.txt: cannot write: has 2 hard links: not rewritten (a rename would split them; use --out-dir)')
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe(DIRTY)
    expect(statSync(join(dir, 'a.txt')).ino).toBe(statSync(join(dir, 'b.txt')).ino)
    // The rest of the batch is fixed.
    expect(readFileSync(join(dir, 'c.txt'), 'utf8')).toBe(FIXED)
  })

  it('--out-dir never writes through a symbolic link onto an input', () => {
    const dir = tree({'in/sub/a.txt': DIRTY, 'in/b.txt': DIRTY})
    mkdirSync(join(dir, 'out'))
    symlinkSync(join(dir, 'in/sub'), join(dir, 'out/sub'))
    const r = run(['fix', '--out-dir', 'out', 'in'], {cwd: dir})
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/in\/sub\/a\.txt: --out-dir would overwrite an input/)
    expect(readFileSync(join(dir, 'in/sub/a.txt'), 'utf8')).toBe(DIRTY)
    expect(readFileSync(join(dir, 'out/b.txt'), 'utf8')).toBe(FIXED)
  })
})

describe('never die: output files', () => {
  it('-o to a directory: one line, exit 2, no stack trace; to a missing directory: it is made', () => {
    const dir = tree({'a.txt': DIRTY, 'rep/x': ''})
    const toDir = run(['check', '-o', 'rep', 'a.txt'], {cwd: dir})
    expect(toDir.code).toBe(2)
    expect(toDir.stderr).toBe('mtclean: rep: cannot write the report (is a directory)\n')
    const missing = run(['check', '-o', 'nope/r.txt', 'a.txt'], {cwd: dir})
    expect(missing.code).toBe(1)
    expect(missing.stderr).toBe('')
    expect(readFileSync(join(dir, 'nope/r.txt'), 'utf8')).toMatch(/^a\.txt\n/)
  })

  it('a baseline that cannot be written: one line, exit 2', () => {
    const dir = tree({'a.txt': DIRTY})
    const r = run(['check', '--baseline', 'no/dir/base.json', 'a.txt'], {cwd: dir})
    expect(r.code).toBe(2)
    noStack(r.stderr)
    expect(r.stderr).toMatch(/base\.json: cannot write the baseline \(no such directory\)/)
  })

  describe('on a full disk (a 64 KB tmpfs; needs root)', () => {
    const mnt = tree()
    let mounted = false
    beforeAll(() => {
      mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mnt]).status === 0
    })
    afterAll(() => {
      if (mounted) spawnSync('umount', [mnt])
      rmSync(mnt, {recursive: true, force: true})
    })

    it('--update-baseline keeps the old baseline intact; -o keeps the old report intact', () => {
      if (!mounted) return
      const oldBaseline = '{"version": 1, "files": {}}\n'
      writeFileSync(join(mnt, 'base.json'), oldBaseline)
      writeFileSync(join(mnt, 'report.txt'), 'old report\n')
      // Fill the disk.
      const fill = Buffer.alloc(4096, 0x61)
      for (let i = 0; i < 64; i++) {
        try {
          writeFileSync(join(mnt, `fill-${i}`), fill)
        } catch {
          break
        }
      }
      // Many findings: the new baseline and report need more room than is left.
      const dir = tree({'a.txt': DIRTY.repeat(400)})
      const b = run(['check', '--baseline', join(mnt, 'base.json'), '--update-baseline', 'a.txt'], {cwd: dir})
      expect(b.code).toBe(2)
      noStack(b.stderr)
      expect(b.stderr).toMatch(/base\.json: cannot write the baseline \(no space left on device\); the old file, if any, is unchanged/)
      expect(readFileSync(join(mnt, 'base.json'), 'utf8')).toBe(oldBaseline)
      const o = run(['check', '--format', 'json', '-o', join(mnt, 'report.txt'), 'a.txt'], {cwd: dir})
      expect(o.code).toBe(2)
      expect(o.stderr).toMatch(/report\.txt: cannot write the report \(no space left on device\)/)
      expect(readFileSync(join(mnt, 'report.txt'), 'utf8')).toBe('old report\n')
    })
  })
})

describe('never die: devices, FIFOs, sizes', () => {
  it('check /dev/zero is refused at once (not a regular file)', () => {
    const r = run(['check', '/dev/zero'])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('/dev/zero: cannot read: not a regular file (a character device)')
  })

  it('a FIFO with no writer is refused, not waited on (files and --jsonl)', () => {
    const dir = tree({'b.txt': CLEAN})
    expect(spawnSync('mkfifo', [join(dir, 'pipe.txt')]).status).toBe(0)
    const r = run(['check', 'pipe.txt', 'b.txt'], {cwd: dir})
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('pipe.txt: cannot read: not a regular file (a FIFO)')
    const j = run(['check', '--jsonl', 'pipe.txt'], {cwd: dir})
    expect(j.code).toBe(2)
    expect(j.stderr).toContain('pipe.txt: cannot read (not a regular file (a FIFO))')
  }, 20_000)

  it('extends: /dev/zero and a rule file symlinked to /dev/zero are refused, not read forever', () => {
    const dir = tree({'.mtcleanrc.json': JSON.stringify({extends: '/dev/zero'}), 'a.txt': CLEAN})
    const r = run(['check', 'a.txt'], {cwd: dir})
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('/dev/zero: cannot read config (not a regular file (a character device))')
    const rules = tree({'.mtcleanrc.json': JSON.stringify({ruleFiles: ['./masthead.yml']}), 'a.txt': CLEAN})
    symlinkSync('/dev/zero', join(rules, 'masthead.yml'))
    const r2 = run(['check', 'a.txt'], {cwd: rules})
    expect(r2.code).toBe(2)
    expect(r2.stderr).toMatch(/masthead\.yml:1: not a regular file \(a character device\)/)
  }, 20_000)

  it('a file over the default limit is refused before work starts; the rest of the batch completes', () => {
    const dir = tree({'small.txt': DIRTY})
    writeFileSync(join(dir, 'big.txt'), Buffer.alloc(20 * 1024 * 1024 + 1, 0x61))
    const r = run(['check', '--format', 'json', 'big.txt', 'small.txt'], {cwd: dir})
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(`big.txt: file too large (${20 * 1024 * 1024 + 1} bytes > --max-file-size ${20 * 1024 * 1024}), skipped`)
    expect(JSON.parse(r.stdout).map((f: {path: string}) => f.path)).toEqual(['small.txt'])
  }, 60_000)

  it('a big input that does not fit the worker heap fails alone, reported; the rest of the batch completes', () => {
    const dir = tree({'big.txt': DIRTY.repeat(40000), 'small.txt': DIRTY})
    // The whole process short of memory too (96 MB of heap): a run that lints the big file in its own heap dies with no report.
    const r = run(['check', '--format', 'json', 'big.txt', 'small.txt'], {cwd: dir, env: {MTCLEAN_BIG_HEAP_MB: '24'}, node: ['--max-old-space-size=96']})
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('big.txt: too large for the memory budget (24 MB of heap for one input): file not processed')
    expect(JSON.parse(r.stdout).map((f: {path: string}) => f.path)).toEqual(['small.txt'])
  }, 120_000)

  it('a big input that would not fit the worker heap is refused before work starts, with its size; the rest of the batch completes', () => {
    // 144 MB of heap: the rules' 128 MB and 1 MB of text at 16 MB of heap per MB (src/engine/pool.ts).
    const big = DIRTY.repeat(40000)
    const dir = tree({'big.txt': big, 'small.txt': DIRTY})
    const r = run(['check', '--format', 'json', 'big.txt', 'small.txt'], {cwd: dir, env: {MTCLEAN_BIG_HEAP_MB: '144'}})
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(`big.txt: too large for the memory budget (144 MB of heap for one input): file not processed (${Buffer.byteLength(big)} bytes; at most ${1024 * 1024} fit)`)
    expect(JSON.parse(r.stdout).map((f: {path: string}) => f.path)).toEqual(['small.txt'])
  }, 120_000)

  it('a Markdown file is estimated as markup (its syntax tree is built whole): 2.5 MB is refused before work starts at the default heap', () => {
    const big = '# A heading\n\nThe protection was weak. . The plan is ready, he said.\n\n'.repeat(Math.ceil((2.5 * 1024 * 1024) / 72))
    const dir = tree({'big.md': big, 'small.md': DIRTY})
    const r = run(['check', '--format', 'json', 'big.md', 'small.md'], {cwd: dir})
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(new RegExp(`big\\.md: too large for the memory budget \\(\\d+ MB of heap for one input\\): file not processed \\(${Buffer.byteLength(big)} bytes of markup; at most \\d+ fit\\)`))
    expect(JSON.parse(r.stdout).map((f: {path: string}) => f.path)).toEqual(['small.md'])
  }, 120_000)
})

describe('fixes that do not settle', () => {
  // Two user entries that rename each other: A → B → A, a cycle the pass limit stops.
  const papers =
    'rule: masthead\nlang: fr\nentries:\n' +
    '  - {id: p-one, name: "La Gazette du Val", literal: ["The Valley Gazette"], match: [{text: "In The Valley Gazette, the mayor spoke."}]}\n' +
    '  - {id: p-two, name: "The Valley Gazette", literal: ["La Gazette du Val"], match: [{text: "In La Gazette du Val, the mayor spoke."}]}\n'

  it('fix --check warns and exits 1 when the fixes did not settle within the pass limit', () => {
    const dir = tree({'.mtcleanrc.json': JSON.stringify({ruleFiles: ['./papers.yml']}), 'papers.yml': papers, 'a.txt': 'In an interview with The Valley Gazette, the mayor spoke.\n'})
    const r = run(['fix', '--check', 'a.txt'], {cwd: dir})
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('a.txt: fixes did not settle within the pass limit (fixing the output again may change it); please report this text')
    const f = run(['fix', 'a.txt'], {cwd: dir})
    expect(f.stderr).toContain('a.txt: fixes did not settle within the pass limit')
    void existsSync
  })
})
