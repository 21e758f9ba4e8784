/**
 * Pass 3: numbers. An alias made of digits only ("8051", "802.11") is a skill only as an item of a
 * skills list or beside a word of its own skill ("8051 microcontroller"); elsewhere it is part of a
 * phone number, an address or a count. A version carried by a list ("Windows 95/98") is no such alias.
 * Applies to every hit.
 */
import type { Hit } from '../match.js';
import { GAP_LIST } from '../tokens.js';
import { reject } from './state.js';
import { eachUndecided, inSentence, itemBounded, skillsContext, type HitView } from './view.js';

/** The hit's key holds no letter. */
function numberOnly(h: Hit): boolean {
  for (let i = 0; i < h.key.length; i++) {
    const c = h.key.charCodeAt(i) | 32;
    if (c >= 97 && c <= 122) return false;
  }
  return true;
}

/** The token begins with a digit. */
function startsWithDigit(norm: string): boolean {
  const c = norm.charCodeAt(0);
  return c >= 48 && c <= 57;
}

/** A token next to the hit (same sentence, no list mark) is a number too: "+1 555 8051 2345". */
function amongNumbers(v: HitView, h: Hit): boolean {
  const { tokens, gaps } = v.doc;
  return (
    (h.from > 0 && !(gaps[h.from]! & GAP_LIST) && inSentence(v, h.from) && startsWithDigit(tokens[h.from - 1]!.norm)) ||
    (h.to < v.n && !(gaps[h.to]! & GAP_LIST) && inSentence(v, h.to) && startsWithDigit(tokens[h.to]!.norm))
  );
}

/**
 * The words of the skills' ids, with each one's plural and singular: a token `w` is among them exactly
 * when `w`, `w + "s"`, or `w` less a final "s" is a word of an id. Made once per entries array of the index.
 */
const ownWordSets = new WeakMap<Hit['entries'], ReadonlySet<string>>();

function ownWords(entries: Hit['entries']): ReadonlySet<string> {
  let set = ownWordSets.get(entries);
  if (set === undefined) {
    const words = new Set<string>();
    for (const e of entries)
      for (const w of e.skillId.split('-')) {
        words.add(w);
        words.add(`${w}s`);
        if (w.endsWith('s')) words.add(w.slice(0, -1));
      }
    set = words;
    ownWordSets.set(entries, set);
  }
  return set;
}

/** A word of the skill's own id sits within three tokens, in the sentence: "8051 microcontroller". */
function ownWordNear(v: HitView, h: Hit): boolean {
  const words = ownWords(h.entries);
  for (let i = Math.max(0, h.from - 3); i < Math.min(v.n, h.to + 3); i++) {
    if (i >= h.from && i < h.to) continue;
    if (words.has(v.doc.tokens[i]!.norm)) return true;
  }
  return false;
}

/** Rejects number-only aliases outside a skills list and away from their skill's words. */
export function numberPass(v: HitView): void {
  eachUndecided(v, (h, _k, state) => {
    if (!numberOnly(h)) return;
    const listed = skillsContext(v, h.from) && itemBounded(v, h);
    if (amongNumbers(v, h) || !(listed || ownWordNear(v, h))) reject(state, h.entries, 'number', true);
  });
}
