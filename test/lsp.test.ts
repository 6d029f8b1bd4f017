import {spawn} from 'node:child_process'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import rpc from 'vscode-jsonrpc/node.js'
import {BIN, ensureBuilt, run, tree} from './cli-support.js'

/** An editor's view of `mtclean lsp`: JSON-RPC over the server's stdio. */
const DOC = [
  '# Notes',
  '',
  'According to the minister , it ended.', // punct-spacing: reported, safe fix
  '',
  '```',
  'code , untouched ; here',
  '```',
  '',
  '<!-- mtclean-disable-next-line punct-spacing -->',
  'Silenced , by the marker.',
  '',
  'The paper World said so ; then left.', // masthead is off in the config; punct-spacing reported
  ''
].join('\n')

describe('mtclean lsp', () => {
  let dir: string
  let server: ReturnType<typeof spawn>
  let connection: rpc.MessageConnection
  const diagnostics = new Map<string, Array<{resolve: (d: any) => void}>>()
  const published: Array<{uri: string; diagnostics: any[]}> = []
  const next = (uri: string) => new Promise<any[]>((resolve) => {
    const queue = diagnostics.get(uri) ?? []
    queue.push({resolve})
    diagnostics.set(uri, queue)
  })

  beforeAll(() => {
    ensureBuilt()
    dir = tree({'.mtcleanrc.yml': 'rules:\n  masthead: "off"\n', 'docs/doc.md': DOC})
    server = spawn(process.execPath, [BIN, 'lsp', '--stdio'], {cwd: dir, stdio: ['pipe', 'pipe', 'inherit']})
    connection = rpc.createMessageConnection(new rpc.StreamMessageReader(server.stdout!), new rpc.StreamMessageWriter(server.stdin!))
    connection.onNotification('textDocument/publishDiagnostics', (params: {uri: string; diagnostics: any[]}) => {
      published.push(params)
      diagnostics.get(params.uri)?.shift()?.resolve(params.diagnostics)
    })
    connection.listen()
  })
  afterAll(() => {
    connection?.dispose()
    if (server && server.exitCode === null) server.kill()
  })

  it('speaks LSP: diagnostics as the CLI checks (config, markers, code skipped), quick fixes from expected, shutdown', async () => {
    const init = (await connection.sendRequest('initialize', {processId: process.pid, rootUri: pathToFileURL(dir).href, capabilities: {}})) as any
    expect(init.capabilities.codeActionProvider).toBeTruthy()
    await connection.sendNotification('initialized', {})
    const uri = pathToFileURL(join(dir, 'docs/doc.md')).href
    const first = next(uri)
    await connection.sendNotification('textDocument/didOpen', {textDocument: {uri, languageId: 'markdown', version: 1, text: DOC}})
    const got = await first
    const shown = got.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.character])
    expect(shown).toEqual([
      ['punct-spacing', 2, 25, 26],
      ['punct-spacing', 11, 23, 24]
    ])
    // The CLI reports the same findings at the same places.
    const cli = JSON.parse(run(['check', '-f', 'json', 'docs/doc.md'], {cwd: dir}).stdout)[0].messages
    expect(cli.map((m: any) => [m.ruleId, m.line - 1, m.column - 1, m.endColumn - 1])).toEqual(shown)

    const actions = (await connection.sendRequest('textDocument/codeAction', {
      textDocument: {uri},
      range: got[0].range,
      context: {diagnostics: [got[0]], only: ['quickfix']}
    })) as any[]
    expect(actions.map((a) => [a.title, a.isPreferred])).toEqual([['Delete (punct-spacing)', true]])
    expect(actions[0].edit.changes[uri]).toEqual([{range: got[0].range, newText: ''}])

    const all = (await connection.sendRequest('textDocument/codeAction', {textDocument: {uri}, range: got[0].range, context: {diagnostics: [], only: ['source.fixAll']}})) as any[]
    expect(all.map((a) => a.kind)).toEqual(['source.fixAll.mtclean'])
    expect(all[0].edit.changes[uri][0].newText).toBe(run(['fix', 'docs/doc.md'], {cwd: dir}).stdout)

    // An edit is linted again.
    const second = next(uri)
    await connection.sendNotification('textDocument/didChange', {textDocument: {uri, version: 2}, contentChanges: [{text: 'Clean text.\n'}]})
    expect(await second).toEqual([])

    await connection.sendRequest('shutdown')
    const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)))
    await connection.sendNotification('exit')
    expect(await exited).toBe(0)
  }, 120_000)
})
