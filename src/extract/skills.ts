/**
 * From kept hits to `ExtractedSkill` records: one mention per hit and skill (span, sentence,
 * section, context, cue flags), gathered per skill; then per skill the months of the timeline
 * entries it was used in, the years claimed, its evidence bits and implied skills.
 */
import type { AliasEntry, AliasIndex, Ordinals, Skill } from '../taxonomy/index.js';
import type { ExtractedSkill, ImpliedSkill, MentionContext, SkillMention, TimelineEntry, YearMonth } from '../types.js';
import { evidenceBits } from '../util/evidence.js';
import { readClaims, type Claim } from './claims.js';
import { contextOf, type DocumentIndex } from './document.js';
import { monthsOf } from './experience.js';
import { type Hit, surfaceOf } from './match.js';
import { chainStarts, cueFlags } from './negation.js';
import type { LineLookup } from './passes/index.js';
import { sentenceBreaks, sentenceSpanAround } from './sentences.js';
import type { DocTokens } from './tokens.js';

/** A hit that counts, with the entries (skills) it counts for. */
export interface KeptHit {
  hit: Hit;
  entries: readonly AliasEntry[];
}

/** One skill's mentions and facts while a document is read. */
interface Accumulator {
  mentions: SkillMention[];
  /** Timeline entries of its positive mentions. */
  entries: Set<number>;
  /** The longest claim of its positive mentions. */
  claim: Claim | null;
}

/** What gathering mentions needs of the document. */
export interface MentionSource {
  tokens: DocTokens;
  docIndex: DocumentIndex;
  lines: LineLookup;
  covered: Uint8Array;
  maxSentenceLength: number;
  lessThanYearMonths: number;
}

/**
 * Sentences inside a job that state learning, not work: a certification held ("Oracle certified Java
 * Programmer", "Certification Done: …") or training taken ("Trained on Java, PL/SQL for 3 months", "Diploma
 * in Java from NIIT"). Their skills are evidence of that kind, not of the job's months.
 */
const STATEMENT_ROWS: readonly { pattern: RegExp; context: MentionContext }[] = [
  { pattern: /\bcertifi(?:ed|cation|cations|cate|cates)\b/i, context: 'certification' },
  {
    pattern:
      /\b(?:trained\s+(?:on|in)|training\s+(?:on|in|programme|program)|underwent\s+training|diploma\s+in|course(?:s|work)?\s+(?:on|in)|pursuing)\b/i,
    context: 'education',
  },
];

/** The context a sentence's own words give it, inside a job, or `null` when they say nothing. */
export function statementContext(sentence: string): MentionContext | null {
  for (const row of STATEMENT_ROWS) if (row.pattern.test(sentence)) return row.context;
  return null;
}

/** The end of the hit that ends last. */
function lastEnd(hits: readonly Hit[]): number {
  let end = 0;
  for (const hit of hits) if (hit.end > end) end = hit.end;
  return end;
}

/** The mentions of every kept hit, gathered per skill id. */
export function gatherMentions(src: MentionSource, kept: readonly KeptHit[]): Map<string, Accumulator> {
  const { tokens, docIndex } = src;
  const text = tokens.text;
  const keptHits = kept.map((k) => k.hit);
  const chains = chainStarts(tokens, keptHits);
  const claims = readClaims(tokens, { hits: keptHits, chainStart: chains, lessThanYearMonths: src.lessThanYearMonths });
  const bySkill = new Map<string, Accumulator>();
  let breaks: number[] | undefined;
  // The hits of one sentence share its text and what its words state: the last sentence is kept.
  let last: { start: number; end: number; sentence: string; stated: MentionContext | null | undefined } | null = null;
  for (let k = 0; k < kept.length; k++) {
    const { hit, entries } = kept[k]!;
    const flags = cueFlags(tokens, hit, chains[k]!, src.covered);
    const section = docIndex.sectionAt(hit.from);
    // The timeline entry of the hit, and whether it sits in that entry's job title ("Java Developer").
    const title = docIndex.titleAt(hit.start, hit.end);
    const inTitle = title !== null;
    const foundEntry = inTitle ? title : docIndex.timelineAt(hit.start);
    const listLine = src.lines.get(tokens.line[hit.from]!)?.list === true;
    // Breaks past the last kept hit's sentence are never read (a hostile megabyte of lines keeps a few hundred hits).
    breaks ??= sentenceBreaks(tokens, lastEnd(keptHits) + src.maxSentenceLength + 1);
    const sentenceSpan = sentenceSpanAround(text, breaks, hit.start, hit.end, src.maxSentenceLength);
    if (last === null || last.start !== sentenceSpan.start || last.end !== sentenceSpan.end) {
      const sentence = text.slice(sentenceSpan.start, sentenceSpan.end);
      last = { start: sentenceSpan.start, end: sentenceSpan.end, sentence, stated: undefined };
    }
    const sentence = last.sentence;
    let context: MentionContext = inTitle ? 'experience' : contextOf(section, foundEntry, listLine);
    // A certification or a course named inside a job is not the job's work: it earns no months.
    let stated: MentionContext | null = null;
    if (context === 'experience' && !inTitle) {
      if (last.stated === undefined) last.stated = statementContext(sentence);
      stated = last.stated;
    }
    if (stated !== null) context = stated;
    const entry = stated === null ? foundEntry : null;
    const mention: SkillMention = {
      span: { start: hit.start, end: hit.end },
      text: surfaceOf(tokens, hit),
      section,
      context,
      timelineEntry: foundEntry,
      sentence,
      sentenceSpan,
      negated: flags.negated,
      aspiration: flags.aspiration,
      fuzzy: hit.fuzzy,
    };
    if (flags.level !== undefined) mention.level = flags.level;
    if (inTitle) mention.inTitle = true;
    const claim = claims[k];
    const positive = !flags.negated && !flags.aspiration;
    for (const e of entries) {
      let acc = bySkill.get(e.skillId);
      if (acc === undefined) {
        acc = { mentions: [], entries: new Set(), claim: null };
        bySkill.set(e.skillId, acc);
      }
      acc.mentions.push(
        entries.length > 1 ? { ...mention, span: { ...mention.span }, sentenceSpan: { ...sentenceSpan } } : mention,
      );
      if (positive && entry !== null) acc.entries.add(entry);
      if (positive && claim !== undefined && (acc.claim === null || claim.months > acc.claim.months)) acc.claim = claim;
    }
  }
  return bySkill;
}

/** What building the records needs besides the mentions. */
export interface RecordSource {
  index: AliasIndex;
  ordinals: Ordinals;
  timeline: readonly TimelineEntry[];
  asOf: YearMonth;
  /** Fresh implied-skill objects for a skill id. */
  implied: (id: string) => ImpliedSkill[];
}

/** The taxonomy entry's kind, `technology` where it has none (taxonomies written before kinds existed). */
export function skillKind(skill: Skill): NonNullable<ExtractedSkill['kind']> {
  const kind: unknown = Reflect.get(skill, 'kind');
  return kind === 'practice' || kind === 'concept' ? kind : 'technology';
}

/** Years to one decimal from months: 30 → 2.5, 6 → 0.5. */
function yearsOf(months: number): number {
  return Math.round((months / 12) * 10) / 10;
}

/** The skill records, sorted by id. */
export function skillRecords(src: RecordSource, bySkill: ReadonlyMap<string, Accumulator>): ExtractedSkill[] {
  const { index, ordinals, timeline } = src;
  // Skills met in the same timeline entries share their months: each set of entries is counted once.
  const monthsByEntries = new Map<string, { months: number; lastUsed: YearMonth | null }>();
  const monthsFor = (entries: Set<number>): { months: number; lastUsed: YearMonth | null } => {
    const sorted = [...entries].sort((a, b) => a - b);
    const key = sorted.join(',');
    let result = monthsByEntries.get(key);
    if (result === undefined) {
      result = monthsOf(
        sorted.map((i) => timeline[i]!),
        src.asOf,
      );
      monthsByEntries.set(key, result);
    }
    return result;
  };
  const skills: ExtractedSkill[] = [];
  for (const id of [...bySkill.keys()].sort()) {
    const acc = bySkill.get(id)!;
    const skill = index.skills.get(id);
    if (skill === undefined) continue;
    const { months, lastUsed } = monthsFor(acc.entries);
    const positive = acc.mentions.some((m) => !m.negated && !m.aspiration);
    const ordinal = ordinals.byId.get(id);
    // The facts before the lists: scoring reads `id`, `ordinal`, `months` and `evidence` of every
    // skill of every profile, and fields close together share a cache line (ranking 100,000
    // profiles ran ~20% faster with this order than with `evidence` after the two lists).
    // The id is the taxonomy's canonical string, which scoring compares by pointer.
    const record: ExtractedSkill = {
      id: ordinal === undefined ? id : ordinals.ids[ordinal]!,
      ordinal,
      name: skill.name,
      category: skill.category,
      months,
      lastUsed,
      claimedYears: acc.claim === null ? null : yearsOf(acc.claim.months),
      evidence: evidenceBits(acc.mentions, lastUsed),
      kind: skillKind(skill),
      claimedMonths: acc.claim === null ? null : acc.claim.months,
      claimedSpan: acc.claim === null ? null : { start: acc.claim.span.start, end: acc.claim.span.end },
      mentions: acc.mentions,
      implied: positive ? src.implied(id) : [],
    };
    if (ordinal !== undefined) skills.push(record);
    else {
      // A prebuilt index of another taxonomy can know skills `taxonomy` does not: no ordinal then.
      const { ordinal: _none, ...rest } = record;
      skills.push(rest);
    }
  }
  return skills;
}
