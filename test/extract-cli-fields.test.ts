/**
 * The extract stage's fields in the CLI's `extract` JSONL (the built command, as a user runs it;
 * `npm run build` first): `kind` on every skill, `claimedMonths` with the span of the duration as
 * written, `inTitle` on mentions in a job title, and unknown tools as `unknown-tool` diagnostics.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'skillmatch-extract-fields-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('skillmatch extract --format jsonl', () => {
  it('adds kind, claimedMonths and claimedSpan to every skill, beside the fields it had', () => {
    const text = 'SKILLS\nJAVA (3 yrs), Python- Exprience - 18 months, Docker\nTools: Jira, Zorbix9\n';
    const file = join(dir, 'resume.txt');
    writeFileSync(file, text);
    const out = execFileSync(
      process.execPath,
      [join(ROOT, 'bin/skillmatch.js'), 'extract', file, '--format', 'jsonl', '--no-isolate', '--as-of', '2026-11'],
      { cwd: ROOT, encoding: 'utf8' },
    );
    const line = JSON.parse(out.trim()) as {
      skills: Record<string, unknown>[];
      diagnostics: { code: string; message: string }[];
    };
    for (const skill of line.skills) {
      for (const key of [
        'id',
        'name',
        'category',
        'kind',
        'months',
        'lastUsed',
        'claimedYears',
        'claimedMonths',
        'claimedSpan',
        'mentions',
        'implied',
      ])
        expect(skill).toHaveProperty(key);
      expect(['technology', 'practice', 'concept']).toContain(skill.kind);
    }
    const byId = new Map(line.skills.map((s) => [s.id, s]));
    expect(byId.get('java')).toMatchObject({ claimedMonths: 36, claimedYears: 3 });
    const span = byId.get('python')!.claimedSpan as { start: number; end: number };
    expect(text.slice(span.start, span.end)).toBe('18 months');
    expect(byId.get('docker')).toMatchObject({ claimedMonths: null, claimedSpan: null });
    expect(line.diagnostics.filter((d) => d.code === 'unknown-tool').map((d) => d.message)).toEqual([
      expect.stringContaining('Zorbix9'),
    ]);
  });
});
