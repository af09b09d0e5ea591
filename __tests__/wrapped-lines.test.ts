// A paste copied from a terminal that wrapped its long lines: the signatures read each run of wrapped lines joined
// too (src/diagnose/wrapped-lines.ts), so a message split at the terminal's width is still known.
import { describe, expect, it } from '@jest/globals';
import { diagnoseText } from './support/classify.js';
import { withWrappedLinesJoined } from '../src/diagnose/wrapped-lines.js';
import type { CandidateLine } from '../src/diagnose/matcher.js';

/** `lines` as a terminal `width` columns wide shows them. */
function wrapAt(width: number, lines: string[]): string {
  return lines.flatMap((line) => line.match(new RegExp(`.{1,${width}}`, 'g')) ?? ['']).join('\n');
}

function candidates(texts: string[], inFailure = false): CandidateLine[] {
  return texts.map((text, i) => ({ line: i + 1, text, normalized: text, inFailure }));
}

const first = async (text: string) => (await diagnoseText(text, 'wrapped.log')).findings[0]?.id ?? null;

describe('a paste a terminal wrapped', () => {
  it("reads a kubelet's missing tag and pip's missing release split at the terminal's width as it reads them whole", async () => {
    const kubelet = [
      '  Warning  Failed     5s (x3 over 52s)  kubelet  Failed to pull image "acme/app:v9": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/acme/app:v9": failed to resolve reference "docker.io/acme/app:v9": docker.io/acme/app:v9: not found',
      '  Warning  Failed     5s (x3 over 52s)  kubelet  Error: ErrImagePull',
    ];
    // The pull alone names the missing tag first; with the pod's status (`Error: ErrImagePull`) the back-off leads.
    expect(await first(kubelet[0]!)).toBe('manifest-unknown');
    expect(await first(kubelet.join('\n'))).toBe('image-pull-backoff');
    // Cut inside `not found`: only the joined lines say it.
    expect(wrapAt(85, kubelet)).toContain('not\n found');
    expect(await first(wrapAt(85, kubelet.slice(0, 1)))).toBe('manifest-unknown');
    expect(await first(wrapAt(85, kubelet))).toBe('image-pull-backoff');
    const pip = [
      'Step 3/5 : RUN pip install --no-cache-dir torch==2.9.9 torchvision==0.99.0 torchaudio==2.9.9',
      ' ---> Running in 1f1613e6b5fb',
      'ERROR: Could not find a version that satisfies the requirement torch==2.9.9 (from versions: 2.5.0, 2.6.0, 2.7.0)',
      'ERROR: No matching distribution found for torch==2.9.9',
      "The command '/bin/sh -c pip install --no-cache-dir torch==2.9.9 torchvision==0.99.0 torchaudio==2.9.9' returned a non-zero code: 1",
    ];
    expect(await first(pip.join('\n'))).toBe('package-install-failure');
    expect(await first(wrapAt(80, pip))).toBe('package-install-failure');
  });

  it('joins a run of lines at the paste\u2019s longest width into one more candidate, on its first line', () => {
    const width = 64;
    const message = `ERROR: ${'x'.repeat(150)} no space left on device`;
    const cut = message.match(new RegExp(`.{1,${width}}`, 'g'))!;
    expect(cut.length).toBe(3);
    const lines = candidates(['#5 [2/3] RUN make', ...cut, 'done'], false);
    lines[2]!.inFailure = true;
    const out = withWrappedLinesJoined(lines);
    expect(out.length).toBe(lines.length + 1);
    const joined = out.find((l) => l.text === message)!;
    expect(joined).toEqual(expect.objectContaining({ line: 2, inFailure: true }));
    // The lines as they are stay, in line order.
    expect(out.filter((l) => l !== joined)).toEqual(lines);
    expect(out.map((l) => l.line)).toEqual([...out.map((l) => l.line)].sort((a, b) => a - b));
  });

  it('leaves alone the tty view padded to the width, a paste with one long line, and a line that starts a line of its own', () => {
    const pad = (text: string, time: string) => `${text.padEnd(76)}${time.padStart(4)}`;
    const tty = candidates([
      pad(' => [internal] load build definition from Dockerfile', '0.0s'),
      pad(' => [1/3] FROM docker.io/library/alpine', '0.1s'),
      pad(' => ERROR [2/3] RUN make', '1.2s'),
    ]);
    expect(withWrappedLinesJoined(tty)).toBe(tty);
    const one = candidates([`ERROR: ${'y'.repeat(90)}`, 'and more']);
    expect(withWrappedLinesJoined(one)).toBe(one);
    const steps = candidates([`#7 0.512 ${'a'.repeat(70)}`, `#7 0.513 ${'b'.repeat(70)}`, '#8 [3/3] COPY . .']);
    const out = withWrappedLinesJoined(steps);
    // Two step lines of the same length: the second starts with `#7 `, a line of its own, so nothing was wrapped.
    expect(out).toBe(steps);
  });

  it("reads a single wrapped line at a terminal's usual width, a command of many lines, and the command it quotes", async () => {
    // One line, cut by an 80-column terminal: only one line is at the width, but 80 is a terminal's.
    const legacy = "The command '/bin/sh -c pip install --no-cache-dir paho-mqtt requests influxdb' returned a non-zero code: 127";
    expect(await first(legacy)).toBe('package-install-failure');
    expect(wrapAt(80, [legacy]).split('\n')).toHaveLength(2);
    expect(await first(wrapAt(80, [legacy]))).toBe('package-install-failure');
    // A RUN of a thousand characters goes on over a dozen lines; its exit status is on the last.
    const packages = Array.from({ length: 60 }, (_, i) => `libexample${i}-dev=1.${i}.0-1`).join(' ');
    const buildkit = `ERROR: failed to solve: process "/bin/sh -c apt-get update && apt-get install -y --no-install-recommends ${packages}" did not complete successfully: exit code: 100`;
    expect(await first(buildkit)).toBe('package-install-failure');
    expect(wrapAt(80, [buildkit]).split('\n').length).toBeGreaterThan(12);
    expect(await first(wrapAt(80, [buildkit]))).toBe('package-install-failure');
    // At a width no terminal has, one line at it is any paste's longest line: nothing is joined.
    const odd = candidates([`ERROR: ${'z'.repeat(84)}`, 'and more']);
    expect(withWrappedLinesJoined(odd)).toBe(odd);
    const eighty = candidates([`ERROR: ${'z'.repeat(73)}`, 'and more']);
    expect(withWrappedLinesJoined(eighty).map((l) => l.text)).toContain(`ERROR: ${'z'.repeat(73)}and more`);
  });

  it('takes a fragment a terminal wrapped for what it is, though neither half says it alone', async () => {
    const whole = "The command '/bin/ash -o pipefail -c apk update && apk upgrade' returned a non-zero code: 2";
    const halves = [whole.slice(0, 80), whole.slice(80)];
    expect(halves[1]).toBe('ero code: 2');
    const result = await diagnoseText(halves.join('\n'), 'wrapped.log');
    expect(result.builds).toHaveLength(1);
    expect(result.findings[0]?.id).toBe('package-install-failure');
    // Two lines that only happen to be joined at a terminal's width, neither a failure nor Docker's, stay nothing.
    const prose = ['x'.repeat(80), 'and the rest of a sentence'].join('\n');
    expect((await diagnoseText(prose, 'prose.log')).builds).toHaveLength(0);
  });
});
