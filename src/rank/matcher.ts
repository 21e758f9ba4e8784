/**
 * Rank stage: many résumés → an ordered, explained shortlist. `createMatcher` builds the role
 * look-up, and on first need the extractor (alias index) and the isolated parse pool, once each,
 * and reuses them for every batch.
 */
import { availableParallelism } from 'node:os';
import { abortable, checkSignal, linkAbort, throwIfAborted } from '../abort.js';
import { MATCH_VERSION, RANK_DEFAULTS } from '../defaults.js';
import { isSkillmatchError, SkillmatchError } from '../errors.js';
import { createExtractor } from '../extract/index.js';
import { checkDocumentDate, createParsePool, isJsonResume, jsonResumeText, parseResume } from '../parse/index.js';
import type { JsonResumeObject, ParsePool, ParsePoolOptions } from '../parse/index.js';
import { assertRole, getBuiltinRole } from '../role/index.js';
import { createScorer } from '../score/index.js';
import type { ScoreOptions, Scorer } from '../score/index.js';
import { builtinTaxonomy } from '../taxonomy/index.js';
import type {
  MatchResult,
  RankedResult,
  RankError,
  RankItem,
  Ranking,
  ResumeDocument,
  Role,
  SkillProfile,
  Taxonomy,
} from '../types.js';
import { currentMonth } from '../util/month.js';

/** One résumé to rank, with the caller's id (the default id is its index in the batch). */
export interface RankInputObject {
  /** The caller's id, reported back on the result. @default the input's index, as a string */
  id?: string;
  data: Uint8Array | ArrayBuffer | string | ResumeDocument | SkillProfile | JsonResumeObject;
  /** A format hint for bytes (the format is detected from the content). */
  filename?: string;
  /**
   * The month this résumé was written or received, `YYYY-MM`, not after `asOf`: what its "present" means (see
   * `ResumeDocument.documentDate`). Give it for stored résumés, so an old one does not gain the years since;
   * `'estimate'` when it is not known (see `RankOptions.documentDate`).
   * @default the batch's `documentDate`, else the file's own date when it has one, else `asOf`
   */
  documentDate?: string;
}

/**
 * What a batch accepts: résumé bytes, résumé text, parsed documents, extracted profiles, JSON Resume
 * objects (read as their JSON text would be), or any of them with an id.
 */
export type RankInput =
  | Uint8Array
  | ArrayBuffer
  | string
  | ResumeDocument
  | SkillProfile
  | JsonResumeObject
  | RankInputObject;

/** Options of `createMatcher`. */
export interface MatcherOptions {
  /** Taxonomy for extraction and scoring. @default builtinTaxonomy() */
  taxonomy?: Taxonomy;
  /** Roles that can be named by id, on top of (and overriding) the built-in roles. @default [] */
  roles?: Role[];
  /** Workers in the isolated parse pool. @default one per core (the parse stage's default) */
  poolSize?: number;
  /** Time budget per document in the pool, ms. @default PARSE_DEFAULTS.timeoutMs */
  timeoutMs?: number;
  /** Memory budget per pool worker, MB. @default PARSE_DEFAULTS.maxMemoryMb */
  maxMemoryMb?: number;
  /**
   * The parse worker file the pool forks; see `ParsePoolOptions.workerPath` and the README's bundler recipe.
   * @default the package's own worker
   */
  workerPath?: ParsePoolOptions['workerPath'];
}

/**
 * Progress of a batch, reported as each input finishes: how many are done, and which one this was.
 * `total` is `null` when the inputs are an iterator of unknown length.
 */
export interface RankProgress {
  done: number;
  total: number | null;
  /** The id of the input that finished (the caller's, or its index as a string). */
  id: string;
  /** Its position in the batch, from 0. */
  index: number;
  /** Whether it was scored (`true`) or failed (`false`, see `code`). */
  ok: boolean;
  /** Why it failed, when `ok` is false: the error's code (as in `Ranking.errors`). */
  code?: string;
}

/** Options of `matcher.rank`, `matcher.rankIterator` and `rankResumes`: scoring weights plus batch controls. */
export interface RankOptions extends Omit<ScoreOptions, 'taxonomy'> {
  /** Keep only the best N results. Errors are always all kept. @default Infinity */
  top?: number;
  /** Parse bytes in the isolated pool of child processes; `false` only for trusted input. @default true */
  isolate?: boolean;
  /** Called after each input is done (scored or failed). */
  onProgress?: (progress: RankProgress) => void;
  /** Inputs processed at once. @default pool size × 2 when isolating, else 1 */
  concurrency?: number;
  /**
   * Stops the batch: the call rejects (the iterator throws) with an `AbortError` (code `cancelled`),
   * no further input is read, queued parses are dropped and running ones have their worker killed.
   */
  signal?: AbortSignal;
  /**
   * `'estimate'`: for stored résumés whose date of receipt is unknown (an archive re-ranked for a new role), read
   * "present" in each as a year after the latest month it writes, unless the file has its own date or the input
   * its own `documentDate` (see `ParseOptions.documentDate`). Leave it unset for résumés that arrive now.
   * @default "present" is the file's own date, else `asOf`
   */
  documentDate?: 'estimate';
}

/** Options of `matcher.extract`. */
export interface MatcherExtractOptions {
  /** Parse bytes and text in the isolated pool. @default true */
  isolate?: boolean;
  /** The month "present" means, `YYYY-MM`. @default the current month */
  asOf?: string;
  /** Stops the call with an `AbortError` (code `cancelled`); an isolated parse is killed. */
  signal?: AbortSignal;
  /** The month the résumé was written, `YYYY-MM`, or `'estimate'` (see `ParseOptions.documentDate`). @default the file's own date, else `asOf` */
  documentDate?: string;
}

/** Options of `matcher.parse`. */
export interface MatcherParseOptions extends MatcherExtractOptions {
  /** A format hint for bytes (the format is detected from the content). */
  filename?: string;
}

export interface Matcher {
  /** Ranks a batch: results best first (must-haves first when `strictRequired`), then by id; one bad input never fails the batch. */
  rank(
    inputs: Iterable<RankInput> | AsyncIterable<RankInput>,
    role: Role | string,
    options?: RankOptions,
  ): Promise<Ranking>;
  /** Yields each input's outcome as soon as it is done (completion order, `rank: 0`), for very large batches. */
  rankIterator(
    inputs: Iterable<RankInput> | AsyncIterable<RankInput>,
    role: Role | string,
    options?: RankOptions,
  ): AsyncIterableIterator<RankItem>;
  /** Explains one candidate in full (used by `skillmatch match`); throws the input's typed error. */
  match(
    input: RankInput,
    role: Role | string,
    options?: Omit<RankOptions, 'top' | 'onProgress' | 'concurrency'>,
  ): Promise<MatchResult>;
  /** Scores one extracted profile. */
  score(
    profile: SkillProfile,
    role: Role | string,
    options?: Omit<RankOptions, 'top' | 'onProgress' | 'concurrency' | 'isolate'>,
  ): MatchResult;
  /** Reads and extracts one input (bytes through the pool unless `isolate: false`). */
  extract(input: RankInput, options?: MatcherExtractOptions): Promise<SkillProfile>;
  /** Reads one résumé: bytes, text or a JSON Resume object (through the pool unless `isolate: false`). */
  parse(
    input: Uint8Array | ArrayBuffer | string | JsonResumeObject,
    options?: MatcherParseOptions,
  ): Promise<ResumeDocument>;
  /** A role by id (your `roles` first, then the built-ins), or the given role validated. */
  role(role: Role | string): Role;
  /**
   * Stops the parse pool's children (waiting for running parses; with `force: true` killing them, their
   * documents failing with `cancelled`). The matcher starts a new pool if used again.
   */
  close(options?: { force?: boolean }): Promise<void>;
  /** `close()`, for `await using matcher = createMatcher()`. */
  [Symbol.asyncDispose](): Promise<void>;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isProfileLike(value: unknown): value is SkillProfile {
  return isObject(value) && Array.isArray(value.skills) && isObject(value.document);
}

function isDocumentLike(value: unknown): value is ResumeDocument {
  return (
    isObject(value) && typeof value.text === 'string' && Array.isArray(value.sections) && Array.isArray(value.timeline)
  );
}

function isInputObject(value: unknown): value is RankInputObject {
  return isObject(value) && 'data' in value && !(value instanceof Uint8Array);
}

/** `RankOptions.documentDate`: unset or `'estimate'`. */
function checkBatchDocumentDate(documentDate: unknown): 'estimate' | undefined {
  if (documentDate === undefined || documentDate === 'estimate') return documentDate;
  throw new RangeError(
    `\`documentDate\` of a batch must be 'estimate' (give each input its own month), got ${JSON.stringify(documentDate)}`,
  );
}

/**
 * A batch item's `documentDate`, checked as the parse option is (`YYYY-MM` not after `asOf`, or `'estimate'`);
 * a bad one fails that item alone, with `invalid-input`.
 */
function checkInputDocumentDate(documentDate: unknown, asOf: string): void {
  try {
    checkDocumentDate(documentDate, asOf);
  } catch (error) {
    throw new SkillmatchError('invalid-input', (error as Error).message);
  }
}

/** Digit-only ids (the defaults) compare as numbers, so input 10 follows input 9. */
function compareIds(a: string, b: string): number {
  const da = /^\d+$/.test(a);
  const db = /^\d+$/.test(b);
  if (da && db && a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A candidate rated on the fast path, with the profile to explain it from if it makes the cut. */
interface Rated {
  ok: true;
  id: string;
  index: number;
  score: number;
  mustHavesMet: boolean;
  profile: SkillProfile;
}

/** The batch order: must-haves first (when strict), then score, then id. */
export function compareRanked(
  strict: boolean,
): (
  a: Pick<RankedResult, 'id' | 'score' | 'mustHavesMet'>,
  b: Pick<RankedResult, 'id' | 'score' | 'mustHavesMet'>,
) => number {
  return (a, b) =>
    (strict && a.mustHavesMet !== b.mustHavesMet ? (a.mustHavesMet ? -1 : 1) : 0) ||
    b.score - a.score ||
    compareIds(a.id, b.id);
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object'
    ? 'an object that is neither a ResumeDocument, a SkillProfile nor a JSON Resume'
    : `a ${typeof value}`;
}

function toError(error: unknown): RankError['error'] {
  if (isSkillmatchError(error)) return { name: error.name, code: error.code, message: error.message };
  if (error instanceof TypeError) return { name: 'TypeError', code: 'unsupported-format', message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  return {
    name: error instanceof Error ? error.name : 'Error',
    code: 'internal-error',
    message: `Unexpected failure: ${message}`,
  };
}

function checkTop(top: unknown): number {
  if (top === undefined) return RANK_DEFAULTS.top;
  if (typeof top !== 'number' || Number.isNaN(top) || top < 0 || (Number.isFinite(top) && !Number.isInteger(top))) {
    throw new RangeError('`top` must be a non-negative integer or Infinity');
  }
  return top;
}

async function* asAsync<T>(inputs: Iterable<T> | AsyncIterable<T>): AsyncGenerator<T> {
  if (isObject(inputs) && Symbol.asyncIterator in inputs) {
    for await (const item of inputs as AsyncIterable<T>) yield item;
  } else {
    for (const item of inputs as Iterable<T>) yield item;
  }
}

/**
 * What a matcher keeps between calls: the caller's options (read when the pool starts), the roles and
 * compiled scorers, and the extractor and parse pool it builds on first need.
 */
interface MatcherState {
  readonly options: MatcherOptions;
  readonly taxonomy: Taxonomy;
  /** `MatcherOptions.roles`, validated, by id. */
  readonly ownRoles: Map<string, Role>;
  /** Role objects already validated, so a role passed again is not validated again. */
  readonly checked: WeakSet<Role>;
  // Compiled roles, per role object and options: compiling costs far more than rating one profile.
  readonly scorers: WeakMap<Role, Map<string, Scorer>>;
  // Built on first need: a matcher that only parses (`skillmatch parse`) never pays for the alias index.
  extractor: ReturnType<typeof createExtractor> | null;
  pool: ParsePool | null;
}

/** Checks `createMatcher`'s options other than the taxonomy, naming the bad one. */
function checkMatcherOptions(options: MatcherOptions): void {
  if (options.roles !== undefined && !Array.isArray(options.roles))
    throw new TypeError('`roles` must be an array of roles');
  if (options.poolSize !== undefined && (!Number.isInteger(options.poolSize) || options.poolSize < 1))
    throw new RangeError('`poolSize` must be a positive integer');
  for (const name of ['timeoutMs', 'maxMemoryMb'] as const) {
    const value = options[name];
    if (value !== undefined && !(typeof value === 'number' && Number.isFinite(value) && value > 0))
      throw new RangeError(`\`${name}\` must be a positive number`);
  }
  if (
    options.workerPath !== undefined &&
    typeof options.workerPath !== 'string' &&
    !(options.workerPath instanceof URL)
  )
    throw new TypeError('`workerPath` must be a path or a file: URL');
}

/** The matcher's extractor, building its alias index the first time. */
function getExtractor(state: MatcherState): ReturnType<typeof createExtractor> {
  return (state.extractor ??= createExtractor(state.taxonomy));
}

/** The matcher's parse pool, started the first time (and again after `close()`). */
function getPool(state: MatcherState): ParsePool {
  if (state.pool === null) {
    const { options } = state;
    const poolOptions: ParsePoolOptions = {};
    if (options.poolSize !== undefined) poolOptions.size = options.poolSize;
    if (options.workerPath !== undefined) poolOptions.workerPath = options.workerPath;
    if (options.timeoutMs !== undefined) poolOptions.timeoutMs = options.timeoutMs;
    if (options.maxMemoryMb !== undefined) poolOptions.maxMemoryMb = options.maxMemoryMb;
    state.pool = createParsePool(poolOptions);
  }
  return state.pool;
}

/** A role by id (the matcher's own roles first, then the built-ins), or the given role validated once. */
function resolveRole(state: MatcherState, role: Role | string): Role {
  const { ownRoles, checked } = state;
  if (typeof role === 'string') {
    const found = ownRoles.get(role) ?? getBuiltinRole(role);
    if (!found)
      throw new SkillmatchError(
        'unknown-role',
        `No role with id "${role}": give a Role object or one of ${[...ownRoles.keys(), 'the built-in roles'].join(', ')}`,
      );
    // Already valid (checked when given, or by the build): passed on as an object, it is not validated again.
    checked.add(found);
    return found;
  }
  if (!isObject(role)) throw new TypeError('`role` must be a Role object or a role id');
  if (checked.has(role)) return role;
  const valid = assertRole(role, state.taxonomy);
  checked.add(role);
  return valid;
}

/** The compiled scorer for a role and the scoring part of the options, compiled once and reused. */
function scorerFor(state: MatcherState, role: Role | string, rankOptions: RankOptions, asOf: string): Scorer {
  const {
    top: _top,
    isolate: _isolate,
    onProgress: _progress,
    concurrency: _concurrency,
    signal: _signal,
    documentDate: _documentDate,
    ...scoreOptions
  } = rankOptions;
  const resolved = resolveRole(state, role);
  const key = JSON.stringify({ ...scoreOptions, asOf });
  let byOptions = state.scorers.get(resolved);
  if (byOptions === undefined) state.scorers.set(resolved, (byOptions = new Map()));
  let scorer = byOptions.get(key);
  if (scorer === undefined) {
    scorer = createScorer(resolved, { ...scoreOptions, asOf, taxonomy: state.taxonomy });
    // A handful of option sets per role is the norm; a caller sweeping weights should not grow this without end.
    if (byOptions.size >= 16) byOptions.delete(byOptions.keys().next().value!);
    byOptions.set(key, scorer);
  }
  return scorer;
}

/** An input's id: the caller's, or its index in the batch. */
function idOf(input: RankInput, index: number): string {
  if (isInputObject(input) && input.id !== undefined) {
    if (typeof input.id !== 'string') throw new TypeError(`\`id\` of input ${index} must be a string`);
    return input.id;
  }
  return String(index);
}

/** Reads bytes or text into a document: in the isolated pool, or in-process when `isolate` is false. */
async function parseBytes(
  state: MatcherState,
  data: Uint8Array | string,
  isolate: boolean,
  asOf: string,
  about: { filename?: string | undefined; documentDate?: string | undefined },
  signal?: AbortSignal,
): Promise<ResumeDocument> {
  const parseOptions: {
    asOf: string;
    filename?: string;
    documentDate?: string;
    isolate?: boolean;
    signal?: AbortSignal;
  } = { asOf };
  if (about.filename !== undefined) parseOptions.filename = about.filename;
  if (about.documentDate !== undefined) parseOptions.documentDate = about.documentDate;
  if (signal !== undefined) parseOptions.signal = signal;
  // Text goes through the pool too when isolating: only there is the time budget enforced (a huge
  // JSON Resume or hostile text given as a string took 27-39 s in-process with `timeoutMs: 2000`).
  if (!isolate) return parseResume(data, { ...parseOptions, isolate: false });
  return getPool(state).parse(data, parseOptions);
}

/** Turns one input into a profile: profiles as they are, documents extracted, bytes and text parsed first. */
async function toProfile(
  state: MatcherState,
  input: RankInput,
  isolate: boolean,
  asOf: string,
  signal?: AbortSignal,
  documentDate?: string,
): Promise<SkillProfile> {
  let data: unknown = input;
  const about: { filename?: string | undefined; documentDate?: string | undefined } = { documentDate };
  if (isInputObject(input)) {
    data = input.data;
    about.filename = input.filename;
    if (input.documentDate !== undefined) {
      checkInputDocumentDate(input.documentDate, asOf);
      about.documentDate = input.documentDate;
    }
  }
  if (data instanceof ArrayBuffer) data = new Uint8Array(data);
  if (isProfileLike(data)) return data;
  if (isDocumentLike(data)) return getExtractor(state).extract(data, { asOf });
  // A JSON Resume object is read as its JSON text: the same detection, limits, validation and errors.
  if (isJsonResume(data)) data = jsonResumeText(data);
  if (data instanceof Uint8Array || typeof data === 'string') {
    const parsing = parseBytes(state, data, isolate, asOf, about, signal);
    // The first time, the alias index is built while a worker parses (parseBytes has already handed the document over).
    let ready: ReturnType<typeof createExtractor>;
    try {
      ready = getExtractor(state);
    } catch (error) {
      parsing.catch(() => undefined);
      throw error;
    }
    const document = await parsing;
    throwIfAborted(signal);
    return ready.extract(document, { asOf });
  }
  throw new TypeError(
    `Input is ${describeType(data)}, not résumé bytes, text, a JSON Resume, a ResumeDocument or a SkillProfile`,
  );
}

/** A batch's settings, checked once before its first input is read. */
interface BatchSettings {
  asOf: string;
  scorer: Scorer;
  documentDate: 'estimate' | undefined;
  isolate: boolean;
  /** Inputs processed at once. */
  limit: number;
  signal: AbortSignal | undefined;
}

/** Checks a batch's inputs and options, naming the bad one, and compiles (or reuses) its scorer. */
function checkBatch(
  state: MatcherState,
  inputs: Iterable<RankInput> | AsyncIterable<RankInput>,
  role: Role | string,
  rankOptions: RankOptions,
): BatchSettings {
  if (!isObject(inputs) || !(Symbol.iterator in inputs || Symbol.asyncIterator in inputs))
    throw new TypeError('`inputs` must be an array or an (async) iterable of résumés');
  if (typeof inputs === 'string') throw new TypeError('`inputs` must be an array of résumés, not one string');
  const asOf = rankOptions.asOf ?? currentMonth();
  const scorer = scorerFor(state, role, rankOptions, asOf);
  const documentDate = checkBatchDocumentDate(rankOptions.documentDate);
  const isolate = rankOptions.isolate ?? RANK_DEFAULTS.isolate;
  if (typeof isolate !== 'boolean') throw new TypeError('`isolate` must be a boolean');
  if (rankOptions.onProgress !== undefined && typeof rankOptions.onProgress !== 'function')
    throw new TypeError('`onProgress` must be a function');
  // The pool starts only when a binary input arrives, so its size is estimated without starting it.
  const limit =
    rankOptions.concurrency ??
    (isolate
      ? (state.pool?.size ?? state.options.poolSize ?? availableParallelism()) * RANK_DEFAULTS.inFlightPerWorker
      : 1);
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError('`concurrency` must be a positive integer');
  const signal = checkSignal(rankOptions.signal);
  return { asOf, scorer, documentDate, isolate, limit, signal };
}

/**
 * Reads, extracts and scores each input, a few at a time, yielding each outcome as it completes.
 * `explain` gives every result its explained `match`; without it each result is only rated (the
 * compiled scorer's fast path) and keeps its profile, for `rank` to explain the ones it returns.
 */
function iterate(
  state: MatcherState,
  inputs: Iterable<RankInput> | AsyncIterable<RankInput>,
  role: Role | string,
  rankOptions: RankOptions,
  explain: true,
): AsyncGenerator<RankItem>;
function iterate(
  state: MatcherState,
  inputs: Iterable<RankInput> | AsyncIterable<RankInput>,
  role: Role | string,
  rankOptions: RankOptions,
  explain: false,
): AsyncGenerator<Rated | RankError>;
async function* iterate(
  state: MatcherState,
  inputs: Iterable<RankInput> | AsyncIterable<RankInput>,
  role: Role | string,
  rankOptions: RankOptions,
  explain: boolean,
): AsyncGenerator<RankItem | Rated> {
  const { asOf, scorer, documentDate, isolate, limit, signal } = checkBatch(state, inputs, role, rankOptions);
  const ABORTED = 'The batch was aborted (`signal`).';
  throwIfAborted(signal, ABORTED);
  const total = Array.isArray(inputs) ? inputs.length : null;
  let done = 0;
  // Aborts with the caller's signal, and when the batch ends early (the caller stopped iterating):
  // parses still queued or running for it are dropped or killed.
  const link = linkAbort(signal, ABORTED);
  // Waits race the caller's signal through `abortable` (a listener per wait, removed when it settles),
  // never `Promise.race([…, link.aborted])`: each race leaves a reaction on the never-settling
  // `link.aborted` that keeps its settled value, so every input and explained result of the batch
  // stayed alive to the end (the CLI's `rank` grew by about 25 KB per résumé).

  const run = async (input: RankInput, index: number): Promise<RankItem | Rated> => {
    let id = String(index);
    try {
      id = idOf(input, index);
      const profile = await toProfile(state, input, isolate, asOf, link.signal, documentDate);
      if (!explain) {
        const rating = scorer.rate(profile);
        return { ok: true, id, index, score: rating.score, mustHavesMet: rating.mustHavesMet, profile };
      }
      const match = scorer.match(profile);
      return { ok: true, id, index, rank: 0, score: match.score, mustHavesMet: match.mustHavesMet, match };
    } catch (error) {
      return { ok: false, id, index, error: toError(error) };
    }
  };

  const source = asAsync(inputs);
  const inflight = new Map<number, Promise<{ key: number; item: RankItem | Rated }>>();
  let index = 0;
  let exhausted = false;
  try {
    while (true) {
      while (!exhausted && inflight.size < limit) {
        const next = await abortable(source.next(), signal, ABORTED);
        if (next.done) {
          exhausted = true;
          break;
        }
        const key = index++;
        inflight.set(
          key,
          run(next.value, key).then((item) => ({ key, item })),
        );
      }
      if (inflight.size === 0) break;
      const { key, item } = await abortable(Promise.race(inflight.values()), signal, ABORTED);
      inflight.delete(key);
      done++;
      rankOptions.onProgress?.({
        done,
        total,
        id: item.id,
        index: item.index,
        ok: item.ok,
        ...(item.ok ? {} : { code: item.error.code }),
      });
      yield item;
    }
  } finally {
    link.release();
    // Stopped before the end (aborted, or the caller broke off): let the caller's iterator close too.
    if (!exhausted) source.return(undefined).catch(() => undefined);
  }
}

/**
 * Rates every input on the compiled scorer's fast path, keeps the best `top` (with their profiles),
 * and explains only those: the explanation costs a hundred times the rating.
 */
async function rankBatch(
  state: MatcherState,
  inputs: Iterable<RankInput> | AsyncIterable<RankInput>,
  role: Role | string,
  rankOptions: RankOptions,
): Promise<Ranking> {
  const top = checkTop(rankOptions.top);
  const resolved = resolveRole(state, role);
  let rated: Rated[] = [];
  const errors: RankError[] = [];
  let total = 0;
  const order = compareRanked(rankOptions.strictRequired ?? true);
  for await (const item of iterate(state, inputs, resolved, rankOptions, false)) {
    total++;
    if (!item.ok) errors.push(item);
    else {
      rated.push(item);
      // With `top`, memory stays bounded however long the batch: the order is total, so cutting early loses nothing.
      if (Number.isFinite(top) && rated.length >= 2 * top + 64) rated = rated.sort(order).slice(0, top);
    }
  }
  rated.sort(order);
  const kept = Number.isFinite(top) ? rated.slice(0, top) : rated;
  const scorer = scorerFor(state, resolved, rankOptions, rankOptions.asOf ?? currentMonth());
  const results = kept.map((r, i): RankedResult => {
    const match = scorer.match(r.profile);
    return {
      ok: true,
      id: r.id,
      index: r.index,
      rank: i + 1,
      score: match.score,
      mustHavesMet: match.mustHavesMet,
      match,
    };
  });
  errors.sort((a, b) => a.index - b.index);
  return { version: MATCH_VERSION, role: { id: resolved.id, title: resolved.title }, total, results, errors };
}

/** `matcher.match`: reads one input and explains its score in full; throws the input's typed error. */
async function matchInput(
  state: MatcherState,
  input: RankInput,
  role: Role | string,
  matchOptions: Omit<RankOptions, 'top' | 'onProgress' | 'concurrency'>,
): Promise<MatchResult> {
  const asOf = matchOptions.asOf ?? currentMonth();
  const scorer = scorerFor(state, role, matchOptions, asOf);
  const signal = checkSignal(matchOptions.signal);
  const profile = await abortable(
    toProfile(
      state,
      input,
      matchOptions.isolate ?? RANK_DEFAULTS.isolate,
      asOf,
      signal,
      checkBatchDocumentDate(matchOptions.documentDate),
    ),
    signal,
  );
  return scorer.match(profile);
}

/** `matcher.extract`: reads and extracts one input. */
async function extractInput(
  state: MatcherState,
  input: RankInput,
  extractOptions: MatcherExtractOptions,
): Promise<SkillProfile> {
  const signal = checkSignal(extractOptions.signal);
  const asOf = extractOptions.asOf ?? currentMonth();
  checkDocumentDate(extractOptions.documentDate, asOf);
  return abortable(
    toProfile(state, input, extractOptions.isolate ?? RANK_DEFAULTS.isolate, asOf, signal, extractOptions.documentDate),
    signal,
  );
}

/** `matcher.parse`: reads one résumé given as bytes, text or a JSON Resume object. */
async function parseInput(
  state: MatcherState,
  input: Uint8Array | ArrayBuffer | string | JsonResumeObject,
  parseOptions: MatcherParseOptions,
): Promise<ResumeDocument> {
  let data: unknown = input instanceof ArrayBuffer ? new Uint8Array(input) : input;
  if (isObject(data) && !(data instanceof Uint8Array) && isJsonResume(data)) data = jsonResumeText(data);
  if (!(data instanceof Uint8Array) && typeof data !== 'string')
    throw new TypeError('`input` must be a Uint8Array, an ArrayBuffer, a string or a JSON Resume object');
  const signal = checkSignal(parseOptions.signal);
  return parseBytes(
    state,
    data,
    parseOptions.isolate ?? RANK_DEFAULTS.isolate,
    parseOptions.asOf ?? currentMonth(),
    { filename: parseOptions.filename, documentDate: parseOptions.documentDate },
    signal,
  );
}

/**
 * Builds a matcher: the role look-up now, the extractor's alias index and the isolated parse pool on
 * first use, each once. Close it with `close()` (or `await using`) when done, or its pool keeps child
 * processes alive.
 */
export function createMatcher(options: MatcherOptions = {}): Matcher {
  if (typeof options !== 'object' || options === null) throw new TypeError('`options` must be an object');
  const taxonomy = options.taxonomy ?? builtinTaxonomy();
  checkMatcherOptions(options);
  const ownRoles = new Map<string, Role>();
  for (const role of options.roles ?? []) {
    const valid = assertRole(role, taxonomy);
    ownRoles.set(valid.id, valid);
  }
  const state: MatcherState = {
    options,
    taxonomy,
    ownRoles,
    checked: new WeakSet(),
    scorers: new WeakMap(),
    extractor: null,
    pool: null,
  };

  const matcher: Matcher = {
    rank: (inputs, role, rankOptions = {}) => rankBatch(state, inputs, role, rankOptions),
    rankIterator(inputs, role, rankOptions = {}) {
      return iterate(state, inputs, role, rankOptions, true);
    },
    match: (input, role, matchOptions = {}) => matchInput(state, input, role, matchOptions),
    score(profile, role, scoreOptions = {}) {
      return scorerFor(state, role, scoreOptions, scoreOptions.asOf ?? currentMonth()).match(profile);
    },
    extract: (input, extractOptions = {}) => extractInput(state, input, extractOptions),
    parse: (input, parseOptions = {}) => parseInput(state, input, parseOptions),
    role: (role) => resolveRole(state, role),
    async close(closeOptions) {
      const current = state.pool;
      state.pool = null;
      if (current) await current.close(closeOptions);
    },
    [Symbol.asyncDispose]() {
      return matcher.close();
    },
  };
  return matcher;
}

/**
 * Ranks a batch with a one-shot matcher and closes its parse pool. For repeated batches,
 * keep a `createMatcher()` instead: it builds the alias index and starts the pool once.
 */
export async function rankResumes(
  inputs: Iterable<RankInput> | AsyncIterable<RankInput>,
  role: Role | string,
  options: RankOptions &
    Pick<MatcherOptions, 'taxonomy' | 'roles' | 'poolSize' | 'timeoutMs' | 'maxMemoryMb' | 'workerPath'> = {},
): Promise<Ranking> {
  const { taxonomy, roles, poolSize, timeoutMs, maxMemoryMb, workerPath, ...rankOptions } = options;
  const matcherOptions: MatcherOptions = {};
  if (taxonomy !== undefined) matcherOptions.taxonomy = taxonomy;
  if (roles !== undefined) matcherOptions.roles = roles;
  if (poolSize !== undefined) matcherOptions.poolSize = poolSize;
  if (timeoutMs !== undefined) matcherOptions.timeoutMs = timeoutMs;
  if (maxMemoryMb !== undefined) matcherOptions.maxMemoryMb = maxMemoryMb;
  if (workerPath !== undefined) matcherOptions.workerPath = workerPath;
  const matcher = createMatcher(matcherOptions);
  try {
    return await matcher.rank(inputs, role, rankOptions);
  } finally {
    await matcher.close();
  }
}
