/**
 * skillmatch: match résumés to roles.
 * Public API: named exports and `export type` only. This is what an application embedding the
 * matcher needs (the matcher, parsing, the stage functions, roles and taxonomies, errors, types,
 * versions and defaults); the building blocks underneath (tokenizer, alias index, date ranges,
 * sectioning, skill-name look-up, JSON Schemas) are in `@skillmatch/core/tools`.
 */
export {
  SkillmatchError,
  ParseError,
  ValidationError,
  LimitError,
  OptionError,
  isSkillmatchError,
  isParseError,
  isValidationError,
  isLimitError,
} from './errors.js';
export type { ErrorCode, ValidationIssue } from './errors.js';
export { DOCUMENT_VERSION, PROFILE_VERSION, MATCH_VERSION, PARSE_DEFAULTS } from './defaults.js';
export type * from './types.js';
export { parseResume, createParsePool } from './parse/index.js';
export type { JsonResumeObject, ParseOptions, ParsePool, ParsePoolOptions } from './parse/index.js';
export { EXTRACT_DEFAULTS } from './defaults.js';
export {
  builtinTaxonomy,
  validateTaxonomy,
  assertTaxonomy,
  mergeTaxonomy,
  SKILL_CATEGORIES,
  SKILL_KINDS,
} from './taxonomy/index.js';
export type { TaxonomyValidation, ValidateTaxonomyOptions, MergeTaxonomyOptions } from './taxonomy/index.js';
export { builtinRoles, getBuiltinRole, validateRole, assertRole } from './role/index.js';
export type { RoleValidation } from './role/index.js';
export { roleFromJobDescription, decodeJobDescription } from './job-description/index.js';
export type {
  JobPosting,
  RoleFromJobDescriptionOptions,
  DecodedJobDescription,
  InputFormat as JobDescriptionFormat,
} from './job-description/index.js';
export { extractSkills, createExtractor } from './extract/index.js';
export type { ExtractOptions, Extractor } from './extract/index.js';
export { SCORE_DEFAULTS, RANK_DEFAULTS } from './defaults.js';
export { scoreMatch, createScorer } from './score/index.js';
export type { ScoreOptions, Scorer, Rating } from './score/index.js';
export { rankResumes, createMatcher } from './rank/index.js';
export type {
  Matcher,
  MatcherExtractOptions,
  MatcherOptions,
  MatcherParseOptions,
  RankInput,
  RankInputObject,
  RankOptions,
  RankProgress,
} from './rank/index.js';
