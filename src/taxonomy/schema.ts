/**
 * The zod schema of the skill taxonomy: the source of truth for its types, for
 * `validateTaxonomy` and for the JSON Schema shipped in `taxonomy/schema/` for editors.
 * Cross-entry rules (duplicate ids, alias clashes, dangling references, cycles,
 * sort order) live in `validate.ts`; this file checks the shape of each entry.
 *
 * zod is loaded when a schema is first asked for (`taxonomySchemas()`), not with the package: the
 * built-in data is checked by the build and the tests, so only a caller validating their own
 * taxonomy or role pays for zod. The constants and types here need no zod.
 */
import type { z as zod } from 'zod';
import { requireDependency } from '../load.js';

/** zod's `z`, as the schema builders take it. */
export type Zod = typeof zod;

/** The categories, one taxonomy file each (`taxonomy/skills/<category>.json`). */
export const SKILL_CATEGORIES = [
  'programming-languages',
  'backend-frameworks',
  'frontend',
  'mobile',
  'orms-and-data-access',
  'databases',
  'messaging-and-streaming',
  'apis-and-protocols',
  'security',
  'cloud',
  'containers-and-orchestration',
  'infrastructure-as-code',
  'ci-cd-and-devops-tools',
  'observability',
  'testing',
  'data-engineering',
  'data-science-and-ml',
  'operating-systems-and-shells',
  'architecture-and-practices',
  'developer-tools',
  'cms-and-ecommerce',
  'networking',
  'embedded-and-hardware',
  'game-development',
  'office-and-productivity',
  'erp-and-accounting',
  'crm-and-marketing',
  'design-and-creative',
  'analytics-and-bi',
  'engineering-and-cad',
  'industry-software',
] as const;

export type SkillCategory = (typeof SKILL_CATEGORIES)[number];

/**
 * What kind of thing a skill is, independent of its category (see `taxonomy/README.md`, *Kinds*):
 * - `technology`: a named product, language, library, framework, service, tool, file format, or a named
 *   standard or protocol you can install, buy, call or write in (PostgreSQL, Java, Jenkins, AWS Lambda,
 *   MS Excel, JIRA, REST, SOAP, GraphQL, OAuth 2.0, JWT, TCP/IP, HTTP, SQL);
 * - `practice`: a way of working or a discipline (Agile, Scrum, TDD, DevOps, CI/CD, code review, unit
 *   testing, project management, SEO, data analysis, database administration);
 * - `concept`: an idea, a field or a generic category (object-oriented programming, data structures,
 *   algorithms, cloud computing, networking, machine learning, microservices, version control in general).
 */
export const SKILL_KINDS = ['technology', 'practice', 'concept'] as const;

export type SkillKind = (typeof SKILL_KINDS)[number];

/** The kind a skill without one has: entries of custom taxonomies written before `kind` existed. */
export const DEFAULT_SKILL_KIND: SkillKind = 'technology';

/**
 * A skill's kind, `technology` when it has none (a custom taxonomy object that was never validated;
 * `validateTaxonomy` and `mergeTaxonomy` fill the default in).
 */
export function kindOf(skill: { readonly kind?: SkillKind | undefined }): SkillKind {
  return skill.kind ?? DEFAULT_SKILL_KIND;
}

/** Permanent kebab-case id, e.g. `postgresql`, `aws-lambda`, `asp-net-core`. */
function skillIdSchemaOf(z: Zod) {
  return z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case: lowercase letters, digits and single hyphens');
}

/** One of `SKILL_CATEGORIES`. */
function skillCategorySchemaOf(z: Zod) {
  return z.enum(SKILL_CATEGORIES);
}

/** One of `SKILL_KINDS`. */
function skillKindSchemaOf(z: Zod) {
  return z.enum(SKILL_KINDS);
}

/** One edge of `implies`: the implied skill and the share of credit it earns. */
function impliesEdgeSchemaOf(z: Zod, skillIdSchema: ReturnType<typeof skillIdSchemaOf>) {
  return z
    .object({
      id: skillIdSchema,
      /** Credit the implied skill earns, as a share of the implying skill's; strictly between 0 and 1. */
      weight: z.number().gt(0).lt(1),
    })
    .strict();
}

/**
 * How an ambiguous alias earns a match.
 * - `tech-context`: counts in a skills list, next to other technologies (a list such as
 *   "Go, Rust and Python", "Node.js/Express"), with a confirming word, or where the
 *   sentence is technical and the word is used as a noun. Go, Swift, Rust, Express, Spring, Rails, Flask…
 * - `list-item`: counts only as an item of a list of technologies, or with a confirming
 *   word ("R programming", "C language"). For one-letter and very common names: R, C, D.
 */
function ambiguityRuleSchemaOf(z: Zod) {
  return z.enum(['tech-context', 'list-item']);
}

/** A skill's `ambiguous`: which of its forms are ordinary words, and what confirms or blocks them. */
function ambiguitySchemaOf(z: Zod, ambiguityRuleSchema: ReturnType<typeof ambiguityRuleSchemaOf>) {
  return z
    .object({
      /** The aliases (or the name) that are ordinary words; written as in `aliases`. Others of the skill match freely. */
      aliases: z.array(z.string().min(1)).min(1),
      rule: ambiguityRuleSchema,
      /** Match only when written in the same case as one of `aliases` (e.g. `Go`, not `go`). */
      caseSensitive: z.boolean().optional(),
      /** Words next to the alias that confirm it ("programming", "language", "lang", "framework"). */
      confirmers: z.array(z.string().min(1)).optional(),
      /**
       * Longer phrases that hold one of `aliases` but mean something else, such as job titles ("Sous Chef",
       * "Chef de Cuisine"): read whole, they never count as the skill.
       */
      notIn: z.array(z.string().min(1)).optional(),
      /** Why it is ambiguous, e.g. "English verb: 'ready to go'". */
      note: z.string().min(1),
    })
    .strict();
}

/** The schemas a skill entry is made of. */
interface SkillParts {
  skillIdSchema: ReturnType<typeof skillIdSchemaOf>;
  skillCategorySchema: ReturnType<typeof skillCategorySchemaOf>;
  skillKindSchema: ReturnType<typeof skillKindSchemaOf>;
  impliesEdgeSchema: ReturnType<typeof impliesEdgeSchemaOf>;
  ambiguitySchema: ReturnType<typeof ambiguitySchemaOf>;
}

/** One skill entry. */
function skillSchemaOf(z: Zod, parts: SkillParts) {
  const { skillIdSchema, skillCategorySchema, skillKindSchema, impliesEdgeSchema, ambiguitySchema } = parts;
  return z
    .object({
      id: skillIdSchema,
      /** Display name, cased as its makers write it ("Node.js", "PostgreSQL"). */
      name: z.string().min(1),
      category: skillCategorySchema,
      /**
       * Technology, practice or concept. Every built-in entry states it (`validateTaxonomy(…, {requireKind: true})`);
       * in a custom taxonomy it may be left out, and validation fills in the default.
       * @default 'technology'
       */
      kind: skillKindSchema.default(DEFAULT_SKILL_KIND),
      /** Other ways people write it. The name is always an alias and is not repeated here. */
      aliases: z.array(z.string().min(1)),
      /** Skills this one implies having used, with a discount: Django → Python. */
      implies: z.array(impliesEdgeSchema).optional(),
      /** Siblings that earn partial credit for each other: MySQL ~ PostgreSQL. */
      related: z.array(skillIdSchema).optional(),
      ambiguous: ambiguitySchema.optional(),
      /** O*NET technology-skill commodity code (UNSPSC, 8 digits) where the skill maps to one. */
      onet: z
        .string()
        .regex(/^\d{8}$/, 'must be an 8-digit UNSPSC commodity code')
        .optional(),
      /** ESCO skill concept URI where one matches. */
      esco: z.string().url().optional(),
      /** Set when the id is retired: matches are reported under the replacement. */
      replacedBy: skillIdSchema.optional(),
    })
    .strict();
}

/** One category file as stored in `taxonomy/skills/`. */
function skillFileSchemaOf(
  z: Zod,
  skillCategorySchema: ReturnType<typeof skillCategorySchemaOf>,
  skillSchema: ReturnType<typeof skillSchemaOf>,
) {
  return z
    .object({
      $schema: z.string().optional(),
      category: skillCategorySchema,
      /** Sorted by id. */
      skills: z.array(skillSchema),
    })
    .strict();
}

/** A whole taxonomy: ours, a user's replacement, or ours extended. */
function taxonomySchemaOf(z: Zod, skillSchema: ReturnType<typeof skillSchemaOf>) {
  return z
    .object({
      version: z.string().min(1),
      /** Sorted by id. */
      skills: z.array(skillSchema),
    })
    .strict();
}

/**
 * Builds the taxonomy's zod schemas with the zod it is given (see `taxonomySchemas`), each part once:
 * the id, category and skill schemas are shared by the schemas that hold them.
 */
function buildTaxonomySchemas(z: Zod) {
  const skillIdSchema = skillIdSchemaOf(z);
  const skillCategorySchema = skillCategorySchemaOf(z);
  const skillKindSchema = skillKindSchemaOf(z);
  const impliesEdgeSchema = impliesEdgeSchemaOf(z, skillIdSchema);
  const ambiguityRuleSchema = ambiguityRuleSchemaOf(z);
  const ambiguitySchema = ambiguitySchemaOf(z, ambiguityRuleSchema);
  const skillSchema = skillSchemaOf(z, {
    skillIdSchema,
    skillCategorySchema,
    skillKindSchema,
    impliesEdgeSchema,
    ambiguitySchema,
  });
  return {
    zod: z,
    skillIdSchema,
    skillCategorySchema,
    skillKindSchema,
    impliesEdgeSchema,
    ambiguityRuleSchema,
    ambiguitySchema,
    skillSchema,
    skillFileSchema: skillFileSchemaOf(z, skillCategorySchema, skillSchema),
    taxonomySchema: taxonomySchemaOf(z, skillSchema),
  };
}

/** The taxonomy's zod schemas. */
export type TaxonomySchemas = ReturnType<typeof buildTaxonomySchemas>;

let built: TaxonomySchemas | undefined;

/** The taxonomy's zod schemas, built (and zod loaded) on the first call. */
export function taxonomySchemas(): TaxonomySchemas {
  built ??= buildTaxonomySchemas(requireDependency<{ z: Zod }>('zod').z);
  return built;
}

export type ImpliesEdge = zod.infer<TaxonomySchemas['impliesEdgeSchema']>;
export type AmbiguityRule = zod.infer<TaxonomySchemas['ambiguityRuleSchema']>;
/**
 * One skill entry. `kind` is optional here because a taxonomy written before it existed (or built in code)
 * may leave it out; read it with `kindOf(skill)`. Validated and built-in skills always carry it.
 */
export type Skill = zod.input<TaxonomySchemas['skillSchema']>;
export type SkillFile = zod.input<TaxonomySchemas['skillFileSchema']>;
export type Taxonomy = zod.input<TaxonomySchemas['taxonomySchema']>;
