// Bundles the action (dist/index.js) and the command line (dist/cli.js) with @vercel/ncc.
// `node scripts/build-dist.mjs [OUT_DIR]`: OUT_DIR defaults to dist; the staleness check builds
// into a temporary directory and compares.
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const out = resolve(process.argv[2] ?? 'dist');
const ncc = resolve('node_modules/@vercel/ncc/dist/ncc/cli.js');

function bundle(entry, dir) {
  execFileSync(process.execPath, [ncc, 'build', entry, '-o', dir, '--license', 'licenses.txt', '--quiet', '--target', 'es2022'], { stdio: 'inherit' });
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
bundle('src/action/index.ts', out);

const cliDir = mkdtempSync(join(tmpdir(), 'buildx-doctor-cli-'));
try {
  bundle('src/cli/main.ts', cliDir);
  let code = readFileSync(join(cliDir, 'index.js'), 'utf8');
  if (!code.startsWith('#!')) code = `#!/usr/bin/env node\n${code}`;
  writeFileSync(join(out, 'cli.js'), code);
  chmodSync(join(out, 'cli.js'), 0o755);
  for (const file of readdirSync(cliDir)) {
    if (file !== 'index.js' && file !== 'package.json' && file !== 'licenses.txt' && !existsSync(join(out, file))) copyFileSync(join(cliDir, file), join(out, file));
  }
} finally {
  rmSync(cliDir, { recursive: true, force: true });
}
if (!existsSync(join(out, 'package.json'))) writeFileSync(join(out, 'package.json'), '{"type":"module"}\n');
