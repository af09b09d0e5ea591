// The labelled failure excerpts of public issues (fixtures/failures/cases.jsonl, see its README):
// the first finding must name the labelled cause.
import { describe, expect, it, beforeAll } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from './support/analyze-text.js';
import { diagnoseText } from './support/classify.js';
import { builtinSignatures } from '../src/diagnose/load-catalog.js';

interface Case {
  id: string;
  excerpt: string;
  category: string;
}

const cases: Case[] = readFileSync(join(FIXTURES, 'failures', 'cases.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line));
const taxonomy = [...readFileSync(join(FIXTURES, 'failures', 'README.md'), 'utf8').matchAll(/^\| ([a-z-]+) \| /gm)]
  .map((m) => m[1]!)
  .filter((id) => id !== 'id' && id !== 'field');

const results = new Map<string, string[]>();
beforeAll(async () => {
  for (const c of cases)
    results.set(
      c.id,
      (await diagnoseText(c.excerpt, `${c.id}.log`)).findings.map((f) => f.id),
    );
});

describe('diagnosis of the labelled failure corpus', () => {
  it('has a top-1 accuracy of at least 95% (and reports top-1 and top-3)', () => {
    const top1 = cases.filter((c) => results.get(c.id)![0] === c.category);
    const top3 = cases.filter((c) => results.get(c.id)!.slice(0, 3).includes(c.category));
    const misses = cases
      .filter((c) => results.get(c.id)![0] !== c.category)
      .map((c) => `${c.id}: labelled ${c.category}, first finding ${results.get(c.id)![0] ?? 'none'}`);
    process.stdout.write(
      `\ndiagnosis corpus: top-1 ${top1.length}/${cases.length} (${((100 * top1.length) / cases.length).toFixed(1)}%), top-3 ${top3.length}/${cases.length}\n${misses.join('\n')}\n`,
    );
    expect(top1.length / cases.length).toBeGreaterThanOrEqual(0.95);
    expect(top3.length).toBeGreaterThanOrEqual(top1.length);
  });

  it('always says something about a failure: every case gets a first finding', () => {
    for (const c of cases) expect(results.get(c.id)!.length).toBeGreaterThan(0);
  });

  it('the catalog covers every id of the taxonomy', () => {
    expect(taxonomy.length).toBeGreaterThanOrEqual(25);
    const ids = builtinSignatures().map((s) => s.id);
    for (const id of taxonomy) expect(ids).toContain(id);
    expect(ids).toContain('unknown');
  });

  it('every signature with patterns is exercised by at least one case', () => {
    const firsts = new Set(cases.map((c) => results.get(c.id)![0]));
    for (const signature of builtinSignatures())
      // Ids beyond the taxonomy (a smoke test's crash loop) are labelled by no case; signature-families.test.ts has their lines.
      if (signature.patterns.length > 0 && taxonomy.includes(signature.id)) expect([signature.id, firsts.has(signature.id)]).toEqual([signature.id, true]);
  });
});
