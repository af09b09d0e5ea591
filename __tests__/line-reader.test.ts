import { describe, expect, it } from '@jest/globals';
import { readLines, type RawLine } from '../src/input/line-reader.js';
import { InputError } from '../src/input/errors.js';

async function collect(chunks: Array<string | Buffer>, maxLineBytes = 64 * 1024): Promise<RawLine[]> {
  const lines: RawLine[] = [];
  await readLines(chunks, (line) => lines.push(line), { maxLineBytes, maxJsonLineBytes: maxLineBytes * 4, sniffBytes: 8192 });
  return lines;
}

describe('readLines', () => {
  it('splits lines across chunk boundaries and strips CRLF', async () => {
    const lines = await collect(['#1 [inter', 'nal] load\r\n#1 DONE', ' 0.0s\n', 'last line without newline']);
    expect(lines.map((l) => l.text)).toEqual(['#1 [internal] load', '#1 DONE 0.0s', 'last line without newline']);
    expect(lines.map((l) => l.no)).toEqual([1, 2, 3]);
  });

  it('cuts an over-long line, counts what it dropped, and keeps the lines after it', async () => {
    const long = 'x'.repeat(1000);
    const lines = await collect([`a\n${long.slice(0, 300)}`, `${long.slice(300)}\nb\n`], 100);
    expect(lines.map((l) => l.text.length)).toEqual([1, 100, 1]);
    expect(lines[1]!.cutBytes).toBe(900);
    expect(lines[2]).toEqual({ no: 3, text: 'b', cutBytes: 0 });
  });

  it('does not hold a 50 MB line in memory', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 0x61);
    async function* fifty() {
      yield Buffer.from('before\n');
      for (let i = 0; i < 50; i++) yield chunk;
      yield Buffer.from('\nafter\n');
    }
    const before = process.memoryUsage().arrayBuffers;
    const lines: RawLine[] = [];
    await readLines(fifty(), (line) => lines.push(line));
    expect(lines.map((l) => l.text.slice(0, 6))).toEqual(['before', 'aaaaaa', 'after']);
    expect(lines[1]!.text.length).toBe(64 * 1024);
    expect(lines[1]!.cutBytes).toBe(50 * 1024 * 1024 - 64 * 1024);
    // Only the kept 64 KiB (and a chunk or two in flight) may remain referenced.
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(8 * 1024 * 1024);
  });

  it('allows longer lines for JSON objects (rawjson progress)', async () => {
    const json = `{"vertexes":[],"logs":[{"data":"${'A'.repeat(300)}"}]}`;
    const lines = await collect([`${'x'.repeat(300)}\n${json}\n`], 100);
    expect(lines[0]!.cutBytes).toBe(200);
    expect(lines[1]!.text).toBe(json.slice(0, 400));
  });

  it('refuses binary input with a one-line error', async () => {
    const error = await collect([Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00])]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(/^binary data/);
    expect((error as Error).message).not.toContain('\n');
  });

  it('reads an empty input as no lines', async () => {
    expect(await collect([])).toEqual([]);
  });
});

/** `bytes` as views of one buffer of `size`, filled again for each chunk: how a file is read (log-source.ts). */
function* reusedBuffer(bytes: Buffer, size: number): Generator<Buffer> {
  const buffer = Buffer.alloc(size);
  for (let at = 0; at < bytes.length; at += size) {
    const n = bytes.copy(buffer, 0, at, at + size);
    yield buffer.subarray(0, n);
  }
}

/** What readLines gives for `chunks`: each line, and each line offered as bytes (decoded when offered). */
async function readAll(chunks: Iterable<Buffer>, maxLineBytes: number, take: (no: number) => boolean = () => false) {
  const lines: RawLine[] = [];
  const offered: Array<[number, string]> = [];
  let chunksDone = 0;
  const counts = await readLines(
    chunks,
    (line) => lines.push(line),
    { maxLineBytes, maxJsonLineBytes: maxLineBytes * 4, sniffBytes: 8192 },
    (bytes, start, end, no) => {
      offered.push([no, bytes.toString('utf8', start, end)]);
      return take(no);
    },
    () => chunksDone++,
  );
  return { lines, offered, counts, chunksDone };
}

describe('readLines over one buffer filled again for each chunk', () => {
  const KIB = 1024;
  // Lines of many lengths, CRLF and LF, a line right at the cap, one over it, one far longer
  // than the buffer, UTF-8 text split anywhere, a JSON line (its own cap), an empty line.
  const parts: string[] = [];
  for (let i = 0; i < 400; i++) parts.push(`#${i} ${'step output '.repeat(i % 37)}é€${i}${i % 3 === 0 ? '\r\n' : '\n'}`);
  parts.push(`${'c'.repeat(100)}\n`, `${'o'.repeat(101)}\n`, `${'L'.repeat(200 * KIB)}\n`, `{"logs":[${'"x",'.repeat(90)}"y"]}\n`, '\n', 'last, no newline');
  const text = Buffer.from(parts.join(''));

  it.each([1, 7, 64, 100, 101, 4093, 64 * KIB, 64 * KIB + 1])('gives the lines one whole chunk gives, in chunks of %i bytes', async (size) => {
    const whole = await readAll([Buffer.from(text)], 100);
    const reused = await readAll(reusedBuffer(text, size), 100);
    expect(reused.lines).toEqual(whole.lines);
    expect(reused.counts).toEqual(whole.counts);
    // chunkDone once per chunk, after its lines.
    expect(reused.chunksDone).toBe(Math.ceil(text.length / size));
    // The lines offered as bytes are those whole in a chunk, and read as the line itself.
    for (const [no, offered] of reused.offered) expect(offered).toBe(whole.lines.find((l) => l.no === no)!.text);
    if (size >= 4093) expect(reused.offered.length).toBeGreaterThan(whole.offered.length / 2);
    // The cap holds: the 200 KiB line (longer than most buffers here) is cut, its rest counted.
    const long = reused.lines.find((l) => l.text.startsWith('LLL'))!;
    expect(long.text.length).toBe(100);
    expect(long.cutBytes).toBe(200 * KIB - 100);
  });

  it('gives the same lines when some are taken as bytes, in chunks of 7 bytes and 64 KiB', async () => {
    const take = (no: number) => no % 2 === 0;
    const all = await readAll([Buffer.from(text)], 100);
    for (const size of [7, 64 * KIB]) {
      const reused = await readAll(reusedBuffer(text, size), 100, take);
      const taken = new Set(reused.offered.map(([no]) => no).filter(take));
      if (size > 7) expect(taken.size).toBeGreaterThan(20);
      // Every line not taken comes as a line, numbered as it would be, whatever was taken before it.
      expect(reused.lines).toEqual(all.lines.filter((l) => !taken.has(l.no)));
      expect(reused.counts).toEqual(all.counts);
    }
  });

  it('reads a lone-CR file and CRLF split between two chunks', async () => {
    const cr = Buffer.from('one\rtwo\rthree\r');
    for (const size of [1, 2, 3, 4, 5]) {
      expect((await readAll(reusedBuffer(cr, size), 100)).lines.map((l) => [l.no, l.text])).toEqual([
        [1, 'one'],
        [2, 'two'],
        [3, 'three'],
      ]);
    }
    const crlf = Buffer.from('ab\r\ncd\r\nef');
    for (const size of [1, 2, 3, 4]) {
      expect((await readAll(reusedBuffer(crlf, size), 100)).lines.map((l) => l.text)).toEqual(['ab', 'cd', 'ef']);
    }
  });
});
