/**
 * A bug inside a command is not bad input: the CLI says so on stderr and exits 70, instead of
 * throwing past `main` or passing for a usage (2) or input (1) failure. A stage is replaced here by
 * one that throws, which no real input can make it do.
 */
import { describe, expect, it, vi } from 'vitest';
import { EXIT } from '../src/cli/main.js';
import { runCli } from './helpers/cli.js';

vi.mock('../src/taxonomy/resolve.js', () => ({
  resolveSkill: () => {
    throw new TypeError('a bug: cannot read properties of undefined');
  },
  suggestSkills: () => [],
}));

describe('an internal error', () => {
  it('is reported on stderr as internal-error and exits 70', async () => {
    const run = await runCli(['resolve', 'k8s']);
    expect(run.code).toBe(EXIT.internal);
    expect(run.code).toBe(70);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(
      /^skillmatch resolve: internal-error: TypeError: a bug: cannot read properties of undefined\n/,
    );
    expect(run.stderr).toContain('(a bug in skillmatch: please report it with the command line)');
  });
});
