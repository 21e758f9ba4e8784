/**
 * Public data shapes shared by every stage. Everything here is plain JSON:
 * no classes, no Maps, so results can be stored, diffed and sent over the wire.
 *
 * Taxonomy and role shapes are inferred from their zod schemas and re-exported here.
 */

export type { Skill, Taxonomy, SkillCategory, AmbiguityRule, ImpliesEdge } from './taxonomy/schema.js';

/** A half-open range `[start, end)` of UTF-16 offsets into `ResumeDocument.text`. */
export interface Span {
  start: number;
  end: number;
}

/** `YYYY-MM`, e.g. `2019-03`. */
export type YearMonth = string;

export type DiagnosticSeverity = 'error' | 'warning' | 'info';

/**
 * A recoverable problem or a note on how a result was obtained, with a place.
 * Modelled on vfile-message: stages never throw for these, they attach them.
 */
export interface Diagnostic {
  severity: DiagnosticSeverity;
  /** Stable kebab-case code, e.g. `two-columns`, `no-text-layer`, `date-range-inverted`. */
  code: string;
  message: string;
  /** The stage that produced it. */
  source: 'parse' | 'taxonomy' | 'extract' | 'role' | 'score' | 'rank';
  /** Where in the document, when it has a place. */
  span?: Span;
  /** A human-readable place when there is no span (page number, XML part, JSON path). */
  place?: string;
}

export type DocumentFormat = 'pdf' | 'docx' | 'html' | 'text' | 'markdown' | 'json-resume';

export type SectionKind =
  | 'contact'
  | 'summary'
  | 'experience'
  | 'projects'
  | 'skills'
  | 'education'
  | 'certifications'
  | 'other';

export interface Section {
  kind: SectionKind;
  /** The heading line's text as written (trimmed); `''` for the untitled top of the document. */
  heading: string;
  /** The heading line, or `null` for the untitled top of the document. */
  headingSpan: Span | null;
  /** The whole section: from the heading's start (or 0) to the next section's start. */
  span: Span;
}

export interface TimelineEntry {
  title?: string;
  organisation?: string;
  /** `YYYY-MM`; a year-only start means January. */
  start: YearMonth;
  /** `YYYY-MM`, or `null` for "present". A year-only end means December. */
  end: YearMonth | null;
  /** The text of the whole entry: its header lines and its description, up to the next entry. */
  span: Span;
  /** The date range as written. */
  dateSpan: Span;
}

export interface DocumentMeta {
  format: DocumentFormat;
  /** Pages for PDF; `null` where the format has no pages. */
  pages: number | null;
  /** Size of the input in bytes (UTF-8 bytes for string input). */
  bytes: number;
  /** `options.filename` when given. */
  filename?: string;
}

export interface ResumeDocument {
  /** Version of this shape; see `DOCUMENT_VERSION`. */
  version: string;
  /** The document's text. For plain text and Markdown: the input exactly as given (after decoding and BOM removal). */
  text: string;
  /** One span per line of `text`, line terminators excluded. */
  lines: Span[];
  /** In document order, non-overlapping, covering the text. */
  sections: Section[];
  /** Experience entries in document order. */
  timeline: TimelineEntry[];
  meta: DocumentMeta;
  diagnostics: Diagnostic[];
}

/** Where a mention sits, which decides how much it is worth as evidence. */
export type MentionContext =
  | 'experience'
  | 'project'
  | 'skills-list'
  | 'summary'
  | 'education'
  | 'certification'
  | 'other';

/** A proficiency qualifier written beside a mention ("expert in Go", "Java (basic)"). */
export type ProficiencyLevel = 'expert' | 'advanced' | 'intermediate' | 'basic';

export interface SkillMention {
  span: Span;
  /** `text.slice(span.start, span.end)`. */
  text: string;
  /** Kind of the section the mention sits in (`null` if the document has no sections). */
  section: SectionKind | null;
  context: MentionContext;
  /** Index into `ResumeDocument.timeline` of the entry the mention sits in, or `null`. */
  timelineEntry: number | null;
  /** The sentence or line the mention sits in, trimmed and capped at 300 characters. */
  sentence: string;
  sentenceSpan: Span;
  /** "no experience with Java", "not Kubernetes". */
  negated: boolean;
  /** "learning Rust", "interested in", "exposure to", "would like to". */
  aspiration: boolean;
  /** Found by typo-tolerant look-up rather than an exact alias. */
  fuzzy: boolean;
  level?: ProficiencyLevel;
}

export interface ImpliedSkill {
  id: string;
  name: string;
  /** Discount in (0, 1): the product of the weights along the `implies` path. */
  weight: number;
  implied: true;
}

export interface ExtractedSkill {
  id: string;
  name: string;
  category: string;
  /** In document order. */
  mentions: SkillMention[];
  /** Skills this one implies (transitively), never counted as mentioned. */
  implied: ImpliedSkill[];
  /** Months of the union of the timeline entries whose text mentions the skill (negated and aspirational mentions excluded). */
  months: number;
  /** Latest end (`YYYY-MM`, present resolved to `asOf`) of those entries, or `null`. */
  lastUsed: YearMonth | null;
  /** Years claimed in phrases like "5+ years of Java", or `null`. */
  claimedYears: number | null;
}

export interface SkillProfile {
  /** Version of this shape; see `PROFILE_VERSION`. */
  version: string;
  /** Sorted by id. */
  skills: ExtractedSkill[];
  /** Parse diagnostics of the source document, followed by the extractor's own. */
  diagnostics: Diagnostic[];
  /** Facts about the source document the score stage needs (never anything about the person). */
  document: {
    format: DocumentFormat | null;
    /** Words in the document text; 0 means nothing was readable. */
    words: number;
  };
}

export type Result<T, E = { code: string; message: string }> = { ok: true; value: T } | { ok: false; error: E };

export type { Role, Requirement, Importance } from './role/schema.js';
