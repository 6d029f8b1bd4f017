#!/usr/bin/env node
/**
 * The rule docs' generated parts, in the way of remark-lint's readmes and
 * ESLint's rule pages: every docs/rules/<id>.md has the same headings in the
 * same order (HEADINGS), and its marked regions are computed, never typed:
 *
 * - `examples`: each example of src/rules/<id>.examples.yml run through the
 *   real linter (createLinter), with its messages and its fixed text; the
 *   same file is the rule's example test (test/examples-support.ts asserts
 *   the messages and the output written there);
 * - `source`: the rule's files (code, the shared modules it uses, examples, tests, data);
 * - `counts`: counts of the rule data (`mtclean rules --stats`), in the
 *   calque and masthead pages and the README.
 *
 * `npm run docs` rewrites the regions (after a build: it runs dist/);
 * `node scripts/rule-docs.mjs --check` only reports stale pages.
 * test/rule-docs.test.ts runs the same functions on src/ and fails on a stale
 * region, a missing or misplaced heading, a rule without a doc or examples.
 */
import {existsSync, readFileSync, readdirSync, writeFileSync} from 'node:fs'
import {dirname, join, relative, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'
import YAML from 'yaml'

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')

/** The `##` headings of every rule page, in order; `###` and below are free. */
export const HEADINGS = ['What it finds', 'Why it happens', 'Left alone', 'Options', 'Examples', 'Source']

/** Keys of an examples file, and of one example. */
const FILE_KEYS = new Set(['with', 'preset', 'settings', 'examples'])
const EXAMPLE_KEYS = new Set(['note', 'text', 'options', 'settings', 'preset', 'suggestions', 'messages', 'output'])

export const examplesPath = (id) => join(ROOT, 'src/rules', id + '.examples.yml')
export const docPath = (id) => join(ROOT, 'docs/rules', id + '.md')

/**
 * @typedef {{note?: string, text: string, options?: Record<string, unknown>, settings?: Record<string, unknown>,
 *   preset?: string, suggestions?: boolean, messages: string[], output: string}} Example
 * @typedef {{with: string[], preset?: string, settings: Record<string, unknown>, examples: Example[]}} ExampleFile
 */

/**
 * Read and check src/rules/<id>.examples.yml. An example without `messages`
 * expects none, one without `output` expects the text unchanged.
 * @returns {ExampleFile}
 */
export function loadExamples(id, known) {
  const path = examplesPath(id)
  const where = `src/rules/${id}.examples.yml`
  if (!existsSync(path)) throw new Error(`${where}: missing (every rule has examples)`)
  const data = YAML.parse(readFileSync(path, 'utf8'))
  const fail = (detail) => {
    throw new Error(`${where}: ${detail}`)
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) fail('expected a mapping with `examples`')
  for (const key of Object.keys(data)) if (!FILE_KEYS.has(key)) fail(`unknown key \`${key}\` (known: ${[...FILE_KEYS].join(', ')})`)
  const companions = data.with ?? []
  if (!Array.isArray(companions)) fail('`with` is a list of rule ids')
  for (const other of companions) if (known && !known.includes(other)) fail(`\`with\`: unknown rule \`${other}\``)
  if (!Array.isArray(data.examples) || data.examples.length === 0) fail('`examples` is a non-empty list')
  const examples = data.examples.map((example, k) => {
    const at = (detail) => fail(`example ${k + 1}: ${detail}`)
    if (!example || typeof example !== 'object') at('expected a mapping')
    for (const key of Object.keys(example)) if (!EXAMPLE_KEYS.has(key)) at(`unknown key \`${key}\` (known: ${[...EXAMPLE_KEYS].join(', ')})`)
    if (typeof example.text !== 'string' || example.text === '') at('`text` is a non-empty string')
    const messages = example.messages ?? []
    if (!Array.isArray(messages) || messages.some((m) => typeof m !== 'string')) at('`messages` is a list of `line:col  reason  ruleId` strings')
    if (example.output !== undefined && typeof example.output !== 'string') at('`output` is a string')
    return {...example, messages, output: example.output ?? example.text}
  })
  return {with: companions, preset: data.preset, settings: data.settings ?? {}, examples}
}

/** The configuration an example runs with: its rule (with its options) and the file's companions on, the rest off. */
export function exampleConfig(id, file, example, ruleIds) {
  const rules = Object.fromEntries(ruleIds.map((other) => [other, 'off']))
  for (const other of file.with) rules[other] = {}
  rules[id] = example.options ?? {}
  return {preset: example.preset ?? file.preset ?? 'recommended', rules, settings: {...file.settings, ...example.settings}}
}

/** One message as the docs and the examples files write it. */
export const messageLine = (m) => `${m.line}:${m.column}  ${m.reason}  ${m.ruleId}`

/**
 * Run one example through the linter: the messages of its text and the text
 * after `fix` (with `--suggestions` when the example says so).
 * @param {{createLinter: Function, ruleIds: string[]}} lib
 */
export async function runExample(lib, id, file, example, linters = new Map()) {
  const config = exampleConfig(id, file, example, lib.ruleIds)
  const key = JSON.stringify(config)
  let linter = linters.get(key)
  if (!linter) linters.set(key, (linter = lib.createLinter(config)))
  const result = await linter.fix(example.text, {suggestions: example.suggestions === true})
  return {messages: result.before.map(messageLine), output: result.text, unsettled: result.unsettled}
}

// Display: a line break is a line break (in a fenced block); invisible characters, odd spaces and a
// combining mark on a Latin letter are written \uXXXX, so the page shows what the text holds.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zs}\u2028\u2029]|(?<=[A-Za-z])\p{Mn}/gu
const visible = (text) =>
  text.replace(INVISIBLE, (c) => (c === '\n' || c === ' ' ? c : '\\u' + c.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')))

function fenced(text) {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length))
  const fence = '`'.repeat(longest + 1)
  return `${fence}text\n${visible(text)}\n${fence}`
}

function inlineCode(text) {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length))
  const ticks = '`'.repeat(longest + 1)
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : ''
  return ticks + pad + text + pad + ticks
}

/** What an example runs with beyond the defaults, as a caption. */
function caption(id, file, example) {
  const parts = []
  if (example.options) parts.push(`${id} options ${inlineCode(JSON.stringify(example.options))}`)
  const settings = {...file.settings, ...example.settings}
  if (Object.keys(settings).length) parts.push(`settings ${inlineCode(JSON.stringify(settings))}`)
  if (example.preset) parts.push(`preset ${inlineCode(example.preset)}`)
  return [example.note, parts.length ? 'with ' + parts.join(', ') : ''].filter(Boolean).join('; ')
}

/**
 * The `examples` region of a page, from the examples and what the linter made
 * of them (`results[k]` for `examples[k]`).
 */
export function renderExamples(id, file, results) {
  const out = [
    `<!-- Generated by scripts/rule-docs.mjs from src/rules/${id}.examples.yml (\`npm run docs\`): do not edit. -->`,
    ''
  ]
  const others = file.with.length ? `, with ${file.with.map((o) => `[${o}](${o}.md)`).join(', ')}` : ''
  out.push(
    `Each text below was run through \`mtclean\` (${file.preset ?? 'recommended'} preset, ${id} on${others}): ` +
      'its messages (`line:column  message  rule`) and the text `mtclean fix` makes of it. ' +
      'Invisible characters and odd spaces are written `\\uXXXX`.',
    ''
  )
  file.examples.forEach((example, k) => {
    const {messages, output} = results[k]
    const note = caption(id, file, example)
    const kind = messages.length === 0 ? 'Left alone' : 'Reported'
    out.push(`**${kind}**${note ? ` (${note})` : ''}:`, '', fenced(example.text), '')
    if (messages.length === 0) out.push('No messages.', '')
    else out.push(fenced(messages.join('\n')), '')
    const command = example.suggestions ? '`mtclean fix --suggestions`' : '`mtclean fix`'
    if (output === example.text) {
      if (messages.length) out.push(`${command} leaves it unchanged.`, '')
    } else out.push(`${command}:`, '', fenced(output), '')
  })
  return out.join('\n')
}

/** The `source` region: the rule's files, each linked. */
export function renderSource(id) {
  const rows = []
  const add = (label, path) => {
    if (existsSync(join(ROOT, path))) rows.push(`- ${label}: [\`${path}\`](../../${path})`)
  }
  add('rule', `src/rules/${id}.ts`)
  add('its modules', `src/rules/${id}/`)
  for (const module of sharedModules(id)) add('shared with other rules', module)
  add('examples (shown above, run by the tests)', `src/rules/${id}.examples.yml`)
  add('tests', `test/${id}.test.ts`)
  add('data', `rules/${id}/`)
  add('data schema', `rules/schema/${id}.schema.json`)
  return [`<!-- Generated by scripts/rule-docs.mjs (\`npm run docs\`): do not edit. -->`, '', ...rows].join('\n')
}

/** The modules of src/rules/shared/ that a rule's files import, directly or through each other. */
function sharedModules(id) {
  const files = [`src/rules/${id}.ts`]
  const folder = join(ROOT, 'src/rules', id)
  if (existsSync(folder)) files.push(...readdirSync(folder, {recursive: true}).filter((f) => f.endsWith('.ts')).map((f) => `src/rules/${id}/${f}`))
  const found = new Set()
  while (files.length > 0) {
    const file = files.pop()
    if (!existsSync(join(ROOT, file))) continue
    for (const m of readFileSync(join(ROOT, file), 'utf8').matchAll(/(?:from|import\(?)\s*'(\.[^']+)'/g)) {
      const target = relative(ROOT, resolve(ROOT, dirname(file), m[1])).replace(/\.js$/, '.ts')
      if (!target.startsWith('src/rules/shared/') || found.has(target)) continue
      found.add(target)
      files.push(target)
    }
  }
  return [...found].sort()
}

/** The `counts` region of the calque and masthead pages, from the rule data. */
export function renderCounts(id, stats) {
  const data = stats.rules[id]
  if (!data) throw new Error(`docs/rules/${id}.md has a counts region but rules/${id}/ has no data`)
  const langs = Object.entries(data.byLang)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([lang, n]) => `${lang} ${n}`)
    .join(', ')
  const head = `<!-- Generated by scripts/rule-docs.mjs from rules/${id}/ (\`npm run docs\`): do not edit. -->\n\n`
  if (id === 'masthead')
    return head + `${stats.publications} publications with ${stats.literalRenderings} literal renderings (${langs}), ${data.examples} examples.`
  return head + `\`rules/${id}/\`: ${langs} — ${data.entries} entries, ${data.examples} examples (\`match\` and \`keep\`).`
}

/** The README's `mtclean rules --stats | tail -6`, from the same counts the CLI prints. */
export function renderReadmeStats(statsText) {
  const tail = statsText.trimEnd().split('\n').slice(-6).join('\n')
  return '```console\n$ mtclean rules --stats | tail -6\n' + tail + '\n```'
}

const START = (name) => `<!-- ${name}:start -->`
const END = (name) => `<!-- ${name}:end -->`

/** The regions a page holds, by name, with their current content. */
export function regionsOf(md) {
  const found = new Map()
  for (const m of md.matchAll(/<!-- ([a-z]+):start -->\n/g)) {
    const end = md.indexOf('\n' + END(m[1]), m.index)
    if (end < 0) throw new Error(`${START(m[1])} without ${END(m[1])}`)
    found.set(m[1], md.slice(m.index + m[0].length, end))
  }
  return found
}

export function replaceRegion(md, name, content) {
  const start = md.indexOf(START(name) + '\n')
  const end = md.indexOf('\n' + END(name), start)
  if (start < 0 || end < 0) throw new Error(`no ${START(name)} … ${END(name)} region`)
  return md.slice(0, start + START(name).length + 1) + content + md.slice(end)
}

/** The `##` headings and the title of a page, outside fenced code. */
export function headingsOf(md) {
  const headings = []
  let fence = ''
  for (const line of md.split('\n')) {
    const open = /^(`{3,}|~{3,})/.exec(line)
    if (fence) {
      if (open && line.startsWith(fence)) fence = ''
      continue
    }
    if (open) fence = open[1]
    else if (/^#{1,2} /.test(line)) headings.push(line)
  }
  return headings
}

/** What is wrong with the structure of a rule page (empty when nothing). */
export function structureProblems(id, md, category) {
  const problems = []
  const headings = headingsOf(md)
  if (headings[0] !== `# ${id}`) problems.push(`the first heading is not \`# ${id}\``)
  if (headings.filter((h) => h.startsWith('# ')).length !== 1) problems.push('one `#` title only')
  const seconds = headings.filter((h) => h.startsWith('## ')).map((h) => h.slice(3))
  if (JSON.stringify(seconds) !== JSON.stringify(HEADINGS)) {
    problems.push(`\`##\` headings ${JSON.stringify(seconds)}, expected ${JSON.stringify(HEADINGS)} in that order`)
  }
  const intro = md.split('\n## ')[0].split('\n').slice(1).join('\n').trim()
  if (!intro.includes(`**Category:** ${category}`) && !intro.includes(`**Category:** \`${category}\``)) {
    problems.push(`the summary does not name its category (\`**Category:** ${category}\`)`)
  }
  const summary = intro.split(/\n\s*\n/).filter((p) => !p.startsWith('**Category:**'))
  if (summary.length === 0) problems.push('no summary paragraph under the title')
  const section = (name) => md.split(`\n## ${name}\n`)[1]?.split('\n## ')[0] ?? ''
  if (!section('Examples').includes(START('examples'))) problems.push('`## Examples` holds no examples region')
  if (!section('Source').includes(START('source'))) problems.push('`## Source` holds no source region')
  return problems
}

/**
 * The page of rule `id` with its regions computed: examples run by `lib`,
 * source files, counts from `lib.stats` (when the page has a counts region).
 * Returns the page and each example's result, for the caller to compare.
 */
export async function generatePage(lib, id, md) {
  const file = loadExamples(id, lib.ruleIds)
  const linters = new Map()
  const results = []
  for (const example of file.examples) results.push(await runExample(lib, id, file, example, linters))
  let page = replaceRegion(md, 'examples', renderExamples(id, file, results))
  page = replaceRegion(page, 'source', renderSource(id))
  if (regionsOf(page).has('counts')) page = replaceRegion(page, 'counts', renderCounts(id, lib.stats()))
  return {page, file, results}
}

/** Where an example's written messages or output differ from what the linter makes. */
export function exampleMismatches(id, file, results) {
  const problems = []
  file.examples.forEach((example, k) => {
    const {messages, output, unsettled} = results[k]
    const name = `${id} example ${k + 1} (${JSON.stringify(example.text.slice(0, 50))})`
    if (JSON.stringify(messages) !== JSON.stringify(example.messages)) {
      problems.push(`${name}: messages\n  written: ${JSON.stringify(example.messages)}\n  actual:  ${JSON.stringify(messages)}`)
    }
    if (output !== example.output) problems.push(`${name}: output\n  written: ${JSON.stringify(example.output)}\n  actual:  ${JSON.stringify(output)}`)
    if (unsettled) problems.push(`${name}: fix did not settle`)
  })
  return problems
}

async function main(argv) {
  const check = argv.includes('--check')
  const {createLinter, allRules} = await import('../dist/index.js')
  const {ruleStats, formatRuleStats} = await import('../dist/data/stats.js')
  let memo
  const lib = {createLinter, ruleIds: allRules.map((r) => r.ruleId), stats: () => (memo ??= ruleStats())}
  const stale = []
  const wrong = []
  for (const rule of allRules) {
    const id = rule.ruleId
    const path = docPath(id)
    if (!existsSync(path)) {
      wrong.push(`docs/rules/${id}.md: missing`)
      continue
    }
    const md = readFileSync(path, 'utf8')
    for (const problem of structureProblems(id, md, rule.meta.category)) wrong.push(`docs/rules/${id}.md: ${problem}`)
    const {page, file, results} = await generatePage(lib, id, md)
    wrong.push(...exampleMismatches(id, file, results))
    if (page !== md) {
      stale.push(`docs/rules/${id}.md`)
      if (!check) writeFileSync(path, page)
    }
  }
  const readme = join(ROOT, 'README.md')
  const text = readFileSync(readme, 'utf8')
  const next = replaceRegion(text, 'counts', renderReadmeStats(formatRuleStats(lib.stats())))
  if (next !== text) {
    stale.push('README.md')
    if (!check) writeFileSync(readme, next)
  }
  for (const page of readdirSync(join(ROOT, 'docs/rules'))) {
    if (page.endsWith('.md') && !lib.ruleIds.includes(page.slice(0, -3))) wrong.push(`docs/rules/${page}: no such rule`)
  }
  for (const line of wrong) console.error(line)
  console.log(check ? (stale.length ? `stale: ${stale.join(', ')}` : 'rule docs are current') : stale.length ? `rewrote ${stale.join(', ')}` : 'rule docs are current')
  if (wrong.length || (check && stale.length)) process.exitCode = 1
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main(process.argv.slice(2))
