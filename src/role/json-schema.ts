/**
 * The role's JSON Schema, and the three committed schema files of `taxonomy/schema/`. They live in
 * the role stage because the role schema names the taxonomy's (skill ids, categories): the taxonomy
 * stage comes first and cannot see roles.
 */
import { jsonSchemaOf, skillFileJsonSchema, taxonomyJsonSchema, type JsonSchema } from '../taxonomy/index.js';
import { roleSchemas } from './schema.js';

/** JSON Schema of a role (`{id, title, requirements}`), as accepted by `validateRole`. */
export function roleJsonSchema(): JsonSchema {
  return jsonSchemaOf(roleSchemas().roleSchema, 'skillmatch role');
}

/** The three schemas keyed by their file name in `taxonomy/schema/`. */
export function jsonSchemaFiles(): Record<
  'skill-file.schema.json' | 'taxonomy.schema.json' | 'role.schema.json',
  JsonSchema
> {
  return {
    'skill-file.schema.json': skillFileJsonSchema(),
    'taxonomy.schema.json': taxonomyJsonSchema(),
    'role.schema.json': roleJsonSchema(),
  };
}
