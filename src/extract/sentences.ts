/**
 * The sentence (or line) around a mention, as `SkillMention.sentence` shows it: the breaks of a
 * document are found once, and each mention's sentence is two binary searches away.
 */
import { lowerBound } from '../parse/index.js';
import type { Span } from '../types.js';
import type { DocTokens } from './tokens.js';

/**
 * Offsets of the characters that end a sentence or line: a line break, or `.!?;` before a space or the
 * end. Such a character never sits inside a token, so only the gaps between tokens are read. Only breaks
 * before `until` are found: {@link sentenceSpanAround} of a span ending at `end` with cap `max` reads none at
 * or past `end + max`, so `until = end + max + 1` gives it the same span as every break would.
 */
export function sentenceBreaks(doc: DocTokens, until = doc.text.length): number[] {
  const { text, tokens } = doc;
  const at: number[] = [];
  let from = 0;
  for (let k = 0; k <= tokens.length && from < until; k++) {
    const to = Math.min(until, k < tokens.length ? tokens[k]!.start : text.length);
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      let brk = c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
      if (!brk && (c === 46 || c === 33 || c === 63 || c === 59)) {
        const next = text.charCodeAt(i + 1);
        brk = Number.isNaN(next) || next === 32 || next === 10 || next === 13 || next === 9;
      }
      if (brk) at.push(i);
    }
    if (k < tokens.length) from = tokens[k]!.end;
  }
  return at;
}

/** Whitespace to the trimming of a sentence. */
function space(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0;
}

/**
 * The span of the sentence (or line) around a span, trimmed and capped; it indexes the text exactly.
 * `breaks` (from `sentenceBreaks`) turns the walks to the nearest breaks into binary searches.
 */
export function sentenceSpanAround(
  text: string,
  breaks: readonly number[],
  start: number,
  end: number,
  max: number,
): Span {
  // The last break before `start` and the first at or after `end`.
  const below = lowerBound(breaks, start);
  const before = below > 0 ? breaks[below - 1]! : -1;
  let s = Math.max(0, start - max, before + 1);
  const first = lowerBound(breaks, end);
  const after = first < breaks.length ? breaks[first]! : text.length;
  let e = Math.min(text.length, end + max, after);
  // `e` is a break only where it is the first one after the mention (otherwise a cap stopped it).
  if (e < text.length && e === after && text.charCodeAt(e) !== 10 && text.charCodeAt(e) !== 13) e++;
  while (s < start && space(text.charCodeAt(s))) s++;
  while (e > end && space(text.charCodeAt(e - 1))) e--;
  if (e - s > max) {
    // Keep the mention in view: a window of `max` around it.
    const room = Math.max(0, max - (end - start));
    s = Math.max(s, start - Math.floor(room / 2));
    e = Math.min(e, s + max);
    if (e < end) e = end;
  }
  return { start: s, end: e };
}

/** The sentence (or line) around a span, trimmed and capped (`sentenceSpanAround`), with its text. */
export function sentenceAround(
  text: string,
  breaks: readonly number[],
  start: number,
  end: number,
  max: number,
): { sentence: string; span: Span } {
  const span = sentenceSpanAround(text, breaks, start, end, max);
  return { sentence: text.slice(span.start, span.end), span };
}
