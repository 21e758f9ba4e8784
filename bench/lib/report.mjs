// Flattens suite results into named figures (each with the direction that is better and a kind),
// picks the headline rows, and compares two runs.
import { round } from './stats.mjs';

/** Reads a dotted path, returning undefined when any part is missing. */
function at(obj, path) {
  return path.split('.').reduce((o, k) => (o == null ? undefined : o[k]), obj);
}

/**
 * kind `accuracy`: higher is better, any drop is flagged.
 * kind `ratio`: a speed ratio; flagged when it worsens by more than 10%.
 * kind `info`: reported, never flagged (absolute times vary between machines).
 */
export function collectMetrics(results) {
  const m = {};
  const put = (key, value, better, kind) => {
    if (typeof value === 'number' && Number.isFinite(value)) m[key] = { value: round(value, 4), better, kind };
  };
  const ex = results.accuracy?.extraction?.datasets;
  if (ex) {
    // [figure name, dataset, path under ours/baseline for the span figures, path for per-document skill sets]
    const spanSets = [
      ['dotin', 'dotin', '', 'spans', 'skillSets'],
      ['dotinHeldOut', 'dotin', '', 'spansHoldoutEven', null],
      ['dotinAnnotated', 'dotin', 'Annotated', 'spans', 'skillSets'],
      ['dotinAnnotatedLabelConsistent', 'dotin', 'Annotated', 'spansLabelConsistent', null],
      // Named technologies only, and a mention inside a Job Specific Skills/Designation/Degree label not counted wrong.
      ['dotinAligned', 'dotin', '', 'spansNamedTechSkillLabelsNotFp', null],
      ['skillspan', 'skillspan', '', 'spansTechKnowledge', 'skillSetsTech'],
    ];
    for (const [name, set, suffix, spanPath, docPath] of spanSets) {
      for (const side of ['ours', 'baseline']) {
        const r = ex[set]?.[`${side}${suffix}`];
        for (const f of ['precision', 'recall', 'f1']) {
          put(
            `extraction.${name}.${side}.span.${f}`,
            at(r, `${spanPath}.${f}`),
            'higher',
            side === 'ours' ? 'accuracy' : 'info',
          );
          if (docPath)
            put(
              `extraction.${name}.${side}.document.${f}`,
              at(r, `${docPath}.${f}`),
              'higher',
              side === 'ours' ? 'accuracy' : 'info',
            );
        }
      }
    }
    put(
      'extraction.dotin.labelOracleStrictPrecision',
      ex.dotin?.labelOracleStrictPrecision?.precision,
      'higher',
      'info',
    );
    for (const side of ['ours', 'baseline']) {
      put(
        `extraction.stackoverflow.${side}.ambiguousPrecision`,
        at(ex, `stackoverflow.${side}.ambiguousPrecision`),
        'higher',
        side === 'ours' ? 'accuracy' : 'info',
      );
      put(
        `extraction.stackoverflow.${side}.ambiguousRecall`,
        at(ex, `stackoverflow.${side}.ambiguousRecall`),
        'higher',
        side === 'ours' ? 'accuracy' : 'info',
      );
      put(
        `extraction.green.${side}.falsePositivesPer1000Tokens`,
        at(ex, `greenJd.${side}.falsePositivesPer1000Tokens`),
        'lower',
        side === 'ours' ? 'ratio' : 'info',
      );
    }
  }
  const rk = results.accuracy?.ranking;
  if (rk?.sets) {
    for (const [set, r] of Object.entries(rk.sets)) {
      for (const side of ['ours', 'baseline']) {
        for (const f of [
          'ndcg',
          'spearman',
          'spearmanOrderReading',
          'spearmanScoreOnly',
          'spearmanScoreOnlyOrderReading',
          'pairwiseAccuracy',
        ])
          put(`ranking.${set}.${side}.${f}`, at(r, `${side}.${f}`), 'higher', side === 'ours' ? 'accuracy' : 'info');
      }
    }
  }
  put(
    'ranking.vanetik.interAnnotatorSpearman',
    rk?.sets?.vanetik?.interAnnotatorAgreement?.rank?.meanSpearman,
    'higher',
    'info',
  );
  // Real résumés graded by a recruiter (../shared/data/recruiter-grades), product order beside TF-IDF and BM25.
  for (const side of ['ours', 'asOfPresent', 'tfidf', 'bm25']) {
    for (const f of ['p10Grade3', 'p10Grade2Plus', 'ndcg20', 'auc'])
      put(
        `ranking.recruiter.${side}.${f}`,
        at(rk?.recruiter, `${side}.${f}`),
        'higher',
        side === 'ours' ? 'accuracy' : 'info',
      );
  }
  for (const g of [3, 2, 1, 0]) {
    for (const q of ['q1', 'median', 'q3'])
      put(
        `ranking.recruiter.ours.grade${g}.${q}`,
        at(rk?.recruiter, `ours.byGrade.grade${g}.${q}`),
        g >= 2 ? 'higher' : 'lower',
        'info',
      );
  }
  put('layout.agreement', results.accuracy?.layout?.agreement, 'higher', 'accuracy');
  const s = results.speed;
  if (s) {
    put('speed.parsePdf.ratioToPdfParse', s.parsePdf?.ratioToBare, 'lower', 'ratio');
    put('speed.parseDocx.ratioToMammoth', s.parseDocx?.ratioToBare, 'lower', 'ratio');
    put('speed.parsePdf.msPerDoc', s.parsePdf?.msPerDoc?.median, 'lower', 'info');
    put('speed.parseDocx.msPerDoc', s.parseDocx?.msPerDoc?.median, 'lower', 'info');
    put('speed.extract.msPerDoc', s.extract?.msPerDoc?.median, 'lower', 'info');
    put('speed.extract.medianMsPerResume', s.extract?.perDocMedianMs?.median, 'lower', 'info');
    put('speed.extract.typicalResumeMedianMs', s.extractTypicalResume?.extractMedianMs, 'lower', 'info');
    put('speed.extract.typicalResumePdfParseMs', s.extractTypicalResume?.pdfParseMedianMs, 'lower', 'info');
    put('speed.extract.medianMsPerResume3to4KB', s.extract?.perDocMedianMs3to4KB?.median, 'lower', 'info');
    put('speed.extract.ratioToPdfParse', s.extract?.ratioToBarePdfParse, 'lower', 'ratio');
    put('speed.extract.hostileLineWorstMs', s.hostileLines?.worstMs, 'lower', 'info');
    put('speed.extract.hostileLineWorstCpuMs', s.hostileLines?.worstCpuMs, 'lower', 'info');
    put('speed.extract.hostileLineProseMs', s.hostileLines?.proseMs, 'lower', 'info');
    put('speed.extract.hostileOneLineWorstMs', s.hostileLines?.lineWorstMs, 'lower', 'info');
    put('speed.extract.hostileOneLineWorstCpuMs', s.hostileLines?.lineWorstCpuMs, 'lower', 'info');
    put('speed.extract.hostileManyLinesWorstMs', s.hostileLines?.linesWorstMs, 'lower', 'info');
    put('speed.extract.hostileManyLinesWorstCpuMs', s.hostileLines?.linesWorstCpuMs, 'lower', 'info');
    for (const [name, f] of Object.entries(s.hostileLines?.families ?? {}))
      put(`speed.extract.hostileLine.${name}.ms`, f.ms1MB, 'lower', 'info');
    put('speed.score.msPerProfile', s.score?.msPerProfile?.median, 'lower', 'info');
    put('speed.rank.msPerDoc', s.rank?.msPerDoc?.median, 'lower', 'info');
  }
  const rs = results.rankingSpeed;
  if (rs) {
    put('speed.score100k.ms', rs.score100k?.rateMs?.median, 'lower', 'info');
    put('speed.score100k.cpuMs', rs.score100k?.rateCpuMs?.median, 'lower', 'info');
    put('speed.score100k.explainedMs', rs.score100k?.explainedMatchMsPer100k?.median, 'lower', 'info');
    put('speed.score100k.withoutOrdinalsMs', rs.score100k?.rateWithoutOrdinalsMs?.median, 'lower', 'info');
    put('speed.score100k.fromJsonMs', rs.score100k?.rateFromJsonMsPer100k?.median, 'lower', 'info');
    put('speed.pool.oneWorkerRatio', rs.pool?.oneWorkerRatio, 'higher', 'ratio');
    put('speed.pool.allWorkersRatio', rs.pool?.allWorkersRatio, 'higher', 'ratio');
    put('speed.pool.speedUpPerAddedWorker', rs.pool?.speedUpPerAddedWorker, 'higher', 'info');
    put('memory.rank2000.peakRssMb', rs.rss?.peakRssMb, 'lower', 'info');
    put('memory.rank2000.rssGrowthMb', rs.rss?.growthMb, 'lower', 'info');
    put('memory.rank2000.retainedHeapGrowthMb', rs.rss?.retainedHeapGrowthMb, 'lower', 'info');
  }
  const sc = results.scale;
  if (sc) {
    put('scale.candidates.slope', sc.candidates?.slope, 'lower', 'info');
    put('scale.candidates.msPer100k', sc.candidates?.msPer100k, 'lower', 'info');
    put('scale.pages.parseSlope', sc.documentLength?.parseSlope, 'lower', 'info');
    put('scale.pages.extractSlope', sc.documentLength?.extractSlope, 'lower', 'info');
  }
  const h = results.hostile;
  if (h) {
    put('hostile.complexity.worstRatio', h.complexity?.worstRatio, 'lower', 'info');
    put('hostile.complexity.familiesOver', h.complexity?.failing?.length, 'lower', 'info');
    put('hostile.fuzz.mutants', h.fuzz?.mutants, 'higher', 'info');
    put('hostile.fuzz.internalErrors', h.fuzz?.internalErrors, 'lower', 'info');
    put('hostile.fuzz.parentPeakRssMb', h.fuzz?.parentPeakRssMb, 'lower', 'info');
    put('memory.cliRank.pdfs', h.cliRss?.pdfs, 'higher', 'info');
    put('memory.cliRank.peakTotalRssMb', h.cliRss?.peakTotalMb, 'lower', 'info');
    put('memory.cliRank.peakParentRssMb', h.cliRss?.peakParentMb, 'lower', 'info');
    put('memory.matcher3Rounds.parentGrowthLastRoundMb', h.matcherRss?.parentGrowthLastRoundMb, 'lower', 'info');
  }
  put('memory.peakRssMb', results.memory?.peakRssMb, 'lower', 'info');
  put('memory.heapGrowthMb', results.memory?.heapGrowthMb, 'lower', 'info');
  const inst = results.install;
  if (inst) {
    put('install.tarballKb', inst.tarball?.kb, 'lower', 'info');
    put('install.tarballUnpackedMb', inst.tarball?.unpackedMb, 'lower', 'info');
    put('install.taxonomyCopies', inst.tarball?.taxonomyCopies?.length, 'lower', 'info');
    put('install.sourceMaps', inst.tarball?.sourceMaps, 'lower', 'info');
    put('install.nodeModulesMb', inst.consumer?.mb, 'lower', 'info');
    put('install.packages', inst.consumer?.packages, 'lower', 'info');
    put('install.canvasMb', inst.consumer?.canvas?.mb, 'lower', 'info');
    put('install.importMs', inst.importMs?.ours?.median, 'lower', 'info');
    put('install.importPdfParseMs', inst.importMs?.pdfParse?.median, 'lower', 'info');
    put('install.importRatioToPdfParse', inst.importMs?.ratio, 'lower', 'ratio');
    put('install.cliParseOneFileMs', inst.cliOneFile?.parseMs?.median, 'lower', 'info');
    put('install.cliRankOneFileMs', inst.cliOneFile?.rankMs?.median, 'lower', 'info');
    put('install.cliBarePdfParseMs', inst.cliOneFile?.barePdfParseMs?.median, 'lower', 'info');
    put('install.cliParseRatioToPdfParse', inst.cliOneFile?.parseRatio, 'lower', 'ratio');
    put('install.cliRankRatioToPdfParse', inst.cliOneFile?.rankRatio, 'lower', 'ratio');
  }
  return m;
}

const fmt = (m, key, digits = 3) => (m[key] ? String(round(m[key].value, digits)) : '—');

/** The rows docs/benchmarks.md shows: each figure beside its baseline where one exists. */
export function headlineRows(m) {
  const rows = [];
  for (const [set, label] of [
    ['dotin', 'Extraction F1, dotin résumés, all 307 (span, strict)'],
    ['dotinAnnotated', 'Extraction F1, dotin, 182 with Tech Tools labels (strict)'],
    ['dotinAnnotatedLabelConsistent', 'Extraction F1, dotin, 182 annotated, label-consistent'],
    ['dotinAligned', 'Extraction F1, dotin, all 307, named technologies, skill labels not wrong'],
    ['skillspan', 'Extraction F1, SkillSpan tech postings (span)'],
  ]) {
    if (m[`extraction.${set}.ours.span.f1`])
      rows.push({
        label,
        ours: `${fmt(m, `extraction.${set}.ours.span.f1`)} (P ${fmt(m, `extraction.${set}.ours.span.precision`)})`,
        baseline: `${fmt(m, `extraction.${set}.baseline.span.f1`)} (P ${fmt(m, `extraction.${set}.baseline.span.precision`)}) dictionary`,
      });
  }
  if (m['extraction.dotin.labelOracleStrictPrecision'])
    rows.push({
      label: 'Strict precision the dotin labels allow (oracle: every occurrence of each labelled string)',
      ours: '—',
      baseline: `${fmt(m, 'extraction.dotin.labelOracleStrictPrecision')} oracle`,
    });
  if (m['extraction.stackoverflow.ours.ambiguousPrecision'])
    rows.push({
      label: 'Precision on Go/R/C/Swift/Rust/Express/Spring/Rails (SO NER)',
      ours: fmt(m, 'extraction.stackoverflow.ours.ambiguousPrecision'),
      baseline: `${fmt(m, 'extraction.stackoverflow.baseline.ambiguousPrecision')} dictionary`,
    });
  if (m['extraction.green.ours.falsePositivesPer1000Tokens'])
    rows.push({
      label: 'False positives per 1,000 tokens, job ads (green)',
      ours: fmt(m, 'extraction.green.ours.falsePositivesPer1000Tokens', 2),
      baseline: `${fmt(m, 'extraction.green.baseline.falsePositivesPer1000Tokens', 2)} dictionary`,
    });
  if (m['layout.agreement'])
    rows.push({
      label: 'Layout invariance (4 renderings, shared skill ids)',
      ours: fmt(m, 'layout.agreement'),
      baseline: '—',
    });
  if (m['ranking.recruiter.ours.ndcg20']) {
    const three = (side) =>
      `P@10 ≥2 ${fmt(m, `ranking.recruiter.${side}.p10Grade2Plus`)}, P@10 =3 ${fmt(m, `ranking.recruiter.${side}.p10Grade3`)}, NDCG@20 ${fmt(m, `ranking.recruiter.${side}.ndcg20`)}, AUC ${fmt(m, `ranking.recruiter.${side}.auc`)}`;
    rows.push({
      label: 'Ranking 307 real résumés graded by a recruiter (backend-developer; an archive, `documentDate: estimate`)',
      ours: three('ours'),
      baseline: `${three('tfidf')} TF-IDF; ${three('bm25')} BM25`,
    });
    if (m['ranking.recruiter.asOfPresent.ndcg20'])
      rows.push({
        label: 'The same, "present" read as `asOf` (as for résumés arriving now)',
        ours: three('asOfPresent'),
        baseline: '—',
      });
    rows.push({
      label: 'Score median [quartiles] by recruiter grade 3 / 2 / 1 / 0',
      ours: [3, 2, 1, 0]
        .map(
          (g) =>
            `${fmt(m, `ranking.recruiter.ours.grade${g}.median`, 1)} [${fmt(m, `ranking.recruiter.ours.grade${g}.q1`, 1)}–${fmt(m, `ranking.recruiter.ours.grade${g}.q3`, 1)}]`,
        )
        .join(' / '),
      baseline: '—',
    });
  }
  if (m['ranking.scenarios.ours.ndcg'])
    rows.push({
      label: 'Ranking NDCG, fixture scenarios',
      ours: fmt(m, 'ranking.scenarios.ours.ndcg'),
      baseline: `${fmt(m, 'ranking.scenarios.baseline.ndcg')} TF-IDF`,
    });
  if (m['ranking.scenarios.ours.pairwiseAccuracy'])
    rows.push({
      label: 'Ranking pairwise accuracy, fixture scenarios',
      ours: fmt(m, 'ranking.scenarios.ours.pairwiseAccuracy'),
      baseline: `${fmt(m, 'ranking.scenarios.baseline.pairwiseAccuracy')} TF-IDF`,
    });
  // A CV's five vacancies are ordered by match score: the must-have gate orders candidates within one role, and
  // gate counts are not comparable across roles with different numbers of required skills. Both are in latest.json.
  if (m['ranking.vanetik.ours.spearmanScoreOnly'])
    rows.push({
      label: `Vacancy ordering vs annotators, Spearman (vanetik; annotators agree ${fmt(m, 'ranking.vanetik.interAnnotatorSpearman', 2)})`,
      ours: `${fmt(m, 'ranking.vanetik.ours.spearmanScoreOnly')} (with must-have gate ${fmt(m, 'ranking.vanetik.ours.spearman')})`,
      baseline: `${fmt(m, 'ranking.vanetik.baseline.spearman')} TF-IDF`,
    });
  if (m['speed.parsePdf.ratioToPdfParse'])
    rows.push({
      label: 'Parse PDF time ÷ bare pdf-parse',
      ours: `${fmt(m, 'speed.parsePdf.ratioToPdfParse')}× (${fmt(m, 'speed.parsePdf.msPerDoc', 1)} ms/doc)`,
      baseline: '1×',
    });
  if (m['speed.parseDocx.ratioToMammoth'])
    rows.push({
      label: 'Parse DOCX time ÷ bare mammoth',
      ours: `${fmt(m, 'speed.parseDocx.ratioToMammoth')}× (${fmt(m, 'speed.parseDocx.msPerDoc', 1)} ms/doc)`,
      baseline: '1×',
    });
  if (m['speed.extract.medianMsPerResume'])
    rows.push({
      label: 'Extract, median ms per résumé (of 3–4 KB; mean of all)',
      ours: `${fmt(m, 'speed.extract.medianMsPerResume')} (${fmt(m, 'speed.extract.medianMsPerResume3to4KB')}; ${fmt(m, 'speed.extract.msPerDoc')})`,
      baseline: `pdf-parse alone: ${m['speed.parsePdf.msPerDoc'] ? round(m['speed.parsePdf.msPerDoc'].value / m['speed.parsePdf.ratioToPdfParse'].value, 1) : '—'} ms`,
    });
  if (m['speed.extract.typicalResumeMedianMs'])
    rows.push({
      label: 'Extract the 3.4 KB résumé-matcher résumé, median ms of 300',
      ours: fmt(m, 'speed.extract.typicalResumeMedianMs'),
      baseline: `its PDF parse: ${fmt(m, 'speed.extract.typicalResumePdfParseMs', 1)} ms`,
    });
  if (m['speed.extract.hostileLineWorstMs'] !== undefined)
    rows.push({
      label:
        'Extract a 1 MB hostile line (512 KB in --quick), worst of its families, median ms of 7 (CPU ms; target < 100)',
      ours: `${fmt(m, 'speed.extract.hostileLineWorstMs', 0)} (${fmt(m, 'speed.extract.hostileLineWorstCpuMs', 0)})`,
      baseline: `plain prose: ${fmt(m, 'speed.extract.hostileLineProseMs', 1)} ms`,
    });
  if (m['speed.extract.hostileOneLineWorstMs'] !== undefined)
    rows.push({
      label:
        'The same, one line only (the issue target, < 100) beside the many-short-lines families (headings, table rows), median ms (CPU ms)',
      ours: `one line: ${fmt(m, 'speed.extract.hostileOneLineWorstMs', 0)} (${fmt(m, 'speed.extract.hostileOneLineWorstCpuMs', 0)})`,
      baseline: `many lines: ${fmt(m, 'speed.extract.hostileManyLinesWorstMs', 0)} (${fmt(m, 'speed.extract.hostileManyLinesWorstCpuMs', 0)})`,
    });
  if (m['speed.score100k.ms'])
    rows.push({
      label: 'Score 100,000 profiles on one core, ms (CPU ms)',
      ours: `${fmt(m, 'speed.score100k.ms', 0)} (${fmt(m, 'speed.score100k.cpuMs', 0)})`,
      baseline: m['speed.score100k.withoutOrdinalsMs']
        ? `without ordinals: ${fmt(m, 'speed.score100k.withoutOrdinalsMs', 0)}; read back from JSON: ${fmt(m, 'speed.score100k.fromJsonMs', 0)}`
        : '—',
    });
  if (m['speed.pool.allWorkersRatio'])
    rows.push({
      label: 'Isolated pool throughput ÷ in-process (all cores)',
      ours: `${fmt(m, 'speed.pool.allWorkersRatio')}×`,
      baseline: '1×',
    });
  if (m['memory.peakRssMb'])
    rows.push({
      label: 'Peak RSS, parse+extract+score 2,000 PDFs in process (library, isolate: false), MB',
      ours: fmt(m, 'memory.peakRssMb', 0),
      baseline: '—',
    });
  if (m['memory.cliRank.peakTotalRssMb'])
    rows.push({
      label: `Peak RSS, CLI rank --format json over ${fmt(m, 'memory.cliRank.pdfs', 0)} PDFs, all processes (CLI alone), MB`,
      ours: `${fmt(m, 'memory.cliRank.peakTotalRssMb', 0)} (${fmt(m, 'memory.cliRank.peakParentRssMb', 0)})`,
      baseline: '—',
    });
  if (m['hostile.fuzz.mutants'])
    rows.push({
      label: 'Mutation fuzzer: mutants, internal errors',
      ours: `${fmt(m, 'hostile.fuzz.mutants', 0)}, ${fmt(m, 'hostile.fuzz.internalErrors', 0)}`,
      baseline: '—',
    });
  if (m['memory.rank2000.peakRssMb'])
    rows.push({
      label: 'Peak RSS ranking 2,000 PDFs through the pool (library, top 50; parent process only), MB',
      ours: fmt(m, 'memory.rank2000.peakRssMb', 0),
      baseline: '—',
    });
  if (m['install.nodeModulesMb'])
    rows.push({
      label: 'A fresh consumer: node_modules MB, packages (tarball KB)',
      ours: `${fmt(m, 'install.nodeModulesMb', 1)}, ${fmt(m, 'install.packages', 0)} (${fmt(m, 'install.tarballKb', 0)})`,
      baseline: `pdf-parse's canvas alone: ${fmt(m, 'install.canvasMb', 1)} MB`,
    });
  if (m['install.importMs'])
    rows.push({
      label: '`import()` of the package, median ms',
      ours: `${fmt(m, 'install.importMs', 0)} (${fmt(m, 'install.importRatioToPdfParse', 2)}×)`,
      baseline: `import('pdf-parse'): ${fmt(m, 'install.importPdfParseMs', 0)}`,
    });
  if (m['install.cliParseOneFileMs'])
    rows.push({
      label: 'One-file CLI run, `parse` / `rank`, median ms',
      ours: `${fmt(m, 'install.cliParseOneFileMs', 0)} / ${fmt(m, 'install.cliRankOneFileMs', 0)}`,
      baseline: `bare pdf-parse script: ${fmt(m, 'install.cliBarePdfParseMs', 0)}`,
    });
  return rows;
}

/** Each shared figure, with accuracy drops and speed ratios worse by more than 10% flagged. */
export function compareMetrics(before, after) {
  const rows = [];
  const flagged = [];
  for (const [key, now] of Object.entries(after)) {
    const was = before[key];
    if (!was) continue;
    const change = was.value === 0 ? 0 : (now.value - was.value) / Math.abs(was.value);
    let flag;
    if (now.kind === 'accuracy' && now.value < was.value - 1e-4) flag = 'DROPPED';
    if (now.kind === 'ratio') {
      const worse = now.better === 'lower' ? change > 0.1 : change < -0.1;
      if (worse) flag = 'WORSE >10%';
    }
    if (flag) flagged.push(key);
    rows.push({
      key,
      before: was.value,
      after: now.value,
      change: `${change >= 0 ? '+' : ''}${(change * 100).toFixed(1)}%`,
      flag,
    });
  }
  return { rows, flagged };
}

/** Where the headline table lives, between these markers; nothing else in the repository is written. */
export const HEADLINE_DOC = 'docs/benchmarks.md';
export const HEADLINE_START = '<!-- bench:headline:start -->';
export const HEADLINE_END = '<!-- bench:headline:end -->';

/**
 * `doc` with the text between the headline markers replaced by the dated table of `rows`; `null` when
 * the markers are missing or out of order, so a caller never writes a document it did not recognise.
 */
export function withHeadline(doc, rows, meta) {
  const i = doc.indexOf(HEADLINE_START);
  const j = doc.indexOf(HEADLINE_END);
  if (i < 0 || j < i) return null;
  const table = [
    '',
    `Measured by \`npm run bench\` on ${meta.date.slice(0, 10)} (Node ${meta.node}, ${meta.cpu}, ${meta.cores} cores).`,
    '',
    '| figure | skillmatch | baseline |',
    '|---|---:|---:|',
    ...rows.map((row) => `| ${row.label} | ${row.ours} | ${row.baseline} |`),
    '',
  ].join('\n');
  return doc.slice(0, i + HEADLINE_START.length) + table + doc.slice(j);
}
