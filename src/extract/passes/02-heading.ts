/**
 * Pass 2: category headings. "Version Control", "Databases:", "Web Technologies" alone on a line above a
 * list of tools, or as a section's heading, names the group, not a skill of the candidate. Only practices
 * and concepts (the taxonomy's kind) and names made of plain English words: "Python" or "Microsoft Azure"
 * above "Django, Flask" is still the product. Applies to every hit.
 */
import type { Hit } from '../match.js';
import { GAP_LIST, GAP_NEWLINE } from '../tokens.js';
import { reject } from './state.js';
import { isUnknownWord } from '../context.js';
import { eachUndecided, lineEnd, type HitView } from './view.js';

/** Nothing but a colon (and spaces) follows the hit to the end of its line; `null` when more does. */
function endsLine(v: HitView, h: Hit): { colon: boolean } | null {
  const { tokens, text } = v.doc;
  const to = h.to < v.n ? tokens[h.to]!.start : text.length;
  if (h.to < v.n && !(v.doc.gaps[h.to]! & GAP_NEWLINE)) return null;
  let colon = false;
  for (let k = tokens[h.to - 1]!.end; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 10 || c === 13) break;
    if (c === 58) colon = true;
    else if (c !== 32 && c !== 9) return null;
  }
  return { colon };
}

/** The gap before token `i` holds a list mark that is no dash: a comma, semicolon, bar, slash or bullet. */
function itemMark(v: HitView, i: number): boolean {
  const { text, tokens } = v.doc;
  for (let k = tokens[i - 1]!.end; k < tokens[i]!.start; k++) {
    const c = text.charCodeAt(k);
    if (c === 44 || c === 59 || c === 124 || c === 47 || c === 0x2022 || c === 0xb7 || c === 0x25cf) return true;
  }
  return false;
}

/**
 * The line after the hit is a list of at least two items, the first a skill: "Git, SVN", "MySQL | Oracle".
 * One item a line ("Event-driven Systems") is the next item of a list, not a group under a heading.
 */
function listBelow(v: HitView, h: Hit): boolean {
  if (h.to >= v.n || v.hitAtToken[h.to] === -1 || v.hits[v.hitAtToken[h.to]!]!.from !== h.to) return false;
  const end = lineEnd(v, h.to);
  for (let k = h.to + 1; k < end; k++) if (v.doc.gaps[k]! & GAP_LIST && itemMark(v, k)) return true;
  return false;
}

/**
 * The hit names a practice or a concept (when the taxonomy gives kinds), or else is one or two plain
 * English words ("Version Control", "Databases"; not "AWS", not "System Center Operations Manager").
 */
function groupName(v: HitView, h: Hit): boolean {
  const kindOf = v.ctx.kindOf;
  if (kindOf !== undefined) return h.entries.every((e) => kindOf(e.skillId) !== 'technology');
  if (h.to - h.from > 2) return false;
  // Every word English (or an English derivation: "Version") and none in capitals ("AWS" is a name).
  for (let i = h.from; i < h.to; i++) {
    const t = v.doc.tokens[i]!;
    if (isUnknownWord(t.norm) || (t.text.length > 1 && t.text === t.text.toUpperCase())) return false;
  }
  return true;
}

/** The hit is a heading naming a group of skills. */
export function categoryHeading(v: HitView, h: Hit): boolean {
  if (v.doc.lineStart[h.from] !== h.from || !groupName(v, h)) return false;
  // A colon after it says heading only with a list below: "NoSQL:" above a paragraph of work is evidence.
  if (endsLine(v, h) === null) return false;
  return v.ctx.inHeading(h.start, h.end) || listBelow(v, h);
}

/** Rejects every hit that is a category heading. */
export function headingPass(v: HitView): void {
  eachUndecided(v, (h, _k, state) => {
    if (categoryHeading(v, h)) reject(state, h.entries, 'heading', true);
  });
}
