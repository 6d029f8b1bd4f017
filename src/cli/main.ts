#!/usr/bin/env node
/**
 * The mtclean binary (ESLint's bin/eslint.js): run the command line and set
 * the exit code. Flags live in ./options.ts, commands in ./cli.ts, file runs
 * in ./run-files.ts, JSONL runs in ./jsonl.ts, exit codes in ./exit.ts.
 */
import {main} from './cli.js'
import {err} from './io.js'

// `mtclean … | head`: a closed pipe ends the run quietly.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
  throw error
})

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    err(`internal error: ${(error as Error)?.stack ?? error}`)
    process.exitCode = 2
  }
)
