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

async function parse(text: string, shortcut = true) {
  return (await parseSource(textSource('case.log', text), lineSelectorFor(builtinSignatures()), { shortcut })).builds;
}

/**
 * A Dockerfile excerpt as BuildKit prints it inside the frame of the step that read the Dockerfile
 * (`#1 0.104   69 | >>> {`): the parse error of `[internal] load build definition from
 * Dockerfile`, its lines framed as that step's output. The excerpt's wording is a real one (a heredoc
 * an old frontend read line by line, RchGrav/claudebox#4); the paste is cut before buildx's own
 * `ERROR: failed to solve` line, so the excerpt alone says what went wrong.
 */
function framedInStep(excerpt: string[]): string {
  return [
    '#0 building with "default" instance using docker driver',
    '',
    '#1 [internal] load build definition from Dockerfile',
    '#1 transferring dockerfile: 35.15kB done',
    ...excerpt.map((line) => `#1 0.104 ${line}`),
  ].join('\n');
}

const FRAMED_IN_STEP = framedInStep([
  'Dockerfile:69',
  '--------------------',
  '  67 |     # Create package.json for thinking server',
  "  68 |     RUN cat > ~/mcp-servers/thinking/package.json << 'PACKAGEEOF'",
  '  69 | >>> {',
  '  70 |       "name": "@modelcontextprotocol/server-sequential-thinking",',
  '--------------------',
]);

/** A text as a GitHub job log: each line after a runner timestamp (the parser's shortcut reads such lines as bytes). */
function asJobLog(text: string): string {
  return text
    .split('\n')
    .map((line, i) => `2025-09-24T01:56:44.${String(2919350 + i).padStart(7, '0')}Z ${line}`)
    .join('\n');
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

describe("a Dockerfile excerpt printed inside a step's plain-progress frame", () => {
  it('is read through the `#1 0.104` frame, as the bare excerpt is', async () => {
    const builds = await parse(FRAMED_IN_STEP);
    expect(builds.flatMap((b) => b.markedNonInstructions)).toEqual([{ line: 9, text: '#1 0.104   69 | >>> {', word: '{' }]);
    // BuildKit quotes the Dockerfile only for an error: the build failed, as with the bare excerpt.
    expect(builds.map((b) => b.status)).toEqual(['failure']);
    const analysis = await diagnoseText(FRAMED_IN_STEP, 'framed.log');
    expect(analysis.findings.map((f) => f.id)).toEqual(['dockerfile-parse-error']);
  });

  it("is read the same in a GitHub job log, with the parser's shortcut for step lines and without", async () => {
    const log = asJobLog(FRAMED_IN_STEP);
    for (const shortcut of [true, false]) {
      const builds = await parse(log, shortcut);
      expect(builds.flatMap((b) => b.markedNonInstructions.map((m) => [m.line, m.word]))).toEqual([[9, '{']]);
      expect(builds.map((b) => b.status)).toEqual(['failure']);
    }
    expect((await diagnoseText(log, 'framed-job.log')).findings.map((f) => f.id)).toEqual(['dockerfile-parse-error']);
  });

  it('reads a comment that lost its line: the words after it taken for an instruction (hyrise/hyrise#2660)', async () => {
    const text = framedInStep([
      'Dockerfile:52',
      '--------------------',
      '  50 |         && ln -sf /usr/bin/llvm-symbolizer-14 /usr/bin/llvm-symbolizer \\',
      '  51 |         && pip3 install --break-system-packages scipy pandas matplotlib  # preload large Python packages (installs numpy and',
      '  52 | >>>                                                                        others).',
      '  53 |     ',
      '--------------------',
    ]);
    expect((await parse(text)).flatMap((b) => b.markedNonInstructions.map((m) => [m.line, m.word]))).toEqual([[9, 'others).']]);
    expect((await diagnoseText(text, 'comment.log')).findings.map((f) => f.id)).toEqual(['dockerfile-parse-error']);
  });

  it('takes a marked block whose first line is an instruction for no parse error', async () => {
    // `>>> RUN make` inside the frame: the instruction the error is about, the Dockerfile parsed.
    const text = FRAMED_IN_STEP.replace('#1 0.104   69 | >>> {', '#1 0.104   69 | >>> RUN make');
    expect((await parse(text)).flatMap((b) => b.markedNonInstructions)).toEqual([]);
  });

  it("does not fail a build for a RUN step's own output that looks like an excerpt", async () => {
    // A step's program printing `  3 | >>> {` (a test of a tool that quotes files) is its output, not
    // BuildKit's: the build goes on and succeeds, and the line is no Dockerfile that did not parse.
    const text = [
      '#0 building with "default" instance using docker driver',
      '#1 [internal] load build definition from Dockerfile',
      '#1 DONE 0.0s',
      '#2 [1/2] FROM docker.io/library/alpine:3.19',
      '#2 CACHED',
      '#3 [2/2] RUN ./quote-tool --self-test',
      '#3 0.311    3 | >>> {',
      '#3 DONE 0.4s',
      '#4 exporting to image',
      '#4 exporting layers done',
      '#4 writing image sha256:0d3e2a7fbd3b5d5f4c2d0a7cbd8a1f3c9e5b6a7d8c9e0f1a2b3c4d5e6f7a8b9c done',
      '#4 DONE 0.1s',
    ].join('\n');
    const builds = await parse(text);
    expect(builds.map((b) => b.status)).toEqual(['success']);
    expect(builds.flatMap((b) => b.markedNonInstructions)).toEqual([]);
  });
});
