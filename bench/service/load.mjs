#!/usr/bin/env node
// Load test of `skillmatch serve` on loopback (autocannon): requests/s and p50/p99 latency of
// POST /v1/match with a text résumé and with a PDF, zero 5xx up to capacity, 429s beyond it,
// and the server's RSS over a long run. Bounded in requests and in time; traffic only to
// 127.0.0.1. Writes bench/results/service-load.{json,md}.
//   node bench/service/load.mjs [--quick]      (bench/run.mjs runs it too)
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import autocannon from 'autocannon';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const WORKERS = 2;
const MAX_CONCURRENT = WORKERS * 2;
const MAX_QUEUED = MAX_CONCURRENT * 4;

/** Resident memory of a process, in MB (Linux /proc). */
function rssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return Math.round((kb / 1024) * 10) / 10;
}

/** Starts the built CLI's service in a child process and resolves once it listens. */
async function startServer(token) {
  const child = spawn(process.execPath, [join(ROOT, 'bin/skillmatch.js'), 'serve', '--port', '0', '--workers', String(WORKERS), '--max-concurrent', String(MAX_CONCURRENT), '--max-queued', String(MAX_QUEUED), '--log-level', 'info', '--as-of', '2025-06'], {
    cwd: ROOT,
    env: { ...process.env, SKILLMATCH_TOKEN: token },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // Request logs stay on (as in production) and are read and dropped once the service listens.
  let out = '';
  const collect = (chunk) => (out += chunk);
  child.stdout.on('data', collect);
  const deadline = Date.now() + 30_000;
  const port = await new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      const match = /listening[^\n]*127\.0\.0\.1:(\d+)/.exec(out);
      if (match) {
        clearInterval(timer);
        child.stdout.off('data', collect);
        child.stdout.resume();
        resolve(Number(match[1]));
      } else if (child.exitCode !== null || Date.now() > deadline) {
        clearInterval(timer);
        reject(new Error(`serve did not start: ${out}`));
      }
    }, 50);
  });
  return { child, url: `http://127.0.0.1:${port}` };
}

/** One bounded autocannon run. */
function run(name, options) {
  return new Promise((resolve, reject) => {
    const instance = autocannon({ timeout: 30, ...options }, (error, result) => (error ? reject(error) : resolve(result)));
    // A hard stop in time as well as in requests: a stuck server never hangs the bench.
    const guard = setTimeout(() => instance.stop(), options.maxSeconds * 1000);
    instance.on('done', () => clearTimeout(guard));
    process.stderr.write(`bench service: ${name} (${options.amount} requests, ${options.connections} connections)…\n`);
  });
}

function summarise(result) {
  const status = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count]));
  return {
    requests: result.requests.total,
    // Over the whole run: autocannon's per-second average is coarse for runs of a few seconds.
    requestsPerSecond: Math.round((result.requests.total / Math.max(result.duration, 0.001)) * 10) / 10,
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
    status,
    '5xx': result['5xx'],
    '429': status['429'] ?? 0,
    errors: result.errors,
    timeouts: result.timeouts,
    seconds: Math.round((result.duration ?? 0) * 10) / 10,
  };
}

export async function runServiceLoad({ quick = false } = {}) {
  const token = randomBytes(24).toString('base64url');
  const text = readFileSync(join(ROOT, 'fixtures/resumes/txt-backend-node-flags/input.txt'), 'utf8');
  const pdf = readFileSync(join(ROOT, 'fixtures/resumes/pdf-backend-java/input.pdf'));
  const { child, url } = await startServer(token);
  const auth = { authorization: `Bearer ${token}` };
  const textRequest = { url: `${url}/v1/match`, method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ role: 'backend-developer', resume: text }) };
  const pdfRequest = { url: `${url}/v1/match?role=backend-developer`, method: 'POST', headers: { ...auth, 'content-type': 'application/pdf' }, body: pdf };
  const soakRequests = quick ? 2000 : 10_000;
  try {
    await run('warm-up', { ...textRequest, connections: MAX_CONCURRENT, amount: 200, maxSeconds: 60 });
    await run('warm-up pdf', { ...pdfRequest, connections: MAX_CONCURRENT, amount: 20, maxSeconds: 60 });
    const phases = {};
    phases.textAtConcurrency = summarise(await run('text, connections = concurrent slots', { ...textRequest, connections: MAX_CONCURRENT, amount: quick ? 500 : 2000, maxSeconds: 120 }));
    phases.textAtCapacity = summarise(await run('text, connections = slots + queue', { ...textRequest, connections: MAX_CONCURRENT + MAX_QUEUED, amount: quick ? 500 : 2000, maxSeconds: 120 }));
    phases.pdfAtConcurrency = summarise(await run('pdf, connections = concurrent slots', { ...pdfRequest, connections: MAX_CONCURRENT, amount: quick ? 100 : 400, maxSeconds: 180 }));
    phases.pdfAtCapacity = summarise(await run('pdf, connections = slots + queue', { ...pdfRequest, connections: MAX_CONCURRENT + MAX_QUEUED, amount: quick ? 100 : 400, maxSeconds: 180 }));
    phases.overload = summarise(await run('text, 4 × capacity', { ...textRequest, connections: (MAX_CONCURRENT + MAX_QUEUED) * 4, amount: quick ? 1000 : 3000, maxSeconds: 120 }));

    // RSS over a long run: sampled every 500 ms while `soakRequests` text matches go through.
    const samples = [];
    const startRss = rssMb(child.pid);
    const sampler = setInterval(() => samples.push(rssMb(child.pid)), 500);
    const soak = summarise(await run(`soak, ${soakRequests} requests`, { ...textRequest, connections: MAX_CONCURRENT, amount: soakRequests, maxSeconds: quick ? 120 : 400 }));
    clearInterval(sampler);
    const endRss = rssMb(child.pid);
    const tenth = Math.max(1, Math.floor(samples.length / 10));
    const firstTenth = samples.slice(0, tenth);
    const lastTenth = samples.slice(-tenth);
    const mean = (xs) => Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10;
    phases.soak = { ...soak, rssMb: { start: startRss, end: endRss, max: Math.max(startRss, ...samples), firstTenthMean: mean(firstTenth), lastTenthMean: mean(lastTenth), growthPercent: Math.round(((mean(lastTenth) - mean(firstTenth)) / mean(firstTenth)) * 1000) / 10 } };
    return { mode: quick ? 'quick' : 'full', node: process.version, workers: WORKERS, maxConcurrent: MAX_CONCURRENT, maxQueued: MAX_QUEUED, phases };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

function markdown(r) {
  const row = (name, p) => `| ${name} | ${p.requests} | ${p.requestsPerSecond} | ${p.latencyMs.p50} | ${p.latencyMs.p99} | ${p['5xx']} | ${p['429']} | ${p.errors + p.timeouts} |`;
  return [
    `# skillmatch serve load test (${r.mode})`,
    '',
    `Node ${r.node}; ${r.workers} parse workers, ${r.maxConcurrent} concurrent slots, ${r.maxQueued} queued; POST /v1/match, role backend-developer; loopback.`,
    '',
    '| phase | requests | req/s | p50 ms | p99 ms | 5xx | 429 | errors |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    row(`text, ${r.maxConcurrent} connections`, r.phases.textAtConcurrency),
    row(`text, ${r.maxConcurrent + r.maxQueued} connections (capacity)`, r.phases.textAtCapacity),
    row(`PDF, ${r.maxConcurrent} connections`, r.phases.pdfAtConcurrency),
    row(`PDF, ${r.maxConcurrent + r.maxQueued} connections (capacity)`, r.phases.pdfAtCapacity),
    row(`text, ${(r.maxConcurrent + r.maxQueued) * 4} connections (overload)`, r.phases.overload),
    row('soak (text)', r.phases.soak),
    '',
    `Server RSS over the soak: ${r.phases.soak.rssMb.start} MB at start, ${r.phases.soak.rssMb.end} MB at end, ${r.phases.soak.rssMb.max} MB at most; mean of the last tenth of samples vs the first: ${r.phases.soak.rssMb.growthPercent}%.`,
    '',
  ].join('\n');
}

export function writeServiceLoad(result) {
  const dir = join(ROOT, 'bench/results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'service-load.json'), `${JSON.stringify(result, null, 2)}\n`);
  const md = markdown(result);
  writeFileSync(join(dir, 'service-load.md'), md);
  return md;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await runServiceLoad({ quick: process.argv.includes('--quick') });
  process.stdout.write(writeServiceLoad(result));
}
