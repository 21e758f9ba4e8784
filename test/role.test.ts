import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ValidationError, isValidationError } from '../src/errors.js';
import { builtinRoles, getBuiltinRole } from '../src/role/builtin.js';
import { roleFromJobDescription } from '../src/role/from-job-description.js';
import type { Requirement, Role } from '../src/role/schema.js';
import { assertRole, requirementId, validateRole } from '../src/role/validate.js';
import { builtinTaxonomy } from '../src/taxonomy/builtin.js';

const ROLES_DIR = new URL('../taxonomy/roles/', import.meta.url);
const SEED = new URL('../../shared/seed/backend-developer-job-description.txt', import.meta.url);

function thrown(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (error) {
    expect(isValidationError(error)).toBe(true);
    return error as ValidationError;
  }
  throw new Error('expected a ValidationError');
}

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

const valid = (): Role => ({
  id: 'api-developer',
  title: 'API Developer',
  requirements: [
    { anyOf: ['python', 'go'], importance: 'required', weight: 2, minYears: 3 },
    { skill: 'postgresql', importance: 'required' },
    { category: 'cloud', importance: 'preferred' },
  ],
});

describe('validateRole', () => {
  it('accepts a valid role', () => {
    expect(validateRole(valid())).toEqual({ ok: true, role: valid(), issues: [] });
  });

  it('finds an unknown skill, in a requirement and inside a group', () => {
    const role = valid() as { requirements: unknown[] };
    role.requirements[0] = { anyOf: ['python', 'golang-x'], importance: 'required' };
    role.requirements[1] = { skill: 'postgress', importance: 'required' };
    const result = validateRole(role);
    expect(result.ok ? [] : result.issues.map((i) => [i.code, i.path])).toEqual([
      ['unknown-skill', ['requirements', 0, 'anyOf', 1]],
      ['unknown-skill', ['requirements', 1, 'skill']],
    ]);
  });

  it('finds a negative weight, an empty anyOf and an unknown category, each with its path', () => {
    const error = thrown(() =>
      assertRole({
        id: 'x',
        title: 'X',
        requirements: [
          { skill: 'java', importance: 'required', weight: -1 },
          { anyOf: [], importance: 'preferred' },
          { anyOf: ['java'], importance: 'preferred' },
          { category: 'wizardry', importance: 'bonus' },
        ],
      }),
    );
    expect(error.code).toBe('invalid-role');
    expect(error.issues.map((i) => [i.code, i.path])).toEqual([
      ['negative-weight', ['requirements', 0, 'weight']],
      ['empty-any-of', ['requirements', 1, 'anyOf']],
      ['empty-any-of', ['requirements', 2, 'anyOf']],
      ['unknown-category', ['requirements', 3, 'category']],
    ]);
    expect(error.message).toContain('requirements[0].weight');
    expect(error.message).toContain('requirements[3].category');
  });

  it('finds duplicate requirement ids (explicit, or derived from the same skill) and a skill twice in a group', () => {
    const result = validateRole({
      id: 'x',
      title: 'X',
      requirements: [
        { skill: 'java', importance: 'required' },
        { skill: 'java', importance: 'preferred' },
        { id: 'lang', anyOf: ['python', 'python'], importance: 'required' },
        { id: 'lang', skill: 'go', importance: 'bonus' },
      ],
    });
    expect(result.ok ? [] : result.issues.map((i) => [i.code, i.path])).toEqual([
      ['duplicate-requirement', ['requirements', 1, 'skill']],
      ['duplicate-reference', ['requirements', 2, 'anyOf', 1]],
      ['duplicate-requirement', ['requirements', 3, 'id']],
    ]);
  });

  it('reports several problems at once, shape and references together', () => {
    const error = thrown(() =>
      assertRole({
        id: 'Bad Id',
        requirements: [
          { skill: 'java' },
          { skill: 'java', anyOf: ['go', 'rust'], importance: 'required' },
          { skill: 'no-such-skill', importance: 'required', weight: -2, minYears: 80 },
          'python',
        ],
      }),
    );
    expect(error.issues.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['invalid-format', 'id'],
      ['invalid-type', 'title'],
      ['invalid-value', 'requirements.0.importance'],
      ['invalid-requirement', 'requirements.1'],
      ['negative-weight', 'requirements.2.weight'],
      ['too-big', 'requirements.2.minYears'],
      ['invalid-type', 'requirements.3'],
    ]);
  });

  it('checks the shape only when the taxonomy is null, and against a custom taxonomy when given', () => {
    const role = { id: 'r', title: 'R', requirements: [{ skill: 'acme-query', importance: 'required' }] };
    expect(validateRole(role).ok).toBe(false);
    expect(validateRole(role, null).ok).toBe(true);
    expect(validateRole(role, { version: 'acme', skills: [{ id: 'acme-query', name: 'AcmeQuery', category: 'databases', aliases: [] }] }).ok).toBe(true);
  });

  it('derives requirement ids as the score stage does', () => {
    expect(requirementId({ skill: 'java', importance: 'required' })).toBe('java');
    expect(requirementId({ anyOf: ['aws', 'gcp'], importance: 'required' })).toBe('aws-or-gcp');
    expect(requirementId({ category: 'cloud', importance: 'bonus' })).toBe('category-cloud');
    expect(requirementId({ id: 'lang', skill: 'java', importance: 'required' })).toBe('lang');
  });
});

describe('built-in roles', () => {
  it('every role file has its $schema, validates against the built-in taxonomy and has a comment file', () => {
    const files = readdirSync(ROLES_DIR).filter((name) => name.endsWith('.json'));
    expect(files.length).toBeGreaterThan(0);
    for (const name of files) {
      const data = JSON.parse(readFileSync(new URL(name, ROLES_DIR), 'utf8')) as { $schema?: string };
      expect(data.$schema, name).toBe('../schema/role.schema.json');
      const result = validateRole(data, builtinTaxonomy());
      expect(result.ok ? [] : result.issues, name).toEqual([]);
      expect(existsSync(new URL(name.replace(/\.json$/, '.md'), ROLES_DIR)), `${name} needs a comment file`).toBe(true);
    }
    expect(builtinRoles().map((role) => role.id)).toEqual(files.map((name) => name.replace(/\.json$/, '')).sort());
  });

  it('are cached, frozen, and looked up by id', () => {
    const role = getBuiltinRole('backend-developer');
    expect(role?.title).toBe('Back End Developer');
    expect(getBuiltinRole('backend-developer')).toBe(role);
    expect(Object.isFrozen(role!.requirements)).toBe(true);
    expect(getBuiltinRole('astronaut')).toBeUndefined();
  });

  it('backend-developer holds every technology the job description names, alternatives as alternatives', () => {
    const role = getBuiltinRole('backend-developer')!;
    const named = ['nodejs', 'python', 'java', 'php', 'ruby', 'c-sharp', 'dotnet', 'mysql', 'postgresql', 'mongodb', 'redis', 'firebase', 'memcached', 'sql', 'nosql', 'aws', 'azure', 'gcp', 'rest', 'graphql', 'microservices', 'jwt', 'oauth2', 'docker', 'kubernetes', 'ci-cd', 'devops', 'agile', 'load-balancing', 'caching'];
    const ids = skillIds(role);
    expect(named.filter((id) => !ids.has(id))).toEqual([]);
    expect(holding(role, 'ruby')).toMatchObject({ importance: 'required', minYears: 3 });
    expect(new Set((holding(role, 'java') as { anyOf: string[] }).anyOf)).toEqual(new Set(['nodejs', 'python', 'java', 'php', 'ruby', 'c-sharp', 'dotnet']));
    expect((holding(role, 'mysql') as { anyOf: string[] }).anyOf).toContain('postgresql');
    expect((holding(role, 'azure') as { anyOf: string[] }).anyOf).toEqual(expect.arrayContaining(['aws', 'azure', 'gcp']));
    expect(holding(role, 'aws')?.importance).toBe('preferred');
    expect(holding(role, 'jwt')).toMatchObject({ importance: 'required', anyOf: expect.arrayContaining(['oauth2']) });
    expect(holding(role, 'memcached')).toMatchObject({ anyOf: expect.arrayContaining(['redis']) });
  });
});

describe.skipIf(!existsSync(SEED))('roleFromJobDescription on the seed job description', () => {
  if (!existsSync(SEED)) console.warn(`skipped: ${SEED.pathname} is absent`);
  const text = existsSync(SEED) ? readFileSync(SEED, 'utf8') : '';
  const role = existsSync(SEED) ? roleFromJobDescription(text, { id: 'backend-developer' }) : (undefined as unknown as Role);

  it('agrees with the built-in role on at least 90% of its skills (Jaccard)', () => {
    const builtin = getBuiltinRole('backend-developer')!;
    const score = jaccard(skillIds(role), skillIds(builtin));
    console.info(`Jaccard(derived, built-in) = ${score.toFixed(4)}; only derived: ${[...skillIds(role)].filter((id) => !skillIds(builtin).has(id)).join(', ') || '—'}; only built-in: ${[...skillIds(builtin)].filter((id) => !skillIds(role).has(id)).join(', ') || '—'}`);
    expect(score).toBeGreaterThanOrEqual(0.9);
    expect(role).toMatchObject({ id: 'backend-developer', title: 'Back End Developer' });
    expect(validateRole(role).ok).toBe(true);
  });

  it('reads "Requirements & Skills" as required, and a parenthesised list ending in "or" as one group', () => {
    // "Strong proficiency in backend programming languages (Node.js, Python, Java, PHP, Ruby, or C#)",
    // merged with the responsibilities' "Node.js, Python, Java, PHP, or .NET" (same group, mostly overlapping).
    expect(holding(role, 'ruby')).toMatchObject({ importance: 'required', anyOf: ['c-sharp', 'dotnet', 'java', 'nodejs', 'php', 'python', 'ruby'] });
    // "Experience with database management (MySQL, PostgreSQL, MongoDB, Redis, etc.)": one group of alternatives.
    expect(holding(role, 'mysql')).toMatchObject({ importance: 'required', anyOf: ['mongodb', 'mysql', 'postgresql', 'redis'] });
    // "Knowledge of RESTful APIs, GraphQL, and microservices architecture": an "and" list asks for each.
    for (const id of ['rest', 'graphql', 'microservices']) expect(holding(role, id), id).toMatchObject({ skill: id, importance: 'required' });
    // "(JWT, OAuth, etc.)" and "(Docker, Kubernetes)": parentheses are alternatives.
    expect(holding(role, 'jwt')).toMatchObject({ anyOf: ['jwt', 'oauth2'], importance: 'required' });
    expect(holding(role, 'kubernetes')).toMatchObject({ anyOf: ['docker', 'kubernetes'], importance: 'required' });
  });

  it('reads "Familiarity with" as preferred even under Requirements', () => {
    // "Familiarity with cloud platforms (AWS, Azure, Google Cloud)."
    expect(holding(role, 'gcp')).toMatchObject({ anyOf: ['aws', 'azure', 'gcp'], importance: 'preferred' });
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
    expect(role.requirements.filter((r) => r.importance === 'bonus').length).toBeLessThan(role.requirements.filter((r) => r.importance === 'required').length);
  });

  it('quotes the line each requirement came from, and is deterministic', () => {
    expect(holding(role, 'ruby')?.note).toContain('Strong proficiency in backend programming languages');
    expect(JSON.stringify(roleFromJobDescription(text, { id: 'backend-developer' }))).toBe(JSON.stringify(role));
  });
});

describe('roleFromJobDescription rules', () => {
  it('turns "5+ years of Java" and "Python: 3+ years" into minYears', () => {
    const role = roleFromJobDescription(
      ['Senior Platform Engineer', '', 'Requirements', '• 5+ years of Java in production', '• Python: 3+ years', '• Experience with Docker'].join('\n'),
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
    const role = roleFromJobDescription('We build payment APIs in Go on PostgreSQL. You must have strong experience with Go. Familiarity with gRPC would help.');
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

  it('accepts a schema.org JobPosting: skills and qualifications are requirements, HTML description honoured', () => {
    const role = roleFromJobDescription({
      '@type': 'JobPosting',
      title: 'Backend Engineer',
      skills: ['Node.js', { '@type': 'DefinedTerm', name: 'TypeScript' }],
      qualifications: 'Experience with PostgreSQL or MySQL',
      experienceRequirements: { '@type': 'OccupationalExperienceRequirements', monthsOfExperience: 48, description: 'building services in Node.js' },
      responsibilities: ['Operate services on AWS'],
      description: '<p>Join us.</p><h3>Nice to have</h3><ul><li>GraphQL</li><li>Redis</li></ul>',
    });
    expect(role).toMatchObject({ id: 'backend-engineer', title: 'Backend Engineer' });
    expect(holding(role, 'nodejs')).toMatchObject({ importance: 'required', minYears: 4 });
    expect(holding(role, 'typescript')?.importance).toBe('required');
    expect(holding(role, 'mysql')).toMatchObject({ anyOf: ['mysql', 'postgresql'], importance: 'required' });
    expect(holding(role, 'aws')?.importance).toBe('preferred');
    expect(holding(role, 'graphql')?.importance).toBe('preferred');
    expect(holding(role, 'redis')?.importance).toBe('preferred');
  });

  it('throws invalid-role when no skill is found, and TypeError on misuse', () => {
    const error = thrown(() => roleFromJobDescription('We are a friendly team. Apply today!'));
    expect(error.code).toBe('invalid-role');
    expect(() => roleFromJobDescription(42 as unknown as string)).toThrow(TypeError);
    expect(() => roleFromJobDescription('Java', { id: 'Not Kebab' })).toThrow(/`id`/);
  });
});
