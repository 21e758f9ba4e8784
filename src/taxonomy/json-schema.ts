/**
 * JSON Schemas for editors, generated from the zod schemas (the source of truth) with
 * `z.toJSONSchema`. The committed copies in `taxonomy/schema/` are refreshed by
 * `npm run schemas`, and a test fails when they are stale. They check shape only; the
 * cross-entry rules need `validateTaxonomy` / `validateRole`.
 */
import type { z } from 'zod';
import { taxonomySchemas } from './schema.js';

/** A JSON Schema document (draft 2020-12), as plain JSON. */
export type JsonSchema = Record<string, unknown>;

// Property descriptions shown by editors on hover; the zod schemas carry them as TSDoc only.
const DESCRIPTIONS: Record<string, string> = {
  $schema: 'Path or URL of this JSON Schema, so editors validate and complete the file.',
  version: 'Version of the taxonomy data, e.g. "2026.11.0".',
  category: 'One of the fixed categories; a skill file holds the skills of one category.',
  skills: 'Skills, sorted by id.',
  name: 'Display name, cased as its makers write it ("Node.js", "PostgreSQL"). Always an alias too.',
  aliases:
    'Other ways people write it (spelling variants, abbreviations, versions, vendor prefixes). The name is not repeated here.',
  implies: 'Skills that using this one implies, with a weight in (0, 1): Django implies Python. Must not form cycles.',
  weight:
    'Implies: the share of credit the implied skill earns (0 < w < 1). Requirement: relative weight within its importance tier (≥ 0, default 1).',
  related: 'Siblings that earn partial credit for each other: MySQL ~ PostgreSQL.',
  ambiguous:
    'Present when a form is also an ordinary word or name (Go, Express, Spring): the forms and the context rule that makes them count.',
  rule: '"tech-context": counts beside other technologies or in technical sentences; "list-item": counts only as an item of a technology list or with a confirming word.',
  caseSensitive: 'Match the ambiguous forms only in the case written (Go, not go).',
  confirmers: 'Words next to an ambiguous form that confirm it ("programming", "language", "framework").',
  notIn:
    'Longer phrases holding an ambiguous form that mean something else ("Sous Chef", "Chef de Cuisine"): read whole, they never count as the skill.',
  kind: '"technology" (a named product, language, library, service, tool, format, or a named standard or protocol), "practice" (a way of working or discipline) or "concept" (an idea, field or generic category). Default "technology".',
  note: 'Why: the ordinary meaning of an ambiguous form, or the reason for a role requirement.',
  onet: 'O*NET technology-skill commodity code (UNSPSC, 8 digits).',
  esco: 'ESCO skill concept URI.',
  replacedBy: 'Set when this id is retired: matches are reported under the replacement. Ids are permanent.',
  title: 'Role title as shown to people.',
  description: 'Free text about the role.',
  requirements: 'What the role asks for: a skill, an anyOf group of alternatives, or a whole category.',
  label: 'Short label for explanations ("Back-end language").',
  importance: '"required", "preferred" or "bonus".',
  minYears: 'Years of use that earn full credit for this requirement.',
  skill: 'A skill id of the taxonomy.',
  anyOf: 'Alternatives: any one of these skill ids meets the requirement.',
};

function describe(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) describe(item);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const record = node as Record<string, unknown>;
  const properties = record.properties;
  if (typeof properties === 'object' && properties !== null) {
    for (const [key, value] of Object.entries(properties as Record<string, unknown>)) {
      const text = DESCRIPTIONS[key];
      if (text !== undefined && typeof value === 'object' && value !== null && !('description' in value)) {
        (value as Record<string, unknown>).description = text;
      }
    }
  }
  for (const value of Object.values(record)) describe(value);
}

/** The JSON Schema of one of the zod schemas, described for editors; the role stage builds the role's with it. */
export function jsonSchemaOf(schema: z.ZodType, title: string): JsonSchema {
  const generated = taxonomySchemas().zod.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input' }) as JsonSchema;
  describe(generated);
  const { $schema, ...rest } = generated;
  return { $schema, title, ...rest };
}

/** JSON Schema of one file of `taxonomy/skills/` (`{category, skills}`). */
export function skillFileJsonSchema(): JsonSchema {
  return jsonSchemaOf(taxonomySchemas().skillFileSchema, 'skillmatch skill file');
}

/** JSON Schema of a whole taxonomy (`{version, skills}`), as accepted by `validateTaxonomy`. */
export function taxonomyJsonSchema(): JsonSchema {
  // A taxonomy file may name its schema, as skill files do; `validateTaxonomy` ignores the key.
  const { taxonomySchema, zod } = taxonomySchemas();
  return jsonSchemaOf(taxonomySchema.extend({ $schema: zod.string().optional() }), 'skillmatch taxonomy');
}
