#!/usr/bin/env node
// The bundled command line is in cli/; this file is the entry point package.json's bin names.
import './cli/index.js';
