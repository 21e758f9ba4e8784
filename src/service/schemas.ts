/**
 * The published JSON Schemas (schemas/v1/*.schema.json, shipped in the package) and the request
 * body schemas the routes validate with. The response schemas are documentation and contract
 * tests only: they are never used to serialise, because Fastify's serialiser drops every property
 * a schema does not list, and outputs grow by adding fields.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export type JsonSchemaObject = Record<string, unknown>;

/** The folder of the v1 schemas, from src/service/ or dist/esm/service/. */
export function schemasDir(): string {
  for (const up of ['../../schemas/v1/', '../../../schemas/v1/']) {
    const dir = fileURLToPath(new URL(up, import.meta.url));
    if (existsSync(`${dir}match.schema.json`)) return dir;
  }
  throw new Error('schemas/v1 is missing from the @skillmatch/core package');
}

/** Every v1 schema by file name (`match.schema.json` → its JSON). */
export function loadSchemas(): Record<string, JsonSchemaObject> {
  const dir = schemasDir();
  const out: Record<string, JsonSchemaObject> = {};
  for (const name of readdirSync(dir)
    .filter((f) => f.endsWith('.schema.json'))
    .sort()) {
    out[name] = JSON.parse(readFileSync(dir + name, 'utf8')) as JsonSchemaObject;
  }
  return out;
}

const asOf = {
  type: 'string',
  pattern: '^\\d{4}-(0[1-9]|1[0-2])$',
  description: 'The month "present" means, YYYY-MM (default: now).',
};
const documentDate = {
  type: 'string',
  pattern: '^(\\d{4}-(0[1-9]|1[0-2])|estimate)$',
  description:
    'When the résumés were written or received, YYYY-MM (not after asOf), or "estimate" for stored résumés of unknown date (a year after the latest month each writes). Default: the file\'s own date, else asOf.',
};

/** One résumé in JSON. */
export const resumeSchema = {
  description:
    'Résumé text; a JSON Resume object; { data: base64, filename }; { text }; or any of those as { id, resume }.',
  anyOf: [
    { type: 'string', minLength: 1 },
    {
      type: 'object',
      properties: {
        id: { type: 'string' },
        data: { type: 'string', description: 'The file, base64.' },
        filename: { type: 'string', description: 'A format hint (the format is detected from the content).' },
        text: { type: 'string' },
        resume: {},
      },
    },
  ],
};

/** A role in a request. */
export const roleSchema = {
  description:
    'A role id (GET /v1/roles), a role object (taxonomy/schema/role.schema.json), a schema.org JobPosting, or job-description text.',
  anyOf: [{ type: 'string', minLength: 1 }, { type: 'object' }],
};

const rankRequest = {
  type: 'object',
  required: ['role', 'resumes'],
  properties: {
    role: roleSchema,
    resumes: { type: 'array', minItems: 1, items: resumeSchema },
    top: { type: 'integer', minimum: 1 },
    asOf,
    documentDate,
  },
} as const;

export const requestSchemas = {
  parse: { type: 'object', required: ['resume'], properties: { resume: resumeSchema, asOf, documentDate } },
  extract: { type: 'object', required: ['resume'], properties: { resume: resumeSchema, asOf, documentDate } },
  match: {
    type: 'object',
    required: ['role', 'resume'],
    properties: { role: roleSchema, resume: resumeSchema, asOf, documentDate },
  },
  rank: rankRequest,
  rankJob: {
    ...rankRequest,
    properties: {
      ...rankRequest.properties,
      callbackUrl: {
        type: 'string',
        description: 'http(s) URL that receives the finished job, signed the Standard Webhooks way.',
      },
    },
  },
  role: {
    description: 'A job description ({ jobDescription, id?, title? }), a schema.org JobPosting, or a role object.',
    type: 'object',
    properties: {
      jobDescription: { type: 'string', minLength: 1 },
      id: { type: 'string', pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$' },
      title: { type: 'string', minLength: 1 },
    },
  },
} as const;
