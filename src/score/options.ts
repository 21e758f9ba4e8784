/**
 * Score options: what a caller may set, checked at the boundary (misuse throws `TypeError` /
 * `RangeError` naming the option), and resolved once into the flat `Config` the compiler and the
 * rater read.
 */
import { SCORE_DEFAULTS } from '../defaults.js';
import type { Importance, MentionContext, ProficiencyLevel, Requirement, Role, Taxonomy } from '../types.js';
import { SLOT } from '../util/evidence.js';
import { resolveAsOf } from '../util/month.js';

/** Options of `scoreMatch` and `createScorer`. Every weight of `SCORE_DEFAULTS` can be overridden. */
export interface ScoreOptions {
  /** Taxonomy for names, categories, `implies` and `related` links. @default builtinTaxonomy() */
  taxonomy?: Taxonomy;
  /**
   * `YYYY-MM`, checked like the other stages' `asOf`. Scores do not move with it: recency is measured
   * from the résumé's own latest dated month (see `recencyHalfLifeYears`), and "present" was resolved at
   * extraction. Kept so one options object can be passed to every stage. @default the current UTC month
   */
  asOf?: string;
  /** Rank candidates who miss a must-have (`required`) requirement below those who meet them all. @default true */
  strictRequired?: boolean;
  /** Weight of each importance tier, times each requirement's own `weight`, within its group (core or periphery). @default { required: 1, preferred: 0.5, bonus: 0.2 } */
  tierWeights?: Partial<Record<Importance, number>>;
  /** @default { experience: 1, project: 0.75, 'skills-list': 0.5, certification: 0.45, summary: 0.4, education: 0.35, other: 0.3 } */
  contextWeights?: Partial<Record<MentionContext, number>>;
  /** @default 0.8 */
  undatedExperience?: number;
  /** @default 0.1 */
  aspirationWeight?: number;
  /** @default 0.9 */
  fuzzyWeight?: number;
  /** @default { expert: 1, advanced: 1, intermediate: 0.9, basic: 0.7 } */
  levelWeights?: Partial<Record<ProficiencyLevel, number>>;
  /** @default 0.5 */
  contextDecay?: number;
  /** @default 60 */
  skillsListLimit?: number;
  /** @default 0.4 */
  depthFloor?: number;
  /** @default 2 */
  defaultMinYears?: number;
  /** @default 3 */
  yearsCurve?: number;
  /** @default 0.5 */
  claimedYearsCredit?: number;
  /** @default 0.5 */
  functionCredit?: number;
  /** @default 0.3 */
  functionMismatch?: number;
  /** @default 4 */
  recencyHalfLifeYears?: number;
  /** @default 0.3 */
  recencyFloor?: number;
  /** @default 0.8 */
  impliedDiscount?: number;
  /** @default 0.5 */
  relatedDiscount?: number;
  /** @default 0.5 */
  groupGain?: number;
  /** @default 0.3 */
  peripheryShare?: number;
  /** @default 1 */
  categoryTopK?: number;
  /** @default 0.05 */
  minScore?: number;
  /** @default 0.15 */
  metScore?: number;
  /** @default 5 */
  maxEvidence?: number;
  /** @default 3 */
  repeatedTextThreshold?: number;
}

/** The options resolved: every weight a number, every table filled. */
export interface Config {
  tier: Record<Importance, number>;
  /** Worth of a plain mention per evidence slot (`SUMMARY_SLOTS` order). */
  slotWeight: Float64Array;
  aspiration: number;
  fuzzy: number;
  level: Record<ProficiencyLevel, number>;
  decay: number;
  listLimit: number;
  depthFloor: number;
  defaultMinYears: number;
  curve: number;
  claimed: number;
  functionCredit: number;
  functionMismatch: number;
  halfLife: number;
  recencyFloor: number;
  implied: number;
  related: number;
  groupGain: number;
  periphery: number;
  topK: number;
  minScore: number;
  metScore: number;
  maxEvidence: number;
  repeated: number;
  strict: boolean;
  asOf: string;
}

const CONTEXTS: readonly MentionContext[] = [
  'experience',
  'project',
  'skills-list',
  'summary',
  'education',
  'certification',
  'other',
];
/** Context of each evidence slot, in `SUMMARY_SLOTS` order (dated and undated experience first). */
const SLOT_CONTEXT: readonly MentionContext[] = [
  'experience',
  'experience',
  'project',
  'skills-list',
  'summary',
  'education',
  'certification',
  'other',
];

function checkNumber(name: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || Number.isNaN(value)) throw new TypeError(`\`${name}\` must be a number`);
  if (value < min || value > max) throw new RangeError(`\`${name}\` must be between ${min} and ${max}, got ${value}`);
  return value;
}

/** Merges a partial record of numbers over its defaults, refusing keys the defaults do not have. */
function mergeRecord<K extends string>(
  name: string,
  defaults: Readonly<Record<K, number>>,
  given: unknown,
  what: string,
  max: number,
): Record<K, number> {
  const out = { ...defaults } as Record<K, number>;
  if (given === undefined) return out;
  if (typeof given !== 'object' || given === null) throw new TypeError(`\`${name}\` must be an object`);
  for (const [k, v] of Object.entries(given)) {
    if (!(k in out)) throw new RangeError(`\`${name}.${k}\` is not ${what}`);
    out[k as K] = checkNumber(`${name}.${k}`, v, 0, max);
  }
  return out;
}

/** Checks every option and fills in the defaults. */
export function resolveConfig(options: ScoreOptions): Config {
  if (typeof options !== 'object' || options === null) throw new TypeError('`options` must be an object');
  const d = SCORE_DEFAULTS;
  const num = (name: keyof ScoreOptions, fallback: number, min = 0, max = 1): number =>
    options[name] === undefined ? fallback : checkNumber(name, options[name], min, max);
  const tier = mergeRecord(
    'tierWeights',
    d.tierWeights,
    options.tierWeights,
    'an importance (required, preferred, bonus)',
    1000,
  );
  const ctx = mergeRecord(
    'contextWeights',
    d.contextWeights,
    options.contextWeights,
    `a mention context (${CONTEXTS.join(', ')})`,
    1,
  );
  const level = mergeRecord(
    'levelWeights',
    d.levelWeights,
    options.levelWeights,
    'a proficiency level (expert, advanced, intermediate, basic)',
    1,
  );
  const slotWeight = Float64Array.from(SLOT_CONTEXT, (c) => ctx[c]);
  slotWeight[SLOT.undated] = num('undatedExperience', d.undatedExperience);
  const asOf = resolveAsOf(options.asOf);
  if (options.strictRequired !== undefined && typeof options.strictRequired !== 'boolean')
    throw new TypeError('`strictRequired` must be a boolean');
  return {
    tier,
    slotWeight,
    aspiration: num('aspirationWeight', d.aspirationWeight),
    fuzzy: num('fuzzyWeight', d.fuzzyWeight),
    level,
    decay: num('contextDecay', d.contextDecay),
    listLimit: num('skillsListLimit', d.skillsListLimit, 1, 1e6),
    depthFloor: num('depthFloor', d.depthFloor),
    defaultMinYears: num('defaultMinYears', d.defaultMinYears, 0.1, 50),
    curve: num('yearsCurve', d.yearsCurve, 0.01, 100),
    claimed: num('claimedYearsCredit', d.claimedYearsCredit),
    functionCredit: num('functionCredit', d.functionCredit),
    functionMismatch: num('functionMismatch', d.functionMismatch),
    halfLife: num('recencyHalfLifeYears', d.recencyHalfLifeYears, 0.01, 1000),
    recencyFloor: num('recencyFloor', d.recencyFloor),
    implied: num('impliedDiscount', d.impliedDiscount),
    related: num('relatedDiscount', d.relatedDiscount),
    groupGain: num('groupGain', d.groupGain),
    periphery: num('peripheryShare', d.peripheryShare, 0, 0.4),
    topK: Math.round(num('categoryTopK', d.categoryTopK, 1, 50)),
    minScore: num('minScore', d.minScore),
    metScore: num('metScore', d.metScore),
    maxEvidence: Math.round(num('maxEvidence', d.maxEvidence, 0, 1000)),
    repeated: Math.round(num('repeatedTextThreshold', d.repeatedTextThreshold, 2, 1e6)),
    strict: options.strictRequired ?? d.strictRequired,
    asOf,
  };
}

/** Throws a `TypeError` naming the part of `role` that is not a role. */
export function checkRole(role: unknown): asserts role is Role {
  if (typeof role !== 'object' || role === null) throw new TypeError('`role` must be a Role object');
  const r = role as Partial<Role>;
  if (
    typeof r.id !== 'string' ||
    typeof r.title !== 'string' ||
    !Array.isArray(r.requirements) ||
    r.requirements.length === 0
  ) {
    throw new TypeError('`role` must have a string `id`, a string `title` and a non-empty `requirements` array');
  }
  r.requirements.forEach((q, i) => {
    const has = (k: string): boolean => typeof q === 'object' && q !== null && k in q;
    if (!has('skill') && !has('anyOf') && !has('category'))
      throw new TypeError(`\`role.requirements[${i}]\` must have \`skill\`, \`anyOf\` or \`category\``);
    if (!['required', 'preferred', 'bonus'].includes((q as Requirement).importance)) {
      throw new TypeError(`\`role.requirements[${i}].importance\` must be required, preferred or bonus`);
    }
  });
}
