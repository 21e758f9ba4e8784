// Every diagnostic code in one union with its meaning: the table is complete, the docs name no code
// that does not exist (and leave none out), and what the pipeline writes matches the table.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_MESSAGES, type DiagnosticCode } from '../src/diagnostics.js';
import { rankResumes, roleFromJobDescription } from '../src/index.js';
import type { Diagnostic } from '../src/types.js';

const ROOT = new URL('..', import.meta.url).pathname;
const CODES = Object.keys(DIAGNOSTIC_MESSAGES) as DiagnosticCode[];

/** README.md and docs/**∕*.md: the files that document codes. */
function docFiles(): string[] {
  const files = [join(ROOT, 'README.md')];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.md')) files.push(path);
    }
  };
  walk(join(ROOT, 'docs'));
  return files;
}

/**
 * The codes of every diagnostics table in a Markdown text: a table whose header has a `code` column and a
 * `severity` column (the error-code tables have a `class` column instead), its first cell's `code` spans.
 */
function documentedCodes(markdown: string): string[] {
  const codes: string[] = [];
  let inTable = false;
  for (const line of markdown.split('\n')) {
    if (!line.startsWith('|')) {
      inTable = false;
      continue;
    }
    const cells = line
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim().toLowerCase());
    if (!inTable) {
      inTable = cells[0]?.replace(/`/g, '') === 'code' && cells.includes('severity');
      continue;
    }
    if (/^[-: ]+$/.test(cells.join(''))) continue;
    for (const match of (line.split('|')[1] ?? '').matchAll(/`([a-z0-9-]+)`/g)) codes.push(match[1]!);
  }
  return codes;
}

/** Every diagnostic-shaped object in a JSON value (the goldens keep `severity`, `code` and `message`, not `source`). */
function diagnosticsIn(value: unknown, out: Diagnostic[] = []): Diagnostic[] {
  if (Array.isArray(value)) for (const item of value) diagnosticsIn(item, out);
  else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.severity === 'string' && typeof record.code === 'string' && typeof record.message === 'string')
      out.push(record as unknown as Diagnostic);
    for (const inner of Object.values(record)) diagnosticsIn(inner, out);
  }
  return out;
}

/** A diagnostic whose code is unknown, or whose source (when kept) or severity is not the table's. */
function unlikeTable(d: Diagnostic): boolean {
  const info = DIAGNOSTIC_MESSAGES[d.code];
  return (
    info === undefined || (d.source !== undefined && info.source !== d.source) || !info.severities.includes(d.severity)
  );
}

describe('DiagnosticCode and DIAGNOSTIC_MESSAGES', () => {
  it('gives every code a kebab-case name, a source, its severities and a message', () => {
    expect(CODES.length).toBeGreaterThanOrEqual(30);
    for (const code of CODES) {
      const info = DIAGNOSTIC_MESSAGES[code];
      expect(code).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
      expect(['parse', 'taxonomy', 'extract', 'role', 'score', 'rank'], code).toContain(info.source);
      expect(info.severities.length, code).toBeGreaterThan(0);
      for (const severity of info.severities) expect(['error', 'warning', 'info'], code).toContain(severity);
      expect(info.message.length, code).toBeGreaterThan(20);
      expect(info.message, code).toMatch(/\.$/);
    }
    expect(Object.isFrozen(DIAGNOSTIC_MESSAGES)).toBe(true);
    expect(Object.isFrozen(DIAGNOSTIC_MESSAGES['no-text-layer'])).toBe(true);
  });

  it('fits the published diagnostic schema (schemas/v1/diagnostic.schema.json)', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'schemas/v1/diagnostic.schema.json'), 'utf8')) as {
      properties: { code: { pattern: string }; source: { enum: string[] }; severity: { enum: string[] } };
    };
    const pattern = new RegExp(schema.properties.code.pattern);
    for (const code of CODES) {
      expect(code).toMatch(pattern);
      expect(schema.properties.source.enum).toContain(DIAGNOSTIC_MESSAGES[code].source);
      for (const severity of DIAGNOSTIC_MESSAGES[code].severities)
        expect(schema.properties.severity.enum).toContain(severity);
    }
  });

  it('makes an unknown code a type error', () => {
    // @ts-expect-error `no-such-code` is no DiagnosticCode (checked when the tests are type-checked).
    const bad: Diagnostic = { severity: 'info', code: 'no-such-code', message: 'x', source: 'parse' };
    expect(CODES).not.toContain(bad.code);
  });
});

describe('documented diagnostic codes', () => {
  it.each([
    [
      'a diagnostics table',
      '| `code` | severity | source | meaning |\n|---|---|---|---|\n| `two-columns` | info | parse | x |\n| `jd-input`, `jd-title` | info | role | y |\n',
      ['two-columns', 'jd-input', 'jd-title'],
    ],
    [
      'a table without a source column',
      '| `code` | severity | meaning |\n|---|---|---|\n| `jd-dropped` | info | `place` |\n',
      ['jd-dropped'],
    ],
    [
      'an error-code table (no severity column)',
      '| `code` | class | thrown when |\n|---|---|---|\n| `pdf-encrypted` | ParseError | x |\n',
      [],
    ],
    ['code spans outside tables', 'A `no-text-layer` warning and `role-empty`.\n', []],
    [
      'two tables, the second not of diagnostics',
      '| code | severity |\n|-|-|\n| `few-words` | warning |\n\n| code | meaning |\n|-|-|\n| 2 | usage |\n',
      ['few-words'],
    ],
  ])('reads %s', (_name, markdown, expected) => {
    expect(documentedCodes(markdown)).toEqual(expected);
  });

  const documented = new Set(docFiles().flatMap((file) => documentedCodes(readFileSync(file, 'utf8'))));

  it('documents only codes that exist', () => {
    expect(documented.size).toBeGreaterThan(0);
    expect([...documented].filter((code) => !(code in DIAGNOSTIC_MESSAGES))).toEqual([]);
  });

  it('documents every code', () => {
    expect(CODES.filter((code) => !documented.has(code))).toEqual([]);
  });
});

describe('diagnostics the pipeline writes', () => {
  it('match the table in the goldens: known code, its stage, one of its severities', () => {
    const written: Diagnostic[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir).sort()) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (name === 'expected.json') diagnosticsIn(JSON.parse(readFileSync(path, 'utf8')), written);
      }
    };
    walk(join(ROOT, 'fixtures'));
    expect(written.length).toBeGreaterThan(10);
    const wrong = written.filter(unlikeTable);
    expect(wrong.map((d) => `${d.code} ${d.source} ${d.severity}`)).toEqual([]);
  });

  it('match the table on a batch that provokes several, from parse to score, and on a role from a posting', async () => {
    const inputs = [
      { id: 'future', data: 'Experience\nEngineer, Acme — Jan 2031 – Present\nBuilt Java services.\n' },
      { id: 'few', data: 'Hello there' },
      { id: 'plain', data: 'Built REST APIs in Node.js on PostgreSQL.' },
    ];
    const ranking = await rankResumes(inputs, 'backend-developer', { asOf: '2026-11', isolate: false });
    const role = roleFromJobDescription(
      'Backend Engineer\n\nRequirements\n- 3+ years of Java\n- PostgreSQL\n\nNice to have\n- Kafka\n',
    );
    const written = [...diagnosticsIn(ranking), ...diagnosticsIn(role)];
    expect([...new Set(written.map((d) => d.code))]).toEqual(
      expect.arrayContaining([
        'date-range-future',
        'few-words',
        'no-section-headings',
        'no-skills-found',
        'jd-input',
        'jd-section',
      ]),
    );
    const wrong = written.filter(unlikeTable);
    expect(wrong.map((d) => `${d.code} ${d.source} ${d.severity}`)).toEqual([]);
  });
});
