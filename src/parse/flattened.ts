/**
 * Flattened text: exports (job boards, PDF-to-text tools) that turned every line break into a run of spaces, so a
 * whole résumé, or a large part of it, is one very long line. Such a line is read back as the layout it was:
 * cut into units at runs of two or more spaces (a run of four or more was a blank line), a date range whose
 * dash was lost kept whole ("January 2008  Present"), a sentence wrapped across lines joined back ("with
 * extensive  experience in"), and an experience heading glued to the first cell after it ("Experience Disney
 * Interactive Media Group") split off, so headings and job headers are found where they are written.
 */
import type { Span } from '../types.js';
import { detectHeading, headingKind } from './sections.js';
import { hasTitleWord, type TextUnit } from './timeline.js';

export function isBlankCode(code: number): boolean {
  return (
    code === 32 ||
    code === 9 ||
    code === 0xa0 ||
    code === 0x3000 ||
    (code >= 0x2000 && code <= 0x200b) ||
    code === 0x202f ||
    code === 0xfeff
  );
}

export function trimSpan(text: string, start: number, end: number): Span {
  while (start < end && isBlankCode(text.charCodeAt(start))) start++;
  while (end > start && isBlankCode(text.charCodeAt(end - 1))) end--;
  return { start, end };
}

/**
 * Where {@link isGapAt} holds, one character long: a tab, or a blank (see {@link isBlankCode}) with another after it.
 * Global, for searches from a `lastIndex`.
 */
const NEXT_GAP = /\t|[ \u00a0\u2000-\u200b\u202f\u3000\ufeff](?=[ \t\u00a0\u2000-\u200b\u202f\u3000\ufeff])/g;

/** A gap between the cells of a flattened line: a tab (DOCX and HTML readers write space runs as tabs) or two blanks. */
export function isGapAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  // Printable ASCII, most characters of any line, is never blank: one test instead of the list of blank codes.
  if (code > 32 && code < 0xa0) return false;
  return code === 9 || (isBlankCode(code) && isBlankCode(text.charCodeAt(i + 1)));
}

const ENDS_WITH_YEAR = /(?:^|\D)(?:19|20)\d\d\)?$/;
const CONTINUES_RANGE =
  /^(?:present|current|currently|now|today|till|until|to date|ongoing|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? (?:19|20)\d\d|(?:19|20)\d\d(?!\d))/i;

/** Does `piece` carry on the date range that `previous` opens, its dash lost in the export ("September 2013  Present")? */
export function continuesRange(text: string, previous: Span, piece: Span): boolean {
  // Most units end in neither a digit nor a bracket: no year to carry on, and nothing to slice.
  const last = text.charCodeAt(previous.end - 1);
  if (!((last >= 48 && last <= 57) || last === 41)) return false;
  return (
    ENDS_WITH_YEAR.test(text.slice(Math.max(previous.start, previous.end - 12), previous.end)) &&
    CONTINUES_RANGE.test(text.slice(piece.start, Math.min(piece.end, piece.start + 24)))
  );
}

/** Blanks in a row at which a flattened line had a blank line (two line breaks, each written as two spaces). */
const PARAGRAPH_GAP = 4;
/** A wrapped line is close to the width of its column; a shorter cell that opens in lower case is a cell of its own ("oracle"). */
const MIN_WRAPPED_LENGTH = 30;
/** A line that ends like this stops mid-sentence, whatever the next one opens with. */
const OPEN_END =
  /(?:[,&/–-]|\b(?:and|or|of|the|in|with|to|for|a|an|at|by|on|from|as|including|into|via|such as|like))$/;
/** Last characters of a line that may stop mid-sentence (see {@link OPEN_END}). */
const OPEN_LAST = /[,&/–\-a-z]/;
/**
 * A year early in a unit: a dated header, which no sentence joins unless it carries on the range. A year early in a
 * cell that only opens in lower case may be a role told with its dates ("… as a Software programmer  since July
 * 2009"): it is kept apart too. After a line that stops mid-sentence ("… migrated the  Payments Team from 2016 to
 * 2018"), the cell is that sentence's, dates or not.
 */
const YEAR = /(?:^|\D)(?:19|20)\d\d(?!\d)/;
/** The second half of a date range written across two lines ("from May 2007" / "to June 2009"). */
const RANGE_CONTINUATION =
  /^(?:(?:to|till|until|through|thru|[-–—])\s*(?:date|present|now|today|current|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s*(?:19|20)\d\d|(?:19|20)\d\d)|\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)\d\d)/i;
/** First characters of a list item, which always starts a cell of its own. */
const BULLETS = new Set([...'•●▪◦○■□►▶➢➤✓✔◆◇·⁃‣*-–—{']);

interface Piece extends Span {
  /** Blanks before the piece on its line (0 for the first). */
  gap: number;
}

/** Runs of blanks between the cells of a line, by whether they hold a tab (counted by {@link piecesOf}). */
interface Runs {
  spaced: number;
  tabbed: number;
}

/**
 * The cells of a flattened line: spans between runs of two or more blanks, with the width of the run before each.
 * The runs that start before the line's last character are counted into `runs`.
 */
function piecesOf(text: string, span: Span, runs: Runs = { spaced: 0, tabbed: 0 }): Piece[] {
  const pieces: Piece[] = [];
  let from = span.start;
  let gap = 0;
  for (let i = span.start; i <= span.end; i++) {
    // The next gap is found by one search (a line of a megabyte may hold none), not by a test per character.
    if (i < span.end) {
      NEXT_GAP.lastIndex = i;
      i = NEXT_GAP.test(text) && NEXT_GAP.lastIndex <= span.end ? NEXT_GAP.lastIndex - 1 : span.end;
    }
    const piece = trimSpan(text, from, i);
    if (piece.end > piece.start) pieces.push({ start: piece.start, end: piece.end, gap });
    if (i === span.end) break;
    let j = i;
    let tab = false;
    for (let code = text.charCodeAt(j); j < span.end && isBlankCode(code); code = text.charCodeAt(++j))
      tab ||= code === 9;
    if (i < span.end - 1) {
      if (tab) runs.tabbed++;
      else runs.spaced++;
    }
    gap = j - i;
    from = j;
    i = j - 1;
  }
  return pieces;
}

function isLowerLetter(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code >= 97 && code <= 122) return true;
  if (code < 0xc0) return false;
  const ch = text[at] as string;
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

/**
 * Is `piece` the next line of the sentence the unit before it is writing? It opens in lower case after a line of
 * column width, or follows a line that stops mid-sentence ("… and", "… with", "Web developing /"), and neither side
 * is a heading. A list item never continues anything.
 */
function wraps(text: string, unit: Span, lastPiece: Piece, unitIsHeading: () => boolean, piece: Piece): boolean {
  if (piece.gap >= PARAGRAPH_GAP) return false;
  // Cheap tests first: the piece opens in lower case, or the line before ends in a joiner's last character.
  const lower = isLowerLetter(text, piece.start);
  if (!lower && !OPEN_LAST.test(text[lastPiece.end - 1] as string)) return false;
  if (BULLETS.has(text[piece.start] as string)) return false;
  const open = OPEN_END.test(text.slice(Math.max(lastPiece.start, lastPiece.end - 12), lastPiece.end));
  if (!open && !(lower && lastPiece.end - lastPiece.start >= MIN_WRAPPED_LENGTH)) return false;
  const opening = text.slice(piece.start, Math.min(piece.end, piece.start + 40));
  if (
    !RANGE_CONTINUATION.test(opening) &&
    ((!open && YEAR.test(opening)) || YEAR.test(text.slice(unit.start, Math.min(unit.end, unit.start + 160))))
  )
    return false;
  if (unitIsHeading()) return false;
  return detectHeading(text.slice(piece.start, Math.min(piece.end, piece.start + 400))) === null;
}

/** Most words a heading glued to the first cell after it may take ("Professional Work Experience"). */
const LEADING_HEADING_WORDS = 4;
/** The nouns that end an experience heading that may be glued to what follows it ("Work Experience", "Employment History"). */
const EXPERIENCE_NOUN = /^(?:experiences?|employment|history|internships?):?$/i;
const LEADING_NOUN = /experience|employment|history|internship/i;
/** Most words the cell after such a heading may hold: a header (organisation, title, dates), not a sentence. */
const MAX_CELL_WORDS = 12;

/**
 * Where the cell after an experience heading glued to it starts ("Experience Disney Interactive Media Group
 * January 2008"), or -1. The heading is a strict one in heading case, and what follows reads as a header:
 * capitalised, short, not a sentence ("Experience with Java" is one), not a job title ("Education Coordinator").
 *
 * @example findLeadingHeading('Work Experience Carnegie Mellon University') // → 16
 */
export function findLeadingHeading(value: string): number {
  // Most cells name no experience heading at all.
  if (!LEADING_NOUN.test(value.slice(0, 60))) return -1;
  const words = value.slice(0, 120).split(' ');
  let found = -1;
  let end = 0;
  for (let k = 0; k <= LEADING_HEADING_WORDS && k < words.length; k++) {
    const word = words[k] as string;
    end += (k > 0 ? 1 : 0) + word.length;
    if (!/^\p{Lu}[\p{L}&/-]*:?$/u.test(word)) break;
    const kind = headingKind(value.slice(0, end));
    if (kind !== null) found = kind === 'experience' && EXPERIENCE_NOUN.test(word) ? end : -1;
  }
  // The whole cell a heading: nothing glued to it.
  if (found < 0 || found >= value.trimEnd().length) return -1;
  const rest = value.slice(found + 1);
  if (!/^[\p{Lu}\p{N}]/u.test(rest) || /^\S+:/.test(rest)) return -1;
  const restWords = rest.split(/\s+/).filter((word) => /\p{L}/u.test(word));
  // One word after it is a heading of its own ("Employment Law") or a longer heading ("PROFESSIONAL EXPERIENCE___").
  if (restWords.length < 2 || restWords.length > MAX_CELL_WORDS || hasTitleWord(restWords[0] as string)) return -1;
  if (headingKind(`${value.slice(0, found)} ${(restWords[0] as string).replace(/[^\p{L}]/gu, '')}`) !== null) return -1;
  // An upper-case heading that carries on in upper case ("PROFESSIONAL TRAINEESHIP") is one longer heading.
  if (value.slice(0, found) === value.slice(0, found).toUpperCase() && /^\p{Lu}{2,}/u.test(rest)) return -1;
  // A sentence ("Experience Working with children in …") has lower-case words beyond a name's "of" and "and".
  const lowercase = restWords.filter(
    (word) => isLowerLetter(word, 0) && !/^(?:of|and|the|at|&|de|for|in)$/.test(word),
  ).length;
  if (lowercase > 1 || /[.!?]$/.test(rest.trimEnd())) return -1;
  return found + 1;
}

/**
 * Cuts a flattened line into units: its cells, with lost-dash date ranges and wrapped sentences joined back and an
 * experience heading glued to a cell split off. Each unit is marked `flat`.
 */
export function splitFlattenedLine(
  text: string,
  span: Span,
  line: number,
  units: TextUnit[],
  pieces: readonly Piece[] = piecesOf(text, span),
): void {
  let unit: TextUnit | undefined;
  let unitHeading: boolean | undefined;
  let lastPiece: Piece | undefined;
  const isHeading = (): boolean =>
    (unitHeading ??=
      unit !== undefined && detectHeading(text.slice(unit.start, Math.min(unit.end, unit.start + 400))) !== null);
  for (const piece of pieces) {
    if (
      unit !== undefined &&
      lastPiece !== undefined &&
      (continuesRange(text, unit, piece) || wraps(text, unit, lastPiece, isHeading, piece))
    ) {
      unit.end = piece.end;
      unitHeading = false;
      lastPiece = piece;
      continue;
    }
    lastPiece = piece;
    unitHeading = undefined;
    // A heading glued to the cell after it opens a paragraph (after a blank line, or at the start of the line).
    const at =
      piece.gap >= PARAGRAPH_GAP || piece.gap === 0
        ? findLeadingHeading(text.slice(piece.start, Math.min(piece.end, piece.start + 400)))
        : -1;
    if (at > 0) {
      units.push({ start: piece.start, end: piece.start + at - 1, line, flat: true });
      unit = { start: piece.start + at, end: piece.end, line, flat: true };
    } else {
      unit = { start: piece.start, end: piece.end, line, flat: true };
    }
    units.push(unit);
  }
}

/** Lines this long, with this many runs of blanks, are text that lost its line breaks (PDF/HTML exports). */
export const FLATTENED_MIN_LENGTH = 200;
const FLATTENED_MIN_GAPS = 4;

/**
 * Is the (trimmed) line a flattened one, and were its line breaks written as spaces? `'cells'` is a line of tab
 * separated cells (DOCX and HTML readers write a table row so), `'spaces'` a text export that lost its breaks.
 */
export function flattenedKind(text: string, span: Span): 'spaces' | 'cells' | null {
  return readFlattened(text, span).kind;
}

/** A line's kind as {@link readFlattened} reads it; a line whose breaks were written as spaces always has its cells. */
export type FlattenedLine =
  | { kind: 'spaces'; pieces: readonly Piece[] }
  | { kind: 'cells' | null; pieces: readonly Piece[] | null };

const NOT_FLATTENED: FlattenedLine = Object.freeze({ kind: null, pieces: null });

/**
 * A line's {@link flattenedKind}, and its cells ({@link piecesOf}) when it is long enough to have read them: both
 * from one pass over the line.
 */
export function readFlattened(text: string, span: Span): FlattenedLine {
  if (span.end - span.start < FLATTENED_MIN_LENGTH) return NOT_FLATTENED;
  const runs: Runs = { spaced: 0, tabbed: 0 };
  const pieces = piecesOf(text, span, runs);
  const { spaced, tabbed } = runs;
  if (spaced >= FLATTENED_MIN_GAPS && spaced >= tabbed) return { kind: 'spaces', pieces };
  return { kind: spaced + tabbed >= FLATTENED_MIN_GAPS ? 'cells' : null, pieces };
}
