/**
 * Job titles, read the way a recruiter skims them: what kind of work each dated job was. A title is
 * classified by its words alone (never by the person), the rows below tried in order; each row
 * carries examples that `test/titles.test.ts` reads, so the table documents itself.
 *
 * The profile keeps only totals (`ExperienceFacts`): months of dated work, months of it under each
 * kind of title, and the latest month the dated work reaches. Scoring reads them against the kind of
 * work a role is (`Role.function`): a developer's listed skills are taken as used in that development
 * work, and a career under other kinds of titles counts against a development role's core.
 */
import type { ExperienceFacts, TimelineEntry, WorkFunction, YearMonth } from '../types.js';
import { monthsOf } from './experience.js';

interface TitleRow {
  pattern: RegExp;
  function: WorkFunction;
  /** Titles the row decides, as a test reads them. */
  examples: readonly string[];
}

/**
 * First match wins: testing and operations before development, so "Software Test Engineer" and
 * "DevOps Engineer" are not development; non-software work before development too, so "Java Trainer"
 * is teaching. A title no row decides ("Consultant", "Associate", "Manager") tells nothing.
 */
export const TITLE_ROWS: readonly TitleRow[] = Object.freeze([
  {
    pattern: /\b(?:test(?:ing|er|ers)?|qa|q\.a|quality\s+(?:assurance|analyst|engineer|control)|sdet|qc)\b/,
    function: 'testing',
    examples: ['Senior QA Engineer', 'Software Test Engineer', 'Test Automation Engineer', 'Quality Assurance Analyst', 'SDET'],
  },
  {
    pattern:
      /\b(?:devops|dev\s*ops|sre|site\s+reliability|system(?:s)?\s+admin(?:istrator)?|sys\s*admin|network|infrastructure|it\s+support|technical\s+support|support\s+(?:engineer|analyst|consultant|specialist|executive)|production\s+support|help\s*desk|service\s+desk|desktop\s+support|dba|database\s+administrator|basis|release\s+(?:engineer|manager)|build\s+(?:engineer|and\s+release)|cloud\s+engineer|platform\s+engineer|security\s+(?:analyst|engineer)|soc\s+analyst|administrator)\b/,
    function: 'operations',
    examples: ['DevOps Engineer', 'Linux System Administrator', 'Oracle DBA', 'SAP Basis Consultant', 'Production Support Analyst', 'Network Engineer'],
  },
  {
    pattern:
      /\b(?:sales|pre-?sales|account\s+(?:manager|executive)|marketing|recruit(?:er|ment)|talent|hr|human\s+resources|trainer|teacher|tutor|instructor|faculty|lecturer|professor|nurse|physician|pharmacist|accountant|auditor|cashier|chef|cook|waiter|driver|mechanical|civil|electrical|electronics\s+engineer|chemical|field\s+engineer|customer\s+service|call\s+center|receptionist|designer|graphic|content\s+writer|copywriter|editor)\b/,
    function: 'other',
    examples: ['Java Trainer', 'Sales Executive', 'Elementary School Teacher', 'Mechanical Engineer', 'Graphic Designer', 'Head Chef'],
  },
  {
    pattern:
      /\b(?:developer|develop(?:ment)?\s+engineer|programmer|coder|software\s+(?:engineer|developer|architect|consultant)|engineer\s*[-–,/]\s*software|application(?:s)?\s+(?:engineer|architect|developer)|web\s+(?:engineer|developer)|back[-\s]?end|front[-\s]?end|full[-\s]?stack|sde|swe|sse|member\s+of\s+technical\s+staff|mts|technical\s+lead|tech\s+lead|technical\s+architect|(?:java|j2ee|\.?net|php|python|ruby|node(?:\.?js)?|golang|c#|c\+\+|android|ios|abap|salesforce|mainframe|cobol|oracle|sql|etl|bi)\s+(?:engineer|consultant|architect|lead|specialist))\b/,
    function: 'development',
    examples: ['Sr. Java J2EE Developer', 'Software Engineer', 'PHP Programmer', 'Member of Technical Staff', 'Java Consultant', 'Full Stack Engineer'],
  },
]);

/** The kind of work a job title names, or `null` when its words do not say. */
export function classifyTitle(title: string): WorkFunction | null {
  const t = title.toLowerCase();
  for (const row of TITLE_ROWS) if (row.pattern.test(t)) return row.function;
  return null;
}

/**
 * Totals of the dated timeline: months of work (overlaps merged), months under each kind of title
 * (overlaps within a kind merged), and the latest month reached (open ranges end at `present`).
 */
export function experienceFacts(timeline: readonly TimelineEntry[], present: YearMonth): ExperienceFacts {
  const all = monthsOf(timeline, present);
  const byFunction: Record<WorkFunction, TimelineEntry[]> = { development: [], testing: [], operations: [], other: [] };
  for (const entry of timeline) {
    const kind = entry.title === undefined ? null : classifyTitle(entry.title);
    if (kind !== null) byFunction[kind].push(entry);
  }
  return {
    months: all.months,
    functionMonths: {
      development: monthsOf(byFunction.development, present).months,
      testing: monthsOf(byFunction.testing, present).months,
      operations: monthsOf(byFunction.operations, present).months,
      other: monthsOf(byFunction.other, present).months,
    },
    latest: all.lastUsed,
  };
}
