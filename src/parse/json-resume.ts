/**
 * JSON Resume (https://jsonresume.org/schema, v1.0.0) in: validated with zod, then written out as résumé text
 * with headings, so it yields the same kind of document (sections, timeline, spans) as a PDF or DOCX would.
 *
 * The schema is followed where it is strict and permissive where it is: every field is optional and unknown
 * keys are allowed everywhere. Two tolerances beyond it, because exporters write them: a date may be `''`
 * (read as missing), and an `endDate` may be "present"/"current"/"now". The legacy `company`/`website` keys of
 * `work[]` (schema 0.x) are read as `name`/`url`.
 *
 * Volunteer work is written under its own heading (a section of kind `other`) and is not part of the
 * timeline, which holds employment only, as the heading rules for text résumés do.
 */
import type { z as zod } from 'zod';
import { ParseError, ValidationError, type ValidationIssue } from '../errors.js';
import type { Diagnostic, Section, SectionKind, Span, TimelineEntry, YearMonth } from '../types.js';
import { resolveAsOf } from '../util/month.js';
import { findDateRanges } from './dates.js';
import { requireDependency } from '../load.js';

const ISO_DATE = /^[12]\d{3}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;
const PRESENT = /^(?:present|current|now|ongoing)$/i;

const DATE_MESSAGE = 'Expected an ISO 8601 date: YYYY, YYYY-MM or YYYY-MM-DD';

/** The field types the sub-schemas share: text, a list of texts, a date, and an end date that may be "present". */
function fieldSchemas(z: typeof zod) {
  const isoDate = z.union([z.string().regex(ISO_DATE, { message: DATE_MESSAGE }), z.literal('')]);
  return {
    text: z.string(),
    texts: z.array(z.string()),
    isoDate,
    endDate: z.union([isoDate, z.string().regex(PRESENT, { message: DATE_MESSAGE })]),
  };
}

type Fields = ReturnType<typeof fieldSchemas>;

/** `basics`: who the résumé is of, with `location` and `profiles[]`. */
function basicsSchema(z: typeof zod, { text }: Fields) {
  const location = z.looseObject({
    address: text.optional(),
    postalCode: text.optional(),
    city: text.optional(),
    countryCode: text.optional(),
    region: text.optional(),
  });
  const profile = z.looseObject({ network: text.optional(), username: text.optional(), url: text.optional() });
  return z.looseObject({
    name: text.optional(),
    label: text.optional(),
    image: text.optional(),
    email: text.optional(),
    phone: text.optional(),
    url: text.optional(),
    summary: text.optional(),
    location: location.optional(),
    profiles: z.array(profile).optional(),
  });
}

/** A `work[]` item, with the legacy `company`/`website` keys of schema 0.x. */
function workSchema(z: typeof zod, { text, texts, isoDate, endDate }: Fields) {
  return z.looseObject({
    name: text.optional(),
    company: text.optional(),
    location: text.optional(),
    description: text.optional(),
    position: text.optional(),
    url: text.optional(),
    website: text.optional(),
    startDate: isoDate.optional(),
    endDate: endDate.optional(),
    summary: text.optional(),
    highlights: texts.optional(),
  });
}

/** A `volunteer[]` item. */
function volunteerSchema(z: typeof zod, { text, texts, isoDate, endDate }: Fields) {
  return z.looseObject({
    organization: text.optional(),
    position: text.optional(),
    url: text.optional(),
    startDate: isoDate.optional(),
    endDate: endDate.optional(),
    summary: text.optional(),
    highlights: texts.optional(),
  });
}

/** An `education[]` item. */
function educationSchema(z: typeof zod, { text, texts, isoDate, endDate }: Fields) {
  return z.looseObject({
    institution: text.optional(),
    url: text.optional(),
    area: text.optional(),
    studyType: text.optional(),
    startDate: isoDate.optional(),
    endDate: endDate.optional(),
    score: text.optional(),
    courses: texts.optional(),
  });
}

/** An `awards[]` item. */
function awardSchema(z: typeof zod, { text, isoDate }: Fields) {
  return z.looseObject({
    title: text.optional(),
    date: isoDate.optional(),
    awarder: text.optional(),
    summary: text.optional(),
  });
}

/** A `certificates[]` item. */
function certificateSchema(z: typeof zod, { text, isoDate }: Fields) {
  return z.looseObject({
    name: text.optional(),
    date: isoDate.optional(),
    url: text.optional(),
    issuer: text.optional(),
  });
}

/** A `publications[]` item. */
function publicationSchema(z: typeof zod, { text, isoDate }: Fields) {
  return z.looseObject({
    name: text.optional(),
    publisher: text.optional(),
    releaseDate: isoDate.optional(),
    url: text.optional(),
    summary: text.optional(),
  });
}

/** A `projects[]` item. */
function projectSchema(z: typeof zod, { text, texts, isoDate, endDate }: Fields) {
  return z.looseObject({
    name: text.optional(),
    description: text.optional(),
    highlights: texts.optional(),
    keywords: texts.optional(),
    startDate: isoDate.optional(),
    endDate: endDate.optional(),
    url: text.optional(),
    roles: texts.optional(),
    entity: text.optional(),
    type: text.optional(),
  });
}

/** Builds the JSON Resume schema with the zod it is given (see `jsonResumeSchema`), section by section. */
function buildJsonResumeSchema(z: typeof zod) {
  const fields = fieldSchemas(z);
  const { text, texts } = fields;
  return z.looseObject({
    $schema: text.optional(),
    basics: basicsSchema(z, fields).optional(),
    work: z.array(workSchema(z, fields)).optional(),
    volunteer: z.array(volunteerSchema(z, fields)).optional(),
    education: z.array(educationSchema(z, fields)).optional(),
    awards: z.array(awardSchema(z, fields)).optional(),
    certificates: z.array(certificateSchema(z, fields)).optional(),
    publications: z.array(publicationSchema(z, fields)).optional(),
    skills: z
      .array(z.looseObject({ name: text.optional(), level: text.optional(), keywords: texts.optional() }))
      .optional(),
    languages: z.array(z.looseObject({ language: text.optional(), fluency: text.optional() })).optional(),
    interests: z.array(z.looseObject({ name: text.optional(), keywords: texts.optional() })).optional(),
    references: z.array(z.looseObject({ name: text.optional(), reference: text.optional() })).optional(),
    projects: z.array(projectSchema(z, fields)).optional(),
    meta: z
      .looseObject({ canonical: text.optional(), version: text.optional(), lastModified: text.optional() })
      .optional(),
  });
}

let schema: ReturnType<typeof buildJsonResumeSchema> | undefined;

/** The JSON Resume schema (v1.0.0), every field optional, unknown keys allowed; built (and zod loaded) with the first JSON Resume read. */
export function jsonResumeSchema(): ReturnType<typeof buildJsonResumeSchema> {
  schema ??= buildJsonResumeSchema(requireDependency<{ z: typeof zod }>('zod').z);
  return schema;
}

/** A JSON Resume document, as validated. */
export type JsonResume = zod.infer<ReturnType<typeof jsonResumeSchema>>;

const TOP_LEVEL_KEYS = [
  'basics',
  'work',
  'volunteer',
  'education',
  'awards',
  'certificates',
  'publications',
  'skills',
  'languages',
  'interests',
  'references',
  'projects',
];

/**
 * Whether a parsed JSON value is meant as a JSON Resume: an object with at least one of its top-level keys
 * (`basics`, `work`, `education`, `skills`, `projects`, …) or a `$schema` naming jsonresume. It does not
 * validate: {@link jsonResumeToDocument} does, and reports every problem.
 */
export function isJsonResume(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  if (typeof record.$schema === 'string' && /jsonresume/i.test(record.$schema)) return true;
  return TOP_LEVEL_KEYS.some((key) => Object.hasOwn(record, key));
}

/**
 * A JSON Resume given as an object rather than as its JSON text: any object {@link isJsonResume}
 * accepts. It is validated when read, like the text.
 */
export type JsonResumeObject = { readonly [key: string]: unknown };

/**
 * The JSON text of a JSON Resume object, so it is read exactly as its text would be (same detection,
 * limits, validation and errors). Anything else that is not bytes or text is misuse: `TypeError`.
 */
export function jsonResumeText(value: unknown): string {
  if (!isJsonResume(value)) {
    throw new TypeError(
      '`input` must be a Uint8Array, a string, or a JSON Resume object (with keys such as basics, work, skills, education)',
    );
  }
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (error) {
    throw new TypeError(
      `\`input\` is a JSON Resume object that cannot be written as JSON: ${(error as Error).message}`,
    );
  }
  // A `toJSON()` returning undefined writes nothing.
  if (typeof text !== 'string') throw new TypeError('`input` is a JSON Resume object whose toJSON() returns no JSON');
  return text;
}

/** Options for {@link jsonResumeToDocument}. */
export interface JsonResumeOptions {
  /**
   * The month the résumé is read in, `YYYY-MM`, for `date-range-future`.
   * @default the current month (UTC)
   */
  asOf?: string;
}

/** The document parts built from a JSON Resume. */
export interface JsonResumeDocument {
  text: string;
  lines: Span[];
  sections: Section[];
  timeline: TimelineEntry[];
  diagnostics: Diagnostic[];
}

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2019" → "2019", "2019-03(-15)" → "Mar 2019": how a résumé writes it, and what the date reader reads back. */
function writeDate(date: string): string {
  if (date.length === 4) return date;
  return `${MONTH_NAMES[Number(date.slice(5, 7)) - 1] as string} ${date.slice(0, 4)}`;
}

function present(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== '';
}

function writeRange(start: string | undefined, end: string | undefined, openEnd: boolean): string | null {
  const hasStart = present(start);
  const hasEnd = present(end) && !PRESENT.test(end);
  if (!hasStart) return hasEnd ? writeDate(end) : null;
  if (hasEnd) return `${writeDate(start)} – ${writeDate(end)}`;
  return openEnd ? `${writeDate(start)} – Present` : writeDate(start);
}

/** Builds the text line by line, keeping each line's span. */
class Writer {
  readonly lines: Span[] = [];
  private readonly parts: string[] = [];
  private length = 0;

  /** Appends one line per line of `value` (internal line breaks kept as lines); returns the span of all of them. */
  write(value: string): Span {
    const start = this.position();
    for (const line of value.split(/\r\n|\r|\n|\u2028|\u2029/)) {
      if (this.lines.length > 0) {
        this.parts.push('\n');
        this.length += 1;
      }
      const clean = line.replace(/\s+$/u, '');
      this.lines.push({ start: this.length, end: this.length + clean.length });
      this.parts.push(clean);
      this.length += clean.length;
    }
    return { start, end: this.length };
  }

  /** Where the next line will start. */
  position(): number {
    return this.lines.length === 0 ? 0 : this.length + 1;
  }

  get end(): number {
    return this.length;
  }

  get text(): string {
    return this.parts.join('');
  }
}

function join(values: (string | undefined)[], separator: string): string {
  return values
    .filter(present)
    .map((value) => value.trim())
    .join(separator);
}

function toIssues(error: zod.ZodError): ValidationIssue[] {
  return error.issues.map((issue) => ({
    code: issue.code,
    path: issue.path.map((key) => (typeof key === 'number' ? key : String(key))),
    message: issue.message,
  }));
}

/** Reads a JSON Resume given as an object or JSON text, and validates it. */
function readJsonResume(value: unknown): JsonResume {
  let input = value;
  if (typeof value === 'string') {
    try {
      input = JSON.parse(value.replace(/^\uFEFF/, ''));
    } catch (error) {
      throw new ParseError('json-corrupt', `Not valid JSON: ${(error as Error).message}`, { cause: error });
    }
  }
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new ValidationError('invalid-json-resume', 'A JSON Resume must be a JSON object', [
      { code: 'invalid_type', path: [], message: 'Expected an object' },
    ]);
  }
  const parsed = jsonResumeSchema().safeParse(input);
  if (!parsed.success) {
    const issues = toIssues(parsed.error);
    const first = issues[0];
    const where = first === undefined ? '' : ` (first at ${first.path.join('.') || 'the top level'}: ${first.message})`;
    throw new ValidationError(
      'invalid-json-resume',
      `Not a valid JSON Resume: ${issues.length} issue${issues.length === 1 ? '' : 's'}${where}`,
      issues,
    );
  }
  return parsed.data;
}

/** One item of a list section of a JSON Resume (`work`, `skills`, …). */
type ItemOf<K extends keyof JsonResume> = NonNullable<JsonResume[K]> extends readonly (infer T)[] ? T : never;

/** A heading as written: the section it starts. */
interface WrittenHeading {
  kind: SectionKind;
  heading: string;
  span: Span;
}

/** The document being written from a JSON Resume: its text, the headings so far, timeline and diagnostics. */
interface Draft {
  readonly out: Writer;
  readonly headings: WrittenHeading[];
  readonly timeline: TimelineEntry[];
  readonly diagnostics: Diagnostic[];
  readonly asOf: YearMonth;
}

/** Writes a heading line, after a blank line unless it is the first line. */
function writeHeading(draft: Draft, title: string, kind: SectionKind): void {
  if (draft.out.lines.length > 0) draft.out.write('');
  draft.headings.push({ kind, heading: title, span: draft.out.write(title) });
}

/** Writes a section's heading and its items, each with `writeItem`; nothing for no items. */
function writeSection<T>(
  draft: Draft,
  items: readonly T[] | undefined,
  title: string,
  kind: SectionKind,
  writeItem: (draft: Draft, item: T, index: number) => void,
): void {
  if (items === undefined || items.length === 0) return;
  writeHeading(draft, title, kind);
  for (let index = 0; index < items.length; index++) writeItem(draft, items[index] as T, index);
}

/** Writes an entry: its header line, date range, body paragraphs and `• ` highlights, each when present. */
function writeEntry(
  out: Writer,
  header: string,
  range: string | null,
  body: (string | undefined)[],
  highlights: string[] | undefined,
): { first: number; dateSpan: Span | null; end: number } {
  const first = out.position();
  if (header !== '') out.write(header);
  const dateSpan = range === null ? null : out.write(range);
  for (const paragraph of body) if (present(paragraph)) out.write(paragraph.trim());
  for (const highlight of highlights ?? []) if (present(highlight)) out.write(`• ${highlight.trim()}`);
  return { first, dateSpan, end: out.end };
}

/** Writes `basics` as the untitled lines at the top: name, label, contact, address, one line per profile. */
function writeBasics(out: Writer, basics: NonNullable<JsonResume['basics']>): void {
  if (present(basics.name)) out.write(basics.name.trim());
  if (present(basics.label)) out.write(basics.label.trim());
  const contact = join([basics.email, basics.phone, basics.url], ' · ');
  if (contact !== '') out.write(contact);
  const place = basics.location;
  if (place !== undefined) {
    const line = join(
      [place.address, place.city, join([place.region, place.postalCode], ' '), place.countryCode],
      ', ',
    );
    if (line !== '') out.write(line);
  }
  for (const item of basics.profiles ?? []) {
    const line = join(
      [item.network === undefined ? undefined : `${item.network.trim()}:`, item.url ?? item.username],
      ' ',
    );
    if (line !== '') out.write(line);
  }
}

/** Writes a `work[]` item as an entry, and adds it to the timeline when its dates read as a range. */
function writeWork(draft: Draft, item: ItemOf<'work'>, index: number): void {
  const organisation = present(item.name) ? item.name.trim() : present(item.company) ? item.company.trim() : undefined;
  const title = present(item.position) ? item.position.trim() : undefined;
  const header =
    title !== undefined && organisation !== undefined ? `${title} at ${organisation}` : (title ?? organisation ?? '');
  const range = writeRange(item.startDate, item.endDate, true);
  const { first, dateSpan, end } = writeEntry(
    draft.out,
    header,
    range,
    [item.location, item.description, item.summary],
    item.highlights,
  );
  if (!present(item.startDate) || dateSpan === null || range === null) {
    draft.diagnostics.push({
      severity: 'info',
      code: 'json-resume-undated-work',
      message: `work[${index}] has no startDate and is left out of the timeline`,
      source: 'parse',
      place: `work[${index}]`,
    });
    return;
  }
  // The range as written (`range` is one line), not a slice of `out.text`: joining the whole text for each entry made this quadratic.
  const found = findDateRanges(range, { asOf: draft.asOf, offset: dateSpan.start })[0];
  if (found === undefined) return;
  const entry: TimelineEntry = {} as TimelineEntry;
  if (title !== undefined) entry.title = title;
  if (organisation !== undefined) entry.organisation = organisation;
  entry.start = found.start as YearMonth;
  entry.end = found.end;
  entry.span = { start: first, end: Math.max(end, first) };
  entry.dateSpan = found.span;
  // The header is "<title> at <organisation>", or either alone.
  if (title !== undefined) entry.titleSpan = { start: first, end: first + title.length };
  if (organisation !== undefined)
    entry.organisationSpan = { start: first + header.length - organisation.length, end: first + header.length };
  draft.timeline.push(entry);
  for (const diagnostic of found.diagnostics ?? []) draft.diagnostics.push({ ...diagnostic, place: `work[${index}]` });
}

/** Writes a `volunteer[]` item as an entry (not on the timeline, which holds employment only). */
function writeVolunteer({ out }: Draft, item: ItemOf<'volunteer'>): void {
  const header = join([item.position, item.organization], ' at ');
  writeEntry(out, header, writeRange(item.startDate, item.endDate, true), [item.summary], item.highlights);
}

/** Writes an `education[]` item: "BSc in Computer Science, University", dates, score and courses. */
function writeEducation({ out }: Draft, item: ItemOf<'education'>): void {
  const degree = join([item.studyType, item.area], ' in ');
  const header = join([degree, item.institution], ', ');
  const courses =
    item.courses !== undefined && item.courses.length > 0
      ? `Courses: ${item.courses.filter(present).join(', ')}`
      : undefined;
  writeEntry(
    out,
    header,
    writeRange(item.startDate, item.endDate, false),
    [present(item.score) ? `Score: ${item.score.trim()}` : undefined, courses],
    undefined,
  );
}

/** Writes a `projects[]` item as an entry, its keywords on a line after the highlights. */
function writeProject({ out }: Draft, item: ItemOf<'projects'>): void {
  const roles =
    item.roles !== undefined && item.roles.length > 0 ? `Roles: ${item.roles.filter(present).join(', ')}` : undefined;
  const keywords =
    item.keywords !== undefined && item.keywords.length > 0
      ? `Keywords: ${item.keywords.filter(present).join(', ')}`
      : undefined;
  writeEntry(
    out,
    join([item.name, item.entity], ', '),
    writeRange(item.startDate, item.endDate, true),
    [roles, item.description],
    item.highlights,
  );
  if (keywords !== undefined) out.write(keywords);
}

/** Writes a `skills[]` group as one line: "Backend (Expert): Node.js, PostgreSQL". */
function writeSkill({ out }: Draft, item: ItemOf<'skills'>): void {
  const name = present(item.name) ? item.name.trim() : '';
  const label = present(item.level) && name !== '' ? `${name} (${item.level.trim()})` : name;
  const keywords = (item.keywords ?? [])
    .filter(present)
    .map((keyword) => keyword.trim())
    .join(', ');
  const line = label !== '' && keywords !== '' ? `${label}: ${keywords}` : label || keywords;
  if (line !== '') out.write(line);
}

/** Writes a `certificates[]` item as one line: name, issuer, date. */
function writeCertificate({ out }: Draft, item: ItemOf<'certificates'>): void {
  const line = join([item.name, item.issuer, present(item.date) ? writeDate(item.date) : undefined], ', ');
  if (line !== '') out.write(line);
}

/** Writes an `awards[]` item: title, awarder and date, then its summary. */
function writeAward({ out }: Draft, item: ItemOf<'awards'>): void {
  writeEntry(
    out,
    join([item.title, item.awarder, present(item.date) ? writeDate(item.date) : undefined], ', '),
    null,
    [item.summary],
    undefined,
  );
}

/** Writes a `publications[]` item: name, publisher and date, then its summary. */
function writePublication({ out }: Draft, item: ItemOf<'publications'>): void {
  writeEntry(
    out,
    join([item.name, item.publisher, present(item.releaseDate) ? writeDate(item.releaseDate) : undefined], ', '),
    null,
    [item.summary],
    undefined,
  );
}

/** Writes a `languages[]` item as one line: "German (Fluent)". */
function writeLanguage({ out }: Draft, item: ItemOf<'languages'>): void {
  const line =
    present(item.language) && present(item.fluency)
      ? `${item.language.trim()} (${item.fluency.trim()})`
      : join([item.language, item.fluency], '');
  if (line !== '') out.write(line);
}

/** Writes an `interests[]` item as one line: "Music: jazz, piano". */
function writeInterest({ out }: Draft, item: ItemOf<'interests'>): void {
  const keywords = (item.keywords ?? []).filter(present).join(', ');
  const line =
    present(item.name) && keywords !== '' ? `${item.name.trim()}: ${keywords}` : join([item.name, keywords], '');
  if (line !== '') out.write(line);
}

/** Writes a `references[]` item: the name, then the reference. */
function writeReference({ out }: Draft, item: ItemOf<'references'>): void {
  writeEntry(out, join([item.name], ''), null, [item.reference], undefined);
}

/**
 * The sections of the written text: the untitled contact section when there are lines before the first
 * heading, then one section per heading up to the next (the first from the start when there is no top).
 */
function writtenSections(headings: WrittenHeading[], hasTop: boolean, length: number): Section[] {
  const sections: Section[] = [];
  if (hasTop) {
    const firstHeading = headings[0];
    sections.push({
      kind: 'contact',
      heading: '',
      headingSpan: null,
      span: { start: 0, end: firstHeading === undefined ? length : firstHeading.span.start },
    });
  }
  headings.forEach((item, index) => {
    const next = headings[index + 1];
    const start = index === 0 && !hasTop ? 0 : item.span.start;
    sections.push({
      kind: item.kind,
      heading: item.heading,
      headingSpan: item.span,
      span: { start, end: next === undefined ? length : next.span.start },
    });
  });
  return sections;
}

/**
 * Turns a JSON Resume (object or JSON string) into document text with headings ("Work Experience", "Skills",
 * …) and the matching sections and timeline. `basics` becomes the untitled contact section (its `summary` a
 * "Summary" section), each `work[]` item a timeline entry whose span covers its header, dates, summary and
 * highlights, each `skills[]` group one line ("Backend: Node.js, PostgreSQL"). A work item without `startDate`
 * is written out but not dated (`json-resume-undated-work`); a missing `endDate` means present.
 *
 * @throws ValidationError with code `invalid-json-resume` listing every issue with its path, when the value
 * does not have the JSON Resume shape; ParseError `json-corrupt` for a string that is not JSON.
 */
export function jsonResumeToDocument(value: unknown, options: JsonResumeOptions = {}): JsonResumeDocument {
  const asOf = resolveAsOf(options.asOf);
  const resume = readJsonResume(value);
  const draft: Draft = { out: new Writer(), headings: [], timeline: [], diagnostics: [], asOf };
  const { out } = draft;
  const basics = resume.basics;
  if (basics !== undefined) writeBasics(out, basics);
  const hasTop = out.lines.length > 0;
  if (present(basics?.summary)) {
    writeHeading(draft, 'Summary', 'summary');
    out.write(basics.summary.trim());
  }
  writeSection(draft, resume.work, 'Work Experience', 'experience', writeWork);
  writeSection(draft, resume.volunteer, 'Volunteer Experience', 'other', writeVolunteer);
  writeSection(draft, resume.education, 'Education', 'education', writeEducation);
  writeSection(draft, resume.projects, 'Projects', 'projects', writeProject);
  writeSection(draft, resume.skills, 'Skills', 'skills', writeSkill);
  writeSection(draft, resume.certificates, 'Certifications', 'certifications', writeCertificate);
  writeSection(draft, resume.awards, 'Awards', 'other', writeAward);
  writeSection(draft, resume.publications, 'Publications', 'other', writePublication);
  writeSection(draft, resume.languages, 'Languages', 'other', writeLanguage);
  writeSection(draft, resume.interests, 'Interests', 'other', writeInterest);
  writeSection(draft, resume.references, 'References', 'other', writeReference);
  const text = out.text;
  return {
    text,
    lines: out.lines.length === 0 ? [{ start: 0, end: 0 }] : out.lines,
    sections: writtenSections(draft.headings, hasTop, text.length),
    timeline: draft.timeline,
    diagnostics: draft.diagnostics,
  };
}
