// BuildKit's Dockerfile excerpt after an error marks with `>>>` the lines of the instruction the
// error is about. A marked block that starts with no instruction is a Dockerfile that did not parse
// (parse/marked-block.ts): the parser reads that from every line of the block as printed, not from
// the few lines kept around the failures, which can skip the start of a long block.
import { describe, expect, it } from '@jest/globals';
import { textSource } from '../src/input/log-source.js';
import { parseSource } from '../src/parse/parse-source.js';
import { builtinSignatures } from '../src/diagnose/load-catalog.js';
import { lineSelectorFor } from '../src/diagnose/line-selector.js';
import { diagnoseText } from './support/classify.js';

const HEREDOC_LINES = 520;

/**
 * A RUN with a long heredoc that failed: its Dockerfile excerpt marks all of it. A line near its end
 * says `error:`, so the lines kept for the diagnosis are the block's first lines (after the step's
 * error) and the lines before that late one: the lines in between are not kept.
 */
function longMarkedBlock(): string {
  const body = Array.from({ length: HEREDOC_LINES }, (_, i) => (i === HEREDOC_LINES - 20 ? `echo "error: the bundle is stale"` : `echo "step ${i + 1}"`));
  return [
    '#1 [internal] load build definition from Dockerfile',
    '#1 DONE 0.0s',
    '#2 [1/2] FROM docker.io/library/alpine:3.19',
    '#2 CACHED',
    '#3 [2/2] RUN <<EOF (set -e...)',
    '#3 0.901 E: Unable to locate package libfoo',
    '#3 ERROR: process "/bin/sh -c apt-get install -y libfoo" did not complete successfully: exit code: 100',
    '------',
    ' > [2/2] RUN <<EOF (set -e...):',
    '0.901 E: Unable to locate package libfoo',
    '------',
    'Dockerfile:2',
    '--------------------',
    '   1 |     FROM alpine:3.19',
    '   2 | >>> RUN <<EOF',
    ...body.map((text, i) => `${String(i + 3).padStart(4)} | >>> ${text}`),
    `${String(HEREDOC_LINES + 3).padStart(4)} | >>> EOF`,
    '--------------------',
    'ERROR: failed to solve: process "/bin/sh -c apt-get install -y libfoo" did not complete successfully: exit code: 100',
  ].join('\n');
}

/** A paste of the Dockerfile excerpt alone: a heredoc's body an old frontend read as an instruction. */
const HEREDOC_READ_AS_INSTRUCTIONS = [
  'Dockerfile:12',
  '--------------------',
  '  10 |     # the server config',
  "  11 |     RUN cat > /etc/app.json << 'EOF'",
  '  12 | >>> {',
  '  13 |       "port": 8080',
  '--------------------',
  'ERROR: failed to solve: dockerfile parse error on line 12: unknown instruction: {',
].join('\n');

async function parse(text: string) {
  return (await parseSource(textSource('case.log', text), lineSelectorFor(builtinSignatures()))).builds;
}

describe('a Dockerfile excerpt whose marked block starts with no instruction', () => {
  it('is read by the parser, with the word taken for an instruction', async () => {
    const builds = await parse(HEREDOC_READ_AS_INSTRUCTIONS);
    expect(builds.flatMap((b) => b.markedNonInstructions)).toEqual([{ line: 5, text: '  12 | >>> {', word: '{' }]);
    expect((await diagnoseText(HEREDOC_READ_AS_INSTRUCTIONS, 'heredoc.log')).findings.map((f) => f.id)).toEqual(['dockerfile-parse-error']);
  });

  it('is read through a paste that quotes it, without the error line', async () => {
    // An issue's `> ` quote of the excerpt alone: the mark is found after the quoting, as signatures see lines.
    const quoted = HEREDOC_READ_AS_INSTRUCTIONS.split('\n')
      .slice(0, -1)
      .map((line) => `> ${line}`)
      .join('\n');
    expect((await parse(quoted)).flatMap((b) => b.markedNonInstructions.map((m) => m.word))).toEqual(['{']);
    expect((await diagnoseText(quoted, 'quoted.log')).findings.map((f) => f.id)).toEqual(['dockerfile-parse-error']);
  });

  it('is read in a build that failed a step, inside its error block', async () => {
    const text = longMarkedBlock().replace('   2 | >>> RUN <<EOF', '   2 |     RUN <<EOF').replace('   3 | >>> echo "step 1"', '   3 | >>> {');
    const builds = await parse(text);
    expect(builds.flatMap((b) => b.markedNonInstructions.map((m) => m.word))).toEqual(['{']);
  });

  it('is not found in a long marked block whose kept lines skip the lines before a later one', async () => {
    const text = longMarkedBlock();
    const [build] = await parse(text);
    // The case this guards: the lines kept for the diagnosis hold a marked line without the one before it.
    const kept = new Set([...build!.excerpt, ...build!.errorDetails].map((l) => l.line));
    const lines = text.split('\n');
    const cut = [...kept].filter((no) => /^\s*\d+ \| >>> /.test(lines[no - 1]!) && !kept.has(no - 1));
    expect(cut.length).toBeGreaterThan(0);

    expect(build!.markedNonInstructions).toEqual([]);
    const ids = (await diagnoseText(text, 'long-heredoc.log')).findings.map((f) => f.id);
    expect(ids).not.toContain('dockerfile-parse-error');
    expect(ids[0]).toBe('package-install-failure');
  });
});
