// rawjson read from bytes (src/parse/rawjson/canonical-logs.ts, the parser's output kept as bytes,
// diagnose/byte-prefilter.ts) must give exactly what the string + JSON.parse way gives: every rawjson
// fixture, generated builds with odd shapes (escapes, missing fields, unicode, ANSI, huge data, lines
// spanning objects, failures with signature lines), each cut and shuffled, in several chunk sizes,
// parsed with bytes taken and without. The bytes way must also have been taken, or the comparison
// proves nothing.
import { describe, expect, it } from '@jest/globals';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from './support/analyze-text.js';
import { parseSource, type ParsedSource } from '../src/parse/parse-source.js';
import type { LogSource } from '../src/input/log-source.js';
import { builtinSignatures } from '../src/diagnose/load-catalog.js';
import { Pattern } from '../src/diagnose/catalog.js';
import { LineSelector, lineSelectorFor } from '../src/diagnose/line-selector.js';
import { LiteralSet } from '../src/diagnose/literal-set.js';
import { BytePrefilter, rarestAsciiRun } from '../src/diagnose/byte-prefilter.js';
import { CanonicalLogReader } from '../src/parse/rawjson/canonical-logs.js';
import { Base64Arena } from '../src/parse/rawjson/base64-arena.js';
import { readSolveStatus, type RawLog } from '../src/parse/rawjson/solve-status.js';

/** mulberry32: the same seed gives the same cases on every machine. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function chunked(label: string, bytes: Buffer, size: number): LogSource {
  return {
    label,
    async open() {
      const chunks: Buffer[] = [];
      for (let at = 0; at < bytes.length; at += size) chunks.push(Buffer.from(bytes.subarray(at, at + size)));
      return chunks;
    },
  };
}

function outcome(parsed: ParsedSource): string {
  return JSON.stringify({ builds: parsed.builds, problems: parsed.problems, lines: parsed.lines, bytes: parsed.bytes });
}

const builtin = lineSelectorFor(builtinSignatures());
const withUser = new LineSelector([
  ...builtinSignatures(),
  { ...builtinSignatures()[0]!, id: 'team-rule', patternsOrigin: 'user', patterns: [new Pattern('Compiling serde', false)] },
]);

/** Parses `bytes` both ways; returns how many lines were taken as bytes. */
async function expectSameBothWays(label: string, bytes: Buffer, chunkSize = 64 * 1024, selector: LineSelector | null = builtin): Promise<number> {
  const whole = await parseSource(chunked(label, bytes, chunkSize), selector, { shortcut: false });
  const fast = await parseSource(chunked(label, bytes, chunkSize), selector);
  expect(whole.shortcutLines).toBe(0);
  const [a, b] = [outcome(whole), outcome(fast)];
  if (a !== b) {
    let at = 0;
    while (a[at] === b[at]) at++;
    expect([label, b.slice(Math.max(0, at - 300), at + 300)]).toEqual([label, a.slice(Math.max(0, at - 300), at + 300)]);
  }
  return fast.shortcutLines;
}

const digest = (n: number): string => `sha256:${n.toString(16).padStart(64, '0')}`;
const ts = (ms: number, digits = 9): string => {
  const iso = new Date(Date.UTC(2026, 0, 1) + ms).toISOString().replace(/\.\d+Z$/, '');
  if (digits === 0) return `${iso}Z`;
  return `${iso}.${String(Math.floor(ms * 1000) % 10 ** digits).padStart(digits, '0')}Z`;
};
const b64 = (text: string | Buffer): string => Buffer.from(text).toString('base64');

/** A log object as Go writes it (canonical), or one of the shapes the bytes way must leave alone. */
function logObject(random: () => number, vertex: string, data: Buffer, ms: number): string {
  const canonical = `{"logs":[{"vertex":"${vertex}","stream":1,"data":"${data.toString('base64')}","timestamp":"${ts(ms)}"}]}`;
  if (random() < 0.85) return canonical;
  const odd = [
    () => canonical.replace('"stream":1', '"stream":2'),
    () => canonical.replace(/"timestamp":"[^"]*"/, `"timestamp":"${ts(ms, Math.floor(random() * 10))}"`),
    () => canonical.replace(/"timestamp":"[^"]*"/, '"timestamp":"0001-01-01T00:00:00Z"'),
    () => canonical.replace(/"timestamp":"[^"]*"/, '"timestamp":"2026-01-01T01:00:00.5+01:00"'),
    () => canonical.replace(/"timestamp":"[^"]*"/, '"timestamp":"2026-02-30T00:00:00.1Z"'),
    () => canonical.replace(/,"timestamp":"[^"]*"/, ''),
    () => canonical.replace('"stream":1,', ''),
    () => canonical.replace('"stream":1', '"stream":01'),
    () => canonical.replace(/"data":"([^"]*)"/, (_, d: string) => `"data":"${d.replace(/\//g, '\\/')}"`),
    () => canonical.replace(/"data":"([^"]*)"/, (_, d: string) => `"data":"${d.replace(/=+$/, '')}"`),
    () => canonical.replace(/"data":"([^"]*)"/, (_, d: string) => `"data":"${d.slice(0, 4)} ${d.slice(4)}"`),
    () => canonical.replace(/"data":"([^"]*)"/, (_, d: string) => `"data":"${d.replace(/\+/g, '-').replace(/\//g, '_')}"`),
    () => canonical.replace(/"data":"([^"]*)"/, (_, d: string) => `"data":"${d.slice(0, 4)}=${d.slice(5)}"`),
    () => canonical.replace(`"vertex":"${vertex}"`, `"vertex":"${vertex.replace('sha256', 'sha\\u0032256')}"`),
    () => canonical.replace(`"vertex":"${vertex}"`, `"vertex":"${vertex}&amp;"`),
    () => canonical.replace('{"logs":[{"vertex"', '{"logs": [{"vertex"'),
    () => `${canonical} `,
    () => canonical.replace(']}', `,{"vertex":"${vertex}","stream":1,"data":"${b64('second entry\n')}","timestamp":"${ts(ms + 1)}"}]}`),
    () => canonical.replace('"}]}', '","extra":true}]}'),
    () => canonical.replace('{"logs"', `{"vertexes":[{"digest":"${vertex}","name":"renamed","started":"${ts(0)}"}],"logs"`),
    () => canonical.replace('"timestamp"', '"timestamp\\u0000"'),
    () => canonical.slice(0, Math.floor(random() * canonical.length)),
  ];
  return odd[Math.floor(random() * odd.length)]!();
}

const OUTPUT = [
  '   Compiling serde v1.0.200',
  '   Compiling module-7 v0.7.0 (/src/crates/module-7)',
  'npm ERR! code ERESOLVE',
  'error: could not compile `demo` (bin "demo") due to 2 previous errors',
  '\u001b[31merror\u001b[0m: linking with `cc` failed: exit status: 1',
  'Ünïcödé ✓ done — 100%',
  'E: Unable to locate package nosuchpkg',
  'ERROR: failed to solve: process "/bin/sh -c make" did not complete successfully: exit code: 2',
  'progress 10%\rprogress 50%\rprogress 100%',
  'Downloading https://example.invalid/x.tar.gz &amp; more',
  '',
];

/** A generated rawjson build: vertices, interleaved output with odd shapes, maybe a failure, a trailer. */
function generatedBuild(seed: number, failing: boolean): Buffer {
  const random = prng(seed);
  const lines: string[] = [];
  let ms = 0;
  const vertices = [1, 2, 3, 4].map((n) => ({ digest: digest(seed * 10 + n), name: `[stage-${n} 2/3] RUN make part-${n}` }));
  lines.push(
    JSON.stringify({ vertexes: [{ digest: digest(seed * 10), name: '[internal] load build definition from Dockerfile', started: ts(0), completed: ts(3) }] }),
  );
  for (const v of vertices) lines.push(JSON.stringify({ vertexes: [{ digest: v.digest, name: v.name, started: ts((ms += 5)) }] }));
  for (let k = 0; k < 800; k++) {
    const v = vertices[Math.floor(random() * (random() < 0.7 ? 1 : vertices.length))]!;
    const count = 1 + Math.floor(random() * 6);
    const out: string[] = [];
    // Mostly a compiler's progress; a line a signature wants now and then (each keeps the lines around it).
    for (let i = 0; i < count; i++) out.push((random() < 0.97 ? OUTPUT[1]! : OUTPUT[Math.floor(random() * OUTPUT.length)]!).replace('module-7', `module-${k}`));
    let data = Buffer.from(out.join(random() < 0.1 ? '\r\n' : '\n'));
    // Now and then a line spans objects, or the data is huge, or not UTF-8.
    if (random() < 0.8) data = Buffer.concat([data, Buffer.from('\n')]);
    if (random() < 0.01) data = Buffer.concat([data, Buffer.alloc(30_000, 0x61), Buffer.from('\n')]);
    if (random() < 0.02) data = Buffer.concat([data, Buffer.from([0xc3, 0x28, 0xff, 0x0a])]);
    lines.push(logObject(random, v.digest, data, (ms += 3)));
    if (random() < 0.02)
      lines.push(JSON.stringify({ statuses: [{ id: `naming to docker.io/library/x:${k}`, vertex: v.digest, started: ts(ms), completed: ts(ms + 1) }] }));
  }
  vertices.forEach((v, i) => {
    const failed = failing && i === 0;
    lines.push(
      JSON.stringify({
        vertexes: [
          {
            digest: v.digest,
            name: v.name,
            started: ts(5),
            completed: ts((ms += 10)),
            ...(failed ? { error: 'process "/bin/sh -c make" did not complete successfully: exit code: 2' } : {}),
          },
        ],
      }),
    );
  });
  if (failing) lines.push('ERROR: failed to solve: process "/bin/sh -c make" did not complete successfully: exit code: 2');
  else lines.push(JSON.stringify({ vertexes: [{ digest: digest(seed * 10 + 9), name: 'exporting to image', started: ts(ms), completed: ts((ms += 20)) }] }));
  return Buffer.from(`${lines.join('\n')}\n`);
}

/**
 * A long step's output, all canonical, with one line a signature wants far from the failure at the
 * end: only the selection of that line (read as bytes) keeps the lines around it in the excerpt.
 */
function sparseSignature(signature: string, at: number): Buffer {
  const step = digest(7);
  const lines = [JSON.stringify({ vertexes: [{ digest: step, name: '[2/2] RUN cargo build', started: ts(0) }] })];
  for (let k = 0; k < 1500; k++) {
    const out = [0, 1, 2].map((i) => (k === at && i === 1 ? signature : `   Compiling crate-${k}-${i} v0.1.0`));
    lines.push(`{"logs":[{"vertex":"${step}","stream":1,"data":"${b64(`${out.join('\n')}\n`)}","timestamp":"${ts(10 + k)}"}]}`);
  }
  lines.push(JSON.stringify({ vertexes: [{ digest: step, name: '[2/2] RUN cargo build', started: ts(0), completed: ts(5000), error: 'exit code: 101' }] }));
  return Buffer.from(`${lines.join('\n')}\n`);
}

/** Every rawjson log among the fixtures: the captures, and those the baseline and history tests use. */
function rawjsonFixtures(): Array<{ name: string; bytes: Buffer }> {
  const dirs: Array<[string, (name: string) => boolean]> = [
    ['rawjson', () => true],
    ['baseline', (name) => name.startsWith('rawjson-')],
    ['history', (name) => name.includes('rawjson')],
    [join('modern', 'captures'), (name) => name.includes('rawjson')],
  ];
  return dirs.flatMap(([dir, wanted]) =>
    readdirSync(join(FIXTURES, dir))
      .filter(wanted)
      .sort()
      .map((name) => ({ name: join(dir, name), bytes: readFileSync(join(FIXTURES, dir, name)) })),
  );
}

/** The benchmark's input in small (scripts/bench-memory.mjs): one RUN step printing four lines per log object. */
function benchShaped(objects: number): Buffer {
  const step = digest(3);
  const lines = [
    JSON.stringify({ vertexes: [{ digest: digest(1), name: '[internal] load build definition from Dockerfile', started: ts(0), completed: ts(5) }] }),
    JSON.stringify({ vertexes: [{ digest: step, name: '[2/2] RUN cargo build --release', started: ts(10) }] }),
  ];
  for (let n = 0; n < objects; n++) {
    const out = [0, 1, 2, 3].map((k) => `   Compiling module-${4 * n + k} v0.${(4 * n + k) % 100}.0 (/src/crates/module-${4 * n + k})`);
    lines.push(JSON.stringify({ logs: [{ vertex: step, stream: 1, data: b64(`${out.join('\n')}\n`), timestamp: ts(20 + n) }] }));
  }
  lines.push(JSON.stringify({ vertexes: [{ digest: step, name: '[2/2] RUN cargo build --release', started: ts(10), completed: ts(objects + 30) }] }));
  return Buffer.from(`${lines.join('\n')}\n`);
}

describe('rawjson read from bytes gives the builds JSON.parse gives', () => {
  it('every rawjson fixture, in several chunk sizes, with and without a team signature', async () => {
    let taken = 0;
    for (const { name, bytes } of rawjsonFixtures()) {
      for (const size of [7, 1000, 64 * 1024]) taken += await expectSameBothWays(`${name}@${size}`, bytes, size);
      taken += await expectSameBothWays(`${name}+user`, bytes, 64 * 1024, withUser);
      taken += await expectSameBothWays(`${name}+none`, bytes, 64 * 1024, null);
    }
    expect(taken).toBeGreaterThan(0);
  });

  it("the benchmark's shape, whose arena fills many times over", async () => {
    // About 300 bytes of output a line: 20,000 lines fill the 64 KiB arena about 90 times.
    expect(await expectSameBothWays('bench', benchShaped(20_000))).toBeGreaterThan(19_000);
    expect(await expectSameBothWays('bench@4093', benchShaped(3_000), 4093)).toBeGreaterThan(2_000);
  });

  it('generated builds with odd shapes, failing and not, in several chunk sizes and selectors', async () => {
    let taken = 0;
    for (let seed = 1; seed <= 8; seed++) {
      const bytes = generatedBuild(seed, seed % 2 === 0);
      for (const size of [13, 4096, 64 * 1024]) taken += await expectSameBothWays(`generated-${seed}@${size}`, bytes, size);
      taken += await expectSameBothWays(`generated-${seed}+user`, bytes, 64 * 1024, withUser);
      taken += await expectSameBothWays(`generated-${seed}+none`, bytes, 64 * 1024, null);
    }
    expect(taken).toBeGreaterThan(1000);
  });

  it('a signature line read as bytes keeps its excerpt, as the whole way does', async () => {
    for (const [signature, at] of [
      ['npm ERR! code ERESOLVE', 300],
      ['\u001b[1m\u001b[31merror[E0425]\u001b[0m: cannot find value `x` in this scope', 700],
      ['E: Unable to locate package nosuchpkg', 10],
    ] as const) {
      const bytes = sparseSignature(signature, at);
      expect(await expectSameBothWays(`sparse-${at}`, bytes)).toBeGreaterThan(1400);
      // The comparison sees the selection: the excerpt holds the signature's line.
      const parsed = await parseSource(chunked('sparse', bytes, 64 * 1024), builtin);
      expect(parsed.builds[0]!.excerpt.some((e) => e.line === at + 2)).toBe(true);
    }
  });

  it("a log full of signature lines: the excerpt keeps the step's first and newest lines within its budget, the same both ways", async () => {
    const step = digest(9);
    const lines = [JSON.stringify({ vertexes: [{ digest: step, name: '[2/2] RUN npm ci', started: ts(0) }] })];
    for (let k = 0; k < 3000; k++) {
      const out = [`npm ERR! code E${k}`, `   Compiling crate-${k} v0.1.0`, k % 7 === 0 ? 'E: Unable to locate package x' : 'ok'];
      lines.push(`{"logs":[{"vertex":"${step}","stream":1,"data":"${b64(`${out.join('\n')}\n`)}","timestamp":"${ts(10 + k)}"}]}`);
    }
    lines.push(JSON.stringify({ vertexes: [{ digest: step, name: '[2/2] RUN npm ci', started: ts(0), completed: ts(5000), error: 'exit code: 1' }] }));
    const bytes = Buffer.from(`${lines.join('\n')}\n`);
    expect(await expectSameBothWays('noisy', bytes)).toBeGreaterThan(2900);
    // The budget was spent many times over while one step printed (excerpt.ts): that step's first known lines and
    // its last ones stayed with its failure, the lines between went.
    const parsed = await parseSource(chunked('noisy', bytes, 64 * 1024), builtin);
    const excerpt = parsed.builds[0]!.excerpt;
    expect(excerpt.length).toBeGreaterThan(1000);
    expect(excerpt.some((e) => e.line < 100)).toBe(true);
    expect(excerpt.some((e) => e.line > 400 && e.line < 2000)).toBe(false);
    expect(excerpt.some((e) => e.line === lines.length && e.text.includes('ERROR'))).toBe(true);
  });

  it('a canonical line that spans two chunks of the reader is read from its text the same way, and only when ASCII', async () => {
    const step = digest(5);
    const data = b64('   Compiling one\n   Compiling two\n');
    const lines = [JSON.stringify({ vertexes: [{ digest: step, name: '[2/2] RUN make', started: ts(0) }] })];
    for (let k = 0; k < 40; k++) lines.push(`{"logs":[{"vertex":"${step}","stream":1,"data":"${data}","timestamp":"${ts(10 + k)}"}]}`);
    // A character outside ASCII whose latin1 byte is an ASCII one (U+0135 -> 0x35 '5', U+0141 -> 0x41
    // 'A'): read as bytes the line would be another one (the step's own vertex, other data), which
    // JSON.parse does not read; such a line must take the string way.
    const other = `${step.slice(0, -1)}\u0135`;
    lines.push(`{"logs":[{"vertex":"${other}","stream":1,"data":"${b64('   Compiling elsewhere\n')}","timestamp":"${ts(60)}"}]}`);
    lines.push(`{"logs":[{"vertex":"${step}","stream":1,"data":"${data.slice(0, 4)}\u0141${data.slice(5)}","timestamp":"${ts(61)}"}]}`);
    lines.push(JSON.stringify({ vertexes: [{ digest: step, name: '[2/2] RUN make', started: ts(0), completed: ts(100), error: 'exit code: 2' }] }));
    const bytes = Buffer.from(`${lines.join('\n')}\n`, 'utf8');
    // Chunks of 7 bytes: no line is offered as bytes, every one comes as text.
    expect(await expectSameBothWays('spanning', bytes, 7)).toBe(0);
    const parsed = await parseSource(chunked('spanning', bytes, 7), builtin);
    expect(parsed.builds[0]!.failedStepTail.some((l) => l.text.endsWith(' Compiling two'))).toBe(true);
  });

  it('the fixtures and generated builds cut at random offsets, and with their lines shuffled', async () => {
    const random = prng(99);
    const inputs = [...rawjsonFixtures().map((f) => f.bytes), generatedBuild(101, true), generatedBuild(102, false)];
    for (const [i, bytes] of inputs.entries()) {
      for (let k = 0; k < 3; k++)
        await expectSameBothWays(`cut-${i}-${k}`, bytes.subarray(0, Math.floor(random() * bytes.length)), 1 + Math.floor(random() * 5000));
      const lines = bytes.toString('latin1').split('\n');
      for (let j = lines.length - 1; j > 0; j--) {
        const m = Math.floor(random() * (j + 1));
        [lines[j], lines[m]] = [lines[m]!, lines[j]!];
      }
      await expectSameBothWays(`shuffled-${i}`, Buffer.from(lines.join('\n'), 'latin1'));
    }
  });
});

/** A log with its bytes as a buffer of their own: the reader's lie in a shared arena. */
function decoded(log: RawLog): Omit<RawLog, 'from' | 'to'> {
  return { index: log.index, vertex: log.vertex, stream: log.stream, data: Buffer.from(log.data.subarray(log.from, log.to)), timestamp: log.timestamp };
}

describe('CanonicalLogReader', () => {
  it('reads what JSON.parse reads, or leaves the line alone', () => {
    const random = prng(7);
    const reader = new CanonicalLogReader();
    let read = 0;
    let left = 0;
    for (let k = 0; k < 3000; k++) {
      const data = Buffer.from(Array.from({ length: Math.floor(random() * 40) }, () => Math.floor(random() * 256)));
      const text = logObject(random, digest(k % 3), data, k * 7.3);
      const bytes = Buffer.from(`xx${text}yy`, 'utf8');
      const count = reader.read(bytes, 2, bytes.length - 2);
      if (count === -1) {
        left++;
        continue;
      }
      read++;
      const status = readSolveStatus(JSON.parse(text));
      expect(status).not.toBeNull();
      expect(reader.logs.slice(0, count).map(decoded)).toEqual(status!.logs.map(decoded));
    }
    // Both sides were exercised.
    expect(read).toBeGreaterThan(2000);
    expect(left).toBeGreaterThan(200);
  });
});

describe('Base64Arena', () => {
  it("decodes plain base64 as Node's decoder does, refuses anything else, and never rewrites bytes it handed out", () => {
    const random = prng(11);
    const arena = new Base64Arena();
    const held: Array<{ buffer: Buffer; from: number; to: number; expected: Buffer }> = [];
    let refused = 0;
    const wrong: string[] = [];
    for (let k = 0; k < 5000; k++) {
      // Mostly small outputs; now and then one larger than a quarter of an arena (a buffer of its own).
      const size = random() < 0.01 ? 16_000 + Math.floor(random() * 40_000) : Math.floor(random() * 400);
      const bytes = Buffer.alloc(size);
      for (let i = 0; i < size; i++) bytes[i] = Math.floor(random() * 256);
      let text = bytes.toString('base64');
      const odd = random();
      if (odd < 0.05) text = text.replace(/\+/g, '-').replace(/\//g, '_');
      else if (odd < 0.1 && text.length > 4) text = `${text.slice(0, 2)}=${text.slice(3)}`;
      else if (odd < 0.15) text = text.replace(/=+$/, '');
      else if (odd < 0.2 && text.length > 4) text = `${text.slice(0, 3)}${'\\ \n"é'[Math.floor(random() * 5)]}${text.slice(4)}`;
      else if (odd < 0.22) text = `${text}====`.slice(0, Math.ceil(text.length / 4) * 4 + 4);
      const input = Buffer.from(`"${text}"`, 'utf8');
      const ok = arena.decode(input, 1, input.length - 1);
      const node = Buffer.from(text, 'base64');
      const plain = /^(?:[A-Za-z0-9+/_-]{4})*(?:[A-Za-z0-9+/_-]{2}==|[A-Za-z0-9+/_-]{3}=)?$/.test(text);
      // Collected rather than asserted one by one: an expect() per case made this test take seconds.
      if (ok !== plain) wrong.push(`${text}: ${ok ? 'decoded' : 'refused'}`);
      if (!ok) {
        refused++;
        continue;
      }
      if (!arena.buffer.subarray(arena.from, arena.to).equals(node)) wrong.push(`${text}: other bytes than Node's`);
      if (random() < 0.2) held.push({ buffer: arena.buffer, from: arena.from, to: arena.to, expected: node });
    }
    for (const { buffer, from, to, expected } of held) if (!buffer.subarray(from, to).equals(expected)) wrong.push(`rewritten: ${expected.toString('base64')}`);
    // The arena takes Node's count of the bytes it wrote as the whole check: texts one character off plain.
    for (const text of [
      '',
      'QQ==',
      'QUI=',
      'QUJD',
      'QUJD-_-_',
      'A===',
      'AA=A',
      'QQ==QUJD',
      'QUJDQ===',
      '=QUJ',
      'QU D',
      'QU\tD',
      'QU"D',
      'QU\\D',
      'QU&D',
      'QU\u00e9D',
    ]) {
      const input = Buffer.from(`"${text}"`, 'latin1');
      const ok = arena.decode(input, 1, input.length - 1);
      const plain = /^(?:[A-Za-z0-9+/_-]{4})*(?:[A-Za-z0-9+/_-]{2}==|[A-Za-z0-9+/_-]{3}=)?$/.test(text);
      if (ok !== plain) wrong.push(`${text}: ${ok ? 'decoded' : 'refused'}`);
      else if (ok && !arena.buffer.subarray(arena.from, arena.to).equals(Buffer.from(text, 'base64'))) wrong.push(`${text}: other bytes than Node's`);
    }
    expect(wrong).toEqual([]);
    expect(refused).toBeGreaterThan(300);
    expect(held.length).toBeGreaterThan(500);
  });
});

describe('BytePrefilter', () => {
  it('stands for a literal by its rarest window of ASCII, four characters when it has them', () => {
    // A window inside a common word, or across words, costs more than one of rare letters.
    expect(rarestAsciiRun('Compiling zlib')).toBe('zlib');
    expect(rarestAsciiRun('COMPILING ZLIB')).toBe('ZLIB');
    // Of equal cost, the first.
    expect(rarestAsciiRun('aaaaaa')).toBe('aaaa');
    // The longest run when none has four; escapes and characters beyond ASCII end a run.
    expect(rarestAsciiRun('ab\u001bxyz\u00e9q')).toBe('xyz');
    expect(rarestAsciiRun('\u00e9x')).toBe('x');
    expect(rarestAsciiRun('\u00e9\u20ac\u001b')).toBeNull();
    expect(rarestAsciiRun('')).toBeNull();
    for (const literal of builtin.literals) {
      const run = rarestAsciiRun(literal);
      if (run === null) continue;
      expect([literal, literal.includes(run), /^[\x00-\x1a\x1c-\x7f]+$/.test(run)]).toEqual([literal, true, true]);
    }
  });

  it('never rules out a line the literal search finds a literal in', () => {
    const random = prng(3);
    const alphabet = 'abcXYZ :./-_09é✓\u001b[]e';
    const pick = (n: number): string => Array.from({ length: n }, () => alphabet[Math.floor(random() * alphabet.length)]!).join('');
    for (let round = 0; round < 40; round++) {
      const literals = Array.from({ length: 1 + Math.floor(random() * 6) }, () => pick(1 + Math.floor(random() * 6)));
      const set = new LiteralSet(literals.map((text, id) => ({ text, id })));
      const prefilter = new BytePrefilter(literals, false);
      for (let k = 0; k < 300; k++) {
        const prefix = `#${1 + Math.floor(random() * 20)} ${(random() * 100).toFixed(3)} `;
        const body = pick(Math.floor(random() * 30));
        const bytes = Buffer.from(body, 'utf8');
        if (set.test(prefix + body))
          expect([literals, prefix, body, prefilter.mayMatch(prefix, bytes, 0, bytes.length)]).toEqual([literals, prefix, body, true]);
      }
    }
  });

  it('scans the lines of a log object as mayMatch tests each, in scans of any size', () => {
    const random = prng(5);
    const prefilter = new BytePrefilter(builtin.literals, builtin.testsEveryLine);
    const texts = Array.from({ length: 400 }, (_, n) =>
      random() < 0.9 ? `   Compiling module-${n} v0.${n % 100}.0` : OUTPUT[Math.floor(random() * OUTPUT.length)]!.replace('\r', ' '),
    );
    const bytes = Buffer.from(`${texts.join('\n')}\n`, 'utf8');
    const prefix = '#3 1.234 ';
    const start = prefilter.start(prefix);
    const expected: number[] = [];
    const expectedEnds: number[] = [];
    for (let at = 0; at < bytes.length;) {
      const end = bytes.indexOf(0x0a, at);
      expected.push(prefilter.mayMatch(prefix, bytes, at, end) ? 1 : 0);
      expectedEnds.push(end);
      at = end + 1;
    }
    // Both kinds of line, or the comparison proves little.
    expect(expected.filter((h) => h === 1).length).toBeGreaterThan(10);
    expect(expected.filter((h) => h === 0).length).toBeGreaterThan(300);
    for (const capacity of [1, 7, 1024]) {
      const ends = new Int32Array(capacity);
      const hits = new Uint8Array(capacity);
      const gotEnds: number[] = [];
      const got: number[] = [];
      for (let at = 0; at < bytes.length;) {
        const count = prefilter.scanLines(bytes, at, bytes.length, start.bytes, start.hit ? 1 : 0, ends, hits);
        for (let k = 0; k < count; k++) {
          gotEnds.push(ends[k]!);
          got.push(hits[k]!);
        }
        at = ends[count - 1]! + 1;
      }
      expect([capacity, gotEnds, got]).toEqual([capacity, expectedEnds, expected]);
    }
  });

  it('scans lines as mayMatch tests each, for random literals, prefixes and bytes', () => {
    const random = prng(21);
    const alphabet = 'abcXYZ :./-_09\u001b[]e#\n';
    const pick = (n: number): string => Array.from({ length: n }, () => alphabet[Math.floor(random() * alphabet.length)]!).join('');
    const prefilters = [new BytePrefilter(builtin.literals, builtin.testsEveryLine)];
    for (let round = 0; round < 30; round++)
      prefilters.push(
        new BytePrefilter(
          Array.from({ length: 1 + Math.floor(random() * 8) }, () => pick(1 + Math.floor(random() * 6))),
          false,
        ),
      );
    let lines = 0;
    let hit = 0;
    // Collected rather than asserted one by one: an expect() per scan made this test take seconds.
    const wrong: string[] = [];
    for (const prefilter of prefilters) {
      for (let k = 0; k < 40; k++) {
        // Bytes of every value (UTF-8 and not, escapes, newlines), after prefixes short, long and odd.
        const parts = Array.from({ length: 1 + Math.floor(random() * 12) }, () =>
          random() < 0.8
            ? Buffer.from(`${pick(Math.floor(random() * 50))}\n`, 'utf8')
            : Buffer.from(Array.from({ length: 8 }, () => Math.floor(random() * 256))),
        );
        const bytes = Buffer.concat([...parts, Buffer.from('\n')]);
        const prefix = [`#${1 + Math.floor(random() * 20)} ${(random() * 100).toFixed(3)} `, '', 'x', `é${pick(3)}`, pick(9)][Math.floor(random() * 5)]!;
        const start = prefilter.start(prefix);
        // The reference: each line on its own.
        const expected: string[] = [];
        for (let at = 0; at < bytes.length;) {
          const end = bytes.indexOf(0x0a, at);
          expected.push(`${end}:${prefilter.mayMatch(prefix, bytes, at, end) ? 1 : 0}`);
          at = end + 1;
        }
        for (const capacity of [1, 5, 1024]) {
          const [ends, hits] = [new Int32Array(capacity), new Uint8Array(capacity)];
          const got: string[] = [];
          for (let at = 0; at < bytes.length;) {
            const count = prefilter.scanLines(bytes, at, bytes.length, start.bytes, start.hit ? 1 : 0, ends, hits);
            for (let i = 0; i < count; i++) got.push(`${ends[i]}:${hits[i]}`);
            lines += count;
            for (let i = 0; i < count; i++) hit += hits[i]!;
            at = ends[count - 1]! + 1;
          }
          if (got.join() !== expected.join())
            wrong.push(`${JSON.stringify(prefix)} ${capacity} ${bytes.toString('hex')}: ${got.join()}, not ${expected.join()}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    // Both answers were given often, or the comparison proves little.
    expect(hit).toBeGreaterThan(lines / 10);
    expect(lines - hit).toBeGreaterThan(lines / 10);
  });

  it('rules out ordinary output lines for the built-in catalog (or the bytes way would save nothing)', () => {
    const prefilter = new BytePrefilter(builtin.literals, builtin.testsEveryLine);
    let candidates = 0;
    for (let n = 0; n < 1000; n++) {
      const bytes = Buffer.from(`   Compiling module-${n} v0.${n % 100}.0 (/src/crates/module-${n})`);
      if (prefilter.mayMatch('#3 1.234 ', bytes, 0, bytes.length)) candidates++;
    }
    expect(candidates).toBeLessThan(50);
    const failure = Buffer.from('npm ERR! code ERESOLVE');
    expect(prefilter.mayMatch('#3 1.234 ', failure, 0, failure.length)).toBe(true);
  });
});
