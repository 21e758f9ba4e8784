/**
 * Rating: one pass over a profile's skills against a compiled role, filling each requirement's credit.
 * Shared by the fast `rate` (numbers only) and the explained `match`, so both give the same numbers.
 *
 * Per skill: evidence (context, flags) × depth (months against the requirement's `minYears`) × the
 * route's share (1 direct; edge weight × `impliedDiscount`; `relatedDiscount`), stashed with the month
 * the skill was last used. Then, with every disclaimer and the résumé's latest dated month known:
 * × recency (months between the skill's last use and the résumé's latest dated month), and into the
 * requirement member's slot, where the best credit counts in full and the others add depth
 * (`groupGain`). A requirement takes its best member; a category its best `categoryTopK` skills.
 */
import type { ExtractedSkill, ImpliedSkill, MatchVia, SkillProfile } from '../types.js';
import { EVIDENCE_DISCLAIMED, monthIndex } from '../extract/summary.js';
import { META, TABLE_MONTHS, depthAt, recencyAt, sieveKey, type CompiledRole } from './compile.js';
import type { EvidenceMath } from './evidence.js';
import type { Config } from './options.js';

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
  /** The combined credit of a member slot (best in full, the others adding `groupGain` of the gap). */
  slotValue(slot: number): number;
  core(): number;
  periphery(): number;
  mustHaves(): boolean;
}

/** Builds the rater of `c`. */
export function createRater(c: CompiledRole, cfg: Config, ev: EvidenceMath): Rater {
  const { n, slots, routeInts, routeFactors, routeList, catInts, ownSlots, meta, depthTable, recencyTable, classMonths, weights } = c;
  const topK = cfg.topK;
  const gain = cfg.groupGain;
  const best = new Float64Array(n);
  /** The best `DEPTH` credits of each slot, in descending order: the best counts in full, the next ones add depth. */
  const slotTop = new Float64Array(slots * DEPTH);
  /** Slots credited for the profile being weighed (valid where `slotGen` holds its generation), in first-credit order. */
  const touched = new Int32Array(slots);
  let touchedCount = 0;
  const slotGen = new Int32Array(slots);
  const slotReq = new Int32Array(slots);
  c.plans.forEach((plan, r) => {
    for (let s = plan.slotStart; s < plan.slotEnd; s++) slotReq[s] = r;
  });
  const catTop = new Float64Array(n * topK);
  /** Slots blocked for the profile being weighed: those stamped with its `generation`. */
  const blockedIn = new Int32Array(slots);
  let generation = 0;
  // The stash: one credit a row, before recency (slot or -1-req for a category, value, month, direct?).
  let cap = 64;
  let stashSlot = new Int32Array(cap);
  let stashValue = new Float64Array(cap);
  let stashMonth = new Int32Array(cap);
  let stashDirect = new Uint8Array(cap);
  let stashCredit: (Credit | null)[] = [];
  let count = 0;

  function grow(): void {
    cap *= 2;
    const s = new Int32Array(cap);
    s.set(stashSlot);
    stashSlot = s;
    const v = new Float64Array(cap);
    v.set(stashValue);
    stashValue = v;
    const m = new Int32Array(cap);
    m.set(stashMonth);
    stashMonth = m;
    const d = new Uint8Array(cap);
    d.set(stashDirect);
    stashDirect = d;
  }

  function stash(slot: number, value: number, month: number, direct: number, credit: Credit | null): void {
    if (count === cap) grow();
    stashSlot[count] = slot;
    stashValue[count] = value;
    stashMonth[count] = month;
    stashDirect[count] = direct;
    if (credit !== null) stashCredit[count] = credit;
    count++;
  }

  const depthOf = (row: number, classOffset: number, months: number): number =>
    row >= 0 ? depthTable[classOffset + row]! : depthAt(cfg, months, classMonths[classOffset / TABLE_MONTHS]!);

  /** Stashes what one skill can earn; returns its last-use month (or -1). */
  function collect(skill: ExtractedSkill, stuffing: number, development: number, explain: boolean): number {
    const entry = c.entryOf(skill);
    const bits = ev.bitsOf(skill);
    const month = ev.monthOf(skill, bits);
    if (entry === c.NOTHING) return month;
    const at = entry * META;
    const routeStart = meta[at]!;
    const routeEnd = meta[at + 2]!;
    const catStart = meta[at + 3]!;
    const catEnd = meta[at + 4]!;
    const strangeList: ImpliedSkill[] | null = meta[at + 7] === 1 && skill.implied.length > 0 ? skill.implied : null;
    if (strangeList === null && routeStart === routeEnd && catStart === catEnd) return month;
    const disclaimed = (bits & EVIDENCE_DISCLAIMED) !== 0;
    // A disclaimed skill blocks inferred credit to its own slots, and earns its own requirements only.
    if (disclaimed) for (let k = meta[at + 5]!, end = meta[at + 6]!; k < end; k++) blockedIn[ownSlots[k]!] = generation;
    const e = ev.evidenceOf(skill, bits, stuffing);
    if (e === 0) return month;
    const months = ev.effectiveMonths(skill, bits, development);
    // Row of the depth table, or -1 for months off the table (fractional claimed months, centuries).
    const row = months < TABLE_MONTHS && Math.floor(months) === months ? months : -1;
    const end = disclaimed ? meta[at + 1]! : routeEnd;
    for (let k = routeStart, f = meta[at + 8]!; k < end; k += 3, f += 2) {
      const value = e * depthOf(row, routeInts[k + 1]!, months) * routeFactors[f]! * routeFactors[f + 1]!;
      const route = explain ? routeList[k / 3]! : null;
      stash(routeInts[k]!, value, month, routeInts[k + 2]!, route ? { value, skill, via: route.via, member: route.member } : null);
    }
    if (strangeList !== null && !disclaimed) collectStrangers(skill, strangeList, e, months, row, month, explain);
    for (let ci = catStart; ci < catEnd; ci += 2) {
      const value = e * depthOf(row, catInts[ci + 1]!, months);
      stash(-1 - catInts[ci]!, value, month, 1, explain ? { value, skill, via: 'direct', member: skill.id } : null);
    }
    return month;
  }

  /** Credit through the `implied[]` list of a skill the taxonomy does not know. */
  function collectStrangers(skill: ExtractedSkill, list: ImpliedSkill[], e: number, months: number, row: number, month: number, explain: boolean): void {
    for (const imp of list) {
      const id = imp.id;
      if (typeof id !== 'string' || c.sieve[sieveKey(id)] === 0) continue;
      for (const route of c.direct.get(id) ?? []) {
        const cls = c.plans[route.req]!;
        const depth = row >= 0 ? depthTable[c.classMonths.indexOf(cls.minMonths) * TABLE_MONTHS + row]! : depthAt(cfg, months, cls.minMonths);
        const value = e * depth * imp.weight * cfg.implied;
        stash(route.slot, value, month, 0, explain ? { value, skill, via: 'implied', member: route.member } : null);
      }
    }
  }

  /** Applies recency and adds each stashed credit to its slot or category. */
  function settle(latest: number, credits: Credits | null): void {
    const gen = generation;
    for (let i = 0; i < count; i++) {
      const slot = stashSlot[i]!;
      if (slot >= 0 && stashDirect[i] === 0 && blockedIn[slot] === gen) continue;
      const month = stashMonth[i]!;
      const gap = month < 0 || latest < 0 ? 0 : latest - month;
      const value = stashValue[i]! * (gap <= 0 ? recencyTable[0]! : gap < TABLE_MONTHS ? recencyTable[gap]! : recencyAt(cfg, gap));
      if (slot >= 0) addToSlot(slot, value);
      else addToCategory(-1 - slot, value);
      if (credits !== null) {
        const credit = stashCredit[i]!;
        credit.value = value;
        (slot >= 0 ? credits.bySlot[slot]! : credits.byCategory[-1 - slot]!).push(credit);
      }
    }
  }

  /** Keeps the best `DEPTH` credits of a slot in descending order. */
  function addToSlot(slot: number, value: number): void {
    const o = slot * DEPTH;
    if (slotGen[slot] !== generation) {
      // First credit of this profile: the slot's old values belong to an earlier profile.
      slotGen[slot] = generation;
      touched[touchedCount++] = slot;
      slotTop[o] = value;
      slotTop[o + 1] = 0;
      slotTop[o + 2] = 0;
      slotTop[o + 3] = 0;
      return;
    }
    if (value <= slotTop[o + DEPTH - 1]!) return;
    let k = DEPTH - 1;
    while (k > 0 && slotTop[o + k - 1]! < value) {
      slotTop[o + k] = slotTop[o + k - 1]!;
      k--;
    }
    slotTop[o + k] = value;
  }

  /** Keeps the best `topK` values of a category requirement in descending order. */
  function addToCategory(req: number, value: number): void {
    const o = req * topK;
    if (value <= catTop[o + topK - 1]!) return;
    let k = topK - 1;
    while (k > 0 && catTop[o + k - 1]! < value) {
      catTop[o + k] = catTop[o + k - 1]!;
      k--;
    }
    catTop[o + k] = value;
  }

  function slotValue(slot: number): number {
    if (slotGen[slot] !== generation) return 0;
    const o = slot * DEPTH;
    const top = slotTop[o]!;
    if (top >= 1) return 1;
    // The next credits, read as independent evidence: the chance that not all of them miss.
    const rest = 1 - (1 - slotTop[o + 1]!) * (1 - slotTop[o + 2]!) * (1 - slotTop[o + 3]!);
    return top + (1 - top) * gain * rest;
  }

  function weigh(profile: SkillProfile, stuffing: number, credits: Credits | null): void {
    if (generation === 0x7fffffff) {
      blockedIn.fill(0);
      slotGen.fill(0);
      generation = 0;
    }
    generation++;
    count = 0;
    touchedCount = 0;
    if (credits !== null) stashCredit = [];
    for (let i = 0; i < catTop.length; i++) catTop[i] = 0;
    const skills = profile.skills;
    const facts = profile.experience;
    const development = facts !== undefined && facts.developmentMonths > 0 ? facts.developmentMonths : 0;
    let latest = facts !== undefined && typeof facts.latest === 'string' ? monthIndex(facts.latest) : -1;
    if (!(latest >= 0)) latest = -1;
    for (let si = 0; si < skills.length; si++) {
      const month = collect(skills[si]!, stuffing, development, credits !== null);
      if (month > latest) latest = month;
    }
    settle(latest, credits);
    for (let r = 0; r < n; r++) best[r] = 0;
    for (let k = 0; k < touchedCount; k++) {
      const slot = touched[k]!;
      const v = slotValue(slot);
      const r = slotReq[slot]!;
      if (v > best[r]!) best[r] = v;
    }
    for (const req of c.categoryReqs) {
      let sum = 0;
      for (let k = 0; k < topK; k++) sum += catTop[req * topK + k]!;
      best[req] = sum / topK;
    }
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
    mustHaves() {
      for (let k = 0; k < c.requiredIdx.length; k++) if (best[c.requiredIdx[k]!]! < cfg.minScore) return false;
      return true;
    },
  };
}
