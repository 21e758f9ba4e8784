#!/usr/bin/env node
// Ranking quality, on the built package (dist/esm/index.js), beside a TF-IDF-cosine baseline
// (natural's TfIdf, imported by deep path only) computed in the same run:
//   - scenarios: fixtures/rankings/* — NDCG, Spearman and pairwise accuracy against the expected order;
//   - vanetik: ../shared/data/vanetik-vacancy-resume — all 65 CVs ranked against vacancy 4
//     ("Backend Software Developer", a role made by roleFromJobDescription from its text), top 10
//     with reasons; and, per annotated CV, our ordering of the five vacancies against each
//     annotator's (Spearman), under both readings of the annotation arrays (see its SOURCE.md).
// Run alone: node bench/ranking/run.mjs [--quick]   (prints JSON)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runRecruiterRanking } from './recruiter.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DATA = join(ROOT, '../shared/data');
const VANETIK = join(DATA, 'vanetik-vacancy-resume');
const require = createRequire(import.meta.url);
// Never `natural` whole: it reads the caller's .env, prints, and takes a second to load.
const TfIdf = require('natural/lib/natural/tfidf/tfidf.js');

async function loadPackage() {
  const entry = join(ROOT, 'dist/esm/index.js');
  if (!existsSync(entry)) throw new Error('dist/esm/index.js is missing: run `npm run build` first');
  return import(pathToFileURL(entry).href);
}

// ---------- metrics ----------

/** Average ranks (1-based) of values, ties sharing their mean rank; `higherFirst` ranks big values first. */
export function ranks(values, higherFirst = true) {
  const order = values.map((v, i) => [v, i]).sort((a, b) => (higherFirst ? b[0] - a[0] : a[0] - b[0]));
  const out = new Array(values.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1][0] === order[i][0]) j++;
    const avg = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) out[order[k][1]] = avg;
    i = j + 1;
  }
  return out;
}

/** Spearman's rho as the Pearson correlation of (tie-averaged) ranks; NaN when a side is constant. */
export function spearman(a, b) {
  const n = a.length;
  const ma = a.reduce((s, x) => s + x, 0) / n;
  const mb = b.reduce((s, x) => s + x, 0) / n;
  let num = 0;
  let da = 0;
  let db = 0;
  for (let i = 0; i < n; i++) {
    num += (a[i] - ma) * (b[i] - mb);
    da += (a[i] - ma) ** 2;
    db += (b[i] - mb) ** 2;
  }
  return da === 0 || db === 0 ? Number.NaN : num / Math.sqrt(da * db);
}

/** NDCG of a produced order, with graded relevance from the ideal order (first = n, last = 1). */
export function ndcg(producedIds, idealIds, k = idealIds.length) {
  const rel = new Map(idealIds.map((id, i) => [id, idealIds.length - i]));
  const dcg = (ids) => ids.slice(0, k).reduce((s, id, i) => s + (2 ** (rel.get(id) ?? 0) - 1) / Math.log2(i + 2), 0);
  const ideal = dcg(idealIds);
  return ideal === 0 ? 0 : dcg(producedIds) / ideal;
}

/** Share of the ideal order's pairs that the produced scores order the same way (a tie counts half). */
export function pairwiseAccuracy(scores, idealIds) {
  let agree = 0;
  let pairs = 0;
  for (let i = 0; i < idealIds.length; i++) {
    for (let j = i + 1; j < idealIds.length; j++) {
      const a = scores.get(idealIds[i]);
      const b = scores.get(idealIds[j]);
      pairs++;
      if (a > b) agree++;
      else if (a === b) agree += 0.5;
    }
  }
  return pairs === 0 ? 1 : agree / pairs;
}

const mean = (xs) => {
  const ok = xs.filter((x) => Number.isFinite(x));
  return ok.length === 0 ? Number.NaN : ok.reduce((s, x) => s + x, 0) / ok.length;
};
const r4 = (x) => (Number.isFinite(x) ? Math.round(x * 10000) / 10000 : null);

// ---------- TF-IDF baseline ----------

/** Cosine similarity of each document to the query, with TF-IDF weights over documents + query. */
export function tfidfCosine(documents, query) {
  const tfidf = new TfIdf();
  for (const doc of documents) tfidf.addDocument(doc);
  tfidf.addDocument(query);
  const vector = (i) => new Map(tfidf.listTerms(i).map((t) => [t.term, t.tfidf]));
  const q = vector(documents.length);
  const qNorm = Math.sqrt([...q.values()].reduce((s, x) => s + x * x, 0));
  return documents.map((_, i) => {
    const d = vector(i);
    let dot = 0;
    for (const [term, w] of q) dot += w * (d.get(term) ?? 0);
    const dNorm = Math.sqrt([...d.values()].reduce((s, x) => s + x * x, 0));
    return dNorm === 0 || qNorm === 0 ? 0 : dot / (dNorm * qNorm);
  });
}

/** The text a role gives the baseline: its description or requirement labels and skill names. */
function roleText(role, taxonomy) {
  const names = new Map(taxonomy.skills.map((s) => [s.id, s.name]));
  const parts = [role.title, role.description ?? ''];
  for (const q of role.requirements) {
    if ('skill' in q) parts.push(names.get(q.skill) ?? q.skill);
    else if ('anyOf' in q) parts.push(q.anyOf.map((id) => names.get(id) ?? id).join(' '));
    else parts.push(q.category.replace(/-/g, ' '));
  }
  return parts.join('\n');
}

// ---------- scenarios ----------

async function scenarioSet(sm, matcher) {
  const dir = join(ROOT, 'fixtures/rankings');
  const per = [];
  for (const name of readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()) {
    const sdir = join(dir, name);
    const expected = JSON.parse(readFileSync(join(sdir, 'expected.json'), 'utf8'));
    const spec = JSON.parse(readFileSync(join(sdir, 'role.json'), 'utf8'));
    let role;
    let queryText;
    let jobFile = null;
    if (spec.builtin) role = sm.getBuiltinRole(spec.builtin);
    else if (spec.jobDescription) {
      jobFile = spec.jobDescription;
      queryText = readFileSync(join(sdir, jobFile), 'utf8');
      role = sm.roleFromJobDescription(queryText);
    } else role = spec;
    queryText ??= roleText(role, sm.builtinTaxonomy());
    const files = readdirSync(sdir)
      .filter((f) => /\.(txt|md)$/.test(f) && f !== jobFile)
      .sort();
    const ranking = await matcher.rank(
      files.map((f) => ({ id: f, data: readFileSync(join(sdir, f), 'utf8') })),
      role,
      { asOf: expected.asOf, isolate: false },
    );
    const ours = ranking.results.map((r) => r.id);
    const ourScores = new Map(ranking.results.map((r) => [r.id, (r.mustHavesMet ? 1000 : 0) + r.score]));
    const ideal = expected.order;
    const texts = ideal.map((f) => readFileSync(join(sdir, f), 'utf8'));
    const cos = tfidfCosine(texts, queryText);
    const baseScores = new Map(ideal.map((f, i) => [f, cos[i]]));
    const baseOrder = [...ideal].sort((a, b) => baseScores.get(b) - baseScores.get(a) || (a < b ? -1 : 1));
    const idealRanks = ideal.map((_, i) => i + 1);
    const rankIn = (order) => ideal.map((f) => order.indexOf(f) + 1);
    per.push({
      scenario: name,
      expected: ideal,
      ours: {
        order: ours,
        ndcg: r4(ndcg(ours, ideal)),
        spearman: r4(spearman(rankIn(ours), idealRanks)),
        pairwiseAccuracy: r4(pairwiseAccuracy(ourScores, ideal)),
        exact: JSON.stringify(ours) === JSON.stringify(ideal),
      },
      baseline: {
        order: baseOrder,
        ndcg: r4(ndcg(baseOrder, ideal)),
        spearman: r4(spearman(rankIn(baseOrder), idealRanks)),
        pairwiseAccuracy: r4(pairwiseAccuracy(baseScores, ideal)),
        exact: JSON.stringify(baseOrder) === JSON.stringify(ideal),
      },
    });
  }
  const agg = (side) => ({
    ndcg: r4(mean(per.map((p) => p[side].ndcg))),
    spearman: r4(mean(per.map((p) => p[side].spearman))),
    pairwiseAccuracy: r4(mean(per.map((p) => p[side].pairwiseAccuracy))),
    exactOrders: per.filter((p) => p[side].exact).length,
  });
  return {
    scenarios: per.length,
    ours: agg('ours'),
    baseline: { name: 'TF-IDF cosine (natural)', ...agg('baseline') },
    perScenario: per,
  };
}

// ---------- vanetik ----------

/** RFC 4180 CSV (quoted fields with commas, quotes and newlines). */
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

/** Annotation array → rank of each vacancy (1 = best), under one reading. */
function annotationRanks(array, reading) {
  if (reading === 'rank') return array.slice(0, 5);
  // Order reading: array[i] is the vacancy at place i + 1; a vacancy listed twice keeps its first place, one never listed shares the last.
  return [1, 2, 3, 4, 5].map((v) => {
    const at = array.indexOf(v);
    return at < 0 ? 5 : at + 1;
  });
}

async function vanetikSet(sm, matcher, quick) {
  if (!existsSync(VANETIK)) return { skipped: `${VANETIK} is absent` };
  const AS_OF = '2023-08'; // the dataset's date: recency is measured from when the CVs were written
  const rows = parseCsv(readFileSync(join(VANETIK, '5_vacancies.csv'), 'utf8'));
  const header = rows[0];
  const vacancies = rows.slice(1).map((r, i) => ({
    index: i + 1,
    id: r[header.indexOf('id')],
    title: r[header.indexOf('job_title')],
    text: r[header.indexOf('job_description')],
  }));
  const roles = vacancies.map((v) => {
    const role = sm.roleFromJobDescription(`${v.title}\n\n${v.text}`);
    return { ...role, id: `vacancy-${v.index}`, title: v.title };
  });
  const annotations = JSON.parse(readFileSync(join(VANETIK, 'derived/annotations.json'), 'utf8'));
  const cvIds = Array.from({ length: 65 }, (_, i) => i + 1);
  const profiles = new Map();
  const texts = new Map();
  const failures = [];
  for (const k of cvIds) {
    const bytes = new Uint8Array(readFileSync(join(VANETIK, 'CV', `${k}.docx`)));
    try {
      const doc = await matcher.parse(bytes, { asOf: AS_OF, filename: `${k}.docx` });
      texts.set(k, doc.text);
      profiles.set(k, await matcher.extract(doc, { asOf: AS_OF }));
    } catch (error) {
      failures.push({ cv: k, code: error.code ?? 'error', message: error.message });
    }
  }

  // 1. All CVs against vacancy 4 (Backend Software Developer).
  const v4 = roles[3];
  const ranking = await matcher.rank(
    [...profiles].map(([k, p]) => ({ id: `${k}.docx`, data: p })),
    v4,
    { asOf: AS_OF },
  );
  const top10 = ranking.results.slice(0, 10).map((r) => ({
    rank: r.rank,
    cv: r.id,
    score: r.score,
    mustHavesMet: r.mustHavesMet,
    matched: r.match.requirements.filter((q) => q.status !== 'missing').map((q) => q.label),
    summary: r.match.summary,
  }));
  const okIds = [...texts.keys()];
  const cosV4 = tfidfCosine(
    okIds.map((k) => texts.get(k)),
    `${vacancies[3].title}\n${vacancies[3].text}`,
  );
  const baselineTop10 = okIds
    .map((k, i) => ({ cv: `${k}.docx`, cosine: r4(cosV4[i]) }))
    .sort((a, b) => b.cosine - a.cosine)
    .slice(0, 10);

  // 2. Per annotated CV: our ordering of the five vacancies vs each annotator's.
  const scorers = roles.map((role) => sm.createScorer(role, { asOf: AS_OF }));
  const tfidf = new TfIdf();
  for (const k of okIds) tfidf.addDocument(texts.get(k));
  const vStart = okIds.length;
  for (const v of vacancies) tfidf.addDocument(`${v.title}\n${v.text}`);
  const vec = (i) => new Map(tfidf.listTerms(i).map((t) => [t.term, t.tfidf]));
  const norm = (m) => Math.sqrt([...m.values()].reduce((s, x) => s + x * x, 0));
  const vacancyVectors = vacancies.map((_, j) => vec(vStart + j));
  const cosine = (a, b) => {
    let dot = 0;
    for (const [t, w] of a) dot += w * (b.get(t) ?? 0);
    const n = norm(a) * norm(b);
    return n === 0 ? 0 : dot / n;
  };
  // Scores of different roles are not on one scale (a 30-requirement role scores everyone lower
  // than an 8-requirement one), so a variant compares vacancies by where the CV stands among all
  // 65 CVs for each vacancy (its percentile), which removes each role's difficulty.
  const rated = new Map(
    [...profiles].map(([k, p]) => [
      k,
      scorers.map((s) => {
        const r = s.rate(p);
        return (r.mustHavesMet ? 1000 : 0) + r.score;
      }),
    ]),
  );
  const percentile = new Map(
    [...rated.keys()].map((k) => [
      k,
      [0, 1, 2, 3, 4].map((v) => {
        const mine = rated.get(k)[v];
        let below = 0;
        let same = 0;
        for (const other of rated.values()) {
          if (other[v] < mine) below++;
          else if (other[v] === mine) same++;
        }
        return (below + same / 2) / rated.size;
      }),
    ]),
  );
  const detail = [];
  const sums = {};
  for (const annotator of ['annotator_1', 'annotator_2']) {
    for (const [key, array] of Object.entries(annotations[annotator] ?? {})) {
      const k = Number(key);
      if (!profiles.has(k)) continue;
      const ourScores = rated.get(k);
      const ourPercentiles = percentile.get(k);
      const cvVec = vec(okIds.indexOf(k));
      const baseScores = vacancyVectors.map((v) => cosine(cvVec, v));
      const row = {
        cv: k,
        annotator,
        annotation: array,
        ours: ourScores.map((x) => r4(x % 1000)),
        baseline: baseScores.map(r4),
      };
      for (const reading of ['rank', 'order']) {
        const human = annotationRanks(array, reading);
        const rhoOurs = spearman(ranks(ourScores), human);
        const rhoPct = spearman(ranks(ourPercentiles), human);
        // Without the must-have gate: a role that asks for little (vacancy 5 requires only Java) would
        // otherwise outrank every other vacancy for anyone who meets it.
        const rhoScore = spearman(ranks(ourScores.map((x) => x % 1000)), human);
        const rhoBase = spearman(ranks(baseScores), human);
        row[reading] = {
          ours: r4(rhoOurs),
          oursPercentile: r4(rhoPct),
          oursScoreOnly: r4(rhoScore),
          baseline: r4(rhoBase),
        };
        for (const [side, rho] of [
          ['ours', rhoOurs],
          ['oursPercentile', rhoPct],
          ['oursScoreOnly', rhoScore],
          ['baseline', rhoBase],
        ]) {
          const bucket = (sums[`${annotator}.${reading}.${side}`] ??= []);
          bucket.push(rho);
        }
      }
      detail.push(row);
    }
  }
  const agreement = {};
  for (const reading of ['rank', 'order']) {
    const rhos = Object.entries(annotations.annotator_2 ?? {}).flatMap(([k, b]) => {
      const a = annotations.annotator_1?.[k];
      return a ? [spearman(annotationRanks(a, reading), annotationRanks(b, reading))] : [];
    });
    agreement[reading] = { meanSpearman: r4(mean(rhos)), n: rhos.filter(Number.isFinite).length };
  }
  const summary = {};
  for (const [k, xs] of Object.entries(sums))
    summary[k] = { meanSpearman: r4(mean(xs)), n: xs.filter(Number.isFinite).length };
  const both = (reading, side) =>
    r4(mean(['annotator_1', 'annotator_2'].flatMap((a) => sums[`${a}.${reading}.${side}`] ?? [])));
  return {
    cvs: 65,
    parsed: profiles.size,
    failures,
    asOf: AS_OF,
    // The role roleFromJobDescription builds for each vacancy: how many requirements of each importance.
    roles: roles.map((role, i) => {
      const byImportance = { required: 0, preferred: 0, bonus: 0 };
      for (const q of role.requirements) byImportance[q.importance]++;
      return {
        vacancy: i + 1,
        title: vacancies[i].title,
        requirements: role.requirements.length,
        byImportance,
        required: role.requirements
          .filter((q) => q.importance === 'required')
          .map((q) => ('skill' in q ? q.skill : 'anyOf' in q ? q.anyOf.join('|') : `category:${q.category}`)),
      };
    }),
    vacancy4: {
      title: vacancies[3].title,
      requirements: v4.requirements.length,
      role: quick ? undefined : v4,
      top10,
      baselineTop10,
    },
    // Headline: the "rank" reading (array[v] = place of vacancy v), both annotators pooled; the order reading is beside it.
    ours: {
      spearman: both('rank', 'ours'),
      spearmanOrderReading: both('order', 'ours'),
      spearmanPercentile: both('rank', 'oursPercentile'),
      spearmanPercentileOrderReading: both('order', 'oursPercentile'),
      spearmanScoreOnly: both('rank', 'oursScoreOnly'),
      spearmanScoreOnlyOrderReading: both('order', 'oursScoreOnly'),
    },
    baseline: {
      name: 'TF-IDF cosine (natural)',
      spearman: both('rank', 'baseline'),
      spearmanOrderReading: both('order', 'baseline'),
    },
    byAnnotatorAndReading: summary,
    interAnnotatorAgreement: agreement,
    perCv: quick ? undefined : detail,
  };
}

/** Runs the sets; returns `{ sets: { scenarios, vanetik }, recruiter }` for bench/run.mjs. */
export async function runRankingAccuracy({ quick = false } = {}) {
  const sm = await loadPackage();
  const matcher = sm.createMatcher();
  try {
    const scenarios = await scenarioSet(sm, matcher);
    const vanetik = await vanetikSet(sm, matcher, quick);
    // The recruiter-graded set is the realistic figure: it runs whole in quick mode too (about 2 s).
    const recruiter = await runRecruiterRanking();
    return { sets: { scenarios, vanetik }, recruiter };
  } finally {
    await matcher.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await runRankingAccuracy({ quick: process.argv.includes('--quick') });
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}
