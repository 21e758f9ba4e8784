// A fake ATS on loopback with the few Harvest-style endpoints the plugin uses, and a helper that
// sends it a signed "application created" webhook. For the demo and the test only.
import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';

/**
 * `jobs`: { [id]: { id, name, content } }; `files`: { [key]: { data: Uint8Array, type } }.
 * Every API call must carry `Authorization: Basic base64(apiKey:)`; writes need `On-Behalf-Of`.
 */
export function createFakeAts({ apiKey, jobs = {}, files = {} }) {
  /** @type {{ customFields: Record<string, unknown>, notes: { candidateId: number, application_id: number, body: string }[], calls: string[] }} */
  const state = { customFields: {}, notes: [], calls: [] };
  const expected = `Basic ${Buffer.from(`${apiKey}:`).toString('base64')}`;
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      const path = new URL(req.url, 'http://ats').pathname;
      state.calls.push(`${req.method} ${path}`);
      const send = (status, body, type = 'application/json') => {
        res.writeHead(status, { 'content-type': type });
        res.end(type === 'application/json' ? JSON.stringify(body) : body);
      };
      if (req.headers.authorization !== expected) return send(401, { message: 'Invalid Basic Auth credentials' });
      const isWrite = req.method !== 'GET';
      if (isWrite && !req.headers['on-behalf-of']) return send(403, { message: 'On-Behalf-Of header missing' });
      const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : undefined;
      let m;
      if (req.method === 'GET' && (m = /^\/v1\/jobs\/(\d+)$/.exec(path)))
        return jobs[m[1]] ? send(200, jobs[m[1]]) : send(404, { message: 'Resource not found' });
      if (req.method === 'GET' && (m = /^\/v1\/attachments\/([\w.-]+)$/.exec(path)))
        return files[m[1]]
          ? send(200, Buffer.from(files[m[1]].data), files[m[1]].type)
          : send(404, { message: 'Resource not found' });
      if (req.method === 'PATCH' && (m = /^\/v1\/applications\/(\d+)$/.exec(path))) {
        for (const field of body.custom_fields ?? []) state.customFields[`${m[1]}.${field.name_key}`] = field.value;
        return send(200, { id: Number(m[1]) });
      }
      if (req.method === 'POST' && (m = /^\/v1\/candidates\/(\d+)\/activity_feed\/notes$/.exec(path))) {
        state.notes.push({ candidateId: Number(m[1]), ...body });
        return send(201, { id: state.notes.length });
      }
      return send(404, { message: 'Resource not found' });
    });
  });
  return {
    state,
    server,
    listen() {
      return new Promise((resolve) =>
        server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${server.address().port}`)),
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

/** A Greenhouse-style `new_candidate_application` event. */
export function applicationEvent({ applicationId, candidateId, jobId, jobName, resumeUrl }) {
  return {
    action: 'new_candidate_application',
    payload: {
      application: {
        id: applicationId,
        candidate: {
          id: candidateId,
          attachments: resumeUrl ? [{ filename: 'resume.pdf', url: resumeUrl, type: 'resume' }] : [],
        },
        jobs: [{ id: jobId, name: jobName }],
      },
    },
  };
}

/** Posts an event to the plugin, signed as Greenhouse signs it. Resolves to the response status. */
export async function sendAtsWebhook(url, secret, event, { signature } = {}) {
  const body = JSON.stringify(event);
  const sig = signature ?? `sha256 ${createHmac('sha256', secret).update(body).digest('hex')}`;
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', signature: sig },
    body,
    signal: AbortSignal.timeout(60_000),
  });
  await response.body?.cancel();
  return response.status;
}
