/**
 * Dated time facts per skill: months of experience from the timeline (the union of the entries that
 * mention the skill, overlaps merged, open ranges ending at the document's date or `asOf`) and the
 * last month used. The durations a candidate claims in words are `claims.ts`'s.
 */
import type { TimelineEntry, YearMonth } from '../types.js';
import { monthAt } from '../util/month.js';

function monthIndex(ym: YearMonth): number | null {
  if (ym.length !== 7 || ym.charCodeAt(4) !== 45) return null;
  const y = Number(ym.slice(0, 4));
  const m = Number(ym.slice(5, 7));
  if (!Number.isInteger(y) || !Number.isInteger(m) || m < 1 || m > 12) return null;
  return y * 12 + (m - 1);
}

/**
 * Month strings made so far, by month index: every profile's `lastUsed` and `latest` for one month is the
 * same string, as `JSON.parse` makes them for profiles read back (it shares strings of ten characters or
 * fewer). Ranking reads one per profile and skill; a shared string is in cache, a fresh one is a memory load.
 * A few thousand months at most.
 */
const MONTH_STRINGS = new Map<number, YearMonth>();

function fromIndex(i: number): YearMonth {
  let ym = MONTH_STRINGS.get(i);
  if (ym === undefined) {
    ym = monthAt(i);
    // Month indexes come from parsed four-digit years; the bound keeps a hostile caller from growing the map.
    if (MONTH_STRINGS.size < 120_000) MONTH_STRINGS.set(i, ym);
  }
  return ym;
}

/**
 * Months covered by the union of the given entries (both ends inclusive, so Jan–Mar is 3 months)
 * and the latest end. Open ends resolve to `asOf`; entries starting after `asOf` or ending before
 * they start add nothing.
 */
export function monthsOf(
  entries: readonly TimelineEntry[],
  asOf: YearMonth,
): { months: number; lastUsed: YearMonth | null } {
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
