/**
 * A pool of warm child processes for parsing untrusted files. pdf.js and mammoth block the event
 * loop for a whole document and a bomb can exhaust memory outside the V8 heap, so only a separate
 * process can be timed out and killed. Each child runs with a heap cap, its RSS is polled from the
 * parent (which works while the child is blocked), and a killed or crashed child is replaced; only
 * its own document fails. A document whose child crashed (not stopped by a limit) is tried once more
 * in a fresh child, since the crash may have been the machine's (the OOM killer, a stray signal).
 *
 * The budget is enforced on both sides: the parent kills a child past its time or memory budget, and
 * the child's own watchdog thread (see `worker.ts`) kills itself a little later, or at once when its
 * parent is gone, so a parent killed with SIGKILL leaves no worker parsing behind it. Children are
 * also killed synchronously when the parent process exits.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { abortError, checkSignal } from '../abort.js';
import { PARSE_DEFAULTS } from '../defaults.js';
import { LimitError, SkillmatchError, errorFromJSON, type ErrorCode } from '../errors.js';
import { moduleUrl, packageRequire } from '../load.js';
import { formatBytes } from './limits.js';
import type { ResumeDocument } from '../types.js';
import type { ParseOptions, ParsePool } from './options.js';

/** Options of `createParsePool`. */
export interface ParsePoolOptions {
  /**
   * Number of child processes.
   * @default os.availableParallelism()
   */
  size?: number;
  /**
   * Time budget per document, in milliseconds; the child is killed past it (`limit-time`).
   * @default PARSE_DEFAULTS.timeoutMs (20000)
   */
  timeoutMs?: number;
  /**
   * Memory budget per child, in megabytes: its V8 heap cap and the RSS at which it is killed (`limit-memory`).
   * @default PARSE_DEFAULTS.maxMemoryMb (512)
   */
  maxMemoryMb?: number;
  /**
   * The worker file to fork (a path or a `file:` URL): `@skillmatch/core/worker`, or your bundler's
   * copy of it. Needed only when this package is bundled into an application that does not keep
   * `@skillmatch/core` installed beside it (see the README's bundler recipe).
   * @default the package's own `dist/esm/parse/worker.js`, found next to this module or through `@skillmatch/core/worker`
   */
  workerPath?: string | URL;
}

/** Lines a child's watchdog writes on stderr before it kills its own process (read by `onExit`). */
export const WORKER_STOP_MARKERS = Object.freeze({
  time: 'skillmatch-worker: limit-time',
  memory: 'skillmatch-worker: limit-memory',
  orphan: 'skillmatch-worker: orphaned',
});

interface Job {
  id: number;
  input: Uint8Array | string;
  options: Record<string, unknown>;
  timeoutMs: number;
  maxMemoryMb: number;
  /** Tries so far; a crashed document is tried `MAX_TRIES` times in all. */
  tries: number;
  resolve(value: ResumeDocument): void;
  reject(error: unknown): void;
  /** The caller's signal, while the job is queued or running. */
  signal?: AbortSignal;
}

interface Slot {
  child: ChildProcess | null;
  job: Job | null;
  /** Why the parent killed the child, if it did. */
  killedFor: SkillmatchError | null;
  stderr: string;
  timer: NodeJS.Timeout | null;
  watch: NodeJS.Timeout | null;
}

interface WorkerReply {
  id: number;
  ok: boolean;
  value?: ResumeDocument;
  error?: { name?: string; code?: ErrorCode; message: string; limit?: number; file?: string };
}

const RSS_POLL_MS = 20;
/** A document whose worker crashed is tried once more, in a fresh child. */
const MAX_TRIES = 2;

/**
 * Every live child of every pool in this process. On the process's 'exit' they are killed
 * synchronously: a CLI that exits on a signal, or a script that ends without `close()`, leaves none.
 */
const liveChildren = new Set<ChildProcess>();
let exitHookInstalled = false;

function trackChild(child: ChildProcess): void {
  liveChildren.add(child);
  child.once('exit', () => liveChildren.delete(child));
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once('exit', () => {
      for (const live of liveChildren) live.kill('SIGKILL');
    });
  }
}

/** Byte length of an input without copying it. */
function inputBytes(input: Uint8Array | string): number {
  return typeof input === 'string' ? Buffer.byteLength(input, 'utf8') : input.byteLength;
}

function missingWorker(path: string, given: boolean): SkillmatchError {
  const hint = given
    ? 'check `workerPath`'
    : "run `npm run build` in a clone; in a bundled application keep @skillmatch/core installed or pass `workerPath` (see the README's bundler recipe)";
  return new SkillmatchError('missing-dependency', `The parse worker ${path} is missing: ${hint}.`);
}

/**
 * The worker file to fork. Given: `workerPath` (a path, relative to the working directory, or a
 * `file:` URL). Otherwise next to this module: dist/esm/parse/worker.js from the ESM build, the same
 * file from the CommonJS build (the worker ships as ESM only), the built one under vitest (src/*.ts,
 * so tests need `npm run build`). Bundled into an application, this module is no longer in the
 * package: the package's `./worker` export is looked up from the bundle, and found when the
 * application keeps @skillmatch/core installed. A sibling file named worker.js next to a bundle is
 * never taken for ours.
 */
export function resolveWorkerPath(workerPath?: string | URL): string {
  if (workerPath !== undefined) {
    if (!(workerPath instanceof URL) && typeof workerPath !== 'string')
      throw new TypeError('`workerPath` must be a path or a file: URL');
    const path =
      workerPath instanceof URL || workerPath.startsWith('file:') ? fileURLToPath(workerPath) : resolvePath(workerPath);
    if (!existsSync(path)) throw missingWorker(path, true);
    return path;
  }
  const here = moduleUrl(import.meta.url);
  let own: string | null = null;
  if (/\/src\/parse\/pool\.ts$/.test(here)) own = fileURLToPath(new URL('../../dist/esm/parse/worker.js', here));
  else if (/\/cjs\/parse\/pool\.cjs$/.test(here)) own = fileURLToPath(new URL('../../esm/parse/worker.js', here));
  else if (/\/esm\/parse\/pool\.js$/.test(here)) own = fileURLToPath(new URL('./worker.js', here));
  if (own !== null && existsSync(own)) return own;
  try {
    return packageRequire().resolve('@skillmatch/core/worker');
  } catch {
    throw missingWorker(own ?? '@skillmatch/core/worker', false);
  }
}

/** Resident set size of a process in bytes (Linux /proc), or null where unavailable. */
function residentBytes(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'latin1');
    const match = /VmRSS:\s+(\d+)\s+kB/.exec(status);
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

function positiveOption(name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0)
    throw new RangeError(`\`${name}\` must be a positive number, got ${String(value)}`);
  return value;
}

/**
 * One pool's state, shared by the functions below that start, feed, watch and replace its children
 * (`createParsePool` builds it; the pool's methods are thin wrappers around those functions).
 */
interface PoolState {
  readonly workerPath: string;
  /** A document's time budget (ms) unless its own options give one. */
  readonly timeoutMs: number;
  /** A document's memory budget (MB) unless its own options give one; also every child's heap cap. */
  readonly maxMemoryMb: number;
  readonly slots: Slot[];
  readonly queue: Job[];
  nextId: number;
  closed: boolean;
}

/**
 * Creates a pool of warm parse workers (child processes). Children start on demand, stay warm,
 * never keep the host process alive while idle, and are replaced when killed.
 *
 * @example
 * const pool = createParsePool({ size: 4, timeoutMs: 10_000 });
 * const doc = await pool.parse(bytes, { filename: 'cv.pdf' });
 * await pool.close();
 */
export function createParsePool(options: ParsePoolOptions = {}): ParsePool {
  const size = Math.floor(positiveOption('size', options.size, availableParallelism()));
  if (size < 1) throw new RangeError('`size` must be at least 1');
  const timeoutMs = positiveOption('timeoutMs', options.timeoutMs, PARSE_DEFAULTS.timeoutMs);
  const maxMemoryMb = positiveOption('maxMemoryMb', options.maxMemoryMb, PARSE_DEFAULTS.maxMemoryMb);
  const workerPath = resolveWorkerPath(options.workerPath);
  const slots: Slot[] = Array.from({ length: size }, () => ({
    child: null,
    job: null,
    killedFor: null,
    stderr: '',
    timer: null,
    watch: null,
  }));
  const state: PoolState = { workerPath, timeoutMs, maxMemoryMb, slots, queue: [], nextId: 1, closed: false };

  // Methods that never use `this`, so callers may destructure them.
  const pool: ParsePool = {
    size,
    workerPath,
    parse(input, parseOptions = {}) {
      return parseInPool(state, input, parseOptions);
    },
    close(closeOptions = {}) {
      return closePool(state, closeOptions);
    },
    [Symbol.asyncDispose]() {
      return pool.close();
    },
  };
  return pool;
}

/** Forks a child for `slot`, wired to report its replies and its exit; idle (unref'd) until given a job. */
function spawn(state: PoolState, slot: Slot): ChildProcess {
  const child = fork(state.workerPath, [], {
    // A small young generation: pdf.js allocates in bursts, and the default semi-spaces left each idle
    // worker about 25 MB larger (147 → 120 MB peak over 200 PDFs) for no measurable speed.
    execArgv: [`--max-old-space-size=${Math.max(64, Math.round(state.maxMemoryMb))}`, '--max-semi-space-size=2'],
    serialization: 'advanced',
    // glibc gives each thread that allocates its own malloc arena and keeps what pdf.js frees in them;
    // two arenas left each worker about 15 MB smaller (128 → 113 MB over 2,500 PDFs) at the same speed.
    // Ignored by other C libraries; a value the caller set in the environment wins.
    env: { MALLOC_ARENA_MAX: '2', ...process.env },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  trackChild(child);
  slot.child = child;
  slot.stderr = '';
  slot.killedFor = null;
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    slot.stderr = (slot.stderr + chunk).slice(-8192);
  });
  (child.stderr as unknown as { unref?: () => void } | null)?.unref?.();
  child.on('message', (reply: WorkerReply) => onReply(state, slot, child, reply));
  // 'close', not 'exit': it follows the end of stderr, where a watchdog's or V8's reason for the exit is written.
  child.on('close', (code, signal) => onExit(state, slot, child, code, signal));
  child.on('error', () => {
    // 'close' follows and settles the job; a failed send is reported there too.
  });
  idle(child);
  return child;
}

/** Lets an idle child (and its IPC channel) not keep the host process alive. */
function idle(child: ChildProcess): void {
  child.unref();
  (child.channel as unknown as { unref?: () => void } | undefined)?.unref?.();
}

/** Keeps the host process alive while a child works (or is being closed). */
function busy(child: ChildProcess): void {
  child.ref();
  (child.channel as unknown as { ref?: () => void } | undefined)?.ref?.();
}

function clearTimers(slot: Slot): void {
  if (slot.timer) clearTimeout(slot.timer);
  if (slot.watch) clearInterval(slot.watch);
  slot.timer = null;
  slot.watch = null;
}

function kill(slot: Slot, reason: SkillmatchError): void {
  if (!slot.child || slot.killedFor) return;
  slot.killedFor = reason;
  slot.child.kill('SIGKILL');
}

function finish(slot: Slot): Job | null {
  const job = slot.job;
  slot.job = null;
  clearTimers(slot);
  return job;
}

/** The caller's signal aborted: a queued job leaves the queue; a running one has its child killed (replaced on demand). */
function abortJob(state: PoolState, job: Job): void {
  const error = abortError(job.signal!, 'Parsing was aborted (`signal`).');
  const queued = state.queue.indexOf(job);
  if (queued >= 0) {
    state.queue.splice(queued, 1);
    job.reject(error);
    return;
  }
  const slot = state.slots.find((s) => s.job === job);
  if (slot === undefined) return;
  // Rejected now, not when the killed child's exit is seen; the slot is freed by that exit.
  kill(slot, error);
  job.reject(error);
}

function onReply(state: PoolState, slot: Slot, child: ChildProcess, reply: WorkerReply): void {
  if (slot.child !== child || !slot.job || reply.id !== slot.job.id) return;
  const job = finish(slot)!;
  idle(child);
  if (reply.ok && reply.value) job.resolve(reply.value);
  else job.reject(rebuildError(reply.error));
  dispatch(state);
}

function onExit(
  state: PoolState,
  slot: Slot,
  child: ChildProcess,
  code: number | null,
  signal: NodeJS.Signals | null,
): void {
  if (slot.child !== child) return;
  slot.child = null;
  const job = finish(slot);
  if (job) {
    const error = exitError(slot, job, code, signal);
    // A crash may be the machine's (OOM killer, a stray signal), not the document's: one more try in a fresh child.
    if (error.code === 'worker-crashed' && job.tries < MAX_TRIES && !state.closed) state.queue.unshift(job);
    else job.reject(error);
  }
  slot.killedFor = null;
  dispatch(state);
}

/** Why a child that was parsing `job` ended: the parent's own kill, a watchdog's self-stop, a heap overflow, or a crash. */
function exitError(slot: Slot, job: Job, code: number | null, signal: NodeJS.Signals | null): SkillmatchError {
  // The child's own account first: when the parent's timer fired late (its event loop was busy), the child had already stopped itself.
  if (slot.stderr.includes(WORKER_STOP_MARKERS.time)) {
    return new LimitError(
      'limit-time',
      `Parsing took longer than ${job.timeoutMs} ms (\`timeoutMs\`); the worker stopped itself.`,
      { limit: job.timeoutMs },
    );
  }
  if (
    slot.stderr.includes(WORKER_STOP_MARKERS.memory) ||
    /heap out of memory|Allocation failed|Reached heap limit|out of memory/i.test(slot.stderr)
  ) {
    return new LimitError(
      'limit-memory',
      `The parse worker ran out of memory (budget ${job.maxMemoryMb} MB, \`maxMemoryMb\`); the document was not read.`,
      { limit: job.maxMemoryMb },
    );
  }
  if (slot.killedFor) return slot.killedFor;
  const tries = job.tries > 1 ? ` (tried ${job.tries} times, each in a fresh worker)` : '';
  return new SkillmatchError(
    'worker-crashed',
    `The parse worker exited unexpectedly (${signal ?? `code ${code}`}) while reading this document${tries}.`,
  );
}

/** Gives `job` to `slot` (forking its child if needed), arms its time and memory watch, and sends the document. */
function start(state: PoolState, slot: Slot, job: Job): void {
  const child = slot.child ?? spawn(state, slot);
  slot.job = job;
  job.tries++;
  busy(child);
  slot.timer = setTimeout(() => {
    kill(
      slot,
      new LimitError(
        'limit-time',
        `Parsing took longer than ${job.timeoutMs} ms (\`timeoutMs\`); the worker was stopped.`,
        { limit: job.timeoutMs },
      ),
    );
  }, job.timeoutMs);
  const pid = child.pid;
  if (pid !== undefined) {
    const cap = job.maxMemoryMb * 1024 * 1024;
    slot.watch = setInterval(() => {
      const rss = residentBytes(pid);
      if (rss !== null && rss > cap) {
        kill(
          slot,
          new LimitError(
            'limit-memory',
            `Parsing used more than ${job.maxMemoryMb} MB of memory (\`maxMemoryMb\`); the worker was stopped.`,
            { limit: job.maxMemoryMb },
          ),
        );
      }
    }, RSS_POLL_MS);
  }
  child.send(
    {
      type: 'parse',
      id: job.id,
      input: job.input,
      options: job.options,
      timeoutMs: job.timeoutMs,
      maxMemoryMb: job.maxMemoryMb,
    },
    (error) => {
      if (error && slot.job === job)
        kill(
          slot,
          new SkillmatchError('worker-crashed', `The document could not be sent to the parse worker: ${error.message}`),
        );
    },
  );
}

/** Starts queued jobs on free slots, in queue order. */
function dispatch(state: PoolState): void {
  for (const slot of state.slots) {
    if (state.queue.length === 0) return;
    if (slot.job) continue;
    start(state, slot, state.queue.shift()!);
  }
}

/** `ParsePool.parse`: checks the options and the input's size, then queues the document. */
function parseInPool(
  state: PoolState,
  input: Uint8Array | string,
  parseOptions: Omit<ParseOptions, 'pool' | 'isolate'>,
): Promise<ResumeDocument> {
  if (state.closed) return Promise.reject(new Error('The parse pool is closed.'));
  if (typeof input !== 'string' && !(input instanceof Uint8Array)) {
    return Promise.reject(new TypeError('`input` must be a Uint8Array or a string'));
  }
  // The signal stays in this process: it cannot be sent to a child, and aborting is the parent's job.
  const { pool: _pool, isolate: _isolate, signal: givenSignal, ...rest } = parseOptions as ParseOptions;
  let jobTimeout: number;
  let jobMemory: number;
  let maxBytes: number;
  let signal: AbortSignal | undefined;
  try {
    signal = checkSignal(givenSignal);
    jobTimeout = positiveOption('timeoutMs', rest.timeoutMs, state.timeoutMs);
    jobMemory = positiveOption('maxMemoryMb', rest.maxMemoryMb, state.maxMemoryMb);
    maxBytes = positiveOption('maxBytes', rest.maxBytes, PARSE_DEFAULTS.maxBytes);
  } catch (error) {
    return Promise.reject(error);
  }
  // Checked here, before the bytes are copied down a pipe to a child: a 1 GiB input must not reach a worker.
  const bytes = inputBytes(input);
  if (bytes > maxBytes) {
    const file = typeof rest.filename === 'string' ? { file: rest.filename } : {};
    return Promise.reject(
      new LimitError(
        'limit-bytes',
        `The input is ${formatBytes(bytes)}, over the ${formatBytes(maxBytes)} limit (\`maxBytes\`).`,
        { limit: maxBytes, ...file },
      ),
    );
  }
  if (signal?.aborted) return Promise.reject(abortError(signal, 'Parsing was aborted (`signal`).'));
  return new Promise<ResumeDocument>((resolve, reject) => {
    const onAbort = (): void => abortJob(state, job);
    const settled = (): void => signal?.removeEventListener('abort', onAbort);
    const job: Job = {
      id: state.nextId++,
      input,
      options: rest as Record<string, unknown>,
      timeoutMs: jobTimeout,
      maxMemoryMb: jobMemory,
      tries: 0,
      resolve: (value) => {
        settled();
        resolve(value);
      },
      reject: (error) => {
        settled();
        reject(error);
      },
      ...(signal === undefined ? {} : { signal }),
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    state.queue.push(job);
    dispatch(state);
  });
}

/** `ParsePool.close`: rejects queued documents, kills running ones if `force`, then ends every child. */
async function closePool(state: PoolState, closeOptions: { force?: boolean }): Promise<void> {
  if (state.closed) return;
  state.closed = true;
  for (const job of state.queue.splice(0))
    job.reject(new SkillmatchError('cancelled', 'The parse pool was closed before this document was parsed.'));
  if (closeOptions.force) {
    for (const slot of state.slots)
      if (slot.job)
        kill(
          slot,
          new SkillmatchError(
            'cancelled',
            'The parse pool was closed while this document was being parsed; its worker was stopped.',
          ),
        );
  }
  await Promise.all(
    state.slots.map(
      (slot) =>
        new Promise<void>((resolve) => {
          const stop = (): void => {
            const child = slot.child;
            if (!child) return resolve();
            // An idle child is unref'd so it never keeps the host alive; while closing it must be
            // ref'd again, or a caller whose last step is `await pool.close()` exits before it resolves.
            busy(child);
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          };
          if (!slot.job) return stop();
          const poll = setInterval(() => {
            if (!slot.job) {
              clearInterval(poll);
              stop();
            }
          }, 10);
        }),
    ),
  );
}

function rebuildError(json: WorkerReply['error']): Error {
  if (!json) return new SkillmatchError('worker-crashed', 'The parse worker replied without a document or an error.');
  if (json.name === 'TypeError') return new TypeError(json.message);
  if (json.name === 'RangeError') return new RangeError(json.message);
  if (json.code) return errorFromJSON({ ...json, code: json.code });
  return new Error(json.message);
}
