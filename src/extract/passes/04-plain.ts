/**
 * Pass 4: unambiguous entries count. A hit whose alias the taxonomy marks unambiguous is the
 * technology; it vouches for ambiguous list neighbours when it is a name rather than an English word,
 * or sits on a line of lower-case tags. The hit's ambiguous entries, if any, are left out.
 */
import { accept } from './state.js';
import { named, tagLine, type HitView } from './view.js';

/** Keeps the unambiguous entries of every undecided hit. */
export function plainPass(v: HitView): void {
  v.hits.forEach((h, k) => {
    const state = v.states[k]!;
    if (state.status !== 'undecided') return;
    const plain = h.entries.filter((e) => e.ambiguity === null);
    state.kept.push(...plain);
    if (plain.length > 0) accept(state, [], named(v, h) || tagLine(v, h.from));
  });
}
