/**
 * Date ranges as résumés write them ("Jan 2019 – Present", "03/2018 - 06/2021", "Summer 2018 – Fall 2019",
 * "Mar '19 – Aug '21", "Since 2020", "1979-92", …) read into `YYYY-MM` pairs.
 *
 * The text is read by a hand-written tokenizer and a small grammar over tokens instead of regular expressions:
 * every position is looked at a bounded number of times, so hostile input (a megabyte of digits, dashes and
 * slashes) is read in linear time with no backtracking at all.
 *
 * Choices, so callers know what they get:
 * - A year-only start means January, a year-only end December.
 * - Seasons: Spring → 03, Summer → 06, Fall/Autumn → 09; Winter → 01 as a start and 12 as an end (a winter
 *   written as the start of a range most often means the start of that calendar year's winter term).
 * - Quarters: Q1 → 01 as a start / 03 as an end, Q2 → 04/06, Q3 → 07/09, Q4 → 10/12.
 * - Two-digit years ("'19", "03/19") are read in the century window `[asOf - 94, asOf + 5]`; a two-digit end
 *   year after a four-digit start ("1979-92", "1999–01") is the first such year not before the start.
 * - "2010-11" standing alone is the range 2010–2011 (the usual academic-year notation); "2019-03" (month below
 *   the year's last two digits) and "2010-11 – 2012-03" (followed by a range) are ISO months.
 * - Numeric dates with a day: `/` reads month first (03/15/2019) unless the first number exceeds 12;
 *   `.` reads day first (15.03.2019) unless the second number exceeds 12.
 * - Present words (present, current, now, today, till now, to date, ongoing, onwards, …) give `end: null`.
 * - A single date is not a range, except after "since"/"from" ("Since 2020" → `end: null`).
 * - A range that ends before it starts is swapped and kept, with a `date-range-inverted` warning (a typing
 *   slip is far likelier than a deliberate backwards range, and the months are still worth counting).
 * - A range that starts, or ends, after `asOf` is kept as written with a `date-range-future` warning; whoever
 *   counts months clamps it. A year-only end in the year of `asOf` is not "future".
 * - Numbers glued into longer chains that cannot be dates (phone numbers such as 123-345-7890, ids) never
 *   yield dates: a chain qualifies only when every group has 1, 2 or 4 digits and it is not led by `+`.
 */
import type { Diagnostic, Span, YearMonth } from '../types.js';
import { resolveAsOf } from '../util/month.js';

/** Options for reading date ranges. */
export interface DateOptions {
  /**
   * The month the résumé is read in, `YYYY-MM`: the reference for two-digit years and for `date-range-future`.
   * @default the current month (UTC)
   */
  asOf?: string;
}

/** One date range found in a text. */
export interface DateRange {
  /** `YYYY-MM`. */
  start: YearMonth;
  /** `YYYY-MM`, or `null` for "present". */
  end: YearMonth | null;
  /** The range as written, offsets into the text searched (plus its `offset`). */
  span: Span;
  /** `date-range-inverted` / `date-range-future` warnings, when any. */
  diagnostics?: Diagnostic[];
}

/** Options for {@link findDateRanges}. */
export interface FindDateRangesOptions extends DateOptions {
  /**
   * Added to every span, so ranges found in a slice of a document carry document offsets.
   * @default 0
   */
  offset?: number;
}

const WORD = 0;
const NUM = 1;
const PUNCT = 2;

interface Token {
  kind: number;
  start: number;
  end: number;
  /** Lower-cased text (words), the character (punctuation); empty for numbers, read by `num`. */
  value: string;
  /** Numeric value of a number token; -1 when longer than 8 digits. */
  num: number;
  /** Whitespace before the token: 0 none, 1 spaces, 2 a line break. */
  gap: number;
  /** The whitespace before the token holds a tab (table cells joined into a line). */
  tab: boolean;
  /** The whitespace before the token is two blanks or more on one line (a line whose breaks or dashes were lost). */
  wide: boolean;
  /** For numbers: whether the glued chain of numbers and `-./` it belongs to may hold dates. */
  dateable: boolean;
}

const MONTHS: ReadonlyMap<string, number> = new Map(
  Object.entries({
    jan: 1,
    january: 1,
    feb: 2,
    february: 2,
    febr: 2,
    mar: 3,
    march: 3,
    apr: 4,
    april: 4,
    may: 5,
    jun: 6,
    june: 6,
    jul: 7,
    july: 7,
    aug: 8,
    august: 8,
    sep: 9,
    sept: 9,
    september: 9,
    oct: 10,
    october: 10,
    nov: 11,
    november: 11,
    dec: 12,
    december: 12,
    // German, French, Spanish (the names that differ from English).
    januar: 1,
    februar: 2,
    märz: 3,
    maerz: 3,
    mai: 5,
    juni: 6,
    juli: 7,
    oktober: 10,
    okt: 10,
    dezember: 12,
    dez: 12,
    janvier: 1,
    février: 2,
    fevrier: 2,
    mars: 3,
    avril: 4,
    juin: 6,
    juillet: 7,
    août: 8,
    aout: 8,
    septembre: 9,
    octobre: 10,
    novembre: 11,
    décembre: 12,
    decembre: 12,
    enero: 1,
    febrero: 2,
    marzo: 3,
    abril: 4,
    mayo: 5,
    junio: 6,
    julio: 7,
    agosto: 8,
    septiembre: 9,
    setiembre: 9,
    octubre: 10,
    noviembre: 11,
    diciembre: 12,
  }),
);

const SEASONS: ReadonlyMap<string, readonly [number, number]> = new Map<string, readonly [number, number]>([
  ['spring', [3, 3]],
  ['summer', [6, 6]],
  ['fall', [9, 9]],
  ['autumn', [9, 9]],
  ['winter', [1, 12]],
]);

const PRESENT = new Set([
  'present',
  'current',
  'currently',
  'now',
  'today',
  'ongoing',
  'date',
  'continuing',
  'heute',
  'aktuell',
  'jetzt',
  'présent',
  'actuel',
  'aujourd',
  'presente',
  'actualidad',
  'hoy',
  'actual',
]);
/** Present words that read as "present" only after a connector ("to date", "till now"). */
const PRESENT_AFTER_CONNECTOR_ONLY = new Set(['date', 'now', 'today']);
const CONNECTOR_WORDS = new Set(['to', 'until', 'till', 'til', 'through', 'thru', 'bis', 'au', 'hasta']);
const START_WORDS = new Set(['since', 'from', 'seit', 'depuis', 'desde']);
const ONWARDS = new Set(['onwards', 'onward', 'forward']);
const DASHES = new Set(['-', '–', '—', '‒', '―', '−', '~', '→', '⁓', '‐', '‑']);

function isSpace(code: number): boolean {
  return (
    code === 32 ||
    code === 9 ||
    code === 0xa0 ||
    code === 0x2009 ||
    code === 0x202f ||
    code === 0x2007 ||
    code === 0x200a ||
    code === 0x3000 ||
    (code >= 0x2000 && code <= 0x2008) ||
    code === 0x0b ||
    code === 0x0c
  );
}

function isBreak(code: number): boolean {
  return code === 10 || code === 13 || code === 0x2028 || code === 0x2029 || code === 0x85;
}

const LETTER = /\p{L}/u;

function isLetter(text: string, index: number, code: number): boolean {
  if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90)) return true;
  if (code < 0xc0) return false;
  return LETTER.test(text[index] as string);
}

/**
 * Tokens of `text` from `from` on: at least `limit` of them unless the text ends first, and the block always ends
 * before a token that follows whitespace, so no glued chain of numbers ("2019-03-15") is ever cut.
 */
function tokenizeBlock(text: string, from: number, limit: number): { tokens: Token[]; end: number } {
  const tokens: Token[] = [];
  const n = text.length;
  let i = from;
  let gap = 0;
  let tab = false;
  let wide = false;
  // The whitespace before the block's first token, as if the block had read it.
  for (let k = from - 1, blanks = 0; k >= 0 && blanks < 2 && gap < 2; k--) {
    const code = text.charCodeAt(k);
    if (isBreak(code)) gap = 2;
    else if (!isSpace(code)) break;
    else {
      if (code === 9) tab = true;
      else if (blanks === 1) wide = true;
      blanks++;
      if (gap < 1) gap = 1;
    }
  }
  while (i < n) {
    const code = text.charCodeAt(i);
    if (isSpace(code)) {
      if (code === 9) tab = true;
      else if (gap === 1) wide = true;
      if (gap < 1) gap = 1;
      i++;
      continue;
    }
    if (isBreak(code)) {
      gap = 2;
      i++;
      continue;
    }
    if (gap > 0 && tokens.length >= limit) break;
    const start = i;
    if (code >= 48 && code <= 57) {
      // The value is summed digit by digit as they are read (exact up to 8 digits), not parsed from a slice.
      let num = 0;
      for (let digit = code; i < n && digit >= 48 && digit <= 57; digit = text.charCodeAt(++i))
        num = num * 10 + digit - 48;
      const len = i - start;
      // Numbers are read by their value; their text is never looked at.
      tokens.push({
        kind: NUM,
        start,
        end: i,
        value: '',
        num: len <= 8 ? num : -1,
        gap,
        tab,
        wide,
        dateable: false,
      });
    } else if (isLetter(text, i, code)) {
      i++;
      while (i < n && isLetter(text, i, text.charCodeAt(i))) i++;
      // Long words can never be date words; skip the lower-casing work for them.
      const value = i - start <= 12 ? text.slice(start, i).toLowerCase() : '';
      tokens.push({ kind: WORD, start, end: i, value, num: 0, gap, tab, wide, dateable: false });
    } else {
      i++;
      tokens.push({
        kind: PUNCT,
        start,
        end: i,
        value: text[start] as string,
        num: 0,
        gap,
        tab,
        wide,
        dateable: false,
      });
    }
    gap = 0;
    tab = false;
    wide = false;
  }
  markDateableChains(tokens);
  return { tokens, end: i };
}

function isChainSeparator(token: Token): boolean {
  return token.kind === PUNCT && (token.value === '-' || token.value === '/' || token.value === '.');
}

/** Does a number glue to the next one through `sep` ("2019-03", "03/19"), with no space on either side? */
function isGlued(sep: Token | undefined, next: Token | undefined): next is Token {
  return (
    sep !== undefined &&
    next !== undefined &&
    sep.gap === 0 &&
    next.gap === 0 &&
    isChainSeparator(sep) &&
    next.kind === NUM
  );
}

/**
 * A chain is a maximal run of numbers joined by `-`, `/` or `.` with no spaces. Phone numbers and ids form
 * chains with 3-, 5+-digit groups or many groups; only chains that could be one or two dates stay dateable.
 */
function markDateableChains(tokens: Token[]): void {
  let i = 0;
  while (i < tokens.length) {
    const first = tokens[i] as Token;
    if (first.kind !== NUM) {
      i++;
      continue;
    }
    let j = i;
    let ok = true;
    let groups = 0;
    for (;;) {
      const token = tokens[j] as Token;
      groups++;
      const len = token.end - token.start;
      if (len !== 1 && len !== 2 && len !== 4 && len !== 8) ok = false;
      const sep = tokens[j + 1];
      const next = tokens[j + 2];
      if (isGlued(sep, next)) {
        j += 2;
        continue;
      }
      break;
    }
    if (groups > 6) ok = false;
    // "SQL Server 2005/2008/2016": three or more years in a chain are a version list, never dates.
    if (groups >= 3 && yearChain(tokens, i, j)) ok = false;
    // "20192021": two years whose dash was lost, alone.
    if (groups === 1 && first.end - first.start === 8) ok = true;
    const before = tokens[i - 1];
    if (
      before !== undefined &&
      first.gap === 0 &&
      before.kind === PUNCT &&
      (before.value === '+' ||
        before.value === '#' ||
        before.value === '$' ||
        before.value === '€' ||
        before.value === '£')
    )
      ok = false;
    // A number glued to a letter ("v2", "A4") is a name or version, not a date.
    if (before !== undefined && first.gap === 0 && before.kind === WORD) ok = false;
    const after = tokens[j + 1];
    if (after !== undefined && after.gap === 0 && after.kind === PUNCT && (after.value === '%' || after.value === '+'))
      ok = false;
    if (
      after !== undefined &&
      after.gap === 0 &&
      after.kind === WORD &&
      !MONTHS.has(after.value) &&
      after.value !== 'st' &&
      after.value !== 'nd' &&
      after.value !== 'rd' &&
      after.value !== 'th'
    )
      ok = false;
    for (let k = i; k <= j; k += 2) (tokens[k] as Token).dateable = ok;
    i = j + 1;
  }
}

/** Is the chain from token `i` to `j` (numbers at even offsets) made of four-digit numbers only? */
function yearChain(tokens: Token[], i: number, j: number): boolean {
  for (let k = i; k <= j; k += 2) if ((tokens[k] as Token).end - (tokens[k] as Token).start !== 4) return false;
  return true;
}

/** A date as written, before it is resolved against its role in a range. */
interface RawDate {
  year: number | null;
  month: number | null;
  /** Month range of a season or quarter: [start month, end month]. */
  period: readonly [number, number] | null;
  /** The year was written with two digits (needs a century). */
  twoDigitYear: boolean;
  first: number;
  /** Index of the token after the date. */
  next: number;
}

interface Context {
  asOfYear: number;
  asOfMonth: number;
}

function isYear4(token: Token | undefined, ctx: Context): boolean {
  return (
    token !== undefined &&
    token.kind === NUM &&
    token.dateable &&
    token.end - token.start === 4 &&
    token.num >= 1940 &&
    token.num <= ctx.asOfYear + 10
  );
}

function isNum2(token: Token | undefined): boolean {
  return token !== undefined && token.kind === NUM && token.dateable && token.end - token.start === 2;
}

function isPunct(token: Token | undefined, ...chars: string[]): boolean {
  return token !== undefined && token.kind === PUNCT && chars.includes(token.value);
}

function isApostrophe(token: Token | undefined): boolean {
  return isPunct(token, "'", '’', '‘', '`', '´');
}

function isDash(token: Token | undefined): boolean {
  return token !== undefined && token.kind === PUNCT && DASHES.has(token.value);
}

/** Reads a year at `i`: `2019`, `'19`, `’19`. */
function readYear(tokens: Token[], i: number, ctx: Context): { year: number; twoDigit: boolean; next: number } | null {
  const token = tokens[i];
  if (isYear4(token, ctx)) return { year: (token as Token).num, twoDigit: false, next: i + 1 };
  if (isApostrophe(token)) {
    const digits = tokens[i + 1];
    if (isNum2(digits) && (digits as Token).gap === 0)
      return { year: (digits as Token).num, twoDigit: true, next: i + 2 };
  }
  return null;
}

function dayOk(token: Token | undefined): boolean {
  return token !== undefined && token.kind === NUM && token.end - token.start <= 2 && token.num >= 1 && token.num <= 31;
}

/** Is the token at `i` the start of a range connector followed by something date-like? Used to settle "2010-11". */
function connectorFollows(tokens: Token[], i: number): boolean {
  const token = tokens[i];
  if (token === undefined || token.gap === 0) return false;
  return isDash(token) || (token.kind === WORD && CONNECTOR_WORDS.has(token.value));
}

/**
 * Reads the date at token `i`, or `null`; `asEnd` is the range's start when this date would end it. The first
 * token tells the form: a quarter or half, a season, a month name, an apostrophe year, a four-digit year, or a
 * day or month number.
 */
function readDate(tokens: Token[], i: number, ctx: Context, asEnd: RawDate | null): RawDate | null {
  const token = tokens[i];
  if (token === undefined) return null;
  if (token.kind === WORD) {
    if (token.value === 'q' || token.value === 'h') return readQuarterDate(tokens, i, ctx, token.value);
    const season = SEASONS.get(token.value);
    if (season !== undefined) {
      const year = readYear(tokens, i + 1, ctx);
      if (year === null) return null;
      return { year: year.year, month: null, period: season, twoDigitYear: year.twoDigit, first: i, next: year.next };
    }
    const month = MONTHS.get(token.value);
    if (month === undefined) return null;
    return readMonthDate(tokens, i, ctx, month);
  }
  if (isApostrophe(token)) {
    const year = readYear(tokens, i, ctx);
    if (year === null) return null;
    return { year: year.year, month: null, period: null, twoDigitYear: true, first: i, next: year.next };
  }
  if (token.kind !== NUM || !token.dateable) return null;
  const len = token.end - token.start;
  if (len === 4) return readYearFirstDate(tokens, i, ctx, asEnd);
  if (len <= 2) return readNumberFirstDate(tokens, i, ctx, asEnd);
  return null;
}

/** Reads a quarter or a half year at token `i`, whose letter is `letter` ("Q3 2019", "H1 '20"). */
function readQuarterDate(tokens: Token[], i: number, ctx: Context, letter: string): RawDate | null {
  const digit = tokens[i + 1];
  const max = letter === 'q' ? 4 : 2;
  if (
    digit !== undefined &&
    digit.kind === NUM &&
    digit.gap === 0 &&
    digit.end - digit.start === 1 &&
    digit.num >= 1 &&
    digit.num <= max
  ) {
    const year = readYear(tokens, i + 2, ctx);
    if (year === null) return null;
    const size = letter === 'q' ? 3 : 6;
    const period = [(digit.num - 1) * size + 1, digit.num * size] as const;
    return { year: year.year, month: null, period, twoDigitYear: year.twoDigit, first: i, next: year.next };
  }
  return null;
}

/** Reads a date led by the name of month `month` at token `i` ("Jan 2019", "Sept' 2016", "March 15, 2019", "Jan"). */
function readMonthDate(tokens: Token[], i: number, ctx: Context, month: number): RawDate {
  let j = i + 1;
  if (isPunct(tokens[j], '.') && (tokens[j] as Token).gap === 0) j++;
  // "Sept' 2016", "Jun'2019": an apostrophe that marks the abbreviation, before a four-digit year.
  else if (
    isApostrophe(tokens[j]) &&
    (tokens[j] as Token).gap === 0 &&
    (tokens[j + 1]?.gap ?? 2) < 2 &&
    isYear4(tokens[j + 1], ctx)
  )
    j++;
  // "Jan-2019", "Jan/2019", "Jan, 2019"
  if (isPunct(tokens[j], '-', '/', ',') && isYear4(tokens[j + 1], ctx)) j++;
  // "March 15, 2019"
  if (dayOk(tokens[j]) && (tokens[j] as Token).end - (tokens[j] as Token).start <= 2) {
    let k = j + 1;
    if (
      tokens[k] !== undefined &&
      tokens[k]?.kind === WORD &&
      ['st', 'nd', 'rd', 'th'].includes((tokens[k] as Token).value)
    )
      k++;
    if (isPunct(tokens[k], ',')) k++;
    const year = readYear(tokens, k, ctx);
    if (year !== null && !year.twoDigit)
      return { year: year.year, month, period: null, twoDigitYear: false, first: i, next: year.next };
  }
  const year = readYear(tokens, j, ctx);
  if (year === null) {
    // A bare month reads as a date only inside a range whose other side has the year ("Jan – Mar 2019").
    return { year: null, month, period: null, twoDigitYear: false, first: i, next: j };
  }
  return { year: year.year, month, period: null, twoDigitYear: year.twoDigit, first: i, next: year.next };
}

/** Reads a date led by the four-digit number at token `i` ("2019", "2019-03", "2019-03-15"). */
function readYearFirstDate(tokens: Token[], i: number, ctx: Context, asEnd: RawDate | null): RawDate | null {
  const token = tokens[i] as Token;
  if (!isYear4(token, ctx)) return null;
  const year = token.num;
  const sep = tokens[i + 1];
  const second = tokens[i + 2];
  if (sep !== undefined && second !== undefined && isGlued(sep, second)) {
    const secondLen = second.end - second.start;
    if (secondLen <= 2 && second.num >= 1 && second.num <= 12) {
      const third = tokens[i + 4];
      const sep2 = tokens[i + 3];
      if (isGlued(sep2, third) && dayOk(third)) {
        return { year, month: second.num, period: null, twoDigitYear: false, first: i, next: i + 5 };
      }
      // "2010-11": a month, or the two-digit end of a range? See the module comment.
      const ambiguous =
        sep.value === '-' && secondLen === 2 && second.num >= year % 100 && second.num <= (year % 100) + 10;
      const monthWanted = asEnd !== null ? asEnd.month !== null : connectorFollows(tokens, i + 3);
      if (!ambiguous || monthWanted)
        return { year, month: second.num, period: null, twoDigitYear: false, first: i, next: i + 3 };
    }
  }
  return { year, month: null, period: null, twoDigitYear: false, first: i, next: i + 1 };
}

/**
 * Reads a date led by the one- or two-digit number at token `i`: a day before a month's name ("15 March 2019",
 * "15-Jun-2016"), or a month or day in numbers ("06 / 1997", "03/2019", "15.03.2019", "03/19").
 */
function readNumberFirstDate(tokens: Token[], i: number, ctx: Context, asEnd: RawDate | null): RawDate | null {
  const token = tokens[i] as Token;
  const sep = tokens[i + 1];
  const second = tokens[i + 2];
  const glued = sep !== undefined && second !== undefined && isGlued(sep, second);
  // "15 March 2019", "1st June 2019"
  let k = i + 1;
  if (tokens[k]?.kind === WORD && ['st', 'nd', 'rd', 'th'].includes((tokens[k] as Token).value)) k++;
  const monthToken = tokens[k];
  // "15-Jun-2016", "01.Mar.2019": day and month joined by the year's own separator.
  const joinedMonth =
    isPunct(tokens[k], '-', '/', '.') &&
    tokens[k]?.gap === 0 &&
    tokens[k + 1]?.kind === WORD &&
    tokens[k + 1]?.gap === 0 &&
    MONTHS.has((tokens[k + 1] as Token).value);
  if (dayOk(token) && joinedMonth) {
    const inner = readDate(tokens, k + 1, ctx, asEnd);
    if (inner !== null && inner.year !== null) return { ...inner, first: i };
    return null;
  }
  if (
    dayOk(token) &&
    monthToken !== undefined &&
    monthToken.kind === WORD &&
    MONTHS.get(monthToken.value) !== undefined &&
    monthToken.gap > 0
  ) {
    const inner = readDate(tokens, k, ctx, asEnd);
    if (inner !== null && inner.year !== null) return { ...inner, first: i };
    return null;
  }
  // "06 / 1997": month and four-digit year around a slash set off by single spaces (exports that pad punctuation).
  if (
    !glued &&
    isPunct(sep, '/') &&
    sep?.gap === 1 &&
    !sep.wide &&
    second?.gap === 1 &&
    !second.wide &&
    isYear4(second, ctx) &&
    second.dateable &&
    token.num >= 1 &&
    token.num <= 12
  ) {
    return { year: second.num, month: token.num, period: null, twoDigitYear: false, first: i, next: i + 3 };
  }
  if (!glued) return null;
  const secondLen = second.end - second.start;
  const sep2 = tokens[i + 3];
  const third = tokens[i + 4];
  if (isGlued(sep2, third) && sep2?.value === sep.value) {
    // Day, month and year.
    if (!isYear4(third, ctx) || secondLen > 2) return null;
    let month: number;
    if (sep.value === '.') month = second.num <= 12 ? second.num : token.num;
    else month = token.num <= 12 ? token.num : second.num;
    const day = month === token.num ? second.num : token.num;
    if (month < 1 || month > 12 || day < 1 || day > 31) return null;
    return { year: third.num, month, period: null, twoDigitYear: false, first: i, next: i + 5 };
  }
  if (token.num < 1 || token.num > 12) return null;
  if (isYear4(second, ctx))
    return { year: second.num, month: token.num, period: null, twoDigitYear: false, first: i, next: i + 3 };
  // "03/19": only with `/` or `.`, since "03-19" is as often a day range.
  if (secondLen === 2 && sep.value !== '-')
    return { year: second.num, month: token.num, period: null, twoDigitYear: true, first: i, next: i + 3 };
  return null;
}

/** Reads the "present" end of a range at `i`; returns the index after it, or -1. */
function readPresent(tokens: Token[], i: number, afterConnector: boolean): number {
  const token = tokens[i];
  if (token === undefined || token.kind !== WORD) return -1;
  let value = token.value;
  let j = i;
  if (value === 'the' || value === 'till' || value === 'until' || value === 'til') {
    const next = tokens[i + 1];
    if (next === undefined || next.kind !== WORD) return -1;
    value = next.value;
    j = i + 1;
    afterConnector = true;
  }
  if (!PRESENT.has(value)) return -1;
  if (PRESENT_AFTER_CONNECTOR_ONLY.has(value) && !afterConnector) return -1;
  // "Aujourd'hui", "present day", "to this day".
  const next = tokens[j + 1];
  if (value === 'aujourd' && isApostrophe(next) && tokens[j + 2]?.value === 'hui') return j + 3;
  if (next !== undefined && next.kind === WORD && next.value === 'day' && value === 'present') return j + 2;
  return j + 1;
}

function resolveYear(raw: RawDate, ctx: Context, after: number | null): number {
  const year = raw.year as number;
  if (!raw.twoDigitYear) return year;
  if (after !== null) {
    let candidate = Math.floor(after / 100) * 100 + year;
    if (candidate < after) candidate += 100;
    return candidate;
  }
  const candidate = 2000 + year;
  return candidate <= ctx.asOfYear + 5 ? candidate : 1900 + year;
}

function monthOf(raw: RawDate, asEnd: boolean): number {
  if (raw.month !== null) return raw.month;
  if (raw.period !== null) return asEnd ? raw.period[1] : raw.period[0];
  return asEnd ? 12 : 1;
}

function ym(year: number, month: number): YearMonth {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** The last `asOf` given and its context: a document's lines are all read against the same month. */
let lastAsOf: { asOf: string; ctx: Context } | null = null;

function parseAsOf(asOf: string | undefined): Context {
  if (lastAsOf !== null && asOf === lastAsOf.asOf) return lastAsOf.ctx;
  const month = resolveAsOf(asOf);
  const ctx: Context = { asOfYear: Number(month.slice(0, 4)), asOfMonth: Number(month.slice(5, 7)) };
  // An absent `asOf` means the current month, which changes: only a given month is remembered.
  if (typeof asOf === 'string') lastAsOf = { asOf, ctx };
  return ctx;
}

interface Found {
  start: YearMonth;
  end: YearMonth | null;
  first: number;
  next: number;
  /** The end's precision is a year only (for the future check). */
  endYearOnly: boolean;
  swapped: boolean;
}

function assemble(start: RawDate, end: RawDate | null, ctx: Context, first: number, next: number): Found | null {
  if (end === null) {
    if (start.year === null) return null;
    const year = resolveYear(start, ctx, null);
    return { start: ym(year, monthOf(start, false)), end: null, first, next, endYearOnly: false, swapped: false };
  }
  let startYear: number;
  let endYear: number;
  if (start.year === null && end.year === null) return null;
  if (start.year === null) {
    endYear = resolveYear(end, ctx, null);
    const startMonth = start.month as number;
    startYear = startMonth > monthOf(end, true) ? endYear - 1 : endYear;
  } else {
    startYear = resolveYear(start, ctx, null);
    if (end.year === null) {
      endYear = (end.month as number) < monthOf(start, false) ? startYear + 1 : startYear;
    } else {
      endYear = resolveYear(end, ctx, end.twoDigitYear && !start.twoDigitYear ? startYear : null);
      if (end.twoDigitYear && start.twoDigitYear && endYear < startYear) endYear = resolveYear(end, ctx, startYear);
    }
  }
  if (endYear < 1940 || startYear < 1940) return null;
  let s = ym(startYear, monthOf(start, false));
  let e = ym(endYear, monthOf(end, true));
  let swapped = false;
  let endYearOnly = end.month === null && end.period === null;
  if (e < s) {
    swapped = true;
    s = ym(endYear, monthOf(end, false));
    e = ym(startYear, monthOf(start, true));
    endYearOnly = start.month === null && start.period === null;
  }
  return { start: s, end: e, first, next, endYearOnly, swapped };
}

/**
 * Two dates a wide gap apart are a range only when they read as one: not a year repeated ("2014  2014"),
 * and not two members of a longer list of years ("2016  2015  2014", "Awards: 2011  2013  2014").
 */
function inYearList(tokens: Token[], first: number, next: number, found: Found): boolean {
  if (found.start.slice(0, 4) === (found.end ?? '').slice(0, 4) && found.endYearOnly) return true;
  const isListYear = (token: Token | undefined, neighbour: Token | undefined): boolean =>
    token !== undefined &&
    neighbour !== undefined &&
    token.kind === NUM &&
    token.end - token.start === 4 &&
    neighbour.gap < 2 &&
    token.gap < 2;
  return isListYear(tokens[first - 1], tokens[first]) || isListYear(tokens[next], tokens[next]);
}

/** Words after which a slash between two years still writes a period ("Session 2016/2017", "in 2019/20"). */
const PERIOD_WORDS = new Set([
  'in',
  'during',
  'year',
  'years',
  'session',
  'batch',
  'term',
  'season',
  'academic',
  'fiscal',
  'fy',
  'of',
  'for',
  'and',
  'the',
]);

/** Is the date at token `first` written right after a name ("Server 2008/2012"), as versions are? */
function versionBefore(tokens: Token[], first: number): boolean {
  const before = tokens[first - 1];
  const date = tokens[first] as Token;
  if (before === undefined || date.gap !== 1 || before.kind !== WORD) return false;
  return (
    !PERIOD_WORDS.has(before.value) &&
    !START_WORDS.has(before.value) &&
    !MONTHS.has(before.value) &&
    !SEASONS.has(before.value)
  );
}

/** Is `year` a year a range may hold (from 1940 to ten years after `asOf`)? */
function validYear(year: number, ctx: Context): boolean {
  return year >= 1940 && year <= ctx.asOfYear + 10;
}

/** Reads eight digits at token `j` as two years ("20152019"), for a range whose first token is `i`. */
function readJoinedYears(joined: Token, j: number, ctx: Context, i: number): Found | null {
  const startYear = Math.floor(joined.num / 10000);
  const endYear = joined.num % 10000;
  if (!validYear(startYear, ctx) || !validYear(endYear, ctx) || startYear > endYear) return null;
  const first: RawDate = { year: startYear, month: null, period: null, twoDigitYear: false, first: j, next: j + 1 };
  const second: RawDate = { year: endYear, month: null, period: null, twoDigitYear: false, first: j, next: j + 1 };
  return assemble(first, second, ctx, i, j + 1);
}

/** Reads two digits glued after a connector at token `k` as the end year of a year-only `start` ("1979-92"). */
function readTwoDigitEnd(tokens: Token[], k: number, start: RawDate): RawDate | null {
  const glued = tokens[k];
  if (
    start.year === null ||
    start.month !== null ||
    start.period !== null ||
    start.twoDigitYear ||
    !isNum2(glued) ||
    (glued as Token).gap !== 0
  )
    return null;
  return { year: (glued as Token).num, month: null, period: null, twoDigitYear: true, first: k, next: k + 1 };
}

/** Tries to read a range starting at token `i`. */
function readRange(tokens: Token[], i: number, ctx: Context): Found | null {
  const head = tokens[i] as Token;
  let j = i;
  let openEnded = false;
  if (head.kind === WORD && START_WORDS.has(head.value)) {
    openEnded = true;
    j = i + 1;
  }
  const joined = tokens[j];
  if (joined !== undefined && joined.kind === NUM && joined.dateable && joined.end - joined.start === 8)
    return readJoinedYears(joined, j, ctx, i);
  const start = readDate(tokens, j, ctx, null);
  if (start === null) return null;
  let k = start.next;
  const afterStart = tokens[k];
  if (afterStart !== undefined && afterStart.gap < 2 && afterStart.kind === WORD && ONWARDS.has(afterStart.value)) {
    return assemble(start, null, ctx, i, k + 1);
  }
  // The connector: dashes, "to", "until", "–to–", or (between two month dates / a month and "present") just spaces.
  let connected = false;
  let connectorIsWord = false;
  let slash = false;
  for (let step = 0; step < 3; step++) {
    const token = tokens[k];
    if (token === undefined || token.gap === 2) break;
    if (isDash(token) || (isPunct(token, '>') && connected)) {
      connected = true;
      k++;
      continue;
    }
    if (token.kind === WORD && CONNECTOR_WORDS.has(token.value)) {
      connected = true;
      connectorIsWord = true;
      k++;
      continue;
    }
    if (!connected && isPunct(token, '/') && token.gap === 0 && start.month === null && start.period === null) {
      slash = true;
      connected = true;
      k++;
    }
    break;
  }
  const next = tokens[k];
  // Table cells joined by a tab ("2020<TAB>Present", "2017<TAB>2019") pair up like a dash would, and so do
  // dates two blanks apart in a line that lost its dashes ("2009  2015  Assistant Professor"), read forwards only.
  let wideOnly = false;
  if (!connected && next !== undefined && next.gap === 1 && (next.tab || next.wide)) {
    connected = true;
    wideOnly = !next.tab;
  }
  // "Windows 2000/2003", "Visual Studio 2010/2012": years joined by a slash after a product's name are versions.
  if (slash && versionBefore(tokens, start.first)) return null;
  if (next !== undefined && next.gap < 2) {
    const presentEnd = readPresent(tokens, k, connected);
    if (presentEnd >= 0 && (connected || start.month !== null || start.period !== null)) {
      if (start.year === null) return null;
      return assemble(start, null, ctx, i, presentEnd);
    }
    const canStart = connected || start.month !== null || start.period !== null;
    if (canStart) {
      const end = readDate(tokens, k, ctx, start);
      if (end !== null) {
        const spacesOnly = !connected;
        // Two numbers glued by "-" or "/" (1979-92, 2019/20) — the second may be a two-digit year.
        if (spacesOnly && ((end.month === null && end.period === null) || start.year === null || end.year === null)) {
          // "Mar 2011  Present" is fine; "Mar 2011  2012" is not a range.
        } else if (slash && (end.month !== null || end.period !== null)) {
          // "2019/03" was read as a year then a slash: not a range.
        } else if (!(start.year === null && end.year === null)) {
          const found = assemble(start, end, ctx, i, end.next);
          if (!wideOnly || (found !== null && !found.swapped && !inYearList(tokens, start.first, end.next, found)))
            return found;
        }
      }
      if (connected && !connectorIsWord) {
        const twoDigit = readTwoDigitEnd(tokens, k, start);
        if (twoDigit !== null) return assemble(start, twoDigit, ctx, i, k + 1);
      }
    }
  }
  if (openEnded && start.year !== null) return assemble(start, null, ctx, i, start.next);
  return null;
}

/** Can a range start at this token? Cheap test that spares the grammar most tokens. */
function mayStartRange(token: Token): boolean {
  if (token.kind === NUM) return token.dateable;
  if (token.kind === WORD)
    return (
      MONTHS.has(token.value) ||
      SEASONS.has(token.value) ||
      START_WORDS.has(token.value) ||
      token.value === 'q' ||
      token.value === 'h'
    );
  return isApostrophe(token);
}

function futureOrInverted(found: Found, span: Span, ctx: Context): Diagnostic[] | undefined {
  const diagnostics: Diagnostic[] = [];
  const asOf = ym(ctx.asOfYear, ctx.asOfMonth);
  if (found.swapped) {
    diagnostics.push({
      severity: 'warning',
      code: 'date-range-inverted',
      message: `Date range ends before it starts; read as ${found.start} to ${found.end}`,
      source: 'parse',
      span,
    });
  }
  const endFuture =
    found.end !== null && (found.endYearOnly ? Number(found.end.slice(0, 4)) > ctx.asOfYear : found.end > asOf);
  if (found.start > asOf || endFuture) {
    diagnostics.push({
      severity: 'warning',
      code: 'date-range-future',
      message: `Date range ${found.start} to ${found.end ?? 'present'} lies after ${asOf}`,
      source: 'parse',
      span,
    });
  }
  return diagnostics.length === 0 ? undefined : diagnostics;
}

/** Tokens read at a time: a megabyte of dates is read block by block, so no block outlives its own ranges. */
const BLOCK_TOKENS = 4096;
/** Tokens a range may look ahead (the longest form, "from 1st June 2016 to till date", takes about ten). */
const LOOKAHEAD = 32;

/**
 * Does `text` hold a number that could be a year? Every range holds one: a run of two digits ("'19",
 * "03/19"), of four that starts with 1 or 2 ("2019"), or of eight (two years that lost their dash,
 * "20192021"). A text of single digits ("5+ years", "C/C++/R") or of other numbers ("8051") holds none.
 */
export function mayHoldYear(text: string): boolean {
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) continue;
    let j = i + 1;
    while (j < n) {
      const d = text.charCodeAt(j);
      if (d < 48 || d > 57) break;
      j++;
    }
    const length = j - i;
    if (length === 2 || length === 8 || (length === 4 && (c === 49 || c === 50))) return true;
    i = j;
  }
  return false;
}

function scan(text: string, options: FindDateRangesOptions | undefined, firstOnly: boolean): DateRange[] {
  if (typeof text !== 'string') throw new TypeError('`text` must be a string');
  const ctx = parseAsOf(options?.asOf);
  const offset = options?.offset ?? 0;
  const ranges: DateRange[] = [];
  // Most lines of a résumé hold no year, and a text without one need not be read token by token.
  if (!mayHoldYear(text)) return ranges;
  let from = 0;
  // Tokens before this offset were read in the block before (it is re-read from a little earlier, for context).
  let resume = 0;
  for (;;) {
    const { tokens, end } = tokenizeBlock(text, from, BLOCK_TOKENS);
    const last = end >= text.length;
    const stop = last ? tokens.length : tokens.length - LOOKAHEAD;
    let i = 0;
    while (i < tokens.length && (tokens[i] as Token).start < resume) i++;
    while (i < stop) {
      const token = tokens[i] as Token;
      const found = mayStartRange(token) ? readRange(tokens, i, ctx) : null;
      if (found === null) {
        i++;
        continue;
      }
      const span = {
        start: (tokens[found.first] as Token).start + offset,
        end: (tokens[found.next - 1] as Token).end + offset,
      };
      const range: DateRange = { start: found.start, end: found.end, span };
      const diagnostics = futureOrInverted(found, span, ctx);
      if (diagnostics !== undefined) range.diagnostics = diagnostics;
      ranges.push(range);
      if (firstOnly) return ranges;
      i = found.next;
    }
    if (last) return ranges;
    resume = i < tokens.length ? (tokens[i] as Token).start : end;
    // The next block opens a few tokens back, at a token after whitespace, so the words before a date (a
    // product's name before "2000/2003") are still seen; it always starts past this block's start.
    let k = Math.min(i, tokens.length) - 1;
    while (k > 0 && k > i - 8 && (tokens[k] as Token).gap === 0) k--;
    from = k > 0 && (tokens[k] as Token).gap > 0 ? (tokens[k] as Token).start : resume;
  }
}

/**
 * Finds every date range in `text`, in order, non-overlapping.
 *
 * @example findDateRanges('Acme, Jan 2019 – Present; Initech 2015-2018', { asOf: '2026-11' })
 * // → [{ start: '2019-01', end: null, span: {start: 6, end: 24} }, { start: '2015-01', end: '2018-12', … }]
 * @throws OptionError (a `RangeError`, code `invalid-option`) when `options.asOf` is not `YYYY-MM`.
 */
export function findDateRanges(text: string, options?: FindDateRangesOptions): DateRange[] {
  return scan(text, options, false);
}

/**
 * Reads the first date range in `text` ("Jan 2019 – Present" → `{start: '2019-01', end: null}`), or `null`
 * when there is none. A single date is not a range unless it follows "since"/"from".
 *
 * @example parseDateRange('Summer 2018 – Fall 2019') // → { start: '2018-06', end: '2019-09', span: {start: 0, end: 23} }
 * @throws OptionError (a `RangeError`, code `invalid-option`) when `options.asOf` is not `YYYY-MM`.
 */
export function parseDateRange(
  text: string,
  options?: DateOptions,
): { start: YearMonth; end: YearMonth | null; span: Span } | null {
  const found = scan(text, options, true)[0];
  return found === undefined ? null : { start: found.start, end: found.end, span: found.span };
}
