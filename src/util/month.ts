/**
 * The one check of a month option (`asOf`, `documentDate`, the CLI's `--as-of`, the service's `asOf`).
 * Every stage used to test its own copy of the pattern, with its own error and message; a bad month is
 * now one typed error everywhere: an `OptionError` (a `RangeError`) with code `invalid-option`.
 */
import { OptionError } from '../errors.js';
import type { YearMonth } from '../types.js';

const YEAR_MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The current month in UTC, `YYYY-MM`: what `asOf` defaults to. */
export function currentMonth(): YearMonth {
  return new Date().toISOString().slice(0, 7);
}

/** Whether a value is a month written `YYYY-MM` (month 01–12): the test behind `checkMonth`, for data read leniently. */
export function isMonth(value: unknown): value is YearMonth {
  return typeof value === 'string' && YEAR_MONTH.test(value);
}

/**
 * Checks a month option and returns it: a string `YYYY-MM` with a month from 01 to 12.
 * @param option the option's name as the caller wrote it, for the message (`asOf`, `documentDate`, `--as-of`)
 * @throws OptionError (code `invalid-option`) naming the option.
 */
export function checkMonth(value: unknown, option: string): YearMonth {
  if (!isMonth(value)) {
    throw new OptionError(
      option,
      `\`${option}\` must be a month written YYYY-MM, got ${typeof value === 'string' ? JSON.stringify(value) : String(value)}`,
    );
  }
  return value;
}

/** The month's index, `year × 12 + month − 1`, of a month written `YYYY-MM`: months count by subtraction. */
export function monthIndex(month: YearMonth): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

/** The month `YYYY-MM` of a month index (see {@link monthIndex}). */
export function monthAt(index: number): YearMonth {
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * An `asOf` option checked, or the current month when it is `undefined`.
 * @throws OptionError (code `invalid-option`) naming `asOf`.
 */
export function resolveAsOf(asOf: unknown): YearMonth {
  return asOf === undefined ? currentMonth() : checkMonth(asOf, 'asOf');
}
