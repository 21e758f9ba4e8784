/**
 * Pass 9: confirming words. A word the taxonomy lists for the alias, within two tokens on the same
 * sentence of the line ("R programming", "C language", "programming in C"), settles it.
 */
import type { AliasEntry } from '../../taxonomy/index.js';
import type { Hit } from '../match.js';
import { accept } from './state.js';
import { eachUndecided, inSentence, type HitView } from './view.js';

const confirmerSets = new WeakMap<readonly string[], ReadonlySet<string>>();

/**
 * An alias's confirming words as a set, with each one's plural ("projects" confirms as "project" does),
 * made once per alias: every nearby word is looked up in it, and none is cut to its singular per hit.
 */
function confirmerSet(words: readonly string[]): ReadonlySet<string> {
  let set = confirmerSets.get(words);
  if (set === undefined) {
    const all = new Set(words);
    for (const w of words) all.add(`${w}s`);
    set = all;
    confirmerSets.set(words, set);
  }
  return set;
}

/** A confirming word of `entry` sits within two tokens of the hit, in the same sentence. */
function confirmedBy(v: HitView, h: Hit, entry: AliasEntry): boolean {
  const { tokens, lineStart } = v.doc;
  const words = confirmerSet(entry.ambiguity!.confirmers);
  if (words.size === 0) return false;
  for (let i = Math.max(lineStart[h.from]!, h.from - 3); i < Math.min(v.n, h.to + 3); i++) {
    if (i >= h.from && i < h.to) continue;
    const w = tokens[i]!.norm;
    if (!words.has(w)) continue;
    let broken = false;
    const a = i < h.from ? i + 1 : h.to;
    const b = Math.max(i, h.from);
    for (let m = a; m <= b && !broken; m++) if (!inSentence(v, m)) broken = true;
    if (!broken) return true;
  }
  return false;
}

/** Accepts the confirmed entries of every undecided hit written in the taxonomy's case. */
export function confirmerPass(v: HitView): void {
  eachUndecided(v, (h, _k, state) => {
    if (state.lowerCase) return;
    // Most hits have no confirming word near: no array is made for them.
    let confirmed: AliasEntry[] | null = null;
    const pending = state.pending;
    for (let m = 0; m < pending.length; m++) if (confirmedBy(v, h, pending[m]!)) (confirmed ??= []).push(pending[m]!);
    if (confirmed !== null) accept(state, confirmed, true);
  });
}
