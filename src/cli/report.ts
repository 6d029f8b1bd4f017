import type {FormatOptions, ReportFile} from './formats/types.js'
import {out} from './io.js'
import type {Options} from './options.js'
import {version} from './version.js'

/** The report in the chosen format (formatters loaded on use: start-up time). */
export async function formatReport(files: ReportFile[], opts: Options): Promise<string> {
  const formatOptions: FormatOptions = {color: opts.color && !opts.outputFile, quiet: opts.quiet, cwd: opts.cwd, version: version()}
  return (await import('./formats/index.js')).renderReport(opts.format, files, formatOptions)
}

/** To --output-file (its directory made when missing, written atomically) or stdout. */
export async function emitReport(text: string, opts: Options): Promise<void> {
  await (await import('./formats/index.js')).writeReport(text, opts.outputFile, out, opts.cwd)
}
