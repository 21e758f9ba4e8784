/**
 * Pass 7: places, addresses and institutions. "New Jersey", "University of Phoenix", "Oracle University",
 * "Phoenix, AZ", "Palo Alto, California", "12 Spring Street", "P.O. Box 816": the ambiguous word is part
 * of a place's, a street's or a school's name.
 */
import type { Hit } from '../match.js';
import { GAP_COLON, GAP_LIST, GAP_NEWLINE, GAP_SENTENCE } from '../tokens.js';
import { reject } from './state.js';
import { capitalised, eachUndecided, type HitView } from './view.js';
import { INSTITUTION_WORDS, PLACE_BEFORE, REGION_CODES, STREET_WORDS, US_STATES } from './words.js';

/** `text[from, to)` trimmed is one comma; most gaps hold none, and are not cut out to be trimmed. */
function commaGap(text: string, from: number, to: number): boolean {
  let comma = false;
  for (let k = from; k < to && !comma; k++) comma = text.charCodeAt(k) === 44;
  return comma && text.slice(from, to).trim() === ',';
}

/** The gap before token `i` joins it to the word before on one line: no list mark, line break, sentence end or colon. */
function sameLineBefore(gaps: Uint8Array, i: number): boolean {
  return !(gaps[i]! & (GAP_LIST | GAP_NEWLINE | GAP_SENTENCE | GAP_COLON));
}

/** The hit is part of a place or institution name. */
export function placeName(v: HitView, h: Hit): boolean {
  const { tokens, gaps, text } = v.doc;
  const n = v.n;
  if (h.from > 0 && sameLineBefore(gaps, h.from)) {
    const prev = tokens[h.from - 1]!;
    if (capitalised(prev) && PLACE_BEFORE.has(prev.norm)) return true;
    if (
      prev.norm === 'of' &&
      h.from > 1 &&
      sameLineBefore(gaps, h.from - 1) &&
      INSTITUTION_WORDS.has(tokens[h.from - 2]!.norm)
    )
      return true;
  }
  // "P.O. Box 816", "PO Box 816": a postal address (the full stop of "P.O." ends no sentence).
  if (
    h.from > 0 &&
    !(gaps[h.from]! & GAP_NEWLINE) &&
    (tokens[h.from - 1]!.norm === 'p.o' || tokens[h.from - 1]!.norm === 'po')
  )
    return true;
  const next = tokens[h.to];
  if (next === undefined) return false;
  // "Oracle University", "Cisco Networking Academy" is a school, not the product.
  if (sameLineBefore(gaps, h.to) && capitalised(next) && INSTITUTION_WORDS.has(next.norm)) return true;
  // "12 Spring Street", "Java Road": a street. A house number before it, or a capitalised street word after.
  if (sameLineBefore(gaps, h.to) && capitalised(next) && STREET_WORDS.has(next.norm)) return true;
  // "Phoenix, AZ", "Palo Alto, California": a city before its state. "Windows, MS Office" and "C, QC" are
  // lists: the state must not begin a technology itself.
  if (
    v.hitAtToken[h.to] === -1 &&
    !(gaps[h.to]! & (GAP_NEWLINE | GAP_SENTENCE)) &&
    commaGap(text, tokens[h.to - 1]!.end, next.start)
  ) {
    if (REGION_CODES.has(next.text)) return true;
    const two = h.to + 1 < n && sameLineBefore(gaps, h.to + 1) ? `${next.norm} ${tokens[h.to + 1]!.norm}` : '';
    if (capitalised(next) && (US_STATES.has(next.norm) || US_STATES.has(two))) return true;
  }
  return false;
}

/** Rejects ambiguous hits that are part of a place or institution name. */
export function placePass(v: HitView): void {
  eachUndecided(v, (h, _k, state) => {
    if (placeName(v, h)) reject(state, state.pending, 'place-name');
  });
}
