/**
 * The month a résumé was written in, which "present" and "till date" mean: the caller's `documentDate`, else
 * the file's own date (PDF Info `ModDate`/`CreationDate`, DOCX `dcterms:modified`/`dcterms:created`), else
 * `asOf`. A file date is only believed when it is not before a month the résumé itself writes (templates keep
 * the date they were made) and not after `asOf`. With `documentDate: 'estimate'` (stored résumés whose date of
 * receipt is unknown), the last step is an estimate instead: a year after the latest month the résumé writes.
 */
import { OptionError } from '../errors.js';
import type { Diagnostic, DocumentDate, TimelineEntry, YearMonth } from '../types.js';
import { isMonth, monthAt, monthIndex } from '../util/month.js';
import { findDateRanges } from './dates.js';

/** Dates a file carries about itself, as written there. */
export interface FileDates {
  /** PDF `ModDate` ("D:20180615101500+05'30'") or DOCX `dcterms:modified` ("2018-06-15T10:15:00Z"). */
  modified?: string;
  /** PDF `CreationDate` or DOCX `dcterms:created`. */
  created?: string;
}

/** Earliest file date believed: older ones are unset clocks and placeholder values. */
const EARLIEST_FILE_YEAR = 1990;
/** A résumé whose latest written month is this many months before `asOf` was probably not written at `asOf`. */
const STALE_MONTHS = 36;
/**
 * `documentDate: 'estimate'`: months from the latest month a résumé writes to the month taken as its date. A
 * résumé is sent for a while after it was last brought up to date, and its newest line is often the start of
 * the job held when it was sent; a year is the middle of that.
 */
export const ESTIMATE_AFTER_LATEST_MONTHS = 12;

/** The `documentDate` option: a month, or `'estimate'`. */
export type DocumentDateOption = YearMonth | 'estimate';

/**
 * Checks a `documentDate` option: `YYYY-MM`, not after `asOf`, or `'estimate'`.
 * @throws OptionError (a `RangeError`, code `invalid-option`) naming `documentDate`.
 */
export function checkDocumentDate(documentDate: unknown, asOf: YearMonth): DocumentDateOption | undefined {
  if (documentDate === undefined || documentDate === 'estimate') return documentDate;
  // The month test of every month option; the message also names the option's other value.
  if (!isMonth(documentDate))
    throw new OptionError(
      'documentDate',
      `\`documentDate\` must be a month written YYYY-MM or 'estimate', got ${JSON.stringify(documentDate)}`,
    );
  if (documentDate > asOf)
    throw new OptionError('documentDate', `\`documentDate\` (${documentDate}) is after \`asOf\` (${asOf})`);
  return documentDate;
}

/**
 * The month of a file date: PDF date strings ("D:201806151015", "D:2018") and W3C dates ("2018-06-15T10:15:00Z").
 * `null` for anything else.
 *
 * @example fileDateMonth("D:20180615101500+05'30'") // → '2018-06'
 */
export function fileDateMonth(written: string | undefined): YearMonth | null {
  if (typeof written !== 'string') return null;
  const match = /^\s*(?:D:)?(\d{4})(?:-?(\d{2}))?/.exec(written);
  if (match === null) return null;
  const month = match[2] ?? '01';
  if (Number(month) < 1 || Number(month) > 12) return null;
  return `${match[1]}-${month}`;
}

const MONTH_NUMBERS: Readonly<Record<string, number>> = Object.freeze({
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
});
/** A single month and year ("May 2024", "Sep. 2023"), as certificates and graduations are dated. */
const DIGIT = /\d/;
const EXPECTED = /\b(?:expected|anticipated|expecting|due)\b/i;
const MONTH_YEAR = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?,? ?((?:19|20)\d\d)\b/gi;

/**
 * The latest month a text writes, or `null`: the ends (else starts) of its date ranges, and single months
 * ("AWS certified, May 2024"); "present" is not a written month, and nothing after `asOf` counts.
 */
export function latestWrittenMonth(text: string, asOf: YearMonth): YearMonth | null {
  let latest: YearMonth | null = null;
  const see = (month: YearMonth): void => {
    if (month <= asOf && (latest === null || month > latest)) latest = month;
  };
  // Line by line, so the many lines without a digit are never tokenized.
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    if (DIGIT.test(line))
      for (const range of findDateRanges(line, { asOf }))
        see(range.end === null || range.end > asOf ? range.start : range.end);
    start = end + 1;
  }
  MONTH_YEAR.lastIndex = 0;
  for (let match = MONTH_YEAR.exec(text); match !== null; match = MONTH_YEAR.exec(text)) {
    // "Expected Graduation: May 2015" is a month still to come when the résumé was written.
    if (EXPECTED.test(text.slice(Math.max(0, match.index - 32), match.index))) continue;
    const month = MONTH_NUMBERS[(match[1] as string).toLowerCase()] as number;
    see(`${match[2]}-${String(month).padStart(2, '0')}`);
  }
  return latest;
}

/** What {@link resolveDocumentDate} found. */
export interface ResolvedDocumentDate {
  documentDate: DocumentDate;
  /** The latest month the text writes, or `null`. */
  latestWritten: YearMonth | null;
  diagnostics: Diagnostic[];
}

/** Picks the document's month: the option, else a believable file date, else `asOf` (or, asked to, an estimate). */
export function resolveDocumentDate(
  text: string,
  option: DocumentDateOption | undefined,
  fileDates: FileDates | undefined,
  asOf: YearMonth,
): ResolvedDocumentDate {
  const latestWritten = latestWrittenMonth(text, asOf);
  if (option !== undefined && option !== 'estimate')
    return { documentDate: { month: option, source: 'option' }, latestWritten, diagnostics: [] };
  const diagnostics: Diagnostic[] = [];
  const fileMonth = fileDateMonth(fileDates?.modified) ?? fileDateMonth(fileDates?.created);
  if (fileMonth !== null && Number(fileMonth.slice(0, 4)) >= EARLIEST_FILE_YEAR && fileMonth <= asOf) {
    if (latestWritten === null || fileMonth >= latestWritten)
      return { documentDate: { month: fileMonth, source: 'metadata' }, latestWritten, diagnostics };
    diagnostics.push({
      severity: 'info',
      code: 'document-date-metadata-ignored',
      message: `The file's own date (${fileMonth}) is before a month the résumé writes (${latestWritten}), so it was not taken as the document's date.`,
      source: 'parse',
    });
  }
  if (option === 'estimate' && latestWritten !== null) {
    const estimate = monthIndex(latestWritten) + ESTIMATE_AFTER_LATEST_MONTHS;
    const month = estimate >= monthIndex(asOf) ? asOf : monthAt(estimate);
    diagnostics.push({
      severity: 'info',
      code: 'document-date-estimated',
      message: `"Present" was read as ${month}: the résumé carries no date of its own, and the latest month it writes is ${latestWritten} (\`documentDate: 'estimate'\` takes ${ESTIMATE_AFTER_LATEST_MONTHS} months after it, at most \`asOf\`).`,
      source: 'parse',
    });
    return { documentDate: { month, source: 'estimated' }, latestWritten, diagnostics };
  }
  return { documentDate: { month: asOf, source: 'as-of' }, latestWritten, diagnostics };
}

/**
 * The `document-date-assumed` note: open ranges ("present") and jobs known only by their length were closed at
 * `asOf`, yet the latest month the résumé writes is at least three years older, so it was probably written then.
 */
export function documentDateNote(
  resolved: ResolvedDocumentDate,
  timeline: readonly TimelineEntry[],
): Diagnostic | null {
  const { documentDate, latestWritten } = resolved;
  if (documentDate.source !== 'as-of' || latestWritten === null) return null;
  if (monthIndex(documentDate.month) - monthIndex(latestWritten) < STALE_MONTHS) return null;
  const open = timeline.filter((entry) => entry.end === null || entry.estimated === true).length;
  if (open === 0) return null;
  // Info, not a warning: a long-held current job ("Jan 2019 – Present") writes no later month either.
  return {
    severity: 'info',
    code: 'document-date-assumed',
    message: `${open} open-ended experience entr${open === 1 ? 'y was' : 'ies were'} read as running to ${documentDate.month} (\`asOf\`), but the latest month the résumé writes is ${latestWritten}; if it was written then, pass \`documentDate\` so "present" does not add the years since.`,
    source: 'parse',
  };
}
