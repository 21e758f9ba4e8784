/**
 * Time facts per skill: months of experience from the timeline (the union of the entries that
 * mention the skill, overlaps merged, open ranges ending at `asOf`), the last month used, and the
 * years a candidate claims in words ("5+ years of Java", "Java (3 years)", "Python - 2 years").
 */
import type { TimelineEntry, YearMonth } from '../types.js';
import type { Hit } from './match.js';
import { GAP_CLOSE_PAREN, GAP_NEWLINE, GAP_SENTENCE, type DocTokens } from './tokens.js';

function monthIndex(ym: YearMonth): number | null {
  if (ym.length !== 7 || ym.charCodeAt(4) !== 45) return null;
  const y = Number(ym.slice(0, 4));
  const m = Number(ym.slice(5, 7));
  if (!Number.isInteger(y) || !Number.isInteger(m) || m < 1 || m > 12) return null;
  return y * 12 + (m - 1);
}

function fromIndex(i: number): YearMonth {
  const y = Math.floor(i / 12);
  const m = (i % 12) + 1;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
}

/**
 * Months covered by the union of the given entries (both ends inclusive, so Jan–Mar is 3 months)
 * and the latest end. Open ends resolve to `asOf`; entries starting after `asOf` or ending before
 * they start add nothing.
 */
export function monthsOf(entries: readonly TimelineEntry[], asOf: YearMonth): { months: number; lastUsed: YearMonth | null } {
  const limit = monthIndex(asOf);
  const ranges: [number, number][] = [];
  for (const e of entries) {
    const s = monthIndex(e.start);
    let end = e.end === null ? limit : monthIndex(e.end);
    if (s === null || end === null) continue;
    if (limit !== null && end > limit) end = limit;
    if (end < s) continue;
    ranges.push([s, end]);
  }
  if (ranges.length === 0) return { months: 0, lastUsed: null };
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let months = 0;
  let [cs, ce] = ranges[0]!;
  let last = ce;
  for (let i = 1; i < ranges.length; i++) {
    const [s, e] = ranges[i]!;
    if (e > last) last = e;
    if (s <= ce + 1) {
      if (e > ce) ce = e;
    } else {
      months += ce - cs + 1;
      cs = s;
      ce = e;
    }
  }
  months += ce - cs + 1;
  return { months, lastUsed: fromIndex(last) };
}

const NUMBER_WORDS = new Map<string, number>([
  ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7], ['eight', 8], ['nine', 9], ['ten', 10],
  ['eleven', 11], ['twelve', 12], ['fifteen', 15], ['twenty', 20],
]);
const NUMBER_INITIALS = new Set([...NUMBER_WORDS.keys()].map((w) => w.charCodeAt(0)));
const YEAR_WORDS = new Set(['year', 'years', 'yr', 'yrs', 'yrs.', 'years\u2019']);
const FORWARD_FILLERS = new Set([
  'of', 'experience', 'exp', 'in', 'with', 'on', 'using', 'working', 'hands', 'professional', 'industry', 'relevant', 'strong', 'solid',
  'development', 'developing', 'programming', 'coding', 'as', 'a', 'an', 'the', 'work', 'extensive', 'expertise', 'proven', 'commercial',
  'practical', 'production', 'total', 'overall', 'software', 'experienced',
]);
const BACKWARD_FILLERS = new Set(['less', 'than', 'over', 'about', 'around', 'approximately', 'approx', 'more', 'nearly', 'almost', 'of', 'for', 'since', 'exp', 'experience']);

/** Reads a count of years from one token, or from a token glued to its unit ("5yrs", "3+years"). */
function readNumber(norm: string): { value: number; unitGlued: boolean } | null {
  // Most tokens are words that are no number: one character settles it.
  const first = norm.charCodeAt(0);
  if (!(first >= 48 && first <= 57) && first !== 46 && !NUMBER_INITIALS.has(first)) return null;
  const word = NUMBER_WORDS.get(norm);
  if (word !== undefined) return { value: word, unitGlued: false };
  let i = 0;
  while (i < norm.length && ((norm.charCodeAt(i) >= 48 && norm.charCodeAt(i) <= 57) || norm.charCodeAt(i) === 46)) i++;
  if (i === 0 || i > 5) return null;
  const value = Number(norm.slice(0, i));
  if (!Number.isFinite(value) || value <= 0 || value > 50) return null;
  let rest = norm.slice(i);
  if (rest.startsWith('+')) rest = rest.slice(1);
  if (rest === '') return { value, unitGlued: false };
  if (YEAR_WORDS.has(rest)) return { value, unitGlued: true };
  return null;
}

/** Years claimed per hit index ("5+ years of Java" → the Java hit gets 5). */
export function claimedYears(doc: DocTokens, hits: readonly Hit[], chainStart: readonly number[]): Map<number, number> {
  const { tokens, gaps } = doc;
  const n = tokens.length;
  // Hit index by first token and by end token (-1: none); hits never overlap, so each slot holds one.
  const hitStarting = new Int32Array(n + 1).fill(-1);
  const hitEnding = new Int32Array(n + 1).fill(-1);
  hits.forEach((h, k) => {
    hitStarting[h.from] = k;
    hitEnding[h.to] = k;
  });
  const out = new Map<number, number>();
  // A number written right beside a name ("Python - 2 years") beats one shared by a list ("5+ years of Java, Python").
  const direct = new Set<number>();
  const claim = (k: number, years: number, isDirect = true): void => {
    if (!isDirect && direct.has(k)) return;
    const prev = out.get(k);
    if (isDirect && !direct.has(k)) {
      direct.add(k);
      out.set(k, years);
    } else if (prev === undefined || years > prev) out.set(k, years);
  };
  for (let i = 0; i < n; i++) {
    const num = readNumber(tokens[i]!.norm);
    if (num === null) continue;
    let unitEnd = i + 1;
    if (!num.unitGlued) {
      // "5 + years": the plus may be its own gap character.
      const unit = tokens[i + 1];
      if (unit === undefined || !YEAR_WORDS.has(unit.norm) || gaps[i + 1]! & (GAP_NEWLINE | GAP_SENTENCE)) continue;
      unitEnd = i + 2;
    }
    let value = num.value;
    const lessThan = i >= 2 && tokens[i - 2]!.norm === 'less' && tokens[i - 1]!.norm === 'than';
    if (lessThan) value = value / 2;
    // Backward: "Java (3 years)", "Python - 2 years", "C++ (Less than 1 year)", "Java: 4 yrs".
    let b = i;
    while (b > 0 && i - b < 3 && BACKWARD_FILLERS.has(tokens[b - 1]!.norm) && !(gaps[b]! & (GAP_NEWLINE | GAP_SENTENCE))) b--;
    const before = hitEnding[b]!;
    if (before !== -1 && !(gaps[b]! & GAP_NEWLINE) && !(gaps[b]! & GAP_SENTENCE && !(gaps[b]! & GAP_CLOSE_PAREN))) {
      claim(before, value);
      continue;
    }
    // Forward: "5+ years of experience in Java and Spring", "4 yrs experience in Python".
    let f = unitEnd;
    while (f < n && f - unitEnd < 6 && hitStarting[f] === -1 && FORWARD_FILLERS.has(tokens[f]!.norm) && !(gaps[f]! & (GAP_NEWLINE | GAP_SENTENCE))) f++;
    const after = f <= n ? hitStarting[f]! : -1;
    if (after !== -1 && !(gaps[f]! & (GAP_NEWLINE | GAP_SENTENCE))) {
      claim(after, value);
      for (let k = after + 1; k < hits.length && chainStart[k] === chainStart[after]; k++) claim(k, value, false);
    }
  }
  return out;
}
