/**
 * Asynchronous ranking: POST /v1/rank-jobs → 202 and a job id, progress and result on GET, a
 * signed Standard Webhooks callback retried with backoff under one id, the HTML report through
 * an expiring signed link. The webhook receiver is a real HTTP server on loopback.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverWebhook, generateWebhookSecret, signWebhook, verifyWebhook } from '../src/service/index.js';
import { AUTH, call, form, startReceiver, startService, waitFor } from './service-helpers.js';
import type { Receiver, Started } from './service-helpers.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const fixture = (path: string): Buffer => readFileSync(join(ROOT, 'fixtures', path));
const TEXT = fixture('resumes/txt-backend-node-flags/input.txt').toString('utf8');
const SECRET = generateWebhookSecret();

describe('webhook signatures (Standard Webhooks)', () => {
  it('signs the published test vector', () => {
    // The example of the Standard Webhooks specification's reference libraries.
    expect(
      signWebhook(
        'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
        'msg_p5jXN8AQM9LWM0D4loKWxJek',
        1614265330,
        '{"test": 2432232314}',
      ),
    ).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  const now = 1_800_000_000;
  const body = '{"type":"rank-job.succeeded"}';
  const headers = (overrides: Record<string, string> = {}): Record<string, string> => ({
    'webhook-id': 'msg_1',
    'webhook-timestamp': String(now),
    'webhook-signature': signWebhook(SECRET, 'msg_1', now, body),
    ...overrides,
  });

  it.each([
    ['a valid signature', headers(), body, true],
    [
      'one valid among several signatures',
      headers({ 'webhook-signature': `v1,AAAA ${signWebhook(SECRET, 'msg_1', now, body)}` }),
      body,
      true,
    ],
    ['a changed body', headers(), `${body} `, false],
    ['another id', headers({ 'webhook-id': 'msg_2' }), body, false],
    [
      'a stale timestamp',
      headers({
        'webhook-timestamp': String(now - 3600),
        'webhook-signature': signWebhook(SECRET, 'msg_1', now - 3600, body),
      }),
      body,
      false,
    ],
    [
      'another secret',
      headers({ 'webhook-signature': signWebhook(generateWebhookSecret(), 'msg_1', now, body) }),
      body,
      false,
    ],
    [
      'a v2 signature',
      headers({ 'webhook-signature': signWebhook(SECRET, 'msg_1', now, body).replace('v1,', 'v2,') }),
      body,
      false,
    ],
    ['no signature', { 'webhook-id': 'msg_1', 'webhook-timestamp': String(now) }, body, false],
  ])('verifyWebhook with %s → %s', (_name, given, payload, ok) => {
    const verify = (): string => verifyWebhook(SECRET, given, payload, { now });
    if (ok) expect(verify()).toBe('msg_1');
    else expect(verify).toThrow(expect.objectContaining({ code: 'webhook-invalid' }));
  });

  it('rejects secrets that are not whsec_<base64 of 16+ bytes>', () => {
    expect(() => signWebhook('not-a-secret', 'id', 1, '')).toThrow(TypeError);
    expect(() => signWebhook('whsec_c2hvcnQ=', 'id', 1, '')).toThrow(RangeError);
  });

  it('retries with backoff under one id, stops at 410 Gone, and gives up after maxAttempts', async () => {
    const seen: { id: string; status: number }[] = [];
    const statuses = [500, 503, 204];
    const receiver = await startReceiver((req, payload, res) => {
      const status = statuses.shift() ?? 410;
      seen.push({ id: verifyWebhook(SECRET, req.headers, payload), status });
      res.statusCode = status;
      res.end();
    });
    try {
      const started = Date.now();
      const attempts: number[] = [];
      const delivered = await deliverWebhook({
        url: receiver.url,
        secret: SECRET,
        id: 'msg_retry',
        body: '{}',
        baseDelayMs: 50,
        onAttempt: (a) => attempts.push(a.statusCode ?? 0),
      });
      expect(delivered).toBe(true);
      expect(attempts).toEqual([500, 503, 204]);
      expect(seen.map((s) => s.id)).toEqual(['msg_retry', 'msg_retry', 'msg_retry']);
      // 50 ms then 100 ms (±20%) of backoff.
      expect(Date.now() - started).toBeGreaterThanOrEqual(110);
      const gone = await deliverWebhook({
        url: receiver.url,
        secret: SECRET,
        id: 'msg_gone',
        body: '{}',
        baseDelayMs: 10,
        maxAttempts: 5,
      });
      expect(gone).toBe(false);
      expect(seen.at(-1)).toEqual({ id: 'msg_gone', status: 410 });
      expect(seen).toHaveLength(4);
    } finally {
      await receiver.close();
    }
    const closed = await startReceiver((_req, _payload, res) => {
      res.end();
    });
    await closed.close();
    const attempts: (number | null)[] = [];
    expect(
      await deliverWebhook({
        url: closed.url,
        secret: SECRET,
        id: 'msg_down',
        body: '{}',
        baseDelayMs: 5,
        maxAttempts: 3,
        onAttempt: (a) => attempts.push(a.statusCode),
      }),
    ).toBe(false);
    expect(attempts).toEqual([null, null, null]);
  });
});

describe('rank jobs', () => {
  let started: Started;
  let receiver: Receiver;
  const received: { id: string; body: string; attempt: number }[] = [];
  let failuresLeft = 2;

  beforeAll(async () => {
    receiver = await startReceiver((req, body, res) => {
      // The first two deliveries fail, as a receiver that is briefly down would.
      const id = verifyWebhook(SECRET, req.headers, body);
      received.push({ id, body, attempt: received.filter((r) => r.id === id).length + 1 });
      res.statusCode = failuresLeft-- > 0 ? 500 : 200;
      res.end();
    });
    started = await startService({ webhookSecret: SECRET, webhook: { baseDelayMs: 50 }, callbackHosts: ['127.0.0.1'] });
  });

  afterAll(async () => {
    await started?.service.close();
    await receiver?.close();
  });

  it('accepts a job with 202, reports progress, then the ranking; posts it signed, retrying under one webhook id', async () => {
    const resumes = [
      { id: 'node', resume: TEXT },
      {
        id: 'pdf',
        resume: { data: fixture('resumes/pdf-backend-java/input.pdf').toString('base64'), filename: 'cv.pdf' },
      },
      {
        id: 'broken',
        resume: { data: fixture('invalid/pdf-truncated/input.pdf').toString('base64'), filename: 'b.pdf' },
      },
    ];
    const accepted = await call(`${started.url}/v1/rank-jobs`, {
      method: 'POST',
      headers: AUTH,
      json: { role: 'backend-developer', resumes, callbackUrl: `${receiver.url}/hooks/skillmatch` },
    });
    expect(accepted.status).toBe(202);
    const job = accepted.json;
    expect(job.id).toMatch(/^job_[A-Za-z0-9_-]{22}$/);
    expect(accepted.headers.get('location')).toBe(`/v1/rank-jobs/${job.id}`);
    expect(['queued', 'running', 'succeeded']).toContain(job.status);
    expect(job.progress.total).toBe(3);
    expect(job.links.self).toBe(`${started.url}/v1/rank-jobs/${job.id}`);

    const done = await waitFor(async () => {
      const answer = await call(job.links.self, { headers: AUTH });
      return answer.json.status === 'succeeded' && answer.json.callback.status === 'delivered'
        ? answer.json
        : undefined;
    });
    expect(done.progress).toEqual({ done: 3, total: 3 });
    expect(done.result.total).toBe(3);
    expect(done.result.results.map((r: { id: string }) => r.id).sort()).toEqual(['node', 'pdf']);
    expect(done.result.errors).toEqual([
      expect.objectContaining({ id: 'broken', index: 2, error: expect.objectContaining({ code: 'pdf-corrupt' }) }),
    ]);
    expect(done.callback).toMatchObject({
      url: `${receiver.url}/hooks/skillmatch`,
      status: 'delivered',
      attempts: 3,
      lastStatusCode: 200,
    });

    expect(received.map((r) => r.id)).toEqual([`msg_${job.id}`, `msg_${job.id}`, `msg_${job.id}`]);
    const event = JSON.parse(received.at(-1)!.body);
    expect(event.type).toBe('rank-job.succeeded');
    expect(event.data.id).toBe(job.id);
    expect(event.data.result).toEqual(done.result);
  });

  it('opens the report through the signed link without the token, and refuses a tampered or missing signature', async () => {
    const job = (
      await call(`${started.url}/v1/rank-jobs`, {
        method: 'POST',
        headers: AUTH,
        json: { role: 'backend-developer', resumes: [TEXT, 'Skills: <script>alert(1)</script> Java'] },
      })
    ).json;
    const report = await waitFor(async () => {
      const answer = await call(job.links.report);
      return answer.status === 200 ? answer : undefined;
    });
    expect(report.headers.get('content-type')).toMatch(/^text\/html/);
    expect(report.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(report.text).toContain('<!doctype html>');
    expect(report.text).toContain('Back End Developer');
    expect(report.text).not.toContain('<script>');
    const path = new URL(job.links.report).pathname;
    expect((await call(`${started.url}${path}`)).status).toBe(401);
    expect((await call(job.links.report.replace(/signature=./, 'signature=A'))).status).toBe(401);
    expect((await call(`${started.url}${path}`, { headers: AUTH })).status).toBe(200);
    // A link signed for one job opens no other.
    const other = (
      await call(`${started.url}/v1/rank-jobs`, {
        method: 'POST',
        headers: AUTH,
        json: { role: 'backend-developer', resumes: [TEXT] },
      })
    ).json;
    expect(
      (await call(`${started.url}/v1/rank-jobs/${other.id}/report${new URL(job.links.report).search}`)).status,
    ).toBe(401);
  });

  it('answers the same job for a repeated Idempotency-Key, 404 for an unknown job, 409 for a report not ready', async () => {
    const headers = { ...AUTH, 'idempotency-key': 'ats-application-981' };
    const body = form({ role: 'backend-developer' }, [{ field: 'files', name: 'a.txt', data: TEXT }]);
    const first = await call(`${started.url}/v1/rank-jobs`, { method: 'POST', headers, body });
    const again = await call(`${started.url}/v1/rank-jobs`, {
      method: 'POST',
      headers,
      body: form({ role: 'backend-developer' }, [{ field: 'files', name: 'a.txt', data: TEXT }]),
    });
    expect(first.status).toBe(202);
    expect(again.status).toBe(202);
    expect(again.json.id).toBe(first.json.id);
    expect((await call(`${started.url}/v1/rank-jobs/job_nope`, { headers: AUTH })).json.error.code).toBe('not-found');
    const slow = await startService({ jobs: { concurrency: 1 } });
    try {
      const many = Array.from({ length: 3 }, () => ({
        data: fixture('resumes/pdf-backend-java/input.pdf').toString('base64'),
        filename: 'x.pdf',
      }));
      const a = (
        await call(`${slow.url}/v1/rank-jobs`, {
          method: 'POST',
          headers: AUTH,
          json: { role: 'backend-developer', resumes: many },
        })
      ).json;
      const b = (
        await call(`${slow.url}/v1/rank-jobs`, {
          method: 'POST',
          headers: AUTH,
          json: { role: 'backend-developer', resumes: many },
        })
      ).json;
      const notReady = await call(`${slow.url}/v1/rank-jobs/${b.id}/report`, { headers: AUTH });
      expect(notReady.status).toBe(409);
      expect(notReady.json.error.code).toBe('job-not-finished');
      await waitFor(async () =>
        (await call(`${slow.url}/v1/rank-jobs/${b.id}`, { headers: AUTH })).json.status === 'succeeded'
          ? true
          : undefined,
      );
      expect((await call(`${slow.url}/v1/rank-jobs/${a.id}`, { headers: AUTH })).json.status).toBe('succeeded');
    } finally {
      await slow.service.close();
    }
  });

  it('answers 429 when waiting jobs are too many or hold too many bytes', async () => {
    const small = await startService({ jobs: { concurrency: 1, maxQueued: 2, maxQueuedBytes: 8000 } });
    try {
      const pdfs = Array.from({ length: 4 }, () => ({
        data: fixture('resumes/pdf-backend-java/input.pdf').toString('base64'),
        filename: 'x.pdf',
      }));
      const submit = (resumes: unknown[]) =>
        call(`${small.url}/v1/rank-jobs`, {
          method: 'POST',
          headers: AUTH,
          json: { role: 'backend-developer', resumes },
        });
      expect((await submit(pdfs)).status).toBe(202); // runs at once, so it waits in no queue
      expect((await submit(['Skills: Java '.repeat(250)])).status).toBe(202); // 3,250 characters, held as ~6.5 KB, waiting
      const overBytes = await submit(['Skills: Go '.repeat(250)]);
      expect(overBytes.status).toBe(429);
      expect(overBytes.json.error.code).toBe('saturated');
      expect(Number(overBytes.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await submit(['Skills: Go'])).status).toBe(202);
      const overCount = await submit(['Skills: Rust']);
      expect(overCount.status).toBe(429);
    } finally {
      await small.service.close();
    }
  });

  it.each([
    ['not a URL', 'not a url'],
    ['another scheme', 'file:///etc/passwd'],
    ['a host not allowed', 'http://example.com/hook'],
    ['credentials in the URL', 'http://user:pw@127.0.0.1/hook'],
  ])('refuses a callbackUrl that is %s', async (_name, callbackUrl) => {
    const answer = await call(`${started.url}/v1/rank-jobs`, {
      method: 'POST',
      headers: AUTH,
      json: { role: 'backend-developer', resumes: [TEXT], callbackUrl },
    });
    expect(answer.status).toBe(400);
    expect(answer.json.error.code).toBe('bad-request');
  });

  it('refuses a callbackUrl when the service has no webhook secret', async () => {
    const plain = await startService();
    try {
      const answer = await call(`${plain.url}/v1/rank-jobs`, {
        method: 'POST',
        headers: AUTH,
        json: { role: 'backend-developer', resumes: [TEXT], callbackUrl: 'http://127.0.0.1:9/x' },
      });
      expect(answer.status).toBe(400);
      expect(answer.json.error.message).toMatch(/webhook secret/);
    } finally {
      await plain.service.close();
    }
  });
});
