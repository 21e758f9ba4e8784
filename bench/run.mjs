#!/usr/bin/env node
// `npm run bench [-- --quick] [-- --compare] [-- --no-build]`
// Builds, then measures the built package (what users import): accuracy beside simple baselines,
// per-stage speed beside the bare libraries, scale curves and memory. Writes
// bench/results/latest.{json,md} and SVG charts; with --compare, prints the change against
// bench/baseline.json and flags accuracy drops and speed ratios worse by more than 10%.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, availableParallelism, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { ROOT, DATA, hasData } from './suites/corpus.mjs';
import { lineChartSvg, barChartSvg } from './lib/svg.mjs';
import { round } from './lib/stats.mjs';
import {
  collectMetrics,
  compareMetrics,
  HEADLINE_DOC,
  HEADLINE_END,
  HEADLINE_START,
  headlineRows,
  withHeadline,
} from './lib/report.mjs';
import { installMarkdown } from './suites/install.mjs';

const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
const outDir = join(ROOT, 'bench/results');

if (!args.has('--no-build'))
  execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, stdio: 'inherit' });
if (!existsSync(join(ROOT, 'dist/esm/index.js')))
  throw new Error('dist/esm/index.js is missing: run `npm run build` first');

const started = Date.now();
const results = {
  meta: {
    date: new Date().toISOString(),
    mode: quick ? 'quick' : 'full',
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: availableParallelism(),
    memoryGb: round(totalmem() / 2 ** 30, 1),
    data: hasData ? DATA : null,
    package: JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version,
  },
  accuracy: {},
  speed: null,
  rankingSpeed: null,
  scale: null,
  memory: null,
  hostile: {},
  install: null,
  errors: {},
};
if (!hasData) console.warn(`bench: ${DATA} is absent — the suites that need it are skipped; the rest still run.`);

/** Runs one suite in a child process of its own (bench/lib/suite-child.mjs) and returns its result. */
async function inChild(name) {
  const dir = mkdtempSync(join(tmpdir(), 'skillmatch-bench-'));
  const out = join(dir, 'result.json');
  try {
    await new Promise((resolve, reject) => {
      // The hostile-input suites collect garbage between measurements (complexity) and after each round (rss);
      // scoring 100,000 profiles collects once after building them, before it times anything.
      const flags = ['complexity', 'rss/matcher', 'speed/score-pool-rss'].includes(name) ? ['--expose-gc'] : [];
      const child = spawn(
        process.execPath,
        [...flags, join(ROOT, 'bench/lib/suite-child.mjs'), name, out, ...(quick ? ['--quick'] : [])],
        { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] },
      );
      child.on('error', reject);
      child.on('exit', (code, signal) =>
        code === 0 ? resolve() : reject(new Error(`suite process exited with ${signal ?? `code ${code}`}`)),
      );
    });
    return JSON.parse(readFileSync(out, 'utf8'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function suite(name) {
  const t0 = Date.now();
  process.stderr.write(`bench: ${name}…\n`);
  try {
    const value = await inChild(name);
    process.stderr.write(`bench: ${name} done in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
    return value;
  } catch (error) {
    results.errors[name] = String(error?.stack ?? error);
    process.stderr.write(`bench: ${name} FAILED: ${error?.message ?? error}\n`);
    return null;
  }
}

// Each suite in a fresh process: none is timed inside the heap an earlier one left behind.
results.accuracy.extraction = await suite('accuracy/extraction');
results.accuracy.ranking = await suite('accuracy/ranking');
results.accuracy.layout = await suite('accuracy/layout');
results.speed = await suite('speed');
// Issue 11: one hostile megabyte per shape the extractor reads, timed away from the speed suite's parsed
// documents and the pdf.js it loads; reported with the other speed figures.
const hostileLines = await suite('speed/hostile');
if (results.speed !== null) results.speed.hostileLines = hostileLines;
results.rankingSpeed = await suite('speed/score-pool-rss');
results.scale = await suite('scale');
results.memory = await suite('memory');
// Issue 13: input families doubled, mutated files through the pool, memory of long runs.
results.hostile.complexity = await suite('complexity');
results.hostile.fuzz = await suite('fuzz');
results.hostile.cliRss = await suite('rss/cli');
results.hostile.matcherRss = await suite('rss/matcher');
// Issue 14: the tarball, a fresh consumer's install, import() and a one-file CLI run beside bare pdf-parse.
results.install = await suite('install');
results.service = await import('./service/load.mjs')
  .then(async (m) => {
    const r = await m.runServiceLoad({ quick });
    process.stdout.write(m.writeServiceLoad(r));
    return r;
  })
  .catch((error) => {
    results.errors['service/load'] = String(error?.stack ?? error);
    return null;
  });
results.meta.seconds = round((Date.now() - started) / 1000, 1);

const metrics = collectMetrics(results);
results.metrics = metrics;
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);

const charts = [];
if (results.scale) {
  writeFileSync(
    join(outDir, 'scale-candidates.svg'),
    lineChartSvg({
      title: `Scoring time vs candidates (slope ${results.scale.candidates.slope})`,
      xLabel: 'candidate profiles',
      yLabel: 'ms',
      series: [
        { name: 'score + order', points: results.scale.candidates.points.map((p) => ({ x: p.n, y: p.ms.median })) },
      ],
    }),
  );
  writeFileSync(
    join(outDir, 'scale-pages.svg'),
    lineChartSvg({
      title: 'Time vs document length',
      xLabel: 'PDF pages',
      yLabel: 'ms',
      series: [
        {
          name: `parse (slope ${results.scale.documentLength.parseSlope})`,
          points: results.scale.documentLength.points.map((p) => ({ x: p.pages, y: p.parseMs.median })),
        },
        {
          name: `extract (slope ${results.scale.documentLength.extractSlope})`,
          points: results.scale.documentLength.points.map((p) => ({ x: p.pages, y: p.extractMs.median })),
        },
      ],
    }),
  );
  charts.push('scale-candidates.svg', 'scale-pages.svg');
}
if (results.speed) {
  const s = results.speed;
  writeFileSync(
    join(outDir, 'stage-split.svg'),
    barChartSvg({
      title: 'Median time per document, by stage',
      unit: 'ms',
      bars: [
        { label: 'pdf-parse (bare)', value: s.parsePdf.bareMsPerDoc.median },
        { label: 'parse PDF (ours)', value: s.parsePdf.msPerDoc.median },
        { label: 'mammoth (bare)', value: s.parseDocx.bareMsPerDoc.median },
        { label: 'parse DOCX (ours)', value: s.parseDocx.msPerDoc.median },
        { label: 'extract', value: s.extract.msPerDoc.median },
        { label: 'score', value: s.score.msPerProfile.median },
        { label: 'rank (extract+score)', value: s.rank.msPerDoc.median },
      ],
    }),
  );
  charts.push('stage-split.svg');
}

const md = renderMarkdown(results, metrics, charts);
writeFileSync(join(outDir, 'latest.md'), md);
process.stdout.write(`\n${md}\n`);

if (!quick) updateHeadline(headlineRows(metrics));

if (args.has('--compare')) {
  const baselinePath = join(ROOT, 'bench/baseline.json');
  if (!existsSync(baselinePath)) {
    console.log('bench: no bench/baseline.json to compare with.');
  } else {
    const baseline = JSON.parse(readFileSync(baselinePath, 'utf8'));
    // A quick run measures subsets, so its figures are only comparable with a quick baseline.
    if (baseline.meta?.mode && baseline.meta.mode !== results.meta.mode) {
      console.log(
        `\nbench: bench/baseline.json is a ${baseline.meta.mode} run and this is a ${results.meta.mode} run; they measure different subsets, so nothing is compared. Run \`npm run bench -- --compare\`${baseline.meta.mode === 'quick' ? ' --quick' : ''} instead.`,
      );
      process.exit(0);
    }
    const { rows, flagged } = compareMetrics(baseline.metrics ?? baseline, metrics);
    console.log('\n## Compared with bench/baseline.json\n');
    console.log('| figure | baseline | now | change | |');
    console.log('|---|---:|---:|---:|---|');
    for (const r of rows) console.log(`| ${r.key} | ${r.before} | ${r.after} | ${r.change} | ${r.flag ?? ''} |`);
    console.log(
      flagged.length === 0
        ? '\nNo accuracy figure dropped and no speed ratio worsened by more than 10%.'
        : `\n${flagged.length} figure(s) flagged.`,
    );
  }
}
if (args.has('--write-baseline'))
  writeFileSync(join(ROOT, 'bench/baseline.json'), `${JSON.stringify({ meta: results.meta, metrics }, null, 2)}\n`);
console.log(
  `bench: finished in ${results.meta.seconds} s (${results.meta.mode}); results in bench/results/latest.{json,md}`,
);
// The fuzzer's invariants are hard failures (CI runs --quick): every mutant accounted for, none an internal error.
const fuzz = results.hostile.fuzz;
if (fuzz && (!fuzz.balanced || fuzz.internalErrors > 0)) {
  console.error(
    `bench: the fuzzer found ${fuzz.internalErrors} internal error(s)${fuzz.balanced ? '' : ' and unbalanced counts'}: ${JSON.stringify(fuzz.internal.slice(0, 5))}`,
  );
  process.exitCode = 1;
}

/** The hostile-input figures as Markdown: the complexity table, the fuzzer's counts, memory of long runs. */
function hostileMarkdown(h) {
  const lines = [];
  if (h.complexity) {
    const c = h.complexity;
    lines.push(
      '',
      `## Complexity (CPU ms per size, ratio per doubling; pass ≤ ${c.maxRatio}×)`,
      '',
      `| family | ${c.sizes.map((b) => `${b / 1024} KB`).join(' | ')} | worst ratio | |`,
      `|---|${c.sizes.map(() => '---:').join('|')}|---:|---|`,
    );
    for (const [name, f] of Object.entries(c.families))
      lines.push(
        `| ${name} | ${c.sizes.map((b) => f.points.find((p) => p.bytes === b)?.ms ?? '—').join(' | ')} | ${f.worstRatio} | ${f.pass ? 'ok' : 'OVER'} |`,
      );
  }
  if (h.fuzz) {
    const f = h.fuzz;
    lines.push(
      '',
      '## Mutation fuzzer',
      '',
      `${f.mutants} mutants (seed ${f.seed}: ${Object.entries(f.byKind)
        .map(([k, n]) => `${n} ${k}`)
        .join(', ')}) in ${f.seconds} s: ${f.results} ranked, ${f.errors} typed errors (${Object.entries(f.codes)
        .map(([k, n]) => `${k} ${n}`)
        .join(
          ', ',
        )}); balanced: ${f.balanced}; internal errors: ${f.internalErrors}; parent peak RSS ${f.parentPeakRssMb} MB.`,
    );
  }
  if (h.cliRss)
    lines.push(
      '',
      '## Memory of long runs',
      '',
      `CLI \`rank --format json\` over ${h.cliRss.pdfs} PDFs (${h.cliRss.seconds} s, ${h.cliRss.documentsPerSecond} documents/s, ${h.cliRss.workers} worker(s)): peak RSS of all processes ${h.cliRss.peakTotalMb} MB (CLI ${h.cliRss.peakParentMb} MB, largest worker ${h.cliRss.peakWorkerMb} MB; target < ${h.cliRss.targetTotalMb} MB).`,
    );
  if (h.matcherRss)
    lines.push(
      '',
      `One matcher, the same ${h.matcherRss.pdfs} PDFs ranked ${h.matcherRss.rounds} times: parent RSS after each round ${h.matcherRss.after.map((a) => `${a.parentRssMb} MB`).join(', ')}; workers ${h.matcherRss.after.map((a) => a.workersRssMb.join('+')).join(', ')} MB.`,
    );
  return lines;
}

function renderMarkdown(r, metrics, chartFiles) {
  const lines = [];
  lines.push(`# skillmatch benchmark (${r.meta.mode})`, '');
  lines.push(`${r.meta.date} · Node ${r.meta.node} · ${r.meta.cpu} · ${r.meta.cores} cores · ${r.meta.seconds} s`, '');
  lines.push('## Headline', '', '| figure | skillmatch | baseline |', '|---|---:|---:|');
  for (const row of headlineRows(metrics)) lines.push(`| ${row.label} | ${row.ours} | ${row.baseline} |`);
  lines.push('', '## All figures', '', '| figure | value | better |', '|---|---:|---|');
  for (const [key, m] of Object.entries(metrics)) lines.push(`| ${key} | ${m.value} | ${m.better} |`);
  if (chartFiles.length) lines.push('', '## Charts', '', ...chartFiles.map((f) => `![${f}](${f})`));
  lines.push(...hostileMarkdown(r.hostile));
  if (r.install) lines.push(...installMarkdown(r.install));
  if (Object.keys(r.errors).length)
    lines.push(
      '',
      '## Suites that failed',
      '',
      ...Object.entries(r.errors).map(([k, v]) => `- ${k}: ${v.split('\n')[0]}`),
    );
  return `${lines.join('\n')}\n`;
}

// The headline table goes to docs/benchmarks.md, between its markers; the README only links there.
function updateHeadline(rows) {
  const path = join(ROOT, HEADLINE_DOC);
  if (!existsSync(path)) return;
  const doc = withHeadline(readFileSync(path, 'utf8'), rows, results.meta);
  if (doc === null)
    console.log(
      `bench: ${HEADLINE_DOC} has no ${HEADLINE_START} … ${HEADLINE_END} markers; the headline table was not written.`,
    );
  else writeFileSync(path, doc);
}
