/**
 * The format-independent structure of a résumé: lines, sections and the experience timeline.
 * Every reader (PDF, DOCX, HTML, text) produces text and lines, then calls {@link structureDocument}.
 */
import type { Diagnostic, Section, SectionKind, Span, TimelineEntry } from '../types.js';
import { resolveAsOf } from '../util/month.js';
import { findDateRanges, mayHoldYear } from './dates.js';
import { checkDocumentDate } from './document-date.js';
import { detectHeading, findTrailingHeading } from './sections.js';
import {
  continuesRange,
  FLATTENED_MIN_LENGTH,
  isBlankCode,
  isGapAt,
  readFlattened,
  splitFlattenedLine,
  trimSpan,
} from './flattened.js';
import { buildTimeline, hasTitleWord, isEducationText, type TextUnit } from './timeline.js';
import { copyUnit, emptyUnitTexts, pushUnit, TextIds, type UnitTexts, verdictByText } from './unit-texts.js';

/** Line terminators other than "\n". */
const OTHER_BREAKS = /[\r\u2028\u2029]/;

/**
 * Calls `visit` with the bounds of each line of `text` (see {@link splitLines}), in order, without building a
 * span for it.
 */
function forEachLine(text: string, visit: (start: number, end: number, index: number) => void): void {
  let start = 0;
  let index = 0;
  const n = text.length;
  // Most texts break lines with "\n" alone: a native search finds each break.
  if (!OTHER_BREAKS.test(text)) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
      visit(start, i, index++);
      start = i + 1;
    }
    if (start < n || index === 0) visit(start, n, index);
    return;
  }
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 0x2028 || code === 0x2029) {
      visit(start, i, index++);
      start = i + 1;
    } else if (code === 13) {
      visit(start, i, index++);
      if (text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  if (start < n || index === 0) visit(start, n, index);
}

/**
 * One span per line of `text`, line terminators (`\n`, `\r\n`, `\r`, `\u2028`, `\u2029`) excluded.
 * An empty text has one empty line; a trailing terminator ends the last line without opening another.
 *
 * @example splitLines('a\r\nb') // → [{start: 0, end: 1}, {start: 3, end: 4}]
 */
export function splitLines(text: string): Span[] {
  if (typeof text !== 'string') throw new TypeError('`text` must be a string');
  const lines: Span[] = [];
  forEachLine(text, (start, end) => lines.push({ start, end }));
  return lines;
}

/** Input of {@link structureDocument}. */
export interface StructureInput {
  text: string;
  /**
   * One span per line (see {@link splitLines}).
   * @default the lines {@link splitLines} finds in `text`, read without building their spans
   */
  lines?: Span[];
  /** Indexes into `lines` the format marks as headings (DOCX heading styles, HTML h1–h6, Markdown `#`). */
  headingLines?: number[];
  /**
   * The month the résumé is read in, `YYYY-MM`: "present" and two-digit years are read against it.
   * @default the current month (UTC)
   */
  asOf?: string;
  /**
   * The month the résumé was written in, `YYYY-MM` (see `ResumeDocument.documentDate`): a first-listed job the
   * résumé dates only by its length ("Years of Experience: 2 Years") is taken to end in it.
   * @default asOf
   */
  documentDate?: string;
}

/** Output of {@link structureDocument}. */
export interface StructureResult {
  sections: Section[];
  timeline: TimelineEntry[];
  diagnostics: Diagnostic[];
}

/**
 * The units headings and entries are read from: each non-blank line, trimmed. A flattened line (a whole résumé
 * whose line breaks became runs of spaces) is read as the lines it was (see `flattened.ts`); a line of table cells
 * joined by tabs is cut into its cells.
 */
function unitsOf(text: string, lines: Span[] | undefined): UnitTexts<TextUnit> {
  const units: TextUnit[] = [];
  const lineUnits = (from: number, to: number, index: number): void => {
    let start = from;
    let end = to;
    while (start < end && isBlankCode(text.charCodeAt(start))) start++;
    while (end > start && isBlankCode(text.charCodeAt(end - 1))) end--;
    if (start >= end) return;
    // Most lines are too short to be flattened: a unit each, as they are.
    if (end - start < FLATTENED_MIN_LENGTH) {
      units.push({ start, end, line: index });
      return;
    }
    const span = { start, end };
    const flattened = readFlattened(text, span);
    if (flattened.kind === 'spaces') splitFlattenedLine(text, span, index, units, flattened.pieces);
    else if (flattened.kind === 'cells') splitCells(text, span, index, units);
    else units.push({ start: span.start, end: span.end, line: index });
  };
  if (lines === undefined) forEachLine(text, lineUnits);
  else
    lines.forEach((line, index) => {
      // Spans from a reader are trusted for their meaning but never for their bounds.
      if (
        line !== null &&
        typeof line === 'object' &&
        line.start >= 0 &&
        line.end <= text.length &&
        line.start <= line.end
      )
        lineUnits(line.start, line.end, index);
    });
  return splitTrailingHeadings(text, units);
}

/** A line of cells: a unit per cell, a date range whose dash was lost across two cells ("2013<tab>Present") kept whole. */
function splitCells(text: string, span: Span, index: number, units: TextUnit[]): void {
  let from = span.start;
  for (let i = span.start; i <= span.end; i++) {
    const atEnd = i === span.end;
    if (atEnd || isGapAt(text, i)) {
      const piece = trimSpan(text, from, i);
      if (piece.end > piece.start) {
        const previous = units[units.length - 1];
        if (previous !== undefined && previous.line === index && continuesRange(text, previous, piece))
          previous.end = piece.end;
        else units.push({ start: piece.start, end: piece.end, line: index });
      }
      while (i < span.end && isBlankCode(text.charCodeAt(i))) i++;
      from = i;
    }
  }
}

/** Shortest unit that may hold text and a heading glued to its end ("Python, Sql Education Details"). */
const MIN_GLUED_LENGTH = 12;

/** Where a heading glued to the end of a unit's text starts, or -1 (see {@link splitTrailingHeadings}). */
function trailingHeadingAt(value: string): number {
  if (value.length < MIN_GLUED_LENGTH) return -1;
  // Most lines end in no heading at all; the whole-line check only runs for those that might.
  const at = findTrailingHeading(value);
  if (at <= 0) return -1;
  const whole = detectHeading(value);
  return whole !== null && !whole.inline ? -1 : at;
}

/**
 * Units ending in a heading that lost its line break ("… Sql, Java Education Details", "18 monthsCompany
 * Details") become two units, the text and the heading, so the heading starts its section where it is written.
 * Every unit's text is cut out and numbered here, once for the whole stage (see `unit-texts.ts`).
 */
function splitTrailingHeadings(text: string, units: TextUnit[]): UnitTexts<TextUnit> {
  const numbering = new TextIds();
  const values: string[] = new Array(units.length);
  const ids: number[] = new Array(units.length);
  // Where each text's glued heading starts, by the text's number: a repeated line is read once.
  const atById: number[] = [];
  let glued = 0;
  for (let u = 0; u < units.length; u++) {
    const unit = units[u] as TextUnit;
    const id = numbering.idOf(text.slice(unit.start, unit.end));
    // The text first seen with this number (see `pushUnit`).
    const value = numbering.texts[id] as string;
    values[u] = value;
    ids[u] = id;
    let at = atById[id];
    if (at === undefined) {
      at = trailingHeadingAt(value);
      atById[id] = at;
    }
    if (at > 0) glued++;
  }
  const whole: UnitTexts<TextUnit> = { units, values, ids, numbering };
  if (glued === 0) return whole;
  const out = emptyUnitTexts<TextUnit>(numbering);
  for (let u = 0; u < units.length; u++) {
    const unit = units[u] as TextUnit;
    const at = atById[ids[u] as number] as number;
    const head = at > 0 ? trimSpan(text, unit.start, unit.start + at) : null;
    if (head === null || head.end <= head.start) {
      copyUnit(out, whole, u);
      continue;
    }
    pushUnit(out, text, { ...unit, start: head.start, end: head.end });
    pushUnit(out, text, { ...unit, start: unit.start + at, end: unit.end });
  }
  return out;
}

const EMAIL = /[\p{L}\p{N}._%+-]{1,64}@[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63}){1,5}/u;
const PHONE = /(?:\+|\(|\b)\d[\d\s().-]{6,18}\d\b/;
const PROFILE_URL = /(?:linkedin\.com|github\.com|gitlab\.com|twitter\.com|x\.com\/|https?:\/\/|www\.)/i;

/** Does the untitled top hold contact details or a name? */
function topKind(text: string, span: Span, units: TextUnit[]): SectionKind {
  const value = text.slice(span.start, Math.min(span.end, span.start + 2000));
  if (EMAIL.test(value) || PROFILE_URL.test(value)) return 'contact';
  const phone = PHONE.exec(value);
  if (phone !== null && phone[0].replace(/\D/g, '').length >= 7) return 'contact';
  const first = units.find((unit) => unit.start >= span.start && unit.end <= span.end);
  if (first !== undefined) {
    const line = text.slice(first.start, first.end);
    // A name: two to four capitalised words, nothing else.
    if (line.length <= 50 && /^\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3}$/u.test(line)) return 'contact';
  }
  return 'summary';
}

/** Kinds whose sections hold sub-headings (job titles, skill groups), so an unknown styled line inside them is one. */
const HAS_SUBHEADINGS = new Set<SectionKind>(['experience', 'projects', 'education', 'skills', 'certifications']);

function isUpperCase(value: string): boolean {
  return /\p{Lu}/u.test(value) && value === value.toUpperCase();
}

const MONTH_NAME = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]{0,6}\\.?';
/** "September 2019", "Sep. 2019", "2022, February", "2012 , November": one dated point of a role written without a range. */
const MONTH_YEAR = new RegExp(
  `\\b${MONTH_NAME},? {0,3}(?:19|20)\\d\\d\\b|\\b(?:19|20)\\d\\d[\\t ]{0,3},? {0,3}${MONTH_NAME}\\b`,
  'i',
);
/** Only the start of a line is read for a title word: a role's header names it early, a long sentence may name anyone. */
const ROLE_WINDOW = 80;
/** What a unit needs to hold for a date to be read in it: a year, a month/year or an abbreviated year. */
const DATED_LOOK = /(?:19|20)\d\d|\d\/\d|'\d\d/;
/** Only the start of a long unit is read for its dates and schooling words. */
const DATED_WINDOW = 400;
/** Kinds whose text may hold the jobs of a résumé that never names its experience section. */
const MAY_HOLD_JOBS = new Set<SectionKind>(['contact', 'summary', 'education', 'other']);
/** …and of a flattened two-column résumé whose experience heading landed over the other column (a skills list). */
const DISPLACED_JOBS = new Set<SectionKind>([...MAY_HOLD_JOBS, 'skills']);
/** Sections of kind `other` whose dated roles are not employment (a club's vice president, a volunteer post, an award). */
const NOT_JOBS =
  /volunt|activit|award|honou?r|leadership|extra|member|affiliat|fellowship|grant|scholarship|publication|achievement|accomplishment|interest|hobb/i;

/** Per unit, 2 when its first DATED_WINDOW characters hold a date range, 1 a month and year, 0 neither. */
function datedKinds(text: string, table: UnitTexts<TextUnit>, asOf: ReturnType<typeof resolveAsOf>): number[] {
  const datedIn = (value: string): number => {
    if (!DATED_LOOK.test(value)) return 0;
    if (findDateRanges(value, { asOf }).length > 0) return 2;
    return MONTH_YEAR.test(value) ? 1 : 0;
  };
  // A unit's kind depends on its text alone: a repeated line is read once.
  const datedText = verdictByText(table, datedIn);
  return table.units.map((unit, u) =>
    unit.end - unit.start <= DATED_WINDOW ? datedText(u) : datedIn(text.slice(unit.start, unit.start + DATED_WINDOW)),
  );
}

/**
 * A résumé without an experience heading may still list dated roles: under a misnamed heading ("EDUCATION"
 * over a list of jobs), in the untitled top, or in a column flattened into one cell. A dated line (a range,
 * or a month and year) without schooling words, with a job-title word on it or on a line next to it (that
 * line itself not about schooling), is a role; one role needs a full range, two may be single dates; from the first role of a section (and the short line naming it just before, such as
 * its organisation) to the section's end becomes an experience section with heading `''`.
 * Nothing is inferred without a dated role, so a document without dates keeps its sections.
 */
function inferExperience(
  text: string,
  table: UnitTexts<TextUnit>,
  sections: Section[],
  headingSpans: Span[],
  asOf: ReturnType<typeof resolveAsOf>,
  diagnostics: Diagnostic[],
  kinds = MAY_HOLD_JOBS,
): void {
  // A text without a year, a month/year or an abbreviated year anywhere has no dated role in any unit.
  if (!DATED_LOOK.test(text)) return;
  const { units } = table;
  const headingStarts = new Set(headingSpans.map((span) => span.start));
  // Units holding a heading, found in one walk over both lists (each is in text order).
  const headingUnit = new Uint8Array(units.length);
  for (let u = 0, h = 0; u < units.length && h < headingSpans.length; ) {
    const unit = units[u] as TextUnit;
    const span = headingSpans[h] as Span;
    if (span.start < unit.start) h++;
    else if (span.start >= unit.end) u++;
    else {
      if (span.end <= unit.end) headingUnit[u] = 1;
      h++;
    }
  }
  const isHeadingUnit = (i: number): boolean => headingUnit[i] === 1;
  const head = (unit: TextUnit): string => text.slice(unit.start, Math.min(unit.end, unit.start + ROLE_WINDOW));
  const dated = datedKinds(text, table, asOf);
  const roles: number[] = [];
  let ranged = false;
  for (let i = 0; i < units.length; i++) {
    const kind = dated[i] as number;
    if (kind === 0) continue;
    const unit = units[i] as TextUnit;
    if (isEducationText(text.slice(unit.start, Math.min(unit.end, unit.start + DATED_WINDOW)))) continue;
    // The title may sit on the date line or on a line next to it ("Acme Corp" / "Sep 2019<tab>Senior Analyst").
    const titled = (k: number): boolean => {
      const u = units[k];
      return u !== undefined && !isHeadingUnit(k) && hasTitleWord(head(u)) && !isEducationText(head(u));
    };
    if (!titled(i) && !titled(i - 1) && !titled(i + 1)) continue;
    roles.push(i);
    if (kind === 2) ranged = true;
  }
  if (roles.length === 0 || (roles.length === 1 && !ranged)) return;
  // Sections and roles are both in text order: one pointer into the roles serves every section.
  const out: Section[] = [];
  let r = 0;
  for (const section of sections) {
    out.push(section);
    if (!kinds.has(section.kind) || (section.kind === 'other' && NOT_JOBS.test(section.heading))) continue;
    const contentStart = section.headingSpan === null ? section.span.start : section.headingSpan.end;
    while (r < roles.length && (units[roles[r] as number] as TextUnit).start < contentStart) r++;
    const first = roles[r];
    if (first === undefined || (units[first] as TextUnit).end > section.span.end) continue;
    let startUnit = units[first] as TextUnit;
    // The short lines naming the role just before it (one; in flattened text, its paragraph's, up to three). The
    // document's first line is the name, never a role's organisation.
    const reach = startUnit.flat === true ? MAX_FLAT_ROLE_LINES : 1;
    for (let k = first - 1; k > 0 && k >= first - reach; k--) {
      const previous = units[k] as TextUnit;
      if (
        previous.start < contentStart ||
        dated[k] !== 0 ||
        headingStarts.has(previous.start) ||
        !namesRole(text.slice(previous.start, previous.end))
      )
        break;
      if (k < first - 1 && !sameParagraph(text, previous, startUnit)) break;
      startUnit = previous;
    }
    const start = startUnit.start;
    const inferred: Section = {
      kind: 'experience',
      heading: '',
      headingSpan: null,
      span: { start, end: section.span.end },
    };
    if (!/\S/.test(text.slice(section.span.start, start))) {
      inferred.span = { start: section.span.start, end: section.span.end };
      out[out.length - 1] = inferred;
    } else {
      section.span = { start: section.span.start, end: start };
      out.push(inferred);
    }
    diagnostics.push({
      severity: 'info',
      code: 'inferred-section',
      message: `No experience heading; dated roles from "${text.slice(start, Math.min(startUnit.end, start + 60)).trim()}" on read as an experience section`,
      source: 'parse',
      span: inferred.span,
    });
  }
  sections.length = 0;
  for (const section of out) sections.push(section);
}

/**
 * A flattened two-column résumé read row by row puts its experience heading over the other column's items
 * ("WORK EXPERIENCE  Server administration  Object Orientated …") and its jobs under a later heading ("PERSONAL
 * DETAILS … Web Design Company  Coventry  PHP DEVELOPER  June 2008 - Present"). When no experience section of a
 * flattened document holds a single date, its dated roles are looked for elsewhere, as in a résumé without one.
 */
function experienceDisplaced(
  text: string,
  units: TextUnit[],
  sections: Section[],
  asOf: ReturnType<typeof resolveAsOf>,
): boolean {
  if (!units.some((unit) => unit.flat === true)) return false;
  return sections.every((section) => {
    if (section.kind !== 'experience') return true;
    const from = section.headingSpan === null ? section.span.start : section.headingSpan.end;
    const value = text.slice(from, section.span.end);
    return !mayHoldYear(value) || findDateRanges(value, { asOf }).length === 0;
  });
}

/** Most lines before a flattened role's dates that may name it: organisation, place, title. */
const MAX_FLAT_ROLE_LINES = 3;

/** Are two units of a flattened line in one paragraph (no blank line, written as four spaces or more, between)? */
function sameParagraph(text: string, before: Span, after: Span): boolean {
  return after.start - before.end < 4 && !/[\n\r\u2028\u2029]/.test(text.slice(before.end, after.start));
}

/** A short line that can head a role: an organisation or title, not a sentence. */
function namesRole(value: string): boolean {
  const trimmed = value.trim();
  // Tabbed cells and comma lists ("English<tab>Fluent, Russian<tab>Native") are a sidebar's items, not a role's name.
  if (
    trimmed.length === 0 ||
    trimmed.length > 80 ||
    /[.:;,]$/.test(trimmed) ||
    trimmed.includes('\t') ||
    trimmed.indexOf(',') !== trimmed.lastIndexOf(',')
  )
    return false;
  if (!/^[\p{Lu}\p{N}]/u.test(trimmed)) return false;
  return trimmed.split(/\s+/).length <= 8;
}

/** A line read as a section heading, and where its section starts. */
interface Heading {
  kind: SectionKind;
  heading: string;
  headingSpan: Span;
  sectionStart: number;
}

/**
 * The units that open sections, in order (`formatted`: the lines the format marks as headings). A styled heading
 * the vocabulary does not know adds `unrecognised-heading` to `diagnostics`.
 */
function findHeadings(
  text: string,
  table: UnitTexts<TextUnit>,
  formatted: Set<number>,
  diagnostics: Diagnostic[],
): Heading[] {
  const { units, values } = table;
  // Lists, tables and pasted blocks repeat lines, and an unstyled line's verdict depends on its text alone.
  const unstyled = verdictByText(table, (value) => detectHeading(value, false));
  const headings: Heading[] = [];
  let current: SectionKind | null = null;
  let previousLine = -1;
  for (let u = 0; u < units.length; u++) {
    const unit = units[u] as TextUnit;
    const firstOfLine = unit.line !== previousLine;
    previousLine = unit.line;
    const value = values[u] as string;
    const styled = firstOfLine && formatted.has(unit.line);
    const match = styled ? detectHeading(value, true) : unstyled(u);
    if (match === null) continue;
    if (!match.known) {
      // Before the first real heading a styled line is the name or a tagline; inside sections with
      // sub-headings it is a job title or a skill group. Elsewhere, an upper-case styled line starts a section.
      if (current === null || (HAS_SUBHEADINGS.has(current) && !isUpperCase(value))) continue;
      diagnostics.push({
        severity: 'info',
        code: 'unrecognised-heading',
        message: `Heading "${value.trim()}" read as a section of kind other`,
        source: 'parse',
        span: { start: unit.start + match.start, end: unit.start + match.end },
      });
    }
    // Inside a skills section, "Frameworks" or "Languages" written as a heading names a skill group.
    if (
      current === 'skills' &&
      !match.inline &&
      !isUpperCase(value) &&
      (match.kind === 'skills' || /^languages$/i.test(value.trim().replace(/:$/, '')))
    )
      continue;
    // "Tools: Docker" inside Skills, "Courses: Compilers" inside Education: a label, not a new section.
    if (match.inline && (current === match.kind || (current === 'education' && match.kind === 'certifications')))
      continue;
    const headingSpan = { start: unit.start + match.start, end: unit.start + match.end };
    const heading = text.slice(headingSpan.start, headingSpan.end).replace(/:$/, '').trim();
    headings.push({ kind: match.kind, heading, headingSpan, sectionStart: unit.start });
    current = match.kind;
  }
  return headings;
}

/** The sections the headings open, after the untitled top when it holds text: together they cover `text`. */
function sectionsOf(text: string, units: TextUnit[], headings: Heading[]): Section[] {
  const sections: Section[] = [];
  const firstHeading = headings[0];
  const topEnd = firstHeading === undefined ? text.length : firstHeading.sectionStart;
  if (/\S/.test(text.slice(0, topEnd))) {
    const span = { start: 0, end: topEnd };
    sections.push({ kind: topKind(text, span, units), heading: '', headingSpan: null, span });
  }
  headings.forEach((heading, index) => {
    const start = index === 0 && sections.length === 0 ? 0 : heading.sectionStart;
    const next = headings[index + 1];
    sections.push({
      kind: heading.kind,
      heading: heading.heading,
      headingSpan: heading.headingSpan,
      span: { start, end: next === undefined ? text.length : next.sectionStart },
    });
  });
  return sections;
}

/**
 * Finds the sections of a résumé and its experience timeline.
 *
 * Sections come in document order, do not overlap and together cover the text; the untitled top of the
 * document (if it holds any text) is a section of kind `contact` (a name or contact details) or `summary`
 * with heading `''` and `headingSpan: null`. A document without any recognised heading gets the info
 * diagnostic `no-section-headings`; a styled heading the vocabulary does not know gets `unrecognised-heading`.
 * A document without an experience heading whose text holds dated roles gets an experience section over
 * them (heading `''`, `headingSpan: null`) and the info diagnostic `inferred-section`.
 *
 * @throws TypeError when `input.text` is not a string or `input.lines` is given and not an array; RangeError on a bad `asOf`
 * or `documentDate`.
 */
export function structureDocument(input: StructureInput): StructureResult {
  if (input === null || typeof input !== 'object')
    throw new TypeError('`input` must be an object with `text` and `lines`');
  const { text, lines } = input;
  if (typeof text !== 'string') throw new TypeError('`input.text` must be a string');
  if (lines !== undefined && !Array.isArray(lines)) throw new TypeError('`input.lines` must be an array of spans');
  const asOf = resolveAsOf(input.asOf);
  const given = checkDocumentDate(input.documentDate, asOf);
  const documentMonth = given === undefined || given === 'estimate' ? asOf : given;
  const formatted = new Set(input.headingLines ?? []);
  const table = unitsOf(text, lines);
  const { units } = table;
  const diagnostics: Diagnostic[] = [];
  const headings = findHeadings(text, table, formatted, diagnostics);
  const sections = sectionsOf(text, units, headings);
  if (headings.length === 0 && /\S/.test(text)) {
    diagnostics.push({
      severity: 'info',
      code: 'no-section-headings',
      message: 'No section headings found; the whole text is one untitled section',
      source: 'parse',
    });
  }
  if (!sections.some((section) => section.kind === 'experience'))
    inferExperience(
      text,
      table,
      sections,
      headings.map((h) => h.headingSpan),
      asOf,
      diagnostics,
    );
  else if (experienceDisplaced(text, units, sections, asOf))
    inferExperience(
      text,
      table,
      sections,
      headings.map((h) => h.headingSpan),
      asOf,
      diagnostics,
      DISPLACED_JOBS,
    );
  const timeline = buildTimeline(text, table, sections, { asOf, documentMonth }, headings.length > 0);
  diagnostics.push(...timeline.diagnostics);
  return { sections, timeline: timeline.entries, diagnostics };
}
