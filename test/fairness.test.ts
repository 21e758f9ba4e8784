/**
 * Counterfactual fairness: the same résumé text with something about the person changed
 * (name, gender words, age, date of birth, graduation year, nationality, address, photo,
 * e-mail, phone, marital status) goes through parse → extract → score and must score
 * identically, to the last decimal. Nothing about the person can enter the score because the
 * SkillProfile carries nothing about the person; these tests prove the pipeline keeps it so.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createMatcher } from '../src/rank/matcher.js';
import type { MatchResult, Role } from '../src/types.js';

const AS_OF = '2026-11';

const ROLE: Role = {
  id: 'fairness-backend',
  title: 'Back-end Developer',
  requirements: [
    { skill: 'nodejs', importance: 'required', minYears: 3 },
    { skill: 'postgresql', importance: 'required', minYears: 2 },
    { skill: 'typescript', importance: 'preferred' },
    { skill: 'redis', importance: 'preferred' },
    { anyOf: ['python', 'java'], importance: 'preferred' },
    { skill: 'graphql', importance: 'bonus' },
    { category: 'databases', importance: 'bonus' },
  ],
};

interface Person {
  name: string;
  title: string;
  pronoun: 'He' | 'She' | 'They';
  personal: string[];
  email: string;
  phone: string;
  address: string;
  graduation: string;
}

const BASE: Person = {
  name: 'Avery Quinlan',
  title: '',
  pronoun: 'They',
  personal: [],
  email: 'avery.quinlan@example.com',
  phone: '+1 555 0100',
  address: '12 Elm Street, Springfield',
  graduation: '2012',
};

function resumeText(p: Person): string {
  return [
    `${p.title}${p.name}`,
    'Senior Back-end Engineer',
    `${p.email} | ${p.phone}`,
    p.address,
    ...p.personal,
    '',
    'SUMMARY',
    `${p.pronoun} build and run payment services; ${p.pronoun.toLowerCase()} enjoy mentoring.`,
    '',
    'EXPERIENCE',
    'Senior Back-end Engineer, Northwind Payments',
    'Jan 2020 – Present',
    '- Built REST APIs in Node.js and TypeScript serving 2,000 requests per second.',
    '- Designed PostgreSQL schemas and tuned slow queries; added Redis caching.',
    '',
    'Back-end Developer, Contoso Retail',
    'Mar 2016 – Dec 2019',
    '- Wrote Node.js services with Express on PostgreSQL and MySQL.',
    '- Added GraphQL endpoints and Python scripts for the data team.',
    '',
    'SKILLS',
    'Node.js, TypeScript, PostgreSQL, MySQL, Redis, GraphQL, Python',
    '',
    'EDUCATION',
    `BSc Computer Science, State University, ${p.graduation}`,
    '',
  ].join('\n');
}

const PAIRS: [string, Partial<Person>][] = [
  ['name', { name: 'Oluwaseun Adeyemi-Nakamura' }],
  ['non-ASCII name', { name: 'Zoë Łukasiewicz-Ñúñez' }],
  ['gender words (he)', { pronoun: 'He', title: 'Mr ' }],
  ['gender words (she)', { pronoun: 'She', title: 'Ms ' }],
  ['age', { personal: ['Age: 58'] }],
  ['date of birth', { personal: ['Date of birth: 02/04/1968'] }],
  ['graduation year', { graduation: '1989' }],
  ['nationality', { personal: ['Nationality: Nigerian'] }],
  ['address', { address: 'Flat 4, 221 Rue de Rivoli, 75001 Paris, France' }],
  ['photo', { personal: ['[Photo attached: headshot.jpg]'] }],
  ['e-mail', { email: 'mohammed.al-rashid@mail.example.org' }],
  ['phone', { phone: '+44 20 7946 0958' }],
  ['marital status and children', { personal: ['Married, two children'] }],
  [
    'everything at once',
    {
      name: 'Maria Fernández',
      title: 'Mrs ',
      pronoun: 'She',
      personal: ['Age: 61', 'Born 1965 in Bogotá', 'Nationality: Colombian', 'Photo: attached'],
      email: 'maria@example.com',
      phone: '+57 1 555 0199',
      address: 'Calle 10 #5-51, Bogotá',
      graduation: '1987',
    },
  ],
];

const matcher = createMatcher();
afterAll(() => matcher.close());

const scoreOf = (text: string): Promise<MatchResult> => matcher.match(text, ROLE, { asOf: AS_OF, isolate: false });

/** What must not move: the score, each requirement's score, status, skill, months and last use. */
function essentials(r: MatchResult) {
  return {
    score: r.score,
    mustHavesMet: r.mustHavesMet,
    requirements: r.requirements.map((q) => ({
      id: q.id,
      score: q.score,
      status: q.status,
      via: q.via,
      skill: q.skill?.id ?? null,
      months: q.months,
      lastUsed: q.lastUsed,
    })),
  };
}

describe('counterfactual fairness: changing the person never changes the score', async () => {
  const base = await scoreOf(resumeText(BASE));

  it('the base résumé is a real, non-trivial match (so equality below means something)', () => {
    expect(base.score).toBeGreaterThan(50);
    expect(base.mustHavesMet).toBe(true);
    expect(base.requirements.find((q) => q.id === 'nodejs')?.months).toBeGreaterThan(100);
  });

  it.each(PAIRS)('%s', async (_label, change) => {
    const variantText = resumeText({ ...BASE, ...change });
    expect(variantText).not.toBe(resumeText(BASE));
    const variant = await scoreOf(variantText);
    expect(variant.score).toBe(base.score);
    expect(essentials(variant)).toEqual(essentials(base));
  });

  it('the profile carries nothing about the person', async () => {
    const profile = await matcher.extract(resumeText(BASE), { isolate: false, asOf: AS_OF });
    const json = JSON.stringify(profile);
    for (const personal of [BASE.name, BASE.email, BASE.phone, 'Elm Street']) expect(json).not.toContain(personal);
    expect(Object.keys(profile).sort()).toEqual([
      'diagnostics',
      'document',
      'experience',
      'skills',
      'unknownTools',
      'version',
    ]);
    // The document's date is where "present" ended (its own date, else asOf): nothing about the person.
    expect(Object.keys(profile.document).sort()).toEqual(['date', 'format', 'words']);
    // Work-history totals only: how long the dated jobs ran and how much of it was development.
    expect(Object.keys(profile.experience!).sort()).toEqual(['functionMonths', 'latest', 'months']);
    expect(profile.experience!.functionMonths.development).toBeGreaterThan(100);
  });
});
