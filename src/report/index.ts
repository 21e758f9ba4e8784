/**
 * The HTML shortlist report: a ranking → one self-contained HTML file a recruiter can open,
 * print or attach. A pure function: no I/O, no clock, no network; the page itself loads
 * nothing (inline styles, no scripts, and a Content-Security-Policy that forbids every request).
 */
import type { Diagnostic, Evidence, RankedResult, RankError, Ranking, RequirementResult } from '../types.js';
import { bar, escapeHtml, formatScore, highlightedSentence, STYLES } from './html.js';

export { escapeHtml, highlightRange } from './html.js';

/** Options of `renderShortlistHtml`. */
export interface ShortlistHtmlOptions {
  /** The page's heading. @default `Shortlist: <role title>` */
  title?: string;
  /** Display names by result id (file names, candidate names); ids are shown as they are otherwise. @default {} */
  names?: Record<string, string>;
  /** When the ranking was made, shown in the header (ISO 8601). @default not shown (the output depends only on its inputs) */
  generatedAt?: string;
  /** Most evidence sentences shown per requirement. @default 3 */
  maxEvidence?: number;
}

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

function nameOf(id: string, options: ShortlistHtmlOptions): string {
  return options.names?.[id] ?? id;
}

function renderEvidence(evidence: Evidence): string {
  const where = [
    evidence.context,
    evidence.negated ? 'negated' : '',
    evidence.aspiration ? 'aspiration' : '',
    evidence.fuzzy ? 'typo-tolerant' : '',
    `strength ${formatScore(evidence.strength * 100)}`,
  ]
    .filter(Boolean)
    .join(' · ');
  return `<li><q>${highlightedSentence(evidence)}</q> <span class="where">${escapeHtml(where)}</span></li>`;
}

function renderRequirement(req: RequirementResult, maxEvidence: number): string {
  const percent = req.score * 100;
  const via = req.skill
    ? req.via === 'direct'
      ? req.skill.name
      : `${req.skill.name} (${req.via}${req.creditedAs ? `, counted for ${req.creditedAs.name}` : ''})`
    : 'no evidence';
  const depth = [
    req.months > 0 ? `${req.months} months` : '',
    req.lastUsed ? `last used ${req.lastUsed}` : '',
    req.claimedYears !== null ? `claims ${req.claimedYears} years` : '',
  ]
    .filter(Boolean)
    .join(', ');
  const evidence = req.evidence.slice(0, maxEvidence);
  return `<li><details>
<summary><span><span class="importance">${escapeHtml(req.importance)}</span> ${escapeHtml(req.label)}</span>${bar(percent, `${req.label}: ${formatScore(percent)} of 100`, req.status)}<span class="status-${req.status}">${formatScore(percent)}</span><span class="where">${escapeHtml(req.status)} · ${escapeHtml(via)}${depth ? ` · ${escapeHtml(depth)}` : ''}</span></summary>
${evidence.length > 0 ? `<ul class="evidence">${evidence.map(renderEvidence).join('')}</ul>` : '<p class="where evidence">No sentence of the résumé shows this.</p>'}
</details></li>`;
}

function renderDiagnostics(diagnostics: Diagnostic[]): string {
  if (diagnostics.length === 0) return '';
  const items = diagnostics
    .map(
      (d) =>
        `<li class="sev-${d.severity}"><code>${escapeHtml(d.code)}</code> ${escapeHtml(d.message)}${d.place ? ` <span class="where">(${escapeHtml(d.place)})</span>` : ''}</li>`,
    )
    .join('');
  return `<details class="plain diagnostics"><summary>${diagnostics.length} note${diagnostics.length === 1 ? '' : 's'} on how this résumé was read</summary><ul>${items}</ul></details>`;
}

function renderCandidate(result: RankedResult, options: ShortlistHtmlOptions): string {
  const { match } = result;
  const anchor = `c-${result.rank}`;
  const name = nameOf(result.id, options);
  const badge = result.mustHavesMet
    ? '<span class="badge ok">must-haves met</span>'
    : `<span class="badge no">${match.missingRequired.length} must-have${match.missingRequired.length === 1 ? '' : 's'} missing</span>`;
  const missing =
    match.missingRequired.length > 0
      ? `<p class="missing-list">Missing must-haves: ${match.missingRequired.map(escapeHtml).join(', ')}</p>`
      : '';
  return `<section class="candidate" id="${anchor}" aria-labelledby="${anchor}-h">
<h2 id="${anchor}-h"><span class="rank">#${result.rank}</span> <span class="name">${escapeHtml(name)}</span> <span class="score" aria-label="score ${formatScore(result.score)} of 100">${formatScore(result.score)}</span> ${badge}</h2>
${bar(result.score, `${name}: overall ${formatScore(result.score)} of 100`, 'total')}
<p class="summary">${escapeHtml(match.summary)}</p>
${missing}<ul class="requirements">${match.requirements.map((r) => renderRequirement(r, options.maxEvidence ?? 3)).join('\n')}</ul>
${renderDiagnostics(match.diagnostics)}
</section>`;
}

function renderErrors(errors: RankError[], options: ShortlistHtmlOptions): string {
  if (errors.length === 0) return '';
  const rows = errors
    .map(
      (e) =>
        `<tr><td>${escapeHtml(nameOf(e.id, options))}</td><td><code>${escapeHtml(e.error.code)}</code></td><td>${escapeHtml(e.error.message)}</td></tr>`,
    )
    .join('\n');
  return `<section class="errors" id="unreadable" aria-labelledby="unreadable-h">
<h2 id="unreadable-h">Unreadable files (${errors.length})</h2>
<table><thead><tr><th scope="col">file</th><th scope="col">reason</th><th scope="col">details</th></tr></thead><tbody>
${rows}
</tbody></table>
</section>`;
}

/**
 * Renders a ranking as one self-contained HTML page: candidates best first, each with a bar per
 * requirement, the evidence sentences with the matched words highlighted, missing must-haves and
 * diagnostics; then the files that could not be read, with their reason; the role and the
 * scoring version in the header. Every string from a résumé is escaped, and the page carries a
 * Content-Security-Policy that blocks scripts and all network requests.
 *
 * @example
 * const ranking = await createMatcher().rank(files, 'backend-developer');
 * writeFileSync('shortlist.html', renderShortlistHtml(ranking, { generatedAt: new Date().toISOString() }));
 */
export function renderShortlistHtml(ranking: Ranking, options: ShortlistHtmlOptions = {}): string {
  if (
    typeof ranking !== 'object' ||
    ranking === null ||
    !Array.isArray(ranking.results) ||
    !Array.isArray(ranking.errors)
  )
    throw new TypeError('`ranking` must be a Ranking (results and errors)');
  if (typeof options !== 'object' || options === null) throw new TypeError('`options` must be an object');
  const title = options.title ?? `Shortlist: ${ranking.role.title}`;
  const scoring = (ranking as Ranking & { scoringVersion?: string }).scoringVersion ?? ranking.version;
  const generated = options.generatedAt ? ` · generated ${escapeHtml(options.generatedAt)}` : '';
  const nav = ranking.results
    .map(
      (r) =>
        `<li><a href="#c-${r.rank}">${r.rank}. ${escapeHtml(nameOf(r.id, options))} — ${formatScore(r.score)}</a></li>`,
    )
    .join('');
  const errorsLink = ranking.errors.length > 0 ? '<li><a href="#unreadable">Unreadable files</a></li>' : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLES}</style>
</head>
<body>
<a class="skip" href="#candidates">Skip to the candidates</a>
<header>
<h1>${escapeHtml(title)}</h1>
<p class="meta">Role <code>${escapeHtml(ranking.role.id)}</code> · ${escapeHtml(ranking.role.title)} · scoring version ${escapeHtml(scoring)} · ${ranking.results.length} ranked of ${ranking.total} received · ${ranking.errors.length} unreadable${generated}</p>
</header>
<nav aria-label="Candidates"><ol>${nav}${errorsLink}</ol></nav>
<main id="candidates" tabindex="-1">
${ranking.results.length > 0 ? ranking.results.map((r) => renderCandidate(r, options)).join('\n') : '<p>No candidate could be scored.</p>'}
</main>
${renderErrors(ranking.errors, options)}
<footer><p>Scores are 0–100. Each requirement's bar is its own score; expand it for the sentences behind it. Made by skillmatch: check the evidence, not only the number.</p></footer>
</body>
</html>
`;
}
