// Pins the public API: adding an export is a decision, removing or renaming one breaks users.
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';
import * as tools from '../src/tools.js';

const EXPORTS = [
  'DOCUMENT_VERSION',
  'EXTRACT_DEFAULTS',
  'LimitError',
  'MATCH_VERSION',
  'OptionError',
  'PARSE_DEFAULTS',
  'PROFILE_VERSION',
  'ParseError',
  'RANK_DEFAULTS',
  'SCORE_DEFAULTS',
  'SKILL_CATEGORIES',
  'SKILL_KINDS',
  'SkillmatchError',
  'ValidationError',
  'assertRole',
  'assertTaxonomy',
  'builtinRoles',
  'builtinTaxonomy',
  'createExtractor',
  'createMatcher',
  'createParsePool',
  'createScorer',
  'decodeJobDescription',
  'extractSkills',
  'getBuiltinRole',
  'isLimitError',
  'isParseError',
  'isSkillmatchError',
  'isValidationError',
  'mergeTaxonomy',
  'parseResume',
  'rankResumes',
  'roleFromJobDescription',
  'scoreMatch',
  'validateRole',
  'validateTaxonomy',
];

/** `@skillmatch/core/tools`: the building blocks that left the main export (see CHANGELOG), and the diagnostic codes' meanings. */
const TOOLS = [
  'DIAGNOSTIC_MESSAGES',
  'TAXONOMY_DEFAULTS',
  'buildAliasIndex',
  'createResolver',
  'findDateRanges',
  'indexAliases',
  'isJsonResume',
  'lookupAlias',
  'normaliseAlias',
  'parseDateRange',
  'resolveSkill',
  'roleJsonSchema',
  'skillFileJsonSchema',
  'splitLines',
  'structureDocument',
  'suggestSkills',
  'taxonomyJsonSchema',
  'tokenize',
];

/** The main export before the split: every name is still exported from main or from tools. */
const BEFORE_SPLIT = [
  'DOCUMENT_VERSION',
  'EXTRACT_DEFAULTS',
  'LimitError',
  'MATCH_VERSION',
  'PARSE_DEFAULTS',
  'PROFILE_VERSION',
  'ParseError',
  'RANK_DEFAULTS',
  'SCORE_DEFAULTS',
  'SKILL_CATEGORIES',
  'SkillmatchError',
  'TAXONOMY_DEFAULTS',
  'ValidationError',
  'assertRole',
  'assertTaxonomy',
  'buildAliasIndex',
  'builtinRoles',
  'builtinTaxonomy',
  'createExtractor',
  'createMatcher',
  'createParsePool',
  'createResolver',
  'createScorer',
  'decodeJobDescription',
  'extractSkills',
  'findDateRanges',
  'getBuiltinRole',
  'indexAliases',
  'isJsonResume',
  'isLimitError',
  'isParseError',
  'isSkillmatchError',
  'isValidationError',
  'lookupAlias',
  'mergeTaxonomy',
  'normaliseAlias',
  'parseDateRange',
  'parseResume',
  'rankResumes',
  'resolveSkill',
  'roleFromJobDescription',
  'roleJsonSchema',
  'scoreMatch',
  'skillFileJsonSchema',
  'splitLines',
  'structureDocument',
  'suggestSkills',
  'taxonomyJsonSchema',
  'tokenize',
  'validateRole',
  'validateTaxonomy',
];

describe('public API', () => {
  it('exports exactly the pinned names', () => {
    expect(Object.keys(api).sort()).toEqual(EXPORTS);
  });

  it('exports exactly the pinned building blocks from tools, none of them also from main', () => {
    expect(Object.keys(tools).sort()).toEqual(TOOLS);
    expect(TOOLS.filter((name) => name in api)).toEqual([]);
  });

  it('removed nothing: every name of the old main export is in main or tools, the same value', () => {
    const surface: Record<string, unknown> = { ...api, ...tools };
    expect(BEFORE_SPLIT.filter((name) => !(name in surface))).toEqual([]);
    expect(tools.tokenize('C# and .NET').map((t) => t.text)).toEqual(['C#', 'and', '.NET']);
  });

  it('freezes every defaults object', () => {
    const { PARSE_DEFAULTS, EXTRACT_DEFAULTS, SCORE_DEFAULTS, RANK_DEFAULTS } = api;
    for (const [name, value] of Object.entries({ PARSE_DEFAULTS, EXTRACT_DEFAULTS, SCORE_DEFAULTS, RANK_DEFAULTS })) {
      expect(Object.isFrozen(value), name).toBe(true);
    }
    expect(Object.isFrozen(tools.TAXONOMY_DEFAULTS)).toBe(true);
  });

  it('exports the taxonomy kinds beside its categories', () => {
    expect(api.SKILL_KINDS).toEqual(['technology', 'practice', 'concept']);
    expect(api.builtinTaxonomy().skills.every((skill) => api.SKILL_KINDS.includes(skill.kind!))).toBe(true);
  });

  it('runs the main job end to end on a plain-text résumé, with evidence that indexes the input', async () => {
    const text =
      'Jane Doe\n\nExperience\nBackend Engineer, Acme Ltd — Jan 2019 – Present\nBuilt REST APIs in Node.js on PostgreSQL, deployed with Docker.\n\nSkills\nNode.js, PostgreSQL, Docker, Redis\n';
    const ranking = await api.rankResumes([{ id: 'jane', data: text }], 'backend-developer', {
      asOf: '2026-11',
      isolate: false,
    });
    expect(ranking.errors).toEqual([]);
    const [top] = ranking.results;
    expect(top?.id).toBe('jane');
    expect(top?.score).toBeGreaterThan(0);
    const node = top?.match.requirements.flatMap((r) => r.evidence).find((e) => e.text === 'Node.js');
    expect(node).toBeDefined();
    expect(text.slice(node!.span.start, node!.span.end)).toBe('Node.js');
  });
});
