import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {reporter} from 'vfile-reporter'
import type {FormatOptions, ReportFile} from './types.js'
import {summaryLine} from './summary.js'

/** The unified reporter (vfile-reporter), plus a line of counts per category. */
export function formatStylish(files: ReportFile[], options: FormatOptions): string {
  const vfiles = files.map((f) => {
    const file = new VFile({path: f.path})
    for (const m of f.messages) {
      const message = new VFileMessage(m.message, {
        place: {start: {line: m.line, column: m.column, offset: m.startOffset}, end: {line: m.endLine, column: m.endColumn, offset: m.endOffset}},
        ruleId: m.ruleId,
        source: 'mtclean'
      })
      message.fatal = m.severity === 'error' ? true : m.severity === 'warning' ? false : undefined
      file.messages.push(message)
    }
    return file
  })
  let out = reporter(vfiles, {color: options.color, quiet: options.quiet, silent: options.quiet, defaultName: '<stdin>'})
  const summary = summaryLine(files)
  if (summary) out += (out ? '\n' : '') + 'by category: ' + summary.slice(summary.indexOf('(') + 1, -1)
  return out ? out + '\n' : ''
}
