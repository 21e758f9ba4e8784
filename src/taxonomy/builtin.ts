/**
 * The shipped taxonomy. The core does no file I/O, so the data reaches it through the
 * generated module `builtin-data.cjs` (written from `taxonomy/` by `scripts/builtin-data.mjs`
 * at every build) as one JSON string, parsed on first use only.
 */
import { BUILTIN_ROLES_JSON, BUILTIN_TAXONOMY_JSON } from './builtin-data.cjs';
import type { Taxonomy } from './schema.js';

let cached: Taxonomy | undefined;

/** Freezes a plain JSON value in place, all the way down, so a shared cache cannot be edited by a caller. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const inner of Object.values(value as Record<string, unknown>)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/**
 * The built-in skill taxonomy (every `taxonomy/skills/*.json` file, skills sorted by id).
 * Parsed once and cached; the returned object is deeply frozen and shared by every caller,
 * so copy it (`structuredClone`) before changing it, or use `mergeTaxonomy` to extend it.
 * It is validated by the test suite, not at run time, so loading it costs one `JSON.parse`.
 */
export function builtinTaxonomy(): Taxonomy {
  cached ??= deepFreeze(JSON.parse(BUILTIN_TAXONOMY_JSON) as Taxonomy);
  return cached;
}

/**
 * The built-in roles as JSON text. The build writes them into the same generated module as the taxonomy,
 * and the role stage reads them through here (a function, so no declaration file names the generated module).
 */
export function builtinRolesJson(): string {
  return BUILTIN_ROLES_JSON;
}
