import type {FormatOptions, ReportFile} from './types.js'

/** The JSON contract: `[{path, messages: [...]}]` (docs/cli.md). */
export function formatJson(files: ReportFile[], _options?: FormatOptions): string {
  return JSON.stringify(files.map((f) => ({path: f.path, messages: f.messages}))) + '\n'
}
