/**
 * The built `skillmatch` command, run as a user runs it (`node bin/skillmatch.js …`) on the
 * fixtures. Needs `npm run build` first (`npm test` does it through `pretest`).
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectInputs, isResumeFileName } from '../src/cli/files.js';
import { csvField, displayWidth, renderTable, truncate } from '../src/cli/output.js';
import { DOCUMENT_VERSION } from '../src/defaults.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'skillmatch.js');
const RESUMES = join('fixtures', 'resumes');
const INVALID = join('fixtures', 'invalid');
const AS_OF = '2025-06';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(args: string[], timeout = 90_000): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: ROOT, timeout, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' }, (error, stdout, stderr) => {
      const code = error ? (typeof (error as { code?: unknown }).code === 'number' ? ((error as { code: number }).code) : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

const caseDirs = (kind: string): string[] =>
  readdirSync(join(ROOT, 'fixtures', kind), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
const inputOf = (kind: string, name: string): string => {
  const file = readdirSync(join(ROOT, 'fixtures', kind, name)).find((f) => f.startsWith('input.'));
  return join('fixtures', kind, name, file!);
};

let tmp = '';
beforeAll(() => {
  expect(existsSync(join(ROOT, 'dist', 'esm', 'cli', 'main.js')), 'dist/ is missing: run npm run build').toBe(true);
  tmp = mkdtempSync(join(tmpdir(), 'skillmatch-cli-'));
});
afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('folder walk', () => {
  it('takes every input.* of the fixture folders and none of the goldens, truth or role files', async () => {
    const { files, errors } = await collectInputs([RESUMES]);
    expect(errors).toEqual([]);
    expect(files.length).toBe(caseDirs('resumes').length);
    for (const f of files) expect(f).toMatch(/[\\/]input\.(pdf|docx|html|md|txt|json)$/);
    expect(isResumeFileName('expected.json')).toBe(false);
    expect(isResumeFileName('expected-skills.json')).toBe(false);
    expect(isResumeFileName('truth.json')).toBe(false);
    expect(isResumeFileName('role.json')).toBe(false);
    expect(isResumeFileName('cv.json')).toBe(true);
    expect(isResumeFileName('CV.PDF')).toBe(true);
    expect(isResumeFileName('notes.xlsx')).toBe(false);
  });

  it('reports a missing path as file-not-found and keeps going', async () => {
    const { files, errors } = await collectInputs([join(RESUMES, 'md-backend-rust'), 'no/such/folder']);
    expect(files).toEqual([join(RESUMES, 'md-backend-rust', 'input.md')]);
    expect(errors.map((e) => [e.file, e.error.code])).toEqual([['no/such/folder', 'file-not-found']]);
  });
});

describe('output helpers', () => {
  it('aligns wide characters and quotes CSV fields', () => {
    expect(displayWidth('李伟')).toBe(4);
    expect(displayWidth('Zoë')).toBe(3);
    expect(truncate('abcdefghij', 5)).toBe('abcd…');
    const table = renderTable([{ header: 'name' }, { header: 'n', right: true }], [['李伟', '1'], ['Zoë Ångström', '10']]).split('\n');
    expect(displayWidth(table[2]!)).toBe(displayWidth(table[3]!));
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('plain')).toBe('plain');
  });
});

describe.concurrent('skillmatch', { timeout: 150_000 }, () => {
  it('prints its version and help; a wrong command line exits 2', async () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const [version, help, none, unknown, badFormat, badAsOf] = await Promise.all([
      cli(['--version']),
      cli(['--help']),
      cli([]),
      cli(['frobnicate']),
      cli(['parse', join(RESUMES, 'md-backend-rust', 'input.md'), '--format', 'xml']),
      cli(['rank', '--role', 'backend-developer', '--as-of', '2025-13', RESUMES]),
    ]);
    expect(version).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
    expect(help.code).toBe(0);
    for (const command of ['parse', 'extract', 'resolve', 'rank', 'match', 'roles']) expect(help.stdout).toContain(`skillmatch ${command}`);
    expect(none.code).toBe(2);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toContain('--format must be one of json, text');
    expect(badAsOf.code).toBe(2);
    expect(badAsOf.stderr).toContain('--as-of');
  });

  it('parse prints the ResumeDocument as JSON', async () => {
    const run = await cli(['parse', join(RESUMES, 'pdf-backend-node-senior', 'input.pdf'), '--as-of', AS_OF]);
    expect(run.code, run.stderr).toBe(0);
    const doc = JSON.parse(run.stdout) as { version: string; text: string; meta: { format: string; pages: number }; sections: { kind: string }[]; timeline: { start: string; end: string | null }[] };
    expect(doc.version).toBe(DOCUMENT_VERSION);
    expect(doc.meta).toMatchObject({ format: 'pdf', pages: 2 });
    expect(doc.sections.map((s) => s.kind)).toEqual(expect.arrayContaining(['experience', 'skills', 'education']));
    expect(doc.timeline[0]).toMatchObject({ start: '2019-01', end: null });
    expect(doc.text).toContain('Zoë Ångström');
  });

  it('parse of a bad file prints the error code on stderr and exits 1', async () => {
    const [truncated, missing, encrypted] = await Promise.all([
      cli(['parse', join(INVALID, 'pdf-truncated', 'input.pdf'), '--no-isolate']),
      cli(['parse', 'no-such-file.pdf']),
      cli(['parse', join(INVALID, 'pdf-encrypted-user-password', 'input.pdf'), '--format', 'text', '--no-isolate']),
    ]);
    expect(truncated.code).toBe(1);
    expect(truncated.stdout).toBe('');
    expect(truncated.stderr).toMatch(/^skillmatch: fixtures[\\/]invalid[\\/]pdf-truncated[\\/]input\.pdf: pdf-corrupt: /);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no-such-file.pdf: file-not-found: ');
    expect(encrypted.code).toBe(1);
    expect(encrypted.stderr).toContain(': pdf-encrypted: ');
  });

  it('parse --format text shows sections and the timeline', async () => {
    const run = await cli(['parse', join(RESUMES, 'txt-devops-colon-headings', 'input.txt'), '--format', 'text', '--no-isolate', '--as-of', AS_OF]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Sections:');
    expect(run.stdout).toMatch(/experience\s+"Professional Experience:?"/);
    expect(run.stdout).toMatch(/2020-01 – present/);
  });

  it('extract --format jsonl: one line per file, the contract fields, exact offsets into the text file', async () => {
    const files = [join(RESUMES, 'txt-backend-node-flags', 'input.txt'), join(INVALID, 'empty-file', 'input.pdf'), join(RESUMES, 'txt-designer-crlf-bom', 'input.txt')];
    const run = await cli(['extract', ...files, '--format', 'jsonl', '--no-isolate', '--as-of', AS_OF]);
    expect(run.code, 'a failed file makes the exit code 1').toBe(1);
    const lines = run.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.file)).toEqual(files);
    expect(lines[1]).toEqual({ file: files[1], error: { code: 'empty-input', message: expect.any(String) } });
    expect(run.stderr).toContain(`${files[1]}: empty-input: `);
    for (const i of [0, 2]) {
      const raw = readFileSync(join(ROOT, files[i]!), 'utf8').replace(/^\uFEFF/, '');
      const skills = lines[i]!.skills as Record<string, unknown>[];
      expect(skills.length).toBeGreaterThan(3);
      for (const skill of skills) {
        for (const key of ['id', 'name', 'category', 'months', 'lastUsed', 'claimedYears', 'mentions', 'implied']) expect(skill).toHaveProperty(key);
        for (const m of skill.mentions as Record<string, unknown>[]) {
          for (const key of ['start', 'end', 'text', 'section', 'context', 'negated', 'aspiration', 'fuzzy']) expect(m).toHaveProperty(key);
          expect(raw.slice(m.start as number, m.end as number), `${String(skill.id)} at ${String(m.start)}`).toBe(m.text);
        }
      }
    }
    const node = (lines[0]!.skills as { id: string; months: number; lastUsed: string; mentions: { context: string }[] }[]).find((s) => s.id === 'nodejs');
    expect(node).toMatchObject({ months: 66, lastUsed: '2025-06' });
    expect(node!.mentions.map((m) => m.context)).toEqual(expect.arrayContaining(['experience', 'skills-list']));
  });

  it('extract into a pipe that closes early (| head) ends quietly', async () => {
    const child = spawn(process.execPath, [BIN, 'extract', RESUMES, '--no-isolate', '--as-of', AS_OF], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(stderr).not.toContain('EPIPE');
    expect(code).toBe(0);
  });

  it('extract --format table prints one table per file', async () => {
    const run = await cli(['extract', join(RESUMES, 'md-backend-rust', 'input.md'), '--format', 'table', '--no-isolate', '--as-of', AS_OF]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/input\.md — \d+ skills/);
    expect(run.stdout).toMatch(/^Rust\s+rust\s/m);
  });

  it('resolve --format jsonl: one line per name, id null when nothing resolves', async () => {
    const run = await cli(['resolve', 'k8s', 'Postgress', 'express delivery', 'Golang', '--format', 'jsonl']);
    expect(run.code, run.stderr).toBe(0);
    const rows = run.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { input: string; id: string | null; name: string | null; fuzzy: boolean });
    expect(rows.map((r) => r.input)).toEqual(['k8s', 'Postgress', 'express delivery', 'Golang']);
    expect(rows[0]).toMatchObject({ id: 'kubernetes', name: 'Kubernetes', fuzzy: false });
    expect(rows[1]).toMatchObject({ id: 'postgresql', fuzzy: true });
    expect(rows[2]).toMatchObject({ id: null, name: null });
    expect(rows[3]).toMatchObject({ id: 'go', fuzzy: false });
  });

  it('rank --format json: the contract shape, every fixture résumé ranked, every bad input in errors', async () => {
    const run = await cli(['rank', '--role', 'backend-developer', RESUMES, INVALID, '--format', 'json', '--as-of', AS_OF]);
    expect(run.code, 'bad inputs make the exit code 1').toBe(1);
    expect(run.stderr, 'no progress bar when stderr is not a terminal').not.toContain('\r');
    const out = JSON.parse(run.stdout) as {
      role: { id: string; title: string };
      results: { file: string; rank: number; score: number; mustHavesMet: boolean; requirements: { id: string; label: string; status: string; score: number; via: string | null; evidence: unknown[] }[] }[];
      errors: { file: string; code: string; message: string }[];
    };
    expect(out.role).toEqual({ id: 'backend-developer', title: expect.any(String) });

    const invalidTruth = caseDirs('invalid').map((name) => ({ name, file: inputOf('invalid', name), truth: JSON.parse(readFileSync(join(ROOT, 'fixtures', 'invalid', name, 'truth.json'), 'utf8')) as { expect: string; codes?: string[] } }));
    const readable = invalidTruth.filter((c) => c.truth.expect === 'document').map((c) => c.file);
    const expectedFiles = [...caseDirs('resumes').map((name) => inputOf('resumes', name)), ...readable].sort();
    expect(out.results.map((r) => r.file).sort()).toEqual(expectedFiles);
    expect(out.results.map((r) => r.rank)).toEqual(out.results.map((_, i) => i + 1));
    for (const r of out.results) {
      expect(r.score).toBeGreaterThanOrEqual(0);
      expect(r.score).toBeLessThanOrEqual(100);
      expect(typeof r.mustHavesMet).toBe('boolean');
      expect(r.requirements.length).toBeGreaterThan(5);
      for (const q of r.requirements) expect(['met', 'partial', 'missing']).toContain(q.status);
    }
    // Candidates who meet the must-haves come first; within each group, by score.
    const met = out.results.filter((r) => r.mustHavesMet);
    expect(out.results.slice(0, met.length).every((r) => r.mustHavesMet)).toBe(true);

    const errors = new Map(out.errors.map((e) => [e.file, e]));
    for (const c of invalidTruth.filter((x) => x.truth.expect === 'error')) {
      expect(errors.get(c.file), `${c.file} missing from errors`).toBeDefined();
      expect(c.truth.codes).toContain(errors.get(c.file)!.code);
      expect(errors.get(c.file)!.message.length).toBeGreaterThan(10);
    }
    expect(out.errors.length).toBe(invalidTruth.filter((x) => x.truth.expect === 'error').length);

    const rankOf = (name: string): number => out.results.find((r) => r.file === inputOf('resumes', name))!.rank;
    expect(rankOf('pdf-backend-node-senior')).toBeLessThan(rankOf('html-chef'));
    expect(rankOf('pdf-backend-node-senior')).toBeLessThan(rankOf('pdf-sidebar-frontend'));
    expect(out.results.find((r) => r.file.includes('html-chef'))!.score).toBe(0);
  });

  it('rank --format csv: a header row and one row per result; --top cuts the list', async () => {
    const run = await cli(['rank', '--role', 'backend-developer', join(RESUMES, 'md-backend-rust'), join(RESUMES, 'txt-backend-node-flags'), join(RESUMES, 'html-chef'), '--format', 'csv', '--top', '2', '--no-isolate', '--as-of', AS_OF]);
    expect(run.code, run.stderr).toBe(0);
    const rows = run.stdout.split('\r\n').filter(Boolean);
    expect(rows.length).toBe(3);
    expect(rows[0]!.startsWith('rank,file,score,mustHavesMet,missingRequired,')).toBe(true);
    expect(rows[1]!.startsWith('1,')).toBe(true);
    expect(rows[2]!.startsWith('2,')).toBe(true);
    expect(run.stdout).not.toContain('html-chef');
  });

  it('rank --format table lists rank, file, score, must-haves, matched and missing; bad files are listed below', async () => {
    const run = await cli(['rank', '--role', 'backend-developer', join(RESUMES, 'pdf-backend-node-senior'), join(RESUMES, 'html-chef'), join(INVALID, 'docx-zip-bomb'), '--no-isolate', '--as-of', AS_OF]);
    expect(run.code).toBe(1);
    const lines = run.stdout.split('\n');
    const header = lines.find((l) => l.startsWith('#'))!;
    for (const col of ['file', 'score', 'must-haves', 'top matched', 'missing']) expect(header).toContain(col);
    expect(lines.find((l) => /^1\s/.test(l))).toContain('pdf-backend-node-senior');
    expect(run.stdout).toContain('Could not use 1 file');
    expect(run.stdout).toContain('docx-zip-bomb');
    expect(run.stdout).toContain('limit-expanded-size');
  });

  it('rank takes a role JSON file (validated) and a job description text file', async () => {
    const rolePath = join(tmp, 'role.json');
    writeFileSync(rolePath, JSON.stringify({ id: 'rust-engineer', title: 'Rust Engineer', requirements: [{ skill: 'rust', importance: 'required', minYears: 2 }, { anyOf: ['postgresql', 'mysql'], importance: 'preferred' }] }));
    const badRole = join(tmp, 'bad-role.json');
    writeFileSync(badRole, JSON.stringify({ id: 'Bad Id', title: '', requirements: [{ skill: 'no-such-skill-xyz', importance: 'sometimes' }] }));
    const jd = join(tmp, 'job.txt');
    writeFileSync(jd, 'Senior Go Engineer\n\nRequirements:\n- 3+ years of Go\n- Experience with PostgreSQL or MySQL\n- Docker and Kubernetes\n\nNice to have:\n- gRPC\n- Kafka\n');
    const [good, bad, fromJd, unknown] = await Promise.all([
      cli(['rank', '--role', rolePath, RESUMES, '--format', 'json', '--no-isolate', '--top', '3', '--as-of', AS_OF]),
      cli(['rank', '--role', badRole, RESUMES, '--format', 'json', '--no-isolate']),
      cli(['rank', '--role', jd, join(RESUMES, 'md-backend-rust'), join(RESUMES, 'pdf-two-column-backend-go'), join(RESUMES, 'html-chef'), '--format', 'json', '--no-isolate', '--as-of', AS_OF]),
      cli(['rank', '--role', 'no-such-role', RESUMES]),
    ]);
    expect(good.code, good.stderr).toBe(0);
    const ranked = JSON.parse(good.stdout) as { role: { id: string }; results: { file: string }[] };
    expect(ranked.role.id).toBe('rust-engineer');
    expect(ranked.results.length).toBe(3);
    expect(ranked.results[0]!.file).toContain('md-backend-rust');
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('invalid-role');
    expect(bad.stderr).toContain('bad-role.json');
    expect(fromJd.code, fromJd.stderr).toBe(0);
    const jdRanked = JSON.parse(fromJd.stdout) as { results: { file: string; score: number }[] };
    expect(jdRanked.results.at(-1)!.file).toContain('html-chef');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('unknown-role');
    expect(unknown.stderr).toContain('backend-developer');
  });

  it('match explains one candidate: requirements with status, evidence sentences, months and last use', async () => {
    const [text, json] = await Promise.all([
      cli(['match', '--role', 'backend-developer', join(RESUMES, 'txt-backend-node-flags', 'input.txt'), '--no-isolate', '--as-of', AS_OF]),
      cli(['match', '--role', 'backend-developer', join(RESUMES, 'txt-backend-node-flags', 'input.txt'), '--format', 'json', '--no-isolate', '--as-of', AS_OF]),
    ]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/Score \d+(\.\d)? \/ 100/);
    expect(text.stdout).toContain('Requirements:');
    expect(text.stdout).toMatch(/✔ met\s+Back-end language \(Node\.js\)/);
    expect(text.stdout).toContain('66 months of dated use, last used 2025-06');
    expect(text.stdout).toContain('“• Worked daily with Node.js and PostgreSQL');
    expect(text.stdout).toMatch(/✘ missing\s+Microservices/);
    const match = JSON.parse(json.stdout) as { file: string; score: number; requirements: { status: string }[]; summary: string };
    expect(match.file).toContain('txt-backend-node-flags');
    expect(match.summary.length).toBeGreaterThan(20);
    expect(Math.abs(match.score - Number(/Score (\d+(?:\.\d)?)/.exec(text.stdout)![1]))).toBeLessThan(0.06);
  });

  it('roles lists the built-in roles', async () => {
    const [table, json] = await Promise.all([cli(['roles']), cli(['roles', '--format', 'json'])]);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^backend-developer\s+Back End Developer/m);
    const roles = JSON.parse(json.stdout) as { id: string; requirements: unknown[] }[];
    expect(roles.map((r) => r.id)).toContain('backend-developer');
  });
});
