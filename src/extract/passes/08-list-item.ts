/**
 * Pass 8: whole items. An ambiguous name that is a whole item of a skills section ("Skills: Go, …"),
 * or sits beside a product of its own brand written in full ("SAP Knowledge: SAP EWM, SAP SD"), is
 * the technology.
 */
import type { Hit } from '../match.js';
import { GAP_NEWLINE, GAP_SENTENCE } from '../tokens.js';
import { accept } from './state.js';
import { itemBounded, type HitView } from './view.js';

/**
 * The next item of the list is a product of the same brand written in full: bare "SAP" in "SAP Knowledge:
 * SAP EWM, SAP SD" or "SAP EWM, SAP". At most one word apart, in one sentence: a brand's word later in a
 * paragraph ("Flash Factory … Flash Audio Library") proves nothing.
 */
function brandBeside(v: HitView, h: Hit, k: number): boolean {
  const { hits } = v;
  const gaps = v.doc.gaps;
  const prefix = h.key + ' ';
  const near = (a: Hit, b: Hit): boolean => {
    if (b.from - a.to > 1) return false;
    for (let i = a.to; i <= b.from; i++) if (gaps[i]! & (GAP_SENTENCE | GAP_NEWLINE)) return false;
    return true;
  };
  const family = (o: Hit): boolean => o.key.startsWith(prefix) && o.entries.some((e) => e.ambiguity === null);
  return (k + 1 < hits.length && family(hits[k + 1]!) && near(h, hits[k + 1]!)) || (k > 0 && family(hits[k - 1]!) && near(hits[k - 1]!, h));
}

/** Accepts undecided hits that are whole items of a skills section or stand beside their brand's products. */
export function listItemPass(v: HitView): void {
  v.hits.forEach((h, k) => {
    const state = v.states[k]!;
    if (state.status !== 'undecided' || state.lowerCase) return;
    if ((v.ctx.sectionAt(h.from) === 'skills' && itemBounded(v, h)) || brandBeside(v, h, k)) accept(state, state.pending, true);
  });
}
