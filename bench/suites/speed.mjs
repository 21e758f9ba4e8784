// Per-stage speed, each figure beside the bare library it builds on, measured in the same run
// and interleaved run by run so machine drift hits both sides alike.
import { availableParallelism } from 'node:os';
import { PDFParse } from 'pdf-parse';
import mammoth from 'mammoth';
import { summarise, time, median, round } from '../lib/stats.mjs';
import { pdfCorpus, docxCorpus } from './corpus.mjs';

async function barePdf(bytes) {
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

  out.parsePdf = await versus(pdfs, runs, (d) => sm.parseResume(d.bytes, { filename: d.name }), (d) => barePdf(d.bytes));
  out.parseDocx = await versus(docxs, runs, (d) => sm.parseResume(d.bytes, { filename: d.name }), (d) => bareDocx(d.bytes));

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
  out.extract = { documents: docs.length, meanTextChars: Math.round(meanChars), msPerDoc: summarise(extractMs), docsPerSecond: round(1000 / median(extractMs), 1), ratioToBarePdfParse: round(median(extractMs) / out.parsePdf.bareMsPerDoc.median, 4) };

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
  out.score = { profiles: profiles.length, msPerProfile: summarise(scoreMs), profilesPerSecond: round(1000 / median(scoreMs), 0) };

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
