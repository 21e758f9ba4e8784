import { describe, expect, it } from 'vitest';
import {
  LimitError,
  ParseError,
  SkillmatchError,
  ValidationError,
  errorFromJSON,
  isLimitError,
  isParseError,
  isSkillmatchError,
  isValidationError,
} from '../src/errors.js';

describe('errors', () => {
  it('keeps a stable code, the file and the cause', () => {
    const cause = new Error('inner');
    const error = new ParseError('pdf-corrupt', 'The PDF is damaged', { file: 'a.pdf', cause });
    expect(error).toBeInstanceOf(SkillmatchError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ParseError');
    expect(error.code).toBe('pdf-corrupt');
    expect(error.file).toBe('a.pdf');
    expect(error.cause).toBe(cause);
    expect(error.toJSON()).toEqual({
      name: 'ParseError',
      code: 'pdf-corrupt',
      message: 'The PDF is damaged',
      file: 'a.pdf',
    });
  });

  it.each([
    [new ParseError('pdf-corrupt', 'x'), [true, true, false, false]],
    [new LimitError('limit-bytes', 'x', { limit: 10 }), [true, false, false, true]],
    [new ValidationError('invalid-role', 'x', []), [true, false, true, false]],
    [new SkillmatchError('empty-input', 'x'), [true, false, false, false]],
    [new Error('plain'), [false, false, false, false]],
    [{ name: 'ParseError' }, [false, false, false, false]],
    [null, [false, false, false, false]],
  ] as const)('guards classify %s by name', (error, expected) => {
    expect([isSkillmatchError(error), isParseError(error), isValidationError(error), isLimitError(error)]).toEqual(
      expected,
    );
  });

  it('guards work on errors that crossed a process boundary as JSON', () => {
    const wire = JSON.parse(
      JSON.stringify(new LimitError('limit-time', 'Took too long', { limit: 20000, file: 'b.pdf' })),
    );
    expect(isLimitError(wire)).toBe(true);
    const rebuilt = errorFromJSON(wire);
    expect(rebuilt).toBeInstanceOf(LimitError);
    expect(rebuilt.code).toBe('limit-time');
    expect(rebuilt.file).toBe('b.pdf');
    expect((rebuilt as LimitError).limit).toBe(20000);
  });

  it('lists every validation issue with its path', () => {
    const error = new ValidationError('invalid-taxonomy', '2 issues', [
      { code: 'duplicate-id', path: ['skills', 3, 'id'], message: 'duplicate id "go"' },
      { code: 'dangling-reference', path: ['skills', 7, 'implies', 0, 'id'], message: 'unknown skill "pyton"' },
    ]);
    expect(error.toJSON().issues).toHaveLength(2);
    expect(errorFromJSON(error.toJSON() as never)).toMatchObject({ name: 'ValidationError', issues: error.issues });
  });
});
