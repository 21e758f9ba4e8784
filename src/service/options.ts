/**
 * Options of `createService` and their defaults, in one frozen place.
 */
import { PARSE_DEFAULTS } from '../defaults.js';
import type { Role, Taxonomy } from '../types.js';
import { checkMonth } from '../util/month.js';
import type { RankJobTransport } from './jobs.js';
import { WEBHOOK_DEFAULTS } from './webhooks.js';

/** Defaults of `createService`; every value is documented on `ServiceOptions`. */
export const SERVICE_DEFAULTS = Object.freeze({
  host: '127.0.0.1',
  port: 8080,
  maxFileBytes: PARSE_DEFAULTS.maxBytes,
  maxFiles: 100,
  bodyLimit: 64 * 1024 * 1024,
  maxQueuedFactor: 4,
  maxRoles: 1000,
  jobConcurrency: 1,
  maxQueuedJobs: 100,
  jobTtlMs: 24 * 3600_000,
  maxKeptJobs: 1000,
  reportLinkTtlSeconds: 7 * 24 * 3600,
  drainTimeoutMs: 30_000,
  requestTimeoutMs: 120_000,
  logLevel: 'info',
});

/** Where log lines go: anything with `write(line)`. */
export interface LogDestination {
  write(line: string): unknown;
}

/** Options of `createService`. Every one has a `skillmatch serve` flag and an environment variable (see docs/service.md). */
export interface ServiceOptions {
  /** Interface to listen on. Without `token`, only a loopback address is allowed. @default '127.0.0.1' */
  host?: string;
  /** Port; 0 picks a free one. @default 8080 */
  port?: number;
  /** Bearer token every `/v1` request must carry. Without one the service listens on loopback only. @default none */
  token?: string;
  /** Base URL put in links (job `links`, webhooks), e.g. `https://skillmatch.internal`. @default the request's own origin, or the listening address */
  publicUrl?: string;
  /** Taxonomy for extraction and scoring. @default builtinTaxonomy() */
  taxonomy?: Taxonomy;
  /** Roles matchable by id from the start, beside the built-ins. @default [] */
  roles?: Role[];
  /** Workers in the isolated parse pool. @default one per core */
  poolSize?: number;
  /** Time budget per file in the pool, ms. @default PARSE_DEFAULTS.timeoutMs (20 s) */
  timeoutMs?: number;
  /** Memory budget per pool worker, MB. @default PARSE_DEFAULTS.maxMemoryMb (512) */
  maxMemoryMb?: number;
  /** Largest résumé file, bytes. A larger one is that résumé's `limit-bytes` error (413 when it is the only one). @default 10 MiB */
  maxFileBytes?: number;
  /** Most résumés in one request. @default 100 */
  maxFiles?: number;
  /** Largest request body (JSON, or all multipart files together), bytes. @default 64 MiB */
  bodyLimit?: number;
  /** Requests doing work (parse, extract, match, rank) at once. @default pool size × 2 */
  maxConcurrent?: number;
  /** Requests waiting for a turn; beyond, 429 with `Retry-After`. @default maxConcurrent × 4 */
  maxQueued?: number;
  /** Roles kept from POST /v1/roles; the oldest go first. @default 1000 */
  maxRoles?: number;
  /** `whsec_<base64>` secret that signs rank-job webhooks; a `callbackUrl` is refused without one. @default none */
  webhookSecret?: string;
  /** Webhook delivery: attempts, backoff and timeout. @default WEBHOOK_DEFAULTS */
  webhook?: { maxAttempts?: number; baseDelayMs?: number; maxDelayMs?: number; timeoutMs?: number };
  /** Hosts a `callbackUrl` may name (exact host names). Set it where callers are not fully trusted, as the service posts to that URL. @default any host */
  callbackHosts?: string[];
  /** Rank jobs: a transport of your own (e.g. a distributed queue), or in-process settings. */
  jobs?: {
    transport?: RankJobTransport;
    concurrency?: number;
    maxQueued?: number;
    maxQueuedBytes?: number;
    ttlMs?: number;
    maxKept?: number;
  };
  /** How long a signed report link opens without the token, seconds. @default 7 days */
  reportLinkTtlSeconds?: number;
  /** On close (SIGTERM), how long in-flight requests, jobs and webhooks may take to finish, ms. @default 30 s */
  drainTimeoutMs?: number;
  /** Longest time to receive a whole request, ms (slow-client protection). @default 120 s */
  requestTimeoutMs?: number;
  /** The month "present" means, when a request gives no `asOf`. @default the current month */
  asOf?: string;
  /** Logging: `false` for none, or a pino level and destination. Logs never carry résumé content, file names or query strings. @default { level: 'info' } to stdout */
  logger?: false | { level?: string; destination?: LogDestination };
}

/** Options after defaults and checks. */
export interface ResolvedServiceOptions {
  host: string;
  port: number;
  token: string | undefined;
  publicUrl: string | undefined;
  maxFileBytes: number;
  maxFiles: number;
  bodyLimit: number;
  maxConcurrent: number;
  maxQueued: number;
  maxRoles: number;
  webhookSecret: string | undefined;
  webhook: Required<NonNullable<ServiceOptions['webhook']>>;
  callbackHosts: string[] | undefined;
  reportLinkTtlSeconds: number;
  drainTimeoutMs: number;
  requestTimeoutMs: number;
  asOf: string | undefined;
}

function positive(options: ServiceOptions, name: keyof ServiceOptions, integer = true): number | undefined {
  const value = options[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    throw new RangeError(`\`${name}\` must be a positive ${integer ? 'integer' : 'number'}`);
  }
  return value;
}

/** Applies defaults and checks every option, naming the wrong one. */
export function resolveServiceOptions(options: ServiceOptions, poolSize: number): ResolvedServiceOptions {
  if (typeof options !== 'object' || options === null) throw new TypeError('`options` must be an object');
  const host = options.host ?? SERVICE_DEFAULTS.host;
  const port = options.port ?? SERVICE_DEFAULTS.port;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new RangeError('`port` must be an integer from 0 to 65535');
  if (options.token !== undefined && (typeof options.token !== 'string' || options.token.length < 16))
    throw new RangeError('`token` must be a string of at least 16 characters');
  if (
    options.webhookSecret !== undefined &&
    (typeof options.webhookSecret !== 'string' || !/^whsec_[A-Za-z0-9+/=]{22,}$/.test(options.webhookSecret))
  ) {
    throw new TypeError('`webhookSecret` must be of the form whsec_<base64 of at least 16 bytes>');
  }
  if (options.asOf !== undefined) checkMonth(options.asOf, 'asOf');
  const maxConcurrent = positive(options, 'maxConcurrent') ?? poolSize * 2;
  return {
    host,
    port,
    token: options.token,
    publicUrl: options.publicUrl?.replace(/\/+$/, ''),
    maxFileBytes: positive(options, 'maxFileBytes') ?? SERVICE_DEFAULTS.maxFileBytes,
    maxFiles: positive(options, 'maxFiles') ?? SERVICE_DEFAULTS.maxFiles,
    bodyLimit: positive(options, 'bodyLimit') ?? SERVICE_DEFAULTS.bodyLimit,
    maxConcurrent,
    maxQueued:
      options.maxQueued === 0
        ? 0
        : (positive(options, 'maxQueued') ?? maxConcurrent * SERVICE_DEFAULTS.maxQueuedFactor),
    maxRoles: positive(options, 'maxRoles') ?? SERVICE_DEFAULTS.maxRoles,
    webhookSecret: options.webhookSecret,
    webhook: { ...WEBHOOK_DEFAULTS, ...options.webhook },
    callbackHosts: options.callbackHosts,
    reportLinkTtlSeconds: positive(options, 'reportLinkTtlSeconds') ?? SERVICE_DEFAULTS.reportLinkTtlSeconds,
    drainTimeoutMs: positive(options, 'drainTimeoutMs') ?? SERVICE_DEFAULTS.drainTimeoutMs,
    requestTimeoutMs: positive(options, 'requestTimeoutMs') ?? SERVICE_DEFAULTS.requestTimeoutMs,
    asOf: options.asOf,
  };
}
