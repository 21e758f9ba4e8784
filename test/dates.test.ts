import { describe, expect, it } from 'vitest';
import { findDateRanges, parseDateRange } from '../src/parse/dates.js';

const asOf = '2026-11';

// [written, start, end] — end `null` means present.
const RANGES: [string, string, string | null][] = [
  ['Jan 2019 – Present', '2019-01', null],
  ['January 2019 - Current', '2019-01', null],
  ['2017-2020', '2017-01', '2020-12'],
  ['03/2018 - 06/2021', '2018-03', '2021-06'],
  ['2018.03 – 2021.06', '2018-03', '2021-06'],
  ["Mar '19 – Aug '21", '2019-03', '2021-08'],
  ['Mar ’19 – Aug ’21', '2019-03', '2021-08'],
  ['2019 to date', '2019-01', null],
  ['Since 2020', '2020-01', null],
  ['since March 2021', '2021-03', null],
  ['Summer 2018 – Fall 2019', '2018-06', '2019-09'],
  ['Spring 2017 - Autumn 2017', '2017-03', '2017-09'],
  ['Winter 2016 – Winter 2017', '2016-01', '2017-12'],
  ['2015 – 2016', '2015-01', '2016-12'],
  ['2015 — 2016', '2015-01', '2016-12'],
  ['2015 till now', '2015-01', null],
  ['Sept. 2015 - Feb. 2017', '2015-09', '2017-02'],
  ['2015 – now', '2015-01', null],
  ['Oct 2020 — ongoing', '2020-10', null],
  ['from 2016 to 2019', '2016-01', '2019-12'],
  ['05.2014 – 09.2016', '2014-05', '2016-09'],
  ['2019/03 - 2020/11', '2019-03', '2020-11'],
  ['Dec 2018 - Jan 2019', '2018-12', '2019-01'],
  ['Jun 2010 – Present', '2010-06', null],
  ['(2012 - 2014)', '2012-01', '2014-12'],
  ['2014 — Today', '2014-01', null],
  ['Q1 2019 – Q3 2020', '2019-01', '2020-09'],
  ['February 2016 to Present', '2016-02', null],
  ['June 2015 to November 2015', '2015-06', '2015-11'],
  ['September 2017 onwards', '2017-09', null],
  ['03/19 - 05/21', '2019-03', '2021-05'],
  ['1979-92', '1979-01', '1992-12'],
  ['1999–01', '1999-01', '2001-12'],
  ['2010-11', '2010-01', '2011-12'],
  ['2019-03 – 2020-11', '2019-03', '2020-11'],
  ['2019/20', '2019-01', '2020-12'],
  ['Jan – Mar 2019', '2019-01', '2019-03'],
  ['Nov – Feb 2020', '2019-11', '2020-02'],
  ['Mar 2011  Present', '2011-03', null],
  ['15 March 2019 – 20 April 2020', '2019-03', '2020-04'],
  ['March 15, 2019 - Apr 1, 2020', '2019-03', '2020-04'],
  ['2019-03-15 – 2020-01-31', '2019-03', '2020-01'],
  ['03/15/2019 - 01/31/2020', '2019-03', '2020-01'],
  ['15.03.2019 – 31.01.2020', '2019-03', '2020-01'],
  ['2012-present:', '2012-01', null],
  ['Jan-2018 to Dec-2019', '2018-01', '2019-12'],
  ['2006- present', '2006-01', null],
  ['Aug 2013 — present', '2013-08', null],
  ['5/2005-9/2008', '2005-05', '2008-09'],
  ['January 2011 till date', '2011-01', null],
  ['Mai 2018 – Dezember 2020', '2018-05', '2020-12'],
  ['janvier 2017 – juin 2019', '2017-01', '2019-06'],
  ['2017 – heute', '2017-01', null],
  ['Jul 2015 – Jul 2015', '2015-07', '2015-07'],
  ['Oct 2006- June 2008', '2006-10', '2008-06'],
  ['2020\tPresent', '2020-01', null],
  ['2017\t2019', '2017-01', '2019-12'],
  ['20192021', '2019-01', '2021-12'],
  // Forms real exports write (issue 11, class 2).
  ["Sept' 2016 to till date", '2016-09', null],
  ["Sept'2016 - Present", '2016-09', null],
  ['From 1st feb 2019', '2019-02', null],
  ['From 1 June 2016 To Till Date.', '2016-06', null],
  ["Jun'19 – present", '2019-06', null],
  ['2017 - till now', '2017-01', null],
  ['since March 2016', '2016-03', null],
  ['DURATION: 2 years (2016-2018)', '2016-01', '2018-12'],
  ['Jan 2015 to Dec 2016 (2 yrs)', '2015-01', '2016-12'],
  ['Mar 2014 - Current', '2014-03', null],
  ['04/2015 – 06/2017', '2015-04', '2017-06'],
  ['2015.03 – 2017.06', '2015-03', '2017-06'],
  ['15-Jun-2016 to 20-Mar-2018', '2016-06', '2018-03'],
  ['from Feb-2019 to till date', '2019-02', null],
  ['July 2014 – till today', '2014-07', null],
  ['Dec 2016 to Till Date', '2016-12', null],
  // A dash lost in a line that lost its breaks: two dates a wide gap apart, read forwards.
  ['2009  2015  Assistant Professor', '2009-01', '2015-12'],
  ['1989  1995:', '1989-01', '1995-12'],
  ['Session 2016/2017', '2016-01', '2017-12'],
  // Month and year around a slash padded with single spaces, as some exports write them.
  ['06 / 1997 - 08 / 2002', '1997-06', '2002-08'],
  ['04 / 1995 - 04 / 1997  Student Assistant', '1995-04', '1997-04'],
];

describe('parseDateRange', () => {
  it.each(RANGES)('%s → %s .. %s', (written, start, end) => {
    const range = parseDateRange(written, { asOf });
    expect(range).not.toBeNull();
    expect({ start: range?.start, end: range?.end }).toEqual({ start, end });
  });

  it('covers the whole written range with its span', () => {
    const line = 'Senior Engineer, Acme — Jan 2019 – Present';
    expect(parseDateRange(line, { asOf })?.span).toEqual({ start: line.indexOf('Jan'), end: line.length });
    expect(parseDateRange('(2012 - 2014)', { asOf })?.span).toEqual({ start: 1, end: 12 });
    expect(parseDateRange('from 2016 to 2019', { asOf })?.span).toEqual({ start: 0, end: 17 });
  });

  // Single dates, phone numbers and numbers that are not dates are not ranges.
  it.each([
    'June 2019',
    '2019',
    'in 2019 we launched the product',
    'Graduated 2015',
    '123-345-7890',
    '(123)345-7890',
    '+1 555-201-2020',
    '2123-456789',
    '77-332-55',
    'Version 2.0 - 3.1',
    'Windows 10 - 11',
    '2019-03',
    'Scored 95% - 98% in 2019',
    'Room 12 - 14',
    'May I help',
    '1996, 1997, 1998, 1999',
    '2008 -',
    'Mar 2011 2012',
    '20190315',
    '20212019',
    '2017 2019',
    // Versions written as years, validity, years a wide gap apart that are a list or go backwards (class 3).
    // A padded slash is a date only between a month number and a four-digit year, single spaces apart.
    '13 / 2015 - 14 / 2016',
    '06  /  1997 - 08  /  2002',
    '1 / 2 - 3 / 4',
    'SQL Server 2005/2008/2016',
    'Windows 2000/2003',
    'Visual Studio 2010/2012',
    'MS Office 2007/2010 and Exchange 2010/2013',
    'Valid till 2021',
    '2016  2015  2014',
    '2015  2009',
    '2014  2014',
    'Awards 2011  2013  2014',
  ])('%s → no range', (written) => {
    expect(parseDateRange(written, { asOf })).toBeNull();
  });
});

describe('two-digit years', () => {
  it('reads them in the century window around asOf', () => {
    expect(parseDateRange("Mar '98 – Aug '03", { asOf })).toMatchObject({ start: '1998-03', end: '2003-08' });
    expect(parseDateRange('03/19 - 05/21', { asOf: '2030-01' })).toMatchObject({ start: '2019-03', end: '2021-05' });
    expect(parseDateRange("Jan '31 – Feb '32", { asOf })).toMatchObject({ start: '2031-01', end: '2032-02' });
    expect(parseDateRange("Jan '31 – Feb '32", { asOf: '2020-01' })).toBeNull();
  });
});

describe('inverted and future ranges', () => {
  it('swaps an inverted range, keeps it, and warns', () => {
    const [range] = findDateRanges('Engineer 2020 - 2018', { asOf });
    expect(range).toMatchObject({ start: '2018-01', end: '2020-12' });
    expect(range?.diagnostics?.map((d) => d.code)).toEqual(['date-range-inverted']);
    expect(range?.diagnostics?.[0]?.span).toEqual(range?.span);
  });

  it('keeps a range reaching past asOf as written, and warns', () => {
    const [range] = findDateRanges('Jan 2025 – Jun 2027', { asOf });
    expect(range).toMatchObject({ start: '2025-01', end: '2027-06' });
    expect(range?.diagnostics?.map((d) => d.code)).toEqual(['date-range-future']);
    expect(findDateRanges('Since 2028', { asOf })[0]?.diagnostics?.map((d) => d.code)).toEqual(['date-range-future']);
  });

  it('does not call a year-only end in the current year future', () => {
    expect(findDateRanges('2024 - 2026', { asOf })[0]?.diagnostics).toBeUndefined();
    expect(findDateRanges('2024 - 2027', { asOf })[0]?.diagnostics?.map((d) => d.code)).toEqual(['date-range-future']);
    expect(findDateRanges('Jan 2019 – Present', { asOf })[0]?.diagnostics).toBeUndefined();
  });
});

describe('findDateRanges', () => {
  it('finds every range in order, with offsets', () => {
    const text = 'Acme, Jan 2019 – Present; Initech 2015-2018 (Partner 1979-92)';
    const ranges = findDateRanges(text, { asOf, offset: 100 });
    expect(ranges.map((r) => [r.start, r.end])).toEqual([
      ['2019-01', null],
      ['2015-01', '2018-12'],
      ['1979-01', '1992-12'],
    ]);
    for (const range of ranges)
      expect(text.slice(range.span.start - 100, range.span.end - 100)).toMatch(/^(Jan|2015|1979)/);
  });

  it('does not cross a line break', () => {
    expect(findDateRanges('Jan 2019\nPresent tense', { asOf })).toEqual([]);
  });

  it('is deterministic', () => {
    const text = 'Mar 2011 – Present, 2005-2009, Summer 2001 – Fall 2002';
    expect(JSON.stringify(findDateRanges(text, { asOf }))).toBe(JSON.stringify(findDateRanges(text, { asOf })));
  });

  it('rejects a malformed asOf naming the option', () => {
    expect(() => findDateRanges('2019 - 2020', { asOf: '2019-13' })).toThrow(RangeError);
    expect(() => parseDateRange('2019 - 2020', { asOf: 'March' })).toThrow(/`asOf`/);
    expect(() => findDateRanges(42 as unknown as string)).toThrow(TypeError);
  });

  it('defaults asOf to the current month', () => {
    const now = new Date();
    const next = `${now.getUTCFullYear() + 1}-01`;
    expect(findDateRanges(`2020 - ${next.slice(0, 4)}`)[0]?.diagnostics?.map((d) => d.code)).toEqual([
      'date-range-future',
    ]);
  });

  // Every range holds a number that could be a year: text of single digits or of other numbers is not read
  // token by token, and gives what reading it did (nothing), while the shortest years still count.
  it.each([
    ['Jan 5 - Present', 0],
    ['since 3/5', 0],
    ['1/5 - 3/7', 0],
    ['Q1 - Q3', 0],
    ['Java (3 years), 5+ years, 6 months', 0],
    ["Jan '19 - Present", 1],
    ['1/19 - 3/20', 1],
    ['20192021', 1],
    ['8051 – 8086, 123456 - 654321', 0],
    ['2019-03 - 2020-11', 1],
    ['03.2019 to 11.2020', 1],
    ['1999–2003', 1],
  ])('finds in %j %i range(s)', (text, count) => {
    expect(findDateRanges(text, { asOf })).toHaveLength(count);
  });

  // Correctness, not speed: a megabyte of date-like characters must come back at all (no catastrophic backtracking).
  it('reads a 1 MB hostile line of digits, dashes, slashes, dots and spaces', () => {
    const pieces = ['2019', '-', '/', '.', ' ', '12', '1', '2020', '–', "'", '05', '/'];
    let line = '';
    let i = 0;
    while (line.length < 1_000_000) {
      line += pieces[(i * 7 + (i >> 3)) % pieces.length];
      i++;
    }
    const ranges = findDateRanges(line, { asOf });
    expect(Array.isArray(ranges)).toBe(true);
    for (const range of ranges.slice(0, 50)) expect(range.start).toMatch(/^\d{4}-\d{2}$/);
    const digits = '1'.repeat(1_000_000);
    expect(findDateRanges(digits, { asOf })).toEqual([]);
    const dashes = '2019-'.repeat(200_000);
    expect(Array.isArray(findDateRanges(dashes, { asOf }))).toBe(true);
  });
});
