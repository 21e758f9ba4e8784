/**
 * Labelled tools fields: "Tools used: Jira, Confluence", "Environment: Java, Spring 3.0, Oracle 11g",
 * "OS: Windows", "* Database: MySQL, Oracle". The label says what the items are, so an item of such a
 * field is evidence of a product even when its name is also an English word, and an item the taxonomy
 * does not know is kept as an unknown tool instead of being lost.
 *
 * A label is at most four words at the start of a line or after a bullet, ending in a head word
 * ("tools", "environment", "technologies", "languages", "databases", "os", "platform", …) and
 * followed by a colon or a spaced dash. Its field runs to the end of the line, a full stop, or the
 * next label.
 */
import { isUnknownWord } from './context.js';
import { COMPANY_SUFFIXES, INSTITUTION_WORDS, REGION_CODES, TITLE_WORDS, US_STATES } from './passes/words.js';
import { dashGap, GAP_BLANK_LINE, GAP_COLON, GAP_LIST, GAP_NEWLINE, GAP_SENTENCE, type DocTokens } from './tokens.js';

/** Last words of a label that announces products. */
const FIELD_HEADS = new Set([
  'tools',
  'tool',
  'environment',
  'environments',
  'technologies',
  'technology',
  'languages',
  'language',
  'systems',
  'os',
  'database',
  'databases',
  'dbms',
  'rdbms',
  'db',
  'platform',
  'platforms',
  'software',
  'softwares',
  'used',
  'frameworks',
  'framework',
  'libraries',
  'library',
  'ide',
  'ides',
  'servers',
  'server',
  'scripting',
  'stack',
  'utilities',
  'packages',
  'protocols',
  'middleware',
  'cloud',
  'devops',
  'erp',
  'applications',
  'suites',
  'suite',
  'browsers',
  'technical',
  'tech',
  'versioning',
  'control',
  'containers',
  'orchestration',
  'monitoring',
  'messaging',
  'reporting',
]);
/** Labels that end in a head word but name no products ("Operating systems" does; "Reward systems" does not). */
const NOT_LABELS = new Set(['team size', 'reward systems', 'information systems']);

/** The gap before token `i` holds a bullet or an asterisk: a label may start after it. */
function bulletBefore(doc: DocTokens, i: number): boolean {
  if (!(doc.gaps[i]! & GAP_LIST)) return false;
  const { text, tokens } = doc;
  for (let k = i === 0 ? 0 : tokens[i - 1]!.end; k < tokens[i]!.start; k++) {
    const c = text.charCodeAt(k);
    if (
      c === 42 ||
      c === 0x2022 ||
      c === 0x25cf ||
      c === 0x25aa ||
      c === 0x25a0 ||
      c === 0x27a2 ||
      c === 0xf0b7 ||
      c === 0xb7 ||
      c === 0x2023
    )
      return true;
  }
  return false;
}

/** The gap before token `i` holds the character `code` (a comma, a tab). */
function gapHas(doc: DocTokens, i: number, code: number): boolean {
  const { text, tokens } = doc;
  for (let k = i === 0 ? 0 : tokens[i - 1]!.end; k < tokens[i]!.start; k++)
    if (text.charCodeAt(k) === code) return true;
  return false;
}

/** The gap before token `i` ends a label: a colon, or a dash with a space after it ("Tools - Eclipse"). */
function labelEnd(doc: DocTokens, i: number): boolean {
  if (doc.gaps[i]! & GAP_NEWLINE) return false;
  if (doc.gaps[i]! & GAP_COLON) return true;
  return dashGap(doc, i);
}

/**
 * The gap before token `i` ends a field: a full stop, "!" or "?", or a run of three spaces or more (a
 * column or a lost line break in text flattened from a PDF) unless the field's items are set apart so.
 */
function stopBefore(doc: DocTokens, i: number, spacedItems: boolean): boolean {
  const { text, tokens } = doc;
  let spaces = 0;
  for (let k = tokens[i - 1]!.end; k < tokens[i]!.start; k++) {
    const c = text.charCodeAt(k);
    if (c === 46 || c === 33 || c === 63) return true;
    spaces = c === 32 || c === 0xa0 ? spaces + 1 : 0;
    if (spaces >= 3 && !spacedItems) return true;
  }
  return false;
}

/** The gap before token `i` holds three spaces or more in a row. */
function wideGap(doc: DocTokens, i: number): boolean {
  return stopBefore(doc, i, false) && !stopBefore(doc, i, true);
}

/** The label ending before token `j` announces products: its last word is a head word ("operating systems", not "Cisco Systems"). */
function productLabel(doc: DocTokens, start: number, j: number): boolean {
  const last = doc.tokens[j - 1]!.norm;
  if (!FIELD_HEADS.has(last)) return false;
  if (last === 'systems' && (j - 2 < start || doc.tokens[j - 2]!.norm !== 'operating')) return false;
  let label = doc.tokens[start]!.norm;
  for (let k = start + 1; k < j; k++) label += ` ${doc.tokens[k]!.norm}`;
  return !NOT_LABELS.has(label);
}

/** Clears the field marks of the (at most four) words of the label that ends before token `end`. */
function unmarkLabel(doc: DocTokens, field: Int32Array, end: number): void {
  for (let k = end - 1; k >= 0 && k >= end - 4 && field[k] !== -1; k--) {
    field[k] = -1;
    if (doc.lineStart[k] === k || gapHas(doc, k, 44) || gapHas(doc, k, 59) || bulletBefore(doc, k)) return;
  }
}

/**
 * Token index where the items of a field labelled at `start` begin, or -1 when no label starts there. A
 * colon ends a label; a spaced dash does too, unless a colon follows within the four words ("Environments –
 * IDE/tools: Eclipse" is labelled up to the colon).
 */
function labelAt(doc: DocTokens, start: number): number {
  const { tokens } = doc;
  let dashEnd = -1;
  for (let j = start + 1; j <= start + 4 && j < tokens.length; j++) {
    if (doc.gaps[j]! & GAP_NEWLINE) break;
    if (!labelEnd(doc, j)) continue;
    if (doc.gaps[j]! & GAP_COLON) return productLabel(doc, start, j) ? j : dashEnd;
    if (dashEnd === -1 && productLabel(doc, start, j)) dashEnd = j;
  }
  return dashEnd;
}

/**
 * For each token, the index of the first item of the tools field it sits in, or -1. One pass: a label is
 * looked for only at a line start or after a bullet, over at most four tokens.
 */
export function toolsFields(doc: DocTokens): Int32Array {
  const n = doc.tokens.length;
  const field = new Int32Array(n).fill(-1);
  let items = -1;
  let spacedItems = false;
  for (let i = 0; i < n; i++) {
    const lineStart = doc.lineStart[i] === i;
    // A field goes on over a line that ended on a comma ("Environment: Java, Spring,\nHibernate").
    const continues =
      lineStart && i > 0 && field[i - 1] !== -1 && !(doc.gaps[i]! & GAP_BLANK_LINE) && gapHas(doc, i, 44);
    if (lineStart && !continues) items = -1;
    // A full stop or another "label:" ends the field ("Environment: Java, Oracle  Role: Developer"); the
    // words of that label are no items ("Databases: MySQL,\nFront-end: HTML").
    else if (items !== -1 && i > items && (stopBefore(doc, i, spacedItems) || doc.gaps[i]! & GAP_COLON)) {
      if (doc.gaps[i]! & GAP_COLON) unmarkLabel(doc, field, i);
      items = -1;
    }
    // A label starts a line, or follows a bullet, a tab or a column of spaces (bullets and tabs are list gaps).
    const g = doc.gaps[i]!;
    if (lineStart || g & GAP_SENTENCE || (g & GAP_LIST && (bulletBefore(doc, i) || gapHas(doc, i, 9)))) {
      const first = labelAt(doc, i);
      // "Languages: English (native), Hebrew (basic)" lists spoken languages, not programming ones.
      if (first !== -1 && !SPOKEN.has(doc.tokens[first]!.norm)) {
        items = first;
        // "Tools:    Jira    Confluence": items set apart by columns of spaces, from the first one on.
        spacedItems = first + 1 < n && doc.line[first + 1] === doc.line[first] && wideGap(doc, first + 1);
        i = first - 1;
        continue;
      }
    }
    field[i] = items;
  }
  return field;
}

/** Words inside a tools field that are no tool: connectors and the words of a list's tail. */
const FIELD_WORDS = new Set([
  'and',
  'or',
  'etc',
  'others',
  'other',
  'various',
  'basic',
  'basics',
  'knowledge',
  'of',
  'the',
  'with',
  'in',
  'on',
  'using',
  'tools',
  'tool',
]);

/** Spoken languages and how well they are spoken: the items of "Languages: English, Hebrew (native)". */
const SPOKEN = new Set([
  'english',
  'hindi',
  'hebrew',
  'spanish',
  'french',
  'german',
  'arabic',
  'chinese',
  'mandarin',
  'cantonese',
  'japanese',
  'korean',
  'russian',
  'portuguese',
  'italian',
  'dutch',
  'tamil',
  'telugu',
  'kannada',
  'malayalam',
  'marathi',
  'bengali',
  'gujarati',
  'punjabi',
  'urdu',
  'persian',
  'farsi',
  'turkish',
  'polish',
  'greek',
  'swedish',
  'norwegian',
  'danish',
  'finnish',
  'vietnamese',
  'thai',
  'indonesian',
  'malay',
  'tagalog',
  'filipino',
  'swahili',
  'romanian',
  'hungarian',
  'czech',
  'ukrainian',
  'native',
  'fluent',
  'conversational',
  'intermediate',
  'beginner',
  'upperintermediate',
  'bilingual',
  'mother',
  'tongue',
]);

/**
 * The token looks like a product's name: no English word, and written as names are (a capital, a
 * digit, a capital inside: "Foo", "BarDB", "Baz9", "QMF").
 */
export function productLike(doc: DocTokens, i: number): boolean {
  const t = doc.tokens[i]!;
  if (t.url || FIELD_WORDS.has(t.norm)) return false;
  let letters = 0;
  let capitalOrDigit = false;
  for (let k = 0; k < t.text.length; k++) {
    const c = t.text.charCodeAt(k);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) letters++;
    if ((c >= 65 && c <= 90) || (c >= 48 && c <= 57)) capitalOrDigit = true;
  }
  return letters >= 2 && capitalOrDigit && isUnknownWord(t.norm);
}

/** An item that names no product though it looks like one: a spoken language, an organisation, a school, a job title, a place. */
function notAProduct(doc: DocTokens, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const t = doc.tokens[k]!;
    if (
      SPOKEN.has(t.norm) ||
      COMPANY_SUFFIXES.has(t.norm) ||
      INSTITUTION_WORDS.has(t.norm) ||
      TITLE_WORDS.has(t.norm) ||
      US_STATES.has(t.norm) ||
      REGION_CODES.has(t.text)
    )
      return true;
  }
  // A label of its own ("Role: …"): the item is a field name.
  return to < doc.tokens.length && (doc.gaps[to]! & GAP_COLON) !== 0;
}

/** A product-like name in a tools field the taxonomy does not know, as token range `[from, to)`. */
export interface UnknownItem {
  from: number;
  to: number;
}

/** Most tokens an item of a tools field may have to be a name; a longer one is prose. */
const MAX_ITEM_TOKENS = 4;

/**
 * The items of tools fields that no kept hit covers and that hold a product-like token ("Tools: Foo,
 * BarDB, Baz9" gives all three). Items are split at list marks, sentence ends and "and"/"or"; an item
 * of more than four tokens is prose and is skipped.
 */
export function unknownItems(doc: DocTokens, fields: Int32Array, kept: Uint8Array): UnknownItem[] {
  const out: UnknownItem[] = [];
  const n = doc.tokens.length;
  let i = 0;
  while (i < n) {
    if (fields[i] === -1) {
      i++;
      continue;
    }
    // One item: tokens of the field up to the next list mark, line break, sentence end or connector.
    let end = i + 1;
    while (
      end < n &&
      fields[end] === fields[i] &&
      !(doc.gaps[end]! & (GAP_LIST | GAP_NEWLINE | GAP_COLON | GAP_SENTENCE)) &&
      !CONNECTORS.has(doc.tokens[end]!.norm)
    )
      end++;
    let from = i;
    while (from < end && CONNECTORS.has(doc.tokens[from]!.norm)) from++;
    if (end - from > 0 && end - from <= MAX_ITEM_TOKENS) {
      let known = false;
      let product = false;
      for (let k = from; k < end; k++) {
        if (kept[k]) known = true;
        else if (productLike(doc, k)) product = true;
      }
      if (!known && product && !notAProduct(doc, from, end)) out.push({ from, to: end });
    }
    i = end;
  }
  return out;
}

const CONNECTORS = new Set(['and', 'or', '&', 'etc']);
