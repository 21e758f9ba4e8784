/**
 * Rating: one pass over a profile's skills against a compiled role, filling each requirement's credit.
 * Shared by the fast `rate` (numbers only) and the explained `match`, so both give the same numbers.
 *
 * Per skill: evidence (context, flags) × recency (months between its last use and the résumé's latest
 * dated month) × depth (months against the requirement's `minYears`) × the route's share (1 direct;
 * edge weight × `impliedDiscount`; `relatedDiscount`), into the requirement member's slot, where the
 * best credit counts in full and the next three add depth (`groupGain` of the gap). A requirement takes
 * its best member; a category its best `categoryTopK` skills.
 */
import type { ExtractedSkill, ImpliedSkill, MatchVia, SkillProfile } from '../types.js';
import { EVIDENCE_DISCLAIMED, monthIndex } from '../util/evidence.js';
import { META, TABLE_MONTHS, depthAt, recencyAt, sieveKey, type CompiledRole } from './compile.js';
import type { EvidenceMath } from './evidence.js';
import type { Config } from './options.js';

/** Months from a hand-edited or foreign profile's field: a non-negative number, else 0. */
const monthsIn = (value: unknown): number => (typeof value === 'number' && value > 0 ? value : 0);

/** Credits kept per requirement member: the best, and the three next that add depth (a listed framework zoo adds no more). */
const DEPTH = 4;

/** One skill's credit to one requirement member (kept only when explaining). */
export interface Credit {
  value: number;
  skill: ExtractedSkill;
  via: MatchVia;
  member: string;
}

/** What the explained path records per profile: every credit per member slot and per category requirement. */
export interface Credits {
  bySlot: Credit[][];
  byCategory: Credit[][];
}

/** The rater of one compiled role: its scratch buffers are reused, as scoring runs one profile at a time. */
export interface Rater {
  /** Credit per requirement in [0, 1], filled by `weigh`. */
  readonly best: Float64Array;
  /** Weighs `profile`; records every credit in `credits` when given. */
  weigh(profile: SkillProfile, stuffing: number, credits: Credits | null): void;
  /** The combined credit of a member slot (best in full, the next ones adding `groupGain` of the gap). */
  slotValue(slot: number): number;
  core(): number;
  periphery(): number;
  /** The core's factor for a career under other kinds of titles than the role's (1 when titles do not say). */
  focus(): number;
  /** Months under titles of the role's kind of work. */
  functionMonths(): number;
  mustHaves(): boolean;
}

/** The latest month of a profile's dated work: from its experience facts, else from its skills' last use. */
function latestMonth(profile: SkillProfile, ev: EvidenceMath): number {
  const facts = profile.experience;
  if (facts !== undefined && facts !== null && typeof facts === 'object') {
    const m = typeof facts.latest === 'string' ? monthIndex(facts.latest) : Number.NaN;
    return m >= 0 ? m : -1;
  }
  // A profile saved before experience facts existed: its skills' last use is the best guide.
  let latest = -1;
  for (const skill of profile.skills) {
    const m = ev.monthOf(skill, ev.bitsOf(skill));
    if (m > latest) latest = m;
  }
  return latest;
}

/**
 * Puts `value` into the descending run `top[o, o + size)` when it beats the run's last value, moving the
 * smaller ones down and dropping the last.
 */
function insertDescending(top: Float64Array, o: number, size: number, value: number): void {
  if (value <= top[o + size - 1]!) return;
  let k = size - 1;
  while (k > 0 && top[o + k - 1]! < value) {
    top[o + k] = top[o + k - 1]!;
    k--;
  }
  top[o + k] = value;
}

/** The best credits of each requirement member slot within one pass over a profile's skills. */
interface SlotKeeper {
  /** Slots credited in the current pass, in first-credit order (the first `count()`). */
  readonly touched: Int32Array;
  count(): number;
  /** Starts a pass: every slot's credits are forgotten (by a generation stamp, not a pass over the slots). */
  begin(): void;
  /** Keeps `value` when it is among the slot's best `DEPTH` of the pass. */
  add(slot: number, value: number): void;
  /** The combined credit of a slot (best in full, the next ones adding `gain` of the gap). */
  value(slot: number): number;
}

function createSlotKeeper(slots: number, gain: number): SlotKeeper {
  /** The best `DEPTH` credits of each slot, in descending order; valid where `slotGen` holds the pass. */
  const slotTop = new Float64Array(slots * DEPTH);
  const slotGen = new Int32Array(slots);
  const touched = new Int32Array(slots);
  let touchedCount = 0;
  let passGen = 0;
  return {
    touched,
    count: () => touchedCount,
    begin() {
      if (passGen === 0x7fffffff) {
        slotGen.fill(0);
        passGen = 0;
      }
      passGen++;
      touchedCount = 0;
    },
    add(slot, value) {
      const o = slot * DEPTH;
      if (value <= slotTop[o + DEPTH - 1]! && slotGen[slot] === passGen) return;
      if (slotGen[slot] !== passGen) {
        // First credit of this pass: the slot's old values belong to an earlier one.
        slotGen[slot] = passGen;
        touched[touchedCount++] = slot;
        slotTop[o] = value;
        slotTop[o + 1] = 0;
        slotTop[o + 2] = 0;
        slotTop[o + 3] = 0;
        return;
      }
      insertDescending(slotTop, o, DEPTH, value);
    },
    value(slot) {
      if (slotGen[slot] !== passGen) return 0;
      const o = slot * DEPTH;
      const top = slotTop[o]!;
      if (top >= 1) return 1;
      // The next credits, read as independent evidence: the chance that not all of them miss.
      const rest = 1 - (1 - slotTop[o + 1]!) * (1 - slotTop[o + 2]!) * (1 - slotTop[o + 3]!);
      return top + (1 - top) * gain * rest;
    },
  };
}

/** The best `topK` values of each category requirement within one pass, in descending order. */
function createCategoryKeeper(n: number, topK: number) {
  const catTop = new Float64Array(n * topK);
  return {
    clear: () => catTop.fill(0),
    add(req: number, value: number): void {
      insertDescending(catTop, req * topK, topK, value);
    },
    /** The mean of a category requirement's best `topK` values. */
    mean(req: number): number {
      let sum = 0;
      for (let k = 0; k < topK; k++) sum += catTop[req * topK + k]!;
      return sum / topK;
    },
  };
}

/**
 * Credit through the `implied[]` list of a skill the taxonomy does not know (rare: a hand-edited or foreign
 * profile); the returned function says whether any was given.
 */
function createStrangerCrediter(
  c: CompiledRole,
  cfg: Config,
  addToSlot: SlotKeeper['add'],
  blocked: (slot: number) => boolean,
) {
  const { depthTable, classMonths } = c;
  return (
    skill: ExtractedSkill,
    list: ImpliedSkill[],
    base: number,
    months: number,
    row: number,
    credits: Credits | null,
  ): boolean => {
    let gave = false;
    for (const imp of list) {
      const id = imp.id;
      if (typeof id !== 'string' || c.sieve[sieveKey(id)] === 0) continue;
      for (const route of c.direct.get(id) ?? []) {
        if (blocked(route.slot)) continue;
        const minMonths = c.plans[route.req]!.minMonths;
        const depth =
          row >= 0 ? depthTable[classMonths.indexOf(minMonths) * TABLE_MONTHS + row]! : depthAt(cfg, months, minMonths);
        const value = base * depth * imp.weight * cfg.implied;
        if (value <= 0) continue;
        addToSlot(route.slot, value);
        gave = true;
        if (credits !== null) credits.bySlot[route.slot]!.push({ value, skill, via: 'implied', member: route.member });
      }
    }
    return gave;
  };
}

/** The crediting of one skill, with the facts of the profile being weighed. */
interface Crediter {
  /** Starts a profile: its latest dated month and its months under titles of the role's kind of work. */
  startProfile(latest: number, functionMonths: number): void;
  /**
   * Credits one skill. Returns 1 when it is disclaimed and blocks a slot after inferred credit was given
   * in this pass (`inferred`): the pass must then run again, with every block known. Returns 2 when it gave
   * inferred credit, else 0.
   */
  credit(skill: ExtractedSkill, stuffing: number, inferred: boolean, credits: Credits | null): number;
}

function createCrediter(
  c: CompiledRole,
  cfg: Config,
  ev: EvidenceMath,
  addToSlot: SlotKeeper['add'],
  addToCategory: (req: number, value: number) => void,
): Crediter {
  const { routeInts, routeFactors, routeList, catInts, ownSlots, meta, depthTable, recencyTable, classMonths } = c;
  const { entryOf, NOTHING } = c;
  /** Slots blocked for the profile being weighed: those stamped with its `profileGen`. */
  const blockedIn = new Int32Array(c.slots);
  let profileGen = 0;
  /** Per-profile facts of the profile being weighed. */
  let latest = -1;
  let functionMonths = 0;
  const creditStrangers = createStrangerCrediter(c, cfg, addToSlot, (slot) => blockedIn[slot] === profileGen);

  const depthOf = (row: number, classOffset: number, months: number): number =>
    row >= 0 ? depthTable[classOffset + row]! : depthAt(cfg, months, classMonths[classOffset / TABLE_MONTHS]!);

  function recencyOf(month: number): number {
    const gap = month < 0 || latest < 0 ? 0 : latest - month;
    return gap <= 0 ? recencyTable[0]! : gap < TABLE_MONTHS ? recencyTable[gap]! : recencyAt(cfg, gap);
  }

  /** Blocks inferred credit to a disclaimed skill's own slots; 1 when a block came after inferred credit. */
  function block(at: number, inferred: boolean): number {
    let outcome = 0;
    for (let k = meta[at + 5]!, end = meta[at + 6]!; k < end; k++) {
      const slot = ownSlots[k]!;
      if (blockedIn[slot] !== profileGen) {
        blockedIn[slot] = profileGen;
        if (inferred) outcome = 1;
      }
    }
    return outcome;
  }

  function credit(skill: ExtractedSkill, stuffing: number, inferred: boolean, credits: Credits | null): number {
    const entry = entryOf(skill);
    if (entry === NOTHING) return 0;
    const at = entry * META;
    const routeStart = meta[at]!;
    const routeEnd = meta[at + 2]!;
    const catStart = meta[at + 3]!;
    const catEnd = meta[at + 4]!;
    const strangeList: ImpliedSkill[] | null = meta[at + 7] === 1 && skill.implied.length > 0 ? skill.implied : null;
    if (strangeList === null && routeStart === routeEnd && catStart === catEnd) return 0;
    const bits = ev.bitsOf(skill);
    const disclaimed = (bits & EVIDENCE_DISCLAIMED) !== 0;
    // A disclaimed skill blocks inferred credit to its own slots, and earns its own requirements only.
    let outcome = disclaimed ? block(at, inferred) : 0;
    const e = ev.evidenceOf(skill, bits, stuffing);
    if (e === 0) return outcome;
    const base = e * recencyOf(ev.monthOf(skill, bits));
    const months = ev.effectiveMonths(skill, bits, functionMonths);
    // Row of the depth table, or -1 for months off the table (fractional claimed months, centuries).
    const row = months < TABLE_MONTHS && Math.floor(months) === months ? months : -1;
    const end = disclaimed ? meta[at + 1]! : routeEnd;
    for (let k = routeStart, f = meta[at + 8]!; k < end; k += 3, f += 2) {
      const slot = routeInts[k]!;
      const direct = routeInts[k + 2] === 1;
      if (!direct && blockedIn[slot] === profileGen) continue;
      const value = base * depthOf(row, routeInts[k + 1]!, months) * routeFactors[f]! * routeFactors[f + 1]!;
      if (value <= 0) continue;
      addToSlot(slot, value);
      if (!direct && outcome === 0) outcome = 2;
      if (credits !== null) {
        const route = routeList[k / 3]!;
        credits.bySlot[slot]!.push({ value, skill, via: route.via, member: route.member });
      }
    }
    if (
      strangeList !== null &&
      !disclaimed &&
      creditStrangers(skill, strangeList, base, months, row, credits) &&
      outcome === 0
    )
      outcome = 2;
    for (let ci = catStart; ci < catEnd; ci += 2) {
      const value = base * depthOf(row, catInts[ci + 1]!, months);
      addToCategory(catInts[ci]!, value);
      if (credits !== null) credits.byCategory[catInts[ci]!]!.push({ value, skill, via: 'direct', member: skill.id });
    }
    return outcome;
  }

  return {
    startProfile(latestMonth, ownMonths) {
      if (profileGen === 0x7fffffff) {
        blockedIn.fill(0);
        profileGen = 0;
      }
      profileGen++;
      latest = latestMonth;
      functionMonths = ownMonths;
    },
    credit,
  };
}

/** A profile's months under titles of the role's kind of work, and the core's factor for work under other kinds. */
interface FunctionFacts {
  months: number;
  focus: number;
}

/** Reads the profile's months under titles of the role's kind of work, and the share under other kinds, into `out`. */
function readFunction(c: CompiledRole, cfg: Config, profile: SkillProfile, out: FunctionFacts): void {
  out.months = 0;
  out.focus = 1;
  const byKind = c.function === null ? undefined : profile.experience?.functionMonths;
  if (byKind === undefined || byKind === null || typeof byKind !== 'object') return;
  const development = monthsIn(byKind.development);
  const testing = monthsIn(byKind.testing);
  const operations = monthsIn(byKind.operations);
  const known = development + testing + operations + monthsIn(byKind.other);
  const own = c.function === 'development' ? development : c.function === 'testing' ? testing : operations;
  out.months = own;
  if (known > 0) out.focus = 1 - cfg.functionMismatch * ((known - own) / known);
}

/** Builds the rater of `c`. */
export function createRater(c: CompiledRole, cfg: Config, ev: EvidenceMath): Rater {
  const { n, weights } = c;
  const best = new Float64Array(n);
  const keeper = createSlotKeeper(c.slots, cfg.groupGain);
  const { touched, value: slotValue } = keeper;
  const categories = createCategoryKeeper(n, cfg.topK);
  const { startProfile, credit } = createCrediter(c, cfg, ev, keeper.add, categories.add);
  const slotReq = new Int32Array(c.slots);
  c.plans.forEach((plan, r) => {
    for (let s = plan.slotStart; s < plan.slotEnd; s++) slotReq[s] = r;
  });
  const hasCategories = c.categoryReqs.length > 0;
  const facts: FunctionFacts = { months: 0, focus: 1 };

  /** One pass over the skills; true when a disclaimer was found after inferred credit it blocks was given. */
  function pass(profile: SkillProfile, stuffing: number, credits: Credits | null): boolean {
    keeper.begin();
    if (hasCategories) categories.clear();
    let inferred = false;
    let retract = false;
    const skills = profile.skills;
    for (let si = 0; si < skills.length; si++) {
      const outcome = credit(skills[si]!, stuffing, inferred, credits);
      if (outcome === 2) inferred = true;
      else if (outcome === 1) retract = true;
    }
    return retract;
  }

  function weigh(profile: SkillProfile, stuffing: number, credits: Credits | null): void {
    readFunction(c, cfg, profile, facts);
    startProfile(latestMonth(profile, ev), facts.months);
    // A disclaimer read after credit it blocks was given: weigh again, now with every block known.
    if (pass(profile, stuffing, credits)) {
      if (credits !== null) {
        for (const list of credits.bySlot) list.length = 0;
        for (const list of credits.byCategory) list.length = 0;
      }
      pass(profile, stuffing, credits);
    }
    for (let r = 0; r < n; r++) best[r] = 0;
    for (let k = 0, count = keeper.count(); k < count; k++) {
      const slot = touched[k]!;
      const v = slotValue(slot);
      const r = slotReq[slot]!;
      if (v > best[r]!) best[r] = v;
    }
    for (const req of c.categoryReqs) best[req] = categories.mean(req);
  }

  const mean = (idx: number[], total: number): number => {
    if (total === 0) return 0;
    let sum = 0;
    for (let k = 0; k < idx.length; k++) sum += weights[idx[k]!]! * best[idx[k]!]!;
    return sum / total;
  };

  return {
    best,
    weigh,
    slotValue,
    core: () => mean(c.coreIdx, c.coreWeight),
    periphery: () => mean(c.peripheryIdx, c.peripheryWeight),
    focus: () => facts.focus,
    functionMonths: () => facts.months,
    mustHaves() {
      for (let k = 0; k < c.requiredIdx.length; k++) if (best[c.requiredIdx[k]!]! < cfg.minScore) return false;
      return true;
    },
  };
}
