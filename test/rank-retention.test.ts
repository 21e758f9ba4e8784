// Issue 13, defect 9 (the batch's part): a batch lets go of each input and each result once it has
// been handed on. `rankIterator` and the CLI's `untilAborted` once raced every wait against one
// long-lived promise (`Promise.race([next, aborted])`); each race left a reaction on that promise that
// kept the race's value alive, so every input and every explained result stayed in the heap until the
// batch ended (the CLI's `rank` grew by ~25 KB per résumé). Counted with WeakRefs in a child process
// run with --expose-gc, on the built package (`npm run build` first).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

// Counts how many of the first `early` objects are still alive after `total` have gone through,
// while the batch is still running (the leak was freed only when the batch ended).
const SCRIPT = `
const { createMatcher, createExtractor } = await import('./dist/esm/index.js');
const { untilAborted } = await import('./dist/esm/cli/interrupt.js');
const total = 300, early = 200;
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
async function alive(refs) {
  await tick(); // WeakRef targets stay alive until the current job ends
  global.gc(); global.gc();
  return refs.filter((r) => r.deref() !== undefined).length;
}
const profile = createExtractor().extract('SKILLS\\nPython, PostgreSQL, Docker, Kafka\\n\\nEXPERIENCE\\nEngineer, Acme, Jan 2019 - Dec 2021\\nBuilt Python services on PostgreSQL.', { asOf: '2026-11' });
const out = {};

// The library: rankIterator over profiles (no pool), each input and each explained result weakly held.
{
  const inputRefs = [], resultRefs = [];
  async function* inputs() {
    for (let i = 0; i < total; i++) {
      const input = { id: 'p' + i, data: structuredClone(profile) };
      if (i < early) inputRefs.push(new WeakRef(input));
      yield input;
    }
  }
  const matcher = createMatcher();
  let n = 0;
  for await (const item of matcher.rankIterator(inputs(), 'backend-developer', { asOf: '2026-11', isolate: false })) {
    if (!item.ok) throw new Error(item.error.message);
    if (n < early) resultRefs.push(new WeakRef(item.match));
    if (++n === total) {
      out.matcherInputs = await alive(inputRefs);
      out.matcherResults = await alive(resultRefs);
    }
  }
  await matcher.close();
}

// The CLI: untilAborted over a source of fresh objects, with a signal that never aborts.
{
  const refs = [];
  async function* source() {
    for (let i = 0; i < total; i++) {
      const item = { i, payload: 'x'.repeat(64) + i };
      if (i < early) refs.push(new WeakRef(item));
      yield item;
    }
  }
  let n = 0;
  for await (const _ of untilAborted(source(), new AbortController().signal)) {
    if (++n === total) out.cliItems = await alive(refs);
  }
}
console.log(JSON.stringify(out));
`;

describe('a batch retains nothing it has handed on', () => {
  it('rankIterator and the CLI let go of earlier inputs and results while the batch runs', () => {
    const out = JSON.parse(
      execFileSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', SCRIPT], {
        cwd: root,
        encoding: 'utf8',
        maxBuffer: 1 << 20,
      }),
    ) as Record<string, number>;
    // Of the first 200 objects, at most the few still in flight may be alive (2 per worker, a handful in all).
    expect(out.matcherInputs, 'inputs still alive').toBeLessThanOrEqual(8);
    expect(out.matcherResults, 'explained results still alive').toBeLessThanOrEqual(8);
    expect(out.cliItems, 'CLI items still alive').toBeLessThanOrEqual(8);
  });
});
