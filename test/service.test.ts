/**
 * `skillmatch serve` as an ATS calls it: the real service on 127.0.0.1 (port 0), real HTTP,
 * real files from fixtures/. Answers must be the library's own JSON, errors typed and coded,
 * limits enforced, and the logs free of résumé content.
 */
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MATCH_VERSION } from '../src/defaults.js';
import { createMatcher } from '../src/rank/index.js';
import { builtinTaxonomy, mergeTaxonomy } from '../src/taxonomy/index.js';
import type { Matcher } from '../src/rank/index.js';
import { createService } from '../src/service/index.js';
import { AS_OF, AUTH, call, form, startService, TOKEN } from './service-helpers.js';
import type { Started } from './service-helpers.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const fixture = (path: string): Buffer => readFileSync(join(ROOT, 'fixtures', path));
const TEXT = fixture('resumes/txt-backend-node-flags/input.txt').toString('utf8');
const PDF = fixture('resumes/pdf-backend-java/input.pdf');
const JSON_RESUME = JSON.parse(fixture('resumes/json-backend-java-kotlin/input.json').toString('utf8')) as Record<
  string,
  unknown
>;
const JOB_DESCRIPTION =
  'Senior Backend Engineer\n\nRequirements\n- 5+ years of Java\n- Strong PostgreSQL skills\n- Docker and Kubernetes\n\nNice to have\n- Kafka\n';

let started: Started;
let url: string;
let matcher: Matcher;

beforeAll(async () => {
  started = await startService({ maxFileBytes: 512 * 1024, maxFiles: 5 });
  url = started.url;
  matcher = createMatcher({ poolSize: 1 });
});

afterAll(async () => {
  await started?.service.close();
  await matcher?.close();
});

describe('service: auth and meta routes', () => {
  it('answers /healthz, /readyz and /openapi.json without a token', async () => {
    expect((await call(`${url}/healthz`)).json).toEqual({ status: 'ok' });
    const ready = await call(`${url}/readyz`);
    expect(ready.status).toBe(200);
    expect(ready.json.status).toBe('ready');
    const openapi = await call(`${url}/openapi.json`);
    expect(openapi.json.openapi).toBe('3.1.0');
    expect(Object.keys(openapi.json.paths)).toEqual(
      expect.arrayContaining([
        '/v1/parse',
        '/v1/extract',
        '/v1/match',
        '/v1/rank',
        '/v1/roles',
        '/v1/rank-jobs',
        '/v1/rank-jobs/{id}',
        '/v1/rank-jobs/{id}/report',
        '/healthz',
        '/readyz',
      ]),
    );
  });

  it.each([
    ['no header', {}],
    ['a wrong token', { authorization: 'Bearer not-the-token-at-all-000' }],
    ['the token without the scheme', { authorization: TOKEN }],
    ['a prefix of the token', { authorization: `Bearer ${TOKEN.slice(0, -1)}` }],
  ])('refuses /v1 with %s: 401 unauthorized, WWW-Authenticate', async (_name, headers) => {
    const answer = await call(`${url}/v1/roles`, { headers });
    expect(answer.status).toBe(401);
    expect(answer.json.error.code).toBe('unauthorized');
    expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });

  it('takes the token case-insensitively on the scheme', async () => {
    expect((await call(`${url}/v1/roles`, { headers: { authorization: `bearer ${TOKEN}` } })).status).toBe(200);
  });

  it('echoes a well-formed X-Request-Id and makes one otherwise; error bodies carry it', async () => {
    const given = await call(`${url}/v1/nothing-here`, { headers: { ...AUTH, 'x-request-id': 'ats-42.abc' } });
    expect(given.status).toBe(404);
    expect(given.headers.get('x-request-id')).toBe('ats-42.abc');
    expect(given.json).toMatchObject({ statusCode: 404, error: { code: 'not-found' }, requestId: 'ats-42.abc' });
    const made = await call(`${url}/v1/nothing-here`, { headers: { ...AUTH, 'x-request-id': 'bad id with spaces' } });
    expect(made.headers.get('x-request-id')).toMatch(/^req_[0-9a-f-]{36}$/);
  });

  it('refuses to listen beyond loopback without a token', async () => {
    await expect(createService({ host: '0.0.0.0', port: 0, logger: false })).rejects.toThrow(/`token` is required/);
    await expect(createService({ host: '127.0.0.1', port: 0, token: 'short', logger: false })).rejects.toThrow(
      RangeError,
    );
  });
});

describe('service: one résumé', () => {
  it('POST /v1/match with text answers exactly what the library`s match returns', async () => {
    const answer = await call(`${url}/v1/match`, {
      method: 'POST',
      headers: AUTH,
      json: { role: 'backend-developer', resume: TEXT },
    });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual(await matcher.match(TEXT, 'backend-developer', { asOf: AS_OF }));
  });

  it('POST /v1/match takes a PDF as a multipart file, as base64 JSON and as a raw body, with the same answer', async () => {
    const expected = await matcher.match({ data: new Uint8Array(PDF), filename: 'cv.pdf' }, 'backend-developer', {
      asOf: AS_OF,
    });
    const multipart = await call(`${url}/v1/match`, {
      method: 'POST',
      headers: AUTH,
      body: form({ role: 'backend-developer' }, [{ field: 'resume', name: 'cv.pdf', data: PDF }]),
    });
    const base64 = await call(`${url}/v1/match`, {
      method: 'POST',
      headers: AUTH,
      json: { role: 'backend-developer', resume: { data: PDF.toString('base64'), filename: 'cv.pdf' } },
    });
    const raw = await call(`${url}/v1/match?role=backend-developer`, {
      method: 'POST',
      headers: { ...AUTH, 'content-type': 'application/pdf' },
      body: new Uint8Array(PDF),
    });
    for (const answer of [multipart, base64, raw]) {
      expect(answer.status).toBe(200);
      expect(answer.json).toEqual(expected);
    }
    expect(expected.score).toBeGreaterThan(20);
  });

  it('POST /v1/match takes a JSON Resume object', async () => {
    const answer = await call(`${url}/v1/match`, {
      method: 'POST',
      headers: AUTH,
      json: { role: 'backend-developer', resume: JSON_RESUME },
    });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual(
      await matcher.match({ data: JSON.stringify(JSON_RESUME), filename: 'resume.json' }, 'backend-developer', {
        asOf: AS_OF,
      }),
    );
  });

  it('takes the role as job-description text, a JobPosting or a role object', async () => {
    const fromText = await call(`${url}/v1/match`, {
      method: 'POST',
      headers: AUTH,
      json: { role: JOB_DESCRIPTION, resume: TEXT },
    });
    expect(fromText.status).toBe(200);
    expect(fromText.json.role.title).toBe('Senior Backend Engineer');
    expect(fromText.json.requirements.map((r: { label: string }) => r.label)).toEqual(
      expect.arrayContaining(['Java', 'PostgreSQL']),
    );
    const posting = { '@type': 'JobPosting', title: 'Data Engineer', skills: ['Python', 'Apache Spark', 'SQL'] };
    const fromPosting = await call(`${url}/v1/match`, {
      method: 'POST',
      headers: AUTH,
      json: { role: posting, resume: TEXT },
    });
    expect(fromPosting.status).toBe(200);
    expect(fromPosting.json.role).toEqual({ id: 'data-engineer', title: 'Data Engineer' });
    const role = {
      id: 'node-dev',
      title: 'Node developer',
      requirements: [{ skill: 'nodejs', importance: 'required' }],
    };
    const fromRole = await call(`${url}/v1/match`, {
      method: 'POST',
      headers: AUTH,
      body: form({ role: JSON.stringify(role) }, [{ field: 'resume', name: 'cv.txt', data: TEXT, type: 'text/plain' }]),
    });
    expect(fromRole.status).toBe(200);
    expect(fromRole.json.requirements[0].status).toBe('met');
  });

  it.each([
    ['an unknown role id', { role: 'no-such-role', resume: 'Skills: Java' }, 422, 'unknown-role'],
    [
      'a role naming an unknown skill',
      {
        role: { id: 'x', title: 'X', requirements: [{ skill: 'not-a-skill', importance: 'required' }] },
        resume: 'Skills: Java',
      },
      422,
      'invalid-role',
    ],
    ['no role', { resume: 'Skills: Java' }, 400, 'bad-request'],
    ['a number as the résumé', { role: 'backend-developer', resume: 42 }, 400, 'bad-request'],
    [
      'base64 that is not',
      { role: 'backend-developer', resume: { data: '%%%not base64%%%', filename: 'a.pdf' } },
      400,
      'bad-request',
    ],
    [
      'a JSON object that is no JSON Resume',
      { role: 'backend-developer', resume: { hello: 'world' } },
      422,
      'unsupported-format',
    ],
    [
      'an asOf that is no month',
      { role: 'backend-developer', resume: 'Skills: Java', asOf: '2025-13' },
      400,
      'bad-request',
    ],
    [
      'a documentDate that is no month',
      { role: 'backend-developer', resume: 'Skills: Java', documentDate: 'June 2018' },
      400,
      'bad-request',
    ],
    [
      'a documentDate after asOf',
      { role: 'backend-developer', resume: 'Skills: Java', asOf: '2020-01', documentDate: '2021-01' },
      422,
      'invalid-input',
    ],
  ])('answers %s with %i %s', async (_name, json, status, code) => {
    const answer = await call(`${url}/v1/match`, { method: 'POST', headers: AUTH, json });
    expect(answer.status).toBe(status);
    expect(answer.json.error.code).toBe(code);
    expect(typeof answer.json.error.message).toBe('string');
  });

  it.each([
    ['invalid/pdf-encrypted-user-password/input.pdf', 422, 'pdf-encrypted'],
    ['invalid/pdf-truncated/input.pdf', 422, 'pdf-corrupt'],
    ['invalid/empty-file/input.pdf', 422, 'empty-input'],
  ])('answers the unusable file %s with %i %s, naming no file', async (path, status, code) => {
    const answer = await call(`${url}/v1/parse`, {
      method: 'POST',
      headers: AUTH,
      body: form({}, [{ field: 'resume', name: 'Jane_Roe_CV.pdf', data: fixture(path) }]),
    });
    expect(answer.status).toBe(status);
    expect(answer.json.error.code).toBe(code);
    expect(answer.json.error.file).toBeUndefined();
  });

  it('answers malformed JSON with 400 and a file over maxFileBytes with 413 limit-bytes', async () => {
    const malformed = await call(`${url}/v1/match`, {
      method: 'POST',
      headers: { ...AUTH, 'content-type': 'application/json' },
      body: '{"role": "backend-developer", "resume": ',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.json.error.code).toBe('bad-request');
    const big = await call(`${url}/v1/extract`, {
      method: 'POST',
      headers: AUTH,
      body: form({}, [{ field: 'resume', name: 'big.txt', data: 'Java '.repeat(120_000) }]),
    });
    expect(big.status).toBe(413);
    expect(big.json.error).toMatchObject({ code: 'limit-bytes', limit: 512 * 1024 });
    const twoFiles = await call(`${url}/v1/extract`, {
      method: 'POST',
      headers: AUTH,
      body: form({}, [
        { field: 'a', name: 'a.txt', data: 'Java' },
        { field: 'b', name: 'b.txt', data: 'Go' },
      ]),
    });
    expect(twoFiles.status).toBe(400);
  });

  it('takes documentDate on every route, as the library does', async () => {
    const OLD =
      'Jane Doe\nExperience\nBackend Developer, Acme Corp, Jan 2016 – Present\n• Built REST APIs in Java with Spring and PostgreSQL.\n';
    const doc = await call(`${url}/v1/parse`, {
      method: 'POST',
      headers: AUTH,
      json: { resume: OLD, documentDate: 'estimate' },
    });
    expect(doc.json.documentDate).toEqual({ month: '2017-01', source: 'estimated' });
    const match = await call(`${url}/v1/match`, {
      method: 'POST',
      headers: AUTH,
      json: { role: 'backend-developer', resume: OLD, documentDate: '2018-01' },
    });
    expect(match.json).toEqual(
      await matcher.match({ data: OLD, documentDate: '2018-01' }, 'backend-developer', { asOf: AS_OF }),
    );
    const ranked = await call(`${url}/v1/rank`, {
      method: 'POST',
      headers: AUTH,
      json: { role: 'backend-developer', resumes: [OLD], documentDate: 'estimate' },
    });
    const library = await matcher.rank([{ data: OLD, documentDate: 'estimate' }], 'backend-developer', { asOf: AS_OF });
    expect(ranked.json.results[0].score).toBe(library.results[0]?.score);
  });

  it('POST /v1/parse and /v1/extract answer the library`s document and profile', async () => {
    const doc = await call(`${url}/v1/parse`, { method: 'POST', headers: AUTH, json: { resume: TEXT } });
    expect(doc.status).toBe(200);
    expect(doc.json.text).toBe(TEXT);
    expect(doc.json).toEqual(await matcher.parse(TEXT, { asOf: AS_OF }));
    const profile = await call(`${url}/v1/extract`, {
      method: 'POST',
      headers: { ...AUTH, 'content-type': 'text/plain' },
      body: TEXT,
    });
    expect(profile.status).toBe(200);
    expect(profile.json).toEqual(await matcher.extract(TEXT, { asOf: AS_OF }));
  });
});

describe('service: batches and roles', () => {
  it('POST /v1/rank ranks files, reports each unusable one at its place, and never fails the batch', async () => {
    const body = form({ role: 'backend-developer', top: '5' }, [
      { field: 'files', name: 'java.pdf', data: PDF },
      { field: 'files', name: 'broken.pdf', data: fixture('invalid/pdf-truncated/input.pdf') },
      { field: 'files', name: 'node.txt', data: TEXT },
      { field: 'files', name: 'huge.txt', data: 'Kotlin '.repeat(100_000) },
    ]);
    const answer = await call(`${url}/v1/rank`, { method: 'POST', headers: AUTH, body });
    expect(answer.status).toBe(200);
    expect(answer.json.total).toBe(4);
    expect(answer.json.results.map((r: { id: string; rank: number }) => [r.id, r.rank]).sort()).toEqual([
      ['java.pdf', expect.any(Number)],
      ['node.txt', expect.any(Number)],
    ]);
    expect(
      answer.json.errors.map((e: { id: string; index: number; error: { code: string } }) => [
        e.id,
        e.index,
        e.error.code,
      ]),
    ).toEqual([
      ['broken.pdf', 1, 'pdf-corrupt'],
      ['huge.txt', 3, 'limit-bytes'],
    ]);
    expect(answer.json.results[0].match.version).toBe(MATCH_VERSION);
  });

  it('POST /v1/rank with JSON keeps the caller`s ids, and answers 413 limit-files past maxFiles', async () => {
    const answer = await call(`${url}/v1/rank`, {
      method: 'POST',
      headers: AUTH,
      json: {
        role: 'backend-developer',
        resumes: [
          { id: 'cand-1', resume: TEXT },
          { id: 'cand-2', text: 'Skills: Excel, Word' },
        ],
      },
    });
    expect(answer.status).toBe(200);
    expect(answer.json.results.map((r: { id: string }) => r.id)).toEqual(['cand-1', 'cand-2']);
    const tooMany = await call(`${url}/v1/rank`, {
      method: 'POST',
      headers: AUTH,
      json: { role: 'backend-developer', resumes: Array.from({ length: 6 }, () => 'Skills: Java') },
    });
    expect(tooMany.status).toBe(413);
    expect(tooMany.json.error.code).toBe('limit-files');
    const files = Array.from({ length: 6 }, (_, i) => ({ field: 'files', name: `${i}.txt`, data: 'Skills: Java' }));
    const tooManyFiles = await call(`${url}/v1/rank`, {
      method: 'POST',
      headers: AUTH,
      body: form({ role: 'backend-developer' }, files),
    });
    expect(tooManyFiles.status).toBe(413);
    expect(tooManyFiles.json.error.code).toBe('limit-files');
  });

  it('POST /v1/roles makes a role from a job description that /v1/match then finds by id', async () => {
    const made = await call(`${url}/v1/roles?id=acme-backend`, {
      method: 'POST',
      headers: { ...AUTH, 'content-type': 'text/plain' },
      body: JOB_DESCRIPTION,
    });
    expect(made.status).toBe(201);
    expect(made.headers.get('location')).toBe('/v1/roles/acme-backend');
    expect(made.json.id).toBe('acme-backend');
    const listed = await call(`${url}/v1/roles`, { headers: AUTH });
    expect(listed.json.roles.find((r: { id: string }) => r.id === 'acme-backend')).toMatchObject({ builtin: false });
    expect(listed.json.roles.find((r: { id: string }) => r.id === 'backend-developer')).toMatchObject({
      builtin: true,
    });
    const matched = await call(`${url}/v1/match`, {
      method: 'POST',
      headers: AUTH,
      json: { role: 'acme-backend', resume: TEXT },
    });
    expect(matched.status).toBe(200);
    expect(matched.json.role.id).toBe('acme-backend');
    const posting = await call(`${url}/v1/roles`, {
      method: 'POST',
      headers: AUTH,
      json: { '@type': 'JobPosting', title: 'Go Engineer', skills: 'Go, gRPC, Kubernetes' },
    });
    expect(posting.status).toBe(201);
    expect(posting.json.id).toBe('go-engineer');
    const empty = await call(`${url}/v1/roles`, {
      method: 'POST',
      headers: AUTH,
      json: { jobDescription: 'We are a friendly team that likes lunch.' },
    });
    expect(empty.status).toBe(422);
    expect(empty.json.error.code).toBe('role-empty');
  });
});

describe('service: a taxonomy of its own', () => {
  it('builds roles from job descriptions, role objects and matches with the service`s taxonomy', async () => {
    const taxonomy = mergeTaxonomy(builtinTaxonomy(), {
      category: 'ci-cd-and-devops-tools',
      skills: [{ id: 'acme-flow', name: 'Acme Flow', category: 'ci-cd-and-devops-tools', aliases: ['AcmeFlow'] }],
    });
    const own = await startService({ taxonomy });
    try {
      const made = await call(`${own.url}/v1/roles`, {
        method: 'POST',
        headers: AUTH,
        json: {
          jobDescription: 'Release Engineer\n\nRequirements\n- Strong experience with Acme Flow pipelines\n- Docker',
          id: 'release-engineer',
        },
      });
      expect(made.status).toBe(201);
      expect(made.json.requirements.map((r: { skill?: string }) => r.skill)).toContain('acme-flow');
      const inline = await call(`${own.url}/v1/match`, {
        method: 'POST',
        headers: AUTH,
        json: {
          role: { id: 'flow', title: 'Flow', requirements: [{ skill: 'acme-flow', importance: 'required' }] },
          resume: 'Experience\nBuilt pipelines in AcmeFlow and Docker, 2020 – 2024.',
        },
      });
      expect(inline.status).toBe(200);
      expect(inline.json.requirements[0]).toMatchObject({ status: 'met', skill: { id: 'acme-flow' } });
      const byId = await call(`${own.url}/v1/match`, {
        method: 'POST',
        headers: AUTH,
        json: { role: 'release-engineer', resume: 'Skills: Acme Flow, Docker' },
      });
      expect(
        byId.json.requirements.find((r: { skill: { id: string } | null }) => r.skill?.id === 'acme-flow'),
      ).toBeDefined();
      // The built-in service knows no such skill.
      const builtin = await call(`${url}/v1/match`, {
        method: 'POST',
        headers: AUTH,
        json: {
          role: { id: 'flow', title: 'Flow', requirements: [{ skill: 'acme-flow', importance: 'required' }] },
          resume: 'Skills: Acme Flow',
        },
      });
      expect(builtin.json.error.code).toBe('invalid-role');
    } finally {
      await own.service.close();
    }
  });
});

describe('service: logs', () => {
  it('log every request with its id and never the résumé, its file name or the query string', async () => {
    const marker = 'Zebulon Quixotic-Marchetti';
    const email = 'zebulon.q@example.org';
    const resume = `${marker}\n${email}\n+44 20 7946 0958\n\nExperience\nEngineer, Acme — 2019 – 2024\nBuilt services in Java on PostgreSQL.\n`;
    await call(`${url}/v1/match?filename=${encodeURIComponent('Zebulon_CV.txt')}`, {
      method: 'POST',
      headers: { ...AUTH, 'x-request-id': 'log-check-1' },
      json: { role: 'backend-developer', resume },
    });
    await call(`${url}/v1/parse`, {
      method: 'POST',
      headers: { ...AUTH, 'x-request-id': 'log-check-2', 'content-type': 'application/json' },
      body: `{"resume": "${marker}`,
    });
    await call(`${url}/v1/rank`, {
      method: 'POST',
      headers: { ...AUTH, 'x-request-id': 'log-check-3' },
      body: form({ role: 'backend-developer' }, [
        { field: 'f', name: 'Zebulon_Quixotic.pdf', data: fixture('invalid/pdf-truncated/input.pdf') },
      ]),
    });
    const text = started.logs.text;
    for (const id of ['log-check-1', 'log-check-2', 'log-check-3']) expect(text).toContain(id);
    // The phone as written (with its spaces): a bare '7946' turns up inside timestamps and response times.
    for (const secret of ['Zebulon', 'Quixotic', email, '7946 0958', 'filename=', TOKEN])
      expect(text).not.toContain(secret);
    const completed = started.logs.records().filter((r) => r.reqId === 'log-check-1' && r.msg === 'request completed');
    expect(completed).toHaveLength(1);
  });
});

describe('service: capacity', () => {
  it('answers 429 with Retry-After beyond capacity, and serves again once a slot frees', async () => {
    const small = await startService({ maxConcurrent: 1, maxQueued: 0 });
    try {
      // A client that sends its multipart body slowly holds the one slot until it finishes.
      const boundary = 'slowboundary';
      const head = `--${boundary}\r\nContent-Disposition: form-data; name="resume"; filename="cv.txt"\r\nContent-Type: text/plain\r\n\r\n`;
      const tail = `\r\n--${boundary}--\r\n`;
      const { port } = new URL(small.url);
      let slowStatus = 0;
      const slow = new Promise<void>((resolve, reject) => {
        const req = httpRequest(
          {
            host: '127.0.0.1',
            port: Number(port),
            method: 'POST',
            path: '/v1/extract',
            headers: { ...AUTH, 'content-type': `multipart/form-data; boundary=${boundary}` },
          },
          (res) => {
            slowStatus = res.statusCode ?? 0;
            res.resume();
            res.on('end', resolve);
          },
        );
        req.on('error', reject);
        req.write(head + TEXT.slice(0, 100));
        setTimeout(() => req.end(TEXT.slice(100) + tail), 1500);
      });
      await new Promise((resolve) => setTimeout(resolve, 400));
      const refused = await call(`${small.url}/v1/match`, {
        method: 'POST',
        headers: AUTH,
        json: { role: 'backend-developer', resume: TEXT },
      });
      expect(refused.status).toBe(429);
      expect(refused.json.error.code).toBe('saturated');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect((await call(`${small.url}/healthz`)).status).toBe(200);
      await slow;
      expect(slowStatus).toBe(200);
      const after = await call(`${small.url}/v1/match`, {
        method: 'POST',
        headers: AUTH,
        json: { role: 'backend-developer', resume: TEXT },
      });
      expect(after.status).toBe(200);
    } finally {
      await small.service.close();
    }
  });

  it('frees the slot of a client that gave up while waiting for it', async () => {
    const small = await startService({ maxConcurrent: 1, maxQueued: 1 });
    try {
      const { port } = new URL(small.url);
      const boundary = 'holdboundary';
      const holder = new Promise<number>((resolve, reject) => {
        const req = httpRequest(
          {
            host: '127.0.0.1',
            port: Number(port),
            method: 'POST',
            path: '/v1/extract',
            headers: { ...AUTH, 'content-type': `multipart/form-data; boundary=${boundary}` },
          },
          (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
          },
        );
        req.on('error', reject);
        req.write(`--${boundary}\r\nContent-Disposition: form-data; name="resume"; filename="cv.txt"\r\n\r\n${TEXT}`);
        setTimeout(() => req.end(`\r\n--${boundary}--\r\n`), 1200);
      });
      await new Promise((resolve) => setTimeout(resolve, 200));
      const waiting = new AbortController();
      const gaveUp = fetch(`${small.url}/v1/match`, {
        method: 'POST',
        headers: { ...AUTH, 'content-type': 'application/json' },
        body: JSON.stringify({ role: 'backend-developer', resume: TEXT }),
        signal: waiting.signal,
      }).catch(() => 'aborted');
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect((await call(`${small.url}/readyz`)).json.load).toMatchObject({ active: 1, queued: 1 });
      waiting.abort();
      expect(await gaveUp).toBe('aborted');
      expect(await holder).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect((await call(`${small.url}/readyz`)).json.load).toMatchObject({ active: 0, queued: 0 });
      expect(
        (
          await call(`${small.url}/v1/match`, {
            method: 'POST',
            headers: AUTH,
            json: { role: 'backend-developer', resume: TEXT },
          })
        ).status,
      ).toBe(200);
    } finally {
      await small.service.close();
    }
  });

  it('stops a parse past the pool`s time budget: 422 limit-time, and the pool and service carry on', async () => {
    const strict = await startService({ timeoutMs: 1, poolSize: 1 });
    try {
      const answer = await call(`${strict.url}/v1/parse`, {
        method: 'POST',
        headers: AUTH,
        body: form({}, [{ field: 'resume', name: 'cv.pdf', data: PDF }]),
      });
      expect(answer.status).toBe(422);
      expect(answer.json.error).toMatchObject({ code: 'limit-time', limit: 1 });
      // Text goes through the pool too, with the same budget: the killed worker was replaced and answers again.
      const text = await call(`${strict.url}/v1/parse`, { method: 'POST', headers: AUTH, json: { resume: TEXT } });
      expect(text.status).toBe(422);
      expect(text.json.error).toMatchObject({ code: 'limit-time' });
      expect((await call(`${strict.url}/healthz`, {})).status).toBe(200);
    } finally {
      await strict.service.close();
    }
  });
});
