import type {ReportFile} from './types.js'

const xml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;'})[c]!)
  // XML 1.0 forbids most control characters, even escaped.
  .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '\uFFFD')

/** JUnit XML: one test suite per file, one failing test case per finding. */
export function formatJunit(files: ReportFile[]): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>']
  let tests = 0
  let failures = 0
  const suites: string[] = []
  for (const f of files) {
    const cases: string[] = []
    let suiteFailures = 0
    for (const m of f.messages) {
      const failing = m.severity === 'error' || m.severity === 'warning'
      const name = xml(`${m.ruleId} ${f.path}:${m.line}:${m.column}`)
      const body = xml(`${f.path}:${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.severity} ${m.message} (${m.ruleId}) ${JSON.stringify(m.actual)}`)
      if (failing) {
        suiteFailures++
        cases.push(`    <testcase classname="${xml(f.path)}" name="${name}"><failure type="${xml(m.severity)}" message="${xml(m.message)}">${body}</failure></testcase>`)
      } else {
        cases.push(`    <testcase classname="${xml(f.path)}" name="${name}"><system-out>${body}</system-out></testcase>`)
      }
    }
    if (cases.length === 0) cases.push(`    <testcase classname="${xml(f.path)}" name="${xml(f.path)}"/>`)
    tests += cases.length
    failures += suiteFailures
    suites.push(`  <testsuite name="${xml(f.path)}" tests="${cases.length}" failures="${suiteFailures}" errors="0">\n${cases.join('\n')}\n  </testsuite>`)
  }
  out.push(`<testsuites name="mtclean" tests="${tests}" failures="${failures}" errors="0">`)
  out.push(...suites)
  out.push('</testsuites>')
  return out.join('\n') + '\n'
}
