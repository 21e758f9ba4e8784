// The job-description stage: every heading and phrasing row read as its row says (and the negative
// rows not), one-line and heading-less adverts, lone technologies, HTML and JobPosting input, the
// diagnostics, role-empty, the rules pinned on invented and real postings, the SkillSpan and green
// job-ad sentences as a smoke corpus, and hostile sizes.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractSkills } from '../src/extract/index.js';
import { MAX_DIAGNOSTICS_PER_CODE } from '../src/job-description/diagnostics.js';
import { decodeJobDescription, roleFromJobDescription, type JobPosting } from '../src/job-description/index.js';
import {
  BARE_HEADING_EXAMPLES,
  BOILERPLATE_EXAMPLES,
  COMPANY_EXAMPLES,
  HEADING_ROWS,
  LEARN_OFFER_EXAMPLES,
  NOT_HEADING_EXAMPLES,
  PREFERRED_PHRASES,
  REQUIRED_PHRASES,
  TITLE_EXAMPLES,
  TITLE_LABEL_EXAMPLES,
  type JdSection,
} from '../src/job-description/patterns.js';
import { builtinRoles, getBuiltinRole } from '../src/role/builtin.js';
import type { Requirement, Role } from '../src/role/schema.js';
import { validateRole } from '../src/role/validate.js';
import { builtinTaxonomy } from '../src/taxonomy/builtin.js';
import { resolveSkill } from '../src/taxonomy/resolve.js';
import type { Taxonomy } from '../src/taxonomy/schema.js';
import { thrown } from './helpers/codes.js';

const SEED = new URL('../../shared/seed/backend-developer-job-description.txt', import.meta.url);
const VANETIK = new URL('../../shared/data/vanetik-vacancy-resume/5_vacancies.csv', import.meta.url);
const SKILLSPAN = new URL('../../shared/data/skillspan/data/json/test.json', import.meta.url);
const GREEN = new URL('../../shared/data/green-jd-entities/raw_data/testset.txt', import.meta.url);

function skillIds(role: Role): Set<string> {
  return new Set(role.requirements.flatMap((r) => ('skill' in r ? [r.skill] : 'anyOf' in r ? r.anyOf : [])));
}

function jaccard(a: Set<string>, b: Set<string>): number {
  const union = new Set([...a, ...b]);
  return [...a].filter((id) => b.has(id)).length / union.size;
}

/** The requirement holding a skill (alone or in a group). */
function holding(role: Role, id: string): Requirement | undefined {
  return role.requirements.find((r) => ('skill' in r ? r.skill === id : 'anyOf' in r ? r.anyOf.includes(id) : false));
}

/** Importance of every requirement, counted. */
function tally(role: Role): Record<string, number> {
  const counts: Record<string, number> = { required: 0, preferred: 0, bonus: 0 };
  for (const r of role.requirements) counts[r.importance]!++;
  return counts;
}

/** How a skill is asked for in a posting: its importance, `absent`, or the error code. */
function askOf(input: string | JobPosting, id: string): string {
  try {
    return holding(roleFromJobDescription(input), id)?.importance ?? 'absent';
  } catch (error) {
    return (error as { code?: string }).code ?? 'thrown';
  }
}

/** What a skill listed under a heading of each section is asked as. */
const LISTED_AS: Record<JdSection, string> = {
  required: 'required',
  preferred: 'preferred',
  responsibility: 'preferred',
  other: 'bonus',
};

/** The text a diagnostic's span covers. */
function spanned(text: string, role: Role, code: string): string[] {
  return (role.diagnostics ?? [])
    .filter((d) => d.code === code && d.span !== undefined)
    .map((d) => text.slice(d.span!.start, d.span!.end));
}

describe('heading rows', () => {
  // Every row's examples, as a line in six spellings, then as a label inside a line: the Docker item after them lands where the row says.
  const cases = HEADING_ROWS.flatMap((row) =>
    row.examples.flatMap((example) => {
      const lines = [
        example,
        `${example}:`,
        example.toUpperCase(),
        example.toLowerCase(),
        `## ${example}`,
        `**${example}**`,
      ].map(
        // The first item is no skill: the extractor reads a name right under a title-like line as an employer.
        (heading) =>
          [
            row.section,
            heading,
            `Backend Engineer\n\nResponsibilities\n- Ship code\n\n${heading}\n- Write clean code\n- Docker`,
            LISTED_AS[row.section],
          ] as const,
      );
      if (example.endsWith('?')) return lines;
      // Inline, prose after an `other` label is boilerplate: dropped.
      const inline = LISTED_AS[row.section] === 'bonus' ? 'absent' : LISTED_AS[row.section];
      return [
        ...lines,
        [
          row.section,
          `… ${example}: Docker`,
          `Backend Engineer\n\nResponsibilities\n- Ship Java code\n\nWe are hiring. ${example}: Docker and PostgreSQL`,
          inline,
        ] as const,
        [
          row.section,
          `${example.toLowerCase()}: docker`,
          `Backend Engineer\n\nResponsibilities\n- Ship Java code\n\n${example.toLowerCase()}: docker and postgresql`,
          inline,
        ] as const,
      ];
    }),
  );
  it.each(cases)('%s ← %j', (_section, heading, text, expected) => {
    expect(askOf(text, 'docker')).toBe(expected);
    if (expected !== 'absent') {
      const role = roleFromJobDescription(text);
      expect(
        spanned(text, role, 'jd-section').some((s) =>
          heading
            .replace(/^#+ |\*\*|…\s|:.*$/g, '')
            .toLowerCase()
            .startsWith(
              s
                .replace(/^#+ |\*\*|:$/g, '')
                .toLowerCase()
                .slice(0, 8),
            ),
        ),
      ).toBe(true);
    }
  });

  it.each(NOT_HEADING_EXAMPLES)('%j is an item, not a heading', (line) => {
    const text = `Backend Engineer\n\nNice to have\n${line}\n- PostgreSQL`;
    expect(askOf(text, 'postgresql')).toBe('preferred');
    expect(spanned(text, roleFromJobDescription(text), 'jd-section')).toEqual(['Nice to have']);
  });

  it.each(BARE_HEADING_EXAMPLES)('colon-less inline heading in $text', ({ text, section }) => {
    const posting = `Requirements\n- Java\n\nAbout us\n${text}`;
    expect(askOf(posting, 'postgresql')).toBe(LISTED_AS[section]);
    // Without the heading, the same words are boilerplate under "About us".
    expect(
      askOf(posting.replace(/Must have - |Nice To Haves - |What You Will Be Doing |Tech Stack - /, ''), 'postgresql'),
    ).toBe('absent');
  });
});

describe('phrasing rows', () => {
  it.each(REQUIRED_PHRASES.map((row) => row.example))('%j under Responsibilities is required', (example) => {
    expect(askOf(`Responsibilities\n- ${example}`, 'postgresql')).toBe('required');
  });

  it.each(PREFERRED_PHRASES.map((row) => row.example))('%j under Requirements is preferred', (example) => {
    expect(askOf(`Requirements\n- ${example}`, 'postgresql')).toBe('preferred');
  });

  it('leaves neutral phrasing to its section', () => {
    expect(askOf('Responsibilities\n- Maintain the PostgreSQL cluster', 'postgresql')).toBe('preferred');
    expect(askOf('Requirements\n- PostgreSQL', 'postgresql')).toBe('required');
  });

  it.each(BOILERPLATE_EXAMPLES)('boilerplate %j asks for nothing', (example) => {
    const role = roleFromJobDescription(`Requirements\n- Java\n\n${example}`);
    expect([...skillIds(role)]).toEqual(['java']);
  });

  it.each(COMPANY_EXAMPLES)('company prose %j is context: bonus at most', (example) => {
    const text = `Requirements\n- Java\n- ${example.replace('Kafka', 'PostgreSQL')}`;
    expect(askOf(text, 'postgresql')).toBe('bonus');
    expect(
      roleFromJobDescription(text).diagnostics?.some(
        (d) => d.code === 'jd-demoted' && /employer's own stack/.test(d.message),
      ),
    ).toBe(true);
  });

  it.each(LEARN_OFFER_EXAMPLES)('a learning offer asks for nothing: %j', (example) => {
    const role = roleFromJobDescription(example);
    expect(holding(role, 'java')?.importance).toBe('required');
    expect(holding(role, 'rust')).toBeUndefined();
    expect(spanned(example, role, 'jd-dropped')).toContain("You'll learn Rust on the job");
    // An ask before the offer in the same clause stays an ask.
    expect(askOf('Requirements\n- Strong Go, and you will get to learn Rust', 'go')).toBe('required');
    expect(askOf('Requirements\n- Strong Go, and you will get to learn Rust', 'rust')).toBe('absent');
  });
});

describe('titles', () => {
  it.each(TITLE_EXAMPLES)('first line $line → title $title', ({ line, title }) => {
    const role = roleFromJobDescription(`${line}\n\nRequirements\n- PostgreSQL`);
    expect(role.title).toBe(title ?? 'Untitled role');
    expect(role.diagnostics?.find((d) => d.code === 'jd-title')?.severity).toBe(title === null ? 'warning' : 'info');
  });

  it.each(TITLE_LABEL_EXAMPLES)('a title label names the job and asks for nothing: %j', (line) => {
    const role = roleFromJobDescription(`${line}\nRequirements: PostgreSQL`);
    expect(role.title).toBe(line.slice(line.indexOf(':') + 1).trim());
    expect([...skillIds(role)]).toEqual(['postgresql']);
  });

  it('prefers options.title, then the posting title', () => {
    expect(roleFromJobDescription('Senior Go Developer\n\nRequirements: Go', { title: 'Gopher' })).toMatchObject({
      id: 'gopher',
      title: 'Gopher',
    });
    expect(roleFromJobDescription({ '@type': 'JobPosting', title: 'Data Engineer', skills: 'Python' }).title).toBe(
      'Data Engineer',
    );
  });
});

describe('one-line and heading-less descriptions', () => {
  const rows: [string, Record<string, string>][] = [
    ['Requirements: Python, SQL, Docker', { python: 'required', sql: 'required', docker: 'required' }],
    ['requirements: python, sql, docker', { python: 'required', sql: 'required', docker: 'required' }],
    [
      'What You Need for This Role: Python, SQL and Docker',
      { python: 'required', sql: 'required', docker: 'required' },
    ],
    ['Must have: Python. Nice to have: Docker', { python: 'required', docker: 'preferred' }],
    ['Position: Python Developer. Requirements: Python, SQL', { python: 'required', sql: 'required' }],
    // Negative rows: prose without headings is read as responsibilities, phrasing deciding.
    ['We build payment services in Python on PostgreSQL.', { python: 'preferred', postgresql: 'preferred' }],
    ['We build payment services in Python. You must have strong SQL.', { python: 'preferred', sql: 'required' }],
  ];
  it.each(rows)('%j', (text, expected) => {
    const role = roleFromJobDescription(text);
    expect(Object.fromEntries([...skillIds(role)].map((id) => [id, holding(role, id)!.importance]))).toEqual(expected);
  });

  it('titles a one-line labelled list "Untitled role", and a "Position:" label by its job', () => {
    expect(roleFromJobDescription('Requirements: Python, SQL, Docker')).toMatchObject({
      id: 'untitled-role',
      title: 'Untitled role',
    });
    expect(roleFromJobDescription('Position: Python Developer. Requirements: Python, SQL').title).toBe(
      'Python Developer',
    );
  });

  it('says when there is no section that asks', () => {
    const role = roleFromJobDescription('We build payment services in Python on PostgreSQL.');
    expect(role.diagnostics?.some((d) => d.code === 'jd-section' && /read as responsibilities/.test(d.message))).toBe(
      true,
    );
  });
});

describe('lone technologies', () => {
  const positive: [string, string, string][] = [
    ['Backend Engineer\n\nRequirements\n• Kafka', 'kafka', 'required'],
    ['Backend Engineer\n\nRequirements\n- Spring', 'spring-framework', 'required'],
    ['Backend Engineer\n\nRequirements\n* Go', 'go', 'required'],
    ['Backend Engineer\n\nRequirements\n- Go.', 'go', 'required'],
    [
      'Backend Engineer\n\nResponsibilities\n- Build features end to end\n- Spring\n- Talk to customers',
      'spring-framework',
      'preferred',
    ],
    ['Backend Engineer\n\nNice to have: Go', 'go', 'preferred'],
    ['Backend Engineer\n\nRequirements: Go, Kafka and Spring', 'kafka', 'required'],
    ['Backend Engineer\n\nRequirements: Go, Kafka and Spring', 'spring-framework', 'required'],
    ['Backend Engineer\n\nRequirements\nGo\nKafka', 'kafka', 'required'],
  ];
  it.each(positive)('%j asks for %s (%s)', (text, id, importance) => {
    const role = roleFromJobDescription(text);
    expect(holding(role, id)?.importance).toBe(importance);
    const item = role.diagnostics?.find(
      (d) => d.code === 'jd-lone-item' && d.message.includes(text.slice(d.span!.start, d.span!.end)),
    );
    expect(item).toBeDefined();
  });

  // Ambiguity still applies in prose, in lists of phrases, and outside the asking sections.
  const negative: [string, string][] = [
    ['Backend Engineer\n\nRequirements\n- Java\n- We go to market fast', 'go'],
    ['Backend Engineer\n\nRequirements\n- Java\n- Go to market strategy', 'go'],
    ['Backend Engineer\n\nRequirements\n- Java\n- Available for the spring semester', 'spring-framework'],
    ['Backend Engineer\n\nRequirements\n- Java\n- Ready to go the extra mile', 'go'],
    ['Backend Engineer\n\nRequirements\n- Java\n\nBenefits\n- Kafka', 'kafka'],
    ['Backend Engineer\n\nRequirements\n- Java\n- R&D or Spring cleaning', 'spring-framework'],
  ];
  it.each(negative)('%j does not ask for %s', (text, id) => {
    expect(askOf(text, id)).toBe('absent');
  });
});

describe('input formats', () => {
  const posting: JobPosting = {
    '@context': 'https://schema.org',
    '@type': 'JobPosting',
    title: 'Platform Engineer',
    description: '&lt;p&gt;You will build services in Go. Experience with Kafka is required.&lt;/p&gt;',
  };
  const asPosted = { kafka: 'required', go: 'preferred' };
  const forms: [string, string | JobPosting, string][] = [
    ['a JobPosting object', posting, 'posting'],
    ['JobPosting JSON text', JSON.stringify(posting), 'posting-json'],
    [
      'JobPosting JSON in @graph',
      JSON.stringify({
        '@context': 'https://schema.org',
        '@graph': [{ '@type': 'Organization', name: 'Acme' }, posting],
      }),
      'posting-json',
    ],
    ['JobPosting JSON in an array', JSON.stringify([{ '@type': 'WebPage' }, posting]), 'posting-json'],
    [
      'JSON-LD in a posting page',
      `<html><head><script type="application/ld+json">${JSON.stringify(posting)}</script></head><body><nav>Jobs · Python · Careers</nav></body></html>`,
      'posting-json-ld',
    ],
  ];
  it.each(forms)(
    'reads %s; a description without headings is the posting body, phrasing deciding',
    (_what, input, format) => {
      const role = roleFromJobDescription(input);
      expect(role.title).toBe('Platform Engineer');
      expect(Object.fromEntries([...skillIds(role)].map((id) => [id, holding(role, id)!.importance]))).toEqual(
        asPosted,
      );
      expect(decodeJobDescription(input).format).toBe(format);
      const decoded = decodeJobDescription(input).text;
      expect(spanned(decoded, role, 'jd-section')).toContain('Description');
    },
  );

  it('decodes posting HTML as résumés are: every entity, <li> lists, headings', () => {
    const html =
      '<h2>Requirements</h2><ul><li>C&#43;&#43; &ndash; 3+ years</li><li>CI&#x2F;CD</li><li>Rust</li></ul><h2>Benefits</h2><p>Free Jira licences</p>';
    const role = roleFromJobDescription(html);
    expect(holding(role, 'cpp')).toMatchObject({ skill: 'cpp', importance: 'required', minYears: 3 });
    expect(holding(role, 'ci-cd')?.importance).toBe('required');
    expect(holding(role, 'rust')?.importance).toBe('required');
    expect(holding(role, 'jira')).toBeUndefined();
    const { text, format } = decodeJobDescription(html);
    expect(format).toBe('html');
    expect(text).toContain('• C++ – 3+ years');
    expect(text).toContain('• CI/CD');
    expect(spanned(text, role, 'jd-section')).toEqual(['Requirements', 'Benefits']);
  });

  it('honours the headings of a JobPosting description and renders its fields as sections', () => {
    const role = roleFromJobDescription({
      '@type': 'JobPosting',
      title: 'Backend Engineer',
      skills: ['Node.js', { '@type': 'DefinedTerm', name: 'TypeScript' }],
      qualifications: 'Experience with PostgreSQL or MySQL',
      experienceRequirements: {
        '@type': 'OccupationalExperienceRequirements',
        monthsOfExperience: 48,
        description: 'building services in Node.js',
      },
      responsibilities: ['Operate services on AWS'],
      description: '<p>Join us.</p><h3>Nice to have</h3><ul><li>GraphQL</li><li>Redis</li></ul>',
    });
    expect(role).toMatchObject({ id: 'backend-engineer', title: 'Backend Engineer' });
    expect(holding(role, 'nodejs')).toMatchObject({ importance: 'required', minYears: 4 });
    expect(holding(role, 'typescript')?.importance).toBe('required');
    expect(holding(role, 'mysql')).toMatchObject({ anyOf: ['mysql', 'postgresql'], importance: 'required' });
    expect(holding(role, 'aws')?.importance).toBe('preferred');
    expect(holding(role, 'graphql')?.importance).toBe('preferred');
    expect(
      role.diagnostics?.filter((d) => d.code === 'jd-section' && d.place !== undefined).map((d) => d.place),
    ).toEqual(['JobPosting.skills, qualifications and experienceRequirements', 'JobPosting.responsibilities']);
  });

  it('reads plain text as given, and JSON without a JobPosting as text', () => {
    const text = 'Requirements\n- R&amp;D with Python';
    expect(decodeJobDescription(text)).toEqual({ text, format: 'text' });
    const json = '{"note": "Requirements: Python and Docker"}';
    expect(decodeJobDescription(json).format).toBe('text');
    expect(roleFromJobDescription(json).diagnostics?.[0]?.message).toMatch(/JSON without a JobPosting/);
    expect(() => decodeJobDescription(42 as unknown as string)).toThrow(TypeError);
  });
});

describe('diagnostics', () => {
  const text = [
    'Senior Platform Engineer',
    '',
    'Acme builds payment software on Snowflake.',
    '',
    'Requirements',
    '- Strong Java',
    '- Hands-on Docker',
    '- Spring',
    "- No PHP experience needed; you'll learn Rust",
    '- Experience with Java, Python, Go, Ruby, PHP, Scala, Kotlin',
    '- Docker and Kubernetes',
    '',
    'Practicalities',
    '',
    'We use Terraform and love Excel.',
  ].join('\n');
  const role = roleFromJobDescription(text, { maxRequired: 2 });
  const codes = (code: string): string[] =>
    (role.diagnostics ?? []).filter((d) => d.code === code).map((d) => d.message);

  it('says how the input, the title and each heading were read, with spans into the text', () => {
    expect(codes('jd-input')).toEqual(['read as plain text: spans index the input as given']);
    expect(spanned(text, role, 'jd-title')).toEqual(['Senior Platform Engineer']);
    expect(spanned(text, role, 'jd-section')).toEqual(['Requirements', 'Practicalities']);
    // A heading the rows do not know is read as `other`, and says so as a warning.
    expect(
      role.diagnostics?.find((d) => d.code === 'jd-section' && d.message.includes('Practicalities'))?.severity,
    ).toBe('warning');
    const lone = 'Backend Engineer\n\nRequirements\n- Kafka.\n- Spring\n- Write tests';
    expect(spanned(lone, roleFromJobDescription(lone), 'jd-lone-item')).toEqual(['Kafka', 'Spring']);
  });

  it('says what it dropped and why: pitch, typo, negation, learning offer, boilerplate, repeats', () => {
    const dropped = codes('jd-dropped').join('\n');
    expect(dropped).toMatch(/Snowflake not asked for: in the preamble/);
    expect(dropped).toMatch(/"PHP" is negated/);
    expect(dropped).toMatch(/Rust not asked for: offered to learn/);
    expect(dropped).toMatch(/Terraform not asked for: prose under a heading about the company/);
    expect(dropped).toMatch(/Docker not asked for: named 1 more time/);
    for (const id of ['terraform', 'microsoft-excel', 'snowflake', 'rust'])
      expect(holding(role, id), id).toBeUndefined();
    expect(spanned(text, role, 'jd-dropped')).toContain("you'll learn Rust");
    const typo = 'Backend Developer\n\nSkills: Java, Kubernates';
    expect(spanned(typo, roleFromJobDescription(typo), 'jd-dropped')).toEqual(['Kubernates']);
  });

  it('says what it demoted and why: the keyword list and the maxRequired cap', () => {
    const demoted = codes('jd-demoted').join('\n');
    expect(demoted).toMatch(/named in a list of technologies/);
    expect(demoted).toMatch(/only the 2 strongest demands stay required/);
    expect(tally(role).required).toBe(2);
  });

  it('keeps diagnostics on the role as data: validated, JSON, deterministic; built-in roles have none', () => {
    expect(validateRole(role).ok).toBe(true);
    expect(JSON.parse(JSON.stringify(role))).toEqual(role);
    expect(JSON.stringify(roleFromJobDescription(text, { maxRequired: 2 }))).toBe(JSON.stringify(role));
    for (const builtin of builtinRoles()) expect(builtin.diagnostics, builtin.id).toBeUndefined();
    const bad = {
      ...structuredClone(role),
      diagnostics: [{ severity: 'info', code: 'x', message: 'm', source: 'extract' }],
    };
    expect(validateRole(bad).ok).toBe(false);
  });
});

describe('role-empty', () => {
  it.each([
    [
      'We are a friendly team. Apply today!',
      /asks for no skill of the taxonomy\. Read 1 line with no headings; skills seen: no skill of the taxonomy/,
    ],
    [
      'Backend Engineer\n\nRequirements\n- Good communication\n\nAbout us\nWe love Kafka and Terraform.',
      /Read 5 lines \("Backend Engineer", from the first line, as the title\) under "Requirements", "About us"; skills seen: Apache Kafka \(dropped: boilerplate\), Terraform \(dropped: boilerplate\)/,
    ],
    ['Java Developer', /\("Java Developer", from the first line, as the title\)/],
    ['Requirements\n- No Kubernetes experience needed', /Kubernetes \(dropped: negated\)/],
    [
      'We are a friendly team.\n\nAbout us\nWe love Kafka.\n\nRequirements\n- Good communication',
      /words read as ordinary words where they stand \(a list item of one name counts\): "Kafka"/,
    ],
  ])('%j throws role-empty naming what it read', (text, message) => {
    const error = thrown(() => roleFromJobDescription(text));
    expect(error.code).toBe('role-empty');
    expect(error.message).toMatch(message);
    expect(error.issues[0]).toMatchObject({ code: 'no-technology', path: [] });
  });

  // A taxonomy with kinds: practices and concepts alone are not a role.
  const kinded = {
    version: 'test',
    skills: [
      { id: 'agile', name: 'Agile', category: 'architecture-and-practices', aliases: [], kind: 'practice' },
      { id: 'scrum', name: 'Scrum', category: 'architecture-and-practices', aliases: [], kind: 'practice' },
      {
        id: 'microservices',
        name: 'Microservices',
        category: 'architecture-and-practices',
        aliases: [],
        kind: 'concept',
      },
      { id: 'java', name: 'Java', category: 'programming-languages', aliases: [], kind: 'technology' },
    ],
  } as unknown as Taxonomy;
  it('throws role-empty when every ask is a practice or concept, once the taxonomy has kinds', () => {
    const error = thrown(() =>
      roleFromJobDescription('Requirements\n- Agile and Scrum\n- Microservices', { taxonomy: kinded }),
    );
    expect(error.code).toBe('role-empty');
    expect(error.message).toMatch(/asks only for practices or concepts, no technology/);
    expect(error.message).toMatch(/Agile \(practice, asked for\)/);
    expect(skillIds(roleFromJobDescription('Requirements\n- Agile and Scrum\n- Java', { taxonomy: kinded }))).toEqual(
      new Set(['agile', 'scrum', 'java']),
    );
    // Without kinds every skill is a technology: the same practices make a role.
    const plain = { ...kinded, skills: kinded.skills.map(({ kind: _kind, ...skill }) => skill) } as unknown as Taxonomy;
    expect(skillIds(roleFromJobDescription('Requirements\n- Agile and Scrum', { taxonomy: plain }))).toEqual(
      new Set(['agile', 'scrum']),
    );
  });

  it('throws TypeError and RangeError on misuse', () => {
    expect(() => roleFromJobDescription(42 as unknown as string)).toThrow(TypeError);
    expect(() => roleFromJobDescription('Java', { id: 'Not Kebab' })).toThrow(/`id`/);
    expect(() => roleFromJobDescription('Java', { title: ' ' })).toThrow(/`title`/);
    expect(() => roleFromJobDescription('Java', null as unknown as object)).toThrow(/`options`/);
    expect(() => roleFromJobDescription('Requirements: Java', { maxRequired: -1 })).toThrow(RangeError);
  });
});

describe.skipIf(!existsSync(SEED))('roleFromJobDescription on the seed job description', () => {
  if (!existsSync(SEED)) console.warn(`skipped: ${SEED.pathname} is absent`);
  const text = existsSync(SEED) ? readFileSync(SEED, 'utf8') : '';
  const role = existsSync(SEED)
    ? roleFromJobDescription(text, { id: 'backend-developer' })
    : (undefined as unknown as Role);

  it('names nothing the built-in role lacks: the built-in role is the description, widened', () => {
    const builtin = getBuiltinRole('backend-developer')!;
    const derived = skillIds(role);
    console.info(`Jaccard(derived, built-in) = ${jaccard(derived, skillIds(builtin)).toFixed(4)}`);
    expect([...derived].filter((id) => !skillIds(builtin).has(id))).toEqual([]);
    expect(derived.size).toBeGreaterThanOrEqual(25);
    expect(role).toMatchObject({ id: 'backend-developer', title: 'Back End Developer' });
    expect(validateRole(role).ok).toBe(true);
  });

  it('reads "Requirements & Skills" as required, and a parenthesised list ending in "or" as one group', () => {
    // "Strong proficiency in backend programming languages (Node.js, Python, Java, PHP, Ruby, or C#)",
    // merged with the responsibilities' "Node.js, Python, Java, PHP, or .NET" (same group, mostly overlapping).
    expect(holding(role, 'ruby')).toMatchObject({
      importance: 'required',
      anyOf: ['c-sharp', 'dotnet', 'java', 'nodejs', 'php', 'python', 'ruby'],
    });
    // "Experience with database management (MySQL, PostgreSQL, MongoDB, Redis, etc.)": one group of alternatives,
    // and one demand with the skill the parenthesis gives examples of (database management, same category).
    expect(holding(role, 'mysql')).toMatchObject({
      importance: 'required',
      anyOf: ['database-administration', 'mongodb', 'mysql', 'postgresql', 'redis'],
    });
    // "Knowledge of RESTful APIs, GraphQL, and microservices architecture": an "and" list asks for each.
    for (const id of ['rest', 'graphql', 'microservices'])
      expect(holding(role, id), id).toMatchObject({ skill: id, importance: 'required' });
    // "(JWT, OAuth, etc.)" and "(Docker, Kubernetes)": parentheses are alternatives, joined with the skill they
    // are examples of — "authentication … (JWT, OAuth)", "containerization (Docker, Kubernetes)" — as the
    // built-in role's `authentication` and `containerisation` groups are.
    expect(holding(role, 'jwt')).toMatchObject({ anyOf: ['authentication', 'jwt', 'oauth2'], importance: 'required' });
    expect(holding(role, 'kubernetes')).toMatchObject({
      anyOf: ['containers', 'docker', 'kubernetes'],
      importance: 'required',
    });
  });

  it('reads "Familiarity with" as preferred even under Requirements', () => {
    // "Familiarity with cloud platforms (AWS, Azure, Google Cloud)." — the examples join "cloud platforms", as in the built-in `cloud-platform`.
    expect(holding(role, 'gcp')).toMatchObject({
      anyOf: ['aws', 'azure', 'cloud-computing', 'gcp'],
      importance: 'preferred',
    });
  });

  it('reads "Roles & Responsibilities" as preferred: the work, not a demand on the person', () => {
    // "Maintain code versioning, CI/CD pipelines, and deployment automation."
    expect(holding(role, 'ci-cd')).toMatchObject({ skill: 'ci-cd', importance: 'preferred' });
    // "(SQL & NoSQL)": a parenthesis joined by "&" asks for both, not one of them.
    expect(holding(role, 'sql')).toMatchObject({ skill: 'sql', importance: 'preferred' });
    expect(holding(role, 'nosql')).toMatchObject({ skill: 'nosql', importance: 'preferred' });
  });

  it('keeps skills named only in the vendor’s assessment list as bonus, and drops the preamble', () => {
    // "caching strategies (Redis, Memcached)": Redis is already required, so Memcached stands alone as bonus.
    expect(holding(role, 'memcached')).toMatchObject({ skill: 'memcached', importance: 'bonus' });
    expect(holding(role, 'firebase')).toMatchObject({ skill: 'firebase', importance: 'bonus' });
    // "…application architecture that power web and mobile applications" is the advert's pitch.
    expect(skillIds(role).has('mobile-app-development')).toBe(false);
    expect(role.requirements.filter((r) => r.importance === 'bonus').length).toBeLessThan(
      role.requirements.filter((r) => r.importance === 'required').length,
    );
  });

  it('quotes the line each requirement came from, and is deterministic', () => {
    expect(holding(role, 'ruby')?.note).toContain('Strong proficiency in backend programming languages');
    expect(JSON.stringify(roleFromJobDescription(text, { id: 'backend-developer' }))).toBe(JSON.stringify(role));
  });
});

describe('roleFromJobDescription rules', () => {
  it('turns "5+ years of Java" and "Python: 3+ years" into minYears', () => {
    const role = roleFromJobDescription(
      [
        'Senior Platform Engineer',
        '',
        'Requirements',
        '• 5+ years of Java in production',
        '• Python: 3+ years',
        '• Experience with Docker',
      ].join('\n'),
    );
    expect(role).toMatchObject({ id: 'senior-platform-engineer', title: 'Senior Platform Engineer' });
    expect(holding(role, 'java')).toMatchObject({ skill: 'java', importance: 'required', minYears: 5 });
    expect(holding(role, 'python')).toMatchObject({ minYears: 3 });
    expect(holding(role, 'docker')?.minYears).toBeUndefined();
  });

  it('reads "Nice to have", "a plus" and "or" lists', () => {
    const role = roleFromJobDescription(
      [
        'Data Engineer',
        'Must have:',
        '- Strong proficiency in Scala or Kotlin',
        '- Kubernetes is required; Terraform is a plus',
        'Nice to have:',
        '- Kafka or RabbitMQ',
        '- Airflow',
      ].join('\n'),
      { title: 'Data Engineer II', id: 'data-engineer' },
    );
    expect(role).toMatchObject({ id: 'data-engineer', title: 'Data Engineer II' });
    expect(holding(role, 'scala')).toMatchObject({ anyOf: ['kotlin', 'scala'], importance: 'required' });
    expect(holding(role, 'kubernetes')?.importance).toBe('required');
    expect(holding(role, 'terraform')?.importance).toBe('preferred');
    expect(holding(role, 'kafka')).toMatchObject({ anyOf: ['kafka', 'rabbitmq'], importance: 'preferred' });
    expect(holding(role, 'apache-airflow')?.importance).toBe('preferred');
  });

  it('reads an advert without headings as responsibilities, with phrasing deciding what is required', () => {
    const role = roleFromJobDescription(
      'We build payment APIs in Go on PostgreSQL. You must have strong experience with Go. Familiarity with gRPC would help.',
    );
    expect(role).toMatchObject({ id: 'untitled-role', title: 'Untitled role' });
    expect(holding(role, 'go')?.importance).toBe('required');
    expect(holding(role, 'postgresql')?.importance).toBe('preferred');
    expect(holding(role, 'grpc')?.importance).toBe('preferred');
  });

  it('honours inline headings in adverts scraped into one line', () => {
    const role = roleFromJobDescription(
      'We are a fintech in Leeds. Minimum Required Skills: Java, SQL, Docker. Nice to have: Kafka or RabbitMQ. About us: our data team loves Python.',
    );
    expect(holding(role, 'java')?.importance).toBe('required');
    expect(holding(role, 'docker')?.importance).toBe('required');
    expect(holding(role, 'kafka')).toMatchObject({ anyOf: ['kafka', 'rabbitmq'], importance: 'preferred' });
    // Prose under "About us" is pitch, not an ask.
    expect(holding(role, 'python')).toBeUndefined();
    expect(holding(role, 'java')?.note).toBe('From: "Java, SQL, Docker."');
  });

  it('takes the title from the first line without asking for the skills it names', () => {
    const role = roleFromJobDescription('Python Developer – Job Description\n\nRequirements\n• Django and Celery');
    expect(role.title).toBe('Python Developer');
    expect(skillIds(role)).toEqual(new Set(['django', 'celery']));
  });
});

describe('roleFromJobDescription as a recruiter reads a posting', () => {
  it('reads a list of 20 technologies as the stack, not 20 must-haves: one category is one anyOf, the list one step weaker', () => {
    const role = roleFromJobDescription(
      [
        'Backend Engineer',
        '',
        'Requirements',
        '• Experience with Java, Python, Go, Ruby, PHP, JavaScript, TypeScript, React, Angular, Vue, Node.js, PostgreSQL, MySQL, MongoDB, Redis, Kafka, Docker, Kubernetes, AWS, Terraform',
        '• 5+ years of backend development in Java or Kotlin',
        '• Strong SQL skills',
      ].join('\n'),
    );
    // The demands the posting states in its own words stay required…
    expect(holding(role, 'kotlin')).toMatchObject({ anyOf: ['java', 'kotlin'], importance: 'required', minYears: 5 });
    expect(holding(role, 'sql')).toMatchObject({ skill: 'sql', importance: 'required' });
    const required = role.requirements.filter((r) => r.importance === 'required');
    expect(required.length).toBeLessThanOrEqual(3);
    for (const r of required) expect(r.note).toMatch(/5\+ years of backend development|Strong SQL skills/);
    // …the list is the stack: one of its languages, one of its relational databases… each preferred, the note says why.
    expect(holding(role, 'ruby')).toMatchObject({
      importance: 'preferred',
      anyOf: expect.arrayContaining(['python', 'go', 'ruby', 'php']),
    });
    expect((holding(role, 'ruby') as { anyOf: string[] }).anyOf).not.toContain('java');
    expect(holding(role, 'ruby')?.note).toContain('named in a list of technologies');
    expect(holding(role, 'react')?.importance).toBe('preferred');
    expect(holding(role, 'terraform')?.importance).toBe('preferred');
    // Every listed technology is still in the role, so a candidate who has them gains.
    for (const id of [
      'javascript',
      'typescript',
      'angular',
      'postgresql',
      'mongodb',
      'redis',
      'kafka',
      'docker',
      'kubernetes',
      'aws',
    ])
      expect(holding(role, id), id).toBeDefined();
    expect(role.requirements.length).toBeLessThan(20);
  });

  it('keeps a keyword list required when it is all the posting asks for', () => {
    const role = roleFromJobDescription(
      'Platform Engineer\n\nRequirements\n• Go, PostgreSQL, Kafka, Docker, Kubernetes, Terraform, AWS',
    );
    expect(tally(role).required).toBeGreaterThan(0);
    expect(tally(role).required).toBeLessThanOrEqual(8);
    expect(holding(role, 'go')?.importance).toBe('required');
  });

  it('keeps at most 8 demands required: years and strong phrasing stay, practices go first', () => {
    const text = [
      'Senior Engineer',
      'Requirements',
      '- Experience with Agile',
      '- Experience with Scrum',
      '- Experience with TDD',
      '- Experience with Java',
      '- Experience with Spring Boot',
      '- Experience with PostgreSQL',
      '- Experience with Kafka',
      '- Experience with Docker',
      '- Experience with Kubernetes',
      '- Experience with Terraform',
      '- Strong experience with Redis',
      '- 4+ years of Elasticsearch',
    ].join('\n');
    const role = roleFromJobDescription(text);
    expect(role.requirements).toHaveLength(12);
    expect(tally(role)).toEqual({ required: 8, preferred: 4, bonus: 0 });
    // Strength: phrasing 2, years 2, a technology (not a practice) 2, named twice 1; ties keep the posting's order.
    expect(holding(role, 'elasticsearch')).toMatchObject({ importance: 'required', minYears: 4 });
    expect(holding(role, 'redis')?.importance).toBe('required');
    expect(holding(role, 'java')?.importance).toBe('required');
    for (const id of ['agile', 'scrum', 'tdd']) {
      expect(holding(role, id)?.importance, id).toBe('preferred');
      expect(holding(role, id)?.note, id).toContain('only the 8 strongest demands stay required');
    }
    // Of the tied technologies, the last one listed is the fourth to go.
    expect(holding(role, 'terraform')?.importance).toBe('preferred');
    // The cap is an option; Infinity keeps every demand.
    expect(tally(roleFromJobDescription(text, { maxRequired: Infinity })).required).toBe(12);
    expect(tally(roleFromJobDescription(text, { maxRequired: 3 })).required).toBe(3);
    expect(() => roleFromJobDescription(text, { maxRequired: -1 })).toThrow(RangeError);
    expect(() => roleFromJobDescription(text, { maxRequired: 2.5 })).toThrow(/`maxRequired`/);
  });

  it('reads "X or Y", "X/Y", "such as", "e.g." and "etc." as alternatives, and "X and Y" as both', () => {
    const role = roleFromJobDescription(
      [
        'Site Reliability Engineer',
        'Requirements',
        '• Experience with MySQL or PostgreSQL',
        '• Linux/Unix administration',
        '• A message broker such as RabbitMQ, Kafka',
        '• Testing frameworks (e.g. JUnit, Mockito)',
        '• Monitoring: Prometheus, Grafana, etc.',
        '• HTML and CSS',
      ].join('\n'),
    );
    expect(holding(role, 'mysql')).toMatchObject({ anyOf: ['mysql', 'postgresql'], importance: 'required' });
    expect(holding(role, 'linux')).toMatchObject({ anyOf: ['linux', 'unix'] });
    expect(holding(role, 'kafka')).toMatchObject({ anyOf: expect.arrayContaining(['kafka', 'rabbitmq']) });
    expect(holding(role, 'junit')).toMatchObject({ anyOf: expect.arrayContaining(['junit', 'mockito']) });
    expect(holding(role, 'grafana')).toMatchObject({ anyOf: expect.arrayContaining(['grafana', 'prometheus']) });
    expect(holding(role, 'html')).toMatchObject({ skill: 'html', importance: 'required' });
    expect(holding(role, 'css')).toMatchObject({ skill: 'css', importance: 'required' });
  });

  it('joins examples to the skill they illustrate: "AWS using EC2, S3, Lambda" is one demand', () => {
    const role = roleFromJobDescription(
      'Requirements\n• Hands-on experience with AWS development using EC2, EB, S3, Lambda',
    );
    expect(role.requirements).toHaveLength(1);
    expect(role.requirements[0]).toMatchObject({
      anyOf: expect.arrayContaining(['aws', 'amazon-ec2', 'amazon-s3', 'aws-lambda']),
      importance: 'required',
    });
  });

  it('ignores company boilerplate: About us, Benefits, EEO statements and "we use…" marketing', () => {
    const role = roleFromJobDescription(
      [
        'Java Developer',
        '',
        'About us',
        'Acme runs on Kotlin, Scala and Snowflake, and our data team loves Python.',
        '',
        'Requirements',
        '- Strong Java and Spring Boot',
        '- We use Kafka and Kubernetes to power our platform.',
        '',
        'Benefits',
        'Free Salesforce training and a MacBook.',
        '',
        'Acme is an Equal Opportunity Employer; we consider applicants with experience in Excel and Jira without regard to race.',
      ].join('\n'),
    );
    expect(holding(role, 'java')?.importance).toBe('required');
    expect(holding(role, 'spring-boot')?.importance).toBe('required');
    for (const id of ['kotlin', 'scala', 'snowflake', 'python', 'salesforce', 'microsoft-excel', 'jira'])
      expect(holding(role, id), id).toBeUndefined();
    // The employer's own stack is context: a bonus at most, never a demand.
    expect(holding(role, 'kafka')?.importance).toBe('bonus');
    expect(holding(role, 'kubernetes')?.importance).toBe('bonus');
  });

  it('reads a job-board advert run into one line: colon-less headings, run-together items, boilerplate', () => {
    const role = roleFromJobDescription(
      'Minimum Required Skills: Python, Django, PostgreSQL, Redis, Celery, Docker, AWS Our company is a fast growing marketplace. ' +
        'What You Will Be Doing - Building APIs with Django REST Framework - Deploying on Kubernetes ' +
        'What You Need for this Position - At least 3 years of experience with Python - Strong PostgreSQL skills ' +
        'Nice To Haves - Experience with Celery - Experience with Terraform ' +
        "What's In It for You - Vacation/PTO - Free Jira licences " +
        'Acme is proud to be an Equal Opportunity Employer. All qualified applicants with Excel skills will receive consideration.',
    );
    expect(holding(role, 'python')).toMatchObject({ skill: 'python', importance: 'required', minYears: 3 });
    expect(holding(role, 'postgresql')).toMatchObject({ importance: 'required' });
    // "Nice To Haves - Experience with Celery" wins over the keyword list.
    expect(holding(role, 'celery')?.importance).toBe('preferred');
    expect(holding(role, 'terraform')?.importance).toBe('preferred');
    expect(holding(role, 'kubernetes')?.importance).toBe('preferred');
    expect(holding(role, 'jira')).toBeUndefined();
    expect(holding(role, 'microsoft-excel')).toBeUndefined();
    expect(tally(role).required).toBe(2);
  });

  it('cuts a list that lost its bullets before each capitalised requirement, so phrasing stays with its item', () => {
    const role = roleFromJobDescription(
      'Qualifications: Expert in C#, SQL Server Familiarity with Angular Must have experience with WCF Experience with Crystal Reports is a plus',
    );
    expect(holding(role, 'c-sharp')?.importance).toBe('required');
    expect(holding(role, 'angular')?.importance).toBe('preferred');
    expect(holding(role, 'wcf')).toMatchObject({
      importance: 'required',
      note: 'From: "Must have experience with WCF"',
    });
    expect(holding(role, 'crystal-reports')?.importance).toBe('preferred');
  });

  it('ignores typo-tolerant (fuzzy) hits: a job description is edited text', async () => {
    const { extractSkills } = await import('../src/extract/index.js');
    const text = 'Backend Developer\n\nSkills: Java, Kubernates';
    // The extractor does read the typos as skills (fuzzy look-up)…
    const fuzzy = extractSkills(text)
      .skills.filter((s) => s.mentions.every((m) => m.fuzzy))
      .map((s) => s.id);
    expect(fuzzy).toEqual(['kubernetes']);
    // …but a role asks only for what the posting spells.
    const role = roleFromJobDescription(text);
    expect(skillIds(role)).toEqual(new Set(['java']));
  });
});

/** RFC 4180 fields of a CSV file (quoted fields may hold commas, quotes and newlines). */
function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (c !== '\r') field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

describe.skipIf(!existsSync(VANETIK))('roleFromJobDescription on the vanetik Dice vacancies', () => {
  if (!existsSync(VANETIK)) console.warn(`skipped: ${VANETIK.pathname} is absent`);
  const rows = existsSync(VANETIK) ? csvRows(readFileSync(VANETIK, 'utf8')).slice(1) : [];
  const roles = rows.map((r) => roleFromJobDescription(`${r[2]}\n\n${r[1]}`));

  it('keeps every vacancy to at most 8 required demands, and none from boilerplate or typos', () => {
    for (const [i, role] of roles.entries()) {
      console.info(
        `vacancy ${i + 1} (${role.title}): ${role.requirements.length} requirements ${JSON.stringify(tally(role))}`,
      );
      expect(tally(role).required, role.title).toBeGreaterThan(0);
      expect(tally(role).required, role.title).toBeLessThanOrEqual(8);
    }
    const all = new Set(roles.flatMap((role) => [...skillIds(role)]));
    // "Generous Time-off" (benefits), "looking for teammates" (pitch): fuzzy hits, never requirements.
    expect(all.has('snapgene')).toBe(false);
    expect(all.has('teammate')).toBe(false);
  });

  it('reads vacancy 4 ("Backend Software Developer") as a recruiter would', () => {
    const role = roles[3]!;
    expect(role.requirements.length).toBeLessThan(28);
    // "At least 3 years of experience with implementing RESTful APIs / Stateless Applications using PHP, Python or Go".
    expect(holding(role, 'go')).toMatchObject({ anyOf: ['go', 'php', 'python'], importance: 'required', minYears: 3 });
    expect(holding(role, 'rest')).toMatchObject({ importance: 'required', minYears: 3 });
    // "Ability to write complex SQL queries for MariaDB or PostgreSQL".
    expect(holding(role, 'postgresql')).toMatchObject({ anyOf: ['mariadb', 'postgresql'], importance: 'required' });
    // "Hands-on experience with AWS development using EC2, EB, IAM, S3, Lambda, Cloudfront": AWS or its services.
    expect(holding(role, 'aws')).toMatchObject({
      importance: 'required',
      anyOf: expect.arrayContaining(['aws', 'amazon-s3']),
    });
    // Listed under "Minimum Required Skills" but stated again under "Nice To Haves": preferred.
    expect(holding(role, 'drupal')?.importance).toBe('preferred');
    expect(holding(role, 'elasticsearch')?.importance).toBe('preferred');
    // Only in the keyword list and the responsibilities ("Enhancing our Hubspot CRM integration"): not a must-have.
    expect(holding(role, 'hubspot')?.importance).toBe('preferred');
    expect(holding(role, 'lamp-stack')?.importance).toBe('preferred');
  });

  it('reads vacancy 5 ("Software Developer") as its Basic Qualifications say: Java, 2 years; the rest preferred', () => {
    const role = roles[4]!;
    // "Minimum Required Skills: Java, C#, SQL, HTTPS, Apache, Eclipse" is the job board's keyword line; the
    // posting's own "Basic Qualifications" ask for a degree and "Minimum of 2 years' experience … in Java".
    expect(role.requirements.filter((r) => r.importance === 'required')).toEqual([
      expect.objectContaining({
        skill: 'java',
        minYears: 2,
        note: expect.stringContaining("Minimum of 2 years' experience"),
      }),
    ]);
    // "Preferred Qualifications: … Experience with C#, Elastic Search, and Oracle as secondary skills".
    for (const id of ['c-sharp', 'elasticsearch', 'oracle-database', 'sql', 'eclipse'])
      expect(holding(role, id)?.importance, id).toBe('preferred');
  });
});

/** BIO spans of one label in a tagged sentence, as text. */
function taggedSpans(tokens: readonly string[], tags: readonly string[], label: string): string[] {
  const spans: string[][] = [];
  let current: string[] | null = null;
  tokens.forEach((token, i) => {
    const tag = tags[i] ?? 'O';
    // SkillSpan writes bare B/I in each label's own column; the green corpus writes B-Skill, I-Skill.
    if (tag === 'B' || tag === `B-${label}`) spans.push((current = [token]));
    else if ((tag === 'I' || tag === `I-${label}`) && current !== null) current.push(token);
    else current = null;
  });
  return spans.map((span) => detokenise(span));
}

/** Tokens back to text: no space before closing punctuation or after an opening bracket. */
function detokenise(tokens: readonly string[]): string {
  return tokens
    .join(' ')
    .replace(/\s+([.,;:!?)\]])/g, '$1')
    .replace(/([([])\s+/g, '$1');
}

interface Sentence {
  text: string;
  /** Labelled technologies the taxonomy knows (the span resolves exactly to a skill of kind `technology`). */
  labelled: string[];
}

const KINDS = new Map(builtinTaxonomy().skills.map((skill) => [skill.id, skill.kind ?? 'technology']));

/** The technology a labelled span names, if the taxonomy resolves it exactly (practices and concepts are not a role on their own). */
function technologyOf(span: string): string[] {
  const id = resolveSkill(span, { fuzzy: false })?.id;
  return id !== undefined && KINDS.get(id) === 'technology' ? [id] : [];
}

/** Every sentence through the reader: each outcome must be a role or `role-empty`. */
function runCorpus(name: string, sentences: readonly Sentence[]): void {
  const counts = {
    sentences: 0,
    roles: 0,
    empty: 0,
    labelled: 0,
    visible: 0,
    visibleRoles: 0,
    visibleAsked: 0,
    titles: 0,
  };
  const lost: string[] = [];
  for (const sentence of sentences) {
    counts.sentences++;
    let role: Role | null = null;
    let message = '';
    try {
      role = roleFromJobDescription(sentence.text);
      counts.roles++;
    } catch (error) {
      expect((error as { code?: string }).code, sentence.text).toBe('role-empty');
      message = (error as Error).message;
      counts.empty++;
    }
    if (sentence.labelled.length === 0) continue;
    counts.labelled++;
    // The labelled technology as the extractor sees it (an exact, affirmed mention): the reader must not lose it.
    const visible = extractSkills(sentence.text).skills.filter(
      (s) => sentence.labelled.includes(s.id) && s.mentions.some((m) => !m.fuzzy && !m.negated),
    );
    if (visible.length === 0) continue;
    counts.visible++;
    if (role !== null) {
      counts.visibleRoles++;
      if (visible.some((s) => skillIds(role).has(s.id))) counts.visibleAsked++;
    } else if (/as the title\)/.test(message)) counts.titles++;
    else lost.push(`${sentence.text} → ${message}`);
  }
  console.info(`${name}: ${JSON.stringify(counts)}`);
  expect(counts.roles + counts.empty).toBe(counts.sentences);
  expect(lost).toEqual([]);
  expect(counts.visibleRoles + counts.titles).toBe(counts.visible);
}

describe.skipIf(!existsSync(SKILLSPAN))('smoke corpus: SkillSpan job-ad sentences (test split)', () => {
  if (!existsSync(SKILLSPAN)) console.warn(`skipped: ${SKILLSPAN.pathname} is absent`);
  it('reads every sentence to a role or role-empty, and a role wherever a labelled technology is visible', () => {
    const sentences = readFileSync(SKILLSPAN, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as { tokens: string[]; tags_knowledge: string[] })
      .map((row) => ({
        text: detokenise(row.tokens),
        labelled: taggedSpans(row.tokens, row.tags_knowledge, 'Knowledge').flatMap(technologyOf),
      }));
    expect(sentences.length).toBeGreaterThan(3000);
    runCorpus('skillspan test', sentences);
  });
});

describe.skipIf(!existsSync(GREEN))('smoke corpus: green job-description sentences', () => {
  if (!existsSync(GREEN)) console.warn(`skipped: ${GREEN.pathname} is absent`);
  it('reads every sentence to a role or role-empty, and a role wherever a labelled technology is visible', () => {
    const sentences = readFileSync(GREEN, 'utf8')
      .split(/\n\s*\n/)
      .map((block) =>
        block
          .split('\n')
          .map((line) => line.trim())
          .filter((line) => line !== '')
          .map((line) => line.split(/\s+/)),
      )
      .filter((rows) => rows.length > 0)
      .map((rows) => {
        const tokens = rows.map((row) => row.slice(0, -1).join(' '));
        const tags = rows.map((row) => row[row.length - 1]!);
        return { text: detokenise(tokens), labelled: taggedSpans(tokens, tags, 'Skill').flatMap(technologyOf) };
      });
    expect(sentences.length).toBeGreaterThan(300);
    runCorpus('green', sentences);
  });
});

describe('hostile input', () => {
  const unit = 'Requirements: Go, Kafka or Java (Spring, Hibernate) - 5+ years of Python; nice to have: Docker. ';

  it('reads a 1 MB one-line posting to a bounded role', () => {
    const line = unit.repeat(Math.ceil(1_000_000 / unit.length)) + '('.repeat(20_000) + 'Requirements: '.repeat(5_000);
    const role = roleFromJobDescription(line);
    expect(holding(role, 'python')).toMatchObject({ minYears: 5 });
    expect(role.requirements.length).toBeLessThan(20);
    expectCapped(role);
  });

  it('reads a posting of 100,000 lines to a bounded role', () => {
    // ≈1 MB: headings, lone items, and list items the extractor reads.
    const lines = Array.from({ length: 100_000 }, (_, i) =>
      i % 10 === 0 ? 'Requirements' : i % 3 === 0 ? '- Kafka' : i % 3 === 1 ? '- Java 8' : '- SQL, Go',
    ).join('\n');
    const role = roleFromJobDescription(lines);
    expect(skillIds(role)).toEqual(new Set(['java', 'kafka', 'sql', 'go']));
    expectCapped(role);
  });
});

/** At most the cap of each diagnostic code, plus one line counting the rest. */
function expectCapped(role: Role): void {
  const counts = new Map<string, number>();
  for (const d of role.diagnostics ?? []) counts.set(d.code, (counts.get(d.code) ?? 0) + 1);
  for (const [code, count] of counts) expect(count, code).toBeLessThanOrEqual(MAX_DIAGNOSTICS_PER_CODE + 1);
}
