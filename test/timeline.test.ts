import { describe, expect, it } from 'vitest';
import { splitLines, structureDocument } from '../src/parse/structure.js';
import type { TimelineEntry } from '../src/types.js';

const asOf = '2026-11';

function timelineOf(text: string) {
  return structureDocument({ text, lines: splitLines(text), asOf });
}

/** Title, organisation and dates of each entry, for compact expectations. */
function brief(entries: TimelineEntry[]): [string | undefined, string | undefined, string, string | null][] {
  return entries.map((entry) => [entry.title, entry.organisation, entry.start, entry.end]);
}

describe('timeline layouts', () => {
  it('reads "Title, Organisation — dates" on one line', () => {
    const text =
      'Experience\nSenior Engineer, Acme Corp — Jan 2019 – Present\n• Built payment APIs in Go.\nBackend Developer, Initech — Mar 2016 – Dec 2018\n• Kept Java services alive.';
    const { timeline } = timelineOf(text);
    expect(brief(timeline)).toEqual([
      ['Senior Engineer', 'Acme Corp', '2019-01', null],
      ['Backend Developer', 'Initech', '2016-03', '2018-12'],
    ]);
    // Each entry owns its header and description up to the next entry; the date span is the range as written.
    const [first, second] = timeline as [TimelineEntry, TimelineEntry];
    expect(text.slice(first.span.start, first.span.end)).toBe(
      'Senior Engineer, Acme Corp — Jan 2019 – Present\n• Built payment APIs in Go.',
    );
    expect(text.slice(first.dateSpan.start, first.dateSpan.end)).toBe('Jan 2019 – Present');
    expect(text.slice(second.span.start, second.span.end)).toBe(
      'Backend Developer, Initech — Mar 2016 – Dec 2018\n• Kept Java services alive.',
    );
  });

  it('reads title, organisation and date lines in that order', () => {
    const text =
      'WORK EXPERIENCE\n\nSenior Engineer\nAcme Corp\nJan 2019 – Present\n• Built payment APIs.\n\nDeveloper\nInitech Ltd\n2015 – 2018\n• Maintained services.\n';
    const { timeline } = timelineOf(text);
    expect(brief(timeline)).toEqual([
      ['Senior Engineer', 'Acme Corp', '2019-01', null],
      ['Developer', 'Initech Ltd', '2015-01', '2018-12'],
    ]);
    expect(text.slice(timeline[1]?.span.start, timeline[1]?.span.end)).toBe(
      'Developer\nInitech Ltd\n2015 – 2018\n• Maintained services.',
    );
  });

  it('reads organisation, title, then dates', () => {
    const text =
      'Experience\nAcme Corp\nSenior Engineer\n03/2018 - 06/2021\n- Led the platform team.\nInitech\nDeveloper\n2015 – 2018\n- Wrote reports.';
    expect(brief(timelineOf(text).timeline)).toEqual([
      ['Senior Engineer', 'Acme Corp', '2018-03', '2021-06'],
      ['Developer', 'Initech', '2015-01', '2018-12'],
    ]);
  });

  it('reads dates first, then title and organisation', () => {
    const text =
      'Experience\nJan 2019 – Present\nSenior Engineer\nAcme Corp\n• Built APIs.\n2015 – 2018\nData Analyst\nGlobex Corporation\n• Wrote SQL.';
    expect(brief(timelineOf(text).timeline)).toEqual([
      ['Senior Engineer', 'Acme Corp', '2019-01', null],
      ['Data Analyst', 'Globex Corporation', '2015-01', '2018-12'],
    ]);
  });

  it('reads title, dates, then organisation', () => {
    const text =
      'Experience\nSenior Engineer\nJan 2019 – Present\nAcme Corp\n• Built APIs.\nDeveloper\n2015 – 2018\nInitech\n• Wrote SQL.';
    expect(brief(timelineOf(text).timeline)).toEqual([
      ['Senior Engineer', 'Acme Corp', '2019-01', null],
      ['Developer', 'Initech', '2015-01', '2018-12'],
    ]);
  });

  it('reads "Organisation | Title | dates"', () => {
    const text =
      'Professional Experience\nAcme Corp | Backend Developer | 2017-2020\nBuilt billing in Kotlin.\nGlobex | QA Engineer | 2014-2016';
    expect(brief(timelineOf(text).timeline)).toEqual([
      ['Backend Developer', 'Acme Corp', '2017-01', '2020-12'],
      ['QA Engineer', 'Globex', '2014-01', '2016-12'],
    ]);
  });

  it('reads a date at the start of the line', () => {
    const text =
      'Employment\n2017 – 2020  Backend Developer at Acme\n2012-present: Associate Professor, State University\n(2010 - 2012) Research Assistant @ Initech Labs';
    expect(brief(timelineOf(text).timeline)).toEqual([
      ['Backend Developer', 'Acme', '2017-01', '2020-12'],
      ['Associate Professor', 'State University', '2012-01', null],
      ['Research Assistant', 'Initech Labs', '2010-01', '2012-12'],
    ]);
  });

  it('reads a date on the right of a tab', () => {
    const text =
      'Work History\nSoftware Engineer, Umbrella Inc\tMar 2019 – Present\n• Go, Kafka\nIntern, Hooli\tJun 2018 – Aug 2018';
    expect(brief(timelineOf(text).timeline)).toEqual([
      ['Software Engineer', 'Umbrella Inc', '2019-03', null],
      ['Intern', 'Hooli', '2018-06', '2018-08'],
    ]);
  });

  it('keeps several titles at one organisation as separate entries with their own months', () => {
    const text =
      'Experience\nAcme Corp\nSenior Engineer, Mar 2020 – Present\n• Led the payments team.\nEngineer, Jun 2018 – Feb 2020\n• Built the ledger.\nInitech Ltd\nDeveloper, 2015 – 2018\n• Reports.';
    const { timeline } = timelineOf(text);
    expect(brief(timeline)).toEqual([
      ['Senior Engineer', 'Acme Corp', '2020-03', null],
      ['Engineer', 'Acme Corp', '2018-06', '2020-02'],
      ['Developer', 'Initech Ltd', '2015-01', '2018-12'],
    ]);
    expect(text.slice(timeline[0]?.span.start, timeline[0]?.span.end)).toBe(
      'Acme Corp\nSenior Engineer, Mar 2020 – Present\n• Led the payments team.',
    );
    expect(text.slice(timeline[1]?.span.start, timeline[1]?.span.end)).toBe(
      'Engineer, Jun 2018 – Feb 2020\n• Built the ledger.',
    );
  });

  it('carries the organisation to titles on their own lines below it', () => {
    const text =
      'Experience\nAcme Corp, Berlin\nSenior Engineer\nMar 2020 – Present\n• Led the team.\nEngineer\nJun 2018 – Feb 2020\n• Built things.';
    expect(brief(timelineOf(text).timeline)).toEqual([
      ['Senior Engineer', 'Acme Corp', '2020-03', null],
      ['Engineer', 'Acme Corp', '2018-06', '2020-02'],
    ]);
  });

  it('keeps roles that share the same years as separate entries', () => {
    const text =
      'Experience\nGlobex Corporation\nTeam Lead, 2019 – 2020\nBackend Developer, 2019 – 2020\n• Built the API.';
    const { timeline } = timelineOf(text);
    expect(brief(timeline)).toEqual([
      ['Team Lead', 'Globex Corporation', '2019-01', '2020-12'],
      ['Backend Developer', 'Globex Corporation', '2019-01', '2020-12'],
    ]);
    expect(timeline[0]?.span.end).toBeLessThanOrEqual(timeline[1]?.span.start ?? 0);
  });

  it('reads an organisation dated on its own line, with its roles below', () => {
    const text =
      'Experience\nSTRATEGIC MARKETING, INC, 1998 to 2008\nSenior Consulting Manager, 2004 to 2008\n• Ran the CRM business.\nAccount Manager, 1998 to 2004';
    expect(brief(timelineOf(text).timeline)).toEqual([
      [undefined, 'STRATEGIC MARKETING, INC', '1998-01', '2008-12'],
      ['Senior Consulting Manager', 'STRATEGIC MARKETING, INC', '2004-01', '2008-12'],
      ['Account Manager', 'STRATEGIC MARKETING, INC', '1998-01', '2004-12'],
    ]);
  });

  it('reads "Title at Organisation (dates)" and labelled lines', () => {
    const text =
      'Experience\nStaff Engineer at Stripe (Jan 2021 – Present)\nDesignation: Information Developer\nOrganization: Matrix Advertisers\nDecember 2007 - December 2008';
    expect(brief(timelineOf(text).timeline)).toEqual([
      ['Staff Engineer', 'Stripe', '2021-01', null],
      ['Information Developer', 'Matrix Advertisers', '2007-12', '2008-12'],
    ]);
  });

  it('reads a bullet that opens with its dates, and table cells joined by tabs', () => {
    const text =
      'EXPERIENCE\n• July 2020 – now:\tJava Back-End Developer, Elp Systems\n• Built REST APIs in Spring Boot.\n2017\t2020\tFullstack Developer, Cetera Labs';
    expect(brief(timelineOf(text).timeline)).toEqual([
      ['Java Back-End Developer', 'Elp Systems', '2020-07', null],
      ['Fullstack Developer', 'Cetera Labs', '2017-01', '2020-12'],
    ]);
  });

  it('never invents a title or organisation it cannot tell apart', () => {
    const text = 'Experience\nWizard, Hogwarts — 2019 – 2020\nStuff happened.';
    const [entry] = timelineOf(text).timeline;
    expect(entry).toMatchObject({ start: '2019-01', end: '2020-12' });
    expect(entry?.title).toBeUndefined();
    expect(entry?.organisation).toBeUndefined();
    // A location is not an organisation.
    const [located] = timelineOf('Experience\nSoftware Developer\nSan Mateo, CA\nJanuary 2016 to Present').timeline;
    expect(located?.title).toBe('Software Developer');
    expect(located?.organisation).toBeUndefined();
  });
});

// Markdown header lines: heading markers and emphasis are markup, never part of a title or organisation.
const MARKDOWN: [string, string, [string | undefined, string | undefined, string, string | null]][] = [
  [
    '### heading',
    '## Experience\n### Backend Engineer\nAcme Corp\nJan 2019 – Present\n',
    ['Backend Engineer', 'Acme Corp', '2019-01', null],
  ],
  [
    'bold title, "at"',
    '## Experience\n**Backend Engineer** at **Acme Inc**\n2019 – 2021\n',
    ['Backend Engineer', 'Acme Inc', '2019-01', '2021-12'],
  ],
  [
    'bold title, comma',
    '## Experience\n**Backend Engineer**, Acme Inc\n2019 – 2021\n',
    ['Backend Engineer', 'Acme Inc', '2019-01', '2021-12'],
  ],
  [
    'heading with emphasis inside',
    '## Experience\n### **Backend Engineer** — __Acme Inc__\n*2019 – 2021*\n',
    ['Backend Engineer', 'Acme Inc', '2019-01', '2021-12'],
  ],
  [
    'emphasis within a part',
    '## Experience\nSenior **Backend** Engineer | __Globex__ Ltd | 2019 – 2021\n',
    ['Senior Backend Engineer', 'Globex Ltd', '2019-01', '2021-12'],
  ],
  [
    'bold cells in a row',
    '## Experience\n**Lead Developer** | **Initech** | 2016 – 2018\n',
    ['Lead Developer', 'Initech', '2016-01', '2018-12'],
  ],
];

describe('Markdown entries', () => {
  it.each(MARKDOWN)('%s', (_name, text, expected) => {
    const { timeline } = timelineOf(text);
    expect(brief(timeline)).toEqual([expected]);
    // Spans stay on the original text, markup included.
    const entry = timeline[0] as TimelineEntry;
    expect(entry.span).toEqual({ start: text.indexOf('\n') + 1, end: text.trimEnd().length });
  });
});

describe('what is not an entry', () => {
  it('ignores years inside sentences, phone numbers and education', () => {
    const text = [
      'Jane Doe',
      'Phone: 123-345-7890 · (555) 201-2020',
      'Summary',
      'In 2019 we launched a product that grew from 2017 to 2020 in three markets, which I led.',
      'Experience',
      'Backend Developer, Acme Corp, 2016 – 2019',
      '• From 2017 to 2018 I migrated the monolith to services on Kubernetes and taught the team Go.',
      'Education',
      'BSc Computer Science, State University, 2012 – 2016',
      'Graduated 2016',
    ].join('\n');
    const { timeline } = timelineOf(text);
    expect(brief(timeline)).toEqual([['Backend Developer', 'Acme Corp', '2016-01', '2019-12']]);
  });

  it('never takes the rest of a list continued from a comma-ended line for an organisation', () => {
    const cases: [string, [string | undefined, string | undefined, string, string | null][]][] = [
      [
        'Experience\nBackend Engineer, Douro Payments\n2021-09 – Present\nBuilt with Go, PostgreSQL, MySQL,\nDocker, Kubernetes\nSoftware Engineer\n2019-03 – 2021-08\n• Shipped features in Python',
        [
          ['Backend Engineer', 'Douro Payments', '2021-09', null],
          ['Software Engineer', undefined, '2019-03', '2021-08'],
        ],
      ],
      [
        'Experience\nBackend Engineer, Douro Payments\n2021-09 – Present\nTech: Go, PostgreSQL, MySQL,\nDocker\nSoftware Engineer\n2019-03 – 2021-08',
        [
          ['Backend Engineer', 'Douro Payments', '2021-09', null],
          ['Software Engineer', undefined, '2019-03', '2021-08'],
        ],
      ],
      // One comma ends a title line; the organisation below it is still read.
      [
        'Experience\nSoftware Engineer,\nAcme Corp\n2019-03 – 2021-08\n• Shipped features in Python',
        [['Software Engineer', 'Acme Corp', '2019-03', '2021-08']],
      ],
    ];
    for (const [text, want] of cases) expect(brief(timelineOf(text).timeline), text).toEqual(want);
  });

  it('reports an experience section without dates', () => {
    const { timeline, diagnostics } = timelineOf('Experience\nSenior Engineer at Acme\nBuilt things.');
    expect(timeline).toEqual([]);
    expect(diagnostics.map((d) => d.code)).toEqual(['experience-without-dates']);
  });

  it('reads header lines from a document without headings, except education', () => {
    const text = 'Jane Doe\nSenior Engineer, Acme Corp, 2019 – 2021\nBSc, State University, 2012 – 2016';
    expect(brief(timelineOf(text).timeline)).toEqual([['Senior Engineer', 'Acme Corp', '2019-01', '2021-12']]);
  });
});

describe('dates in the timeline', () => {
  it('flags inverted and future ranges without failing', () => {
    const text = 'Experience\nEngineer, Acme Corp, 2020 – 2018\nArchitect, Globex Corporation, Jan 2026 – Dec 2028';
    const { timeline, diagnostics } = timelineOf(text);
    expect(brief(timeline)).toEqual([
      ['Engineer', 'Acme Corp', '2018-01', '2020-12'],
      ['Architect', 'Globex Corporation', '2026-01', '2028-12'],
    ]);
    expect(diagnostics.map((d) => d.code)).toEqual(['date-range-inverted', 'date-range-future']);
    expect(text.slice(diagnostics[0]?.span?.start, diagnostics[0]?.span?.end)).toBe('2020 – 2018');
  });

  it('ends a stint written "(since 1998)" inside a closed job when that job ends', () => {
    const text =
      'Experience\nSoftware Engineer, REF Computer Corporation, 06 / 1997 - 08 / 2002\nIT Consultant for Merrill Lynch, Retirement Group (since 1998)\n• Maintained the 401(k) client software.\nAnalyst, Globex Corporation, 2003 - 2004\n';
    const { timeline } = timelineOf(text);
    expect(timeline.map((e) => [e.start, e.end])).toEqual([
      ['1997-06', '2002-08'],
      ['1998-01', '2002-08'],
      ['2003-01', '2004-12'],
    ]);
    // Not when the stint starts after the job above ended, nor when it is not in parentheses.
    const after = timelineOf(
      'Experience\nEngineer, Acme Corp, 2010 - 2012\nConsultant, Initech Ltd (since 2014)\n',
    ).timeline;
    expect(after.map((e) => [e.start, e.end])).toEqual([
      ['2010-01', '2012-12'],
      ['2014-01', null],
    ]);
    const bare = timelineOf(
      'Experience\nEngineer, Acme Corp, 2010 - 2012\nConsultant, Initech Ltd, since 2011\n',
    ).timeline;
    expect(bare.map((e) => [e.start, e.end])).toEqual([
      ['2010-01', '2012-12'],
      ['2011-01', null],
    ]);
  });

  it('reads two-digit years against asOf', () => {
    const { timeline } = structureDocument({
      text: "Experience\nDeveloper, Acme Inc, Mar '98 – Aug '03",
      lines: splitLines("Experience\nDeveloper, Acme Inc, Mar '98 – Aug '03"),
      asOf: '2010-01',
    });
    expect(brief(timeline)).toEqual([['Developer', 'Acme Inc', '1998-03', '2003-08']]);
  });
});

// Experience blocks as real exports write them (issue 11, class 1): invented text in the exports' shapes.
describe('blocks real exports write', () => {
  it('reads "company - X" blocks dated inside their description, CRLF line ends and all', () => {
    const text = [
      'Company Details',
      'company - Acme Technologies',
      'description - Developed REST services in Spring Boot and Hibernate for the billing team. Jan 2017 to Present',
      'company - Beta Soft',
      'description - Built reports with Oracle and PL/SQL.',
      'Project: Payroll (June 2015 to Mar 2016); Project: Ledger (Apr 2016 to Dec 2016)',
      'company - Gamma Labs',
      'description - Maintained the intranet.',
    ].join('\r\n');
    const { timeline, diagnostics } = timelineOf(text);
    expect(brief(timeline)).toEqual([
      [undefined, 'Acme Technologies', '2017-01', null],
      // Every range in a company block dates it: its projects, taken together.
      [undefined, 'Beta Soft', '2015-06', '2016-12'],
    ]);
    const [acme, beta] = timeline as [TimelineEntry, TimelineEntry];
    expect(text.slice(acme.span.start, acme.span.end)).toBe(
      text.slice(text.indexOf('company - Acme'), text.indexOf('\r\ncompany - Beta')),
    );
    expect(text.slice(acme.dateSpan.start, acme.dateSpan.end)).toBe('Jan 2017 to Present');
    expect(text.slice(acme.organisationSpan!.start, acme.organisationSpan!.end)).toBe('Acme Technologies');
    // The undated block is not an entry, and its text is not handed to the block above.
    expect(beta.span.end).toBe(text.indexOf('\r\ncompany - Gamma'));
    expect(diagnostics).toEqual([]);
  });

  it('dates a title and employer by a range in their first lines', () => {
    const text = [
      'WORK EXPERIENCE',
      '',
      'Associate Software Engineer',
      '',
      'oracle',
      '',
      '• Associate Software Engineer in Oracle India Pvt Ltd.',
      '• Experience in Hyperion and automation scripting. (September 2017 onwards)',
      'Perform automation through python.',
      '',
      'Java Developer',
      '',
      'Acme Corp - Pune, Maharashtra',
      '',
      'January 2015 to August 2017',
      '',
      '• Built services.',
    ].join('\n');
    const { timeline } = timelineOf(text);
    expect(brief(timeline)).toEqual([
      ['Associate Software Engineer', 'oracle', '2017-09', null],
      ['Java Developer', 'Acme Corp', '2015-01', '2017-08'],
    ]);
    expect(text.slice(timeline[0]!.dateSpan.start, timeline[0]!.dateSpan.end)).toBe('September 2017 onwards');
  });

  // [name, text, entries expected]
  const NOT_DATED: [string, string, [string | undefined, string | undefined, string, string | null][]][] = [
    [
      'a header whose dates are too far below it',
      'Experience\nJava Developer\nAcme Corp\n• Built services.\n• Wrote tests.\n• Shipped.\n• Released the second version of the billing platform in 2019 - 2020 to all customers.',
      [],
    ],
    [
      'a title alone, with no employer',
      'Experience\nTeam Lead\n• Mentored four engineers and ran the weekly planning of the billing team, 2016 to 2018.',
      [],
    ],
    [
      'an education range in the first lines',
      'Experience\nJava Developer\nAcme Corp\n• B.Tech project, 2012 - 2016',
      [],
    ],
  ];
  it.each(NOT_DATED)('does not date %s', (_name, text, expected) => {
    expect(brief(timelineOf(text).timeline)).toEqual(expected);
  });

  it('dates a job known only by its length back from the document month', () => {
    const text = [
      'WORK EXPERIENCE',
      'Technical Support Engineer',
      'Microsoft',
      'Position: TECHNICAL SUPPORT ENGINEER',
      'Company: Microsoft Corporation - Global Technical Support Center, Bangalore',
      'Years of Experience: 2 Years and 4 Months',
      'Responsibilities',
      '• Resolved escalations.',
      'Support Analyst',
      'Initech Ltd',
      'Duration: 18 months',
    ].join('\n');
    const { timeline } = structureDocument({ text, lines: splitLines(text), asOf, documentDate: '2018-06' });
    expect(brief(timeline)).toEqual([
      ['TECHNICAL SUPPORT ENGINEER', 'Microsoft Corporation', '2016-03', '2018-06'],
      // The job listed below ends the month before the one above began.
      ['Support Analyst', 'Initech Ltd', '2014-09', '2016-02'],
    ]);
    expect(timeline.map((entry) => entry.estimated)).toEqual([true, true]);
    expect(text.slice(timeline[0]!.dateSpan.start, timeline[0]!.dateSpan.end)).toBe('2 Years and 4 Months');
    // Without a document date, asOf stands in.
    expect(timelineOf(text).timeline[0]).toMatchObject({ start: '2024-08', end: '2026-11', estimated: true });
  });

  // Lengths that do not date a job: inside a dated job, claimed per skill, unbounded, in a sentence.
  const NO_LENGTH: [string, string, number][] = [
    [
      'a restatement inside a dated job',
      'Experience\nSupport Engineer\nMicrosoft\nJuly 2013 to October 2015\nCompany: Microsoft Corporation\nYears of Experience: 2 Years and 4 Months',
      1,
    ],
    [
      'per-skill claims in a skills list',
      'Skill Details\nJAVA- Exprience - 18 months\nMySQL- Exprience - Less than 1 year months',
      0,
    ],
    ['an open-ended length', 'Experience\nJava Developer\nAcme Corp\nExperience: Less than 1 year', 0],
    ['a length in a sentence', 'Experience\nJava Developer\nAcme Corp\n• Cut latency by 30% over 18 months.', 0],
  ];
  it.each(NO_LENGTH)('reads no job length from %s', (_name, text, entries) => {
    const { timeline } = timelineOf(text);
    expect(timeline).toHaveLength(entries);
    expect(timeline.some((entry) => entry.estimated)).toBe(false);
  });
});

// Dated lines that are not jobs (issue 11, class 3), in an experience section where the parser trusts dates most.
const NOT_JOBS: [string, string][] = [
  ['an education range', 'August 2013 to July 2016 BE Computer Engineering'],
  ['a degree range first', '2010-2014 B.Tech, Pune University'],
  ['school years', 'HSC, 2008 - 2010'],
  ['a degree in words', 'Bachelor of Science, 2009 – 2013'],
  ['certificate validity', 'Oracle Certified Professional, valid 2019 - 2022'],
  ['a version list', 'SQL Server 2005/2008/2016'],
  ['two versions', 'Windows 2000/2003'],
];
describe('what is not a job', () => {
  it.each(NOT_JOBS)('%s', (_name, line) => {
    expect(timelineOf(`Experience\n${line}\n• Worked on things.`).timeline).toEqual([]);
  });

  it.each([
    ['a teaching post at a university', 'Teaching Assistant, State University, 2015 – 2017', 'Teaching Assistant'],
    ['a principal of a school', 'Principal, Springfield High School, 1995 to present', 'Principal'],
    ['a graduate assistant', 'Graduate Assistant, MBA Programme, Aug 2011 – Dec 2011', 'Graduate Assistant'],
  ])('keeps %s', (_name, line, title) => {
    expect(timelineOf(`Experience\n${line}`).timeline.map((entry) => entry.title)).toEqual([title]);
  });
});

describe('title and organisation spans', () => {
  it.each([
    'Experience\nSenior **Backend** Engineer | __Globex__ Ltd | 2019 – 2021',
    'Experience\nStaff Engineer at Stripe (Jan 2021 – Present)',
    'Experience\nDesignation: Information Developer\nOrganization: Matrix Advertisers\nDecember 2007 - December 2008',
    'Experience\nAcme Corp\nSenior Engineer, Mar 2020 – Present\n• Led the payments team.\nEngineer, Jun 2018 – Feb 2020',
  ])('point at the written title and organisation: %j', (text) => {
    const { timeline } = timelineOf(text);
    expect(timeline.length).toBeGreaterThan(0);
    for (const entry of timeline) {
      expect(entry.titleSpan).toBeDefined();
      expect(entry.organisationSpan).toBeDefined();
      // Markup inside a part is not the part's text; its span then covers the part as written.
      const written = (span: { start: number; end: number }) =>
        text.slice(span.start, span.end).replace(/\*\*|__/g, '');
      expect(written(entry.titleSpan!)).toBe(entry.title);
      expect(written(entry.organisationSpan!)).toBe(entry.organisation);
    }
  });
});

describe('roles told as sentences', () => {
  it.each([
    [
      '1. Working as a Java Developer in Acme Infotech, Pune since March 2016.',
      ['Java Developer', 'Acme Infotech', '2016-03', null],
    ],
    ['• Worked as Trainee at Beta Soft from Jan 2015 to Feb 2016', ['Trainee', 'Beta Soft', '2015-01', '2016-02']],
    [
      'Worked as a Lecturer in the Department of Computing at Manipal Institute, from 2003 to 2007',
      ['Lecturer', 'Manipal Institute', '2003-01', '2007-12'],
    ],
  ])('%s', (line, expected) => {
    expect(brief(timelineOf(`Employment Record\n${line}`).timeline)).toEqual([expected]);
  });

  it('keeps a sentence without an employer untitled rather than guessing', () => {
    const [entry] = timelineOf('Experience\nWorked as a consultant from 2015 to 2017').timeline;
    expect(entry).toMatchObject({ start: '2015-01', end: '2017-12' });
    expect(entry?.organisation).toBeUndefined();
  });
});

// A region is read for headers only when something in it can date an entry: a range, or a written length.
describe('regions without a range or a written length', () => {
  const rows: [string, string, [string | undefined, string | undefined, string, string | null][]][] = [
    [
      'a job dated by its length alone',
      'Experience\nJava Developer\nAcme Corp\nDuration: 18 months',
      [['Java Developer', 'Acme Corp', '2025-06', '2026-11']],
    ],
    [
      'a length written in words',
      'Experience\nJava Developer\nAcme Corp\nWorked for two years',
      [['Java Developer', 'Acme Corp', '2024-12', '2026-11']],
    ],
    ['a job with neither', 'Experience\nJava Developer\nAcme Corp\nBuilt payment services', []],
    ['a table of skills and years', `Experience\n${'Skill | Years\nJava | 5\n'.repeat(50)}`, []],
    ['company blocks without dates', 'Experience\ncompany - Acme Ltd\ndescription - Built REST services', []],
  ];
  // Each row alone, and followed by twenty lines of description: a region of many units is checked for a range or a
  // length before its units are read as headers, a region of a few is read at once.
  const description = '\n• Built payment services in Go and kept them running'.repeat(20);
  it.each(
    rows.flatMap(([name, text, expected]) => [
      [name, text, expected] as const,
      [`${name}, then twenty description lines`, text + description, expected] as const,
    ]),
  )('%s', (_name, text, expected) => {
    const { timeline, diagnostics } = timelineOf(text);
    expect(brief(timeline)).toEqual(expected);
    expect(diagnostics.some((d) => d.code === 'experience-without-dates')).toBe(expected.length === 0);
  });
});
