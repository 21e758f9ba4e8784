import { describe, expect, it } from 'vitest';
import { EXTRACT_DEFAULTS } from '../src/defaults.js';
import { createExtractor, extractSkills } from '../src/extract/index.js';
import { toolsFields } from '../src/extract/fields.js';
import { sentenceBreaks, sentenceSpanAround } from '../src/extract/sentences.js';
import { scanDocument } from '../src/extract/tokens.js';
import type { Skill, Taxonomy } from '../src/taxonomy/schema.js';
import type { ResumeDocument, SkillMention, SkillProfile } from '../src/types.js';

/**
 * A small taxonomy written like the built-in one (same ambiguity rules for the same words), so the
 * engine's rules are tested apart from the data; `extract-builtin.test.ts` runs the shipped data.
 */
function skill(
  id: string,
  name: string,
  category: Skill['category'],
  aliases: string[] = [],
  extra: Partial<Skill> = {},
): Skill {
  return { id, name, category, aliases, ...extra };
}
const LANG = ['programming', 'language', 'lang'];
const TAXONOMY: Taxonomy = {
  version: 'test',
  skills: [
    skill('ab-testing', 'A/B testing', 'architecture-and-practices'),
    skill('amazon-ec2', 'Amazon EC2', 'cloud', ['EC2']),
    skill('amazon-s3', 'Amazon S3', 'cloud', ['S3']),
    skill('asp-net', 'ASP.NET', 'backend-frameworks', [], { implies: [{ id: 'dotnet', weight: 0.8 }] }),
    skill('aws', 'AWS', 'cloud', ['Amazon Web Services']),
    skill('aws-lambda', 'AWS Lambda', 'cloud', ['Lambda'], {
      ambiguous: {
        aliases: ['Lambda'],
        rule: 'tech-context',
        caseSensitive: true,
        confirmers: ['aws', 'serverless'],
        note: 'lambda calculus',
      },
    }),
    skill('c', 'C', 'programming-languages', ['C language', 'C programming'], {
      ambiguous: { aliases: ['C'], rule: 'list-item', caseSensitive: true, confirmers: LANG, note: 'a letter' },
    }),
    skill('c-sharp', 'C#', 'programming-languages', ['C Sharp']),
    skill('ci-cd', 'CI/CD', 'ci-cd-and-devops-tools', ['CI CD']),
    skill('cpp', 'C++', 'programming-languages', ['CPP']),
    skill('css', 'CSS', 'frontend', ['CSS3']),
    skill('django', 'Django', 'backend-frameworks', [], { implies: [{ id: 'python', weight: 0.8 }] }),
    skill('docker', 'Docker', 'containers-and-orchestration'),
    skill('dotnet', '.NET', 'backend-frameworks', ['dotnet']),
    skill('express', 'Express', 'backend-frameworks', ['Express.js', 'ExpressJS'], {
      implies: [{ id: 'nodejs', weight: 0.8 }],
      ambiguous: {
        aliases: ['Express'],
        rule: 'tech-context',
        confirmers: ['node', 'nodejs'],
        note: 'express delivery',
      },
    }),
    skill('flask', 'Flask', 'backend-frameworks', [], {
      implies: [{ id: 'python', weight: 0.8 }],
      ambiguous: { aliases: ['Flask'], rule: 'tech-context', confirmers: ['python'], note: 'lab glass' },
    }),
    skill('go', 'Go', 'programming-languages', ['Golang', 'Go lang'], {
      ambiguous: {
        aliases: ['Go'],
        rule: 'tech-context',
        caseSensitive: true,
        confirmers: [...LANG, 'golang'],
        note: 'verb',
      },
    }),
    skill('html', 'HTML', 'frontend', ['HTML5']),
    skill('java', 'Java', 'programming-languages', ['Core Java', 'Java 8']),
    skill('java-ee', 'Java EE', 'backend-frameworks', ['J2EE', 'Java/J2EE'], {
      implies: [{ id: 'java', weight: 0.8 }],
    }),
    skill('javascript', 'JavaScript', 'programming-languages', ['JS']),
    skill('kubernetes', 'Kubernetes', 'containers-and-orchestration', ['k8s']),
    skill('mysql', 'MySQL', 'databases'),
    skill('nodejs', 'Node.js', 'backend-frameworks', ['nodejs', 'node js'], {
      implies: [{ id: 'javascript', weight: 0.8 }],
    }),
    skill('objective-c', 'Objective-C', 'programming-languages', ['ObjC']),
    skill('oracle-database', 'Oracle Database', 'databases', ['Oracle', 'Oracle DB']),
    skill('pl-sql', 'PL/SQL', 'programming-languages'),
    skill('postgresql', 'PostgreSQL', 'databases', ['Postgres']),
    skill('python', 'Python', 'programming-languages'),
    skill('r', 'R', 'programming-languages', ['R programming', 'RStudio'], {
      ambiguous: {
        aliases: ['R'],
        rule: 'list-item',
        caseSensitive: true,
        confirmers: [...LANG, 'statistics'],
        note: 'a letter',
      },
    }),
    skill('rails', 'Ruby on Rails', 'backend-frameworks', ['Rails', 'RoR'], {
      ambiguous: { aliases: ['Rails'], rule: 'tech-context', confirmers: ['ruby'], note: 'train rails' },
    }),
    skill('react', 'React', 'frontend', ['ReactJS', 'React.js'], {
      ambiguous: { aliases: ['React'], rule: 'tech-context', note: 'verb' },
    }),
    skill('redux', 'Redux', 'frontend'),
    skill('rust', 'Rust', 'programming-languages', ['Rust lang'], {
      ambiguous: { aliases: ['Rust'], rule: 'tech-context', confirmers: [...LANG, 'cargo'], note: 'corrosion' },
    }),
    skill('spring-boot', 'Spring Boot', 'backend-frameworks', [], {
      implies: [{ id: 'spring-framework', weight: 0.9 }],
    }),
    skill('spring-framework', 'Spring', 'backend-frameworks', ['Spring Framework', 'Spring MVC'], {
      implies: [{ id: 'java', weight: 0.7 }],
      ambiguous: { aliases: ['Spring'], rule: 'tech-context', confirmers: ['java', 'framework'], note: 'season' },
    }),
    skill('swift', 'Swift', 'programming-languages', [], {
      ambiguous: {
        aliases: ['Swift'],
        rule: 'tech-context',
        caseSensitive: true,
        confirmers: ['ios', 'xcode'],
        note: 'adjective',
      },
    }),
    skill('t-sql', 'T-SQL', 'programming-languages', ['TSQL']),
    skill('tcp-ip', 'TCP/IP', 'networking'),
    skill('windows', 'Windows', 'operating-systems-and-shells', [
      'Windows 95',
      'Windows 98',
      'Windows NT',
      'Windows 2000',
      'Windows XP',
    ]),
  ],
};

const extractor = createExtractor(TAXONOMY);
const run = (text: string): SkillProfile => extractor.extract(text, { asOf: '2025-06' });
const ids = (p: SkillProfile): string[] => p.skills.map((s) => s.id);
const mentionsOf = (p: SkillProfile, id: string): SkillMention[] => p.skills.find((s) => s.id === id)?.mentions ?? [];

// [text, ids that must be found, ids that must not be found]
const CASES: [string, string[], string[]][] = [
  // ambiguity: Go
  ['I am ready to go the extra mile for every client.', [], ['go']],
  ['Ready to Go!', [], ['go']],
  ['Languages: Go, Rust and Python', ['go', 'rust', 'python'], []],
  ['Led the go-to-market plan for our Python tooling.', ['python'], ['go']],
  ['Built microservices in Go and deployed them on Kubernetes.', ['go', 'kubernetes'], []],
  ['Golang developer with Docker experience', ['go', 'docker'], []],
  ['Go programming for network services', ['go'], []],
  ['Let us go over the plan and go live next week.', [], ['go']],
  // Express
  ['Express delivery of parcels within a day.', [], ['express']],
  ['REST APIs with Node.js/Express and PostgreSQL', ['nodejs', 'express', 'postgresql'], []],
  ['Express.js middleware', ['express'], []],
  ['Please express your interest by email.', [], ['express']],
  // React
  ['We react quickly to customer incidents.', [], ['react']],
  ['Built UIs in React and Redux.', ['react', 'redux'], []],
  ['ReactJS, Redux', ['react', 'redux'], []],
  // Spring
  ['Spring 2019 internship at a bank', [], ['spring-framework']],
  ['Spring semester courses in economics', [], ['spring-framework']],
  ['Java, Spring, MySQL', ['java', 'spring-framework', 'mysql'], []],
  ['Spring Boot microservices', ['spring-boot'], ['spring-framework']],
  ['Spring framework and Hibernate', ['spring-framework'], []],
  // R and C
  ['R and C', [], ['r', 'c']],
  ['Languages: R, Python, MySQL', ['r', 'python', 'mysql'], []],
  ['Grade: C', [], ['c']],
  ['John R. Smith, Plan B', [], ['r']],
  ['C programming and embedded work', ['c'], []],
  ['Proficient in C, C++ and Java', ['c', 'cpp', 'java'], []],
  ['Wrote statistical models in R programming', ['r'], []],
  ['Objective-C and T-SQL', ['objective-c', 't-sql'], ['c']],
  ['Vitamin C and C-level executives', [], ['c']],
  ['R&D department, Python team', ['python'], ['r']],
  // employers
  ['Worked at Oracle as a Software Engineer', [], ['oracle-database']],
  ['Software Engineer, Oracle', [], ['oracle-database']],
  ['Associate Software Engineer in Oracle India Pvt Ltd.', [], ['oracle-database']],
  ['Oracle Corporation, Bengaluru', [], ['oracle-database']],
  ['Software Engineer, Oracle July 2012 - May 2014', [], ['oracle-database']],
  // lower case: only joined to named technologies in a list, or on a line of lower-case tags
  ['Skills: python, go, docker', ['python', 'go', 'docker'], []],
  ['We go to the office and write python scripts.', ['python'], ['go']],
  ['python go docker kubernetes', ['python', 'go', 'docker', 'kubernetes'], []],
  // places and proper names
  ['Relocated to New Express Park with my Python team', ['python'], ['express']],
  ['Our Python club meets at the Golden Flask Street Market on Fridays', ['python'], ['flask']],
  ['Winner of the Golden Swift Award for design software', [], ['swift']],
  ['Tuned slow queries on Oracle and MySQL', ['oracle-database', 'mysql'], []],
  ['Databases: Oracle, MySQL', ['oracle-database', 'mysql'], []],
  // other ambiguous words
  ['Swift delivery of projects on time', [], ['swift']],
  ['iOS apps in Swift and Objective-C', ['swift', 'objective-c'], []],
  ['Rust removal on the old bridge', [], ['rust']],
  ['The train ran on rails through the valley', [], ['rails']],
  ['Ruby on Rails and PostgreSQL', ['rails', 'postgresql'], []],
  ['Studied lambda calculus', [], ['aws-lambda']],
  ['Flask of water in the lab', [], ['flask']],
  // lists
  ['AWS (EC2, S3, Lambda)', ['aws', 'amazon-ec2', 'amazon-s3', 'aws-lambda'], []],
  ['Java/J2EE', ['java', 'java-ee'], []],
  ['HTML5/CSS3', ['html', 'css'], []],
  ['Python (Django, Flask)', ['python', 'django', 'flask'], []],
  ['Windows 95/98/NT/2000/XP', ['windows'], []],
  ['CI/CD, PL/SQL, TCP/IP, A/B testing', ['ci-cd', 'pl-sql', 'tcp-ip', 'ab-testing'], ['c']],
  ['C#, .NET, ASP.NET', ['c-sharp', 'dotnet', 'asp-net'], ['c']],
  ['nodejs, node js and Node.JS', ['nodejs'], []],
  ['Postgres | Docker | k8s', ['postgresql', 'docker', 'kubernetes'], []],
  ['Python3 and HTML5', ['python', 'html'], []],
  ['Skills: Java • Spring • Go', ['java', 'spring-framework', 'go'], []],
  ['Contact: jane@python.org, https://www.docker.com/java', [], ['python', 'docker', 'java']],
  ['Installed under C:\\Program Files\\Java\\jdk1.8 on the C programming lab PC', ['c'], ['java']],
  // typos
  ['Skills: Kubernates, Postgress, Docker', ['kubernetes', 'postgresql', 'docker'], []],
  ['Our systems handle peak traffic', [], []],
];

describe('extractSkills: ambiguity, employers, lists', () => {
  it(`has at least 60 table cases (${CASES.length + 20} with the flag table)`, () => {
    expect(CASES.length + FLAGS.length).toBeGreaterThanOrEqual(60);
  });
  it.each(CASES)('%s', (text, present, absent) => {
    const found = ids(run(text));
    for (const id of present) expect(found, `${id} in ${JSON.stringify(found)}`).toContain(id);
    for (const id of absent) expect(found, `${id} in ${JSON.stringify(found)}`).not.toContain(id);
  });

  it('splits lists with exact spans', () => {
    const text = 'Skills: Java/J2EE, HTML5/CSS3, Python (Django, Flask), AWS (EC2, S3, Lambda)';
    const p = run(text);
    const spans = p.skills.flatMap((s) => s.mentions.map((m) => [s.id, m.text, text.slice(m.span.start, m.span.end)]));
    for (const [, t, slice] of spans) expect(slice).toBe(t);
    expect(spans.map(([id, t]) => `${id}:${t}`).sort()).toEqual(
      [
        'amazon-ec2:EC2',
        'amazon-s3:S3',
        'aws-lambda:Lambda',
        'aws:AWS',
        'css:CSS3',
        'django:Django',
        'flask:Flask',
        'html:HTML5',
        'java-ee:J2EE',
        'java:Java',
        'python:Python',
      ].sort(),
    );
    expect(mentionsOf(p, 'java')[0]!.span).toEqual({ start: 8, end: 12 });
    expect(mentionsOf(p, 'java-ee')[0]!.span).toEqual({ start: 13, end: 17 });
  });

  it('carries the product through a version list', () => {
    const text = 'Windows 95/98/NT/2000/XP';
    expect(mentionsOf(run(text), 'windows').map((m) => m.text)).toEqual(['Windows 95', '98', 'NT', '2000', 'XP']);
  });

  it('keeps CI/CD and A/B testing whole', () => {
    const p = run('CI/CD and A/B testing');
    expect(mentionsOf(p, 'ci-cd')[0]!.text).toBe('CI/CD');
    expect(mentionsOf(p, 'ab-testing')[0]!.text).toBe('A/B testing');
  });

  it('flags typo matches as fuzzy', () => {
    const m = mentionsOf(run('Tools: Kubernates, Docker'), 'kubernetes');
    expect(m[0]).toMatchObject({ text: 'Kubernates', fuzzy: true });
    expect(mentionsOf(run('Tools: Kubernetes, Docker'), 'kubernetes')[0]!.fuzzy).toBe(false);
    expect(ids(extractor.extract('Tools: Kubernates, Docker', { fuzzy: false }))).not.toContain('kubernetes');
    // English words one edit from an alias are words, not typos.
    expect(ids(run('Tools: Dockers, systems, Docker'))).toEqual(['docker']);
  });

  it('reports dropped ambiguous words as diagnostics', () => {
    const p = run('I am ready to go the extra mile.');
    expect(p.diagnostics.some((d) => d.code === 'ambiguous-mention-dropped' && d.source === 'extract')).toBe(true);
  });
});

// [text, skill id, expected mention fields]
const FLAGS: [string, string, Partial<SkillMention>][] = [
  ['Python (primary)', 'python', { level: 'advanced', negated: false }],
  ['Java (basic)', 'java', { level: 'basic' }],
  ['Expert in Go, Python', 'go', { level: 'expert' }],
  ['Expert in Go, Python', 'python', { level: 'expert' }],
  ['familiar with Docker', 'docker', { level: 'basic' }],
  ['Proficient in Java', 'java', { level: 'advanced' }],
  ['Working knowledge of Kubernetes', 'kubernetes', { level: 'intermediate' }],
  ['Java - expert', 'java', { level: 'expert' }],
  ['No experience with Java', 'java', { negated: true, aspiration: false }],
  ['Docker, not Kubernetes', 'kubernetes', { negated: true }],
  ['Docker, not Kubernetes', 'docker', { negated: false }],
  ['I have no experience with Java, Docker or Kubernetes, but I know Python', 'kubernetes', { negated: true }],
  ['I have no experience with Java, Docker or Kubernetes, but I know Python', 'python', { negated: false }],
  ['Not only Java but also Python', 'java', { negated: false }],
  ['Currently learning Rust programming', 'rust', { aspiration: true, negated: false }],
  ['Interested in Kubernetes and Docker', 'docker', { aspiration: true }],
  ['Exposure to AWS', 'aws', { aspiration: true }],
  ['Would like to work with Swift on iOS', 'swift', { aspiration: true }],
  ['Currently studying Python', 'python', { aspiration: true }],
  ['Machine learning with Python', 'python', { aspiration: false }],
  ['Java and Python; no Docker', 'java', { negated: false }],
  ['Java and Python; no Docker', 'docker', { negated: true }],
];

// "no (modifier)* experience with/in …" and the other ways to say it, and look-alikes that negate nothing.
const NEGATIONS: [string, string, boolean][] = [
  ['No hands-on experience with Kubernetes', 'kubernetes', true],
  ['No prior experience with Docker', 'docker', true],
  ['No professional experience in Java', 'java', true],
  ['No commercial experience with Rust or Go', 'rust', true],
  ['No commercial experience with Rust or Go', 'go', true],
  ['No production experience with AWS; strong Python', 'aws', true],
  ['No production experience with AWS; strong Python', 'python', false],
  ['No real-world experience with Docker', 'docker', true],
  ['Zero professional experience with Java', 'java', true],
  ['Without experience in Java', 'java', true],
  ['Lacking hands-on knowledge of Kubernetes', 'kubernetes', true],
  ['Never used Docker', 'docker', true],
  ['I have never used Kubernetes in production', 'kubernetes', true],
  ['Not using Docker yet', 'docker', true],
  ['Hands-on experience with Kubernetes', 'kubernetes', false],
  ['Prior experience with Docker and Kubernetes', 'docker', false],
  ['Zero-downtime releases: no downtime using Kubernetes', 'kubernetes', false],
  ['Built the platform with no external dependencies using Python', 'python', false],
  ['Shipped with no regressions in Java', 'java', false],
];

describe('extractSkills: qualifiers, negation, aspiration', () => {
  it.each(FLAGS)('%s → %s', (text, id, expected) => {
    const mentions = mentionsOf(run(text), id);
    expect(mentions.length, `${id} found`).toBeGreaterThan(0);
    expect(mentions[0]).toMatchObject(expected);
  });

  it.each(NEGATIONS)('%s → %s negated: %s', (text, id, negated) => {
    const mentions = mentionsOf(run(text), id);
    expect(mentions.length, `${id} found`).toBeGreaterThan(0);
    expect(mentions.every((m) => m.negated === negated)).toBe(true);
  });

  it('gives a negated cue no proficiency level ("No hands-on experience" is not intermediate)', () => {
    expect(mentionsOf(run('No hands-on experience with Kubernetes'), 'kubernetes')[0]!.level).toBeUndefined();
    expect(mentionsOf(run('Hands-on experience with Kubernetes'), 'kubernetes')[0]!.level).toBe('intermediate');
  });

  it('implies nothing from a skill that is only negated or only an aspiration', () => {
    const skillOf = (text: string, id: string) => run(text).skills.find((s) => s.id === id)!;
    expect(skillOf('No hands-on experience with Django', 'django')).toMatchObject({ implied: [], months: 0 });
    expect(skillOf('Currently learning Django', 'django')).toMatchObject({ implied: [], months: 0 });
    expect(skillOf('Interested in Express.js', 'express').implied).toEqual([]);
    expect(skillOf('Built APIs in Django', 'django').implied.map((i) => i.id)).toEqual(['python']);
    // One positive mention is enough for the implied skills.
    expect(skillOf('Built APIs in Django. Never used Django REST', 'django').implied.map((i) => i.id)).toEqual([
      'python',
    ]);
  });

  it('claims years from how people write them', () => {
    const claims: [string, string, number][] = [
      ['5+ years of Java', 'java', 5],
      ['Java (3 years)', 'java', 3],
      ['4 yrs experience in Python', 'python', 4],
      ['Python - 2 years', 'python', 2],
      ['5+ years of experience in Java, Python - 2 years', 'python', 2],
      ['C++ (Less than 1 year)', 'cpp', 0.5],
    ];
    for (const [text, id, years] of claims)
      expect(run(text).skills.find((s) => s.id === id)?.claimedYears, text).toBe(years);
    expect(run('Java developer').skills.find((s) => s.id === 'java')?.claimedYears).toBeNull();
  });
});

describe('extractSkills: timeline, months and implied skills', () => {
  const lines = [
    'EXPERIENCE',
    'Backend Engineer, Acme - Jan 2019 to Dec 2020',
    'Built APIs in Python and PostgreSQL. No experience with MySQL.',
    'Platform Engineer, Globex - Jun 2020 to present',
    'Python, Docker and Kubernetes on AWS.',
    'SKILLS',
    'Java, Django',
  ];
  const text = lines.join('\n');
  const at = (i: number): number => lines.slice(0, i).reduce((n, l) => n + l.length + 1, 0);
  const lineSpans = lines.map((l, i) => ({ start: at(i), end: at(i) + l.length }));
  const doc: ResumeDocument = {
    version: '1',
    text,
    lines: lineSpans,
    sections: [
      { kind: 'experience', heading: 'EXPERIENCE', headingSpan: lineSpans[0]!, span: { start: 0, end: at(5) } },
      { kind: 'skills', heading: 'SKILLS', headingSpan: lineSpans[5]!, span: { start: at(5), end: text.length } },
    ],
    timeline: [
      {
        title: 'Backend Engineer',
        organisation: 'Acme',
        start: '2019-01',
        end: '2020-12',
        span: { start: at(1), end: at(3) },
        dateSpan: { start: at(1) + 23, end: lineSpans[1]!.end },
      },
      {
        title: 'Platform Engineer',
        organisation: 'Globex',
        start: '2020-06',
        end: null,
        span: { start: at(3), end: at(5) },
        dateSpan: { start: at(3) + 27, end: lineSpans[3]!.end },
      },
    ],
    meta: { format: 'text', pages: null, bytes: text.length },
    diagnostics: [{ severity: 'info', code: 'tables', message: 'from the parser', source: 'parse' }],
  };
  const profile = extractor.extract(doc, { asOf: '2021-12' });
  const get = (id: string) => profile.skills.find((s) => s.id === id)!;

  it('unions overlapping entries and ends open ranges at asOf', () => {
    expect(get('python')).toMatchObject({ months: 36, lastUsed: '2021-12' });
    expect(get('postgresql')).toMatchObject({ months: 24, lastUsed: '2020-12' });
    expect(get('docker')).toMatchObject({ months: 19, lastUsed: '2021-12' });
  });

  it('gives 0 months to skills only listed, and ignores negated mentions', () => {
    expect(get('java')).toMatchObject({ months: 0, lastUsed: null });
    expect(get('mysql').mentions[0]!.negated).toBe(true);
    expect(get('mysql')).toMatchObject({ months: 0, lastUsed: null, implied: [] });
  });

  it('records section, context, timeline entry and sentence on each mention', () => {
    const [first, second] = get('python').mentions;
    expect(first).toMatchObject({
      section: 'experience',
      context: 'experience',
      timelineEntry: 0,
      sentence: 'Built APIs in Python and PostgreSQL.',
    });
    expect(text.slice(first!.sentenceSpan.start, first!.sentenceSpan.end)).toBe(first!.sentence);
    expect(second!.timelineEntry).toBe(1);
    expect(get('java').mentions[0]).toMatchObject({ section: 'skills', context: 'skills-list', timelineEntry: null });
  });

  it('lists implied skills with multiplied weights, never as mentioned skills', () => {
    expect(get('django').implied).toEqual([{ id: 'python', name: 'Python', weight: 0.8, implied: true }]);
    const boot = extractor.extract('Spring Boot and Express.js', { asOf: '2021-12' });
    expect(boot.skills.find((s) => s.id === 'spring-boot')!.implied).toEqual([
      { id: 'java', name: 'Java', weight: 0.63, implied: true },
      { id: 'spring-framework', name: 'Spring', weight: 0.9, implied: true },
    ]);
    expect(boot.skills.find((s) => s.id === 'express')!.implied.map((i) => [i.id, i.weight])).toEqual([
      ['javascript', 0.64],
      ['nodejs', 0.8],
    ]);
    expect(ids(boot)).toEqual(['express', 'spring-boot']);
  });

  it('carries parse diagnostics first and describes the document', () => {
    expect(profile.diagnostics[0]!.code).toBe('tables');
    expect(profile.document).toEqual({
      format: 'text',
      words: text.split(/\s+/).filter((w) => /[a-z]/i.test(w)).length,
      date: '2021-12',
    });
    expect(profile.version).toBe('2');
  });
});

describe('extractSkills: output contract', () => {
  const text = 'Summary: Go, Rust and Python developer. Worked at Oracle.\nSkills: Docker, k8s, Postgres, Java/J2EE';

  it('is deterministic plain JSON sorted by id', () => {
    const a = JSON.stringify(run(text));
    const b = JSON.stringify(createExtractor(TAXONOMY).extract(text, { asOf: '2025-06' }));
    expect(a).toBe(b);
    const p = JSON.parse(a) as SkillProfile;
    expect(ids(p)).toEqual([...ids(p)].sort());
    expect(JSON.parse(a)).toEqual(run(text));
  });

  it('indexes a plain string exactly', () => {
    for (const s of run(text).skills)
      for (const m of s.mentions) expect(text.slice(m.span.start, m.span.end)).toBe(m.text);
  });

  it('completes on a 1 MB hostile line', () => {
    const unit = 'Go, C/C++/R - ((Java)) -- Spring-Spring.. no not learning 5+ years ';
    const hostile =
      unit.repeat(Math.ceil(1_000_000 / unit.length)) + 'x'.repeat(50_000) + '.'.repeat(50_000) + '-/'.repeat(50_000);
    const p = run(hostile);
    expect(p.document.words).toBeGreaterThan(10_000);
    expect(ids(p)).toContain('java');
  });

  it('profiles a job description', () => {
    const jd = [
      'Senior Backend Engineer',
      'Requirements:',
      '- 5+ years of experience with Java or Go',
      '- Strong knowledge of PostgreSQL and Docker; Kubernetes is a plus',
      '- Familiarity with AWS (Lambda, S3)',
      'You will ship fast and go the extra mile.',
    ].join('\n');
    const p = run(jd);
    expect(ids(p)).toEqual(['amazon-s3', 'aws', 'aws-lambda', 'docker', 'go', 'java', 'kubernetes', 'postgresql']);
    expect(p.skills.find((s) => s.id === 'java')!.claimedYears).toBe(5);
    expect(p.skills.find((s) => s.id === 'go')!.mentions).toHaveLength(1);
  });

  it('uses the built-in taxonomy by default and checks its options', () => {
    expect(extractSkills('Python and Docker').skills.map((s) => s.id)).toEqual(
      expect.arrayContaining(['docker', 'python']),
    );
    expect(() => run(null as unknown as string)).toThrow(TypeError);
    expect(() => extractor.extract('x', { asOf: '2021-13' })).toThrow(/`asOf`/);
    expect(() => extractor.extract('x', { fuzzyThreshold: 2 })).toThrow(RangeError);
  });
});

describe('limits on what one document is read for', () => {
  const { maxHitsPerName, maxHitsPerDocument } = EXTRACT_DEFAULTS;
  const builtin = createExtractor();
  const read = (text: string): SkillProfile => builtin.extract(text, { asOf: '2025-06' });
  const capped = (p: SkillProfile, code: string) => p.diagnostics.filter((d) => d.code === code);
  const mentionsOf = (p: SkillProfile, id: string) => p.skills.find((s) => s.id === id)?.mentions.length ?? 0;

  it.each([
    ['one under the limit', maxHitsPerName - 1, maxHitsPerName - 1, null],
    ['exactly the limit', maxHitsPerName, maxHitsPerName, null],
    ['one past the limit', maxHitsPerName + 1, maxHitsPerName, `occurs ${maxHitsPerName + 1} times`],
    ['far past the limit', 20_000, maxHitsPerName, `${20_000 - maxHitsPerName} more only counted`],
  ])('reads a name written %s (%i times) %i times', (_, times, expected, says) => {
    const p = read('Skills: PostgreSQL and Kubernetes. '.repeat(times as number));
    for (const id of ['postgresql', 'kubernetes']) expect(mentionsOf(p, id)).toBe(expected);
    const warnings = capped(p, 'mentions-capped');
    if (says === null) expect(warnings).toEqual([]);
    else {
      expect(warnings.map((w) => w.message.split('"')[1])).toEqual(['postgresql', 'kubernetes']);
      for (const w of warnings) expect(w).toMatchObject({ severity: 'warning', source: 'extract' });
      expect(warnings[0]!.message).toContain(says);
    }
  });

  it('counts a capped name per name: a second name keeps its own limit, and the mentions read are the first', () => {
    const text = `${'Docker. '.repeat(maxHitsPerName + 10)}Terraform at the end. Docker again.`;
    const p = read(text);
    expect(mentionsOf(p, 'docker')).toBe(maxHitsPerName);
    expect(mentionsOf(p, 'terraform')).toBe(1);
    const docker = p.skills.find((s) => s.id === 'docker')!;
    expect(docker.mentions.at(-1)!.span.start).toBe((maxHitsPerName - 1) * 'Docker. '.length);
    expect(capped(p, 'mentions-capped').map((d) => d.message)).toEqual([
      `"docker" occurs ${maxHitsPerName + 11} times: the first ${maxHitsPerName} are read, 11 more only counted`,
    ]);
  });

  // Forty names, each within its own limit, spend the document's budget exactly.
  const NAMES = [
    'Python',
    'Java',
    'Docker',
    'Kubernetes',
    'PostgreSQL',
    'MySQL',
    'Redis',
    'Terraform',
    'Ansible',
    'Jenkins',
    'MongoDB',
    'Elasticsearch',
    'RabbitMQ',
    'GraphQL',
    'TypeScript',
    'JavaScript',
    'Kotlin',
    'Scala',
    'Haskell',
    'Erlang',
    'Elixir',
    'Clojure',
    'Webpack',
    'Angular',
    'Django',
    'Flask',
    'Laravel',
    'Symfony',
    'Hibernate',
    'Nginx',
    'Cassandra',
    'Kibana',
    'Grafana',
    'Prometheus',
    'Jira',
    'Confluence',
    'Bitbucket',
    'Gradle',
    'Maven',
    'Jest',
  ];
  const perName = maxHitsPerDocument / NAMES.length;

  it('reads at most maxHitsPerDocument names in all, and names in a warning those never read', () => {
    expect(Number.isInteger(perName) && perName <= maxHitsPerName).toBe(true);
    const text = `${`${NAMES.join(', ')}.\n`.repeat(perName)}Kafka and Python come last.`;
    const p = read(text);
    const counts = NAMES.map((n) => p.skills.find((s) => s.name === n || s.id === n.toLowerCase())?.mentions.length);
    expect(counts).toEqual(NAMES.map(() => perName));
    expect(p.skills.reduce((sum, s) => sum + s.mentions.length, 0)).toBe(maxHitsPerDocument);
    expect(p.skills.some((s) => s.id === 'apache-kafka' || s.id === 'kafka')).toBe(false);
    expect(capped(p, 'mentions-capped')).toEqual([]);
    const [warning, ...more] = capped(p, 'document-hits-capped');
    expect(more).toEqual([]);
    // Python was read before the budget ran out: counted, but not named as never read.
    expect(warning!.message).toBe(
      `the document names skills ${maxHitsPerDocument + 2} times: the first ${maxHitsPerDocument} are read, 2 more only counted; never read: "kafka" (1)`,
    );
  });

  it('gives twenty capped names a warning each, and counts the others in one more', () => {
    const names = NAMES.slice(0, 25);
    const p = read(`${names.join(', ')}.\n`.repeat(maxHitsPerName + 1));
    const warnings = capped(p, 'mentions-capped').map((d) => d.message);
    expect(warnings).toHaveLength(21);
    expect(warnings.slice(0, 20).map((m) => m.split('"')[1])).toEqual(names.slice(0, 20).map((n) => n.toLowerCase()));
    expect(warnings[20]).toBe(
      `5 more names occur more than ${maxHitsPerName} times: their first ${maxHitsPerName} are read, the rest only counted`,
    );
    for (const n of names) expect(mentionsOf(p, p.skills.find((s) => s.name === n)?.id ?? n)).toBe(maxHitsPerName);
  });

  it('gives a 1 MB line repeating a list a bounded profile, with every name of the list', () => {
    const unit = 'Go, C/C++/R - ((Java)) -- Spring-Spring.. no not learning 5+ years ';
    const p = read(unit.repeat(Math.ceil((1 << 20) / unit.length)));
    expect(p.skills.map((s) => s.id)).toEqual(expect.arrayContaining(['c', 'cpp', 'go', 'java', 'r']));
    for (const s of p.skills) expect(s.mentions.length).toBeLessThanOrEqual(maxHitsPerName);
    expect(capped(p, 'mentions-capped').length).toBeGreaterThanOrEqual(5);
  });
});

describe('sentence breaks read only as far as the last sentence needs', () => {
  const texts = [
    'Built services in Java. Deployed them on Kubernetes!\nLed a team; wrote Go?\n\nPython',
    `${'word '.repeat(80)}Java ${'more '.repeat(80)}.\nNext line with Docker`,
    'Java. Go. Rust.\r\nC#; F#!\u2028Scala',
    'no break at all around Java and then some text',
  ];
  const max = EXTRACT_DEFAULTS.maxSentenceLength;
  it.each(texts)('gives every span the sentence all breaks give it: %#', (text) => {
    const doc = scanDocument(text);
    const all = sentenceBreaks(doc);
    for (const token of doc.tokens) {
      const bounded = sentenceBreaks(doc, token.end + max + 1);
      expect(bounded.every((b) => b < token.end + max + 1)).toBe(true);
      expect(sentenceSpanAround(text, bounded, token.start, token.end, max)).toEqual(
        sentenceSpanAround(text, all, token.start, token.end, max),
      );
    }
    expect(sentenceBreaks(doc, 0)).toEqual([]);
  });

  it('keeps a mention’s sentence when thousands of lines follow its last one', () => {
    const text = `Java developer; built REST services.\n${'Version Control\n'.repeat(20_000)}`;
    const java = extractSkills(text, { asOf: '2026-11' }).skills.find((s) => s.id === 'java');
    expect(java?.mentions[0]?.sentence).toBe('Java developer;');
  });
});

// [line, whether "Eclipse" is an item of a tools field]: a label ends at a colon, or at a gap of one dash and blanks.
const FIELD_LABELS: [string, boolean][] = [
  ['Tools: Eclipse, Maven', true],
  ['Tools - Eclipse, Maven', true],
  ['Tools \u2013 Eclipse, Maven', true],
  ['Tools\u2014Eclipse, Maven', true],
  ['Tools\u00a0-\u2003Eclipse, Maven', true],
  ['Tools\t-\tEclipse, Maven', true],
  ['Tools -- Eclipse, Maven', false],
  ['Tools - - Eclipse, Maven', false],
  ['Tools | Eclipse, Maven', false],
  ['Tools _ Eclipse, Maven', false],
  ['Tools Eclipse, Maven', false],
];

describe('tools field labels', () => {
  it.each(FIELD_LABELS)('%s → %s', (line, labelled) => {
    const doc = scanDocument(line);
    const at = doc.tokens.findIndex((t) => t.norm === 'eclipse');
    expect(toolsFields(doc)[at] !== -1).toBe(labelled);
  });
});
