/**
 * Pass 1: names of something else. A name that heads or ends a job line, carries a legal form, follows
 * "at" after a title or fills a timeline entry's organisation field names the employer, not the product
 * ("worked at Oracle", "Oracle India Pvt Ltd", "Software Engineer, Oracle"). An acronym spelled out in
 * brackets after it by words that are no technology names what they say ("LAMP (Learning Assessment
 * Model Project)", "SAP (Student Assistance Program)"). Applies to every hit, ambiguous or not.
 */
import type { Hit } from '../match.js';
import {
  GAP_CLOSE_PAREN,
  GAP_COLON,
  GAP_LIST,
  GAP_NEWLINE,
  GAP_OPEN_PAREN,
  GAP_SENTENCE,
  isVersionToken,
  isYearToken,
} from '../tokens.js';
import { reject } from './state.js';
import { eachUndecided, lineEnd, lineSize, skillsContext, titleOnLine, type HitView } from './view.js';
import { COMPANY_SUFFIXES, COMPANY_WORDS, MONTHS } from './words.js';

/** "Oracle India Pvt Ltd", "Cisco Systems" on a job line: the name is followed by company words. */
function companyNameAfter(v: HitView, h: Hit): boolean {
  const { tokens, gaps } = v.doc;
  const next = tokens[h.to];
  if (next === undefined || gaps[h.to]! & (GAP_LIST | GAP_NEWLINE | GAP_SENTENCE | GAP_COLON)) return false;
  if (COMPANY_SUFFIXES.has(next.norm)) return true;
  if (COMPANY_WORDS.has(next.norm) && next.text.charCodeAt(0) >= 65 && next.text.charCodeAt(0) <= 90) {
    // "Oracle India Pvt Ltd": a legal form within three words; "Developer - Cisco Systems": a job line.
    for (let k = h.to + 1; k < Math.min(v.n, h.to + 4); k++) if (COMPANY_SUFFIXES.has(tokens[k]!.norm)) return true;
    if (titleOnLine(v, h.from, lineEnd(v, h.from)) && !skillsContext(v, h.from)) return true;
  }
  return false;
}

/** Words of a claim of experience after a name ("Python- Exprience - 18 months"), sic included. */
const EXPERIENCE_WORDS = new Set(['exp', 'experience', 'exprience', 'experiance', 'expirience', 'expereince']);

/** Labels of a field that names one organisation: "Client: Cisco Systems", "company - Oracle", "Employer: SAP". */
const ORGANISATION_LABELS = new Set([
  'client',
  'clients',
  'customer',
  'company',
  'employer',
  'organisation',
  'organization',
  'firm',
]);
/** Labels of a field that lists organisations: "Clients: Oracle, SAP", "Key customers: …". */
const ORGANISATIONS_LABELS = new Set([
  'clients',
  'customers',
  'companies',
  'employers',
  'organisations',
  'organizations',
  'accounts',
]);

/**
 * "Client: Cisco Systems", "Client Cisco Systems -", "company - Oracle": the client or company field of a
 * project or job names an organisation. "Client: React, Redux" is the client side's stack: a line of
 * technologies is no client field (a company field always is one).
 */
function organisationLabel(v: HitView, h: Hit): boolean {
  const { tokens, gaps, text } = v.doc;
  const prev = h.from > 0 ? tokens[h.from - 1] : undefined;
  if (prev === undefined || gaps[h.from]! & GAP_NEWLINE || !ORGANISATION_LABELS.has(prev.norm)) return false;
  if ((prev.norm === 'client' || prev.norm === 'clients') && skillsContext(v, h.from)) return false;
  const labelAt = h.from - 1;
  const startsField = labelAt === v.doc.lineStart[labelAt] || (gaps[labelAt]! & (GAP_LIST | GAP_SENTENCE)) !== 0;
  const sep = text.slice(prev.end, tokens[h.from]!.start).trim();
  const c = text.charCodeAt(h.start);
  return startsField && (sep === '' || sep === ':' || sep === '-' || sep === '\u2013') && c >= 65 && c <= 90;
}

/** An item of a field that lists organisations: "Clients: Oracle, SAP, Salesforce", "Representative clients: …". */
function organisationList(v: HitView, h: Hit): boolean {
  const { tokens, gaps, lineStart } = v.doc;
  const first = lineStart[h.from]!;
  for (let k = first; k < Math.min(h.from, first + 3); k++) {
    if (ORGANISATIONS_LABELS.has(tokens[k]!.norm) && gaps[k + 1]! & GAP_COLON) return true;
  }
  return false;
}

/** "Engineer at Oracle", "Software Engineer for Oracle": a preposition after a job title. */
function afterTitlePreposition(v: HitView, h: Hit): boolean {
  const { tokens, gaps } = v.doc;
  const prev = h.from > 0 ? tokens[h.from - 1] : undefined;
  const gapBefore = gaps[h.from]!;
  if (prev === undefined || gapBefore & GAP_NEWLINE || gapBefore & GAP_LIST) return false;
  if ((prev.norm === 'at' || prev.text === '@') && titleOnLine(v, h.from, h.from - 1)) return true;
  // "never worked with Kubernetes" uses the product: after "with" only a job title makes an employer.
  if (
    (prev.norm === 'for' || prev.norm === 'with') &&
    titleOnLine(v, h.from, h.from - 1, prev.norm === 'with') &&
    lineSize(v, h.from) <= 12 &&
    !skillsContext(v, h.from)
  ) {
    // "Software Engineer for Oracle" but not "Developer with Java experience"
    const end = lineEnd(v, h.from);
    if (h.to === end || gaps[h.to]! & (GAP_LIST | GAP_SENTENCE)) return true;
  }
  return false;
}

/**
 * "Software Engineer, Oracle" / "Developer | SAP": a short job line ending with the name. A bracket after
 * a title names the technology: "Backend Engineer (Go)".
 */
function endsJobLine(v: HitView, h: Hit): boolean {
  const { tokens, gaps, line } = v.doc;
  const gapBefore = gaps[h.from]!;
  if (
    gapBefore & GAP_NEWLINE ||
    !(gapBefore & GAP_LIST) ||
    gapBefore & GAP_OPEN_PAREN ||
    lineSize(v, h.from) > 10 ||
    skillsContext(v, h.from) ||
    !titleOnLine(v, h.from, h.from)
  )
    return false;
  const next = tokens[h.to];
  // The dates may follow on the line: "Staff Software Engineer, Twitter July 2012".
  const dated = next !== undefined && !(gaps[h.to]! & GAP_NEWLINE) && (MONTHS.has(next.norm) || isYearToken(next.norm));
  if (!(h.to === lineEnd(v, h.from) || gaps[h.to]! & GAP_LIST || dated)) return false;
  // Every other item on the line must not be a technology, or it is a list, not a job line. The line has
  // at most ten tokens, so only its own hits are looked at.
  const first = v.doc.lineStart[h.from]!;
  for (let i = first; i < v.n && line[i] === line[h.from]; i++) {
    const k = v.hitAtToken[i]!;
    if (k === -1 || v.hits[k]! === h || v.hits[k]!.from !== i) continue;
    if (v.hits[k]!.entries.some((e) => e.ambiguity === null)) return false;
  }
  return true;
}

/**
 * An employer header: "ORACLE -  Gurgaon, Haryana -", "Cisco Systems | San Jose, CA" followed by dates;
 * not the rest of a list whose line ended with a comma ("…, MySQL,\nDocker, Kubernetes").
 */
function employerHeader(v: HitView, h: Hit): boolean {
  const { tokens, gaps, text, line } = v.doc;
  const n = v.n;
  const continuesList = gaps[h.from]! & GAP_LIST && h.from > 0 && v.hitAtToken[h.from - 1] !== -1;
  if (
    v.doc.lineStart[h.from] !== h.from ||
    continuesList ||
    lineSize(v, h.from) > 8 ||
    h.to >= n ||
    gaps[h.to]! & GAP_NEWLINE
  )
    return false;
  let k = h.to;
  if (COMPANY_WORDS.has(tokens[k]!.norm) && !(gaps[k]! & GAP_LIST)) k++;
  const sep = k < n ? text.slice(tokens[k - 1]!.end, tokens[k]!.start).trim() : '';
  // "UNIX, JIRA, …, Visual Studio 2015" is a list: a comma before another technology is no header.
  const listNext =
    sep === ',' &&
    k < n &&
    v.hitAtToken[k] !== -1 &&
    v.hits[v.hitAtToken[k]!]!.entries.some((e) => e.ambiguity === null);
  // "Java | 5 | 2019": a row of a skills table, its next cell a count of years, not a place; "JAVA- Exprience
  // - 18 months": a claim of experience.
  const tableRow =
    k < n &&
    ((isVersionToken(tokens[k]!.norm) && !isYearToken(tokens[k]!.norm)) || EXPERIENCE_WORDS.has(tokens[k]!.norm));
  if (listNext || tableRow || !(sep === '-' || sep === '\u2013' || sep === '\u2014' || sep === '|' || sep === ','))
    return false;
  const l = line[h.from]!;
  for (let m = k; m < Math.min(n, k + 30) && line[m]! <= l + 2; m++) if (isYearToken(tokens[m]!.norm)) return true;
  return false;
}

/**
 * An export's employer line: the name alone on its line with a trailing dash, the next line opening with
 * the dates ("ORACLE -\n\nMarch 2011 to October 2011", Indeed's layout), also where the parser took the
 * block for skills. A skills list never ends on a dash above a date.
 */
function employerLineBeforeDates(v: HitView, h: Hit): boolean {
  const { tokens, gaps, text, line } = v.doc;
  if (v.doc.lineStart[h.from] !== h.from || h.to >= v.n || !(gaps[h.to]! & GAP_NEWLINE)) return false;
  // A vendor's name ("ORACLE", "SAP"), not a product written in full ("SAP ABAP", "Oracle Eloqua"): résumés
  // put the product of a project in that slot too.
  if (h.to - h.from > 1 && h.entries.some((e) => e.ambiguity === null)) return false;
  const gap = text.slice(tokens[h.to - 1]!.end, tokens[h.to]!.start).trim();
  if (gap !== '-' && gap !== '\u2013' && gap !== '\u2014') return false;
  // The next line opens with its date: "March 2011 to …", "2010 to 2010".
  const first = tokens[h.to]!.norm;
  return (
    (MONTHS.has(first) && h.to + 1 < v.n && line[h.to + 1] === line[h.to] && isYearToken(tokens[h.to + 1]!.norm)) ||
    isYearToken(first)
  );
}

/** Alone on its line right under a job title ("Associate Software Engineer\n\noracle"). */
function underJobTitle(v: HitView, h: Hit): boolean {
  if (
    v.doc.lineStart[h.from] !== h.from ||
    lineEnd(v, h.from) !== h.to ||
    v.ctx.sectionAt(h.from) === 'skills' ||
    h.from === 0
  )
    return false;
  const prevLineFirst = v.doc.lineStart[h.from - 1]!;
  return titleOnLine(v, prevLineFirst, h.from) && lineSize(v, prevLineFirst) <= 8;
}

/**
 * The organisation field of the timeline entry the hit sits in, near the entry's head; or inside the
 * organisation the parse stage marked for an entry ("Oracle Financial Services – 2015 to 2018").
 */
function organisationField(v: HitView, h: Hit): boolean {
  if (v.ctx.organisationAt(h.start, h.end) !== null) return true;
  const entryIndex = v.ctx.timelineAt(h.start);
  if (entryIndex === null) return false;
  const entry = v.ctx.timeline[entryIndex]!;
  if (entry.organisation === undefined || h.start - entry.span.start >= 160) return false;
  const org = entry.organisation.toLowerCase();
  const at = org.indexOf(h.key);
  const word = (c: string | undefined): boolean => c !== undefined && /[a-z0-9]/.test(c);
  return at >= 0 && !word(org[at - 1]) && !word(org[at + h.key.length]) && h.start <= entry.dateSpan.end + 80;
}

/** The hit names an employer. */
export function isEmployer(v: HitView, h: Hit): boolean {
  return (
    companyNameAfter(v, h) ||
    organisationLabel(v, h) ||
    organisationList(v, h) ||
    afterTitlePreposition(v, h) ||
    endsJobLine(v, h) ||
    employerHeader(v, h) ||
    employerLineBeforeDates(v, h) ||
    underJobTitle(v, h) ||
    organisationField(v, h)
  );
}

/**
 * Words that make a spelled-out acronym technical ("CSS (Cascading Style Sheets)", "SQL (Structured Query
 * Language)"): an expansion holding one names the technology itself.
 */
const TECHNICAL_EXPANSION_WORDS = new Set([
  'language',
  'languages',
  'markup',
  'style',
  'sheets',
  'query',
  'server',
  'pages',
  'protocol',
  'transfer',
  'web',
  'service',
  'services',
  'stack',
  'script',
  'scripting',
  'programming',
  'database',
  'interface',
  'access',
  'object',
  'runtime',
  'framework',
  'cloud',
  'machine',
  'virtual',
  'container',
  'network',
  'computing',
  'hypertext',
  'extensible',
  'structured',
  'transport',
  'secure',
  'shell',
  'notation',
  'oriented',
  'development',
  'kit',
  'engine',
  'platform',
  'storage',
  'compute',
  'software',
  'application',
  'messaging',
  'queue',
  'directory',
  'integration',
  'continuous',
  'deployment',
  'source',
  'version',
  'control',
]);

/**
 * "LAMP (Learning Assessment Model Project)": an acronym in capitals followed by bracketed capitalised words
 * that spell it, none of them a technology or a technical word, names those words.
 */
export function spelledOutAfter(v: HitView, h: Hit): boolean {
  const { tokens, gaps, text } = v.doc;
  // The word is read in place: cutting it out of the text for every hit costs a string per hit.
  const n = h.end - h.start;
  if (h.to - h.from !== 1 || n < 3 || n > 6) return false;
  for (let k = h.start; k < h.end; k++) {
    const c = text.charCodeAt(k);
    if (c < 65 || c > 90) return false;
  }
  if (!(gaps[h.to]! & GAP_OPEN_PAREN) || h.to + n > v.n) return false;
  for (let k = 0; k < n; k++) {
    const at = h.to + k;
    const t = tokens[at]!;
    if (k > 0 && gaps[at]! & (GAP_LIST | GAP_NEWLINE | GAP_SENTENCE | GAP_OPEN_PAREN | GAP_CLOSE_PAREN)) return false;
    if (
      t.text.charCodeAt(0) !== text.charCodeAt(h.start + k) ||
      v.hitAtToken[at] !== -1 ||
      TECHNICAL_EXPANSION_WORDS.has(t.norm)
    )
      return false;
  }
  return h.to + n === v.n || (gaps[h.to + n]! & GAP_CLOSE_PAREN) !== 0;
}

/** Rejects every hit that names an employer, or an expansion spelled out after it. */
export function employerPass(v: HitView): void {
  eachUndecided(v, (h, _k, state) => {
    if (isEmployer(v, h)) reject(state, h.entries, 'employer', true);
    else if (spelledOutAfter(v, h)) reject(state, h.entries, 'abbreviation', true);
  });
}
