import {readFileSync} from 'node:fs'
import {isAbsolute} from 'node:path'
import {pathToFileURL} from 'node:url'
import {allRules, DOCS_BASE} from '../../index.js'
import type {FormatOptions, ReportFile} from './types.js'

/** `quote-glued` → `QuoteGlued`: SARIF wants a readable name distinct from the id. */
export function ruleName(id: string): string {
  return id.replace(/(?:^|-)([a-z0-9])/g, (_, c: string) => c.toUpperCase())
}

/** The rule's documentation (shipped in the package) as help text; the description when it is missing. */
function ruleHelp(id: string, fallback: string): {text: string; markdown: string} {
  // docs/ from dist/bin/ (the bundled binary) or from dist/cli/formats/ (the library build).
  for (const up of ['../../', '../../../']) {
    try {
      const markdown = readFileSync(new URL(`${up}docs/rules/${id}.md`, import.meta.url), 'utf8')
      const text = markdown.replace(/^#+ /gm, '').replace(/\*\*|`/g, '')
      return {text, markdown}
    } catch {
      // not there: the next place, then the description
    }
  }
  return {text: fallback, markdown: fallback}
}

/** SARIF 2.1.0, for GitHub code scanning and other viewers. */
export function formatSarif(files: ReportFile[], options: FormatOptions): string {
  const rules = allRules.map((rule) => {
    const description = rule.meta.description || rule.ruleId
    return {
      id: rule.ruleId,
      name: ruleName(rule.ruleId),
      shortDescription: {text: description},
      fullDescription: {text: rule.meta.note || description},
      help: ruleHelp(rule.ruleId, description),
      helpUri: DOCS_BASE + rule.ruleId + '.md',
      properties: {category: rule.meta.category}
    }
  })
  const index = new Map(rules.map((r, i) => [r.id, i]))
  const results = []
  for (const f of files) {
    // Relative paths stay relative (to the checkout); others become file: URIs.
    const uri = isAbsolute(f.path) ? pathToFileURL(f.path).href : encodeURI(f.path.split('\\').join('/'))
    for (const m of f.messages) {
      const result: Record<string, unknown> = {
        ruleId: m.ruleId,
        level: m.severity === 'error' ? 'error' : m.severity === 'warning' ? 'warning' : 'note',
        message: {text: m.message},
        locations: [
          {
            physicalLocation: {
              artifactLocation: {uri},
              region: {
                startLine: m.line,
                startColumn: m.column,
                endLine: m.endLine,
                endColumn: m.endColumn,
                snippet: {text: m.actual}
              }
            }
          }
        ],
        properties: {category: m.category, fix: m.fix, expected: m.expected}
      }
      const i = index.get(m.ruleId)
      if (i !== undefined) result.ruleIndex = i
      if (m.fix === 'safe' && m.expected.length === 1) {
        result.fixes = [
          {
            description: {text: `Replace with ${JSON.stringify(m.expected[0])}`},
            artifactChanges: [
              {
                artifactLocation: {uri},
                replacements: [
                  {
                    deletedRegion: {startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn},
                    insertedContent: {text: m.expected[0]}
                  }
                ]
              }
            ]
          }
        ]
      }
      results.push(result)
    }
  }
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'mtclean',
            version: options.version,
            informationUri: 'https://github.com/mtclean/mtclean',
            rules
          }
        },
        columnKind: 'utf16CodeUnits',
        results
      }
    ]
  }
  return JSON.stringify(log, null, 2) + '\n'
}
