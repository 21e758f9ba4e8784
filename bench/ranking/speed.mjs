#!/usr/bin/env node
// Speed and memory of the score and rank stages, on the built package (dist/esm/index.js):
//   score100k  scoring 100,000 distinct pre-extracted profiles (deep copies of every real profile we
//              can extract) against the built-in backend-developer role on one core, single-threaded
//              (Scorer.rate, the ranking path; Scorer.match, the explained path, beside it); wall time
//              and CPU time (process.cpuUsage) after a warm-up run, medians of 7 runs, and the load average;
//   pool       the isolated parse pool's PDF throughput ÷ plain in-process parsing, per pool size,
//              and the speed-up per added worker;
//   rss        peak RSS of the ranking process (and its growth) while ranking 2,000 PDFs through the pool.
// Run alone: node bench/ranking/speed.mjs [--quick] [--only=score|pool|rss]   (prints JSON). Medians of several runs after warm-up.
import { fork } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { walk } from '../suites/corpus.mjs';

// pdf-parse (pdfjs-dist's legacy build) replaces these builtins with slow core-js polyfills when it
// loads, and the profiles are built by parsing PDFs in this process. The parse stage puts them back
// (src/parse/builtins.ts); they are saved here, before the package is imported, so the report can
// show that the timed scoring ran on the natives (`nativesReplaced` empty).
const NATIVES = [
  [Array.prototype, 'push', Array.prototype.push],
  [JSON, 'parse', JSON.parse],
  [Function.prototype, 'toString', Function.prototype.toString],
];

/** Names of the builtins saved in `NATIVES` that no longer hold the native. */
function replacedNatives() {
  return NATIVES.filter(([owner, key, native]) => owner[key] !== native).map(([, key]) => key);
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DATA = join(ROOT, '../shared/data');
const AS_OF = '2026-11';

async function loadPackage() {
  const entry = join(ROOT, 'dist/esm/index.js');
  if (!existsSync(entry)) throw new Error('dist/esm/index.js is missing: run `npm run build` first');
  return import(pathToFileURL(entry).href);
}

/** Readable résumé PDFs: the synthetic set and the bundled fixtures (the invalid ones excluded). */
function pdfFiles() {
  return [
    ...walk(join(DATA, 'synthetic-resumes/pdf'), ['.pdf']),
    ...walk(join(ROOT, 'fixtures/resumes'), ['.pdf']),
  ].map((path) => ({ path, bytes: new Uint8Array(readFileSync(path)) }));
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const r2 = (x) => Math.round(x * 100) / 100;
const r3 = (x) => Math.round(x * 1000) / 1000;

/** Distinct real profiles: every text résumé of the scenarios and fixtures, and every PDF/DOCX we can read. */
async function realProfiles(sm) {
  const extractor = sm.createExtractor();
  const profiles = [];
  const texts = walk(join(ROOT, 'fixtures/rankings'), ['.txt', '.md']).filter((p) => !p.endsWith('job.txt'));
  for (const path of texts) {
    const text = readFileSync(path, 'utf8');
    if (text.trim() === '') continue;
    profiles.push(extractor.extract(await sm.parseResume(text, { asOf: AS_OF }), { asOf: AS_OF }));
  }
  const binaries = [
    ...walk(join(DATA, 'synthetic-resumes/pdf'), ['.pdf']),
    ...walk(join(DATA, 'synthetic-resumes/docx'), ['.docx']),
    ...walk(join(ROOT, 'fixtures/resumes'), ['.pdf', '.docx', '.html', '.md', '.txt', '.json']).filter((p) =>
      /[/\\]input\.[a-z]+$/.test(p),
    ),
  ];
  for (const path of binaries) {
    try {
      const doc = await sm.parseResume(new Uint8Array(readFileSync(path)), { asOf: AS_OF, filename: path });
      profiles.push(extractor.extract(doc, { asOf: AS_OF }));
    } catch {
      // fixtures/resumes holds deliberately bad files too; they are not profiles.
    }
  }
  return profiles;
}

/**
 * A distinct deep copy of a profile with every span moved by `shift`, so the scorer never sees the
 * same object twice and nothing can be cached on it. Profiles and skills are rebuilt as object
 * literals with the extractor's fields in the extractor's order (src/extract/index.ts), so each
 * copy has the shape and the in-object layout of a freshly extracted profile. A spread copy
 * (`{ ...skill, mentions }`) would not: V8 keeps only the first few fields of such a clone in the
 * object and moves the rest (`evidence`, `implied`) to a separate property array, one more memory
 * load per skill than a real profile costs. Mentions, which `rate` never reads, are copied by spread.
 * Ids, names, categories, context words and month strings (`lastUsed`, `experience.latest`) stay shared,
 * as the extractor shares them (they come from the taxonomy, a fixed vocabulary and one string per month)
 * and as `JSON.parse` shares strings of ten characters or fewer; mention and sentence text is shared to
 * keep the heap of 100,000 profiles near 1.5 GB.
 * (structuredClone would do too, but takes minutes and 3 GB for 100,000 profiles on the reference
 * machine.) Each skill keeps its evidence bits (`ExtractedSkill.evidence`, a number that `rate`
 * reads instead of the mentions) and its ordinal (`ExtractedSkill.ordinal`, its position in the
 * taxonomy), as extraction stores them. With `evidenceBits: false` the copy has neither, as a
 * profile saved before they existed: `rate` then derives the bits from the mentions and hashes the id.
 */
function copyProfile(p, shift, { evidenceBits = true } = {}) {
  const span = (s) => ({ ...s, start: s.start + shift, end: s.end + shift });
  const skills = p.skills.map((k) => {
    const mentions = k.mentions.map((m) => ({ ...m, span: span(m.span), sentenceSpan: span(m.sentenceSpan) }));
    const implied = k.implied.map((i) => ({ id: i.id, name: i.name, weight: i.weight, implied: i.implied }));
    // Month strings are shared, as real profiles share them: extraction makes one string per month, and
    // JSON.parse shares strings of ten characters or fewer.
    const lastUsed = k.lastUsed;
    if (!evidenceBits || k.evidence === undefined) {
      return {
        id: k.id,
        name: k.name,
        category: k.category,
        months: k.months,
        lastUsed,
        claimedYears: k.claimedYears,
        mentions,
        implied,
      };
    }
    const claimedSpan = k.claimedSpan ? span(k.claimedSpan) : null;
    return {
      id: k.id,
      ordinal: k.ordinal,
      name: k.name,
      category: k.category,
      months: k.months,
      lastUsed,
      claimedYears: k.claimedYears,
      evidence: k.evidence,
      kind: k.kind,
      claimedMonths: k.claimedMonths,
      claimedSpan,
      mentions,
      implied,
    };
  });
  const diagnostics = p.diagnostics.map((d) => ({ ...d, ...(d.span ? { span: span(d.span) } : {}) }));
  const out = {
    version: p.version,
    skills,
    diagnostics,
    document: { format: p.document.format, words: p.document.words },
  };
  // The work-history totals, with a fresh `latest` string, as each extracted résumé has its own.
  if (p.experience)
    out.experience = {
      months: p.experience.months,
      functionMonths: { ...p.experience.functionMonths },
      latest: p.experience.latest,
    };
  return out;
}

async function score100k(sm, quick) {
  const distinct = await realProfiles(sm);
  const nativesReplaced = replacedNatives();
  const N = 100_000;
  // 100,000 distinct objects: copy k of résumé r has its spans moved by k.
  const profiles = Array.from({ length: N }, (_, i) =>
    copyProfile(distinct[i % distinct.length], Math.floor(i / distinct.length)),
  );
  // Building 1.5 GB of profiles leaves the copies' garbage and collector work behind: collect once first,
  // so the timed runs measure rating, not the bench's own set-up (run.mjs passes --expose-gc).
  globalThis.gc?.();
  const loadBefore = loadavg().map(r2);
  const role = sm.getBuiltinRole('backend-developer');
  const scorer = sm.createScorer(role, { asOf: AS_OF });
  const runs = quick ? 5 : 7;
  const rate = [];
  const rateCpu = [];
  let sink = 0;
  for (let r = 0; r <= runs; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (let i = 0; i < N; i++) sink += scorer.rate(profiles[i]).score;
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(c0);
    // The first run is warm-up. CPU time is reported beside wall time because a loaded machine stretches wall time.
    if (r > 0) {
      rate.push(ms);
      rateCpu.push((cpu.user + cpu.system) / 1000);
    }
  }
  // Ranking 100k: rate every profile, then order (must-haves, score).
  const rankMs = [];
  for (let r = 0; r <= runs; r++) {
    const t0 = performance.now();
    const rated = new Array(N);
    for (let i = 0; i < N; i++) {
      const v = scorer.rate(profiles[i]);
      rated[i] = { i, s: (v.mustHavesMet ? 1000 : 0) + v.score };
    }
    rated.sort((a, b) => b.s - a.s || a.i - b.i);
    if (r > 0) rankMs.push(performance.now() - t0);
  }
  const M = quick ? 2_000 : 10_000;
  const match = [];
  for (let r = 0; r <= 3; r++) {
    const t0 = performance.now();
    for (let i = 0; i < M; i++) sink += scorer.match(profiles[i]).score;
    if (r > 0) match.push(((performance.now() - t0) * N) / M);
  }
  // Profiles read back from JSON, as a service that stores profiles loads them: ids of more than 10
  // characters come back as fresh strings, not the taxonomy's own, so checking an ordinal compares characters.
  const stored = Array.from({ length: M }, (_, i) =>
    JSON.parse(JSON.stringify(copyProfile(distinct[i % distinct.length], 2 * N + Math.floor(i / distinct.length)))),
  );
  const storedRate = [];
  for (let r = 0; r <= runs; r++) {
    const t0 = performance.now();
    for (let i = 0; i < M; i++) sink += scorer.rate(stored[i]).score;
    if (r > 0) storedRate.push(((performance.now() - t0) * N) / M);
  }
  // The same 100,000 profiles without ordinals (saved before they existed): each id is looked up by hashing it.
  for (const p of profiles) for (const k of p.skills) k.ordinal = undefined;
  const unordered = [];
  for (let r = 0; r <= runs; r++) {
    const t0 = performance.now();
    for (let i = 0; i < N; i++) sink += scorer.rate(profiles[i]).score;
    if (r > 0) unordered.push(performance.now() - t0);
  }
  // Profiles saved before evidence bits existed: `rate` derives them from each skill's mentions.
  const legacy = Array.from({ length: M }, (_, i) =>
    copyProfile(distinct[i % distinct.length], N + Math.floor(i / distinct.length), { evidenceBits: false }),
  );
  const legacyRate = [];
  for (let r = 0; r <= runs; r++) {
    const t0 = performance.now();
    for (let i = 0; i < M; i++) sink += scorer.rate(legacy[i]).score;
    if (r > 0) legacyRate.push(((performance.now() - t0) * N) / M);
  }
  const summarised = distinct.every((p) => p.skills.every((k) => k.evidence !== undefined));
  const withOrdinals = distinct.every((p) => p.skills.every((k) => typeof k.ordinal === 'number'));
  const skills = distinct.reduce((s, p) => s + p.skills.length, 0) / distinct.length;
  const mentions =
    distinct.reduce((s, p) => s + p.skills.reduce((t, k) => t + k.mentions.length, 0), 0) / distinct.length;
  return {
    profiles: N,
    distinctProfiles: distinct.length,
    meanSkillsPerProfile: r2(skills),
    meanMentionsPerProfile: r2(mentions),
    role: role.id,
    requirements: role.requirements.length,
    rateMs: { median: r2(median(rate)), min: r2(Math.min(...rate)), max: r2(Math.max(...rate)), runs: rate.length },
    rateCpuMs: { median: r2(median(rateCpu)), min: r2(Math.min(...rateCpu)), runs: rateCpu.length },
    loadAverage: { before: loadBefore, after: loadavg().map(r2) },
    distinctObjects: true,
    nativesReplaced,
    rateAndOrderMs: { median: r2(median(rankMs)), runs: rankMs.length },
    targetMs: 250,
    meetsTarget: median(rate) <= 250,
    meetsTargetOnCpuTime: median(rateCpu) <= 250,
    explainedMatchMsPer100k: { median: r2(median(match)), measuredOn: M },
    profilesCarryEvidenceBits: summarised,
    profilesCarryOrdinals: withOrdinals,
    rateWithoutOrdinalsMs: { median: r2(median(unordered)), runs: unordered.length },
    rateFromJsonMsPer100k: { median: r2(median(storedRate)), measuredOn: M },
    rateWithoutEvidenceBitsMsPer100k: { median: r2(median(legacyRate)), measuredOn: M },
    usPerProfile: r3((median(rate) * 1000) / N),
    checksum: sink > 0,
  };
}

async function throughput(run, docs) {
  const t0 = performance.now();
  await run(docs);
  return docs.length / ((performance.now() - t0) / 1000);
}

async function poolBench(sm, quick) {
  const files = pdfFiles();
  if (files.length === 0) return { skipped: 'no PDFs found' };
  const count = quick ? 60 : 200;
  const docs = Array.from({ length: count }, (_, i) => files[i % files.length].bytes);
  const cores = availableParallelism();
  const runs = quick ? 2 : 3;
  const inProcess = async (list) => {
    for (const bytes of list) await sm.parseResume(bytes, { asOf: AS_OF, isolate: false });
  };
  const viaPool = (pool) => async (list) => {
    let next = 0;
    const lane = async () => {
      while (next < list.length) {
        const bytes = list[next++];
        await pool.parse(bytes, { asOf: AS_OF });
      }
    };
    await Promise.all(Array.from({ length: pool.size * 2 }, lane));
  };
  await inProcess(docs.slice(0, 10));
  const base = [];
  for (let r = 0; r < runs; r++) base.push(await throughput(inProcess, docs));
  const bySize = [];
  for (let size = 1; size <= cores; size++) {
    const pool = sm.createParsePool({ size });
    try {
      await viaPool(pool)(docs.slice(0, size * 4)); // warm every child
      const t = [];
      for (let r = 0; r < runs; r++) t.push(await throughput(viaPool(pool), docs));
      bySize.push({ workers: size, docsPerSecond: r2(median(t)), ratioToInProcess: r3(median(t) / median(base)) });
    } finally {
      const keepAlive = setInterval(() => undefined, 1000); // see createMatcher().close()
      await pool.close();
      clearInterval(keepAlive);
    }
  }
  const one = bySize[0];
  const all = bySize.at(-1);
  return {
    documents: count,
    distinctPdfs: files.length,
    cores,
    inProcessDocsPerSecond: r2(median(base)),
    bySize,
    oneWorkerRatio: one.ratioToInProcess,
    allWorkersRatio: all.ratioToInProcess,
    target: 'pool throughput ≥ 0.9 × in-process',
    meetsTarget: all.ratioToInProcess >= 0.9,
    speedUpPerAddedWorker: cores > 1 ? r3((all.docsPerSecond / one.docsPerSecond - 1) / (cores - 1)) : null,
  };
}

/** Runs in a child process of its own, so the other measurements do not pollute its RSS. */
async function rssChild(quick) {
  const sm = await loadPackage();
  const files = pdfFiles();
  const total = quick ? 500 : 2000;
  const matcher = sm.createMatcher();
  const samples = [];
  const sample = (done) => {
    const at = {
      done,
      rssMb: r2(process.memoryUsage().rss / 2 ** 20),
      heapMb: r2(process.memoryUsage().heapUsed / 2 ** 20),
    };
    // At each mark, the heap that survives a full collection: what the batch really retains.
    if (done > 0 && typeof globalThis.gc === 'function') {
      globalThis.gc();
      at.retainedHeapMb = r2(process.memoryUsage().heapUsed / 2 ** 20);
    }
    samples.push(at);
  };
  sample(0);
  const timer = setInterval(() => sample(-1), 50);
  let peak = 0;
  async function* inputs() {
    for (let i = 0; i < total; i++) yield { id: `doc-${i}`, data: files[i % files.length].bytes };
  }
  const t0 = performance.now();
  const ranking = await matcher.rank(inputs(), 'backend-developer', {
    asOf: AS_OF,
    top: 50,
    onProgress: ({ done }) => {
      if (done % 100 === 0) sample(done);
    },
  });
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(timer);
  await matcher.close();
  for (const s of samples) peak = Math.max(peak, s.rssMb);
  const marks = samples.filter((s) => s.done > 0);
  const early = marks.filter((s) => s.done <= total * 0.25).map((s) => s.rssMb);
  const late = marks.filter((s) => s.done >= total * 0.75).map((s) => s.rssMb);
  return {
    documents: total,
    ranked: ranking.results.length,
    errors: ranking.errors.length,
    seconds: r2(seconds),
    docsPerSecond: r2(total / seconds),
    peakRssMb: peak,
    rssAt: marks.map((s) => ({ done: s.done, rssMb: s.rssMb, heapMb: s.heapMb, retainedHeapMb: s.retainedHeapMb })),
    growthMb: early.length && late.length ? r2(median(late) - median(early)) : null,
    retainedHeapGrowthMb: r2(
      median(marks.filter((s) => s.done >= total * 0.75).map((s) => s.retainedHeapMb)) -
        median(marks.filter((s) => s.done <= total * 0.25).map((s) => s.retainedHeapMb)),
    ),
    target: 'peak RSS < 400 MB, no growth across the batch',
    meetsTarget: peak < 400,
  };
}

function rssInChild(quick) {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), ['--rss-child', ...(quick ? ['--quick'] : [])], {
      stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
      execArgv: ['--expose-gc'],
    });
    child.on('message', resolve);
    child.on('error', reject);
    child.on('exit', (code) => code !== 0 && reject(new Error(`rss child exited with ${code}`)));
  });
}

/** All three measurements; returns plain JSON. */
export async function runRankingSpeed({ quick = false, only = null } = {}) {
  const sm = await loadPackage();
  const out = {};
  if (!only || only === 'score') out.score100k = await score100k(sm, quick);
  if (!only || only === 'pool') out.pool = await poolBench(sm, quick);
  if (!only || only === 'rss') out.rss = await rssInChild(quick);
  return out;
}

const self = import.meta.url === pathToFileURL(process.argv[1] ?? '').href;
if (self && process.argv.includes('--rss-child')) {
  const result = await rssChild(process.argv.includes('--quick'));
  process.send(result);
  process.disconnect();
} else if (self) {
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length) ?? null;
  const result = await runRankingSpeed({ quick: process.argv.includes('--quick'), only });
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}
