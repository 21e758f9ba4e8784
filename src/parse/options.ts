/**
 * The option and pool types of `parseResume`, apart from both: `ParseOptions` names the pool a parse
 * may run in and the pool's `parse` takes `ParseOptions`, so neither `index.ts` nor `pool.ts` can hold
 * both without importing the other.
 */
import type { ResumeDocument } from '../types.js';

/** Options of `parseResume`. Limits default to `PARSE_DEFAULTS`. */
export interface ParseOptions {
  /** The file's name: a hint for format detection and error messages, copied to `meta.filename`. */
  filename?: string;
  /**
   * The month "present" means and future dates are checked against, `YYYY-MM`.
   * @default the current month
   */
  asOf?: string;
  /**
   * The month the résumé was written in, `YYYY-MM`: what "present" and "till date" in it mean (see
   * `ResumeDocument.documentDate`). Give it when you know it (the date a job board received the file), so an old
   * résumé read today does not gain the years since. Not after `asOf`. `'estimate'`, for stored résumés whose
   * date of receipt is unknown: the file's own date when believable, else a year after the latest month the
   * résumé writes (source `estimated`), at most `asOf`.
   * @default the file's own date (PDF `ModDate`/`CreationDate`, DOCX `dcterms:modified`/`created`) when believable, else `asOf`
   */
  documentDate?: string;
  /**
   * Parse in a child process (a shared pool, or `pool`), with the time and memory budget enforced.
   * Use it for any file you did not write yourself.
   * @default false
   */
  isolate?: boolean;
  /** The pool to parse in; implies `isolate`. */
  pool?: ParsePool;
  /**
   * Stops the parse: the promise rejects with an `AbortError` (code `cancelled`) as soon as the signal
   * aborts. An isolated parse leaves the pool's queue, or has its child process killed; an in-process
   * parse cannot be interrupted and runs to its end in the background, its result dropped.
   */
  signal?: AbortSignal;
  /**
   * Largest input accepted, in bytes (checked before anything else): `limit-bytes`.
   * @default 10485760 (10 MB)
   */
  maxBytes?: number;
  /**
   * Most PDF pages accepted (checked before any text is read): `limit-pages`.
   * @default 30
   */
  maxPages?: number;
  /**
   * Largest total expanded size of a DOCX's parts, and of a PDF's compressed non-image streams, in bytes: `limit-expanded-size`.
   * @default 67108864 (64 MiB)
   */
  maxExpandedBytes?: number;
  /**
   * Largest expanded `word/document.xml`, in bytes: `limit-expanded-size`.
   * @default 16777216 (16 MiB)
   */
  maxDocumentXmlBytes?: number;
  /**
   * Longest document text accepted, in UTF-16 code units: `limit-text-length` (an error, not a silent clip).
   * @default 2000000
   */
  maxTextLength?: number;
  /**
   * Time budget of an isolated parse, in milliseconds: `limit-time`. In-process parses cannot be timed out.
   * @default 20000
   */
  timeoutMs?: number;
  /**
   * Memory budget of an isolated parse, in megabytes: `limit-memory`.
   * @default 512
   */
  maxMemoryMb?: number;
}

/** A pool of parse workers; see `createParsePool`. */
export interface ParsePool {
  /** Number of child processes the pool runs at most. */
  readonly size: number;
  /** The worker file the pool forks. */
  readonly workerPath: string;
  /**
   * Parses one document in a child process. Rejects with typed errors (`limit-time`, `limit-memory`,
   * `worker-crashed`, or the parse's own); with an `AbortError` (code `cancelled`) when `signal` aborts,
   * the document leaving the queue, or its child killed if it is being parsed.
   */
  parse(input: Uint8Array | string, options?: Omit<ParseOptions, 'pool' | 'isolate'>): Promise<ResumeDocument>;
  /**
   * Rejects queued documents, lets running ones finish, then ends the children. With `force: true`
   * running documents are not waited for: their children are killed and their promises reject.
   */
  close(options?: { force?: boolean }): Promise<void>;
  /** `close()`, for `await using pool = createParsePool()`. */
  [Symbol.asyncDispose](): Promise<void>;
}
