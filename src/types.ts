/**
 * Public data shapes shared by every stage. Everything here is plain JSON:
 * no classes, no Maps, so results can be stored, diffed and sent over the wire.
 *
 * Taxonomy and role shapes are inferred from their zod schemas and re-exported here.
 */

export type { Skill, Taxonomy, SkillCategory, SkillKind, AmbiguityRule, ImpliesEdge } from './taxonomy/index.js';

/** A half-open range `[start, end)` of UTF-16 offsets into `ResumeDocument.text`. */
export interface Span {
  start: number;
  end: number;
}

/** `YYYY-MM`, e.g. `2019-03`. */
export type YearMonth = string;

import type { DiagnosticCode, DiagnosticSeverity, DiagnosticSource } from './diagnostics.js';

export type { DiagnosticCode, DiagnosticSeverity, DiagnosticSource } from './diagnostics.js';

/**
 * A recoverable problem or a note on how a result was obtained, with a place.
 * Modelled on vfile-message: stages never throw for these, they attach them.
 */
export interface Diagnostic {
  severity: DiagnosticSeverity;
  /** Stable kebab-case code, e.g. `two-columns`, `no-text-layer`, `date-range-inverted`; every code is in `DiagnosticCode`. */
  code: DiagnosticCode;
  message: string;
  /** The stage that produced it. */
  source: DiagnosticSource;
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
  /** The date range as written; for an `estimated` entry, the length as written ("2 Years and 4 Months"). */
  dateSpan: Span;
  /** Where `title` is written (markup around it excluded), when a title was found. */
  titleSpan?: Span;
  /**
   * Where `organisation` is written, when one was found. For a title that inherits the organisation of a group
   * above it ("Acme Corp" over two roles), the span of that group's line, which lies before this entry's `span`.
   */
  organisationSpan?: Span;
  /**
   * `true` when the résumé gives only the job's length ("Years of Experience: 2 Years and 4 Months"): `end` is
   * the document's month (`ResumeDocument.documentDate`) for the first job listed, or the month before the start
   * of the job listed above it, and `start` is counted back from `end`. Absent for jobs with written dates.
   */
  estimated?: true;
}

/** Where `ResumeDocument.documentDate` came from. */
export type DocumentDateSource = 'option' | 'metadata' | 'as-of' | 'estimated';

/**
 * The month the résumé was written in: what "present", "till date" and "current" in it mean.
 * From the `documentDate` parse option; else the file's own date (PDF `ModDate`, else `CreationDate`; DOCX
 * `dcterms:modified`, else `dcterms:created`) when it is not after `asOf` and not before a month the résumé
 * writes; else `asOf`, or with `documentDate: 'estimate'` (source `estimated`) a year after the latest month the
 * résumé writes, at most `asOf`.
 */
export interface DocumentDate {
  /** `YYYY-MM`. */
  month: YearMonth;
  source: DocumentDateSource;
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
  /**
   * What "present" means in this document: open-ended timeline entries (`end: null`) run to `documentDate.month`.
   * Set by `parseResume`; absent in documents made before it existed, which read "present" as `asOf`.
   */
  documentDate?: DocumentDate;
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
  /**
   * The mention sits in the job title of its timeline entry ("Java Developer"): evidence of that job's
   * work, so the skill carries the entry's dated months. Present only when true.
   */
  inTitle?: true;
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
  /**
   * Position of the skill in the `skills` list of the taxonomy that extracted it. Scoring reads it
   * to find the skill without hashing `id`, after checking that the skill at that position of its
   * own taxonomy has this id: an ordinal from another taxonomy, or one left stale by an edit, only
   * makes scoring slower. Absent in profiles saved before it existed.
   */
  ordinal?: number;
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
  /**
   * Years claimed in phrases like "5+ years of Java", or `null`: `claimedMonths / 12`, to one decimal.
   * Kept for profiles and callers written before `claimedMonths`.
   */
  claimedYears: number | null;
  /**
   * Months of experience the résumé claims for this skill in words ("Java (3 yrs)", "Python- Exprience -
   * 18 months", "3+ years of Java", a skills table's years column), or `null`: what the candidate says,
   * distinct from the dated `months`. "Less than 1 year" is 6 months (`EXTRACT_DEFAULTS.lessThanYearMonths`).
   * Several claims: the one written right beside the skill beats one shared by a list ("5+ years of Java,
   * Python - 2 years" gives Python 24), then the longest. Absent in profiles saved before it existed.
   */
  claimedMonths?: number | null;
  /** The duration as written for `claimedMonths` ("3 yrs", "Less than 1 year"), or `null`. */
  claimedSpan?: Span | null;
  /**
   * What the taxonomy says the skill is: a `technology` (a named language, tool, product or platform), a
   * `practice` (Agile, code review) or a `concept` (algorithms, networking). Practices and concepts stay
   * in `skills` so a role can still require them, but are reported apart from technologies. Copied from the
   * taxonomy entry, `technology` where it has none; absent in profiles saved before it existed.
   */
  kind?: 'technology' | 'practice' | 'concept';
  /**
   * What scoring needs of `mentions` and `lastUsed`, packed at extraction into one small integer,
   * so that ranking many profiles never walks the mentions (see `EvidenceBits`). Derived from those
   * two fields alone and holds nothing about the person; absent in profiles saved before it existed
   * (scoring then derives it), and to be dropped by anyone who edits them.
   */
  evidence?: EvidenceBits;
}

/**
 * The bits of `ExtractedSkill.evidence`:
 * - bits 0–7, a plain mention (not negated; no aspiration, typo-tolerant find or proficiency level)
 *   in each context: 1 dated experience, 2 experience outside any dated entry, 4 project, 8 skills
 *   list, 16 summary, 32 education, 64 certification, 128 other;
 * - 256: some mention in a skills list that is not negated (skills sections that list an abnormal
 *   number of skills are discounted);
 * - 512: some context holds only aspirations, typo-tolerant finds or mentions with a level, whose
 *   worth depends on the scoring weights: scoring then weighs the mentions themselves;
 * - 1024: the résumé disclaims the skill: every mention is negated or an aspiration ("No hands-on
 *   experience with Kubernetes", "learning Rust"), so it neither gives nor takes credit through the
 *   taxonomy's `implies` and `related` links;
 * - 2048 and up: the month of `lastUsed` plus one, times 2048 (year × 12 + month, so 2026-11 is
 *   24323), or nothing when `lastUsed` is `null`: recency without reading the string.
 *
 * So a skill used in a dated job that ended in 2024-12 and listed in the skills section has
 * `1 + 8 + 256 + 24300 × 2048`; `bits % 2048` gives the flags, `Math.floor(bits / 2048) − 1` the month index.
 */
export type EvidenceBits = number;

/**
 * A kind of work, read from job titles: software `development`, `testing`, IT `operations` (DevOps,
 * administration, support), or `other` work outside software (teaching, sales, engineering of other kinds).
 */
export type WorkFunction = 'development' | 'testing' | 'operations' | 'other';

/**
 * Totals of a résumé's dated work history, for scoring: never a date of birth, a name or anything else
 * about the person, only how long the dated jobs ran and under what kind of title.
 */
export interface ExperienceFacts {
  /** Months of dated work (overlapping jobs counted once). */
  months: number;
  /** Months of it under titles of each kind of work (a title whose words do not say, "Consultant", counts in none). */
  functionMonths: Record<WorkFunction, number>;
  /** The latest month the dated work reaches (`YYYY-MM`, open ranges resolved), or `null`. */
  latest: YearMonth | null;
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
    /**
     * The month open date ranges ("2021 – present") were resolved to: the document's own date when it
     * has one (`ResumeDocument.documentDate`), else the `asOf` option. Recency is measured from it.
     */
    date?: YearMonth;
  };
  /** Totals of the dated work history (absent in profiles saved before it existed). */
  experience?: ExperienceFacts;
  /**
   * Names in a tools field ("Tools: Foo, BarDB, Baz9") that look like products but that the taxonomy does
   * not know: kept, unlinked, so none is silently lost (each also has an `unknown-tool` diagnostic, up to
   * `EXTRACT_DEFAULTS.maxUnknownTools`). Absent in profiles saved before it existed.
   */
  unknownTools?: UnknownTool[];
}

/** A product-like name in a tools field that the taxonomy does not know. */
export interface UnknownTool {
  /** `text.slice(span.start, span.end)`. */
  text: string;
  span: Span;
  /** Kind of the section it sits in (`null` if the document has no sections). */
  section: SectionKind | null;
}

export type Result<T, E = { code: string; message: string }> = { ok: true; value: T } | { ok: false; error: E };

export type { Role, Requirement, Importance } from './role/index.js';

/** One piece of evidence behind a requirement: a mention, with the skill it names and what it was worth. */
export interface Evidence extends SkillMention {
  /** Id of the skill the mention names (the requirement's skill, or the implying or related skill). */
  skillId: string;
  /** What this mention is worth on its own, in [0, 1], after context, flags and the skills-list discount. */
  strength: number;
}

/** How a requirement was satisfied: by the skill itself, by a skill that implies it, or by a related sibling. */
export type MatchVia = 'direct' | 'implied' | 'related';

export type RequirementStatus = 'met' | 'partial' | 'missing';

/** How one requirement of a role fared against one profile. */
export interface RequirementResult {
  /** The requirement's id (its own, or the skill id, the `anyOf` members joined by `-or-`, or `category-<name>`). */
  id: string;
  /** Short human label ("PostgreSQL", "Node.js or Python or Java", "Any databases skill"). */
  label: string;
  /** The requirement as written in the role. */
  requirement: import('./role/index.js').Requirement;
  importance: import('./role/index.js').Importance;
  /** Core requirements make the score; the others (periphery) add a capped bonus on top (see `SCORE_DEFAULTS.peripheryShare`). */
  core: boolean;
  /** Weight within its group (core or periphery): tier weight × the requirement's own weight. */
  weight: number;
  status: RequirementStatus;
  /** In [0, 1], rounded to 4 decimals. */
  score: number;
  /** `null` when missing. */
  via: MatchVia | null;
  /** The profile skill that earned the credit (for `implied`/`related`, the implying or related skill), or `null`. */
  skill: { id: string; name: string } | null;
  /** For `implied`/`related`: the requirement's skill that was credited through `skill`. */
  creditedAs?: { id: string; name: string };
  /** The mentions behind the credit, strongest first (at most `SCORE_DEFAULTS.maxEvidence`). */
  evidence: Evidence[];
  /** Months of dated use of `skill`. */
  months: number;
  /** `YYYY-MM` of its latest dated use, or `null`. */
  lastUsed: YearMonth | null;
  /** Years the résumé claims ("5+ years of Java"), or `null`. */
  claimedYears: number | null;
  /** For category requirements: the other strong skills of the category, best first (at most 5). */
  alternatives?: { id: string; name: string; score: number }[];
  /**
   * Other skills that added depth to the same member (Spring and Hibernate behind Java), best first (at
   * most 5), with the credit each earned on its own; absent when the credit rests on one skill.
   */
  supporting?: { id: string; name: string; via: MatchVia; score: number }[];
}

/**
 * What a score means (see `bandOf`): `strong` 80–100, the core of the role met with depth (shortlist);
 * `plausible` 50–79, the core met thinly or without dates (phone screen); `adjacent` 20–49, part of the
 * core (a technical profile of another kind); `unlikely` 0–19, little or none of the core.
 */
export type FitBand = 'strong' | 'plausible' | 'adjacent' | 'unlikely';

/** One profile matched against one role, explained. Plain JSON, deterministic. */
export interface MatchResult {
  /** Version of this shape; see `MATCH_VERSION`. */
  version: string;
  role: { id: string; title: string };
  /** 0–100, rounded to 2 decimals: the calibrated total (see `FitBand` for what the ranges mean). */
  score: number;
  /** The score's fit band. */
  band: FitBand;
  /**
   * The parts of the total, each 0–100: the weighted mean of the core requirements and of the others, and the
   * factor the core takes for a career under other kinds of job titles than the role's (`Role.function`; 100
   * when the role names none or the titles do not say).
   */
  breakdown: { core: number; periphery: number; focus: number };
  /** Every `required` requirement is at least partly met. */
  mustHavesMet: boolean;
  /** One per role requirement, in the role's order. */
  requirements: RequirementResult[];
  /** Labels of the `required` requirements that are missing, in the role's order. */
  missingRequired: string[];
  /** One plain-English paragraph a recruiter can check against the evidence. */
  summary: string;
  /** The profile's diagnostics (parse, extract), followed by the score stage's own. */
  diagnostics: Diagnostic[];
}

/** One candidate's outcome in a batch, before ordering. */
export type RankItem = RankedResult | RankError;

/** A candidate that was read and scored. */
export interface RankedResult {
  ok: true;
  /** The caller's id, or the input's index as a string. */
  id: string;
  /** Position of the input in the batch (0-based). */
  index: number;
  /** 1-based place in the ranking; `0` in results yielded by the iterator, before ordering. */
  rank: number;
  /** 0–100, as in `match.score`. */
  score: number;
  mustHavesMet: boolean;
  match: MatchResult;
}

/** A candidate whose input could not be used; the batch goes on. */
export interface RankError {
  ok: false;
  id: string;
  index: number;
  error: { name: string; code: string; message: string };
}

/** A ranked shortlist. Plain JSON, deterministic. */
export interface Ranking {
  /** Version of this shape; see `MATCH_VERSION`. */
  version: string;
  role: { id: string; title: string };
  /** Inputs received. */
  total: number;
  /** Read and scored candidates, best first (cut to `top` when given). */
  results: RankedResult[];
  /** Inputs that could not be used, in input order. */
  errors: RankError[];
}
