// Mutation fuzzer (issue 13): seeded mutants of the fixture résumés (and of ../shared/data's PDFs
// and DOCX files when present), every one ranked through the isolated pool of one matcher.
// Checks that the counts balance (every input comes back as a result or a typed error), that no
// input yields `internal-error`, and reports the error codes seen and the parent's peak RSS. A failing
// mutant is listed with its seed and index, so `makeMutant(sources, seed, index)` rebuilds it.
//   node bench/suites/fuzz.mjs [--quick] [--count N]   (prints JSON)
import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { makeMutant } from '../lib/mutate.mjs';
import { round } from '../lib/stats.mjs';
import { DATA, ROOT, walk } from './corpus.mjs';

export const FUZZ_SEED = 13;

const KINDS = {
  '.pdf': 'pdf',
  '.docx': 'docx',
  '.json': 'json',
  '.html': 'html',
  '.htm': 'html',
  '.md': 'text',
  '.txt': 'text',
};

/** The files mutants are made from, by kind: fixtures first, then the shared synthetic and adversarial sets. */
export function fuzzSources() {
  const fixtures = walk(join(ROOT, 'fixtures'), Object.keys(KINDS)).filter((p) => /[/\\]input\.[a-z]+$/.test(p));
  const shared = [
    ...walk(join(DATA, 'synthetic-resumes/pdf'), ['.pdf']),
    ...walk(join(DATA, 'synthetic-resumes/docx'), ['.docx']),
    ...walk(join(DATA, 'synthetic-resumes/adversarial'), ['.pdf', '.docx']),
  ];
  const all = [...fixtures, ...shared].map((path) => ({
    name: path.slice(ROOT.length),
    kind: KINDS[extname(path).toLowerCase()],
    bytes: new Uint8Array(readFileSync(path)),
  }));
  return {
    pdf: all.filter((s) => s.kind === 'pdf'),
    docx: all.filter((s) => s.kind === 'docx'),
    other: all.filter((s) => !['pdf', 'docx'].includes(s.kind)),
  };
}

export async function runFuzz(sm, { quick = false, count } = {}) {
  const total = count ?? (quick ? 100 : 1400);
  const sources = fuzzSources();
  // Two fifths PDF, a third DOCX, the rest text, HTML, Markdown and JSON Resume.
  const plan = [
    ['pdf', Math.round(total * 0.4)],
    ['docx', Math.round(total / 3)],
  ];
  plan.push(['other', total - plan[0][1] - plan[1][1]]);
  // Mutants are made as the pool asks for them, so the parent holds a few at a time, as a caller would.
  const jobs = plan.flatMap(([group, n]) => Array.from({ length: n }, (_, index) => ({ group, index })));
  const rebuild = (group, index) => makeMutant(sources[group], FUZZ_SEED, index);
  function* inputs() {
    for (const { group, index } of jobs) {
      const m = rebuild(group, index);
      yield { id: `${group}:${index}`, data: m.bytes, filename: m.filename };
    }
  }

  const matcher = sm.createMatcher({ poolSize: 2, timeoutMs: 10_000 });
  let peakRss = process.memoryUsage.rss();
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 100);
  const codes = {};
  const internal = [];
  let results = 0;
  let errors = 0;
  const started = performance.now();
  try {
    for await (const item of matcher.rankIterator(inputs(), 'backend-developer', { asOf: '2025-06' })) {
      if (item.ok) results++;
      else {
        errors++;
        codes[item.error.code] = (codes[item.error.code] ?? 0) + 1;
        if (item.error.code === 'internal-error' || !item.error.code) {
          const [group, index] = [item.id.split(':')[0], Number(item.id.split(':')[1])];
          const m = rebuild(group, index);
          internal.push({
            id: item.id,
            seed: FUZZ_SEED,
            group,
            index,
            source: m.source,
            mutations: m.mutations,
            message: item.error.message,
          });
        }
      }
    }
  } finally {
    clearInterval(sampler);
    await matcher.close();
  }
  const seconds = (performance.now() - started) / 1000;
  const byKind = Object.fromEntries(plan.map(([kind, n]) => [kind, n]));
  return {
    seed: FUZZ_SEED,
    mutants: jobs.length,
    byKind,
    sources: { pdf: sources.pdf.length, docx: sources.docx.length, other: sources.other.length },
    results,
    errors,
    balanced: results + errors === jobs.length,
    internalErrors: internal.length,
    internal,
    codes,
    parentPeakRssMb: round(peakRss / 2 ** 20, 1),
    seconds: round(seconds, 1),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const sm = await import(pathToFileURL(join(ROOT, 'dist/esm/index.js')).href);
  const at = process.argv.indexOf('--count');
  const result = await runFuzz(sm, {
    quick: process.argv.includes('--quick'),
    ...(at > 0 ? { count: Number(process.argv[at + 1]) } : {}),
  });
  console.log(JSON.stringify(result, null, 2));
  process.exitCode = result.balanced && result.internalErrors === 0 ? 0 : 1;
}
