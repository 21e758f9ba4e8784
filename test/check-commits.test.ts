import { describe, expect, it } from 'vitest';
import { messageProblems } from '../scripts/check-commits.mjs';

describe('check-commits', () => {
  const cases: [message: string, merge: boolean, problems: string[]][] = [
    ['Score: cap the periphery bonus\n\nA keyword list outscored real depth.\n', false, []],
    ['Score: cap the periphery bonus\n\nWhy: a keyword list outscored real depth.', false, []],
    [`${'x'.repeat(72)}\n\nwhy`, false, []],
    [`${'é'.repeat(72)}\n\nwhy`, false, []],
    [`${'x'.repeat(73)}\n\nwhy`, false, ['subject is 73 characters (at most 72)']],
    ['Score: cap the periphery bonus', false, ['no body saying why']],
    ['Score: cap the periphery bonus\n\nSigned-off-by: A <a@b.c>\n', false, ['no body saying why']],
    ['Score: cap\nthe periphery bonus', false, ['no blank line between subject and body']],
    ['\n\nbody only', false, ['empty subject']],
    ["Merge branch 'main' into habits", true, []],
    ["Merge branch 'main' into habits\n\n# Conflicts:\n#\tREADME.md", true, []],
    [`Merge ${'y'.repeat(80)}`, true, ['subject is 86 characters (at most 72)']],
  ];
  it.each(cases)('%j (merge: %s) → %j', (message, merge, problems) => {
    expect(messageProblems(message, { merge })).toEqual(problems);
  });
});
