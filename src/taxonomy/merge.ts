/**
 * A user's taxonomy on top of ours (or instead of it), checked by the same rules as the
 * built-in one, so a custom alias can never silently clash with a shipped skill.
 */
import type { ValidationIssue } from '../errors.js';
import type { Skill, Taxonomy } from './schema.js';
import { checkSkills, formatPath, readSkills, taxonomyError, type LocatedSkill } from './validate.js';

/** Options of `mergeTaxonomy`. */
export interface MergeTaxonomyOptions {
  /**
   * `extend`: the extension's skills are added to the base, and an extension skill with the
   * id of a base skill replaces it whole. `replace`: the extension alone is the taxonomy.
   * @default 'extend'
   */
  mode?: 'extend' | 'replace';
  /**
   * Version of the result.
   * @default `${base.version}+${extension version or 'custom'}` when extending; the extension's version (or 'custom') when replacing
   */
  version?: string;
}

/**
 * Merges a custom taxonomy into a base one (usually `builtinTaxonomy()`), re-sorts the result
 * by id and validates it as a whole. The extension may be a taxonomy `{version, skills}`, one
 * skill file `{category, skills}` or an array of skill files; it may refer to base skills
 * (`implies: [{id: 'python', …}]`), and need not be sorted.
 *
 * Issue paths point into the inputs: `['extension', 'skills', 2, 'aliases', 0]` or `['base', 'skills', 40, 'name']`.
 * @throws ValidationError with code `invalid-taxonomy` listing every issue of the merged result.
 */
export function mergeTaxonomy(base: Taxonomy, extension: unknown, options: MergeTaxonomyOptions = {}): Taxonomy {
  const mode = options.mode ?? 'extend';
  if (mode !== 'extend' && mode !== 'replace') throw new RangeError("`mode` must be 'extend' or 'replace'");
  if (options.version !== undefined && (typeof options.version !== 'string' || options.version === '')) {
    throw new TypeError('`version` must be a non-empty string');
  }
  if (typeof base !== 'object' || base === null || !Array.isArray(base.skills)) {
    throw new TypeError('`base` must be a taxonomy `{version, skills}`, e.g. `builtinTaxonomy()`');
  }

  const read = readSkills(extension, ['extension']);
  const issues: ValidationIssue[] = [...read.issues];
  const merged = new Map<string, LocatedSkill>();
  if (mode === 'extend') {
    for (const [index, skill] of base.skills.entries())
      merged.set(skill.id, { skill, path: ['base', 'skills', index] });
  }
  const added = new Map<string, LocatedSkill>();
  for (const located of read.groups.flat()) {
    const earlier = added.get(located.skill.id);
    if (earlier !== undefined) {
      issues.push({
        code: 'duplicate-id',
        path: [...located.path, 'id'],
        message: `duplicate id "${located.skill.id}" in the extension (first at ${formatPath(earlier.path)})`,
      });
      continue;
    }
    added.set(located.skill.id, located);
    merged.set(located.skill.id, located);
  }
  const skills = [...merged.values()].sort((a, b) => (a.skill.id < b.skill.id ? -1 : a.skill.id > b.skill.id ? 1 : 0));
  issues.push(...checkSkills(skills));
  if (issues.length > 0) throw taxonomyError(issues, mode === 'extend' ? 'taxonomy extension' : 'replacement taxonomy');

  const extensionVersion = read.version ?? 'custom';
  const version = options.version ?? (mode === 'extend' ? `${base.version}+${extensionVersion}` : extensionVersion);
  return { version, skills: skills.map((located): Skill => located.skill) };
}
