import { expect } from 'vitest';
import { isSkillmatchError, isValidationError, type ValidationError } from '../../src/errors.js';

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

/** The ValidationError `fn` throws; fails the test when it throws anything else or nothing. */
export function thrown(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (error) {
    expect(isValidationError(error)).toBe(true);
    return error as ValidationError;
  }
  throw new Error('expected a ValidationError');
}
