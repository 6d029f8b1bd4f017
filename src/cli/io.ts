/** Write to stdout and wait until it is flushed. */
export function out(text: string | Uint8Array): Promise<void> {
  return new Promise((done) => {
    if (text.length === 0) return done()
    process.stdout.write(text, () => done())
  })
}

export function err(line: string): void {
  process.stderr.write(`mtclean: ${line}\n`)
}

