/**
 * From the model's raw number to a score a recruiter can read. The raw total (`core × (1 − p + p ×
 * periphery)`, in [0, 1]) is compressed: real developers' core evidence is partial by nature (a résumé
 * names some of a role's technologies, with some dates), so raw totals bunch low. The curve is fixed,
 * monotone (it never reorders candidates) and maps the raw total onto bands with a meaning. Its one
 * parameter, the exponent, was set so that on the 307 real résumés a recruiter graded for
 * `backend-developer` (../shared/data/recruiter-grades) each grade's median score falls in the band that
 * grade means (grade 3: 72, grade 2: 56, grade 1: 28, grade 0: 0):
 *
 * | score | band | meaning |
 * |---|---|---|
 * | 80–100 | `strong` | the core of the role is met with depth (dated or claimed years, several pieces of evidence); shortlist |
 * | 50–79 | `plausible` | the core is met, thinly or without dates; worth a phone screen |
 * | 20–49 | `adjacent` | some of the core (a language, SQL, a database) without the rest: a technical profile of another kind |
 * | 0–19 | `unlikely` | little or none of the core |
 */
import type { FitBand } from '../types.js';

/** Where the curve puts the raw totals of the band edges (see the table above). */
export const CALIBRATION = Object.freeze({
  /** Exponent of the concave curve `score = raw^exponent` (0 < exponent ≤ 1). */
  exponent: 0.45,
});

/** The 0–100 score of a raw total in [0, 1]. */
export function calibrate(raw: number): number {
  if (!(raw > 0)) return 0;
  if (raw >= 1) return 1;
  return raw ** CALIBRATION.exponent;
}

/** The band of a 0–100 score. */
export function bandOf(score: number): FitBand {
  if (score >= 80) return 'strong';
  if (score >= 50) return 'plausible';
  if (score >= 20) return 'adjacent';
  return 'unlikely';
}
