/**
 * The taxonomy stage: the built-in skill data, validation and merging of custom taxonomies,
 * look-up of a typed name, and the JSON Schemas for editors. (The alias index and tokenizer
 * the extractor uses live beside these, in `alias-index.ts` and `tokenize.ts`.)
 */
export { builtinTaxonomy } from './builtin.js';
export { validateTaxonomy, assertTaxonomy } from './validate.js';
export type { TaxonomyValidation, ValidateTaxonomyOptions } from './validate.js';
export { mergeTaxonomy } from './merge.js';
export type { MergeTaxonomyOptions } from './merge.js';
export { resolveSkill, suggestSkills, createResolver } from './resolve.js';
export type { ResolveOptions, SkillResolution, SkillResolver, SkillSuggestion } from './resolve.js';
export { skillFileJsonSchema, taxonomyJsonSchema, roleJsonSchema } from './json-schema.js';
export type { JsonSchema } from './json-schema.js';
export { SKILL_CATEGORIES } from './schema.js';
