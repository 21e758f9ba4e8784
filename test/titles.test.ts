import { describe, expect, it } from 'vitest';
import { classifyTitle, experienceFacts, TITLE_ROWS } from '../src/extract/titles.js';
import type { TimelineEntry } from '../src/types.js';

describe('job titles: what kind of work each dated job was', () => {
  it.each(TITLE_ROWS.flatMap((row) => row.examples.map((example) => [example, row.function] as const)))('"%s" is %s', (title, kind) => {
    expect(classifyTitle(title)).toBe(kind);
  });

  it.each([
    ['Consultant', null],
    ['Associate', null],
    ['Project Manager', null],
    ['Intern', null],
    ['Software Test Engineer', 'testing'],
    ['QA Automation Developer', 'testing'],
    ['DevOps Developer', 'operations'],
    ['Java/J2EE Trainer', 'other'],
    ['Web Developer/Help Desk Technician', 'operations'],
    ['Senior Systems Engineer', null],
    ['SAP ABAP Consultant', 'development'],
    ['Programmer Analyst', 'development'],
  ] as const)('"%s" is %s (the first row that matches decides)', (title, kind) => {
    expect(classifyTitle(title)).toBe(kind);
  });

  it('totals months per kind, overlaps within a kind merged, untitled and unclear jobs in none', () => {
    const entry = (title: string | undefined, start: string, end: string | null): TimelineEntry => ({
      ...(title === undefined ? {} : { title }),
      start,
      end,
      span: { start: 0, end: 1 },
      dateSpan: { start: 0, end: 1 },
    });
    const facts = experienceFacts(
      [
        entry('Java Developer', '2018-01', '2020-12'),
        entry('Senior Java Developer', '2020-06', null),
        entry('QA Engineer', '2014-01', '2015-12'),
        entry('Consultant', '2016-01', '2017-12'),
        entry(undefined, '2012-01', '2012-12'),
      ],
      '2022-12',
    );
    expect(facts).toEqual({ months: 36 + 24 + 24 + 12 + 24, functionMonths: { development: 60, testing: 24, operations: 0, other: 0 }, latest: '2022-12' });
  });
});
