import type {FormatOptions, ReportFile} from './types.js'

export const FORMATS = ['stylish', 'json', 'sarif', 'github', 'junit', 'diff'] as const
export type Format = (typeof FORMATS)[number]

/** The report of `files` in `format` (each formatter loaded on first use). */
export async function renderReport(format: Format, files: ReportFile[], options: FormatOptions): Promise<string> {
  switch (format) {
    case 'json':
      return (await import('./json.js')).formatJson(files)
    case 'sarif':
      return (await import('./sarif.js')).formatSarif(files, options)
    case 'github':
      return (await import('./github.js')).formatGithub(files)
    case 'junit':
      return (await import('./junit.js')).formatJunit(files)
    case 'diff':
      return (await import('./diff.js')).formatDiff(files)
    default:
      return (await import('./stylish.js')).formatStylish(files, options)
  }
}

/** Write a report to `outputFile` (its directory created; written atomically, src/engine/output.ts) or stdout. */
export async function writeReport(text: string, outputFile: string | undefined, toStdout: (text: string) => Promise<void>, cwd: string): Promise<void> {
  if (!outputFile) return toStdout(text)
  const {mkdirSync} = await import('node:fs')
  const {dirname, resolve} = await import('node:path')
  // Relative to the run's directory (the library's callers pass one), named as given.
  const path = resolve(cwd, outputFile)
  const {writeOutputFile} = await import('../../engine/output.js')
  try {
    mkdirSync(dirname(path), {recursive: true})
  } catch {
    // writeOutputFile names the problem in one line.
  }
  writeOutputFile(path, text, 'the report', outputFile)
}
