/**
 * HTML to lines: visible text only, block elements become lines, h1–h6 become heading lines.
 * A small single-pass tokenizer (every character is looked at a bounded number of times), so a
 * hostile page cannot trigger regex backtracking. Also reads the HTML mammoth produces for DOCX.
 */
import type { TextLine } from './text.js';

/** Elements whose content is never shown (or is not document text). */
const SKIP_CONTENT = new Set([
  'script',
  'style',
  'template',
  'noscript',
  'head',
  'title',
  'iframe',
  'object',
  'svg',
  'math',
  'canvas',
  'select',
  'datalist',
  'xmp',
  'noembed',
  'noframes',
]);
/** Elements whose content is raw text up to the matching end tag. */
const RAW_TEXT = new Set(['script', 'style', 'xmp', 'noembed', 'noframes', 'iframe', 'textarea', 'title']);
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
  'keygen',
]);
const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'br',
]);
const HEADING = /^h[1-6]$/;
const INLINE = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'code',
  'data',
  'dfn',
  'em',
  'font',
  'i',
  'kbd',
  'label',
  'mark',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'var',
  'ins',
  'del',
  'strike',
  'tt',
  'big',
]);
/** For each element with an optional end tag: the open elements that bound the search for a sibling to close. */
const IMPLIED_SCOPES: Record<string, string[]> = {
  li: ['ul', 'ol', 'menu'],
  p: ['div', 'section', 'article', 'body', 'td', 'th', 'li', 'blockquote'],
  td: ['tr', 'table'],
  th: ['tr', 'table'],
  tr: ['table', 'tbody', 'thead', 'tfoot'],
  dt: ['dl'],
  dd: ['dl'],
};

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ensp: ' ',
  emsp: ' ',
  thinsp: ' ',
  shy: '\u00ad',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  bull: '•',
  middot: '·',
  copy: '©',
  reg: '®',
  trade: '™',
  deg: '°',
  lsquo: '‘',
  rsquo: '’',
  sbquo: '‚',
  ldquo: '“',
  rdquo: '”',
  bdquo: '„',
  laquo: '«',
  raquo: '»',
  lsaquo: '‹',
  rsaquo: '›',
  euro: '€',
  pound: '£',
  yen: '¥',
  cent: '¢',
  sect: '§',
  para: '¶',
  times: '×',
  divide: '÷',
  plusmn: '±',
  minus: '−',
  frac12: '½',
  frac14: '¼',
  frac34: '¾',
  sup2: '²',
  sup3: '³',
  micro: 'µ',
  prime: '′',
  Prime: '″',
  rarr: '→',
  larr: '←',
  harr: '↔',
  uarr: '↑',
  darr: '↓',
  rArr: '⇒',
  check: '✓',
  star: '☆',
  starf: '★',
  hearts: '♥',
  dagger: '†',
  Dagger: '‡',
  zwj: '\u200d',
  zwnj: '\u200c',
  lrm: '\u200e',
  rlm: '\u200f',
  iexcl: '¡',
  iquest: '¿',
  ordf: 'ª',
  ordm: 'º',
  not: '¬',
  Agrave: 'À',
  Aacute: 'Á',
  Acirc: 'Â',
  Atilde: 'Ã',
  Auml: 'Ä',
  Aring: 'Å',
  AElig: 'Æ',
  Ccedil: 'Ç',
  Egrave: 'È',
  Eacute: 'É',
  Ecirc: 'Ê',
  Euml: 'Ë',
  Igrave: 'Ì',
  Iacute: 'Í',
  Icirc: 'Î',
  Iuml: 'Ï',
  ETH: 'Ð',
  Ntilde: 'Ñ',
  Ograve: 'Ò',
  Oacute: 'Ó',
  Ocirc: 'Ô',
  Otilde: 'Õ',
  Ouml: 'Ö',
  Oslash: 'Ø',
  Ugrave: 'Ù',
  Uacute: 'Ú',
  Ucirc: 'Û',
  Uuml: 'Ü',
  Yacute: 'Ý',
  THORN: 'Þ',
  szlig: 'ß',
  agrave: 'à',
  aacute: 'á',
  acirc: 'â',
  atilde: 'ã',
  auml: 'ä',
  aring: 'å',
  aelig: 'æ',
  ccedil: 'ç',
  egrave: 'è',
  eacute: 'é',
  ecirc: 'ê',
  euml: 'ë',
  igrave: 'ì',
  iacute: 'í',
  icirc: 'î',
  iuml: 'ï',
  eth: 'ð',
  ntilde: 'ñ',
  ograve: 'ò',
  oacute: 'ó',
  ocirc: 'ô',
  otilde: 'õ',
  ouml: 'ö',
  oslash: 'ø',
  ugrave: 'ù',
  uacute: 'ú',
  ucirc: 'û',
  uuml: 'ü',
  yacute: 'ý',
  thorn: 'þ',
  yuml: 'ÿ',
  OElig: 'Œ',
  oelig: 'œ',
  Scaron: 'Š',
  scaron: 'š',
  Yuml: 'Ÿ',
  fnof: 'ƒ',
  circ: 'ˆ',
  tilde: '˜',
  Alpha: 'Α',
  Beta: 'Β',
  alpha: 'α',
  beta: 'β',
  gamma: 'γ',
  delta: 'δ',
  lambda: 'λ',
  mu: 'μ',
  pi: 'π',
  sigma: 'σ',
  omega: 'ω',
};

function codePointText(code: number): string {
  if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(code);
}

/** Decodes character references in one pass. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  let out = '';
  let i = 0;
  while (i < text.length) {
    const amp = text.indexOf('&', i);
    if (amp < 0) {
      out += text.slice(i);
      break;
    }
    out += text.slice(i, amp);
    // References are short; looking at most 32 characters ahead keeps this linear.
    let j = amp + 1;
    const limit = Math.min(text.length, amp + 33);
    while (j < limit && /[#a-zA-Z0-9]/.test(text[j]!)) j++;
    const name = text.slice(amp + 1, j);
    const hasSemicolon = text[j] === ';';
    let replacement: string | undefined;
    if (name.startsWith('#x') || name.startsWith('#X')) {
      if (/^[0-9a-fA-F]+$/.test(name.slice(2))) replacement = codePointText(parseInt(name.slice(2), 16));
    } else if (name.startsWith('#')) {
      if (/^[0-9]+$/.test(name.slice(1))) replacement = codePointText(parseInt(name.slice(1), 10));
    } else if (Object.hasOwn(NAMED_ENTITIES, name)) {
      replacement = NAMED_ENTITIES[name];
    }
    if (
      replacement === undefined ||
      (!hasSemicolon && !name.startsWith('#') && j < text.length && /[=a-zA-Z0-9]/.test(text[j]!))
    ) {
      out += '&';
      i = amp + 1;
      continue;
    }
    out += replacement;
    i = hasSemicolon ? j + 1 : j;
  }
  return out;
}

interface Attributes {
  [name: string]: string;
}

/** Whether a character code can be part of a tag name: ASCII letters and digits, `:` and `-`. */
function isNameChar(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    (code >= 48 && code <= 57) ||
    code === 58 ||
    code === 45
  );
}

/** Parses the attributes of a start tag (the text between the tag name and `>`). */
function parseAttributes(source: string): Attributes {
  const attributes: Attributes = {};
  if (source.trim() === '' || source.trim() === '/') return attributes;
  let i = 0;
  const n = source.length;
  while (i < n) {
    while (i < n && /[\s/]/.test(source[i]!)) i++;
    const nameStart = i;
    while (i < n && !/[\s=/>]/.test(source[i]!)) i++;
    const name = source.slice(nameStart, i).toLowerCase();
    if (!name) {
      i++;
      continue;
    }
    while (i < n && /\s/.test(source[i]!)) i++;
    let value = '';
    if (source[i] === '=') {
      i++;
      while (i < n && /\s/.test(source[i]!)) i++;
      const quote = source[i];
      if (quote === '"' || quote === "'") {
        const close = source.indexOf(quote, i + 1);
        const end = close < 0 ? n : close;
        value = source.slice(i + 1, end);
        i = end + 1;
      } else {
        const valueStart = i;
        while (i < n && !/\s/.test(source[i]!)) i++;
        value = source.slice(valueStart, i);
      }
    }
    if (!(name in attributes)) attributes[name] = decodeEntities(value);
  }
  return attributes;
}

function isHidden(attributes: Attributes): boolean {
  if ('hidden' in attributes) return true;
  const style = attributes.style?.toLowerCase().replace(/\s+/g, '');
  return style !== undefined && (style.includes('display:none') || style.includes('visibility:hidden'));
}

interface OpenElement {
  name: string;
  hidden: boolean;
}

/** Lines read from HTML. */
export interface HtmlLines {
  lines: TextLine[];
  /** Number of `<table>` elements with visible text. */
  tables: number;
}

/**
 * The lines read so far, and the state of the open elements that decides where text goes: the line being
 * built, whether it is a heading, and how deep the reader is inside hidden, `<pre>` and heading elements.
 */
class LineBuilder {
  readonly lines: TextLine[] = [];
  readonly stack: OpenElement[] = [];
  /** Number of `<table>` elements with visible text. */
  tables = 0;
  hiddenDepth = 0;
  private current = '';
  private currentHeading = false;
  private preDepth = 0;
  private headingDepth = 0;
  private readonly spaceRunsAsTabs: boolean;

  constructor(spaceRunsAsTabs: boolean) {
    this.spaceRunsAsTabs = spaceRunsAsTabs;
  }

  /** Ends the line being built, keeping it if it has text. */
  flush(): void {
    if (this.current === '') {
      this.currentHeading = this.headingDepth > 0;
      return;
    }
    // Tabs separate cells of tab-aligned layouts ("Skills<tab>Go, Rust"); they are kept.
    const text = this.current
      .replace(/[ \f\u00a0]+/g, ' ')
      .replace(/ ?\t[\t ]*/g, '\t')
      .trim();
    if (text) this.lines.push(this.currentHeading ? { text, heading: true } : { text });
    this.current = '';
    this.currentHeading = this.headingDepth > 0;
  }

  /** Ends the line being built and leaves one blank line after the lines so far. */
  paragraphBreak(): void {
    this.flush();
    if (this.lines.length > 0 && this.lines[this.lines.length - 1]!.text !== '') this.lines.push({ text: '' });
  }

  /** Adds text as written in the HTML (references not yet decoded) to the line being built, unless hidden. */
  appendText(raw: string): void {
    if (this.hiddenDepth > 0 || raw === '') return;
    const text = decodeEntities(raw);
    if (this.preDepth > 0) {
      const parts = text.split(/\r\n|\r|\n/);
      for (let k = 0; k < parts.length; k++) {
        if (k > 0) this.flush();
        this.current += parts[k];
      }
      return;
    }
    // In DOCX text (not HTML source, where whitespace is indentation) two or more spaces are layout:
    // documents converted from PDF align their columns with spaces. They are kept as a tab.
    this.current += (this.spaceRunsAsTabs ? text.replace(/[ \u00a0]{2,}/g, '\t') : text).replace(/[^\S\t]+/g, ' ');
    if (this.headingDepth > 0) this.currentHeading = true;
  }

  /** Opens an element (not void, not raw text): a block starts a new line, a list item a bullet line. */
  open(name: string, hidden: boolean): void {
    this.stack.push({ name, hidden });
    if (hidden) {
      this.hiddenDepth++;
      return;
    }
    if (this.hiddenDepth > 0) return;
    // Headings and paragraphs start a new line like any block; mammoth writes every DOCX paragraph as <p>,
    // so no blank line is forced here, keeping entries' lines together.
    if (BLOCK.has(name)) this.flush();
    if (HEADING.test(name)) {
      this.headingDepth++;
      this.currentHeading = true;
    }
    if (name === 'li') this.current = '• ';
    if (name === 'pre') this.preDepth++;
    if (name === 'table') this.tables++;
  }

  /** Closes the open elements from stack index `at` up, innermost first. */
  closeFrom(at: number): void {
    while (this.stack.length > at) this.close(this.stack.pop()!);
  }

  private close(open: OpenElement): void {
    if (open.hidden) {
      this.hiddenDepth--;
      return;
    }
    if (this.hiddenDepth > 0) return;
    if (HEADING.test(open.name)) {
      this.flush();
      this.headingDepth = Math.max(0, this.headingDepth - 1);
      this.currentHeading = this.headingDepth > 0;
      return;
    }
    if (open.name === 'pre') this.preDepth = Math.max(0, this.preDepth - 1);
    if (
      open.name === 'table' ||
      open.name === 'ul' ||
      open.name === 'ol' ||
      open.name === 'section' ||
      open.name === 'article'
    ) {
      this.paragraphBreak();
      return;
    }
    if (BLOCK.has(open.name)) this.flush();
    else if (open.name === 'td' || open.name === 'th') this.flush();
    else if (!INLINE.has(open.name)) {
      // Unknown elements (custom tags) separate words at least.
      this.current += ' ';
    }
  }
}

/**
 * Reads visible text from HTML as lines; list items become `• ` bullet lines, table cells their own lines.
 * `spaceRunsAsTabs` (for mammoth's HTML of a DOCX) keeps runs of spaces as tab separators.
 */
export function htmlToLines(html: string, options: { spaceRunsAsTabs?: boolean } = {}): HtmlLines {
  const builder = new LineBuilder(options.spaceRunsAsTabs === true);
  const n = html.length;
  let i = 0;
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      builder.appendText(html.slice(i));
      break;
    }
    if (lt > i) builder.appendText(html.slice(i, lt));
    i = readMarkup(html, lt, builder);
  }
  builder.closeFrom(0);
  builder.flush();
  return { lines: builder.lines, tables: builder.tables };
}

/** Reads the markup at the `<` at `lt` (comment, declaration, end or start tag, or a lone `<`); returns where text resumes. */
function readMarkup(html: string, lt: number, builder: LineBuilder): number {
  const n = html.length;
  if (html.startsWith('<!--', lt)) {
    const end = html.indexOf('-->', lt + 4);
    return end < 0 ? n : end + 3;
  }
  if (html[lt + 1] === '!' || html[lt + 1] === '?') {
    const end = html.indexOf('>', lt + 2);
    return end < 0 ? n : end + 1;
  }
  const closing = html[lt + 1] === '/';
  const nameStart = lt + (closing ? 2 : 1);
  let j = nameStart;
  while (j < n && isNameChar(html.charCodeAt(j))) j++;
  if (j === nameStart) {
    // A lone "<" is text ("a < b").
    builder.appendText('<');
    return lt + 1;
  }
  const name = html.slice(nameStart, j).toLowerCase();
  const gt = findTagEnd(html, j);
  const next = gt < n ? gt + 1 : n;
  if (closing) {
    const at = findOpen(builder.stack, name);
    if (at >= 0) builder.closeFrom(at);
    return next;
  }
  return readStartTag(html, name, html.slice(j, gt), next, builder);
}

/** Acts on a start tag whose attributes are `attrSource` and which ends before `next`; returns where text resumes. */
function readStartTag(html: string, name: string, attrSource: string, next: number, builder: LineBuilder): number {
  const attributes = parseAttributes(attrSource);
  const selfClosing = attrSource.trimEnd().endsWith('/');
  const hidden = isHidden(attributes) || SKIP_CONTENT.has(name);
  if (RAW_TEXT.has(name) && !selfClosing) {
    const end = findRawEnd(html, next, name);
    if (!hidden && builder.hiddenDepth === 0 && name === 'textarea') {
      builder.appendText(html.slice(next, end.contentEnd));
    }
    return end.next;
  }
  if (name === 'br') {
    if (builder.hiddenDepth === 0) builder.flush();
    return next;
  }
  if (VOID.has(name) || selfClosing) {
    if (name === 'hr' && builder.hiddenDepth === 0) builder.paragraphBreak();
    return next;
  }
  // Implied end tags: a new <li>, <p>, <td>, <tr> closes an open sibling.
  if (
    name === 'li' ||
    name === 'p' ||
    name === 'td' ||
    name === 'th' ||
    name === 'tr' ||
    name === 'dt' ||
    name === 'dd'
  ) {
    const sibling = impliedClose(builder.stack, name);
    if (sibling >= 0) builder.closeFrom(sibling);
  }
  builder.open(name, hidden);
  return next;
}

/** The `>` that ends a tag, skipping `>` inside quoted attribute values. */
function findTagEnd(html: string, from: number): number {
  let quote: string | null = null;
  for (let k = from; k < html.length; k++) {
    const c = html[k]!;
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '>') {
      return k;
    } else if (c === '<') {
      // A broken tag: stop before the next one rather than swallowing it.
      return k - 1;
    }
  }
  return html.length;
}

function findRawEnd(html: string, from: number, name: string): { contentEnd: number; next: number } {
  const needle = `</${name}`;
  let k = from;
  while (k < html.length) {
    const at = html.indexOf('</', k);
    if (at < 0) break;
    if (html.slice(at, at + needle.length).toLowerCase() === needle) {
      const gt = html.indexOf('>', at);
      return { contentEnd: at, next: gt < 0 ? html.length : gt + 1 };
    }
    k = at + 2;
  }
  return { contentEnd: html.length, next: html.length };
}

/** Scope searches look at most this deep, so stray end tags in deeply nested markup stay cheap. */
const SCOPE_DEPTH = 512;

function findOpen(stack: OpenElement[], name: string): number {
  for (let k = stack.length - 1; k >= 0 && k >= stack.length - SCOPE_DEPTH; k--) if (stack[k]!.name === name) return k;
  return -1;
}

/** Index of an open element a new `name` start tag implicitly closes, or -1. */
function impliedClose(stack: OpenElement[], name: string): number {
  const boundaries = IMPLIED_SCOPES[name] ?? [];
  const siblings =
    name === 'td' || name === 'th' ? ['td', 'th'] : name === 'dt' || name === 'dd' ? ['dt', 'dd'] : [name];
  for (let k = stack.length - 1; k >= 0 && k >= stack.length - SCOPE_DEPTH; k--) {
    const open = stack[k]!.name;
    if (siblings.includes(open)) return k;
    if (boundaries.includes(open)) return -1;
  }
  return -1;
}
