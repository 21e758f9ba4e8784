/**
 * The document as the extractor reads it: a plain string becomes a document through the parse
 * stage's structure (text kept exactly as given), and sections and timeline entries are found by
 * offset in logarithmic time, each token's section looked up once.
 */
import { splitLines, structureDocument } from '../parse/index.js';
import type { MentionContext, ResumeDocument, Section, SectionKind, Span, TimelineEntry, YearMonth } from '../types.js';
import { isMonth } from '../util/month.js';
import type { DocTokens } from './tokens.js';

/** A plain-text document: the text exactly as given, with the parse stage's sections and timeline. */
export function documentFromText(text: string, asOf: YearMonth): ResumeDocument {
  const structure = structureDocument({ text, asOf });
  // The extractor never reads a document's lines: they are made only if something asks for them.
  let lines: Span[] | undefined;
  return {
    version: '1',
    text,
    get lines() {
      lines ??= splitLines(text);
      return lines;
    },
    sections: structure.sections,
    timeline: structure.timeline,
    meta: { format: 'text', pages: null, bytes: Buffer.byteLength(text, 'utf8') },
    diagnostics: structure.diagnostics,
  };
}

/** Throws the API's `TypeError` for anything that is not a document. */
export function checkDocument(doc: unknown): void {
  if (doc === null || typeof doc !== 'object' || typeof (doc as ResumeDocument).text !== 'string') {
    throw new TypeError('`doc` must be a ResumeDocument (with a `text` string) or a string');
  }
}

/** Finds the item whose span holds `offset`, in a list sorted by start. */
function locate<T extends { span: { start: number; end: number } }>(
  items: readonly T[],
  offset: number,
): number | null {
  let lo = 0;
  let hi = items.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid]!.span.start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  // Entries may nest or overlap slightly: walk back to the nearest one that really holds the offset.
  for (let i = found; i >= 0 && i >= found - 3; i--)
    if (offset < items[i]!.span.end && offset >= items[i]!.span.start) return i;
  return null;
}

/**
 * Where a mention sits, from its section, its timeline entry and whether its line reads as a list. A
 * dated entry the parse stage found makes its text experience wherever it sits (a "company - X /
 * description - …" block under a heading the parser took for skills), except in projects, education
 * and certifications.
 */
export function contextOf(section: SectionKind | null, entry: number | null, listLine: boolean): MentionContext {
  switch (section) {
    case 'experience':
      return 'experience';
    case 'projects':
      return 'project';
    case 'skills':
      return entry !== null ? 'experience' : 'skills-list';
    case 'education':
      return 'education';
    case 'certifications':
      return 'certification';
    case 'summary':
      return entry !== null ? 'experience' : 'summary';
    default:
      if (entry !== null) return 'experience';
      return listLine ? 'skills-list' : 'other';
  }
}

/** Look-ups by offset and by token into a document's sections and timeline. */
export interface DocumentIndex {
  readonly timeline: readonly TimelineEntry[];
  /** Index into `timeline` of the entry holding `offset`, or `null`. */
  timelineAt(offset: number): number | null;
  /** Kind of the section holding token `i`, or `null`. */
  sectionAt(i: number): SectionKind | null;
  /** Index of the entry whose job title holds `[start, end)` (`TimelineEntry.titleSpan`), or `null`. */
  titleAt(start: number, end: number): number | null;
  /** Index of the entry whose organisation holds `[start, end)` (`TimelineEntry.organisationSpan`), or `null`. */
  organisationAt(start: number, end: number): number | null;
  /** `[start, end)` lies inside a section's heading line. */
  inHeading(start: number, end: number): boolean;
}

/**
 * The document's own date (`ResumeDocument.documentDate`, the parse stage's: `{month, source}`, or a
 * `YYYY-MM` string), or `null` when it has none. A date the parser only took from its own `asOf`
 * (`source: 'as-of'`) is none: the `asOf` given to extraction then decides. Read structurally, so
 * documents made before the field existed, or by other producers, read as having none.
 */
export function documentMonth(doc: ResumeDocument): YearMonth | null {
  const date: unknown = Reflect.get(doc, 'documentDate');
  if (typeof date === 'string') return isMonth(date) ? date : null;
  if (date === null || typeof date !== 'object' || Reflect.get(date, 'source') === 'as-of') return null;
  const month: unknown = Reflect.get(date, 'month');
  return isMonth(month) ? month : null;
}

/** A span field of a timeline entry (`titleSpan`, `organisationSpan`), when the parse stage gave one. */
function entrySpan(entry: TimelineEntry, field: 'titleSpan' | 'organisationSpan'): Span | null {
  const span: unknown = Reflect.get(entry, field);
  if (span === null || typeof span !== 'object' || !('start' in span) || !('end' in span)) return null;
  const { start, end } = span;
  return typeof start === 'number' && typeof end === 'number' && start < end ? { start, end } : null;
}

/** Spans of one field of every entry, sorted, and a look-up of the one holding a range. */
function spanLookup(
  timeline: readonly TimelineEntry[],
  field: 'titleSpan' | 'organisationSpan',
): (start: number, end: number) => number | null {
  const spans: { span: Span; i: number }[] = [];
  timeline.forEach((entry, i) => {
    const span = entrySpan(entry, field);
    if (span !== null) spans.push({ span, i });
  });
  if (spans.length === 0) return () => null;
  spans.sort((a, b) => a.span.start - b.span.start || a.i - b.i);
  return (start, end) => {
    const k = locate(spans, start);
    return k !== null && end <= spans[k]!.span.end ? spans[k]!.i : null;
  };
}

/** Builds the look-ups of one document over its tokens. */
export function indexDocument(doc: ResumeDocument, tokens: DocTokens): DocumentIndex {
  const sections: readonly Section[] = [...(doc.sections ?? [])].sort((a, b) => a.span.start - b.span.start);
  const timeline: readonly TimelineEntry[] = doc.timeline ?? [];
  const timelineOrder = timeline
    .map((entry, i) => ({ span: entry.span, i }))
    .sort((a, b) => a.span.start - b.span.start || a.i - b.i);
  // The rules ask for the section of the same tokens many times: each is looked up once.
  const sectionOfToken: (SectionKind | null | undefined)[] = new Array(tokens.tokens.length);
  const headings = sections.filter((s) => s.headingSpan !== null).map((s) => ({ span: s.headingSpan! }));
  return {
    timeline,
    inHeading: (start, end) => {
      const k = locate(headings, start);
      return k !== null && end <= headings[k]!.span.end;
    },
    titleAt: spanLookup(timeline, 'titleSpan'),
    organisationAt: spanLookup(timeline, 'organisationSpan'),
    timelineAt(offset: number): number | null {
      const k = locate(timelineOrder, offset);
      return k === null ? null : timelineOrder[k]!.i;
    },
    sectionAt(i: number): SectionKind | null {
      let kind = sectionOfToken[i];
      if (kind === undefined) {
        const k = locate(sections, tokens.tokens[i]!.start);
        kind = k === null ? null : sections[k]!.kind;
        sectionOfToken[i] = kind;
      }
      return kind;
    },
  };
}

/** Words in the text: tokens holding at least one letter. */
export function countWords(tokens: DocTokens): number {
  let words = 0;
  // Indexed, not `for…of`: this runs once per call, before the loop is optimised, and an unoptimised
  // iterator allocates a result per token.
  for (let i = 0; i < tokens.tokens.length; i++) {
    const t = tokens.tokens[i]!;
    for (let k = 0; k < t.text.length; k++) {
      const c = t.text.charCodeAt(k);
      if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 127) {
        words++;
        break;
      }
    }
  }
  return words;
}
