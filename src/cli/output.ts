/**
 * Rendering for the CLI: aligned tables, CSV, a progress bar, and the plain-text views of a
 * document and of a match. Pure functions of their input, apart from the progress bar.
 *
 * Everything printed comes from untrusted files (their text, their names, ZIP entry names, parser
 * messages), so what reaches a terminal is escaped: C0 and C1 control characters (an OSC sequence in
 * a résumé retitled the terminal), DEL, and the bidi embedding, override and isolate controls that
 * reorder what is shown (Trojan Source). CSV cells that a spreadsheet would run as a formula are
 * prefixed with `'`.
 */
import type { ExtractedSkill, MatchResult, RequirementResult, ResumeDocument } from '../types.js';

/** Controls that act on a terminal, bidi controls that reorder text, and line breaks: nothing of it may reach a one-line field raw. */
const UNSAFE_IN_LINE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** The same, less tab and line feed, for multi-line text. */
const UNSAFE_IN_BLOCK = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** What JSON.stringify leaves raw but a terminal acts on (it escapes U+0000–U+001F itself). */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function escapeChar(ch: string): string {
  const code = ch.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** One-line text for a terminal: control, bidi and line-break characters shown as `\x1b`, `\u202e`. */
export function safeLine(text: string): string {
  return text.replace(UNSAFE_IN_LINE, escapeChar);
}

/** Multi-line text for a terminal: as `safeLine`, keeping tab and line feed. */
export function safeBlock(text: string): string {
  return text.replace(UNSAFE_IN_BLOCK, escapeChar);
}

/** JSON text with DEL, C1 and bidi controls written as `\u` escapes: the same value when parsed, inert on a terminal. */
export function safeJson(json: string): string {
  return json.replace(UNSAFE_IN_JSON, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Display width of a string: code points, with East Asian wide characters counted twice. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp >= 0x300 && cp <= 0x36f) continue;
    width += (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6) ? 2 : 1;
  }
  return width;
}

/** Cuts a string to `max` display columns, ending in `…` when cut. */
export function truncate(text: string, max: number): string {
  if (displayWidth(text) <= max) return text;
  let out = '';
  let width = 0;
  for (const ch of text) {
    const w = displayWidth(ch);
    if (width + w > max - 1) break;
    out += ch;
    width += w;
  }
  return `${out}…`;
}

function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

function padStart(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(text))) + text;
}

export interface Column {
  header: string;
  /** Right-align (numbers). */
  right?: boolean;
  /** Cut cells wider than this. */
  max?: number;
}

/** A plain aligned table: a header, a rule, and one line per row. */
export function renderTable(columns: readonly Column[], rows: readonly string[][]): string {
  // Escaped before measuring, so the escapes are counted in the widths.
  const cells = rows.map((row) => row.map((raw, i) => {
    const cell = safeLine(raw);
    return columns[i]?.max ? truncate(cell, columns[i].max) : cell;
  }));
  const widths = columns.map((c, i) => Math.max(displayWidth(c.header), ...cells.map((row) => displayWidth(row[i] ?? ''))));
  const line = (row: readonly string[]): string =>
    row
      .map((cell, i) => (columns[i]?.right ? padStart(cell, widths[i] ?? 0) : padEnd(cell, widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => c.header)), widths.map((w) => '─'.repeat(w)).join('  '), ...cells.map(line)].join('\n') + '\n';
}

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
export function createProgressBar(stream: NodeJS.WriteStream, total: number): { update(done: number, label?: string): void; clear(): void } {
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
  out.push(`${file}: ${doc.meta.format}${pages}, ${doc.meta.bytes} bytes, ${doc.lines.length} lines`);
  if (doc.diagnostics.length) {
    out.push('', 'Diagnostics:');
    for (const d of doc.diagnostics) out.push(`  ${d.severity} ${d.code}: ${d.message}${d.place ? ` (${d.place})` : ''}`);
  }
  out.push('', 'Sections:');
  for (const s of doc.sections) out.push(`  ${padEnd(s.kind, 15)} ${s.heading ? JSON.stringify(s.heading) : '(untitled top)'}  [${s.span.start}, ${s.span.end})`);
  out.push('', 'Timeline:');
  if (doc.timeline.length === 0) out.push('  (no dated experience entries)');
  for (const t of doc.timeline) {
    const who = [t.title, t.organisation].filter(Boolean).join(' @ ') || doc.text.slice(t.span.start, t.span.end).split('\n')[0]?.trim() || '';
    out.push(`  ${t.start} – ${t.end ?? 'present'}  ${who}  ("${doc.text.slice(t.dateSpan.start, t.dateSpan.end)}")`);
  }
  out.push('', 'Text:', ...doc.text.split(/\r?\n/).map((l) => `  ${l}`));
  return out.join('\n') + '\n';
}

function contextsOf(skill: ExtractedSkill): string {
  const counts = new Map<string, number>();
  for (const m of skill.mentions) counts.set(m.context, (counts.get(m.context) ?? 0) + 1);
  return [...counts].map(([c, n]) => (n > 1 ? `${c}×${n}` : c)).join(' ');
}

/** One file's extracted skills as a table. */
export function renderSkillsTable(file: string, skills: readonly ExtractedSkill[]): string {
  const rows = skills.map((s) => {
    const flags = [s.mentions.every((m) => m.negated) ? 'negated' : '', s.mentions.every((m) => m.aspiration) ? 'aspiration' : '', s.mentions.some((m) => m.fuzzy) ? 'fuzzy' : ''].filter(Boolean).join(' ');
    return [s.name, s.id, s.category, String(s.months), s.lastUsed ?? '', s.claimedYears === null ? '' : String(s.claimedYears), String(s.mentions.length), contextsOf(s), flags];
  });
  const table = renderTable(
    [{ header: 'skill', max: 28 }, { header: 'id', max: 28 }, { header: 'category', max: 18 }, { header: 'months', right: true }, { header: 'last used' }, { header: 'claimed', right: true }, { header: 'mentions', right: true }, { header: 'contexts', max: 40 }, { header: 'flags' }],
    rows,
  );
  return `${file} — ${skills.length} skill${skills.length === 1 ? '' : 's'}\n${table}`;
}

function statusMark(status: RequirementResult['status']): string {
  return status === 'met' ? '✔ met    ' : status === 'partial' ? '◐ partial' : '✘ missing';
}

/** The full explanation of one candidate against one role. */
export function renderMatchText(file: string, match: MatchResult): string {
  const out: string[] = [];
  out.push(`${file} against ${match.role.title} (${match.role.id})`);
  out.push(`Score ${match.score.toFixed(1)} / 100 — must-haves ${match.mustHavesMet ? 'met' : `NOT met (missing: ${match.missingRequired.join(', ')})`}`);
  out.push('', match.summary, '', 'Requirements:');
  for (const r of match.requirements) {
    const via = r.via && r.via !== 'direct' ? ` via ${r.via}${r.skill ? ` ${r.skill.name}` : ''}` : r.skill && !r.label.includes(r.skill.name) ? ` (${r.skill.name})` : '';
    const years = r.requirement.minYears !== undefined ? `, wants ${r.requirement.minYears}+ years` : '';
    out.push(`  ${statusMark(r.status)}  ${r.label}${via} — ${r.importance}${years}, score ${percent(r.score)}`);
    if (r.status !== 'missing') {
      const used = r.months > 0 ? `${r.months} month${r.months === 1 ? '' : 's'} of dated use${r.lastUsed ? `, last used ${r.lastUsed}` : ''}` : 'not in a dated role';
      const facts = [used, r.claimedYears !== null ? `claims ${r.claimedYears} years` : ''].filter(Boolean);
      out.push(`      ${facts.join(', ')}`);
    }
    for (const e of r.evidence) {
      const flags = [e.negated ? 'negated' : '', e.aspiration ? 'aspiration' : '', e.fuzzy ? 'fuzzy' : '', e.level ?? ''].filter(Boolean);
      out.push(`      • [${e.context}${flags.length ? `, ${flags.join(', ')}` : ''}] “${truncate(e.sentence, 140)}” @${e.span.start}-${e.span.end}`);
    }
    if (r.alternatives?.length) out.push(`      also: ${r.alternatives.map((a) => `${a.name} (${percent(a.score)})`).join(', ')}`);
  }
  if (match.diagnostics.length) {
    out.push('', 'Diagnostics:');
    for (const d of match.diagnostics) out.push(`  ${d.severity} ${d.code} [${d.source}]: ${d.message}`);
  }
  return out.join('\n') + '\n';
}
