import type {ReportFile} from './types.js'

const data = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
const prop = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C')

/** GitHub Actions workflow commands: `::error file=…,line=…,col=…::…`. */
export function formatGithub(files: ReportFile[]): string {
  const lines: string[] = []
  for (const f of files) {
    for (const m of f.messages) {
      const level = m.severity === 'error' ? 'error' : m.severity === 'warning' ? 'warning' : 'notice'
      const props = [
        `file=${prop(f.path)}`,
        `line=${m.line}`,
        `col=${m.column}`,
        `endLine=${m.endLine}`,
        `endColumn=${m.endColumn}`,
        `title=${prop(`mtclean ${m.ruleId}`)}`
      ]
      lines.push(`::${level} ${props.join(',')}::${data(`${m.message} (${m.ruleId})`)}`)
    }
  }
  return lines.length ? lines.join('\n') + '\n' : ''
}
