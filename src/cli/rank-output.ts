/**
 * `skillmatch rank` output with memory that does not grow with the explanations: each result is
 * reduced, as it arrives, to its sort key and what its format prints. For JSON, whose explained
 * entries are large (about 20 KB each; 50 MB for 2,500 résumés), the entry is written to a spill
 * file in a private temporary folder and only its offset is kept; at the end the entries are read
 * back in rank order and streamed out. The bytes printed are those `JSON.stringify(out, null, 2)`
 * printed before, so the output contract is unchanged.
 */
import { once } from 'node:events';
import { mkdtemp, open, rm, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareRanked } from '../rank/index.js';
import type { MatchResult, RankedResult, RankError, Ranking } from '../types.js';
import { csvRow, noTextHint, noTextMark, percent, readabilityOf, type Readability } from './output.js';
import { fitTable, type Cell, type FitStep, type ListCell } from './table.js';
import { displayWidth, safeJson, safeLine, truncate } from './text.js';

export type RankFormat = 'table' | 'json' | 'csv' | 'html';

/** An input that could not be used, as every format reports it. */
export interface RankOutputError {
  file: string;
  code: string;
  message: string;
}

/** What the output says besides the results. */
export interface RankSummary {
  role: { id: string; title: string };
  version: string;
  asOf?: string;
  /** `--document-date` as given: a month, or `estimate`. */
  documentDate?: string;
  total: number;
  errors: RankOutputError[];
  skipped: { file: string; reason: string }[];
  /** Set when a signal stopped the run: which, and how many inputs were done. */
  interrupted?: { signal: string; done: number };
}

interface Kept {
  id: string;
  index: number;
  score: number;
  mustHavesMet: boolean;
  unreadable: boolean;
  /** JSON and HTML: where the result sits in the spill file; CSV: the row after its rank; table: the cells after the rank. */
  offset: number;
  length: number;
  row: string;
  cells: Cell[];
}

/**
 * How the table makes room on a narrow terminal, in this order: the lists and the path narrow (the path
 * from the left, keeping the file name), in two rounds, so that at 100 columns (a pipe) every column still
 * shows; then `matched` goes, then `missing`, and last the path narrows to little more than a file name.
 * Rank, score and must-haves always stay. docs/cli.md states the same order: change both.
 */
const RANK_FIT: readonly FitStep[] = [
  { narrow: 'matched', to: 24 },
  { narrow: 'missing', to: 24 },
  { narrow: 'file', to: 32 },
  { narrow: 'file', to: 24 },
  { narrow: 'matched', to: 20 },
  { narrow: 'missing', to: 20 },
  { drop: 'matched' },
  { drop: 'missing' },
  { narrow: 'file', to: 12 },
];

type Writable = NodeJS.WritableStream;

async function put(stream: Writable, chunk: string): Promise<void> {
  if (!stream.write(chunk)) await once(stream, 'drain');
}

/** The candidate's matched requirements, strongest first, named by the skill that earned them (`~` partial). */
function matchedList(match: MatchResult): ListCell {
  const met = match.requirements
    .filter((r) => r.status !== 'missing')
    .sort((a, b) => b.weight * b.score - a.weight * a.score);
  // One skill can meet two requirements (REST for "REST" and for "APIs"): it is named once.
  return {
    items: [
      ...new Set(
        met.map((r) => `${r.via === 'direct' && r.skill ? r.skill.name : r.label}${r.status === 'partial' ? '~' : ''}`),
      ),
    ],
  };
}

/** The missing requirements, required ones first (marked `!`), then by weight. */
function missingList(match: MatchResult): ListCell {
  const missing = match.requirements.filter((r) => r.status === 'missing').sort((a, b) => b.weight - a.weight);
  const required = missing.filter((r) => r.importance === 'required');
  const rest = missing.filter((r) => r.importance !== 'required');
  return { items: [...required.map((r) => `${r.label}!`), ...rest.map((r) => r.label)] };
}

/** The table cells after the rank: a résumé without text is marked as such, not shown as a 0-score candidate. */
function tableCells(item: RankedResult, file: string, readable: Readability): Cell[] {
  if (readable.unreadable) return [file, '—', noTextMark(readable.reason), '', noTextHint(readable.reason)];
  return [
    file,
    item.score.toFixed(1),
    item.mustHavesMet ? 'yes' : 'no',
    matchedList(item.match),
    missingList(item.match),
  ];
}

/** Re-indents a value stringified with 2 spaces to sit `depth` levels deep (JSON strings hold no raw line breaks). */
function indent(json: string, depth: number): string {
  return json.replace(/\n/g, `\n${'  '.repeat(depth)}`);
}

/** Collects ranked results as they come and prints them, ordered, at the end. */
export class RankSink {
  private kept: Kept[] = [];
  private spill: FileHandle | null = null;
  private spillDir: string | null = null;
  private spillEnd = 0;
  private labels: string[] | null = null;
  private readonly order = compareRanked(true) as unknown as (a: Kept, b: Kept) => number;

  /** @param width Widest line of the table format, in display columns. @default Infinity */
  constructor(
    private readonly format: RankFormat,
    private readonly requirementCount: number,
    private readonly top: number | undefined,
    private readonly width: number = Infinity,
  ) {}

  /** Takes one scored result; its explanation is dropped once reduced (JSON: spilled to disk). */
  async add(item: RankedResult, file: string): Promise<void> {
    const match = item.match;
    const readable = readabilityOf(match.diagnostics);
    const kept: Kept = {
      id: item.id,
      index: item.index,
      score: item.score,
      mustHavesMet: item.mustHavesMet,
      unreadable: readable.unreadable,
      offset: 0,
      length: 0,
      row: '',
      cells: [],
    };
    if (this.format === 'json' || this.format === 'html') {
      const entry =
        this.format === 'json'
          ? {
              file,
              rank: 0,
              score: item.score,
              mustHavesMet: item.mustHavesMet,
              missingRequired: match.missingRequired,
              summary: match.summary,
              requirements: match.requirements,
              diagnostics: match.diagnostics,
              ...readable,
            }
          : { ...item, id: file };
      const text = Buffer.from(
        this.format === 'json' ? safeJson(JSON.stringify(entry, null, 2)) : JSON.stringify(entry),
        'utf8',
      );
      const spill = await this.spillFile();
      await spill.write(text, 0, text.length, this.spillEnd);
      kept.offset = this.spillEnd;
      kept.length = text.length;
      this.spillEnd += text.length;
    } else if (this.format === 'csv') {
      this.labels ??= match.requirements.map((q) => q.label);
      // The readability columns come last, so the requirement columns keep their places.
      kept.row = csvRow([
        file,
        item.score,
        item.mustHavesMet,
        match.missingRequired.join('; '),
        ...match.requirements.map((q) => percent(q.score)),
        readable.unreadable,
        readable.reason,
      ]);
    } else kept.cells = tableCells(item, file, readable);
    this.kept.push(kept);
    // With --top only the best are printed; the order is total, so cutting early loses nothing.
    if (this.top !== undefined && this.kept.length >= 2 * this.top + 64)
      this.kept = this.kept.sort(this.order).slice(0, this.top);
  }

  private async spillFile(): Promise<FileHandle> {
    if (this.spill === null) {
      this.spillDir = await mkdtemp(join(tmpdir(), 'skillmatch-rank-'));
      this.spill = await open(join(this.spillDir, 'results.jsonl'), 'w+', 0o600);
    }
    return this.spill;
  }

  /** The results in rank order, cut to `top`. */
  private ranked(): Kept[] {
    const all = this.kept.sort(this.order);
    return this.top === undefined ? all : all.slice(0, this.top);
  }

  /** Prints everything to `stdout` (streamed, with back-pressure). */
  async finish(stdout: Writable, summary: RankSummary): Promise<void> {
    const rows = this.ranked();
    if (this.format === 'json') await this.finishJson(stdout, rows, summary);
    else if (this.format === 'html') await this.finishHtml(stdout, rows, summary);
    else if (this.format === 'csv') {
      const labels = this.labels ?? Array.from({ length: this.requirementCount }, (_, i) => `requirement ${i + 1}`);
      await put(
        stdout,
        csvRow([
          'rank',
          'file',
          'score',
          'mustHavesMet',
          'missingRequired',
          ...labels.map((l) => `${l} (0-100)`),
          'unreadable',
          'reason',
        ]),
      );
      for (const [i, row] of rows.entries()) await put(stdout, `${i + 1},${row.row}`);
    } else await this.finishTable(stdout, rows, summary);
  }

  private async finishJson(stdout: Writable, rows: Kept[], summary: RankSummary): Promise<void> {
    const { errors, skipped, interrupted, ...head } = summary;
    const opening = JSON.stringify(head, null, 2);
    await put(stdout, `${safeJson(opening.slice(0, -2))},\n  "results": [`);
    let buffer = Buffer.alloc(0);
    for (const [i, row] of rows.entries()) {
      if (buffer.length < row.length) buffer = Buffer.alloc(Math.max(row.length, 2 * buffer.length));
      await this.spill!.read(buffer, 0, row.length, row.offset);
      const entry = buffer.toString('utf8', 0, row.length).replace('\n  "rank": 0,\n', `\n  "rank": ${i + 1},\n`);
      await put(stdout, `${i === 0 ? '' : ','}\n    ${indent(entry, 2)}`);
    }
    await put(stdout, rows.length === 0 ? ']' : '\n  ]');
    const tail: Record<string, unknown> = { errors, skipped };
    if (interrupted) tail.interrupted = interrupted;
    for (const [key, value] of Object.entries(tail))
      await put(stdout, `,\n  ${JSON.stringify(key)}: ${safeJson(indent(JSON.stringify(value, null, 2), 1))}`);
    await put(stdout, '\n}\n');
  }

  /**
   * One self-contained HTML report. Unlike the other formats it is built whole (the page is one string),
   * so its memory grows with the results it shows: give `--top` for large batches.
   */
  private async finishHtml(stdout: Writable, rows: Kept[], summary: RankSummary): Promise<void> {
    const results: RankedResult[] = [];
    let buffer = Buffer.alloc(0);
    for (const [i, row] of rows.entries()) {
      if (buffer.length < row.length) buffer = Buffer.alloc(Math.max(row.length, 2 * buffer.length));
      await this.spill!.read(buffer, 0, row.length, row.offset);
      results.push({ ...(JSON.parse(buffer.toString('utf8', 0, row.length)) as RankedResult), rank: i + 1 });
    }
    const { renderShortlistHtml } = await import('../report/index.js');
    const errors: RankError[] = summary.errors.map((e, index) => ({
      ok: false,
      id: e.file,
      index,
      error: { name: 'SkillmatchError', code: e.code, message: e.message },
    }));
    const ranking: Ranking = { version: summary.version, role: summary.role, total: summary.total, results, errors };
    await put(stdout, renderShortlistHtml(ranking, { generatedAt: new Date().toISOString() }));
  }

  /**
   * The title line and the table, fitted to the width. The files that could not be used are counted
   * here and listed on stderr (by the command), as in every format.
   */
  private async finishTable(stdout: Writable, rows: Kept[], summary: RankSummary): Promise<void> {
    const { role, errors } = summary;
    const noText = rows.filter((r) => r.unreadable).length;
    const counts = [
      `${rows.length} ranked${this.top ? ` (top ${this.top})` : ''}`,
      ...(noText ? [`${noText} with no text`] : []),
      `${errors.length} could not be used${errors.length ? ' (on stderr)' : ''}`,
    ];
    const stopped = summary.interrupted
      ? ` — interrupted by ${summary.interrupted.signal} after ${summary.interrupted.done} of ${summary.total}`
      : '';
    // One line when it fits; else the role on one line and the counts on the next.
    const head = safeLine(`${role.title} (${role.id})`);
    const tail = `${counts.join(', ')}${stopped}`;
    const oneLine = `${head} — ${tail}`;
    await put(
      stdout,
      `${displayWidth(oneLine) <= this.width ? oneLine : `${truncate(head, this.width)}\n${truncate(tail, this.width)}`}\n\n`,
    );
    const { text, dropped } = fitTable(
      [
        { header: '#', right: true },
        { header: 'file', max: 60, cut: 'path' },
        { header: 'score', right: true },
        { header: 'must-haves' },
        { header: 'matched (~ partial)', key: 'matched', max: 50 },
        { header: 'missing (! required)', key: 'missing', max: 60 },
      ],
      rows.map((r, i) => [String(i + 1), ...r.cells]),
      { width: this.width, fit: RANK_FIT },
    );
    await put(stdout, text);
    if (dropped.length)
      await put(
        stdout,
        `${truncate(`(hidden to fit ${this.width} columns: ${dropped.map((h) => h.replace(/ \(.*/, '')).join(', ')})`, this.width)}\n`,
      );
  }

  /** Removes the spill file. */
  async dispose(): Promise<void> {
    const { spill, spillDir } = this;
    this.spill = null;
    this.spillDir = null;
    await spill?.close().catch(() => undefined);
    if (spillDir) await rm(spillDir, { recursive: true, force: true });
  }
}
