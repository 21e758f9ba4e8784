/**
 * skillmatch: match résumés to roles.
 * Public API: named exports and `export type` only.
 */
export { SkillmatchError, ParseError, ValidationError, LimitError, isSkillmatchError, isParseError, isValidationError, isLimitError } from './errors.js';
export type { ErrorCode, ValidationIssue } from './errors.js';
export { DOCUMENT_VERSION, PROFILE_VERSION, MATCH_VERSION, PARSE_DEFAULTS } from './defaults.js';
export type * from './types.js';
export { parseResume, createParsePool } from './parse/index.js';
export type { JsonResumeObject, ParseOptions, ParsePool, ParsePoolOptions } from './parse/index.js';
export { parseDateRange, findDateRanges } from './parse/dates.js';
export type { DateOptions, DateRange, FindDateRangesOptions } from './parse/dates.js';
export { splitLines, structureDocument } from './parse/structure.js';
export type { StructureInput, StructureResult } from './parse/structure.js';
export { isJsonResume } from './parse/json-resume.js';
export { EXTRACT_DEFAULTS } from './defaults.js';
export { tokenize, normaliseAlias } from './taxonomy/tokenize.js';
export type { Token } from './taxonomy/tokenize.js';
export { buildAliasIndex, lookupAlias, indexAliases } from './taxonomy/alias-index.js';
export type { AliasIndex, AliasHit } from './taxonomy/alias-index.js';
export { TAXONOMY_DEFAULTS } from './defaults.js';
export {
  builtinTaxonomy,
  validateTaxonomy,
  assertTaxonomy,
  mergeTaxonomy,
  resolveSkill,
  suggestSkills,
  createResolver,
  skillFileJsonSchema,
  taxonomyJsonSchema,
  roleJsonSchema,
  SKILL_CATEGORIES,
} from './taxonomy/index.js';
export type {
  TaxonomyValidation,
  ValidateTaxonomyOptions,
  MergeTaxonomyOptions,
  ResolveOptions,
  SkillResolution,
  SkillResolver,
  SkillSuggestion,
  JsonSchema,
} from './taxonomy/index.js';
export { builtinRoles, getBuiltinRole, validateRole, assertRole } from './role/index.js';
export type { RoleValidation } from './role/index.js';
export { roleFromJobDescription, decodeJobDescription } from './job-description/index.js';
export type { JobPosting, RoleFromJobDescriptionOptions, DecodedJobDescription, InputFormat as JobDescriptionFormat } from './job-description/index.js';
export { extractSkills, createExtractor } from './extract/index.js';
export type { ExtractOptions, Extractor } from './extract/index.js';
export { SCORE_DEFAULTS, RANK_DEFAULTS } from './defaults.js';
export { scoreMatch, createScorer } from './score/index.js';
export type { ScoreOptions, Scorer, Rating } from './score/index.js';
export { rankResumes, createMatcher } from './rank/index.js';
export type { Matcher, MatcherExtractOptions, MatcherOptions, MatcherParseOptions, RankInput, RankInputObject, RankOptions, RankProgress } from './rank/index.js';
