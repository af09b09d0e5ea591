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
