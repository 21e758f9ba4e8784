/**
 * The job-description stage: a role from a raw job description. It sits after `extract` and `role`:
 * skills are found by the same extractor résumés go through (`extractSkills`), so a role never asks
 * for something a résumé could not show, and the role is checked by the role validator. This stage
 * only decides, from headings and phrasing, how much each mention is asked for and which mentions
 * are alternatives — and says what it read, dropped and demoted in the role's `diagnostics`.
 *
 * The rules, in the order they apply:
 * 1. Each line belongs to the section of the last heading above it (`patterns.ts`, `HEADING_ROWS`):
 *    requirements ("Requirements", "What you'll need", "Must have", "Skills", "You have", "About you"…)
 *    ask for `required`; "Nice to have", "Preferred qualifications", "Bonus points" and the team's
 *    stack ("Tech stack", "Our stack") for `preferred`; responsibilities ("Responsibilities", "What
 *    you'll do", "Position", "About the role") for `preferred` — the work, not yet a demand on the
 *    person; anything else ("About us", "Benefits", "How to assess…") for `bonus`, and there only
 *    listed items count (prose there is pitch). Headings are read in any case, with or without a
 *    colon, as a line or as a label inside a line ("Requirements: Python, SQL, Docker"). The preamble
 *    before the first of those sections pitches the company: its skills are dropped. An advert with
 *    no such sections at all is read as responsibilities. A first line is the title when it looks
 *    like one (a job title word, or Title Case without a skill) and is not a labelled list or a
 *    heading; "Job Title:" / "Position: Senior Python Developer" labels name the title too.
 * 2. Phrasing inside a clause moves it within a section that asks (`REQUIRED_PHRASES`,
 *    `PREFERRED_PHRASES`): "must have", "required", "strong proficiency in", "expert in" → `required`;
 *    "familiarity with", "nice to have", "a plus", "preferred", "exposure to" → `preferred`.
 * 3. Skills in one parenthesis, or a list joined by "or", are one `anyOf` requirement (a
 *    parenthesis joined only by "and"/"&", "(SQL & NoSQL)", asks for each).
 * 4. "5+ years of Java" (or "Java: 5+ years") sets `minYears` on the requirement holding Java.
 * 5. A skill keeps its strongest reading: weaker mentions of a skill already asked for are
 *    dropped, and groups that mostly overlap are merged.
 * 6. Sections are found inside a line too ("Desired Skills:", colon-less job-board headings such as
 *    "Must have -" or "What You Will Be Doing", boilerplate openers such as an EEO statement). A
 *    run-together list is cut into items at " - ", " * " and before a capitalised word that opens a
 *    requirement, so phrasing applies to its own item only.
 * 7. Company prose ("We use Kafka to…", "Our platform runs on AWS") is context, not a demand: in a
 *    posting with sections it is `bonus` at most.
 * 8. Alternatives: "or", "/", one parenthesis, and examples ("such as", "e.g.", "including", "using",
 *    "… etc.") are one `anyOf`; examples right after a skill of their category join it.
 * 9. A keyword list (one clause naming six or more skills one after another) describes the stack:
 *    its skills of one category become one `anyOf`, read one step weaker, unless the posting makes
 *    no other demand; a skill the posting asks for again elsewhere takes that reading.
 * 10. At most `maxRequired` requirements stay `required`: strong phrasing and years count 2 each, a
 *    technology (not a practice or concept) 2, a skill named more than once 1; ties keep document order.
 * 11. Typo-tolerant (fuzzy) hits and negated mentions are ignored: a job description is edited text.
 * 12. A list item that is exactly one technology name ("• Kafka", "- Spring", "* Go") is that
 *    technology, even where the extractor leaves the word alone in prose (`items.ts`).
 * 13. An offer to teach ("you'll learn Rust") asks for nothing; an aspiration cue ("exposure to",
 *    "interest in") makes a required ask preferred.
 */
import { extractSkills } from '../extract/index.js';
import { assertRole, type Role } from '../role/index.js';
import { builtinTaxonomy, kindOf, resolveSkill, type Skill, type Taxonomy } from '../taxonomy/index.js';
import type { Diagnostic } from '../types.js';
import { readMentions, type Found, type SkillFacts } from './clauses.js';
import { DiagnosticLog, describeLayout, describeNotes, roleEmpty, type SkillSeen } from './diagnostics.js';
import { decodeInput, type InputFormat, type JobPosting } from './input.js';
import { loneItems } from './items.js';
import { PRACTICE_CATEGORIES, TITLE_SUFFIX } from './patterns.js';
import { acceptCandidates, candidatesOf, capRequired, toRequirements, type Note } from './requirements.js';
import { hasHeadings, readLayout } from './sections.js';

export type { JobPosting, InputFormat } from './input.js';

/** The text a job description is read as, which the spans of a role's diagnostics index. */
export interface DecodedJobDescription {
  /** The input itself for plain text; the visible text for HTML; the headed rendering of a JobPosting. */
  text: string;
  /** `text`, `html`, `posting` (an object), `posting-json` (JSON text), `posting-json-ld` (JSON-LD in an HTML page). */
  format: InputFormat;
}

/**
 * The text `roleFromJobDescription` reads for an input, and how it was decoded: use it to show the
 * spans of a role's `diagnostics` (for plain text it is the input as given).
 * @throws TypeError on an `input` that is neither text nor an object.
 * @example decodeJobDescription('<ul><li>C&#43;&#43;</li></ul>').text // '• C++'
 */
export function decodeJobDescription(input: string | JobPosting): DecodedJobDescription {
  checkArguments(input, {});
  const { text, format } = decodeInput(input, hasHeadings);
  return { text, format };
}

/** Options of `roleFromJobDescription`. */
export interface RoleFromJobDescriptionOptions {
  /**
   * Id of the role.
   * @default the title in kebab-case, e.g. `back-end-developer`
   */
  id?: string;
  /**
   * Title of the role.
   * @default the posting's `title`, else a "Job Title:" label, else the first line when it is a title
   */
  title?: string;
  /**
   * The taxonomy to find skills with.
   * @default builtinTaxonomy()
   */
  taxonomy?: Taxonomy;
  /**
   * Most requirements kept `required`; the weaker rest become `preferred` (rule 10). `Infinity`
   * keeps every demand the posting makes.
   * @default 8
   */
  maxRequired?: number;
}

/** Default of `RoleFromJobDescriptionOptions.maxRequired`. */
const MAX_REQUIRED = 8;

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

function checkArguments(input: unknown, options: RoleFromJobDescriptionOptions): number {
  if (typeof input !== 'string' && (typeof input !== 'object' || input === null || Array.isArray(input))) {
    throw new TypeError(
      '`input` must be job description text (plain, HTML or JobPosting JSON) or a schema.org JobPosting object',
    );
  }
  if (typeof options !== 'object' || options === null) throw new TypeError('`options` must be an object');
  if (options.id !== undefined && (typeof options.id !== 'string' || kebab(options.id) !== options.id))
    throw new TypeError('`id` must be a kebab-case string');
  if (options.title !== undefined && (typeof options.title !== 'string' || options.title.trim() === ''))
    throw new TypeError('`title` must be a non-empty string');
  const maxRequired = options.maxRequired ?? MAX_REQUIRED;
  if (
    typeof maxRequired !== 'number' ||
    Number.isNaN(maxRequired) ||
    maxRequired < 0 ||
    (Number.isFinite(maxRequired) && !Number.isInteger(maxRequired))
  ) {
    throw new RangeError('`maxRequired` must be a whole number ≥ 0, or Infinity');
  }
  return maxRequired;
}

const skillMaps = new WeakMap<Taxonomy, Map<string, Skill>>();

/** What the readers need of the taxonomy: categories, and which skills are technologies. */
function factsOf(taxonomy: Taxonomy): SkillFacts & { skill(id: string): Skill | undefined } {
  let byId = skillMaps.get(taxonomy);
  if (byId === undefined) {
    byId = new Map(taxonomy.skills.map((skill) => [skill.id, skill]));
    skillMaps.set(taxonomy, byId);
  }
  const skills = byId;
  return {
    skill: (id) => skills.get(id),
    categoryOf: (id) => skills.get(id)?.category,
    // With kinds, a practice or concept is not a technology; without them, the practice categories stand in.
    isTechnology: (id) => {
      const skill = skills.get(id);
      if (skill === undefined) return true;
      return skill.kind !== undefined ? skill.kind === 'technology' : !PRACTICE_CATEGORIES.has(skill.category);
    },
  };
}

/** Whether a sorted list of mentions has one starting in `[start, end)`. */
function startsWithin(found: readonly Found[], start: number, end: number): boolean {
  let lo = 0;
  let hi = found.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (found[mid]!.start < start) lo = mid + 1;
    else hi = mid;
  }
  return lo < found.length && found[lo]!.start < end;
}

/**
 * The extractor's mentions, sorted: negated and typo-tolerant ones are told to `note` and left out
 * (rule 11); `seen` collects every skill met, for the `role-empty` message.
 */
function mentionsOf(
  text: string,
  taxonomy: Taxonomy,
  note: (n: Note) => void,
  seen: Map<string, SkillSeen>,
  ambiguous: string[],
): Found[] {
  const found: Found[] = [];
  const profile = extractSkills(text, { taxonomy });
  // Words the extractor left alone as ordinary words ("We love Kafka"), for the role-empty message.
  for (const d of profile.diagnostics)
    if (d.code === 'ambiguous-mention-dropped' && d.span !== undefined)
      ambiguous.push(text.slice(d.span.start, d.span.end));
  for (const skill of profile.skills) {
    seen.set(skill.id, { name: skill.name, why: null });
    for (const mention of skill.mentions) {
      if (mention.negated || mention.fuzzy) {
        const reason = mention.fuzzy
          ? `"${mention.text}" only looks like ${skill.name} (a typo-tolerant match): a job description is edited text, so it is an ordinary word`
          : `"${mention.text}" is negated ("${mention.sentence.slice(0, 80)}")`;
        note({
          kind: 'dropped',
          members: [skill.id],
          span: mention.span,
          reason,
          why: mention.fuzzy ? 'typo' : 'negated',
        });
        continue;
      }
      found.push({
        id: skill.id,
        start: mention.span.start,
        end: mention.span.end,
        aspiration: mention.aspiration,
        lone: false,
      });
    }
  }
  return found.sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * Builds a role from a job description: plain text or Markdown, HTML (decoded as résumés are:
 * entities, list items, headings), JobPosting JSON text (alone, in an array, in `@graph`, or as
 * JSON-LD in an HTML page), or a schema.org `JobPosting` object. Skills are found by `extractSkills`;
 * importance comes from headings and phrasing, `anyOf` from parentheses, "or"/"/" lists and examples,
 * `minYears` from "N+ years of X"; keyword lists, company prose, boilerplate, learning offers and
 * typo-like words are discounted, lone list items are resolved through the taxonomy, and at most
 * `maxRequired` demands stay required (see the module comment for every rule). Each requirement's
 * `note` quotes the clause it came from; the role's `diagnostics` say what was read (`jd-input`,
 * `jd-title`, `jd-section`), resolved (`jd-lone-item`), dropped (`jd-dropped`) and demoted
 * (`jd-demoted`), with spans into the text read (the input itself for plain text).
 *
 * @throws ValidationError `role-empty` when the description asks for no technology (its message
 *   names the sections read and the skills seen); `invalid-role` only if the built role fails validation.
 * @throws TypeError on a wrong `input`, `options`, `id` or `title`; RangeError on a wrong `maxRequired`.
 * @example roleFromJobDescription('Requirements: Python, SQL, Docker').requirements.map((r) => r.skill)
 * // ['python', 'sql', 'docker']
 */
export function roleFromJobDescription(input: string | JobPosting, options: RoleFromJobDescriptionOptions = {}): Role {
  const maxRequired = checkArguments(input, options);
  const taxonomy = options.taxonomy ?? builtinTaxonomy();
  const facts = factsOf(taxonomy);
  const decoded = decodeInput(input, hasHeadings);
  const { text } = decoded;
  const log = new DiagnosticLog();
  log.add({ severity: 'info', code: 'jd-input', message: decoded.note, source: 'role', place: 'input' });

  const notes: Note[] = [];
  const note = (n: Note): void => void notes.push(n);
  const seen = new Map<string, SkillSeen>();
  const ambiguous: string[] = [];
  const found = mentionsOf(text, taxonomy, note, seen, ambiguous);
  const resolve = (phrase: string): string | null => resolveSkill(phrase, { taxonomy, fuzzy: false })?.id ?? null;
  const layout = readLayout(text, {
    headingLines: decoded.headingLines,
    headingPlaces: decoded.headingPlaces,
    titleLine: decoded.title !== undefined,
    skillIn: (start, end) => startsWithin(found, start, end),
    isSkillName: (phrase) => resolve(phrase) !== null,
  });
  const lone = loneItems(text, layout, found, resolve);
  for (const item of lone) {
    const name = facts.skill(item.id)?.name ?? item.id;
    if (!seen.has(item.id)) seen.set(item.id, { name, why: null });
    log.add({
      severity: 'info',
      code: 'jd-lone-item',
      message: `"${item.text}" is a list item naming one technology: read as ${name}, which the extractor leaves alone in prose`,
      source: 'role',
      span: { start: item.start, end: item.end },
    });
  }
  const all = lone.length === 0 ? found : [...found, ...lone].sort((a, b) => a.start - b.start || a.end - b.end);

  const mentions = readMentions(text, layout.segments, all, facts);
  const candidates = candidatesOf(mentions, layout.structured, note);
  const accepted = acceptCandidates(candidates, note);
  // A skill without a kind (a taxonomy from before kinds) counts as a technology.
  const kind = (id: string): string => {
    const skill = facts.skill(id);
    return skill === undefined ? 'technology' : kindOf(skill);
  };
  if (accepted.length === 0 || accepted.every((c) => c.members.every((id) => kind(id) !== 'technology'))) {
    throw roleEmpty({
      layout,
      notes,
      seen,
      ambiguous,
      accepted,
      facts: { name: (id) => facts.skill(id)?.name ?? id, kind },
    });
  }
  capRequired(accepted, maxRequired, candidates, facts.isTechnology, note);
  const requirements = toRequirements(accepted);

  const title =
    options.title ?? decoded.title ?? layout.title?.text.replace(TITLE_SUFFIX, '').trim() ?? 'Untitled role';
  describeLayout(log, layout, options.title !== undefined ? 'options.title' : null, title);
  describeNotes(log, notes, (id) => facts.skill(id)?.name ?? id);
  const diagnostics: Diagnostic[] = log.finish();
  // Every skill id came from this taxonomy (the extractor, the resolver), so the shape is all there is to check;
  // checking the ids again would index the whole taxonomy on every call.
  return assertRole(
    {
      id: options.id ?? (kebab(title) || 'role'),
      title,
      description: `Derived from a job description by roleFromJobDescription (taxonomy ${taxonomy.version}).`,
      requirements,
      diagnostics,
    },
    null,
  );
}
