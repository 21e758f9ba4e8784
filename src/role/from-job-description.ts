/**
 * A role from a raw job description. The skills are found by the same extractor the résumés
 * go through (`extractSkills`), so a role never asks for something a résumé could not show;
 * this file only decides, from headings and phrasing, how much each mention is asked for and
 * which mentions are alternatives.
 *
 * The rules, in the order they apply:
 * 1. Each line belongs to the section of the last heading above it: requirements ("Requirements",
 *    "Qualifications", "Must have", "Skills"…) ask for `required`; "Nice to have", "Preferred",
 *    "Bonus", "Desirable"… for `preferred`; responsibilities ("Roles & Responsibilities", "Duties",
 *    "What you'll do") for `preferred` — the work, not yet a demand on the person; anything else
 *    ("About us", "How to assess…", marketing after the template) for `bonus`, and there only
 *    listed items count (prose there is pitch), so boilerplate never outweighs the requirements.
 *    The preamble before the first of those sections pitches the company and product ("power web
 *    and mobile applications"): its skills are dropped unless they recur. An advert with no such
 *    sections at all is read as responsibilities. Inline labels count as headings too ("Minimum
 *    Required Skills: LAMP, Drupal, …"), as scraped adverts often run every section into one line.
 *    A first line short enough to be a title is the title, not an ask.
 * 2. Phrasing inside a clause moves it within a requirements or responsibilities section:
 *    "must have", "required", "strong proficiency in", "proficient in", "expert in" → `required`;
 *    "familiarity with", "nice to have", "a plus", "bonus", "preferred", "desirable",
 *    "good to have", "exposure to" → `preferred`.
 * 3. Skills in one parenthesis, or a list joined by "or", are one `anyOf` requirement (a
 *    parenthesis joined only by "and"/"&", "(SQL & NoSQL)", asks for each).
 * 4. "5+ years of Java" (or "Java: 5+ years") sets `minYears` on the requirement holding Java.
 * 5. A skill keeps its strongest reading: weaker mentions of a skill already asked for are
 *    dropped, and groups that mostly overlap are merged.
 */
import { ValidationError } from '../errors.js';
import { extractSkills } from '../extract/index.js';
import { builtinTaxonomy } from '../taxonomy/builtin.js';
import type { Taxonomy } from '../taxonomy/schema.js';
import type { Importance, Requirement, Role } from './schema.js';
import { assertRole } from './validate.js';

/** The parts of a schema.org `JobPosting` that carry requirements (https://schema.org/JobPosting). */
export interface JobPosting {
  '@type'?: string;
  title?: string;
  /** Skills asked for: text, a list, or `DefinedTerm`s (`{name}`). Read as requirements. */
  skills?: JobPostingText;
  /** Read as requirements. */
  qualifications?: JobPostingText;
  /** Text, or `OccupationalExperienceRequirements` (`{monthsOfExperience, description}`). Read as requirements. */
  experienceRequirements?: JobPostingText | { monthsOfExperience?: number; description?: string };
  /** Read as responsibilities. */
  responsibilities?: JobPostingText;
  /** The whole advert (HTML allowed); its own headings are honoured. */
  description?: string;
  [key: string]: unknown;
}

type JobPostingText = string | { name?: string; description?: string } | (string | { name?: string; description?: string })[];

/** Options of `roleFromJobDescription`. */
export interface RoleFromJobDescriptionOptions {
  /**
   * Id of the role.
   * @default the title in kebab-case, e.g. `back-end-developer`
   */
  id?: string;
  /**
   * Title of the role.
   * @default the posting's `title`, else the first line of the text without "Job Description"
   */
  title?: string;
  /**
   * The taxonomy to find skills with.
   * @default builtinTaxonomy()
   */
  taxonomy?: Taxonomy;
}

type Section = 'required' | 'preferred' | 'responsibility' | 'other';

const RANK: Record<Importance, number> = { required: 0, preferred: 1, bonus: 2 };

const HEADING_RULES: [RegExp, Section][] = [
  [/\b(nice|good|great)[ -]to[ -]haves?\b|\bpreferred\b|\bbonus\b|\bpluses\b|\bdesirable\b|\boptional\b|\bextra credit\b/i, 'preferred'],
  [/\brequirements?\b|\bqualifications?\b|\bmust[ -]haves?\b|\brequired\b|\bskills\b|\bwhat you('ll| will)? (need|bring)\b|\bwho you are\b|\bwhat we('re| are) looking for\b|\bexperience\b|\bcompetenc/i, 'required'],
  [/\bresponsibilit|\bduties\b|\bwhat you('ll| will) do\b|\bthe role\b|\byour role\b|\bday[ -]to[ -]day\b|\bkey tasks\b/i, 'responsibility'],
];
// Headings that look like requirements but are not ("How to Assess Back-End Developer Skills").
const NOT_REQUIREMENT_HEADING = /\bassess|\bevaluat|\binterview|\bhow to\b|\breport to\b|\babout (us|the company)\b|\bbenefits\b|\bperks\b|\bwhy join\b|\bsimilar\b/i;

const REQUIRED_PHRASE = /\bmust[ -]have\b|\bmust be\b|\bmust\b|\brequired\b|\bstrong (proficiency|knowledge|experience|command|background|skills?)\b|\bproficien(t|cy)\b|\bexpert(ise)?\b|\bsolid\b|\bin-depth\b|\bdeep (knowledge|understanding|experience)\b|\bhands-on\b/i;
const PREFERRED_PHRASE = /\bfamiliar(ity)?\b|\bnice[ -]to[ -]have\b|\bgood[ -]to[ -]have\b|\b(a |is a |are a )?plus\b|\bbonus\b|\bpreferred\b|\bpreferably\b|\bdesirable\b|\bdesired\b|\bexposure to\b|\bideally\b|\badvantage\b|\bawareness\b/i;

const BULLET = /^\s*(?:[-*•●◦▪▫‣∙·–—]|\d{1,2}[.)]|[a-z][.)])\s+/i;

/** A mention of a skill in the text (from the extractor). */
interface Found {
  id: string;
  start: number;
  end: number;
}

interface Candidate {
  members: string[];
  importance: Importance;
  minYears?: number;
  /** The clause it came from, quoted in the requirement's note. */
  clause: string;
  order: number;
}

interface Mention {
  members: string[];
  section: Section;
  /** Before the first requirements, preferred or responsibilities heading. */
  preamble: boolean;
  /** A list item (bullet or number) rather than prose. */
  bullet: boolean;
  /** The sentence or semicolon clause it sits in. */
  clause: string;
  aspirational: boolean;
  minYears?: number;
  order: number;
}

function kebab(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/g, '');
}

function stripHtml(html: string): string {
  return html
    .replace(/<\s*(script|style)[^>]*>[\s\S]*?<\s*\/\s*\1\s*>/gi, ' ')
    .replace(/<\s*li[^>]*>/gi, '\n• ')
    .replace(/<\s*(br|\/p|\/div|\/h[1-6]|\/li|\/ul|\/ol|h[1-6]|p|div|ul|ol)[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/[ \t]+\n/g, '\n');
}

function textsOf(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') return stripHtml(value).split('\n').map((line) => line.trim()).filter((line) => line !== '');
  if (Array.isArray(value)) return value.flatMap(textsOf);
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const parts = [record['name'], record['description']].filter((part): part is string => typeof part === 'string' && part.trim() !== '');
    const months = record['monthsOfExperience'];
    if (typeof months === 'number' && months > 0) parts.unshift(`${Math.round((months / 12) * 10) / 10}+ years of experience`);
    return parts.length > 0 ? [parts.join(': ')] : [];
  }
  return [];
}

/** Renders a JobPosting as headed text, so it goes through the same rules as a pasted advert. */
function postingToText(posting: JobPosting): string {
  const out: string[] = [];
  if (typeof posting.title === 'string' && posting.title.trim() !== '') out.push(posting.title.trim(), '');
  const required = [...textsOf(posting.skills), ...textsOf(posting.qualifications), ...textsOf(posting.experienceRequirements)];
  if (required.length > 0) out.push('Requirements', ...required.map((line) => `• ${line}`), '');
  const duties = textsOf(posting.responsibilities);
  if (duties.length > 0) out.push('Responsibilities', ...duties.map((line) => `• ${line}`), '');
  if (typeof posting.description === 'string' && posting.description.trim() !== '') out.push('About the role', stripHtml(posting.description).trim());
  return out.join('\n');
}

function headingSection(line: string): Section | null {
  // A line ending in a colon introduces what follows ("Their key responsibilities include:"), however long.
  const introduces = /[:：]\s*$/.test(line) && line.length <= 200;
  const text = line.trim().replace(/[:：]\s*$/, '');
  if (text === '' || BULLET.test(line)) return null;
  if (!introduces && (text.length > 80 || /[.!,;]$/.test(text) || text.split(/\s+/).length > 10)) return null;
  if (NOT_REQUIREMENT_HEADING.test(text)) return 'other';
  for (const [pattern, section] of HEADING_RULES) if (pattern.test(text)) return section;
  return 'other';
}

/** A first line short enough to be a title rather than the first sentence of an advert. */
function isTitleLine(line: string): boolean {
  const text = line.trim().replace(/^#+\s*/, '');
  return text !== '' && !BULLET.test(line) && text.length <= 100 && text.split(/\s+/).length <= 12 && !/[.!?,;:]$/.test(text);
}

/** A part of a line, and the section an inline heading at its start opens (`null`: none). */
interface Segment {
  start: number;
  end: number;
  section: Section | null;
}

// "Minimum Required Skills: LAMP, Drupal", "… Wall Street. Skills required for the position: Python" —
// scraped adverts often run every section into one line. Only labels the heading rules recognise split it.
const INLINE_HEADING = /(^|[.!?]\s+|\s{2,}|\s[|•]\s)([A-Z][A-Za-z0-9&/,'() -]{1,60}?):\s/g;

function splitInlineHeadings(line: string): Segment[] {
  const segments: Segment[] = [];
  let start = 0;
  let section: Section | null = null;
  for (const match of line.matchAll(INLINE_HEADING)) {
    const label = match[2]!.trim();
    if (label.split(/\s+/).length > 8) continue;
    const labelSection = NOT_REQUIREMENT_HEADING.test(label) ? 'other' : (HEADING_RULES.find(([pattern]) => pattern.test(label))?.[1] ?? null);
    if (labelSection === null) continue;
    const labelStart = match.index + match[1]!.length;
    segments.push({ start, end: labelStart, section });
    start = match.index + match[0].length;
    section = labelSection;
  }
  segments.push({ start, end: line.length, section });
  return segments.filter((segment) => segment.end > segment.start || segment.section !== null);
}

/** The title: the first line when it is one, without "Job Description (Template)" and the like. */
function titleOf(text: string): string {
  const first = text.split(/\r?\n/).find((line) => line.trim() !== '') ?? '';
  if (!isTitleLine(first)) return 'Untitled role';
  const title = first
    .trim()
    .replace(/^#+\s*/, '')
    .replace(/\s*[-–—:|]?\s*(job description|job posting|job advert|vacancy|template)(\s+template)?\s*$/i, '')
    .trim();
  return title === '' ? 'Untitled role' : title;
}

/** "5+ years of Java", "3-5 years experience with Python", "minimum 4 years in Go"; "Java: 5+ years". */
const YEARS = /(\d{1,2})\s*(?:\+|-\s*\d{1,2}|to\s+\d{1,2})?\s*\+?\s*(?:years?|yrs?)\b/gi;

function clauseImportance(section: Section, clause: string): Importance {
  if (section === 'other') return 'bonus';
  if (PREFERRED_PHRASE.test(clause)) return 'preferred';
  if (REQUIRED_PHRASE.test(clause)) return 'required';
  return section === 'required' ? 'required' : 'preferred';
}

/** Splits a line's mentions into groups: a parenthesis is one group; a list joined by "or" is one group; the rest stand alone. */
function groupMentions(text: string, lineStart: number, mentions: Found[]): Found[][] {
  const groups: Found[][] = [];
  const parens: [number, number][] = [];
  const stack: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(' || text[i] === '[') stack.push(i);
    else if ((text[i] === ')' || text[i] === ']') && stack.length > 0) parens.push([lineStart + stack.pop()!, lineStart + i]);
  }
  const inParen = (m: Found): [number, number] | undefined => parens.filter(([a, b]) => m.start > a && m.end <= b).sort((x, y) => x[1] - x[0] - (y[1] - y[0]))[0];
  const byParen = new Map<string, Found[]>();
  const loose: Found[] = [];
  for (const mention of mentions) {
    const paren = inParen(mention);
    if (paren === undefined) loose.push(mention);
    else {
      const key = paren.join(':');
      byParen.set(key, [...(byParen.get(key) ?? []), mention]);
    }
  }
  for (const members of byParen.values()) {
    // "(SQL & NoSQL)", "(HTML and CSS)": both are asked for; commas, "or" and slashes list alternatives.
    const joinedByAnd =
      members.length > 1 &&
      members.every((m, i) => i === 0 || /^\s*(?:&|and)\s*$/i.test(text.slice(members[i - 1]!.end - lineStart, m.start - lineStart)));
    if (joinedByAnd) for (const m of members) groups.push([m]);
    else groups.push(members);
  }
  // Runs of loose mentions separated only by list punctuation form a list; "or" in the list makes it alternatives.
  let run: Found[] = [];
  let hasOr = false;
  const flush = (): void => {
    if (run.length > 1 && hasOr) groups.push(run);
    else for (const mention of run) groups.push([mention]);
    run = [];
    hasOr = false;
  };
  for (const mention of loose) {
    const previous = run[run.length - 1];
    if (previous !== undefined) {
      const gap = text.slice(previous.end - lineStart, mention.start - lineStart);
      if (/^\s*(?:,|\/|&|\band\b|\bor\b|\band\/or\b|,\s*(?:and|or)\b)?\s*$/i.test(gap) && gap.trim() !== '') {
        if (/\bor\b/i.test(gap)) hasOr = true;
        run.push(mention);
        continue;
      }
      flush();
    }
    run.push(mention);
  }
  flush();
  return groups.sort((a, b) => a[0]!.start - b[0]!.start);
}

function yearsFor(text: string, lineStart: number, group: Found[]): number | undefined {
  YEARS.lastIndex = 0;
  let best: number | undefined;
  for (let match = YEARS.exec(text); match !== null; match = YEARS.exec(text)) {
    const at = lineStart + match.index;
    const end = at + match[0].length;
    const years = Number(match[1]);
    // The skill follows in the same clause ("5+ years of Java"), or precedes it closely ("Java: 5+ years", "Java (5 years)").
    const after = group.some((m) => m.start >= end && !/[.;]/.test(text.slice(end - lineStart, m.start - lineStart)) && m.start - end <= 60);
    const before = group.some((m) => m.end <= at && at - m.end <= 12 && /^[\s:(,–-]*$/.test(text.slice(m.end - lineStart, at - lineStart)));
    if ((after || before) && years > 0 && years <= 50) best = Math.max(best ?? 0, years);
  }
  return best;
}

function quote(clause: string): string {
  const text = clause.replace(BULLET, '').replace(/\s+/g, ' ').trim();
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}

/**
 * Builds a role from a job description: raw text (plain, Markdown or HTML-free) or a
 * schema.org `JobPosting` object. Skills are found by `extractSkills`, so the role uses exactly
 * the vocabulary résumés are read with; importance comes from headings and phrasing, `anyOf`
 * from parentheses and "or" lists, `minYears` from "N+ years of X" (see the module comment for
 * every rule). Each requirement's `note` quotes the clause it came from.
 *
 * @throws ValidationError `invalid-role` when no skill of the taxonomy is found.
 * @example roleFromJobDescription(text, { id: 'backend-developer' }).requirements[0]
 * // { anyOf: ['c-sharp', 'dotnet', 'java', 'nodejs', 'php', 'python', 'ruby'], importance: 'required', note: 'From: "Strong proficiency in …"' }
 */
export function roleFromJobDescription(input: string | JobPosting, options: RoleFromJobDescriptionOptions = {}): Role {
  if (typeof input !== 'string' && (typeof input !== 'object' || input === null || Array.isArray(input))) {
    throw new TypeError('`input` must be job description text or a schema.org JobPosting object');
  }
  if (options.id !== undefined && (typeof options.id !== 'string' || kebab(options.id) !== options.id)) throw new TypeError('`id` must be a kebab-case string');
  if (options.title !== undefined && (typeof options.title !== 'string' || options.title.trim() === '')) throw new TypeError('`title` must be a non-empty string');
  const taxonomy = options.taxonomy ?? builtinTaxonomy();
  const text = typeof input === 'string' ? input : postingToText(input);
  const title = options.title ?? (typeof input !== 'string' && typeof input.title === 'string' && input.title.trim() !== '' ? input.title.trim() : titleOf(text));
  const id = options.id ?? (kebab(title) || 'role');

  const profile = extractSkills(text, { taxonomy });
  const found: Found[] = [];
  const aspirational = new Set<string>();
  for (const skill of profile.skills) {
    for (const mention of skill.mentions) {
      if (mention.negated) continue;
      found.push({ id: skill.id, start: mention.span.start, end: mention.span.end });
      if (mention.aspiration) aspirational.add(`${mention.span.start}`);
    }
  }
  found.sort((a, b) => a.start - b.start || a.end - b.end);

  const mentions: Mention[] = [];
  let section: Section = 'other';
  let structured = false;
  let offset = 0;
  let order = 0;
  let firstLine = true;
  for (const raw of text.split('\n')) {
    const lineStart = offset;
    offset += raw.length + 1;
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '') continue;
    // A title line ("Senior Java Developer") names the role, it does not ask for anything.
    if (firstLine) {
      firstLine = false;
      if (isTitleLine(line)) continue;
    }
    const heading = headingSection(line);
    if (heading !== null) {
      // A heading line naming skills ("Python Developer") is itself context, not a requirement.
      section = heading;
      if (heading !== 'other') structured = true;
      continue;
    }
    const bullet = BULLET.test(line);
    for (const segment of splitInlineHeadings(line)) {
      if (segment.section !== null) {
        section = segment.section;
        if (segment.section !== 'other') structured = true;
      }
      const inSegment = found.filter((m) => m.start >= lineStart + segment.start && m.end <= lineStart + segment.end);
      if (inSegment.length === 0) continue;
      // Clauses: phrasing ("required", "a plus") applies within its sentence or semicolon clause.
      // A dot inside a name (Node.js) is never followed by a space.
      const clauses: [number, number][] = [];
      let clauseStart = segment.start;
      for (const match of line.slice(segment.start, segment.end).matchAll(/[;.](?=\s)|[;.]$/g)) {
        clauses.push([clauseStart, segment.start + match.index + 1]);
        clauseStart = segment.start + match.index + 1;
      }
      clauses.push([clauseStart, segment.end]);
      for (const [from, to] of clauses) {
        const clause = line.slice(from, to);
        const inClause = inSegment.filter((m) => m.start >= lineStart + from && m.start < lineStart + to);
        if (inClause.length === 0) continue;
        // Parentheses are found on the whole line, so a list closed after a dot ("etc.)") stays whole.
        for (const group of groupMentions(line, lineStart, inClause)) {
          const minYears = yearsFor(line, lineStart, group);
          mentions.push({
            members: [...new Set(group.map((m) => m.id))],
            section,
            preamble: !structured,
            bullet,
            clause,
            aspirational: group.every((m) => aspirational.has(`${m.start}`)),
            ...(minYears === undefined ? {} : { minYears }),
            order: order++,
          });
        }
      }
    }
  }

  // An advert with requirement or responsibility sections pitches the company and the product
  // before them ("power web and mobile applications"): context, not asks, so its skills are dropped;
  // so is prose in other sections, where only list items ("Database Management – evaluate …") ask.
  // An advert without such sections is all prose, read as responsibilities.
  const candidates: Candidate[] = [];
  for (const mention of mentions) {
    if (structured && mention.preamble) continue;
    if (structured && mention.section === 'other' && !mention.bullet) continue;
    let importance = clauseImportance(structured ? mention.section : 'responsibility', mention.clause);
    if (importance === 'required' && mention.aspirational) importance = 'preferred';
    candidates.push({ members: mention.members, importance, ...(mention.minYears === undefined ? {} : { minYears: mention.minYears }), clause: mention.clause, order: mention.order });
  }
  // Strongest first, then document order: each skill keeps its strongest reading.
  candidates.sort((a, b) => RANK[a.importance] - RANK[b.importance] || a.order - b.order);
  const accepted: Candidate[] = [];
  const single = new Set<string>();
  const covered = new Set<string>();
  for (const candidate of candidates) {
    if (candidate.members.length === 1) {
      const [skill] = candidate.members as [string];
      const existing = accepted.find((a) => a.members.length === 1 && a.members[0] === skill);
      if (existing !== undefined) {
        if (candidate.minYears !== undefined) existing.minYears = Math.max(existing.minYears ?? 0, candidate.minYears);
        continue;
      }
      if (covered.has(skill)) continue;
      accepted.push({ ...candidate });
      single.add(skill);
      covered.add(skill);
      continue;
    }
    const members = candidate.members.filter((m) => !single.has(m));
    const overlapping = accepted.find((a) => a.members.length > 1 && members.filter((m) => a.members.includes(m)).length * 2 > Math.min(a.members.length, members.length));
    if (overlapping !== undefined) {
      for (const m of members) if (!overlapping.members.includes(m)) overlapping.members.push(m);
      if (candidate.minYears !== undefined && RANK[candidate.importance] <= RANK[overlapping.importance]) overlapping.minYears = Math.max(overlapping.minYears ?? 0, candidate.minYears);
      for (const m of members) covered.add(m);
      continue;
    }
    const fresh = members.filter((m) => !covered.has(m));
    if (fresh.length === 0) continue;
    accepted.push({ ...candidate, members: fresh });
    for (const m of fresh) covered.add(m);
    if (fresh.length === 1) single.add(fresh[0]!);
  }
  if (accepted.length === 0) {
    throw new ValidationError('invalid-role', 'No skill of the taxonomy was found in the job description, so no role can be built from it', [
      { code: 'no-skills', path: [], message: 'no skill of the taxonomy was found in the job description' },
    ]);
  }

  accepted.sort((a, b) => RANK[a.importance] - RANK[b.importance] || a.order - b.order);
  const requirements: Requirement[] = accepted.map((candidate): Requirement => {
    const base = {
      importance: candidate.importance,
      ...(candidate.minYears === undefined ? {} : { minYears: candidate.minYears }),
      note: `From: "${quote(candidate.clause)}"`,
    };
    if (candidate.members.length === 1) return { skill: candidate.members[0]!, ...base };
    return { anyOf: [...candidate.members].sort(), ...base };
  });
  return assertRole({ id, title, description: `Derived from a job description by roleFromJobDescription (taxonomy ${taxonomy.version}).`, requirements }, taxonomy);
}
