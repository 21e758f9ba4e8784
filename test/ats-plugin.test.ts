/**
 * The ATS plugin example, end to end on loopback: a fake ATS sends a signed Greenhouse-style
 * "application created" webhook; the plugin fetches the résumé and the job, makes the role and
 * a rank job through the service, receives the signed result and writes the score and the
 * report link back. Everything runs as real HTTP servers on 127.0.0.1.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMatcher } from '../src/rank/index.js';
import { roleFromJobDescription } from '../src/job-description/index.js';
import { generateWebhookSecret } from '../src/service/index.js';
import { applicationEvent, createFakeAts, sendAtsWebhook } from '../examples/ats-plugin/fake-ats.mjs';
import { createAtsPlugin, verifyGreenhouseSignature } from '../examples/ats-plugin/plugin.mjs';
import { call, startService, waitFor } from './service-helpers.js';
import type { Started } from './service-helpers.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PDF = readFileSync(join(ROOT, 'fixtures/resumes/pdf-backend-node-senior/input.pdf'));
const BROKEN = readFileSync(join(ROOT, 'fixtures/invalid/pdf-truncated/input.pdf'));
const JOB = {
  id: 4001,
  name: 'Senior Back-end Developer',
  content: readFileSync(join(ROOT, 'fixtures/rankings/job-description/job.txt'), 'utf8'),
};
const GREENHOUSE_SECRET = randomBytes(16).toString('hex');
const ATS_KEY = randomBytes(16).toString('hex');
const WEBHOOK_SECRET = generateWebhookSecret();

describe('examples/ats-plugin', () => {
  let service: Started;
  let ats: ReturnType<typeof createFakeAts>;
  let plugin: ReturnType<typeof createAtsPlugin>;
  let hook: string;
  let atsUrl: string;
  const logs: string[] = [];

  beforeAll(async () => {
    ats = createFakeAts({
      apiKey: ATS_KEY,
      jobs: { [JOB.id]: JOB },
      files: {
        'cv-1.pdf': { data: PDF, type: 'application/pdf' },
        'cv-2.pdf': { data: BROKEN, type: 'application/pdf' },
      },
    });
    atsUrl = await ats.listen();
    service = await startService({
      webhookSecret: WEBHOOK_SECRET,
      webhook: { baseDelayMs: 50 },
      callbackHosts: ['127.0.0.1'],
    });
    plugin = createAtsPlugin({
      atsUrl,
      atsApiKey: ATS_KEY,
      atsUserId: 77,
      greenhouseSecret: GREENHOUSE_SECRET,
      skillmatchUrl: service.url,
      skillmatchToken: 'test-token-0123456789abcdef',
      skillmatchWebhookSecret: WEBHOOK_SECRET,
      log: (m: string) => logs.push(m),
    });
    hook = `${await plugin.listen()}/greenhouse/webhook`;
  });

  afterAll(async () => {
    await plugin?.close();
    await service?.service.close();
    await ats?.close();
  });

  it.each([
    [
      'a valid signature',
      (body: string) => `sha256 ${createHmac('sha256', GREENHOUSE_SECRET).update(body).digest('hex')}`,
      true,
    ],
    ['another secret', (body: string) => `sha256 ${createHmac('sha256', 'other').update(body).digest('hex')}`, false],
    ['no scheme', () => 'deadbeef', false],
    ['no header', () => undefined, false],
  ])('verifies the ATS signature: %s', (_name, sign, ok) => {
    const body = '{"action":"ping"}';
    expect(verifyGreenhouseSignature(GREENHOUSE_SECRET, sign(body), body)).toBe(ok);
  });

  it('scores a new application and writes the score and a working report link back, once, however often the ATS retries', async () => {
    const event = applicationEvent({
      applicationId: 9001,
      candidateId: 5001,
      jobId: JOB.id,
      jobName: JOB.name,
      resumeUrl: `${atsUrl}/v1/attachments/cv-1.pdf`,
    });
    expect(await sendAtsWebhook(hook, GREENHOUSE_SECRET, event)).toBe(200);
    // The ATS did not hear back in time and sends the same event again.
    expect(await sendAtsWebhook(hook, GREENHOUSE_SECRET, event)).toBe(200);
    const note = await waitFor(() =>
      ats.state.notes.find((n: { application_id: number }) => n.application_id === 9001),
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(ats.state.notes.filter((n: { application_id: number }) => n.application_id === 9001)).toHaveLength(1);

    const matcher = createMatcher({ poolSize: 1 });
    let expected: Awaited<ReturnType<typeof matcher.match>>;
    try {
      expected = await matcher.match(
        { data: new Uint8Array(PDF), filename: 'cv.pdf' },
        roleFromJobDescription(`${JOB.name}\n\n${JOB.content}`, { id: `ats-job-${JOB.id}`, title: JOB.name }),
        { asOf: '2025-06' },
      );
    } finally {
      await matcher.close();
    }
    expect(ats.state.customFields['9001.skillmatch_score']).toBe(expected.score);
    expect(ats.state.customFields['9001.skillmatch_must_haves_met']).toBe(expected.mustHavesMet);
    expect(note).toMatchObject({ candidateId: 5001, user_id: 77, visibility: 'private' });
    expect(note.body).toContain(`skillmatch score ${expected.score}/100 for Senior Back-end Developer`);
    const link = /Evidence: (\S+)/.exec(note.body)![1]!;
    const report = await call(link);
    expect(report.status).toBe(200);
    expect(report.text).toContain('Senior Back-end Developer');
    expect(report.text).toContain('gh-9001-5001');
    expect(ats.state.calls.filter((c: string) => c === 'GET /v1/attachments/cv-1.pdf').length).toBe(2);
    expect(
      logs
        .filter((l) => l.includes('rank job'))
        .map((l) => /job_\S+/.exec(l)![0])
        .reduce((set, id) => set.add(id), new Set<string>()).size,
    ).toBe(1);
  });

  it('writes a note with the reason when the résumé cannot be read, and no score', async () => {
    const event = applicationEvent({
      applicationId: 9002,
      candidateId: 5002,
      jobId: JOB.id,
      jobName: JOB.name,
      resumeUrl: `${atsUrl}/v1/attachments/cv-2.pdf`,
    });
    expect(await sendAtsWebhook(hook, GREENHOUSE_SECRET, event)).toBe(200);
    const note = await waitFor(() =>
      ats.state.notes.find((n: { application_id: number }) => n.application_id === 9002),
    );
    expect(note.body).toMatch(/could not read the résumé \(pdf-corrupt\)/);
    expect(ats.state.customFields['9002.skillmatch_score']).toBeUndefined();
  });

  it('refuses a forged ATS webhook and a forged skillmatch callback, writing nothing', async () => {
    const before = ats.state.notes.length;
    const event = applicationEvent({
      applicationId: 9003,
      candidateId: 5003,
      jobId: JOB.id,
      jobName: JOB.name,
      resumeUrl: `${atsUrl}/v1/attachments/cv-1.pdf`,
    });
    expect(await sendAtsWebhook(hook, GREENHOUSE_SECRET, event, { signature: 'sha256 '.padEnd(71, '0') })).toBe(401);
    const forged = await call(hook.replace('/greenhouse/webhook', '/skillmatch/callback'), {
      method: 'POST',
      headers: {
        'webhook-id': 'msg_x',
        'webhook-timestamp': String(Math.floor(Date.now() / 1000)),
        'webhook-signature': 'v1,AAAA',
      },
      json: { data: {} },
    });
    expect(forged.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(ats.state.notes.length).toBe(before);
    expect(ats.state.customFields['9003.skillmatch_score']).toBeUndefined();
  });
});
