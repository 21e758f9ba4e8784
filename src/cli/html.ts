/**
 * `skillmatch rank --format html`: the ranking as the shortlist report, candidates and unreadable
 * files named by their paths.
 */
import { renderShortlistHtml } from '../report/index.js';
import type { RankError, Ranking } from '../types.js';

/**
 * The report of a CLI ranking. The batch's ids are indexes into `files`; `errors` are every file
 * the CLI could not use (walk, read and parse errors alike), so none is left out of the report.
 */
export function renderRankHtml(ranking: Ranking, files: string[], errors: { file: string; code: string; message: string }[], total: number, generatedAt: string): string {
  const fileOf = (id: string): string => files[Number(id)] ?? id;
  const view: Ranking = {
    ...ranking,
    total,
    results: ranking.results.map((r) => ({ ...r, id: fileOf(r.id) })),
    errors: errors.map((e, index): RankError => ({ ok: false, id: e.file, index, error: { name: 'SkillmatchError', code: e.code, message: e.message } })),
  };
  return renderShortlistHtml(view, { generatedAt });
}
