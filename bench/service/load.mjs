#!/usr/bin/env node
// Load test of the service on loopback (autocannon): requests/s and p50/p99 latency of
// POST /v1/match with a text résumé and with a PDF, zero 5xx up to capacity, 429s beyond it,
// and the server's RSS over a long run. Bounded in requests and in time; traffic only to
// 127.0.0.1. Writes bench/results/service-load.{json,md}.
//   node bench/service/load.mjs [--quick]      (bench/run.mjs runs it too)
import { fork } from 'node:child_process';
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

/** Starts the built service in a child process (bench/service/server.mjs) and resolves once it listens. */
async function startServer(token) {
  const child = fork(join(ROOT, 'bench/service/server.mjs'), [], {
    cwd: ROOT,
    execArgv: ['--expose-gc'],
    env: {
      ...process.env,
      SKILLMATCH_ROOT: ROOT,
      SKILLMATCH_TOKEN: token,
      SKILLMATCH_BENCH_OPTIONS: JSON.stringify({
        poolSize: WORKERS,
        maxConcurrent: MAX_CONCURRENT,
        maxQueued: MAX_QUEUED,
        asOf: '2025-06',
      }),
    },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  // Request logs stay on, as in production; they are read and dropped.
  child.stdout.resume();
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the service did not start in 30 s')), 30_000);
    child.once('message', (message) => {
      clearTimeout(timer);
      resolve(message.url);
    });
    child.once('exit', (code) => reject(new Error(`the service exited with ${code}`)));
  });
  return { child, url };
}

/** The server's RSS and heap after a full garbage collection. */
function memoryAfterGc(child) {
  return new Promise((resolve) => {
    child.once('message', (message) => resolve(message.memory));
    child.send('memory');
  });
}

/** One bounded autocannon run. */
function run(name, options) {
  return new Promise((resolve, reject) => {
    const instance = autocannon({ timeout: 30, ...options }, (error, result) =>
      error ? reject(error) : resolve(result),
    );
    // A hard stop in time as well as in requests: a stuck server never hangs the bench.
    const guard = setTimeout(() => instance.stop(), options.maxSeconds * 1000);
    instance.on('done', () => clearTimeout(guard));
    process.stderr.write(`bench service: ${name} (${options.amount} requests, ${options.connections} connections)…\n`);
  });
}

/** Least-squares slope of equally spaced values, per step. */
function slope(values) {
  const n = values.length;
  const mx = (n - 1) / 2;
  const my = values.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  values.forEach((y, x) => {
    num += (x - mx) * (y - my);
    den += (x - mx) ** 2;
  });
  return den === 0 ? 0 : num / den;
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
    429: status['429'] ?? 0,
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
  const textRequest = {
    url: `${url}/v1/match`,
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({ role: 'backend-developer', resume: text }),
  };
  const pdfRequest = {
    url: `${url}/v1/match?role=backend-developer`,
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/pdf' },
    body: pdf,
  };
  const soakRequests = quick ? 2000 : 10_000;
  try {
    await run('warm-up', { ...textRequest, connections: MAX_CONCURRENT, amount: 200, maxSeconds: 60 });
    await run('warm-up pdf', { ...pdfRequest, connections: MAX_CONCURRENT, amount: 20, maxSeconds: 60 });
    const phases = {};
    phases.textAtConcurrency = summarise(
      await run('text, connections = concurrent slots', {
        ...textRequest,
        connections: MAX_CONCURRENT,
        amount: quick ? 500 : 2000,
        maxSeconds: 120,
      }),
    );
    phases.textAtCapacity = summarise(
      await run('text, connections = slots + queue', {
        ...textRequest,
        connections: MAX_CONCURRENT + MAX_QUEUED,
        amount: quick ? 500 : 2000,
        maxSeconds: 120,
      }),
    );
    phases.pdfAtConcurrency = summarise(
      await run('pdf, connections = concurrent slots', {
        ...pdfRequest,
        connections: MAX_CONCURRENT,
        amount: quick ? 100 : 400,
        maxSeconds: 180,
      }),
    );
    phases.pdfAtCapacity = summarise(
      await run('pdf, connections = slots + queue', {
        ...pdfRequest,
        connections: MAX_CONCURRENT + MAX_QUEUED,
        amount: quick ? 100 : 400,
        maxSeconds: 180,
      }),
    );
    phases.overload = summarise(
      await run('text, 4 × capacity', {
        ...textRequest,
        connections: (MAX_CONCURRENT + MAX_QUEUED) * 4,
        amount: quick ? 1000 : 3000,
        maxSeconds: 120,
      }),
    );

    // Memory over a long run: `soakRequests` text matches in ten equal runs, the server's RSS and
    // heap read after a full collection before them and after each (RSS also sampled every 500 ms
    // during them). A leak grows them run after run; growth is judged from the first checkpoint
    // after a run, as the first run still warms caches and compiled code.
    const samples = [];
    const checkpoints = [await memoryAfterGc(child)];
    const sampler = setInterval(() => samples.push(rssMb(child.pid)), 500);
    const runs = [];
    for (let i = 0; i < 10; i++) {
      runs.push(
        await run(`soak ${i + 1}/10`, {
          ...textRequest,
          connections: MAX_CONCURRENT,
          amount: soakRequests / 10,
          maxSeconds: quick ? 30 : 60,
        }),
      );
      checkpoints.push(await memoryAfterGc(child));
    }
    clearInterval(sampler);
    // Counts and rate over all ten runs; latency from the last (the warmest).
    const parts = runs.map(summarise);
    const seconds = runs.reduce((sum, r) => sum + r.duration, 0);
    const total = (key) => parts.reduce((sum, p) => sum + p[key], 0);
    const soak = {
      ...parts.at(-1),
      requests: total('requests'),
      requestsPerSecond: Math.round((total('requests') / seconds) * 10) / 10,
      '5xx': total('5xx'),
      429: total('429'),
      errors: total('errors'),
      timeouts: total('timeouts'),
      seconds: Math.round(seconds * 10) / 10,
    };
    delete soak.status;
    const growth = (key) => {
      const settled = checkpoints.slice(1).map((c) => c[key]);
      return {
        checkpoints: checkpoints.map((c) => c[key]),
        growthPercent: Math.round(((settled.at(-1) - settled[0]) / settled[0]) * 1000) / 10,
        slopePerThousandRequests: Math.round((slope(settled) / (soakRequests / 10 / 1000)) * 100) / 100,
      };
    };
    phases.soak = {
      ...soak,
      rssMb: { ...growth('rssMb'), maxDuringRuns: Math.max(...samples) },
      heapUsedMb: growth('heapUsedMb'),
    };
    return {
      mode: quick ? 'quick' : 'full',
      node: process.version,
      workers: WORKERS,
      maxConcurrent: MAX_CONCURRENT,
      maxQueued: MAX_QUEUED,
      phases,
    };
  } finally {
    child.send('stop');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

function markdown(r) {
  const row = (name, p) =>
    `| ${name} | ${p.requests} | ${p.requestsPerSecond} | ${p.latencyMs.p50} | ${p.latencyMs.p99} | ${p['5xx']} | ${p['429']} | ${p.errors + p.timeouts} |`;
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
    `Server memory after a full collection, before the soak and after each tenth of it (MB):`,
    '',
    `- RSS: ${r.phases.soak.rssMb.checkpoints.join(', ')} (${r.phases.soak.rssMb.maxDuringRuns} at most during the runs); from the first tenth on ${r.phases.soak.rssMb.growthPercent}%, a slope of ${r.phases.soak.rssMb.slopePerThousandRequests} MB per 1,000 requests.`,
    `- heap used: ${r.phases.soak.heapUsedMb.checkpoints.join(', ')}; from the first tenth on ${r.phases.soak.heapUsedMb.growthPercent}%, a slope of ${r.phases.soak.heapUsedMb.slopePerThousandRequests} MB per 1,000 requests.`,
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
