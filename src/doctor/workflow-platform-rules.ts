import type { Finding } from '../model.js';
import { inlineCode } from '../text/markdown.js';
import { actionOf, type WorkflowJob, type WorkflowStep } from './workflow-file.js';
import { finding, indentOf, insertHunk, replaceHunk, type RuleContext } from './workflow-findings.js';
import { literalBoolean } from './workflow-inputs.js';

// Platform pitfalls: loading a multi-platform image, foreign platforms without QEMU.

const PLATFORM = /\b(linux|windows|darwin)\/(amd64|arm64|arm|386|ppc64le|s390x|riscv64|mips64le|mips64|loong64)(\/v\d)?\b/g;

/** The platform lists the input can take: one per quoted alternative of an expression, else one. */
export function platformLists(value: string): string[][] {
  const alternatives = value.includes('${{') ? [...value.matchAll(/'([^']*)'/g)].map((m) => m[1]!) : [value];
  return alternatives.map((alt) => [...new Set([...alt.matchAll(PLATFORM)].map((m) => m[0]))]).filter((list) => list.length > 0);
}

/** The runner's architecture from `runs-on`, null when a label does not say (self-hosted, expressions). */
export function runnerArch(runsOn: string): 'amd64' | 'arm64' | null {
  if (/\barm\b|arm64|aarch64/i.test(runsOn)) return 'arm64';
  if (/^(ubuntu|windows)-[\w.]+$/.test(runsOn.trim()) || /^ubuntu-latest$/.test(runsOn.trim())) return 'amd64';
  return null;
}

export function platformRules(ctx: RuleContext, job: WorkflowJob, step: WorkflowStep): Finding[] {
  const out: Finding[] = [];
  const platforms = step.with.get('platforms');
  if (!platforms) return out;
  const lists = platformLists(platforms.value);
  const multi = lists.some((l) => l.length > 1);
  const load = step.with.get('load');
  if (multi && literalBoolean(load?.value) !== false) {
    out.push(
      finding(
        ctx,
        'exporter-unsupported',
        'warning',
        'load: true with several platforms: the docker exporter cannot load a multi-platform image',
        load!.line,
        'Without the containerd image store, `load` takes one platform only ("docker exporter does not currently support exporting manifest lists"). Push the multi-platform image, or load one platform per build.',
        replaceHunk(ctx, load!.line, load!.value.trim(), 'false'),
      ),
    );
  }
  const native = runnerArch(job.runsOn);
  if (native === null) return out;
  const foreign = [...new Set(lists.flat().filter((p) => !p.includes(`/${native}`)))];
  const qemu = job.steps.some((s) => s.index < step.index && s.uses && actionOf(s.uses.value)?.name === 'docker/setup-qemu-action');
  if (foreign.length > 0 && !qemu) {
    const indent = indentOf(ctx, step.line);
    out.push(
      finding(
        ctx,
        'qemu-emulation',
        'warning',
        `platforms ${foreign.join(', ')} on an ${native} runner without docker/setup-qemu-action`,
        platforms.line,
        `A \`RUN\` step for ${foreign.map((p) => inlineCode(p)).join(', ')} needs an emulator registered on the ${native} runner ("exec format error" otherwise). Register QEMU before the build, or build that platform on a native runner${native === 'amd64' ? ' (`ubuntu-24.04-arm` for arm64)' : ''}.`,
        insertHunk(ctx, step.line, [`${indent}- name: Set up QEMU`, `${indent}  uses: docker/setup-qemu-action@v3`]),
        { platforms: foreign.join(',') },
      ),
    );
  }
  return out;
}
