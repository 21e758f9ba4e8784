import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { SCORE_DEFAULTS } from '../src/defaults.js';
import { describe, expect, it } from 'vitest';
import { builtinRoles, getBuiltinRole } from '../src/role/builtin.js';
import type { Requirement, Role } from '../src/role/schema.js';
import { assertRole, requirementId, validateRole } from '../src/role/validate.js';
import { builtinTaxonomy } from '../src/taxonomy/builtin.js';
import { thrown } from './helpers/codes.js';

const ROLES_DIR = new URL('../taxonomy/roles/', import.meta.url);

function skillIds(role: Role): Set<string> {
  return new Set(role.requirements.flatMap((r) => ('skill' in r ? [r.skill] : 'anyOf' in r ? r.anyOf : [])));
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
    expect(
      validateRole(role, {
        version: 'acme',
        skills: [{ id: 'acme-query', name: 'AcmeQuery', category: 'databases', aliases: [] }],
      }).ok,
    ).toBe(true);
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
    const named = [
      'nodejs',
      'python',
      'java',
      'php',
      'ruby',
      'c-sharp',
      'dotnet',
      'mysql',
      'postgresql',
      'mongodb',
      'redis',
      'firebase',
      'memcached',
      'sql',
      'nosql',
      'aws',
      'azure',
      'gcp',
      'rest',
      'graphql',
      'microservices',
      'jwt',
      'oauth2',
      'docker',
      'kubernetes',
      'ci-cd',
      'devops',
      'agile',
      'load-balancing',
      'caching',
    ];
    const ids = skillIds(role);
    expect(named.filter((id) => !ids.has(id))).toEqual([]);
    expect(holding(role, 'ruby')).toMatchObject({ id: 'backend-language', importance: 'required', minYears: 3 });
    expect((holding(role, 'java') as { anyOf: string[] }).anyOf).toEqual(
      expect.arrayContaining(['nodejs', 'python', 'java', 'php', 'ruby', 'c-sharp', 'dotnet']),
    );
    // Any relational database meets the database must-have, as the description's "MySQL, PostgreSQL, … etc." reads.
    expect((holding(role, 'mysql') as { anyOf: string[] }).anyOf).toEqual(
      expect.arrayContaining(['postgresql', 'oracle-database', 'microsoft-sql-server', 'db2', 'mongodb']),
    );
    expect(holding(role, 'spring-framework')).toMatchObject({ id: 'server-side', importance: 'required' });
    expect((holding(role, 'azure') as { anyOf: string[] }).anyOf).toEqual(
      expect.arrayContaining(['aws', 'azure', 'gcp']),
    );
    expect(holding(role, 'aws')?.importance).toBe('preferred');
    expect(holding(role, 'jwt')).toMatchObject({ importance: 'preferred', anyOf: expect.arrayContaining(['oauth2']) });
    expect(holding(role, 'memcached')).toMatchObject({ anyOf: expect.arrayContaining(['redis']) });
  });

  it('backend-developer: must-haves a back-end developer meets (language, server-side work, a database), the core ≥ 60% of the weight', () => {
    const role = getBuiltinRole('backend-developer')!;
    expect(role.requirements.filter((q) => q.importance === 'required').map((q) => q.id)).toEqual([
      'backend-language',
      'server-side',
      'database',
    ]);
    const tier = { required: 1, preferred: 0.5, bonus: 0.2 };
    const core = role.requirements.filter((q) => q.core ?? q.importance === 'required');
    expect(core.map((q) => q.id ?? ('skill' in q ? q.skill : ''))).toEqual([
      'backend-language',
      'server-side',
      'database',
      'sql',
      'apis',
    ]);
    // The periphery moves at most `peripheryShare` (0.3) of the score: the core holds the rest.
    expect(1 - SCORE_DEFAULTS.peripheryShare).toBeGreaterThanOrEqual(0.6);
    expect(core.every((q) => (tier[q.importance] ?? 0) > 0)).toBe(true);
  });
});
