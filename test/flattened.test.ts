// Flattened text: exports that turned every line break into a run of spaces (issue 11, parse part, follow-up). All
// text is invented in the shapes those exports take; real files are read in the last block.
import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  findLeadingHeading,
  flattenedKind,
  isBlankCode,
  isGapAt,
  readFlattened,
  splitFlattenedLine,
} from '../src/parse/flattened.js';
import { parseResume } from '../src/parse/index.js';
import { splitLines, structureDocument } from '../src/parse/structure.js';
import type { TextUnit } from '../src/parse/timeline.js';
import type { TimelineEntry } from '../src/types.js';
import { readDotinText } from './helpers/dotin.js';

const asOf = '2026-11';
const structure = (text: string) => structureDocument({ text, lines: splitLines(text), asOf });
const brief = (entries: TimelineEntry[]) => entries.map((e) => [e.title, e.organisation, e.start, e.end]);
/** A contact line and a summary that make any text after them one long flattened line. */
const TOP =
  'John Smith  Web Developer  john.smith@example.com  +44 20 7946 0000    SUMMARY  Developer who builds web applications and services for retail and finance clients.    ';

/** The units a flattened line is read as. */
function cells(line: string): string[] {
  const units: TextUnit[] = [];
  splitFlattenedLine(line, { start: 0, end: line.length }, 0, units);
  expect(units.every((unit) => unit.flat === true)).toBe(true);
  return units.map((unit) => line.slice(unit.start, unit.end));
}

describe('which lines are flattened', () => {
  it.each([
    ['a long line whose breaks became runs of spaces', `${TOP}EXPERIENCE  Acme Corp  2015 - 2016`, 'spaces'],
    [
      'a long row of table cells joined by tabs',
      `${'Skills\tJava, Go and SQL for backend services\t'.repeat(6)}`,
      'cells',
    ],
    ['a long line of prose with single spaces', 'word '.repeat(60), null],
    ['a short line with wide gaps', 'Acme  Leeds  2015  2016  Developer', null],
  ])('%s', (_, line, kind) => {
    expect(flattenedKind(line, { start: 0, end: line.length })).toBe(kind);
  });
});

// The cells of a flattened line are found by searching for the next gap; a test of every character (isGapAt) is the
// reference: a tab, or a blank with another blank (or a tab) after it.
function referencePieces(text: string): { start: number; end: number; gap: number }[] {
  const pieces: { start: number; end: number; gap: number }[] = [];
  let from = 0;
  let gap = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && !isGapAt(text, i)) continue;
    let start = from;
    let end = i;
    while (start < end && isBlankCode(text.charCodeAt(start))) start++;
    while (end > start && isBlankCode(text.charCodeAt(end - 1))) end--;
    if (end > start) pieces.push({ start, end, gap });
    if (i === text.length) break;
    let j = i;
    while (j < text.length && isBlankCode(text.charCodeAt(j))) j++;
    gap = j - i;
    from = j;
    i = j - 1;
  }
  return pieces;
}

describe('the gaps between the cells of a flattened line', () => {
  const cells = ['Acme Corp', 'Senior Engineer', 'Jan 2019 - Present', 'Java, Go', 'Leeds'];
  it.each([
    ['two spaces', '  '],
    ['a tab', '\t'],
    ['a space and a tab', ' \t'],
    ['a no-break space and a space', '\u00a0 '],
    ['two en quads', '\u2000\u2000'],
    ['an ideographic space and a byte-order mark', '\u3000\ufeff'],
    ['a narrow no-break space and a zero-width space', '\u202f\u200b'],
    ['four spaces', '    '],
    ['one space (no gap)', ' '],
    ['one no-break space (no gap)', '\u00a0'],
  ])('%s', (_, blank) => {
    const text = `${cells.join(blank)}${blank}`.repeat(8).trim();
    const read = readFlattened(text, { start: 0, end: text.length });
    expect(read.pieces).toEqual(referencePieces(text));
  });
});

describe('the units of a flattened line', () => {
  it.each([
    [
      'a sentence wrapped in lower case',
      'A highly resourceful and competent PHP developer with extensive  experience in the layout and design of websites.  Possessing considerable knowledge',
      [
        'A highly resourceful and competent PHP developer with extensive  experience in the layout and design of websites.',
        'Possessing considerable knowledge',
      ],
    ],
    [
      'a line that stops on a joiner',
      'Web developing /  programming  PHP MVC Frameworks',
      ['Web developing /  programming', 'PHP MVC Frameworks'],
    ],
    [
      'a range written over two lines',
      'Working as a Software Engineer in Acme Software Pvt Ltd, Bangalore from May 2007  to June 2009',
      ['Working as a Software Engineer in Acme Software Pvt Ltd, Bangalore from May 2007  to June 2009'],
    ],
    [
      'a range whose dash was lost',
      'Disney Interactive Media Group January 2008  Present  Sr. Web Developer',
      ['Disney Interactive Media Group January 2008  Present', 'Sr. Web Developer'],
    ],
    [
      'a sentence wrapped onto a capitalised name with dates',
      'Maintained the Java billing platform and migrated the  Payments Team from 2016 to 2018 onto Kubernetes.',
      ['Maintained the Java billing platform and migrated the  Payments Team from 2016 to 2018 onto Kubernetes.'],
    ],
  ])('joins %s', (_, line, expected) => {
    expect(cells(line)).toEqual(expected);
  });

  it.each([
    [
      'a blank line (four spaces)',
      'Built the settlement service in Go and PostgreSQL for card payments    across Europe',
      ['Built the settlement service in Go and PostgreSQL for card payments', 'across Europe'],
    ],
    [
      'a short lower-case cell (an employer written so)',
      'Associate Software Engineer  oracle  Bangalore',
      ['Associate Software Engineer', 'oracle', 'Bangalore'],
    ],
    [
      'a heading',
      'Looking for a suitable developer position with an ambitious company  experience  Acme Corp',
      ['Looking for a suitable developer position with an ambitious company', 'experience', 'Acme Corp'],
    ],
    [
      'a list item',
      'Maintained the billing platform and its Oracle database for five years  • upgraded it',
      ['Maintained the billing platform and its Oracle database for five years', '• upgraded it'],
    ],
    [
      'a dated header and the sentence after it',
      '2006 TO 2012: SELF-EMPLOYED LEGAL PRACTITIONER principally  working in native title',
      ['2006 TO 2012: SELF-EMPLOYED LEGAL PRACTITIONER principally', 'working in native title'],
    ],
    [
      'a role told with its dates after a sentence',
      'Presently I am associated with Acme Technologies India as a Software programmer  since July 2009 to date.',
      ['Presently I am associated with Acme Technologies India as a Software programmer', 'since July 2009 to date.'],
    ],
    [
      'a state code (not the word "in")',
      'Promega Corporation, Indianapolis, IN  Web Developer (2008 - Present)',
      ['Promega Corporation, Indianapolis, IN', 'Web Developer (2008 - Present)'],
    ],
  ])('keeps apart %s', (_, line, expected) => {
    expect(cells(line)).toEqual(expected);
  });

  it('splits an experience heading glued to the cell after it, after a blank line', () => {
    expect(
      cells('Mathematics: Linear Algebra    Experience Disney Interactive Media Group January 2008  Present'),
    ).toEqual(['Mathematics: Linear Algebra', 'Experience', 'Disney Interactive Media Group January 2008  Present']);
    // Inside a paragraph the same words are a cell's own.
    expect(cells('Mathematics: Linear Algebra  Experience Disney Interactive Media Group')).toEqual([
      'Mathematics: Linear Algebra',
      'Experience Disney Interactive Media Group',
    ]);
  });
});

describe('findLeadingHeading', () => {
  it.each([
    ['Experience Disney Interactive Media Group January 2008', 11],
    ['Work Experience Carnegie Mellon University', 16],
    ['EMPLOYMENT HISTORY Acme Corp, Leeds', 19],
    ['Internship Experience June 2013 to Present AbleTech Solutions', 22],
  ])('%s → %i', (value, at) => {
    expect(findLeadingHeading(value)).toBe(at);
  });

  it.each([
    ['a sentence', 'Experience with Java, Spring and PostgreSQL in banking'],
    ['a whole heading', 'WORK EXPERIENCE'],
    ['an upper-case heading that goes on', 'PROFESSIONAL TRAINEESHIP'],
    ['a heading underlined with characters', 'PROFESSIONAL EXPERIENCE______________'],
    ['a longer heading', 'Professional Experience Summary'],
    ['one word after it (a heading of its own)', 'Employment Law'],
    ['a job title', 'Education Coordinator, January 2004'],
    ['a heading of another kind', 'Education University of Leeds'],
    ['a weak heading word', 'Professional Organizations and Memberships'],
    ['a label', 'Experience Summary: 8 years'],
  ])('not %s', (_, value) => {
    expect(findLeadingHeading(value)).toBe(-1);
  });
});

const RESUME = [
  'Jane Doe  Senior Backend Engineer  jane.doe@example.com',
  'PROFESSIONAL SUMMARY  Backend engineer with eight years of building payment systems in Java and Go, with extensive  experience in distributed systems and the design of  public APIs for banks.',
  'TECHNICAL SKILLS  Java (2012 - 2018), Go, PostgreSQL  Kafka (2016 - 2019), Kubernetes',
  'WORK EXPERIENCE  Northwind Payments Ltd  Leeds  SENIOR BACKEND ENGINEER  March 2019 - Present  Built the settlement service in Go and  PostgreSQL for card payments across Europe.',
  'Software Engineer, 6/15 to 2/19  Contoso Systems, Manchester, UK  Maintained the Java billing platform and migrated the  Payments Team from 2016 to 2018 onto Kubernetes clusters.',
  'Key Projects Undertaken  Ledger migration  Moved the ledger to Kafka.',
  'Education  MSc Computing  University of Leeds  September 2014  September 2015  BSc Computer Science  University of Leeds  2011  2014',
].join('    ');

describe('a flattened résumé', () => {
  const { sections, timeline } = structure(RESUME);

  it('starts its sections at headings inside the line', () => {
    const headed = sections.filter((s) => s.headingSpan !== null);
    expect(headed.map((s) => [s.kind, s.heading])).toEqual([
      ['summary', 'PROFESSIONAL SUMMARY'],
      ['skills', 'TECHNICAL SKILLS'],
      ['experience', 'WORK EXPERIENCE'],
      ['projects', 'Key Projects Undertaken'],
      ['education', 'Education'],
    ]);
    for (const section of headed) expect(section.headingSpan!.start).toBe(RESUME.indexOf(section.heading));
    for (const section of headed) expect(section.span.start).toBe(section.headingSpan!.start);
  });

  it('reads its job headers, whichever order they are in, and nothing else', () => {
    expect(brief(timeline)).toEqual([
      ['SENIOR BACKEND ENGINEER', 'Northwind Payments Ltd', '2019-03', null],
      ['Software Engineer', 'Contoso Systems', '2015-06', '2019-02'],
    ]);
    const [first, second] = timeline as [TimelineEntry, TimelineEntry];
    expect(RESUME.slice(first.titleSpan!.start, first.titleSpan!.end)).toBe('SENIOR BACKEND ENGINEER');
    expect(RESUME.slice(first.organisationSpan!.start, first.organisationSpan!.end)).toBe('Northwind Payments Ltd');
    expect(RESUME.slice(second.organisationSpan!.start, second.organisationSpan!.end)).toBe('Contoso Systems');
    // Each job owns its text up to the next one; the wrapped sentence with dates in it stays in its job.
    expect(RESUME.slice(first.span.start, first.span.end)).toMatch(
      /^Northwind Payments Ltd {2}Leeds.*across Europe\.$/,
    );
    expect(second.span.start).toBe(RESUME.indexOf('Software Engineer, 6/15'));
    expect(second.span.end).toBeGreaterThan(RESUME.indexOf('onto Kubernetes clusters'));
  });
});

describe('job headers in flattened text', () => {
  it.each([
    [
      'organisation, place, dates, then the title with a colon',
      'EXPERIENCE  PricewaterhouseCoopers  Denver, Colorado  2003-Present  Project Manager:  •  Led the rollout of a CRM platform for insurance clients.    Montessori Childrens Center  Denver, Colorado  1999-2003  Executive Director:  •  Managed the staff and the budget of the school.',
      [
        ['Project Manager', 'PricewaterhouseCoopers', '2003-01', null],
        ['Executive Director', 'Montessori Childrens Center', '1999-01', '2003-12'],
      ],
    ],
    [
      'dates, organisation and title, each ending in a full stop',
      'EXPERIENCE  December 2011 to July 2012  Trailer Park, Hollywood, California.  Freelance Android Developer.  Created several apps on phone and TV platforms for studios.  January 2007 to October 2011  Flash Factory, Burbank, California.  Lead Developer.  Led development of Flex, Flash and PHP applications.',
      [
        ['Freelance Android Developer', 'Trailer Park', '2011-12', '2012-07'],
        ['Lead Developer', 'Flash Factory', '2007-01', '2011-10'],
      ],
    ],
    [
      'organisation, dates, then a title with a remark in brackets',
      'EXPERIENCE    Walter Johnson High School, Baltimore County Public Schools, MD    2005-2008    Special Education Teacher (School Community Based Program)  Adapted the biology curriculum for the students of the programme.',
      [
        [
          'Special Education Teacher (School Community Based Program)',
          'Walter Johnson High School',
          '2005-01',
          '2008-12',
        ],
      ],
    ],
    [
      'dates, then "Title: Employer"',
      'EMPLOYMENT    2009-2011    Teacher Assistant and Integration Aide: Smithville Primary School  Supported a group of four children in class every day.    2001-2002    Full-time Instructor: Silver Adult Training Centre, Johnsonville  Developed programs for adult learners.',
      [
        ['Teacher Assistant and Integration Aide', 'Smithville Primary School', '2009-01', '2011-12'],
        ['Full-time Instructor', 'Silver Adult Training Centre', '2001-01', '2002-12'],
      ],
    ],
    [
      'dates, then "Title / Employer, Place"',
      'EXPERIENCE  Jun 2008 - Sep 2008    Intern engineer / Joobi Solutions Limited, Ireland    Wrote a PHP extension for the billing team.',
      [['Intern engineer', 'Joobi Solutions Limited', '2008-06', '2008-09']],
    ],
    [
      'organisation, dates, title, then the next job without a description',
      'EXPERIENCE  Acme Corp  2015 - 2016  Java Developer  Globex Ltd  2013 - 2015  Data Analyst  Built reports in SQL for the finance team.',
      [
        ['Java Developer', 'Acme Corp', '2015-01', '2016-12'],
        ['Data Analyst', 'Globex Ltd', '2013-01', '2015-12'],
      ],
    ],
    [
      'a title with its dates, the organisation after them',
      'Professional Experience    Software Engineer, 1/09 to Present  ABC COMPANY, Sometown, CA  Provide object-oriented software design for a construction platform.    Junior Software Engineer, 8/08 to 1/09  DEF COMPANY, Sometown, CA  Wrote unit tests.',
      [
        ['Software Engineer', 'ABC COMPANY', '2009-01', null],
        ['Junior Software Engineer', 'DEF COMPANY', '2008-08', '2009-01'],
      ],
    ],
  ])('%s', (_, body, expected) => {
    expect(brief(structure(TOP + body).timeline)).toEqual(expected);
  });

  it('reads the headers before the dates when the dates are followed by a description', () => {
    // "COMPANY, INC., City, ST" breaks the rules of a header line (three commas), but the dates after it are
    // followed by a description, so the section writes headers first: each title is the one above its dates.
    const { timeline } = structure(
      `${TOP}EXPERIENCE    COMPANY, INC., City, ST  2005 - 2006  Privately held company providing communications equipment to clients.  Sales Director  Trained the sales team.    NETWORK POWER, City, ST  1999 -2005  Global leader in power systems for telecommunication networks.  Senior Marketing Manager  2002-2005  Product Marketing Manager  2000-2002  Key Account Manager  1999-2000  Championed power services to clients.`,
    );
    expect(timeline.map((e) => [e.title, e.start, e.end])).toEqual([
      [undefined, '2005-01', '2006-12'],
      [undefined, '1999-01', '2005-12'],
      ['Senior Marketing Manager', '2002-01', '2005-12'],
      ['Product Marketing Manager', '2000-01', '2002-12'],
      ['Key Account Manager', '1999-01', '2000-12'],
    ]);
    expect(timeline[0]?.organisation).toBe('COMPANY, INC.');
  });

  it('reads an experience heading glued to the first job, and ranges whose dash was lost', () => {
    const text = `${TOP}Skills  Programming Languages: C#, Java, PHP    Experience Disney Interactive Media Group January 2008  Present    Sr. Web Developer  North Hollywood, CA    Led the localisation of websites for international markets.    Xylin August 2003  December 2007    Owner/Web Developer  West Hills, California    Ran a web design and hosting firm.`;
    const { sections, timeline } = structure(text);
    const experience = sections.find((s) => s.kind === 'experience');
    expect(experience?.heading).toBe('Experience');
    expect(experience?.headingSpan?.start).toBe(text.indexOf('Experience Disney'));
    expect(brief(timeline)).toEqual([
      ['Sr. Web Developer', 'Disney Interactive Media Group', '2008-01', null],
      ['Owner/Web Developer', 'Xylin', '2003-08', '2007-12'],
    ]);
  });

  it('reads "2009  2015" as a range and a year list as none', () => {
    const { timeline } = structure(
      `${TOP}EXPERIENCE    2009  2015    Assistant Professor  Department of Computing, Acme University    Taught distributed systems.    AWARDS  2011  2013  2014  Best Paper`,
    );
    expect(brief(timeline)).toEqual([['Assistant Professor', 'Department of Computing', '2009-01', '2015-12']]);
  });
});

describe('a flattened two-column résumé', () => {
  // Read row by row, the experience heading lands over the other column's items and the jobs under a later heading.
  const TWO_COLUMNS =
    'Brendan Wolff  PHP developer  AREAS OF EXPERTISE  Commercial experience  Web developing /  programming    PERSONAL SUMMARY  A resourceful PHP developer with extensive  experience in the layout, design and coding of websites.    WORK EXPERIENCE  Server administration  Object Orientated  Programming    PERSONAL SKILLS  Time management  Goals orientated    PERSONAL DETAILS  Brendan Wolff  34 Anywhere Road  Coventry  CV6 7RF    Web Design Company  Coventry  PHP DEVELOPER  June 2008 - Present  Working with designers and project staff to capture  requirements for websites.    KEY SKILLS AND COMPETENCIES  Ability to multi-task.    ACADEMIC QUALIFICATIONS  BSc (Hons)  Information Technology  Nuneaton University 2005 - 2008';

  it('reads its jobs where they are, as experience', () => {
    const { sections, timeline, diagnostics } = structure(TWO_COLUMNS);
    expect(brief(timeline)).toEqual([['PHP DEVELOPER', 'Web Design Company', '2008-06', null]]);
    const job = sections.find((s) => s.kind === 'experience' && s.headingSpan === null);
    expect(job?.span.start).toBe(TWO_COLUMNS.indexOf('Web Design Company'));
    expect(diagnostics.map((d) => d.code)).toContain('inferred-section');
  });

  it('keeps a job-less section a job-less section when an experience section holds dates', () => {
    const text = TWO_COLUMNS.replace('Server administration', 'Acme Corp  Developer  2005 - 2008');
    expect(brief(structure(text).timeline)).toEqual([['Developer', 'Acme Corp', '2005-01', '2008-12']]);
  });
});

describe('what is not a job in flattened text', () => {
  it.each([
    [
      'degree ranges under EDUCATION',
      `${TOP}EDUCATION  MSc Computing  University of Leeds  September 2014  September 2015  B.E. Computer Engineering  Pune University  2010 - 2014    EXPERIENCE  Acme Corp  Java Developer  2016 - 2019  Built services.`,
      [['Java Developer', 'Acme Corp', '2016-01', '2019-12']],
    ],
    [
      'degree ranges in a résumé without an experience heading',
      `${TOP}SKILLS  Java, SQL    EDUCATION  2010 - 2014  B.Tech, Computer Engineering  Pune University  2008  2010  Higher Secondary Certificate  Pune`,
      [],
    ],
    [
      'skills dated by their years of use',
      `${TOP}TECHNICAL SKILLS  Java (2012 - 2018), Spring  Oracle 11g (2010 - 2016), MySQL    EXPERIENCE  Acme Corp  Java Developer  2016 - 2019  Built services.`,
      [['Java Developer', 'Acme Corp', '2016-01', '2019-12']],
    ],
    [
      'a wrapped sentence that names a team and its years',
      `${TOP}EXPERIENCE  Acme Corp  Java Developer  2016 - 2019  Maintained the Java billing platform and migrated the  Payments Team from 2016 to 2018 onto Kubernetes clusters.  Worked closely with the Chief  Technology Officer on the roadmap.`,
      [['Java Developer', 'Acme Corp', '2016-01', '2019-12']],
    ],
    [
      'a description label after the dates',
      `${TOP}EXPERIENCE  Acme Corp  Leeds  2016 - 2019  Duties:  Building PHP websites using PHP based frameworks.`,
      [[undefined, 'Acme Corp', '2016-01', '2019-12']],
    ],
  ])('%s', (_, text, expected) => {
    expect(brief(structure(text).timeline)).toEqual(expected);
  });
});

const DOTIN = new URL('../../shared/data/dotin-resume-ner-train/xml/', import.meta.url);
if (!existsSync(DOTIN)) console.warn(`Skipping the flattened dotin tests: ${DOTIN.pathname} is absent.`);

describe.skipIf(!existsSync(DOTIN))('flattened real résumés (dotin-resume-ner-train)', () => {
  const read = (file: string): string => readDotinText(new URL(file, DOTIN));
  const isFlattened = (text: string): boolean =>
    text.split('\n').some((line) => line.length > 400 && /\S {2,}\S/.test(line));

  it('reads dated experience from most of them', async () => {
    const files = readdirSync(DOTIN).filter((f) => f.endsWith('.xml'));
    let flattened = 0;
    let dated = 0;
    let entries = 0;
    let titled = 0;
    for (const file of files) {
      const text = read(file);
      if (!isFlattened(text)) continue;
      flattened++;
      const doc = await parseResume(text, { asOf: '2026-01' });
      if (doc.timeline.length > 0) dated++;
      entries += doc.timeline.length;
      titled += doc.timeline.filter((e) => e.title !== undefined).length;
    }
    console.log(
      `dotin flattened: ${dated} of ${flattened} résumés have a dated entry; ${entries} entries, ${titled} with a title`,
    );
    // 221 flattened files; before this reader 185 dated, 751 entries, 524 titled.
    expect(flattened).toBeGreaterThan(200);
    expect(dated / flattened).toBeGreaterThan(0.85);
    expect(titled / entries).toBeGreaterThan(0.72);
  }, 120_000);

  // Checked by eye against the files: [title as it opens, organisation, start, end]. 202 writes the place after the
  // title with one space ("Sr. Web Developer North Hollywood, CA"), so the title runs into the place's first words.
  it.each([
    [
      '202.xml',
      [
        ['Sr. Web Developer', 'Disney Interactive Media Group', '2008-01', null],
        ['Owner/Web Developer', 'Xylin', '2003-08', '2007-12'],
      ],
    ],
    [
      '126.xml',
      [
        ['Project Manager', 'PricewaterhouseCoopers', '2003-01', null],
        ['Executive Director', 'Montessori Childrens Center', '1999-01', '2003-12'],
      ],
    ],
    [
      '158.xml',
      [
        ['Staff Software Engineer', 'Google Search App', '2013-01', '2015-12'],
        ['Senior Software Engineer', 'Google', '2012-01', '2013-12'],
      ],
    ],
    ['288.xml', [['Teacher Assistant and Integration Aide', 'Smithville Primary School', '2009-01', '2011-12']]],
    ['157.xml', [['Software Engineer', 'xxx Software Pvt Ltd', '2007-05', '2009-06']]],
  ])('%s reads its jobs', async (file, expected) => {
    const text = read(file);
    expect(isFlattened(text)).toBe(true);
    const doc = await parseResume(text, { asOf: '2026-01' });
    for (const [title, organisation, start, end] of expected) {
      const found = doc.timeline.find((e) => e.start === start && e.end === end);
      expect(found?.title?.startsWith(title as string), `${file}: ${start}`).toBe(true);
      expect(found?.organisation).toBe(organisation);
    }
  });
});
