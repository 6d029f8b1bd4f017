import {mkdir, writeFile} from 'node:fs/promises'
import {dirname, resolve} from 'node:path'
import type {FormatOptions, ReportFile} from './formats/types.js'
import {out} from './io.js'
import type {Options} from './options.js'
import {version} from './version.js'

/** The report in the chosen format (formatters loaded on use: start-up time). */
export async function formatReport(files: ReportFile[], opts: Options): Promise<string> {
  const formatOptions: FormatOptions = {color: opts.color && !opts.outputFile, quiet: opts.quiet, cwd: opts.cwd, version: version()}
  switch (opts.format) {
    case 'json':
      return (await import('./formats/json.js')).formatJson(files)
    case 'sarif':
      return (await import('./formats/sarif.js')).formatSarif(files, formatOptions)
    case 'github':
      return (await import('./formats/github.js')).formatGithub(files)
    case 'junit':
      return (await import('./formats/junit.js')).formatJunit(files)
    case 'diff':
      return (await import('./formats/diff.js')).formatDiff(files)
    default:
      return (await import('./formats/stylish.js')).formatStylish(files, formatOptions)
  }
}

/** To --output-file (its directory made when missing) or stdout. */
export async function emitReport(text: string, opts: Options): Promise<void> {
  if (opts.outputFile) {
    const path = resolve(opts.cwd, opts.outputFile)
    await mkdir(dirname(path), {recursive: true})
    await writeFile(path, text)
  } else await out(text)
}
