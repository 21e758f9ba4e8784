/**
 * Job titles, read the way a recruiter skims them: which dated jobs were software development. A
 * title is classified by its words alone (never by the person), with the rows below tried in order;
 * each row carries an example that `test/titles.test.ts` reads, so the table documents itself.
 *
 * The profile keeps only totals (`ExperienceFacts`): months of dated work, months of it under a
 * software-development title, and the latest month the dated work reaches. Scoring reads them so that
 * a skill a developer lists is taken as used in that development work, and so that recency is
 * measured from the résumé's own latest work.
 */
import type { ExperienceFacts, TimelineEntry, YearMonth } from '../types.js';
import { monthsOf } from './experience.js';

/** What kind of work a title names. Only `development` counts as development experience. */
export type TitleFunction = 'development' | 'testing' | 'operations' | 'other';

interface TitleRow {
  pattern: RegExp;
  function: TitleFunction;
  /** A title the row decides, as a test reads it. */
  example: string;
}

/**
 * First match wins: the exclusions (testing, operations, non-software engineering) come before the
 * development words, so "Software Test Engineer" and "DevOps Engineer" are not development.
 */
export const TITLE_ROWS: readonly TitleRow[] = Object.freeze([
  { pattern: /\b(?:test(?:ing|er)?|qa|quality|sdet|validation|verification)\b/, function: 'testing', example: 'Senior QA Engineer' },
  { pattern: /\bsoftware\s+test\b/, function: 'testing', example: 'Software Test Engineer' },
  {
    pattern: /\b(?:devops|dev\s*ops|sre|site\s+reliability|system(?:s)?\s+admin(?:istrator)?|sysadmin|network|infrastructure|support|help\s*desk|desktop|dba|database\s+administrator|basis|release|build|deployment|administrator|operations)\b/,
    function: 'operations',
    example: 'DevOps Engineer',
  },
  { pattern: /\b(?:sales|pre-?sales|mechanical|civil|electrical|electronics|chemical|hardware|field|service|process|quality|production|marketing|recruit(?:er|ment)|trainer|teacher|instructor|faculty|lecturer)\b/, function: 'other', example: 'Java Trainer' },
  {
    pattern: /\b(?:developer|develop(?:ment)?\s+engineer|programmer|coder|software\s+engineer|software\s+developer|software\s+architect|application(?:s)?\s+(?:engineer|architect)|web\s+engineer|back[-\s]?end|front[-\s]?end|full[-\s]?stack|sde|swe|sse|member\s+of\s+technical\s+staff|mts|technical\s+lead|tech\s+lead|software\s+consultant|technical\s+architect|java\s+(?:engineer|consultant|architect)|\.?net\s+(?:engineer|consultant|architect)|php\s+(?:engineer|consultant)|python\s+engineer|engineer\s*-\s*software)\b/,
    function: 'development',
    example: 'Sr. Java J2EE Developer',
  },
]);

/** The kind of work a job title names (`other` when no row decides). */
export function classifyTitle(title: string): TitleFunction {
  const t = title.toLowerCase();
  for (const row of TITLE_ROWS) if (row.pattern.test(t)) return row.function;
  return 'other';
}

/**
 * Totals of the dated timeline: months of work (overlaps merged), months of it under a
 * software-development title, and the latest month reached (open ranges end at `present`).
 */
export function experienceFacts(timeline: readonly TimelineEntry[], present: YearMonth): ExperienceFacts {
  const all = monthsOf(timeline, present);
  const development = monthsOf(
    timeline.filter((e) => e.title !== undefined && classifyTitle(e.title) === 'development'),
    present,
  );
  return { months: all.months, developmentMonths: development.months, latest: all.lastUsed };
}
