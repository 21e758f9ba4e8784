/**
 * The OpenAPI 3.1 description of the service, built from the same request schemas the routes
 * validate with and the published response schemas (schemas/v1), so the document cannot drift
 * from what the service does.
 */
import type { JsonSchemaObject } from './schemas.js';
import { requestSchemas } from './schemas.js';

/** `match.schema.json` → `Match`, `rank-job.schema.json` → `RankJob`. */
export function componentName(file: string): string {
  return file
    .replace(/\.schema\.json$/, '')
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

function capitalise(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** Rewrites a schema file's `$ref`s to component references: `common.schema.json#/$defs/span` → `#/components/schemas/CommonSpan`. */
function rewriteRefs(value: unknown, file: string): unknown {
  if (Array.isArray(value)) return value.map((item) => rewriteRefs(item, file));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
    if (key === '$ref' && typeof inner === 'string') {
      const [target, pointer] = inner.split('#');
      const base = componentName(target === '' || target === undefined ? file : target);
      const def = pointer?.startsWith('/$defs/') ? capitalise(pointer.slice('/$defs/'.length)) : '';
      out[key] = `#/components/schemas/${base}${def}`;
    } else if (key !== '$defs' && key !== '$id' && key !== '$schema') {
      out[key] = rewriteRefs(inner, file);
    }
  }
  return out;
}

/** Each schema file as components: the file itself (when it has a body) and each of its `$defs`. */
export function schemaComponents(schemas: Record<string, JsonSchemaObject>): Record<string, unknown> {
  const components: Record<string, unknown> = {};
  for (const [file, schema] of Object.entries(schemas)) {
    const base = componentName(file);
    const body = rewriteRefs(schema, file) as Record<string, unknown>;
    if ('type' in body || 'properties' in body) components[base] = body;
    for (const [name, def] of Object.entries((schema.$defs ?? {}) as Record<string, unknown>))
      components[base + capitalise(name)] = rewriteRefs(def, file);
  }
  return components;
}

const ref = (name: string): { $ref: string } => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: unknown): Record<string, unknown> => ({ 'application/json': { schema } });
const errorResponse = (description: string): Record<string, unknown> => ({
  description,
  content: json(ref('ServiceError')),
});

const STANDARD_ERRORS = {
  '400': errorResponse('The request is malformed (`bad-request`).'),
  '401': errorResponse('No valid bearer token (`unauthorized`).'),
  '413': errorResponse(
    'The body, a file or the file count is over its limit (`limit-body`, `limit-bytes`, `limit-files`).',
  ),
  '422': errorResponse(
    'The résumé or role cannot be used: the library error code (`pdf-encrypted`, `unknown-role`, `invalid-role`, `limit-time`…).',
  ),
  '429': errorResponse('Saturated (`saturated`); retry after the `Retry-After` seconds.'),
  '503': errorResponse('Shutting down (`draining`).'),
};

const fileUpload = (many: boolean, fields: Record<string, unknown>): Record<string, unknown> => ({
  'multipart/form-data': {
    schema: {
      type: 'object',
      properties: {
        ...fields,
        [many ? 'files' : 'resume']: many
          ? { type: 'array', items: { type: 'string', contentMediaType: 'application/octet-stream' } }
          : { type: 'string', contentMediaType: 'application/octet-stream' },
      },
    },
  },
});

const rawResume = {
  'application/pdf': { schema: { type: 'string', contentMediaType: 'application/pdf' } },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { schema: { type: 'string' } },
  'text/plain': { schema: { type: 'string' } },
};

function post(
  summary: string,
  body: Record<string, unknown>,
  ok: Record<string, unknown>,
  description?: string,
): Record<string, unknown> {
  return {
    post: {
      summary,
      ...(description ? { description } : {}),
      requestBody: { required: true, content: body },
      responses: { ...ok, ...STANDARD_ERRORS },
    },
  };
}

/** The form fields of a single-résumé upload that set the month "present" means. */
const asOfField = { asOf: { type: 'string' }, documentDate: { type: 'string' } };

/** The form field naming the role to match against. */
const roleField = {
  role: { type: 'string', description: 'A role id, role JSON, JobPosting JSON or job-description text.' },
};

/** The form fields of a many-résumé upload (rank, rank jobs). */
const many = { ...roleField, ...asOfField, top: { type: 'integer' } };

/** The document's `info`: what the service is, at the package's version. */
const info = (version: string): Record<string, unknown> => ({
  title: 'skillmatch service',
  version,
  description:
    'Match résumés to roles over HTTP: parse, extract, match, rank, asynchronous rank jobs with signed webhooks, and an HTML shortlist report.',
});

/** The bearer scheme, the response schemas (schemas/v1) and the request schemas the routes validate with. */
const components = (schemas: Record<string, JsonSchemaObject>): Record<string, unknown> => ({
  securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
  schemas: {
    ...schemaComponents(schemas),
    ...Object.fromEntries(
      Object.entries(requestSchemas).map(([name, schema]) => [`${capitalise(name)}Request`, schema]),
    ),
  },
});

/** POST /v1/parse. */
const parsePath = post(
  'Parse one résumé',
  { ...json(ref('ParseRequest')), ...fileUpload(false, asOfField), ...rawResume },
  { '200': { description: 'The parsed document.', content: json(ref('Document')) } },
);

/** POST /v1/extract. */
const extractPath = post(
  'Extract the skills of one résumé',
  { ...json(ref('ExtractRequest')), ...fileUpload(false, asOfField), ...rawResume },
  { '200': { description: 'The skill profile.', content: json(ref('Profile')) } },
);

/** POST /v1/match. */
const matchPath = post(
  'Match one résumé against a role',
  { ...json(ref('MatchRequest')), ...fileUpload(false, { ...roleField, ...asOfField }), ...rawResume },
  {
    '200': {
      description: "The explained match, as the library's `match` returns it.",
      content: json(ref('Match')),
    },
  },
  'A raw body takes the role from `?role=`.',
);

/** POST /v1/rank. */
const rankPath = post(
  'Rank résumés against a role',
  { ...json(ref('RankRequest')), ...fileUpload(true, many) },
  {
    '200': {
      description: 'The ranking; unusable résumés are listed in `errors`, never failing the batch.',
      content: json(ref('Ranking')),
    },
  },
);

/** POST /v1/rank-jobs. */
const rankJobsPath = post(
  'Start an asynchronous ranking',
  { ...json(ref('RankJobRequest')), ...fileUpload(true, { ...many, callbackUrl: { type: 'string' } }) },
  {
    '202': { description: 'Accepted; poll `links.self` or wait for the webhook.', content: json(ref('RankJob')) },
  },
  'Send `Idempotency-Key` to make retries of this request return the same job.',
);

/** GET /v1/rank-jobs/{id}. */
const rankJobPath = {
  get: {
    summary: 'A rank job: progress, then its result',
    parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
    responses: {
      '200': { description: 'The job.', content: json(ref('RankJob')) },
      '404': errorResponse('No such job (or it expired).'),
    },
  },
};

/** GET /v1/rank-jobs/{id}/report. */
const rankJobReportPath = {
  get: {
    summary: 'The HTML shortlist of a finished job',
    description: 'Opens with the bearer token, or without it through the signed `links.report` of the job.',
    security: [{ bearer: [] }, {}],
    parameters: [
      { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
      { name: 'expires', in: 'query', schema: { type: 'string' } },
      { name: 'signature', in: 'query', schema: { type: 'string' } },
    ],
    responses: {
      '200': {
        description: 'One self-contained HTML file.',
        content: { 'text/html': { schema: { type: 'string' } } },
      },
      '401': STANDARD_ERRORS['401'],
      '404': errorResponse('No such job.'),
      '409': errorResponse('The job has not finished yet (`job-not-finished`).'),
    },
  },
};

/** GET and POST /v1/roles. */
const rolesPath = {
  get: {
    summary: 'The roles matchable by id',
    responses: { '200': { description: 'Built-in roles, then added ones.', content: json(ref('Roles')) } },
  },
  ...post(
    'Add a role from a job description, a JobPosting or a role object',
    { ...json(ref('RoleRequest')), 'text/plain': { schema: { type: 'string' } } },
    { '201': { description: 'The role, now matchable by its id.', content: json({ type: 'object' }) } },
  ),
};

/** GET /v1/schemas/{name}. */
const schemaPath = {
  get: {
    summary: 'A published JSON Schema',
    security: [],
    parameters: [{ name: 'name', in: 'path', required: true, schema: { type: 'string' } }],
    responses: { '200': { description: 'The schema.', content: json({ type: 'object' }) } },
  },
};

/** GET /healthz. */
const healthzPath = {
  get: { summary: 'Liveness', security: [], responses: { '200': { description: 'The process answers.' } } },
};

/** GET /readyz. */
const readyzPath = {
  get: {
    summary: 'Readiness',
    security: [],
    responses: { '200': { description: 'Taking work.' }, '503': { description: 'Draining.' } },
  },
};

/** GET /openapi.json. */
const openapiPath = {
  get: { summary: 'This document', security: [], responses: { '200': { description: 'OpenAPI 3.1.' } } },
};

/** Every route, in the order the document lists them. */
const paths = {
  '/v1/parse': parsePath,
  '/v1/extract': extractPath,
  '/v1/match': matchPath,
  '/v1/rank': rankPath,
  '/v1/rank-jobs': rankJobsPath,
  '/v1/rank-jobs/{id}': rankJobPath,
  '/v1/rank-jobs/{id}/report': rankJobReportPath,
  '/v1/roles': rolesPath,
  '/v1/schemas/{name}': schemaPath,
  '/healthz': healthzPath,
  '/readyz': readyzPath,
  '/openapi.json': openapiPath,
};

/** The whole OpenAPI 3.1 document. */
export function buildOpenApi(schemas: Record<string, JsonSchemaObject>, version: string): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: info(version),
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    components: components(schemas),
    security: [{ bearer: [] }],
    paths,
  };
}
