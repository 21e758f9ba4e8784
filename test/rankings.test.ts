/**
 * The ranking scenarios in fixtures/rankings/: each folder holds a role, a handful of synthetic
 * résumés and expected.json with the order a senior recruiter would give, and why. The whole
 * pipeline runs (parse → extract → score → rank) and every order is asserted.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { createMatcher } from '../src/rank/matcher.js';
import { getBuiltinRole } from '../src/role/builtin.js';
import type { Role } from '../src/types.js';

const DIR = new URL('../fixtures/rankings/', import.meta.url);

interface Expected {
  description: string;
  asOf: string;
  order: string[];
  why: Record<string, string>;
  errors?: Record<string, string>;
  nonStrictOrder?: string[];
}

const scenarios = readdirSync(DIR, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

async function loadRole(dir: URL): Promise<{ role: Role; jobFile: string | null }> {
  const spec = JSON.parse(readFileSync(new URL('role.json', dir), 'utf8')) as
    | Role
    | { builtin: string }
    | { jobDescription: string };
  if ('builtin' in spec) {
    const role = getBuiltinRole(spec.builtin);
    if (!role) throw new Error(`no built-in role ${spec.builtin}`);
    return { role, jobFile: null };
  }
  if ('jobDescription' in spec) {
    const { roleFromJobDescription } = await import('../src/job-description/index.js');
    return {
      role: roleFromJobDescription(readFileSync(new URL(spec.jobDescription, dir), 'utf8')),
      jobFile: spec.jobDescription,
    };
  }
  return { role: spec, jobFile: null };
}

const matcher = createMatcher();
afterAll(() => matcher.close());

describe('fixtures/rankings', () => {
  it('has at least 12 scenarios, each with a role, résumés and an expected order with reasons', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(12);
    for (const name of scenarios) {
      const dir = new URL(`${name}/`, DIR);
      expect(existsSync(new URL('role.json', dir)), name).toBe(true);
      const expected = JSON.parse(readFileSync(new URL('expected.json', dir), 'utf8')) as Expected;
      expect(expected.order.length, name).toBeGreaterThanOrEqual(2);
      for (const file of expected.order) expect(expected.why[file], `${name}/${file}`).toMatch(/\w/);
    }
  });

  describe.each(scenarios)('%s', (name) => {
    const dir = new URL(`${name}/`, DIR);
    const expected = JSON.parse(readFileSync(new URL('expected.json', dir), 'utf8')) as Expected;

    const run = async (strictRequired: boolean) => {
      const { role, jobFile } = await loadRole(dir);
      const files = readdirSync(dir)
        .filter((f) => /\.(txt|md)$/.test(f) && f !== jobFile)
        .sort();
      const inputs = files.map((file) => ({
        id: file,
        data: new Uint8Array(readFileSync(new URL(file, dir))),
        filename: file,
      }));
      return matcher.rank(inputs, role, { asOf: expected.asOf, isolate: false, strictRequired });
    };

    it(`ranks in the expected order: ${expected.order.join(' > ')}`, async () => {
      const ranking = await run(true);
      const got = ranking.results.map((r) => r.id);
      const detail = ranking.results
        .map((r) => `${r.id} ${r.score} ${r.mustHavesMet ? 'must-haves' : 'missing'}`)
        .join('; ');
      expect(got, detail).toEqual(expected.order);
      expect(ranking.results.map((r) => r.rank)).toEqual(expected.order.map((_, i) => i + 1));
      const errors = Object.fromEntries(ranking.errors.map((e) => [e.id, e.error.code]));
      expect(errors).toEqual(expected.errors ?? {});
      for (const r of ranking.results) expect(r.match.summary.length, r.id).toBeGreaterThan(20);
    });

    if (expected.nonStrictOrder) {
      it(`with strictRequired: false, orders by score alone: ${expected.nonStrictOrder.join(' > ')}`, async () => {
        const ranking = await run(false);
        expect(ranking.results.map((r) => r.id)).toEqual(expected.nonStrictOrder);
      });
    }
  });
});
