// One check of a month option for every entrance: the same typed error (OptionError, a RangeError with
// code `invalid-option` and the option's name) wherever `asOf` or `documentDate` is given, and the CLI's
// and the service's own answers (usage exit 2, HTTP 400) built on it.
import { describe, expect, it } from 'vitest';
import {
  createExtractor,
  createMatcher,
  createScorer,
  extractSkills,
  getBuiltinRole,
  OptionError,
  parseResume,
  rankResumes,
  scoreMatch,
} from '../src/index.js';
import { findDateRanges, parseDateRange, splitLines, structureDocument } from '../src/tools.js';
import { createService } from '../src/service/index.js';
import { checkMonth, isMonth, resolveAsOf } from '../src/util/month.js';
import { runCli } from './helpers/cli.js';

const ROLE = getBuiltinRole('backend-developer')!;
const TEXT = 'Skills\nJava, PostgreSQL';

describe('checkMonth', () => {
  it.each<[unknown, boolean]>([
    ['2026-11', true],
    ['1999-01', true],
    ['2026-12', true],
    ['2026-13', false],
    ['2026-00', false],
    ['2026-1', false],
    ['2026', false],
    ['26-11', false],
    ['2026-11-01', false],
    [' 2026-11', false],
    ['2026/11', false],
    ['November 2026', false],
    ['', false],
    [202611, false],
    [null, false],
    [undefined, false],
    [{ month: '2026-11' }, false],
  ])('%j → %s', (value, ok) => {
    expect(isMonth(value)).toBe(ok);
    if (ok) expect(checkMonth(value, 'asOf')).toBe(value);
    else expect(() => checkMonth(value, 'asOf')).toThrow(OptionError);
  });

  it('throws a RangeError with a stable code, the option and its value in the message', () => {
    const error = (() => {
      try {
        checkMonth('2026-13', 'documentDate');
      } catch (caught) {
        return caught;
      }
      return undefined;
    })() as OptionError;
    expect(error).toBeInstanceOf(RangeError);
    expect(error).toMatchObject({ name: 'OptionError', code: 'invalid-option', option: 'documentDate' });
    expect(error.message).toBe('`documentDate` must be a month written YYYY-MM, got "2026-13"');
    expect(() => checkMonth(10n, 'asOf')).toThrow('got 10');
  });

  it('defaults `asOf` to the current UTC month', () => {
    expect(resolveAsOf(undefined)).toBe(new Date().toISOString().slice(0, 7));
    expect(resolveAsOf('2020-02')).toBe('2020-02');
  });
});

describe('every entrance checks `asOf` the same way', () => {
  const bad = '2026-13';
  const sameError = (run: () => unknown) => {
    expect(run).toThrow(OptionError);
    expect(run).toThrow('`asOf` must be a month written YYYY-MM, got "2026-13"');
  };

  it.each<[string, () => unknown]>([
    ['findDateRanges', () => findDateRanges('2019 - 2020', { asOf: bad })],
    ['parseDateRange', () => parseDateRange('2019 - 2020', { asOf: bad })],
    ['structureDocument', () => structureDocument({ text: 'x', lines: splitLines('x'), asOf: bad })],
    ['extractSkills', () => extractSkills(TEXT, { asOf: bad })],
    ['extractor.extract', () => createExtractor().extract(TEXT, { asOf: bad })],
    ['createScorer', () => createScorer(ROLE, { asOf: bad })],
    ['scoreMatch', () => scoreMatch(extractSkills(TEXT, { asOf: '2026-11' }), ROLE, { asOf: bad })],
  ])('%s', (_name, run) => sameError(run));

  it.each<[string, () => Promise<unknown>]>([
    ['parseResume', () => parseResume(TEXT, { asOf: bad })],
    ['parseResume, isolated', () => parseResume(TEXT, { asOf: bad, isolate: true })],
    ['rankResumes', () => rankResumes([TEXT], 'backend-developer', { asOf: bad, isolate: false })],
    ['matcher.extract', () => createMatcher().extract(TEXT, { asOf: bad, isolate: false })],
    ['matcher.match', () => createMatcher().match(TEXT, 'backend-developer', { asOf: bad, isolate: false })],
    ['a JSON Resume', () => parseResume({ basics: { name: 'A' }, work: [] }, { asOf: bad })],
  ])('%s', async (_name, run) => {
    await expect(run()).rejects.toThrow(OptionError);
    await expect(run()).rejects.toThrow('`asOf` must be a month written YYYY-MM, got "2026-13"');
  });

  it('checks `documentDate` with it too, and its order against `asOf`', async () => {
    await expect(parseResume(TEXT, { asOf: '2026-11', documentDate: '2026-13' })).rejects.toMatchObject({
      code: 'invalid-option',
      option: 'documentDate',
    });
    await expect(parseResume(TEXT, { asOf: '2026-11', documentDate: '2027-01' })).rejects.toMatchObject({
      code: 'invalid-option',
      option: 'documentDate',
    });
    await expect(parseResume(TEXT, { asOf: '2026-11', documentDate: '2026-10' })).resolves.toMatchObject({
      documentDate: { month: '2026-10' },
    });
  });

  it('the service refuses a bad `asOf` option with the same error', async () => {
    await expect(createService({ port: 0, logger: false, asOf: bad })).rejects.toThrow(OptionError);
  });

  it('the CLI answers a bad --as-of as a usage error (exit 2) and takes a good one', async () => {
    const badRun = await runCli(['extract', '--as-of', bad, 'nothing.txt']);
    expect(badRun.code).toBe(2);
    expect(badRun.stderr).toContain('--as-of must be a month as YYYY-MM (got "2026-13")');
    const goodRun = await runCli(['extract', '--as-of', '2026-11', 'nothing.txt']);
    expect(goodRun.stderr).not.toContain('--as-of');
  });
});
