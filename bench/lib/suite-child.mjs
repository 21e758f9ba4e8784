#!/usr/bin/env node
// Runs one bench suite in a process of its own and writes its result as JSON to a file:
//   node bench/lib/suite-child.mjs <suite> <out.json> [--quick]
// bench/run.mjs starts one of these per suite, so no suite measures inside the heap an earlier one
// left behind (the accuracy suites keep hundreds of megabytes of profiles alive; timed in the same
// process, extraction ran ~50% slower and scoring 100,000 profiles ~25% slower than on their own).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../suites/corpus.mjs';

const [name, out, ...rest] = process.argv.slice(2);
const quick = rest.includes('--quick');
const sm = await import(pathToFileURL(join(ROOT, 'dist/esm/index.js')).href);

const SUITES = {
  'accuracy/extraction': async () => (await import('../accuracy/extraction.mjs')).runExtractionAccuracy({ quick }),
  'accuracy/ranking': async () => (await import('../ranking/run.mjs')).runRankingAccuracy({ quick }),
  'accuracy/layout': async () => (await import('../suites/layout.mjs')).runLayout(sm),
  speed: async () => (await import('../suites/speed.mjs')).runSpeed(sm, { quick }),
  'speed/hostile': async () => (await import('../accuracy/extraction-speed.mjs')).runHostileLines({ quick }, sm),
  'speed/score-pool-rss': async () => {
    const { runRankingSpeed } = await import('../ranking/speed.mjs');
    // Quick mode leaves out the 2,000-PDF ranking memory run (the in-process memory suite still runs, shorter).
    if (!quick) return runRankingSpeed({ quick });
    return {
      ...(await runRankingSpeed({ quick, only: 'score' })),
      ...(await runRankingSpeed({ quick, only: 'pool' })),
    };
  },
  scale: async () => (await import('../suites/scale.mjs')).runScale(sm, { quick }),
  memory: async () => (await import('../suites/memory.mjs')).runMemory({ quick }),
  complexity: async () => (await import('../suites/complexity.mjs')).runComplexity(sm, { quick }),
  fuzz: async () => (await import('../suites/fuzz.mjs')).runFuzz(sm, { quick }),
  'rss/cli': async () => (await import('../suites/rss.mjs')).runCliRss({ quick }),
  'rss/matcher': async () => (await import('../suites/rss.mjs')).runMatcherRss(sm, { quick }),
  install: async () => (await import('../suites/install.mjs')).runInstall({ quick }),
};

const run = SUITES[name];
if (run === undefined || out === undefined) {
  console.error(`usage: suite-child.mjs <${Object.keys(SUITES).join('|')}> <out.json> [--quick]`);
  process.exit(2);
}
writeFileSync(out, JSON.stringify(await run()));
