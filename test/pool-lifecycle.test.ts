/**
 * The isolated pool under faults: limits enforced before a worker sees the bytes, a lying PDF
 * refused by the pre-check, a crashed document retried once, workers that stop themselves past their
 * budget when the parent cannot, and workers that die with a parent killed by SIGKILL.
 * Uses the built worker (dist/esm/parse/worker.js): `npm run build` first.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isLimitError } from '../src/errors.js';
import { checkPdfStreams } from '../src/parse/limits.js';
import { createParsePool, parseResume } from '../src/parse/index.js';
import { buildDocxBomb, buildFlateBombPdf, buildLyingLengthPdf } from './parse-bombs.js';
import { codeOf } from './helpers/codes.js';
import { alive, childrenOf, cpuMs, sleep } from './helpers/processes.js';

const MB = 1024 * 1024;
const GiB = 1024 * MB;
const hasProc = existsSync('/proc/self/stat');
const ENTRY = new URL('../dist/esm/index.js', import.meta.url).href;

/** Pids of parse workers (processes running worker.js) whose parent is `parent`. */
const workersOf = (parent: number): number[] => childrenOf(parent, 'worker.js');

async function waitFor(check: () => boolean, timeoutMs: number): Promise<number> {
  const started = performance.now();
  while (!check()) {
    if (performance.now() - started > timeoutMs) return Number.POSITIVE_INFINITY;
    await sleep(25);
  }
  return performance.now() - started;
}

describe('limits enforced before a worker sees the bytes', () => {
  it.skipIf(!hasProc)('pool.parse refuses an input over maxBytes without starting or feeding a child', async () => {
    const pool = createParsePool({ size: 1 });
    try {
      const error = await pool
        .parse(new Uint8Array(3 * MB).fill(0x41), { maxBytes: MB, filename: 'big.txt' })
        .catch((e: unknown) => e);
      expect(isLimitError(error)).toBe(true);
      expect((error as { code: string }).code).toBe('limit-bytes');
      expect((error as { file?: string }).file).toBe('big.txt');
      expect(workersOf(process.pid), 'no child was started for it').toEqual([]);
      expect(await codeOf(pool.parse('x'.repeat(2048), { maxBytes: 1024 }))).toBe('limit-bytes');
    } finally {
      await pool.close();
    }
  });

  it('finds PDF stream ends by endstream: streams that lie about /Length are inflated whole and refused', async () => {
    for (const claimed of [0, 16, 4096]) {
      const lying = buildLyingLengthPdf(GiB, claimed);
      expect(Buffer.from(lying).toString('latin1')).toContain(`/Length ${claimed} /Filter`);
      const started = performance.now();
      expect(() => checkPdfStreams(lying, 64 * MB, 'lying.pdf')).toThrow(/flate bomb/);
      expect(performance.now() - started).toBeLessThan(5000);
    }
    // A /Length pointing past the file, or to where no endstream stands, is not trusted either.
    expect(() => checkPdfStreams(buildLyingLengthPdf(GiB, 999_999_999), 64 * MB)).toThrow(/flate bomb/);
    // An honest small stream is still read by its /Length.
    expect(() => checkPdfStreams(buildFlateBombPdf(MB), 64 * MB)).not.toThrow();
  });

  it('the lying PDF fails fast in the pool with limit-expanded-size, not after the whole time budget', async () => {
    const pool = createParsePool({ size: 1, timeoutMs: 20_000 });
    try {
      const started = performance.now();
      expect(await codeOf(pool.parse(buildLyingLengthPdf(GiB), { filename: 'lying.pdf' }))).toBe('limit-expanded-size');
      expect(performance.now() - started).toBeLessThan(10_000);
    } finally {
      await pool.close();
    }
  });

  it('the PDF stream scan stays linear on a file of nothing but stream keywords', () => {
    const unit = '1 0 obj << /Filter /FlateDecode /Length 5 0 R >> stream\n';
    // What the scan reads per byte of input, counted: a scan that looked back or forward from every
    // keyword would read more per byte as the file grows (the quadratic path this once had).
    const perByte = (n: number): number => {
      const bytes = new Uint8Array(Buffer.from(unit.repeat(n), 'latin1'));
      return checkPdfStreams(bytes, 64 * MB) / bytes.length;
    };
    const small = perByte(20_000);
    const large = perByte(80_000);
    expect(small).toBeGreaterThan(0);
    expect(small).toBeLessThan(4);
    expect(large).toBeLessThanOrEqual(small * 1.01);
  });
});

describe.skipIf(!hasProc)('worker faults', { timeout: 180_000 }, () => {
  it('a document whose worker crashed is tried once more in a fresh worker; a second crash is reported', async () => {
    const solo = createParsePool({ size: 1, maxMemoryMb: 2048, timeoutMs: 120_000 });
    /** Waits for the pool's child to be busy with the 4 MB document, then kills it as the OOM killer would; returns its pid. */
    const killBusyChild = async (except: Set<number>): Promise<number> => {
      let pid: number | undefined;
      await waitFor(() => (pid = workersOf(process.pid).find((p) => !except.has(p))) !== undefined, 10_000);
      expect(pid).toBeDefined();
      // Busy means working through the document: 300 ms of CPU, a fifth of what it costs. (Its memory
      // says less: a worker that already read one such document may read the next within the heap it kept.)
      const idleCpu = cpuMs(pid!);
      await waitFor(() => cpuMs(pid!) > idleCpu + 300, 30_000);
      process.kill(pid!, 'SIGKILL');
      return pid!;
    };
    try {
      await solo.parse('warm up');
      const before = new Set(workersOf(process.pid));
      const firstChild = [...before][0]!;
      before.delete(firstChild);
      // Killed once: the retry runs to the document's own outcome (its text is over maxTextLength).
      const once = solo.parse(buildDocxBomb(4 * MB), { filename: 'slow.docx' });
      const killed = await killBusyChild(before);
      expect(await codeOf(once)).toBe('limit-text-length');
      // Killed on both tries: worker-crashed, saying it was tried twice.
      const twice = solo.parse(buildDocxBomb(4 * MB), { filename: 'slow.docx' });
      const seen = new Set([killed]);
      seen.add(await killBusyChild(seen));
      await killBusyChild(seen);
      const error = await twice.catch((e: unknown) => e);
      expect((error as { code: string }).code).toBe('worker-crashed');
      expect((error as Error).message).toMatch(/tried 2 times/);
      expect((await solo.parse('Skills\nGo\n')).text).toBe('Skills\nGo\n');
    } finally {
      await solo.close();
    }
  }, 180_000);

  it('a worker stops itself past its time budget when its parent cannot (event loop blocked)', async () => {
    // The parent blocks its own event loop for 4 s right after handing over a slow document with a
    // 300 ms budget: its timer cannot fire, so only the worker's watchdog can stop the parse.
    const script = `
      const { createParsePool } = await import(${JSON.stringify(ENTRY)});
      const pool = createParsePool({ size: 1, maxMemoryMb: 2048 });
      await pool.parse('warm up');
      const bytes = new Uint8Array(Buffer.from(process.env.DOCX_B64, 'base64'));
      const job = pool.parse(bytes, { filename: 'slow.docx', timeoutMs: 300, maxTextLength: 1e9 });
      await new Promise((r) => setTimeout(r, 50));
      const until = Date.now() + 4000;
      while (Date.now() < until) {}
      const outcome = await job.then(() => 'ok', (e) => e.code + ' ' + e.message);
      console.log(outcome);
      await pool.close();`;
    const docx = Buffer.from(buildDocxBomb(12 * MB)).toString('base64');
    const run = await new Promise<{ stdout: string; stderr: string; code: number | null }>((resolve) => {
      const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
        env: { ...process.env, DOCX_B64: docx },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('close', (code) => resolve({ stdout, stderr, code }));
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^limit-time .*stopped itself/);
  });

  it('SIGKILL to the parent: its workers, idle or busy, are gone within a bounded time', async () => {
    const script = `
      const { createParsePool } = await import(${JSON.stringify(ENTRY)});
      const pool = createParsePool({ size: 2, maxMemoryMb: 2048, timeoutMs: 120000 });
      await Promise.all([pool.parse('warm up'), pool.parse('warm up too')]);
      const bytes = new Uint8Array(Buffer.from(process.env.DOCX_B64, 'base64'));
      pool.parse(bytes, { filename: 'slow.docx', maxTextLength: 1e9 }).catch(() => {});
      console.log('busy');
      setInterval(() => {}, 1000);`;
    const docx = Buffer.from(buildDocxBomb(12 * MB)).toString('base64');
    const parent = spawn(process.execPath, ['--input-type=module', '-e', script], {
      env: { ...process.env, DOCX_B64: docx },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve) =>
      parent.stdout.on('data', (d: Buffer) => d.toString().includes('busy') && resolve()),
    );
    let workers: number[] = [];
    await waitFor(() => (workers = workersOf(parent.pid!)).length === 2, 10_000);
    expect(workers).toHaveLength(2);
    await sleep(500); // the busy one is inside mammoth now, its event loop blocked
    parent.kill('SIGKILL');
    const gone = await waitFor(() => workers.every((pid) => !alive(pid)), 5000);
    for (const pid of workers) if (alive(pid)) process.kill(pid, 'SIGKILL');
    console.log(`orphaned workers gone ${gone.toFixed(0)} ms after the parent's SIGKILL`);
    expect(gone).toBeLessThan(3000);
  });

  it('parseResume({ isolate: true }) on a string is bounded by the time budget too', async () => {
    // Strings were parsed in-process by the matcher even when isolating; now they go to the pool.
    const { createMatcher } = await import('../src/rank/matcher.js');
    const matcher = createMatcher({ poolSize: 1, timeoutMs: 1 });
    try {
      const text = `Experience\n${'Engineer at Acme, Jan 2019 – Mar 2021. Built Go services.\n'.repeat(20_000)}`;
      expect(await codeOf(matcher.parse(text, { isolate: true }))).toBe('limit-time');
      const doc = await matcher.parse('Skills\nGo\n', { isolate: false });
      expect(doc.text).toBe('Skills\nGo\n');
    } finally {
      await matcher.close();
    }
    expect(await codeOf(parseResume('x'.repeat(100), { isolate: true, timeoutMs: 20_000 }))).toBe('ok');
  });
});
