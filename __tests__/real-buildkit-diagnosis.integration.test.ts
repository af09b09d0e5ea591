// The diagnosis (signature catalog + repository locations) against genuine BuildKit output: a real
// dockerd (Debian's Docker 20.10 with its built-in BuildKit, see support/real-dockerd.ts) builds
// the fixture contexts, and each `--progress=plain` output is diagnosed with the context directory
// as the workspace, as the action does with the checked-out repository.
// Expected lines and files come from the fixtures themselves (the Dockerfile, src/main.rs), never
// from what the engine printed.
//
// Needs root and the packages of scripts/ensure-test-deps.sh. It fails (it does not skip) when the
// daemon cannot start.
//   node --experimental-vm-modules node_modules/jest/bin/jest.js real-buildkit-diagnosis
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startDockerd, type BuildOptions, type BuildResult, type RealDockerd } from './support/real-dockerd.js';
import { diagnoseText } from './support/classify.js';
import { redact } from '../src/text/redact.js';
import type { Analysis } from '../src/analyze/analyze.js';
import type { Finding, Location } from '../src/model.js';

const contexts = path.join(process.cwd(), '__tests__', 'fixtures', 'contexts');
const context = (name: string) => path.join(contexts, name);
const BUILD_TEST_TIMEOUT_MS = 180_000;

// --- what the fixtures say --------------------------------------------------------------------

interface Instruction {
  keyword: string;
  /** Everything after the keyword, line continuations joined, whitespace collapsed. */
  args: string;
  /** 1-based line of the keyword in the Dockerfile (where BuildKit's `>>>` excerpt starts). */
  line: number;
}

/** The Dockerfile's instructions, each with the line it starts on. */
function readDockerfile(contextDir: string): Instruction[] {
  const lines = fs.readFileSync(path.join(contextDir, 'Dockerfile'), 'utf8').split('\n');
  const out: Instruction[] = [];
  let pending: { text: string; line: number } | null = null;
  lines.forEach((raw, i) => {
    const trimmed = raw.trim();
    if (pending === null && (trimmed === '' || trimmed.startsWith('#'))) return;
    const continued = /\\\s*$/.test(raw);
    const text = (pending?.text ?? '') + raw.replace(/\\\s*$/, '') + ' ';
    const line = pending?.line ?? i + 1;
    if (continued) {
      pending = { text, line };
      return;
    }
    pending = null;
    const collapsed = text.replace(/\s+/g, ' ').trim();
    const space = collapsed.indexOf(' ');
    out.push({ keyword: collapsed.slice(0, space).toUpperCase(), args: collapsed.slice(space + 1), line });
  });
  return out;
}

/** The one instruction the predicate selects; fails when there is none or several. */
function onlyInstruction(contextDir: string, pick: (i: Instruction) => boolean): Instruction {
  const found = readDockerfile(contextDir).filter(pick);
  expect(found.map((i) => `${i.line}: ${i.keyword} ${i.args}`)).toHaveLength(1);
  return found[0]!;
}

// --- checks -----------------------------------------------------------------------------------

/** Runs assertions; when one fails, its message carries the build output (numbered) and the findings. */
async function withOutput(result: BuildResult, analysis: Analysis | null, check: () => void | Promise<void>): Promise<void> {
  try {
    await check();
  } catch (error) {
    const numbered = result.output
      .split('\n')
      .map((l, i) => `${String(i + 1).padStart(4)}  ${l}`)
      .join('\n');
    const findings = analysis
      ? JSON.stringify(
          analysis.findings.map(({ id, severity, title, evidence, locations, data }) => ({ id, severity, title, evidence, locations, data })),
          null,
          2,
        )
      : '(not analysed)';
    if (error instanceof Error) error.message += `\n--- findings ---\n${findings}\n--- build output (exit ${result.exitCode}) ---\n${numbered}`;
    throw error;
  }
}

/** Every evidence line quotes the output line it names (as redacted and shortened by the engine). */
function expectEvidenceQuotesOutput(finding: Finding, output: string): void {
  const lines = output.split('\n');
  expect(finding.evidence.length).toBeGreaterThan(0);
  for (const e of finding.evidence) {
    const printed = lines[e.line - 1];
    const quoted = e.text.replace(/…$/, '');
    expect({ line: e.line, quoted: e.text, printed: printed ?? '(no such line)', redacted: redact(printed ?? '') }).toEqual(
      expect.objectContaining({ redacted: expect.stringContaining(quoted) }),
    );
  }
}

const dockerfileLocations = (f: Finding): Location[] => (f.locations ?? []).filter((l) => l.kind === 'dockerfile');
const sourceLocations = (f: Finding): Location[] => (f.locations ?? []).filter((l) => l.kind === 'source');

/** True when the output carries BuildKit's `Dockerfile:N` excerpt (newer BuildKit; not Docker 20.10's). */
const printsDockerfileExcerpt = (output: string) => output.split('\n').some((l) => /^(?:#\d+ (?:\d+\.\d+ )?)?\S*Dockerfile:\d+\s*$/i.test(l.trim()));

// --- the tests --------------------------------------------------------------------------------

describe('diagnosis of real BuildKit (Docker 20.10) failures, pointed at the build context', () => {
  let dockerd: RealDockerd | undefined;

  beforeAll(async () => {
    // No try/catch: when the daemon cannot start, every test here must fail, not skip.
    dockerd = await startDockerd();
  }, 90_000);

  afterAll(async () => {
    await dockerd?.stop();
  }, 60_000);

  const build = (name: string, opts?: BuildOptions) => {
    if (!dockerd) throw new Error('dockerd did not start (see beforeAll)');
    return dockerd.build(context(name), opts);
  };

  it(
    'failing-run: a rustc error is a compile-error at the failing RUN and at src/main.rs:3:5',
    async () => {
      const dir = context('failing-run');
      const failingRun = onlyInstruction(dir, (i) => i.keyword === 'RUN' && /\bexit 101\b/.test(i.args));
      // The source line the printed error names is real: line 3, column 5 of src/main.rs is `x`.
      const sourceLine = fs.readFileSync(path.join(dir, 'src', 'main.rs'), 'utf8').split('\n')[2] ?? '';
      expect(sourceLine.slice(4, 5)).toBe('x');
      // The context is copied in before the failing RUN, as in a real project.
      const copy = onlyInstruction(dir, (i) => i.keyword === 'COPY' && /^src\/?\s/.test(i.args));
      expect(copy.line).toBeLessThan(failingRun.line);

      const result = await build('failing-run', { noCache: true });
      let analysis: Analysis | null = null;
      await withOutput(result, null, async () => {
        expect(result.exitCode).not.toBe(0);
        analysis = await diagnoseText(result.output, 'build.log', undefined, dir);
      });
      await withOutput(result, analysis, () => {
        const a = analysis!;
        expect(a.builds).toHaveLength(1);
        expect(a.builds[0]!.build.status).toBe('failure');
        const first = a.findings[0]!;
        expect({ id: first?.id, severity: first?.severity }).toEqual({ id: 'compile-error', severity: 'error' });

        expect(first.locations).toEqual(
          expect.arrayContaining([expect.objectContaining({ kind: 'source', file: 'src/main.rs', line: 3, column: 5, verified: true })]),
        );
        expectEvidenceQuotesOutput(first, result.output);
        expect(first.evidence.some((e) => e.text.includes('error[E0425]'))).toBe(true);

        // No other verified Dockerfile line is claimed...
        for (const l of dockerfileLocations(first).filter((l) => l.verified))
          expect({ file: l.file, line: l.line }).toEqual({ file: 'Dockerfile', line: failingRun.line });
        // ...and the failing RUN is. Docker 20.10 prints no `Dockerfile:N` excerpt, so the line has to
        // come from the step's instruction (` > [4/4] RUN ...:`) matched against the workspace Dockerfile.
        expect(first.locations).toEqual(
          expect.arrayContaining([expect.objectContaining({ kind: 'dockerfile', file: 'Dockerfile', line: failingRun.line, verified: true })]),
        );
      });
    },
    BUILD_TEST_TIMEOUT_MS,
  );

  it(
    'failing-copy: a COPY of a missing file is copy-source-missing, naming the file',
    async () => {
      const dir = context('failing-copy');
      const present = new Set(fs.readdirSync(dir));
      const missingCopy = onlyInstruction(dir, (i) => i.keyword === 'COPY' && !present.has(i.args.split(' ')[0]!));
      const missingFile = missingCopy.args.split(' ')[0]!;

      const result = await build('failing-copy', { noCache: true });
      let analysis: Analysis | null = null;
      await withOutput(result, null, async () => {
        expect(result.exitCode).not.toBe(0);
        analysis = await diagnoseText(result.output, 'build.log', undefined, dir);
      });
      await withOutput(result, analysis, () => {
        const a = analysis!;
        expect(a.builds).toHaveLength(1);
        expect(a.builds[0]!.build.status).toBe('failure');
        const first = a.findings[0]!;
        expect({ id: first?.id, severity: first?.severity }).toEqual({ id: 'copy-source-missing', severity: 'error' });
        const named = [first.title, ...Object.values(first.data ?? {}).map((v) => String(v))];
        expect(named.some((t) => t.includes(missingFile))).toBe(true);
        expectEvidenceQuotesOutput(first, result.output);

        if (printsDockerfileExcerpt(result.output)) {
          expect(first.locations).toEqual(
            expect.arrayContaining([expect.objectContaining({ kind: 'dockerfile', file: 'Dockerfile', line: missingCopy.line, verified: true })]),
          );
        }
        // With or without the excerpt, a verified Dockerfile location must be the failing COPY.
        for (const l of dockerfileLocations(first).filter((l) => l.verified)) {
          expect({ file: l.file, line: l.line }).toEqual({ file: 'Dockerfile', line: missingCopy.line });
        }
        // The missing file is not in the workspace, so no source location can be verified for it.
        expect(sourceLocations(first).filter((l) => l.verified && l.file.endsWith(missingFile))).toEqual([]);
      });
    },
    BUILD_TEST_TIMEOUT_MS,
  );

  it(
    'missing-secret: a RUN --mount=type=secret built without --secret is secret-missing, naming the id',
    async () => {
      const dir = context('missing-secret');
      const run = onlyInstruction(dir, (i) => i.keyword === 'RUN' && /--mount=type=secret\b/.test(i.args));
      const secretId = /\bid=([^,\s]+)/.exec(run.args)?.[1];
      expect(secretId).toBeDefined();

      // Built without `--secret id=...`: the mount is optional, so the file is simply absent.
      const result = await build('missing-secret', { noCache: true });
      let analysis: Analysis | null = null;
      await withOutput(result, null, async () => {
        expect(result.exitCode).not.toBe(0);
        analysis = await diagnoseText(result.output, 'build.log', undefined, dir);
      });
      await withOutput(result, analysis, () => {
        const a = analysis!;
        expect(a.builds).toHaveLength(1);
        expect(a.builds[0]!.build.status).toBe('failure');
        const first = a.findings[0]!;
        expect({ id: first?.id, severity: first?.severity }).toEqual({ id: 'secret-missing', severity: 'error' });
        expect(first.title).toContain(secretId!);
        expectEvidenceQuotesOutput(first, result.output);
        for (const l of dockerfileLocations(first).filter((l) => l.verified)) {
          expect({ file: l.file, line: l.line }).toEqual({ file: 'Dockerfile', line: run.line });
        }
      });
    },
    BUILD_TEST_TIMEOUT_MS,
  );

  it(
    'cached-three-step: a successful build has no error finding',
    async () => {
      const dir = context('cached-three-step');
      const result = await build('cached-three-step', { noCache: true, tag: `bxd/real-buildkit-diagnosis:it-${process.pid}-${Date.now()}` });
      let analysis: Analysis | null = null;
      await withOutput(result, null, async () => {
        expect(result.exitCode).toBe(0);
        analysis = await diagnoseText(result.output, 'build.log', undefined, dir);
      });
      await withOutput(result, analysis, () => {
        const a = analysis!;
        expect(a.builds).toHaveLength(1);
        expect(a.builds[0]!.build.status).toBe('success');
        expect(a.status).toBe('success');
        expect(a.findings.filter((f) => f.severity === 'error').map((f) => `${f.id}: ${f.title}`)).toEqual([]);
        for (const f of a.findings) expect((f.locations ?? []).filter((l) => l.verified)).toEqual([]);
      });
    },
    BUILD_TEST_TIMEOUT_MS,
  );
});
