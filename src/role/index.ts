/**
 * The role stage: built-in roles, role validation, and roles built from job descriptions.
 */
export { builtinRoles, getBuiltinRole } from './builtin.js';
export { validateRole, assertRole } from './validate.js';
export type { RoleValidation } from './validate.js';
export { roleFromJobDescription } from './from-job-description.js';
export type { JobPosting, RoleFromJobDescriptionOptions } from './from-job-description.js';
