/**
 * Claimed experience: the durations a résumé writes beside a skill, read as months with the span
 * of the duration as written. Distinct from dated months (the timeline's): a claim is what the
 * candidate says, not what the dated jobs show.
 *
 * Forms read (all with the skill right before or right after the duration, nothing else between but
 * a bracket, a colon, a spaced dash, a column gap, a version or an "experience" word):
 * - after the skill: "Java (3 yrs)", "C++ (Less than 1 year)", "SQL (10+ years)", "Python: 4 years",
 *   "Java – 2.5 Yrs", "Python- Exprience - 18 months" (sic), "Perl    1 years" (a flattened table),
 *   "Java 8 (5 years 6 months)";
 * - before it: "3+ years of Java", "5+ years of experience in Java and Spring" (the first skill and
 *   the list joined to it), "4 yrs experience in Python", "Over 10 years of experience developing
 *   applications using Java/J2EE";
 * - a skills table with a years column: "Skill | Years | Last used" then "Java | 5 | 2019".
 * A bracketed duration belongs to the name before it only ("SECURITY (5 years), ACTIVE DIRECTORY"):
 * it never reaches forward. "Less than 1 year" (or "less than a year") is `lessThanYearMonths`.
 */
import type { Span } from '../types.js';
import type { Hit } from './match.js';
import {
  GAP_BLANK_LINE,
  GAP_CLOSE_PAREN,
  GAP_LIST,
  GAP_NEWLINE,
  GAP_OPEN_PAREN,
  GAP_SENTENCE,
  isVersionToken,
  isYearToken,
  type DocTokens,
} from './tokens.js';

/** One claim: months and the duration's span. `direct` when written right beside the skill, not shared by a list. */
export interface Claim {
  months: number;
  span: Span;
  direct: boolean;
}

const NUMBER_WORDS = new Map<string, number>([
  ['one', 1],
  ['two', 2],
  ['three', 3],
  ['four', 4],
  ['five', 5],
  ['six', 6],
  ['seven', 7],
  ['eight', 8],
  ['nine', 9],
  ['ten', 10],
  ['eleven', 11],
  ['twelve', 12],
  ['fifteen', 15],
  ['twenty', 20],
]);
const NUMBER_INITIALS = new Set([...NUMBER_WORDS.keys()].map((w) => w.charCodeAt(0)));
const YEAR_UNITS = new Set(['year', 'years', 'yr', 'yrs', 'years\u2019']);
const MONTH_UNITS = new Set(['month', 'months', 'mo', 'mos', 'mths', 'mnths']);
/** Words between a skill and the duration after it: "Python- Exprience - 18 months", "Java: over 5 years". */
const BACKWARD_FILLERS = new Set([
  'over',
  'about',
  'around',
  'approximately',
  'approx',
  'nearly',
  'almost',
  'of',
  'for',
  'since',
  'exp',
  'experience',
  'exprience',
  'experiance',
  'expirience',
  'expereince',
  'total',
  'more',
  'than',
]);
/** Words between a duration and the skill after it: "5+ years of hands-on experience in Java". */
const FORWARD_FILLERS = new Set([
  'of',
  'experience',
  'exp',
  'in',
  'with',
  'on',
  'using',
  'working',
  'hands',
  'professional',
  'industry',
  'relevant',
  'strong',
  'solid',
  'development',
  'developing',
  'programming',
  'coding',
  'as',
  'a',
  'an',
  'the',
  'work',
  'extensive',
  'expertise',
  'proven',
  'commercial',
  'practical',
  'production',
  'total',
  'overall',
  'software',
  'experienced',
  // What was built, between the duration and the tools it was built with: "Over 10 years of experience
  // developing applications using Java/J2EE", "5 years building web applications with PHP".
  'applications',
  'application',
  'apps',
  'systems',
  'solutions',
  'web',
  'enterprise',
  'building',
  'designing',
  'implementing',
]);

/** A duration phrase over tokens `[from, to)`. */
interface Duration {
  from: number;
  to: number;
  months: number;
}

/** A count from one token, or a count glued to its unit ("5yrs", "3+years", "18months"). */
function readCount(norm: string): { value: number; unit: 'year' | 'month' | null } | null {
  // Most tokens are words that are no number: one character settles it.
  const first = norm.charCodeAt(0);
  if (!(first >= 48 && first <= 57) && first !== 46 && !NUMBER_INITIALS.has(first)) return null;
  const word = NUMBER_WORDS.get(norm);
  if (word !== undefined) return { value: word, unit: null };
  let i = 0;
  while (i < norm.length && ((norm.charCodeAt(i) >= 48 && norm.charCodeAt(i) <= 57) || norm.charCodeAt(i) === 46)) i++;
  if (i === 0 || i > 5) return null;
  const value = Number(norm.slice(0, i));
  if (!Number.isFinite(value) || value <= 0) return null;
  let rest = norm.slice(i);
  if (rest.startsWith('+')) rest = rest.slice(1);
  if (rest === '') return { value, unit: null };
  if (YEAR_UNITS.has(rest)) return { value, unit: 'year' };
  if (MONTH_UNITS.has(rest)) return { value, unit: 'month' };
  return null;
}

/** The unit of token `i`, when it is one and sits on the same line as the count before it. */
function unitAt(doc: DocTokens, i: number): 'year' | 'month' | null {
  const t = doc.tokens[i];
  if (t === undefined || doc.gaps[i]! & (GAP_NEWLINE | GAP_SENTENCE)) return null;
  if (YEAR_UNITS.has(t.norm)) return 'year';
  if (MONTH_UNITS.has(t.norm)) return 'month';
  return null;
}

function hasLetter(norm: string): boolean {
  for (let k = 0; k < norm.length; k++) {
    const c = norm.charCodeAt(k);
    if (c >= 97 && c <= 122) return true;
  }
  return false;
}

/** A count and its unit starting at token `i` ("3 years", "18months"), up to the unit. */
function countAt(doc: DocTokens, i: number): Duration | null {
  const norm = doc.tokens[i]!.norm;
  // A count without letters ("8051", "5+") carries no unit of its own: it is one only before a unit word.
  // Asked first, so the many bare numbers of a text make no count object.
  if (!hasLetter(norm) && unitAt(doc, i + 1) === null) return null;
  const count = readCount(norm);
  if (count === null) return null;
  let unit = count.unit;
  let to = i + 1;
  if (unit === null) {
    unit = unitAt(doc, i + 1);
    if (unit === null) return null;
    to = i + 2;
  }
  const months = Math.round(unit === 'year' ? count.value * 12 : count.value);
  // Fifty years is the most a working life claims; more is a count of something else.
  if (months > 600) return null;
  return { from: i, to, months };
}

/**
 * The duration phrase starting at token `i`: "less than 1 year" / "less than a year"; a count and
 * its unit, with months after years ("5 years 6 months"). `null` when none starts there.
 */
function durationAt(doc: DocTokens, i: number, lessThanYearMonths: number): Duration | null {
  const { tokens } = doc;
  if (tokens[i]!.norm === 'less' && tokens[i + 1]?.norm === 'than') {
    const n = tokens[i + 2]?.norm;
    if ((n === '1' || n === 'one' || n === 'a') && unitAt(doc, i + 3) === 'year')
      return { from: i, to: i + 4, months: lessThanYearMonths };
    return null;
  }
  const first = countAt(doc, i);
  if (first === null) return null;
  const rest =
    first.to < tokens.length && !(doc.gaps[first.to]! & (GAP_NEWLINE | GAP_SENTENCE | GAP_LIST))
      ? countAt(doc, first.to)
      : null;
  if (rest !== null && first.months % 12 === 0 && rest.months < 12)
    return { from: i, to: rest.to, months: first.months + rest.months };
  return { from: i, to: first.to, months: first.months };
}

/**
 * The gap before token `i` may sit between a skill and its duration: on one line, nothing but spaces
 * and at most one bracket, colon, dash or bar ("Java (", "Python: ", "Java – ", "Perl    ", "Java | ").
 */
function claimGap(doc: DocTokens, i: number): boolean {
  if (i === 0 || doc.gaps[i]! & GAP_NEWLINE) return false;
  const { text, tokens } = doc;
  let marks = 0;
  for (let k = tokens[i - 1]!.end; k < tokens[i]!.start; k++) {
    const c = text.charCodeAt(k);
    if (c === 32 || c === 9 || c === 0xa0) continue;
    if (c === 40 || c === 58 || c === 45 || c === 0x2013 || c === 0x2014 || c === 124) marks++;
    else return false;
    if (marks > 1) return false;
  }
  return true;
}

/** Index of the hit ending right before the duration at `d` (fillers and a version allowed between), or -1. */
function skillBefore(doc: DocTokens, d: Duration, hitEnding: Int32Array): number {
  let b = d.from;
  let version = false;
  for (let steps = 0; steps < 3 && b > 0; steps++) {
    if (!claimGap(doc, b)) return -1;
    if (hitEnding[b] !== -1) return hitEnding[b]!;
    const prev = doc.tokens[b - 1]!.norm;
    if (BACKWARD_FILLERS.has(prev)) b--;
    else if (!version && isVersionToken(prev) && !isYearToken(prev)) {
      version = true;
      b--;
    } else return -1;
  }
  return claimGap(doc, b) ? hitEnding[b]! : -1;
}

/** Index of the first hit after the duration at `d` past forward fillers, or -1. Never from a bracketed duration. */
function skillAfter(doc: DocTokens, d: Duration, hitStarting: Int32Array): number {
  const { tokens, gaps } = doc;
  if (gaps[d.from]! & GAP_OPEN_PAREN || gaps[d.to]! & GAP_CLOSE_PAREN) return -1;
  const stop = GAP_NEWLINE | GAP_SENTENCE | GAP_LIST;
  let f = d.to;
  while (
    f < tokens.length &&
    f - d.to < 6 &&
    hitStarting[f] === -1 &&
    FORWARD_FILLERS.has(tokens[f]!.norm) &&
    !(gaps[f]! & stop)
  )
    f++;
  if (f >= tokens.length || gaps[f]! & stop) return -1;
  return hitStarting[f]!;
}

/** What reading claims needs besides the tokens. */
export interface ClaimInput {
  hits: readonly Hit[];
  /** The first token of the list each hit belongs to (`chainStarts`). */
  chainStart: readonly number[];
  lessThanYearMonths: number;
}

/**
 * The claim of each hit that has one (by hit index; `undefined` for none): direct claims beat shared
 * ones, then the longer wins. The items of a list sharing one duration share one claim object (it is
 * read, never changed).
 */
export function readClaims(doc: DocTokens, input: ClaimInput): (Claim | undefined)[] {
  const { hits, chainStart } = input;
  // A claim belongs to a hit: with none, no token needs reading (a 1 MB text of prose holds none).
  if (hits.length === 0) return [];
  const n = doc.tokens.length;
  // Hit index by first token and by end token (-1: none); hits never overlap, so each slot holds one.
  const hitStarting = new Int32Array(n + 1).fill(-1);
  const hitEnding = new Int32Array(n + 1).fill(-1);
  const covered = new Uint8Array(n + 1);
  let lastEnd = 0;
  hits.forEach((h, k) => {
    hitStarting[h.from] = k;
    hitEnding[h.to] = k;
    for (let i = h.from; i < h.to; i++) covered[i] = 1;
    if (h.to > lastEnd) lastEnd = h.to;
  });
  // A duration claims for a hit at most three tokens before it (`skillBefore`) or for one after it: none
  // that starts further past the last hit has a hit to claim for, and a table's header comes before its rows.
  const scanEnd = Math.min(n, lastEnd + 4);
  // By hit index: an array, not a map, as a list of 100,000 items may each hold a claim.
  const out: (Claim | undefined)[] = new Array(hits.length);
  const claimOf = (d: Duration, direct: boolean): Claim => ({
    months: d.months,
    span: { start: doc.tokens[d.from]!.start, end: doc.tokens[d.to - 1]!.end },
    direct,
  });
  /** Gives hit `k` the claim `c` (of `d`) when it beats the one it has. */
  const claim = (k: number, d: Duration, direct: boolean, c: Claim | null): Claim | null => {
    const prev = out[k];
    const better = prev === undefined || (direct && !prev.direct) || (direct === prev.direct && d.months > prev.months);
    if (!better) return c;
    const made = c ?? claimOf(d, direct);
    out[k] = made;
    return made;
  };
  // A table with a years column has a header line naming a skill column and a years column: without such
  // a line, no table is read.
  let skillLine = -1;
  let tableWords = false;
  for (let i = 0; i < scanEnd; i++) {
    const norm = doc.tokens[i]!.norm;
    if (SKILL_HEADERS.has(norm)) skillLine = doc.line[i]!;
    else if (skillLine === doc.line[i] && (YEAR_UNITS.has(norm) || norm === 'experience' || norm === 'exp'))
      tableWords = true;
    if (covered[i]) continue;
    const d = durationAt(doc, i, input.lessThanYearMonths);
    if (d === null) continue;
    const before = skillBefore(doc, d, hitEnding);
    if (before !== -1) claim(before, d, true, null);
    else {
      const after = skillAfter(doc, d, hitStarting);
      if (after !== -1) {
        claim(after, d, true, null);
        let shared: Claim | null = null;
        for (let k = after + 1; k < hits.length && chainStart[k] === chainStart[after]; k++)
          shared = claim(k, d, false, shared);
      }
    }
    i = d.to - 1;
  }
  if (tableWords) for (const [k, c] of tableClaims(doc, hits)) if (out[k] === undefined) out[k] = c;
  return out;
}

const SKILL_HEADERS = new Set([
  'skill',
  'skills',
  'technology',
  'technologies',
  'tool',
  'tools',
  'software',
  'name',
  'language',
  'languages',
]);
const YEARS_HEADERS =
  /^(?:years?|yrs\.?|no\.? of years|years? of (?:experience|exp\.?)|experience(?: \((?:years|yrs)\)| in years)?|exp\.?(?: \(years\))?)$/i;
/** The cells of the line holding `[start, end)` as written, with their offsets: split at tabs, bars and runs of two spaces or more. */
function cellsOf(text: string, start: number, end: number): { text: string; start: number }[] {
  const cells: { text: string; start: number }[] = [];
  let cellStart = start;
  let k = start;
  while (k < end) {
    // A break: a tab, a bar, or two spaces or more, with the spaces around it.
    let b = k;
    let spaces = 0;
    let mark = false;
    while (b < end) {
      const c = text.charCodeAt(b);
      if (c === 32 || c === 0xa0) spaces++;
      else if (c === 9 || c === 124) mark = true;
      else break;
      b++;
    }
    if (b > k && (mark || spaces >= 2)) {
      if (k > cellStart) cells.push({ text: text.slice(cellStart, k), start: cellStart });
      cellStart = b;
      k = b;
    } else k = Math.max(b, k + 1);
  }
  if (end > cellStart) cells.push({ text: text.slice(cellStart, end), start: cellStart });
  return cells;
}

/** The line `[from, to)` of tokens may head a table: it names a skill column and a years column. */
function headerLike(doc: DocTokens, from: number, to: number): boolean {
  let skill = false;
  let years = false;
  for (let i = from; i < to; i++) {
    const w = doc.tokens[i]!.norm;
    if (SKILL_HEADERS.has(w)) skill = true;
    else if (YEAR_UNITS.has(w) || w === 'experience' || w === 'exp') years = true;
  }
  return skill && years;
}

/**
 * Claims from a skills table whose header names a years column ("Skill | Years | Last used"): in the
 * rows below, up to a blank line or a row of another shape, the skill of the first column gets the
 * count of the years column.
 */
function tableClaims(doc: DocTokens, hits: readonly Hit[]): Map<number, Claim> {
  const out = new Map<number, Claim>();
  const { tokens, text } = doc;
  const hitAt = new Map<number, number>();
  let lastFrom = -1;
  for (let k = 0; k < hits.length; k++) {
    hitAt.set(hits[k]!.start, k);
    if (hits[k]!.from > lastFrom) lastFrom = hits[k]!.from;
  }
  let columns: { skill: number; years: number } | null = null;
  // A line that starts past the last hit holds no skill cell: no row after it claims anything.
  for (let i = 0; i < tokens.length && i <= lastFrom; ) {
    let end = i + 1;
    while (end < tokens.length && doc.line[end] === doc.line[i]) end++;
    if (doc.gaps[i]! & GAP_BLANK_LINE) columns = null;
    // Only short lines are split into cells: a long line is prose, and each line is split at most once.
    const read: boolean = end - i <= 24 && (columns !== null || headerLike(doc, i, end));
    const cells: { text: string; start: number }[] = read ? cellsOf(text, tokens[i]!.start, tokens[end - 1]!.end) : [];
    if (columns === null) {
      const skill = cells.findIndex((c) => SKILL_HEADERS.has(c.text.toLowerCase()));
      const years = cells.findIndex((c) => YEARS_HEADERS.test(c.text));
      if (skill !== -1 && years > skill) columns = { skill, years };
    } else {
      const cell = cells[columns.skill];
      const count = cells[columns.years]?.text.match(/^(\d{1,2}(?:\.\d+)?)\+?$/);
      const k = cell === undefined ? undefined : hitAt.get(cell.start);
      if (k === undefined || count === null || count === undefined) columns = null;
      else {
        const at = cells[columns.years]!.start;
        out.set(k, {
          months: Math.round(Number(count[1]) * 12),
          span: { start: at, end: at + count[0].length },
          direct: true,
        });
      }
    }
    i = end;
  }
  return out;
}
