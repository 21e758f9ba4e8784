/**
 * The main matcher: at every token, the longest alias of the index that starts there (one map
 * look-up per token of the candidate phrase, guided by the prefix set). Lists split themselves,
 * because aliases never run across list punctuation: `Java/J2EE`, `HTML5/CSS3`,
 * `Python (Django, Flask)` and `AWS (EC2, S3, Lambda)` give one hit per part, while `CI/CD`,
 * `PL/SQL`, `TCP/IP` and `A/B testing` stay whole where the index knows them. A version list after
 * a product (`Windows 95/98/NT/2000/XP`, `SQL Server 2008/2012`) carries the product's head.
 */
import { type AliasEntry, type AliasIndex, normaliseAlias } from '../taxonomy/index.js';
import { isVersionToken, type DocTokens } from './tokens.js';

export interface Hit {
  /** Token range `[from, to)`. */
  from: number;
  to: number;
  start: number;
  end: number;
  /** The normalised key that matched. */
  key: string;
  entries: readonly AliasEntry[];
  /** Found by the typo fallback. */
  fuzzy: boolean;
}

/**
 * The hit as written. A hit spans its tokens exactly, so a one-token hit (most of them) is its token's
 * own string: no new string per hit.
 */
export function surfaceOf(doc: DocTokens, h: Hit): string {
  return h.to - h.from === 1 ? doc.tokens[h.from]!.text : doc.text.slice(h.start, h.end);
}

/** Strips a short trailing version from a one-token name: `python3` → `python`, `css3` → `css`. */
function stripVersion(norm: string): string | null {
  let i = norm.length;
  while (i > 0) {
    const c = norm.charCodeAt(i - 1);
    if ((c >= 48 && c <= 57) || c === 46) i--;
    else break;
  }
  if (i === norm.length || norm.length - i > 3 || i < 3) return null;
  const head = norm.slice(0, i);
  for (let k = 0; k < head.length; k++) {
    const c = head.charCodeAt(k);
    if (!(c >= 97 && c <= 122)) return null;
  }
  return head;
}

/** The key without its trailing version tokens: `windows 95` → `windows`. */
function headOf(key: string): string {
  // Only a key ending in a digit, "+" or "x" can end in a version.
  const last = key.charCodeAt(key.length - 1);
  if (!((last >= 48 && last <= 57) || last === 43 || last === 120)) return key;
  // A key of one word has no version to strip ("c++").
  if (key.indexOf(' ') < 0) return key;
  const parts = key.split(' ');
  while (parts.length > 1 && isVersionToken(parts[parts.length - 1]!)) parts.pop();
  return parts.join(' ');
}

/** Units after a number that make it a duration, not a version: "C# (9 years)", "Java (18 months)". */
const DURATION_WORDS = new Set(['year', 'years', 'yr', 'yrs', 'month', 'months', 'mo', 'mos']);

/** Slash compounds that name one thing even when their parts are aliases too. */
const WHOLE_SLASH = new Set([
  'ci/cd',
  'pl/sql',
  'tcp/ip',
  'a/b',
  'i/o',
  'ui/ux',
  'os/2',
  'as/400',
  'r/3',
  'tcl/tk',
  'erlang/otp',
  'gnu/linux',
]);

/**
 * A slash alias whose parts are themselves aliases of different skills is a list written tight
 * (`Java/J2EE`, `HTML5/CSS3`): report the parts. `CI/CD`, `PL/SQL`, `TCP/IP` stay whole.
 */
function splitSlashList(
  doc: DocTokens,
  index: AliasIndex,
  from: number,
  to: number,
  whole: readonly AliasEntry[],
): Hit[] | null {
  const { tokens } = doc;
  let slash = false;
  for (let k = from + 1; k < to; k++) if (tokens[k]!.gap === '/') slash = true;
  if (!slash) return null;
  const parts: Hit[] = [];
  const skills = new Set<string>();
  let k = from;
  while (k < to) {
    let e = k + 1;
    while (e < to && tokens[e]!.gap !== '/') e++;
    let key = tokens[k]!.norm;
    for (let m = k + 1; m < e; m++) key += tokens[m]!.gap + tokens[m]!.norm;
    if (WHOLE_SLASH.has(key)) return null;
    const entries = index.aliases.get(key);
    if (entries === undefined) return null;
    for (const en of entries) skills.add(en.skillId);
    parts.push({ from: k, to: e, start: tokens[k]!.start, end: tokens[e - 1]!.end, key, entries, fuzzy: false });
    k = e;
  }
  let wholeKey = tokens[from]!.norm;
  for (let m = from + 1; m < to; m++) wholeKey += tokens[m]!.gap + tokens[m]!.norm;
  if (WHOLE_SLASH.has(wholeKey) || skills.size < 2 || whole.length === 0) return null;
  return parts;
}

/** The gap between two tokens is a comma, a colon or an opening bracket on one line: "Windows 7, XP", "Windows (XP/2000)", "Windows: 95". */
function listGap(text: string, from: number, to: number): boolean {
  if (to - from > 3) return false;
  let mark = false;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 44 || c === 40 || c === 58) {
      if (mark) return false;
      mark = true;
    } else if (c !== 32) return false;
  }
  return mark;
}

/**
 * Bloom filters over the string hashes of an index's aliases and of their prefixes. Most words of a
 * résumé are neither; the filters, small enough to stay in cache, turn them away before a look-up in
 * the large alias map, and a longer phrase is built only when its hash may be a key.
 */
interface KeyFilters {
  aliases: Uint32Array;
  prefixes: Uint32Array;
}

const BLOOM_BITS = 1 << 18;
const keyFilters = new WeakMap<AliasIndex, KeyFilters>();

/** `31^k` modulo 2^32, for joining hashes: a table for token lengths, squaring for longer (hostile) tokens. */
const POW31: number[] = [1];
while (POW31.length < 64) POW31.push(Math.imul(POW31[POW31.length - 1]!, 31));
function pow31(k: number): number {
  if (k < POW31.length) return POW31[k]!;
  let result = 1;
  let base = 31;
  for (let e = k; e > 0; e >>>= 1) {
    if (e & 1) result = Math.imul(result, base);
    base = Math.imul(base, base);
  }
  return result;
}

/** Polynomial string hash (`h = 31·h + c` over UTF-16 code units), modulo 2^32. */
function hashOf(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}

/** The hash of `a + gap + b` from the hashes of `a` and `b` (`bLength` code units), without the string. */
function joinHash(a: number, gap: number, b: number, bLength: number): number {
  return (Math.imul((Math.imul(a, 31) + gap) | 0, pow31(bLength)) + b) | 0;
}

/** Two bit positions per hash, from a mixed copy of it. */
function mix(h: number): number {
  let x = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  x = Math.imul(x ^ (x >>> 16), 0x45d9f3b);
  return x ^ (x >>> 16);
}

function bloomAdd(bloom: Uint32Array, h: number): void {
  const x = mix(h);
  const a = x & (BLOOM_BITS - 1);
  const b = (x >>> 14) & (BLOOM_BITS - 1);
  bloom[a >>> 5]! |= 1 << (a & 31);
  bloom[b >>> 5]! |= 1 << (b & 31);
}

/** False means the key is certainly absent; true, that it may be present. */
function bloomHas(bloom: Uint32Array, h: number): boolean {
  const x = mix(h);
  const a = x & (BLOOM_BITS - 1);
  const b = (x >>> 14) & (BLOOM_BITS - 1);
  return (bloom[a >>> 5]! & (1 << (a & 31))) !== 0 && (bloom[b >>> 5]! & (1 << (b & 31))) !== 0;
}

/** Built once per index. */
function keyFiltersOf(index: AliasIndex): KeyFilters {
  let filters = keyFilters.get(index);
  if (filters === undefined) {
    filters = { aliases: new Uint32Array(BLOOM_BITS / 32), prefixes: new Uint32Array(BLOOM_BITS / 32) };
    for (const key of index.aliases.keys()) bloomAdd(filters.aliases, hashOf(key));
    for (const key of index.prefixes) bloomAdd(filters.prefixes, hashOf(key));
    keyFilters.set(index, filters);
  }
  return filters;
}

function allAmbiguous(entries: readonly AliasEntry[]): boolean {
  for (let k = 0; k < entries.length; k++) if (entries[k]!.ambiguity === null) return false;
  return true;
}

/** One `findHits` call's reading state: the hit found at the current token, and the list a hit may carry on. */
interface Scan {
  doc: DocTokens;
  index: AliasIndex;
  filters: KeyFilters;
  hashes: Int32Array;
  /** The longest hit at the current token (`entries === null`: none): one object per call, not per token. */
  best: { to: number; key: string; entries: readonly AliasEntry[] | null };
  /** The key of the hit a list may carry; its head is taken only when the list goes on. */
  carryKey: string | null;
  /** The carried skill, whose name also heads the list: "Win7/Vista/XP" is read as "Windows XP". */
  carrySkill: string | null;
  carryEnd: number;
  /** Carried skills' names by skill id, normalised once per skill (a list of 100,000 items continues as often). */
  carriedNames: Map<string, string | null>;
}

/** How many hits `findHits` reads, of one name and in all. */
export interface HitLimits {
  /** Most hits of one name (normalised key). */
  perName: number;
  /** Most hits in all. */
  perDocument: number;
}

/** What `findHits` found. */
export interface FoundHits {
  /** The hits read, in order. */
  hits: Hit[];
  /** Per token, 1 when a hit (read or only counted) covers it: a known name, not a typo. */
  covered: Uint8Array;
  /** Per key, the hits found past the name's limit: counted, not read. */
  overName: Map<string, number>;
  /** Per key, the hits of names within their limit found after the document's limit was spent. */
  overDocument: Map<string, number>;
}

/**
 * Which hits are read: the first `perName` of each name and no more than `perDocument` in all; the rest
 * are counted. No real résumé comes near either limit (the most in the dotin set: 121 hits of one name,
 * the letter "D" in a 48 KB résumé, and 339 hits in one résumé), while a hostile text that repeats a list
 * a hundred thousand times would otherwise pay a hit object, the passes and a mention for every one, and
 * hand back a profile of a hundred thousand mentions. Counting starts only when the hits reach the
 * smaller limit, so a résumé below it pays nothing.
 */
class HitGate {
  /** Per key, its hits so far, once counting has started: one look-up per hit, the count bumped in place. */
  private readonly seen = new Map<string, { hits: number }>();
  /** The keys past their limit, in the order each went past it. */
  private readonly overNames: string[] = [];
  private counting = false;
  readonly overDocument = new Map<string, number>();
  constructor(private readonly limits: HitLimits) {}
  /** Whether the hit of `key` is read, the `hits` read so far being those before it. */
  admit(hits: readonly Hit[], key: string): boolean {
    const { perName, perDocument } = this.limits;
    if (!this.counting) {
      if (hits.length < perName && hits.length < perDocument) return true;
      this.counting = true;
      for (let k = 0; k < hits.length; k++) this.countOf(hits[k]!.key).hits++;
    }
    const count = this.countOf(key);
    count.hits++;
    if (count.hits > perName) {
      if (count.hits === perName + 1) this.overNames.push(key);
      return false;
    }
    if (hits.length >= perDocument) {
      this.overDocument.set(key, (this.overDocument.get(key) ?? 0) + 1);
      return false;
    }
    return true;
  }
  /** Per key past its limit, the hits past it, in the order the keys went past it. */
  overName(): Map<string, number> {
    const { perName } = this.limits;
    return new Map(this.overNames.map((key) => [key, this.countOf(key).hits - perName]));
  }
  private countOf(key: string): { hits: number } {
    let count = this.seen.get(key);
    if (count === undefined) {
      count = { hits: 0 };
      this.seen.set(key, count);
    }
    return count;
  }
}

/**
 * Finds every exact alias hit, longest first, left to right, without overlaps; reads those `limits`
 * admit and counts the rest.
 */
export function findHits(doc: DocTokens, index: AliasIndex, limits: HitLimits): FoundHits {
  const { tokens } = doc;
  const n = tokens.length;
  const hits: Hit[] = [];
  const gate = new HitGate(limits);
  const covered = new Uint8Array(n);
  const hashes = new Int32Array(n);
  for (let k = 0; k < n; k++) hashes[k] = hashOf(tokens[k]!.norm);
  const scan: Scan = {
    doc,
    index,
    filters: keyFiltersOf(index),
    hashes,
    best: { to: 0, key: '', entries: null },
    carryKey: null,
    carrySkill: null,
    carryEnd: -1,
    carriedNames: new Map(),
  };
  const { best } = scan;
  let i = 0;
  while (i < n) {
    const t = tokens[i]!;
    if (t.url) {
      i++;
      continue;
    }
    longestAt(scan, i);
    // The carried reading beats a bare ambiguous one: "Windows 7, XP" is Windows XP, not Extreme Programming.
    const carried = continuesList(scan, i) && carriedAt(scan, i);
    if (best.entries === null) versionStrippedAt(scan, i);
    const entries = best.entries;
    if (entries === null) {
      // A version part of a carried list ("Windows 95/98") keeps the chain alive.
      if (
        scan.carryEnd === i &&
        (t.gap === '/' || t.gap === ' ' || (t.gap === null && listGap(doc.text, tokens[i - 1]!.end, t.start))) &&
        isVersionToken(t.norm)
      )
        scan.carryEnd = i + 1;
      i++;
      continue;
    }
    const to = best.to;
    const parts = to - i > 1 ? splitSlashList(doc, index, i, to, entries) : null;
    if (parts !== null) {
      for (const part of parts) if (gate.admit(hits, part.key)) hits.push(part);
    } else if (gate.admit(hits, best.key))
      hits.push({ from: i, to, start: t.start, end: tokens[to - 1]!.end, key: best.key, entries, fuzzy: false });
    for (let k = i; k < to; k++) covered[k] = 1;
    // The head is needed only when a slash follows ("Windows 95/98").
    if (!carried) {
      const after: DocTokens['tokens'][number] | undefined = tokens[to];
      // A version may come first ("Windows 2007, XP"): the head is kept while version tokens follow.
      const carries: boolean =
        after !== undefined &&
        (after.gap === '/' ||
          (after.gap === null && listGap(doc.text, tokens[to - 1]!.end, after.start)) ||
          (after.gap === ' ' && isVersionToken(after.norm)));
      scan.carryKey = carries ? best.key : null;
      scan.carrySkill = carries && entries.length === 1 ? entries[0]!.skillId : null;
    }
    scan.carryEnd = to;
    i = to;
  }
  return { hits, covered, overName: gate.overName(), overDocument: gate.overDocument };
}

/** The longest alias starting at token `i`, into `scan.best` (none: `entries === null`). */
function longestAt(scan: Scan, i: number): void {
  const { filters, index, hashes, best } = scan;
  const { tokens } = scan.doc;
  const n = tokens.length;
  let key = tokens[i]!.norm;
  let keyHash = hashes[i]!;
  best.to = 0;
  best.key = '';
  best.entries = null;
  for (let j = i; ; ) {
    if (bloomHas(filters.aliases, keyHash)) {
      const entries = index.aliases.get(key);
      if (entries !== undefined) {
        best.to = j + 1;
        best.key = key;
        best.entries = entries;
      }
    }
    // A filter's false "maybe" costs a look-up, never a different hit: a longer key exists only
    // where this one is a true prefix.
    if (j + 1 >= n || j + 1 - i >= index.maxTokens || !bloomHas(filters.prefixes, keyHash)) break;
    const next = tokens[j + 1]!;
    if (next.gap === null || next.url) break;
    keyHash = joinHash(keyHash, next.gap.charCodeAt(0), hashes[j + 1]!, next.norm.length);
    if (!bloomHas(filters.aliases, keyHash) && !bloomHas(filters.prefixes, keyHash)) break;
    key += next.gap + next.norm;
    j++;
  }
}

/** Whether token `i` continues the list a hit carries, where no longer or unambiguous hit starts. */
function continuesList(scan: Scan, i: number): boolean {
  const { tokens } = scan.doc;
  const t = tokens[i]!;
  const { best } = scan;
  return (
    scan.carryKey !== null &&
    scan.carryEnd === i &&
    (t.gap === '/' || (t.gap === null && listGap(scan.doc.text, tokens[i - 1]!.end, t.start))) &&
    (best.entries === null || (best.to === i + 1 && allAmbiguous(best.entries))) &&
    !(i + 1 < tokens.length && DURATION_WORDS.has(tokens[i + 1]!.norm))
  );
}

/** The carried reading of token `i` ("XP" after "Windows 7," is "windows xp"), into `scan.best`; true when found. */
function carriedAt(scan: Scan, i: number): boolean {
  const { filters, index, hashes, best } = scan;
  const t = scan.doc.tokens[i]!;
  const carryHead = headOf(scan.carryKey!);
  // The name is normalised only here, when a list actually continues, never per hit.
  let carryName: string | null = null;
  if (scan.carrySkill !== null) {
    let name = scan.carriedNames.get(scan.carrySkill);
    if (name === undefined) {
      const named = index.skills.get(scan.carrySkill);
      name = named === undefined ? null : normaliseAlias(named.name);
      scan.carriedNames.set(scan.carrySkill, name);
    }
    carryName = name;
  }
  // The key's head, then the skill's name when it differs (two passes, no array per list item).
  const heads = carryName === null || carryName === carryHead ? 1 : 2;
  for (let m = 0; m < heads; m++) {
    const head = m === 0 ? carryHead : carryName!;
    // The filter first: most list items carry nothing, and then no key string is made.
    if (!bloomHas(filters.aliases, joinHash(hashOf(head), 32, hashes[i]!, t.norm.length))) continue;
    const carriedKey = `${head} ${t.norm}`;
    const entries: readonly AliasEntry[] | undefined = index.aliases.get(carriedKey);
    if (entries !== undefined) {
      best.to = i + 1;
      best.key = carriedKey;
      best.entries = entries;
      return true;
    }
  }
  return false;
}

/** A product named with its version run on ("Java8", "Python3"), into `scan.best` when the bare name is unambiguous. */
function versionStrippedAt(scan: Scan, i: number): void {
  const norm = scan.doc.tokens[i]!.norm;
  const lastCode = norm.charCodeAt(norm.length - 1);
  if (lastCode < 48 || lastCode > 57) return;
  const stripped = stripVersion(norm);
  if (stripped === null) return;
  const entries = scan.index.aliases.get(stripped);
  if (entries?.every((e) => e.ambiguity === null)) {
    scan.best.to = i + 1;
    scan.best.key = stripped;
    scan.best.entries = entries;
  }
}
