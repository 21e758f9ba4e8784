import { pdfCorpus, ROOT } from './corpus.mjs';

const total = Number(process.argv[2] ?? 2000);
const sm = await import(`${ROOT}dist/esm/index.js`);
const pdfs = pdfCorpus();
const role = sm.getBuiltinRole('backend-developer');
const extractor = sm.createExtractor();
const scorer = sm.createScorer(role);
const mb = (n) => Math.round((n / 1048576) * 10) / 10;

let peakRss = 0;
const samples = [];
let baselineHeap = 0;
for (let i = 0; i < total; i++) {
  const d = pdfs[i % pdfs.length];
  const doc = await sm.parseResume(d.bytes, { filename: d.name });
  scorer.rate(extractor.extract(doc));
  const rss = process.memoryUsage.rss();
  if (rss > peakRss) peakRss = rss;
  if (i === Math.min(99, total - 1)) {
    global.gc();
    baselineHeap = process.memoryUsage().heapUsed;
  }
  if ((i + 1) % Math.max(1, Math.floor(total / 10)) === 0) {
    global.gc();
    samples.push({
      documents: i + 1,
      rssMb: mb(process.memoryUsage.rss()),
      heapUsedMb: mb(process.memoryUsage().heapUsed),
    });
  }
}
global.gc();
const endHeap = process.memoryUsage().heapUsed;
process.send({ documents: total, peakRssMb: mb(peakRss), heapGrowthMb: mb(endHeap - baselineHeap), samples }, () =>
  process.exit(0),
);
