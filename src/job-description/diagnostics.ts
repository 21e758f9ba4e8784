/**
 * What the reader tells about a job description: the `Diagnostic`s on the role it returns, and the
 * `role-empty` error when the description asks for no technology. Codes are stable: `jd-input`,
 * `jd-title`, `jd-section`, `jd-lone-item`, `jd-dropped`, `jd-demoted`.
 */
import { ValidationError } from '../errors.js';
import type { Diagnostic, DiagnosticCode } from '../types.js';
import type { Candidate, Note } from './requirements.js';
import type { Layout } from './sections.js';

/** Most diagnostics of one code on a role; the rest are counted in one closing diagnostic of that code. */
export const MAX_DIAGNOSTICS_PER_CODE = 100;

/** A role's diagnostics, at most `MAX_DIAGNOSTICS_PER_CODE` of a code, so a hostile posting cannot bloat the role. */
export class DiagnosticLog {
  private readonly list: Diagnostic[] = [];
  private readonly counts = new Map<DiagnosticCode, number>();

  add(diagnostic: Diagnostic): void {
    const count = (this.counts.get(diagnostic.code) ?? 0) + 1;
    this.counts.set(diagnostic.code, count);
    if (count <= MAX_DIAGNOSTICS_PER_CODE) this.list.push(diagnostic);
  }

  /** The diagnostics, with one closing line per code that had more than the cap. */
  finish(): Diagnostic[] {
    for (const [code, count] of this.counts) {
      if (count > MAX_DIAGNOSTICS_PER_CODE)
        this.list.push({
          severity: 'info',
          code,
          message: `${count - MAX_DIAGNOSTICS_PER_CODE} more ${code} diagnostics not listed`,
          source: 'role',
        });
    }
    return this.list;
  }
}

/** A skill met in the description, and why it asks for nothing (`null`: it was read). */
export interface SkillSeen {
  name: string;
  why: string | null;
}

function quoted(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return `"${flat.length > max ? `${flat.slice(0, max - 1)}…` : flat}"`;
}

/** `jd-title` and `jd-section` diagnostics: where the title came from, and how each heading was read. */
export function describeLayout(log: DiagnosticLog, layout: Layout, override: string | null, title: string): void {
  if (override !== null)
    log.add({ severity: 'info', code: 'jd-title', message: `title ${quoted(title)} from ${override}`, source: 'role' });
  else if (layout.title !== null)
    log.add({
      severity: 'info',
      code: 'jd-title',
      message: `title ${quoted(title)} from ${layout.title.from}: it names the job and asks for nothing`,
      source: 'role',
      ...(layout.title.span === undefined ? {} : { span: layout.title.span }),
    });
  else
    log.add({
      severity: 'warning',
      code: 'jd-title',
      message: `no title found (the first line is not a job title, a "Job Title:" label or a JobPosting title): titled ${quoted(title)}`,
      source: 'role',
    });
  for (const span of layout.titleMentions) {
    log.add({
      severity: 'info',
      code: 'jd-title',
      message: 'the job named again after a title label: it asks for nothing',
      source: 'role',
      span,
    });
  }
  for (const heading of layout.headings) {
    const where = heading.inline ? 'label' : 'heading';
    const diagnostic: Diagnostic =
      heading.reading === null
        ? {
            severity: 'warning',
            code: 'jd-section',
            message: `${where} ${quoted(heading.label)} is not a known heading wording: read as about the company or the process, where only listed items count, as bonus`,
            source: 'role',
            span: heading.span,
          }
        : {
            severity: 'info',
            code: 'jd-section',
            message: `${where} ${quoted(heading.label)} read as ${heading.reading}`,
            source: 'role',
            span: heading.span,
          };
    if (heading.place !== undefined) diagnostic.place = heading.place;
    log.add(diagnostic);
  }
  if (!layout.structured) {
    log.add({
      severity: 'info',
      code: 'jd-section',
      message:
        'no heading of a section that asks (requirements, nice to have, responsibilities): the whole advert is read as responsibilities, its phrasing deciding what is required',
      source: 'role',
    });
  }
}

/** `jd-dropped` and `jd-demoted` diagnostics, one per note. */
export function describeNotes(log: DiagnosticLog, notes: readonly Note[], nameOf: (id: string) => string): void {
  for (const n of notes) {
    const names = n.members.map(nameOf).join(' or ');
    const code = n.kind === 'dropped' ? 'jd-dropped' : 'jd-demoted';
    log.add({
      severity: 'info',
      code,
      message: `${names} ${n.kind === 'dropped' ? 'not asked for' : 'asked for less'}: ${n.reason}`,
      source: 'role',
      span: n.span,
    });
  }
}

/** What the `role-empty` message draws on. */
export interface EmptyContext {
  layout: Layout;
  notes: readonly Note[];
  seen: Map<string, SkillSeen>;
  /** Words the extractor did not count as skills in their context ("We love Kafka"). */
  ambiguous: readonly string[];
  accepted: readonly Candidate[];
  facts: { name(id: string): string; kind(id: string): string };
}

/** Most skills and headings named in the `role-empty` message. */
const MAX_NAMED = 12;

function listed(items: readonly string[], what: string): string {
  if (items.length === 0) return `no ${what}`;
  const shown = items.slice(0, MAX_NAMED).join(', ');
  return items.length > MAX_NAMED ? `${shown} and ${items.length - MAX_NAMED} more` : shown;
}

/**
 * The `role-empty` error: the description asks for no technology. Its message names the lines and
 * sections read and every skill seen with why it asks for nothing, so the author can fix the posting.
 */
export function roleEmpty({ layout, notes, seen, ambiguous, accepted, facts }: EmptyContext): ValidationError {
  for (const n of notes) {
    if (n.kind !== 'dropped' || n.why === undefined || n.why === 'repeated') continue;
    for (const id of n.members) {
      const skill = seen.get(id) ?? { name: facts.name(id), why: null };
      if (skill.why === null) seen.set(id, { ...skill, why: n.why });
    }
  }
  const asked = new Set(accepted.flatMap((c) => c.members));
  const skills = [...seen].map(([id, skill]) => {
    const kind = facts.kind(id);
    if (asked.has(id)) return `${skill.name} (${kind}, asked for)`;
    if (skill.why !== null) return `${skill.name} (${kind === 'technology' ? '' : `${kind}, `}dropped: ${skill.why})`;
    return `${skill.name} (${kind})`;
  });
  const headings = [...new Set(layout.headings.map((h) => quoted(h.label, 40)))];
  const under = headings.length === 0 ? 'with no headings' : `under ${listed(headings, 'headings')}`;
  const why =
    accepted.length === 0 ? 'asks for no skill of the taxonomy' : 'asks only for practices or concepts, no technology';
  const title =
    layout.title === null ? '' : ` (${quoted(layout.title.text, 40)}, from ${layout.title.from}, as the title)`;
  const words = [...new Set(ambiguous)].map((word) => quoted(word, 30));
  const prose =
    words.length === 0
      ? ''
      : `; words read as ordinary words where they stand (a list item of one name counts): ${listed(words, 'words')}`;
  const message = `Found no technology in the job description, so no role can be built: it ${why}. Read ${layout.lines} line${layout.lines === 1 ? '' : 's'}${title} ${under}; skills seen: ${listed(skills, 'skill of the taxonomy')}${prose}.`;
  const issues = [
    { code: 'no-technology', path: [], message: `${why}; skills seen: ${listed(skills, 'skill of the taxonomy')}` },
  ];
  for (const n of notes.slice(0, MAX_NAMED))
    if (n.kind === 'dropped')
      issues.push({
        code: 'jd-dropped',
        path: [],
        message: `${n.members.map(facts.name).join(' or ')}: ${n.reason}`.slice(0, 300),
      });
  return new ValidationError('role-empty', message, issues);
}
