/**
 * The role stage, data only: the role schema, built-in roles and role validation. Roles built
 * from job descriptions live in the `job-description` stage, which comes after `extract`.
 */
export { builtinRoles, getBuiltinRole } from './builtin.js';
export { validateRole, assertRole } from './validate.js';
export type { RoleValidation } from './validate.js';
