/**
 * Pass 5: written case. An ambiguous alias the taxonomy spells with capitals ("Go", "R", "Swift")
 * counts only so written; on a line of lower-case tags, or in capitals among other names in capitals
 * ("CDETS, BUG SCRUBBER, MANTIS, JIRA", "SHELL SCRIPTING (10+ years)"), the writer's case is lost, so
 * any form may stand; an item of a labelled tools field may be written any way too. Written in lower case, a `tech-context` name of two letters or more stays in
 * question, flagged `lowerCase`: only a list of named technologies or a tools field can vouch for it later.
 */
import type { AliasEntry } from '../../taxonomy/index.js';
import { type Hit, surfaceOf } from '../match.js';
import { drop, reject } from './state.js';
import { connected, eachUndecided, inToolsField, itemBounded, tagLine, type HitView } from './view.js';

/** Letters of `s` are all capitals, three or more of them. */
function capitals(s: string): boolean {
  let letters = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) return false;
    if (c >= 65 && c <= 90) letters++;
  }
  return letters >= 3;
}

/** A list neighbour is written in capitals too: the list (an export's skills line, a tools list) is in capitals. */
function capitalsBeside(v: HitView, h: Hit, k: number): boolean {
  const { hits, doc } = v;
  const caps = (o: Hit): boolean => capitals(surfaceOf(doc, o));
  const before = hits[k - 1];
  const after = hits[k + 1];
  return (
    (before !== undefined && caps(before) && connected(v, before, h)) ||
    (after !== undefined && caps(after) && connected(v, h, after))
  );
}

/** `s` with every run of whitespace read as one space; `s` itself when it has none to fold (the common case). */
function spaced(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32 ? s.charCodeAt(i + 1) === 32 : c < 32 || c >= 0x80) return s.replace(/\s+/g, ' ');
  }
  return s;
}

/** The entries spelled as `surface` is (or with no case rule), per entries array and surface of one document. */
type CaseMemo = Map<readonly AliasEntry[], Map<string, readonly AliasEntry[]>>;

function writtenAs(memo: CaseMemo, entries: readonly AliasEntry[], surface: string): readonly AliasEntry[] {
  let bySurface = memo.get(entries);
  if (bySurface === undefined) {
    bySurface = new Map();
    memo.set(entries, bySurface);
  }
  let found = bySurface.get(surface);
  if (found === undefined) {
    const folded = spaced(surface);
    found = entries.filter(
      (e) =>
        e.ambiguity!.caseSensitive === null ||
        e.ambiguity!.caseSensitive.some((w) => w === surface || spaced(w) === folded),
    );
    bySurface.set(surface, found);
  }
  return found;
}

/** Sets the entries still in question on every undecided hit, or rejects it for its case. */
export function casePass(v: HitView): void {
  const { doc } = v;
  const memo: CaseMemo = new Map();
  eachUndecided(v, (h, k, state) => {
    const surface = surfaceOf(doc, h);
    // A one-token surface equal to its folded form is lower case already (and lower-casing is costly).
    const lowerSurface =
      (h.to - h.from === 1 && doc.tokens[h.from]!.norm === surface) || surface === surface.toLowerCase();
    // In a tools field the label vouches for every item, however it is written ("IDE: eclipse", "Stomp").
    // Asked only when no entry is written so (all three questions are pure).
    const caseFree = (): boolean =>
      (lowerSurface && tagLine(v, h.from)) ||
      (capitals(surface) && capitalsBeside(v, h, k)) ||
      (surface.length >= 2 && inToolsField(v, h.from) && itemBounded(v, h));
    let entries = writtenAs(memo, h.entries, surface);
    // Where the writer's case is lost, the entries written so still come first ("Swift" the language, not
    // the SWIFT network); only when none is, any may stand.
    if (entries.length === 0 && caseFree()) entries = h.entries;
    if (entries.length === 0) {
      // Written in lower case, a name still counts joined to named technologies in a list ("linux and windows",
      // "python, go, docker"); nothing else vouches for it. One letter is too little to go on.
      const lower =
        surface.length >= 2 && lowerSurface ? h.entries.filter((e) => e.ambiguity!.rule === 'tech-context') : [];
      // Nothing dropped yet (an undecided hit has no drops): with none left, all go, as one shared list.
      if (lower.length === 0) return reject(state, h.entries, 'case', true);
      for (const e of h.entries) if (!lower.includes(e)) drop(state, e, 'case');
      state.lowerCase = true;
      entries = lower;
    } else for (const e of h.entries) if (!entries.includes(e)) drop(state, e, 'case');
    state.pending = entries;
  });
}
