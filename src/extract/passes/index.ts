/**
 * Decides which hits count, in numbered passes over a typed state per hit (`state.ts`). The order
 * below is the order of precedence: a pass sees only the hits no earlier pass settled.
 *
 * Unambiguous aliases count unless they name an employer ("worked at Oracle", "Oracle India Pvt
 * Ltd"). Ambiguous aliases (the taxonomy's `ambiguous` field) count only in context, tried cheapest
 * first: written case, hyphen compounds ("go-to-market"), a following year ("Spring 2019"), places,
 * acronyms defined in place, a confirming word, a skills-section item, a neighbouring technology in
 * a list; and, last and only for `tech-context` aliases in a technical sentence, the part of speech.
 */
import { toolsFields } from '../fields.js';
import type { Hit } from '../match.js';
import type { DocTokens } from '../tokens.js';
import { employerPass } from './01-employer.js';
import { headingPass } from './02-heading.js';
import { numberPass } from './03-number.js';
import { plainPass } from './04-plain.js';
import { casePass } from './05-case.js';
import { compoundPass } from './06-compound.js';
import { placePass } from './07-place.js';
import { abbreviationPass } from './08-abbreviation.js';
import { confirmerPass } from './09-confirmers.js';
import { listItemPass } from './10-list-item.js';
import { listNeighbourPass } from './11-list-neighbours.js';
import { seenElsewherePass } from './12-seen-elsewhere.js';
import { wordClassPass } from './13-word-class.js';
import type { LineLookup } from './lines.js';
import { undecided, type Decision } from './state.js';
import type { AmbiguityContext, HitView } from './view.js';

export { lineInfo, type LineInfo, type LineLookup } from './lines.js';
export type { Decision } from './state.js';
export type { AmbiguityContext, SectionAt } from './view.js';

/** A pass reads the view and settles some of the undecided hits. */
type Pass = (v: HitView) => void;

/** The passes, in order. */
const PASSES: readonly Pass[] = [
  employerPass,
  headingPass,
  numberPass,
  plainPass,
  casePass,
  compoundPass,
  placePass,
  abbreviationPass,
  confirmerPass,
  listItemPass,
  listNeighbourPass,
  seenElsewherePass,
  wordClassPass,
];

function hitsByToken(doc: DocTokens, hits: readonly Hit[]): Int32Array {
  const at = new Int32Array(doc.tokens.length).fill(-1);
  hits.forEach((h, k) => {
    for (let i = h.from; i < h.to; i++) at[i] = k;
  });
  return at;
}

function hitIndices(n: number): Int32Array {
  const at = new Int32Array(n);
  for (let k = 0; k < n; k++) at[k] = k;
  return at;
}

/** Decides every hit; returns one decision per hit (index-aligned). */
export function decideHits(ctx: AmbiguityContext, lines: LineLookup): Decision[] {
  const view: HitView = {
    ctx,
    doc: ctx.doc,
    hits: ctx.hits,
    n: ctx.doc.tokens.length,
    hitAtToken: hitsByToken(ctx.doc, ctx.hits),
    lines,
    states: ctx.hits.map(undecided),
    tagLines: new Map(),
    fields: ctx.fields ?? toolsFields(ctx.doc),
    open: { at: hitIndices(ctx.hits.length), count: ctx.hits.length },
  };
  for (const pass of PASSES) pass(view);
  return view.states;
}
