/**
 * The command line as a function (ESLint's lib/cli.js): parse with
 * commander (per-command help, "did you mean" for commands and flags), check
 * the options, and hand the run to run-files.ts or jsonl.ts.
 */
import {Command, CommanderError, Option} from 'commander'
import {EXIT, EXIT_HELP} from './exit.js'
import {err, out} from './io.js'
import {FLAGS, resolveOptions, UsageError, type CommandName, type Values} from './options.js'
import {version} from './version.js'

const COMMANDS: Record<CommandName, string> = {
  check: 'report findings (stdin when no path or "-")',
  fix: 'fix safe findings; prints the text of one input, or rewrites files with --write / --out-dir'
}

type Action = {kind: 'lint'; command: CommandName; paths: string[]; values: Values} | {kind: 'rules'; values: Values} | {kind: 'lsp'}

/** The commander program; `onAction` receives what to run. */
export function program(onAction: (action: Action) => void): Command {
  const program = new Command('mtclean')
    .description('Find and fix what machine translation and web scraping leave in English text.')
    .version(version(), '-v, --version', 'show the version')
    .helpOption('-h, --help', 'show this help')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => process.stdout.write(s),
      writeErr: (s) => process.stderr.write(s),
      outputError: (s, write) => write(`mtclean: ${s.replace(/^error: /, '')}`)
    })
    .showSuggestionAfterError()
    .addHelpText('after', `\nPaths are files, directories (searched for --ext files) or globs ('corpus/**/*.txt').\n${EXIT_HELP}\n`)
  for (const [name, description] of Object.entries(COMMANDS) as Array<[CommandName, string]>) {
    const command = program
      .command(name)
      .description(description)
      .argument('[paths...]', 'files, directories or globs; stdin when none or "-"')
      .helpOption('-h, --help', `show the help of ${name}`)
      .addHelpText('after', EXIT_HELP)
    for (const flag of FLAGS) {
      if (!flag.commands.includes(name)) continue
      const option = new Option(flag.flags, flag.help).helpGroup(`${flag.group}:`)
      if (flag.repeat) option.argParser((value: string, previous: string[] = []) => [...previous, value])
      command.addOption(option)
    }
    command.action((paths: string[], values: Values) => onAction({kind: 'lint', command: name, paths, values}))
  }
  program
    .command('rules')
    .description('list the rules; --stats counts the data in rules/')
    .option('--stats', 'count the data in rules/ (publications, phrases per language, calques)')
    .option('-f, --format <name>', 'text (default) or json')
    .helpOption('-h, --help', 'show the help of rules')
    .action((values: Values) => onAction({kind: 'rules', values}))
  program
    .command('lsp')
    .description('a language server for editors over stdio (diagnostics, quick fixes)')
    .option('--stdio', 'talk over stdin/stdout (the default and only transport)')
    .helpOption('-h, --help', 'show the help of lsp')
    .action(() => onAction({kind: 'lsp'}))
  return program
}

/** Run the command line; resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  if (argv.length === 0) {
    err('missing command: check, fix, lsp or rules (see `mtclean --help`)')
    return EXIT.usage
  }
  let action: Action | undefined
  try {
    await program((a) => void (action = a)).parseAsync(argv, {from: 'user'})
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage
    throw error
  }
  if (!action) return EXIT.ok
  try {
    if (action.kind === 'lsp') return await (await import('../lsp/server.js')).startServer().then(() => EXIT.ok)
    if (action.kind === 'rules') return await (await import('./rules-command.js')).rulesCommand(action.values)
    const opts = resolveOptions(action.command, action.paths, action.values)
    const {ConfigResolver, ConfigError, validateConfig} = await import('../engine/config.js')
    let resolver
    try {
      validateConfig(opts.overrides, 'command line')
      resolver = new ConfigResolver({configFile: opts.configFile, discover: opts.discover, overrides: opts.overrides})
      if (opts.printConfig) return await printConfig(opts.printConfig, opts.cwd, resolver)
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error
      err(error.message)
      return EXIT.usage
    }
    if (opts.jsonl) return await (await import('./jsonl.js')).runJsonl(opts, resolver)
    return await (await import('./run-files.js')).runFiles(opts, resolver)
  } catch (error) {
    // A report or baseline that cannot be written: one line, exit 2 (the old file is kept).
    const {OutputError} = await import('../engine/output.js')
    if (error instanceof OutputError) {
      err(error.message)
      return EXIT.usage
    }
    if (!(error instanceof UsageError)) throw error
    err(error.message)
    process.stderr.write('Try `mtclean --help`.\n')
    return EXIT.usage
  }
}

/** --print-config FILE: the config the rules get for FILE, as JSON. */
async function printConfig(file: string, cwd: string, resolver: import('../engine/config.js').ConfigResolver): Promise<number> {
  const {dirname, resolve} = await import('node:path')
  const {presets} = await import('../presets.js')
  const {DEFAULT_SETTINGS} = await import('../settings.js')
  const config = await resolver.forDirectory(dirname(resolve(cwd, file)))
  const preset = config.preset ?? 'recommended'
  // What the rules get: the preset's severities under the config's own rule settings.
  const effective = {...config, preset, settings: {...DEFAULT_SETTINGS, ...config.settings}, rules: {...presets[preset].rules, ...config.rules}}
  await out(JSON.stringify(effective, null, 2) + '\n')
  return EXIT.ok
}
