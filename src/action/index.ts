import { run } from './run.js';

// The action's entry point (`dist/index.js`).
void run();
