/**
 * How the service answers when something goes wrong: every error body is
 * `{ statusCode, error: { name, code, message, … }, requestId }` (schemas/v1/service-error.schema.json),
 * with a stable kebab-case `code` that is either a library `ErrorCode` or one of `ServiceErrorCode`.
 */
import { isSkillmatchError } from '../errors.js';

/** Codes the service itself answers with, beside the library's `ErrorCode`s. */
export type ServiceErrorCode =
  | 'bad-request'
  | 'unauthorized'
  | 'not-found'
  | 'method-not-allowed'
  | 'unsupported-media-type'
  | 'limit-body'
  | 'limit-files'
  | 'saturated'
  | 'draining'
  | 'job-not-finished'
  | 'internal-error';

/** An error with the HTTP status it answers with. Thrown by routes; turned into the error body by the service. */
export class HttpError extends Error {
  override name = 'HttpError';
  readonly statusCode: number;
  readonly code: ServiceErrorCode;
  /** Seconds, sent as `Retry-After` (429 and 503). */
  readonly retryAfter?: number;

  constructor(statusCode: number, code: ServiceErrorCode, message: string, options: { retryAfter?: number } = {}) {
    super(message);
    this.statusCode = statusCode;
    this.code = code;
    if (options.retryAfter !== undefined) this.retryAfter = options.retryAfter;
  }
}

/** The error part of a response body. */
export interface ErrorBody {
  name: string;
  code: string;
  message: string;
  limit?: number;
  issues?: { code: string; path: (string | number)[]; message: string }[];
}

/** Library codes that mean "the request is too large" rather than "the file cannot be used". */
const TOO_LARGE = new Set(['limit-bytes']);

/** Fastify's and @fastify/multipart's own error codes, as the service names them. */
const FASTIFY_CODES: Record<string, [number, ServiceErrorCode]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'limit-body'],
  FST_REQ_FILE_TOO_LARGE: [413, 'limit-body'],
  FST_FILES_LIMIT: [413, 'limit-files'],
  FST_FIELDS_LIMIT: [413, 'limit-files'],
  FST_PARTS_LIMIT: [413, 'limit-files'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupported-media-type'],
  FST_INVALID_MULTIPART_CONTENT_TYPE: [415, 'unsupported-media-type'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'bad-request'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'bad-request'],
  FST_ERR_VALIDATION: [400, 'bad-request'],
  FST_PROTO_VIOLATION: [400, 'bad-request'],
};

/**
 * Status and body for any error a route threw. A library error about the input is 422 (413 for
 * `limit-bytes`), so an ATS can tell "this résumé is unusable" from "your request is wrong" (400)
 * and "we failed" (500, whose message never carries the cause, which is logged instead).
 */
export function describeError(
  error: unknown,
  maxFileBytes: number,
): { statusCode: number; body: ErrorBody; retryAfter?: number } {
  if (error instanceof HttpError) {
    return {
      statusCode: error.statusCode,
      body: { name: error.name, code: error.code, message: error.message },
      ...(error.retryAfter === undefined ? {} : { retryAfter: error.retryAfter }),
    };
  }
  if (isSkillmatchError(error)) {
    const json = error.toJSON() as ErrorBody & { file?: string };
    // The file name is the caller's own and may name the candidate; the caller knows which file it sent.
    const { file: _file, ...body } = json;
    if (error.code === 'internal-error') return { statusCode: 500, body };
    return { statusCode: TOO_LARGE.has(error.code) ? 413 : 422, body };
  }
  if (error instanceof TypeError || error instanceof RangeError) {
    // The library's boundary checks: the request handed it something of the wrong shape.
    return { statusCode: 400, body: { name: 'HttpError', code: 'bad-request', message: error.message } };
  }
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code in FASTIFY_CODES) {
    const [statusCode, serviceCode] = FASTIFY_CODES[code]!;
    const message =
      serviceCode === 'limit-body'
        ? `The request or one of its files is over the size limit (${maxFileBytes} bytes per file).`
        : (error as Error).message;
    return { statusCode, body: { name: 'HttpError', code: serviceCode, message } };
  }
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return { statusCode: status, body: { name: 'HttpError', code: 'bad-request', message: (error as Error).message } };
  }
  return {
    statusCode: 500,
    body: {
      name: 'HttpError',
      code: 'internal-error',
      message: 'The service failed on this request; the log has the cause under this request id.',
    },
  };
}
