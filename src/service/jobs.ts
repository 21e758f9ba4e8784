/**
 * Asynchronous rank jobs. The HTTP routes talk only to a `RankJobTransport`; the default one
 * runs jobs in this process, a few at a time, and keeps finished jobs for a while. A
 * distributed queue can implement the same interface (submit to the queue, read records from a
 * shared store, let workers call `runRankJob`) without changing the API.
 */
import { randomBytes } from 'node:crypto';
import type { Matcher, RankInputObject } from '../rank/index.js';
import type { RankError, Ranking, Role } from '../types.js';
import { HttpError } from './errors.js';
import { isRefused } from './inputs.js';
import type { ServiceInput } from './inputs.js';

export type RankJobStatus = 'queued' | 'running' | 'succeeded' | 'failed';

/** Everything a worker needs to run one job. Plain data, so it can be queued elsewhere. */
export interface RankJobSpec {
  id: string;
  role: Role;
  /** The résumés, as read from the request (an input refused for its size becomes that item's error). */
  inputs: ServiceInput[];
  /** Keep only the best N. */
  top?: number;
  /** The month "present" means. */
  asOf?: string;
  /** Where the signed result is posted when the job ends. */
  callbackUrl?: string;
}

/** What the API reports about a job (schemas/v1/rank-job.schema.json, before links are added). */
export interface RankJobRecord {
  id: string;
  status: RankJobStatus;
  role: { id: string; title: string };
  progress: { done: number; total: number };
  createdAt: string;
  startedAt?: string;
  finishedAt?: string;
  result?: Ranking;
  error?: { name: string; code: string; message: string };
  callback?: {
    url: string;
    status: 'pending' | 'delivered' | 'failed';
    attempts: number;
    lastStatusCode: number | null;
  };
}

/** The seam between the API and whatever runs jobs. */
export interface RankJobTransport {
  /** Accepts a job (it starts when a worker is free). Throws `HttpError` 429 `saturated` when full, 503 `draining` when closing. */
  submit(spec: RankJobSpec): Promise<RankJobRecord>;
  /** The job's record, or `undefined` when unknown or expired. */
  get(id: string): Promise<RankJobRecord | undefined>;
  /** Updates the callback part of a record (delivery runs beside the transport). */
  setCallback(id: string, callback: NonNullable<RankJobRecord['callback']>): Promise<void>;
  /** Stops accepting jobs and waits for the running and queued ones, at most `timeoutMs`. */
  close(timeoutMs: number): Promise<void>;
}

/** A job id: `job_` and 16 random bytes in base64url. */
export function newJobId(): string {
  return `job_${randomBytes(16).toString('base64url')}`;
}

/**
 * Runs one job's ranking on a matcher, reporting progress. Inputs the service refused before the
 * library saw them (over the size limit) are reported as errors at their place; one bad résumé
 * never fails the job. A transport of your own calls this from its workers.
 */
export async function runRankJob(
  matcher: Matcher,
  spec: RankJobSpec,
  onProgress?: (done: number) => void,
): Promise<Ranking> {
  const accepted: RankInputObject[] = [];
  const places: number[] = [];
  const refused: RankError[] = [];
  spec.inputs.forEach((input, i) => {
    if (isRefused(input)) {
      const { name, code, message } = input.refused;
      refused.push({ ok: false, id: input.id ?? String(i), index: i, error: { name, code, message } });
    } else {
      accepted.push({ ...input, id: input.id ?? String(i) });
      places.push(i);
    }
  });
  const ranking = await matcher.rank(accepted, spec.role, {
    ...(spec.top === undefined ? {} : { top: spec.top }),
    ...(spec.asOf === undefined ? {} : { asOf: spec.asOf }),
    onProgress: ({ done }) => onProgress?.(done + refused.length),
  });
  for (const item of ranking.results) item.index = places[item.index]!;
  for (const item of ranking.errors) item.index = places[item.index]!;
  const errors = [...ranking.errors, ...refused].sort((a, b) => a.index - b.index);
  return { ...ranking, total: spec.inputs.length, errors };
}

/** Options of `createInProcessTransport`. */
export interface InProcessTransportOptions {
  /** Runs a job; its ranking becomes the record's `result`. */
  run: (spec: RankJobSpec, onProgress: (done: number) => void) => Promise<Ranking>;
  /** Called once a job has ended (succeeded or failed), with its final record: webhooks start here. */
  onFinished?: (record: RankJobRecord, spec: RankJobSpec) => void;
  /** Jobs running at once. @default 1 (each job already keeps the whole parse pool busy) */
  concurrency?: number;
  /** Jobs waiting to start; beyond this, `submit` answers 429. @default 100 */
  maxQueued?: number;
  /** Bytes of résumés held by waiting jobs; beyond this, `submit` answers 429 (each job may hold a whole request body). @default 256 MiB */
  maxQueuedBytes?: number;
  /** How long a finished job's record (and result) is kept, ms. @default 24 hours */
  ttlMs?: number;
  /** Most finished records kept; the oldest go first. @default 1000 */
  maxKept?: number;
}

function describeFailure(error: unknown): { name: string; code: string; message: string } {
  const name = error instanceof Error ? error.name : 'Error';
  const code =
    typeof (error as { code?: unknown } | null)?.code === 'string'
      ? (error as { code: string }).code
      : 'internal-error';
  return { name, code, message: error instanceof Error ? error.message : String(error) };
}

/** Drops finished records past their time to live, and the oldest finished beyond `maxKept`. */
function pruneRecords(records: Map<string, RankJobRecord>, maxKept: number, ttlMs: number): void {
  const now = Date.now();
  const finished = [...records.values()].filter((r) => r.finishedAt !== undefined);
  let excess = finished.length - maxKept;
  // Records are kept in insertion order, so the oldest finished go first.
  for (const record of finished) {
    if (excess > 0 || now - Date.parse(record.finishedAt!) > ttlMs) {
      records.delete(record.id);
      excess--;
    }
  }
}

/** Bytes of résumés a waiting job holds (a refused input holds none). */
function queuedBytesOf(spec: RankJobSpec): number {
  return spec.inputs.reduce(
    (sum, input) =>
      sum +
      (isRefused(input)
        ? 0
        : typeof input.data === 'string'
          ? input.data.length * 2
          : (input.data as { byteLength: number }).byteLength),
    0,
  );
}

/** The record of a job just accepted: queued, nothing done, its callback pending. */
function queuedRecord(spec: RankJobSpec): RankJobRecord {
  return {
    id: spec.id,
    status: 'queued',
    role: { id: spec.role.id, title: spec.role.title },
    progress: { done: 0, total: spec.inputs.length },
    createdAt: new Date().toISOString(),
    ...(spec.callbackUrl === undefined
      ? {}
      : { callback: { url: spec.callbackUrl, status: 'pending' as const, attempts: 0, lastStatusCode: null } }),
  };
}

/** Runs one job to its end, writing its progress, result or failure into its record. */
async function executeJob(record: RankJobRecord, spec: RankJobSpec, options: InProcessTransportOptions): Promise<void> {
  record.status = 'running';
  record.startedAt = new Date().toISOString();
  try {
    record.result = await options.run(spec, (done) => (record.progress = { done, total: record.progress.total }));
    record.status = 'succeeded';
  } catch (error) {
    record.status = 'failed';
    record.error = describeFailure(error);
  }
  record.finishedAt = new Date().toISOString();
  // The résumés are not needed any more: only the result is kept.
  spec.inputs = [];
  options.onFinished?.(record, spec);
}

/** The default transport: jobs run in this process, records live in memory. */
export function createInProcessTransport(options: InProcessTransportOptions): RankJobTransport {
  const concurrency = options.concurrency ?? 1;
  const maxQueued = options.maxQueued ?? 100;
  const maxQueuedBytes = options.maxQueuedBytes ?? 256 * 1024 * 1024;
  let queuedBytes = 0;
  const sizes = new Map<string, number>();
  const ttlMs = options.ttlMs ?? 24 * 3600_000;
  const maxKept = options.maxKept ?? 1000;
  const records = new Map<string, RankJobRecord>();
  const queue: RankJobSpec[] = [];
  const running = new Set<Promise<void>>();
  let closing = false;

  function pump(): void {
    while (running.size < concurrency && queue.length > 0) {
      const spec = queue.shift()!;
      queuedBytes -= sizes.get(spec.id) ?? 0;
      sizes.delete(spec.id);
      const task = executeJob(records.get(spec.id)!, spec, options).finally(() => {
        running.delete(task);
        pump();
      });
      running.add(task);
    }
  }

  return {
    async submit(spec) {
      if (closing)
        throw new HttpError(503, 'draining', 'The service is shutting down and takes no new jobs.', { retryAfter: 5 });
      if (queue.length >= maxQueued)
        throw new HttpError(429, 'saturated', `${queue.length} rank jobs are already waiting; try again later.`, {
          retryAfter: 30,
        });
      const bytes = queuedBytesOf(spec);
      // The first job always gets in, however large: the request's own limits already bound it.
      if (queue.length > 0 && queuedBytes + bytes > maxQueuedBytes)
        throw new HttpError(429, 'saturated', 'Waiting rank jobs hold too many résumé bytes; try again later.', {
          retryAfter: 30,
        });
      pruneRecords(records, maxKept, ttlMs);
      queuedBytes += bytes;
      sizes.set(spec.id, bytes);
      const record = queuedRecord(spec);
      records.set(spec.id, record);
      queue.push(spec);
      pump();
      return record;
    },
    async get(id) {
      const record = records.get(id);
      if (record?.finishedAt !== undefined && Date.now() - Date.parse(record.finishedAt) > ttlMs) {
        records.delete(id);
        return undefined;
      }
      return record;
    },
    async setCallback(id, callback) {
      const record = records.get(id);
      if (record) record.callback = callback;
    },
    async close(timeoutMs) {
      closing = true;
      const deadline = Date.now() + timeoutMs;
      while ((running.size > 0 || queue.length > 0) && Date.now() < deadline) {
        await Promise.race([
          Promise.all(running),
          new Promise((resolve) => setTimeout(resolve, Math.max(0, Math.min(250, deadline - Date.now())))),
        ]);
      }
    },
  };
}
