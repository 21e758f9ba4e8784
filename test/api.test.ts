// Pins the public API: adding an export is a decision, removing or renaming one breaks users.
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';

const EXPORTS = [
  'DOCUMENT_VERSION', 'EXTRACT_DEFAULTS', 'LimitError', 'MATCH_VERSION', 'PARSE_DEFAULTS', 'PROFILE_VERSION', 'ParseError',
  'RANK_DEFAULTS', 'SCORE_DEFAULTS', 'SKILL_CATEGORIES', 'SkillmatchError', 'TAXONOMY_DEFAULTS', 'ValidationError',
  'assertRole', 'assertTaxonomy', 'buildAliasIndex', 'builtinRoles', 'builtinTaxonomy', 'createExtractor', 'createMatcher',
  'createParsePool', 'createResolver', 'createScorer', 'decodeJobDescription', 'extractSkills', 'findDateRanges', 'getBuiltinRole', 'indexAliases',
  'isJsonResume', 'isLimitError', 'isParseError', 'isSkillmatchError', 'isValidationError', 'lookupAlias', 'mergeTaxonomy',
  'normaliseAlias', 'parseDateRange', 'parseResume', 'rankResumes', 'resolveSkill', 'roleFromJobDescription', 'roleJsonSchema',
  'scoreMatch', 'skillFileJsonSchema', 'splitLines', 'structureDocument', 'suggestSkills', 'taxonomyJsonSchema', 'tokenize',
  'validateRole', 'validateTaxonomy',
];

describe('public API', () => {
  it('exports exactly the pinned names', () => {
    expect(Object.keys(api).sort()).toEqual(EXPORTS);
  });

  it('freezes every defaults object', () => {
    const { PARSE_DEFAULTS, EXTRACT_DEFAULTS, SCORE_DEFAULTS, RANK_DEFAULTS, TAXONOMY_DEFAULTS } = api;
    for (const [name, value] of Object.entries({ PARSE_DEFAULTS, EXTRACT_DEFAULTS, SCORE_DEFAULTS, RANK_DEFAULTS, TAXONOMY_DEFAULTS })) {
      expect(Object.isFrozen(value), name).toBe(true);
    }
  });

  it('runs the main job end to end on a plain-text résumé, with evidence that indexes the input', async () => {
    const text = 'Jane Doe\n\nExperience\nBackend Engineer, Acme Ltd — Jan 2019 – Present\nBuilt REST APIs in Node.js on PostgreSQL, deployed with Docker.\n\nSkills\nNode.js, PostgreSQL, Docker, Redis\n';
    const ranking = await api.rankResumes([{ id: 'jane', data: text }], 'backend-developer', { asOf: '2026-11', isolate: false });
    expect(ranking.errors).toEqual([]);
    const [top] = ranking.results;
    expect(top?.id).toBe('jane');
    expect(top?.score).toBeGreaterThan(0);
    const node = top?.match.requirements.flatMap((r) => r.evidence).find((e) => e.text === 'Node.js');
    expect(node).toBeDefined();
    expect(text.slice(node!.span.start, node!.span.end)).toBe('Node.js');
  });
});
