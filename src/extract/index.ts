/**
 * The extract stage: ResumeDocument (or plain text) + taxonomy → SkillProfile, every skill with
 * the words it came from. Pipeline per document: one token scan, exact alias hits (longest
 * first), the ambiguity passes (`passes/`) for ambiguous aliases and employers, the typo fallback
 * for leftover technical tokens, cue flags (negation, aspiration, proficiency), then time facts
 * from the timeline. Everything per taxonomy (alias index, typo index) is built once by
 * `createExtractor`.
 */
import { EXTRACT_DEFAULTS, PROFILE_VERSION } from '../defaults.js';
import {
  buildAliasIndex,
  builtinTaxonomy,
  impliedClosure,
  taxonomyOrdinals,
  type AliasIndex,
  type Ordinals,
  type Taxonomy,
} from '../taxonomy/index.js';
import type { Diagnostic, ExtractedSkill, ImpliedSkill, ResumeDocument, SkillProfile, UnknownTool } from '../types.js';
import { resolveAsOf } from '../util/month.js';
import {
  checkDocument,
  countWords,
  documentFromText,
  documentMonth,
  indexDocument,
  type DocumentIndex,
} from './document.js';
import { buildTypoIndex, type TypoIndex } from './fuzzy.js';
import { toolsFields, unknownItems } from './fields.js';
import { findHits, type Hit, type HitLimits } from './match.js';
import { decideHits, lineInfo, type Decision, type LineLookup } from './passes/index.js';
import { gatherMentions, skillKind, skillRecords, type KeptHit } from './skills.js';
import { scanDocument, type DocTokens } from './tokens.js';
import { experienceFacts } from './titles.js';
import { findTypoHits } from './typos.js';

/** Options of `extractSkills` and `Extractor.extract`. */
export interface ExtractOptions {
  /**
   * Taxonomy to match against (ignored by `Extractor.extract`, which has its own).
   * @default builtinTaxonomy()
   */
  taxonomy?: Taxonomy;
  /** A prebuilt alias index of `taxonomy` (from `buildAliasIndex`), to skip building one. */
  index?: AliasIndex;
  /**
   * The month open date ranges ("2021 – present") end at, `YYYY-MM`.
   * @default the current month (UTC)
   */
  asOf?: string;
  /**
   * Look leftover technical-looking tokens up by typo tolerance.
   * @default EXTRACT_DEFAULTS.fuzzy (true)
   */
  fuzzy?: boolean;
  /**
   * Least similarity for a typo to count, in [0, 1].
   * @default EXTRACT_DEFAULTS.fuzzyThreshold (0.85)
   */
  fuzzyThreshold?: number;
  /**
   * Most fuse.js look-ups per document.
   * @default EXTRACT_DEFAULTS.maxFuzzyLookups (12)
   */
  maxFuzzyLookups?: number;
  /**
   * Use part-of-speech tagging (`compromise`) for ambiguous words no cheaper rule decided.
   * @default EXTRACT_DEFAULTS.context (true)
   */
  context?: boolean;
  /**
   * Most sentences tagged per document.
   * @default EXTRACT_DEFAULTS.maxContextSentences (40)
   */
  maxContextSentences?: number;
}

/** An extractor bound to one taxonomy; its indexes are built once and reused for every document. */
export interface Extractor {
  readonly taxonomy: Taxonomy;
  readonly index: AliasIndex;
  /** Extracts the skill profile of one document (or plain text). */
  extract(doc: ResumeDocument | string, options?: Omit<ExtractOptions, 'taxonomy' | 'index'>): SkillProfile;
}

/** The options with their defaults, checked. */
type CheckedOptions = Required<Omit<ExtractOptions, 'taxonomy' | 'index'>>;

function checkOptions(options: ExtractOptions): CheckedOptions {
  if (options === null || typeof options !== 'object') throw new TypeError('`options` must be an object');
  const asOf = resolveAsOf(options.asOf);
  const fuzzyThreshold = options.fuzzyThreshold ?? EXTRACT_DEFAULTS.fuzzyThreshold;
  if (typeof fuzzyThreshold !== 'number' || !(fuzzyThreshold >= 0 && fuzzyThreshold <= 1))
    throw new RangeError('`fuzzyThreshold` must be a number from 0 to 1');
  const maxFuzzyLookups = options.maxFuzzyLookups ?? EXTRACT_DEFAULTS.maxFuzzyLookups;
  if (!Number.isInteger(maxFuzzyLookups) || maxFuzzyLookups < 0)
    throw new RangeError('`maxFuzzyLookups` must be a non-negative integer');
  const maxContextSentences = options.maxContextSentences ?? EXTRACT_DEFAULTS.maxContextSentences;
  if (!Number.isInteger(maxContextSentences) || maxContextSentences < 0)
    throw new RangeError('`maxContextSentences` must be a non-negative integer');
  const fuzzy = options.fuzzy ?? EXTRACT_DEFAULTS.fuzzy;
  if (typeof fuzzy !== 'boolean') throw new TypeError('`fuzzy` must be a boolean');
  const context = options.context ?? EXTRACT_DEFAULTS.context;
  if (typeof context !== 'boolean') throw new TypeError('`context` must be a boolean');
  return { asOf, fuzzy, fuzzyThreshold, maxFuzzyLookups, context, maxContextSentences };
}

function impliedOf(skillId: string, index: AliasIndex): ImpliedSkill[] {
  return impliedClosure(skillId, index.skills).map(({ id, weight }) => ({
    id,
    name: index.skills.get(id)!.name,
    weight,
    implied: true as const,
  }));
}

/** The hits the passes kept, in order; a diagnostic for each ambiguous (or employer) entry dropped, up to a cap. */
function keptHits(
  text: string,
  hits: readonly Hit[],
  decisions: readonly Decision[],
  diagnostics: Diagnostic[],
): KeptHit[] {
  const kept: KeptHit[] = [];
  const cap = EXTRACT_DEFAULTS.maxDroppedDiagnostics;
  let dropped = 0;
  // Indexed loops: on a hostile text of 200,000 hits an unoptimised `for…of` allocates per hit.
  for (let k = 0; k < hits.length; k++) {
    const hit = hits[k]!;
    const d = decisions[k]!;
    if (d.kept.length > 0) kept.push({ hit, entries: d.kept });
    for (let m = 0; m < d.dropped.length; m++) {
      const { entry, reason } = d.dropped[m]!;
      if (entry.ambiguity === null && reason !== 'employer') continue;
      dropped++;
      if (dropped <= cap) {
        diagnostics.push({
          severity: 'info',
          code: 'ambiguous-mention-dropped',
          message: `"${text.slice(hit.start, hit.end)}" not counted as ${entry.skillId} (${reason})`,
          source: 'extract',
          span: { start: hit.start, end: hit.end },
        });
      }
    }
  }
  if (dropped > cap) {
    diagnostics.push({
      severity: 'info',
      code: 'ambiguous-mention-dropped',
      message: `${dropped - cap} more ambiguous words not counted as skills`,
      source: 'extract',
    });
  }
  return kept;
}

const HIT_LIMITS: HitLimits = {
  perName: EXTRACT_DEFAULTS.maxHitsPerName,
  perDocument: EXTRACT_DEFAULTS.maxHitsPerDocument,
};

/** Most names with a `mentions-capped` warning of their own, and listed in a `document-hits-capped` one. */
const LISTED_UNREAD = 20;

/**
 * A `mentions-capped` warning per name read only up to its limit (in order of its first hit past it; past
 * twenty names, one more counts the rest), and a `document-hits-capped` warning when the budget of the whole
 * document ran out, naming what was never read.
 */
function cappedHits(
  kept: readonly Hit[],
  overName: ReadonlyMap<string, number>,
  overDocument: ReadonlyMap<string, number>,
  diagnostics: Diagnostic[],
): void {
  const { maxHitsPerName, maxHitsPerDocument } = EXTRACT_DEFAULTS;
  let named = 0;
  for (const [key, more] of overName) {
    if (++named > LISTED_UNREAD) break;
    diagnostics.push({
      severity: 'warning',
      code: 'mentions-capped',
      message: `"${key}" occurs ${maxHitsPerName + more} times: the first ${maxHitsPerName} are read, ${more} more only counted`,
      source: 'extract',
    });
  }
  if (overName.size > LISTED_UNREAD) {
    diagnostics.push({
      severity: 'warning',
      code: 'mentions-capped',
      message: `${overName.size - LISTED_UNREAD} more names occur more than ${maxHitsPerName} times: their first ${maxHitsPerName} are read, the rest only counted`,
      source: 'extract',
    });
  }
  if (overDocument.size === 0) return;
  const read = new Set<string>();
  for (let k = 0; k < kept.length; k++) read.add(kept[k]!.key);
  let more = 0;
  const unread: string[] = [];
  for (const [key, count] of overDocument) {
    more += count;
    if (!read.has(key)) unread.push(`"${key}" (${count})`);
  }
  const listed = unread.slice(0, LISTED_UNREAD).join(', ');
  const rest = unread.length > LISTED_UNREAD ? ` and ${unread.length - LISTED_UNREAD} more` : '';
  diagnostics.push({
    severity: 'warning',
    code: 'document-hits-capped',
    message:
      `the document names skills ${maxHitsPerDocument + more} times: the first ${maxHitsPerDocument} are read, ${more} more only counted` +
      (unread.length > 0 ? `; never read: ${listed}${rest}` : ''),
    source: 'extract',
  });
}

/** One document's tokens, look-ups and kept hits, before skills are built from them. */
interface DocumentRead {
  tokens: DocTokens;
  docIndex: DocumentIndex;
  lines: LineLookup;
  covered: Uint8Array;
  kept: KeptHit[];
  fields: Int32Array;
}

/**
 * The unknown tools of a document (items of tools fields no kept hit covers, that look like product
 * names), up to the cap; an `unknown-tool` diagnostic for each distinct name.
 */
function unknownTools(r: DocumentRead, diagnostics: Diagnostic[]): UnknownTool[] {
  const kept = new Uint8Array(r.tokens.tokens.length);
  for (let k = 0; k < r.kept.length; k++) {
    const { hit } = r.kept[k]!;
    for (let i = hit.from; i < hit.to; i++) kept[i] = 1;
  }
  const out: UnknownTool[] = [];
  const named = new Set<string>();
  for (const item of unknownItems(r.tokens, r.fields, kept)) {
    if (out.length >= EXTRACT_DEFAULTS.maxUnknownTools) break;
    const span = { start: r.tokens.tokens[item.from]!.start, end: r.tokens.tokens[item.to - 1]!.end };
    const text = r.tokens.text.slice(span.start, span.end);
    out.push({ text, span, section: r.docIndex.sectionAt(item.from) });
    const key = text.toLowerCase();
    if (named.has(key)) continue;
    named.add(key);
    diagnostics.push({
      severity: 'info',
      code: 'unknown-tool',
      message: `"${text}" in a tools field is no skill the taxonomy knows`,
      source: 'extract',
      span: { start: span.start, end: span.end },
    });
  }
  return out;
}

/** What an extractor holds per taxonomy: built once, read by every document. */
interface TaxonomyParts {
  index: AliasIndex;
  ordinals: Ordinals;
  /** The implied skills of a skill id, as fresh objects. */
  implied: (id: string) => ImpliedSkill[];
  /** The typo index, built at the first document that needs it. */
  typoIndex: () => TypoIndex;
  /** A skill's kind, when the taxonomy states kinds (one written before kinds states none). */
  kindOf: ((skillId: string) => NonNullable<ExtractedSkill['kind']>) | undefined;
}

function taxonomyParts(taxonomy: Taxonomy, prebuilt: AliasIndex | undefined): TaxonomyParts {
  const index = prebuilt ?? buildAliasIndex(taxonomy);
  let typo: TypoIndex | undefined;
  // Implied skills depend on the taxonomy only: computed once per skill.
  const impliedCache = new Map<string, ImpliedSkill[]>();
  const implied = (id: string): ImpliedSkill[] => {
    let list = impliedCache.get(id);
    if (list === undefined) {
      list = impliedOf(id, index);
      impliedCache.set(id, list);
    }
    // Fresh objects per profile (callers may mutate them), written out rather than spread: spreading is slower.
    return list.map((i) => ({ id: i.id, name: i.name, weight: i.weight, implied: true as const }));
  };
  // Kinds steer the heading pass only when the taxonomy states them (one written before kinds states none).
  const statesKinds = taxonomy.skills.some((s) => Reflect.get(s, 'kind') !== undefined);
  const kindOf = statesKinds
    ? (skillId: string): NonNullable<ExtractedSkill['kind']> => {
        const skill = index.skills.get(skillId);
        return skill === undefined ? 'technology' : skillKind(skill);
      }
    : undefined;
  return {
    index,
    ordinals: taxonomyOrdinals(taxonomy),
    implied,
    typoIndex: () => (typo ??= buildTypoIndex(index, EXTRACT_DEFAULTS.fuzzyMinLength)),
    kindOf,
  };
}

/** Tokens, exact hits decided by the passes, then typo hits. */
function read(
  parts: TaxonomyParts,
  doc: ResumeDocument,
  options: CheckedOptions,
  diagnostics: Diagnostic[],
): DocumentRead {
  const { index } = parts;
  const tokens = scanDocument(doc.text);
  const docIndex = indexDocument(doc, tokens);
  const { hits, covered, overName, overDocument } = findHits(tokens, index, HIT_LIMITS);
  if (overName.size > 0 || overDocument.size > 0) cappedHits(hits, overName, overDocument, diagnostics);
  const lines = lineInfo(tokens, hits);
  const fields = toolsFields(tokens);
  const decisions = decideHits(
    {
      doc: tokens,
      hits,
      sectionAt: docIndex.sectionAt,
      timeline: docIndex.timeline,
      timelineAt: docIndex.timelineAt,
      organisationAt: docIndex.organisationAt,
      inHeading: docIndex.inHeading,
      fields,
      kindOf: parts.kindOf,
      useCompromise: options.context,
      maxContextSentences: options.maxContextSentences,
    },
    lines,
  );
  const kept = keptHits(doc.text, hits, decisions, diagnostics);
  if (options.fuzzy && options.maxFuzzyLookups > 0) {
    const skillsContext = (i: number): boolean =>
      docIndex.sectionAt(i) === 'skills' || lines.get(tokens.line[i]!)?.list === true;
    const walk = {
      doc: tokens,
      index,
      typo: parts.typoIndex(),
      covered,
      skillsContext,
      maxLookups: options.maxFuzzyLookups,
      threshold: options.fuzzyThreshold,
    };
    kept.push(...findTypoHits(walk, diagnostics));
    kept.sort((a, b) => a.hit.from - b.hit.from);
  }
  return { tokens, docIndex, lines, covered, kept, fields };
}

/** One document's profile: read it, gather each kept hit's mention, then each skill's facts. */
function extractWith(
  parts: TaxonomyParts,
  input: ResumeDocument | string,
  rawOptions: Omit<ExtractOptions, 'taxonomy' | 'index'>,
): SkillProfile {
  const options = checkOptions(rawOptions);
  if (typeof input !== 'string') checkDocument(input);
  const doc = typeof input === 'string' ? documentFromText(input, options.asOf) : input;
  const diagnostics: Diagnostic[] = [...(doc.diagnostics ?? [])];
  const r = read(parts, doc, options, diagnostics);
  const { maxSentenceLength, lessThanYearMonths } = EXTRACT_DEFAULTS;
  const bySkill = gatherMentions(
    {
      tokens: r.tokens,
      docIndex: r.docIndex,
      lines: r.lines,
      covered: r.covered,
      maxSentenceLength,
      lessThanYearMonths,
    },
    r.kept,
  );
  // "Present" is the document's own date when it has one: a 2018 résumé read in 2026 gains no 8 years.
  const date = documentMonth(doc) ?? options.asOf;
  const { index, ordinals, implied } = parts;
  const skills = skillRecords({ index, ordinals, timeline: r.docIndex.timeline, asOf: date, implied }, bySkill);
  const unknown = unknownTools(r, diagnostics);
  const document = { format: doc.meta?.format ?? null, words: countWords(r.tokens), date };
  return {
    version: PROFILE_VERSION,
    skills,
    diagnostics,
    document,
    experience: experienceFacts(r.docIndex.timeline, date, doc.text),
    unknownTools: unknown,
  };
}

/** Builds an extractor for a taxonomy (the built-in one by default). Building costs one pass over every alias. */
export function createExtractor(taxonomy: Taxonomy = builtinTaxonomy(), prebuilt?: AliasIndex): Extractor {
  if (taxonomy === null || typeof taxonomy !== 'object' || !Array.isArray(taxonomy.skills)) {
    throw new TypeError('`taxonomy` must be a taxonomy `{version, skills}`');
  }
  const parts = taxonomyParts(taxonomy, prebuilt);
  const extract = (
    input: ResumeDocument | string,
    rawOptions: Omit<ExtractOptions, 'taxonomy' | 'index'> = {},
  ): SkillProfile => extractWith(parts, input, rawOptions);
  return { taxonomy, index: parts.index, extract };
}

const extractors = new WeakMap<object, Extractor>();

function extractorFor(options: ExtractOptions): Extractor {
  if (options.index !== undefined) {
    let ex = extractors.get(options.index);
    if (ex === undefined) {
      ex = createExtractor(options.taxonomy ?? builtinTaxonomy(), options.index);
      extractors.set(options.index, ex);
    }
    return ex;
  }
  const taxonomy = options.taxonomy ?? builtinTaxonomy();
  let ex = extractors.get(taxonomy);
  if (ex === undefined) {
    ex = createExtractor(taxonomy);
    extractors.set(taxonomy, ex);
  }
  return ex;
}

/**
 * Extracts the technology skills of a résumé (or any text, such as a job description): each skill
 * with its mentions (span, sentence, section, context, flags), implied skills, months of
 * experience from the timeline, last use and claimed years. A string is read as a plain-text
 * document whose offsets index the string exactly. Deterministic: same input, same JSON.
 *
 * @example extractSkills('Skills: Go, PostgreSQL, Docker').skills.map((s) => s.id) // ['docker', 'go', 'postgresql']
 */
export function extractSkills(doc: ResumeDocument | string, options: ExtractOptions = {}): SkillProfile {
  if (options === null || typeof options !== 'object') throw new TypeError('`options` must be an object');
  const { taxonomy: _taxonomy, index: _index, ...rest } = options;
  return extractorFor(options).extract(doc, rest);
}
