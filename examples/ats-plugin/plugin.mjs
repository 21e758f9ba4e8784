// An ATS plugin on skillmatch: Greenhouse-style "application created" webhook in, score and
// report link back to the ATS. Plain Node (no framework), so it reads top to bottom:
//
//   ATS ──webhook (HMAC-signed)──▶ plugin ──résumé, job──▶ ATS API
//                                  plugin ──role, rank job──▶ skillmatch serve
//   skillmatch ──webhook (Standard Webhooks)──▶ plugin ──score, report link──▶ ATS API
//
// Run it with the environment variables listed in README.md, or import createAtsPlugin.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';
import { verifyWebhook } from '@skillmatch/core/service';

const MAX_BODY = 1024 * 1024;

/** Reads a request body as text, refusing more than MAX_BODY bytes. */
function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(Object.assign(new Error('body too large'), { status: 413 }));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Greenhouse signs its webhooks with `Signature: sha256 <hex HMAC-SHA256 of the body>`. */
export function verifyGreenhouseSignature(secret, header, body) {
  const match = /^sha256 ([0-9a-f]{64})$/i.exec(header ?? '');
  if (!match) return false;
  const expected = createHmac('sha256', secret).update(body).digest();
  return timingSafeEqual(Buffer.from(match[1], 'hex'), expected);
}

/**
 * Builds the plugin. `config`:
 * - atsUrl, atsApiKey, atsUserId: the ATS API (Harvest-style: Basic auth with the key, writes on behalf of a user)
 * - greenhouseSecret: the secret the ATS signs its webhooks with
 * - skillmatchUrl, skillmatchToken: the skillmatch service
 * - skillmatchWebhookSecret: the whsec_… secret skillmatch signs its callbacks with
 * - publicUrl: where skillmatch can reach this plugin (for the callback); default: the address it listens on
 * - log: optional (message) => void
 */
export function createAtsPlugin(config) {
  const log = config.log ?? ((message) => console.log(`ats-plugin: ${message}`));
  const atsAuth = `Basic ${Buffer.from(`${config.atsApiKey}:`).toString('base64')}`;
  const skillmatchAuth = { authorization: `Bearer ${config.skillmatchToken}` };
  const rolesMade = new Map(); // ATS job id → skillmatch role id
  const seenCallbacks = new Set(); // skillmatch webhook ids already handled
  let publicUrl = config.publicUrl;

  async function ats(path, init = {}) {
    const response = await fetch(`${config.atsUrl}${path}`, {
      ...init,
      headers: { authorization: atsAuth, 'on-behalf-of': String(config.atsUserId), ...init.headers },
      signal: AbortSignal.timeout(30_000),
    });
    if (!response.ok) throw new Error(`ATS ${init.method ?? 'GET'} ${path}: ${response.status}`);
    return response;
  }

  async function skillmatch(path, init) {
    const response = await fetch(`${config.skillmatchUrl}${path}`, {
      ...init,
      headers: { ...skillmatchAuth, ...init.headers },
      signal: AbortSignal.timeout(60_000),
    });
    const body = await response.json();
    if (!response.ok)
      throw new Error(`skillmatch ${path}: ${response.status} ${body.error?.code}: ${body.error?.message}`);
    return body;
  }

  /** The skillmatch role for an ATS job, made once from the job's description. */
  async function roleFor(job) {
    if (rolesMade.has(job.id)) return rolesMade.get(job.id);
    const role = await skillmatch('/v1/roles', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        jobDescription: `${job.name}\n\n${job.content}`,
        id: `ats-job-${job.id}`,
        title: job.name,
      }),
    });
    rolesMade.set(job.id, role.id);
    return role.id;
  }

  /** Application created: fetch the résumé and the job, start a rank job whose result comes back to /skillmatch/callback. */
  async function onApplication(event) {
    const application = event.payload?.application;
    const candidate = application?.candidate;
    const resume = candidate?.attachments?.find((a) => a.type === 'resume');
    const jobId = application?.jobs?.[0]?.id;
    if (!application || !candidate || !jobId)
      throw Object.assign(new Error('not an application event'), { status: 422 });
    if (!resume) {
      await writeNote(candidate.id, application.id, 'skillmatch: this application has no résumé attached.');
      return;
    }
    const [job, file] = await Promise.all([
      ats(`/v1/jobs/${jobId}`).then((r) => r.json()),
      ats(new URL(resume.url).pathname).then((r) => r.arrayBuffer()),
    ]);
    const role = await roleFor(job);
    const body = new FormData();
    body.append('role', role);
    body.append('callbackUrl', `${publicUrl}/skillmatch/callback`);
    // The résumé's id carries the application and candidate, so the callback needs no state of ours.
    body.append('files', new Blob([file]), `gh-${application.id}-${candidate.id}`);
    // Greenhouse retries webhooks: the same key returns the same job instead of ranking twice.
    const accepted = await skillmatch('/v1/rank-jobs', {
      method: 'POST',
      headers: { 'idempotency-key': `ats-application-${application.id}` },
      body,
    });
    log(`application ${application.id}: rank job ${accepted.id}`);
  }

  async function writeNote(candidateId, applicationId, text) {
    await ats(`/v1/candidates/${candidateId}/activity_feed/notes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        user_id: config.atsUserId,
        body: text,
        visibility: 'private',
        application_id: applicationId,
      }),
    });
  }

  /** A finished rank job: write the score into the application and a note with the report link. */
  async function onRankJob(event) {
    const job = event.data;
    const result = job.result?.results?.[0];
    const failed = job.result?.errors?.[0];
    const ids = /^gh-(\d+)-(\d+)$/.exec(result?.id ?? failed?.id ?? '');
    if (!ids) throw Object.assign(new Error('rank job without our ids'), { status: 422 });
    const [, applicationId, candidateId] = ids;
    if (result) {
      await ats(`/v1/applications/${applicationId}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          custom_fields: [
            { name_key: 'skillmatch_score', value: result.score },
            { name_key: 'skillmatch_must_haves_met', value: result.mustHavesMet },
          ],
        }),
      });
      const missing = result.match.missingRequired.length
        ? ` Missing must-haves: ${result.match.missingRequired.join(', ')}.`
        : '';
      await writeNote(
        candidateId,
        Number(applicationId),
        `skillmatch score ${result.score}/100 for ${job.role.title}.${missing} Evidence: ${job.links.report}`,
      );
    } else {
      await writeNote(
        candidateId,
        Number(applicationId),
        `skillmatch could not read the résumé (${failed.error.code}): ${failed.error.message}`,
      );
    }
    log(`application ${applicationId}: written back`);
  }

  async function handle(req, res) {
    const path = new URL(req.url, 'http://plugin').pathname;
    const body = await readBody(req);
    if (req.method === 'POST' && path === '/greenhouse/webhook') {
      if (!verifyGreenhouseSignature(config.greenhouseSecret, req.headers.signature, body))
        return reply(res, 401, { error: 'bad signature' });
      const event = JSON.parse(body);
      if (event.action === 'ping') return reply(res, 200, { ok: true });
      if (event.action !== 'new_candidate_application') return reply(res, 200, { ignored: event.action });
      await onApplication(event);
      return reply(res, 200, { ok: true });
    }
    if (req.method === 'POST' && path === '/skillmatch/callback') {
      let id;
      try {
        id = verifyWebhook(config.skillmatchWebhookSecret, req.headers, body);
      } catch {
        return reply(res, 401, { error: 'bad signature' });
      }
      // skillmatch retries until it hears 2xx: an id seen before is acknowledged, not handled again.
      if (seenCallbacks.has(id)) return reply(res, 200, { duplicate: true });
      await onRankJob(JSON.parse(body));
      seenCallbacks.add(id);
      return reply(res, 200, { ok: true });
    }
    return reply(res, 404, { error: 'not found' });
  }

  function reply(res, status, json) {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(json));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error) => {
      log(`error: ${error.message}`);
      // A 5xx makes the sender retry later, which is what a passing failure (ATS down) needs.
      reply(res, error.status ?? 502, { error: error.message });
    });
  });

  return {
    server,
    listen(port = 0, host = '127.0.0.1') {
      return new Promise((resolve) =>
        server.listen(port, host, () => {
          const url = `http://${host}:${server.address().port}`;
          publicUrl ??= url;
          resolve(url);
        }),
      );
    },
    close() {
      return new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const env = process.env;
  const plugin = createAtsPlugin({
    atsUrl: env.ATS_URL,
    atsApiKey: env.ATS_API_KEY,
    atsUserId: Number(env.ATS_USER_ID),
    greenhouseSecret: env.GREENHOUSE_SECRET,
    skillmatchUrl: env.SKILLMATCH_URL,
    skillmatchToken: env.SKILLMATCH_TOKEN,
    skillmatchWebhookSecret: env.SKILLMATCH_WEBHOOK_SECRET,
    publicUrl: env.PLUGIN_PUBLIC_URL,
  });
  const url = await plugin.listen(Number(env.PORT ?? 3000), env.HOST ?? '127.0.0.1');
  console.log(`ats-plugin: listening on ${url}`);
}
