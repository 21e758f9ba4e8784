// Per-stage speed, each figure beside the bare library it builds on, measured in the same run
// and interleaved run by run so machine drift hits both sides alike.
import { availableParallelism } from 'node:os';
import mammoth from 'mammoth';
import { summarise, time, median, round } from '../lib/stats.mjs';
import { pdfCorpus, docxCorpus } from './corpus.mjs';
import { runExtractionSpeed } from '../accuracy/extraction-speed.mjs';

// pdf-parse is imported only after our parse stage has loaded it: the stage snapshots the built-ins
// before pdf.js's bundled core-js replaces them (src/parse/builtins.ts). Imported at the top, pdf.js
// would load first and leave slow polyfills of Array.prototype.push and JSON.parse in this process.
let pdfParse;
async function barePdf(bytes) {
  const { PDFParse } = await (pdfParse ??= import('pdf-parse'));
  const parser = new PDFParse({ data: bytes.slice() });
  try {
    await parser.getText();
  } finally {
    await parser.destroy();
  }
}

async function bareDocx(bytes) {
  await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
}

/** Runs `ours` and `bare` over `docs` for `runs` measured rounds after one warm-up round. */
async function versus(docs, runs, ours, bare) {
  const oursMs = [];
  const bareMs = [];
  for (let r = -1; r < runs; r++) {
    const o = await time(async () => {
      for (const d of docs) await ours(d);
    });
    const b = await time(async () => {
      for (const d of docs) await bare(d);
    });
    if (r >= 0) {
      oursMs.push(o / docs.length);
      bareMs.push(b / docs.length);
    }
  }
  const ours_ = summarise(oursMs);
  const bare_ = summarise(bareMs);
  return {
    documents: docs.length,
    msPerDoc: ours_,
    docsPerSecond: round(1000 / ours_.median, 1),
    bareMsPerDoc: bare_,
    bareDocsPerSecond: round(1000 / bare_.median, 1),
    // Ratio of medians of per-run ratios would hide drift; per-run pairing is already interleaved.
    ratioToBare: round(median(oursMs.map((o, i) => o / bareMs[i])), 3),
  };
}

export async function runSpeed(sm, { quick }) {
  const runs = quick ? 2 : 5;
  const pdfs = pdfCorpus().slice(0, quick ? 8 : undefined);
  const docxs = docxCorpus().slice(0, quick ? 8 : undefined);
  const role = sm.getBuiltinRole('backend-developer');
  const out = { runs, cores: availableParallelism() };

  out.parsePdf = await versus(
    pdfs,
    runs,
    (d) => sm.parseResume(d.bytes, { filename: d.name }),
    (d) => barePdf(d.bytes),
  );
  out.parseDocx = await versus(
    docxs,
    runs,
    (d) => sm.parseResume(d.bytes, { filename: d.name }),
    (d) => bareDocx(d.bytes),
  );

  const docs = [];
  for (const d of [...pdfs, ...docxs]) docs.push(await sm.parseResume(d.bytes, { filename: d.name }));
  const extractor = sm.createExtractor();
  const reps = quick ? 20 : 100;
  const extractMs = [];
  for (let r = -1; r < runs; r++) {
    const ms = await time(() => {
      for (let i = 0; i < reps; i++) for (const doc of docs) extractor.extract(doc);
    });
    if (r >= 0) extractMs.push(ms / (reps * docs.length));
  }
  const meanChars = docs.reduce((s, d) => s + d.text.length, 0) / docs.length;
  out.extract = {
    documents: docs.length,
    meanTextChars: Math.round(meanChars),
    msPerDoc: summarise(extractMs),
    docsPerSecond: round(1000 / median(extractMs), 1),
    ratioToBarePdfParse: round(median(extractMs) / out.parsePdf.bareMsPerDoc.median, 4),
  };
  // The mean above is pulled up by the few documents that need part-of-speech tagging; the typical
  // document is read from per-document medians (each document timed alone, rounds interleaved).
  const perDoc = docs.map(() => []);
  for (let r = 0; r < (quick ? 9 : 31); r++) {
    docs.forEach((doc, i) => {
      const t = performance.now();
      extractor.extract(doc);
      perDoc[i].push(performance.now() - t);
    });
  }
  const docMedians = perDoc.map((xs) => median(xs));
  const typical = docMedians.filter((_, i) => docs[i].text.length >= 3000 && docs[i].text.length < 4000);
  out.extract.perDocMedianMs = {
    median: round(median(docMedians), 3),
    mean: round(docMedians.reduce((s, x) => s + x, 0) / docMedians.length, 3),
    max: round(Math.max(...docMedians), 3),
  };
  out.extract.perDocMedianMs3to4KB =
    typical.length > 0
      ? { documents: typical.length, median: round(median(typical), 3), max: round(Math.max(...typical), 3) }
      : null;
  // Issue 4's own figure: one typical 3.4 KB résumé, median of 300 extractions after warm-up, beside
  // the time to parse the same résumé from its PDF.
  out.extractTypicalResume = await runExtractionSpeed({ quick });
  // Issue 11's hostile lines are timed in a process of their own (suite `speed/hostile`, see bench/run.mjs).

  const profiles = docs.map((doc) => extractor.extract(doc));
  const scorer = sm.createScorer(role);
  const scoreReps = quick ? 200 : 2000;
  const scoreMs = [];
  for (let r = -1; r < runs; r++) {
    const ms = await time(() => {
      for (let i = 0; i < scoreReps; i++) for (const p of profiles) scorer.rate(p);
    });
    if (r >= 0) scoreMs.push(ms / (scoreReps * profiles.length));
  }
  out.score = {
    profiles: profiles.length,
    msPerProfile: summarise(scoreMs),
    profilesPerSecond: round(1000 / median(scoreMs), 0),
  };

  // Rank stage on parsed documents (extract + score + order), in process.
  const matcher = sm.createMatcher();
  const rankMs = [];
  for (let r = -1; r < runs; r++) {
    const ms = await time(() => matcher.rank(docs, role, { isolate: false }));
    if (r >= 0) rankMs.push(ms / docs.length);
  }
  await matcher.close();
  out.rank = { documents: docs.length, msPerDoc: summarise(rankMs), docsPerSecond: round(1000 / median(rankMs), 1) };

  return out;
}
