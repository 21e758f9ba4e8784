/**
 * Pass 11: list neighbours. An ambiguous name that ends its item and is joined as a list item to an
 * anchor (a named technology, or a name this pass accepted) is the technology; acceptance spreads
 * through chains ("Go, Rust and Python") over at most four rounds.
 */
import { accept } from './state.js';
import { connected, eachUndecided, rightBounded, tagLine, type HitView } from './view.js';

const ROUNDS = 4;

/** Accepts undecided hits joined in a list to an anchor. */
export function listNeighbourPass(v: HitView): void {
  const { hits, states, hitAtToken } = v;
  for (let round = 0; round < ROUNDS; round++) {
    let changed = false;
    eachUndecided(v, (h, k, state) => {
      // Only an anchor beside it can settle the hit: without one, nothing else needs asking.
      const anchorLeft = k > 0 && states[k - 1]!.anchor;
      const anchorRight = k + 1 < hits.length && states[k + 1]!.anchor;
      if (!anchorLeft && !anchorRight) return;
      // The ambiguous word must end its item ("C++ (Less than 1 year)" is not the Less language).
      const chipNext =
        (v.ctx.sectionAt(h.from) === 'skills' || tagLine(v, h.from)) &&
        hitAtToken[h.to] !== undefined &&
        hitAtToken[h.to] !== -1;
      if (!rightBounded(v, h) && !chipNext && !tagLine(v, h.from)) return;
      const left = anchorLeft && connected(v, hits[k - 1]!, h);
      const right = anchorRight && connected(v, h, hits[k + 1]!);
      if (left || right) {
        accept(state, state.pending, true);
        changed = true;
      }
    });
    if (!changed) break;
  }
}
