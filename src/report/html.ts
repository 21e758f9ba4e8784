/**
 * HTML building blocks of the shortlist report: escaping and the highlighted evidence sentence.
 * Every string that came from a résumé, a file name or a role goes through `escapeHtml`; nothing
 * from them is ever put in a URL, an id, an event attribute or a style.
 */
import type { Evidence } from '../types.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe inside an element or a quoted attribute value. */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** Where the evidence's words sit in its sentence: by offset when the sentence is the span's own, else by search. */
export function highlightRange(
  evidence: Pick<Evidence, 'span' | 'sentenceSpan' | 'sentence' | 'text'>,
): [number, number] | null {
  const { sentence, text } = evidence;
  if (text === '') return null;
  const offset = evidence.span.start - evidence.sentenceSpan.start;
  if (offset >= 0 && sentence.slice(offset, offset + text.length) === text) return [offset, offset + text.length];
  // The sentence was trimmed or capped, so offsets no longer line up: find the words themselves.
  const at = sentence.toLowerCase().indexOf(text.toLowerCase());
  return at < 0 ? null : [at, at + text.length];
}

/** The evidence sentence, escaped, with the matched words in `<mark>`. */
export function highlightedSentence(evidence: Pick<Evidence, 'span' | 'sentenceSpan' | 'sentence' | 'text'>): string {
  const range = highlightRange(evidence);
  const { sentence } = evidence;
  if (range === null) return escapeHtml(sentence);
  const [start, end] = range;
  return `${escapeHtml(sentence.slice(0, start))}<mark>${escapeHtml(sentence.slice(start, end))}</mark>${escapeHtml(sentence.slice(end))}`;
}

/** A 0–100 number as shown (one decimal, no trailing `.0`). */
export function formatScore(score: number): string {
  const rounded = Math.round(score * 10) / 10;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
}

/** A horizontal bar with its value for assistive technology; the width is the only style. */
export function bar(percent: number, label: string, kind: string): string {
  const value = Math.max(0, Math.min(100, Math.round(percent)));
  return `<span class="bar ${kind}" role="meter" aria-valuemin="0" aria-valuemax="100" aria-valuenow="${value}" aria-label="${escapeHtml(label)}"><span style="width:${value}%"></span></span>`;
}

/** The report's stylesheet: inline, as the file makes no request of any kind. */
export const STYLES = `
:root { color-scheme: light; --ink: #1d2330; --muted: #5b6475; --line: #d9dde5; --met: #1f7a4d; --partial: #b7791f; --missing: #b42318; --accent: #2f5bd3; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #f6f7f9; }
.skip { position: absolute; left: -9999px; top: 0; background: #fff; padding: .5rem 1rem; }
.skip:focus { left: 1rem; z-index: 10; }
header, main, nav, footer, section.errors { max-width: 1100px; margin: 0 auto; padding: 0 1.25rem; }
header { padding-top: 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
.meta { color: var(--muted); margin: 0 0 1rem; }
nav ol { list-style: none; padding: 0; margin: 0 0 1rem; display: flex; flex-wrap: wrap; gap: .4rem; }
nav a { display: inline-block; padding: .2rem .6rem; border: 1px solid var(--line); border-radius: 999px; background: #fff; color: var(--ink); text-decoration: none; }
a:focus-visible, summary:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.candidate { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 1rem 1.25rem; margin: 0 0 1rem; }
.candidate h2 { font-size: 1.2rem; margin: 0 0 .4rem; display: flex; flex-wrap: wrap; align-items: baseline; gap: .6rem; }
.rank { color: var(--muted); }
.score { font-variant-numeric: tabular-nums; font-weight: 700; }
.badge { font-size: .8rem; border-radius: 4px; padding: .05rem .45rem; color: #fff; }
.badge.ok { background: var(--met); } .badge.no { background: var(--missing); }
.missing-list { color: var(--missing); margin: .25rem 0 .5rem; }
.summary { margin: .25rem 0 .75rem; }
.requirements { list-style: none; margin: 0; padding: 0; }
.requirements > li { border-top: 1px solid var(--line); }
details > summary { cursor: pointer; padding: .35rem 0; display: grid; grid-template-columns: .8rem minmax(10rem, 16rem) 9rem 3.5rem 1fr; gap: .75rem; align-items: center; list-style: none; }
details > summary::-webkit-details-marker { display: none; }
details > summary::before { content: '▸'; color: var(--muted); }
details[open] > summary::before { content: '▾'; }
details.plain > summary { display: block; }
details.plain > summary::before { margin-right: .4rem; }
.bar { display: inline-block; width: 9rem; height: .6rem; background: #eceef2; border-radius: 4px; overflow: hidden; vertical-align: middle; }
.bar > span { display: block; height: 100%; background: var(--accent); }
.bar.met > span { background: var(--met); } .bar.partial > span { background: var(--partial); } .bar.missing > span { background: var(--missing); }
.importance { font-size: .75rem; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
.status-missing { color: var(--missing); } .status-partial { color: var(--partial); } .status-met { color: var(--met); }
.evidence { margin: .25rem 0 .75rem 1rem; padding: 0; }
.evidence li { margin: .2rem 0; }
.evidence q { quotes: "“" "”"; }
mark { background: #ffe58a; padding: 0 .1em; border-radius: 2px; }
.where { color: var(--muted); font-size: .85rem; }
.diagnostics li { font-size: .9rem; }
.sev-warning, .sev-error { color: var(--missing); }
table { border-collapse: collapse; width: 100%; background: #fff; }
th, td { text-align: left; border-bottom: 1px solid var(--line); padding: .35rem .5rem; vertical-align: top; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: .9em; }
footer { color: var(--muted); font-size: .85rem; padding-bottom: 2rem; }
@media print { nav, .skip { display: none; } details { open: true; } .candidate { break-inside: avoid; } }
`;
