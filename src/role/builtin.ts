/**
 * The shipped roles (`taxonomy/roles/*.json`), compiled into `taxonomy/builtin-data.cjs` by the build
 * because the core does no file I/O.
 */
import { builtinRolesJson, deepFreeze } from '../taxonomy/index.js';
import type { Role } from './schema.js';

let cached: readonly Role[] | undefined;

/**
 * Every built-in role, sorted by id. Parsed once and cached; the roles are deeply frozen
 * and shared, so copy one (`structuredClone`) before changing it.
 */
export function builtinRoles(): Role[] {
  cached ??= deepFreeze(
    (JSON.parse(builtinRolesJson()) as Role[]).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  );
  return [...cached];
}

/**
 * The built-in role with this id (e.g. `backend-developer`), or `undefined` when there is none
 * (the CLI reports that as an `unknown-role` error; the library leaves the choice to the caller).
 */
export function getBuiltinRole(id: string): Role | undefined {
  if (typeof id !== 'string') throw new TypeError('`id` must be a string');
  return builtinRoles().find((role) => role.id === id);
}
