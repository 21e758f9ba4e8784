/**
 * Pass 6: compounds and followers. An ambiguous word glued by a hyphen or "&" to a word that is no
 * technology ("go-to-market", "R&D"), or followed by a year or a word of the calendar ("Spring 2019",
 * "Spring semester", "Go live"), is the English word.
 */
import { GAP_LIST, GAP_NEWLINE, GAP_SENTENCE, isVersionToken, isYearToken } from '../tokens.js';
import { WRAP_MIN_TOKENS } from './lines.js';
import { reject } from './state.js';
import { eachUndecided, gluedBefore, inToolsField, lineSize, type HitView } from './view.js';
import { NON_TECH_FOLLOWERS } from './words.js';

/** Rejects ambiguous hits inside hyphen compounds or before a year or calendar word. */
export function compoundPass(v: HitView): void {
  const { tokens, gaps } = v.doc;
  eachUndecided(v, (h, _k, state) => {
    const prevGlued = gluedBefore(v, h.from) && v.hitAtToken[h.from - 1] === -1;
    const next = tokens[h.to];
    const nextGlued =
      next !== undefined && gluedBefore(v, h.to) && v.hitAtToken[h.to] === -1 && !isVersionToken(next.norm);
    // "Spring 2019", also when a wrapped line puts the year on the next line ("…during Spring\n2019"); the
    // last item of a tools field ends its line ("Stack: Java, Dagger\n2016 - 2018").
    const wrapped = gaps[h.to]! === GAP_NEWLINE && lineSize(v, h.from) >= WRAP_MIN_TOKENS && !inToolsField(v, h.from);
    const followerGap = !(gaps[h.to]! & (GAP_LIST | GAP_NEWLINE | GAP_SENTENCE)) || wrapped;
    const followedByYear =
      next !== undefined && followerGap && (isYearToken(next.norm) || NON_TECH_FOLLOWERS.has(next.norm));
    if (prevGlued || nextGlued || followedByYear)
      reject(state, state.pending, prevGlued || nextGlued ? 'hyphen-compound' : 'not-technical-follower');
  });
}
