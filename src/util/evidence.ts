/**
 * The evidence bits of an extracted skill (`ExtractedSkill.evidence`, see `EvidenceBits`): what the
 * score stage needs of its mentions, computed once at extraction so that scoring many profiles
 * never walks their mention lists. Nothing in it comes from the person, only from how the skill
 * was mentioned.
 *
 * A mention's worth depends on its context (dated experience, project, skills list, …) and on
 * three flags: aspiration, typo-tolerant find and proficiency level. Weights are scoring options,
 * so the bits keep no weights. Almost every mention is plain (0.3% of the skills of the bench's
 * résumés have any other kind): the bits say in which contexts plain mentions sit, and flag the
 * rare skill whose worth needs the other kinds, for which scoring weighs the mentions through the
 * full summary below (`EvidenceSummary`: per context, the set of kinds found there). Above the
 * flags sits the month of `lastUsed`, so recency needs no string parsed.
 *
 * Extraction writes the bits and scoring reads them, so the codec sits here, beside both stages,
 * rather than in either.
 */
import type { EvidenceBits, ProficiencyLevel, SkillMention } from '../types.js';

/** The kinds (see `kindOf`) of the non-negated mentions in each context slot, as bit sets indexed like `SUMMARY_SLOTS`; and whether the résumé disclaims the skill. */
export interface EvidenceSummary {
  kinds: Int32Array;
  disclaimed: boolean;
}

/** Bit of `EvidenceBits`: a non-negated skills-list mention. */
export const EVIDENCE_LISTED = 1 << 8;
/** Bit of `EvidenceBits`: some context holds flagged mentions only (aspiration, typo, level). */
export const EVIDENCE_FLAGGED = 1 << 9;
/** Bit of `EvidenceBits`: every mention is negated or an aspiration. */
export const EVIDENCE_DISCLAIMED = 1 << 10;
/** The month of last use sits above the flags: `bits >>> MONTH_SHIFT` is `monthIndex(lastUsed) + 1`, or 0. */
export const MONTH_SHIFT = 11;
/** Months that fit above the flags and keep the bits a small integer. */
const MONTHS_PACKED = 2 ** (30 - MONTH_SHIFT) - 1;

/** `YYYY-MM` → months since year 0 (year × 12 + month − 1), or NaN. Char arithmetic: scoring runs it for every skill saved without evidence bits. */
export function monthIndex(ym: string): number {
  if (ym.length < 7) return Number.NaN;
  const y =
    (ym.charCodeAt(0) - 48) * 1000 +
    (ym.charCodeAt(1) - 48) * 100 +
    (ym.charCodeAt(2) - 48) * 10 +
    (ym.charCodeAt(3) - 48);
  const m = (ym.charCodeAt(5) - 48) * 10 + (ym.charCodeAt(6) - 48);
  return y * 12 + m - 1;
}

/** Levels in the order of their kind bits (kind = 4 × (1 + index) + …; 0 for no level). */
export const SUMMARY_LEVELS: readonly ProficiencyLevel[] = ['expert', 'advanced', 'intermediate', 'basic'];

/** Kinds of mention: `4 × level + 2 × aspiration + fuzzy`, level 0 for none, 1–4 for `SUMMARY_LEVELS`. */
export const SUMMARY_KINDS = 4 * (SUMMARY_LEVELS.length + 1);

/** The context slots in order: the names of the indexes of `EvidenceSummary.kinds`. */
export const SUMMARY_SLOTS = [
  'dated',
  'undated',
  'project',
  'skillsList',
  'summary',
  'education',
  'certification',
  'other',
] as const;

/** Slot index in `SUMMARY_SLOTS` of each mention. */
export const SLOT = {
  dated: 0,
  undated: 1,
  project: 2,
  skillsList: 3,
  summary: 4,
  education: 5,
  certification: 6,
  other: 7,
} as const;

/**
 * Slot of a mention by its context, read from the first letter and the length rather than by a
 * keyed look-up (it runs for every mention when a profile has no summary). A context word outside
 * `MentionContext` lands where its first letter and length put it, as it always has in scoring.
 */
export function slotOf(m: SkillMention): number {
  const c = m.context;
  switch (c.charCodeAt(0)) {
    case 101: // e
      if (c.length === 10) return m.timelineEntry === null ? SLOT.undated : SLOT.dated;
      return SLOT.education;
    case 112: // p
      return SLOT.project;
    case 115: // s
      return c.length === 11 ? SLOT.skillsList : SLOT.summary;
    case 99: // c
      return SLOT.certification;
    default:
      return SLOT.other;
  }
}

/** Kind of a mention (see `SUMMARY_KINDS`); a level outside `SUMMARY_LEVELS` counts as none, as in scoring. */
function kindOf(m: SkillMention): number {
  const level = m.level === undefined ? 0 : SUMMARY_LEVELS.indexOf(m.level) + 1;
  return 4 * level + (m.aspiration ? 2 : 0) + (m.fuzzy ? 1 : 0);
}

/** An empty summary (no mention). */
export function emptySummary(): EvidenceSummary {
  return { kinds: new Int32Array(SUMMARY_SLOTS.length), disclaimed: false };
}

/**
 * Writes the summary of `mentions` into `out` (reset first) and returns it: the scorer reuses one
 * object for profiles that carry no summary, so scoring them allocates nothing per skill.
 */
export function summariseInto(mentions: readonly SkillMention[], out: EvidenceSummary): EvidenceSummary {
  const kinds = out.kinds;
  for (let slot = 0; slot < kinds.length; slot++) kinds[slot] = 0;
  let positive = false;
  for (const m of mentions) {
    if (m.negated) continue;
    const kind = kindOf(m);
    const bit = 1 << kind;
    if ((kind & 2) === 0) positive = true;
    kinds[slotOf(m)]! |= bit;
  }
  out.disclaimed = mentions.length > 0 && !positive;
  return out;
}

/**
 * The evidence bits of a skill (see `EvidenceBits`), as extraction stores them in
 * `ExtractedSkill.evidence`: from its mentions, and the month of its `lastUsed` when given.
 * Deterministic and independent of mention order.
 *
 * @example evidenceBits([{ context: 'experience', timelineEntry: 0, negated: false, aspiration: false, fuzzy: false, … }]) // 1
 */
export function evidenceBits(mentions: readonly SkillMention[], lastUsed: string | null = null): EvidenceBits {
  let plain = 0;
  let any = 0;
  let listed = false;
  let positive = false;
  for (const m of mentions) {
    if (m.negated) continue;
    const slot = slotOf(m);
    const kind = kindOf(m);
    any |= 1 << slot;
    if (kind === 0) plain |= 1 << slot;
    if ((kind & 2) === 0) positive = true;
    if (slot === SLOT.skillsList) listed = true;
  }
  let bits = plain;
  if (listed) bits |= EVIDENCE_LISTED;
  // A context with mentions but no plain one: its worth depends on the flags' weights.
  if ((any & ~plain) !== 0) bits |= EVIDENCE_FLAGGED;
  if (mentions.length > 0 && !positive) bits |= EVIDENCE_DISCLAIMED;
  // A month that does not fit (or a malformed `lastUsed`) is left out: scoring then reads `lastUsed`.
  const month = typeof lastUsed === 'string' ? monthIndex(lastUsed) : Number.NaN;
  if (Number.isInteger(month) && month >= 0 && month < MONTHS_PACKED) bits += (month + 1) * 2 ** MONTH_SHIFT;
  return bits;
}
