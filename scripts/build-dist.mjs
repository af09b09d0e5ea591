// Bundles the action (dist/index.js) and the command line (dist/cli.js) with @vercel/ncc, in one build.
// `node scripts/build-dist.mjs [OUT_DIR]`: OUT_DIR defaults to dist; the staleness check builds
// into a temporary directory and compares.
import { execFileSync } from 'node:child_process';
import { appendFileSync, chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const out = resolve(process.argv[2] ?? 'dist');
const ncc = resolve('node_modules/@vercel/ncc/dist/ncc/cli.js');

// --no-cache: ncc keeps a webpack cache in ~/.cache/ncc keyed by the working directory, and a CI
// machine that checks every commit out at the same path reuses it. A build from that cache once
// differed from a fresh one in two chunks, failing the dist check on a commit whose dist/ was right;
// every build now starts from the sources alone (about 25 s).
function bundle(entry, dir) {
  execFileSync(process.execPath, [ncc, 'build', entry, '-o', dir, '--license', 'licenses.txt', '--quiet', '--no-cache', '--target', 'es2022'], {
    stdio: 'inherit',
  });
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
bundle('src/action/index.ts', out);
completeLicenses(join(out, 'licenses.txt'));

// The command line is the same bundle: src/action/index.ts loads the CLI's code (a chunk file)
// instead of running the action when dist/cli.js has marked the process first. One build, so
// the action and the command line share their chunk files; two builds repeated most of the
// code (dist/cli/ was 2.4 MB beside the action's 2.6 MB). dist/cli.js stays the `bin`.
writeFileSync(
  join(out, 'cli.js'),
  [
    '#!/usr/bin/env node',
    "// The command line (package.json's bin): the action's bundle, told to run as the command line.",
    '// The mark must be set before the bundle loads, so the import is dynamic (static ones run first).',
    "globalThis[Symbol.for('buildx-doctor.cli')] = true;",
    "await import('./index.js');",
    '',
  ].join('\n'),
);
chmodSync(join(out, 'cli.js'), 0o755);
eagerEntryModules(join(out, 'index.js'));
asciiOnly(out);
if (!existsSync(join(out, 'package.json'))) writeFileSync(join(out, 'package.json'), '{"type":"module"}\n');

/**
 * ncc lists the licenses of the packages in the entry chunk, not of those only a lazily loaded chunk
 * holds (yaml went missing when the doctor moved to one). Every production dependency in the lock
 * file that the list lacks is added in ncc's layout (name, license, text): a superset of what is
 * bundled, never less.
 */
function completeLicenses(file) {
  const listed = new Set(readFileSync(file, 'utf8').split('\n'));
  const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
  const added = new Set();
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (!path || entry.dev) continue;
    const manifest = JSON.parse(readFileSync(join(path, 'package.json'), 'utf8'));
    if (listed.has(manifest.name) || added.has(manifest.name)) continue;
    const licenseFile = readdirSync(path).find((name) => /^(licen[cs]e|copying)(\.|$)/i.test(name));
    if (!licenseFile) continue;
    added.add(manifest.name);
    appendFileSync(file, `\n${manifest.name}\n${manifest.license ?? ''}\n${readFileSync(join(path, licenseFile), 'utf8')}\n`);
  }
}

/**
 * Marks each module of the entry (`dist/index.js`) as compiled at once. webpack writes a module as
 * an arrow function, `((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {`;
 * Node 20's V8 compiles such a function lazily: it preparses its text with the whole file, then
 * parses it again in full when the function first runs, and the entry runs every one of its
 * modules at load (their static imports). `(function (` is what V8 reads as a function that is
 * about to be called, and compiles in the first pass. The module bodies are the same: webpack has
 * already replaced a harmony module's top-level `this` with `undefined`, and an external is one
 * `module.exports = require(...)`. Measured on the two-line log (valgrind, README "Start"): 762 →
 * 708 million instructions under Node 20; no change under Node 24, whose V8 does not parse these
 * twice. Only the entry: a chunk file's modules do not all run when it loads. A header of any other
 * shape fails the build, so that a change in ncc's output is seen here and not as a slower start.
 */
function eagerEntryModules(file) {
  const HEADERS = new Map([
    [
      '/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {',
      '/***/ (function (__unused_webpack_module, __webpack_exports__, __nccwpck_require__) {',
    ],
    ['/***/ ((module) => {', '/***/ (function (module) {'],
  ]);
  const lines = readFileSync(file, 'utf8').split('\n');
  let modules = 0;
  for (let i = 0; i < lines.length - 1; i++) {
    if (!/^\/\*\*\*\/ \d+:$/.test(lines[i])) continue;
    const eager = HEADERS.get(lines[i + 1]);
    if (eager === undefined) throw new Error(`${file}:${i + 2}: a module header of an unknown shape: ${lines[i + 1].slice(0, 120)}`);
    lines[i + 1] = eager;
    modules++;
  }
  if (modules === 0) throw new Error(`${file}: no module headers found; has ncc's output changed?`);
  writeFileSync(file, lines.join('\n'));
}

/**
 * Writes every character beyond ASCII in the bundle's JavaScript as a `\uXXXX` escape. A source
 * file with even one such character (a `…` in a message, a `—` in a comment: about 90 in the entry)
 * is read by Node into a two-byte string and scanned by V8 as two-byte text, at every start; an
 * ASCII file is decoded and scanned as one byte per character. The escape means the same
 * character in a string, template, regular expression, identifier or comment; a character after
 * a backslash would not be, and is refused. (A tag reading a template's raw text, `String.raw`, would
 * see the escape: the bundle has no `String.raw`, and no other tag was seen on such text.)
 */
function asciiOnly(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      asciiOnly(path);
      continue;
    }
    if (!entry.name.endsWith('.js')) continue;
    const text = readFileSync(path, 'utf8');
    const escaped = text.replace(/[\u0080-\uffff]/g, (char, offset) => {
      if (text[offset - 1] === '\\') throw new Error(`${path}: a character beyond ASCII after a backslash at ${offset}; cannot escape it`);
      return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
    });
    if (escaped !== text) writeFileSync(path, escaped);
  }
}
