// The CLI's batch commands keep their own heap small (src/cli/heap.ts): V8's young generation stays at
// the size it has when the command starts instead of growing to 2 × 16 MB. Measured in child processes
// (the settings are process-wide) on the built package (`npm run build` first), by the new space's size.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

// Allocates objects that live a little while (as results in flight do), which is what makes V8 grow the
// young generation; prints the largest new-space size seen, in MB.
const script = (tune: boolean): string => `
const { getHeapSpaceStatistics } = await import('node:v8');
${tune ? "(await import('./dist/esm/cli/heap.js')).tuneHeapForBatch();" : ''}
const newSpace = () => getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size;
let kept = [];
let largest = 0;
for (let i = 0; i < 2e6; i++) {
  kept.push({ i, text: 'result ' + i });
  if (kept.length > 5000) kept = [];
  if (i % 10000 === 0) largest = Math.max(largest, newSpace());
}
console.log(largest / 2 ** 20);
`;

const largestNewSpaceMb = (tune: boolean): number =>
  Number(
    execFileSync(process.execPath, ['--input-type=module', '-e', script(tune)], { cwd: root, encoding: 'utf8' }).trim(),
  );

describe('the CLI tunes its heap for batches', () => {
  it('keeps the young generation at its starting size, where V8 alone grows it to its maximum', () => {
    const untuned = largestNewSpaceMb(false);
    const tuned = largestNewSpaceMb(true);
    // The default grows to 32 MB (16 MB per half); tuned it stays at the 1-2 MB it starts with.
    expect(untuned, 'without tuning (the check itself must see V8 grow the space)').toBeGreaterThanOrEqual(16);
    expect(tuned).toBeLessThanOrEqual(4);
  });
});
