import {createTwoFilesPatch} from 'diff'
import type {ReportFile} from './types.js'

/** A unified diff of what `fix` would change. */
export function formatDiff(files: ReportFile[]): string {
  let out = ''
  for (const f of files) {
    if (f.original === undefined || f.fixed === undefined || f.original === f.fixed) continue
    out += createTwoFilesPatch('a/' + f.path, 'b/' + f.path, f.original, f.fixed, undefined, undefined, {context: 3})
      .replace(/^=+\n/, '')
  }
  return out
}
