/**
 * Pass 10: whole items. An ambiguous name that is a whole item of a skills section ("Skills: Go, …") or
 * of a labelled tools field ("Tools used: Jira, Flash", "OS: Windows", also written in lower case there),
 * that carries a version ("Spring 3.0", "Oracle 11g", "Angular 8") or sits beside a product of its own
 * brand written in full ("SAP Knowledge: SAP EWM, SAP SD"), is the technology.
 */
import { type Hit, surfaceOf } from '../match.js';
import { GAP_LIST, GAP_NEWLINE, GAP_SENTENCE, isYearToken } from '../tokens.js';
import { accept } from './state.js';
import { eachUndecided, inToolsField, itemBounded, rightBounded, type HitView } from './view.js';

/**
 * The next item of the list is a product of the same brand written in full: bare "SAP" in "SAP Knowledge:
 * SAP EWM, SAP SD" or "SAP EWM, SAP". At most one word apart, in one sentence: a brand's word later in a
 * paragraph ("Flash Factory … Flash Audio Library") proves nothing.
 */
function brandBeside(v: HitView, h: Hit, k: number): boolean {
  const { hits } = v;
  const gaps = v.doc.gaps;
  const prefix = `${h.key} `;
  const near = (a: Hit, b: Hit): boolean => {
    if (b.from - a.to > 1) return false;
    for (let i = a.to; i <= b.from; i++) if (gaps[i]! & (GAP_SENTENCE | GAP_NEWLINE)) return false;
    return true;
  };
  const family = (o: Hit): boolean => o.key.startsWith(prefix) && o.entries.some((e) => e.ambiguity === null);
  return (
    (k + 1 < hits.length && family(hits[k + 1]!) && near(h, hits[k + 1]!)) ||
    (k > 0 && family(hits[k - 1]!) && near(hits[k - 1]!, h))
  );
}

/**
 * A release number follows the name and ends its item: "Spring 3.0,", "Oracle 11g and", "Angular 8)". A year
 * is no release here ("Spring 2019"; the compound pass rejected those), nor a model number ("RTL 8139D",
 * "Nexus 5k"), nor a number that goes on into prose ("CPT 9.7 testing").
 */
function versioned(v: HitView, h: Hit): boolean {
  const { tokens, gaps } = v.doc;
  const next = tokens[h.to];
  if (next === undefined || gaps[h.to]! & (GAP_LIST | GAP_NEWLINE | GAP_SENTENCE) || isYearToken(next.norm))
    return false;
  // "3.0", "2.x", "v2", "8", and Oracle's "11g", "12c", "9i".
  if (!RELEASE.test(next.norm)) return false;
  // A bare number after an acronym is a count or a part number as often ("CV 2", "Form 16"): only after a name.
  const surface = surfaceOf(v.doc, h);
  if (/^\d+$/.test(next.norm) && (surface.length < 3 || surface === surface.toUpperCase())) return false;
  return rightBounded(v, { ...h, to: h.to + 1 });
}

const RELEASE = /^(?:v\d{1,3}(?:\.\d{1,3})*|\d{1,3}(?:\.(?:\d{1,3}|x))*|\d{1,2}[gci])$/;

/** Accepts undecided hits that are whole items of a skills section or tools field, carry a version, or stand beside their brand's products. */
export function listItemPass(v: HitView): void {
  eachUndecided(v, (h, k, state) => {
    // The label says the items are products: a name written in lower case there is one too.
    if (inToolsField(v, h.from) && itemBounded(v, h)) accept(state, state.pending, true);
    else if (state.lowerCase) return;
    else if ((v.ctx.sectionAt(h.from) === 'skills' && itemBounded(v, h)) || brandBeside(v, h, k) || versioned(v, h))
      accept(state, state.pending, true);
  });
}
