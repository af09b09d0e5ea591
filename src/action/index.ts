import { installLastResort, run } from './run.js';

// The entry point of the one bundle (`dist/index.js`): the action, or the command line when
// `dist/cli.js` loaded the bundle (it sets this mark first). One bundle for both, so the command
// line's code is a chunk file beside the action's chunks and the two share every other module
// (the parser, the analysis, the reports) instead of each carrying its own copy.
// Nothing here or in what it imports reads the environment at load: a malformed event file or
// URL is a warning of the run, not a crash. Nor does it work at load: V8's young generation is
// bounded where logs are read, once a read is long (src/large-input.ts), not here for every run.
const CLI_MARK = Symbol.for('buildx-doctor.cli');

if ((globalThis as Record<symbol, unknown>)[CLI_MARK] === true) {
  // The command line handles its own errors (exit 2, one line); this is only the chunk failing to load.
  import('../cli/main.js').catch((error: unknown) => {
    process.stderr.write(`buildx-doctor: internal error: cannot load the command line: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  });
} else {
  installLastResort();
  void run();
}
