/**
 * Score stage: one `SkillProfile` against one `Role` → an explained `MatchResult`.
 *
 * Only the profile enters the score: skills, their mentions (where they sit, flags), months
 * and last use. A profile carries nothing about the person, so nothing about the person can
 * move a score (see `test/fairness.test.ts`).
 *
 * The model, in order:
 * 1. Each mention is worth its context weight (dated experience 1, undated experience 0.8,
 *    project 0.75, skills list 0.5, certification 0.45, summary 0.4, education 0.35, other 0.3),
 *    × 0.1 when it is an aspiration, 0 when negated, × the proficiency and fuzzy multipliers.
 *    Skills-list mentions are discounted by `skillsListLimit / n` when a résumé lists more than
 *    `skillsListLimit` distinct skills.
 * 2. Per context only the strongest mention counts; contexts combine as `1 − Π(1 − sᵢ·decayⁱ)`
 *    over the best three. Repeating a word, a line or a whole skills section earns nothing.
 * 3. Depth: `floor + (1 − floor)·(1 − exp(−k·months / (12·minYears)))`, with claimed years counted
 *    at `claimedYearsCredit` when no dated entry backs the skill.
 * 4. Recency: `max(floor, 0.5^(yearsSinceLastUse / halfLife))`.
 * 5. A requirement takes the best of: the skill itself, a skill that implies it (edge weight ×
 *    `impliedDiscount`), a related sibling (× `relatedDiscount`); `anyOf` takes its best member,
 *    a category its best `categoryTopK` skills. A skill the résumé disclaims (every mention
 *    negated or an aspiration) neither gives nor takes credit through `implies` or `related`.
 * 6. The total is the weighted mean over requirements, weights = tier weight × requirement weight.
 *
 * Speed: `createScorer` compiles the role once into flat tables: for every taxonomy id, the
 * requirements it fills directly, as a related sibling and through its `implies` closure (with
 * the weights extraction writes into `implied[]`), plus depth and recency tables per `asOf`. So
 * `rate` does one look-up per profile skill (by its `ordinal`, the skill's position in the
 * taxonomy, once the id there checks out; else by hashing its id) and plain arithmetic on its evidence bits
 * (`ExtractedSkill.evidence`, packed at extraction), never walking `mentions` or `implied[]`
 * (only the rare skill whose worth depends on flag weights has its mentions weighed, and only an
 * id the taxonomy does not know has its own `implied[]` read). Profiles must therefore be scored
 * with the taxonomy they were extracted with (as `createMatcher` does); profiles saved without
 * evidence bits or ordinals score the same, deriving the bits on the fly and hashing the ids.
 */
import { MATCH_VERSION, SCORE_DEFAULTS } from '../defaults.js';
import {
  emptySummary,
  EVIDENCE_DISCLAIMED,
  EVIDENCE_FLAGGED,
  EVIDENCE_LISTED,
  evidenceBits,
  impliedClosure,
  monthIndex,
  MONTH_SHIFT,
  SLOT,
  slotOf,
  summariseInto,
  SUMMARY_KINDS,
  SUMMARY_LEVELS,
  SUMMARY_SLOTS,
  type EvidenceSummary,
} from '../extract/summary.js';
import { liveSkills } from '../taxonomy/alias-index.js';
import { builtinTaxonomy } from '../taxonomy/builtin.js';
import { taxonomyOrdinals } from '../taxonomy/ordinals.js';
import type {
  Diagnostic,
  Evidence,
  ExtractedSkill,
  ImpliedSkill,
  Importance,
  MatchResult,
  MatchVia,
  MentionContext,
  ProficiencyLevel,
  Requirement,
  RequirementResult,
  RequirementStatus,
  Role,
  SkillMention,
  SkillProfile,
  Span,
  Taxonomy,
} from '../types.js';

/** Options of `scoreMatch` and `createScorer`. Every weight of `SCORE_DEFAULTS` can be overridden. */
export interface ScoreOptions {
  /** Taxonomy for names, categories and `related` siblings. @default builtinTaxonomy() */
  taxonomy?: Taxonomy;
  /** The month recency is measured from, `YYYY-MM`. Pass the same value given to extraction. @default the current UTC month */
  asOf?: string;
  /** Rank candidates who miss a required requirement below those who meet them (used by ranking). @default true */
  strictRequired?: boolean;
  /** @default { required: 1, preferred: 0.5, bonus: 0.2 } */
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
  /** @default 4 */
  recencyHalfLifeYears?: number;
  /** @default 0.3 */
  recencyFloor?: number;
  /** @default 0.8 */
  impliedDiscount?: number;
  /** @default 0.5 */
  relatedDiscount?: number;
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

/** The fast verdict of `Scorer.rate`: the same numbers as `Scorer.match`, without the explanation. */
export interface Rating {
  /** 0–100, rounded to 2 decimals; equal to `match(profile).score`. */
  score: number;
  mustHavesMet: boolean;
}

/** A role compiled once for many profiles (see `createScorer`). */
export interface Scorer {
  readonly role: { id: string; title: string };
  /** Whether ranking puts candidates who miss a must-have below the rest. */
  readonly strictRequired: boolean;
  /** The full, explained result. */
  match(profile: SkillProfile): MatchResult;
  /** Score and must-haves only, without allocating an explanation: for ranking very many profiles. */
  rate(profile: SkillProfile): Rating;
}

const CONTEXTS: readonly MentionContext[] = ['experience', 'project', 'skills-list', 'summary', 'education', 'certification', 'other'];
/** Evidence slots, in the order of `SUMMARY_SLOTS`: dated experience, undated experience, then the other contexts. */
const SLOTS = SUMMARY_SLOTS.length;
const SLOT_CONTEXT: readonly MentionContext[] = ['experience', 'experience', 'project', 'skills-list', 'summary', 'education', 'certification', 'other'];
/** Every kind bit of an `EvidenceSummary` field; other bits of a hand-edited summary are ignored. */
const KIND_BITS = 2 ** SUMMARY_KINDS - 1;
/** Months (of use, or since last use) covered by the depth and recency tables: a century. */
const TABLE_MONTHS = 1200;

interface Config {
  tier: Record<Importance, number>;
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
  halfLife: number;
  recencyFloor: number;
  implied: number;
  related: number;
  topK: number;
  minScore: number;
  metScore: number;
  maxEvidence: number;
  repeated: number;
  strict: boolean;
  asOfMonth: number;
  asOf: string;
}

function checkNumber(name: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || Number.isNaN(value)) throw new TypeError(`\`${name}\` must be a number`);
  if (value < min || value > max) throw new RangeError(`\`${name}\` must be between ${min} and ${max}, got ${value}`);
  return value;
}

function currentMonth(): string {
  const now = new Date();
  return `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
}

function resolveConfig(options: ScoreOptions): Config {
  const d = SCORE_DEFAULTS;
  const num = (name: keyof ScoreOptions, fallback: number, min = 0, max = 1): number =>
    options[name] === undefined ? fallback : checkNumber(name, options[name], min, max);
  const tier = { ...d.tierWeights };
  for (const [k, v] of Object.entries(options.tierWeights ?? {})) {
    if (!(k in tier)) throw new RangeError(`\`tierWeights.${k}\` is not an importance (required, preferred, bonus)`);
    tier[k as Importance] = checkNumber(`tierWeights.${k}`, v, 0, 1000);
  }
  const ctx: Record<string, number> = { ...d.contextWeights };
  for (const [k, v] of Object.entries(options.contextWeights ?? {})) {
    if (!(k in ctx)) throw new RangeError(`\`contextWeights.${k}\` is not a mention context (${CONTEXTS.join(', ')})`);
    ctx[k] = checkNumber(`contextWeights.${k}`, v, 0, 1);
  }
  const level = { ...d.levelWeights };
  for (const [k, v] of Object.entries(options.levelWeights ?? {})) {
    if (!(k in level)) throw new RangeError(`\`levelWeights.${k}\` is not a proficiency level (expert, advanced, intermediate, basic)`);
    level[k as ProficiencyLevel] = checkNumber(`levelWeights.${k}`, v, 0, 1);
  }
  const slotWeight = Float64Array.from(SLOT_CONTEXT, (c) => ctx[c]!);
  slotWeight[SLOT.undated] = num('undatedExperience', d.undatedExperience);
  const asOf = options.asOf ?? currentMonth();
  if (typeof asOf !== 'string') throw new TypeError('`asOf` must be a `YYYY-MM` string');
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(asOf)) throw new RangeError('`asOf` must be a `YYYY-MM` string');
  if (options.strictRequired !== undefined && typeof options.strictRequired !== 'boolean') throw new TypeError('`strictRequired` must be a boolean');
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
    halfLife: num('recencyHalfLifeYears', d.recencyHalfLifeYears, 0.01, 1000),
    recencyFloor: num('recencyFloor', d.recencyFloor),
    implied: num('impliedDiscount', d.impliedDiscount),
    related: num('relatedDiscount', d.relatedDiscount),
    topK: Math.round(num('categoryTopK', d.categoryTopK, 1, 50)),
    minScore: num('minScore', d.minScore),
    metScore: num('metScore', d.metScore),
    maxEvidence: Math.round(num('maxEvidence', d.maxEvidence, 0, 1000)),
    repeated: Math.round(num('repeatedTextThreshold', d.repeatedTextThreshold, 2, 1e6)),
    strict: options.strictRequired ?? d.strictRequired,
    asOfMonth: monthIndex(asOf),
    asOf,
  };
}

interface TaxonomyView {
  name: Map<string, string>;
  related: Map<string, string[]>;
}

const taxonomyViews = new WeakMap<Taxonomy, TaxonomyView>();

function viewOf(taxonomy: Taxonomy): TaxonomyView {
  let view = taxonomyViews.get(taxonomy);
  if (view) return view;
  const name = new Map<string, string>();
  const related = new Map<string, string[]>();
  const link = (a: string, b: string): void => {
    const list = related.get(a);
    if (!list) related.set(a, [b]);
    else if (!list.includes(b)) list.push(b);
  };
  for (const skill of taxonomy.skills) {
    name.set(skill.id, skill.name);
    // `related` is symmetric in meaning even when a file lists it on one side only.
    for (const other of skill.related ?? []) {
      link(skill.id, other);
      link(other, skill.id);
    }
  }
  view = { name, related };
  taxonomyViews.set(taxonomy, view);
  return view;
}

/** How a profile skill reaches a requirement: through which member, and at what share. */
interface Route {
  req: number;
  member: string;
  via: MatchVia;
  /** The credit is `evidence × recency × depth × factor × factor2` (two factors for implied routes: edge weight, then `impliedDiscount`). */
  factor: number;
  factor2: number;
  /** The (requirement, member) pair credited: a résumé disclaiming `member` blocks `related` and `implied` routes to it. */
  slot: number;
}

interface Plan {
  id: string;
  label: string;
  requirement: Requirement;
  importance: Importance;
  weight: number;
  minMonths: number;
  category: string | null;
}

const CATEGORY_LABELS: Record<string, string> = { 'ci-cd-and-devops-tools': 'CI/CD and DevOps tools', 'apis-and-protocols': 'APIs and protocols' };

function categoryLabel(category: string): string {
  const words = CATEGORY_LABELS[category] ?? category.replace(/-/g, ' ');
  return `Any ${words} skill`;
}

function checkRole(role: unknown): asserts role is Role {
  if (typeof role !== 'object' || role === null) throw new TypeError('`role` must be a Role object');
  const r = role as Partial<Role>;
  if (typeof r.id !== 'string' || typeof r.title !== 'string' || !Array.isArray(r.requirements) || r.requirements.length === 0) {
    throw new TypeError('`role` must have a string `id`, a string `title` and a non-empty `requirements` array');
  }
  r.requirements.forEach((q, i) => {
    const has = (k: string): boolean => typeof q === 'object' && q !== null && k in q;
    if (!has('skill') && !has('anyOf') && !has('category')) throw new TypeError(`\`role.requirements[${i}]\` must have \`skill\`, \`anyOf\` or \`category\``);
    if (!['required', 'preferred', 'bonus'].includes((q as Requirement).importance)) {
      throw new TypeError(`\`role.requirements[${i}].importance\` must be required, preferred or bonus`);
    }
  });
}

const round4 = (x: number): number => Math.round(x * 10000) / 10000;
const toPercent = (x: number): number => Math.round(x * 10000) / 100;

function isProfile(value: unknown): value is SkillProfile {
  return typeof value === 'object' && value !== null && Array.isArray((value as SkillProfile).skills);
}

/**
 * Compiles a role for scoring many profiles: requirement tables by skill id, category and
 * related sibling are built once, so each profile costs one pass over its skills.
 *
 * @param role A validated role (see `assertRole`).
 * @param options Taxonomy, `asOf` and weight overrides (see `SCORE_DEFAULTS`).
 */
export function createScorer(role: Role, options: ScoreOptions = {}): Scorer {
  checkRole(role);
  if (typeof options !== 'object' || options === null) throw new TypeError('`options` must be an object');
  const cfg = resolveConfig(options);
  const taxonomy = options.taxonomy ?? builtinTaxonomy();
  const view = viewOf(taxonomy);
  const nameOf = (id: string): string => view.name.get(id) ?? id;

  const plans: Plan[] = [];
  const direct = new Map<string, Route[]>();
  const related = new Map<string, Route[]>();
  const byCategory = new Map<string, number[]>();
  const usedIds = new Set<string>();
  let memberSlots = 0;
  const addRoute = (table: Map<string, Route[]>, key: string, route: Route): void => {
    const list = table.get(key);
    if (list) list.push(route);
    else table.set(key, [route]);
  };

  role.requirements.forEach((requirement, req) => {
    const minYears = requirement.minYears !== undefined && requirement.minYears > 0 ? requirement.minYears : cfg.defaultMinYears;
    let id: string;
    let label: string;
    let category: string | null = null;
    let members: string[] = [];
    if ('skill' in requirement) {
      members = [requirement.skill];
      id = requirement.skill;
      label = nameOf(requirement.skill);
    } else if ('anyOf' in requirement) {
      members = [...requirement.anyOf];
      id = members.join('-or-');
      label = members.map(nameOf).join(' or ');
    } else {
      category = requirement.category;
      id = `category-${category}`;
      label = categoryLabel(category);
      const list = byCategory.get(category);
      if (list) list.push(req);
      else byCategory.set(category, [req]);
    }
    id = requirement.id ?? id;
    if (usedIds.has(id)) {
      let n = 2;
      while (usedIds.has(`${id}-${n}`)) n++;
      id = `${id}-${n}`;
    }
    usedIds.add(id);
    for (const member of members) {
      const slot = memberSlots++;
      addRoute(direct, member, { req, member, via: 'direct', factor: 1, factor2: 1, slot });
      for (const sibling of view.related.get(member) ?? []) {
        if (!members.includes(sibling)) addRoute(related, sibling, { req, member, via: 'related', factor: cfg.related, factor2: 1, slot });
      }
    }
    plans.push({
      id,
      label: requirement.label ?? label,
      requirement,
      importance: requirement.importance,
      weight: cfg.tier[requirement.importance] * (requirement.weight ?? 1),
      minMonths: 12 * minYears,
      category,
    });
  });

  const n = plans.length;
  const weights = new Float64Array(n);
  const requiredIdx: number[] = [];
  let totalWeight = 0;
  plans.forEach((p, i) => {
    weights[i] = p.weight;
    totalWeight += p.weight;
    if (p.importance === 'required') requiredIdx.push(i);
  });
  const categoryReqs = plans.flatMap((p, i) => (p.category === null ? [] : [i]));
  // Requirements share few distinct `minYears` ("depth classes"); depth is tabulated per class.
  const classMonths = [...new Set(plans.map((p) => p.minMonths))];
  const classOf = Int32Array.from(plans, (p) => classMonths.indexOf(p.minMonths));
  const classCount = classMonths.length;

  function depthAt(months: number, minMonths: number): number {
    return cfg.depthFloor + (1 - cfg.depthFloor) * (1 - Math.exp((-cfg.curve * months) / minMonths));
  }
  function recencyAt(gap: number): number {
    const years = Math.max(0, gap) / 12;
    return Math.max(cfg.recencyFloor, Math.pow(0.5, years / cfg.halfLife));
  }
  // Months and gaps since last use are whole numbers in practice, so depth and recency are read
  // from tables computed once with the very same expressions (same doubles, no `exp`/`pow` per
  // profile); anything off the table is computed.
  const depthTable = new Float64Array(classCount * TABLE_MONTHS);
  for (let c = 0; c < classCount; c++) {
    for (let m = 0; m < TABLE_MONTHS; m++) depthTable[c * TABLE_MONTHS + m] = depthAt(m, classMonths[c]!);
  }
  const recencyTable = new Float64Array(TABLE_MONTHS);
  for (let g = 0; g < TABLE_MONTHS; g++) recencyTable[g] = recencyAt(g);

  // One table answers "what can this profile skill earn?" with a single look-up per skill: every
  // requirement it can fill directly, as a related sibling, or through the taxonomy's `implies`
  // closure (with the weights extraction writes into `implied[]`), and the category requirements
  // of its category. Every taxonomy id is in it (most map to NOTHING), so a miss means an id the
  // taxonomy does not know, and only then is the skill's own `implied[]` list read.
  // Entries live in flat arrays, addressed by a small integer: the look-up yields a number, and
  // the hot loop reads a few compact arrays that stay in cache instead of an object per entry.
  /** Routes of every entry, three ints a route: requirement, its depth class's offset in `depthTable`, member slot credited (-1 for a direct route, never blocked). */
  const routeInts: number[] = [];
  /** Two factors a route: `factor`, `factor2`. */
  const routeFactors: number[] = [];
  /** The routes themselves, for explanations. */
  const routeList: Route[] = [];
  /** Category requirements, two ints each: requirement, its depth class's offset in `depthTable`. */
  const catInts: number[] = [];
  /** Member slots of the skill itself: a résumé that disclaims the skill blocks them. */
  const ownSlots: number[] = [];
  /**
   * Per entry, `META` ints: start of its routes in `routeInts`, end of its direct routes (a skill
   * the résumé disclaims gives only those), end of all its routes, start and end in `catInts`,
   * start and end in `ownSlots`, 1 when the taxonomy does not know the id (its own `implied[]`
   * list is then read), and the start of its routes in `routeFactors`. Routes run direct, related, then implied by implied id: the order credits are weighed in.
   */
  const meta: number[] = [];
  const META = 9;
  const addEntry = (routes: Route[], nDirect: number, cats: number[], stranger: boolean): number => {
    const entry = meta.length / META;
    const first = routeList.length;
    for (const r of routes) {
      routeInts.push(r.req, classOf[r.req]! * TABLE_MONTHS, r.via === 'direct' ? -1 : r.slot);
      routeFactors.push(r.factor, r.factor2);
      routeList.push(r);
    }
    const catStart = catInts.length;
    for (const req of cats) catInts.push(req, classOf[req]! * TABLE_MONTHS);
    const ownStart = ownSlots.length;
    for (const r of routes.slice(0, nDirect)) ownSlots.push(r.slot);
    meta.push(3 * first, 3 * (first + nDirect), 3 * routeList.length, catStart, catInts.length, ownStart, ownSlots.length, stranger ? 1 : 0, 2 * first);
    return entry;
  };
  const NOTHING = addEntry([], 0, [], false);
  const live = liveSkills(taxonomy);
  /** Taxonomy ids from which `implies` edges lead, at any depth, to a requirement's skill: walked backwards from the members. */
  const implying = new Set<string>();
  const impliedBy = new Map<string, string[]>();
  for (const skill of taxonomy.skills) {
    for (const edge of skill.implies ?? []) {
      const list = impliedBy.get(edge.id);
      if (list) list.push(skill.id);
      else impliedBy.set(edge.id, [skill.id]);
    }
  }
  const walk = [...direct.keys()];
  while (walk.length > 0) {
    for (const from of impliedBy.get(walk.pop()!) ?? []) {
      if (implying.has(from)) continue;
      implying.add(from);
      walk.push(from);
    }
  }
  const impliedRoutes = (id: string): Route[] => {
    if (!implying.has(id) || !live.has(id)) return [];
    const out: Route[] = [];
    for (const { id: target, weight } of impliedClosure(id, live)) {
      for (const route of direct.get(target) ?? []) out.push({ req: route.req, member: route.member, via: 'implied', factor: weight, factor2: cfg.implied, slot: route.slot });
    }
    return out;
  };
  const entryFor = (id: string, category: string, stranger: boolean): number => {
    const own = direct.get(id) ?? [];
    const routes = [...own, ...(related.get(id) ?? []), ...impliedRoutes(id)];
    const cats = byCategory.get(category) ?? [];
    if (routes.length === 0 && cats.length === 0 && !stranger) return NOTHING;
    return addEntry(routes, own.length, cats, stranger);
  };
  const table = new Map<string, number>();
  for (const skill of taxonomy.skills) table.set(skill.id, entryFor(skill.id, skill.category, false));
  // A cheap sieve in front of `direct` for strangers' implied lists: an id whose length and first
  // letter no requirement skill shares cannot be one, and most are rejected without a hash look-up.
  const sieve = new Uint8Array(64 * 128);
  const sieveKey = (id: string): number => ((id.length & 63) << 7) | (id.charCodeAt(0) & 127);
  for (const id of direct.keys()) sieve[sieveKey(id)] = 1;
  // Requirement and sibling ids the taxonomy does not know: no category, and their own lists are read.
  for (const id of [...direct.keys(), ...related.keys()]) {
    if (!table.has(id)) table.set(id, entryFor(id, '', true));
  }
  // Read through a prototype-less dictionary object: a keyed property load beats `Map.get` here,
  // and this look-up runs for every skill of every profile.
  const tableIndex: Record<string, number | undefined> = Object.create(null) as Record<string, number | undefined>;
  for (const [id, entry] of table) tableIndex[id] = entry;
  // Profiles carry each skill's ordinal in the taxonomy that extracted it: the entry is read by
  // that position, once the id there checks out (canonical strings, so a pointer comparison), which
  // is cheaper than hashing the id. Any other ordinal fails the check and the id is looked up.
  const ordinalIds = taxonomyOrdinals(taxonomy).ids;
  const ordinalEntry = Int32Array.from(ordinalIds, (id) => tableIndex[id] ?? NOTHING);
  const STRANGER = addEntry([], 0, [], true);
  /**
   * Entries of ids the taxonomy does not know, by category. Such an id has no direct, related or
   * implied route (every id a requirement names or reaches is in `table`), so its entry is its
   * category's requirements, read with its own `implied[]` list.
   */
  const strangers = new Map<string, number>();
  const strangerEntry = (skill: ExtractedSkill): number => {
    // It is assumed to keep one category, as ids do.
    if (!byCategory.has(skill.category)) return STRANGER;
    let entry = strangers.get(skill.category);
    if (entry === undefined) {
      entry = entryFor(skill.id, skill.category, true);
      strangers.set(skill.category, entry);
    }
    return entry;
  };

  /** The table entry of a profile skill: by its ordinal when the id there is the skill's, else by its id. */
  function entryOf(skill: ExtractedSkill): number {
    const o = skill.ordinal;
    const id = skill.id;
    if (o !== undefined && o < ordinalIds.length && ordinalIds[o] === id) return ordinalEntry[o]!;
    return tableIndex[id] ?? strangerEntry(skill);
  }

  // Scratch buffers reused across calls: scoring runs synchronously, one profile at a time.
  const best = new Float64Array(n);
  const topK = cfg.topK;
  const catTop = new Float64Array(n * topK);
  const hasCategories = categoryReqs.length > 0;
  /** Member slots blocked for the profile being scored: those stamped with its `generation` (no clearing between profiles). */
  const blockedIn = new Int32Array(memberSlots);
  let generation = 0;
  const slotWeight = cfg.slotWeight;
  /** The full summary of the rare skill whose bits say its mentions must be weighed: reused, so scoring allocates nothing. */
  const derived = emptySummary();

  /** A skill's evidence bits: those extraction stored, or derived from its mentions (a profile saved before they existed). */
  function bitsOf(skill: ExtractedSkill): number {
    const stored = skill.evidence;
    return typeof stored === 'number' ? stored : evidenceBits(skill.mentions);
  }

  /** Distinct skills with a skills-list mention, or -1 when the profile has too few skills to be stuffed. */
  function listedSkills(profile: SkillProfile): number {
    // A profile with no more skills than the limit cannot list more than the limit.
    if (profile.skills.length <= cfg.listLimit) return -1;
    let listed = 0;
    for (const skill of profile.skills) if ((bitsOf(skill) & EVIDENCE_LISTED) !== 0) listed++;
    return listed;
  }

  /** Skills-list evidence discount for a profile that lists an abnormal number of skills. */
  function stuffingOf(listed: number): number {
    return listed > cfg.listLimit ? cfg.listLimit / listed : 1;
  }

  /** What one mention is worth: context weight, × stuffing in a skills list, × the flags' weights, in this order. */
  function kindStrength(slot: number, kind: number, stuffing: number): number {
    let w = slotWeight[slot]!;
    if (slot === SLOT.skillsList) w *= stuffing;
    if ((kind & 2) !== 0) w *= cfg.aspiration;
    if ((kind & 1) !== 0) w *= cfg.fuzzy;
    if (kind >= 4) w *= cfg.level[SUMMARY_LEVELS[(kind >> 2) - 1]!];
    return w;
  }
  // Every (slot, kind) weight at full skills-list weight, computed once by `kindStrength` itself.
  const kindWeight = new Float64Array(SLOTS * SUMMARY_KINDS);
  for (let slot = 0; slot < SLOTS; slot++) {
    for (let kind = 0; kind < SUMMARY_KINDS; kind++) kindWeight[slot * SUMMARY_KINDS + kind] = kindStrength(slot, kind, 1);
  }

  function mentionStrength(m: SkillMention, stuffing: number): number {
    if (m.negated) return 0;
    const slot = slotOf(m);
    let w = slotWeight[slot]!;
    if (slot === SLOT.skillsList) w *= stuffing;
    if (m.aspiration) w *= cfg.aspiration;
    if (m.fuzzy) w *= cfg.fuzzy;
    if (m.level !== undefined) w *= cfg.level[m.level] ?? 1;
    return w;
  }

  /** The strongest kind of mention in a slot, given the slot's kind bits (not 0). */
  function slotBest(slot: number, bits: number, stuffing: number): number {
    if (slot === SLOT.skillsList && stuffing !== 1) {
      let top = 0;
      for (let b = bits; b !== 0; b &= b - 1) {
        const w = kindStrength(slot, 31 - Math.clz32(b & -b), stuffing);
        if (w > top) top = w;
      }
      return top;
    }
    const o = slot * SUMMARY_KINDS;
    if ((bits & (bits - 1)) === 0) return kindWeight[o + 31 - Math.clz32(bits)]!;
    let top = 0;
    for (let b = bits; b !== 0; b &= b - 1) {
      const w = kindWeight[o + 31 - Math.clz32(b & -b)]!;
      if (w > top) top = w;
    }
    return top;
  }

  /**
   * Evidence of a skill in [0, 1] from its summary: per slot only the strongest mention counts
   * (so repeating a word earns nothing), and the best three slots combine with a decaying share.
   * Gives exactly what weighing every mention with `mentionStrength` gives.
   */
  function evidenceOfKinds(e: EvidenceSummary, stuffing: number): number {
    // The best three slots, kept in order as each slot is weighed. No weight exceeds 1, so a slot at
    // full strength makes the combination exactly 1 whatever else is mentioned: the rest need not be weighed.
    let a = 0;
    let b = 0;
    let c = 0;
    for (let slot = 0; slot < SLOTS; slot++) {
      const bits = e.kinds[slot]! & KIND_BITS;
      if (bits === 0) continue;
      const v = slotBest(slot, bits, stuffing);
      if (v >= 1) return 1;
      if (v > a) {
        c = b;
        b = a;
        a = v;
      } else if (v > b) {
        c = b;
        b = v;
      } else if (v > c) c = v;
    }
    // Breadth of evidence helps a little, volume never.
    const d = cfg.decay;
    const miss = (1 - a) * (1 - b * d) * (1 - c * d * d);
    return 1 - miss;
  }

  // Most skills have plain mentions only (no flag, no level): their evidence is one of 256 values,
  // one per set of slots they sit in, computed once by `evidenceOfKinds` itself.
  const plainEvidence = new Float64Array(1 << SLOTS);
  for (let set = 0; set < 1 << SLOTS; set++) {
    const e = emptySummary();
    for (let slot = 0; slot < SLOTS; slot++) e.kinds[slot] = (set >> slot) & 1;
    plainEvidence[set] = evidenceOfKinds(e, 1);
  }

  /**
   * Evidence of a skill from its bits: a table look-up when its mentions are plain (and a skills
   * list at full weight), else its mentions weighed kind by kind. Exactly what weighing every
   * mention with `mentionStrength` gives, either way.
   */
  function evidenceOf(skill: ExtractedSkill, bits: number, stuffing: number): number {
    if ((bits & EVIDENCE_FLAGGED) === 0 && (stuffing === 1 || (bits & (1 << SLOT.skillsList)) === 0)) return plainEvidence[bits & 255]!;
    return evidenceOfKinds(summariseInto(skill.mentions, derived), stuffing);
  }

  function effectiveMonths(skill: ExtractedSkill): number {
    if (skill.months > 0) return skill.months;
    return skill.claimedYears !== null && skill.claimedYears > 0 ? skill.claimedYears * 12 * cfg.claimed : 0;
  }

  /** Recency of a skill: from the month its evidence bits carry, else from `lastUsed` itself. */
  function recencyOf(skill: ExtractedSkill, bits: number): number {
    const packed = bits >>> MONTH_SHIFT;
    let used: number;
    if (packed !== 0) used = packed - 1;
    else {
      if (skill.lastUsed === null) return 1;
      used = monthIndex(skill.lastUsed);
      if (Number.isNaN(used)) return 1;
    }
    const gap = cfg.asOfMonth - used;
    if (gap <= 0) return recencyTable[0]!;
    return gap < TABLE_MONTHS ? recencyTable[gap]! : recencyAt(gap);
  }

  /** Detail of the winning credit per requirement, kept only when explaining. */
  interface Win {
    value: number;
    skill: ExtractedSkill;
    via: MatchVia;
    member: string;
  }

  /**
   * The one scoring pass shared by `rate` and `match`, so both give the same numbers.
   * Fills `best` (and `wins`/`catWins` when explaining).
   */
  function evaluate(profile: SkillProfile, stuffing: number, wins: (Win | null)[] | null, catWins: Win[][] | null): void {
    // Stamps of earlier profiles never equal a new generation; at the wrap, clear them once.
    if (generation === 0x7fffffff) {
      blockedIn.fill(0);
      generation = 0;
    }
    generation++;
    // A disclaimed member blocks credit to it through other skills. Skills are weighed in profile
    // order, so credit given before the disclaimer was read is taken back by weighing again, now
    // with every block known: the same order, hence the same winners, as a single pass.
    if (weigh(profile, stuffing, wins, catWins)) {
      if (wins) wins.fill(null);
      if (catWins) for (const list of catWins) list.length = 0;
      weigh(profile, stuffing, wins, catWins);
    }
  }

  /** One pass over the skills; true when a member was found disclaimed after credit to it through other skills was given. */
  function weigh(profile: SkillProfile, stuffing: number, wins: (Win | null)[] | null, catWins: Win[][] | null): boolean {
    // Plain loops: for arrays this short, a call to the typed-array `fill` builtin costs more.
    for (let i = 0; i < n; i++) best[i] = 0;
    if (hasCategories) for (let i = 0; i < catTop.length; i++) catTop[i] = 0;
    const gen = generation;
    let inferred = false;
    let retract = false;
    const skills = profile.skills;
    for (let si = 0; si < skills.length; si++) {
      const skill = skills[si]!;
      const entry = entryOf(skill);
      if (entry === NOTHING) continue;
      const at = entry * META;
      const routeStart = meta[at]!;
      const routeEnd = meta[at + 2]!;
      const catStart = meta[at + 3]!;
      const catEnd = meta[at + 4]!;
      const strangeList: ImpliedSkill[] | null = meta[at + 7] === 1 && skill.implied.length > 0 ? skill.implied : null;
      if (strangeList === null && routeStart === routeEnd && catStart === catEnd) continue;
      const bits = bitsOf(skill);
      const disclaimed = (bits & EVIDENCE_DISCLAIMED) !== 0;
      if (disclaimed) {
        for (let k = meta[at + 5]!, end = meta[at + 6]!; k < end; k++) {
          const slot = ownSlots[k]!;
          if (blockedIn[slot] !== gen) {
            blockedIn[slot] = gen;
            if (inferred) retract = true;
          }
        }
      }
      const ev = evidenceOf(skill, bits, stuffing);
      if (ev === 0) continue;
      const base = ev * recencyOf(skill, bits);
      const months = effectiveMonths(skill);
      // Row of the depth table, or -1 for months off the table (fractional claimed years, decades).
      const row = months < TABLE_MONTHS && Math.floor(months) === months ? months : -1;
      // A disclaimed skill earns its own requirements only (what its aspirations are worth), never another's.
      const end = disclaimed ? meta[at + 1]! : routeEnd;
      for (let k = routeStart, f = meta[at + 8]!; k < end; k += 3, f += 2) {
        const slot = routeInts[k + 2]!;
        if (slot >= 0 && blockedIn[slot] === gen) continue;
        const r = routeInts[k]!;
        const depth = row >= 0 ? depthTable[routeInts[k + 1]! + row]! : depthAt(months, classMonths[routeInts[k + 1]! / TABLE_MONTHS]!);
        const value = base * depth * routeFactors[f]! * routeFactors[f + 1]!;
        if (value > best[r]!) {
          best[r] = value;
          if (slot >= 0) inferred = true;
          if (wins) {
            const route = routeList[k / 3]!;
            wins[r] = { value, skill, via: route.via, member: route.member };
          }
        }
      }
      if (strangeList !== null && !disclaimed) {
        for (let ii = 0; ii < strangeList.length; ii++) {
          const imp = strangeList[ii]!;
          const id = imp.id;
          if (typeof id !== 'string' || sieve[sieveKey(id)] === 0) continue;
          const routes = direct.get(id);
          if (routes === undefined) continue;
          for (let k = 0; k < routes.length; k++) {
            const route = routes[k]!;
            if (blockedIn[route.slot] === gen) continue;
            const c = classOf[route.req]!;
            const depth = row >= 0 ? depthTable[c * TABLE_MONTHS + row]! : depthAt(months, classMonths[c]!);
            const value = base * depth * imp.weight * cfg.implied;
            if (value > best[route.req]!) {
              best[route.req] = value;
              inferred = true;
              if (wins) wins[route.req] = { value, skill, via: 'implied', member: route.member };
            }
          }
        }
      }
      for (let ci = catStart; ci < catEnd; ci += 2) {
        const req = catInts[ci]!;
        const value = base * (row >= 0 ? depthTable[catInts[ci + 1]! + row]! : depthAt(months, classMonths[catInts[ci + 1]! / TABLE_MONTHS]!));
        // Keep the best `topK` values of the category in descending order.
        const o = req * topK;
        if (value > catTop[o + topK - 1]!) {
          let k = topK - 1;
          while (k > 0 && catTop[o + k - 1]! < value) {
            catTop[o + k] = catTop[o + k - 1]!;
            k--;
          }
          catTop[o + k] = value;
        }
        if (catWins) catWins[req]!.push({ value, skill, via: 'direct', member: skill.id });
      }
    }
    for (const req of categoryReqs) {
      let sum = 0;
      for (let k = 0; k < topK; k++) sum += catTop[req * topK + k]!;
      best[req] = sum / topK;
    }
    return retract;
  }

  function total(): number {
    if (totalWeight === 0) return 0;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += weights[i]! * best[i]!;
    return sum / totalWeight;
  }

  function mustHaves(): boolean {
    const min = cfg.minScore;
    for (let k = 0; k < requiredIdx.length; k++) if (best[requiredIdx[k]!]! < min) return false;
    return true;
  }

  const roleRef = { id: role.id, title: role.title };

  function rate(profile: SkillProfile): Rating {
    if (!isProfile(profile)) throw new TypeError('`profile` must be a SkillProfile');
    if (profile.document?.words === 0) {
      return { score: 0, mustHavesMet: false };
    }
    evaluate(profile, stuffingOf(listedSkills(profile)), null, null);
    return { score: toPercent(total()), mustHavesMet: mustHaves() };
  }

  function evidenceFor(skill: ExtractedSkill, stuffing: number): Evidence[] {
    const seen = new Set<string>();
    const items: Evidence[] = [];
    for (const m of skill.mentions) {
      const strength = mentionStrength(m, stuffing);
      if (strength === 0) continue;
      // Text repeated verbatim is one piece of evidence, however often it is pasted.
      const key = `${m.context}\u0000${m.sentence}`;
      if (seen.has(key)) continue;
      seen.add(key);
      items.push({ ...m, skillId: skill.id, strength: round4(strength) });
    }
    items.sort((a, b) => b.strength - a.strength || a.span.start - b.span.start);
    return items.slice(0, cfg.maxEvidence);
  }

  function match(profile: SkillProfile): MatchResult {
    if (!isProfile(profile)) throw new TypeError('`profile` must be a SkillProfile');
    const diagnostics: Diagnostic[] = [...(profile.diagnostics ?? [])];
    const unreadable = profile.document?.words === 0;
    const listed = listedSkills(profile);
    const stuffing = stuffingOf(listed);
    const wins: (Win | null)[] = new Array<Win | null>(n).fill(null);
    const catWins: Win[][] = plans.map(() => []);
    if (unreadable) {
      best.fill(0);
    } else {
      evaluate(profile, stuffing, wins, catWins);
    }

    const requirements: RequirementResult[] = plans.map((plan, i) => {
      const score = best[i]!;
      let win = wins[i] ?? null;
      let alternatives: RequirementResult['alternatives'];
      if (plan.category !== null) {
        const ranked = catWins[i]!.sort((a, b) => b.value - a.value || (a.skill.id < b.skill.id ? -1 : 1));
        win = ranked[0] ?? null;
        if (ranked.length > 1) alternatives = ranked.slice(1, 6).map((w) => ({ id: w.skill.id, name: w.skill.name, score: round4(w.value) }));
      }
      let status: RequirementStatus = 'missing';
      if (win && score >= cfg.minScore) status = win.via === 'direct' && score >= cfg.metScore ? 'met' : 'partial';
      const result: RequirementResult = {
        id: plan.id,
        label: plan.label,
        requirement: plan.requirement,
        importance: plan.importance,
        weight: round4(plan.weight),
        status,
        score: round4(score),
        via: win ? win.via : null,
        skill: win ? { id: win.skill.id, name: win.skill.name } : null,
        evidence: win ? evidenceFor(win.skill, stuffing) : [],
        months: win ? win.skill.months : 0,
        lastUsed: win ? win.skill.lastUsed : null,
        claimedYears: win ? win.skill.claimedYears : null,
      };
      if (win && win.via !== 'direct') result.creditedAs = { id: win.member, name: nameOf(win.member) };
      if (alternatives) result.alternatives = alternatives;
      return result;
    });

    if (unreadable) {
      diagnostics.push({
        severity: 'error',
        code: 'no-readable-text',
        message: 'The résumé has no readable text, so nothing can be matched and it scores 0. See the parse diagnostics for why (scan, image-only PDF, empty file).',
        source: 'score',
      });
    } else if (profile.skills.length === 0) {
      diagnostics.push({
        severity: 'warning',
        code: 'no-skills-found',
        message: 'No skills were found in the résumé, so it scores 0. Check that it is the right file and that it was read in full.',
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

    const score = unreadable ? 0 : total();
    const mustHavesMet = unreadable ? false : mustHaves();
    const missingRequired = requirements.filter((r) => r.importance === 'required' && r.status === 'missing').map((r) => r.label);
    return {
      version: MATCH_VERSION,
      role: { ...roleRef },
      score: toPercent(score),
      mustHavesMet,
      requirements,
      missingRequired,
      summary: summarise(requirements, toPercent(score), unreadable, profile.skills.length === 0),
      diagnostics,
    };
  }

  return { role: roleRef, strictRequired: cfg.strict, match, rate };
}

/** Sentences holding a skill mention that are pasted many times over (white-text-style padding). */
function repeatedText(profile: SkillProfile, threshold: number): Diagnostic[] {
  const seen = new Map<string, { starts: Set<number>; first: Span }>();
  for (const skill of profile.skills) {
    for (const m of skill.mentions) {
      const key = m.sentence.trim().toLowerCase();
      if (key.length < 3) continue;
      let entry = seen.get(key);
      if (!entry) seen.set(key, (entry = { starts: new Set(), first: m.sentenceSpan }));
      entry.starts.add(m.sentenceSpan.start);
      if (m.sentenceSpan.start < entry.first.start) entry.first = m.sentenceSpan;
    }
  }
  const out: Diagnostic[] = [];
  for (const [sentence, { starts, first }] of [...seen].sort((a, b) => a[1].first.start - b[1].first.start)) {
    if (starts.size < threshold) continue;
    const text = sentence.length > 80 ? `${sentence.slice(0, 77)}...` : sentence;
    out.push({
      severity: 'warning',
      code: 'repeated-text',
      message: `The same text is repeated ${starts.size} times ("${text}"); it counts once.`,
      source: 'score',
      span: { start: first.start, end: first.end },
    });
  }
  return out;
}

function describeYears(months: number): string {
  if (months < 12) return `${months} month${months === 1 ? '' : 's'}`;
  const years = Math.round((months / 12) * 10) / 10;
  return `${years} year${years === 1 ? '' : 's'}`;
}

const CONTEXT_WORDS: Record<MentionContext, string> = {
  experience: 'in experience',
  project: 'in a project',
  'skills-list': 'listed in skills',
  summary: 'in the summary',
  education: 'in education',
  certification: 'in a certification',
  other: 'mentioned',
};

function describeStrength(r: RequirementResult): string {
  const parts: string[] = [];
  if (r.months > 0) parts.push(describeYears(r.months));
  else if (r.claimedYears !== null) parts.push(`${r.claimedYears} years claimed`);
  if (r.lastUsed !== null) parts.push(`last used ${r.lastUsed}`);
  const top = r.evidence[0];
  if (top) parts.push(top.context === 'experience' && top.timelineEntry === null ? 'in experience (undated)' : CONTEXT_WORDS[top.context]);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

function summarise(reqs: RequirementResult[], score: number, unreadable: boolean, noSkills: boolean): string {
  if (unreadable) return 'Scores 0: the résumé has no readable text, so nothing could be matched. See the diagnostics.';
  if (noSkills) return 'Scores 0: no skills were found in the résumé. See the diagnostics.';
  const sentences: string[] = [];
  const required = reqs.filter((r) => r.importance === 'required');
  const others = reqs.filter((r) => r.importance !== 'required');
  const counted = (list: RequirementResult[]): number => list.filter((r) => r.status !== 'missing').length;
  if (required.length > 0) {
    const missing = required.filter((r) => r.status === 'missing').map((r) => r.label);
    sentences.push(
      `Meets ${counted(required)} of ${required.length} required requirement${required.length === 1 ? '' : 's'}` +
        (missing.length > 0 ? ` (missing: ${missing.join(', ')})` : '') +
        (others.length > 0 ? ` and ${counted(others)} of ${others.length} preferred or bonus` : '') +
        `; score ${score.toFixed(2)}.`,
    );
  } else {
    sentences.push(`Meets ${counted(others)} of ${others.length} requirements; score ${score.toFixed(2)}.`);
  }
  const strongest = reqs
    .filter((r) => r.status === 'met')
    .sort((a, b) => b.score * b.weight - a.score * a.weight || (a.id < b.id ? -1 : 1))
    .slice(0, 3);
  if (strongest.length > 0) sentences.push(`Strongest: ${strongest.map((r) => `${r.skill!.name}${describeStrength(r)}`).join('; ')}.`);
  const partial = reqs.filter((r) => r.status === 'partial');
  if (partial.length > 0) {
    sentences.push(
      `Partial: ${partial
        .map((r) => (r.via === 'direct' ? `${r.label} (weak evidence${r.evidence[0]?.aspiration ? ': aspiration only' : ''})` : `${r.skill!.name} counted for ${r.creditedAs?.name ?? r.label} (${r.via})`))
        .join('; ')}.`,
    );
  }
  const weak = reqs.filter((r) => r.status === 'met' && r.lastUsed !== null && r.score < 0.5 && r.months > 0);
  if (weak.length > 0) sentences.push(`Dated or short use: ${weak.map((r) => `${r.label}${describeStrength(r)}`).join('; ')}.`);
  return sentences.join(' ');
}

const scorerCache = new WeakMap<Role, { options: ScoreOptions | undefined; scorer: Scorer }>();

/**
 * Scores one profile against one role, with the evidence and a plain-English summary.
 * For many profiles against one role, `createScorer(role)` once and call `match` or `rate`.
 *
 * @param profile From `extractSkills`.
 * @param role A role object (see `assertRole`, `getBuiltinRole`).
 * @param options Taxonomy, `asOf` and weight overrides (see `SCORE_DEFAULTS`).
 * @returns An explained `MatchResult`; `score` is 0–100.
 */
export function scoreMatch(profile: SkillProfile, role: Role, options?: ScoreOptions): MatchResult {
  checkRole(role);
  const cached = scorerCache.get(role);
  // Reuse a compiled role only when called with the very same options (or none and no `asOf`, which moves monthly).
  if (cached && cached.options === options && options !== undefined) return cached.scorer.match(profile);
  const scorer = createScorer(role, options ?? {});
  if (options !== undefined) scorerCache.set(role, { options, scorer });
  return scorer.match(profile);
}
