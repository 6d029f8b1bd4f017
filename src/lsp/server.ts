/**
 * `mtclean lsp`: a language server over stdio. It lints each open document as
 * the CLI checks a file (the same .mtcleanrc* cascade, the same input format
 * choice, the same markers) and offers each finding's `expected` candidates
 * as quick fixes, plus "fix all safe findings" as `fix` would.
 */
import {dirname} from 'node:path'
import {fileURLToPath} from 'node:url'
import lsp from 'vscode-languageserver/node.js'
import type {CodeAction, Diagnostic, TextEdit} from 'vscode-languageserver/node.js'
import {TextDocument} from 'vscode-languageserver-textdocument'
import {DOCS_BASE} from '../index.js'
import {ConfigResolver} from '../engine/config.js'
import {processText} from '../engine/run.js'
import type {JsonMessage} from '../engine/types.js'
import {chooseFormat} from '../formats/index.js'

const {createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, DiagnosticSeverity, CodeActionKind} = lsp

/** What a diagnostic carries for its quick fixes. */
interface FixData {
  expected: string[]
  fix: JsonMessage['fix']
}

const SEVERITY = {error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information}
const FIX_ALL = 'source.fixAll.mtclean'

function pathOf(uri: string): string | undefined {
  return uri.startsWith('file:') ? fileURLToPath(uri) : undefined
}

export function startServer(input: NodeJS.ReadableStream = process.stdin, output: NodeJS.WritableStream = process.stdout): Promise<void> {
  const connection = createConnection(ProposedFeatures.all, input, output)
  const documents = new TextDocuments(TextDocument)
  let resolver = new ConfigResolver({discover: true, overrides: {}})

  async function run(document: TextDocument, mode: 'check' | 'fix') {
    const path = pathOf(document.uri)
    const config = await resolver.forDirectory(path ? dirname(path) : process.cwd())
    const text = document.getText()
    const format = chooseFormat(config.format, path ?? (document.languageId === 'markdown' ? 'x.md' : document.languageId === 'html' ? 'x.html' : undefined), text)
    return processText(text, config, mode, false, path, false, format)
  }

  async function validate(document: TextDocument): Promise<void> {
    let diagnostics: Diagnostic[]
    try {
      const {messages} = await run(document, 'check')
      diagnostics = messages.map((m) => ({
        range: {start: document.positionAt(m.startOffset), end: document.positionAt(m.endOffset)},
        severity: SEVERITY[m.severity],
        code: m.ruleId,
        codeDescription: {href: DOCS_BASE + m.ruleId + '.md'},
        source: 'mtclean',
        message: m.message,
        data: {expected: m.expected, fix: m.fix} satisfies FixData
      }))
    } catch (error) {
      // A broken config: say so where the user looks, at the top of the document.
      diagnostics = [{range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}}, severity: DiagnosticSeverity.Error, source: 'mtclean', message: (error as Error).message}]
    }
    await connection.sendDiagnostics({uri: document.uri, version: document.version, diagnostics})
  }

  connection.onInitialize(() => ({
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      codeActionProvider: {codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL]}
    },
    serverInfo: {name: 'mtclean'}
  }))

  documents.onDidChangeContent((change) => void validate(change.document))
  documents.onDidClose((event) => void connection.sendDiagnostics({uri: event.document.uri, diagnostics: []}))
  connection.onDidChangeWatchedFiles(() => {
    // A config may have changed: read the cascade again.
    resolver = new ConfigResolver({discover: true, overrides: {}})
    for (const document of documents.all()) void validate(document)
  })

  connection.onCodeAction(async (params) => {
    const document = documents.get(params.textDocument.uri)
    if (!document) return []
    const actions: CodeAction[] = []
    const wanted = params.context.only
    if (!wanted || wanted.some((k) => k === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(k))) {
      for (const diagnostic of params.context.diagnostics) {
        if (diagnostic.source !== 'mtclean') continue
        const data = diagnostic.data as FixData | undefined
        if (!data || data.fix === null || data.expected.length === 0) continue
        for (const candidate of data.expected) {
          const edit: TextEdit = {range: diagnostic.range, newText: candidate}
          actions.push({
            title: candidate === '' ? `Delete (${diagnostic.code})` : `Replace with “${candidate}” (${diagnostic.code})`,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            isPreferred: data.fix === 'safe' && data.expected.length === 1,
            edit: {changes: {[document.uri]: [edit]}}
          })
        }
      }
    }
    if (!wanted || wanted.some((k) => FIX_ALL.startsWith(k))) {
      const {fixed} = await run(document, 'fix')
      if (fixed !== undefined && fixed !== document.getText()) {
        const end = document.positionAt(document.getText().length)
        actions.push({
          title: 'Fix all safe mtclean findings',
          kind: FIX_ALL,
          edit: {changes: {[document.uri]: [{range: {start: {line: 0, character: 0}, end}, newText: fixed}]}}
        })
      }
    }
    return actions
  })

  documents.listen(connection)
  return new Promise((resolve) => {
    connection.onExit(() => resolve())
    connection.listen()
  })
}
