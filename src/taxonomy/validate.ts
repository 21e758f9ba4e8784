/**
 * Taxonomy validation: the zod shape of every entry, then the rules that need the whole
 * taxonomy at once. Every issue is reported with its path, never only the first, so a
 * curator fixes a file in one pass.
 */
import type { z } from 'zod';
import { ValidationError, type ValidationIssue } from '../errors.js';
import { taxonomySchemas, type Skill, type Taxonomy } from './schema.js';
import { normaliseAlias } from './tokenize.js';

/** The result of `validateTaxonomy`: the parsed taxonomy, or every issue found. */
export type TaxonomyValidation =
  | { ok: true; taxonomy: Taxonomy; issues: [] }
  | { ok: false; issues: ValidationIssue[] };

/** Options of `validateTaxonomy` and `assertTaxonomy`. */
export interface ValidateTaxonomyOptions {
  /**
   * Version given to a taxonomy read from skill files, which carry none.
   * @default 'custom'
   */
  version?: string;
  /**
   * Report a skill that does not state its `kind` (code `missing-kind`) instead of reading it as
   * `technology`. The shipped taxonomy is checked so; custom taxonomies may leave `kind` out.
   * @default false
   */
  requireKind?: boolean;
}

type Path = (string | number)[];

/** A well-formed skill and where it sits in the validated input. */
export interface LocatedSkill {
  skill: Skill;
  path: Path;
}

/** Skills read from one input, grouped by the list they came from (each list must be sorted). */
export interface ReadSkills {
  groups: LocatedSkill[][];
  version: string | undefined;
  issues: ValidationIssue[];
}

/** Converts zod issues to ours: kebab-case codes, plain string/number paths under `prefix`. */
export function fromZodIssues(issues: readonly z.core.$ZodIssue[], prefix: Path = []): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path.map((key) => (typeof key === 'number' ? key : String(key)))];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      // A union reports one list per branch; the branch with the fewest complaints is the one the author meant.
      const best = [...issue.errors].sort((a, b) => a.length - b.length)[0] ?? [];
      if (best.length > 0) {
        out.push(...fromZodIssues(best, path));
        continue;
      }
    }
    out.push({ code: issue.code.replace(/_/g, '-'), path, message: issue.message });
  }
  return out;
}

/** `['skills', 3, 'implies', 0, 'id']` → `skills[3].implies[0].id`. */
export function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out === '' ? key : `.${key}`;
  return out === '' ? '(root)' : out;
}

/** One line per issue, `path: message`, for error messages and the CLI. */
export function formatIssues(issues: readonly ValidationIssue[]): string {
  return issues.map((issue) => `  ${formatPath(issue.path)}: ${issue.message} [${issue.code}]`).join('\n');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** How `readSkills` reads entries. */
export interface ReadOptions {
  /** A skill without an explicit `kind` is an issue (`missing-kind`). */
  requireKind?: boolean;
}

function readSkillList(
  list: unknown[],
  prefix: Path,
  issues: ValidationIssue[],
  options: ReadOptions,
  category?: string,
): LocatedSkill[] {
  const located: LocatedSkill[] = [];
  const { skillSchema } = taxonomySchemas();
  list.forEach((entry, index) => {
    const path = [...prefix, 'skills', index];
    const parsed = skillSchema.safeParse(entry);
    if (options.requireKind === true && isRecord(entry) && entry.kind === undefined) {
      const id = typeof entry.id === 'string' ? `"${entry.id}"` : 'this skill';
      issues.push({
        code: 'missing-kind',
        path: [...path, 'kind'],
        message: `${id} does not state its kind ("technology", "practice" or "concept")`,
      });
    }
    if (!parsed.success) {
      issues.push(...fromZodIssues(parsed.error.issues, path));
      return;
    }
    if (category !== undefined && parsed.data.category !== category) {
      issues.push({
        code: 'category-mismatch',
        path: [...path, 'category'],
        message: `skill "${parsed.data.id}" has category "${parsed.data.category}" but sits in the "${category}" file`,
      });
    }
    located.push({ skill: parsed.data, path });
  });
  return located;
}

function readSkillFile(
  data: Record<string, unknown>,
  prefix: Path,
  issues: ValidationIssue[],
  options: ReadOptions,
): LocatedSkill[] {
  const { skills, ...head } = data;
  const headCheck = taxonomySchemas().skillFileSchema.omit({ skills: true }).safeParse(head);
  if (!headCheck.success) issues.push(...fromZodIssues(headCheck.error.issues, prefix));
  if (!Array.isArray(skills)) {
    issues.push({ code: 'invalid-type', path: [...prefix, 'skills'], message: 'expected an array of skills' });
    return [];
  }
  return readSkillList(skills, prefix, issues, options, headCheck.success ? headCheck.data.category : undefined);
}

/**
 * Reads the skills of any accepted input shape, checking each entry's shape:
 * a taxonomy `{version, skills}`, one skill file `{category, skills}`, or an array of skill files.
 * Paths are prefixed with `prefix`.
 */
export function readSkills(data: unknown, prefix: Path = [], options: ReadOptions = {}): ReadSkills {
  const issues: ValidationIssue[] = [];
  if (Array.isArray(data)) {
    const groups = data.map((file, index) => {
      if (!isRecord(file)) {
        issues.push({
          code: 'invalid-type',
          path: [...prefix, index],
          message: 'expected a skill file object `{category, skills}`',
        });
        return [];
      }
      return readSkillFile(file, [...prefix, index], issues, options);
    });
    return { groups, version: undefined, issues };
  }
  if (!isRecord(data)) {
    return {
      groups: [],
      version: undefined,
      issues: [
        {
          code: 'invalid-type',
          path: prefix,
          message:
            'expected a taxonomy `{version, skills}`, a skill file `{category, skills}` or an array of skill files',
        },
      ],
    };
  }
  if ('category' in data) return { groups: [readSkillFile(data, prefix, issues, options)], version: undefined, issues };

  // `$schema` lets editors check a taxonomy file; it is not part of the data.
  const { skills, version, $schema: _schema, ...rest } = data;
  for (const key of Object.keys(rest)) {
    issues.push({
      code: 'unrecognized-keys',
      path: [...prefix, key],
      message: `unrecognised key "${key}" (a taxonomy has only \`version\` and \`skills\`)`,
    });
  }
  if (typeof version !== 'string' || version.length === 0) {
    issues.push({ code: 'invalid-type', path: [...prefix, 'version'], message: 'expected a non-empty string' });
  }
  if (!Array.isArray(skills)) {
    issues.push({ code: 'invalid-type', path: [...prefix, 'skills'], message: 'expected an array of skills' });
    return { groups: [], version: typeof version === 'string' ? version : undefined, issues };
  }
  return {
    groups: [readSkillList(skills, prefix, issues, options)],
    version: typeof version === 'string' ? version : undefined,
    issues,
  };
}

/** Each list must be sorted by id (code-unit order, as `scripts/builtin-data.mjs` sorts). */
export function checkSorted(group: readonly LocatedSkill[]): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (let i = 1; i < group.length; i++) {
    const previous = group[i - 1]!.skill.id;
    const current = group[i]!;
    if (current.skill.id < previous) {
      issues.push({
        code: 'unsorted',
        path: [...current.path, 'id'],
        message: `"${current.skill.id}" comes after "${previous}"; entries must be sorted by id`,
      });
    }
  }
  return issues;
}

function looseKey(form: string): string {
  return form.toLowerCase().replace(/\s+/g, ' ').trim();
}

interface AliasOwner {
  located: LocatedSkill;
  path: Path;
  written: string;
  ambiguous: boolean;
}

/**
 * The rules that need the whole taxonomy: duplicate ids, aliases claimed by two skills
 * (allowed only when both mark them ambiguous, or one skill replaced the other), references
 * to unknown skills or to the skill itself, duplicate references, cycles in `implies`, and
 * `ambiguous.aliases` that are not among the skill's name and aliases.
 */
export function checkSkills(skills: readonly LocatedSkill[]): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const byId = indexIds(skills, issues);
  const owners = new Map<string, AliasOwner[]>();
  for (const located of skills) checkAliasForms(located, owners, issues);
  issues.push(...checkBlockedPhrases(skills, owners));
  checkAliasConflicts(owners, issues);
  for (const located of skills) checkReferences(located, byId, issues);
  issues.push(...findImpliesCycles(skills, byId));
  return issues;
}

/** The skills by id, the first of each; every later one with the same id is a `duplicate-id` issue. */
function indexIds(skills: readonly LocatedSkill[], issues: ValidationIssue[]): Map<string, LocatedSkill> {
  const byId = new Map<string, LocatedSkill>();
  for (const located of skills) {
    const first = byId.get(located.skill.id);
    if (first === undefined) byId.set(located.skill.id, located);
    else {
      issues.push({
        code: 'duplicate-id',
        path: [...located.path, 'id'],
        message: `duplicate id "${located.skill.id}" (first at ${formatPath(first.path)})`,
      });
    }
  }
  return byId;
}

/**
 * Checks one skill's name, aliases and `ambiguous.aliases` on their own, and adds each distinct
 * normalised form to `owners`, where forms claimed by two skills are found.
 */
function checkAliasForms(located: LocatedSkill, owners: Map<string, AliasOwner[]>, issues: ValidationIssue[]): void {
  const { skill, path } = located;
  const forms: { written: string; path: Path }[] = [
    { written: skill.name, path: [...path, 'name'] },
    ...skill.aliases.map((alias, index) => ({ written: alias, path: [...path, 'aliases', index] })),
  ];
  const ambiguousForms = new Set((skill.ambiguous?.aliases ?? []).map((alias) => normaliseAlias(alias)));
  const ownNorms = new Set(forms.map((form) => normaliseAlias(form.written)));
  skill.ambiguous?.aliases.forEach((alias, index) => {
    if (!ownNorms.has(normaliseAlias(alias))) {
      issues.push({
        code: 'unknown-ambiguous-alias',
        path: [...path, 'ambiguous', 'aliases', index],
        message: `"${alias}" is marked ambiguous but is neither the name nor an alias of "${skill.id}"`,
      });
    }
  });
  const seenLoose = new Map<string, string>();
  const seenNorm = new Set<string>();
  for (const form of forms) {
    const loose = looseKey(form.written);
    const earlier = seenLoose.get(loose);
    if (earlier !== undefined) {
      issues.push({
        code: 'duplicate-alias',
        path: form.path,
        message: `"${form.written}" repeats "${earlier}" of the same skill`,
      });
      continue;
    }
    seenLoose.set(loose, form.written);
    const norm = normaliseAlias(form.written);
    if (norm === '') {
      issues.push({
        code: 'empty-alias',
        path: form.path,
        message: `"${form.written}" normalises to nothing and can never match`,
      });
      continue;
    }
    // A bare number ("8085", "802.11") is also a year, a version, a phone number or a count.
    if (!/\p{L}/u.test(norm) && !ambiguousForms.has(norm)) {
      issues.push({
        code: 'number-only-alias',
        path: form.path,
        message: `"${form.written}" has no letter; mark it ambiguous (rule "list-item") so that it counts only as an item of a technology list`,
      });
    }
    if (seenNorm.has(norm)) continue;
    seenNorm.add(norm);
    const list = owners.get(norm) ?? [];
    list.push({ located, path: form.path, written: form.written, ambiguous: ambiguousForms.has(norm) });
    owners.set(norm, list);
  }
}

/** Forms claimed by two skills, unless both mark them ambiguous or one skill replaced the other. */
function checkAliasConflicts(owners: ReadonlyMap<string, AliasOwner[]>, issues: ValidationIssue[]): void {
  for (const [norm, list] of owners) {
    for (let i = 1; i < list.length; i++) {
      const owner = list[i]!;
      for (let j = 0; j < i; j++) {
        const other = list[j]!;
        if (other.located.skill.id === owner.located.skill.id) continue;
        if (owner.ambiguous && other.ambiguous) continue;
        if (
          owner.located.skill.replacedBy === other.located.skill.id ||
          other.located.skill.replacedBy === owner.located.skill.id
        )
          continue;
        // Blame the newcomer: in a merge, the extension's entry rather than the shipped one.
        const [at, first] =
          other.path[0] === 'extension' && owner.path[0] !== 'extension' ? [other, owner] : [owner, other];
        issues.push({
          code: 'alias-conflict',
          path: at.path,
          message: `"${at.written}" (normalised "${norm}") is also claimed by "${first.located.skill.id}" at ${formatPath(first.path)}; remove it from one skill, or mark it ambiguous in both`,
        });
        break;
      }
    }
  }
}

/** One skill's `implies`, `related` and `replacedBy`: no self, unknown or repeated references. */
function checkReferences(
  { skill, path }: LocatedSkill,
  byId: ReadonlyMap<string, LocatedSkill>,
  issues: ValidationIssue[],
): void {
  const checkReference = (target: string, at: Path, kind: string, seen: Set<string>, list: string): boolean => {
    if (target === skill.id) {
      issues.push({ code: 'self-reference', path: at, message: `"${skill.id}" ${kind} itself` });
      return false;
    }
    if (!byId.has(target)) {
      issues.push({
        code: 'unknown-reference',
        path: at,
        message: `"${skill.id}" ${kind} "${target}", which is not in the taxonomy`,
      });
      return false;
    }
    if (seen.has(target)) {
      issues.push({
        code: 'duplicate-reference',
        path: at,
        message: `"${skill.id}" lists "${target}" twice in \`${list}\``,
      });
      return false;
    }
    seen.add(target);
    return true;
  };
  const implied = new Set<string>();
  for (const [index, edge] of (skill.implies ?? []).entries())
    checkReference(edge.id, [...path, 'implies', index, 'id'], 'implies', implied, 'implies');
  const related = new Set<string>();
  for (const [index, id] of (skill.related ?? []).entries())
    checkReference(id, [...path, 'related', index], 'is related to', related, 'related');
  if (skill.replacedBy !== undefined)
    checkReference(skill.replacedBy, [...path, 'replacedBy'], 'is replaced by', new Set(), 'replacedBy');
}

/**
 * `ambiguous.notIn` phrases: each must hold one of the skill's ambiguous forms (else it blocks nothing), and,
 * being a key of the index too, must not be another skill's alias.
 */
function checkBlockedPhrases(
  skills: readonly LocatedSkill[],
  owners: ReadonlyMap<string, AliasOwner[]>,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const { skill, path } of skills) {
    const forms = (skill.ambiguous?.aliases ?? []).map((alias) => normaliseAlias(alias)).filter((form) => form !== '');
    skill.ambiguous?.notIn?.forEach((phrase, index) => {
      const norm = normaliseAlias(phrase);
      if (!forms.some((form) => ` ${norm} `.includes(` ${form} `))) {
        issues.push({
          code: 'not-in-without-form',
          path: [...path, 'ambiguous', 'notIn', index],
          message: `"${phrase}" holds none of the ambiguous forms of "${skill.id}" (${skill.ambiguous!.aliases.join(', ')}), so it can never stand in their way`,
        });
      }
      const other = owners.get(norm)?.find((owner) => owner.located.skill.id !== skill.id);
      if (other !== undefined) {
        issues.push({
          code: 'alias-conflict',
          path: [...path, 'ambiguous', 'notIn', index],
          message: `"${phrase}" is blocked for "${skill.id}" but is an alias of "${other.located.skill.id}" at ${formatPath(other.path)}`,
        });
      }
    });
  }
  return issues;
}

/** Depth-first search; each back edge closes one cycle, reported once with its whole path. */
function findImpliesCycles(
  skills: readonly LocatedSkill[],
  byId: ReadonlyMap<string, LocatedSkill>,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (id: string): void => {
    state.set(id, 'open');
    stack.push(id);
    const located = byId.get(id)!;
    located.skill.implies?.forEach((edge, index) => {
      if (edge.id === id || !byId.has(edge.id)) return;
      const seen = state.get(edge.id);
      if (seen === 'open') {
        const cycle = [...stack.slice(stack.indexOf(edge.id)), edge.id];
        issues.push({
          code: 'implies-cycle',
          path: [...located.path, 'implies', index, 'id'],
          message: `\`implies\` forms a cycle: ${cycle.join(' → ')}`,
        });
      } else if (seen === undefined) visit(edge.id);
    });
    stack.pop();
    state.set(id, 'done');
  };
  for (const { skill } of skills) if (!state.has(skill.id) && byId.get(skill.id)?.skill === skill) visit(skill.id);
  return issues;
}

function byIdOrder(a: Skill, b: Skill): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Validates a taxonomy and reports every issue with its path. Accepts a taxonomy
 * `{version, skills}`, one skill file `{category, skills}`, or an array of skill files (as
 * stored in `taxonomy/skills/`). Checks each entry's shape, then duplicate ids, aliases claimed
 * by two skills (normalised as the extractor matches them) unless both mark them ambiguous,
 * unknown and self references in `implies`/`related`/`replacedBy`, cycles in `implies`, lists
 * not sorted by id, and ambiguous aliases that are not the skill's own. A skill without a `kind`
 * is read as a `technology` (and so returned), unless `requireKind` makes it an issue.
 *
 * @returns `{ok: true, taxonomy}` (skills sorted by id), or `{ok: false, issues}`.
 */
export function validateTaxonomy(data: unknown, options: ValidateTaxonomyOptions = {}): TaxonomyValidation {
  if (options.version !== undefined && (typeof options.version !== 'string' || options.version === '')) {
    throw new TypeError('`version` must be a non-empty string');
  }
  if (options.requireKind !== undefined && typeof options.requireKind !== 'boolean')
    throw new TypeError('`requireKind` must be a boolean');
  const read = readSkills(data, [], { requireKind: options.requireKind === true });
  const all = read.groups.flat();
  const issues = [...read.issues, ...read.groups.flatMap(checkSorted), ...checkSkills(all)];
  if (issues.length > 0) return { ok: false, issues };
  const skills = all.map((located) => located.skill).sort(byIdOrder);
  return { ok: true, taxonomy: { version: read.version ?? options.version ?? 'custom', skills }, issues: [] };
}

/** Builds the `invalid-taxonomy` error listing every issue. */
export function taxonomyError(issues: ValidationIssue[], what = 'taxonomy'): ValidationError {
  const count = issues.length === 1 ? '1 issue' : `${issues.length} issues`;
  return new ValidationError('invalid-taxonomy', `Invalid ${what} (${count}):\n${formatIssues(issues)}`, issues);
}

/**
 * Like `validateTaxonomy`, but returns the taxonomy or throws.
 * @throws ValidationError with code `invalid-taxonomy`, whose `issues` (and message) list every problem with its path.
 */
export function assertTaxonomy(data: unknown, options: ValidateTaxonomyOptions = {}): Taxonomy {
  const result = validateTaxonomy(data, options);
  if (!result.ok) throw taxonomyError(result.issues);
  return result.taxonomy;
}
