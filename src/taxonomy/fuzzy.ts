/**
 * The one adapter for fuse.js (the taxonomy stage is the earliest that needs it, so the
 * extract stage's typo fallback reuses this file). fuse.js only *retrieves* candidates;
 * whether a candidate is accepted is decided by `similarity` on the whole input, which is
 * deterministic and explainable, where a Bitap score rewards a short alias found inside a
 * long phrase ("go" inside "go to").
 */
import Fuse from 'fuse.js';

/** One searchable key: a normalised alias and the skill it names. */
export interface FuzzyEntry {
  key: string;
  skillId: string;
}

/** A retrieved candidate with its whole-input similarity in [0, 1] (1 = identical). */
export interface FuzzyCandidate extends FuzzyEntry {
  similarity: number;
}

/** A prebuilt index over aliases; build once per taxonomy and reuse for every query. */
export interface FuzzyIndex {
  readonly size: number;
  /** Candidates for `query` (already normalised), best first, at most `limit`. */
  search(query: string, limit?: number): FuzzyCandidate[];
}

/**
 * Optimal string alignment distance: Levenshtein plus adjacent transpositions, the typing
 * slip (`Djnago`, `Typescirpt`) counted as one edit.
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, before[j - 2]! + 1);
      current[j] = best;
    }
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length]!;
}

/** 1 − editDistance ÷ the longer length: the share of the longer string that needs no edit. */
export function similarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  return longer === 0 ? 1 : 1 - editDistance(a, b) / longer;
}

/**
 * Builds the fuzzy index. A single fuse.js index over ten thousand aliases costs 100–200 ms a
 * query (Bitap scans every alias), so the entries are partitioned and each part gets its own
 * `Fuse.createIndex`, built on first use and kept: an alias sits in the parts of its first and of
 * its second character (so a slip in either of the first two letters still meets it), banded by
 * length. A query searches only the parts that can hold an alias similar enough to it: the
 * parts of its own first two characters, in the length bands within `minSimilarity` of its length.
 * Retrieval is generous (fuse threshold 0.45); callers decide on `similarity`.
 *
 * @param minSimilarity The least similarity any caller will accept; bounds the length bands searched. @default 0.5
 */
export function createFuzzyIndex(entries: readonly FuzzyEntry[], minSimilarity = 0.5): FuzzyIndex {
  if (!(minSimilarity > 0 && minSimilarity <= 1)) throw new RangeError('`minSimilarity` must be in (0, 1]');
  const parts = new Map<string, FuzzyEntry[]>();
  const seen = new Set<string>();
  for (const entry of entries) {
    const id = `${entry.key}\u0000${entry.skillId}`;
    if (entry.key.length === 0 || seen.has(id)) continue;
    seen.add(id);
    const doc = { key: entry.key, skillId: entry.skillId };
    const heads = new Set([entry.key[0]!, entry.key[1] ?? entry.key[0]!]);
    for (const head of heads) {
      const name = partName(head, entry.key.length);
      const list = parts.get(name);
      if (list === undefined) parts.set(name, [doc]);
      else list.push(doc);
    }
  }
  const keys = ['key'];
  const built = new Map<string, Fuse<FuzzyEntry>>();
  const fuseFor = (name: string): Fuse<FuzzyEntry> | undefined => {
    let fuse = built.get(name);
    const docs = parts.get(name);
    if (fuse === undefined && docs !== undefined) {
      fuse = new Fuse(
        docs,
        { keys, includeScore: true, threshold: 0.45, ignoreLocation: true, isCaseSensitive: true, shouldSort: true },
        Fuse.createIndex(keys, docs),
      );
      built.set(name, fuse);
    }
    return fuse;
  };
  return {
    size: seen.size,
    search(query: string, limit = 20): FuzzyCandidate[] {
      if (query.length === 0) return [];
      // similarity ≥ s needs the shorter length ≥ s × the longer one.
      const shortest = Math.max(1, Math.ceil(query.length * minSimilarity));
      const longest = Math.floor(query.length / minSimilarity);
      const found = new Map<string, FuzzyCandidate>();
      for (const head of new Set([query[0]!, query[1] ?? query[0]!])) {
        for (let band = bandOf(shortest); band <= bandOf(longest); band++) {
          const fuse = fuseFor(`${head}\u0000${band}`);
          if (fuse === undefined) continue;
          for (const { item } of fuse.search(query, { limit: Math.max(limit * 3, 30) })) {
            if (item.key.length < shortest || item.key.length > longest) continue;
            found.set(`${item.key}\u0000${item.skillId}`, { ...item, similarity: similarity(query, item.key) });
          }
        }
      }
      return [...found.values()]
        .sort(
          (a, b) =>
            b.similarity - a.similarity ||
            a.key.length - b.key.length ||
            (a.key < b.key ? -1 : a.key > b.key ? 1 : a.skillId < b.skillId ? -1 : a.skillId > b.skillId ? 1 : 0),
        )
        .slice(0, limit);
    },
  };
}

const BAND_WIDTH = 4;

function bandOf(length: number): number {
  return Math.floor(length / BAND_WIDTH);
}

function partName(head: string, length: number): string {
  return `${head}\u0000${bandOf(length)}`;
}
