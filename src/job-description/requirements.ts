/**
 * From mentions to requirements: what each mention asks (rules 1, 2, 7, 9), which reading of each
 * skill wins (rule 5), how many demands stay required (rule 10), and the requirements themselves,
 * each quoting its clause. Every mention that does not become a requirement, and every demand
 * made weaker, is told to `note` with the reason, for the role's diagnostics.
 */
import type { Importance, Requirement } from '../role/index.js';
import type { Span } from '../types.js';
import type { Mention } from './clauses.js';
import { ASKS, BULLET, PREFERRED_PHRASE, REQUIRED_PHRASE, type JdSection } from './patterns.js';

/** A requirement in the making. */
export interface Candidate {
  members: string[];
  importance: Importance;
  minYears?: number;
  clause: string;
  clauseSpan: Span;
  order: number;
  /** Strong phrasing ("must", "strong", "hands-on") in its clause. */
  strong: boolean;
  /** From a keyword list (rule 9): read one step weaker, and yields to any other reading of its skills. */
  keyword: boolean;
  /** Why its importance was lowered, added to the note. */
  demoted?: string;
}

/** Why a mention was not read as an ask, or an ask was made weaker. */
export interface Note {
  kind: 'dropped' | 'demoted';
  members: string[];
  span: Span;
  reason: string;
  /** A word or two for the reason, quoted in the `role-empty` message ("preamble", "typo"). */
  why?: string;
}

const RANK: Record<Importance, number> = { required: 0, preferred: 1, bonus: 2 };

/** Rule 2: phrasing moves an ask within a section that asks. */
export function clauseImportance(section: JdSection, clause: string): Importance {
  if (section === 'other') return 'bonus';
  if (PREFERRED_PHRASE.test(clause)) return 'preferred';
  if (REQUIRED_PHRASE.test(clause)) return 'required';
  return section === 'required' ? 'required' : 'preferred';
}

/** A preamble clause that asks all the same: years ("at least 3 years of Go"), a list item phrased as a demand ("- Git is a must"), or a clause addressed to the candidate ("you will use TDD", "we are looking for"). */
function asksInPreamble(mention: Mention): boolean {
  return (
    mention.minYears !== undefined ||
    (mention.bullet && REQUIRED_PHRASE.test(mention.clause)) ||
    (!mention.company && ASKS.test(mention.clause))
  );
}

/** Why a mention is not an ask at all (and a word or two for it), or `null` when it is one. */
function dropReason(mention: Mention, structured: boolean): { reason: string; why: string } | null {
  if (mention.learnOffer) return { reason: 'offered to learn on the job, not asked for', why: 'learning offer' };
  if (!structured) return null;
  // An advert with sections pitches the company and product before them ("power web and mobile applications");
  // a demand there ("- Git is a must", "you will use TDD") asks all the same.
  if (mention.preamble && !asksInPreamble(mention))
    return {
      reason: 'in the preamble before the first requirements or responsibilities heading: the pitch, not an ask',
      why: 'preamble',
    };
  if (mention.section === 'other' && !mention.preamble && !mention.bullet)
    return {
      reason: 'prose under a heading about the company, benefits or process: boilerplate, not an ask',
      why: 'boilerplate',
    };
  return null;
}

/**
 * Reads each mention as a candidate requirement, or drops it with the reason (rules 1, 2, 7, 9).
 * `structured`: the advert has sections that ask; without them it is prose, read as responsibilities.
 */
export function candidatesOf(mentions: readonly Mention[], structured: boolean, note: (n: Note) => void): Candidate[] {
  const candidates: Candidate[] = [];
  for (const mention of mentions) {
    const dropped = dropReason(mention, structured);
    if (dropped !== null) {
      note({ kind: 'dropped', members: mention.members, span: mention.clauseSpan, ...dropped });
      continue;
    }
    let importance = clauseImportance(
      structured && !mention.preamble ? mention.section : 'responsibility',
      mention.clause,
    );
    let demoted: string | undefined;
    if (importance === 'required' && mention.aspirational) {
      importance = 'preferred';
      demoted = 'phrased as exposure or interest, not experience';
    }
    if (structured && mention.company && importance !== 'bonus') {
      importance = 'bonus';
      demoted = 'the employer\'s own stack ("we use…", "our platform…"), not a demand';
    }
    if (demoted !== undefined)
      note({ kind: 'demoted', members: mention.members, span: mention.clauseSpan, reason: demoted });
    candidates.push({
      members: mention.members,
      importance,
      ...(mention.minYears === undefined ? {} : { minYears: mention.minYears }),
      clause: mention.clause,
      clauseSpan: mention.clauseSpan,
      order: mention.order,
      strong: REQUIRED_PHRASE.test(mention.clause),
      keyword: mention.keyword,
      ...(demoted === undefined ? {} : { demoted }),
    });
  }
  // Rule 9: a keyword list is read one step weaker, unless the posting makes no other demand.
  const demands = candidates.some((c) => !c.keyword && c.importance === 'required');
  for (const candidate of candidates) {
    if (candidate.keyword && demands && candidate.importance === 'required') {
      candidate.importance = 'preferred';
      candidate.demoted = 'named in a list of technologies, not asked for on its own';
      note({ kind: 'demoted', members: candidate.members, span: candidate.clauseSpan, reason: candidate.demoted });
    }
  }
  // Strongest first, then stated before listed, then document order: each skill keeps its strongest reading.
  return candidates.sort(
    (a, b) => RANK[a.importance] - RANK[b.importance] || Number(a.keyword) - Number(b.keyword) || a.order - b.order,
  );
}

/**
 * Rule 5: keeps each skill's strongest reading (candidates come sorted strongest first) and merges
 * groups that mostly overlap. A weaker reading of a skill already asked for is told to `note` once per skill.
 */
export function acceptCandidates(candidates: readonly Candidate[], note: (n: Note) => void): Candidate[] {
  const accepted: Candidate[] = [];
  const single = new Map<string, Candidate>();
  const covered = new Map<string, Candidate>();
  const groupsOf = new Map<string, Candidate[]>();
  const repeats = new Map<Candidate, number>();
  const repeat = (by: Candidate | undefined): void => {
    if (by !== undefined) repeats.set(by, (repeats.get(by) ?? 0) + 1);
  };
  const rank = new Map<Candidate, number>();
  const accept = (candidate: Candidate): void => {
    rank.set(candidate, accepted.length);
    accepted.push(candidate);
    for (const m of candidate.members) if (!covered.has(m)) covered.set(m, candidate);
    if (candidate.members.length === 1) single.set(candidate.members[0]!, candidate);
    else for (const m of candidate.members) groupsOf.set(m, [...(groupsOf.get(m) ?? []), candidate]);
  };
  for (const candidate of candidates) {
    if (candidate.members.length === 1) {
      const [skill] = candidate.members as [string];
      const existing = single.get(skill);
      if (existing !== undefined && candidate.minYears !== undefined)
        existing.minYears = Math.max(existing.minYears ?? 0, candidate.minYears);
      if (existing !== undefined || covered.has(skill)) repeat(existing ?? covered.get(skill));
      else accept({ ...candidate });
      continue;
    }
    const members = candidate.members.filter((m) => !single.has(m));
    const overlapping = overlappingGroup(members, groupsOf, rank);
    if (overlapping !== undefined) {
      // A keyword list does not widen a group the posting stated in its own words.
      if (candidate.keyword && !overlapping.keyword) {
        for (const m of members) if (overlapping.members.includes(m) && !covered.has(m)) covered.set(m, overlapping);
        const rest = members.filter((m) => !covered.has(m));
        if (rest.length > 0) accept({ ...candidate, members: rest });
        else repeat(overlapping);
        continue;
      }
      for (const m of members) {
        if (overlapping.members.includes(m)) continue;
        overlapping.members.push(m);
        groupsOf.set(m, [...(groupsOf.get(m) ?? []), overlapping]);
      }
      if (candidate.minYears !== undefined && RANK[candidate.importance] <= RANK[overlapping.importance])
        overlapping.minYears = Math.max(overlapping.minYears ?? 0, candidate.minYears);
      for (const m of members) if (!covered.has(m)) covered.set(m, overlapping);
      repeat(overlapping);
      continue;
    }
    const fresh = members.filter((m) => !covered.has(m));
    if (fresh.length === 0)
      repeat(covered.get(members[0] ?? candidate.members[0]!) ?? single.get(candidate.members[0]!));
    else accept({ ...candidate, members: fresh });
  }
  for (const [by, count] of repeats) {
    note({
      kind: 'dropped',
      members: by.members,
      span: by.clauseSpan,
      reason: `named ${count} more time${count === 1 ? '' : 's'}: the strongest reading, "${quote(by.clause)}" (${by.importance}), is kept`,
      why: 'repeated',
    });
  }
  return accepted;
}

/** The first accepted group that more than half of `members` (or of itself) overlaps, found through its members. */
function overlappingGroup(
  members: readonly string[],
  groupsOf: ReadonlyMap<string, Candidate[]>,
  rank: ReadonlyMap<Candidate, number>,
): Candidate | undefined {
  const shared = new Map<Candidate, number>();
  let best: Candidate | undefined;
  for (const m of members) {
    for (const group of groupsOf.get(m) ?? []) {
      const count = (shared.get(group) ?? 0) + 1;
      shared.set(group, count);
      if (
        count * 2 > Math.min(group.members.length, members.length) &&
        (best === undefined || rank.get(group)! < rank.get(best)!)
      )
        best = group;
    }
  }
  return best;
}

/**
 * Rule 10: keeps the `max` strongest required requirements and makes the rest preferred. Strength:
 * strong phrasing 2, years 2, a technology rather than a practice 2, named more than once 1; ties keep
 * document order, so the posting's first demands win.
 */
export function capRequired(
  accepted: Candidate[],
  max: number,
  all: readonly Candidate[],
  isTechnology: (id: string) => boolean,
  note: (n: Note) => void,
): void {
  const required = accepted.filter((c) => c.importance === 'required');
  if (required.length <= max) return;
  const named = new Map<string, number>();
  for (const candidate of all) for (const m of candidate.members) named.set(m, (named.get(m) ?? 0) + 1);
  const strength = (c: Candidate): number =>
    (c.strong ? 2 : 0) +
    (c.minYears === undefined ? 0 : 2) +
    (c.members.some(isTechnology) ? 2 : 0) +
    (c.members.some((m) => (named.get(m) ?? 0) > 1) ? 1 : 0);
  const ranked = [...required].sort((a, b) => strength(b) - strength(a) || a.order - b.order);
  for (const candidate of ranked.slice(max)) {
    candidate.importance = 'preferred';
    candidate.demoted = `required in the posting; only the ${max} strongest demands stay required`;
    note({ kind: 'demoted', members: candidate.members, span: candidate.clauseSpan, reason: candidate.demoted });
  }
}

/** A clause as quoted in a note: without its bullet, white space collapsed, at most 160 characters. */
export function quote(clause: string): string {
  const text = clause.replace(BULLET, '').replace(/\s+/g, ' ').trim();
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}

/** The requirements, strongest first and then in the posting's order, each quoting its clause. */
export function toRequirements(accepted: Candidate[]): Requirement[] {
  accepted.sort((a, b) => RANK[a.importance] - RANK[b.importance] || a.order - b.order);
  return accepted.map((candidate): Requirement => {
    const base = {
      importance: candidate.importance,
      ...(candidate.minYears === undefined ? {} : { minYears: candidate.minYears }),
      note: `From: "${quote(candidate.clause)}"${candidate.demoted === undefined ? '' : ` (${candidate.demoted})`}`,
    };
    if (candidate.members.length === 1) return { skill: candidate.members[0]!, ...base };
    return { anyOf: [...candidate.members].sort(), ...base };
  });
}
