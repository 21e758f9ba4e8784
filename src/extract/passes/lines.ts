/**
 * Per-line facts the passes and the mention contexts read: how many tokens a line holds and whether
 * it reads as a list of technologies ("Languages: Java, C, Python"), and whether a line break only
 * wraps a sentence.
 */
import type { Hit } from '../match.js';
import { GAP_BLANK_LINE, GAP_COLON, GAP_LIST, GAP_NEWLINE, GAP_SENTENCE, type DocTokens } from '../tokens.js';
import { CONNECTOR_WORDS, NOUN_BEFORE } from './words.js';

/** Fewest tokens on a line that a PDF wrapped mid-sentence; a shorter line is a heading or a list item. */
export const WRAP_MIN_TOKENS = 5;

/**
 * The line break before token `i` only wraps a sentence: nothing but the break sits in the gap (no bullet,
 * comma or full stop), the line before (`prevLineSize` tokens) is long, and the next line goes on in lower
 * case ("…using PostgreSQL\ntogether with Go") or the line before ends on a joining word ("on Go and\ngRPC").
 */
export function softWrap(doc: DocTokens, i: number, prevLineSize: number): boolean {
  if (i <= 0 || i >= doc.tokens.length || doc.gaps[i] !== GAP_NEWLINE || prevLineSize < WRAP_MIN_TOKENS) return false;
  const c = doc.tokens[i]!.text.charCodeAt(0);
  if (c >= 97 && c <= 122) return true;
  const prev = doc.tokens[i - 1]!.norm;
  return CONNECTOR_WORDS.has(prev) || NOUN_BEFORE.has(prev);
}

export interface LineInfo {
  /** Tokens on the line. */
  size: number;
  /** The line reads as a list of technologies ("Languages: Java, C, Python"). */
  list: boolean;
}

/** Per-line facts by line number: a `Map` serves, and so does the table `lineInfo` makes. */
export interface LineLookup {
  get(line: number): LineInfo | undefined;
}

/** The facts of each line in an array indexed by line number (a 1 MB table of 90,000 lines needs no map). */
class LineTable implements LineLookup {
  readonly infos: (LineInfo | undefined)[];
  constructor(lines: number) {
    this.infos = new Array(lines);
  }
  get(line: number): LineInfo | undefined {
    return this.infos[line];
  }
}

/** Per-line facts used by the rules and by mention contexts. */
export function lineInfo(doc: DocTokens, hits: readonly Hit[]): LineLookup {
  const { tokens, gaps, line } = doc;
  const n = tokens.length;
  // Line numbers never decrease along the tokens, so the tokens of a line are one run: per-line counts
  // live in typed arrays indexed by the line's rank among the lines that hold tokens.
  let lineCount = 0;
  for (let i = 0; i < n; i++) if (i === 0 || line[i] !== line[i - 1]) lineCount++;
  const rank = new Uint32Array(n);
  const lineOfRank = new Uint32Array(lineCount);
  const size = new Uint32Array(lineCount);
  const listGaps = new Uint32Array(lineCount);
  const colonEarly = new Uint8Array(lineCount);
  const firstToken = new Uint32Array(lineCount);
  const plain = new Uint32Array(lineCount);
  let r = -1;
  for (let i = 0; i < n; i++) {
    const l = line[i]!;
    if (i === 0 || l !== line[i - 1]) {
      r++;
      lineOfRank[r] = l;
      firstToken[r] = i;
    }
    rank[i] = r;
    const first = doc.lineStart[i]!;
    if (i === first) firstToken[r] = i;
    size[r]!++;
    if (i !== first && gaps[i]! & GAP_LIST) listGaps[r]!++;
    if (i !== first && gaps[i]! & GAP_COLON && i - first <= 4) colonEarly[r] = 1;
  }
  for (let k = 0; k < hits.length; k++) {
    const entries = hits[k]!.entries;
    for (let m = 0; m < entries.length; m++)
      if (entries[m]!.ambiguity === null) {
        plain[rank[hits[k]!.from]!]!++;
        break;
      }
  }
  const out = new LineTable(n === 0 ? 0 : line[n - 1]! + 1);
  for (let r = 0; r < lineCount; r++) {
    const l = lineOfRank[r]!;
    const s = size[r]!;
    const lg = listGaps[r]!;
    const p = plain[r]!;
    let list = (p >= 2 && lg >= 2 && s / (lg + 1) <= 4) || (colonEarly[r] === 1 && p >= 1 && lg >= 1);
    // A list that goes on past a comma or a wrapped line ("…PostgreSQL, MySQL,\nDocker, Kubernetes") lends the
    // next line its context, when that line reads as items too.
    const first = firstToken[r]!;
    if (!list && first > 0 && p >= 1 && s / (lg + 1) <= 4) {
      const before = out.infos[line[first - 1]!];
      if (before?.list === true && (gaps[first]! & (GAP_LIST | GAP_BLANK_LINE | GAP_SENTENCE)) === GAP_LIST)
        list = true;
      else if (before?.list === true && softWrap(doc, first, before.size)) list = true;
    }
    out.infos[l] = infoOf(s, list);
  }
  return out;
}

/** Lines of up to this many tokens share their facts' object: most lines are short, and lists repeat them. */
const SHARED_SIZES = 64;
const SHARED_INFOS: readonly LineInfo[] = Array.from({ length: SHARED_SIZES * 2 }, (_, k) =>
  Object.freeze({ size: k >> 1, list: (k & 1) === 1 }),
);

/**
 * The facts of a line of `size` tokens: one frozen object for each short size, so a megabyte of short lines
 * holds a hundred objects, not a hundred thousand that live as long as the extract.
 */
function infoOf(size: number, list: boolean): LineInfo {
  return size < SHARED_SIZES ? (SHARED_INFOS[size * 2 + (list ? 1 : 0)] as LineInfo) : { size, list };
}
