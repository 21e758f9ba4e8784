#!/usr/bin/env node
// Extraction speed: median milliseconds to extract one typical résumé (≈3.5 KB of text) after
// warm-up, reported beside the time to parse the same résumé from its PDF (pdf-parse + layout,
// in-process), so the figure is a ratio against a baseline measured in the same run.
//
//   node bench/accuracy/extraction-speed.mjs [--runs 300]
//
// Uses ../shared/data/resume-pdf-variety/files/resume-matcher_single-column.pdf (3.4 KB of text).
// Also times hostile single lines (and many short lines) of 256 KB, 512 KB and 1 MB, one family per
// shape the extractor reads (lists, durations, tables, tools fields, headings, numbers, clients),
// beside a line of plain prose: each family's milliseconds at 1 MB and its time ratio per doubling
// (linear is 2; target 1 MB < 100 ms).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DATA = process.env.SKILLMATCH_DATA ?? join(ROOT, '../shared/data');
const PDF = join(DATA, 'resume-pdf-variety/files/resume-matcher_single-column.pdf');

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const round = (x) => Math.round(x * 1000) / 1000;

function time(fn, runs) {
  const out = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    out.push(performance.now() - t);
  }
  return out;
}

/** Units repeated into hostile inputs: one per shape the extractor reads, plus plain prose as the anchor. */
const HOSTILE = {
  prose: 'plain words of an ordinary sentence with Python and Docker in it. ',
  lists: 'Go, C/C++/R - ((Java)) -- Spring-Spring.. no not learning 5+ years ',
  durations: 'Java (3 years), less than less than 1 year  5 years 6 months | Skill | Years |  ',
  tableRows: 'Skill | Years\nJava | 5\n',
  toolsFields: 'Tools: Foo, BarDB, Baz9  Environment: Java, Spring 3.0 ',
  headings: 'Version Control\n',
  numbers: '8051 ',
  clients: 'Clients: Oracle, SAP, ',
  spaces: `Java${' '.repeat(60)}`,
};

/** CPU milliseconds this process has used so far (all its threads, the garbage collector's included). */
function cpuMs() {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Extractions timed per family and size, after one warm-up each. */
const HOSTILE_RUNS = 7;

/**
 * Median milliseconds (of `HOSTILE_RUNS`) to extract each family's unit repeated to each size, wall-clock and
 * CPU, and each family's worst ratio per doubling (of CPU time, which other work on a shared machine does not
 * inflate). The runs are interleaved: each round extracts every family once, so a slow spell of the machine
 * falls on all families alike instead of on whichever one it met.
 */
function hostileFamilies(extractor, sizes) {
  const names = Object.keys(HOSTILE);
  const points = names.map(() => []);
  for (const size of sizes) {
    const texts = names.map((name) => HOSTILE[name].repeat(Math.ceil(size / HOSTILE[name].length)).slice(0, size));
    for (const text of texts) extractor.extract(text, { asOf: '2026-11' });
    const wall = names.map(() => []);
    const cpu = names.map(() => []);
    for (let r = 0; r < HOSTILE_RUNS; r++) {
      texts.forEach((text, f) => {
        const w = performance.now();
        const c = cpuMs();
        extractor.extract(text, { asOf: '2026-11' });
        cpu[f].push(cpuMs() - c);
        wall[f].push(performance.now() - w);
      });
    }
    for (let f = 0; f < names.length; f++) points[f].push({ wall: median(wall[f]), cpu: median(cpu[f]) });
  }
  const families = {};
  names.forEach((name, f) => {
    const ps = points[f];
    const ratios = ps.slice(1).map((p, i) => p.cpu / ps[i].cpu);
    const last = ps[ps.length - 1];
    families[name] = {
      ms1MB: round(last.wall),
      cpuMs1MB: round(last.cpu),
      msBySize: ps.map((p) => round(p.wall)),
      cpuMsBySize: ps.map((p) => round(p.cpu)),
      ratioPerDoubling: round(Math.max(...ratios)),
    };
  });
  return families;
}

/** Every hostile family, beside plain prose; the worst family's median at the largest size is the headline. */
export function runHostileLines({ quick = false } = {}, pkg) {
  const extractor = pkg.createExtractor();
  const sizes = quick ? [256 * 1024, 512 * 1024] : [256 * 1024, 512 * 1024, 1024 * 1024];
  const families = hostileFamilies(extractor, sizes);
  const worstOf = (entries) => entries.reduce((a, b) => (b[1].ms1MB > a[1].ms1MB ? b : a));
  const [worst, worstFamily] = worstOf(Object.entries(families));
  // The target is for one line; the families of many short lines (headings, table rows) are
  // reported beside it, and in `worst`.
  const oneLine = Object.entries(families).filter(([name]) => !HOSTILE[name].includes('\n'));
  const manyLines = Object.entries(families).filter(([name]) => HOSTILE[name].includes('\n'));
  const [lineWorst, lineWorstFamily] = worstOf(oneLine);
  const [linesWorst, linesWorstFamily] = worstOf(manyLines);
  return {
    sizes,
    runs: HOSTILE_RUNS,
    families,
    worst,
    worstMs: worstFamily.ms1MB,
    worstCpuMs: worstFamily.cpuMs1MB,
    lineWorst,
    lineWorstMs: lineWorstFamily.ms1MB,
    lineWorstCpuMs: lineWorstFamily.cpuMs1MB,
    linesWorst,
    linesWorstMs: linesWorstFamily.ms1MB,
    linesWorstCpuMs: linesWorstFamily.cpuMs1MB,
    proseMs: families.prose.ms1MB,
    target: `largest size < 100 ms median, ratio per doubling ≤ 2.3`,
  };
}

/** Median extraction time of one résumé, beside its PDF parse time. */
export async function runExtractionSpeed({ runs = 300, quick = false } = {}) {
  const pkg = await import(join(ROOT, 'dist/esm/index.js'));
  if (!existsSync(PDF)) return { skipped: `data absent: ${PDF}` };
  const bytes = new Uint8Array(readFileSync(PDF));
  const parseTimes = [];
  let doc;
  for (let i = 0; i < (quick ? 5 : 15); i++) {
    const t = performance.now();
    doc = await pkg.parseResume(bytes, { isolate: false, filename: 'resume.pdf', asOf: '2026-11' });
    if (i >= 2) parseTimes.push(performance.now() - t);
  }
  const extractor = pkg.createExtractor();
  const fromDocument = () => extractor.extract(doc, { asOf: '2026-11' });
  const fromText = () => extractor.extract(doc.text, { asOf: '2026-11' });
  const n = quick ? Math.min(runs, 60) : runs;
  time(fromDocument, 50); // warm-up: JIT, compromise lexicon, fuzzy index
  time(fromText, 50);
  const doc1 = time(fromDocument, n);
  const text1 = time(fromText, n);
  const profile = fromDocument();
  const extractMs = median(doc1);
  const parseMs = median(parseTimes);
  return {
    resumeChars: doc.text.length,
    skills: profile.skills.length,
    mentions: profile.skills.reduce((k, s) => k + s.mentions.length, 0),
    runs: n,
    extractMedianMs: round(extractMs),
    extractP90Ms: round([...doc1].sort((a, b) => a - b)[Math.floor(n * 0.9)]),
    extractFromPlainTextMedianMs: round(median(text1)),
    pdfParseMedianMs: round(parseMs),
    extractShareOfParse: round(extractMs / parseMs),
    target: 'extractMedianMs ≤ 1',
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--runs');
  const result = await runExtractionSpeed({ runs: at >= 0 ? Number(args[at + 1]) : 300 });
  result.hostileLines = runHostileLines(
    { quick: args.includes('--quick') },
    await import(join(ROOT, 'dist/esm/index.js')),
  );
  console.log(JSON.stringify(result, null, 2));
}
