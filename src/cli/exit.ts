/** Exit codes of the command line (docs/cli.md "Exit codes"). */
export const EXIT = {
  /** Nothing at error level (and no warning with --frail, none over --max-warnings). */
  ok: 0,
  /** Findings at error level, warnings with --frail or over --max-warnings, files fix --check would change, errors left after fix. */
  findings: 1,
  /** A usage error, an I/O error, or inputs that match no file. */
  usage: 2
} as const

export const EXIT_HELP = `
Exit codes: 0 clean, 1 findings at error level (or warnings with --frail,
--max-warnings exceeded, files fix --check would change, errors left after
fix), 2 usage or I/O error, or no input file matched.`

export interface Tally {
  errors: number
  warnings: number
}

export function tally(messages: Iterable<{severity: string}>): Tally {
  const t = {errors: 0, warnings: 0}
  for (const m of messages) {
    if (m.severity === 'error') t.errors++
    else if (m.severity === 'warning') t.warnings++
  }
  return t
}

/** The exit code for the findings of a run that did not fail. `note` explains a --max-warnings exit. */
export function findingsExit(t: Tally, options: {frail: boolean; maxWarnings?: number}, note?: (line: string) => void): number {
  if (t.errors > 0) return EXIT.findings
  if (options.frail && t.warnings > 0) return EXIT.findings
  if (options.maxWarnings !== undefined && t.warnings > options.maxWarnings) {
    note?.(`${t.warnings} warnings, more than --max-warnings ${options.maxWarnings}`)
    return EXIT.findings
  }
  return EXIT.ok
}
