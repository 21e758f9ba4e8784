// How time grows with the number of candidates and with document length, with a fitted
// log-log slope per curve (1 = linear) so a super-linear step shows up.
import PDFDocument from 'pdfkit';
import { summarise, time, round, logLogSlope, seededRandom } from '../lib/stats.mjs';
import { pdfCorpus } from './corpus.mjs';

const TECH = [
  'Node.js',
  'PostgreSQL',
  'Redis',
  'Docker',
  'Kubernetes',
  'TypeScript',
  'Python',
  'Django',
  'AWS Lambda',
  'Kafka',
  'GraphQL',
  'REST APIs',
  'Terraform',
  'Java',
  'Spring Boot',
  'MongoDB',
  'React',
  'CI/CD',
  'Jenkins',
  'gRPC',
];
const VERBS = ['Built', 'Designed', 'Maintained', 'Migrated', 'Optimised', 'Led', 'Automated', 'Scaled'];
const THINGS = [
  'a billing service',
  'the order pipeline',
  'an internal API gateway',
  'search indexing',
  'the reporting backend',
  'event ingestion',
  'authentication flows',
  'nightly ETL jobs',
];

/** A résumé PDF of exactly `pages` pages of dated experience, generated from a seed. */
export function makeResumePdf(pages, seed = 1) {
  const rand = seededRandom(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { CreationDate: new Date(0) } });
  const chunks = [];
  doc.on('data', (c) => chunks.push(c));
  const done = new Promise((resolve) => doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks)))));
  doc.fontSize(18).text('Alex Example');
  doc.fontSize(10).text('Back-end engineer').moveDown();
  doc.fontSize(13).text('Professional Experience').moveDown(0.3);
  let year = 2025;
  for (let page = 0; page < pages; page++) {
    if (page > 0) doc.addPage();
    for (let entry = 0; entry < 3; entry++) {
      const start = year - 2;
      doc.fontSize(11).text(`Senior Engineer, Company ${page}-${entry} — Jan ${start} – Dec ${year}`);
      for (let b = 0; b < 6; b++)
        doc.fontSize(10).text(`• ${pick(VERBS)} ${pick(THINGS)} with ${pick(TECH)} and ${pick(TECH)}.`);
      doc.moveDown(0.5);
      year = start - 1;
    }
  }
  doc.end();
  return done;
}

function copyProfile(p) {
  return {
    ...p,
    skills: p.skills.map((k) => ({
      ...k,
      mentions: k.mentions.map((m) => ({ ...m, span: { ...m.span } })),
      implied: k.implied.map((x) => ({ ...x })),
    })),
  };
}

export async function runScale(sm, { quick }) {
  const role = sm.getBuiltinRole('backend-developer');
  const extractor = sm.createExtractor();
  const base = [];
  for (const d of pdfCorpus().slice(0, 12))
    base.push(extractor.extract(await sm.parseResume(d.bytes, { filename: d.name })));
  const scorer = sm.createScorer(role);

  const sizes = quick ? [1_000, 10_000] : [1_000, 10_000, 100_000];
  const candidates = [];
  for (const n of sizes) {
    // Distinct objects (not the same dozen reused), so the curve measures real memory traffic.
    const profiles = Array.from({ length: n }, (_, i) => copyProfile(base[i % base.length]));
    const runs = n >= 100_000 ? 3 : 5;
    const ms = [];
    for (let r = -1; r < runs; r++) {
      const t = await time(() => {
        const scored = profiles.map((p, i) => ({ i, s: scorer.rate(p).score }));
        scored.sort((a, b) => b.s - a.s || a.i - b.i);
      });
      if (r >= 0) ms.push(t);
    }
    candidates.push({ n, ms: summarise(ms) });
  }

  const pageCounts = quick ? [1, 5, 15] : [1, 2, 5, 10, 20, 30];
  const pages = [];
  for (const n of pageCounts) {
    const bytes = await makeResumePdf(n, n);
    const parseMs = [];
    const extractMs = [];
    for (let r = -1; r < 3; r++) {
      let doc;
      const p = await time(async () => {
        doc = await sm.parseResume(bytes, { filename: `pages-${n}.pdf` });
      });
      const e = await time(() => extractor.extract(doc));
      if (r >= 0) {
        parseMs.push(p);
        extractMs.push(e);
      }
    }
    pages.push({ pages: n, bytes: bytes.length, parseMs: summarise(parseMs), extractMs: summarise(extractMs) });
  }

  return {
    candidates: {
      points: candidates,
      slope: round(logLogSlope(candidates.map((c) => ({ x: c.n, y: c.ms.median }))), 3),
      msPer100k: round((candidates.at(-1).ms.median * 100_000) / candidates.at(-1).n, 1),
    },
    documentLength: {
      points: pages,
      parseSlope: round(logLogSlope(pages.map((p) => ({ x: p.pages, y: p.parseMs.median }))), 3),
      extractSlope: round(logLogSlope(pages.map((p) => ({ x: p.pages, y: p.extractMs.median }))), 3),
    },
  };
}
