/**
 * Errors for input that cannot be used. Misuse of the API throws `TypeError`/`RangeError`
 * instead; recoverable problems are `Diagnostic`s on results.
 */

/** Every error code this library throws, in one place. */
export type ErrorCode =
  | 'pdf-encrypted'
  | 'pdf-corrupt'
  | 'docx-corrupt'
  | 'json-corrupt'
  | 'unsupported-format'
  | 'empty-input'
  | 'limit-bytes'
  | 'limit-pages'
  | 'limit-expanded-size'
  | 'limit-text-length'
  | 'limit-time'
  | 'limit-memory'
  | 'worker-crashed'
  /** The work was stopped before it finished: its parse pool was closed, or the CLI was interrupted. */
  | 'cancelled'
  | 'invalid-taxonomy'
  | 'invalid-role'
  /** `roleFromJobDescription` found no technology asked for (none at all, or only practices and concepts). */
  | 'role-empty'
  | 'invalid-json-resume'
  /** A batch item's own option is malformed (a `documentDate` that is not `YYYY-MM` or is after `asOf`). */
  | 'invalid-input'
  | 'unknown-role'
  | 'file-not-found'
  | 'file-unreadable'
  /** An optional peer dependency a feature needs is not installed (e.g. `fastify` for `skillmatch serve`). */
  | 'missing-dependency'
  /** A batch item failed for a reason that is not the input's fault (a bug): reported, never thrown past the batch. */
  | 'internal-error';

export interface SkillmatchErrorOptions {
  file?: string;
  cause?: unknown;
}

export class SkillmatchError extends Error {
  override name = 'SkillmatchError';
  readonly code: ErrorCode;
  file?: string;

  constructor(code: ErrorCode, message: string, options: SkillmatchErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    if (options.file !== undefined) this.file = options.file;
  }

  /** Plain-JSON form for batch results and the CLI. */
  toJSON(): { name: string; code: ErrorCode; message: string; file?: string } {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      ...(this.file === undefined ? {} : { file: this.file }),
    };
  }
}

/** The input could not be read as a résumé of its format. */
export class ParseError extends SkillmatchError {
  override name = 'ParseError';
}

/** One validation issue, zod-style. */
export interface ValidationIssue {
  code: string;
  /** Path into the validated value, e.g. `['skills', 12, 'implies', 0, 'id']`. */
  path: (string | number)[];
  message: string;
}

/** A taxonomy, role or JSON Resume failed validation; `issues` lists every problem, not the first. */
export class ValidationError extends SkillmatchError {
  override name = 'ValidationError';
  readonly issues: ValidationIssue[];

  constructor(code: ErrorCode, message: string, issues: ValidationIssue[], options: SkillmatchErrorOptions = {}) {
    super(code, message, options);
    this.issues = issues;
  }

  override toJSON(): ReturnType<SkillmatchError['toJSON']> & { issues: ValidationIssue[] } {
    return { ...super.toJSON(), issues: this.issues };
  }
}

/** A configured limit was exceeded (bytes, pages, expanded size, text length, time, memory). */
export class LimitError extends SkillmatchError {
  override name = 'LimitError';
  /** The limit that was exceeded, in its option's unit. */
  readonly limit?: number;

  constructor(code: ErrorCode, message: string, options: SkillmatchErrorOptions & { limit?: number } = {}) {
    super(code, message, options);
    if (options.limit !== undefined) this.limit = options.limit;
  }

  override toJSON(): ReturnType<SkillmatchError['toJSON']> & { limit?: number } {
    return { ...super.toJSON(), ...(this.limit === undefined ? {} : { limit: this.limit }) };
  }
}

/**
 * The caller's `AbortSignal` stopped the work. Named `AbortError`, as the platform's own aborted calls
 * are (`fetch`, `fs`, timers), so `error.name === 'AbortError'` checks keep working; its code is
 * `cancelled` and its `cause` the signal's `reason`.
 */
export class AbortError extends SkillmatchError {
  override name = 'AbortError';

  constructor(message = 'The operation was aborted.', options: SkillmatchErrorOptions = {}) {
    super('cancelled', message, options);
  }
}

/**
 * Misuse of the API that a caller may want to tell apart without reading the message: an option outside
 * what it accepts (today a month option, `asOf` or `documentDate`, that is not `YYYY-MM`, or a
 * `documentDate` after `asOf`). A `RangeError`, as other misuse is, with the stable code `invalid-option`
 * and the option's name, so a service built on the library can answer 400 for it.
 */
export class OptionError extends RangeError {
  override name = 'OptionError';
  readonly code = 'invalid-option' as const;
  /** The option, as the caller wrote it (`asOf`, `documentDate`, `--as-of`). */
  readonly option: string;

  constructor(option: string, message: string) {
    super(message);
    this.option = option;
  }
}

// Name-based guards (as ky does) so errors that crossed a process or realm boundary still match.
function hasName(error: unknown, names: readonly string[]): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    names.includes((error as { name?: unknown }).name as string) &&
    typeof (error as { code?: unknown }).code === 'string'
  );
}

export function isSkillmatchError(error: unknown): error is SkillmatchError {
  // Node names its own aborts AbortError too (code ABORT_ERR): only ours carry `cancelled`.
  return (
    hasName(error, ['SkillmatchError', 'ParseError', 'ValidationError', 'LimitError']) ||
    (hasName(error, ['AbortError']) && (error as { code?: unknown }).code === 'cancelled')
  );
}

export function isParseError(error: unknown): error is ParseError {
  return hasName(error, ['ParseError']);
}

export function isValidationError(error: unknown): error is ValidationError {
  return hasName(error, ['ValidationError']);
}

export function isLimitError(error: unknown): error is LimitError {
  return hasName(error, ['LimitError']);
}

/** Rebuilds a typed error from its JSON form (e.g. sent back by a parse worker). */
export function errorFromJSON(json: {
  name?: string;
  code: ErrorCode;
  message: string;
  file?: string;
  limit?: number;
}): SkillmatchError {
  const options = json.file === undefined ? {} : { file: json.file };
  switch (json.name) {
    case 'ParseError':
      return new ParseError(json.code, json.message, options);
    case 'LimitError':
      return new LimitError(json.code, json.message, {
        ...options,
        ...(json.limit === undefined ? {} : { limit: json.limit }),
      });
    case 'ValidationError':
      return new ValidationError(
        json.code,
        json.message,
        (json as { issues?: ValidationIssue[] }).issues ?? [],
        options,
      );
    case 'AbortError':
      return new AbortError(json.message, options);
    default:
      return new SkillmatchError(json.code, json.message, options);
  }
}
