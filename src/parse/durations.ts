/**
 * Lengths of time written for a job instead of its dates: "Years of Experience: 2 Years and 4 Months",
 * "Duration: 18 months", "(2 yrs)", "for 6 months". Only durations that are labelled, in parentheses,
 * after "for", or alone on their line are read: a length inside a sentence ("cut latency by 30% over
 * 18 months") is about something else. "Less than 1 year" and "1+ years" are not read (no length to count).
 *
 * One bounded regular expression over the text, with no nested quantifiers, so the scan is linear.
 */
import type { Span } from '../types.js';

/** A written length of time. */
export interface Duration {
  /** Whole months, at least 1. */
  months: number;
  /** The length as written ("2 Years and 4 Months"), offsets into the text searched plus its `offset`. */
  span: Span;
}

const NUMBER_WORDS: Readonly<Record<string, number>> = Object.freeze({
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
});

const AMOUNT = '(\\d{1,2}(?:\\.\\d)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)';
const YEARS = '(?:years?|yrs?\\.?|yr)';
const MONTHS = '(?:months?|mnths?|mos?\\.?)';
/** "2 Years and 4 Months", "2.5 yrs", "18 months", "1 year 6 months". */
const DURATION = new RegExp(
  `${AMOUNT}\\s{0,3}(?:(${YEARS})(?:\\s{0,3}(?:and|&|,)?\\s{0,3}(\\d{1,2})\\s{0,3}${MONTHS})?|${MONTHS})(?![\\p{L}\\d])`,
  'giu',
);
/** What may stand right before a duration for it to be the job's: a label, an opening bracket, "for". */
const LEAD =
  /(?:duration|tenure|period|total|years? of (?:experience|service)|experience|exp|worked|working|for|since|\(|\[)\s{0,3}[:\-–—]?\s{0,3}$/i;

function amountOf(written: string): number {
  const word = NUMBER_WORDS[written.toLowerCase()];
  return word ?? Number(written);
}

/**
 * Finds the first job-length written in `text` ("Years of Experience: 2 Years and 4 Months" → 28 months).
 *
 * @example findDuration('Duration: 18 months') // → { months: 18, span: { start: 10, end: 19 } }
 */
export function findDuration(text: string, offset = 0): Duration | null {
  DURATION.lastIndex = 0;
  for (let match = DURATION.exec(text); match !== null; match = DURATION.exec(text)) {
    const before = text.slice(Math.max(0, match.index - 40), match.index);
    const after = text.slice(match.index + match[0].length, match.index + match[0].length + 8).trim();
    // "Less than 1 year", "1+ years": no length to count.
    if (
      /(?:less than|under|over|more than|about|around|approx\.?|nearly|almost|upto|up to)\s*$/i.test(before) ||
      text[match.index + match[0].length] === '+'
    )
      continue;
    const alone = before.trim() === '' && (after === '' || /^[).,;]/.test(after));
    if (!alone && !LEAD.test(before)) continue;
    const amount = amountOf(match[1] as string);
    const months =
      match[2] !== undefined
        ? Math.round(amount * 12) + (match[3] === undefined ? 0 : Number(match[3]))
        : Math.round(amount);
    if (months < 1 || months > 600) continue;
    return { months, span: { start: offset + match.index, end: offset + match.index + match[0].length } };
  }
  return null;
}
