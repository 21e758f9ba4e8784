/**
 * The zod schema of a role: what a position asks for, as data. Cross-checks against a
 * taxonomy (unknown skills, unknown categories) live in `validate.ts`.
 *
 * Built, and zod loaded, on the first `roleSchemas()` call: naming a built-in role never needs
 * zod, validating a role object does.
 */
import type { z as zod } from 'zod';
import { taxonomySchemas, type Zod } from '../taxonomy/index.js';

/** Builds the role's zod schemas with the zod it is given (see `roleSchemas`). */
function buildRoleSchemas(z: Zod) {
  const { skillCategorySchema, skillIdSchema } = taxonomySchemas();
  const importanceSchema = z.enum(['required', 'preferred', 'bonus']);

  const requirementBase = {
    /** Stable id within the role, kebab-case (defaults to the skill id, or the group's members joined). */
    id: skillIdSchema.optional(),
    /** Short label for explanations ("Back-end language"); defaults to the skill or category name. */
    label: z.string().min(1).optional(),
    importance: importanceSchema,
    /** Relative weight within its importance tier; ≥ 0. @default 1 */
    weight: z.number().min(0).optional(),
    /** Years of use that earn full credit for this requirement. */
    minYears: z.number().min(0).max(50).optional(),
    /**
     * Whether the requirement is part of the role's core, which makes the score (the others add a capped
     * bonus on it). @default true for `required`, false otherwise
     */
    core: z.boolean().optional(),
    /** Why the requirement is there (shown in explanations and the role's comment file). */
    note: z.string().optional(),
  };

  const requirementSchema = z.union([
    z.object({ ...requirementBase, skill: skillIdSchema }).strict(),
    z.object({ ...requirementBase, anyOf: z.array(skillIdSchema).min(2) }).strict(),
    z.object({ ...requirementBase, category: skillCategorySchema }).strict(),
  ]);

  /**
   * A note on how a role was built, with a place: the `Diagnostic` shape with `source: 'role'`. Roles
   * built by `roleFromJobDescription` carry them (`jd-input`, `jd-title`, `jd-section`, `jd-lone-item`,
   * `jd-dropped`, `jd-demoted`); hand-written and built-in roles have none.
   */
  const roleDiagnosticSchema = z
    .object({
      severity: z.enum(['error', 'warning', 'info']),
      /** Stable kebab-case code, e.g. `jd-dropped`. */
      code: z.string().min(1),
      message: z.string(),
      source: z.literal('role'),
      /** UTF-16 offsets, half-open, into the job-description text read. */
      span: z
        .object({ start: z.number().int().min(0), end: z.number().int().min(0) })
        .strict()
        .optional(),
      /** A human-readable place when there is no span. */
      place: z.string().optional(),
    })
    .strict();

  const roleSchema = z
    .object({
      $schema: z.string().optional(),
      /** Permanent kebab-case id, e.g. `backend-developer`. */
      id: skillIdSchema,
      title: z.string().min(1),
      description: z.string().optional(),
      requirements: z.array(requirementSchema).min(1),
      /**
       * The kind of work the role is, read against the job titles of a résumé's dated work: months under such
       * titles deepen the skills a candidate lists, and a career under other kinds of titles counts against the
       * core (see `SCORE_DEFAULTS.functionCredit` and `functionMismatch`). Absent: titles are not read.
       */
      function: z.enum(['development', 'testing', 'operations']).optional(),
      /** How the role was built (roles from `roleFromJobDescription`): what was read, dropped and demoted, and why. */
      diagnostics: z
        .array(roleDiagnosticSchema)
        .optional()
        .describe(
          'How the role was built, for roles derived from a job description: what was read, dropped and demoted, and why. Not needed in hand-written roles.',
        ),
    })
    .strict();

  return { importanceSchema, requirementSchema, roleDiagnosticSchema, roleSchema };
}

/** A role's zod schemas. */
export type RoleSchemas = ReturnType<typeof buildRoleSchemas>;

let built: RoleSchemas | undefined;

/** A role's zod schemas, built (and zod loaded) on the first call. */
export function roleSchemas(): RoleSchemas {
  built ??= buildRoleSchemas(taxonomySchemas().zod);
  return built;
}

export type Importance = zod.infer<RoleSchemas['importanceSchema']>;
export type Requirement = zod.infer<RoleSchemas['requirementSchema']>;
export type Role = zod.infer<RoleSchemas['roleSchema']>;
