/**
 * Clauses of a job description: each part of a line (a `Segment`) is cut into clauses — sentences,
 * semicolon clauses, run-together list items — and the skills of each clause into groups: one skill,
 * or alternatives ("X or Y", a parenthesis, examples after "such as"). Each group becomes a `Mention`
 * with what its clause says about it (years, company prose, keyword list, a learning offer).
 * Every step walks the text and the sorted mentions once, so a hostile line costs linear time.
 */
import type { Span } from '../types.js';
import {
  ASKS,
  BULLET,
  COMPANY_SUBJECT,
  EXAMPLE_CUE,
  EXAMPLE_TAIL,
  ITEM_START,
  LEARN_OFFER,
  PRACTICE_CATEGORIES,
  YEARS,
  matchesOf,
  type JdSection,
} from './patterns.js';
import type { Segment } from './sections.js';

/** A mention of a skill in the text read. */
export interface Found {
  id: string;
  start: number;
  end: number;
  /** The extractor flagged an aspiration cue ("exposure to", "interested in", "learning"). */
  aspiration: boolean;
  /** Found by resolving a whole list item through the taxonomy, not by the extractor (a lone "• Kafka"). */
  lone: boolean;
}

/** A group of mentions read as one requirement, with what its clause says. */
export interface Mention {
  members: string[];
  section: JdSection;
  preamble: boolean;
  bullet: boolean;
  /** The sentence, semicolon clause or run-together item it sits in, and its span. */
  clause: string;
  clauseSpan: Span;
  /** Every member carries an aspiration cue. */
  aspirational: boolean;
  /** The clause offers to teach it ("you'll learn Rust"): every member comes after the offer. */
  learnOffer: boolean;
  minYears?: number;
  order: number;
  /** The clause's subject is the employer ("We use…", "Our platform…"): context, not a demand (rule 7). */
  company: boolean;
  /** Part of a keyword list (rule 9). */
  keyword: boolean;
}

/** Skills named one after another in one clause, from which on the clause is a keyword list (rule 9). */
export const KEYWORD_LIST = 6;

/** What the clause reader needs of the taxonomy. */
export interface SkillFacts {
  categoryOf(id: string): string | undefined;
  isTechnology(id: string): boolean;
}

interface Group {
  members: Found[];
  /** Examples (a parenthesis, or a list after "using", "such as"…), which may join the skill just before them (rule 8). */
  examples: boolean;
}

/** The brackets of one line: for each position, the innermost matched bracket around it. */
interface Brackets {
  /** Open-bracket index around each position, or -1. */
  owner: Int32Array;
  close: Map<number, number>;
  parent: Map<number, number>;
}

function bracketsOf(line: string): Brackets | null {
  if (!/[([]/.test(line)) return null;
  const close = new Map<number, number>();
  const stack: number[] = [];
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 40 || c === 91) stack.push(i);
    else if ((c === 41 || c === 93) && stack.length > 0) close.set(stack.pop()!, i);
  }
  const owner = new Int32Array(line.length).fill(-1);
  const parent = new Map<number, number>();
  const open: number[] = [];
  for (let i = 0; i < line.length; i++) {
    owner[i] = open.length > 0 ? open[open.length - 1]! : -1;
    if (close.has(i)) {
      parent.set(i, owner[i]!);
      open.push(i);
    } else if (open.length > 0 && close.get(open[open.length - 1]!) === i) open.pop();
  }
  return { owner, close, parent };
}

/** The innermost bracket holding a mention whole (line offsets), or -1. */
function bracketOf(brackets: Brackets | null, start: number, end: number): number {
  if (brackets === null) return -1;
  let open = brackets.owner[start] ?? -1;
  while (open >= 0 && end > brackets.close.get(open)!) open = brackets.parent.get(open) ?? -1;
  return open;
}

const LIST_GAP = /^\s*(?:,|\/|&|\band\b|\bor\b|\band\/or\b|,\s*(?:and|or)\b)?\s*$/i;
// A list item the taxonomy does not know keeps the list together: "EC2, EB, IAM", "AWS, View.js, HubSpot".
const UNKNOWN_ITEM_GAP = /^\s*,(?:\s*[\w.+#-]+(?:\s+[\w.+#-]+)?\s*,)+\s*(?:(?:and|or|and\/or)\s+)?$/i;
/** Longest gap between two skills of one list; longer gaps are prose, never a list. */
const MAX_GAP = 80;

/**
 * Splits a clause's mentions into groups: a parenthesis is one group (a parenthesis joined only by
 * "and"/"&" asks for each); a list joined by "or" or "/", introduced by an example cue ("such as",
 * "one of") or closed by "etc." is one group; the rest stand alone.
 */
function groupMentions(
  line: string,
  lineStart: number,
  mentions: readonly Found[],
  clauseFrom: number,
  brackets: Brackets | null,
): Group[] {
  const groups: Group[] = [];
  const byBracket = new Map<number, Found[]>();
  const loose: Found[] = [];
  for (const mention of mentions) {
    const open = bracketOf(brackets, mention.start - lineStart, mention.end - lineStart);
    if (open < 0) loose.push(mention);
    else byBracket.set(open, [...(byBracket.get(open) ?? []), mention]);
  }
  for (const members of byBracket.values()) {
    const joinedByAnd =
      members.length > 1 &&
      members.every(
        (m, i) =>
          i === 0 || /^\s*(?:&|and)\s*$/i.test(line.slice(members[i - 1]!.end - lineStart, m.start - lineStart)),
      );
    if (joinedByAnd) for (const m of members) groups.push({ members: [m], examples: false });
    else groups.push({ members, examples: true });
  }
  let run: Found[] = [];
  let hasOr = false;
  let onlyAnd = true;
  const flush = (): void => {
    if (run.length > 1) {
      const first = run[0]!;
      const last = run[run.length - 1]!;
      const before = line.slice(Math.max(clauseFrom, first.start - lineStart - 60), first.start - lineStart);
      const cue = EXAMPLE_CUE.test(before);
      const etc = EXAMPLE_TAIL.test(line.slice(last.end - lineStart, last.end - lineStart + 20));
      if (hasOr || ((cue || etc) && !onlyAnd)) {
        groups.push({ members: run, examples: cue && !hasOr });
        run = [];
      }
    }
    for (const mention of run) groups.push({ members: [mention], examples: false });
    run = [];
    hasOr = false;
    onlyAnd = true;
  };
  for (const mention of loose) {
    const previous = run[run.length - 1];
    if (previous !== undefined) {
      const gap =
        mention.start - previous.end <= MAX_GAP ? line.slice(previous.end - lineStart, mention.start - lineStart) : '.';
      if ((LIST_GAP.test(gap) || UNKNOWN_ITEM_GAP.test(gap)) && gap.trim() !== '') {
        if (/\bor\b|\//i.test(gap)) hasOr = true;
        if (!/^\s*(?:&|,?\s*and)\s*$/i.test(gap)) onlyAnd = false;
        run.push(mention);
        continue;
      }
      flush();
    }
    run.push(mention);
  }
  flush();
  return groups.sort((a, b) => a.members[0]!.start - b.members[0]!.start);
}

/** Examples right after a skill of their category join it as one demand (rule 8): "AWS using EC2, S3", "containerization (Docker, Kubernetes)". */
function joinExamples(groups: Group[], facts: SkillFacts): Group[] {
  const out: Group[] = [];
  for (const group of groups) {
    const head = out[out.length - 1];
    if (head !== undefined && group.examples && head.members.length === 1) {
      const category = facts.categoryOf(head.members[0]!.id);
      if (group.members.filter((m) => facts.categoryOf(m.id) === category).length * 2 > group.members.length) {
        head.members.push(...group.members);
        continue;
      }
    }
    out.push(group);
  }
  // A skill named alone and again inside a group of its clause ("authorization mechanisms (JWT, OAuth)") is asked for once, by the group.
  const grouped = new Set(out.filter((g) => g.members.length > 1).flatMap((g) => g.members.map((m) => m.id)));
  return out.filter((g) => g.members.length > 1 || !grouped.has(g.members[0]!.id));
}

/** Rule 9: in a keyword list, the skills of one category are alternatives (practices stay on their own). */
function mergeKeywordList(groups: Group[], facts: SkillFacts): Group[] {
  const byCategory = new Map<string, Group>();
  const merged: Group[] = [];
  for (const group of groups) {
    const category = group.members.length === 1 ? facts.categoryOf(group.members[0]!.id) : undefined;
    if (category === undefined || PRACTICE_CATEGORIES.has(category)) {
      merged.push(group);
      continue;
    }
    const same = byCategory.get(category);
    if (same === undefined) {
      const copy = { members: [...group.members], examples: false };
      byCategory.set(category, copy);
      merged.push(copy);
    } else same.members.push(...group.members);
  }
  return merged;
}

/** "5+ years of Java" in a clause: where each figure is and its years. */
interface YearsAt {
  at: number;
  end: number;
  years: number;
}

function yearsIn(clause: string, clauseStart: number): YearsAt[] {
  const out: YearsAt[] = [];
  for (const match of matchesOf(YEARS, clause)) {
    const years = Number(match[1]);
    if (years > 0 && years <= 50)
      out.push({ at: clauseStart + match.index, end: clauseStart + match.index + match[0].length, years });
  }
  return out;
}

/** First index whose value is ≥ `value` in a sorted list of numbers read by `key`. */
function firstAtLeast<T>(items: readonly T[], value: number, key: (item: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(items[mid]!) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Years asked for a group (rule 4): a figure before a member in its clause ("5+ years of Java"), or just after it ("Java: 5+ years"). */
function yearsFor(text: string, group: readonly Found[], years: readonly YearsAt[]): number | undefined {
  let best: number | undefined;
  for (const m of group) {
    for (let y = firstAtLeast(years, m.start - 100, (e) => e.end); y < years.length && years[y]!.end <= m.start; y++) {
      if (!/[.;]/.test(text.slice(years[y]!.end, m.start))) best = Math.max(best ?? 0, years[y]!.years);
    }
    for (let y = firstAtLeast(years, m.end, (e) => e.at); y < years.length && years[y]!.at - m.end <= 12; y++) {
      if (/^[\s:(,–-]*$/.test(text.slice(m.end, years[y]!.at))) best = Math.max(best ?? 0, years[y]!.years);
    }
  }
  return best;
}

// A sentence or semicolon clause ends; a dot inside a name (Node.js) is never followed by a space.
const SENTENCE_END = /(?<!\b(?:e\.g|i\.e|etc|vs|incl|approx|min|max))[;.](?=\s)|[;.]$/gi;
// " - " cuts a run-together list, but not a skill from its years ("C++ – 3+ years").
const LIST_MARK = /\s[-–—*•]\s(?!\d{1,2}\s*\+?\s*(?:(?:-|to)\s*\d{1,2}\s*)?(?:years?|yrs?)\b)/g;

/** Where a segment's clauses end (line offsets): sentence ends, semicolons, " - " list marks, capitalised item openers. */
function clauseBounds(line: string, from: number, to: number): number[] {
  const body = line.slice(from, to);
  const cuts: number[] = [];
  for (const match of matchesOf(SENTENCE_END, body)) cuts.push(from + match.index + 1);
  for (const match of matchesOf(LIST_MARK, body)) cuts.push(from + match.index + 1);
  for (const match of matchesOf(ITEM_START, body)) cuts.push(from + match.index + 1);
  const inner = [...new Set(cuts)].filter((cut) => cut > from && cut < to).sort((a, b) => a - b);
  return [from, ...inner, to];
}

/** Reads every segment's clauses into mentions, in document order. `found` must be sorted by start. */
export function readMentions(
  text: string,
  segments: readonly Segment[],
  found: readonly Found[],
  facts: SkillFacts,
): Mention[] {
  const mentions: Mention[] = [];
  let next = 0;
  let brackets: { lineStart: number; value: Brackets | null } = { lineStart: -1, value: null };
  for (const segment of segments) {
    while (next < found.length && found[next]!.start < segment.start) next++;
    const inSegment: Found[] = [];
    for (let f = next; f < found.length && found[f]!.start < segment.end; f++)
      if (found[f]!.end <= segment.end) inSegment.push(found[f]!);
    if (inSegment.length === 0) continue;
    if (brackets.lineStart !== segment.lineStart)
      brackets = { lineStart: segment.lineStart, value: bracketsOf(segment.line) };
    const { line, lineStart } = segment;
    const bounds = clauseBounds(line, segment.start - lineStart, segment.end - lineStart);
    let m = 0;
    for (let c = 0; c + 1 < bounds.length && m < inSegment.length; c++) {
      const from = bounds[c]!;
      const to = bounds[c + 1]!;
      const inClause: Found[] = [];
      while (m < inSegment.length && inSegment[m]!.start < lineStart + to) inClause.push(inSegment[m++]!);
      if (inClause.length === 0) continue;
      readClause({ text, line, lineStart, from, to, segment, inClause, brackets: brackets.value, facts, mentions });
    }
  }
  return mentions;
}

interface ClauseInput {
  text: string;
  line: string;
  lineStart: number;
  from: number;
  to: number;
  segment: Segment;
  inClause: Found[];
  brackets: Brackets | null;
  facts: SkillFacts;
  mentions: Mention[];
}

/** One clause's groups, with what the clause says of them, appended to `mentions`. */
function readClause({
  text,
  line,
  lineStart,
  from,
  to,
  segment,
  inClause,
  brackets,
  facts,
  mentions,
}: ClauseInput): void {
  const clause = line.slice(from, to);
  const company = COMPANY_SUBJECT.test(clause) && !ASKS.test(clause);
  let groups = joinExamples(groupMentions(line, lineStart, inClause, from, brackets), facts);
  const singles = groups.filter((g) => g.members.length === 1).length;
  let commas = 0;
  for (let i = 0; i < clause.length && commas < singles; i++) if (clause.charCodeAt(i) === 44) commas++;
  const keyword = singles >= KEYWORD_LIST && commas >= singles - 2;
  if (keyword) groups = mergeKeywordList(groups, facts);
  const years = yearsIn(clause, lineStart + from);
  const offer = clause.search(LEARN_OFFER);
  const clauseSpan = trimmedSpan(clause, lineStart + from);
  for (const group of groups) {
    const minYears = years.length === 0 ? undefined : yearsFor(text, group.members, years);
    mentions.push({
      members: [...new Set(group.members.map((g) => g.id))],
      section: segment.section,
      preamble: segment.preamble,
      bullet: segment.bullet,
      clause,
      clauseSpan,
      aspirational: group.members.every((g) => g.aspiration),
      learnOffer: offer >= 0 && group.members.every((g) => g.start >= lineStart + from + offer),
      ...(minYears === undefined ? {} : { minYears }),
      order: mentions.length,
      company,
      keyword,
    });
  }
}

/** The span of a clause without its bullet and surrounding white space. */
function trimmedSpan(clause: string, start: number): Span {
  const lead = clause.length - clause.replace(BULLET, '').trimStart().length;
  return { start: start + lead, end: start + clause.trimEnd().length };
}
