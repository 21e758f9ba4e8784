import { describe, expect, it } from 'vitest';
import {
  classifyDuties,
  classifyTitle,
  DUTY_ROWS,
  entryFunction,
  experienceFacts,
  TITLE_ROWS,
} from '../src/extract/titles.js';
import type { TimelineEntry } from '../src/types.js';

describe('job titles: what kind of work each dated job was', () => {
  it.each(TITLE_ROWS.flatMap((row) => row.examples.map((example) => [example, row.function] as const)))(
    '"%s" is %s',
    (title, kind) => {
      expect(classifyTitle(title)).toBe(kind);
    },
  );

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
    expect(facts).toEqual({
      months: 36 + 24 + 24 + 12 + 24,
      functionMonths: { development: 60, testing: 24, operations: 0, other: 0 },
      latest: '2022-12',
    });
  });
});

describe('duties: what a job under a generic title was', () => {
  it.each(DUTY_ROWS.flatMap((row) => row.examples.map((example) => [example, row.function] as const)))(
    '"%s" names %s',
    (line, kind) => {
      expect(DUTY_ROWS.filter((row) => row.pattern.test(line.toLowerCase())).map((row) => row.function)).toContain(
        kind,
      );
    },
  );

  const OPS = [
    '• Deployed and monitored scalable infrastructure on AWS',
    '• Used Jenkins to implement continuous integration',
    '• Wrote Ansible playbooks to provision servers',
    '• Troubleshooted incidents on call',
  ].join('\n');
  const QA = [
    '• Wrote and executed test cases for the billing module',
    '• Automated regression testing with Selenium',
    '• Logged defects in JIRA',
    '• Prepared test plans',
  ].join('\n');
  const DEV = [
    '• Developed REST APIs in Java with Spring',
    '• Implemented the order module',
    '• Deployed the services to Tomcat',
    '• Wrote unit tests with JUnit',
  ].join('\n');

  it.each([
    [OPS, 'operations'],
    [QA, 'testing'],
    [DEV, 'development'],
    // Too few duty lines, or no kind clearly ahead: the duties say nothing.
    ['• Deployed the application\n• Monitored it', null],
    [`${DEV}\n• Performed load testing of the APIs\n• Logged defects`, null],
    ['• Managed a team of five\n• Met clients weekly', null],
  ] as const)('%#: the duties name %s', (body, kind) => {
    expect(classifyDuties(body)).toBe(kind);
  });

  const entryOf = (title: string | undefined, body: string): [TimelineEntry, string] => {
    const text = `${title ?? ''}\n${body}`;
    return [
      {
        ...(title === undefined ? {} : { title }),
        start: '2015-01',
        end: '2017-12',
        span: { start: 0, end: text.length },
        dateSpan: { start: 0, end: 1 },
      },
      text,
    ];
  };
  it.each([
    ['Software Engineer', OPS, 'operations'],
    ['Lead Engineer', QA, 'testing'],
    ['Consultant', DEV, 'development'],
    [undefined, OPS, 'operations'],
    // A title that names the work keeps it, whatever the duties.
    ['Java Developer', OPS, 'development'],
    ['QA Engineer', DEV, 'testing'],
    ['DevOps Engineer', QA, 'operations'],
    // A generic title with duties that say nothing keeps what the title says.
    ['Software Engineer', '• Managed a team of five', 'development'],
    ['Consultant', '• Managed a team of five', null],
  ] as const)('%s with %#: %s', (title, body, kind) => {
    const [entry, text] = entryOf(title, body);
    expect(entryFunction(entry, text)).toBe(kind);
  });
});
