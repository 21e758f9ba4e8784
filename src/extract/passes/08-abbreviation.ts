/**
 * Pass 8: abbreviations defined in place. "Port Operating System (POS)", "Process Improvement Plan
 * (PIP)": a bracketed acronym spelled by the capitalised words before it names those words, also
 * inside a skills section, unless those words name the acronym's own skill ("Professional Scrum
 * Master (PSM)").
 */
import type { Hit } from '../match.js';
import { GAP_OPEN_PAREN } from '../tokens.js';
import { reject } from './state.js';
import { eachUndecided, type HitView } from './view.js';

/** "Process Improvement Plan (PIP)": a bracketed acronym spelled by the capitalised words before it names them. */
export function definesAbbreviation(v: HitView, h: Hit): boolean {
  const { tokens, gaps, text } = v.doc;
  const length = h.end - h.start;
  // The cheap questions first: the word is cut out only for a one-token hit after a bracket.
  if (h.to - h.from !== 1 || length < 2 || length > 6 || !(gaps[h.from]! & GAP_OPEN_PAREN)) return false;
  const word = text.slice(h.start, h.end);
  if (word !== word.toUpperCase()) return false;
  if (h.from < word.length) return false;
  for (let k = 0; k < word.length; k++) {
    const t = tokens[h.from - word.length + k]!;
    if (t.text[0] !== word[k]) return false;
  }
  return true;
}

/** The bracketed acronym stands for a name of its own skill: "Professional Scrum Master (PSM)", "Enterprise Asset Management (EAM)". */
function definesOwnName(v: HitView, h: Hit): boolean {
  const ids = new Set(h.entries.map((e) => e.skillId));
  for (let i = Math.max(0, h.from - (h.end - h.start)); i < h.from; i++) {
    const o = v.hitAtToken[i]!;
    if (o !== -1 && v.hits[o]!.entries.some((e) => ids.has(e.skillId))) return true;
  }
  return false;
}

/** Rejects ambiguous acronyms that define the words before them. */
export function abbreviationPass(v: HitView): void {
  eachUndecided(v, (h, _k, state) => {
    if (definesAbbreviation(v, h) && !definesOwnName(v, h)) reject(state, state.pending, 'abbreviation');
  });
}
