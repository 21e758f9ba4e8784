/**
 * What one skill's mentions are worth, in [0, 1], before depth, recency and routing: each mention its
 * context weight (× the flags' weights; 0 when negated), only the strongest mention per context, and
 * the best three contexts combined as `1 − (1 − a)(1 − b·decay)(1 − c·decay²)`. Read from the skill's
 * evidence bits (`ExtractedSkill.evidence`) when it has them, so ranking never walks mentions.
 */
import {
  emptySummary,
  EVIDENCE_FLAGGED,
  EVIDENCE_LISTED,
  evidenceBits,
  monthIndex,
  MONTH_SHIFT,
  SLOT,
  slotOf,
  summariseInto,
  SUMMARY_KINDS,
  SUMMARY_LEVELS,
  SUMMARY_SLOTS,
  type EvidenceSummary,
} from '../util/evidence.js';
import type { ExtractedSkill, SkillMention, SkillProfile } from '../types.js';
import type { Config } from './options.js';

const SLOTS = SUMMARY_SLOTS.length;
/** Plain mentions that say a skill was used without dating it: undated experience, a project, a skills list, the summary. */
const UNDATED_USE = (1 << SLOT.undated) | (1 << SLOT.project) | (1 << SLOT.skillsList) | (1 << SLOT.summary);
/** Every kind bit of a summary field; other bits of a hand-edited summary are ignored. */
const KIND_BITS = 2 ** SUMMARY_KINDS - 1;

/** The evidence functions for one resolved configuration. */
export interface EvidenceMath {
  /** A skill's evidence bits: those extraction stored, or derived from its mentions. */
  bitsOf(skill: ExtractedSkill): number;
  /** Month index (`year × 12 + month − 1`) of the skill's last dated use, or -1. */
  monthOf(skill: ExtractedSkill, bits: number): number;
  /** Evidence of a skill in [0, 1]. */
  evidenceOf(skill: ExtractedSkill, bits: number, stuffing: number): number;
  /** What one mention is worth on its own. */
  mentionStrength(m: SkillMention, stuffing: number): number;
  /**
   * Months that stand for the skill's depth: its dated months; or its claimed months × `claimedYearsCredit`;
   * or, for a skill listed or described without dates in a résumé with dated work under titles of the role's
   * kind, those months × `functionCredit` (a developer's listed skills are taken as used in that work): the most.
   */
  effectiveMonths(skill: ExtractedSkill, bits: number, functionMonths: number): number;
  /** Distinct skills with a skills-list mention, or -1 when the profile has too few skills to be stuffed. */
  listedSkills(profile: SkillProfile): number;
  /** Skills-list discount for `listed` skills listed (1 unless more than `skillsListLimit`). */
  stuffingOf(listed: number): number;
}

/**
 * The evidence of an evidence summary, in [0, 1]: the strongest kind of mention per slot, the best three
 * slots combined. Every (slot, kind) weight at no stuffing is computed once.
 */
function createKindCombiner(cfg: Config): (e: EvidenceSummary, stuffing: number) => number {
  const slotWeight = cfg.slotWeight;
  const kindStrength = (slot: number, kind: number, stuffing: number): number => {
    let w = slotWeight[slot]!;
    if (slot === SLOT.skillsList) w *= stuffing;
    if ((kind & 2) !== 0) w *= cfg.aspiration;
    if ((kind & 1) !== 0) w *= cfg.fuzzy;
    if (kind >= 4) w *= cfg.level[SUMMARY_LEVELS[(kind >> 2) - 1]!];
    return w;
  };
  const kindWeight = new Float64Array(SLOTS * SUMMARY_KINDS);
  for (let slot = 0; slot < SLOTS; slot++) {
    for (let kind = 0; kind < SUMMARY_KINDS; kind++)
      kindWeight[slot * SUMMARY_KINDS + kind] = kindStrength(slot, kind, 1);
  }
  /** The strongest kind of mention in a slot, given the slot's kind bits (not 0). */
  const strongest = (slot: number, bits: number, stuffing: number): number => {
    let top = 0;
    for (let b = bits; b !== 0; b &= b - 1) {
      const kind = 31 - Math.clz32(b & -b);
      const w =
        slot === SLOT.skillsList && stuffing !== 1
          ? kindStrength(slot, kind, stuffing)
          : kindWeight[slot * SUMMARY_KINDS + kind]!;
      if (w > top) top = w;
    }
    return top;
  };
  const evidenceOfKinds = (e: EvidenceSummary, stuffing: number): number => {
    // The best three slots; a slot at full strength makes the combination exactly 1.
    let a = 0;
    let b = 0;
    let c = 0;
    for (let slot = 0; slot < SLOTS; slot++) {
      const bits = e.kinds[slot]! & KIND_BITS;
      if (bits === 0) continue;
      const v = strongest(slot, bits, stuffing);
      if (v >= 1) return 1;
      if (v > a) [a, b, c] = [v, a, b];
      else if (v > b) [b, c] = [v, b];
      else if (v > c) c = v;
    }
    // Breadth of evidence helps a little, volume never.
    const d = cfg.decay;
    return 1 - (1 - a) * (1 - b * d) * (1 - c * d * d);
  };
  return evidenceOfKinds;
}

/** Builds the evidence functions; every (context, kind) weight and the plain-evidence table are computed once. */
export function createEvidenceMath(cfg: Config): EvidenceMath {
  const slotWeight = cfg.slotWeight;
  const evidenceOfKinds = createKindCombiner(cfg);
  // Most skills have plain mentions only: their evidence is one of 256 values, one per set of slots.
  const plainEvidence = new Float64Array(1 << SLOTS);
  for (let set = 0; set < 1 << SLOTS; set++) {
    const e = emptySummary();
    for (let slot = 0; slot < SLOTS; slot++) e.kinds[slot] = (set >> slot) & 1;
    plainEvidence[set] = evidenceOfKinds(e, 1);
  }
  const derived = emptySummary();
  const bitsOf = (skill: ExtractedSkill): number => {
    const stored = skill.evidence;
    return typeof stored === 'number' ? stored : evidenceBits(skill.mentions);
  };
  return {
    bitsOf,
    monthOf(skill, bits) {
      const packed = bits >>> MONTH_SHIFT;
      if (packed !== 0) return packed - 1;
      if (typeof skill.lastUsed !== 'string') return -1;
      const m = monthIndex(skill.lastUsed);
      return Number.isNaN(m) ? -1 : m;
    },
    evidenceOf(skill, bits, stuffing) {
      if ((bits & EVIDENCE_FLAGGED) === 0 && (stuffing === 1 || (bits & (1 << SLOT.skillsList)) === 0))
        return plainEvidence[bits & 255]!;
      return evidenceOfKinds(summariseInto(skill.mentions, derived), stuffing);
    },
    mentionStrength(m, stuffing) {
      if (m.negated) return 0;
      const slot = slotOf(m);
      let w = slotWeight[slot]!;
      if (slot === SLOT.skillsList) w *= stuffing;
      if (m.aspiration) w *= cfg.aspiration;
      if (m.fuzzy) w *= cfg.fuzzy;
      if (m.level !== undefined) w *= cfg.level[m.level] ?? 1;
      return w;
    },
    effectiveMonths(skill, bits, functionMonths) {
      // Credited months are whole months, so depth is read from its table rather than computed.
      let months = skill.months;
      const claimed = Math.round(claimedMonthsOf(skill) * cfg.claimed);
      if (claimed > months) months = claimed;
      if (functionMonths > 0 && (bits & UNDATED_USE) !== 0) {
        const credited = Math.round(functionMonths * cfg.functionCredit);
        if (credited > months) months = credited;
      }
      return months;
    },
    listedSkills(profile) {
      // A profile with no more skills than the limit cannot list more than the limit.
      if (profile.skills.length <= cfg.listLimit) return -1;
      let listed = 0;
      for (const skill of profile.skills) if ((bitsOf(skill) & EVIDENCE_LISTED) !== 0) listed++;
      return listed;
    },
    stuffingOf(listed) {
      return listed > cfg.listLimit ? cfg.listLimit / listed : 1;
    },
  };
}

/** Months the résumé claims for a skill ("3+ years of Java", "Python- Exprience - 18 months"), or 0. */
export function claimedMonthsOf(skill: ExtractedSkill): number {
  const m = skill.claimedMonths;
  if (typeof m === 'number' && m > 0) return m;
  return typeof skill.claimedYears === 'number' && skill.claimedYears > 0 ? skill.claimedYears * 12 : 0;
}
