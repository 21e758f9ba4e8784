/**
 * Lone technologies: a list item that is exactly one technology name ("• Kafka", "- Spring", "* Go",
 * "Nice to have: Go", the items of "Requirements: Go, Kafka, Spring") is that technology, even when
 * the extractor leaves the word alone because it is also an ordinary word in prose. The whole item
 * is resolved through the taxonomy's alias look-up (`resolveSkill`, exact only), so "Go to market"
 * or "spring semester" never match: only an item that is a name and nothing else does.
 */
import type { Span } from '../types.js';
import type { Found } from './clauses.js';
import { BULLET, matchesOf } from './patterns.js';
import type { Layout } from './sections.js';

/** An item found to be one technology. */
export interface LoneItem extends Found {
  /** The item as written. */
  text: string;
}

/** Longest item looked up (characters, words): names are short, sentences are not looked up. */
const MAX_ITEM_LENGTH = 40;
const MAX_ITEM_WORDS = 4;

/** The item's span without its bullet, surrounding quotes and closing punctuation, or `null` when it is empty. */
function itemSpan(text: string, start: number, end: number): Span | null {
  let from = start;
  let to = end;
  const body = text.slice(from, to);
  const bullet = body.match(BULLET);
  if (bullet !== null) from += bullet[0].length;
  while (from < to && /[\s"'“”‘’`*_]/.test(text[from]!)) from++;
  while (to > from && /[\s"'“”‘’`*_.,;:!]/.test(text[to - 1]!)) to--;
  return to > from ? { start: from, end: to } : null;
}

function isShort(text: string): boolean {
  return text.length <= MAX_ITEM_LENGTH && text.split(/\s+/).length <= MAX_ITEM_WORDS;
}

const ITEM_SEPARATOR = /\s*[,;|]\s*|\s+(?:and\/or|and|or|&)\s+/g;

/** The items of a segment: the parts of a list of short parts ("Go, Kafka and Spring"), or the whole of it when short. */
function itemsOf(text: string, start: number, end: number): Span[] {
  const whole = itemSpan(text, start, end);
  if (whole === null) return [];
  const parts: Span[] = [];
  let from = whole.start;
  for (const match of matchesOf(ITEM_SEPARATOR, text.slice(whole.start, whole.end))) {
    const part = itemSpan(text, from, whole.start + match.index);
    if (part === null || !isShort(text.slice(part.start, part.end))) return [];
    parts.push(part);
    from = whole.start + match.index + match[0].length;
  }
  const last = itemSpan(text, from, whole.end);
  if (last === null || !isShort(text.slice(last.start, last.end))) return [];
  parts.push(last);
  return parts;
}

/** The first mention (of a sorted list) ending after `at`. */
function firstEndingAfter(found: readonly Found[], at: number): number {
  let lo = 0;
  let hi = found.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (found[mid]!.end <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether a mention overlaps `span` (`'exact'` when one covers exactly it). Mentions are sorted by start and rarely nest. */
function overlap(found: readonly Found[], span: Span): 'none' | 'some' | 'exact' {
  let result: 'none' | 'some' = 'none';
  for (let i = firstEndingAfter(found, span.start); i < found.length && found[i]!.start < span.end; i++) {
    if (found[i]!.start === span.start && found[i]!.end === span.end) return 'exact';
    if (found[i]!.end > span.start) result = 'some';
  }
  return result;
}

/**
 * Items of the asking sections (requirements, nice to have, responsibilities; every part of a
 * heading-less advert) that name one technology and hold no mention the extractor kept. A
 * segment is split into items only when every part is a name (a mention the extractor kept whole,
 * or a phrase the taxonomy resolves), so prose ("Experience with Java and Go") is never split.
 * `found` must be sorted by start; `resolve` gives the skill id a whole phrase names, or `null`.
 */
export function loneItems(
  text: string,
  layout: Layout,
  found: readonly Found[],
  resolve: (phrase: string) => string | null,
): LoneItem[] {
  const items: LoneItem[] = [];
  for (const segment of layout.segments) {
    if (layout.structured && (segment.preamble || segment.section === 'other')) continue;
    const parts = itemsOf(text, segment.start, segment.end);
    const read: LoneItem[] = [];
    let pure = true;
    for (const span of parts) {
      const seen = overlap(found, span);
      if (seen === 'exact') continue;
      const phrase = text.slice(span.start, span.end);
      const id = seen === 'none' ? resolve(phrase) : null;
      if (id !== null) read.push({ id, start: span.start, end: span.end, aspiration: false, lone: true, text: phrase });
      else pure = false;
    }
    if (parts.length === 1 || pure) items.push(...read);
  }
  return items;
}
