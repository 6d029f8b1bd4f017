import type {JsonMessage} from '../../engine/types.js'

export interface ReportFile {
  path: string
  messages: JsonMessage[]
  /** For the diff format. */
  original?: string
  fixed?: string
}

export interface FormatOptions {
  color: boolean
  quiet: boolean
  cwd: string
  version: string
}
