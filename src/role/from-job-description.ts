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
 *
 * How a senior recruiter trims what is left (scraped job-board adverts — Dice, Indeed — run every
 * section into one line, list a dozen keywords and wrap it all in boilerplate):
 * 6. Sections are found inside a line too: "Label:" headings ("Desired Skills:", "Additional
 *    Experience (Not Required):"), colon-less ones that job boards print as headings ("Must have -",
 *    "Nice To Haves -", "What You Will Be Doing"), and boilerplate openers ("About Acme:", "What's In
 *    It for You", "Benefits", an EEO or right-to-work statement) that start an `other` section. A
 *    run-together list is cut into items at " - ", " * " and before a capitalised word that opens a
 *    requirement ("… or above Proficient with MVC"), so phrasing applies to its own item only.
 * 7. Company prose ("We use Kafka to…", "Our platform runs on AWS", "They provide APIs") is context,
 *    not a demand: in a posting with sections it is `bonus` at most.
 * 8. Alternatives: "or", "/", one parenthesis, and examples ("such as", "e.g.", "including",
 *    "using", "one of", "… etc.") are one `anyOf`. Examples right after a skill of the same
 *    category join that skill's group, as one demand: "AWS development using EC2, S3, Lambda" is
 *    AWS or its services, "containerization (Docker, Kubernetes)" containers or either tool.
 * 9. A keyword list — one clause naming six or more skills one after another ("Minimum Required
 *    Skills: LAMP, Drupal, ElasticSearch, REST APIs, Python, Go, AWS, HubSpot") — describes the
 *    stack, not six must-haves: no team needs every one, and a posting's real demands are the ones
 *    it states in their own words. So its skills of one category become one `anyOf` ("Python, Go"
 *    → one of them) and the list is read one step weaker (required → preferred); a skill the
 *    posting asks for again elsewhere takes that reading ("Nice to have: Drupal" keeps Drupal
 *    preferred, "3 years of PHP, Python or Go" makes the languages required). Only when a posting
 *    has no other demand at all does its list stay required.
 * 10. At most `maxRequired` (default 8) requirements stay `required`: a role whose must-haves no
 *    real candidate meets ranks nobody well. The strongest stay — strong phrasing ("must", "strong",
 *    "hands-on", "proficient") and years count 2 each, a concrete technology (not a practice such as
 *    Agile or OOP) 2, a skill the posting names more than once 1; ties keep document order — the
 *    rest become `preferred`, and their note says so.
 * 11. Typo-tolerant (fuzzy) hits are ignored: a job description is edited text, so a word that only
 *    looks like a skill is an ordinary word ("Generous" is not SnapGene).
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
  /**
   * Most requirements kept `required`; the weaker rest become `preferred` (see rule 10 of the
   * module comment). `Infinity` keeps every demand the posting makes.
   * @default 8
   */
  maxRequired?: number;
}

/** Default of `RoleFromJobDescriptionOptions.maxRequired`. */
const MAX_REQUIRED = 8;
/** Skills named one after another in one clause, from which on the clause is a keyword list (rule 9). */
const KEYWORD_LIST = 6;
/** Categories of practices and concepts: checked at interview, weaker must-haves than technologies. */
const PRACTICE_CATEGORIES = new Set(['architecture-and-practices', 'office-and-productivity']);

type Section = 'required' | 'preferred' | 'responsibility' | 'other';

const RANK: Record<Importance, number> = { required: 0, preferred: 1, bonus: 2 };

const HEADING_RULES: [RegExp, Section][] = [
  [/\b(nice|good|great)[ -]to[ -]haves?\b|\bpreferred\b|\bbonus\b|\bpluses\b|\bdesirable\b|\bdesired\b|\boptional\b|\bnot required\b|\bextra credit\b/i, 'preferred'],
  [/\brequirements?\b|\bqualifications?\b|\bmust[ -]haves?\b|\brequired\b|\bskills\b|\bwhat you('ll| will)? (need|bring)\b|\bwho you are\b|\bwhat we('re| are) looking for\b|\bexperience\b|\bcompetenc/i, 'required'],
  [/\bresponsibilit|\bduties\b|\bwhat you('ll| will) (be doing|do)\b|\bthe role\b|\byour role\b|\bday[ -]to[ -]day\b|\bkey tasks\b/i, 'responsibility'],
];
// Headings that look like requirements but are not ("How to Assess Back-End Developer Skills").
const NOT_REQUIREMENT_HEADING =
  /\bassess|\bevaluat|\binterview|\bhow to\b|\breport to\b|\babout (us|the company)\b|^about\b|\bbenefits\b|\bperks\b|\bwhy join\b|\bsimilar\b|\breasons to\b|\bin it for you\b|\bwhat we offer\b|\bcompensation\b|\bequal opportunity\b|\bright to work\b|\bpartners\b|\bour (company|story|mission|culture|values)\b/i;
// Inline labels that open the advert's body in scraped postings ("Job Description: Employer works on…").
const INLINE_RESPONSIBILITY_LABEL = /^(job description|detailed info(rmation)?|primary purpose|position summary|(job |role )?overview|summary|the position)$/i;
// Colon-less headings job boards print before a " - " list or a capitalised item ("Must have - Strong…",
// "What You Will Be Doing We emphasize…"). Case-sensitive on purpose: "must have a DoD certification" is a demand, not a heading.
const BARE_HEADING =
  /(?<![\w'’])(Must[ -][Hh]aves?|MUST[ -]HAVES?|Nice[ -][Tt]o[ -][Hh]aves?|NICE[ -]TO[ -]HAVES?|What [Yy]ou [Nn]eed(?: for [Tt]his [Pp](?:osition|osition|role))?|What [Yy]ou(?:'ll|’ll| [Ww]ill) (?:[Bb]e [Dd]oing|[Dd]o|[Bb]ring|[Nn]eed)|Top [Rr]easons to [Ww]ork (?:[Ww]ith|[Ff]or) [Uu]s|What(?:'s|’s| [Ii]s) [Ii]n [Ii]t [Ff]or [Yy]ou|Why [Jj]oin [Uu]s|Benefits|Perks)(?:\s*[-–—:]\s+|\s+(?=[A-Z$\d]))/g;
// Boilerplate that runs to the end of an advert or to the next heading: EEO and right-to-work statements, benefits packages.
const BOILERPLATE =
  /\b(?:is (?:proud to be )?an? )?Equal (?:Employment )?Opportunity\b|\bAll qualified applicants\b|\bYour Right to Work\b|\bCopyright\b|\bApplicants must be authori[sz]ed\b|\bIn addition to a (?:phenomenal|great|competitive)\b|\bbenefits package\b|\bCompanies and Partners\b|\bWe are an equal\b/gi;
// "Desired Skills:", "Additional Experience (Not Required):", "Minimum Skills and Competencies:" — a Title Case label
// before a colon. Bounded, so a long run of capitalised words costs linear time, not quadratic.
const TITLE_LABEL = /(?<![\w'’])((?:[A-Z][\w'’/&+-]*|\([^()]{1,30}\))(?:\s+(?:[A-Z][\w'’/&+-]*|and|for|the|of|to|in|this|&|\([^()]{1,30}\))){0,8})\s*:\s/g;
// A requirement item that lost its bullet: a capitalised opener after a word ("… or above Proficient with MVC").
const ITEM_START =
  /(?<=[A-Za-z0-9#+)\]])\s+(?=(?:Experience|Expert|Expertise|Proficient|Proficiency|Hands[- ]on|Must|Knowledge|Familiarity|Familiar|Ability|Able|Strong|Solid|Understanding|Good|Excellent|Demonstrated|Bachelor|Master|Degree|Minimum|At least|Have|Working|Comfortable|Relevant|Design|Develop|Maintain|Create|Work|Follow|Support|Collaborate|Mentor|Build|Implement|Write|Participate|Assist|Install|Adhere|Provide|Proactive|Effective|Willing|Proof|Successful|Our|We|They|This company|The company|Everyone|Candidates|Applicants)\b)/g;
// Company prose: what the employer does or uses, not what it asks of the candidate (rule 7).
const COMPANY_SUBJECT = /^\W*(?:we|we're|we’re|our|ours|they|their|this company|the company|the team|us)\b/i;
const ASKS = /\blooking for\b|\bseek(ing)?\b|\bneed\b|\brequire|\bexpect|\bwant\b|\bideal candidate\b|\byou (will|should|must|have)\b/i;
// Examples introduced by a cue are alternatives (rule 8).
const EXAMPLE_CUE = /\b(?:one of|any of|such as|e\.g\.?|for example|for instance|including|includes|like|using|especially|either)\b[^,;.()]{0,30}$/i;
// Words a section label starts with: "Java Preferred Qualifications:" is the label "Preferred Qualifications" after the skill Java.
const LABEL_OPENER =
  /^(?:minimum|basic|preferred|desired|required|additional|essential|key|nice|must|skills?|qualifications?|requirements?|responsibilities|duties|experience|about|job|detailed|primary|bonus|benefits|perks|what|who|your|technical|education|optional|good|plus|pluses|core|general|position|role|summary|overview|the)$/i;
const EXAMPLE_TAIL = /^\W{0,4}(?:etc\b|and so on\b|or similar\b|or equivalent\b|or other\b)/i;

const REQUIRED_PHRASE = /\bmust[ -]have\b|\bmust be\b|\bmust\b|\brequired\b|\bstrong (proficiency|knowledge|experience|command|background|skills?)\b|\bproficien(t|cy)\b|\bexpert(ise)?\b|\bsolid\b|\bin-depth\b|\bdeep (knowledge|understanding|experience)\b|\bhands-on\b/i;
const PREFERRED_PHRASE = /\boptional\b|\bnot required\b|\bsecondary\b|\bfamiliar(ity)?\b|\bnice[ -]to[ -]have\b|\bgood[ -]to[ -]have\b|\b(a |is a |are a )?plus\b|\bbonus\b|\bpreferred\b|\bpreferably\b|\bdesirable\b|\bdesired\b|\bexposure to\b|\bideally\b|\badvantage\b|\bawareness\b/i;

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
  /** Strong phrasing ("must", "strong", "hands-on") in its clause. */
  strong: boolean;
  /** From a keyword list (rule 9): read one step weaker, and yields to any other reading of its skills. */
  keyword: boolean;
  /** Why its importance was lowered, added to the note. */
  demoted?: string;
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
  /** The clause's subject is the employer ("We use…", "Our platform…"): context, not a demand (rule 7). */
  company: boolean;
  /** Part of a keyword list (rule 9). */
  keyword: boolean;
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
  // "Skills: Java, Kotlin" is a label and its content, read by the inline-heading rule, not a bare heading.
  if (text === '' || BULLET.test(line) || /[:：]\s+\S/.test(text)) return null;
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
const INLINE_HEADING = /(^|[.!?]\s+|(?<!\s)\s{2,}|\s[|•*-]\s)([A-Z][A-Za-z0-9&/,'() -]{1,60}?):\s/g;

/** The section an inline label opens, or `null` when it is not a heading ("Location:", "Languages:"). */
function labelSection(label: string): Section | null {
  if (label.split(/\s+/).length > 8) return null;
  if (NOT_REQUIREMENT_HEADING.test(label)) return 'other';
  if (INLINE_RESPONSIBILITY_LABEL.test(label)) return 'responsibility';
  return HEADING_RULES.find(([pattern]) => pattern.test(label))?.[1] ?? null;
}

function splitInlineHeadings(line: string): Segment[] {
  // Every heading found in the line: [where its label starts, where its content starts, the section].
  const marks: [number, number, Section][] = [];
  for (const match of line.matchAll(INLINE_HEADING)) {
    const section = labelSection(match[2]!.trim());
    if (section !== null) marks.push([match.index + match[1]!.length, match.index + match[0].length, section]);
  }
  for (const match of line.matchAll(TITLE_LABEL)) {
    // The longest tail of the Title Case run that opens like a label ("Secret clearance Additional Experience (Not Required)").
    const words = [...match[1]!.matchAll(/\S+/g)];
    const opener = words.find((word) => LABEL_OPENER.test(word[0]));
    if (opener === undefined) continue;
    const section = labelSection(match[1]!.slice(opener.index).trim());
    if (section !== null) marks.push([match.index + opener.index, match.index + match[0].length, section]);
  }
  for (const match of line.matchAll(BARE_HEADING)) {
    const section = labelSection(match[1]!);
    if (section !== null) marks.push([match.index, match.index + match[0].length, section]);
  }
  for (const match of line.matchAll(BOILERPLATE)) marks.push([match.index, match.index, 'other']);
  marks.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const segments: Segment[] = [];
  let start = 0;
  let section: Section | null = null;
  for (const [labelStart, contentStart, labelled] of marks) {
    if (labelStart < start) continue;
    segments.push({ start, end: labelStart, section });
    start = contentStart;
    section = labelled;
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

const LIST_GAP = /^\s*(?:,|\/|&|\band\b|\bor\b|\band\/or\b|,\s*(?:and|or)\b)?\s*$/i;
// A list item the taxonomy does not know keeps the list together: "EC2, EB, IAM", "AWS, View.js, HubSpot".
const UNKNOWN_ITEM_GAP = /^\s*,(?:\s*[\w.+#-]+(?:\s+[\w.+#-]+)?\s*,)+\s*(?:(?:and|or|and\/or)\s+)?$/i;

/** Mentions read as one requirement: one skill, or alternatives. */
interface Group {
  members: Found[];
  /** Examples (a parenthesis, or a list after "using", "such as"…), which may join the skill just before them (rule 8). */
  examples: boolean;
}

/**
 * Splits a clause's mentions into groups: a parenthesis is one group; a list joined by "or" or "/",
 * introduced by an example cue ("such as", "one of") or closed by "etc." is one group; the rest stand alone.
 */
function groupMentions(text: string, lineStart: number, mentions: Found[], clauseFrom: number, parens: [number, number][]): Group[] {
  const groups: Group[] = [];
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
    if (joinedByAnd) for (const m of members) groups.push({ members: [m], examples: false });
    else groups.push({ members, examples: true });
  }
  // Runs of loose mentions separated only by list punctuation form a list; "or", "/", an example cue
  // before it or "etc." after it make the list alternatives — unless it is joined only by "and".
  let run: Found[] = [];
  let hasOr = false;
  let onlyAnd = true;
  const flush = (): void => {
    if (run.length > 1) {
      const first = run[0]!;
      const last = run[run.length - 1]!;
      const before = text.slice(Math.max(clauseFrom, first.start - lineStart - 60), first.start - lineStart);
      const cue = EXAMPLE_CUE.test(before);
      const etc = EXAMPLE_TAIL.test(text.slice(last.end - lineStart, last.end - lineStart + 20));
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
      const gap = text.slice(previous.end - lineStart, mention.start - lineStart);
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

/** The brackets of a line, as document offsets `[open, close]`. */
function bracketsOf(line: string, lineStart: number): [number, number][] {
  const parens: [number, number][] = [];
  const stack: number[] = [];
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '(' || line[i] === '[') stack.push(i);
    else if ((line[i] === ')' || line[i] === ']') && stack.length > 0) parens.push([lineStart + stack.pop()!, lineStart + i]);
  }
  return parens;
}

/** Years asked for a group, read within its clause (`from`, `to`: offsets into the line). */
function yearsFor(line: string, lineStart: number, group: Found[], from: number, to: number): number | undefined {
  // Offsets below are computed against the clause alone, so a long line is not rescanned per group.
  const text = line.slice(from, to);
  lineStart += from;
  YEARS.lastIndex = 0;
  let best: number | undefined;
  for (let match = YEARS.exec(text); match !== null; match = YEARS.exec(text)) {
    const at = lineStart + match.index;
    const end = at + match[0].length;
    const years = Number(match[1]);
    // The skill follows in the same clause ("5+ years of Java"), or precedes it closely ("Java: 5+ years", "Java (5 years)").
    const after = group.some((m) => m.start >= end && !/[.;]/.test(text.slice(end - lineStart, m.start - lineStart)) && m.start - end <= 100);
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
 * from parentheses, "or"/"/" lists and examples, `minYears` from "N+ years of X"; keyword lists,
 * company prose, boilerplate and typo-like words are discounted, and at most `maxRequired`
 * demands stay required (see the module comment for every rule). Each requirement's `note`
 * quotes the clause it came from, and says so when its importance was lowered.
 *
 * @throws ValidationError `invalid-role` when no skill of the taxonomy is found.
 * @throws TypeError on a wrong `input`, `id` or `title`; RangeError on a wrong `maxRequired`.
 * @example roleFromJobDescription(text, { id: 'backend-developer' }).requirements[0]
 * // { anyOf: ['c-sharp', 'dotnet', 'java', 'nodejs', 'php', 'python', 'ruby'], importance: 'required', note: 'From: "Strong proficiency in …"' }
 */
export function roleFromJobDescription(input: string | JobPosting, options: RoleFromJobDescriptionOptions = {}): Role {
  if (typeof input !== 'string' && (typeof input !== 'object' || input === null || Array.isArray(input))) {
    throw new TypeError('`input` must be job description text or a schema.org JobPosting object');
  }
  if (options.id !== undefined && (typeof options.id !== 'string' || kebab(options.id) !== options.id)) throw new TypeError('`id` must be a kebab-case string');
  if (options.title !== undefined && (typeof options.title !== 'string' || options.title.trim() === '')) throw new TypeError('`title` must be a non-empty string');
  const maxRequired = options.maxRequired ?? MAX_REQUIRED;
  if (typeof maxRequired !== 'number' || Number.isNaN(maxRequired) || maxRequired < 0 || (Number.isFinite(maxRequired) && !Number.isInteger(maxRequired))) {
    throw new RangeError('`maxRequired` must be a whole number ≥ 0, or Infinity');
  }
  const taxonomy = options.taxonomy ?? builtinTaxonomy();
  const text = typeof input === 'string' ? input : postingToText(input);
  const title = options.title ?? (typeof input !== 'string' && typeof input.title === 'string' && input.title.trim() !== '' ? input.title.trim() : titleOf(text));
  const id = options.id ?? (kebab(title) || 'role');
  const categoryOf = new Map(taxonomy.skills.map((skill) => [skill.id, skill.category as string]));

  const profile = extractSkills(text, { taxonomy });
  const found: Found[] = [];
  const aspirational = new Set<string>();
  for (const skill of profile.skills) {
    for (const mention of skill.mentions) {
      // A typo-tolerant hit in edited text is an ordinary word (rule 11).
      if (mention.negated || mention.fuzzy) continue;
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
    const parens = bracketsOf(line, lineStart);
    for (const segment of splitInlineHeadings(line)) {
      if (segment.section !== null) {
        section = segment.section;
        if (segment.section !== 'other') structured = true;
      }
      const inSegment = found.filter((m) => m.start >= lineStart + segment.start && m.end <= lineStart + segment.end);
      if (inSegment.length === 0) continue;
      // Clauses: phrasing ("required", "a plus") applies within its sentence, semicolon clause or
      // run-together list item. A dot inside a name (Node.js) is never followed by a space.
      const cuts = new Set<number>();
      const body = line.slice(segment.start, segment.end);
      for (const match of body.matchAll(/(?<!\b(?:e\.g|i\.e|etc|vs|incl|approx|min|max))[;.](?=\s)|[;.]$/gi)) cuts.add(segment.start + match.index + 1);
      for (const match of body.matchAll(/\s[-–—*•]\s/g)) cuts.add(segment.start + match.index + 1);
      for (const match of body.matchAll(ITEM_START)) cuts.add(segment.start + match.index + 1);
      const bounds = [segment.start, ...[...cuts].filter((cut) => cut > segment.start && cut < segment.end).sort((a, b) => a - b), segment.end];
      for (let c = 0; c + 1 < bounds.length; c++) {
        const from = bounds[c]!;
        const to = bounds[c + 1]!;
        const clause = line.slice(from, to);
        const inClause = inSegment.filter((m) => m.start >= lineStart + from && m.start < lineStart + to);
        if (inClause.length === 0) continue;
        const company = COMPANY_SUBJECT.test(clause) && !ASKS.test(clause);
        // Parentheses are found on the whole line, so a list closed after a dot ("etc.)") stays whole.
        let groups = groupMentions(line, lineStart, inClause, from, parens);
        // Examples of the skill just before them, in its own category, join its group (rule 8):
        // "AWS development using EC2, S3, Lambda" asks for AWS, shown by AWS or by its services;
        // "containerization (Docker, Kubernetes)" for containers, shown by either or by the word.
        for (let g = 1; g < groups.length; g++) {
          const head = groups[g - 1]!;
          const group = groups[g]!;
          if (!group.examples || head.members.length !== 1) continue;
          const category = categoryOf.get(head.members[0]!.id);
          if (group.members.filter((m) => categoryOf.get(m.id) === category).length * 2 <= group.members.length) continue;
          head.members.push(...group.members);
          groups.splice(g, 1);
          g--;
        }
        // A skill named alone and again inside a group of its clause ("authentication, and authorization
        // mechanisms (JWT, OAuth)") is asked for once, by the group.
        const grouped = new Set(groups.filter((g) => g.members.length > 1).flatMap((g) => g.members.map((m) => m.id)));
        groups = groups.filter((g) => g.members.length > 1 || !grouped.has(g.members[0]!.id));
        // A keyword list (rule 9): six or more skills one after another. Its skills of one category are alternatives.
        const singles = groups.filter((g) => g.members.length === 1);
        const keyword = singles.length >= KEYWORD_LIST && (clause.match(/,/g)?.length ?? 0) >= singles.length - 2;
        if (keyword) {
          const byCategory = new Map<string, Group>();
          const merged: Group[] = [];
          for (const group of groups) {
            const category = group.members.length === 1 ? categoryOf.get(group.members[0]!.id) : undefined;
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
          groups = merged;
        }
        for (const group of groups) {
          const minYears = yearsFor(line, lineStart, group.members, from, to);
          mentions.push({
            members: [...new Set(group.members.map((m) => m.id))],
            section,
            preamble: !structured,
            bullet,
            clause,
            aspirational: group.members.every((m) => aspirational.has(`${m.start}`)),
            ...(minYears === undefined ? {} : { minYears }),
            order: order++,
            company,
            keyword,
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
    if (structured && mention.company) importance = 'bonus';
    candidates.push({
      members: mention.members,
      importance,
      ...(mention.minYears === undefined ? {} : { minYears: mention.minYears }),
      clause: mention.clause,
      order: mention.order,
      strong: REQUIRED_PHRASE.test(mention.clause),
      keyword: mention.keyword,
    });
  }
  // Rule 9: a keyword list is read one step weaker, unless the posting makes no other demand.
  const demands = candidates.some((c) => !c.keyword && c.importance === 'required');
  for (const candidate of candidates) {
    if (candidate.keyword && demands && candidate.importance === 'required') {
      candidate.importance = 'preferred';
      candidate.demoted = 'named in a list of technologies, not asked for on its own';
    }
  }
  // Strongest first, then stated before listed, then document order: each skill keeps its strongest reading.
  candidates.sort((a, b) => RANK[a.importance] - RANK[b.importance] || Number(a.keyword) - Number(b.keyword) || a.order - b.order);
  const accepted = acceptCandidates(candidates);
  if (accepted.length === 0) {
    throw new ValidationError('invalid-role', 'No skill of the taxonomy was found in the job description, so no role can be built from it', [
      { code: 'no-skills', path: [], message: 'no skill of the taxonomy was found in the job description' },
    ]);
  }
  capRequired(accepted, maxRequired, candidates, categoryOf);

  accepted.sort((a, b) => RANK[a.importance] - RANK[b.importance] || a.order - b.order);
  const requirements: Requirement[] = accepted.map((candidate): Requirement => {
    const base = {
      importance: candidate.importance,
      ...(candidate.minYears === undefined ? {} : { minYears: candidate.minYears }),
      note: `From: "${quote(candidate.clause)}"${candidate.demoted === undefined ? '' : ` (${candidate.demoted})`}`,
    };
    if (candidate.members.length === 1) return { skill: candidate.members[0]!, ...base };
    return { anyOf: [...candidate.members].sort(), ...base };
  });
  return assertRole({ id, title, description: `Derived from a job description by roleFromJobDescription (taxonomy ${taxonomy.version}).`, requirements }, taxonomy);
}

/** Keeps each skill's strongest reading (candidates come sorted strongest first) and merges overlapping groups. */
function acceptCandidates(candidates: Candidate[]): Candidate[] {
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
      // A keyword list does not widen a group the posting stated in its own words.
      if (candidate.keyword && !overlapping.keyword) {
        for (const m of members) if (overlapping.members.includes(m)) covered.add(m);
        const rest = members.filter((m) => !covered.has(m));
        if (rest.length > 0) {
          accepted.push({ ...candidate, members: rest });
          for (const m of rest) covered.add(m);
          if (rest.length === 1) single.add(rest[0]!);
        }
        continue;
      }
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
  return accepted;
}

/**
 * Rule 10: keeps the `max` strongest required requirements and makes the rest preferred. Strength:
 * strong phrasing 2, years 2, a technology rather than a practice 2, named more than once 1; ties keep
 * document order, so the posting's first demands win.
 */
function capRequired(accepted: Candidate[], max: number, all: Candidate[], categoryOf: Map<string, string>): void {
  const required = accepted.filter((c) => c.importance === 'required');
  if (required.length <= max) return;
  const named = new Map<string, number>();
  for (const candidate of all) for (const m of candidate.members) named.set(m, (named.get(m) ?? 0) + 1);
  const strength = (c: Candidate): number =>
    (c.strong ? 2 : 0) +
    (c.minYears === undefined ? 0 : 2) +
    (c.members.some((m) => !PRACTICE_CATEGORIES.has(categoryOf.get(m) ?? '')) ? 2 : 0) +
    (c.members.some((m) => (named.get(m) ?? 0) > 1) ? 1 : 0);
  const ranked = [...required].sort((a, b) => strength(b) - strength(a) || a.order - b.order);
  for (const candidate of ranked.slice(max)) {
    candidate.importance = 'preferred';
    candidate.demoted = `required in the posting; only the ${max} strongest demands stay required`;
  }
}
