/**
 * The role stage, data only: the role schema, built-in roles and role validation. Roles built
 * from job descriptions live in the `job-description` stage, which comes after `extract`. This file
 * is the stage's only entrance for the other stages.
 */
export { builtinRoles, getBuiltinRole } from './builtin.js';
export { validateRole, assertRole } from './validate.js';
export type { RoleValidation } from './validate.js';
export { roleJsonSchema, jsonSchemaFiles } from './json-schema.js';
export { roleSchemas } from './schema.js';
export type { Importance, Requirement, Role } from './schema.js';
