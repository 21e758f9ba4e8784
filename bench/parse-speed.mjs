// Parse speed: documents per second through `parseResume` (in-process) next to bare pdf-parse and
// mammoth calls on the same files, in the same run. Warm-up, then several timed runs; medians.
// The ratio is the cost of what skillmatch adds (pre-checks, layout, sections, timeline).
//
//   npm run build && node bench/parse-speed.mjs [--runs 5] [--json out.json]
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import mammoth from 'mammoth';
import { parseResume } from '../dist/esm/index.js';

const DATA = new URL('../../shared/data/', import.meta.url);
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : fallback;
};
const RUNS = Number(option('--runs', 5));
const JSON_OUT = option('--json', null);

function files(dir, ext) {
  const url = new URL(dir, DATA);
  if (!existsSync(url)) return [];
  return readdirSync(url)
    .filter((f) => f.endsWith(ext))
    .sort()
    .map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(new URL(f, url))) }));
}

// pdf-parse is imported only after our parse stage has loaded it: the stage snapshots the built-ins
// before pdf.js's bundled core-js replaces them (src/parse/builtins.ts). Imported at the top, pdf.js
// would load first and leave slow polyfills of Array.prototype.push and JSON.parse in this process.
let pdfParse;
async function barePdf(bytes) {
  const { PDFParse } = await (pdfParse ??= import('pdf-parse'));
  const parser = new PDFParse({ data: bytes.slice() });
  try {
    return (await parser.getText()).text.length;
  } finally {
    await parser.destroy();
  }
}

async function bareDocx(bytes) {
  return (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value.length;
}

async function ours(bytes, name) {
  return (await parseResume(bytes, { filename: name })).text.length;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

async function timed(fn, file) {
  const started = performance.now();
  await fn(file.bytes, file.name);
  return performance.now() - started;
}

async function measure(label, set, bare) {
  if (set.length === 0) return { label, files: 0, skipped: 'no files (../shared/data absent)' };
  // Warm-up: JIT, pdf.js fake worker, font caches.
  for (const file of set) {
    await ours(file.bytes, file.name);
    await bare(file.bytes, file.name);
  }
  const bareRates = [];
  const ourRates = [];
  for (let run = 0; run < RUNS; run++) {
    // Both sides run file by file, in alternating order, so a change in machine load hits both alike.
    let bareMs = 0;
    let ourMs = 0;
    for (const [index, file] of set.entries()) {
      if ((index + run) % 2 === 0) {
        bareMs += await timed(bare, file);
        ourMs += await timed(ours, file);
      } else {
        ourMs += await timed(ours, file);
        bareMs += await timed(bare, file);
      }
    }
    bareRates.push((set.length * 1000) / bareMs);
    ourRates.push((set.length * 1000) / ourMs);
  }
  // Extra time per document relative to the bare library call (0.15 = 15% slower), paired within each run.
  const overheadPerRun = bareRates.map((rate, k) => rate / ourRates[k] - 1);
  return {
    label,
    files: set.length,
    runs: RUNS,
    bareDocsPerSecond: Number(median(bareRates).toFixed(2)),
    parseResumeDocsPerSecond: Number(median(ourRates).toFixed(2)),
    overhead: Number(median(overheadPerRun).toFixed(4)),
    overheadPerRun: overheadPerRun.map((value) => Number(value.toFixed(4))),
  };
}

const pdfs = [...files('resume-pdf-variety/files/', '.pdf'), ...files('synthetic-resumes/pdf/', '.pdf')];
const docxs = [...files('vanetik-vacancy-resume/CV/', '.docx'), ...files('synthetic-resumes/docx/', '.docx')];
if (pdfs.length + docxs.length === 0) console.warn(`No data under ${DATA.pathname}: nothing to measure.`);

const summary = {
  suite: 'parse-speed',
  node: process.version,
  target: 'overhead ≤ 0.15 over bare pdf-parse / mammoth',
  pdf: await measure('pdf', pdfs, barePdf),
  docx: await measure('docx', docxs, bareDocx),
};
console.log(JSON.stringify(summary, null, 2));
if (JSON_OUT) writeFileSync(JSON_OUT, `${JSON.stringify(summary, null, 2)}\n`);
