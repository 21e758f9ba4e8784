/**
 * The token view of one document the extractor works on: fine tokens plus, per token, what the
 * gap before it holds (list punctuation, a line break, a sentence end), its line and its clause.
 * Everything is computed in one linear pass, so later rules are constant-time look-ups.
 */
import { type FineToken, scanTokens } from '../taxonomy/index.js';

/** Bits describing the gap before a token. */
export const GAP_LIST = 1; // , ; | / & + • · ( ) [ ] tab, a spaced dash
export const GAP_NEWLINE = 2;
export const GAP_SENTENCE = 4; // . ! ? ; ending a sentence
export const GAP_COLON = 8;
export const GAP_OPEN_PAREN = 16;
export const GAP_CLOSE_PAREN = 32;
export const GAP_BLANK_LINE = 64;

/** Words that break a clause: the scope of "not" or "learning" stops there. */
const CLAUSE_BREAKERS = new Set(['but', 'however', 'although', 'though', 'whereas', 'yet', 'except']);

export interface DocTokens {
  text: string;
  tokens: FineToken[];
  /** Gap bits before each token (index-aligned with `tokens`); one extra entry for the end of the text. */
  gaps: Uint8Array;
  /** Line number of each token (0-based). */
  line: Uint32Array;
  /** Index of the first token of each token's clause. */
  clauseStart: Uint32Array;
  /** Index of the first token of each token's line. */
  lineStart: Uint32Array;
}

function gapBits(text: string, from: number, to: number): number {
  let bits = 0;
  let newlines = 0;
  let spaces = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 0xa0) {
      // Runs of spaces stand for lost line breaks and columns in text flattened from PDFs.
      spaces++;
      if (spaces === 2) bits |= GAP_LIST;
      else if (spaces === 3) bits |= GAP_SENTENCE;
      continue;
    }
    spaces = 0;
    switch (c) {
      case 10:
        newlines++;
        bits |= GAP_NEWLINE;
        break;
      case 13:
      case 0x2028:
      case 0x2029:
        bits |= GAP_NEWLINE;
        break;
      case 44: // ,
      case 124: // |
      case 47: // /
      case 38: // &
      case 43: // +
      case 9: // tab
      case 0x2022: // •
      case 0xb7: // ·
      case 0x25cf: // ●
      case 0x25aa: // ▪
      case 0x25a0: // ■
      case 0x2023: // ‣
      case 0x27a2: // ➢
      case 0xf0b7: // private-use bullet from Word
      case 42: // *
        bits |= GAP_LIST;
        break;
      case 59: // ;
        bits |= GAP_LIST | GAP_SENTENCE;
        break;
      case 40: // (
      case 91: // [
      case 123: // {
        bits |= GAP_LIST | GAP_OPEN_PAREN;
        break;
      case 41: // )
      case 93: // ]
      case 125: // }
        bits |= GAP_LIST | GAP_CLOSE_PAREN;
        break;
      case 58: // :
        bits |= GAP_COLON;
        break;
      case 46: // .
      case 33: // !
      case 63: // ?
        bits |= GAP_SENTENCE;
        break;
      case 45:
      case 0x2013:
      case 0x2014: {
        // A dash with a space on either side separates items ("Python - 2 years", "Java – Spring").
        const before = i > from ? text.charCodeAt(i - 1) : 0;
        const after = i + 1 < to ? text.charCodeAt(i + 1) : 0;
        if (before === 32 || after === 32 || before === 10 || after === 10 || i === from || i + 1 === to)
          bits |= GAP_LIST;
        break;
      }
      default:
        break;
    }
  }
  if (newlines >= 2) bits |= GAP_BLANK_LINE;
  return bits;
}

/** Scans a document's text once. */
/** Characters String.prototype.trim takes away (ECMAScript WhiteSpace and LineTerminator). */
function trimmable(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * The gap before token `i` (`i` > 0), trimmed, is one dash (-, en or em dash): "Go - expert", "Tools – Eclipse".
 * Read in place rather than cut out and trimmed: it is asked for every hit and every line start.
 */
export function dashGap(doc: DocTokens, i: number): boolean {
  let dashes = 0;
  for (let k = doc.tokens[i - 1]!.end; k < doc.tokens[i]!.start; k++) {
    const c = doc.text.charCodeAt(k);
    if (c === 45 || c === 0x2013 || c === 0x2014) dashes++;
    else if (!trimmable(c)) return false;
  }
  return dashes === 1;
}

export function scanDocument(text: string): DocTokens {
  const tokens = scanTokens(text);
  const n = tokens.length;
  const gaps = new Uint8Array(n + 1);
  const line = new Uint32Array(n);
  const clauseStart = new Uint32Array(n);
  const lineStart = new Uint32Array(n);
  let prevEnd = 0;
  let lineNo = 0;
  let clause = 0;
  let lineFirst = 0;
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    // One space is by far the commonest gap, and holds no bits.
    const bits = t.start - prevEnd === 1 && text.charCodeAt(prevEnd) === 32 ? 0 : gapBits(text, prevEnd, t.start);
    gaps[i] = i === 0 ? bits | GAP_NEWLINE : bits;
    if (i > 0 && bits & GAP_NEWLINE) {
      // Count every line break so line numbers stay comparable between tokens.
      for (let k = prevEnd; k < t.start; k++) if (text.charCodeAt(k) === 10) lineNo++;
      lineFirst = i;
    }
    if (
      i === 0 ||
      bits & (GAP_NEWLINE | GAP_SENTENCE) ||
      (t.norm.length >= 3 && t.norm.length <= 8 && CLAUSE_BREAKERS.has(t.norm))
    )
      clause = i;
    line[i] = lineNo;
    clauseStart[i] = clause;
    lineStart[i] = lineFirst;
    prevEnd = t.end;
  }
  gaps[n] = gapBits(text, prevEnd, text.length) | GAP_NEWLINE;
  return { text, tokens, gaps, line, clauseStart, lineStart };
}

/** A token is a number or version (`8`, `3.5`, `2+`, `v2`, `1.x`). */
export function isVersionToken(norm: string): boolean {
  if (norm.length === 0 || norm.length > 8) return false;
  let i = 0;
  if (norm.charCodeAt(0) === 118 /* v */ && norm.length > 1) i = 1;
  let digits = 0;
  for (; i < norm.length; i++) {
    const c = norm.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c === 46 || c === 43 || c === 120 /* x */) continue;
    else return false;
  }
  return digits > 0;
}

/** A year written as four digits, 1950–2099. */
export function isYearToken(norm: string): boolean {
  if (norm.length !== 4) return false;
  const y = Number(norm);
  return Number.isInteger(y) && y >= 1950 && y <= 2099;
}
