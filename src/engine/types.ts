import type {Config} from '../index.js'
import type {InputFormat} from '../formats/index.js'

/** One finding as the JSON contract prints it (docs/cli.md). */
export interface JsonMessage {
  ruleId: string
  category: string
  severity: 'error' | 'warning' | 'info'
  message: string
  /** 1-based. */
  line: number
  column: number
  endLine: number
  endColumn: number
  /** 0-based UTF-16 offsets into the decoded text (after BOM removal). */
  startOffset: number
  endOffset: number
  actual: string
  expected: string[]
  fix: 'safe' | 'suggestion' | null
}

export type Encoding = 'utf-8' | 'windows-1252'

/** Work for one file (or stdin): done in the main thread or in a worker. */
export interface FileTask {
  index: number
  /** Absolute path to read; absent for stdin. */
  path?: string
  /** Bytes of stdin. */
  bytes?: Uint8Array
  /** Path shown in reports. */
  display: string
  config: Config
  mode: 'check' | 'fix'
  suggestions: boolean
  /** Where the fixed text goes: in place, to another path, or back to the caller. */
  write?: {kind: 'in-place'} | {kind: 'to'; path: string; /** realTarget(path) when planned: the write is refused if a link moved it (onto an input). */ real?: string}
  /** Return the fixed bytes to the caller (fix to stdout). */
  returnOutput?: boolean
  /** Return the original and fixed text (diff format). */
  returnTexts?: boolean
  /** Also lint the original in fix mode (messages of the original). */
  originalMessages?: boolean
  encoding: Encoding
  maxFileSize: number
  /** `--format-in`: read every input as this format (else config, name, content). */
  format?: InputFormat
}

export interface FileResult {
  index: number
  display: string
  /** One line naming the file: the task failed and nothing was written. */
  error?: string
  /** Not about the file: the rules could not be set up (reported once). */
  fatal?: string
  /** Check: findings in the text. Fix: findings left in the fixed text. */
  messages: JsonMessage[]
  /** Fix mode with originalMessages: findings in the original text. */
  before?: JsonMessage[]
  changed: boolean
  written?: boolean
  output?: Uint8Array
  original?: string
  fixed?: string
  unsettled?: boolean
}

/** Work for a batch of JSONL records. */
export interface TextsTask {
  config: Config
  mode: 'check' | 'fix'
  suggestions: boolean
  texts: string[]
  /** Fix mode: false when the findings are not used (no --report): only the fixed texts come back. */
  findings?: boolean
}

export interface TextResult {
  messages: JsonMessage[]
  /** Fix mode: the text changed; `fixed` is sent only then. */
  changed?: boolean
  fixed?: string
  /** The fix loop stopped on its pass limit or a cycle. */
  unsettled?: boolean
  /** The text could not be processed (too large for the memory budget): pass the record through. */
  error?: string
}
