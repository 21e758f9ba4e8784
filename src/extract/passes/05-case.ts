/**
 * Pass 5: written case. An ambiguous alias the taxonomy spells with capitals ("Go", "R", "Swift")
 * counts only so written; on a line of lower-case tags, or in capitals among other names in capitals
 * ("CDETS, BUG SCRUBBER, MANTIS, JIRA", "SHELL SCRIPTING (10+ years)"), the writer's case is lost, so
 * any form may stand; an item of a labelled tools field may be written any way too. Written in lower case, a `tech-context` name of two letters or more stays in
 * question, flagged `lowerCase`: only a list of named technologies or a tools field can vouch for it later.
 */
import type { Hit } from '../match.js';
import { connected, inToolsField, itemBounded, tagLine, type HitView } from './view.js';

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
  const caps = (o: Hit): boolean => capitals(doc.text.slice(o.start, o.end));
  const before = hits[k - 1];
  const after = hits[k + 1];
  return (
    (before !== undefined && caps(before) && connected(v, before, h)) ||
    (after !== undefined && caps(after) && connected(v, h, after))
  );
}

/** Sets the entries still in question on every undecided hit, or rejects it for its case. */
export function casePass(v: HitView): void {
  const { doc } = v;
  v.hits.forEach((h, k) => {
    const state = v.states[k]!;
    if (state.status !== 'undecided') return;
    const surface = doc.text.slice(h.start, h.end);
    // A one-token surface equal to its folded form is lower case already (and lower-casing is costly).
    const lowerSurface =
      (h.to - h.from === 1 && doc.tokens[h.from]!.norm === surface) || surface === surface.toLowerCase();
    // In a tools field the label vouches for every item, however it is written ("IDE: eclipse", "Stomp").
    const toolItem = surface.length >= 2 && inToolsField(v, h.from) && itemBounded(v, h);
    const caseFree = (lowerSurface && tagLine(v, h.from)) || (capitals(surface) && capitalsBeside(v, h, k)) || toolItem;
    let entries = h.entries.filter(
      (e) =>
        e.ambiguity!.caseSensitive === null ||
        e.ambiguity!.caseSensitive.some(
          (w) => w === surface || w.replace(/\s+/g, ' ') === surface.replace(/\s+/g, ' '),
        ),
    );
    // Where the writer's case is lost, the entries written so still come first ("Swift" the language, not
    // the SWIFT network); only when none is, any may stand.
    if (entries.length === 0 && caseFree) entries = [...h.entries];
    if (entries.length === 0) {
      // Written in lower case, a name still counts joined to named technologies in a list ("linux and windows",
      // "python, go, docker"); nothing else vouches for it. One letter is too little to go on.
      const lower =
        surface.length >= 2 && lowerSurface ? h.entries.filter((e) => e.ambiguity!.rule === 'tech-context') : [];
      for (const e of h.entries) if (!lower.includes(e)) state.dropped.push({ entry: e, reason: 'case' });
      if (lower.length === 0) {
        state.status = 'rejected';
        return;
      }
      state.lowerCase = true;
      entries = lower;
    } else for (const e of h.entries) if (!entries.includes(e)) state.dropped.push({ entry: e, reason: 'case' });
    state.pending = entries;
  });
}
