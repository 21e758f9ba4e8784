/**
 * `@skillmatch/core/tools`: the building blocks under the main API, for tools that work below it
 * (taxonomy editors, custom extractors, data pipelines): the tokenizer and the alias index, typed
 * skill-name look-up, date ranges and sectioning of text, the JSON Resume check, the JSON Schemas,
 * and the meaning of every diagnostic code.
 * Named exports and `export type` only; each comes from its stage's `index.ts`.
 */
export { TAXONOMY_DEFAULTS } from './defaults.js';
export { DIAGNOSTIC_MESSAGES } from './diagnostics.js';
export type { DiagnosticInfo } from './diagnostics.js';
export {
  tokenize,
  normaliseAlias,
  buildAliasIndex,
  lookupAlias,
  indexAliases,
  resolveSkill,
  suggestSkills,
  createResolver,
  skillFileJsonSchema,
  taxonomyJsonSchema,
} from './taxonomy/index.js';
export type {
  Token,
  AliasIndex,
  AliasHit,
  ResolveOptions,
  SkillResolution,
  SkillResolver,
  SkillSuggestion,
  JsonSchema,
} from './taxonomy/index.js';
export { roleJsonSchema } from './role/index.js';
export { parseDateRange, findDateRanges, splitLines, structureDocument, isJsonResume } from './parse/index.js';
export type { DateOptions, DateRange, FindDateRangesOptions, StructureInput, StructureResult } from './parse/index.js';
