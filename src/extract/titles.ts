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
    examples: [
      'Senior QA Engineer',
      'Software Test Engineer',
      'Test Automation Engineer',
      'Quality Assurance Analyst',
      'SDET',
    ],
  },
  {
    pattern:
      /\b(?:devops|dev\s*ops|sre|site\s+reliability|system(?:s)?\s+admin(?:istrator)?|sys\s*admin|network|infrastructure|it\s+support|technical\s+support|support\s+(?:engineer|analyst|consultant|specialist|executive)|production\s+support|help\s*desk|service\s+desk|desktop\s+support|dba|database\s+administrator|basis|release\s+(?:engineer|manager)|build\s+(?:engineer|and\s+release)|cloud\s+engineer|platform\s+engineer|security\s+(?:analyst|engineer)|soc\s+analyst|administrator)\b/,
    function: 'operations',
    examples: [
      'DevOps Engineer',
      'Linux System Administrator',
      'Oracle DBA',
      'SAP Basis Consultant',
      'Production Support Analyst',
      'Network Engineer',
    ],
  },
  {
    pattern:
      /\b(?:sales|pre-?sales|account\s+(?:manager|executive)|marketing|recruit(?:er|ment)|talent|hr|human\s+resources|trainer|teacher|tutor|instructor|faculty|lecturer|professor|nurse|physician|pharmacist|accountant|auditor|cashier|chef|cook|waiter|driver|mechanical|civil|electrical|electronics\s+engineer|chemical|field\s+engineer|customer\s+service|call\s+center|receptionist|designer|graphic|content\s+writer|copywriter|editor)\b/,
    function: 'other',
    examples: [
      'Java Trainer',
      'Sales Executive',
      'Elementary School Teacher',
      'Mechanical Engineer',
      'Graphic Designer',
      'Head Chef',
    ],
  },
  {
    pattern:
      /\b(?:developer|develop(?:ment)?\s+engineer|programmer|coder|software\s+(?:engineer|developer|architect|consultant)|engineer\s*[-–,/]\s*software|application(?:s)?\s+(?:engineer|architect|developer)|web\s+(?:engineer|developer)|back[-\s]?end|front[-\s]?end|full[-\s]?stack|sde|swe|sse|member\s+of\s+technical\s+staff|mts|technical\s+lead|tech\s+lead|technical\s+architect|(?:java|j2ee|\.?net|php|python|ruby|node(?:\.?js)?|golang|c#|c\+\+|android|ios|abap|salesforce|mainframe|cobol|oracle|sql|etl|bi)\s+(?:engineer|consultant|architect|lead|specialist))\b/,
    function: 'development',
    examples: [
      'Sr. Java J2EE Developer',
      'Software Engineer',
      'PHP Programmer',
      'Member of Technical Staff',
      'Java Consultant',
      'Full Stack Engineer',
    ],
  },
]);

/** The kind of work a job title names, or `null` when its words do not say. */
export function classifyTitle(title: string): WorkFunction | null {
  const t = title.toLowerCase();
  for (const row of TITLE_ROWS) if (row.pattern.test(t)) return row.function;
  return null;
}

/**
 * Titles that name no kind of software work of their own ("Software Engineer", "Consultant",
 * "Associate", "Lead Engineer"): a recruiter reads the duties below them to tell a developer from a
 * tester or an operations engineer.
 */
const GENERIC_TITLE =
  /^(?:(?:senior|sr\.?|junior|jr\.?|lead|principal|staff|associate|assistant|trainee|graduate|chief)\s+)*(?:software\s+|it\s+|technical\s+|technology\s+|systems?\s+)?(?:engineer|consultant|associate|analyst|specialist|executive|professional|member|lead|officer)(?:\s+(?:i{1,3}|[1-3]))?$/;

interface DutyRow {
  pattern: RegExp;
  function: WorkFunction;
  /** Duty lines the row reads, as a test reads them. */
  examples: readonly string[];
}

/** Duty lines per kind of work: a line counts once for each kind it names. */
export const DUTY_ROWS: readonly DutyRow[] = Object.freeze([
  {
    pattern:
      /\b(?:test\s+(?:cases?|scripts?|plans?|suites?|scenarios?|execution|automation|framework|data|results|reports?|strateg(?:y|ies))|(?:regression|functional|manual|automation|automated|integration|smoke|sanity|load|performance|api|ui|system|acceptance)\s+test(?:ing|s)?|uat|defects?|bug\s+(?:tracking|reports?|life\s*cycle)|qa\b|quality\s+assurance|selenium|testng|test\s+(?:engineer|lead))/,
    function: 'testing',
    examples: [
      'Wrote and executed test cases for the billing module',
      'Automated regression testing with Selenium',
      'Logged defects in JIRA and tracked them to closure',
    ],
  },
  {
    pattern:
      /\b(?:deploy(?:ed|ing|ments?)?|ci\s*\/\s*cd|continuous\s+(?:integration|delivery|deployment)|jenkins|ansible|terraform|puppet|chef\b|provision(?:ed|ing)|monitor(?:ed|ing)|infrastructure|patch(?:ed|es|ing)|backups?|upgrades?|install(?:ed|ing|ation)|configur(?:ed|ing)\s+(?:servers?|the\s+servers?|network|firewall|load\s+balancer)|administ(?:er|ered|ering|ration)|troubleshoot(?:ed|ing)?|incidents?|on-?call|uptime|servers?\s+(?:maintenance|administration))/,
    function: 'operations',
    examples: [
      'Deployed and monitored scalable infrastructure on AWS',
      'Used Jenkins to implement continuous integration',
      'Performed SAP system upgrades and database backups',
    ],
  },
  {
    pattern:
      /\b(?:develop(?:ed|ing)|implement(?:ed|ing)|cod(?:ed|ing)|programm(?:ed|ing)|wrote\s+(?:code|the|a|an|modules?|services?|classes)|built|design(?:ed)?\s+and\s+develop(?:ed)?|refactor(?:ed|ing)|(?:rest(?:ful)?|web)\s+(?:apis?|services?)|stored\s+procedures?|back-?end|server-?side|modules?|features?|unit\s+tests?)/,
    function: 'development',
    examples: [
      'Developed REST APIs in Java with Spring',
      'Implemented the order module and its stored procedures',
      'Designed and developed the server-side of the portal',
    ],
  },
]);

/** Duty lines a kind of work needs, and its share of the lines that name any, before they outweigh a title. */
const DUTY_MIN_LINES = 3;
const DUTY_MIN_SHARE = 0.6;

/**
 * The kind of work an entry's duties describe, when they clearly do: the kind named by at least
 * {@link DUTY_MIN_LINES} of its lines and by {@link DUTY_MIN_SHARE} of the lines that name any kind.
 */
export function classifyDuties(body: string): WorkFunction | null {
  const counts: Record<WorkFunction, number> = { development: 0, testing: 0, operations: 0, other: 0 };
  let named = 0;
  for (const line of body.toLowerCase().split('\n')) {
    let any = false;
    for (const row of DUTY_ROWS) {
      if (row.pattern.test(line)) {
        counts[row.function]++;
        any = true;
      }
    }
    if (any) named++;
  }
  for (const row of DUTY_ROWS) {
    const n = counts[row.function];
    // Testing or operations must also outnumber the development lines: a developer deploys and tests too.
    const outweighs = row.function === 'development' || n > counts.development;
    if (n >= DUTY_MIN_LINES && n >= DUTY_MIN_SHARE * named && outweighs) return row.function;
  }
  return null;
}

/**
 * The kind of work of one dated entry: its title's, unless the title names none or only a generic
 * one ("Software Engineer") and its duties clearly describe another kind.
 */
export function entryFunction(entry: TimelineEntry, text: string | undefined): WorkFunction | null {
  const title = entry.title?.toLowerCase().trim();
  const byTitle = title === undefined ? null : classifyTitle(title);
  if (byTitle !== null && byTitle !== 'development') return byTitle;
  if (byTitle === 'development' && !GENERIC_TITLE.test(title!)) return byTitle;
  if (text === undefined) return byTitle;
  const duties = classifyDuties(text.slice(entry.span.start, entry.span.end));
  if (duties === null) return byTitle;
  return duties;
}

/**
 * Totals of the dated timeline: months of work (overlaps merged), months under each kind of title
 * (overlaps within a kind merged), and the latest month reached (open ranges end at `present`).
 */
export function experienceFacts(
  timeline: readonly TimelineEntry[],
  present: YearMonth,
  text?: string,
): ExperienceFacts {
  const all = monthsOf(timeline, present);
  const byFunction: Record<WorkFunction, TimelineEntry[]> = { development: [], testing: [], operations: [], other: [] };
  for (const entry of timeline) {
    const kind = entryFunction(entry, text);
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
