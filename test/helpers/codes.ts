import { isSkillmatchError } from '../../src/errors.js';

/** The error code a promise rejects with, or `'ok'`; anything but a SkillmatchError is rethrown. */
export async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (isSkillmatchError(error)) return error.code;
    throw error;
  }
  return 'ok';
}
