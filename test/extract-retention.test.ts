// Issue 13, defect 9 (the extractor's part): after `extract` returns, nothing of the document stays
// alive in the extractor. Its word memos once kept keys sliced out of each document's lower-cased copy,
// so every document with a long unknown word stayed in the heap until the memo filled (20,000 words).
// Measured in a child process run with --expose-gc, on the built package (`npm run build` first).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

// Each document is ~40 KB: a skills line of made-up camelCase tool names (long enough that V8 slices
// them out of their parent string instead of copying) and paragraphs of prose with capitals, so the
// tokenizer makes its lower-cased copy of the whole text.
const SCRIPT = `
const { createExtractor } = await import('./dist/esm/index.js');
const extractor = createExtractor();
let seed = 7;
const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
const word = (n) => Array.from({ length: n }, () => String.fromCharCode(97 + Math.floor(rnd() * 26))).join('');
const cap = (w) => w[0].toUpperCase() + w.slice(1);
function resume(i) {
  const tools = Array.from({ length: 12 }, () => cap(word(7)) + cap(word(7)) + i).join(', ');
  const prose = Array.from({ length: 300 }, () => 'Built Services With Python And Docker for ' + cap(word(9)) + ' at scale.').join(' ');
  return 'SKILLS\\nTools: ' + tools + ', Python, PostgreSQL\\n\\nEXPERIENCE\\nEngineer, Acme 2019 - 2021\\n' + prose;
}
const heap = () => { global.gc(); global.gc(); return process.memoryUsage().heapUsed; };
const at = {};
for (let i = 1; i <= 800; i++) {
  extractor.extract(resume(i), { asOf: '2026-11' });
  if (i === 200 || i === 400 || i === 800) at[i] = heap();
}
console.log(JSON.stringify(at));
`;

describe('the extractor retains no document', () => {
  it('levels off: the heap grows by little between 400 and 800 documents', () => {
    const out = execFileSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', SCRIPT], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    const at = JSON.parse(out) as Record<string, number>;
    const mb = (x: number): number => Math.round((x / 2 ** 20) * 10) / 10;
    const growth = at['800']! - at['400']!;
    // 400 more documents of ~40 KB each would be ~16 MB if each stayed alive; the memos' own words are well under 3 MB.
    expect(
      mb(growth),
      `heap at 200/400/800 documents: ${mb(at['200']!)} / ${mb(at['400']!)} / ${mb(at['800']!)} MB`,
    ).toBeLessThan(3);
    console.log(`heap at 200/400/800 documents: ${mb(at['200']!)} / ${mb(at['400']!)} / ${mb(at['800']!)} MB`);
  });
});
