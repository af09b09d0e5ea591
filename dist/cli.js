#!/usr/bin/env node
// The command line (package.json's bin): the action's bundle, told to run as the command line.
// The mark must be set before the bundle loads, so the import is dynamic (static ones run first).
globalThis[Symbol.for('buildx-doctor.cli')] = true;
await import('./index.js');
