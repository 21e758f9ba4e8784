/**
 * `createService`: the HTTP service around one matcher (one alias index, one isolated parse
 * pool) for every request. Fastify validates JSON bodies against `requestSchemas`, pino logs
 * every request under its request id and never a résumé, a file name or a query string.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { availableParallelism } from 'node:os';
import type { FastifyInstance } from 'fastify';
import { SkillmatchError } from '../errors.js';
import { createMatcher } from '../rank/index.js';
import type { Matcher } from '../rank/index.js';
import { createScorer } from '../score/index.js';
import type { Scorer } from '../score/index.js';
import { builtinTaxonomy } from '../taxonomy/index.js';
import type { Role, Taxonomy } from '../types.js';
import { bearerMatches, createLinkSigner, isLoopback } from './auth.js';
import { describeError, HttpError } from './errors.js';
import { createGate } from './gate.js';
import { createInProcessTransport, runRankJob } from './jobs.js';
import type { RankJobRecord, RankJobSpec, RankJobTransport } from './jobs.js';
import { buildOpenApi } from './openapi.js';
import { resolveServiceOptions } from './options.js';
import type { ResolvedServiceOptions, ServiceOptions } from './options.js';
import { registerRoutes } from './routes.js';
import type { RouteFlags } from './routes.js';
import type { ServiceContext } from './context.js';
import { loadSchemas } from './schemas.js';
import { deliverWebhook } from './webhooks.js';

/** A running (or ready to run) service. */
export interface Service {
  /** Starts listening; resolves to the base URL, e.g. `http://127.0.0.1:8080`. */
  listen(): Promise<string>;
  /** The base URL once listening, else `undefined`. */
  readonly url: string | undefined;
  /** True once `close` was called: `/readyz` answers 503 and new work is refused. */
  readonly draining: boolean;
  /**
   * Drains and stops: readiness goes to 503, new work is refused, in-flight requests, rank jobs
   * and webhook deliveries get up to `drainTimeoutMs` to finish, then the parse pool stops.
   */
  close(): Promise<void>;
}

function packageVersion(): string {
  for (const up of ['../../package.json', '../../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(up, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === '@skillmatch/core' && pkg.version) return pkg.version;
    } catch {
      // Try the next level up.
    }
  }
  return '0.0.0';
}

async function loadFastify(): Promise<{
  fastify: typeof import('fastify').default;
  multipart: typeof import('@fastify/multipart').default;
}> {
  try {
    const [fastify, multipart] = await Promise.all([import('fastify'), import('@fastify/multipart')]);
    return { fastify: fastify.default, multipart: multipart.default };
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') {
      throw new SkillmatchError(
        'missing-dependency',
        'The @skillmatch/core service needs fastify and @fastify/multipart, which are optional peer dependencies of @skillmatch/core: npm install fastify @fastify/multipart',
        { cause: error },
      );
    }
    throw error;
  }
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Log lines name the route, never the query string (signatures, file names) nor any header or body. */
function loggerOptions(options: ServiceOptions): false | Record<string, unknown> {
  if (options.logger === false) return false;
  return {
    level: options.logger?.level ?? 'info',
    ...(options.logger?.destination ? { stream: options.logger.destination } : {}),
    serializers: {
      req: (req: { method: string; url: string }) => ({ method: req.method, path: req.url.split('?')[0] }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      // An error's message can quote its input (a JSON parse error quotes the body): only its kind and frames are kept.
      err: (err: Error & { code?: unknown }) => ({
        type: err.name,
        ...(typeof err.code === 'string' ? { code: err.code } : {}),
        frames: (err.stack ?? '')
          .split('\n')
          .filter((line) => /^\s+at /.test(line))
          .slice(0, 12)
          .join('\n'),
      }),
    },
  };
}

/** Checks every `/v1` request's bearer token (or a report link's signature) and admits work through the gate. */
function addHooks(app: FastifyInstance, ctx: ServiceContext): void {
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    const config = request.routeOptions.config as RouteFlags;
    if (ctx.options.token !== undefined && !config.public) {
      const query = (request.query ?? {}) as Record<string, unknown>;
      const linked =
        config.signedLink === true && ctx.signer.verify(request.url.split('?')[0]!, query.expires, query.signature);
      if (!linked && !bearerMatches(request.headers.authorization, ctx.options.token)) {
        reply.header('www-authenticate', 'Bearer realm="skillmatch"');
        throw new HttpError(401, 'unauthorized', 'Send the service token as `Authorization: Bearer <token>`.');
      }
    }
    if (ctx.draining && (config.gated || config.work))
      throw new HttpError(503, 'draining', 'The service is shutting down; send this to another instance.', {
        retryAfter: 5,
      });
    if (!config.gated) return;
    const entered = ctx.gate.enter();
    if (entered === null)
      throw new HttpError(429, 'saturated', 'The service is at capacity; retry after the Retry-After seconds.', {
        retryAfter: ctx.gate.retryAfter(),
      });
    // 'close' fires when the response is sent or the client went away, even while still waiting for
    // a slot: the slot is freed either way, and a client gone before its turn frees it at once.
    let release: (() => void) | undefined;
    let gone = false;
    reply.raw.once('close', () => {
      gone = true;
      release?.();
    });
    release = await entered;
    if (gone) {
      release();
      return reply.hijack();
    }
    // Text is parsed, extracted and scored in-process without waiting on I/O, so a request would run
    // to its end in one turn of the event loop and requests behind it would wait unseen in their
    // sockets. Yielding once lets every request that has arrived reach the gate first: beyond
    // capacity they are refused at once (429) instead of queueing without bound.
    await new Promise((resolve) => setImmediate(resolve));
  });

  app.setErrorHandler((error, request, reply) => {
    const { statusCode, body, retryAfter } = describeError(error, ctx.options.maxFileBytes);
    if (statusCode >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: body.code }, 'request refused');
    if (retryAfter !== undefined) reply.header('retry-after', String(retryAfter));
    void reply.code(statusCode).send({ statusCode, error: body, requestId: request.id });
  });
  app.setNotFoundHandler((request, reply) => {
    void reply.code(404).send({
      statusCode: 404,
      error: {
        name: 'HttpError',
        code: 'not-found',
        message: `No route ${request.method} ${request.url.split('?')[0]}`,
      },
      requestId: request.id,
    });
  });
}

/** What the service's parts share while it runs: `listen` and `close` set it, the context reads it. */
interface ServiceState {
  /** The base URL once listening. */
  listening: string | undefined;
  /** True once `close` was called. */
  draining: boolean;
  /** Webhook deliveries still running; `close` waits for them. */
  deliveries: Set<Promise<unknown>>;
  /** Stops webhook retries still waiting at the drain deadline. */
  stopRetries: AbortController;
}

/** What the route handlers share; the caller sets its `transport`, whose webhook sender reads this context. */
function createContext(
  resolved: ResolvedServiceOptions,
  taxonomy: Taxonomy,
  matcher: Matcher,
  state: ServiceState,
): ServiceContext {
  const schemas = loadSchemas();
  const scorers = new WeakMap<Role, Map<string, Scorer>>();
  const ctx: ServiceContext = {
    options: resolved,
    taxonomy,
    matcher,
    gate: createGate(resolved.maxConcurrent, resolved.maxQueued),
    signer: createLinkSigner(resolved.token),
    transport: undefined as unknown as RankJobTransport,
    roles: new Map(),
    schemas,
    openapi: buildOpenApi(schemas, packageVersion()),
    baseUrl(request) {
      if (resolved.publicUrl) return resolved.publicUrl;
      if (request) return `${request.protocol}://${request.host}`;
      return state.listening ?? `http://${resolved.host}:${resolved.port}`;
    },
    lookupRole(id) {
      return ctx.roles.get(id) ?? matcher.role(id);
    },
    scorer(role, asOf) {
      let byMonth = scorers.get(role);
      if (!byMonth) scorers.set(role, (byMonth = new Map()));
      let scorer = byMonth.get(asOf);
      if (!scorer) {
        // A long-running service crosses months: only the latest few are kept per role.
        if (byMonth.size >= 4) byMonth.delete(byMonth.keys().next().value!);
        byMonth.set(asOf, (scorer = createScorer(role, { asOf, taxonomy })));
      }
      return scorer;
    },
    asOf(requestAsOf) {
      if (requestAsOf !== undefined) return requestAsOf;
      if (resolved.asOf !== undefined) return resolved.asOf;
      const now = new Date();
      return `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
    },
    rankInputs: (inputs, role, rankOptions, onProgress) =>
      runRankJob(matcher, { id: '', role, inputs, ...rankOptions }, onProgress),
    withLinks(record, request) {
      const base = ctx.baseUrl(request);
      const self = `/v1/rank-jobs/${record.id}`;
      const report = `${self}/report`;
      return {
        ...record,
        links: { self: base + self, report: base + report + ctx.signer.sign(report, resolved.reportLinkTtlSeconds) },
      };
    },
    get draining() {
      return state.draining;
    },
  };
  return ctx;
}

/** Posts a finished job's signed webhook (when it asked for one), recording each attempt on its record. */
function sendJobWebhook(ctx: ServiceContext, state: ServiceState, record: RankJobRecord, spec: RankJobSpec): void {
  const resolved = ctx.options;
  if (spec.callbackUrl === undefined || resolved.webhookSecret === undefined) return;
  const body = JSON.stringify({
    type: `rank-job.${record.status}`,
    timestamp: record.finishedAt,
    data: ctx.withLinks(record),
  });
  const url = spec.callbackUrl;
  const delivery = deliverWebhook({
    url,
    secret: resolved.webhookSecret,
    id: `msg_${record.id}`,
    body,
    ...resolved.webhook,
    signal: state.stopRetries.signal,
    onAttempt: ({ attempt, statusCode, delivered, final }) => {
      void ctx.transport.setCallback(record.id, {
        url,
        attempts: attempt,
        lastStatusCode: statusCode,
        status: delivered ? 'delivered' : final ? 'failed' : 'pending',
      });
    },
  }).finally(() => state.deliveries.delete(delivery));
  state.deliveries.add(delivery);
}

/** The rank-job transport: the caller's own, else jobs run in this process. */
function createTransport(
  options: ServiceOptions,
  matcher: Matcher,
  onFinished: (record: RankJobRecord, spec: RankJobSpec) => void,
): RankJobTransport {
  return (
    options.jobs?.transport ??
    createInProcessTransport({
      run: (spec, onProgress) => runRankJob(matcher, spec, onProgress),
      onFinished,
      ...(options.jobs?.concurrency !== undefined ? { concurrency: options.jobs.concurrency } : {}),
      ...(options.jobs?.maxQueued !== undefined ? { maxQueued: options.jobs.maxQueued } : {}),
      ...(options.jobs?.maxQueuedBytes !== undefined ? { maxQueuedBytes: options.jobs.maxQueuedBytes } : {}),
      ...(options.jobs?.ttlMs !== undefined ? { ttlMs: options.jobs.ttlMs } : {}),
      ...(options.jobs?.maxKept !== undefined ? { maxKept: options.jobs.maxKept } : {}),
    })
  );
}

/** The fastify app: request ids, logging and limits, body parsers, hooks and routes. */
async function createApp(
  { fastify, multipart }: Awaited<ReturnType<typeof loadFastify>>,
  options: ServiceOptions,
  ctx: ServiceContext,
): Promise<FastifyInstance> {
  const resolved = ctx.options;
  const app = fastify({
    logger: loggerOptions(options) as never,
    genReqId: (req: IncomingMessage) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : `req_${randomUUID()}`;
    },
    requestIdHeader: false,
    bodyLimit: resolved.bodyLimit,
    requestTimeout: resolved.requestTimeoutMs,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false, useDefaults: false, allErrors: false } },
  });
  // An oversized file is truncated and reported as that résumé's `limit-bytes`, not as a failed request.
  await app.register(multipart, { throwFileSizeLimit: false });
  // A résumé can also be the raw body, with its own content type (the query string carries the fields).
  app.addContentTypeParser(
    [
      'application/pdf',
      'application/octet-stream',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'text/html',
      'text/markdown',
    ],
    { parseAs: 'buffer', bodyLimit: resolved.maxFileBytes },
    (_request, body, done) => done(null, body),
  );
  addHooks(app, ctx);
  registerRoutes(app, ctx);
  return app;
}

/**
 * Drains and stops the service: the app stops taking requests while in-flight ones, rank jobs and
 * webhook deliveries get until the drain deadline, then the parse pool stops.
 */
async function drain(app: FastifyInstance, ctx: ServiceContext, state: ServiceState): Promise<void> {
  const resolved = ctx.options;
  state.draining = true;
  app.log.info('draining');
  const deadline = Date.now() + resolved.drainTimeoutMs;
  const force = setTimeout(() => app.server.closeAllConnections(), resolved.drainTimeoutMs);
  try {
    await Promise.all([app.close(), ctx.transport.close(resolved.drainTimeoutMs)]);
    if (state.deliveries.size > 0) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.allSettled([...state.deliveries]),
        new Promise((resolve) => (timer = setTimeout(resolve, Math.max(0, deadline - Date.now())))),
      ]);
      clearTimeout(timer);
    }
    // Retries still waiting past the deadline stop; each is recorded as a failed delivery.
    state.stopRetries.abort();
    await Promise.allSettled([...state.deliveries]);
  } finally {
    clearTimeout(force);
    await ctx.matcher.close();
  }
}

/**
 * Builds the service: one matcher and parse pool, the routes, auth, limits and the rank-job
 * transport. Call `listen()` to start it and `close()` to drain it.
 *
 * @throws SkillmatchError `missing-dependency` when fastify or @fastify/multipart is not installed.
 * @throws RangeError when `host` is not loopback and no `token` is set, or an option is out of range.
 * @example
 * const service = await createService({ port: 8080, token: process.env.SKILLMATCH_TOKEN });
 * console.log(await service.listen()); // http://127.0.0.1:8080
 */
export async function createService(options: ServiceOptions = {}): Promise<Service> {
  const framework = await loadFastify();
  const poolSize = options.poolSize ?? availableParallelism();
  const resolved = resolveServiceOptions(options, poolSize);
  if (resolved.token === undefined && !isLoopback(resolved.host)) {
    throw new RangeError(
      `\`token\` is required to listen on ${resolved.host}: without one the service listens on loopback only (127.0.0.1, ::1)`,
    );
  }
  const taxonomy = options.taxonomy ?? builtinTaxonomy();
  const matcher = createMatcher({
    taxonomy,
    ...(options.roles ? { roles: options.roles } : {}),
    poolSize,
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.maxMemoryMb !== undefined ? { maxMemoryMb: options.maxMemoryMb } : {}),
  });
  const state: ServiceState = {
    listening: undefined,
    draining: false,
    deliveries: new Set(),
    stopRetries: new AbortController(),
  };
  const ctx = createContext(resolved, taxonomy, matcher, state);
  ctx.transport = createTransport(options, matcher, (record, spec) => sendJobWebhook(ctx, state, record, spec));
  const app = await createApp(framework, options, ctx);

  let closing: Promise<void> | undefined;
  return {
    async listen() {
      const address = await app.listen({ host: resolved.host, port: resolved.port });
      state.listening = address;
      app.log.info({ url: state.listening, auth: resolved.token !== undefined }, 'skillmatch service listening');
      return state.listening;
    },
    get url() {
      return state.listening;
    },
    get draining() {
      return state.draining;
    },
    close() {
      closing ??= drain(app, ctx, state);
      return closing;
    },
  };
}
