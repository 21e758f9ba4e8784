import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectHeading } from '../src/parse/sections.js';
import { readDotinText } from './helpers/dotin.js';
import { splitLines, structureDocument } from '../src/parse/structure.js';
import type { Section, SectionKind, TimelineEntry } from '../src/types.js';

const asOf = '2026-11';

// [line, expected kind or null when the line is not a heading]
const HEADINGS: [string, SectionKind | null][] = [
  // Export and form labels (issue 11, class 1).
  ['Company Details', 'experience'],
  ['Company Details:', 'experience'],
  ['Employment Record', 'experience'],
  ['Professional Experience:', 'experience'],
  ['PROJECTS HANDLED', 'projects'],
  ['Projects Executed', 'projects'],
  ['Previous Employers', 'experience'],
  ['Companies Worked For', 'experience'],
  ['Skill Details', 'skills'],
  ['Education Details', 'education'],
  ['Company profile and history of our products', null],
  ['Multiple Assignments', null],
  ['Work History', 'experience'],
  ['Professional Experience', 'experience'],
  ['EMPLOYMENT', 'experience'],
  ['Work Experience', 'experience'],
  ['Career History', 'experience'],
  ['experience', 'experience'],
  ['Relevant Experience', 'experience'],
  ['Internships', 'experience'],
  ['Employment History:', 'experience'],
  ['— EXPERIENCE —', 'experience'],
  ['## Experience', 'experience'],
  ['EXPERIENCE:', 'experience'],
  ['E X P E R I E N C E', 'experience'],
  ['W O R K   E X P E R I E N C E', 'experience'],
  ['P ROFESSIONAL E XPERIENCE', 'experience'],
  ['E xp er ie nc e', 'experience'],
  ['**Experience**', 'experience'],
  ['1. Experience', 'experience'],
  ['Highlights of Employment', 'experience'],
  ['Research Experience', 'experience'],
  ['Technical Skills', 'skills'],
  ['Skills', 'skills'],
  ['Core Competencies', 'skills'],
  ['Tech Stack', 'skills'],
  ['Technologies', 'skills'],
  ['Tools', 'skills'],
  ['Key Skills', 'skills'],
  ['Skills & Abilities', 'skills'],
  ['SKILLS SUMMARY', 'skills'],
  ['Areas of Expertise', 'skills'],
  ['Programming Languages', 'skills'],
  ['Profile', 'summary'],
  ['Summary', 'summary'],
  ['Professional Summary', 'summary'],
  ['About Me', 'summary'],
  ['Objective', 'summary'],
  ['Career Objective', 'summary'],
  ['Summary of Qualifications', 'summary'],
  ['Education', 'education'],
  ['Academic Background', 'education'],
  ['Qualifications', 'education'],
  ['EDUCATION AND TRAINING', 'education'],
  ['Certifications', 'certifications'],
  ['Licenses & Certifications', 'certifications'],
  ['Courses', 'certifications'],
  ['Training', 'certifications'],
  ['Projects', 'projects'],
  ['Personal Projects', 'projects'],
  ['Open Source', 'projects'],
  ['Open-Source Contributions', 'projects'],
  ['Publications', 'other'],
  ['Awards', 'other'],
  ['Honors and Awards', 'other'],
  ['Languages', 'other'],
  ['Interests', 'other'],
  ['References', 'other'],
  ['Volunteer', 'other'],
  ['Volunteer Experience', 'other'],
  ['Contact', 'contact'],
  ['Contact Information', 'contact'],
  ['Software Development Experience', 'experience'],
  ['Professional Background', 'experience'],
  ['Employment History', 'experience'],
  ['Work', 'experience'],
  ['Career', 'experience'],
  ['Positions Held', 'experience'],
  ['Work Places', 'experience'],
  ['Places of Work', 'experience'],
  ['Work Background', 'experience'],
  ['Technical Knowledge', 'skills'],
  ['Skills Summary', 'skills'],
  ['Computer Skills', 'skills'],
  ['Software', 'skills'],
  ['Tools & Technologies', 'skills'],
  ['Technical Background', 'skills'],
  ['Databases', 'skills'],
  // Not headings.
  ['I have experience in Java', null],
  ['Python, Java, SQL', null],
  ['Experience in Java', null],
  ['5 years of experience', null],
  ['• Leadership', null],
  ['- Training', null],
  ['Project Management', null],
  ['Led the projects team to deliver a new platform.', null],
  ['Senior Software Engineer', null],
  ['Acme Corp', null],
  ['BG Computer Technologies', null],
  ['Department of Communication Studies', null],
  ['knowledge.', null],
  ['and Conferences', null],
  ['Jan 2019 – Present', null],
  ['John Smith', null],
  ['Strong communication skills and a team player', null],
  ['Skills include Java and Python', null],
  ['Experience: 5 years in banking', null],
];

describe('detectHeading', () => {
  it.each(HEADINGS)('%s → %s', (line, kind) => {
    const match = detectHeading(line);
    expect(match?.kind ?? null).toBe(kind);
    if (match !== null) expect(match.inline).toBe(false);
  });

  it.each(['Constructor', 'constructor', 'toString', 'hasOwnProperty', '__proto__', 'valueOf'])(
    '%s names no heading: the vocabulary tables have no prototype',
    (line) => {
      expect(detectHeading(line)).toBeNull();
      const { sections } = structure(`Jane Doe\n${line}\nJava, Python\nExperience\nJava developer, 2019 - 2021\n`);
      for (const section of sections) expect(typeof section.kind).toBe('string');
      expect(sections.map((section) => section.kind)).toContain('experience');
    },
  );

  it('finds a heading followed by content, with the "Skills:" part as its span', () => {
    const line = 'Skills: Java, Python, PostgreSQL';
    const match = detectHeading(line);
    expect(match).toMatchObject({ kind: 'skills', inline: true });
    expect(line.slice(match?.start, match?.end)).toBe('Skills:');
    expect(detectHeading('Technical Skills: Go, Rust')).toMatchObject({ kind: 'skills', inline: true });
    expect(detectHeading('Objective: a backend role in a product team')).toMatchObject({
      kind: 'summary',
      inline: true,
    });
    // Skill-group labels are not sections of their own kind.
    expect(detectHeading('Languages: Java, C, C++')).toBeNull();
    expect(detectHeading('• Skills: Java')).toBeNull();
  });

  // [line, expected kind of an inline heading written as a table cell before a tab, or null]
  const CELLS: [string, SectionKind | null][] = [
    ['Skills\tJava, Python, PostgreSQL', 'skills'],
    ['Technical Skills:\tGo, Rust', 'skills'],
    ['Tools & Technologies\tDocker, Kubernetes', 'skills'],
    ['Experience\tAcme Corp, Backend Developer, 2019 – 2021', 'experience'],
    ['Work History\t• Initech, 2016 – 2018', 'experience'],
    ['Education\tBSc Computer Science, State University', 'education'],
    ['Experience\t5 years in banking', null],
    ['Experience\tin Java and Go', null],
    ['Acme Corp\tBackend Developer', null],
    ['• Skills\tJava', null],
  ];
  it.each(CELLS)('reads the cell heading in %j → %s', (line, kind) => {
    const match = detectHeading(line);
    expect(match?.kind ?? null).toBe(kind);
    if (match !== null) {
      expect(match.inline).toBe(true);
      expect(line.slice(match.end).startsWith('\t') || line.slice(match.end).startsWith(':\t')).toBe(true);
    }
  });

  it('excludes decorations from the heading span', () => {
    const line = '— EXPERIENCE —';
    const match = detectHeading(line);
    expect(line.slice(match?.start, match?.end)).toBe('EXPERIENCE');
  });

  it('takes unknown words only from lines the format marks as headings', () => {
    expect(detectHeading('Side Hustles')).toBeNull();
    expect(detectHeading('Side Hustles', true)).toMatchObject({ kind: 'other', known: false });
    expect(detectHeading('Software Development Experience', true)).toMatchObject({ kind: 'experience', known: true });
    expect(detectHeading('Open Source Stuff I Maintain', true)).toMatchObject({ kind: 'other', known: false });
  });
});

function brief(entries: TimelineEntry[]): [string | undefined, string | undefined, string, string | null][] {
  return entries.map((entry) => [entry.title, entry.organisation, entry.start, entry.end]);
}

// [case, text, expected [kind, heading, first characters of the section] list, inferred-section diagnostic expected]
const INFERRED: [string, string, [SectionKind, string, string][], boolean][] = [
  [
    'jobs under a misnamed heading, titles beside month-year dates',
    'Jane Doe\njane@example.com\n\nEDUCATION\nAcme Corp\nSeptember 2019\tSenior Analyst\nBuilt reports.\nInitech\nMarch 2016\tData Analyst\nCleaned data.\n\nLanguages\nEnglish',
    [
      ['contact', '', 'Jane Doe'],
      ['education', 'EDUCATION', 'EDUCATION'],
      ['experience', '', 'Acme Corp\nSeptember 2019'],
      ['other', 'Languages', 'Languages'],
    ],
    true,
  ],
  [
    'year-first dates ("2022, February") under the untitled top',
    'Jane Doe\nI build data pipelines.\n2012, November\tTINKOFF BANK, Russia\n2022, February Senior Software Developer\nBuilt APIs.\n\nADDITIONAL INFORMATION\nChess',
    [
      ['contact', '', 'Jane Doe'],
      ['experience', '', '2012, November'],
      ['other', 'ADDITIONAL INFORMATION', 'ADDITIONAL'],
    ],
    true,
  ],
  [
    'a dated role in a document without headings keeps the name out',
    'Jane Doe\nSenior Engineer, Acme Corp, 2019 – 2021\nBSc, State University, 2012 – 2016',
    [
      ['contact', '', 'Jane Doe'],
      ['experience', '', 'Senior Engineer'],
    ],
    true,
  ],
  [
    'degrees are not roles',
    'Jane Doe\nEDUCATION\nBSc Computer Science, State University\nSeptember 2012 – June 2016\nMSc, Tech Institute, 2016 – 2018\n',
    [
      ['contact', '', 'Jane Doe'],
      ['education', 'EDUCATION', 'EDUCATION'],
    ],
    false,
  ],
  [
    'club and volunteer posts under Activities are not employment',
    'Jane Doe\nACTIVITIES\nVice President, Chess Club, 2015 – 2018\nVolunteer Tutor, 2014 – 2016\n',
    [
      ['contact', '', 'Jane Doe'],
      ['other', 'ACTIVITIES', 'ACTIVITIES'],
    ],
    false,
  ],
  [
    'a single month-year without a range is not enough',
    'Jane Doe\nSUMMARY\nSince moving in September 2019 I have worked as a developer.\n',
    [
      ['contact', '', 'Jane Doe'],
      ['summary', 'SUMMARY', 'SUMMARY'],
    ],
    false,
  ],
  [
    'no dates, no headings: nothing invented',
    'Jane Doe\nI build backends in Go and care about tests.\nI like hiking.',
    [['contact', '', 'Jane Doe']],
    false,
  ],
  [
    'an experience heading present: nothing inferred',
    'Jane Doe\nEXPERIENCE\nSenior Engineer, Acme Corp, 2019 – 2021\nEDUCATION\nAcme Corp\nMarch 2016 – May 2017 Developer',
    [
      ['contact', '', 'Jane Doe'],
      ['experience', 'EXPERIENCE', 'EXPERIENCE'],
      ['education', 'EDUCATION', 'EDUCATION'],
    ],
    false,
  ],
];

function structure(text: string, headingLines?: number[]) {
  return structureDocument({
    text,
    lines: splitLines(text),
    asOf,
    ...(headingLines === undefined ? {} : { headingLines }),
  });
}

function expectCovering(text: string, sections: Section[]): void {
  if (text.trim() === '') return;
  expect(sections[0]?.span.start).toBe(0);
  expect(sections[sections.length - 1]?.span.end).toBe(text.length);
  for (let i = 1; i < sections.length; i++) expect(sections[i]?.span.start).toBe(sections[i - 1]?.span.end);
  for (const section of sections) {
    expect(section.span.end).toBeGreaterThanOrEqual(section.span.start);
    if (section.headingSpan !== null) {
      expect(section.headingSpan.start).toBeGreaterThanOrEqual(section.span.start);
      expect(section.headingSpan.end).toBeLessThanOrEqual(section.span.end);
    }
  }
}

const RESUME = `Jane Doe
jane@example.com | +1 415 555 0100 | github.com/janedoe

PROFESSIONAL SUMMARY
Backend engineer with 8 years of experience in Go and Java.

— EXPERIENCE —
Senior Engineer, Acme Corp — Jan 2019 – Present
• Built payment APIs in Go.

Developer at Initech	2015 – 2018
• Maintained Java services.

Skills: Go, Java, PostgreSQL, Kubernetes

EDUCATION
BSc Computer Science, State University, 2011 – 2015
`;

describe('splitLines', () => {
  it('splits on every terminator and excludes it', () => {
    const text = 'a\r\nbb\rccc\n\u2028d';
    expect(splitLines(text).map((span) => text.slice(span.start, span.end))).toEqual(['a', 'bb', 'ccc', '', 'd']);
    expect(splitLines('')).toEqual([{ start: 0, end: 0 }]);
    expect(splitLines('x\n')).toEqual([{ start: 0, end: 1 }]);
    expect(splitLines('x\n\n')).toEqual([
      { start: 0, end: 1 },
      { start: 2, end: 2 },
    ]);
  });

  // Without `lines`, structureDocument walks the same lines without building their spans.
  it.each([
    ['a résumé', RESUME],
    [
      'every terminator',
      'Experience\r\nJava Developer, Acme\rJan 2019 - Mar 2021\u2028• Built Go services\u2029Skills\nJava',
    ],
    ['a trailing break', 'Skills\nJava, Go\n'],
    ['blank lines only', '\n\n  \n'],
    ['an empty text', ''],
  ])('reads %s alike with and without lines', (_name, text) => {
    expect(structureDocument({ text, asOf: '2026-11' })).toEqual(
      structureDocument({ text, lines: splitLines(text), asOf: '2026-11' }),
    );
  });
});

describe('structureDocument sections', () => {
  it('finds the sections of a résumé in order, covering the text', () => {
    const { sections, diagnostics } = structure(RESUME);
    expect(sections.map((s) => [s.kind, s.heading])).toEqual([
      ['contact', ''],
      ['summary', 'PROFESSIONAL SUMMARY'],
      ['experience', 'EXPERIENCE'],
      ['skills', 'Skills'],
      ['education', 'EDUCATION'],
    ]);
    expect(sections[0]?.headingSpan).toBeNull();
    const skills = sections[3] as Section;
    expect(RESUME.slice(skills.headingSpan?.start, skills.headingSpan?.end)).toBe('Skills:');
    expectCovering(RESUME, sections);
    expect(diagnostics.filter((d) => d.code === 'no-section-headings')).toEqual([]);
  });

  it('calls an untitled top without contact details a summary', () => {
    const text = 'Seasoned engineer who likes distributed systems and clear writing.\n\nSkills\nGo, Rust\n';
    const { sections } = structure(text);
    expect(sections.map((s) => s.kind)).toEqual(['summary', 'skills']);
    expectCovering(text, sections);
  });

  it('starts the first section at 0 when the text opens with a heading', () => {
    const text = '\n\nExperience\nEngineer at Acme, 2019 – 2020\n';
    const { sections } = structure(text);
    expect(sections).toHaveLength(1);
    expect(sections[0]).toMatchObject({ kind: 'experience', span: { start: 0, end: text.length } });
  });

  it('reports a document without headings and still covers it', () => {
    const text = 'Jane Doe\njane@example.com\nI build backends in Go.';
    const { sections, diagnostics } = structure(text);
    expect(sections).toEqual([
      { kind: 'contact', heading: '', headingSpan: null, span: { start: 0, end: text.length } },
    ]);
    expect(diagnostics.map((d) => d.code)).toContain('no-section-headings');
    expect(structure('').sections).toEqual([]);
  });

  it('does not split a skills section on its own group labels', () => {
    const text = 'Technical Skills\nLanguages: Java, Go\nTools: Docker, Git\nDatabases: PostgreSQL\n\nEducation\nBSc';
    const { sections } = structure(text);
    expect(sections.map((s) => s.kind)).toEqual(['skills', 'education']);
  });

  it('uses heading lines from the format', () => {
    const text = 'Jane Doe\nExperience\nSenior Engineer\nAcme Corp\n2019 – 2021\nEXTRA THINGS\nStuff';
    const { sections, diagnostics, timeline } = structure(text, [0, 1, 2, 5]);
    // Line 0 (the name) comes before any section; line 2 is a job title inside experience.
    expect(sections.map((s) => [s.kind, s.heading])).toEqual([
      ['contact', ''],
      ['experience', 'Experience'],
      ['other', 'EXTRA THINGS'],
    ]);
    expect(diagnostics.map((d) => d.code)).toEqual(['unrecognised-heading']);
    expect(timeline).toMatchObject([
      { title: 'Senior Engineer', organisation: 'Acme Corp', start: '2019-01', end: '2021-12' },
    ]);
  });

  it.each(INFERRED)('infers an experience section: %s', (_name, text, expected, inferred) => {
    const { sections, diagnostics } = structure(text);
    expect(
      sections.map((s) => [
        s.kind,
        s.heading,
        text.slice(
          s.span.start,
          s.span.start + (expected.find(([k, h]) => k === s.kind && h === s.heading)?.[2].length ?? 0),
        ),
      ]),
    ).toEqual(expected);
    expectCovering(text, sections);
    const found = diagnostics.filter((d) => d.code === 'inferred-section');
    expect(found).toHaveLength(inferred ? 1 : 0);
    if (inferred) {
      const section = sections.find((s) => s.kind === 'experience' && s.headingSpan === null);
      expect(found[0]).toMatchObject({ severity: 'info', source: 'parse', span: section?.span });
    }
  });

  it('reads headings inside a line that lost its line breaks', () => {
    const text =
      '"Jane Doe  jane@example.com  Objective  A backend role.  Work Experience  Backend Developer  Acme Corp  June 2016  Present  Built services in Go.  Education  BSc Computer Science  State University  2012 - 2016  Skills  Go, Java, SQL"';
    const { sections, timeline } = structure(text);
    expect(sections.map((s) => s.kind)).toEqual(['contact', 'summary', 'experience', 'education', 'skills']);
    expectCovering(text, sections);
    expect(timeline).toHaveLength(1);
    expect(timeline[0]).toMatchObject({
      title: 'Backend Developer',
      organisation: 'Acme Corp',
      start: '2016-06',
      end: null,
    });
    // The dash the export lost: the range stays whole across the wide gap.
    expect(text.slice(timeline[0]?.dateSpan.start, timeline[0]?.dateSpan.end)).toBe('June 2016  Present');
  });

  // [text, the sections expected as [kind, heading, first characters of the section]]
  const GLUED: [string, string, [SectionKind, string, string][]][] = [
    [
      'heading at the end of a line, and a heading glued to a word',
      'Skills * Programming Languages: Python, Sql, Java Education Details\r\nMay 2013 to May 2017 B.E Computer Engineering\r\nSkill Details\r\nJAVA- Exprience - 18 monthsCompany Details\r\ncompany - Acme Technologies\r\n',
      [
        ['skills', 'Skills', 'Skills * Programming'],
        ['education', 'Education Details', 'Education Details'],
        ['skills', 'Skill Details', 'Skill Details'],
        ['experience', 'Company Details', 'Company Details'],
      ],
    ],
    [
      'a label heading after a capitalised word',
      'Jane Doe\nGo, Kafka, Oracle Employment History\nBackend Developer, Acme Corp, 2019 – 2021\n',
      [
        ['contact', '', 'Jane Doe'],
        ['experience', 'Employment History', 'Employment History'],
      ],
    ],
    // Not headings: heading words inside a sentence, names ending in a section noun, CamelCase names, joiners.
    [
      'a sentence ending in heading words',
      'Jane Doe\nI enjoy reading our Employment History\nand I have strong Technical Skills\n',
      [['contact', '', 'Jane Doe']],
    ],
    [
      'an organisation named like a section',
      'Jane Doe\nJava Developer at BG Computer Technologies\nVegaSoft Technologies\n',
      [['contact', '', 'Jane Doe']],
    ],
    ['a portfolio link', 'Jane Doe\nUniversity of Michigan Campus-Wide ePortfolio\n', [['contact', '', 'Jane Doe']]],
    [
      'an award for someone',
      'Jane Doe\nThe APSA Research Software Award for\nbest software\n',
      [['contact', '', 'Jane Doe']],
    ],
  ];
  it.each(GLUED)('headings that lost their line break: %s', (_name, text, expected) => {
    const { sections } = structure(text);
    expectCovering(text, sections);
    expect(
      sections.map((s) => [
        s.kind,
        s.heading,
        text.slice(s.span.start, s.span.start + (expected.find((e) => e[1] === s.heading)?.[2].length ?? 0)),
      ]),
    ).toEqual(expected);
  });

  it('splits a table column held as one run of text at its tabs', () => {
    // A DOCX whose column is one paragraph: the reader turns each run of spaces into a tab.
    const column = [
      'Summary',
      'Backend developer who builds payment systems in Go and Java for banks and shops.',
      'Experience',
      'Backend Developer',
      'Acme Corp',
      '2019 – 2021',
      'Built the ledger service in Go and kept the Java monolith alive while it shrank.',
      'Skills',
      'Go, Java, PostgreSQL, Kafka',
    ].join('\t');
    const text = `Jane Doe\n${column}`;
    const { sections, timeline } = structure(text);
    expect(sections.map((s) => [s.kind, s.heading])).toEqual([
      ['contact', ''],
      ['summary', 'Summary'],
      ['experience', 'Experience'],
      ['skills', 'Skills'],
    ]);
    expectCovering(text, sections);
    expect(brief(timeline)).toEqual([['Backend Developer', 'Acme Corp', '2019-01', '2021-12']]);
  });

  it('rejects bad input at the boundary', () => {
    expect(() => structureDocument({ text: 1 as unknown as string, lines: [] })).toThrow(TypeError);
    expect(() => structureDocument({ text: 'x', lines: splitLines('x'), asOf: '2026' })).toThrow(RangeError);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(structure(RESUME))).toBe(JSON.stringify(structure(RESUME)));
  });
});

// Real résumés (dotin-resume-ner-train, CC0): most must yield headed sections and sane timelines.
const DATA = fileURLToPath(new URL('../../shared/data/dotin-resume-ner-train/xml/', import.meta.url));
const hasData = existsSync(DATA);
if (!hasData) console.warn(`skipping the real-résumé structure test: ${DATA} is absent`);

const readDotin = (file: string): string => readDotinText(DATA + file);

describe.skipIf(!hasData)('real résumés (dotin-resume-ner-train)', () => {
  it('gives most documents headed sections, an experience section and sane timelines', () => {
    const files = readdirSync(DATA)
      .filter((file) => file.endsWith('.xml'))
      .sort();
    let headed = 0;
    let experience = 0;
    let dated = 0;
    let entries = 0;
    for (const file of files) {
      const text = readDotin(file);
      const { sections, timeline } = structure(text);
      expectCovering(text, sections);
      if (sections.some((s) => s.headingSpan !== null)) headed++;
      if (sections.some((s) => s.kind === 'experience')) experience++;
      if (timeline.length > 0) dated++;
      for (const entry of timeline) {
        entries++;
        expect(entry.start >= '1940-01' && entry.start <= '2036-12', `${file}: ${entry.start}`).toBe(true);
        if (entry.end !== null) expect(entry.end >= entry.start, `${file}: ${entry.start}..${entry.end}`).toBe(true);
        expect(entry.span.start).toBeLessThanOrEqual(entry.dateSpan.start);
        expect(entry.span.end).toBeGreaterThanOrEqual(entry.dateSpan.end);
        const section = sections.find((s) => s.span.start <= entry.span.start && entry.span.end <= s.span.end);
        // Entries come from experience sections; only without one, from the untitled top.
        const expected = sections.some((s) => s.kind === 'experience') ? 'experience' : sections[0]?.kind;
        expect(section?.kind, `${file}: entry outside an experience section`).toBe(expected);
      }
    }
    const share = (n: number) => `${((100 * n) / files.length).toFixed(1)}%`;
    console.log(
      `dotin: ${files.length} résumés; headed sections ${share(headed)}, experience section ${share(experience)}, ≥1 timeline entry ${share(dated)}, ${entries} entries`,
    );
    expect(headed / files.length).toBeGreaterThan(0.9);
    expect(experience / files.length).toBeGreaterThan(0.85);
    expect(dated / files.length).toBeGreaterThan(0.82);
  });
});
