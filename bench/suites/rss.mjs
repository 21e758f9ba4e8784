// Memory over long runs (issue 13, defect 9), in generated résumé PDFs (bench/lib/pdf-gen.mjs) in a
// temporary folder outside the repository:
//  - cli: `skillmatch rank --format json` over ~2,500 PDFs, the RSS of the CLI and of its parse
//    workers sampled from /proc every 100 ms; the peak of all of them together is the figure.
//  - matcher: one library matcher ranking the same 800 PDFs three times through its pool; the
//    parent's and the workers' RSS after each round shows whether memory levels off.
// Linux only (/proc); elsewhere the suite reports nothing.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateResumePdfs } from '../lib/pdf-gen.mjs';
import { round } from '../lib/stats.mjs';
import { ROOT } from './corpus.mjs';

const MB = 2 ** 20;

function rssOf(pid) {
  try {
    const match = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'latin1'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

function childrenOf(parent) {
  const out = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'latin1');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === parent) out.push(Number(name));
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return out;
}

/** Samples `pid` and its children every `everyMs`; returns a stop function giving the peaks in MB. */
function sampleTree(pid, everyMs = 100) {
  let peakTotal = 0;
  let peakParent = 0;
  let peakWorker = 0;
  let children = [];
  let ticks = 0;
  const timer = setInterval(() => {
    // The children are looked up every second; their RSS is read every tick.
    if (ticks++ % 10 === 0) children = childrenOf(pid);
    const parent = rssOf(pid);
    const workers = children.map(rssOf);
    peakParent = Math.max(peakParent, parent);
    peakWorker = Math.max(peakWorker, ...workers, 0);
    peakTotal = Math.max(peakTotal, parent + workers.reduce((a, b) => a + b, 0));
  }, everyMs);
  return () => {
    clearInterval(timer);
    return {
      peakTotalMb: round(peakTotal / MB, 1),
      peakParentMb: round(peakParent / MB, 1),
      peakWorkerMb: round(peakWorker / MB, 1),
    };
  };
}

/** The CLI ranking `count` PDFs as JSON (output discarded), with the whole process tree's peak RSS. */
export async function runCliRss({ quick = false } = {}) {
  if (!existsSync('/proc/self/status')) return null;
  const count = quick ? 200 : 2500;
  const dir = mkdtempSync(join(tmpdir(), 'skillmatch-rss-'));
  try {
    await generateResumePdfs(dir, count);
    const started = performance.now();
    const child = spawn(
      process.execPath,
      [
        join(ROOT, 'bin/skillmatch.js'),
        'rank',
        '--role',
        'backend-developer',
        dir,
        '--format',
        'json',
        '--as-of',
        '2025-06',
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    const stop = sampleTree(child.pid);
    let stderr = '';
    child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-2000)));
    const code = await new Promise((resolve) => child.on('close', resolve));
    const peaks = stop();
    if (code !== 0) throw new Error(`skillmatch rank exited with ${code}: ${stderr}`);
    const seconds = (performance.now() - started) / 1000;
    // The CLI's default pool: one worker fewer than the cores (the CLI extracts and scores on its own).
    return {
      pdfs: count,
      workers: Math.max(1, availableParallelism() - 1),
      seconds: round(seconds, 1),
      documentsPerSecond: round(count / seconds, 1),
      ...peaks,
      targetTotalMb: 250,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One matcher ranking the same `count` PDFs `rounds` times; RSS of the parent and its workers after each round. */
export async function runMatcherRss(sm, { quick = false } = {}) {
  if (!existsSync('/proc/self/status')) return null;
  const count = quick ? 100 : 800;
  const rounds = 3;
  const dir = mkdtempSync(join(tmpdir(), 'skillmatch-rss-'));
  try {
    const paths = await generateResumePdfs(dir, count);
    const matcher = sm.createMatcher({ poolSize: 2 });
    const stop = sampleTree(process.pid);
    const after = [];
    try {
      for (let r = 1; r <= rounds; r++) {
        // Files are read as the pool asks for them, as the CLI does.
        const inputs = (async function* () {
          for (const path of paths) yield { data: new Uint8Array(readFileSync(path)), filename: path };
        })();
        const ranking = await matcher.rank(inputs, 'backend-developer', { asOf: '2025-06', top: 50 });
        if (ranking.errors.length)
          throw new Error(`${ranking.errors.length} PDFs failed: ${ranking.errors[0].error.message}`);
        globalThis.gc?.();
        const workers = childrenOf(process.pid).map(rssOf);
        after.push({
          round: r,
          documents: r * count,
          parentRssMb: round(process.memoryUsage.rss() / MB, 1),
          heapUsedMb: round(process.memoryUsage().heapUsed / MB, 1),
          workersRssMb: workers.map((w) => round(w / MB, 1)),
        });
      }
    } finally {
      await matcher.close();
    }
    const peaks = stop();
    const growth = (key) => round(after[rounds - 1][key] - after[1][key], 1);
    return {
      pdfs: count,
      rounds,
      after,
      ...peaks,
      parentGrowthLastRoundMb: growth('parentRssMb'),
      heapGrowthLastRoundMb: growth('heapUsedMb'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
