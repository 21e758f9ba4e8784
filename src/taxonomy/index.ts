/**
 * The taxonomy stage: the built-in skill data, validation and merging of custom taxonomies,
 * look-up of a typed name, and the JSON Schemas for editors. This file is the stage's only
 * entrance for the other stages (test/import-graph.test.ts holds that).
 */
export { builtinTaxonomy } from './builtin.js';
export { validateTaxonomy, assertTaxonomy } from './validate.js';
export type { TaxonomyValidation, ValidateTaxonomyOptions } from './validate.js';
export { mergeTaxonomy } from './merge.js';
export type { MergeTaxonomyOptions } from './merge.js';
export { resolveSkill, suggestSkills, createResolver } from './resolve.js';
export type { ResolveOptions, SkillResolution, SkillResolver, SkillSuggestion } from './resolve.js';
export { skillFileJsonSchema, taxonomyJsonSchema } from './json-schema.js';
export type { JsonSchema } from './json-schema.js';
export { SKILL_CATEGORIES } from './schema.js';
export { SKILL_KINDS, kindOf, taxonomySchemas } from './schema.js';
export type {
  AmbiguityRule,
  ImpliesEdge,
  Skill,
  SkillCategory,
  SkillFile,
  SkillKind,
  Taxonomy,
  Zod,
} from './schema.js';

// For the later stages and `@skillmatch/core/tools`, not the main export: the tokenizer, the alias
// index, typo look-up, the `implies` closure, and what role validation shares with taxonomy validation.
export { tokenize, normaliseAlias, scanTokens } from './tokenize.js';
export type { Token, FineToken } from './tokenize.js';
export { buildAliasIndex, lookupAlias, indexAliases, liveSkills } from './alias-index.js';
export type { AliasIndex, AliasHit, AliasEntry } from './alias-index.js';
export { createFuzzyIndex } from './fuzzy.js';
export type { FuzzyIndex } from './fuzzy.js';
export { taxonomyOrdinals } from './ordinals.js';
export type { Ordinals } from './ordinals.js';
export { impliedClosure } from './implied.js';
export { builtinRolesJson, deepFreeze } from './builtin.js';
export { formatIssues, fromZodIssues } from './validate.js';
export { jsonSchemaOf } from './json-schema.js';
