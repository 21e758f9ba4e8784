/**
 * The routes. Each reads its request into library inputs (inputs.ts), calls the matcher, and
 * answers the library's own JSON; errors go to the service's error handler.
 */
import type { FastifyContextConfig, FastifyInstance, FastifyRequest } from 'fastify';
import { renderShortlistHtml } from '../report/index.js';
import { roleFromJobDescription } from '../job-description/index.js';
import type { JobPosting } from '../job-description/index.js';
import { assertRole, builtinRoles } from '../role/index.js';
import type { Role, Taxonomy } from '../types.js';
import { HttpError } from './errors.js';
import {
  asOfField,
  batchResumes,
  datedInputs,
  documentDateField,
  positiveIntField,
  readPayload,
  roleFromRequest,
  singleResume,
} from './inputs.js';
import type { PayloadLimits, RequestPayload } from './inputs.js';
import { newJobId } from './jobs.js';
import { requestSchemas } from './schemas.js';
import type { ServiceContext } from './context.js';

/** What a route asks of the request hooks: no token (`public`), a signed link instead of it, a place in the work gate, refusal while draining. */
export interface RouteFlags {
  public?: boolean;
  signedLink?: boolean;
  gated?: boolean;
  work?: boolean;
}

const flags = (config: RouteFlags): { config: FastifyContextConfig } => ({ config: config as FastifyContextConfig });

const jsonBody = (schema: unknown): { body: { content: Record<string, { schema: unknown }> } } => ({
  body: { content: { 'application/json': { schema } } },
});

function limitsOf(ctx: ServiceContext): PayloadLimits {
  return {
    maxFileBytes: ctx.options.maxFileBytes,
    maxFiles: ctx.options.maxFiles,
    maxTotalBytes: ctx.options.bodyLimit,
  };
}

/** The role of a request: the `role` field, or `?role=` beside a raw body. */
function requestRole(ctx: ServiceContext, payload: RequestPayload): Role {
  if (payload.fields.role === undefined)
    throw new HttpError(
      400,
      'bad-request',
      'No `role`: give a role id, a role object, a JobPosting or job-description text',
    );
  return roleFromRequest(payload.fields.role, (id) => ctx.lookupRole(id), ctx.taxonomy);
}

function registerResumeRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const gated = flags({ gated: true });
  app.post('/v1/parse', { ...gated, schema: jsonBody(requestSchemas.parse) }, async (request) => {
    const payload = await readPayload(request, limitsOf(ctx));
    const input = singleResume(payload, ctx.options.maxFileBytes);
    const asOf = asOfField(payload.fields, ctx.options.asOf);
    const documentDate = documentDateField(payload.fields);
    return ctx.matcher.parse(input.data as Uint8Array | string, {
      ...(input.filename ? { filename: input.filename } : {}),
      ...(asOf ? { asOf } : {}),
      ...(documentDate ? { documentDate } : {}),
    });
  });
  app.post('/v1/extract', { ...gated, schema: jsonBody(requestSchemas.extract) }, async (request) => {
    const payload = await readPayload(request, limitsOf(ctx));
    const [input] = datedInputs([singleResume(payload, ctx.options.maxFileBytes)], documentDateField(payload.fields));
    const asOf = asOfField(payload.fields, ctx.options.asOf);
    return ctx.matcher.extract(input!, asOf ? { asOf } : {});
  });
  app.post('/v1/match', { ...gated, schema: jsonBody(requestSchemas.match) }, async (request) => {
    const payload = await readPayload(request, limitsOf(ctx));
    const role = ctx.matcher.role(requestRole(ctx, payload));
    const [input] = datedInputs([singleResume(payload, ctx.options.maxFileBytes)], documentDateField(payload.fields));
    const asOf = ctx.asOf(asOfField(payload.fields));
    // What matcher.match does (extract, then score), with the role's scorer kept between requests.
    return ctx.scorer(role, asOf).match(await ctx.matcher.extract(input!, { asOf }));
  });
  app.post('/v1/rank', { ...gated, schema: jsonBody(requestSchemas.rank) }, async (request) => {
    const payload = await readPayload(request, limitsOf(ctx));
    const role = ctx.matcher.role(requestRole(ctx, payload));
    const inputs = datedInputs(batchResumes(payload, limitsOf(ctx)), documentDateField(payload.fields));
    const top = positiveIntField(payload.fields, 'top');
    const asOf = asOfField(payload.fields, ctx.options.asOf);
    return ctx.rankInputs(inputs, role, { ...(top ? { top } : {}), ...(asOf ? { asOf } : {}) });
  });
}

/** A role from POST /v1/roles: job-description text (plain body or `jobDescription`), a JobPosting, or a role object. */
function roleFromBody(request: FastifyRequest, taxonomy: Taxonomy): Role {
  const query = (request.query ?? {}) as Record<string, unknown>;
  const body = request.body;
  const naming = (fields: Record<string, unknown>): { id?: string; title?: string; taxonomy: Taxonomy } => ({
    taxonomy,
    ...(typeof fields.id === 'string' ? { id: fields.id } : {}),
    ...(typeof fields.title === 'string' ? { title: fields.title } : {}),
  });
  if (typeof body === 'string') {
    if (body.trim() === '') throw new HttpError(400, 'bad-request', 'The job description is empty');
    return roleFromJobDescription(body, naming(query));
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new HttpError(
      400,
      'bad-request',
      'Send a job description (text/plain or { jobDescription }), a JobPosting or a role',
    );
  const fields = body as Record<string, unknown>;
  if (typeof fields.jobDescription === 'string') return roleFromJobDescription(fields.jobDescription, naming(fields));
  if (fields['@type'] === 'JobPosting') return roleFromJobDescription(fields as JobPosting, naming(fields));
  if (Array.isArray(fields.requirements)) return assertRole(fields, taxonomy);
  throw new HttpError(
    400,
    'bad-request',
    'Send `jobDescription`, a schema.org JobPosting (`@type: JobPosting`) or a role with `requirements`',
  );
}

function registerRoleRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.get('/v1/roles', async () => {
    const added = [...ctx.roles.values()];
    const shadowed = new Set(added.map((role) => role.id));
    return {
      roles: [
        ...builtinRoles()
          .filter((role) => !shadowed.has(role.id))
          .map((role) => ({ ...role, builtin: true })),
        ...added.map((role) => ({ ...role, builtin: false })),
      ],
    };
  });
  app.get<{ Params: { id: string } }>('/v1/roles/:id', async (request) => {
    try {
      return ctx.lookupRole(request.params.id);
    } catch {
      throw new HttpError(404, 'not-found', `No role "${request.params.id}"`);
    }
  });
  app.post('/v1/roles', { schema: jsonBody(requestSchemas.role) }, async (request, reply) => {
    const role = roleFromBody(request, ctx.taxonomy);
    // Re-adding an id replaces the role (an ATS re-sends a job when it changes); the oldest go past `maxRoles`.
    ctx.roles.delete(role.id);
    ctx.roles.set(role.id, role);
    while (ctx.roles.size > ctx.options.maxRoles) ctx.roles.delete(ctx.roles.keys().next().value!);
    void reply.code(201).header('location', `/v1/roles/${role.id}`);
    return role;
  });
}

function checkCallbackUrl(ctx: ServiceContext, value: unknown): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (ctx.options.webhookSecret === undefined)
    throw new HttpError(
      400,
      'bad-request',
      'This service has no webhook secret (--webhook-secret), so it cannot sign callbacks',
    );
  let url: URL;
  try {
    url = new URL(String(value));
  } catch {
    throw new HttpError(400, 'bad-request', '`callbackUrl` is not a URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new HttpError(400, 'bad-request', '`callbackUrl` must be http or https');
  if (url.username || url.password) throw new HttpError(400, 'bad-request', '`callbackUrl` must not carry credentials');
  if (ctx.options.callbackHosts && !ctx.options.callbackHosts.includes(url.hostname))
    throw new HttpError(
      400,
      'bad-request',
      `\`callbackUrl\` host ${url.hostname} is not one of the allowed callback hosts`,
    );
  return url.href;
}

function registerJobRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  // Idempotency-Key → job id, so a retried submission returns the job it already made.
  const byKey = new Map<string, string>();
  app.post(
    '/v1/rank-jobs',
    { ...flags({ work: true }), schema: jsonBody(requestSchemas.rankJob) },
    async (request, reply) => {
      const key = request.headers['idempotency-key'];
      if (typeof key === 'string' && byKey.has(key)) {
        const existing = await ctx.transport.get(byKey.get(key)!);
        if (existing)
          return reply
            .code(202)
            .header('location', `/v1/rank-jobs/${existing.id}`)
            .send(ctx.withLinks(existing, request));
      }
      const payload = await readPayload(request, limitsOf(ctx));
      const role = ctx.matcher.role(requestRole(ctx, payload));
      const inputs = datedInputs(batchResumes(payload, limitsOf(ctx)), documentDateField(payload.fields));
      const top = positiveIntField(payload.fields, 'top');
      const asOf = asOfField(payload.fields, ctx.options.asOf);
      const callbackUrl = checkCallbackUrl(ctx, payload.fields.callbackUrl);
      const id = newJobId();
      const record = await ctx.transport.submit({
        id,
        role,
        inputs,
        ...(top ? { top } : {}),
        ...(asOf ? { asOf } : {}),
        ...(callbackUrl ? { callbackUrl } : {}),
      });
      if (typeof key === 'string' && key.length <= 200) {
        byKey.set(key, id);
        if (byKey.size > ctx.options.maxRoles * 10) byKey.delete(byKey.keys().next().value!);
      }
      return reply.code(202).header('location', `/v1/rank-jobs/${id}`).send(ctx.withLinks(record, request));
    },
  );
  app.get<{ Params: { id: string } }>('/v1/rank-jobs/:id', async (request) => {
    const record = await ctx.transport.get(request.params.id);
    if (!record) throw new HttpError(404, 'not-found', 'No such rank job (or it expired)');
    return ctx.withLinks(record, request);
  });
  app.get<{ Params: { id: string } }>(
    '/v1/rank-jobs/:id/report',
    flags({ signedLink: true }),
    async (request, reply) => {
      const record = await ctx.transport.get(request.params.id);
      if (!record) throw new HttpError(404, 'not-found', 'No such rank job (or it expired)');
      if (record.status !== 'succeeded' || !record.result) {
        throw new HttpError(
          409,
          'job-not-finished',
          record.status === 'failed'
            ? `The job failed (${record.error?.code ?? 'internal-error'}); it has no report`
            : `The job is ${record.status}; the report is ready when it has succeeded`,
        );
      }
      const html = renderShortlistHtml(record.result, { generatedAt: record.finishedAt ?? record.createdAt });
      // The report is one self-contained file; the CSP forbids any request it might try to make.
      return reply
        .type('text/html; charset=utf-8')
        .header(
          'content-security-policy',
          "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
        )
        .header('x-content-type-options', 'nosniff')
        .header('referrer-policy', 'no-referrer')
        .header('cache-control', 'private, no-store')
        .send(html);
    },
  );
}

function registerMetaRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const open = flags({ public: true });
  app.get('/healthz', open, async () => ({ status: 'ok' }));
  app.get('/readyz', open, async (_request, reply) => {
    const body = { status: ctx.draining ? 'draining' : 'ready', load: ctx.gate.stats() };
    return reply.code(ctx.draining ? 503 : 200).send(body);
  });
  app.get('/openapi.json', open, async () => ctx.openapi);
  app.get('/v1/schemas', open, async () => ({ schemas: Object.keys(ctx.schemas) }));
  app.get<{ Params: { name: string } }>('/v1/schemas/:name', open, async (request, reply) => {
    const schema = ctx.schemas[request.params.name] ?? ctx.schemas[`${request.params.name}.schema.json`];
    if (!schema)
      throw new HttpError(404, 'not-found', `No schema "${request.params.name}"; GET /v1/schemas lists them`);
    return reply.type('application/schema+json').send(schema);
  });
}

/** Registers every route of the service. */
export function registerRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  registerResumeRoutes(app, ctx);
  registerRoleRoutes(app, ctx);
  registerJobRoutes(app, ctx);
  registerMetaRoutes(app, ctx);
}
