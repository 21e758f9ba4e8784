#!/usr/bin/env node
// Extraction accuracy suite: our extractor vs a plain dictionary-match baseline (every alias of the
// same taxonomy, case-insensitive, at word boundaries, no context rules), on the shared data sets.
//
//   node bench/accuracy/extraction.mjs [--quick] [--out results.json] [--md results.md] [--taxonomy taxonomy.json]
//
// --taxonomy (or SKILLMATCH_TAXONOMY) measures with another taxonomy, a `{version, skills}` JSON file,
// instead of the built-in one: a taxonomy being edited can be measured before it is built in.
// Runs on the built package (dist/esm/index.js; `npm run build` first). Data from ../shared/data
// (data sets that are absent are reported as skipped). Exports `runExtractionAccuracy({ quick })`.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DATA = process.env.SKILLMATCH_DATA ?? join(ROOT, '../shared/data');

async function loadPackage() {
  try {
    // lookupAlias is a building block: `@skillmatch/core/tools` (dist/esm/tools.js).
    const pkg = {
      ...(await import(join(ROOT, 'dist/esm/index.js'))),
      ...(await import(join(ROOT, 'dist/esm/tools.js'))),
    };
    // builtinTaxonomy is the taxonomy stage's export; reach the module if the index does not re-export it yet.
    if (typeof pkg.builtinTaxonomy !== 'function')
      pkg.builtinTaxonomy = (await import(join(ROOT, 'dist/esm/taxonomy/builtin.js'))).builtinTaxonomy;
    return pkg;
  } catch (error) {
    // While another stage's build is broken the extract modules still load on their own.
    console.warn(
      `dist/esm/index.js did not load (${error.message.split('\n')[0]}); using the extract modules directly`,
    );
    const [extract, alias, builtin] = await Promise.all([
      import(join(ROOT, 'dist/esm/extract/index.js')),
      import(join(ROOT, 'dist/esm/taxonomy/alias-index.js')),
      import(join(ROOT, 'dist/esm/taxonomy/builtin.js')),
    ]);
    return { ...extract, ...alias, ...builtin };
  }
}

// ---------------------------------------------------------------- metrics helpers

const round = (x) => Math.round(x * 10_000) / 10_000;
function prf(tpP, nP, tpR, nR) {
  const p = nP === 0 ? 0 : tpP / nP;
  const r = nR === 0 ? 0 : tpR / nR;
  const f = p + r === 0 ? 0 : (2 * p * r) / (p + r);
  return { precision: round(p), recall: round(r), f1: round(f), found: nP, gold: nR };
}
const overlaps = (a, b) => a.start < b.end && b.start < a.end;
function top(counter, n = 20) {
  return [...counter]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, n)
    .map(([k, v]) => `${k} ×${v}`);
}
const bump = (m, k) => m.set(k, (m.get(k) ?? 0) + 1);

/**
 * Mentions of a profile, one per distinct span: `{start, end, text, ids, kinds}`. A skill's kind is its
 * own `kind` field (profiles before it existed: the taxonomy's, through `kindOf`; else `technology`).
 */
function mentionsOf(profile, kindOf = () => undefined) {
  const bySpan = new Map();
  for (const s of profile.skills) {
    for (const m of s.mentions) {
      const key = `${m.span.start}:${m.span.end}`;
      const e = bySpan.get(key) ?? { start: m.span.start, end: m.span.end, text: m.text, ids: [], kinds: [] };
      e.ids.push(s.id);
      e.kinds.push(s.kind ?? kindOf(s.id) ?? 'technology');
      bySpan.set(key, e);
    }
  }
  return [...bySpan.values()].sort((a, b) => a.start - b.start);
}

// ---------------------------------------------------------------- the baseline

/** Every alias of the taxonomy matched case-insensitively at word boundaries, longest first, no context. */
function createBaseline(taxonomy) {
  const map = new Map();
  for (const s of taxonomy.skills) {
    for (const a of [s.name, ...s.aliases]) {
      const k = a.toLowerCase();
      if (!map.has(k)) map.set(k, s.id);
    }
  }
  const lengths = [...new Set([...map.keys()].map((k) => k.length))].sort((a, b) => b - a);
  const word = (c) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
  return (text) => {
    const lower = text.toLowerCase();
    const skills = new Map();
    let i = 0;
    while (i < lower.length) {
      if (word(lower[i - 1]) && word(lower[i])) {
        i++;
        continue;
      }
      let hit = null;
      for (const len of lengths) {
        if (i + len > lower.length) continue;
        const id = map.get(lower.slice(i, i + len));
        if (id === undefined) continue;
        const last = lower[i + len - 1];
        if (word(last) && word(lower[i + len])) continue;
        if (word(lower[i]) && word(lower[i - 1])) continue;
        hit = { len, id };
        break;
      }
      if (hit === null) {
        i++;
        continue;
      }
      const m = { span: { start: i, end: i + hit.len }, text: text.slice(i, i + hit.len) };
      const list = skills.get(hit.id) ?? [];
      list.push(m);
      skills.set(hit.id, list);
      i += hit.len;
    }
    return { skills: [...skills].map(([id, mentions]) => ({ id, mentions })) };
  };
}

// ---------------------------------------------------------------- dotin

function unescapeXml(s) {
  return s.replace(/&(amp|lt|gt|quot|apos|#\d{1,7}|#x[0-9a-f]{1,6});/gi, (_m, e) => {
    const l = e.toLowerCase();
    if (l === 'amp') return '&';
    if (l === 'lt') return '<';
    if (l === 'gt') return '>';
    if (l === 'quot') return '"';
    if (l === 'apos') return "'";
    const code = l.startsWith('#x') ? parseInt(l.slice(2), 16) : parseInt(l.slice(1), 10);
    return String.fromCodePoint(code);
  });
}

/** Strips the XML, returning the text and the label spans in it. */
export function readDotin(xml) {
  let out = '';
  const labels = [];
  const stack = [];
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const chunkEnd = lt < 0 ? xml.length : lt;
    out += unescapeXml(xml.slice(i, chunkEnd));
    if (lt < 0) break;
    const gt = xml.indexOf('>', lt);
    if (gt < 0) break;
    const tag = xml.slice(lt + 1, gt);
    const open = /^label\s+type="([^"]*)"/.exec(tag);
    if (open) stack.push({ type: open[1], start: out.length });
    else if (tag === '/label') {
      const l = stack.pop();
      if (l) labels.push({ type: l.type, start: l.start, end: out.length });
    }
    i = gt + 1;
  }
  // Some files hold bullets as literal byte escapes ("\\xef\\x82\\xa7", mojibake of a Word bullet): read
  // them as a bullet padded with spaces, so offsets (and gold spans) stay where they are.
  const text = out.replace(/(?:\\x[0-9a-fA-F]{2})+/g, (m) => `\u2022${' '.repeat(m.length - 1)}`);
  return { text, labels };
}

const WHOLE = ['pl/sql', 'tcp/ip', 'ci/cd'];
/** Splits a gold span into items on , ; | / bullets, brackets and " and " (PL/SQL, TCP/IP, CI/CD kept whole). */
export function splitGold(text, start, end) {
  const s = text.slice(start, end);
  const lower = s.toLowerCase();
  const protectedAt = new Set();
  for (const w of WHOLE) {
    let at = lower.indexOf(w);
    while (at >= 0) {
      protectedAt.add(at + w.indexOf('/'));
      at = lower.indexOf(w, at + 1);
    }
  }
  const items = [];
  let itemStart = 0;
  const push = (a, b) => {
    while (a < b && /[\s\-–:.*]/.test(s[a])) a++;
    while (b > a && /[\s\-–:.*]/.test(s[b - 1])) b--;
    if (b > a && /[\p{L}\p{N}]/u.test(s.slice(a, b)))
      items.push({ start: start + a, end: start + b, text: s.slice(a, b) });
  };
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    let sepLen = 0;
    if (',;|()[]\n•·●▪'.includes(c)) sepLen = 1;
    else if (c === '/' && !protectedAt.has(i)) sepLen = 1;
    else if (lower.startsWith(' and ', i)) sepLen = 5;
    if (sepLen > 0) {
      push(itemStart, i);
      itemStart = i + sepLen;
      i += sepLen - 1;
    }
  }
  push(itemStart, s.length);
  return items;
}

function dotinDocs(quick) {
  const dir = join(DATA, 'dotin-resume-ner-train/xml');
  let files = readdirSync(dir)
    .filter((f) => f.endsWith('.xml'))
    .sort((a, b) => parseInt(a, 10) - parseInt(b, 10));
  if (quick) files = files.slice(0, 60);
  return files.map((f) => {
    const { text, labels } = readDotin(readFileSync(join(dir, f), 'utf8'));
    const gold = labels.filter((l) => l.type === 'Tech Tools').flatMap((l) => splitGold(text, l.start, l.end));
    return { name: f, number: parseInt(f, 10), text, labels, gold };
  });
}

/**
 * What strict span precision the labels themselves allow: an oracle that knows which strings the
 * annotators labelled Tech Tools in each document and predicts every whole-word, case-insensitive
 * occurrence of them there (nothing in documents without a label, nothing the annotators never
 * labelled). Its false positives are occurrences the annotators left unlabelled, so no extractor that
 * reads the text alike at every occurrence can be more precise under the strict definition.
 */
function dotinOracleCeiling(docs) {
  const isWord = (c) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
  let found = 0;
  let right = 0;
  for (const d of docs) {
    const lower = d.text.toLowerCase();
    const strings = new Set(d.gold.map((g) => lower.slice(g.start, g.end)).filter((t) => t.trim() !== ''));
    const finds = [];
    for (const t of strings) {
      for (let at = lower.indexOf(t); at >= 0; at = lower.indexOf(t, at + 1)) {
        if (!isWord(lower[at - 1]) && !isWord(lower[at + t.length])) finds.push({ start: at, end: at + t.length });
      }
    }
    // The longest reading of nested finds, as an extractor reports one mention there.
    finds.sort((a, b) => a.start - b.start || b.end - a.end);
    const kept = [];
    for (const f of finds) if (!kept.some((k) => f.start >= k.start && f.end <= k.end)) kept.push(f);
    found += kept.length;
    right += kept.filter((f) => d.gold.some((g) => f.start < g.end && g.start < f.end)).length;
  }
  return { found, right, precision: found === 0 ? null : Math.round((right / found) * 10_000) / 10_000 };
}

// ---------------------------------------------------------------- dotin: aligned figures
//
// Beside the strict figures, two readings that align the prediction set with what the gold labels.
// 1. Named technologies: `Tech Tools` labels named tools, languages, frameworks and products; the taxonomy
//    also holds practices and concepts. A mention counts in the prediction set only when one of its skills
//    sits in a category of named technologies. Decided per category (SKILL_CATEGORIES in
//    src/taxonomy/schema.ts): only `architecture-and-practices` (Agile, Algorithms, Web Development, SDLC, UML…)
//    is practices as a whole. The other categories are named products with some concepts inside (Unit Testing
//    in `testing`, Robotics in `embedded-and-hardware`, CRM and SEO in `crm-and-marketing`, Routing and
//    Switching in `networking`…); they stay counted, so this figure removes only part of the concept finds.
// 2. Skill-bearing labels: a find that overlaps no Tech Tools item but lies inside a span of another label
//    type under which the annotators wrote technologies — `Job Specific Skills` (SOURCE.md: it "holds many
//    technologies too"), `Designation` ("SAP CRM Functional Consultant", "Flash Developer") and `Degree`
//    (certifications: "Certified ScrumMaster (CSM)", "Oracle certified Java Programmer") — is left out of the
//    count, neither right nor wrong. Finds inside `Companies worked at`, `College Name`, `Location`, `Name`
//    stay false positives: an employer or a city taken for a product is exactly the error to catch.
// Recall in both is over the same gold items, with the restricted prediction set.
export const CONCEPT_CATEGORIES = ['architecture-and-practices'];
export const SKILL_BEARING_LABELS = ['Job Specific Skills', 'Designation', 'Degree'];

function scoreSpans(docs, run, lookup, categoryOf = new Map(), kindOf = () => undefined) {
  const parts = { all: [0, 0, 0, 0], odd: [0, 0, 0, 0], even: [0, 0, 0, 0] };
  const named = (m) => m.ids.some((id) => !CONCEPT_CATEGORIES.includes(categoryOf.get(id)));
  const inSkillLabel = (d, m) => d.labels.some((l) => SKILL_BEARING_LABELS.includes(l.type) && overlaps(l, m));
  // [variant][part] = [tp found, found, tp gold, gold]
  const variants = { namedTech: {}, skillLabelsNotFp: {}, namedTechSkillLabelsNotFp: {} };
  for (const v of Object.values(variants)) for (const p of ['all', 'odd', 'even']) v[p] = [0, 0, 0, 0];
  // Label-consistent precision: the annotators labelled a technology at some of its occurrences only
  // (46.xml: SharePoint labelled twice, written 30 times). A find also counts when the same document's
  // gold holds an item resolving to the same skill. Recall is unchanged.
  const consistent = [0, 0];
  // Technologies only: a mention none of whose skills is of kind `technology` (practices such as Agile,
  // concepts such as Algorithms) is no prediction; recall over the same gold items, with that set.
  const tech = [0, 0, 0, 0];
  const techConsistent = [0, 0];
  const set = [0, 0, 0, 0];
  const fp = new Map();
  const fn = new Map();
  const fpInLabel = new Map();
  // Where the false positives sit, first reason that applies: a document with no Tech Tools label at all; a
  // skill-bearing label of another type; the same string or skill labelled elsewhere in the document; none.
  const fpWhere = new Map();
  let fpTotal = 0;
  for (const d of docs) {
    const profile = run(d.text);
    const found = mentionsOf(profile, kindOf);
    let tpP = 0;
    const goldIds = new Set(d.gold.map((g) => lookup(g.text)).filter(Boolean));
    for (const m of found) {
      consistent[1]++;
      if (d.gold.some((g) => overlaps(g, m)) || m.ids.some((id) => goldIds.has(id))) consistent[0]++;
      if (d.gold.some((g) => overlaps(g, m))) tpP++;
      else {
        fpTotal++;
        bump(fp, `${m.text.toLowerCase()} → ${m.ids.join('+')}`);
        const other = d.labels.find((l) => l.type !== 'Tech Tools' && overlaps(l, m));
        bump(fpInLabel, other ? other.type : '(unlabelled)');
        if (d.gold.length === 0) bump(fpWhere, 'document without Tech Tools labels');
        else if (inSkillLabel(d, m)) bump(fpWhere, `inside ${SKILL_BEARING_LABELS.join('/')}`);
        else if (
          d.gold.some((g) => g.text.toLowerCase() === m.text.toLowerCase()) ||
          m.ids.some((id) => goldIds.has(id))
        )
          bump(fpWhere, 'same string or skill labelled elsewhere in the document');
        else bump(fpWhere, 'not labelled anywhere in the document');
      }
    }
    let tpR = 0;
    for (const g of d.gold) {
      if (found.some((m) => overlaps(g, m))) tpR++;
      else bump(fn, g.text.toLowerCase());
    }
    for (const key of ['all', d.number % 2 === 1 ? 'odd' : 'even']) {
      const p = parts[key];
      p[0] += tpP;
      p[1] += found.length;
      p[2] += tpR;
      p[3] += d.gold.length;
    }
    const techFound = found.filter((m) => m.kinds.includes('technology'));
    tech[1] += techFound.length;
    tech[3] += d.gold.length;
    for (const m of techFound) {
      const right = d.gold.some((g) => overlaps(g, m));
      if (right) tech[0]++;
      techConsistent[1]++;
      if (right || m.ids.some((id) => goldIds.has(id))) techConsistent[0]++;
    }
    tech[2] += d.gold.filter((g) => techFound.some((m) => overlaps(g, m))).length;
    const keep = {
      namedTech: (m) => named(m),
      skillLabelsNotFp: (m) => d.gold.some((g) => overlaps(g, m)) || !inSkillLabel(d, m),
      namedTechSkillLabelsNotFp: (m) => named(m) && (d.gold.some((g) => overlaps(g, m)) || !inSkillLabel(d, m)),
    };
    for (const [name, test] of Object.entries(keep)) {
      const kept = found.filter(test);
      const tp = kept.filter((m) => d.gold.some((g) => overlaps(g, m))).length;
      const tpGold = d.gold.filter((g) => kept.some((m) => overlaps(g, m))).length;
      for (const key of ['all', d.number % 2 === 1 ? 'odd' : 'even']) {
        const p = variants[name][key];
        p[0] += tp;
        p[1] += kept.length;
        p[2] += tpGold;
        p[3] += d.gold.length;
      }
    }
    // Skill sets: gold items resolved through the taxonomy (unresolved items stay as text and count as misses).
    const goldSet = new Set(d.gold.map((g) => lookup(g.text) ?? `text:${g.text.toLowerCase()}`));
    const predSet = new Set(profile.skills.map((s) => s.id));
    const inter = [...predSet].filter((id) => goldSet.has(id)).length;
    set[0] += inter;
    set[1] += predSet.size;
    set[2] += inter;
    set[3] += goldSet.size;
  }
  return {
    spans: prf(...parts.all),
    spansLabelConsistent: prf(consistent[0], consistent[1], parts.all[2], parts.all[3]),
    spansTechnologies: prf(...tech),
    spansTechnologiesLabelConsistent: prf(techConsistent[0], techConsistent[1], tech[2], tech[3]),
    spansTuneOdd: prf(...parts.odd),
    spansHoldoutEven: prf(...parts.even),
    skillSets: prf(...set),
    spansNamedTech: prf(...variants.namedTech.all),
    spansNamedTechTuneOdd: prf(...variants.namedTech.odd),
    spansNamedTechHoldoutEven: prf(...variants.namedTech.even),
    spansSkillLabelsNotFp: prf(...variants.skillLabelsNotFp.all),
    spansSkillLabelsNotFpTuneOdd: prf(...variants.skillLabelsNotFp.odd),
    spansSkillLabelsNotFpHoldoutEven: prf(...variants.skillLabelsNotFp.even),
    spansNamedTechSkillLabelsNotFp: prf(...variants.namedTechSkillLabelsNotFp.all),
    spansNamedTechSkillLabelsNotFpTuneOdd: prf(...variants.namedTechSkillLabelsNotFp.odd),
    spansNamedTechSkillLabelsNotFpHoldoutEven: prf(...variants.namedTechSkillLabelsNotFp.even),
    falsePositivesWhere: Object.fromEntries([...fpWhere].sort((a, b) => b[1] - a[1])),
    falsePositivesInOtherLabels: Object.fromEntries([...fpInLabel].sort((a, b) => b[1] - a[1])),
    falsePositivesTotal: fpTotal,
    topFalsePositives: top(fp),
    topFalseNegatives: top(fn),
  };
}

// ---------------------------------------------------------------- dotin: claimed experience and timelines
//
// Claimed experience per skill, read by the bench on its own from the forms résumé exports write, so the
// extractor is measured against text, not against itself. A claim is a skill name the taxonomy resolves
// whole, and a duration: "Java (3 years)", "C++ (Less than 1 year)", "SQL (10+ years)" (Indeed exports);
// "Perl    1 years" (a flattened skills table); "Python: 4 years", "Java – 2.5 Yrs", "Python- Exprience -
// 18 months"; "3+ years of experience in Java". Expected months: years × 12 rounded, months as written,
// "Less than 1 year" = 6. Several claims on one skill in one document: the largest (the extractor's rule).
// A (document, skill) pair is covered when the profile's skill has those claimed months; "with span" also
// needs `claimedSpan` to overlap the duration as written.

const DURATION = String.raw`(less than (?:1|one) year|(\d{1,2}(?:\.\d+)?)\s*\+?\s*(years?|yrs?|months?))`;
const SEPARATORS = /[,;|•●▪\n(]| {2,}|\t/g;

function durationMonths(whole, number, unit) {
  if (/^less/i.test(whole)) return 6;
  const n = Number(number);
  return /^m/i.test(unit) ? Math.round(n) : Math.round(n * 12);
}

/** The name written right before `at`: back to the nearest list separator, trimmed of dashes and colons. */
function nameBefore(text, at) {
  const windowStart = Math.max(0, at - 60);
  let from = windowStart;
  for (const m of text.slice(windowStart, at).matchAll(SEPARATORS)) from = windowStart + m.index + m[0].length;
  return text
    .slice(from, at)
    .replace(/^[\s\-–:•]+|[\s\-–:]+$/g, '')
    .replace(/^and\s+/i, '');
}

/** Claims written in the forms above: `{id, months, span}` of each. */
export function claimsIn(text, lookup) {
  const claims = [];
  const add = (name, whole, number, unit, start) => {
    const id = name.length >= 1 && name.length <= 40 ? lookup(name) : null;
    if (id)
      claims.push({
        id,
        months: durationMonths(whole, number, unit),
        span: { start, end: start + whole.length },
        name,
      });
  };
  for (const m of text.matchAll(new RegExp(String.raw`\(\s*${DURATION}\s*\)`, 'gi')))
    add(nameBefore(text, m.index), m[1], m[2], m[3], m.index + m[0].indexOf(m[1]));
  for (const m of text.matchAll(new RegExp(String.raw`(?<=\S)(?: {2,}|\t+)${DURATION}(?= {2,}|\t|\r?\n|$)`, 'gi')))
    add(nameBefore(text, m.index), m[1], m[2], m[3], m.index + m[0].indexOf(m[1]));
  for (const m of text.matchAll(
    new RegExp(String.raw`(?<=[A-Za-z+#.])\s*[-–:]\s*(?:ex?p[a-z]*\s*[-–:]?\s*)?${DURATION}(?![\w)])`, 'gi'),
  ))
    add(nameBefore(text, m.index), m[1], m[2], m[3], m.index + m[0].indexOf(m[1]));
  for (const m of text.matchAll(
    new RegExp(
      String.raw`\b${DURATION}['’]?\s+(?:of\s+)?(?:[a-z-]+\s+){0,2}?(?:experience\s+)?(?:in|with|on)\s+([^,.;:()\n]{1,40})`,
      'gi',
    ),
  )) {
    const name = m[4].split(/\s+and\s+| {2,}/)[0].trim();
    add(name, m[1], m[2], m[3], m.index + m[0].indexOf(m[1]));
  }
  const seen = new Set();
  return claims.filter((c) => !seen.has(c.span.start) && seen.add(c.span.start));
}

/** Share of (document, skill) claim pairs whose skill got the right claimed months (and span). */
function scoreClaims(docs, run, lookup) {
  let pairs = 0;
  let right = 0;
  let rightWithSpan = 0;
  let lines = 0;
  const missed = new Map();
  for (const d of docs) {
    const claims = claimsIn(d.text, lookup);
    if (claims.length === 0) continue;
    lines += claims.length;
    const byId = new Map();
    for (const c of claims) byId.set(c.id, [...(byId.get(c.id) ?? []), c]);
    const profile = run(d.text);
    for (const [id, list] of byId) {
      pairs++;
      const months = Math.max(...list.map((c) => c.months));
      const skill = profile.skills.find((s) => s.id === id);
      const got = skill?.claimedMonths ?? (skill?.claimedYears == null ? null : Math.round(skill.claimedYears * 12));
      if (got === months) {
        right++;
        if (skill.claimedSpan && list.some((c) => c.months === months && overlaps(c.span, skill.claimedSpan)))
          rightWithSpan++;
      } else bump(missed, `${list[0].name} → ${id}: ${months} months, got ${got ?? (skill ? 'none' : 'no skill')}`);
    }
  }
  return {
    claimsFound: lines,
    skillPairs: pairs,
    right,
    share: round(pairs === 0 ? 0 : right / pairs),
    shareWithSpan: round(pairs === 0 ? 0 : rightWithSpan / pairs),
    topMissed: top(missed),
  };
}

/** Share of documents whose parsed timeline holds at least one dated entry. */
async function timelineShare(docs, pkg) {
  if (typeof pkg.parseResume !== 'function') return { skipped: 'parseResume not in the built package' };
  let dated = 0;
  for (const d of docs) {
    const doc = await pkg.parseResume(d.text, {
      isolate: false,
      asOf: '2026-11',
      filename: d.name.replace(/\.xml$/, '.txt'),
    });
    if ((doc.timeline ?? []).some((e) => typeof e.start === 'string')) dated++;
  }
  return { documents: docs.length, withDatedEntry: dated, share: round(dated / docs.length) };
}

// ---------------------------------------------------------------- skillspan

function bioSpans(tags, offsets) {
  const spans = [];
  let cur = null;
  tags.forEach((t, i) => {
    if (t.startsWith('B') || (t.startsWith('I') && cur === null)) {
      if (cur) spans.push(cur);
      cur = { start: offsets[i][0], end: offsets[i][1], first: i, last: i };
    } else if (t.startsWith('I') && cur) {
      cur.end = offsets[i][1];
      cur.last = i;
    } else if (cur) {
      spans.push(cur);
      cur = null;
    }
  });
  if (cur) spans.push(cur);
  return spans;
}

function detokenise(tokens) {
  let text = '';
  const offsets = tokens.map((t) => {
    if (text.length > 0) text += ' ';
    const s = text.length;
    text += t;
    return [s, text.length];
  });
  return { text, offsets };
}

function skillspanDocs(quick) {
  const file = join(DATA, 'skillspan/data/json/test.json');
  let rows = readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l))
    .filter((r) => r.source === 'tech');
  if (quick) rows = rows.slice(0, 500);
  return rows.map((r) => {
    const { text, offsets } = detokenise(r.tokens);
    const gold = bioSpans(r.tags_knowledge, offsets).map((s) => ({ ...s, text: text.slice(s.start, s.end) }));
    return { text, gold };
  });
}

function scoreSkillspan(docs, run, techGold) {
  const all = [0, 0, 0, 0];
  const tech = [0, 0, 0, 0];
  const set = [0, 0, 0, 0];
  const fp = new Map();
  const fn = new Map();
  for (const d of docs) {
    const found = mentionsOf(run(d.text));
    const goldTech = d.gold.filter((g) => techGold(g.text));
    let pAll = 0;
    for (const m of found) {
      if (d.gold.some((g) => overlaps(g, m))) pAll++;
      else bump(fp, m.text.toLowerCase());
    }
    let rAll = 0;
    for (const g of d.gold) if (found.some((m) => overlaps(g, m))) rAll++;
    let rTech = 0;
    for (const g of goldTech) {
      if (found.some((m) => overlaps(g, m))) rTech++;
      else bump(fn, g.text.toLowerCase());
    }
    all[0] += pAll;
    all[1] += found.length;
    all[2] += rAll;
    all[3] += d.gold.length;
    // Precision against tech gold would punish finds inside non-tech Knowledge spans ("agile" is Knowledge but
    // not resolvable); count a find correct if it overlaps any Knowledge span, recall over tech spans only.
    tech[0] += pAll;
    tech[1] += found.length;
    tech[2] += rTech;
    tech[3] += goldTech.length;
    const goldSet = new Set(goldTech.map((g) => techGold(g.text)));
    const predSet = new Set(found.flatMap((m) => m.ids));
    const inter = [...predSet].filter((id) => goldSet.has(id)).length;
    set[0] += inter;
    set[1] += predSet.size;
    set[2] += [...goldSet].filter((id) => predSet.has(id)).length;
    set[3] += goldSet.size;
  }
  return {
    spansAllKnowledge: prf(...all),
    spansTechKnowledge: prf(...tech),
    skillSetsTech: prf(...set),
    topFalsePositives: top(fp),
    topFalseNegativesTech: top(fn),
  };
}

// ---------------------------------------------------------------- stackoverflow-ner

const AMBIGUOUS_NAMES = new Set(['go', 'r', 'c', 'swift', 'rust', 'express', 'spring', 'rails']);
const SO_TECH_TYPES = new Set([
  'Application',
  'Library',
  'Language',
  'Operating_System',
  'Framework',
  'Library_Class',
  'Library_Function',
  'Version',
  'Website',
  'Device',
  'Data_Type',
]);

function stackoverflowDocs(quick) {
  const file = join(DATA, 'stackoverflow-ner/resources/annotated_ner_data/StackOverflow/test.txt');
  const sentences = [];
  let cur = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '') {
      if (cur.length) sentences.push(cur);
      cur = [];
      continue;
    }
    const [word, tag] = line.split('\t');
    cur.push({ word, tag: tag ?? 'O' });
  }
  if (cur.length) sentences.push(cur);
  const docs = sentences
    .filter(
      (s) =>
        !s.every((t) => t.tag.includes('Code_Block') || t.tag.includes('Output_Block')) &&
        !s[0].word.startsWith('Question_'),
    )
    .map((s) => {
      const { text, offsets } = detokenise(s.map((t) => t.word));
      return { text, tokens: s.map((t, i) => ({ ...t, start: offsets[i][0], end: offsets[i][1] })) };
    });
  return quick ? docs.slice(0, 1500) : docs;
}

function scoreStackoverflow(docs, run) {
  let found = 0;
  let correct = 0;
  let goldAmb = 0;
  let goldAmbFound = 0;
  const wrong = new Map();
  const missed = new Map();
  for (const d of docs) {
    const ms = mentionsOf(run(d.text));
    for (const m of ms) {
      if (!AMBIGUOUS_NAMES.has(m.text.toLowerCase())) continue;
      found++;
      const toks = d.tokens.filter((t) => overlaps(t, m));
      const ok = toks.some((t) => t.tag !== 'O' && SO_TECH_TYPES.has(t.tag.slice(2)));
      if (ok) correct++;
      else
        bump(
          wrong,
          `${m.text} [${toks.map((t) => t.tag).join(' ')}] ${d.text.slice(Math.max(0, m.start - 30), m.end + 30).replace(/\s+/g, ' ')}`,
        );
    }
    for (const t of d.tokens) {
      if (!AMBIGUOUS_NAMES.has(t.word.toLowerCase()) || t.tag === 'O' || !SO_TECH_TYPES.has(t.tag.slice(2))) continue;
      goldAmb++;
      if (ms.some((m) => overlaps(t, m))) goldAmbFound++;
      else bump(missed, `${t.word} [${t.tag}]`);
    }
  }
  return {
    ambiguousPrecision: round(found === 0 ? 0 : correct / found),
    ambiguousFound: found,
    ambiguousCorrect: correct,
    ambiguousRecall: round(goldAmb === 0 ? 0 : goldAmbFound / goldAmb),
    ambiguousGold: goldAmb,
    topFalsePositives: top(wrong),
    topFalseNegatives: top(missed),
  };
}

// ---------------------------------------------------------------- green-jd-entities

function greenDocs() {
  const file = join(DATA, 'green-jd-entities/raw_data/testset.txt');
  const sentences = [];
  let cur = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const parts = line.trim().split(/\s+/);
    if (line.trim() === '') {
      if (cur.length) sentences.push(cur);
      cur = [];
      continue;
    }
    cur.push({ word: parts[0], tag: parts[1] ?? 'O' });
  }
  if (cur.length) sentences.push(cur);
  return sentences.map((s) => {
    const { text, offsets } = detokenise(s.map((t) => t.word));
    return { text, tokens: s.map((t, i) => ({ ...t, start: offsets[i][0], end: offsets[i][1] })) };
  });
}

function scoreGreen(docs, run) {
  let tokens = 0;
  let found = 0;
  let fpCount = 0;
  const fp = new Map();
  for (const d of docs) {
    tokens += d.tokens.length;
    for (const m of mentionsOf(run(d.text))) {
      found++;
      const toks = d.tokens.filter((t) => overlaps(t, m));
      const ok = toks.some((t) => /Skill|Qualification|Domain/.test(t.tag));
      if (!ok) {
        fpCount++;
        bump(fp, m.text.toLowerCase());
      }
    }
  }
  return {
    tokens,
    found,
    falsePositives: fpCount,
    falsePositivesPer1000Tokens: round((fpCount / tokens) * 1000),
    topFalsePositives: top(fp),
  };
}

// ---------------------------------------------------------------- resume-pdf-variety

async function pdfVariety(pkg, extract) {
  if (typeof pkg.parseResume !== 'function') return { skipped: 'parseResume not in the built package' };
  const dir = join(DATA, 'resume-pdf-variety/files');
  const files = readdirSync(dir)
    .filter((f) => f.startsWith('resume-matcher_') && f.endsWith('.pdf'))
    .sort();
  const sets = {};
  for (const f of files) {
    const doc = await pkg.parseResume(new Uint8Array(readFileSync(join(dir, f))), {
      filename: f,
      isolate: false,
      asOf: '2026-11',
    });
    sets[f] = extract(doc).skills.map((s) => s.id);
  }
  const all = Object.values(sets);
  const union = new Set(all.flat());
  const inter = [...union].filter((id) => all.every((s) => s.includes(id)));
  return {
    files: files.length,
    identical: all.every((s) => s.join() === all[0].join()),
    skills: inter.length,
    differences: Object.fromEntries(
      Object.entries(sets).map(([f, s]) => [f, [...union].filter((id) => !s.includes(id))]),
    ),
    skillIds: all[0],
  };
}

// ---------------------------------------------------------------- main

/** Runs every available data set; returns plain JSON. `quick` samples the larger sets. */
export async function runExtractionAccuracy({ quick = false, taxonomyFile = process.env.SKILLMATCH_TAXONOMY } = {}) {
  const pkg = await loadPackage();
  const taxonomy = taxonomyFile ? JSON.parse(readFileSync(taxonomyFile, 'utf8')) : pkg.builtinTaxonomy();
  const extractor = pkg.createExtractor(taxonomy);
  const ours = (text) => extractor.extract(text, { asOf: '2026-11' });
  const base = createBaseline(taxonomy);
  const index = extractor.index;
  const lookup = (t) => pkg.lookupAlias(index, t)[0]?.skillId ?? null;
  const categoryOf = new Map(taxonomy.skills.map((s) => [s.id, s.category]));
  // The taxonomy's kind of each skill (technology, practice, concept), for the baseline's finds and for
  // profiles written before skills carried their kind.
  const kinds = new Map(taxonomy.skills.map((s) => [s.id, s.kind ?? 'technology']));
  const kindOf = (id) => kinds.get(id);
  const result = { taxonomyVersion: taxonomy.version, skills: taxonomy.skills.length, quick, datasets: {} };
  const have = (p) => existsSync(join(DATA, p));

  if (have('dotin-resume-ner-train/xml')) {
    const docs = dotinDocs(quick);
    // 125 of the 307 files carry no Tech Tools label at all, software résumés among them (57.xml, a
    // technical architect's): their annotation was skipped, not their tools absent. Scored both ways.
    const annotated = docs.filter((d) => d.gold.length > 0);
    result.datasets.dotin = {
      documents: docs.length,
      goldItems: docs.reduce((n, d) => n + d.gold.length, 0),
      alignment: {
        conceptCategories: CONCEPT_CATEGORIES,
        namedTechCategories: [...new Set(taxonomy.skills.map((s) => s.category))]
          .filter((c) => !CONCEPT_CATEGORIES.includes(c))
          .sort(),
        skillBearingLabels: SKILL_BEARING_LABELS,
      },
      ours: scoreSpans(docs, ours, lookup, categoryOf, kindOf),
      baseline: scoreSpans(docs, base, lookup, categoryOf, kindOf),
      annotatedDocuments: annotated.length,
      labelOracleStrictPrecision: dotinOracleCeiling(docs),
      oursAnnotated: scoreSpans(annotated, ours, lookup, categoryOf, kindOf),
      baselineAnnotated: scoreSpans(annotated, base, lookup, categoryOf, kindOf),
      claimedMonths: scoreClaims(docs, ours, lookup),
      timeline: await timelineShare(docs, pkg),
    };
  } else result.datasets.dotin = { skipped: 'data absent' };

  if (have('skillspan/data/json/test.json')) {
    const docs = skillspanDocs(quick);
    // A Knowledge span names a technology when the taxonomy resolves it whole (after dropping a trailing version).
    const techGold = (t) => lookup(t) ?? lookup(t.replace(/\s*v?\d+(\.\d+)*\+?$/, '')) ?? null;
    result.datasets.skillspan = {
      sentences: docs.length,
      knowledgeSpans: docs.reduce((n, d) => n + d.gold.length, 0),
      techKnowledgeSpans: docs.reduce((n, d) => n + d.gold.filter((g) => techGold(g.text)).length, 0),
      ours: scoreSkillspan(docs, ours, techGold),
      baseline: scoreSkillspan(docs, base, techGold),
    };
  } else result.datasets.skillspan = { skipped: 'data absent' };

  if (have('stackoverflow-ner/resources/annotated_ner_data/StackOverflow/test.txt')) {
    const docs = stackoverflowDocs(quick);
    result.datasets.stackoverflow = {
      sentences: docs.length,
      ours: scoreStackoverflow(docs, ours),
      baseline: scoreStackoverflow(docs, base),
    };
  } else result.datasets.stackoverflow = { skipped: 'data absent' };

  if (have('green-jd-entities/raw_data/testset.txt')) {
    const docs = greenDocs();
    result.datasets.greenJd = {
      sentences: docs.length,
      ours: scoreGreen(docs, ours),
      baseline: scoreGreen(docs, base),
    };
  } else result.datasets.greenJd = { skipped: 'data absent' };

  if (have('resume-pdf-variety/files')) {
    try {
      result.datasets.pdfVariety = await pdfVariety(pkg, (doc) => extractor.extract(doc, { asOf: '2026-11' }));
    } catch (error) {
      result.datasets.pdfVariety = { skipped: `parse failed: ${error.message}` };
    }
  } else result.datasets.pdfVariety = { skipped: 'data absent' };
  return result;
}

function markdown(r) {
  const d = r.datasets;
  const row = (name, o, b) =>
    `| ${name} | ${o.precision} | ${o.recall} | ${o.f1} | ${b.precision} | ${b.recall} | ${b.f1} |`;
  const lines = ['| set | P | R | F1 | baseline P | baseline R | baseline F1 |', '|---|---|---|---|---|---|---|'];
  if (d.dotin?.ours) {
    lines.push(row('dotin spans (all)', d.dotin.ours.spans, d.dotin.baseline.spans));
    lines.push(row('dotin spans (odd: tuned)', d.dotin.ours.spansTuneOdd, d.dotin.baseline.spansTuneOdd));
    lines.push(row('dotin spans (even: held out)', d.dotin.ours.spansHoldoutEven, d.dotin.baseline.spansHoldoutEven));
    lines.push(row('dotin skill sets', d.dotin.ours.skillSets, d.dotin.baseline.skillSets));
    lines.push(
      row(
        `dotin spans, ${d.dotin.annotatedDocuments} Tech-Tools-annotated docs`,
        d.dotin.oursAnnotated.spans,
        d.dotin.baselineAnnotated.spans,
      ),
    );
    lines.push(row('  … odd (tuned)', d.dotin.oursAnnotated.spansTuneOdd, d.dotin.baselineAnnotated.spansTuneOdd));
    lines.push(
      row('  … even (held out)', d.dotin.oursAnnotated.spansHoldoutEven, d.dotin.baselineAnnotated.spansHoldoutEven),
    );
    lines.push(row('  … skill sets', d.dotin.oursAnnotated.skillSets, d.dotin.baselineAnnotated.skillSets));
    lines.push(
      row(
        '  … spans, label-consistent P',
        d.dotin.oursAnnotated.spansLabelConsistent,
        d.dotin.baselineAnnotated.spansLabelConsistent,
      ),
    );
    if (d.dotin.ours.spansTechnologies) {
      lines.push(
        row(
          'dotin spans, technologies only (strict)',
          d.dotin.ours.spansTechnologies,
          d.dotin.baseline.spansTechnologies,
        ),
      );
      lines.push(
        row(
          'dotin spans, technologies only, label-consistent P',
          d.dotin.ours.spansTechnologiesLabelConsistent,
          d.dotin.baseline.spansTechnologiesLabelConsistent,
        ),
      );
      lines.push(
        row(
          `  … ${d.dotin.annotatedDocuments} annotated docs, technologies only (strict)`,
          d.dotin.oursAnnotated.spansTechnologies,
          d.dotin.baselineAnnotated.spansTechnologies,
        ),
      );
      lines.push(
        row(
          `  … ${d.dotin.annotatedDocuments} annotated docs, technologies only, label-consistent P`,
          d.dotin.oursAnnotated.spansTechnologiesLabelConsistent,
          d.dotin.baselineAnnotated.spansTechnologiesLabelConsistent,
        ),
      );
    }
    if (d.dotin.ours.spansNamedTech) {
      const o = d.dotin.ours;
      const b = d.dotin.baseline;
      const oa = d.dotin.oursAnnotated;
      const ba = d.dotin.baselineAnnotated;
      lines.push(row('dotin spans, named technologies (a)', o.spansNamedTech, b.spansNamedTech));
      lines.push(row('dotin (a), odd (tuned)', o.spansNamedTechTuneOdd, b.spansNamedTechTuneOdd));
      lines.push(row('dotin (a), even (held out)', o.spansNamedTechHoldoutEven, b.spansNamedTechHoldoutEven));
      lines.push(row('dotin spans, skill-bearing labels not FP (b)', o.spansSkillLabelsNotFp, b.spansSkillLabelsNotFp));
      lines.push(row('dotin spans, (a) and (b)', o.spansNamedTechSkillLabelsNotFp, b.spansNamedTechSkillLabelsNotFp));
      lines.push(
        row(
          'dotin (a) and (b), odd (tuned)',
          o.spansNamedTechSkillLabelsNotFpTuneOdd,
          b.spansNamedTechSkillLabelsNotFpTuneOdd,
        ),
      );
      lines.push(
        row(
          'dotin (a) and (b), even (held out)',
          o.spansNamedTechSkillLabelsNotFpHoldoutEven,
          b.spansNamedTechSkillLabelsNotFpHoldoutEven,
        ),
      );
      lines.push(
        row(
          `dotin (a) and (b), ${d.dotin.annotatedDocuments} annotated docs`,
          oa.spansNamedTechSkillLabelsNotFp,
          ba.spansNamedTechSkillLabelsNotFp,
        ),
      );
    }
  }
  if (d.skillspan?.ours) {
    lines.push(
      row('skillspan (all Knowledge)', d.skillspan.ours.spansAllKnowledge, d.skillspan.baseline.spansAllKnowledge),
    );
    lines.push(
      row('skillspan (tech Knowledge)', d.skillspan.ours.spansTechKnowledge, d.skillspan.baseline.spansTechKnowledge),
    );
    lines.push(row('skillspan skill sets (tech)', d.skillspan.ours.skillSetsTech, d.skillspan.baseline.skillSetsTech));
  }
  if (d.dotin?.alignment) {
    const a = d.dotin.alignment;
    lines.push(
      '',
      'dotin readings. Strict rows: every distinct mention span is a prediction; it is right when it overlaps a `Tech Tools` gold item',
      '(gold spans split on `, ; | /`, brackets, bullets and " and "); recall is the share of gold items overlapped by some mention.',
      `(a) named technologies: the same, with the prediction set cut to mentions of a skill outside the practice categories (${a.conceptCategories.join(', ')});`,
      '    the other categories count whole, concepts inside them included (Unit Testing, Robotics, CRM, Routing and Switching), so (a) removes only part of the concept finds.',
      `(b) skill-bearing labels not FP: a mention that overlaps no Tech Tools item but lies inside a ${a.skillBearingLabels.join(' / ')} span is not counted`,
      '    (neither right nor wrong); mentions inside Companies worked at, College Name, Location, Name still count as false positives.',
      'Gold and recall denominators are unchanged in every row. label-consistent P: a find also counts when the same skill is labelled elsewhere in the document.',
    );
    if (d.dotin.labelOracleStrictPrecision?.precision != null) {
      const o = d.dotin.labelOracleStrictPrecision;
      lines.push(
        `dotin label ceiling: an oracle predicting every occurrence of the strings the annotators labelled in each document scores strict P ${o.precision} (${o.right} of ${o.found}); the labels leave the other occurrences unlabelled.`,
      );
    }
    if (d.dotin.ours.falsePositivesWhere)
      lines.push(
        `dotin false positives (${d.dotin.ours.falsePositivesTotal}), where they sit: ${Object.entries(
          d.dotin.ours.falsePositivesWhere,
        )
          .map(([k, v]) => `${k} ${v}`)
          .join('; ')}`,
      );
  }
  if (d.dotin?.claimedMonths) {
    const c = d.dotin.claimedMonths;
    lines.push(
      `dotin claimed experience: ${c.claimsFound} claims in the forms the bench reads, on ${c.skillPairs} (document, skill) pairs; right months ${c.share} (${c.right}), right months and span ${c.shareWithSpan}`,
    );
    if (c.topMissed?.length) lines.push(`dotin claimed experience, missed: ${c.topMissed.join('; ')}`);
  }
  if (d.dotin?.timeline?.share !== undefined)
    lines.push(
      `dotin timelines: ${d.dotin.timeline.withDatedEntry} of ${d.dotin.timeline.documents} résumés (${d.dotin.timeline.share}) have at least one dated timeline entry`,
    );
  if (d.stackoverflow?.ours)
    lines.push(
      `\nstackoverflow-ner ambiguous-name precision: ours ${d.stackoverflow.ours.ambiguousPrecision} (${d.stackoverflow.ours.ambiguousFound} found, recall ${d.stackoverflow.ours.ambiguousRecall}), baseline ${d.stackoverflow.baseline.ambiguousPrecision} (${d.stackoverflow.baseline.ambiguousFound} found)`,
    );
  if (d.greenJd?.ours)
    lines.push(
      `green-jd false positives per 1,000 tokens: ours ${d.greenJd.ours.falsePositivesPer1000Tokens}, baseline ${d.greenJd.baseline.falsePositivesPer1000Tokens}`,
    );
  if (d.pdfVariety && 'identical' in d.pdfVariety)
    lines.push(
      `resume-pdf-variety: ${d.pdfVariety.files} layouts, identical skill sets: ${d.pdfVariety.identical} (${d.pdfVariety.skills} common)`,
    );
  const tops = [
    ['dotin', d.dotin?.ours?.topFalsePositives, d.dotin?.ours?.topFalseNegatives],
    ['skillspan', d.skillspan?.ours?.topFalsePositives, d.skillspan?.ours?.topFalseNegativesTech],
    ['stackoverflow-ner', d.stackoverflow?.ours?.topFalsePositives, d.stackoverflow?.ours?.topFalseNegatives],
    ['green-jd', d.greenJd?.ours?.topFalsePositives, []],
  ];
  for (const [name, fp, fn] of tops) {
    if (!fp) continue;
    lines.push(`\n${name} — 20 most frequent false positives: ${fp.join(', ') || '(none)'}`);
    if (fn?.length) lines.push(`${name} — 20 most frequent false negatives: ${fn.join(', ')}`);
  }
  return lines.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const outAt = args.indexOf('--out');
  const mdAt = args.indexOf('--md');
  const taxAt = args.indexOf('--taxonomy');
  const result = await runExtractionAccuracy({ quick, ...(taxAt >= 0 ? { taxonomyFile: args[taxAt + 1] } : {}) });
  const json = JSON.stringify(result, null, 2);
  if (outAt >= 0 && args[outAt + 1]) writeFileSync(args[outAt + 1], `${json}\n`);
  else console.log(json);
  const md = markdown(result);
  if (mdAt >= 0 && args[mdAt + 1]) writeFileSync(args[mdAt + 1], `${md}\n`);
  console.error(md);
}
