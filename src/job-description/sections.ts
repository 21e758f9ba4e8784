/**
 * The layout of a job description: its title, its headings (a line of their own, or a label
 * inside a line as scraped adverts run every section together), and the section each part of
 * each line belongs to. Knows nothing of requirements: `clauses.ts` reads the parts.
 */
import type { Span } from '../types.js';
import {
  BARE_HEADING,
  BOILERPLATE,
  BULLET,
  HEADING_ROWS,
  INLINE_LABEL,
  INLINE_RESPONSIBILITY_LABEL,
  ITEM_LINE,
  LABEL_OPENER,
  matchesOf,
  TITLE_CASE_LABEL,
  TITLE_LABEL,
  TITLE_SUFFIX,
  TITLE_WORD,
  type HeadingRow,
  type JdSection,
} from './patterns.js';

/** A part of a line that belongs to one section. */
export interface Segment {
  /** Offsets of the part in the text read. */
  start: number;
  end: number;
  section: JdSection;
  /** Before the first heading of a section that asks (requirements, nice to have, responsibilities). */
  preamble: boolean;
  /** The line is a list item (bullet or number). */
  bullet: boolean;
  /** The line holding the part, and where it starts: brackets and years are read on the whole line. */
  line: string;
  lineStart: number;
}

/** A heading as it was read, for the `jd-section` diagnostics and the `role-empty` message. */
export interface HeadingRead {
  /** The heading as written, without decoration. */
  label: string;
  span: Span;
  section: JdSection;
  /** How its section is read; `null` when the wording is not a known heading (read as `other`). */
  reading: string | null;
  /** Inside a line ("Requirements: Python, SQL") rather than a line of its own. */
  inline: boolean;
  /** Where a rendered JobPosting's heading came from. */
  place?: string;
}

/** The title and where it came from. */
export interface TitleRead {
  text: string;
  span?: Span;
  from: string;
}

/** The layout of a job description. */
export interface Layout {
  segments: Segment[];
  title: TitleRead | null;
  headings: HeadingRead[];
  /** Some heading opened a section that asks; without one, the advert is prose, read as responsibilities. */
  structured: boolean;
  /** Non-empty lines read. */
  lines: number;
  /** Title-like label contents after the title ("Position: Python Developer"): named, not asked. */
  titleMentions: Span[];
}

/** What the layout reader needs to know of the text's skills and of how it was decoded. */
export interface LayoutContext {
  /** Lines known to be headings (HTML `<h1>`–`<h6>`, a rendered JobPosting's), by start offset. */
  headingLines: ReadonlySet<number>;
  headingPlaces: ReadonlyMap<number, string>;
  /** The first line is the title (a rendered JobPosting's). */
  titleLine: boolean;
  /** Whether a skill is mentioned in `[start, end)` of the text. */
  skillIn(start: number, end: number): boolean;
  /** Whether a phrase, as a whole, names a skill of the taxonomy ("Kafka", "Spring"). */
  isSkillName(phrase: string): boolean;
}

/** A heading label as the rows read it: lower case, straight quotes, without markdown, numbering and the closing colon. */
export function normaliseLabel(text: string): string {
  return text
    .replace(/[’‘`]/g, "'")
    .replace(/^[\s#*_>]+|^\d{1,2}[.)]\s+/g, '')
    .replace(/[\s*_:：\-–—]+$/, '')
    .replace(/^[\s*_]+/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** The row a heading label matches, first match wins. */
export function headingRow(label: string): HeadingRow | undefined {
  return HEADING_ROWS.find((row) => row.pattern.test(label));
}

function wordCount(text: string): number {
  let count = 0;
  for (const _ of text.matchAll(/\S+/g)) if (++count > 50) break;
  return count;
}

/** Every word of four letters or more starts with a capital ("Back End Developer Job Description Template"). */
function titleCased(text: string): boolean {
  const words = text.match(/[A-Za-z][A-Za-z'’-]*/g) ?? [];
  return (
    words.length > 0 && words.some((w) => /^[A-Z]/.test(w)) && words.every((w) => w.length < 4 || /^[A-Z]/.test(w))
  );
}

function allCaps(text: string): boolean {
  const letters = text.replace(/[^A-Za-z]/g, '');
  return letters.length >= 4 && letters === letters.toUpperCase();
}

interface LineHeading {
  section: JdSection;
  row: HeadingRow | undefined;
  label: string;
}

/**
 * Whether a line is a heading, and of which section. A known wording ("Requirements", "What you'll
 * need", "Nice to have") on a short line is one, in any case, with or without a colon, unless the line
 * opens like an item ("Strong communication skills"); an unknown short line is a heading of `other`
 * only when it looks like one (marked up, ending in ":" or "?", or a Title Case line after a blank line)
 * and names no skill — so "Kafka" or "Python and Django" on a line of their own stay items.
 */
function lineHeading(
  line: string,
  lineStart: number,
  context: LayoutContext,
  blankBefore: boolean,
): LineHeading | null {
  const trimmed = line.trim();
  if (trimmed === '' || BULLET.test(line)) return null;
  const introduces = /[:：]\s*\**$/.test(trimmed) && trimmed.length <= 200;
  // "Skills: Java, Kotlin" is a label with its content, read by the inline rule.
  if (/[:：]\s+\S/.test(trimmed.replace(/[:：]\s*\**$/, ''))) return null;
  const label = normaliseLabel(trimmed);
  if (label === '') return null;
  const known = context.headingLines.has(lineStart);
  const marked = known || /^#{1,6}\s/.test(trimmed) || /^(\*\*|__).+(\*\*|__):?$/.test(trimmed) || allCaps(trimmed);
  const words = wordCount(label);
  const hasSkill = context.skillIn(lineStart, lineStart + line.length);
  // A long line naming skills before its closing label ("… (AWS, Azure) Preferred Qualifications:") is content and a label: the inline rule reads it.
  if (introduces && hasSkill && !marked && words > 8) return null;
  if (!introduces && !known && (label.length > 80 || words > 10 || /[.!,;]$/.test(trimmed))) return null;
  const row = headingRow(label);
  if (row !== undefined) {
    // "Kafka experience", "Strong communication skills": items that hold a heading word.
    if (!marked && !introduces && (hasSkill || ITEM_LINE.test(label))) return null;
    return { section: row.section, row, label: trimmed };
  }
  if (hasSkill || context.isSkillName(label) || ITEM_LINE.test(label)) return null;
  // A lead-in sentence ("You should be comfortable with:") stays in its section; a short or Title Case label opens `other`.
  const opens =
    marked ||
    /\?$/.test(trimmed) ||
    (introduces && (words <= 3 || titleCased(trimmed))) ||
    (blankBefore && words <= 10 && titleCased(trimmed));
  return opens ? { section: 'other', row: undefined, label: trimmed } : null;
}

/**
 * A title-like phrase: capitalised, no sentence or example marks, and either a job title word in a
 * Title Case or short phrase ("Senior Java Developer", "Data engineer") or a Title Case phrase
 * without a skill ("Acme Careers"). "Support engineers through code reviews" is a sentence.
 */
function titleLike(text: string, hasSkill: boolean): boolean {
  const words = wordCount(text);
  if (
    !/^[^a-z]*[A-Z0-9]/.test(text) ||
    text.length > 100 ||
    words > 12 ||
    /[.!?,;:]$/.test(text) ||
    ITEM_LINE.test(text)
  )
    return false;
  if (/\b(?:e\.g|i\.e|etc|such as)\b/i.test(text)) return false;
  const bare = text.replace(/\([^()]*\)|\[[^[\]]*\]/g, ' ');
  if (TITLE_WORD.test(text)) return words <= 6 || titleCased(bare);
  return !hasSkill && titleCased(bare);
}

/** The title a first line gives, or `null` when the line is a heading, a labelled list, an item or a sentence. */
function titleOfLine(line: string, lineStart: number, context: LayoutContext): string | null {
  const text = line
    .trim()
    .replace(/^#+\s*/, '')
    .replace(/^(\*\*|__)|(\*\*|__)$/g, '')
    .trim();
  if (BULLET.test(line) || /[:：]\s/.test(text)) return null;
  // "Junior Software Developer (1-4 years experience)" is a title holding a heading word; "Requirements for Developers" is a heading.
  const label = normaliseLabel(text);
  if (
    headingRow(label) !== undefined &&
    (!TITLE_WORD.test(text) || headingRow(label.split(' ').slice(0, 2).join(' ')) !== undefined)
  )
    return null;
  if (!titleLike(text, context.skillIn(lineStart, lineStart + line.length) || context.isSkillName(text))) return null;
  const title = text.replace(TITLE_SUFFIX, '').trim();
  return title === '' ? null : title;
}

/** A mark inside a line: a label from `labelStart` whose content starts at `contentStart`. */
interface Mark {
  labelStart: number;
  contentStart: number;
  section: JdSection | 'title';
  row: HeadingRow | undefined;
}

/** The section an inline label opens, `'title'` for "Job Title:", or `null` when it is not a heading ("Location:", "Languages:"). */
function labelSection(label: string): { section: JdSection | 'title'; row: HeadingRow | undefined } | null {
  const text = normaliseLabel(label);
  if (wordCount(text) > 8) return null;
  if (TITLE_LABEL.test(text)) return { section: 'title', row: undefined };
  const row = headingRow(text);
  if (row !== undefined) return { section: row.section, row };
  if (INLINE_RESPONSIBILITY_LABEL.test(text))
    return { section: 'responsibility', row: HEADING_ROWS.find((r) => r.section === 'responsibility') };
  return null;
}

/**
 * A label naming a skill is not a label ("Java: 5+ years", "Experience with Python, Go: 3 years"),
 * unless a label word follows the last skill ("Java Preferred Qualifications:" is the label
 * "Preferred Qualifications" after Java). Returns where the label starts, or -1.
 */
function labelStartAfterSkills(
  line: string,
  lineStart: number,
  from: number,
  to: number,
  context: LayoutContext,
): number {
  if (!context.skillIn(lineStart + from, lineStart + to)) return from;
  const words = [...line.slice(from, to).matchAll(/\S+/g)];
  for (let w = words.length - 1; w >= 0; w--) {
    const at = from + words[w]!.index;
    if (context.skillIn(lineStart + from, lineStart + at + words[w]![0].length)) {
      const next = words[w + 1];
      return next !== undefined && LABEL_OPENER.test(next[0]) ? from + next.index : -1;
    }
  }
  return -1;
}

/** Every heading found inside a line, in order, overlapping ones dropped. */
function marksOf(line: string, lineStart: number, context: LayoutContext): Mark[] {
  const marks: Mark[] = [];
  const push = (labelStart: number, labelEnd: number, contentStart: number): void => {
    const start = labelStartAfterSkills(line, lineStart, labelStart, labelEnd, context);
    if (start < 0) return;
    const read = labelSection(line.slice(start, labelEnd));
    if (read !== null) marks.push({ labelStart: start, contentStart, ...read });
  };
  // Labels end in a colon: a line without one has none (most list items), so their patterns are not run.
  const colon = line.includes(':');
  for (const match of colon ? matchesOf(INLINE_LABEL, line) : []) {
    const labelStart = match.index + match[1]!.length;
    push(labelStart, labelStart + match[2]!.length, match.index + match[0].length);
  }
  for (const match of colon ? matchesOf(TITLE_CASE_LABEL, line) : []) {
    // The longest tail of the Title Case run that opens like a label ("Secret clearance Additional Experience (Not Required)").
    const opener = [...match[1]!.matchAll(/\S+/g)].find((word) => LABEL_OPENER.test(word[0]));
    if (opener !== undefined)
      push(match.index + opener.index, match.index + match[1]!.length, match.index + match[0].length);
  }
  for (const match of matchesOf(BARE_HEADING, line)) {
    const read = labelSection(match[1]!);
    if (read !== null && read.section !== 'title')
      marks.push({ labelStart: match.index, contentStart: match.index + match[0].length, ...read });
  }
  for (const match of matchesOf(BOILERPLATE, line))
    marks.push({
      labelStart: match.index,
      contentStart: match.index,
      section: 'other',
      row: HEADING_ROWS.find((r) => r.section === 'other'),
    });
  marks.sort((a, b) => a.labelStart - b.labelStart || b.contentStart - a.contentStart);
  const kept: Mark[] = [];
  let end = 0;
  for (const mark of marks) {
    if (mark.labelStart < end) continue;
    kept.push(mark);
    end = Math.max(mark.contentStart, mark.labelStart + 1);
  }
  return kept;
}

/** Reads the layout of a job description. */
export function readLayout(text: string, context: LayoutContext): Layout {
  const layout: Layout = { segments: [], title: null, headings: [], structured: false, lines: 0, titleMentions: [] };
  let section: JdSection = 'other';
  let offset = 0;
  let first = true;
  let blankBefore = true;
  const open = (next: JdSection): void => {
    section = next;
    if (next !== 'other') layout.structured = true;
  };
  for (const raw of text.split('\n')) {
    const lineStart = offset;
    offset += raw.length + 1;
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '') {
      blankBefore = true;
      continue;
    }
    layout.lines++;
    const span = { start: lineStart + (line.length - line.trimStart().length), end: lineStart + line.trimEnd().length };
    if (first) {
      first = false;
      const title = context.titleLine ? line.trim() : titleOfLine(line, lineStart, context);
      if (title !== null) {
        layout.title = { text: title, span, from: context.titleLine ? 'the JobPosting title' : 'the first line' };
        blankBefore = false;
        continue;
      }
    }
    const heading = lineHeading(line, lineStart, context, blankBefore);
    blankBefore = false;
    if (heading !== null) {
      open(heading.section);
      const place = context.headingPlaces.get(lineStart);
      layout.headings.push({
        label: heading.label,
        span,
        section: heading.section,
        reading: heading.row?.reading ?? null,
        inline: false,
        ...(place === undefined ? {} : { place }),
      });
      continue;
    }
    readLine(line, lineStart, context, layout, () => section, open);
  }
  return layout;
}

/** Splits one line at its inline headings and adds its parts to the layout. */
function readLine(
  line: string,
  lineStart: number,
  context: LayoutContext,
  layout: Layout,
  section: () => JdSection,
  open: (next: JdSection) => void,
): void {
  const bullet = BULLET.test(line);
  const add = (from: number, to: number): void => {
    if (line.slice(from, to).trim() !== '')
      layout.segments.push({
        start: lineStart + from,
        end: lineStart + to,
        section: section(),
        preamble: !layout.structured,
        bullet,
        line,
        lineStart,
      });
  };
  const marks = marksOf(line, lineStart, context);
  let from = 0;
  for (const [m, mark] of marks.entries()) {
    add(from, mark.labelStart);
    const to = marks[m + 1]?.labelStart ?? line.length;
    const label = line
      .slice(mark.labelStart, mark.contentStart)
      .replace(/[\s:：\-–—]+$/, '')
      .trim();
    const span = { start: lineStart + mark.labelStart, end: lineStart + mark.labelStart + label.length };
    from = mark.contentStart;
    if (mark.section === 'title') {
      // "Position: Senior Python Developer." names the job; "Role: you will build APIs" describes it.
      const content = line.slice(mark.contentStart, to);
      const cut = content.search(/[.!?;|]\s|[.!?;|]?$/);
      const name = content.slice(0, cut).trim();
      const nameStart = lineStart + mark.contentStart + content.indexOf(name);
      if (wordCount(name) <= 8 && titleLike(name, context.skillIn(nameStart, nameStart + name.length))) {
        const nameSpan = { start: nameStart, end: nameStart + name.length };
        if (layout.title === null) layout.title = { text: name, span: nameSpan, from: `the "${label}" label` };
        else layout.titleMentions.push(nameSpan);
        from = mark.contentStart + cut;
        continue;
      }
      open('responsibility');
      layout.headings.push({
        label,
        span,
        section: 'responsibility',
        reading: HEADING_ROWS.find((r) => r.section === 'responsibility')!.reading,
        inline: true,
      });
      continue;
    }
    open(mark.section);
    layout.headings.push({
      label: label === '' ? line.slice(mark.labelStart, Math.min(line.length, mark.labelStart + 40)).trim() : label,
      span,
      section: mark.section,
      reading: mark.row?.reading ?? null,
      inline: true,
    });
  }
  add(from, line.length);
}

/** Whether a text has headings of its own (known wordings, as lines or labels): a JobPosting description without any is its body. */
export function hasHeadings(text: string): boolean {
  const none: LayoutContext = {
    headingLines: new Set(),
    headingPlaces: new Map(),
    titleLine: false,
    skillIn: () => false,
    isSkillName: () => false,
  };
  let offset = 0;
  for (const line of text.split('\n')) {
    const start = offset;
    offset += line.length + 1;
    const heading = lineHeading(line, start, none, false);
    if (heading?.row !== undefined) return true;
    if (marksOf(line, start, none).some((mark) => mark.row !== undefined && mark.row.section !== 'other')) return true;
  }
  return false;
}
