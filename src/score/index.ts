/**
 * Score stage: one `SkillProfile` against one `Role` → an explained `MatchResult`, in four steps:
 * options (`options.ts`) → compile the role once (`compile.ts`) → rate each profile (`rate.ts`, with the
 * evidence math of `evidence.ts`) → explain when asked (`explain.ts`), then calibrate (`calibrate.ts`).
 *
 * Only the profile enters the score: skills, where they were mentioned, months, claimed months and last
 * use. A profile carries nothing about the person, so nothing about the person can move a score
 * (see `test/fairness.test.ts`).
 *
 * The model:
 * 1. A mention is worth its context weight (dated experience 1, undated experience 0.8, project 0.75,
 *    skills list 0.5, certification 0.45, summary 0.4, education 0.35, other 0.3), × 0.1 when an
 *    aspiration, 0 when negated, × the proficiency and typo multipliers; a stuffed skills list is
 *    discounted. Per context the strongest mention counts; contexts combine over the best three.
 * 2. Depth: `floor + (1 − floor)(1 − exp(−k · months / (12 · minYears)))`, months being the dated months
 *    of the skill (a job title naming it counts as that job's work), or its claimed months ×
 *    `claimedYearsCredit` when more.
 * 3. Recency: `max(floor, 0.5^(gap / halfLife))`, the gap measured from the résumé's own latest dated
 *    month, so an old résumé is not aged as a whole and undated evidence counts as of the résumé.
 * 4. Routes: a skill credits a requirement member directly, through a skill that implies it (edge weight
 *    × `impliedDiscount`: Spring → Java), or as a related sibling (× `relatedDiscount`). In each member
 *    the best credit counts in full and the others add depth (`groupGain` of the gap, as independent
 *    evidence): Java with Spring and Hibernate is deeper than Java alone. A requirement takes its best
 *    member; a category its best `categoryTopK` skills. A skill the résumé disclaims (every mention
 *    negated or an aspiration) neither gives nor takes inferred credit.
 * 5. Total: core requirements (`required`, or `core: true`) make a weighted mean, the rest (periphery)
 *    another; raw = `core × (1 − peripheryShare + peripheryShare × periphery)`: periphery is a capped
 *    bonus on the core, never a substitute. Then calibrated to 0–100 with fit bands (`calibrate.ts`).
 *
 * Speed: `rate` does one table look-up per profile skill (by its ordinal, once the id there checks out)
 * and arithmetic on its evidence bits, never walking `mentions` or `implied[]` (except for the rare
 * flagged skill and ids the taxonomy does not know). Profiles must be scored with the taxonomy they were
 * extracted with (as `createMatcher` does); profiles saved without bits or ordinals score the same, slower.
 */
import { MATCH_VERSION } from '../defaults.js';
import { builtinTaxonomy } from '../taxonomy/index.js';
import type { Diagnostic, FitBand, MatchResult, Role, SkillProfile } from '../types.js';
import { bandOf, calibrate } from './calibrate.js';
import { compileRole } from './compile.js';
import { createEvidenceMath } from './evidence.js';
import { repeatedText, requirementResult, round4, summarise } from './explain.js';
import { checkRole, resolveConfig, type ScoreOptions } from './options.js';
import { createRater, type Credits } from './rate.js';

export type { ScoreOptions } from './options.js';
export { CALIBRATION, bandOf } from './calibrate.js';

/** The fast verdict of `Scorer.rate`: the same numbers as `Scorer.match`, without the explanation. */
export interface Rating {
  /** 0–100, rounded to 2 decimals; equal to `match(profile).score`. */
  score: number;
  mustHavesMet: boolean;
  /** The score's fit band (see `MatchResult.band`). */
  band: FitBand;
}

/** A role compiled once for many profiles (see `createScorer`). */
export interface Scorer {
  readonly role: { id: string; title: string };
  /** Whether ranking puts candidates who miss a must-have below the rest. */
  readonly strictRequired: boolean;
  /** The full, explained result. */
  match(profile: SkillProfile): MatchResult;
  /** Score, band and must-haves only, without allocating an explanation: for ranking very many profiles. */
  rate(profile: SkillProfile): Rating;
}

const toPercent = (x: number): number => Math.round(x * 10000) / 100;

function checkProfile(value: unknown): asserts value is SkillProfile {
  if (typeof value !== 'object' || value === null || !Array.isArray((value as SkillProfile).skills))
    throw new TypeError('`profile` must be a SkillProfile');
}

/**
 * Compiles a role for scoring many profiles: requirement tables by skill id, category, implying and
 * related skill are built once, so each profile costs one pass over its skills.
 *
 * @param role A validated role (see `assertRole`).
 * @param options Taxonomy and weight overrides (see `SCORE_DEFAULTS`).
 */
export function createScorer(role: Role, options: ScoreOptions = {}): Scorer {
  checkRole(role);
  const cfg = resolveConfig(options);
  const compiled = compileRole(role, cfg, options.taxonomy ?? builtinTaxonomy());
  const ev = createEvidenceMath(cfg);
  const rater = createRater(compiled, cfg, ev);
  const share = cfg.periphery;
  const hasPeriphery = compiled.peripheryIdx.length > 0;
  /**
   * The raw total in [0, 1] of the profile just weighed: the core, with the periphery as a capped bonus
   * on it. Without core evidence the periphery still orders candidates, at a twentieth of its share.
   */
  const raw = (): number => {
    const core = rater.core() * rater.focus();
    if (!hasPeriphery) return core;
    const periphery = rater.periphery();
    return core * (1 - share + share * periphery) + (1 - core) * share * periphery * 0.05;
  };

  /** A sentence on the job titles when they cost the core something. */
  function focusNote(): string {
    const focus = rater.focus();
    if (focus >= 1 || compiled.function === null) return '';
    const years = Math.round((rater.functionMonths() / 12) * 10) / 10;
    return ` Job titles: ${years} year${years === 1 ? '' : 's'} of dated work titled as ${compiled.function}, the rest of the titled work of other kinds, so the core counts ${Math.round(focus * 100)}%.`;
  }

  function rate(profile: SkillProfile): Rating {
    checkProfile(profile);
    if (profile.document?.words === 0) return { score: 0, mustHavesMet: false, band: 'unlikely' };
    rater.weigh(profile, ev.stuffingOf(ev.listedSkills(profile)), null);
    const score = toPercent(calibrate(raw()));
    return { score, mustHavesMet: rater.mustHaves(), band: bandOf(score) };
  }

  function match(profile: SkillProfile): MatchResult {
    checkProfile(profile);
    const diagnostics: Diagnostic[] = [...(profile.diagnostics ?? [])];
    const unreadable = profile.document?.words === 0;
    const listed = ev.listedSkills(profile);
    const stuffing = ev.stuffingOf(listed);
    const credits: Credits = { bySlot: compiled.slotMember.map(() => []), byCategory: compiled.plans.map(() => []) };
    if (unreadable) rater.best.fill(0);
    else rater.weigh(profile, stuffing, credits);
    const requirements = compiled.plans.map((_, req) =>
      requirementResult(compiled, cfg, ev, rater, credits, req, stuffing),
    );
    if (unreadable) {
      diagnostics.push({
        severity: 'error',
        code: 'no-readable-text',
        message:
          'The résumé has no readable text, so nothing can be matched and it scores 0. See the parse diagnostics for why (scan, image-only PDF, empty file).',
        source: 'score',
      });
    } else if (profile.skills.length === 0) {
      diagnostics.push({
        severity: 'warning',
        code: 'no-skills-found',
        message:
          'No skills were found in the résumé, so it scores 0. Check that it is the right file and that it was read in full.',
        source: 'score',
      });
    }
    if (stuffing < 1) {
      diagnostics.push({
        severity: 'warning',
        code: 'skills-list-stuffed',
        message: `The skills sections list ${listed} distinct skills (more than ${cfg.listLimit}); skills-list evidence counts ${round4(stuffing)} of its usual weight.`,
        source: 'score',
      });
    }
    diagnostics.push(...repeatedText(profile, cfg.repeated));
    const score = unreadable ? 0 : toPercent(calibrate(raw()));
    const band = bandOf(score);
    return {
      version: MATCH_VERSION,
      role: { ...compiled.role },
      score,
      band,
      breakdown: unreadable
        ? { core: 0, periphery: 0, focus: 100 }
        : { core: toPercent(rater.core()), periphery: toPercent(rater.periphery()), focus: toPercent(rater.focus()) },
      mustHavesMet: unreadable ? false : rater.mustHaves(),
      requirements,
      missingRequired: requirements
        .filter((r) => r.importance === 'required' && r.status === 'missing')
        .map((r) => r.label),
      summary: summarise(requirements, score, band, unreadable, profile.skills.length === 0) + focusNote(),
      diagnostics,
    };
  }

  return { role: compiled.role, strictRequired: cfg.strict, match, rate };
}

const scorerCache = new WeakMap<Role, { options: ScoreOptions | undefined; scorer: Scorer }>();

/**
 * Scores one profile against one role, with the evidence and a plain-English summary.
 * For many profiles against one role, `createScorer(role)` once and call `match` or `rate`.
 *
 * @param profile From `extractSkills`.
 * @param role A role object (see `assertRole`, `getBuiltinRole`).
 * @param options Taxonomy and weight overrides (see `SCORE_DEFAULTS`).
 * @returns An explained `MatchResult`; `score` is 0–100.
 */
export function scoreMatch(profile: SkillProfile, role: Role, options?: ScoreOptions): MatchResult {
  checkRole(role);
  const cached = scorerCache.get(role);
  // Reuse a compiled role only when called with the very same options object (or none at all).
  if (cached && cached.options === options) return cached.scorer.match(profile);
  const scorer = createScorer(role, options ?? {});
  scorerCache.set(role, { options, scorer });
  return scorer.match(profile);
}
