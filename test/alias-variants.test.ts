import { describe, expect, it } from 'vitest';
import { buildAliasIndex, indexAliases, lookupAlias } from '../src/taxonomy/alias-index.js';
import type { Taxonomy } from '../src/taxonomy/schema.js';
import { aliasVariants, camelParts } from '../src/taxonomy/variants.js';

const keys = (alias: string, mode?: 'plain' | 'ambiguous' | 'case-sensitive'): string[] =>
  aliasVariants(alias, mode)
    .map((v) => v.key)
    .sort();

describe('camelParts', () => {
  it.each([
    ['PostgreSQL', ['Postgre', 'SQL']],
    ['MySQL', ['My', 'SQL']],
    ['WebLogic', ['Web', 'Logic']],
    ['jQuery', ['j', 'Query']],
    ['JBoss', ['J', 'Boss']],
    ['SQLServer', ['SQL', 'Server']],
    ['AngularJS', ['Angular', 'JS']],
  ])('%s → %j', (word, parts) => expect(camelParts(word)).toEqual(parts));

  it.each(['iOS', 'eBay', 'NHibernate', 'IntelliJ', 'Python', 'SQL', 'node', 'C3PO', 'Node.js'])(
    '%s is not split',
    (word) => {
      expect(camelParts(word)).toBeNull();
    },
  );
});

describe('aliasVariants', () => {
  it('dotted names: without the dot, and spaced', () => {
    expect(keys('Node.js')).toEqual(['node js', 'nodejs']);
    expect(keys('ASP.NET Core')).toEqual(['asp net core', 'aspnet core']);
  });

  it('camel case split, spaced', () => {
    expect(keys('PostgreSQL')).toEqual(['postgre sql']);
    expect(keys('Oracle WebLogic')).toEqual(['oracle web logic']);
  });

  it('run together only with an acronym in the name', () => {
    expect(keys('REST API')).toEqual(['restapi']);
    expect(keys('SQL Server')).toEqual(['sqlserver']);
    expect(keys('Back End')).toEqual([]);
    expect(keys('Java 8')).toEqual([]);
  });

  it('.NET without its dot: the bare NET only as a capitalised list item', () => {
    expect(aliasVariants('.NET')).toEqual([{ key: 'net', ambiguity: { rule: 'list-item', written: ['NET'] } }]);
    const core = aliasVariants('.NET Core');
    expect(core.map((v) => v.key)).toEqual(['net core']);
    expect(core[0]!.ambiguity).toMatchObject({
      rule: 'tech-context',
      written: expect.arrayContaining(['NET Core', 'NET core', 'NET CORE', 'NET-Core']),
    });
  });

  it('acronyms with dots, also for a case-sensitive alias (keeping its rule)', () => {
    expect(keys('QTP')).toEqual(['q.t.p']);
    expect(aliasVariants('UFT', 'case-sensitive', 'list-item')).toEqual([
      { key: 'u.f.t', ambiguity: { rule: 'list-item', written: ['U.F.T'] } },
    ]);
    expect(aliasVariants('Go', 'case-sensitive')).toEqual([]);
  });

  it('every variant counts only in context; one with a function word only in its written case', () => {
    for (const v of aliasVariants('Node.js')) expect(v.ambiguity).toEqual({ rule: 'tech-context', written: null });
    expect(aliasVariants('MySQL')[0]!.ambiguity).toEqual({
      rule: 'tech-context',
      written: ['My SQL', 'My-SQL', 'MY SQL', 'MY-SQL'],
    });
    // A variant of an ambiguous alias takes the alias's own rule (null: as the alias counts).
    expect(aliasVariants('Express.js', 'ambiguous').map((v) => v.ambiguity)).toEqual([null, null]);
  });

  it('never makes a job title out of a camel-case product', () => {
    expect(keys('TestManager')).toEqual([]);
    expect(keys('ScrumMaster')).toEqual([]);
  });
});

describe('the alias index with variants and blocked phrases', () => {
  const taxonomy: Taxonomy = {
    version: 't',
    skills: [
      { id: 'postgresql', name: 'PostgreSQL', category: 'databases', aliases: ['Postgres'] },
      { id: 'rest', name: 'REST', category: 'apis-and-protocols', aliases: ['REST API'] },
      {
        id: 'chef',
        name: 'Chef',
        category: 'infrastructure-as-code',
        aliases: [],
        ambiguous: {
          aliases: ['Chef'],
          rule: 'tech-context',
          caseSensitive: true,
          note: 'a cook',
          notIn: ['Sous Chef', 'Chef de Cuisine'],
        },
      },
    ],
  };
  const index = buildAliasIndex(taxonomy);

  it('indexes variants as ambiguous entries of their skill, marked as variants', () => {
    expect(index.aliases.get('postgre sql')).toEqual([
      {
        skillId: 'postgresql',
        alias: 'PostgreSQL',
        ambiguity: { rule: 'tech-context', caseSensitive: null, confirmers: [] },
        variant: true,
      },
    ]);
    expect(lookupAlias(index, 'RestApi')).toEqual([{ skillId: 'rest', alias: 'REST API', ambiguous: true }]);
  });

  it('indexes blocked phrases so they are read whole, and never returns them', () => {
    const entries = index.aliases.get('chef de cuisine');
    expect(entries?.[0]).toMatchObject({ skillId: 'chef', blocked: true, ambiguity: { caseSensitive: [] } });
    expect(index.prefixes.has('chef de')).toBe(true);
    expect(lookupAlias(index, 'Chef de Cuisine')).toEqual([]);
    expect(lookupAlias(index, 'Chef')).toEqual([{ skillId: 'chef', alias: 'Chef', ambiguous: true }]);
  });

  it('lists only written aliases', () => {
    expect(indexAliases(index).map((a) => a.alias)).toEqual(['Chef', 'PostgreSQL', 'Postgres', 'REST', 'REST API']);
  });
});
