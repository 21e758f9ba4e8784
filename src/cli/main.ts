/**
 * The `skillmatch` command: argv → public API → output. It reads files and prints; every
 * decision about résumés, skills and scores is made by the library.
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { isSkillmatchError, SkillmatchError, ValidationError } from '../errors.js';
import type { Matcher, MatcherOptions } from '../rank/index.js';
import type { ExtractedSkill, MatchResult, Role, SkillProfile } from '../types.js';
import { collectInputs, fileNameOf, readInputFile } from './files.js';
import { createProgressBar, csvRow, percent, renderDocumentText, renderMatchText, renderSkillsTable, renderTable, truncate } from './output.js';

/** Where the CLI writes; tests may pass their own. */
export interface CliIO {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WriteStream | (NodeJS.WritableStream & { isTTY?: boolean; columns?: number });
}

/** Exit codes: 0 success, 1 an input could not be used, 2 the command line is wrong. */
export const EXIT = Object.freeze({ ok: 0, input: 1, usage: 2 });

class UsageError extends Error {
  override name = 'UsageError';
}

const USAGE = `skillmatch — match résumés to roles

Usage:
  skillmatch parse <file> [--format json|text] [--as-of YYYY-MM] [--no-isolate]
  skillmatch extract <files or folders...> [--format jsonl|json|table] [--as-of YYYY-MM] [--no-isolate]
                     [--workers N]
  skillmatch resolve <name...> [--format jsonl|table]
  skillmatch rank --role <role> <files and folders...> [--format table|json|csv|html] [--top N]
                  [--as-of YYYY-MM] [--no-isolate] [--workers N]

  skillmatch match --role <role> <file> [--format text|json] [--as-of YYYY-MM] [--no-isolate]
  skillmatch roles [--format table|json]
  skillmatch serve [--host H] [--port P] [--token T] …  (the HTTP service; skillmatch serve --help)
  skillmatch --help | --version

<role> is a built-in role id (see \`skillmatch roles\`), a role .json file, or a job
description .txt/.md file turned into a role.
Folders are walked recursively for .pdf .docx .html .htm .md .markdown .txt .json files,
skipping expected*.json, truth.json and role.json.
Untrusted PDF and DOCX files are parsed in isolated child processes; --no-isolate parses
in-process (trusted input only). --as-of sets the month "present" means (default: now).

Exit codes: 0 success, 1 some input could not be used (reported on stderr or in the
output's errors), 2 usage error.
`;

function packageVersion(): string {
  // dist/esm/cli/main.js and src/cli/main.ts both sit below the package root.
  for (const up of ['../../../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(up, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'skillmatch' && pkg.version) return pkg.version;
    } catch {
      // Try the next level up.
    }
  }
  return 'unknown';
}

type Values = Record<string, string | boolean | undefined>;

function parse(argv: string[], options: Record<string, { type: 'string' | 'boolean'; short?: string }>): { values: Values; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({ args: argv, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
    return { values: values as Values, positionals };
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function formatOption(values: Values, allowed: readonly string[]): string {
  const format = (values.format as string | undefined) ?? allowed[0]!;
  if (!allowed.includes(format)) throw new UsageError(`--format must be one of ${allowed.join(', ')} (got "${format}")`);
  return format;
}

function asOfOption(values: Values): string | undefined {
  const asOf = values['as-of'] as string | undefined;
  if (asOf !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(asOf)) throw new UsageError(`--as-of must be a month as YYYY-MM (got "${asOf}")`);
  return asOf;
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
  io.stderr.write(`skillmatch: ${file ? `${file}: ` : ''}${code}: ${message}\n`);
}

function write(io: CliIO, text: string): void {
  io.stdout.write(text);
}

// Stages are loaded on demand: `roles` and `resolve` need no PDF reader, extractor or pool, and
// loading all of them costs a second or more at start-up.
async function newMatcher(options: MatcherOptions = {}): Promise<Matcher> {
  const { createMatcher } = await import('../rank/index.js');
  return createMatcher(options);
}

async function builtinRoleList(): Promise<Role[]> {
  const { builtinRoles } = await import('../role/builtin.js');
  return builtinRoles();
}


const COMMON = {
  format: { type: 'string' },
  'as-of': { type: 'string' },
  'no-isolate': { type: 'boolean' },
} as const;

// ---------------------------------------------------------------------------------------------

async function commandParse(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse(argv, { ...COMMON });
  const format = formatOption(values, ['json', 'text']);
  const asOf = asOfOption(values);
  if (positionals.length !== 1) throw new UsageError('parse takes exactly one file');
  const file = positionals[0]!;
  return withOneFile(io, file, async (bytes, matcher) => {
    const doc = await matcher.parse(bytes, { filename: fileNameOf(file), isolate: !values['no-isolate'], ...(asOf ? { asOf } : {}) });
    return format === 'json' ? `${JSON.stringify(doc, null, 2)}\n` : renderDocumentText(doc, file);
  });
}

/** Reads one file and turns it into output with a fresh matcher; any failure is that input's error. */
async function withOneFile(io: CliIO, file: string, render: (bytes: Uint8Array, matcher: Matcher) => Promise<string>): Promise<number> {
  const matcher = await newMatcher();
  try {
    write(io, await render(await readInputFile(file), matcher));
    return EXIT.ok;
  } catch (error) {
    reportError(io, file, error);
    return EXIT.input;
  } finally {
    await matcher.close();
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

async function commandExtract(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse(argv, { ...COMMON, workers: { type: 'string' } });
  const format = formatOption(values, ['jsonl', 'json', 'table']);
  const asOf = asOfOption(values);
  const workers = positiveInt(values, 'workers');
  if (positionals.length === 0) throw new UsageError('extract takes at least one file or folder');
  const { files, errors: walkErrors } = await collectInputs(positionals);
  const matcher = await newMatcher(workers ? { poolSize: workers } : {});
  let failed = walkErrors.length;
  const all: Record<string, unknown>[] = [];
  const emit = (entry: Record<string, unknown>, skills?: ExtractedSkill[]): void => {
    if (format === 'jsonl') write(io, `${JSON.stringify(entry)}\n`);
    else if (format === 'json') all.push(entry);
    else if (skills) write(io, `${renderSkillsTable(String(entry.file), skills)}\n`);
    else {
      const error = entry.error as { code: string; message: string };
      write(io, `${String(entry.file)} — error ${error.code}: ${error.message}\n\n`);
    }
  };
  try {
    for (const { file, error } of walkErrors) {
      emit({ file, error: errorJSON(error) });
      reportError(io, file, error);
    }
    // A few files in flight keep the parse pool busy; results are still printed in input order.
    const extractOne = async (file: string): Promise<{ file: string; profile?: SkillProfile; error?: unknown }> => {
      try {
        const bytes = await readInputFile(file);
        return { file, profile: await matcher.extract({ data: bytes, filename: fileNameOf(file) }, { isolate: !values['no-isolate'], ...(asOf ? { asOf } : {}) }) };
      } catch (error) {
        return { file, error };
      }
    };
    const window = values['no-isolate'] ? 1 : (workers ?? 2) * 2;
    const pending = files.slice(0, window).map(extractOne);
    for (let i = 0; i < files.length; i++) {
      const outcome = await pending[i]!;
      if (i + window < files.length) pending.push(extractOne(files[i + window]!));
      if (outcome.profile) {
        const profile = outcome.profile;
        emit({ file: outcome.file, skills: profile.skills.map(skillJSON), diagnostics: profile.diagnostics.map((d) => ({ severity: d.severity, code: d.code, message: d.message })) }, profile.skills);
      } else {
        failed++;
        emit({ file: outcome.file, error: errorJSON(outcome.error) });
        if (format !== 'table') reportError(io, outcome.file, outcome.error);
      }
    }
    if (format === 'json') write(io, `${JSON.stringify(all, null, 2)}\n`);
    return failed > 0 ? EXIT.input : EXIT.ok;
  } finally {
    await matcher.close();
  }
}

async function commandResolve(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse(argv, { format: { type: 'string' } });
  const format = formatOption(values, ['jsonl', 'table']);
  if (positionals.length === 0) throw new UsageError('resolve takes at least one skill name');
  const { resolveSkill, suggestSkills } = await import('../taxonomy/resolve.js');
  const rows = positionals.map((input) => {
    const hit = resolveSkill(input);
    const suggestions = hit ? (hit.suggestions ?? []) : suggestSkills(input, { limit: 3 });
    return {
      input,
      id: hit?.id ?? null,
      name: hit?.name ?? null,
      fuzzy: hit?.fuzzy ?? false,
      confidence: hit ? Math.round(hit.confidence * 10000) / 10000 : 0,
      suggestions: suggestions.map((s) => ({ id: s.id, name: s.name, confidence: Math.round(s.confidence * 10000) / 10000 })),
    };
  });
  if (format === 'jsonl') for (const row of rows) write(io, `${JSON.stringify(row)}\n`);
  else
    write(
      io,
      renderTable(
        [{ header: 'input', max: 30 }, { header: 'id' }, { header: 'name' }, { header: 'match' }, { header: 'did you mean', max: 50 }],
        rows.map((r) => [r.input, r.id ?? '—', r.name ?? '—', r.id === null ? 'none' : r.fuzzy ? `typo ${percent(r.confidence)}%` : 'exact', r.id === null ? r.suggestions.map((s) => s.name).join(', ') : '']),
      ),
    );
  return EXIT.ok;
}

/** A role from a built-in id, a role JSON file, or a job-description text file. */
async function loadRole(spec: string | undefined): Promise<Role> {
  if (!spec) throw new UsageError('--role is required: a built-in role id, a role .json file or a job description .txt/.md file');
  const ext = extname(spec).toLowerCase();
  if (ext === '.json') {
    const text = new TextDecoder().decode(await readInputFile(spec));
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      throw new ValidationError('invalid-role', `${spec} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`, [{ code: 'invalid-json', path: [], message: 'not valid JSON' }], { file: spec });
    }
    const { assertRole, roleFromJobDescription } = await import('../role/index.js');
    try {
      // A schema.org JobPosting is a job description in JSON: build the role from it.
      if (typeof data === 'object' && data !== null && (data as Record<string, unknown>)['@type'] === 'JobPosting') return roleFromJobDescription(data as Parameters<typeof roleFromJobDescription>[0]);
      return assertRole(data);
    } catch (error) {
      if (isSkillmatchError(error)) error.file = spec;
      throw error;
    }
  }
  if (ext === '.txt' || ext === '.md' || ext === '.markdown') {
    const { roleFromJobDescription } = await import('../role/index.js');
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
  if (!role) throw new SkillmatchError('unknown-role', `No built-in role "${spec}". Built-in roles: ${roles.map((r) => r.id).join(', ')}. Or give a role .json file or a job description .txt/.md file.`);
  return role;
}

interface RankRow {
  file: string;
  rank: number;
  score: number;
  mustHavesMet: boolean;
  match: MatchResult;
}

/** The candidate's strongest matched requirements, named by the skill that earned them. */
function matchedLabels(match: MatchResult, n: number): string {
  const met = match.requirements.filter((r) => r.status !== 'missing').sort((a, b) => b.weight * b.score - a.weight * a.score);
  const labels = met.slice(0, n).map((r) => `${r.via === 'direct' && r.skill ? r.skill.name : r.label}${r.status === 'partial' ? '~' : ''}`);
  return labels.join(', ') + (met.length > n ? ` +${met.length - n}` : '');
}

function missingLabels(match: MatchResult, n: number): string {
  const missing = match.requirements.filter((r) => r.status === 'missing').sort((a, b) => b.weight - a.weight);
  const required = missing.filter((r) => r.importance === 'required');
  const rest = missing.filter((r) => r.importance !== 'required');
  const labels = [...required.map((r) => `${r.label}!`), ...rest.map((r) => r.label)];
  return labels.slice(0, n).join(', ') + (labels.length > n ? ` +${labels.length - n}` : '');
}

/** The `--role` of a command; `null` (the reason on stderr) when the role file cannot be read or is invalid. Usage mistakes still throw. */
async function roleOrReport(spec: string | undefined, io: CliIO): Promise<Role | null> {
  try {
    return await loadRole(spec);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    reportError(io, isSkillmatchError(error) ? error.file : undefined, error);
    return null;
  }
}

async function commandRank(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse(argv, { ...COMMON, role: { type: 'string', short: 'r' }, top: { type: 'string' }, workers: { type: 'string' } });
  const format = formatOption(values, ['table', 'json', 'csv', 'html']);
  const asOf = asOfOption(values);
  const top = positiveInt(values, 'top');
  const workers = positiveInt(values, 'workers');
  if (positionals.length === 0) throw new UsageError('rank takes at least one résumé file or folder');
  const role = await roleOrReport(values.role as string | undefined, io);
  if (role === null) return EXIT.input;
  const { files, errors: walkErrors } = await collectInputs(positionals);
  const errors: { file: string; code: string; message: string }[] = walkErrors.map(({ file, error }) => ({ file, ...errorJSON(error) }));
  const readErrors = new Map<number, { file: string; code: string; message: string }>();
  const progress = io.stderr.isTTY && files.length > 0 ? createProgressBar(io.stderr as NodeJS.WriteStream, files.length) : null;

  // Files are read one at a time as the pool asks for them, so a large folder never sits in memory at once.
  async function* inputs(): AsyncGenerator<{ id: string; data: Uint8Array | string; filename: string }> {
    for (const [i, file] of files.entries()) {
      try {
        yield { id: String(i), data: await readInputFile(file), filename: fileNameOf(file) };
      } catch (error) {
        readErrors.set(i, { file, ...errorJSON(error) });
        // Keep the batch's indexes aligned with `files`: an empty input fails as `empty-input` and is replaced below.
        yield { id: String(i), data: new Uint8Array(0), filename: fileNameOf(file) };
      }
    }
  }

  const matcher = await newMatcher(workers ? { poolSize: workers } : {});
  let ranking;
  try {
    ranking = await matcher.rank(inputs(), role, {
      isolate: !values['no-isolate'],
      ...(asOf ? { asOf } : {}),
      ...(top ? { top } : {}),
      ...(progress ? { onProgress: ({ done }: { done: number }) => progress.update(done, files[Math.min(done, files.length - 1)] ?? '') } : {}),
    });
  } finally {
    progress?.clear();
    await matcher.close();
  }
  const fileOf = (id: string): string => files[Number(id)] ?? id;
  for (const e of ranking.errors) errors.push(readErrors.get(Number(e.id)) ?? { file: fileOf(e.id), code: e.error.code, message: e.error.message });
  const rows: RankRow[] = ranking.results.map((r) => ({ file: fileOf(r.id), rank: r.rank, score: r.score, mustHavesMet: r.mustHavesMet, match: r.match }));

  if (format === 'json') {
    const out = {
      role: { id: ranking.role.id, title: ranking.role.title },
      version: ranking.version,
      ...(asOf ? { asOf } : {}),
      total: files.length + walkErrors.length,
      results: rows.map((r) => ({ file: r.file, rank: r.rank, score: r.score, mustHavesMet: r.mustHavesMet, missingRequired: r.match.missingRequired, summary: r.match.summary, requirements: r.match.requirements, diagnostics: r.match.diagnostics })),
      errors,
    };
    write(io, `${JSON.stringify(out, null, 2)}\n`);
  } else if (format === 'html') {
    const { renderRankHtml } = await import('./html.js');
    write(io, renderRankHtml(ranking, files, errors, files.length + walkErrors.length, new Date().toISOString()));
  } else if (format === 'csv') {
    const reqs = role.requirements.map((_, i) => ranking.results[0]?.match.requirements[i]?.label ?? `requirement ${i + 1}`);
    let csv = csvRow(['rank', 'file', 'score', 'mustHavesMet', 'missingRequired', ...reqs.map((l) => `${l} (0-100)`)]);
    for (const r of rows) csv += csvRow([r.rank, r.file, r.score, r.mustHavesMet, r.match.missingRequired.join('; '), ...r.match.requirements.map((q) => percent(q.score))]);
    write(io, csv);
  } else {
    write(io, `${role.title} (${role.id}) — ${rows.length} ranked${top ? ` (top ${top})` : ''}, ${errors.length} unreadable\n\n`);
    write(
      io,
      renderTable(
        [{ header: '#', right: true }, { header: 'file', max: 60 }, { header: 'score', right: true }, { header: 'must-haves' }, { header: 'top matched (~ partial)', max: 50 }, { header: 'missing (! = required)', max: 60 }],
        rows.map((r) => [String(r.rank), r.file, r.score.toFixed(1), r.mustHavesMet ? 'yes' : 'no', matchedLabels(r.match, 5), missingLabels(r.match, 3)]),
      ),
    );
    if (errors.length) {
      write(io, `\nCould not use ${errors.length} file${errors.length === 1 ? '' : 's'}:\n`);
      for (const e of errors) write(io, `  ${e.file}: ${e.code}: ${truncate(e.message.split('\n')[0] ?? '', 120)}\n`);
    }
  }
  for (const e of errors) if (format !== 'table') io.stderr.write(`skillmatch: ${e.file}: ${e.code}: ${e.message.split('\n')[0] ?? ''}\n`);
  return errors.length > 0 ? EXIT.input : EXIT.ok;
}

async function commandMatch(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse(argv, { ...COMMON, role: { type: 'string', short: 'r' } });
  const format = formatOption(values, ['text', 'json']);
  const asOf = asOfOption(values);
  if (positionals.length !== 1) throw new UsageError('match takes exactly one résumé file');
  const file = positionals[0]!;
  const role = await roleOrReport(values.role as string | undefined, io);
  if (role === null) return EXIT.input;
  return withOneFile(io, file, async (bytes, matcher) => {
    const match = await matcher.match({ data: bytes, filename: fileNameOf(file) }, role, { isolate: !values['no-isolate'], ...(asOf ? { asOf } : {}) });
    return format === 'json' ? `${JSON.stringify({ file, ...match }, null, 2)}\n` : renderMatchText(file, match);
  });
}

async function commandRoles(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse(argv, { format: { type: 'string' } });
  const format = formatOption(values, ['table', 'json']);
  if (positionals.length) throw new UsageError('roles takes no arguments');
  const roles = await builtinRoleList();
  if (format === 'json') write(io, `${JSON.stringify(roles, null, 2)}\n`);
  else {
    const count = (role: Role, importance: string): string => String(role.requirements.filter((r) => r.importance === importance).length);
    write(io, renderTable([{ header: 'id' }, { header: 'title' }, { header: 'required', right: true }, { header: 'preferred', right: true }, { header: 'bonus', right: true }], roles.map((r) => [r.id, r.title, count(r, 'required'), count(r, 'preferred'), count(r, 'bonus')])));
  }
  return EXIT.ok;
}

async function commandServe(argv: string[], io: CliIO): Promise<number> {
  const { runServe, ServeUsageError } = await import('./serve.js');
  try {
    return await runServe(argv, io.stderr);
  } catch (error) {
    if (error instanceof ServeUsageError) throw new UsageError(error.message);
    throw error;
  }
}

const COMMANDS: Record<string, (argv: string[], io: CliIO) => Promise<number>> = {
  parse: commandParse,
  extract: commandExtract,
  resolve: commandResolve,
  rank: commandRank,
  match: commandMatch,
  roles: commandRoles,
  serve: commandServe,
};

/**
 * Runs the CLI with `argv` (without `node` and the script) and resolves to the exit code:
 * 0 success, 1 some input could not be used, 2 usage error. Never throws for bad input.
 */
export async function main(argv: string[], io: CliIO = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  if (io.stdout === process.stdout && process.stdout.listenerCount('error') === 0) {
    // `skillmatch extract … | head` closes the pipe early: that is the reader's choice, not a crash.
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    (command === undefined ? io.stderr : io.stdout).write(USAGE);
    return command === undefined ? EXIT.usage : EXIT.ok;
  }
  if (command === '--version' || command === '-v') {
    write(io, `${packageVersion()}\n`);
    return EXIT.ok;
  }
  const run = COMMANDS[command];
  if (!run) {
    io.stderr.write(`skillmatch: unknown command "${command}"\n\n${USAGE}`);
    return EXIT.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    write(io, command === 'serve' ? (await import('./serve.js')).SERVE_USAGE : USAGE);
    return EXIT.ok;
  }
  try {
    return await run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`skillmatch ${command}: ${error.message}\n\nRun \`skillmatch --help\` for usage.\n`);
      return EXIT.usage;
    }
    if (isSkillmatchError(error)) {
      reportError(io, error.file, error);
      return EXIT.input;
    }
    throw error;
  }
}
