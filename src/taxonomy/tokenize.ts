/**
 * The tokenizer shared by the alias index and the extractor. It is a single forward scan over
 * UTF-16 code units (no regular expression ever sees the whole text, so nothing can backtrack),
 * and it keeps the punctuation that is part of technology names: `C#`, `C++`, `F#`, `.NET`,
 * `ASP.NET`, `Node.js`, `Vue.js`, `3.5`, `HTML5`, `Win32`.
 *
 * Two views come out of the same scan:
 * - fine tokens (`scanTokens`, internal): hyphen and slash compounds are split into their parts
 *   and the gap before every token is classified, so the matcher can split `Java/J2EE` and still
 *   rebuild `CI/CD`, `T-SQL` or `A/B testing` when the index knows them;
 * - public tokens (`tokenize`): the same, with the well-known atomic compounds (`CI/CD`, `PL/SQL`,
 *   `TCP/IP`, `Objective-C`, `T-SQL`, `A/B`, `I/O`, `UI/UX`) merged back into one token.
 */

/** One token of text: its surface form, its normalised form and its half-open UTF-16 span. */
export interface Token {
  /** The characters as written. */
  text: string;
  /** Case-folded (and NFKC-folded for non-ASCII) form used for look-up. */
  norm: string;
  start: number;
  end: number;
}

/**
 * How a token is joined to the one before it, which decides whether an alias may run across it:
 * `' '` spaces on one line, a hyphen or nothing; `'/'` a slash; `'&'` an ampersand; `null` anything
 * else (a comma, a bracket, a line break, sentence punctuation) — aliases never cross those.
 */
export type GapClass = ' ' | '/' | '&' | null;

/** A fine token as the matcher sees it. */
export interface FineToken extends Token {
  /** Class of the gap before this token (for the first token: `null`). */
  readonly gap: GapClass;
  /** The gap before this token is exactly one hyphen or dash with no spaces ("go-to-market"). */
  readonly hyphenBefore: boolean;
  /** Part of an e-mail address, URL or file path: never a skill. */
  readonly url: boolean;
}

// biome-ignore lint/suspicious/noConstEnum: file-local, so tsc and esbuild inline the codes in the tokenizer's loop
const enum Ch {
  Tab = 9,
  LF = 10,
  CR = 13,
  Space = 32,
  Hash = 35,
  Amp = 38,
  Plus = 43,
  Hyphen = 45,
  Dot = 46,
  Slash = 47,
  At = 64,
  Nbsp = 0xa0,
}

const NON_ASCII_WORD = /[\p{L}\p{N}\p{M}]/u;
/** `isWordChar` answers for BMP code units above ASCII, filled as they are met. */
const WIDE_WORD = new Uint8Array(0x10000);

/** Letters, digits and combining marks (any script). */
export function isWordChar(code: number): boolean {
  if (code < 128) {
    return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  }
  // Surrogate halves are tested as a pair by the caller's scan; a lone half is not a word char.
  if (code >= 0xd800 && code <= 0xdfff) return false;
  // The Unicode test is a regular expression: each code unit is asked once (0 not yet, 1 word, 2 not).
  let known = WIDE_WORD[code]!;
  if (known === 0) {
    known = NON_ASCII_WORD.test(String.fromCharCode(code)) ? 1 : 2;
    WIDE_WORD[code] = known;
  }
  return known === 1;
}

function isDash(code: number): boolean {
  // hyphen-minus, hyphen, non-breaking hyphen, figure dash, en dash, em dash, minus sign
  return (
    code === Ch.Hyphen ||
    code === 0x2010 ||
    code === 0x2011 ||
    code === 0x2012 ||
    code === 0x2013 ||
    code === 0x2014 ||
    code === 0x2212
  );
}

function isSpace(code: number): boolean {
  return (
    code === Ch.Space ||
    code === Ch.Tab ||
    code === Ch.Nbsp ||
    code === 0x2009 ||
    code === 0x202f ||
    code === 0x200b ||
    code === 0x3000
  );
}

function isLineBreak(code: number): boolean {
  return code === Ch.LF || code === Ch.CR || code === 0x2028 || code === 0x2029 || code === 0x0b || code === 0x0c;
}

/** Case fold; non-ASCII also goes through NFKC so full-width and ligature forms meet their ASCII twins. */
export function foldToken(text: string): string {
  let upper = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) return text.normalize('NFKC').toLowerCase();
    if (c >= 65 && c <= 90) upper = true;
  }
  return upper ? text.toLowerCase() : text;
}

// Gap classes as small integers inside the scan (no object per token): bit 0-1 the class, bit 2 a hyphen.
const GAP_NONE = 0;
const GAP_SPACE = 1;
const GAP_SLASH = 2;
const GAP_AMP = 3;
const GAP_HYPHEN = 4;
const GAP_CLASS: readonly GapClass[] = [null, ' ', '/', '&'];
/** A token's bit 3: part of an e-mail address, URL or file path. */
const URL_BIT = 8;

/**
 * A fine token as the scan makes it. A 1 MB text holds 190,000 tokens that live as long as its extract:
 * the gap class, the hyphen and the URL flag are packed in one small integer, read through getters, so
 * each token is a smaller object for the collector to copy.
 */
class ScannedToken implements FineToken {
  text: string;
  norm: string;
  start: number;
  end: number;
  /** Bits 0-1 the gap class (`GAP_CLASS`), bit 2 a hyphen before, bit 3 a URL (`URL_BIT`). */
  bits: number;
  constructor(text: string, norm: string, start: number, end: number, bits: number) {
    this.text = text;
    this.norm = norm;
    this.start = start;
    this.end = end;
    this.bits = bits;
  }
  get gap(): GapClass {
    return GAP_CLASS[this.bits & 3]!;
  }
  get hyphenBefore(): boolean {
    return (this.bits & GAP_HYPHEN) !== 0;
  }
  get url(): boolean {
    return (this.bits & URL_BIT) !== 0;
  }
}

/** Most distinct words a scan's `WordTable` holds; later new words are made per token, as without one. */
const MAX_WORDS = 1 << 16;

/**
 * The words of one scan by their characters, each with its folded form: a word written 10,000 times is
 * one string, not 10,000 (fewer allocations, less for the collector to copy), and is folded once. Open
 * addressing on the polynomial hash of the characters; a slot holds the word or nothing. Per scan, so no
 * string outlives the text it came from.
 */
class WordTable {
  words: (string | undefined)[];
  norms: string[];
  hashes: Int32Array;
  size = 0;
  /** The scan's text lower-cased, made at the first ASCII word with a capital (`null`: offsets would not line up). */
  lowered: string | null | undefined;
  constructor(capacity: number) {
    this.words = new Array(capacity);
    this.norms = new Array(capacity);
    this.hashes = new Int32Array(capacity);
  }
  /** The slot of `text[start, end)` (hash `h`): where it is, or the empty slot where it goes. */
  slot(text: string, start: number, end: number, h: number): number {
    const mask = this.words.length - 1;
    for (let i = (h ^ (h >>> 15)) & mask; ; i = (i + 1) & mask) {
      const word = this.words[i];
      if (word === undefined) return i;
      if (this.hashes[i] === h && word.length === end - start) {
        let same = true;
        for (let k = 0; k < word.length && same; k++) same = word.charCodeAt(k) === text.charCodeAt(start + k);
        if (same) return i;
      }
    }
  }
  /**
   * The folded form of a new word, `surface` at `start` in `text`: as written when it is lower-case ASCII,
   * NFKC and lower case when it holds a non-ASCII character (`wide`), else lower case (`upper`).
   */
  fold(text: string, surface: string, start: number, upper: boolean, wide: boolean): string {
    if (wide) return surface.normalize('NFKC').toLowerCase();
    if (!upper) return surface;
    // One lower-casing of the whole text costs less than one per word. The only lower-case mapping that
    // changes length is İ (U+0130) → i̇, which lengthens: equal lengths mean equal offsets.
    if (this.lowered === undefined) {
      this.lowered = text.toLowerCase();
      if (this.lowered.length !== text.length) this.lowered = null;
    }
    return this.lowered === null ? surface.toLowerCase() : this.lowered.slice(start, start + surface.length);
  }
  /** Puts a word in the empty slot `i`, when the table still takes words; grows at half full. */
  add(i: number, word: string, norm: string, h: number): void {
    if (this.size >= MAX_WORDS) return;
    this.words[i] = word;
    this.norms[i] = norm;
    this.hashes[i] = h;
    if (++this.size * 2 > this.words.length) this.grow();
  }
  private grow(): void {
    const { words, norms, hashes } = this;
    this.words = new Array(words.length * 2);
    this.norms = new Array(words.length * 2);
    this.hashes = new Int32Array(words.length * 2);
    const mask = this.words.length - 1;
    for (let k = 0; k < words.length; k++) {
      const word = words[k];
      if (word === undefined) continue;
      let i = (hashes[k]! ^ (hashes[k]! >>> 15)) & mask;
      while (this.words[i] !== undefined) i = (i + 1) & mask;
      this.words[i] = word;
      this.norms[i] = norms[k]!;
      this.hashes[i] = hashes[k]!;
    }
  }
}

function classifyGap(text: string, from: number, to: number): number {
  if (from === to) return GAP_SPACE;
  let spaces = 0;
  let dashes = 0;
  let slashes = 0;
  let amps = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) spaces++;
    else if (isDash(c)) dashes++;
    else if (c === Ch.Slash) slashes++;
    else if (c === Ch.Amp) amps++;
    else return GAP_NONE;
  }
  if (slashes === 1 && dashes === 0 && amps === 0) return GAP_SLASH;
  if (amps === 1 && dashes === 0 && slashes === 0) return GAP_AMP;
  if (slashes === 0 && amps === 0 && dashes === 0) return GAP_SPACE;
  if (slashes === 0 && amps === 0 && dashes === 1 && spaces === 0) return GAP_SPACE | GAP_HYPHEN;
  return GAP_NONE;
}

/** ASCII letters and digits, for the scan's inner loop. */
const ASCII_WORD = new Uint8Array(128);
for (let c = 48; c <= 57; c++) ASCII_WORD[c] = 1;
for (let c = 65; c <= 90; c++) ASCII_WORD[c] = 1;
for (let c = 97; c <= 122; c++) ASCII_WORD[c] = 1;

/**
 * The end of a word at `p` with its name suffix, if any: C#, F#, C++, Notepad++, 2+ (never when a word
 * character follows: "C#x" is not C#). `n` is the length of `text`.
 */
function readNameSuffix(text: string, p: number, n: number): number {
  if (p >= n) return p;
  const c = text.charCodeAt(p);
  if (c === Ch.Hash) return p + 1 >= n || !isWordChar(text.charCodeAt(p + 1)) ? p + 1 : p;
  if (c !== Ch.Plus) return p;
  let q = p;
  while (q < n && q - p < 2 && text.charCodeAt(q) === Ch.Plus) q++;
  return q >= n || !isWordChar(text.charCodeAt(q)) ? q : p;
}

/**
 * The fine token scan (see the module comment). Linear in the length of `text`.
 * @internal
 */
export function scanTokens(text: string): FineToken[] {
  const tokens: ScannedToken[] = [];
  const n = text.length;
  const table = new WordTable(n < 4096 ? 256 : 1024);
  let p = 0;
  let prevEnd = -1;
  let runStart = true;
  // Tokens of the current whitespace-delimited run; an "@", "://", a backslash or a leading "www." makes
  // the whole run an e-mail address, URL or file path.
  let runFirstToken = 0;
  let urlRun = false;
  while (p < n) {
    const c = text.charCodeAt(p);
    if (c === Ch.Space || c === Ch.LF || isSpace(c) || isLineBreak(c)) {
      runStart = true;
      p++;
      continue;
    }
    if (runStart) {
      runStart = false;
      runFirstToken = tokens.length;
      urlRun = (c === 119 || c === 87) && p + 4 < n && text.slice(p, p + 4).toLowerCase() === 'www.';
    }
    // A backslash marks a file path ("C:\\Program Files", "\\Java\\jdk1.7"), also never a skill.
    if (
      !urlRun &&
      (c === Ch.At ||
        c === 92 ||
        (c === 58 && text.charCodeAt(p + 1) === Ch.Slash && text.charCodeAt(p + 2) === Ch.Slash))
    ) {
      urlRun = true;
      for (let k = runFirstToken; k < tokens.length; k++) tokens[k]!.bits |= URL_BIT;
    }
    const word = c < 128 ? ASCII_WORD[c] === 1 : isWordChar(c);
    const leadingDot =
      !word &&
      c === Ch.Dot &&
      p + 1 < n &&
      isWordChar(text.charCodeAt(p + 1)) &&
      (p === 0 || !isWordChar(text.charCodeAt(p - 1)));
    if (!word && !leadingDot) {
      p++;
      continue;
    }
    const start = p;
    if (leadingDot) p++;
    // Case folding is decided during the scan: most tokens are lower-case ASCII and keep their surface.
    let upper = false;
    let wide = false;
    // Word characters with inner dots (Node.js, ASP.NET, 3.5).
    for (;;) {
      while (p < n) {
        const d = text.charCodeAt(p);
        if (d < 128) {
          if (ASCII_WORD[d] !== 1) break;
          if (d <= 90 && d >= 65) upper = true;
        } else if (isWordChar(d)) wide = true;
        else break;
        p++;
      }
      if (p + 1 < n && text.charCodeAt(p) === Ch.Dot && isWordChar(text.charCodeAt(p + 1))) {
        p++;
        continue;
      }
      break;
    }
    // Name suffixes: C#, F#, C++, Notepad++, 2+.
    p = readNameSuffix(text, p, n);
    // A word met before is taken from the table, surface and folded form (the fold is a function of the
    // surface: NFKC and lower case, or for ASCII lower case alone, which needs no context).
    let h = 0;
    for (let k = start; k < p; k++) h = (Math.imul(h, 31) + text.charCodeAt(k)) | 0;
    const slot = table.slot(text, start, p, h);
    let surface = table.words[slot];
    let norm: string;
    if (surface !== undefined) norm = table.norms[slot]!;
    else {
      surface = text.slice(start, p);
      norm = table.fold(text, surface, start, upper, wide);
      table.add(slot, surface, norm, h);
    }
    // One space is by far the commonest gap.
    const g =
      prevEnd < 0
        ? GAP_NONE
        : start - prevEnd === 1 && text.charCodeAt(prevEnd) === Ch.Space
          ? GAP_SPACE
          : classifyGap(text, prevEnd, start);
    tokens.push(new ScannedToken(surface, norm, start, p, g | (urlRun ? URL_BIT : 0)));
    prevEnd = p;
  }
  return tokens;
}

/** Compounds kept whole by `tokenize` (the public view); the matcher rebuilds any others from the index. */
const ATOMIC_COMPOUNDS = new Set([
  'ci/cd',
  'pl/sql',
  'tcp/ip',
  'a/b',
  'i/o',
  'ui/ux',
  'objective-c',
  't-sql',
  'u-sql',
  'pl-sql',
  'ci-cd',
  'r/3',
  'os/2',
  'as/400',
  'c/al',
  'b2b',
  'x-ray',
  'e-commerce',
  'e-mail',
]);

/**
 * Splits text into tokens, keeping technology names whole: `C#`, `C++`, `F#`, `.NET`, `ASP.NET`,
 * `Node.js`, `Vue.js`, `CI/CD`, `PL/SQL`, `TCP/IP`, `Objective-C`, `T-SQL`, `Win32`, `HTML5`, `ES6`.
 * Other slash and hyphen compounds (`Java/J2EE`, `go-to-market`) come out as their parts.
 * Linear time; safe on untrusted input of any length.
 */
export function tokenize(text: string): Token[] {
  if (typeof text !== 'string') throw new TypeError('`text` must be a string');
  const fine = scanTokens(text);
  const out: Token[] = [];
  for (let i = 0; i < fine.length; i++) {
    const t = fine[i]!;
    const next = fine[i + 1];
    if (next !== undefined && (next.gap === '/' || next.hyphenBefore) && next.start - t.end === 1) {
      const joined = text.slice(t.start, next.end);
      const norm = foldToken(joined).replace('\u2010', '-');
      if (ATOMIC_COMPOUNDS.has(norm)) {
        out.push({ text: joined, norm, start: t.start, end: next.end });
        i++;
        continue;
      }
    }
    out.push({ text: t.text, norm: t.norm, start: t.start, end: t.end });
  }
  return out;
}

/** Joins fine tokens into an index key: norms separated by their gap class. `null` when a gap breaks the phrase. */
export function keyOfTokens(tokens: readonly FineToken[], from: number, to: number): string | null {
  let key = tokens[from]!.norm;
  for (let i = from + 1; i < to; i++) {
    const t = tokens[i]!;
    if (t.gap === null) return null;
    key += t.gap + t.norm;
  }
  return key;
}

/**
 * The normal form under which aliases are indexed and text is looked up: case folded (NFKC for
 * non-ASCII), unicode dashes and hyphens read as a space (`Spring-Boot` = `Spring Boot`), runs of
 * whitespace collapsed, slashes and ampersands kept tight (`CI / CD` = `CI/CD`), leading and trailing
 * punctuation dropped — but the punctuation inside names kept (`C#`, `.NET`, `Node.js`).
 * `normaliseAlias('Node.JS') === 'node.js'`; `nodejs` and `node js` stay distinct keys, and the alias
 * index makes each from the other by its spelling classes (`variants.ts`).
 */
export function normaliseAlias(alias: string): string {
  if (typeof alias !== 'string') throw new TypeError('`alias` must be a string');
  return aliasKeyOf(scanTokens(alias));
}

/**
 * The alias normal form of an already scanned alias (`normaliseAlias` without the scan).
 * @internal
 */
export function aliasKeyOf(tokens: readonly FineToken[]): string {
  if (tokens.length === 0) return '';
  let key = tokens[0]!.norm;
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    key += (t.gap ?? ' ') + t.norm;
  }
  return key;
}
