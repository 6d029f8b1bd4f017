/** A replacement of `text.slice(start, end)` (which must equal `actual`) by `replacement`. */
export interface Edit {
  start: number
  end: number
  actual: string
  replacement: string
  ruleId?: string
}

export interface ApplyResult {
  text: string
  applied: Edit[]
  /** Overlapping edits, left for the next pass. */
  deferred: Edit[]
  /** Edits whose `actual` did not match the text: refused. */
  refused: Edit[]
}

/**
 * Apply non-overlapping edits to `text` in one pass (ESLint's fixer model).
 * Edits are taken in order of position; one that overlaps an edit already
 * taken, or inserts at the same place as one, is deferred to the next pass.
 * Every character outside the taken edits is copied unchanged.
 */
export function applyEdits(text: string, edits: readonly Edit[]): ApplyResult {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end)
  const applied: Edit[] = []
  const deferred: Edit[] = []
  const refused: Edit[] = []
  const parts: string[] = []
  let cursor = 0
  let lastStart = -1
  for (const edit of sorted) {
    if (edit.start < 0 || edit.end > text.length || edit.start > edit.end || text.slice(edit.start, edit.end) !== edit.actual) {
      refused.push(edit)
      continue
    }
    if (edit.start < cursor || edit.start === lastStart) {
      deferred.push(edit)
      continue
    }
    if (edit.replacement === edit.actual) continue
    parts.push(text.slice(cursor, edit.start), edit.replacement)
    cursor = edit.end
    lastStart = edit.start
    applied.push(edit)
  }
  parts.push(text.slice(cursor))
  return {text: parts.join(''), applied, deferred, refused}
}
