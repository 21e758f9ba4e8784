/**
 * Reading order for PDF text: rows from item positions (y, then x), two-column pages read column
 * by column, then the text clean-up PDFs need (ligatures, soft hyphens, hyphenated line breaks,
 * icon-font glyphs, bullets).
 */
import type { PdfPage, PdfTextItem } from './pdf.js';
import type { TextLine } from './text.js';

/** A PDF's lines in reading order, with what the layout pass found. */
export interface PdfLayout {
  lines: TextLine[];
  /** 1-based numbers of pages read as two columns. */
  twoColumnPages: number[];
  /** Private-use or replacement characters removed (icon fonts, unmapped glyphs). */
  unmappedGlyphs: number;
}

interface Row {
  y: number;
  height: number;
  items: PdfTextItem[];
}

const BULLET_CHARS = '•▪●◦○■□◆◇➢➤►▶‣⁃∙·◼◾✓✔❖➔→-–*';
/** Private-use code points that Symbol/Wingdings fonts use for bullets (Word's "Symbol" bullet is U+F0B7). */
const PUA_BULLETS = new Set([
  0xf0b7, 0xf0a7, 0xf076, 0xf0d8, 0xf0fc, 0xf0a8, 0xf0e0, 0xf06c, 0xf06e, 0xf0a2, 0xf075, 0xf077,
]);

function isBlank(text: string): boolean {
  return text.trim() === '';
}

/** Groups items into rows by baseline; items must be sorted top-down. */
function buildRows(items: PdfTextItem[]): Row[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: Row[] = [];
  for (const item of sorted) {
    const row = rows[rows.length - 1];
    if (row && Math.abs(row.y - item.y) <= 0.45 * Math.min(row.height, item.height)) {
      row.items.push(item);
      row.height = Math.max(row.height, item.height);
    } else {
      rows.push({ y: item.y, height: item.height, items: [item] });
    }
  }
  for (const row of rows) row.items.sort((a, b) => a.x - b.x);
  return rows;
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0xa0 || (code >= 0x2000 && code <= 0x200a);
}

function rowText(row: Row): string {
  let out = '';
  let prevEnd = Number.NEGATIVE_INFINITY;
  for (const item of row.items) {
    if (out !== '') {
      const gap = item.x - prevEnd;
      const h = Math.max(1, Math.min(item.height, row.height));
      if (gap > 3 * h) out += '\t';
      else if (gap > 0.15 * h && !isSpace(out.charCodeAt(out.length - 1)) && !isSpace(item.str.charCodeAt(0)))
        out += ' ';
    }
    out += item.str;
    prevEnd = Math.max(prevEnd, item.x + item.width);
  }
  return out;
}

function chars(items: PdfTextItem[]): number {
  let n = 0;
  for (const item of items) n += item.str.length;
  return n;
}

/** A vertical gutter at `x` holding `left`/`right` items between `top` and `bottom` (exclusive). */
interface Columns {
  gutter: number;
  top: number;
  bottom: number;
}

/** Share of `a`'s rows that have a row of `b` on the same baseline. */
function pairedShare(a: Row[], b: Row[]): number {
  if (a.length === 0) return 0;
  let paired = 0;
  let k = 0;
  const bs = [...b].sort((p, q) => q.y - p.y);
  for (const row of a) {
    while (k < bs.length && bs[k]!.y > row.y + 1.5) k++;
    if (k < bs.length && Math.abs(bs[k]!.y - row.y) <= 1.5) paired++;
  }
  return paired / a.length;
}

/** Share of rows whose first item starts at one of the two most common left edges (to 3 pt): margin and bullet indent. */
function leftAlignedShare(rows: Row[]): number {
  if (rows.length === 0) return 0;
  const counts = new Map<number, number>();
  for (const row of rows) {
    const key = Math.round(row.items[0]!.x / 3);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  let covered = 0;
  for (let round = 0; round < 2; round++) {
    let bestKey = 0;
    let best = 0;
    for (const key of counts.keys()) {
      const sum = (counts.get(key - 1) ?? 0) + (counts.get(key) ?? 0) + (counts.get(key + 1) ?? 0);
      if (sum > best) {
        best = sum;
        bestKey = key;
      }
    }
    covered += best;
    counts.delete(bestKey - 1);
    counts.delete(bestKey);
    counts.delete(bestKey + 1);
  }
  return covered / rows.length;
}

/** Share of rows starting (or ending) within 3 pt of the most common left (or right) edge. */
function edgeShare(rows: Row[], edge: 'left' | 'right'): number {
  if (rows.length === 0) return 0;
  const counts = new Map<number, number>();
  for (const row of rows) {
    const first = row.items[0]!;
    const last = row.items[row.items.length - 1]!;
    const key = Math.round((edge === 'left' ? first.x : last.x + last.width) / 3);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  let best = 0;
  for (const key of counts.keys())
    best = Math.max(best, (counts.get(key - 1) ?? 0) + (counts.get(key) ?? 0) + (counts.get(key + 1) ?? 0));
  return best / rows.length;
}

function averageRowChars(rows: Row[]): number {
  if (rows.length === 0) return 0;
  let n = 0;
  for (const row of rows) n += chars(row.items);
  return n / rows.length;
}

/**
 * Finds a vertical gutter that no text crosses over most of the page height, with a real column of
 * text on each side. Rejects right-aligned dates and label/value tables, whose rows pair up line by line.
 */
export function findColumns(items: PdfTextItem[], width: number): Columns | null {
  if (items.length < 12 || width <= 0) return null;
  const bin = 2;
  const bins = Math.ceil(width / bin) + 1;
  const diff = new Int32Array(bins + 1);
  for (const item of items) {
    const from = Math.max(0, Math.floor((item.x + 1) / bin));
    const to = Math.min(bins - 1, Math.floor((item.x + item.width - 1) / bin));
    if (to < from) continue;
    diff[from]! += 1;
    diff[to + 1]! -= 1;
  }
  const cover = new Int32Array(bins);
  let running = 0;
  for (let k = 0; k < bins; k++) {
    running += diff[k]!;
    cover[k] = running;
  }
  const lo = Math.floor((0.12 * width) / bin);
  const hi = Math.ceil((0.88 * width) / bin);
  const threshold = Math.max(3, Math.floor(items.length * 0.25));
  const candidates: number[] = [];
  for (let k = lo; k <= hi; k++) {
    if (cover[k]! > threshold) continue;
    let end = k;
    let best = k;
    while (end + 1 <= hi && cover[end + 1]! <= threshold) {
      end++;
      if (cover[end]! < cover[best]!) best = end;
    }
    // Centre of the lowest stretch within the run.
    let last = best;
    while (last + 1 <= end && cover[last + 1] === cover[best]) last++;
    candidates.push(((best + last) / 2) * bin + bin / 2);
    k = end;
  }
  // Nearly empty stretches hold narrow columns the run minimum can miss (a sidebar beside a wider gap).
  for (let k = lo; k <= hi; k += 6) if (cover[k]! <= 3) candidates.push(k * bin + bin / 2);
  candidates.sort((a, b) => cover[Math.floor(a / bin)]! - cover[Math.floor(b / bin)]!);
  let chosen: { columns: Columns; count: number } | null = null;
  // Gutters that split the items the same way (same items left of them, same crossing count) get the same verdict.
  const centres = items.map((item) => item.x + item.width / 2).sort((a, b) => a - b);
  const judged = new Set<string>();
  for (const gutter of candidates.slice(0, 60)) {
    const key = `${lowerBound(centres, gutter)}:${cover[Math.floor(gutter / bin)]}`;
    if (judged.has(key)) continue;
    judged.add(key);
    const verdict = judgeGutter(items, gutter);
    if (verdict && (!chosen || verdict.count > chosen.count)) chosen = verdict;
  }
  return chosen?.columns ?? null;
}

/** Number of values below `x` in a sorted array. */
export function lowerBound(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function judgeGutter(items: PdfTextItem[], gutter: number): { columns: Columns; count: number } | null {
  const crossing: number[] = [];
  let top = Number.NEGATIVE_INFINITY;
  let bottom = Number.POSITIVE_INFINITY;
  for (const item of items) {
    top = Math.max(top, item.y + item.height);
    bottom = Math.min(bottom, item.y);
    if (item.x < gutter - 0.5 && item.x + item.width > gutter + 0.5) crossing.push(item.y);
  }
  crossing.sort((a, b) => b - a);
  // Zones between consecutive crossing rows; the columns live in the fullest one.
  const bounds = [Number.POSITIVE_INFINITY, ...crossing, Number.NEGATIVE_INFINITY];
  let best: { upper: number; lower: number; count: number } | null = null;
  for (let k = 0; k + 1 < bounds.length; k++) {
    const upper = bounds[k]!;
    const lower = bounds[k + 1]!;
    if (upper - lower < 1) continue;
    let count = 0;
    for (const item of items) if (item.y < upper - 0.5 && item.y > lower + 0.5) count++;
    if (!best || count > best.count) best = { upper, lower, count };
  }
  if (!best || best.count < items.length * 0.5) return null;
  const zone = items.filter((item) => item.y < best.upper - 0.5 && item.y > best.lower + 0.5);
  let zoneTop = Number.NEGATIVE_INFINITY;
  let zoneBottom = Number.POSITIVE_INFINITY;
  for (const item of zone) {
    zoneTop = Math.max(zoneTop, item.y + item.height);
    zoneBottom = Math.min(zoneBottom, item.y);
  }
  if (zoneTop - zoneBottom < 0.4 * (top - bottom)) return null;
  const left = zone.filter((item) => item.x + item.width / 2 < gutter);
  const right = zone.filter((item) => item.x + item.width / 2 >= gutter);
  const total = chars(zone);
  if (chars(left) < total * 0.01 || chars(right) < total * 0.01) return null;
  const leftRows = buildRows(left);
  const rightRows = buildRows(right);
  if (leftRows.length < 3 || rightRows.length < 3) return null;
  if (leftAlignedShare(rightRows) < 0.6 || leftAlignedShare(leftRows) < 0.6) return null;
  // A label/date column beside descriptions pairs up row by row and is short; real columns flow independently.
  // Short right-hand rows on the same baselines are metadata (dates, places) when they hang from the right
  // margin; a left-aligned block there is a narrow column ("Languages" beside the summary).
  const pairsLikeTable = (side: Row[], other: Row[], isRight: boolean): boolean =>
    side.length <= other.length &&
    pairedShare(side, other) >= 0.8 &&
    averageRowChars(side) <= 25 &&
    (isRight ? edgeShare(side, 'right') >= edgeShare(side, 'left') : side.length <= other.length * 0.6);
  if (pairsLikeTable(leftRows, rightRows, false) || pairsLikeTable(rightRows, leftRows, true)) return null;
  return { columns: { gutter, top: best.upper, bottom: best.lower }, count: best.count };
}

function removeDuplicates(items: PdfTextItem[]): PdfTextItem[] {
  // Some generators fake bold by drawing the same run twice, a hair apart.
  const seen = new Set<string>();
  const out: PdfTextItem[] = [];
  for (const item of items) {
    const key = `${item.str}\u0000${Math.round(item.x)}\u0000${Math.round(item.y)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(item);
  }
  return out;
}

function rowsToLines(rows: Row[], out: TextLine[]): void {
  let prev: Row | undefined;
  for (const row of rows) {
    if (prev && prev.y - row.y > 1.75 * Math.max(prev.height, row.height)) out.push({ text: '' });
    out.push({ text: rowText(row) });
    prev = row;
  }
}

/**
 * pdf.js names a glyph it cannot map by its glyph name ("HOUSE-CHIMNEY", "GITHUB-SQUARE" from
 * FontAwesome): a long name drawn in the width of one glyph. Those are icons, not words.
 */
export function isGlyphName(item: PdfTextItem): boolean {
  return (
    item.str.length >= 3 &&
    item.width > 0 &&
    item.width < 0.2 * item.str.length * item.height &&
    /^[A-Za-z0-9]+(?:[-_.][A-Za-z0-9]+)*$/.test(item.str)
  );
}

/** Lines of one page in reading order; reports whether the page was read as two columns. */
function layoutPage(page: PdfPage, out: TextLine[], icons: { count: number }): boolean {
  const visible = page.items.filter((item) => !isBlank(item.str));
  const named = visible.filter(isGlyphName);
  icons.count += named.length;
  const items = removeDuplicates(named.length > 0 ? visible.filter((item) => !isGlyphName(item)) : visible);
  const flat = items.filter((item) => !item.rotated);
  const rotated = items.filter((item) => item.rotated);
  const columns = findColumns(flat, page.width);
  if (!columns) {
    rowsToLines(buildRows(flat), out);
  } else {
    const inZone = (item: PdfTextItem): boolean => item.y < columns.top - 0.5 && item.y > columns.bottom + 0.5;
    const header = flat.filter((item) => item.y >= columns.top - 0.5);
    const footer = flat.filter((item) => item.y <= columns.bottom + 0.5);
    const zone = flat.filter(inZone);
    rowsToLines(buildRows(header), out);
    out.push({ text: '' });
    rowsToLines(buildRows(zone.filter((item) => item.x + item.width / 2 < columns.gutter)), out);
    out.push({ text: '' });
    rowsToLines(buildRows(zone.filter((item) => item.x + item.width / 2 >= columns.gutter)), out);
    out.push({ text: '' });
    rowsToLines(buildRows(footer), out);
  }
  if (rotated.length > 0) {
    out.push({ text: '' });
    for (const item of rotated) out.push({ text: item.str });
  }
  return columns !== null;
}

const LIGATURES: Record<string, string> = {
  ﬀ: 'ff',
  ﬁ: 'fi',
  ﬂ: 'fl',
  ﬃ: 'ffi',
  ﬄ: 'ffl',
  ﬅ: 'st',
  ﬆ: 'st',
  Ꜳ: 'AA',
  ꜳ: 'aa',
};

/** Anything `normalisePdfText` changes; most lines hold none of it. */
const NEEDS_NORMALISING =
  /[\u0000-\u0008\u000a-\u001f\u007f-\u00a0\u00ad\u2002\u2003\u2009\u200b\u202f\ufb00-\ufb06\ua732\ua733\ud800-\udfff\ue000-\uf8ff\ufeff\ufffd]/;

/** Ligatures out, soft hyphens and controls out, icon-font glyphs counted and removed (bullet glyphs kept as `•`). */
export function normalisePdfText(text: string): { text: string; unmapped: number } {
  if (!NEEDS_NORMALISING.test(text)) return { text, unmapped: 0 };
  let unmapped = 0;
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code >= 0xe000 && code <= 0xf8ff) {
      if (PUA_BULLETS.has(code)) out += '•';
      else unmapped++;
      continue;
    }
    // Pictographs come from icon fonts (phone, envelope), never from résumé text.
    if (code === 0xfffd || (code >= 0xf0000 && code <= 0x10ffff) || (code >= 0x1f000 && code <= 0x1faff)) {
      unmapped++;
      continue;
    }
    if (
      code === 0x00ad ||
      code === 0x200b ||
      code === 0xfeff ||
      (code < 0x20 && code !== 0x09) ||
      (code >= 0x7f && code < 0xa0)
    )
      continue;
    if (code === 0x00a0 || code === 0x2002 || code === 0x2003 || code === 0x2009 || code === 0x202f) {
      out += ' ';
      continue;
    }
    out += LIGATURES[ch] ?? ch;
  }
  return { text: out, unmapped };
}

/** Second halves that make a real compound when a line breaks at their hyphen ("cloud-|native"). */
const COMPOUND_SECOND = new Set([
  'native',
  'stack',
  'end',
  'ends',
  'time',
  'source',
  'sourced',
  'oriented',
  'driven',
  'based',
  'performance',
  'scale',
  'level',
  'house',
  'premise',
  'premises',
  'facing',
  'side',
  'platform',
  'functional',
  'tier',
  'commerce',
  'to',
  'grade',
  'ready',
  'friendly',
  'first',
  'aware',
  'safe',
  'free',
  'intensive',
  'critical',
  'specific',
  'wide',
  'known',
  'like',
  'only',
  'related',
  'centric',
  'learning',
  'mail',
  'service',
  'services',
  'serve',
  'team',
  'winning',
  'depth',
  'hand',
  'hands',
  'term',
  'making',
  'solving',
  'year',
  'years',
  'month',
  'months',
  'week',
  'day',
  'hoc',
  'vis',
  'versa',
  'out',
  'up',
  'in',
  'on',
  'off',
  'over',
  'down',
  'back',
  'run',
  'tuning',
  'box',
  'grained',
]);
/** First halves that are prefixes written with a hyphen ("multi-|tenant", "self-|hosted", "co-|founded"). */
const COMPOUND_FIRST = new Set([
  'multi',
  'cross',
  'self',
  'non',
  'co',
  'e',
  'x',
  'ex',
  'anti',
  'semi',
  'pseudo',
  'quasi',
  'all',
  'well',
  'ill',
  'half',
  'full',
  'end',
  'real',
  'open',
  'high',
  'low',
  'mid',
  'pre',
  'post',
  'micro',
  'cloud',
  'front',
  'back',
  'data',
  'event',
  'test',
  'domain',
  'object',
  'client',
  'server',
  'peer',
  'third',
  'first',
  'second',
  'long',
  'short',
  'large',
  'small',
  'fine',
  'on',
  'in',
  'state',
  'mission',
  'cutting',
  'fault',
  'cost',
  'hands',
  'user',
  'type',
  'thread',
  'zero',
  'near',
]);

const BULLET_START = new RegExp(`^\\s*[${BULLET_CHARS.replace(/[-\\\]^]/g, '\\$&')}]`);

/**
 * Joins words broken across lines by a hyphen ("develop-" / "ment" → "development") by moving the
 * rest of the word up, so line structure survives. Real compounds keep their hyphen: the next part
 * starts uppercase or a digit, or the halves are a known compound.
 */
export function joinHyphenatedLines(lines: TextLine[]): TextLine[] {
  const out = lines.map((line) => ({ ...line }));
  const emptied = new Set<number>();
  for (let k = 0; k + 1 < out.length; k++) {
    const line = out[k]!;
    const next = out[k + 1]!;
    // Only the line's tail is examined: an unbounded letter run before "-$" would make this quadratic.
    const broken =
      line.text.endsWith('-') || line.text.endsWith('\u2010')
        ? /(\p{L}{1,40})[-\u2010]$/u.exec(line.text.slice(-48))
        : null;
    if (!broken || next.text === '' || BULLET_START.test(next.text)) continue;
    const word = /^\s*(\p{Ll}[\p{L}'’]*)(-[\p{L}-]+)?([.,;:!?)]*)(\s|$)/u.exec(next.text);
    if (!word) continue;
    const first = broken[1]!.toLowerCase();
    const second = word[1]!.toLowerCase();
    const keepHyphen = word[2] !== undefined || COMPOUND_SECOND.has(second) || COMPOUND_FIRST.has(first);
    const moved = word[1]! + (word[2] ?? '') + word[3]!;
    line.text = (keepHyphen ? line.text : line.text.slice(0, -1)) + moved;
    next.text = next.text.slice(word[0].length).trimStart();
    if (next.text === '') emptied.add(k + 1);
  }
  return out.filter((_, index) => !emptied.has(index));
}

/** Bullets glued to their text ("•Built …") get a space, so the bullet stays a visible line start. */
function spaceBullet(text: string): string {
  return text.replace(/^(\s*[•▪●◦○■□◆◇➢➤►▶‣⁃∙✓✔❖➔])(?=\S)/u, '$1 ');
}

/** Reads pages into lines in reading order, cleaned. */
export function layoutPdf(pages: PdfPage[]): PdfLayout {
  const raw: TextLine[] = [];
  const twoColumnPages: number[] = [];
  const icons = { count: 0 };
  pages.forEach((page, index) => {
    if (index > 0) raw.push({ text: '' });
    if (layoutPage(page, raw, icons)) twoColumnPages.push(index + 1);
  });
  let unmappedGlyphs = icons.count;
  const cleaned: TextLine[] = [];
  for (const line of raw) {
    const { text, unmapped } = normalisePdfText(line.text);
    unmappedGlyphs += unmapped;
    const tidy = spaceBullet(
      text
        .replace(/ {2,}/g, ' ')
        .replace(/ ?\t ?/g, '\t')
        .trim(),
    );
    // A line that held only icon glyphs leaves nothing; it must not become a paragraph break.
    if (tidy === '' && line.text !== '' && !isBlank(line.text)) continue;
    if (/^--\s*\d+\s+of\s+\d+\s*--$/.test(tidy)) continue;
    cleaned.push({ text: tidy });
  }
  return { lines: joinHyphenatedLines(cleaned), twoColumnPages, unmappedGlyphs };
}
