import { installLastResort, run } from './run.js';

// The action's entry point (`dist/index.js`). Nothing here or in what it imports reads the
// environment at load: a malformed event file or URL is a warning of the run, not a crash.
installLastResort();
void run();
