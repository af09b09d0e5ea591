#!/usr/bin/env node
import { runCli } from './cli.js';
import { describeError } from '../input/errors.js';

// The CLI entry point (`dist/cli.js`). Any error that escapes is a bug: one line, exit 2, no trace.
// A reader that closed the pipe early (`| head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});
runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`buildx-doctor: internal error: ${describeError(error)}\n`);
    process.exitCode = 2;
  },
);
