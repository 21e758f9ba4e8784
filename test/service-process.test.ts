/**
 * `skillmatch serve` as a process, as an operator runs it: environment variables, a graceful
 * drain on SIGTERM that lets in-flight requests finish, usage errors, and the typed error with
 * the install command when the optional peer dependency fastify is missing. Needs the build.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AUTH, call, TOKEN } from './service-helpers.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'skillmatch.js');
const TEXT = readFileSync(join(ROOT, 'fixtures/resumes/txt-backend-node-flags/input.txt'), 'utf8');

interface Running {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<number | null>;
}

function run(args: string[], env: Record<string, string> = {}, nodeArgs: string[] = []): Running {
  const child = spawn(process.execPath, [...nodeArgs, BIN, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  void exit.then(() => clearTimeout(timer));
  return { child, stdout: () => out, stderr: () => err, exit };
}

async function listeningUrl(running: Running): Promise<string> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const match = /"url":"(http:\/\/127\.0\.0\.1:\d+)"/.exec(running.stdout());
    if (match) return match[1]!;
    if (running.child.exitCode !== null) throw new Error(`serve exited: ${running.stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('serve did not start');
}

describe('skillmatch serve (process)', () => {
  it('drains on SIGTERM: the in-flight request finishes with 200, new connections are refused, exit 0', async () => {
    const serve = run(['serve', '--port', '0', '--workers', '1'], {
      SKILLMATCH_TOKEN: TOKEN,
      SKILLMATCH_AS_OF: '2025-06',
    });
    try {
      const url = await listeningUrl(serve);
      expect(
        (
          await call(`${url}/v1/match`, {
            method: 'POST',
            headers: AUTH,
            json: { role: 'backend-developer', resume: TEXT },
          })
        ).status,
      ).toBe(200);
      const boundary = 'drainboundary';
      const { port } = new URL(url);
      let status = 0;
      let body = '';
      const inflight = new Promise<void>((resolve, reject) => {
        const req = httpRequest(
          {
            host: '127.0.0.1',
            port: Number(port),
            method: 'POST',
            path: '/v1/extract',
            headers: { ...AUTH, 'content-type': `multipart/form-data; boundary=${boundary}` },
          },
          (res) => {
            status = res.statusCode ?? 0;
            res.on('data', (chunk: Buffer) => (body += chunk.toString()));
            res.on('end', resolve);
          },
        );
        req.on('error', reject);
        req.write(
          `--${boundary}\r\nContent-Disposition: form-data; name="resume"; filename="cv.txt"\r\nContent-Type: text/plain\r\n\r\n${TEXT.slice(0, 50)}`,
        );
        setTimeout(() => req.end(`${TEXT.slice(50)}\r\n--${boundary}--\r\n`), 1500);
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      serve.child.kill('SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 300));
      await expect(fetch(`${url}/healthz`, { signal: AbortSignal.timeout(5000) })).rejects.toThrow();
      await inflight;
      expect(status).toBe(200);
      expect(JSON.parse(body).skills.map((s: { id: string }) => s.id)).toContain('nodejs');
      expect(await serve.exit).toBe(0);
      expect(serve.stdout()).toContain('"msg":"draining"');
    } finally {
      serve.child.kill('SIGKILL');
    }
  });

  it.each([
    [['serve', '--port', 'eighty'], /--port .* must be a whole number/],
    [['serve', '--host', '0.0.0.0', '--port', '0'], /`token` is required to listen on 0\.0\.0\.0/],
    [['serve', '--verbose'], /Unknown option/],
    [['serve', '--webhook-secret', 'hunter2', '--port', '0'], /whsec_/],
  ])('exits 2 with the reason for %j', async (args, reason) => {
    const serve = run(args, { SKILLMATCH_TOKEN: '' });
    expect(await serve.exit).toBe(2);
    expect(serve.stderr()).toMatch(reason);
  });

  it('prints its own usage for serve --help', async () => {
    const serve = run(['serve', '--help']);
    expect(await serve.exit).toBe(0);
    expect(serve.stdout()).toContain('SKILLMATCH_TOKEN');
  });

  it('exports @skillmatch/core/service, @skillmatch/core/report and the schemas through the exports map, to import and require', async () => {
    const script = (type: string, body: string): Promise<string> =>
      new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [`--input-type=${type}`, '-e', body], {
          cwd: ROOT,
          stdio: ['ignore', 'pipe', 'inherit'],
        });
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
        child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`exit ${code}`))));
      });
    const esm = JSON.parse(
      await script(
        'module',
        "const s = await import('@skillmatch/core/service'); const r = await import('@skillmatch/core/report'); console.log(JSON.stringify([Object.keys(s).sort(), Object.keys(r).sort()]))",
      ),
    );
    expect(esm).toEqual([
      [
        'HttpError',
        'SERVICE_DEFAULTS',
        'WEBHOOK_DEFAULTS',
        'createInProcessTransport',
        'createService',
        'deliverWebhook',
        'generateWebhookSecret',
        'loadSchemas',
        'newJobId',
        'runRankJob',
        'schemasDir',
        'signWebhook',
        'verifyWebhook',
      ],
      ['escapeHtml', 'highlightRange', 'renderShortlistHtml'],
    ]);
    // Node 20.19 requires ES modules without top-level await, so CommonJS consumers get the subpaths too.
    const cjs = await script(
      'commonjs',
      "const r = require('@skillmatch/core/report'); const m = require('@skillmatch/core/schemas/v1/match.schema.json'); console.log(JSON.stringify([typeof r.renderShortlistHtml, m.$id]))",
    );
    expect(JSON.parse(cjs)).toEqual(['function', 'https://unpkg.com/@skillmatch/core/schemas/v1/match.schema.json']);
  });

  it('fails with missing-dependency and the install command when fastify is not installed', async () => {
    // A resolve hook makes fastify unresolvable, as in a consumer's node_modules without the optional peers.
    const hook = `data:text/javascript,${encodeURIComponent(
      `import { register } from 'node:module'; register('data:text/javascript,' + encodeURIComponent('export async function resolve(s, c, next) { if (s === "fastify" || s === "@fastify/multipart") { const e = new Error("Cannot find package " + s); e.code = "ERR_MODULE_NOT_FOUND"; throw e; } return next(s, c); }'));`,
    )}`;
    const serve = run(['serve', '--port', '0'], {}, ['--import', hook]);
    expect(await serve.exit, 'a missing optional dependency is configuration: exit 3').toBe(3);
    expect(serve.stderr()).toContain('missing-dependency');
    expect(serve.stderr()).toContain('npm install fastify @fastify/multipart');
  });
});
