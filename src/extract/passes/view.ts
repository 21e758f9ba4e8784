/**
 * The document as the ambiguity passes see it: the tokens, the hits, which hit covers each token,
 * per-line facts, and the small questions every pass asks of them (is this gap inside a sentence,
 * are these two hits items of one list, is this line a list of tags). Every scan here is capped, so
 * a 1 MB line with thousands of hits stays linear.
 */
import type { SectionKind, TimelineEntry } from '../../types.js';
import { isEnglishWord } from '../context.js';
import type { Hit } from '../match.js';
import {
  GAP_BLANK_LINE,
  GAP_CLOSE_PAREN,
  GAP_COLON,
  GAP_LIST,
  GAP_NEWLINE,
  GAP_OPEN_PAREN,
  GAP_SENTENCE,
  isVersionToken,
  type DocTokens,
} from '../tokens.js';
import type { LineLookup } from './lines.js';
import { softWrap } from './lines.js';
import type { HitState } from './state.js';
import { CONNECTOR_WORDS, PHRASE_CONNECTORS, TITLE_WORDS, VERB_TITLES } from './words.js';

/** The section kind of the token at an index. */
export type SectionAt = (tokenIndex: number) => SectionKind | null;

/** What the extractor hands the passes besides the tokens and hits. */
export interface AmbiguityContext {
  doc: DocTokens;
  hits: Hit[];
  sectionAt: SectionAt;
  timeline: readonly TimelineEntry[];
  timelineAt: (offset: number) => number | null;
  /** Index of the timeline entry whose organisation (`TimelineEntry.organisationSpan`) holds `[start, end)`, or `null`. */
  organisationAt: (start: number, end: number) => number | null;
  /** `[start, end)` lies inside a section's heading line. */
  inHeading: (start: number, end: number) => boolean;
  /** Use compromise for undecided `tech-context` hits. */
  useCompromise: boolean;
  /** Most sentences given to compromise. */
  maxContextSentences: number;
  /** The tools fields of the document (`toolsFields`), when the caller has them already. */
  fields?: Int32Array;
  /** The taxonomy's kind of a skill (`technology` where it says none); absent when the taxonomy gives no kinds. */
  kindOf?: (skillId: string) => 'technology' | 'practice' | 'concept';
}

/** One document's view, shared by the passes. */
export interface HitView {
  readonly ctx: AmbiguityContext;
  readonly doc: DocTokens;
  readonly hits: readonly Hit[];
  /** Tokens in the document. */
  readonly n: number;
  /** Index of the hit covering each token, or -1. */
  readonly hitAtToken: Int32Array;
  readonly lines: LineLookup;
  /** One state per hit (index-aligned with `hits`). */
  readonly states: HitState[];
  /** Memo of `tagLine` per line number. */
  readonly tagLines: Map<number, boolean>;
  /** Per token, the first item of the labelled tools field it sits in, or -1 (`toolsFields`). */
  readonly fields: Int32Array;
  /** The hits that may still be undecided, in order (see `eachUndecided`). */
  readonly open: OpenHits;
}

/** Indices of hits, `at[0..count)`, a superset of the undecided ones. */
export interface OpenHits {
  readonly at: Int32Array;
  count: number;
}

/**
 * Calls `visit` for every hit still undecided, in order, as a pass that walked all hits and skipped the
 * settled ones would. The walk drops the hits it sees settled, so once the early passes have settled most
 * hits (200,000 numbers of a hostile text are rejected by the third), the later ones cost nothing per hit.
 */
export function eachUndecided(v: HitView, visit: (h: Hit, k: number, state: HitState) => void): void {
  const { open, hits, states } = v;
  let still = 0;
  for (let j = 0; j < open.count; j++) {
    const k = open.at[j]!;
    const state = states[k]!;
    if (state.status !== 'undecided') continue;
    visit(hits[k]!, k, state);
    if (state.status === 'undecided') open.at[still++] = k;
  }
  open.count = still;
}

/** Token `i` is an item of a labelled tools field ("Tools used: …", "Environment: …", "OS: …"). */
export function inToolsField(v: HitView, i: number): boolean {
  return v.fields[i]! !== -1;
}

/** The token's section is a skills section, or its line reads as a list of technologies. */
export function skillsContext(v: HitView, i: number): boolean {
  return v.ctx.sectionAt(i) === 'skills' || v.lines.get(v.doc.line[i]!)?.list === true;
}

/** Tokens on the line of token `i`. */
export function lineSize(v: HitView, i: number): number {
  return v.lines.get(v.doc.line[i]!)?.size ?? 0;
}

/** The end of a hit with up to two version tokens after it ("Java 8", "Spring 3.0"). */
export function versionEnd(v: HitView, h: Hit): number {
  const { tokens, gaps } = v.doc;
  let end = h.to;
  while (
    end < v.n &&
    end - h.to < 2 &&
    isVersionToken(tokens[end]!.norm) &&
    !(gaps[end]! & (GAP_LIST | GAP_NEWLINE | GAP_SENTENCE))
  )
    end++;
  return end;
}

/** Token `i` is glued to the one before by a hyphen or an ampersand: "go-to-market", "R&D". */
export function gluedBefore(v: HitView, i: number): boolean {
  if (i <= 0 || i >= v.n) return false;
  const t = v.doc.tokens[i]!;
  if (t.hyphenBefore) return true;
  return t.start - v.doc.tokens[i - 1]!.end === 1 && v.doc.text.charCodeAt(t.start - 1) === 38;
}

/** A line made of skill names only ("gRPC AWS ECS Lambda S3 RDS"), not prose inside a skills section. */
export function chipLine(v: HitView, i: number): boolean {
  const { doc, n, hitAtToken } = v;
  const l = doc.line[i]!;
  let uncovered = 0;
  for (let k = doc.lineStart[i]!; k < n && doc.line[k] === l && k - doc.lineStart[i]! < 40; k++)
    if (hitAtToken[k] === -1) uncovered++;
  return uncovered <= 1;
}

/**
 * A line of lower-case tags ("java rest cloud spring design-patterns"): written all in lower case, so
 * letter case says nothing about its ambiguous words, and mostly technologies, two of them plain.
 */
export function tagLine(v: HitView, i: number): boolean {
  const { doc, n, hitAtToken, hits } = v;
  const l = doc.line[i]!;
  let known = v.tagLines.get(l);
  if (known !== undefined) return known;
  let count = 0;
  let uncovered = 0;
  let plain = 0;
  let lower = true;
  const first = doc.lineStart[i]!;
  let k = first;
  for (; k < n && doc.line[k] === l && lower; k++) {
    if (k - first >= 40) {
      lower = false;
      break;
    }
    const t = doc.tokens[k]!;
    // A token equal to its folded form is lower case already; lower-casing costs more than the compare.
    if (t.norm !== t.text && t.text.toLowerCase() !== t.text) lower = false;
    count++;
    const hk = hitAtToken[k]!;
    if (hk === -1) uncovered++;
    else if (hits[hk]!.from === k && hits[hk]!.entries.some((e) => e.ambiguity === null)) plain++;
  }
  known = lower && count >= 3 && plain >= 2 && uncovered * 3 <= count;
  v.tagLines.set(l, known);
  return known;
}

/** The line break before token `i` only wraps a sentence (see `softWrap`). */
export function wrap(v: HitView, i: number): boolean {
  return softWrap(v.doc, i, lineSize(v, i - 1));
}

/** The gap before token `i` stays inside one sentence: no sentence end, and a line break only where a line wraps. */
export function inSentence(v: HitView, i: number): boolean {
  const g = v.doc.gaps[i]!;
  return !(g & GAP_SENTENCE) && (!(g & GAP_NEWLINE) || wrap(v, i));
}

/** Tokens a connector of one to three words spans at `i` ("and", "together with", "as well as"), or 0. */
export function connectorAt(v: HitView, i: number, upTo: number): number {
  if (i >= upTo) return 0;
  const tokens = v.doc.tokens;
  if (CONNECTOR_WORDS.has(tokens[i]!.norm)) return 1;
  for (const words of PHRASE_CONNECTORS) {
    if (i + words.length > upTo) continue;
    let ok = true;
    for (let w = 0; w < words.length && ok; w++)
      ok = tokens[i + w]!.norm === words[w] && (w === 0 || inSentence(v, i + w));
    if (ok) return words.length;
  }
  return 0;
}

/** `a` and `b` (a before b) are items of one list. */
export function connected(v: HitView, a: Hit, b: Hit): boolean {
  const { doc } = v;
  const gaps = doc.gaps;
  const end = versionEnd(v, a);
  if (end > b.from) return false;
  const g = gaps[b.from]!;
  if (g & GAP_BLANK_LINE) return false;
  const newlineOk = (): boolean => lineSize(v, a.from) <= 5 && lineSize(v, b.from) <= 5;
  // Every tag of a tag line is an item of one list.
  if (doc.line[a.from] === doc.line[b.from] && tagLine(v, a.from)) return true;
  const chips = v.ctx.sectionAt(a.from) === 'skills' && v.ctx.sectionAt(b.from) === 'skills' && chipLine(v, a.from);
  if (end === b.from) {
    // Skill "chips" of a two-column layout sit apart by spaces only: "gRPC AWS ECS Lambda S3 RDS".
    if (chips && !(g & GAP_NEWLINE)) return true;
    if (!(g & GAP_LIST) && !(g & GAP_NEWLINE)) return false;
    if (g & GAP_NEWLINE) return newlineOk() || (skillsContext(v, a.from) && skillsContext(v, b.from));
    return true;
  }
  const middle = b.from - end;
  // "Go, Rust and Python", "using R together\nwith SQL": a line that only wraps keeps the items joined.
  if (connectorAt(v, end, b.from) === middle) return inSentence(v, end) && inSentence(v, b.from);
  // A parenthesised note between items: "Java (basic), Python", "Python (3 years), Go".
  if (middle <= 3 && gaps[end]! & GAP_OPEN_PAREN && g & GAP_CLOSE_PAREN && !(g & GAP_NEWLINE)) return true;
  return false;
}

/** Nothing but a version follows the hit before a list mark, a sentence end, a line end or a connector. */
export function rightBounded(v: HitView, h: Hit): boolean {
  const end = versionEnd(v, h);
  const gaps = v.doc.gaps;
  return (
    end >= v.n ||
    (gaps[end]! & (GAP_LIST | GAP_SENTENCE)) !== 0 ||
    (gaps[end]! & GAP_NEWLINE && !wrap(v, end)) ||
    connectorAt(v, end, v.n) > 0
  );
}

/** The hit is a whole item of a list: bounded on both sides. */
export function itemBounded(v: HitView, h: Hit): boolean {
  const gaps = v.doc.gaps;
  const left =
    h.from === 0 ||
    gaps[h.from]! & (GAP_LIST | GAP_NEWLINE | GAP_COLON) ||
    CONNECTOR_WORDS.has(v.doc.tokens[h.from - 1]!.norm);
  return Boolean(left) && rightBounded(v, h);
}

/**
 * A job title in the same sentence of the line, before `upTo`: "Go developer. Built it with PostgreSQL"
 * has its title in another sentence, so PostgreSQL there is a technology, not an employer.
 */
export function titleOnLine(v: HitView, i: number, upTo: number, nounsOnly = false): boolean {
  const { tokens, gaps } = v.doc;
  for (let k = upTo - 1, stop = Math.max(v.doc.lineStart[i]!, upTo - 16); k >= stop; k--) {
    if (TITLE_WORDS.has(tokens[k]!.norm) && !(nounsOnly && VERB_TITLES.has(tokens[k]!.norm))) return true;
    if (gaps[k]! & GAP_SENTENCE) return false;
  }
  return false;
}

/** The end of the line of token `i` (exclusive), at most 24 tokens on. */
export function lineEnd(v: HitView, i: number): number {
  let k = i;
  const l = v.doc.line[i]!;
  while (k < v.n && k - i < 24 && v.doc.line[k] === l) k++;
  return k;
}

/** The sentence around token `i`, as a token range; a sentence wrapped over two lines of a PDF is one sentence. */
export function sentenceBounds(v: HitView, i: number): [number, number] {
  let s = i;
  while (s > 0 && i - s < 40 && inSentence(v, s)) s--;
  let e = i + 1;
  while (e < v.n && e - i < 40 && inSentence(v, e)) e++;
  return [s, e];
}

/**
 * A hit strong enough to vouch for an ambiguous neighbour: a name that is not plain English
 * ("Python", "MySQL", "SQL", "C++"), not a common word that happens to be a skill ("Monitoring",
 * "Testing" — a list of verbs is not a list of technologies).
 */
export function named(v: HitView, h: Hit): boolean {
  for (let i = h.from; i < h.to; i++) {
    const t = v.doc.tokens[i]!;
    if (!isEnglishWord(t.norm)) return true;
    let upper = 0;
    let letters = 0;
    for (let k = 0; k < t.text.length; k++) {
      const c = t.text.charCodeAt(k);
      if (c >= 65 && c <= 90) upper++;
      if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) letters++;
    }
    if (letters >= 2 && upper === letters) return true;
  }
  return false;
}

/** The token starts with a capital letter. */
export function capitalised(t: { text: string }): boolean {
  const c = t.text.charCodeAt(0);
  return c >= 65 && c <= 90;
}
