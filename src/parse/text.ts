/**
 * Plain text and Markdown, plus the line assembly every other reader shares.
 */
import type { Span } from '../types.js';
import { headingKind } from './sections.js';
import { splitLines } from './structure.js';

/** Text with its line spans and the indexes of lines known to be headings. */
export interface LaidOutText {
  text: string;
  lines: Span[];
  headingLines: number[];
}

/** One output line of a reader; `''` marks a paragraph break. */
export interface TextLine {
  text: string;
  heading?: boolean;
}

/**
 * Joins reader lines into one text. Runs of blank lines collapse to one (a blank line is kept
 * because it separates entries), and leading/trailing blanks go.
 */
export function assembleLines(input: readonly TextLine[]): LaidOutText {
  const parts: string[] = [];
  const lines: Span[] = [];
  const headingLines: number[] = [];
  let offset = 0;
  let pendingBlank = false;
  for (const line of splitTabHeadings(input)) {
    // Line terminators inside a line would desynchronise the spans.
    const text = line.text.replace(/[\r\n\u2028\u2029\u000b\u000c\u0085]+/g, ' ').trimEnd();
    if (text.trim() === '') {
      pendingBlank = parts.length > 0;
      continue;
    }
    if (pendingBlank) {
      lines.push({ start: offset, end: offset });
      parts.push('');
      offset += 1;
      pendingBlank = false;
    }
    if (line.heading) headingLines.push(lines.length);
    lines.push({ start: offset, end: offset + text.length });
    parts.push(text);
    offset += text.length + 1;
  }
  return { text: parts.join('\n'), lines, headingLines };
}

/**
 * Tab-aligned layouts put a heading and its content on one line ("Skills<tab>Go, Rust"); the
 * heading goes on its own line so sections are found.
 */
function splitTabHeadings(input: readonly TextLine[]): TextLine[] {
  const out: TextLine[] = [];
  for (const line of input) {
    if (line.heading || !line.text.includes('\t')) {
      out.push(line);
      continue;
    }
    const cells = line.text.split('\t');
    let pending: string[] = [];
    let split = false;
    for (const cell of cells) {
      const trimmed = cell.trim();
      if (trimmed && trimmed.length <= 40 && headingKind(trimmed) !== null) {
        if (pending.length) out.push({ text: pending.join('\t') });
        out.push({ text: trimmed, heading: true });
        pending = [];
        split = true;
      } else if (trimmed) {
        pending.push(trimmed);
      }
    }
    if (!split) out.push(line);
    else if (pending.length) out.push({ text: pending.join('\t') });
  }
  return out;
}

const ATX = /^ {0,3}(#{1,6})[ \t]+\S/;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
const FENCE = /^ {0,3}(?:```|~~~)/;

/**
 * Plain text or Markdown: the text stays exactly as given, so spans index the original.
 * For Markdown, ATX (`# Skills`) and setext (`Skills` over `====`) headings become heading lines.
 */
export function readPlainText(text: string, markdown: boolean): LaidOutText {
  const lines = splitLines(text);
  const headingLines: number[] = [];
  if (markdown) {
    let inFence = false;
    for (let i = 0; i < lines.length; i++) {
      const span = lines[i]!;
      const line = text.slice(span.start, span.end);
      if (FENCE.test(line)) {
        inFence = !inFence;
        continue;
      }
      if (inFence) continue;
      if (ATX.test(line)) {
        headingLines.push(i);
        continue;
      }
      const next = lines[i + 1];
      if (
        next &&
        line.trim() !== '' &&
        !/^ {0,3}[-*+] /.test(line) &&
        SETEXT_UNDERLINE.test(text.slice(next.start, next.end))
      ) {
        headingLines.push(i);
      }
    }
  }
  return { text, lines, headingLines };
}

/** Words in a text (runs of letters or digits), for the `few-words` check. */
export function countWords(text: string): number {
  const matches = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.+#-]*/gu);
  return matches ? matches.length : 0;
}
