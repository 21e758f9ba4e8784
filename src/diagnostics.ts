/**
 * Every `Diagnostic` code, in one place, with what it means. `Diagnostic.code` is typed
 * `DiagnosticCode`, so a stage that makes a diagnostic with a code missing here does not compile; the
 * codes are part of the JSON contract (results, JSONL, the service), so they are never renamed.
 * The README's diagnostics tables are checked against this module by test/diagnostics.test.ts.
 *
 * A leaf module: it imports nothing, so every stage can use it.
 */

/** How serious a diagnostic is. */
export type DiagnosticSeverity = 'error' | 'warning' | 'info';

/** The stage that makes a diagnostic. */
export type DiagnosticSource = 'parse' | 'taxonomy' | 'extract' | 'role' | 'score' | 'rank';

/** Every diagnostic code this library writes, by the stage that writes it. */
export type DiagnosticCode =
  // parse
  | 'two-columns'
  | 'unmapped-glyphs'
  | 'no-text-layer'
  | 'few-words'
  | 'tables'
  | 'text-boxes'
  | 'headers-footers'
  | 'encoding-repaired'
  | 'no-section-headings'
  | 'unrecognised-heading'
  | 'inferred-section'
  | 'experience-without-dates'
  | 'date-range-inverted'
  | 'date-range-future'
  | 'document-date-assumed'
  | 'document-date-metadata-ignored'
  | 'document-date-estimated'
  | 'json-resume-undated-work'
  // extract
  | 'ambiguous-mention-dropped'
  | 'fuzzy-lookups-capped'
  | 'mentions-capped'
  | 'document-hits-capped'
  | 'unknown-tool'
  // score
  | 'no-readable-text'
  | 'no-skills-found'
  | 'skills-list-stuffed'
  | 'repeated-text'
  // role (roles read from a job description)
  | 'jd-input'
  | 'jd-title'
  | 'jd-section'
  | 'jd-lone-item'
  | 'jd-dropped'
  | 'jd-demoted';

/** What a diagnostic code means, whatever the instance's own message says. */
export interface DiagnosticInfo {
  /** The stage that writes it. */
  readonly source: DiagnosticSource;
  /** The severities it is written with. */
  readonly severities: readonly DiagnosticSeverity[];
  /** What it means, in one or two sentences. */
  readonly message: string;
}

/** Each diagnostic code with the stage that writes it, its severities and its meaning. */
export const DIAGNOSTIC_MESSAGES: Readonly<Record<DiagnosticCode, DiagnosticInfo>> = Object.freeze({
  'two-columns': {
    source: 'parse',
    severities: ['info'],
    message: 'A PDF page was read as two columns, left then right (`place`: the pages).',
  },
  'unmapped-glyphs': {
    source: 'parse',
    severities: ['info', 'warning'],
    message:
      'Glyphs without a Unicode mapping (icon fonts, private-use characters) were removed; a warning from 20 on.',
  },
  'no-text-layer': {
    source: 'parse',
    severities: ['warning'],
    message: 'The PDF has only images (a scan); nothing could be read without OCR.',
  },
  'few-words': { source: 'parse', severities: ['warning'], message: 'Fewer than 50 words (or none) could be read.' },
  tables: {
    source: 'parse',
    severities: ['info'],
    message: 'DOCX or HTML tables were read cell by cell, in reading order.',
  },
  'text-boxes': {
    source: 'parse',
    severities: ['info'],
    message: 'DOCX text boxes were read (and their paragraphs added if mammoth missed them).',
  },
  'headers-footers': {
    source: 'parse',
    severities: ['info'],
    message: 'Paragraphs only found in DOCX page headers or footers were added.',
  },
  'encoding-repaired': {
    source: 'parse',
    severities: ['warning'],
    message: 'Text bytes were not UTF-8: read as BOM-less UTF-16 or as Windows-1252.',
  },
  'no-section-headings': {
    source: 'parse',
    severities: ['info'],
    message: 'No headings found; the whole text is one untitled section.',
  },
  'unrecognised-heading': {
    source: 'parse',
    severities: ['info'],
    message: 'A styled heading the vocabulary does not know became a section of kind `other`.',
  },
  'inferred-section': {
    source: 'parse',
    severities: ['info'],
    message: 'No experience heading, but dated roles were found: an experience section was inferred over them.',
  },
  'experience-without-dates': {
    source: 'parse',
    severities: ['info'],
    message: 'An experience section holds no dated entry, so months of experience cannot be counted.',
  },
  'date-range-inverted': {
    source: 'parse',
    severities: ['warning'],
    message: 'A date range ends before it starts; it was read swapped.',
  },
  'date-range-future': {
    source: 'parse',
    severities: ['warning'],
    message: 'A date range starts or ends after `asOf`.',
  },
  'document-date-assumed': {
    source: 'parse',
    severities: ['info'],
    message:
      '"Present" was read against `asOf`, yet the latest month the résumé writes is 3+ years older: pass `documentDate` if it was written then.',
  },
  'document-date-metadata-ignored': {
    source: 'parse',
    severities: ['info'],
    message: "The file's own date is before a month the résumé writes, so it was not taken as the document's date.",
  },
  'document-date-estimated': {
    source: 'parse',
    severities: ['info'],
    message:
      'With `documentDate: \'estimate\'`, "present" was read as a year after the latest month the résumé writes, at most `asOf`.',
  },
  'json-resume-undated-work': {
    source: 'parse',
    severities: ['info'],
    message: 'A JSON Resume `work` item without `startDate` was left out of the timeline.',
  },
  'ambiguous-mention-dropped': {
    source: 'extract',
    severities: ['info'],
    message: 'An ambiguous word ("go", "Express") or an employer name was not counted as a skill.',
  },
  'fuzzy-lookups-capped': {
    source: 'extract',
    severities: ['info'],
    message: 'Typo look-ups stopped at `maxFuzzyLookups`.',
  },
  'mentions-capped': {
    source: 'extract',
    severities: ['warning'],
    message:
      'One name occurs more often than `EXTRACT_DEFAULTS.maxHitsPerName` (256): its first 256 occurrences are read, the rest only counted.',
  },
  'document-hits-capped': {
    source: 'extract',
    severities: ['warning'],
    message:
      'The document names skills more often than `EXTRACT_DEFAULTS.maxHitsPerDocument` (10,000) in all: the rest are only counted, and a name met only there is not a skill of the profile.',
  },
  'unknown-tool': {
    source: 'extract',
    severities: ['info'],
    message: 'A product-like name in a tools field is no skill the taxonomy knows; kept in `profile.unknownTools`.',
  },
  'no-readable-text': {
    source: 'score',
    severities: ['error'],
    message: 'The document has no readable words; it scores 0 and `mustHavesMet` is `false`.',
  },
  'no-skills-found': { source: 'score', severities: ['warning'], message: 'No skill was found; it scores 0.' },
  'skills-list-stuffed': {
    source: 'score',
    severities: ['warning'],
    message: 'Skills sections list more than `skillsListLimit` distinct skills; their evidence is discounted.',
  },
  'repeated-text': {
    source: 'score',
    severities: ['warning'],
    message: 'A sentence holding a skill appears `repeatedTextThreshold` or more times; it counts once.',
  },
  'jd-input': {
    source: 'role',
    severities: ['info'],
    message: 'How the job description was read: plain text, HTML, or which JobPosting form.',
  },
  'jd-title': {
    source: 'role',
    severities: ['info', 'warning'],
    message: "Where the role's title came from; a warning when no title was found.",
  },
  'jd-section': {
    source: 'role',
    severities: ['info', 'warning'],
    message: 'A heading or label of the job description and how its section is read; a warning for an unknown heading.',
  },
  'jd-lone-item': {
    source: 'role',
    severities: ['info'],
    message: 'A list item naming one technology was read as it.',
  },
  'jd-dropped': {
    source: 'role',
    severities: ['info'],
    message: 'A mention in the job description that is not an ask, and why.',
  },
  'jd-demoted': {
    source: 'role',
    severities: ['info'],
    message: 'An ask of the job description made weaker, and why.',
  },
});
for (const info of Object.values(DIAGNOSTIC_MESSAGES)) Object.freeze(Object.freeze(info).severities);
