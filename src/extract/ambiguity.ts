/**
 * Decides which hits count. Unambiguous aliases count unless they name an employer
 * ("worked at Oracle", "Oracle India Pvt Ltd"). Ambiguous aliases (the taxonomy's `ambiguous`
 * field) count only in context, tried cheapest first: written case, hyphen compounds
 * ("go-to-market"), a following year ("Spring 2019"), a confirming word, a skills list, a
 * neighbouring technology in a list; and, last and only for `tech-context` aliases in a
 * technical sentence, `compromise`'s part of speech.
 */
import type { AliasEntry } from '../taxonomy/alias-index.js';
import type { SectionKind, TimelineEntry } from '../types.js';
import { canBeNonNoun, isEnglishWord, isGenericNoun, isUnknownWord, wordClassAt } from './context.js';
import type { Hit } from './match.js';
import {
  GAP_BLANK_LINE,
  GAP_CLOSE_PAREN,
  GAP_COLON,
  GAP_LIST,
  GAP_NEWLINE,
  GAP_OPEN_PAREN,
  GAP_SENTENCE,
  isVersionToken,
  isYearToken,
  type DocTokens,
} from './tokens.js';

const CONNECTOR_WORDS = new Set(['and', 'or', 'nor', 'plus', '&', 'with', 'vs', 'versus', 'including', 'like', 'e.g', 'eg', 'i.e', 'ie', 'etc']);
/** Legal-form words: a name followed by one is a company ("Oracle Corporation", "Oracle India Pvt Ltd"). */
const COMPANY_SUFFIXES = new Set(['inc', 'corp', 'corporation', 'pvt', 'private', 'ltd', 'limited', 'llc', 'llp', 'plc', 'gmbh', 'pty', 'bv']);
/** Words that follow company names but also products ("J2EE technologies", "Linux systems"): need a capital and a job line. */
const COMPANY_WORDS = new Set(['india', 'labs', 'consulting', 'financial', 'technologies', 'infotech', 'bank', 'systems', 'solutions', 'software', 'services', 'group', 'international', 'global', 'co', 'corporate']);
const TITLE_WORDS = new Set([
  'engineer', 'developer', 'consultant', 'analyst', 'manager', 'intern', 'internship', 'associate', 'lead', 'architect', 'administrator',
  'admin', 'specialist', 'tester', 'programmer', 'executive', 'officer', 'director', 'designer', 'trainee', 'scientist', 'head', 'vp',
  'president', 'coordinator', 'accountant', 'technician', 'worked', 'working', 'employed', 'joined', 'interned', 'contractor', 'founder',
  'member', 'sde', 'swe', 'fellow', 'partner', 'owner', 'advisor', 'representative',
]);
/** Words that make a sentence technical enough to ask `compromise` about an ambiguous noun. */
const TECH_WORDS = new Set([
  'software', 'code', 'coding', 'coded', 'developed', 'develop', 'developing', 'development', 'developer', 'developers', 'programming',
  'program', 'programs', 'framework', 'frameworks', 'library', 'libraries', 'api', 'apis', 'backend', 'back', 'frontend', 'front', 'web',
  'app', 'apps', 'application', 'applications', 'database', 'databases', 'server', 'servers', 'deploy', 'deployed', 'deployment',
  'microservices', 'services', 'service', 'built', 'build', 'implemented', 'stack', 'language', 'languages', 'scripts', 'scripting',
  'engineer', 'engineering', 'cloud', 'platform', 'tools', 'technologies', 'technology', 'skills', 'experience', 'using', 'written',
  'wrote', 'rest', 'open', 'source', 'repository', 'module', 'modules', 'sdk', 'cli', 'tool', 'system', 'systems', 'data',
  'learning', 'learn', 'expert', 'familiar', 'proficient', 'proficiency', 'knowledge', 'exposure', 'programmer', 'engineers',
]);
/** Words before a verb: "ready to go", "we react", "will express". */
const VERB_BEFORE = new Set(['to', 'will', 'would', 'can', 'could', 'should', 'must', 'may', 'might', 'i', 'we', 'you', 'they', 'he', 'she', 'let', 'lets', 'don', 'didn', 'doesn', 'not', 'never', 'please', 'and/or']);
/** Words before a name: "built in React", "with Express", "using Spring". */
const NOUN_BEFORE = new Set([
  'in', 'with', 'using', 'and', 'or', 'on', 'via', 'for', 'of', 'from', 'the', 'a', 'an', 'into', 'by', 'like', 'including', 'plus', 'use', 'used',
  'uses', 'leveraging', 'leverage', 'utilizing', 'utilising', 'written', 'wrote', 'knowledge', 'experience', 'expertise', 'proficiency', '&',
]);
/** Words after a name that make it one: "Go services", "Express middleware", "Spring beans". */
const TECH_NOUNS_AFTER = new Set(['api', 'apis', 'sdk', 'framework', 'library', 'code', 'services', 'service', 'app', 'apps', 'application', 'applications', 'middleware', 'microservices', 'backend', 'server', 'cluster', 'clusters', 'developer', 'developers', 'engineer', 'programming', 'project', 'projects', 'modules', 'module', 'scripts', 'integration', 'integrations', 'workspaces', 'components', 'stack']);

/** US state and Canadian province codes: "Phoenix, AZ" is a city. */
const REGION_CODES = new Set([
  'AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'DC', 'FL', 'GA', 'HI', 'ID', 'IL', 'IN', 'IA', 'KS', 'KY', 'LA', 'ME', 'MD', 'MA', 'MI', 'MN', 'MS',
  'MO', 'MT', 'NE', 'NV', 'NH', 'NJ', 'NM', 'NY', 'NC', 'ND', 'OH', 'OK', 'OR', 'PA', 'RI', 'SC', 'SD', 'TN', 'TX', 'UT', 'VT', 'VA', 'WA', 'WV', 'WI',
  'WY', 'ON', 'QC', 'BC', 'AB', 'MB', 'NS', 'NB',
]);
/** Level words written before a name in a list ("Advanced Go, Python"). */
const QUALIFIERS = new Set(['advanced', 'basic', 'basics', 'expert', 'proficient', 'familiar', 'strong', 'intermediate', 'beginner', 'working', 'core', 'modern', 'some']);
/** Words that open a place or institution name: "New Jersey", "University of Phoenix". */
const PLACE_BEFORE = new Set(['new', 'san', 'santa', 'saint', 'st', 'fort', 'port', 'north', 'south', 'east', 'west']);
const INSTITUTION_WORDS = new Set(['university', 'college', 'institute', 'school', 'academy']);
/** US state names, one word or the words of two ("Palo Alto, California", "Albany, New York"). */
const US_STATES = new Set([
  'alabama', 'alaska', 'arizona', 'arkansas', 'california', 'colorado', 'connecticut', 'delaware', 'florida', 'georgia', 'hawaii', 'idaho',
  'illinois', 'indiana', 'iowa', 'kansas', 'kentucky', 'louisiana', 'maine', 'maryland', 'massachusetts', 'michigan', 'minnesota',
  'mississippi', 'missouri', 'montana', 'nebraska', 'nevada', 'ohio', 'oklahoma', 'oregon', 'pennsylvania', 'tennessee', 'texas', 'utah',
  'vermont', 'virginia', 'washington', 'wisconsin', 'wyoming', 'new hampshire', 'new jersey', 'new mexico', 'new york', 'north carolina',
  'north dakota', 'rhode island', 'south carolina', 'south dakota', 'west virginia',
]);
/** Title words that are verbs: "worked with Kubernetes" uses the product, "worked at Oracle" names the employer. */
const VERB_TITLES = new Set(['worked', 'working', 'employed', 'joined', 'interned']);
const MONTHS = new Set([
  'jan', 'january', 'feb', 'february', 'mar', 'march', 'apr', 'april', 'may', 'jun', 'june', 'jul', 'july', 'aug', 'august', 'sep', 'sept',
  'september', 'oct', 'october', 'nov', 'november', 'dec', 'december',
]);
/** Short words a Title Case name may hold ("Society for Political Methodology"). */
const NAME_GLUE = new Set(['of', 'for', 'and', 'the', '&', 'de', 'in', 'on']);

/** Words after an ambiguous name that say it is not the technology ("Spring semester", "Go live"). */
const NON_TECH_FOLLOWERS = new Set(['semester', 'term', 'break', 'season', 'festival', 'quarter', 'session', 'intake', 'batch', 'live', 'ahead', 'beyond', 'back']);
/** Connectors of several words that join two items like "and" does ("R together with SQL"). */
const PHRASE_CONNECTORS = [['together', 'with'], ['along', 'with'], ['as', 'well', 'as']];

/** Fewest tokens on a line that a PDF wrapped mid-sentence; a shorter line is a heading or a list item. */
const WRAP_MIN_TOKENS = 5;

/**
 * The line break before token `i` only wraps a sentence: nothing but the break sits in the gap (no bullet,
 * comma or full stop), the line before (`prevLineSize` tokens) is long, and the next line goes on in lower
 * case ("…using PostgreSQL\ntogether with Go") or the line before ends on a joining word ("on Go and\ngRPC").
 */
function softWrap(doc: DocTokens, i: number, prevLineSize: number): boolean {
  if (i <= 0 || i >= doc.tokens.length || doc.gaps[i] !== GAP_NEWLINE || prevLineSize < WRAP_MIN_TOKENS) return false;
  const c = doc.tokens[i]!.text.charCodeAt(0);
  if (c >= 97 && c <= 122) return true;
  const prev = doc.tokens[i - 1]!.norm;
  return CONNECTOR_WORDS.has(prev) || NOUN_BEFORE.has(prev);
}

const confirmerSets = new WeakMap<readonly string[], ReadonlySet<string>>();

/** An alias's confirming words as a set, made once per alias: every nearby word is looked up in it. */
function confirmerSet(words: readonly string[]): ReadonlySet<string> {
  let set = confirmerSets.get(words);
  if (set === undefined) {
    set = new Set(words);
    confirmerSets.set(words, set);
  }
  return set;
}

export type SectionAt = (tokenIndex: number) => SectionKind | null;

export interface AmbiguityContext {
  doc: DocTokens;
  hits: Hit[];
  sectionAt: SectionAt;
  timeline: readonly TimelineEntry[];
  timelineAt: (offset: number) => number | null;
  /** Use compromise for undecided `tech-context` hits. */
  useCompromise: boolean;
  /** Most sentences given to compromise. */
  maxContextSentences: number;
}

export interface Decision {
  /** The hit's entries that count. */
  kept: AliasEntry[];
  /** Why an entry was dropped (for diagnostics). */
  dropped: { entry: AliasEntry; reason: string }[];
}

export interface LineInfo {
  /** Tokens on the line. */
  size: number;
  /** The line reads as a list of technologies ("Languages: Java, C, Python"). */
  list: boolean;
}

/** Per-line facts used by the rules and by mention contexts. */
export function lineInfo(doc: DocTokens, hits: readonly Hit[]): Map<number, LineInfo> {
  const { tokens, gaps, line } = doc;
  const n = tokens.length;
  // Line numbers never decrease along the tokens, so the tokens of a line are one run: per-line counts
  // live in arrays indexed by the line's rank among the lines that hold tokens, not in maps.
  const rank = new Uint32Array(n);
  const lineOfRank: number[] = [];
  const size: number[] = [];
  const listGaps: number[] = [];
  const colonEarly: boolean[] = [];
  const firstToken: number[] = [];
  const plain: number[] = [];
  for (let i = 0; i < n; i++) {
    const l = line[i]!;
    if (i === 0 || l !== line[i - 1]) {
      lineOfRank.push(l);
      size.push(0);
      listGaps.push(0);
      colonEarly.push(false);
      firstToken.push(i);
      plain.push(0);
    }
    const r = lineOfRank.length - 1;
    rank[i] = r;
    const first = doc.lineStart[i]!;
    if (i === first) firstToken[r] = i;
    size[r]!++;
    if (i !== first && gaps[i]! & GAP_LIST) listGaps[r]!++;
    if (i !== first && gaps[i]! & GAP_COLON && i - first <= 4) colonEarly[r] = true;
  }
  for (const h of hits) {
    if (h.entries.some((e) => e.ambiguity === null)) plain[rank[h.from]!]!++;
  }
  const out = new Map<number, LineInfo>();
  for (let r = 0; r < lineOfRank.length; r++) {
    const l = lineOfRank[r]!;
    const s = size[r]!;
    const lg = listGaps[r]!;
    const p = plain[r]!;
    let list = (p >= 2 && lg >= 2 && s / (lg + 1) <= 4) || (colonEarly[r]! && p >= 1 && lg >= 1);
    // A list that goes on past a comma or a wrapped line ("…PostgreSQL, MySQL,\nDocker, Kubernetes") lends the
    // next line its context, when that line reads as items too.
    const first = firstToken[r]!;
    if (!list && first > 0 && p >= 1 && s / (lg + 1) <= 4) {
      const before = out.get(line[first - 1]!);
      if (before?.list === true && (gaps[first]! & (GAP_LIST | GAP_BLANK_LINE | GAP_SENTENCE)) === GAP_LIST) list = true;
      else if (before?.list === true && softWrap(doc, first, before.size)) list = true;
    }
    out.set(l, { size: s, list });
  }
  return out;
}

/** Decides every hit; returns one decision per hit (index-aligned). */
export function decideHits(ctx: AmbiguityContext, lines: Map<number, LineInfo>): Decision[] {
  const { doc, hits } = ctx;
  const { tokens, gaps } = doc;
  const n = tokens.length;
  const hitAtToken = new Int32Array(n).fill(-1);
  hits.forEach((h, k) => {
    for (let i = h.from; i < h.to; i++) hitAtToken[i] = k;
  });
  const decisions: Decision[] = hits.map(() => ({ kept: [], dropped: [] }));
  // 0 = undecided, 1 = technology, 2 = not
  const state = new Uint8Array(hits.length);

  const skillsContext = (i: number): boolean => ctx.sectionAt(i) === 'skills' || lines.get(doc.line[i]!)?.list === true;
  const versionEnd = (h: Hit): number => {
    let end = h.to;
    while (end < n && end - h.to < 2 && isVersionToken(tokens[end]!.norm) && !(gaps[end]! & (GAP_LIST | GAP_NEWLINE | GAP_SENTENCE))) end++;
    return end;
  };
  /** Token `i` is glued to the one before by a hyphen or an ampersand: "go-to-market", "R&D". */
  const gluedBefore = (i: number): boolean => {
    if (i <= 0 || i >= n) return false;
    const t = tokens[i]!;
    if (t.hyphenBefore) return true;
    return t.start - tokens[i - 1]!.end === 1 && doc.text.charCodeAt(t.start - 1) === 38;
  };
  /** A line made of skill names only ("gRPC AWS ECS Lambda S3 RDS"), not prose inside a skills section. */
  const chipLine = (i: number): boolean => {
    const l = doc.line[i]!;
    let uncovered = 0;
    for (let k = doc.lineStart[i]!; k < n && doc.line[k] === l && k - doc.lineStart[i]! < 40; k++) if (hitAtToken[k] === -1) uncovered++;
    return uncovered <= 1;
  };
  /**
   * A line of lower-case tags ("java rest cloud spring design-patterns"): written all in lower case, so
   * letter case says nothing about its ambiguous words, and mostly technologies, two of them plain.
   */
  const tagLines = new Map<number, boolean>();
  const tagLine = (i: number): boolean => {
    const l = doc.line[i]!;
    let known = tagLines.get(l);
    if (known !== undefined) return known;
    let count = 0;
    let uncovered = 0;
    let plain = 0;
    let lower = true;
    const first = doc.lineStart[i]!;
    let k = first;
    for (; k < n && doc.line[k] === l && lower; k++) {
      if (k - first >= 40) {
        lower = false;
        break;
      }
      const t = tokens[k]!;
      // A token equal to its folded form is lower case already; lower-casing costs more than the compare.
      if (t.norm !== t.text && t.text.toLowerCase() !== t.text) lower = false;
      count++;
      const hk = hitAtToken[k]!;
      if (hk === -1) uncovered++;
      else if (hits[hk]!.from === k && hits[hk]!.entries.some((e) => e.ambiguity === null)) plain++;
    }
    known = lower && count >= 3 && plain >= 2 && uncovered * 3 <= count;
    tagLines.set(l, known);
    return known;
  };
  const lineSize = (i: number): number => lines.get(doc.line[i]!)?.size ?? 0;
  const wrap = (i: number): boolean => softWrap(doc, i, lineSize(i - 1));
  /** The gap before token `i` stays inside one sentence: no sentence end, and a line break only where a line wraps. */
  const inSentence = (i: number): boolean => !(gaps[i]! & GAP_SENTENCE) && (!(gaps[i]! & GAP_NEWLINE) || wrap(i));
  /** Tokens a connector of one to three words spans at `i` ("and", "together with", "as well as"), or 0. */
  const connectorAt = (i: number, upTo: number): number => {
    if (i >= upTo) return 0;
    if (CONNECTOR_WORDS.has(tokens[i]!.norm)) return 1;
    for (const words of PHRASE_CONNECTORS) {
      if (i + words.length > upTo) continue;
      let ok = true;
      for (let w = 0; w < words.length && ok; w++) ok = tokens[i + w]!.norm === words[w] && (w === 0 || inSentence(i + w));
      if (ok) return words.length;
    }
    return 0;
  };
  /** `a` and `b` (a before b) are items of one list. */
  const connected = (a: Hit, b: Hit): boolean => {
    const end = versionEnd(a);
    if (end > b.from) return false;
    const g = gaps[b.from]!;
    if (g & GAP_BLANK_LINE) return false;
    const newlineOk = (): boolean => lineSize(a.from) <= 5 && lineSize(b.from) <= 5;
    // Every tag of a tag line is an item of one list.
    if (doc.line[a.from] === doc.line[b.from] && tagLine(a.from)) return true;
    const chips = ctx.sectionAt(a.from) === 'skills' && ctx.sectionAt(b.from) === 'skills' && chipLine(a.from);
    if (end === b.from) {
      // Skill "chips" of a two-column layout sit apart by spaces only: "gRPC AWS ECS Lambda S3 RDS".
      if (chips && !(g & GAP_NEWLINE)) return true;
      if (!(g & GAP_LIST) && !(g & GAP_NEWLINE)) return false;
      if (g & GAP_NEWLINE) return newlineOk() || (skillsContext(a.from) && skillsContext(b.from));
      return true;
    }
    const middle = b.from - end;
    // "Go, Rust and Python", "using R together\nwith SQL": a line that only wraps keeps the items joined.
    if (connectorAt(end, b.from) === middle) return inSentence(end) && inSentence(b.from);
    // A parenthesised note between items: "Java (basic), Python", "Python (3 years), Go".
    if (middle <= 3 && gaps[end]! & GAP_OPEN_PAREN && g & GAP_CLOSE_PAREN && !(g & GAP_NEWLINE)) return true;
    return false;
  };
  const rightBounded = (h: Hit): boolean => {
    const end = versionEnd(h);
    return end >= n || (gaps[end]! & (GAP_LIST | GAP_SENTENCE)) !== 0 || (gaps[end]! & GAP_NEWLINE && !wrap(end)) || connectorAt(end, n) > 0;
  };
  const itemBounded = (h: Hit): boolean => {
    const left = h.from === 0 || gaps[h.from]! & (GAP_LIST | GAP_NEWLINE | GAP_COLON) || CONNECTOR_WORDS.has(tokens[h.from - 1]!.norm);
    return Boolean(left) && rightBounded(h);
  };
  // Every scan below is capped, so a 1 MB line with thousands of hits stays linear.
  // A job title in the same sentence of the line, before `upTo`: "Go developer. Built it with PostgreSQL"
  // has its title in another sentence, so PostgreSQL there is a technology, not an employer.
  const titleOnLine = (i: number, upTo: number, nounsOnly = false): boolean => {
    for (let k = upTo - 1, stop = Math.max(doc.lineStart[i]!, upTo - 16); k >= stop; k--) {
      if (TITLE_WORDS.has(tokens[k]!.norm) && !(nounsOnly && VERB_TITLES.has(tokens[k]!.norm))) return true;
      if (gaps[k]! & GAP_SENTENCE) return false;
    }
    return false;
  };
  const lineEnd = (i: number): number => {
    let k = i;
    const l = doc.line[i]!;
    while (k < n && k - i < 24 && doc.line[k] === l) k++;
    return k;
  };

  const isEmployer = (h: Hit): boolean => {
    const next = tokens[h.to];
    const nextGap = gaps[h.to]!;
    if (next !== undefined && !(nextGap & (GAP_LIST | GAP_NEWLINE | GAP_SENTENCE | GAP_COLON))) {
      if (COMPANY_SUFFIXES.has(next.norm)) return true;
      if (COMPANY_WORDS.has(next.norm) && next.text.charCodeAt(0) >= 65 && next.text.charCodeAt(0) <= 90) {
        // "Oracle India Pvt Ltd": a legal form within three words; "Developer - Cisco Systems": a job line.
        for (let k = h.to + 1; k < Math.min(n, h.to + 4); k++) if (COMPANY_SUFFIXES.has(tokens[k]!.norm)) return true;
        if (titleOnLine(h.from, lineEnd(h.from)) && !skillsContext(h.from)) return true;
      }
    }
    const prev = h.from > 0 ? tokens[h.from - 1] : undefined;
    const gapBefore = gaps[h.from]!;
    const sameLine = (gapBefore & GAP_NEWLINE) === 0;
    // "Client: Cisco Systems", "Client Cisco Systems -": the client field of a project names an organisation.
    // "Client: React, Redux" is the client side's stack: a line of technologies is no client field.
    if (prev !== undefined && sameLine && (prev.norm === 'client' || prev.norm === 'clients') && !skillsContext(h.from)) {
      const labelAt = h.from - 1;
      const startsField = labelAt === doc.lineStart[labelAt] || (gaps[labelAt]! & (GAP_LIST | GAP_SENTENCE)) !== 0;
      const sep = doc.text.slice(prev.end, tokens[h.from]!.start).trim();
      const c = doc.text.charCodeAt(h.start);
      if (startsField && (sep === '' || sep === ':' || sep === '-' || sep === '\u2013') && c >= 65 && c <= 90) return true;
    }
    if (prev !== undefined && sameLine && !(gapBefore & GAP_LIST)) {
      if ((prev.norm === 'at' || prev.text === '@') && titleOnLine(h.from, h.from - 1)) return true;
      // "never worked with Kubernetes" uses the product: after "with" only a job title makes an employer.
      if ((prev.norm === 'for' || prev.norm === 'with') && titleOnLine(h.from, h.from - 1, prev.norm === 'with') && lineSize(h.from) <= 12 && !skillsContext(h.from)) {
        // "Software Engineer for Oracle" but not "Developer with Java experience"
        const end = lineEnd(h.from);
        if (h.to === end || gaps[h.to]! & (GAP_LIST | GAP_SENTENCE)) return true;
      }
    }
    const end = lineEnd(h.from);
    // "Software Engineer, Oracle" / "Developer | SAP": a short job line ending with the name.
    // A bracket after a title names the technology: "Backend Engineer (Go)".
    if (sameLine && gapBefore & GAP_LIST && !(gapBefore & GAP_OPEN_PAREN) && lineSize(h.from) <= 10 && !skillsContext(h.from) && titleOnLine(h.from, h.from)) {
      // The dates may follow on the line: "Staff Software Engineer, Twitter July 2012".
      const dated = next !== undefined && !(nextGap & GAP_NEWLINE) && (MONTHS.has(next.norm) || isYearToken(next.norm));
      if (h.to === end || gaps[h.to]! & GAP_LIST || dated) {
        // Every other item on the line must not be a technology, or it is a list, not a job line.
        let otherTech = false;
        for (const o of hits) if (o !== h && doc.line[o.from] === doc.line[h.from] && o.entries.some((e) => e.ambiguity === null)) otherTech = true;
        if (!otherTech) return true;
      }
    }
    // An employer header: "ORACLE -  Gurgaon, Haryana -", "Cisco Systems | San Jose, CA" followed by dates;
    // not the rest of a list whose line ended with a comma ("…, MySQL,\nDocker, Kubernetes").
    const continuesList = gapBefore & GAP_LIST && h.from > 0 && hitAtToken[h.from - 1] !== -1;
    if (doc.lineStart[h.from] === h.from && !continuesList && lineSize(h.from) <= 8 && h.to < n && !(gaps[h.to]! & GAP_NEWLINE)) {
      let k = h.to;
      if (COMPANY_WORDS.has(tokens[k]!.norm) && !(gaps[k]! & GAP_LIST)) k++;
      const sep = k < n ? doc.text.slice(tokens[k - 1]!.end, tokens[k]!.start).trim() : '';
      // "UNIX, JIRA, …, Visual Studio 2015" is a list: a comma before another technology is no header.
      const listNext = sep === ',' && k < n && hitAtToken[k] !== -1 && hits[hitAtToken[k]!]!.entries.some((e) => e.ambiguity === null);
      if (!listNext && (sep === '-' || sep === '\u2013' || sep === '\u2014' || sep === '|' || sep === ',')) {
        let year = false;
        const l = doc.line[h.from]!;
        for (let m = k; m < Math.min(n, k + 30) && doc.line[m]! <= l + 2 && !year; m++) if (isYearToken(tokens[m]!.norm)) year = true;
        if (year) return true;
      }
    }
    // Alone on its line right under a job title ("Associate Software Engineer\n\noracle").
    if (doc.lineStart[h.from] === h.from && end === h.to && ctx.sectionAt(h.from) !== 'skills' && h.from > 0) {
      const prevLineFirst = doc.lineStart[h.from - 1]!;
      if (titleOnLine(prevLineFirst, h.from) && lineSize(prevLineFirst) <= 8) return true;
    }
    // The organisation field of the timeline entry the hit sits in, near the entry's head.
    const entryIndex = ctx.timelineAt(h.start);
    if (entryIndex !== null) {
      const entry = ctx.timeline[entryIndex]!;
      if (entry.organisation !== undefined && h.start - entry.span.start < 160) {
        const org = entry.organisation.toLowerCase();
        const at = org.indexOf(h.key);
        const word = (c: string | undefined): boolean => c !== undefined && /[a-z0-9]/.test(c);
        if (at >= 0 && !word(org[at - 1]) && !word(org[at + h.key.length])) {
          const headEnd = entry.dateSpan.end + 80;
          if (h.start <= headEnd) return true;
        }
      }
    }
    return false;
  };

  const sentenceBounds = (i: number): [number, number] => {
    let s = i;
    // A sentence wrapped over two lines of a PDF is still one sentence ("…using PostgreSQL\ntogether with Go").
    while (s > 0 && i - s < 40 && inSentence(s)) s--;
    let e = i + 1;
    while (e < n && e - i < 40 && inSentence(e)) e++;
    return [s, e];
  };

  /**
   * A hit strong enough to vouch for an ambiguous neighbour: a name that is not plain English
   * ("Python", "MySQL", "SQL", "C++"), not a common word that happens to be a skill ("Monitoring",
   * "Testing" — a list of verbs is not a list of technologies).
   */
  const anchor = new Uint8Array(hits.length);
  const named = (h: Hit): boolean => {
    for (let i = h.from; i < h.to; i++) {
      const t = tokens[i]!;
      if (!isEnglishWord(t.norm)) return true;
      let upper = 0;
      let letters = 0;
      for (let k = 0; k < t.text.length; k++) {
        const c = t.text.charCodeAt(k);
        if (c >= 65 && c <= 90) upper++;
        if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) letters++;
      }
      if (letters >= 2 && upper === letters) return true;
    }
    return false;
  };

  /** "New Jersey", "University of Phoenix", "Phoenix, AZ": a place or an institution, not the technology. */
  const placeName = (h: Hit): boolean => {
    const sameLineBefore = (i: number): boolean => !(gaps[i]! & (GAP_LIST | GAP_NEWLINE | GAP_SENTENCE | GAP_COLON));
    if (h.from > 0 && sameLineBefore(h.from)) {
      const prev = tokens[h.from - 1]!;
      const c = prev.text.charCodeAt(0);
      if (c >= 65 && c <= 90 && PLACE_BEFORE.has(prev.norm)) return true;
      if (prev.norm === 'of' && h.from > 1 && sameLineBefore(h.from - 1) && INSTITUTION_WORDS.has(tokens[h.from - 2]!.norm)) return true;
    }
    const next = tokens[h.to];
    if (next === undefined) return false;
    const capital = (t: { text: string }): boolean => t.text.charCodeAt(0) >= 65 && t.text.charCodeAt(0) <= 90;
    // "Oracle University", "Cisco Networking Academy" is a school, not the product.
    if (sameLineBefore(h.to) && capital(next) && INSTITUTION_WORDS.has(next.norm)) return true;
    // "Phoenix, AZ", "Palo Alto, California": a city before its state. "Windows, MS Office" and "C, QC" are
    // lists: the state must not begin a technology itself.
    if (hitAtToken[h.to] === -1 && !(gaps[h.to]! & (GAP_NEWLINE | GAP_SENTENCE)) && doc.text.slice(tokens[h.to - 1]!.end, next.start).trim() === ',') {
      if (REGION_CODES.has(next.text)) return true;
      const two = h.to + 1 < n && sameLineBefore(h.to + 1) ? `${next.norm} ${tokens[h.to + 1]!.norm}` : '';
      if (capital(next) && (US_STATES.has(next.norm) || US_STATES.has(two))) return true;
    }
    return false;
  };

  /**
   * The word sits inside a run of capitalised words that are not technologies: a proper name or a title
   * ("Conditional Access System", "Premier Access Certified", "Publisher Information Systems Journal").
   */
  const inTitleRun = (h: Hit, sentenceStart: number): boolean => {
    const first = doc.text.charCodeAt(h.start);
    if (!(first >= 65 && first <= 90)) return false;
    // Beside an accepted technology it is an item of a flattened table ("SSRS Operating System Windows Family").
    for (let k = Math.max(sentenceStart, h.from - 4); k < Math.min(n, h.to + 4); k++) {
      const other = hitAtToken[k]!;
      if (other !== -1 && state[other] === 1) return false;
    }
    let capitals = 0;
    const capitalWord = (k: number): boolean => {
      const t = tokens[k]!;
      const c = t.text.charCodeAt(0);
      const d = t.text.charCodeAt(1);
      return hitAtToken[k] === -1 && c >= 65 && c <= 90 && d >= 97 && d <= 122;
    };
    for (let k = h.from - 1, steps = 0; k > sentenceStart && steps < 4 && !(gaps[k + 1]! & (GAP_LIST | GAP_NEWLINE | GAP_SENTENCE | GAP_COLON)); k--, steps++) {
      if (capitalWord(k)) capitals++;
      else if (!NAME_GLUE.has(tokens[k]!.norm)) break;
    }
    for (let k = h.to, steps = 0; k < n && steps < 4 && !(gaps[k]! & (GAP_LIST | GAP_NEWLINE | GAP_SENTENCE | GAP_COLON)); k++, steps++) {
      if (capitalWord(k)) capitals++;
      else if (!NAME_GLUE.has(tokens[k]!.norm)) break;
    }
    return capitals >= 2;
  };

  /** "Process Improvement Plan (PIP)": a bracketed acronym spelled by the capitalised words before it names them. */
  const definesAbbreviation = (h: Hit): boolean => {
    const word = doc.text.slice(h.start, h.end);
    if (h.to - h.from !== 1 || word.length < 2 || word.length > 6 || word !== word.toUpperCase() || !(gaps[h.from]! & GAP_OPEN_PAREN)) return false;
    if (h.from < word.length) return false;
    for (let k = 0; k < word.length; k++) {
      const t = tokens[h.from - word.length + k]!;
      if (t.text[0] !== word[k]) return false;
    }
    return true;
  };

  /** The bracketed acronym stands for a name of its own skill: "Professional Scrum Master (PSM)", "Enterprise Asset Management (EAM)". */
  const definesOwnName = (h: Hit): boolean => {
    const ids = new Set(h.entries.map((e) => e.skillId));
    for (let i = Math.max(0, h.from - (h.end - h.start)); i < h.from; i++) {
      const o = hitAtToken[i]!;
      if (o !== -1 && hits[o]!.entries.some((e) => ids.has(e.skillId))) return true;
    }
    return false;
  };
  /**
   * The next item of the list is a product of the same brand written in full: bare "SAP" in "SAP Knowledge:
   * SAP EWM, SAP SD" or "SAP EWM, SAP". At most one word apart, in one sentence: a brand's word later in a
   * paragraph ("Flash Factory … Flash Audio Library") proves nothing.
   */
  const brandBeside = (h: Hit, k: number): boolean => {
    const prefix = h.key + ' ';
    const near = (a: Hit, b: Hit): boolean => {
      if (b.from - a.to > 1) return false;
      for (let i = a.to; i <= b.from; i++) if (gaps[i]! & (GAP_SENTENCE | GAP_NEWLINE)) return false;
      return true;
    };
    const family = (o: Hit): boolean => o.key.startsWith(prefix) && o.entries.some((e) => e.ambiguity === null);
    return (k + 1 < hits.length && family(hits[k + 1]!) && near(h, hits[k + 1]!)) || (k > 0 && family(hits[k - 1]!) && near(hits[k - 1]!, h));
  };

  // Pass 1: employers, and ambiguous hits decided by cheap local evidence.
  hits.forEach((h, k) => {
    if (isEmployer(h)) {
      state[k] = 2;
      for (const entry of h.entries) decisions[k]!.dropped.push({ entry, reason: 'employer' });
      return;
    }
    const plain = h.entries.filter((e) => e.ambiguity === null);
    decisions[k]!.kept.push(...plain);
    if (plain.length > 0) {
      state[k] = 1;
      if (named(h) || tagLine(h.from)) anchor[k] = 1;
      return;
    }
    const surface = doc.text.slice(h.start, h.end);
    // On a line of lower-case tags the writer's case is lost, so a lower-case form may stand for any.
    // A one-token surface equal to its folded form is lower case already (and lower-casing is costly).
    const lowerSurface = (h.to - h.from === 1 && tokens[h.from]!.norm === surface) || surface === surface.toLowerCase();
    const caseFree = lowerSurface && tagLine(h.from);
    let entries = h.entries.filter(
      (e) => caseFree || e.ambiguity!.caseSensitive === null || e.ambiguity!.caseSensitive.some((w) => w === surface || w.replace(/\s+/g, ' ') === surface.replace(/\s+/g, ' ')),
    );
    if (entries.length === 0) {
      // Written in lower case, a name still counts joined to named technologies in a list ("linux and windows",
      // "python, go, docker"); nothing else vouches for it. One letter is too little to go on.
      const lower = surface.length >= 2 && lowerSurface ? h.entries.filter((e) => e.ambiguity!.rule === 'tech-context') : [];
      for (const e of h.entries) if (!lower.includes(e)) decisions[k]!.dropped.push({ entry: e, reason: 'case' });
      if (lower.length === 0) {
        state[k] = 2;
        return;
      }
      (h as Hit & { lowerCase?: boolean }).lowerCase = true;
      entries = lower;
    } else for (const e of h.entries) if (!entries.includes(e)) decisions[k]!.dropped.push({ entry: e, reason: 'case' });
    const prevGlued = gluedBefore(h.from) && hitAtToken[h.from - 1] === -1;
    const next = tokens[h.to];
    const nextGlued = next !== undefined && gluedBefore(h.to) && hitAtToken[h.to] === -1 && !isVersionToken(next.norm);
    // "Spring 2019", also when a wrapped line puts the year on the next line ("…during Spring\n2019").
    const followerGap = !(gaps[h.to]! & (GAP_LIST | GAP_NEWLINE | GAP_SENTENCE)) || (gaps[h.to]! === GAP_NEWLINE && lineSize(h.from) >= WRAP_MIN_TOKENS);
    const followedByYear = next !== undefined && followerGap && (isYearToken(next.norm) || NON_TECH_FOLLOWERS.has(next.norm));
    if (prevGlued || nextGlued || followedByYear) {
      state[k] = 2;
      for (const e of entries) decisions[k]!.dropped.push({ entry: e, reason: prevGlued || nextGlued ? 'hyphen-compound' : 'not-technical-follower' });
      return;
    }
    if (placeName(h)) {
      state[k] = 2;
      for (const e of entries) decisions[k]!.dropped.push({ entry: e, reason: 'place-name' });
      return;
    }
    // "Port Operating System (POS)": the acronym names the words before it, also inside a skills section.
    if (definesAbbreviation(h) && !definesOwnName(h)) {
      state[k] = 2;
      for (const e of entries) decisions[k]!.dropped.push({ entry: e, reason: 'abbreviation' });
      return;
    }
    if ((h as Hit & { lowerCase?: boolean }).lowerCase === true) {
      (h as Hit & { pending?: AliasEntry[] }).pending = entries;
      return;
    }
    // A confirming word within two tokens on the same line: "R programming", "C language", "programming in C".
    const confirmed = entries.filter((e) => {
      const words = confirmerSet(e.ambiguity!.confirmers);
      if (words.size === 0) return false;
      for (let i = Math.max(doc.lineStart[h.from]!, h.from - 3); i < Math.min(n, h.to + 3); i++) {
        if (i >= h.from && i < h.to) continue;
        const w = tokens[i]!.norm;
        if (!words.has(w) && !(w.endsWith('s') && words.has(w.slice(0, -1)))) continue;
        let broken = false;
        const [a, b] = i < h.from ? [i + 1, h.from] : [h.to, i];
        for (let m = a; m <= b && !broken; m++) if (!inSentence(m)) broken = true;
        if (!broken) return true;
      }
      return false;
    });
    if (confirmed.length > 0) {
      decisions[k]!.kept.push(...confirmed);
      state[k] = 1;
      anchor[k] = 1;
      return;
    }
    if ((ctx.sectionAt(h.from) === 'skills' && itemBounded(h)) || brandBeside(h, k)) {
      decisions[k]!.kept.push(...entries);
      state[k] = 1;
      anchor[k] = 1;
      return;
    }
    (h as Hit & { pending?: AliasEntry[] }).pending = entries;
  });

  /** The last word of a longer name ("Pension Scheme", "Phoenix Healthcare"): not the technology by word class. */
  const tailOfName = (h: Hit): boolean => {
    if (h.from === 0 || gaps[h.from]! & (GAP_LIST | GAP_NEWLINE | GAP_COLON | GAP_SENTENCE) || hitAtToken[h.from - 1] !== -1) return false;
    const prev = tokens[h.from - 1]!;
    const c = prev.text.charCodeAt(0);
    const d = prev.text.charCodeAt(1);
    return c >= 65 && c <= 90 && d >= 97 && d <= 122 && !CONNECTOR_WORDS.has(prev.norm) && !QUALIFIERS.has(prev.norm);
  };

  // Pass 2: neighbours in a list, spreading through chains ("Go, Rust and Python").
  for (let round = 0; round < 4; round++) {
    let changed = false;
    hits.forEach((h, k) => {
      if (state[k] !== 0) return;
      const pending = (h as Hit & { pending?: AliasEntry[] }).pending!;
      // The ambiguous word must end its item ("C++ (Less than 1 year)" is not the Less language).
      const chipNext = (ctx.sectionAt(h.from) === 'skills' || tagLine(h.from)) && hitAtToken[h.to] !== undefined && hitAtToken[h.to] !== -1;
      if (!rightBounded(h) && !chipNext && !tagLine(h.from)) return;
      const left = k > 0 && anchor[k - 1] === 1 && connected(hits[k - 1]!, h);
      const right = k + 1 < hits.length && anchor[k + 1] === 1 && connected(h, hits[k + 1]!);
      if (left || right) {
        decisions[k]!.kept.push(...pending);
        state[k] = 1;
        anchor[k] = 1;
        changed = true;
      }
    });
    if (!changed) break;
  }

  /**
   * Word order that settles the part of speech without a tagger: after "to", "will", "we" a word is
   * a verb ("we react quickly", "ready to go"); capitalised after "in", "with", "using", "and" or
   * next to an accepted technology it is a name ("built in React", "Kafka and Go").
   */
  const localWordClass = (h: Hit, sentenceStart: number): 'noun' | 'verb' | undefined => {
    const prev = h.from > sentenceStart ? tokens[h.from - 1]! : undefined;
    const first = doc.text.charCodeAt(h.start);
    const capital = first >= 65 && first <= 90;
    if (prev !== undefined && VERB_BEFORE.has(prev.norm) && !(capital && prev.norm === 'to')) return 'verb';
    const next = tokens[h.to];
    if (next !== undefined && TECH_NOUNS_AFTER.has(next.norm) && !(gaps[h.to]! & GAP_LIST) && inSentence(h.to)) return 'noun';
    if (!capital) return undefined;
    // An unknown capitalised word is a name ("Kafka"); an unknown acronym may be a generic one ("API", "QA").
    const second = doc.text.charCodeAt(h.start + 1);
    const titleCase = second >= 97 && second <= 122;
    if (h.to - h.from === 1 && titleCase && isUnknownWord(tokens[h.from]!.norm)) return 'noun';
    if (prev === undefined) return undefined;
    if (NOUN_BEFORE.has(prev.norm)) return 'noun';
    const before = hitAtToken[h.from - 1]!;
    const after = h.to < n ? hitAtToken[h.to]! : -1;
    if ((before !== -1 && state[before] === 1) || (after !== -1 && state[after] === 1)) return 'noun';
    return undefined;
  };

  /**
   * "Snowflake and dbt models", "routing with chi": a product the taxonomy itself spells in lower case,
   * written exactly so, and no English word. Its ambiguous form differs only in case ("DBT" therapy) or
   * is rare in prose, so in a technical sentence the lower-case spelling is the product's own.
   */
  const lowerCaseProductName = (h: Hit, surface: string, entries: readonly AliasEntry[]): boolean =>
    h.to - h.from === 1 &&
    surface.length >= 2 &&
    surface === surface.toLowerCase() &&
    entries.some((e) => e.alias === surface) &&
    isUnknownWord(tokens[h.from]!.norm);

  // Pass 3: the part of speech, for tech-context aliases in a technical sentence.
  let budget = ctx.maxContextSentences;
  const classCache = new Map<string, string>();
  hits.forEach((h, k) => {
    if (state[k] !== 0) return;
    const pending = (h as Hit & { pending?: AliasEntry[] }).pending!;
    const techContext = pending.filter((e) => e.ambiguity!.rule === 'tech-context');
    const reject = (reason: string): void => {
      state[k] = 2;
      for (const e of pending) decisions[k]!.dropped.push({ entry: e, reason });
    };
    if ((h as Hit & { lowerCase?: boolean }).lowerCase === true) return reject('case');
    if (techContext.length === 0 || !ctx.useCompromise) return reject(techContext.length === 0 ? 'not-a-list-item' : 'no-context');
    const [s, e] = sentenceBounds(h.from);
    let technical = false;
    for (let i = s; i < e && !technical; i++) {
      const other = hitAtToken[i]!;
      if (other !== -1 && other !== k && state[other] === 1) technical = true;
      else if (other === -1 && TECH_WORDS.has(tokens[i]!.norm)) technical = true;
    }
    if (!technical) return reject('not-technical');
    if (definesAbbreviation(h)) return reject('abbreviation');
    if (inTitleRun(h, s) || (h.from - 1 > s && tailOfName(h))) return reject('proper-name');
    if (h.to - h.from === 1 && isGenericNoun(tokens[h.from]!.norm)) return reject('generic-noun');
    // Cheap word-order evidence first; compromise only when it is silent.
    let cls: string | undefined = localWordClass(h, s);
    if (cls === undefined) {
      // Tagging helps only for a word English also uses as a verb or adjective ("go", "react", "swift").
      // An acronym is a noun either way ("API"), so it needs a list or a confirming word.
      const surface = doc.text.slice(h.start, h.end);
      if (surface === surface.toUpperCase()) return reject('acronym-without-context');
      // A word English uses only as a noun ("Spark", "Hive") is the technology in a technical sentence when
      // capitalised mid-sentence; at the start of a sentence a capital says nothing ("Access to Arts Program").
      if (h.to - h.from > 1 || !canBeNonNoun(tokens[h.from]!.norm)) {
        const first = surface.charCodeAt(0);
        cls = (first >= 65 && first <= 90 && h.from > s) || lowerCaseProductName(h, surface, techContext) ? 'noun' : 'other';
      }
    }
    if (cls === undefined) {
      if (budget <= 0) return reject('context-budget');
      // A window of a few words is enough context for a part of speech, and keeps tagging cheap.
      const ws = Math.max(s, h.from - 6);
      const we = Math.min(e, h.to + 6);
      const wStart = tokens[ws]!.start;
      const window = doc.text.slice(wStart, tokens[we - 1]!.end);
      const cacheKey = `${wStart}:${h.start}`;
      cls = classCache.get(cacheKey);
      if (cls === undefined) {
        budget--;
        cls = wordClassAt(window, h.start - wStart);
        classCache.set(cacheKey, cls);
      }
    }
    if (cls === 'noun') {
      decisions[k]!.kept.push(...techContext);
      state[k] = 1;
      for (const p of pending) if (!techContext.includes(p)) decisions[k]!.dropped.push({ entry: p, reason: 'not-a-list-item' });
    } else reject('not-a-noun');
  });
  return decisions;
}
