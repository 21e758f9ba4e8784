/**
 * The child-process side of `createParsePool`: parses in-process and replies with plain JSON.
 * Errors travel as their JSON form and are rebuilt with `errorFromJSON` in the parent.
 *
 * The child enforces its own budget too. pdf.js and mammoth block this process's event loop for a
 * whole document, so neither a timer nor the IPC channel's 'disconnect' can run while they work; a
 * parent killed by SIGKILL (or stuck) would leave the child parsing to the end (orphans were seen
 * running 90 s and more). A watchdog thread, whose event loop is its own, checks every
 * `WATCH_MS`: that the parent still exists (the parent pid changes when it dies), that the
 * document has not outlived its time budget (plus a grace, so the parent normally stops it first and
 * reports it), and that the process is under its memory budget. Past any of them it writes one line
 * to stderr, which the parent reads as the reason, and kills its own process: no JavaScript on the
 * blocked main thread has to run for that.
 */
import { Worker } from 'node:worker_threads';
import { isSkillmatchError } from '../errors.js';
import { parseResume } from './index.js';
import { WORKER_STOP_MARKERS } from './pool.js';

interface ParseRequest {
  type: 'parse';
  id: number;
  input: Uint8Array | string;
  options: Record<string, unknown>;
  /** The parent's time budget and memory cap for this document; the watchdog enforces them as a backstop. */
  timeoutMs?: number;
  maxMemoryMb?: number;
}

/** How often the watchdog looks, in ms: the bound on how long an orphan outlives its parent. */
const WATCH_MS = 100;
/** The parent stops a slow parse at its budget; the child's own stop comes this much later, so the parent's report wins when the parent is alive. */
const GRACE_MS = 1000;

function serialiseError(error: unknown): {
  name: string;
  code?: string;
  message: string;
  limit?: number;
  file?: string;
} {
  if (isSkillmatchError(error)) {
    const limit = (error as { limit?: number }).limit;
    return { ...error.toJSON(), ...(limit === undefined ? {} : { limit }) };
  }
  const name = (error as Error)?.name ?? 'Error';
  return { name, message: String((error as Error)?.message ?? error) };
}

/**
 * The watchdog thread's source. `state` (Float64Array over a SharedArrayBuffer): [0] the deadline in
 * ms since the epoch (0: idle), [1] the RSS cap in bytes (0: none). Plain Float64 writes are atomic on
 * the 64-bit platforms Node supports; a stale read only delays a check by one tick.
 */
const WATCHDOG_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { writeSync } = require('node:fs');
const state = new Float64Array(workerData.buffer);
const parent = workerData.parent;
const markers = workerData.markers;
function stop(marker) {
  try { writeSync(2, marker + '\\n'); } catch {}
  process.kill(process.pid, 'SIGKILL');
}
setInterval(() => {
  if (process.ppid !== parent) return stop(markers.orphan);
  const deadline = state[0];
  if (deadline > 0 && Date.now() > deadline) return stop(markers.time);
  const cap = state[1];
  if (deadline > 0 && cap > 0 && process.memoryUsage.rss() > cap) stop(markers.memory);
}, ${WATCH_MS});
parentPort.postMessage('armed');
`;

/**
 * Starts the watchdog; resolves once it is armed. A thread boots with help from the main thread's
 * event loop, so a document handed over before then would block the boot for as long as it parses:
 * no document is parsed before the watchdog runs.
 */
function startWatchdog(): { state: Float64Array; armed: Promise<unknown> } {
  const buffer = new SharedArrayBuffer(16);
  const watchdog = new Worker(WATCHDOG_SOURCE, {
    eval: true,
    workerData: { buffer, parent: process.ppid, markers: WORKER_STOP_MARKERS },
    // The thread only reads a clock, the parent pid and the RSS: a small heap is plenty.
    resourceLimits: { maxOldGenerationSizeMb: 8, maxYoungGenerationSizeMb: 2 },
    stdout: false,
    stderr: false,
  });
  // A watchdog that fails to start must not hold documents back: the parent's own limits still stand.
  const armed = new Promise((resolve) => {
    watchdog.once('message', resolve);
    watchdog.once('error', resolve);
  });
  watchdog.unref();
  return { state: new Float64Array(buffer), armed };
}

if (typeof process.send === 'function') {
  const { state, armed } = startWatchdog();
  process.on('message', async (message: ParseRequest) => {
    if (message?.type !== 'parse') return;
    await armed;
    const timeoutMs = typeof message.timeoutMs === 'number' && message.timeoutMs > 0 ? message.timeoutMs : 0;
    const capMb = typeof message.maxMemoryMb === 'number' && message.maxMemoryMb > 0 ? message.maxMemoryMb : 0;
    state[1] = capMb * 1024 * 1024;
    state[0] = timeoutMs > 0 ? Date.now() + timeoutMs + GRACE_MS : 0;
    const reply = (body: Record<string, unknown>): void => {
      state[0] = 0;
      process.send!({ id: message.id, ...body });
    };
    parseResume(message.input, { ...message.options, isolate: false }).then(
      (value) => reply({ ok: true, value }),
      (error: unknown) => reply({ ok: false, error: serialiseError(error) }),
    );
  });
  // An orphaned worker has nobody to answer; the parent's exit closes the channel. (While a parse
  // blocks the event loop this cannot run: the watchdog covers that case.)
  process.on('disconnect', () => process.exit(0));
}
