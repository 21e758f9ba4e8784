/**
 * What a job description arrives as, turned into the one text the reader reads: plain text as
 * given (so spans index the input itself), HTML through the résumé reader's decoder (`htmlToLines`:
 * every entity, `<li>` items as bullets, `<h1>`–`<h6>` as headings), and schema.org `JobPosting`s —
 * an object, JSON text holding one (alone, in an array or in `@graph`), or JSON-LD in a posting page
 * — rendered as headed text so they go through the same rules as a pasted advert.
 */
import { decodeEntities, htmlToLines, type TextLine } from '../parse/index.js';

/** The parts of a schema.org `JobPosting` that carry requirements (https://schema.org/JobPosting). */
export interface JobPosting {
  '@type'?: string | string[];
  title?: string;
  /** Used as the title when `title` is absent. */
  name?: string;
  /** Skills asked for: text, a list, or `DefinedTerm`s (`{name}`). Read as requirements. */
  skills?: JobPostingText;
  /** Read as requirements. */
  qualifications?: JobPostingText;
  /** Text, or `OccupationalExperienceRequirements` (`{monthsOfExperience, description}`). Read as requirements. */
  experienceRequirements?:
    | JobPostingText
    | { '@type'?: string | string[]; monthsOfExperience?: number; description?: string };
  /** Read as responsibilities. */
  responsibilities?: JobPostingText;
  /**
   * The whole advert (HTML allowed, entity-escaped HTML too). Its own headings are honoured; without
   * headings it is the posting's body, read as responsibilities whose phrasing decides what is required.
   */
  description?: string;
  [key: string]: unknown;
}

/** A schema.org term (`DefinedTerm` and the like): JSON-LD gives every nested object its own `@type`. */
type JobPostingTerm = { '@type'?: string | string[]; name?: string; description?: string };

type JobPostingText = string | JobPostingTerm | (string | JobPostingTerm)[];

/** How the input was read. */
export type InputFormat = 'text' | 'html' | 'posting' | 'posting-json' | 'posting-json-ld';

/** The text to read, and what the decoding knows about it. */
export interface DecodedInput {
  text: string;
  format: InputFormat;
  /** The posting's title, when the input is a JobPosting with one. */
  title?: string;
  /** Start offsets of lines known to be headings: HTML `<h1>`–`<h6>`, and the headings a JobPosting is rendered with. */
  headingLines: ReadonlySet<number>;
  /** Where each heading the rendering added came from (`JobPosting.skills`…), by its start offset. */
  headingPlaces: ReadonlyMap<number, string>;
  /** What was decoded, for the `jd-input` diagnostic. */
  note: string;
}

/** Lines joined into text, with the offsets of headings and of the lines a rendering added. */
class TextBuilder {
  private readonly parts: string[] = [];
  private length = 0;
  readonly headingLines = new Set<number>();
  readonly headingPlaces = new Map<number, string>();

  line(text: string, heading = false, place?: string): void {
    if (heading) this.headingLines.add(this.length);
    if (place !== undefined) this.headingPlaces.set(this.length, place);
    this.parts.push(text);
    this.length += text.length + 1;
  }

  lines(lines: readonly TextLine[]): void {
    for (const line of lines) this.line(line.text, line.heading === true);
  }

  blank(): void {
    if (this.parts.length > 0 && this.parts[this.parts.length - 1] !== '') this.line('');
  }

  text(): string {
    return this.parts.join('\n');
  }
}

// An element name after "<" that only markup has; bounded so a page of "<" stays linear.
const HTML_TAG =
  /<\/?(?:html|head|body|div|p|ul|ol|li|br|hr|h[1-6]|span|strong|b|i|em|u|table|tr|td|th|section|article|header|footer|main|script|meta|a|font|dl|dt|dd|blockquote|pre)\b[^<>]{0,500}>/i;
const ESCAPED_TAG = /&lt;\/?(?:p|div|ul|ol|li|br|h[1-6]|strong|b|em|span)\b/i;

/** Whether text is HTML rather than plain text (a tag of a block or inline element). */
export function looksLikeHtml(text: string): boolean {
  return HTML_TAG.test(text);
}

/** Text of an HTML fragment (or of entity-escaped HTML, as JSON-LD descriptions often carry), as lines. */
function markupLines(text: string): TextLine[] {
  const html = !looksLikeHtml(text) && ESCAPED_TAG.test(text) ? decodeEntities(text) : text;
  if (looksLikeHtml(html)) return htmlToLines(html).lines;
  return decodeEntities(html)
    .split(/\r\n|\r|\n/)
    .map((line) => ({ text: line.trim() }));
}

function isPosting(value: unknown): value is JobPosting {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const type = (value as Record<string, unknown>)['@type'];
  return type === 'JobPosting' || (Array.isArray(type) && type.includes('JobPosting'));
}

/** The first JobPosting in parsed JSON: the value itself, an item of an array, or a node of `@graph` (a few levels deep). */
export function findPosting(value: unknown, depth = 0): JobPosting | undefined {
  if (depth > 4 || typeof value !== 'object' || value === null) return undefined;
  if (isPosting(value)) return value;
  const items = Array.isArray(value)
    ? value
    : [(value as Record<string, unknown>)['@graph'], (value as Record<string, unknown>).mainEntity];
  for (const item of items.slice(0, 1000)) {
    const found = findPosting(item, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

const LD_SCRIPT = /<script\b[^<>]{0,500}?\btype\s*=\s*["']?application\/ld\+json["']?[^<>]{0,500}>/gi;

/** The JobPosting in a page's `<script type="application/ld+json">` blocks, if any. */
export function jsonLdPosting(html: string): JobPosting | undefined {
  const lower = html.toLowerCase();
  for (const match of html.matchAll(LD_SCRIPT)) {
    const from = match.index + match[0].length;
    const to = lower.indexOf('</script', from);
    const body = html
      .slice(from, to < 0 ? html.length : to)
      .trim()
      .replace(/^<!--|-->$|^<!\[CDATA\[|\]\]>$/g, '');
    const parsed = parseJson(body);
    const posting = parsed.ok ? findPosting(parsed.value) : undefined;
    if (posting !== undefined) return posting;
  }
  return undefined;
}

function textsOf(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string')
    return markupLines(value)
      .map((line) => line.text.replace(/^•\s*/, '').trim())
      .filter((line) => line !== '');
  if (Array.isArray(value)) return value.flatMap(textsOf);
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const parts = [record.name, record.description]
      .filter((part): part is string => typeof part === 'string' && part.trim() !== '')
      .map((part) => decodeEntities(part).trim());
    const months = record.monthsOfExperience;
    if (typeof months === 'number' && months > 0)
      parts.unshift(`${Math.round((months / 12) * 10) / 10}+ years of experience`);
    return parts.length > 0 ? [parts.join(': ')] : [];
  }
  return [];
}

/** The posting's title (`title`, else `name`), without markup. */
function postingTitle(posting: JobPosting): string | undefined {
  const raw =
    typeof posting.title === 'string' ? posting.title : typeof posting.name === 'string' ? posting.name : undefined;
  if (raw === undefined) return undefined;
  const title = markupLines(raw)
    .map((line) => line.text)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  return title === '' ? undefined : title;
}

/**
 * Renders a JobPosting as headed text: the title, the description (under a "Description" heading
 * when it has no headings of its own, so it is read as the posting's body), then its requirement
 * fields under "Requirements" and its responsibilities under "Responsibilities".
 */
function renderPosting(posting: JobPosting, format: InputFormat, hasHeadings: (text: string) => boolean): DecodedInput {
  const out = new TextBuilder();
  const title = postingTitle(posting);
  if (title !== undefined) out.line(title);
  if (typeof posting.description === 'string' && posting.description.trim() !== '') {
    const lines = markupLines(posting.description);
    out.blank();
    const own = lines.some((line) => line.heading === true) || hasHeadings(lines.map((line) => line.text).join('\n'));
    if (!own) out.line('Description', true, 'JobPosting.description (no headings of its own: the posting body)');
    out.lines(lines);
  }
  const fields: [string, string, string[]][] = [
    [
      'Requirements',
      'JobPosting.skills, qualifications and experienceRequirements',
      [...textsOf(posting.skills), ...textsOf(posting.qualifications), ...textsOf(posting.experienceRequirements)],
    ],
    ['Responsibilities', 'JobPosting.responsibilities', textsOf(posting.responsibilities)],
  ];
  for (const [heading, place, items] of fields) {
    if (items.length === 0) continue;
    out.blank();
    out.line(heading, true, place);
    for (const item of items) out.line(`• ${item}`);
  }
  const where =
    format === 'posting'
      ? 'a JobPosting object'
      : format === 'posting-json'
        ? 'JobPosting JSON'
        : 'the JobPosting JSON-LD of an HTML page';
  return {
    text: out.text(),
    format,
    ...(title === undefined ? {} : { title }),
    headingLines: out.headingLines,
    headingPlaces: out.headingPlaces,
    note: `read ${where}, rendered as headed text (title, description, requirements, responsibilities)`,
  };
}

/**
 * Decodes a job description into the text the reader reads. `hasHeadings` tells whether a
 * description has headings of its own (the reader's rule, passed in to keep this file about input).
 */
export function decodeInput(input: string | JobPosting, hasHeadings: (text: string) => boolean): DecodedInput {
  if (typeof input !== 'string') return renderPosting(input, 'posting', hasHeadings);
  const start = input.trimStart();
  if (start.startsWith('{') || start.startsWith('[')) {
    const parsed = parseJson(input);
    const posting = parsed.ok ? findPosting(parsed.value) : undefined;
    if (posting !== undefined) return renderPosting(posting, 'posting-json', hasHeadings);
    if (parsed.ok)
      return {
        text: input,
        format: 'text',
        headingLines: new Set(),
        headingPlaces: new Map(),
        note: 'JSON without a JobPosting (no "@type": "JobPosting" at the top, in an array or in @graph): read as plain text',
      };
  }
  if (looksLikeHtml(input)) {
    const posting = jsonLdPosting(input);
    if (posting !== undefined) return renderPosting(posting, 'posting-json-ld', hasHeadings);
    const out = new TextBuilder();
    out.lines(htmlToLines(input).lines);
    return {
      text: out.text(),
      format: 'html',
      headingLines: out.headingLines,
      headingPlaces: out.headingPlaces,
      note: 'read as HTML: its visible text, list items as bullets, h1–h6 as headings, entities decoded',
    };
  }
  return {
    text: input,
    format: 'text',
    headingLines: new Set(),
    headingPlaces: new Map(),
    note: 'read as plain text: spans index the input as given',
  };
}
