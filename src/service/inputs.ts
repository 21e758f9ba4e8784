/**
 * Request bodies → library inputs. A résumé arrives as text, a JSON Resume object, base64 bytes
 * (`{ data, filename }`), a multipart file, or a raw body with its own content type; a role as a
 * role id, a role object, a schema.org JobPosting or job-description text.
 */
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { LimitError } from '../errors.js';
import type { RankInputObject } from '../rank/index.js';
import { roleFromJobDescription } from '../job-description/index.js';
import type { JobPosting } from '../job-description/index.js';
import type { Role, Taxonomy } from '../types.js';
import { checkMonth, isMonth } from '../util/month.js';
import { HttpError } from './errors.js';

/** An input the service refused before the library saw it (a file over the size limit): reported as that item's error. */
export interface RefusedInput {
  refused: LimitError;
  id?: string;
  filename?: string;
}

export type ServiceInput = RankInputObject | RefusedInput;

export function isRefused(input: ServiceInput): input is RefusedInput {
  return 'refused' in input;
}

/** A request's fields and files, whether it came as JSON, multipart or a raw body. */
export interface RequestPayload {
  fields: Record<string, unknown>;
  files: ServiceInput[];
}

const ROLE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const BASE64 = /^[A-Za-z0-9+/_-]*={0,2}$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function byteSize(data: Uint8Array | string): number {
  return typeof data === 'string' ? Buffer.byteLength(data, 'utf8') : data.byteLength;
}

function tooLarge(size: number, maxFileBytes: number, filename?: string): LimitError {
  return new LimitError(
    'limit-bytes',
    `The file is ${size} bytes, over the service's ${maxFileBytes}-byte limit per file.`,
    { limit: maxFileBytes, ...(filename ? { file: filename } : {}) },
  );
}

/** Checks one input's size, turning an oversized one into a refused input (a batch item error, or 413 alone). */
function sized(input: RankInputObject, maxFileBytes: number): ServiceInput {
  const size = byteSize(input.data as Uint8Array | string);
  if (size <= maxFileBytes) return input;
  return {
    refused: tooLarge(size, maxFileBytes, input.filename),
    ...(input.id === undefined ? {} : { id: input.id }),
    ...(input.filename === undefined ? {} : { filename: input.filename }),
  };
}

/**
 * One résumé from JSON: text, `{ text }`, `{ data: base64, filename }`, a JSON Resume object, or
 * any of those wrapped as `{ id, resume }`. `where` names the field in error messages.
 */
export function resumeFromJson(value: unknown, where: string, maxFileBytes: number): ServiceInput {
  if (typeof value === 'string') return sized({ data: value }, maxFileBytes);
  if (!isRecord(value))
    throw new HttpError(
      400,
      'bad-request',
      `\`${where}\` must be résumé text, a JSON Resume object or { data: base64, filename }`,
    );
  const id = value.id;
  if (id !== undefined && typeof id !== 'string')
    throw new HttpError(400, 'bad-request', `\`${where}.id\` must be a string`);
  const withId = (input: RankInputObject): RankInputObject => (id === undefined ? input : { ...input, id });
  if ('resume' in value) {
    const inner = resumeFromJson(value.resume, `${where}.resume`, maxFileBytes);
    return id === undefined || isRefused(inner) ? inner : { ...inner, id };
  }
  if (typeof value.text === 'string') return sized(withId({ data: value.text }), maxFileBytes);
  if (typeof value.data === 'string') {
    const compact = value.data.replace(/\s+/g, '');
    if (!BASE64.test(compact)) throw new HttpError(400, 'bad-request', `\`${where}.data\` must be base64`);
    if (value.filename !== undefined && typeof value.filename !== 'string')
      throw new HttpError(400, 'bad-request', `\`${where}.filename\` must be a string`);
    // Checked before decoding, so an oversized upload is refused without allocating it.
    const size = Math.floor((compact.length * 3) / 4);
    if (size > maxFileBytes + 2)
      return {
        refused: tooLarge(size, maxFileBytes, value.filename as string | undefined),
        ...(id === undefined ? {} : { id: id as string }),
      };
    const data = new Uint8Array(
      Buffer.from(compact, compact.includes('-') || compact.includes('_') ? 'base64url' : 'base64'),
    );
    return sized(
      withId({ data, ...(typeof value.filename === 'string' ? { filename: value.filename } : {}) }),
      maxFileBytes,
    );
  }
  // Anything else is read as a JSON Resume; the parse stage says so when it is not one.
  const { id: _id, ...rest } = value;
  return sized(
    withId({ data: JSON.stringify(id === undefined ? value : rest), filename: 'resume.json' }),
    maxFileBytes,
  );
}

/** Looks a role id up: the service's own roles first, then the matcher's (built-ins). */
export type RoleLookup = (id: string) => Role;

/**
 * A role from a request: an id (kebab-case, looked up), a role object, a schema.org JobPosting,
 * or job-description text (anything else in a string). A multipart field holding JSON is read
 * as the object it encodes.
 */
export function roleFromRequest(value: unknown, lookup: RoleLookup, taxonomy: Taxonomy, where = 'role'): Role {
  if (typeof value === 'string') {
    const trimmed = value.trim();
    if (ROLE_ID.test(trimmed)) return lookup(trimmed);
    if (trimmed.startsWith('{')) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(trimmed);
      } catch {
        throw new HttpError(400, 'bad-request', `\`${where}\` starts with "{" but is not valid JSON`);
      }
      return roleFromRequest(parsed, lookup, taxonomy, where);
    }
    if (trimmed === '') throw new HttpError(400, 'bad-request', `\`${where}\` is empty`);
    return roleFromJobDescription(value, { taxonomy });
  }
  if (!isRecord(value))
    throw new HttpError(
      400,
      'bad-request',
      `\`${where}\` must be a role id, a role object, a JobPosting or job-description text`,
    );
  if (value['@type'] === 'JobPosting') return roleFromJobDescription(value as JobPosting, { taxonomy });
  // A role object: the matcher validates it against the taxonomy (ValidationError `invalid-role`, 422).
  return value as unknown as Role;
}

/** Options of `readPayload`. */
export interface PayloadLimits {
  maxFileBytes: number;
  maxFiles: number;
  /** Most bytes of files in one request. */
  maxTotalBytes: number;
}

async function readMultipart(request: FastifyRequest, limits: PayloadLimits): Promise<RequestPayload> {
  const fields: Record<string, unknown> = {};
  const files: ServiceInput[] = [];
  let total = 0;
  for await (const part of request.parts({
    limits: {
      fileSize: limits.maxFileBytes,
      files: limits.maxFiles,
      fields: 32,
      fieldSize: 1024 * 1024,
      parts: limits.maxFiles + 32,
    },
  })) {
    if (part.type === 'field') {
      fields[part.fieldname] = part.value;
      continue;
    }
    const file = part as MultipartFile;
    const data = await file.toBuffer();
    total += data.byteLength;
    if (total > limits.maxTotalBytes)
      throw new HttpError(
        413,
        'limit-body',
        `The files of this request add up to more than ${limits.maxTotalBytes} bytes.`,
      );
    const filename = file.filename || undefined;
    if (file.file.truncated) {
      files.push({
        refused: tooLarge(data.byteLength, limits.maxFileBytes, filename),
        ...(filename ? { id: filename, filename } : {}),
      });
      continue;
    }
    files.push({
      data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
      ...(filename ? { id: filename, filename } : {}),
    });
  }
  return { fields, files };
}

/**
 * Reads any request body into fields and files: multipart (fields and files by name), JSON (an
 * object: its keys are fields), or a raw résumé body (`Content-Type` of a PDF, DOCX, HTML, text
 * or octet-stream; the query string gives the fields).
 */
export async function readPayload(request: FastifyRequest, limits: PayloadLimits): Promise<RequestPayload> {
  const query = (isRecord(request.query) ? request.query : {}) as Record<string, unknown>;
  if (request.isMultipart()) {
    const payload = await readMultipart(request, limits);
    return { fields: { ...query, ...payload.fields }, files: payload.files };
  }
  const body = request.body;
  if (Buffer.isBuffer(body)) {
    const filename = typeof query.filename === 'string' ? query.filename : undefined;
    return {
      fields: query,
      files: [
        sized(
          {
            data: new Uint8Array(body.buffer, body.byteOffset, body.byteLength),
            ...(filename ? { filename, id: filename } : {}),
          },
          limits.maxFileBytes,
        ),
      ],
    };
  }
  if (typeof body === 'string') return { fields: query, files: [sized({ data: body }, limits.maxFileBytes)] };
  if (isRecord(body)) return { fields: { ...query, ...body }, files: [] };
  throw new HttpError(400, 'bad-request', 'Send JSON, multipart/form-data, or the résumé itself as the body');
}

/** The one résumé of a single-résumé request: a file, or the `resume` field. Refused inputs throw. */
export function singleResume(payload: RequestPayload, maxFileBytes: number): RankInputObject {
  let input: ServiceInput;
  if (payload.files.length > 1)
    throw new HttpError(
      400,
      'bad-request',
      `Send one résumé here (got ${payload.files.length} files); use /v1/rank for many`,
    );
  if (payload.files.length === 1) input = payload.files[0]!;
  else if (payload.fields.resume !== undefined) input = resumeFromJson(payload.fields.resume, 'resume', maxFileBytes);
  else
    throw new HttpError(
      400,
      'bad-request',
      'No résumé: send a file, or `resume` as text, a JSON Resume object or { data: base64, filename }',
    );
  if (isRefused(input)) throw input.refused;
  return input;
}

/** The résumés of a batch request: the files, or the `resumes` field (an array). */
export function batchResumes(payload: RequestPayload, limits: PayloadLimits): ServiceInput[] {
  const listed = payload.fields.resumes;
  if (listed !== undefined) {
    if (!Array.isArray(listed)) throw new HttpError(400, 'bad-request', '`resumes` must be an array');
    if (payload.files.length > 0)
      throw new HttpError(400, 'bad-request', 'Send résumés as files or as `resumes`, not both');
    if (listed.length > limits.maxFiles)
      throw new HttpError(
        413,
        'limit-files',
        `${listed.length} résumés in one request, over the limit of ${limits.maxFiles}`,
      );
    return listed.map((item, i) => resumeFromJson(item, `resumes[${i}]`, limits.maxFileBytes));
  }
  if (payload.files.length === 0)
    throw new HttpError(400, 'bad-request', 'No résumés: send files, or `resumes` as an array');
  return payload.files;
}

/** A field read as a whole number ≥ 1 (multipart fields arrive as strings). */
export function positiveIntField(fields: Record<string, unknown>, name: string): number | undefined {
  const raw = fields[name];
  if (raw === undefined || raw === '') return undefined;
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(n) || n < 1) throw new HttpError(400, 'bad-request', `\`${name}\` must be a whole number ≥ 1`);
  return n;
}

/** `asOf` as `YYYY-MM`, or undefined. */
export function asOfField(fields: Record<string, unknown>, fallback?: string): string | undefined {
  const raw = fields.asOf;
  if (raw === undefined || raw === '') return fallback;
  try {
    return checkMonth(raw, 'asOf');
  } catch {
    throw new HttpError(400, 'bad-request', '`asOf` must be a month as YYYY-MM');
  }
}

/** `documentDate`: when the résumés were written or received, `YYYY-MM`, or `'estimate'`; undefined when not given. */
export function documentDateField(fields: Record<string, unknown>): string | undefined {
  const raw = fields.documentDate;
  if (raw === undefined || raw === '') return undefined;
  if (raw === 'estimate') return raw;
  if (!isMonth(raw)) throw new HttpError(400, 'bad-request', "`documentDate` must be a month as YYYY-MM or 'estimate'");
  return raw;
}

/** The inputs with the request's `documentDate` (refused ones as they are). */
export function datedInputs<T extends ServiceInput>(inputs: T[], documentDate: string | undefined): T[] {
  if (documentDate === undefined) return inputs;
  return inputs.map((input) => (isRefused(input) ? input : { ...input, documentDate }));
}
