/**
 * Role validation: the zod shape, then the checks against a taxonomy (unknown skills, empty
 * categories) and across requirements (duplicate ids, a skill listed twice in a group).
 * Every issue is reported with its path.
 */
import { ValidationError, type ValidationIssue } from '../errors.js';
import { builtinTaxonomy, formatIssues, fromZodIssues, type Taxonomy } from '../taxonomy/index.js';
import { roleSchemas, type Requirement, type Role } from './schema.js';

/** The result of `validateRole`. */
export type RoleValidation = { ok: true; role: Role; issues: [] } | { ok: false; issues: ValidationIssue[] };

/**
 * The id a requirement is known by: its `id`, else the skill id, the group's members joined
 * with `-or-`, or `category-<category>` (the same rule the score stage uses).
 */
export function requirementId(requirement: Requirement): string {
  if (requirement.id !== undefined) return requirement.id;
  if ('skill' in requirement) return requirement.skill;
  if ('anyOf' in requirement) return requirement.anyOf.join('-or-');
  return `category-${requirement.category}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// zod reports a failed union as one list per branch; choosing the branch by its key gives the author the issues they expect.
function checkRequirementShape(value: unknown, path: (string | number)[]): ValidationIssue[] {
  const requirementBranches = roleSchemas().requirementSchema.options;
  if (!isRecord(value))
    return [
      { code: 'invalid-type', path, message: 'expected a requirement object with `skill`, `anyOf` or `category`' },
    ];
  const kinds = (['skill', 'anyOf', 'category'] as const).filter((key) => key in value);
  if (kinds.length !== 1) {
    return [
      {
        code: 'invalid-requirement',
        path,
        message:
          kinds.length === 0
            ? 'a requirement needs one of `skill`, `anyOf` or `category`'
            : `a requirement has exactly one of \`skill\`, \`anyOf\` or \`category\`, not ${kinds.map((k) => `\`${k}\``).join(' and ')}`,
      },
    ];
  }
  const branch = requirementBranches[kinds[0] === 'skill' ? 0 : kinds[0] === 'anyOf' ? 1 : 2];
  const parsed = branch.safeParse(value);
  if (parsed.success) return [];
  return fromZodIssues(parsed.error.issues, path).map((issue) => {
    const key = issue.path[path.length];
    if (key === 'anyOf' && issue.code === 'too-small' && issue.path.length === path.length + 1) {
      const count = Array.isArray(value.anyOf) ? value.anyOf.length : 0;
      return {
        code: 'empty-any-of',
        path: issue.path,
        message: `an \`anyOf\` group needs at least two alternatives (has ${count}); use \`skill\` for one`,
      };
    }
    if (key === 'category' && issue.code === 'invalid-value')
      return { ...issue, code: 'unknown-category', message: `unknown category ${JSON.stringify(value.category)}` };
    if (key === 'weight' && issue.code === 'too-small')
      return { ...issue, code: 'negative-weight', message: `\`weight\` must be ≥ 0 (got ${String(value.weight)})` };
    return issue;
  });
}

/**
 * Validates a role and reports every issue with its path: its shape (a `skill`, `anyOf` group
 * of two or more, or `category` per requirement; `importance`; weights ≥ 0; `minYears` 0–50),
 * skill ids the taxonomy does not know, categories with no skill in it, a skill listed twice
 * in one group, and two requirements with the same id.
 *
 * @param taxonomy The taxonomy the role will be scored against; `null` checks the shape only. @default builtinTaxonomy()
 */
export function validateRole(data: unknown, taxonomy: Taxonomy | null = builtinTaxonomy()): RoleValidation {
  if (taxonomy !== null && (typeof taxonomy !== 'object' || !Array.isArray(taxonomy.skills))) {
    throw new TypeError('`taxonomy` must be a taxonomy `{version, skills}` or null');
  }
  if (!isRecord(data))
    return {
      ok: false,
      issues: [{ code: 'invalid-type', path: [], message: 'expected a role object `{id, title, requirements}`' }],
    };
  const issues: ValidationIssue[] = [];
  const { requirements, ...head } = data;
  const headCheck = roleSchemas().roleSchema.omit({ requirements: true }).safeParse(head);
  if (!headCheck.success) issues.push(...fromZodIssues(headCheck.error.issues));
  if (!Array.isArray(requirements)) {
    issues.push({ code: 'invalid-type', path: ['requirements'], message: 'expected an array of requirements' });
    return { ok: false, issues };
  }
  if (requirements.length === 0)
    issues.push({ code: 'too-small', path: ['requirements'], message: 'a role needs at least one requirement' });

  const skills = taxonomy === null ? null : new Map(taxonomy.skills.map((skill) => [skill.id, skill]));
  const categories = taxonomy === null ? null : new Set(taxonomy.skills.map((skill) => skill.category));
  const seenIds = new Map<string, number>();
  requirements.forEach((value: unknown, index) => {
    const path = ['requirements', index];
    const shape = checkRequirementShape(value, path);
    issues.push(...shape);
    if (shape.length > 0) return;
    const requirement = value as Requirement;
    const id = requirementId(requirement);
    const first = seenIds.get(id);
    if (first !== undefined) {
      issues.push({
        code: 'duplicate-requirement',
        path: [
          ...path,
          requirement.id === undefined
            ? 'skill' in requirement
              ? 'skill'
              : 'anyOf' in requirement
                ? 'anyOf'
                : 'category'
            : 'id',
        ],
        message: `requirement id "${id}" is already used by requirements[${first}]; give one an explicit \`id\``,
      });
    } else seenIds.set(id, index);
    const checkSkill = (skillId: string, at: (string | number)[]): void => {
      if (skills !== null && !skills.has(skillId))
        issues.push({
          code: 'unknown-skill',
          path: at,
          message: `unknown skill id "${skillId}" (not in the taxonomy)`,
        });
    };
    if ('skill' in requirement) checkSkill(requirement.skill, [...path, 'skill']);
    else if ('anyOf' in requirement) {
      const members = new Set<string>();
      requirement.anyOf.forEach((member, at) => {
        if (members.has(member))
          issues.push({
            code: 'duplicate-reference',
            path: [...path, 'anyOf', at],
            message: `"${member}" is listed twice in the group`,
          });
        members.add(member);
        checkSkill(member, [...path, 'anyOf', at]);
      });
    } else if (categories !== null && !categories.has(requirement.category)) {
      issues.push({
        code: 'unknown-category',
        path: [...path, 'category'],
        message: `no skill of the taxonomy is in category "${requirement.category}"`,
      });
    }
  });
  if (issues.length > 0) return { ok: false, issues };
  const parsed = roleSchemas().roleSchema.parse(data);
  return { ok: true, role: parsed, issues: [] };
}

/**
 * Like `validateRole`, but returns the role or throws.
 * @throws ValidationError with code `invalid-role`, whose `issues` (and message) list every problem with its path.
 */
export function assertRole(data: unknown, taxonomy: Taxonomy | null = builtinTaxonomy()): Role {
  const result = validateRole(data, taxonomy);
  if (result.ok) return result.role;
  const count = result.issues.length === 1 ? '1 issue' : `${result.issues.length} issues`;
  const id = isRecord(data) && typeof data.id === 'string' ? ` "${data.id}"` : '';
  throw new ValidationError(
    'invalid-role',
    `Invalid role${id} (${count}):\n${formatIssues(result.issues)}`,
    result.issues,
  );
}
