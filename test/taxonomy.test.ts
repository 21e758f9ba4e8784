import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../src/errors.js';
import { builtinTaxonomy } from '../src/taxonomy/builtin.js';
import { jsonSchemaFiles } from '../src/role/json-schema.js';
import { mergeTaxonomy } from '../src/taxonomy/merge.js';
import { SKILL_CATEGORIES, kindOf, type Skill, type Taxonomy } from '../src/taxonomy/schema.js';
import { assertTaxonomy, validateTaxonomy } from '../src/taxonomy/validate.js';
import { thrown } from './helpers/codes.js';

const ROOT = new URL('../', import.meta.url);
const SKILLS_DIR = new URL('taxonomy/skills/', ROOT);

/** A small, valid taxonomy to break in one place at a time. */
function tiny(): Taxonomy {
  const skills: Skill[] = [
    {
      id: 'django',
      name: 'Django',
      category: 'backend-frameworks',
      aliases: ['Django REST'],
      implies: [{ id: 'python', weight: 0.8 }],
    },
    {
      id: 'flask',
      name: 'Flask',
      category: 'backend-frameworks',
      aliases: [],
      implies: [{ id: 'python', weight: 0.8 }],
      related: ['django'],
    },
    {
      id: 'go',
      name: 'Go',
      category: 'programming-languages',
      aliases: ['Golang'],
      ambiguous: { aliases: ['Go'], rule: 'tech-context', note: "English verb: 'ready to go'" },
    },
    { id: 'python', name: 'Python', category: 'programming-languages', aliases: ['Python3', 'py'] },
  ];
  return { version: 'test', skills };
}

/** `tiny()` as validation returns it: a skill that states no kind is read as a technology. */
function kinded(taxonomy: Taxonomy = tiny()): Taxonomy {
  return { ...taxonomy, skills: taxonomy.skills.map((skill) => ({ ...skill, kind: skill.kind ?? 'technology' })) };
}

function issuesOf(data: unknown): { code: string; path: (string | number)[]; message: string }[] {
  const result = validateTaxonomy(data);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.issues;
}

describe('validateTaxonomy', () => {
  it('accepts a valid taxonomy and returns it sorted, with no issues', () => {
    const result = validateTaxonomy(tiny());
    expect(result).toEqual({ ok: true, taxonomy: kinded(), issues: [] });
  });

  it('reports shape errors with their paths, and keeps checking the other entries', () => {
    const data = tiny() as { version: string; skills: unknown[] };
    data.skills[0] = { ...tiny().skills[0], id: 'Django_Framework' };
    data.skills[1] = { ...tiny().skills[1], implies: [{ id: 'python', weight: 1.5 }] };
    data.skills[3] = { ...tiny().skills[3], colour: 'blue' };
    const issues = issuesOf(data);
    expect(issues.map((i) => [i.code, i.path])).toEqual(
      expect.arrayContaining([
        ['invalid-format', ['skills', 0, 'id']],
        ['too-big', ['skills', 1, 'implies', 0, 'weight']],
        ['unrecognized-keys', ['skills', 3]],
      ]),
    );
  });

  it('ignores the $schema an editor needs', () => {
    expect(
      validateTaxonomy({ $schema: 'node_modules/@skillmatch/core/taxonomy/schema/taxonomy.schema.json', ...tiny() }),
    ).toEqual({ ok: true, taxonomy: kinded(), issues: [] });
  });

  it('finds a duplicate id', () => {
    const data = tiny();
    data.skills.splice(2, 0, { id: 'flask', name: 'Flask 2', category: 'backend-frameworks', aliases: [] });
    const issues = issuesOf(data);
    expect(issues).toContainEqual(expect.objectContaining({ code: 'duplicate-id', path: ['skills', 2, 'id'] }));
  });

  it('finds an alias claimed by two skills, normalised as the extractor matches (case, hyphens, spacing)', () => {
    const data = tiny();
    data.skills[1]!.aliases = ['DJANGO-rest'];
    const issues = issuesOf(data);
    expect(issues).toEqual([expect.objectContaining({ code: 'alias-conflict', path: ['skills', 1, 'aliases', 0] })]);
    expect(issues[0]!.message).toContain('"django"');
  });

  it('allows a shared alias when both skills mark it ambiguous, and not when only one does', () => {
    const data = tiny();
    data.skills.splice(3, 0, {
      id: 'go-board-game',
      name: 'Go (game)',
      category: 'game-development',
      aliases: ['Go'],
      ambiguous: { aliases: ['Go'], rule: 'list-item', note: 'board game' },
    });
    expect(validateTaxonomy(data).ok).toBe(true);
    delete data.skills[3]!.ambiguous;
    expect(issuesOf(data)).toEqual([
      expect.objectContaining({ code: 'alias-conflict', path: ['skills', 3, 'aliases', 0] }),
    ]);
  });

  it('finds dangling and self references in implies, related and replacedBy', () => {
    const data = tiny();
    data.skills[0]!.implies = [{ id: 'pyhton', weight: 0.8 }];
    data.skills[1]!.related = ['flask', 'bottle'];
    data.skills[3]!.replacedBy = 'python2';
    const issues = issuesOf(data);
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['unknown-reference', ['skills', 0, 'implies', 0, 'id']],
      ['self-reference', ['skills', 1, 'related', 0]],
      ['unknown-reference', ['skills', 1, 'related', 1]],
      ['unknown-reference', ['skills', 3, 'replacedBy']],
    ]);
  });

  it('finds a cycle in implies and reports its whole path', () => {
    const data = tiny();
    data.skills[3]!.implies = [{ id: 'flask', weight: 0.5 }];
    const issues = issuesOf(data);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'implies-cycle' });
    expect(issues[0]!.message).toMatch(/flask → python → flask|python → flask → python/);
  });

  it('finds unsorted entries and an ambiguous alias that is not the skill’s own', () => {
    const data = tiny();
    [data.skills[0], data.skills[1]] = [data.skills[1]!, data.skills[0]!];
    data.skills[2]!.ambiguous!.aliases = ['Go', 'Gopher'];
    const issues = issuesOf(data);
    expect(issues.map((i) => [i.code, i.path])).toEqual(
      expect.arrayContaining([
        ['unsorted', ['skills', 1, 'id']],
        ['unknown-ambiguous-alias', ['skills', 2, 'ambiguous', 'aliases', 1]],
      ]),
    );
  });

  it.each([
    [
      'a cycle',
      (t: Taxonomy) => void (t.skills[3]!.implies = [{ id: 'django', weight: 0.5 }]),
      'implies-cycle',
      'skills[3].implies[0].id',
    ],
    ['a duplicate id', (t: Taxonomy) => void (t.skills[1]!.id = 'django'), 'duplicate-id', 'skills[1].id'],
    [
      'a dangling reference',
      (t: Taxonomy) => void (t.skills[1]!.related = ['bottle']),
      'unknown-reference',
      'skills[1].related[0]',
    ],
  ])('assertTaxonomy throws invalid-taxonomy for %s, naming the path', (_, breakIt, code, path) => {
    const data = tiny();
    breakIt(data);
    const error = thrown(() => assertTaxonomy(data));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.code).toBe('invalid-taxonomy');
    expect(error.issues.map((i) => i.code)).toContain(code);
    expect(error.message).toContain(path);
    expect(error.toJSON().issues).toEqual(error.issues);
  });

  it('reports several problems at once, every one with its path', () => {
    const data = tiny();
    data.skills[0]!.implies = [{ id: 'pyhton', weight: 0.8 }];
    data.skills[1]!.aliases = ['Golang'];
    data.skills[3]!.implies = [{ id: 'python', weight: 0.5 }];
    data.skills.push({ id: 'python', name: 'Python again', category: 'programming-languages', aliases: [] });
    const error = thrown(() => assertTaxonomy(data));
    expect(error.code).toBe('invalid-taxonomy');
    expect(error.issues.map((i) => i.code).sort()).toEqual([
      'alias-conflict',
      'duplicate-id',
      'self-reference',
      'unknown-reference',
    ]);
    for (const issue of error.issues) expect(error.message).toContain(issue.message);
    expect(error.message).toContain('skills[0].implies[0].id');
    expect(error.message).toContain('skills[4].id');
  });

  it('accepts skill files (one, or an array) as stored in taxonomy/skills, with paths into the array', () => {
    const files = [
      { category: 'backend-frameworks', skills: tiny().skills.slice(0, 2) },
      {
        $schema: '../schema/skill-file.schema.json',
        category: 'programming-languages',
        skills: tiny().skills.slice(2),
      },
    ];
    const result = validateTaxonomy(files, { version: 'mine' });
    expect(result.ok && result.taxonomy).toEqual({ ...kinded(), version: 'mine' });
    files[1]!.skills[1] = { ...files[1]!.skills[1]!, category: 'databases' };
    const issues = issuesOf(files);
    expect(issues).toEqual([
      expect.objectContaining({ code: 'category-mismatch', path: [1, 'skills', 1, 'category'] }),
    ]);
    expect(issuesOf(42)).toEqual([expect.objectContaining({ code: 'invalid-type', path: [] })]);
  });
});

describe('kind', () => {
  it('is read as technology when a custom skill leaves it out, and kept when stated', () => {
    const data = tiny();
    data.skills[0] = { ...data.skills[0]!, kind: 'technology' };
    data.skills.splice(3, 0, {
      id: 'oop',
      name: 'Object-Oriented Programming',
      category: 'architecture-and-practices',
      kind: 'concept',
      aliases: ['OOP'],
    });
    const result = validateTaxonomy(data);
    expect(result.ok).toBe(true);
    const kinds = result.ok ? Object.fromEntries(result.taxonomy.skills.map((s) => [s.id, s.kind])) : {};
    expect(kinds).toEqual({
      django: 'technology',
      flask: 'technology',
      go: 'technology',
      oop: 'concept',
      python: 'technology',
    });
    expect(kindOf({})).toBe('technology');
    expect(kindOf({ kind: 'practice' })).toBe('practice');
  });

  it('rejects a kind that is none of technology, practice, concept, with its path', () => {
    const data = tiny() as { version: string; skills: unknown[] };
    data.skills[1] = { ...tiny().skills[1], kind: 'methodology' };
    data.skills[2] = { ...tiny().skills[2], kind: 'Technology' };
    const issues = issuesOf(data);
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['invalid-value', ['skills', 1, 'kind']],
      ['invalid-value', ['skills', 2, 'kind']],
    ]);
    expect(issues[0]!.message).toMatch(/technology/);
  });

  it('requireKind reports every skill that does not state one (the shipped files are checked so)', () => {
    const data = tiny();
    data.skills[1] = { ...data.skills[1]!, kind: 'technology' };
    const issues = validateTaxonomy(data, { requireKind: true });
    expect(issues.ok).toBe(false);
    expect(issues.ok ? [] : issues.issues.map((i) => [i.code, i.path])).toEqual([
      ['missing-kind', ['skills', 0, 'kind']],
      ['missing-kind', ['skills', 2, 'kind']],
      ['missing-kind', ['skills', 3, 'kind']],
    ]);
    expect(validateTaxonomy(kinded(), { requireKind: true }).ok).toBe(true);
    expect(() => validateTaxonomy(tiny(), { requireKind: 'yes' as unknown as boolean })).toThrow(/`requireKind`/);
  });

  it('an extension merged into the built-in taxonomy gets the default kind', () => {
    const merged = mergeTaxonomy(builtinTaxonomy(), {
      version: 'acme',
      skills: [{ id: 'acme-query', name: 'AcmeQuery', category: 'databases', aliases: [] }],
    });
    expect(merged.skills.find((s) => s.id === 'acme-query')?.kind).toBe('technology');
    expect(merged.skills.find((s) => s.id === 'agile')?.kind).toBe('practice');
  });

  it('the JSON Schema offers the three kinds with technology as the default, and does not require it', () => {
    const schema = jsonSchemaFiles()['skill-file.schema.json'] as {
      properties: {
        skills: { items: { properties: Record<string, { enum?: string[]; default?: string }>; required: string[] } };
      };
    };
    const item = schema.properties.skills.items;
    expect(item.properties.kind).toMatchObject({ enum: ['technology', 'practice', 'concept'], default: 'technology' });
    expect(item.required).not.toContain('kind');
  });
});

describe('ambiguous.notIn and bare numbers', () => {
  it("a blocked phrase must hold one of the ambiguous forms, and must not be another skill's alias", () => {
    const data = tiny();
    data.skills[2] = {
      ...data.skills[2]!,
      ambiguous: { ...data.skills[2]!.ambiguous!, notIn: ['go-getter', 'Going concern', 'Golang'] },
    };
    const issues = issuesOf(data);
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['not-in-without-form', ['skills', 2, 'ambiguous', 'notIn', 1]],
      ['not-in-without-form', ['skills', 2, 'ambiguous', 'notIn', 2]],
    ]);
    data.skills[2]!.ambiguous!.notIn = ['go-getter', 'Go Django'];
    data.skills[0]!.aliases = ['Go Django'];
    expect(issuesOf(data).map((i) => [i.code, i.path])).toEqual([
      ['alias-conflict', ['skills', 2, 'ambiguous', 'notIn', 1]],
    ]);
  });

  it('an alias with no letter must be marked ambiguous', () => {
    const data = tiny();
    data.skills[3]!.aliases = ['Python3', '3.11'];
    expect(issuesOf(data)).toEqual([
      expect.objectContaining({ code: 'number-only-alias', path: ['skills', 3, 'aliases', 1] }),
    ]);
    data.skills[3]!.ambiguous = { aliases: ['3.11'], rule: 'list-item', note: 'a bare number' };
    expect(validateTaxonomy(data).ok).toBe(true);
  });
});

describe('mergeTaxonomy', () => {
  it('extends: adds new ids, overrides same ids, re-sorts, and may refer to base skills', () => {
    const merged = mergeTaxonomy(tiny(), {
      version: 'acme-1',
      skills: [
        {
          id: 'fastapi',
          name: 'FastAPI',
          category: 'backend-frameworks',
          aliases: ['fast-api'],
          implies: [{ id: 'python', weight: 0.8 }],
        },
        {
          id: 'acme-orm',
          name: 'AcmeORM',
          category: 'orms-and-data-access',
          aliases: [],
          implies: [{ id: 'python', weight: 0.5 }],
        },
        {
          id: 'flask',
          name: 'Flask',
          category: 'backend-frameworks',
          aliases: ['Flask 2'],
          implies: [{ id: 'python', weight: 0.7 }],
        },
      ],
    });
    expect(merged.version).toBe('test+acme-1');
    expect(merged.skills.map((s) => s.id)).toEqual(['acme-orm', 'django', 'fastapi', 'flask', 'go', 'python']);
    expect(merged.skills.find((s) => s.id === 'flask')?.aliases).toEqual(['Flask 2']);
    expect(validateTaxonomy(merged).ok).toBe(true);
  });

  it('replaces: only the extension remains, checked on its own', () => {
    const error = thrown(() =>
      mergeTaxonomy(tiny(), [{ category: 'backend-frameworks', skills: [tiny().skills[0]] }], { mode: 'replace' }),
    );
    expect(error.issues).toEqual([
      expect.objectContaining({ code: 'unknown-reference', path: ['extension', 0, 'skills', 0, 'implies', 0, 'id'] }),
    ]);
    expect(mergeTaxonomy(tiny(), { version: 'v2', skills: [tiny().skills[3]] }, { mode: 'replace' })).toEqual({
      version: 'v2',
      skills: [kinded().skills[3]],
    });
  });

  it('an extension alias that clashes with a base skill fails, with paths into base and extension', () => {
    const error = thrown(() =>
      mergeTaxonomy(tiny(), {
        version: 'x',
        skills: [{ id: 'pypy', name: 'PyPy', category: 'programming-languages', aliases: ['Python3'] }],
      }),
    );
    expect(error.code).toBe('invalid-taxonomy');
    expect(error.issues).toEqual([
      expect.objectContaining({ code: 'alias-conflict', path: ['extension', 'skills', 0, 'aliases', 0] }),
    ]);
    expect(error.issues[0]!.message).toContain('base.skills[3]');
  });

  it('rejects a bad mode', () => {
    expect(() => mergeTaxonomy(tiny(), tiny(), { mode: 'append' as 'extend' })).toThrow(/`mode`/);
  });
});

describe('JSON Schemas for editors', () => {
  it('taxonomy/schema/*.schema.json are current (run npm run schemas when this fails)', () => {
    for (const [name, schema] of Object.entries(jsonSchemaFiles())) {
      const file = new URL(`taxonomy/schema/${name}`, ROOT);
      expect(existsSync(file), `taxonomy/schema/${name} is missing: run npm run schemas`).toBe(true);
      const committed = readFileSync(file, 'utf8');
      expect(
        committed === `${JSON.stringify(schema, null, 2)}\n`,
        `taxonomy/schema/${name} is stale: run npm run schemas`,
      ).toBe(true);
    }
  });

  it('the skill-file schema knows every category and the closed skill shape', () => {
    const schema = jsonSchemaFiles()['skill-file.schema.json'] as { properties: { category: { enum: string[] } } };
    expect(schema.properties.category.enum).toEqual([...SKILL_CATEGORIES]);
    expect(JSON.stringify(schema)).toContain('"additionalProperties":false');
  });
});

const BACKEND_CATEGORIES = new Set([
  'programming-languages',
  'backend-frameworks',
  'orms-and-data-access',
  'databases',
  'messaging-and-streaming',
  'apis-and-protocols',
  'security',
  'cloud',
  'containers-and-orchestration',
  'infrastructure-as-code',
  'ci-cd-and-devops-tools',
]);

// Acceptance tests of the shipped data: they fail until the data files are complete.
describe('the built-in taxonomy', () => {
  it('validates with zero issues', () => {
    const result = validateTaxonomy(builtinTaxonomy());
    if (!result.ok) console.warn(result.issues.slice(0, 30));
    expect(result.ok ? [] : result.issues).toEqual([]);
  });

  it('each data file validates on its own terms (sorted, one category, $schema set) and the files together validate', () => {
    const names = readdirSync(SKILLS_DIR)
      .filter((name) => name.endsWith('.json'))
      .sort();
    const files = names.map(
      (name) => JSON.parse(readFileSync(new URL(name, SKILLS_DIR), 'utf8')) as { $schema?: string; category: string },
    );
    for (const [i, file] of files.entries()) {
      expect(file.$schema, names[i]).toBe('../schema/skill-file.schema.json');
      expect(names[i]).toBe(`${file.category}.json`);
    }
    const result = validateTaxonomy(files, { requireKind: true });
    expect(result.ok ? [] : result.issues.slice(0, 30)).toEqual([]);
  });

  it('has at least 2,000 skills, every category present', () => {
    const { skills } = builtinTaxonomy();
    expect(skills.length).toBeGreaterThanOrEqual(2000);
    expect(new Set(skills.map((s) => s.category))).toEqual(new Set(SKILL_CATEGORIES));
  });

  it('has at least 300 implies edges among the back-end categories', () => {
    const { skills } = builtinTaxonomy();
    const category = new Map(skills.map((s) => [s.id, s.category]));
    const edges = skills
      .flatMap((s) => (s.implies ?? []).map((e) => [s.id, e.id] as const))
      .filter(
        ([from, to]) => BACKEND_CATEGORIES.has(category.get(from)!) && BACKEND_CATEGORIES.has(category.get(to) ?? ''),
      );
    expect(edges.length).toBeGreaterThanOrEqual(300);
    expect(edges).toEqual(expect.arrayContaining([['django', 'python']]));
  });

  it('is parsed once, cached and deeply frozen', () => {
    const taxonomy = builtinTaxonomy();
    expect(builtinTaxonomy()).toBe(taxonomy);
    expect(Object.isFrozen(taxonomy.skills)).toBe(true);
    const first = taxonomy.skills[0];
    if (first !== undefined) {
      expect(Object.isFrozen(first.aliases)).toBe(true);
      expect(() => (first.aliases as string[]).push('x')).toThrow(TypeError);
    }
  });
});
