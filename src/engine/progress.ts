/** A progress bar on stderr, only on a TTY, not in CI, after the first second. */
export interface Progress {
  tick(n?: number): void
  done(): void
}

const noop: Progress = {tick() {}, done() {}}

export function createProgress(total: number | undefined, unit: string, enabled: boolean): Progress {
  const stream = process.stderr
  if (!enabled || !stream.isTTY || process.env.CI === 'true' || process.env.CI === '1') return noop
  const started = Date.now()
  // The bar waits a second so quick batches stay quiet; tests set the delay to 0.
  const delay = Number(process.env.MTCLEAN_PROGRESS_DELAY_MS ?? 1000)
  let count = 0
  let shown = false
  let last = 0
  const draw = () => {
    const elapsed = (Date.now() - started) / 1000
    const rate = count / Math.max(elapsed, 0.001)
    let line: string
    if (total) {
      const width = 24
      const filled = Math.round((width * count) / total)
      const eta = rate > 0 ? Math.max(0, (total - count) / rate) : 0
      line = `[${'='.repeat(filled)}${' '.repeat(width - filled)}] ${count}/${total} ${unit} ${rate.toFixed(1)}/s ETA ${eta.toFixed(0)}s`
    } else {
      line = `${count} ${unit} ${rate.toFixed(1)}/s`
    }
    stream.write('\r' + line.slice(0, (stream.columns || 80) - 1) + '\x1b[K')
    shown = true
  }
  return {
    tick(n = 1) {
      count += n
      const now = Date.now()
      if (now - started < delay || now - last < 100) return
      last = now
      draw()
    },
    done() {
      if (shown) stream.write('\r\x1b[K')
    }
  }
}
