/**
 * The `skillmatch` command: argv → public API → output. It reads files and prints; every
 * decision about résumés, skills and scores is made by the library.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { MATCH_VERSION } from '../defaults.js';
import { isSkillmatchError, SkillmatchError, ValidationError } from '../errors.js';
import type { Matcher, MatcherOptions } from '../rank/index.js';
import type { ExtractedSkill, Role } from '../types.js';
import { checkMonth, isMonth } from '../util/month.js';
import { collectInputs, fileNameOf, readInputFile, type WalkSkip } from './files.js';
import { tuneHeapForBatch } from './heap.js';
import { COMMAND_HELP, USAGE } from './help.js';
import { listenForInterrupt, neverInterrupted, SIGNAL_EXIT, untilAborted, type Interrupt } from './interrupt.js';
import {
  createProgressBar,
  percent,
  readabilityOf,
  renderDocumentText,
  renderMatchText,
  renderSkillsTable,
  type Readability,
} from './output.js';
import { RankSink, type RankFormat, type RankOutputError } from './rank-output.js';
import { renderTable, type FitStep } from './table.js';
import { safeBlock, safeJson, safeLine } from './text.js';

/** Where the CLI writes; tests may pass their own. Tables fit `stdout.columns` when `stdout.isTTY`. */
export interface CliIO {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WriteStream | (NodeJS.WritableStream & { isTTY?: boolean; columns?: number });
}

/**
 * Exit codes: 0 success; 1 an input could not be used (or none was a résumé); 2 the command line is
 * wrong; 3 the configuration is (the role, or what `serve` needs to start); 70 an internal error;
 * 130/143 stopped by SIGINT/SIGTERM.
 */
export const EXIT = Object.freeze({ ok: 0, input: 1, usage: 2, config: 3, internal: 70, ...SIGNAL_EXIT });

class UsageError extends Error {
  override name = 'UsageError';
}

/** Width of a table when stdout is not a terminal (a pipe, a file) and no `--width` is given. */
const PIPED_WIDTH = 100;

function packageVersion(): string {
  // dist/esm/cli/main.js and src/cli/main.ts both sit below the package root.
  for (const up of ['../../../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(up, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === '@skillmatch/core' && pkg.version) return pkg.version;
    } catch {
      // Try the next level up.
    }
  }
  return 'unknown';
}

type Values = Record<string, string | boolean | undefined>;

function parse(
  argv: string[],
  options: Record<string, { type: 'string' | 'boolean'; short?: string }>,
): { values: Values; positionals: string[] } {
  let parsed: ReturnType<
    typeof parseArgs<{
      args: string[];
      options: Record<string, { type: 'string' | 'boolean'; short?: string }>;
      allowPositionals: true;
      strict: true;
      tokens: true;
    }>
  >;
  try {
    parsed = parseArgs({
      args: argv,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
      tokens: true,
    });
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}${DASH_HINT}`);
  }
  checkOptionTokens(parsed.tokens, options);
  return { values: parsed.values as Values, positionals: parsed.positionals };
}

const DASH_HINT =
  '\n(A file name starting with "-" is read as an option: put -- before the file names, as in `skillmatch rank --role ID -- *.pdf`.)';

/**
 * A shell glob can yield a file named `-rf.txt`, which parseArgs reads as `-r f.txt` and lets replace
 * `--role`. So a value glued to a one-letter option, and an option given twice, are refused instead
 * of silently used.
 */
function checkOptionTokens(
  tokens: ReturnType<typeof parseArgs>['tokens'],
  options: Record<string, { type: 'string' | 'boolean' }>,
): void {
  const seen = new Set<string>();
  for (const token of tokens ?? []) {
    if (token.kind === 'option-terminator') return;
    if (token.kind !== 'option' || options[token.name]?.type !== 'string') continue;
    if (token.inlineValue && !token.rawName.startsWith('--')) {
      throw new UsageError(
        `${token.rawName}${token.value ?? ''} was read as ${token.rawName} "${token.value ?? ''}"; write ${token.rawName} ${token.value ?? ''} with a space if that was meant.${DASH_HINT}`,
      );
    }
    if (seen.has(token.name)) throw new UsageError(`--${token.name} is given more than once.${DASH_HINT}`);
    seen.add(token.name);
  }
}

function formatOption(values: Values, allowed: readonly string[]): string {
  const format = (values.format as string | undefined) ?? allowed[0]!;
  if (!allowed.includes(format))
    throw new UsageError(`--format must be one of ${allowed.join(', ')} (got "${format}")`);
  return format;
}

function asOfOption(values: Values): string | undefined {
  const asOf = values['as-of'] as string | undefined;
  if (asOf === undefined) return undefined;
  try {
    return checkMonth(asOf, '--as-of');
  } catch {
    throw new UsageError(`--as-of must be a month as YYYY-MM (got "${asOf}")`);
  }
}

/** `--document-date`: a month not after `--as-of`, or `estimate`; given to each input. */
function documentDateOption(values: Values, asOf: string | undefined): { documentDate?: string } {
  const value = values['document-date'] as string | undefined;
  if (value === undefined) return {};
  if (value !== 'estimate' && !isMonth(value))
    throw new UsageError(`--document-date must be a month as YYYY-MM or "estimate" (got "${value}")`);
  if (value !== 'estimate' && asOf !== undefined && value > asOf)
    throw new UsageError(`--document-date (${value}) is after --as-of (${asOf})`);
  return { documentDate: value };
}

/**
 * The widest line of a table: `--width`, else the terminal's columns when stdout is one, else 100 (a
 * pipe or a file). `--width` applies to the table format only.
 */
function widthOption(values: Values, io: CliIO, format: string): number {
  const given = positiveInt(values, 'width');
  if (given !== undefined && format !== 'table')
    throw new UsageError(`--width applies to --format table only (got --format ${format})`);
  if (given !== undefined) return given;
  const columns = io.stdout.isTTY ? io.stdout.columns : undefined;
  return columns !== undefined && columns > 0 ? columns : PIPED_WIDTH;
}

function positiveInt(values: Values, name: string): number | undefined {
  const raw = values[name] as string | undefined;
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${name} must be a positive integer (got "${raw}")`);
  return n;
}

function errorJSON(error: unknown): { code: string; message: string } {
  if (isSkillmatchError(error)) return { code: error.code, message: error.message };
  return { code: 'internal-error', message: error instanceof Error ? error.message : String(error) };
}

/** `file: code: message` on stderr, the same shape for every typed error. */
function reportError(io: CliIO, file: string | undefined, error: unknown): void {
  const { code, message } = errorJSON(error);
  io.stderr.write(`skillmatch: ${file ? `${safeLine(file)}: ` : ''}${code}: ${safeBlock(message)}\n`);
}

/** Human output (tables, text views): control and bidi characters from the files are escaped. */
function write(io: CliIO, text: string): void {
  io.stdout.write(safeBlock(text));
}

/** JSON output: JSON.stringify escapes C0 controls; DEL, C1 and bidi controls are escaped here. */
function writeJson(io: CliIO, value: unknown, space?: number): void {
  io.stdout.write(`${safeJson(JSON.stringify(value, null, space))}\n`);
}

/** Reasons a folder walk leaves a file out by its name alone: summed up in one line each, not listed. */
const BY_NAME = new Set([
  'hidden',
  'not a résumé file type',
  'a golden, truth, role or package file',
  'a hidden folder',
  'node_modules',
]);

/** Reports the entries a walk left out: by-name filters as counts, anything else one line each. */
function reportSkipped(io: CliIO, skipped: readonly WalkSkip[]): void {
  const counts = new Map<string, { n: number; example: string }>();
  for (const { file, reason } of skipped) {
    if (!BY_NAME.has(reason)) {
      io.stderr.write(`skillmatch: ${safeLine(file)}: skipped: ${reason}\n`);
      continue;
    }
    const entry = counts.get(reason) ?? { n: 0, example: file };
    entry.n++;
    counts.set(reason, entry);
  }
  for (const [reason, { n, example }] of counts) {
    io.stderr.write(
      `skillmatch: skipped ${n} entr${n === 1 ? 'y' : 'ies'} in folders: ${reason} (e.g. ${safeLine(example)}); name a file to read it anyway\n`,
    );
  }
}

/** Exit 1 with a message when the paths held no résumé at all (and nothing else was reported). */
function reportNoResume(io: CliIO, paths: readonly string[]): number {
  io.stderr.write(
    `skillmatch: no résumé found in ${paths.map(safeLine).join(', ')} (files: ${'.pdf .docx .html .htm .md .markdown .txt .json'})\n`,
  );
  return EXIT.input;
}

// Stages are loaded on demand: `roles` and `resolve` need no PDF reader, extractor or pool, and
// loading all of them costs a second or more at start-up.
/**
 * The parse pool's size for `rank` and `extract`: `--workers`, else one fewer than the cores (at least 1). This process
 * extracts and scores every résumé the workers parse, on a core of its own; with a worker per core the
 * two contended for the same cores. On 2 cores one worker ranked 2,500 PDFs as fast as two did, and the
 * run's peak memory (all processes) fell by a worker's ~110 MB.
 */
function poolSizeOf(workers: number | undefined): number {
  return workers ?? Math.max(1, availableParallelism() - 1);
}

async function newMatcher(options: MatcherOptions = {}): Promise<Matcher> {
  const { createMatcher } = await import('../rank/index.js');
  return createMatcher(options);
}

async function builtinRoleList(): Promise<Role[]> {
  const { builtinRoles } = await import('../role/index.js');
  return builtinRoles();
}

const COMMON = {
  format: { type: 'string' },
  'as-of': { type: 'string' },
  'document-date': { type: 'string' },
  'no-isolate': { type: 'boolean' },
} as const;

// ---------------------------------------------------------------------------------------------

async function commandParse(argv: string[], io: CliIO, interrupt: Interrupt): Promise<number> {
  const { values, positionals } = parse(argv, { ...COMMON });
  const format = formatOption(values, ['json', 'text']);
  const asOf = asOfOption(values);
  const dated = documentDateOption(values, asOf);
  if (positionals.length !== 1) throw new UsageError('parse takes exactly one file');
  const file = positionals[0]!;
  return withOneFile(io, file, interrupt, async (bytes, matcher) => {
    const doc = await matcher.parse(bytes, {
      filename: fileNameOf(file),
      isolate: !values['no-isolate'],
      ...(asOf ? { asOf } : {}),
      ...dated,
    });
    if (format === 'json') writeJson(io, doc, 2);
    else write(io, renderDocumentText(doc, file));
  });
}

/**
 * Reads one file and prints its output with a fresh matcher; any failure is that input's error. A
 * signal force-closes the matcher, so an isolated parse in flight is killed rather than waited for.
 */
async function withOneFile(
  io: CliIO,
  file: string,
  interrupt: Interrupt,
  render: (bytes: Uint8Array, matcher: Matcher) => Promise<void>,
): Promise<number> {
  const matcher = await newMatcher();
  const stop = (): void => void matcher.close({ force: true });
  interrupt.signal.addEventListener('abort', stop, { once: true });
  try {
    await render(await readInputFile(file), matcher);
    return EXIT.ok;
  } catch (error) {
    reportError(io, file, error);
    return EXIT.input;
  } finally {
    interrupt.signal.removeEventListener('abort', stop);
    await matcher.close({ force: interrupt.signal.aborted });
  }
}

/** The CLI's view of one extracted skill: flat mention offsets, as other tools read them. */
function skillJSON(skill: ExtractedSkill): Record<string, unknown> {
  return {
    id: skill.id,
    name: skill.name,
    category: skill.category,
    kind: skill.kind ?? 'technology',
    months: skill.months,
    lastUsed: skill.lastUsed,
    claimedYears: skill.claimedYears,
    claimedMonths: skill.claimedMonths ?? null,
    claimedSpan: skill.claimedSpan ? { start: skill.claimedSpan.start, end: skill.claimedSpan.end } : null,
    mentions: skill.mentions.map((m) => ({
      start: m.span.start,
      end: m.span.end,
      text: m.text,
      section: m.section,
      context: m.context,
      negated: m.negated,
      aspiration: m.aspiration,
      fuzzy: m.fuzzy,
      ...(m.level ? { level: m.level } : {}),
      ...(m.inTitle ? { inTitle: true } : {}),
      timelineEntry: m.timelineEntry,
      sentence: m.sentence,
    })),
    implied: skill.implied.map((i) => ({ id: i.id, name: i.name, weight: i.weight })),
  };
}

async function commandExtract(argv: string[], io: CliIO, interrupt: Interrupt): Promise<number> {
  tuneHeapForBatch();
  const { values, positionals } = parse(argv, { ...COMMON, workers: { type: 'string' }, width: { type: 'string' } });
  const format = formatOption(values, ['jsonl', 'json', 'table']);
  const asOf = asOfOption(values);
  const dated = documentDateOption(values, asOf);
  const workers = positiveInt(values, 'workers');
  const width = widthOption(values, io, format);
  if (positionals.length === 0) throw new UsageError('extract takes at least one file or folder');
  const { files, errors: walkErrors, skipped } = await collectInputs(positionals);
  reportSkipped(io, skipped);
  if (files.length === 0 && walkErrors.length === 0) return reportNoResume(io, positionals);
  const matcher = await newMatcher({ poolSize: poolSizeOf(workers) });
  let failed = walkErrors.length;
  let emitted = 0;
  // JSON is streamed as the array JSON.stringify(all, null, 2) printed, one entry at a time. The
  // table shows the files read; errors, in every format, are (also) reported on stderr.
  const emit = (entry: Record<string, unknown>, skills?: ExtractedSkill[], readability?: Readability): void => {
    if (format === 'jsonl') writeJson(io, entry);
    else if (format === 'json')
      io.stdout.write(
        `${emitted === 0 ? '[\n  ' : ',\n  '}${safeJson(JSON.stringify(entry, null, 2)).replace(/\n/g, '\n  ')}`,
      );
    else if (skills)
      write(
        io,
        `${renderSkillsTable(String(entry.file), skills, { width, ...(readability ? { readability } : {}) })}\n`,
      );
    emitted++;
  };
  try {
    for (const { file, error } of walkErrors) {
      emit({ file, error: errorJSON(error) });
      reportError(io, file, error);
    }
    // A few files in flight keep the parse pool busy; results are still printed in input order.
    const extractOne = async (
      file: string,
    ): Promise<{ file: string; profile?: Awaited<ReturnType<Matcher['extract']>>; error?: unknown }> => {
      try {
        const bytes = await readInputFile(file);
        return {
          file,
          profile: await matcher.extract(
            { data: bytes, filename: fileNameOf(file), ...dated },
            { isolate: !values['no-isolate'], ...(asOf ? { asOf } : {}) },
          ),
        };
      } catch (error) {
        return { file, error };
      }
    };
    const window = values['no-isolate'] ? 1 : poolSizeOf(workers) * 2;
    // A queue, not an array indexed to the end: each profile is let go once printed.
    const pending = files.slice(0, window).map(extractOne);
    async function* outcomes(): AsyncGenerator<Awaited<ReturnType<typeof extractOne>>> {
      for (let i = 0; i < files.length; i++) {
        const outcome = await pending.shift()!;
        if (i + window < files.length) pending.push(extractOne(files[i + window]!));
        yield outcome;
      }
    }
    interrupt.signal.addEventListener('abort', () => void matcher.close({ force: true }), { once: true });
    let done = 0;
    for await (const outcome of untilAborted(outcomes(), interrupt.signal)) {
      done++;
      if (outcome.profile) {
        const profile = outcome.profile;
        const readability = readabilityOf(profile.diagnostics, profile.document?.words);
        emit(
          {
            file: outcome.file,
            skills: profile.skills.map(skillJSON),
            diagnostics: profile.diagnostics.map((d) => ({ severity: d.severity, code: d.code, message: d.message })),
            ...readability,
          },
          profile.skills,
          readability,
        );
      } else {
        failed++;
        emit({ file: outcome.file, error: errorJSON(outcome.error) });
        reportError(io, outcome.file, outcome.error);
      }
    }
    if (format === 'json') io.stdout.write(emitted === 0 ? '[]\n' : '\n]\n');
    if (interrupt.received) {
      io.stderr.write(`skillmatch: interrupted by ${interrupt.received} after ${done} of ${files.length} files\n`);
      return EXIT[interrupt.received];
    }
    return failed > 0 ? EXIT.input : EXIT.ok;
  } finally {
    await matcher.close({ force: interrupt.signal.aborted });
  }
}

/** How the resolve table makes room on a narrow terminal, in this order. */
const RESOLVE_FIT: readonly FitStep[] = [
  { narrow: 'did you mean', to: 24 },
  { drop: 'name' },
  { narrow: 'input', to: 16 },
  { narrow: 'did you mean', to: 12 },
  { narrow: 'id', to: 16 },
];

async function commandResolve(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse(argv, { format: { type: 'string' }, width: { type: 'string' } });
  const format = formatOption(values, ['jsonl', 'table']);
  const width = widthOption(values, io, format);
  if (positionals.length === 0) throw new UsageError('resolve takes at least one skill name');
  const { resolveSkill, suggestSkills } = await import('../taxonomy/index.js');
  const rows = positionals.map((input) => {
    const hit = resolveSkill(input);
    const suggestions = hit ? (hit.suggestions ?? []) : suggestSkills(input, { limit: 3 });
    return {
      input,
      id: hit?.id ?? null,
      name: hit?.name ?? null,
      fuzzy: hit?.fuzzy ?? false,
      confidence: hit ? Math.round(hit.confidence * 10000) / 10000 : 0,
      suggestions: suggestions.map((s) => ({
        id: s.id,
        name: s.name,
        confidence: Math.round(s.confidence * 10000) / 10000,
      })),
    };
  });
  if (format === 'jsonl') for (const row of rows) writeJson(io, row);
  else
    write(
      io,
      renderTable(
        [
          { header: 'input', max: 30 },
          { header: 'id' },
          { header: 'name' },
          { header: 'match' },
          { header: 'did you mean', max: 50 },
        ],
        rows.map((r) => [
          r.input,
          r.id ?? '—',
          r.name ?? '—',
          r.id === null ? 'none' : r.fuzzy ? `typo ${percent(r.confidence)}%` : 'exact',
          { items: r.id === null ? r.suggestions.map((s) => s.name) : [] },
        ]),
        { width, fit: RESOLVE_FIT },
      ),
    );
  return EXIT.ok;
}

/** A role from a built-in id, a role JSON file, or a job-description text file. */
async function loadRole(spec: string | undefined): Promise<Role> {
  if (!spec)
    throw new UsageError(
      '--role is required: a built-in role id, a role .json file or a job description .txt/.md file',
    );
  const ext = extname(spec).toLowerCase();
  if (ext === '.json') {
    const text = new TextDecoder().decode(await readInputFile(spec));
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      throw new ValidationError(
        'invalid-role',
        `${spec} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
        [{ code: 'invalid-json', path: [], message: 'not valid JSON' }],
        { file: spec },
      );
    }
    const [{ assertRole }, { roleFromJobDescription }] = await Promise.all([
      import('../role/index.js'),
      import('../job-description/index.js'),
    ]);
    try {
      // A schema.org JobPosting is a job description in JSON: build the role from it.
      if (typeof data === 'object' && data !== null && (data as Record<string, unknown>)['@type'] === 'JobPosting')
        return roleFromJobDescription(data as Parameters<typeof roleFromJobDescription>[0]);
      return assertRole(data);
    } catch (error) {
      if (isSkillmatchError(error)) error.file = spec;
      throw error;
    }
  }
  if (ext === '.txt' || ext === '.md' || ext === '.markdown') {
    const { roleFromJobDescription } = await import('../job-description/index.js');
    const text = new TextDecoder().decode(await readInputFile(spec));
    try {
      return roleFromJobDescription(text);
    } catch (error) {
      if (isSkillmatchError(error)) error.file = spec;
      throw error;
    }
  }
  const roles = await builtinRoleList();
  const role = roles.find((r) => r.id === spec);
  if (!role)
    throw new SkillmatchError(
      'unknown-role',
      `No built-in role "${spec}". Built-in roles: ${roles.map((r) => r.id).join(', ')}. Or give a role .json file or a job description .txt/.md file.`,
    );
  return role;
}

/**
 * The `--role` of a command; `null` (the reason on stderr) when the role cannot be used: an unknown id,
 * a role file missing, unreadable, not JSON or invalid, a job description asking for no technology. The
 * caller exits with `EXIT.config`, apart from the input failures of exit 1. Usage mistakes still throw.
 */
async function roleOrReport(spec: string | undefined, io: CliIO): Promise<Role | null> {
  try {
    return await loadRole(spec);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    reportError(io, isSkillmatchError(error) ? error.file : undefined, error);
    return null;
  }
}

async function commandRank(argv: string[], io: CliIO, interrupt: Interrupt): Promise<number> {
  tuneHeapForBatch();
  const { values, positionals } = parse(argv, {
    ...COMMON,
    role: { type: 'string', short: 'r' },
    top: { type: 'string' },
    workers: { type: 'string' },
    width: { type: 'string' },
  });
  const format = formatOption(values, ['table', 'json', 'csv', 'html']) as RankFormat;
  const asOf = asOfOption(values);
  const dated = documentDateOption(values, asOf);
  const top = positiveInt(values, 'top');
  const workers = positiveInt(values, 'workers');
  const width = widthOption(values, io, format);
  if (positionals.length === 0) throw new UsageError('rank takes at least one résumé file or folder');
  const role = await roleOrReport(values.role as string | undefined, io);
  if (role === null) return EXIT.config;
  const { files, errors: walkErrors, skipped } = await collectInputs(positionals);
  reportSkipped(io, skipped);
  if (files.length === 0 && walkErrors.length === 0) return reportNoResume(io, positionals);
  const errors: RankOutputError[] = walkErrors.map(({ file, error }) => ({ file, ...errorJSON(error) }));
  const readErrors = new Map<number, RankOutputError>();
  const progress =
    io.stderr.isTTY && files.length > 0 ? createProgressBar(io.stderr as NodeJS.WriteStream, files.length) : null;

  // Files are read one at a time as the pool asks for them, so a large folder never sits in memory at once.
  async function* inputs(): AsyncGenerator<{
    id: string;
    data: Uint8Array | string;
    filename: string;
    documentDate?: string;
  }> {
    for (const [i, file] of files.entries()) {
      try {
        yield { id: String(i), data: await readInputFile(file), filename: fileNameOf(file), ...dated };
      } catch (error) {
        readErrors.set(i, { file, ...errorJSON(error) });
        // Keep the batch's indexes aligned with `files`: an empty input fails as `empty-input` and is replaced below.
        yield { id: String(i), data: new Uint8Array(0), filename: fileNameOf(file) };
      }
    }
  }

  const matcher = await newMatcher({ poolSize: poolSizeOf(workers) });
  const sink = new RankSink(format, role.requirements.length, top, width);
  const failed: (RankOutputError & { index: number })[] = [];
  let done = 0;
  try {
    const items = matcher.rankIterator(inputs(), role, { isolate: !values['no-isolate'], ...(asOf ? { asOf } : {}) });
    // A signal kills the workers at once; the items already scored are printed below.
    interrupt.signal.addEventListener('abort', () => void matcher.close({ force: true }), { once: true });
    for await (const item of untilAborted(items, interrupt.signal)) {
      done++;
      const file = files[item.index] ?? item.id;
      if (item.ok) await sink.add(item, file);
      else
        failed.push({
          index: item.index,
          ...(readErrors.get(item.index) ?? { file, code: item.error.code, message: item.error.message }),
        });
      progress?.update(done, files[Math.min(done, files.length - 1)] ?? '');
    }
    progress?.clear();
    await matcher.close({ force: interrupt.signal.aborted });
    // Errors in input order, as the batch reported them.
    failed.sort((a, b) => a.index - b.index);
    for (const { index: _index, ...e } of failed) errors.push(e);
    const summary = {
      role: { id: role.id, title: role.title },
      version: MATCH_VERSION,
      ...(asOf ? { asOf } : {}),
      ...dated,
      total: files.length + walkErrors.length,
      errors,
      skipped,
      ...(interrupt.received ? { interrupted: { signal: interrupt.received, done } } : {}),
    };
    await sink.finish(io.stdout, summary);
  } finally {
    progress?.clear();
    await matcher.close({ force: interrupt.signal.aborted });
    await sink.dispose();
  }
  for (const e of errors)
    io.stderr.write(`skillmatch: ${safeLine(e.file)}: ${e.code}: ${safeLine(e.message.split('\n')[0] ?? '')}\n`);
  if (interrupt.received) {
    io.stderr.write(
      `skillmatch: interrupted by ${interrupt.received} after ${done} of ${files.length} files; the results so far are printed\n`,
    );
    return EXIT[interrupt.received];
  }
  return errors.length > 0 ? EXIT.input : EXIT.ok;
}

async function commandMatch(argv: string[], io: CliIO, interrupt: Interrupt): Promise<number> {
  const { values, positionals } = parse(argv, { ...COMMON, role: { type: 'string', short: 'r' } });
  const format = formatOption(values, ['text', 'json']);
  const asOf = asOfOption(values);
  const dated = documentDateOption(values, asOf);
  if (positionals.length !== 1) throw new UsageError('match takes exactly one résumé file');
  const file = positionals[0]!;
  const role = await roleOrReport(values.role as string | undefined, io);
  if (role === null) return EXIT.config;
  return withOneFile(io, file, interrupt, async (bytes, matcher) => {
    const match = await matcher.match({ data: bytes, filename: fileNameOf(file), ...dated }, role, {
      isolate: !values['no-isolate'],
      ...(asOf ? { asOf } : {}),
    });
    const readability = readabilityOf(match.diagnostics);
    if (format === 'json') writeJson(io, { file, ...match, ...readability }, 2);
    else write(io, renderMatchText(file, match, readability));
  });
}

async function commandRoles(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse(argv, { format: { type: 'string' }, width: { type: 'string' } });
  const format = formatOption(values, ['table', 'json']);
  const width = widthOption(values, io, format);
  if (positionals.length) throw new UsageError('roles takes no arguments');
  const roles = await builtinRoleList();
  if (format === 'json') writeJson(io, roles, 2);
  else {
    const count = (role: Role, importance: string): string =>
      String(role.requirements.filter((r) => r.importance === importance).length);
    const columns = [
      { header: 'id' },
      { header: 'title' },
      { header: 'required', right: true },
      { header: 'preferred', right: true },
      { header: 'bonus', right: true },
    ];
    write(
      io,
      renderTable(
        columns,
        roles.map((r) => [r.id, r.title, count(r, 'required'), count(r, 'preferred'), count(r, 'bonus')]),
        { width, fit: [{ narrow: 'title', to: 12 }] },
      ),
    );
  }
  return EXIT.ok;
}

/** Why `serve` could not start that is the machine's configuration, not the command line: exit 3. */
const LISTEN_FAILURES = new Set(['EADDRINUSE', 'EACCES', 'EADDRNOTAVAIL']);

async function commandServe(argv: string[], io: CliIO): Promise<number> {
  const { runServe, ServeUsageError } = await import('./serve.js');
  try {
    return await runServe(argv, io.stderr);
  } catch (error) {
    if (error instanceof ServeUsageError) throw new UsageError(error.message);
    if (isSkillmatchError(error) && error.code === 'missing-dependency') {
      reportError(io, undefined, error);
      return EXIT.config;
    }
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    if (code !== undefined && LISTEN_FAILURES.has(code)) {
      io.stderr.write(
        `skillmatch serve: cannot listen: ${safeLine(error instanceof Error ? error.message : String(error))}\n`,
      );
      return EXIT.config;
    }
    throw error;
  }
}

/** `skillmatch <command> --help` and `skillmatch help <command>`: the command's page on stdout. */
async function helpFor(command: string, io: CliIO): Promise<number> {
  const page =
    command === 'serve'
      ? (await import('./serve.js')).SERVE_USAGE
      : Object.hasOwn(COMMAND_HELP, command)
        ? COMMAND_HELP[command]
        : undefined;
  if (page === undefined) {
    io.stderr.write(`skillmatch: unknown command "${safeLine(command)}"\n\n${USAGE}`);
    return EXIT.usage;
  }
  write(io, page);
  return EXIT.ok;
}

const COMMANDS: Record<string, (argv: string[], io: CliIO, interrupt: Interrupt) => Promise<number>> = {
  parse: commandParse,
  extract: commandExtract,
  resolve: commandResolve,
  rank: commandRank,
  match: commandMatch,
  roles: commandRoles,
  serve: commandServe,
};

/**
 * Runs the CLI with `argv` (without `node` and the script) and resolves to the exit code (`EXIT`):
 * 0 success, 1 some input could not be used, 2 usage error, 3 configuration error (the role), 70
 * internal error, 130/143 interrupted. Never throws: every failure is reported on `io.stderr`.
 */
export async function main(
  argv: string[],
  io: CliIO = { stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  if (io.stdout === process.stdout && process.stdout.listenerCount('error') === 0) {
    // `skillmatch extract … | head` closes the pipe early: that is the reader's choice, not a crash.
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  const [command, ...rest] = argv;
  if (command === 'help' && rest.length > 0) return helpFor(rest[0]!, io);
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    (command === undefined ? io.stderr : io.stdout).write(USAGE);
    return command === undefined ? EXIT.usage : EXIT.ok;
  }
  if (command === '--version' || command === '-v') {
    write(io, `${packageVersion()}\n`);
    return EXIT.ok;
  }
  // Own keys only: `skillmatch toString` is an unknown command, not Object.prototype's.
  const run = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!run) {
    io.stderr.write(`skillmatch: unknown command "${safeLine(command)}"\n\n${USAGE}`);
    return EXIT.usage;
  }
  // Only before `--`: after it, `--help` is a file name.
  const options = rest.includes('--') ? rest.slice(0, rest.indexOf('--')) : rest;
  if (options.includes('--help') || options.includes('-h')) return helpFor(command, io);
  // Signals are the process's: handled only when the CLI runs as the process, not when a test calls main().
  // `serve` drains on its own signals (it exits 0 once in-flight work is done).
  const interrupt = io.stdout === process.stdout && command !== 'serve' ? listenForInterrupt() : neverInterrupted();
  try {
    const code = await run(rest, io, interrupt);
    // Whatever the command made of it (parse and match report their cancelled parse), a signal sets the exit code.
    return interrupt.received ? EXIT[interrupt.received] : code;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`skillmatch ${command}: ${error.message}\n\nRun \`skillmatch ${command} --help\` for usage.\n`);
      return EXIT.usage;
    }
    if (isSkillmatchError(error)) {
      reportError(io, error.file, error);
      return EXIT.input;
    }
    // A bug, not the input's fault: said as such, with where it happened, and a code of its own.
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr.write(
      `skillmatch ${command}: internal-error: ${safeBlock(detail)}\n(a bug in skillmatch: please report it with the command line)\n`,
    );
    return EXIT.internal;
  } finally {
    interrupt.dispose();
  }
}
