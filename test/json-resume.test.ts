import { describe, expect, it } from 'vitest';
import { isValidationError, ParseError, ValidationError } from '../src/errors.js';
import { isJsonResume, jsonResumeToDocument } from '../src/parse/json-resume.js';
import { structureDocument } from '../src/parse/structure.js';

const asOf = '2026-11';

// A full JSON Resume (schema v1.0.0) with every section, plus an extra key the schema does not define.
const RESUME = {
  $schema: 'https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json',
  basics: {
    name: 'Zoë Nakamura-Okafor',
    label: 'Backend Engineer',
    image: '',
    email: 'zoe@example.com',
    phone: '+44 20 7946 0958',
    url: 'https://zoe.example.com',
    summary: 'Backend engineer with ten years of Go and PostgreSQL in payments.',
    location: {
      address: '1 Example Street',
      postalCode: 'N1 9GU',
      city: 'London',
      countryCode: 'GB',
      region: 'England',
    },
    profiles: [{ network: 'GitHub', username: 'zoe', url: 'https://github.com/zoe' }],
  },
  work: [
    {
      name: 'Acme Payments Ltd',
      position: 'Senior Backend Engineer',
      url: 'https://acme.example.com',
      startDate: '2019-03-01',
      summary: 'Owned the ledger service.',
      highlights: ['Rewrote settlement in Go and PostgreSQL', 'Ran Kafka consumers on Kubernetes'],
      team: 'Ledger',
    },
    {
      company: 'Initech',
      position: 'Developer',
      startDate: '2015',
      endDate: '2019-02',
      highlights: ['Maintained Java 8 services on Tomcat'],
    },
    { name: 'Umbrella Corp', position: 'Intern', startDate: '2014-06', endDate: '2014-08' },
  ],
  volunteer: [
    {
      organization: 'Code Club',
      position: 'Mentor',
      startDate: '2016-01',
      endDate: '2018-12',
      summary: 'Taught Python to children.',
      highlights: ['Ran weekly sessions'],
    },
  ],
  education: [
    {
      institution: 'University of Leeds',
      url: '',
      area: 'Computer Science',
      studyType: 'BSc',
      startDate: '2011',
      endDate: '2014',
      score: '2:1',
      courses: ['Databases', 'Compilers'],
    },
  ],
  awards: [{ title: 'Engineer of the Year', date: '2021-12', awarder: 'Acme', summary: 'For the ledger rewrite.' }],
  certificates: [{ name: 'CKA', date: '2022-05-01', issuer: 'CNCF', url: 'https://cncf.io' }],
  publications: [
    {
      name: 'Ledgers at Scale',
      publisher: 'ACM Queue',
      releaseDate: '2023-02',
      url: '',
      summary: 'Double-entry at 10k TPS.',
    },
  ],
  skills: [
    { name: 'Backend', level: '', keywords: ['Go', 'Node.js', 'PostgreSQL'] },
    { name: 'Cloud', level: 'Advanced', keywords: ['Kubernetes', 'AWS'] },
  ],
  languages: [
    { language: 'English', fluency: 'Native speaker' },
    { language: 'Japanese', fluency: 'Fluent' },
  ],
  interests: [{ name: 'Cycling', keywords: ['Audax'] }],
  references: [{ name: 'Jane Doe', reference: 'Zoë rewrote our ledger without a single lost penny.' }],
  projects: [
    {
      name: 'ledger-rs',
      description: 'A double-entry ledger library in Rust.',
      highlights: ['200 stars'],
      keywords: ['Rust', 'WebAssembly'],
      startDate: '2021-04',
      url: 'https://github.com/zoe/ledger-rs',
      roles: ['Maintainer'],
    },
  ],
  meta: { canonical: '', version: 'v1.0.0', lastModified: '2024-01-01T00:00' },
};

describe('isJsonResume', () => {
  it('recognises JSON Resume objects and nothing else', () => {
    expect(isJsonResume(RESUME)).toBe(true);
    expect(isJsonResume({ basics: { name: 'A' } })).toBe(true);
    expect(isJsonResume({ $schema: 'https://jsonresume.org/schema' })).toBe(true);
    expect(isJsonResume({ name: 'A', age: 3 })).toBe(false);
    expect(isJsonResume([{ work: [] }])).toBe(false);
    expect(isJsonResume(null)).toBe(false);
    expect(isJsonResume('{"work": []}')).toBe(false);
  });
});

describe('jsonResumeToDocument', () => {
  const doc = jsonResumeToDocument(RESUME, { asOf });

  it('writes the résumé as text with headings', () => {
    expect(doc.text.split('\n').slice(0, 7)).toEqual([
      'Zoë Nakamura-Okafor',
      'Backend Engineer',
      'zoe@example.com · +44 20 7946 0958 · https://zoe.example.com',
      '1 Example Street, London, England N1 9GU, GB',
      'GitHub: https://github.com/zoe',
      '',
      'Summary',
    ]);
    expect(doc.text).toContain('Backend: Go, Node.js, PostgreSQL\nCloud (Advanced): Kubernetes, AWS');
    expect(doc.text).toContain(
      'Senior Backend Engineer at Acme Payments Ltd\nMar 2019 – Present\nOwned the ledger service.\n• Rewrote settlement in Go and PostgreSQL',
    );
    expect(doc.sections.map((s) => [s.kind, s.heading])).toEqual([
      ['contact', ''],
      ['summary', 'Summary'],
      ['experience', 'Work Experience'],
      ['other', 'Volunteer Experience'],
      ['education', 'Education'],
      ['projects', 'Projects'],
      ['skills', 'Skills'],
      ['certifications', 'Certifications'],
      ['other', 'Awards'],
      ['other', 'Publications'],
      ['other', 'Languages'],
      ['other', 'Interests'],
      ['other', 'References'],
    ]);
    for (const section of doc.sections) {
      if (section.headingSpan !== null)
        expect(doc.text.slice(section.headingSpan.start, section.headingSpan.end)).toBe(section.heading);
    }
    expect(doc.lines.map((span) => doc.text.slice(span.start, span.end))).toEqual(doc.text.split('\n'));
  });

  it('turns work[] into timeline entries with exact spans', () => {
    expect(doc.timeline.map((e) => [e.title, e.organisation, e.start, e.end])).toEqual([
      ['Senior Backend Engineer', 'Acme Payments Ltd', '2019-03', null],
      ['Developer', 'Initech', '2015-01', '2019-02'],
      ['Intern', 'Umbrella Corp', '2014-06', '2014-08'],
    ]);
    const [acme, initech] = doc.timeline;
    expect(doc.text.slice(acme?.span.start, acme?.span.end)).toBe(
      'Senior Backend Engineer at Acme Payments Ltd\nMar 2019 – Present\nOwned the ledger service.\n• Rewrote settlement in Go and PostgreSQL\n• Ran Kafka consumers on Kubernetes',
    );
    expect(doc.text.slice(acme?.dateSpan.start, acme?.dateSpan.end)).toBe('Mar 2019 – Present');
    expect(doc.text.slice(initech?.span.start, initech?.span.end)).toBe(
      'Developer at Initech\n2015 – Feb 2019\n• Maintained Java 8 services on Tomcat',
    );
    expect(doc.diagnostics).toEqual([]);
  });

  it('agrees with reading its own text back (round trip)', () => {
    const again = structureDocument({ text: doc.text, lines: doc.lines, asOf });
    expect(again.sections).toEqual(doc.sections);
    expect(again.timeline).toEqual(doc.timeline);
  });

  it('accepts a JSON string and is deterministic', () => {
    const fromString = jsonResumeToDocument(JSON.stringify(RESUME), { asOf });
    expect(JSON.stringify(fromString)).toBe(JSON.stringify(doc));
  });

  it('handles sparse résumés and undated work', () => {
    const sparse = jsonResumeToDocument(
      {
        work: [
          { name: 'Acme', position: 'Engineer' },
          { name: 'Globex', startDate: '2020-01', endDate: '' },
        ],
        skills: [{ keywords: ['Go'] }],
      },
      { asOf },
    );
    expect(sparse.sections.map((s) => s.kind)).toEqual(['experience', 'skills']);
    expect(sparse.sections[0]?.span.start).toBe(0);
    expect(sparse.timeline).toMatchObject([{ organisation: 'Globex', start: '2020-01', end: null }]);
    expect(sparse.diagnostics.map((d) => [d.code, d.place])).toEqual([['json-resume-undated-work', 'work[0]']]);
    const empty = jsonResumeToDocument({ basics: {} }, { asOf });
    expect(empty).toMatchObject({ text: '', sections: [], timeline: [] });
  });

  it('flags future and inverted work dates', () => {
    const odd = jsonResumeToDocument(
      {
        work: [
          { name: 'Acme', position: 'Engineer', startDate: '2021-05', endDate: '2019-01' },
          { name: 'Globex', position: 'Engineer', startDate: '2027-01' },
        ],
      },
      { asOf },
    );
    expect(odd.timeline.map((e) => [e.start, e.end])).toEqual([
      ['2019-01', '2021-05'],
      ['2027-01', null],
    ]);
    expect(odd.diagnostics.map((d) => [d.code, d.place])).toEqual([
      ['date-range-inverted', 'work[0]'],
      ['date-range-future', 'work[1]'],
    ]);
  });

  it('lists every validation issue with its path', () => {
    const bad = {
      basics: { name: 42 },
      work: [{ name: 'Acme', startDate: '2019/03' }, { highlights: 'not a list' }],
      skills: 'Go',
    };
    let error: unknown;
    try {
      jsonResumeToDocument(bad, { asOf });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect(isValidationError(error)).toBe(true);
    const validation = error as ValidationError;
    expect(validation.code).toBe('invalid-json-resume');
    expect(validation.issues.map((issue) => issue.path)).toEqual(
      expect.arrayContaining([['basics', 'name'], ['work', 0, 'startDate'], ['work', 1, 'highlights'], ['skills']]),
    );
    expect(validation.issues).toHaveLength(4);
    expect(() => jsonResumeToDocument([], { asOf })).toThrow(ValidationError);
    expect(() => jsonResumeToDocument('{"work": [', { asOf })).toThrow(ParseError);
  });
});

describe('hostile sizes', () => {
  const manyJobs = (n: number): Record<string, unknown> => ({
    basics: { name: 'Many Jobs' },
    work: Array.from({ length: n }, (_, i) => ({
      name: `Company ${i}`,
      position: 'Engineer',
      startDate: `${2000 + (i % 20)}-0${1 + (i % 9)}`,
      endDate: `${2001 + (i % 20)}-0${1 + (i % 9)}`,
      highlights: ['Built Go services on PostgreSQL'],
    })),
  });

  it('is linear in the number of work entries (20,000 entries took 111 s when each entry re-joined the text)', () => {
    const timeOf = (n: number): number => {
      const value = manyJobs(n);
      const started = performance.now();
      const doc = jsonResumeToDocument(value, { asOf });
      expect(doc.timeline).toHaveLength(n);
      return performance.now() - started;
    };
    timeOf(500);
    const small = Math.min(timeOf(2500), timeOf(2500));
    const large = Math.min(timeOf(10_000), timeOf(10_000));
    // Four times the entries: linear is ~4×, quadratic ~16×.
    expect(large / small).toBeLessThan(9);
    const doc = jsonResumeToDocument(manyJobs(20_000), { asOf });
    expect(doc.timeline[19_999]).toMatchObject({ organisation: 'Company 19999', start: '2019-02' });
    expect(doc.text.slice(doc.timeline[19_999]!.dateSpan.start, doc.timeline[19_999]!.dateSpan.end)).toBe(
      'Feb 2019 – Feb 2020',
    );
  });
});
