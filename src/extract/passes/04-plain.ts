/**
 * Pass 4: unambiguous entries count. A hit whose alias the taxonomy marks unambiguous is the
 * technology; it vouches for ambiguous list neighbours when it is a name rather than an English word,
 * or sits on a line of lower-case tags. The hit's ambiguous entries, if any, are left out.
 */
import type { AliasEntry } from '../../taxonomy/index.js';
import { accept } from './state.js';
import { eachUndecided, named, tagLine, type HitView } from './view.js';

/** The unambiguous entries of an alias's entries, made once per entries array of the index (shared, never changed). */
const plainLists = new WeakMap<readonly AliasEntry[], readonly AliasEntry[]>();

function plainEntries(entries: readonly AliasEntry[]): readonly AliasEntry[] {
  let plain = plainLists.get(entries);
  if (plain === undefined) {
    const filtered = entries.filter((e) => e.ambiguity === null);
    // Most aliases are wholly unambiguous: their own array serves.
    plain = filtered.length === entries.length ? entries : Object.freeze(filtered);
    plainLists.set(entries, plain);
  }
  return plain;
}

/** Keeps the unambiguous entries of every undecided hit. */
export function plainPass(v: HitView): void {
  eachUndecided(v, (h, _k, state) => {
    const plain = plainEntries(h.entries);
    if (plain.length > 0) accept(state, plain, named(v, h) || tagLine(v, h.from));
  });
}
