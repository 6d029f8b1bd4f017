import type {ReportFile} from './types.js'

/** `3 errors, 2 warnings (quote-glued 2, calque 3)`, or '' when clean. */
export function summaryLine(files: ReportFile[]): string {
  let errors = 0
  let warnings = 0
  let infos = 0
  const byCategory = new Map<string, number>()
  for (const f of files) {
    for (const m of f.messages) {
      if (m.severity === 'error') errors++
      else if (m.severity === 'warning') warnings++
      else infos++
      byCategory.set(m.category, (byCategory.get(m.category) ?? 0) + 1)
    }
  }
  const total = errors + warnings + infos
  if (total === 0) return ''
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`
  const parts = [plural(errors, 'error'), plural(warnings, 'warning')]
  if (infos) parts.push(plural(infos, 'info'))
  const cats = [...byCategory].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([c, n]) => `${c} ${n}`)
  return `${parts.join(', ')} in ${plural(files.filter((f) => f.messages.length > 0).length, 'file')} (${cats.join(', ')})`
}
