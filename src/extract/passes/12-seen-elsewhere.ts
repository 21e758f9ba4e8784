/**
 * Pass 12: names matched unambiguously elsewhere in the document. When the same résumé names a skill by
 * an alias that cannot mean anything else ("Apache Spark", "Mule ESB", "SAP ERP"), a bare "Spark", "Mule"
 * or "SAP" written in the taxonomy's case names the same product: the writer does not switch to the
 * English word. Not for one- and two-letter names ("C", "R", "Go": too common as letters and words), nor
 * for generic nouns ("Testing", "Networking": the word itself is the field), nor where word order reads a
 * verb ("we react").
 */
import type { AliasEntry } from '../../taxonomy/index.js';
import { isGenericNoun } from '../context.js';
import type { Hit } from '../match.js';
import { accept } from './state.js';
import { GAP_COLON, GAP_LIST, GAP_NEWLINE, GAP_SENTENCE } from '../tokens.js';
import { capitalised, eachUndecided, sentenceBounds, titleOnLine, type HitView } from './view.js';
import { VERB_BEFORE } from './words.js';

/** Skill ids of the hits counted through an unambiguous alias. */
function unambiguousSkills(v: HitView): Set<string> {
  const ids = new Set<string>();
  v.states.forEach((s) => {
    if (s.status === 'technology') for (const e of s.kept) if (e.ambiguity === null) ids.add(e.skillId);
  });
  return ids;
}

/** Token `i` is a capitalised word no hit covers, on the same line as the hit and not across a list mark. */
function nameWord(v: HitView, i: number, gapAt: number): boolean {
  if (
    i < 0 ||
    i >= v.n ||
    v.hitAtToken[i] !== -1 ||
    v.doc.gaps[gapAt]! & (GAP_LIST | GAP_NEWLINE | GAP_SENTENCE | GAP_COLON)
  )
    return false;
  return capitalised(v.doc.tokens[i]!);
}

/**
 * The hit reads as the product's name, not a word or part of another name: three letters or more,
 * capitalised, no verb cue before it, no generic noun, no capitalised word glued on either side
 * ("SAP Labs", "HCL Cisco", "Flash Factory": an organisation), no job title before it on its line.
 */
function nameUse(v: HitView, h: Hit): boolean {
  const { tokens, text } = v.doc;
  if (h.end - h.start < 3) return false;
  const c = text.charCodeAt(h.start);
  if (!(c >= 65 && c <= 90)) return false;
  const [s] = sentenceBounds(v, h.from);
  if (h.from > s && VERB_BEFORE.has(tokens[h.from - 1]!.norm)) return false;
  for (let i = h.from; i < h.to; i++) if (isGenericNoun(tokens[i]!.norm)) return false;
  // The first word of a sentence is capitalised for its place, not as a name.
  if ((h.from - 1 > s && nameWord(v, h.from - 1, h.from)) || nameWord(v, h.to, h.to)) return false;
  return !titleOnLine(v, h.from, h.from, true);
}

/** Accepts undecided hits whose skill counted elsewhere in the document. */
export function seenElsewherePass(v: HitView): void {
  const seen = unambiguousSkills(v);
  if (seen.size === 0) return;
  eachUndecided(v, (h, _k, state) => {
    if (state.lowerCase) return;
    const known: AliasEntry[] = state.pending.filter((e) => seen.has(e.skillId));
    if (known.length > 0 && nameUse(v, h)) accept(state, known, false);
  });
}
