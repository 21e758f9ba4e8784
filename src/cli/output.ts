/**
 * Rendering for the CLI: aligned tables, CSV, a progress bar, and the plain-text views of a
 * document and of a match. Pure functions of their input, apart from the progress bar.
 *
 * What reaches a terminal is escaped (see `text.ts`). CSV cells that a spreadsheet would run as a
 * formula are prefixed with `'`.
 */
import type { ExtractedSkill, MatchResult, RequirementResult, ResumeDocument } from '../types.js';
import { renderTable, type FitStep } from './table.js';
import { displayWidth, padEnd, safeLine, shortenPath, truncate } from './text.js';

/**
 * One CSV field, quoted when it holds a comma, quote or line break (RFC 4180). A string starting with
 * `=`, `+`, `-`, `@`, tab or carriage return is prefixed with `'`, so a spreadsheet shows it instead of
 * running it as a formula (a file named `=HYPERLINK(…)`); numbers and booleans are written as they are.
 */
export function csvField(value: string | number | boolean | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: readonly (string | number | boolean | null | undefined)[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/** Scores are [0, 1] inside; people read 0–100. */
export function percent(score: number): string {
  return String(Math.round(score * 100));
}

/**
 * A one-line progress bar redrawn in place on a terminal. Draw it only when stderr is a TTY, so
 * piped and redirected output stays clean.
 */
export function createProgressBar(
  stream: NodeJS.WriteStream,
  total: number,
): { update(done: number, label?: string): void; clear(): void } {
  let last = '';
  const columns = (): number => Math.max(40, Math.min(stream.columns ?? 80, 120));
  return {
    update(done, label = '') {
      const width = 24;
      const filled = total > 0 ? Math.round((done / total) * width) : width;
      const head = `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${done}/${total} `;
      const text = head + truncate(safeLine(label), columns() - displayWidth(head) - 1);
      if (text !== last) stream.write(`\r\x1b[2K${text}`);
      last = text;
    },
    clear() {
      if (last) stream.write('\r\x1b[2K');
      last = '';
    },
  };
}

/** The human view of a parsed document: how it was read, its sections, timeline and text. */
export function renderDocumentText(doc: ResumeDocument, file: string): string {
  const out: string[] = [];
  const pages = doc.meta.pages === null ? '' : `, ${doc.meta.pages} page${doc.meta.pages === 1 ? '' : 's'}`;
  const readability = readabilityOf(doc.diagnostics, doc.text.trim() === '' ? 0 : undefined);
  const noText = readability.unreadable
    ? ` — ${noTextMark(readability.reason)} (${noTextHint(readability.reason)})`
    : '';
  out.push(`${file}: ${doc.meta.format}${pages}, ${doc.meta.bytes} bytes, ${doc.lines.length} lines${noText}`);
  if (doc.diagnostics.length) {
    out.push('', 'Diagnostics:');
    for (const d of doc.diagnostics)
      out.push(`  ${d.severity} ${d.code}: ${d.message}${d.place ? ` (${d.place})` : ''}`);
  }
  out.push('', 'Sections:');
  for (const s of doc.sections)
    out.push(
      `  ${padEnd(s.kind, 15)} ${s.heading ? JSON.stringify(s.heading) : '(untitled top)'}  [${s.span.start}, ${s.span.end})`,
    );
  out.push('', 'Timeline:');
  if (doc.timeline.length === 0) out.push('  (no dated experience entries)');
  for (const t of doc.timeline) {
    const who =
      [t.title, t.organisation].filter(Boolean).join(' @ ') ||
      doc.text.slice(t.span.start, t.span.end).split('\n')[0]?.trim() ||
      '';
    out.push(`  ${t.start} – ${t.end ?? 'present'}  ${who}  ("${doc.text.slice(t.dateSpan.start, t.dateSpan.end)}")`);
  }
  out.push('', 'Text:', ...doc.text.split(/\r?\n/).map((l) => `  ${l}`));
  return `${out.join('\n')}\n`;
}

function contextsOf(skill: ExtractedSkill): string {
  const counts = new Map<string, number>();
  for (const m of skill.mentions) counts.set(m.context, (counts.get(m.context) ?? 0) + 1);
  return [...counts].map(([c, n]) => (n > 1 ? `${c}×${n}` : c)).join(' ');
}

/** How the extract table makes room on a narrow terminal, in this order. */
const SKILLS_FIT: readonly FitStep[] = [
  { narrow: 'contexts', to: 20 },
  { drop: 'id' },
  { narrow: 'category', to: 12 },
  { narrow: 'skill', to: 20 },
  { drop: 'claimed' },
  { drop: 'contexts' },
  { drop: 'category' },
  { narrow: 'flags', to: 10 },
  { drop: 'mentions' },
  { narrow: 'skill', to: 12 },
];

/**
 * One file's extracted skills as a table no wider than `options.width` (@default Infinity), under a title
 * line naming the file; `options.readability` marks a file without text in that line.
 */
export function renderSkillsTable(
  file: string,
  skills: readonly ExtractedSkill[],
  options: { width?: number; readability?: Readability } = {},
): string {
  const width = options.width ?? Infinity;
  const rows = skills.map((s) => {
    const flags = [
      s.mentions.every((m) => m.negated) ? 'negated' : '',
      s.mentions.every((m) => m.aspiration) ? 'aspiration' : '',
      s.mentions.some((m) => m.fuzzy) ? 'fuzzy' : '',
    ]
      .filter(Boolean)
      .join(' ');
    return [
      s.name,
      s.id,
      s.category,
      String(s.months),
      s.lastUsed ?? '',
      s.claimedYears === null ? '' : String(s.claimedYears),
      String(s.mentions.length),
      contextsOf(s),
      flags,
    ];
  });
  const table = renderTable(
    [
      { header: 'skill', max: 28 },
      { header: 'id', max: 28 },
      { header: 'category', max: 28 },
      { header: 'months', right: true },
      { header: 'last used' },
      { header: 'claimed', right: true },
      { header: 'mentions', right: true },
      { header: 'contexts', max: 40 },
      { header: 'flags' },
    ],
    rows,
    { width, fit: SKILLS_FIT },
  );
  const noText = options.readability?.unreadable
    ? ` — ${noTextMark(options.readability.reason)} (${noTextHint(options.readability.reason)})`
    : '';
  const title = titleLine(file, ` — ${skills.length} skill${skills.length === 1 ? '' : 's'}${noText}`, width);
  // An empty table says less than none: the title line has it all.
  return `${title}\n${skills.length ? table : ''}`;
}

/**
 * A title line `<head><rest>` cut to `width`: the head (a path, shortened from the left, or a name, cut
 * at its end) gives way first, down to 12 columns, then the rest is cut.
 */
export function titleLine(head: string, rest: string, width: number, cut: 'path' | 'end' = 'path'): string {
  const room = Math.max(12, width - displayWidth(safeLine(rest)));
  const shown = cut === 'path' ? shortenPath(safeLine(head), room) : truncate(safeLine(head), room);
  return truncate(shown + safeLine(rest), width);
}

/** Why a résumé scored 0 without being read: the text layer is missing (a scan) or no word was found. */
export type NoTextReason = 'no-text-layer' | 'no-readable-text';

/** Whether a résumé had any text to read, as every CLI format reports it (`unreadable`, `reason`). */
export interface Readability {
  unreadable: boolean;
  /** Set when `unreadable`: `no-text-layer` for a PDF of images (a scan), else `no-readable-text`. */
  reason: NoTextReason | null;
}

/**
 * Reads the parse and score diagnostics (`no-text-layer`, `no-readable-text`) and, for a profile, its
 * word count: a document without one word is unreadable, not a candidate who matched nothing.
 */
export function readabilityOf(diagnostics: readonly { code: string }[], words?: number): Readability {
  const scan = diagnostics.some((d) => d.code === 'no-text-layer');
  const unreadable = scan || words === 0 || diagnostics.some((d) => d.code === 'no-readable-text');
  return { unreadable, reason: !unreadable ? null : scan ? 'no-text-layer' : 'no-readable-text' };
}

/** The short mark a human format shows for an unreadable résumé. */
export function noTextMark(reason: NoTextReason | null): string {
  return reason === 'no-text-layer' ? 'no text: scanned?' : 'no text';
}

/** What to do about an unreadable résumé, in few enough words for a narrowed table column (20). */
export function noTextHint(reason: NoTextReason | null): string {
  return reason === 'no-text-layer' ? 'images only: OCR it' : 'no words read';
}

function statusMark(status: RequirementResult['status']): string {
  return status === 'met' ? '✔ met    ' : status === 'partial' ? '◐ partial' : '✘ missing';
}

/** The full explanation of one candidate against one role; a résumé without text says so first. */
export function renderMatchText(
  file: string,
  match: MatchResult,
  readability: Readability = readabilityOf(match.diagnostics),
): string {
  const out: string[] = [];
  out.push(`${file} against ${match.role.title} (${match.role.id})`);
  if (readability.unreadable)
    out.push(
      `${noTextMark(readability.reason)} (${noTextHint(readability.reason)}): the score of 0 says nothing of the candidate.`,
    );
  out.push(
    `Score ${match.score.toFixed(1)} / 100 — must-haves ${match.mustHavesMet ? 'met' : `NOT met (missing: ${match.missingRequired.join(', ')})`}`,
  );
  out.push('', match.summary, '', 'Requirements:');
  for (const r of match.requirements) {
    const via =
      r.via && r.via !== 'direct'
        ? ` via ${r.via}${r.skill ? ` ${r.skill.name}` : ''}`
        : r.skill && !r.label.includes(r.skill.name)
          ? ` (${r.skill.name})`
          : '';
    const years = r.requirement.minYears !== undefined ? `, wants ${r.requirement.minYears}+ years` : '';
    out.push(`  ${statusMark(r.status)}  ${r.label}${via} — ${r.importance}${years}, score ${percent(r.score)}`);
    if (r.status !== 'missing') {
      const used =
        r.months > 0
          ? `${r.months} month${r.months === 1 ? '' : 's'} of dated use${r.lastUsed ? `, last used ${r.lastUsed}` : ''}`
          : 'not in a dated role';
      const facts = [used, r.claimedYears !== null ? `claims ${r.claimedYears} years` : ''].filter(Boolean);
      out.push(`      ${facts.join(', ')}`);
    }
    for (const e of r.evidence) {
      const flags = [
        e.negated ? 'negated' : '',
        e.aspiration ? 'aspiration' : '',
        e.fuzzy ? 'fuzzy' : '',
        e.level ?? '',
      ].filter(Boolean);
      out.push(
        `      • [${e.context}${flags.length ? `, ${flags.join(', ')}` : ''}] “${truncate(e.sentence, 140)}” @${e.span.start}-${e.span.end}`,
      );
    }
    if (r.alternatives?.length)
      out.push(`      also: ${r.alternatives.map((a) => `${a.name} (${percent(a.score)})`).join(', ')}`);
  }
  if (match.diagnostics.length) {
    out.push('', 'Diagnostics:');
    for (const d of match.diagnostics) out.push(`  ${d.severity} ${d.code} [${d.source}]: ${d.message}`);
  }
  return `${out.join('\n')}\n`;
}
