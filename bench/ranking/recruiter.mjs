#!/usr/bin/env node
// Ranking on real résumés: the 307 dotin résumés, each graded 0–3 for the Back End Developer role by a
// recruiter who read it in full (../shared/data/recruiter-grades), ranked for the built-in
// `backend-developer` role in the product's own order (`matcher.rank`), beside TF-IDF cosine and BM25
// on the job description, computed in the same run:
//   - P@10 of grade 3 and of grade ≥ 2; NDCG@20 (gain 2^grade − 1); AUC of grade ≥ 2 against grade 0;
//   - score medians and quartiles per grade (how calibrated the scores are).
// Run alone: node bench/ranking/recruiter.mjs [--list=N]   (prints JSON; --list prints our top N)
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readDotin } from '../accuracy/extraction.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DATA = join(ROOT, '../shared/data');
const GRADES = join(DATA, 'recruiter-grades/backend-developer.csv');
const DOTIN = join(DATA, 'dotin-resume-ner-train/xml');
const JOB = join(ROOT, '../shared/seed/backend-developer-job-description.txt');
const require = createRequire(import.meta.url);
// Never `natural` whole: it reads the caller's .env, prints, and takes a second to load.
const TfIdf = require('natural/lib/natural/tfidf/tfidf.js');

const r4 = (x) => (Number.isFinite(x) ? Math.round(x * 10000) / 10000 : null);

/** RFC 4180 rows. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.length > 1 || r[0] !== '');
}

/** The graded résumés: `{ id, grade, reason, text }`, in file-number order. */
export function recruiterDocs() {
  const [header, ...rows] = parseCsv(readFileSync(GRADES, 'utf8'));
  const at = (name) => header.indexOf(name);
  return rows
    .map((r) => ({ id: r[at('file')], grade: Number(r[at('grade')]), reason: r[at('reason')] }))
    .sort((a, b) => Number(a.id) - Number(b.id))
    .map((d) => ({ ...d, text: readDotin(readFileSync(join(DOTIN, `${d.id}.xml`), 'utf8')).text }));
}

// ---------- baselines ----------

const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}+#.]*[\p{L}\p{N}+#]|[\p{L}\p{N}]/gu;
const STOP = new Set(
  'a an and are as at be by for from has have in is it its of on or that the their they this to was we were will with you your our'.split(
    ' ',
  ),
);
const terms = (text) => (text.toLowerCase().match(TOKEN) ?? []).filter((t) => !STOP.has(t));

/** Cosine of each document to the query, TF-IDF weights over the documents and the query (natural's TfIdf). */
export function tfidfScores(texts, query) {
  const tfidf = new TfIdf();
  for (const t of texts) tfidf.addDocument(t);
  tfidf.addDocument(query);
  const vector = (i) => new Map(tfidf.listTerms(i).map((t) => [t.term, t.tfidf]));
  const q = vector(texts.length);
  const qNorm = Math.sqrt([...q.values()].reduce((s, x) => s + x * x, 0));
  return texts.map((_, i) => {
    const d = vector(i);
    let dot = 0;
    for (const [term, w] of q) dot += w * (d.get(term) ?? 0);
    const dNorm = Math.sqrt([...d.values()].reduce((s, x) => s + x * x, 0));
    return dNorm === 0 || qNorm === 0 ? 0 : dot / (dNorm * qNorm);
  });
}

/** Okapi BM25 (k1 1.2, b 0.75) of each document for the query's distinct terms. */
export function bm25Scores(texts, query, k1 = 1.2, b = 0.75) {
  const docs = texts.map((t) => {
    const tf = new Map();
    const ts = terms(t);
    for (const term of ts) tf.set(term, (tf.get(term) ?? 0) + 1);
    return { tf, len: ts.length };
  });
  const avg = docs.reduce((s, d) => s + d.len, 0) / Math.max(1, docs.length);
  const df = new Map();
  for (const d of docs) for (const term of d.tf.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const q = [...new Set(terms(query))];
  return docs.map((d) => {
    let s = 0;
    for (const term of q) {
      const f = d.tf.get(term);
      if (!f) continue;
      const n = df.get(term);
      const idf = Math.log(1 + (docs.length - n + 0.5) / (n + 0.5));
      s += (idf * f * (k1 + 1)) / (f + k1 * (1 - b + (b * d.len) / avg));
    }
    return s;
  });
}

// ---------- metrics ----------

/** The figures of one ordering (`order`: indices into `grades`, best first). */
export function rankingFigures(order, grades, scoreOf = null) {
  const at10 = order.slice(0, 10);
  const gain = (g) => 2 ** g - 1;
  const dcg = (idx) => idx.slice(0, 20).reduce((s, i, r) => s + gain(grades[i]) / Math.log2(r + 2), 0);
  const ideal = [...grades.keys()].sort((a, b) => grades[b] - grades[a]);
  // AUC of grade ≥ 2 against grade 0 from positions: a pair is right when the ≥ 2 résumé comes first.
  const pos = new Map(order.map((i, r) => [i, r]));
  const hi = [...grades.keys()].filter((i) => grades[i] >= 2);
  const lo = [...grades.keys()].filter((i) => grades[i] === 0);
  let right = 0;
  for (const h of hi) for (const l of lo) right += pos.get(h) < pos.get(l) ? 1 : 0;
  const out = {
    p10Grade3: r4(at10.filter((i) => grades[i] === 3).length / 10),
    p10Grade2Plus: r4(at10.filter((i) => grades[i] >= 2).length / 10),
    ndcg20: r4(dcg(order) / dcg(ideal)),
    auc: r4(right / (hi.length * lo.length)),
  };
  if (scoreOf) out.byGrade = gradeQuartiles(grades, scoreOf);
  return out;
}

function quantile(sorted, q) {
  if (sorted.length === 0) return null;
  const x = (sorted.length - 1) * q;
  const lo = Math.floor(x);
  const hi = Math.ceil(x);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (x - lo);
}

/** Median and quartiles of the scores per grade. */
export function gradeQuartiles(grades, scoreOf) {
  const out = {};
  for (const g of [3, 2, 1, 0]) {
    const s = [...grades.keys()]
      .filter((i) => grades[i] === g)
      .map(scoreOf)
      .sort((a, b) => a - b);
    out[`grade${g}`] = {
      n: s.length,
      q1: r4(quantile(s, 0.25)),
      median: r4(quantile(s, 0.5)),
      q3: r4(quantile(s, 0.75)),
    };
  }
  return out;
}

/** Indices ordered by score (ties by input order). */
const orderBy = (scores) => [...scores.keys()].sort((a, b) => scores[b] - scores[a] || a - b);

async function loadPackage() {
  const entry = join(ROOT, 'dist/esm/index.js');
  if (!existsSync(entry)) throw new Error('dist/esm/index.js is missing: run `npm run build` first');
  return import(pathToFileURL(entry).href);
}

/**
 * Ranks the graded résumés for `backend-developer` with the product and both baselines.
 * `asOf` is fixed so the figures do not move with the calendar. The résumés are an archive (their latest
 * written months run from the 2000s to 2019) with no date of receipt, so they are ranked as an ATS re-ranks
 * its stored résumés: `documentDate: 'estimate'` ("present" is a year after the latest month a résumé
 * writes). `asOfPresent` is the same ranking with "present" read as `asOf`, as for résumés that arrive now:
 * on this archive it credits every current job with the years since the résumé was written.
 */
export async function runRecruiterRanking({ list = 0 } = {}) {
  if (!existsSync(GRADES) || !existsSync(DOTIN)) return { skipped: `${GRADES} is absent` };
  const sm = await loadPackage();
  const docs = recruiterDocs();
  const grades = docs.map((d) => d.grade);
  const job = readFileSync(JOB, 'utf8');
  const matcher = sm.createMatcher();
  const inputs = docs.map((d, i) => ({ id: String(i), data: d.text }));
  const t0 = performance.now();
  const ranking = await matcher.rank(inputs, 'backend-developer', {
    isolate: false,
    asOf: '2026-12',
    documentDate: 'estimate',
  });
  const ms = performance.now() - t0;
  const atAsOf = await matcher.rank(inputs, 'backend-developer', { isolate: false, asOf: '2026-12' });
  await matcher.close();
  const scoreAtAsOf = new Array(docs.length).fill(0);
  for (const r of atAsOf.results) scoreAtAsOf[Number(r.id)] = r.score;
  const order = ranking.results.map((r) => Number(r.id));
  const score = new Array(docs.length).fill(0);
  for (const r of ranking.results) score[Number(r.id)] = r.score;
  const tf = tfidfScores(
    docs.map((d) => d.text),
    job,
  );
  const bm = bm25Scores(
    docs.map((d) => d.text),
    job,
  );
  const result = {
    documents: docs.length,
    grades: {
      3: grades.filter((g) => g === 3).length,
      2: grades.filter((g) => g === 2).length,
      1: grades.filter((g) => g === 1).length,
      0: grades.filter((g) => g === 0).length,
    },
    errors: ranking.errors.length,
    rankMs: Math.round(ms),
    ours: rankingFigures(order, grades, (i) => score[i]),
    asOfPresent: rankingFigures(
      atAsOf.results.map((r) => Number(r.id)),
      grades,
      (i) => scoreAtAsOf[i],
    ),
    tfidf: rankingFigures(orderBy(tf), grades),
    bm25: rankingFigures(orderBy(bm), grades),
  };
  if (list > 0) {
    result.top = ranking.results.slice(0, list).map((r) => ({
      rank: r.rank,
      file: docs[Number(r.id)].id,
      grade: docs[Number(r.id)].grade,
      score: r.score,
      mustHavesMet: r.mustHavesMet,
      reason: docs[Number(r.id)].reason,
    }));
  }
  return result;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const listArg = process.argv.find((a) => a.startsWith('--list='));
  const out = await runRecruiterRanking({ list: listArg ? Number(listArg.slice(7)) : 0 });
  console.log(JSON.stringify(out, null, 2));
}
