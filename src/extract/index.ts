/**
 * The extract stage: ResumeDocument (or plain text) + taxonomy → SkillProfile, every skill with
 * the words it came from. Pipeline per document: one token scan, exact alias hits (longest
 * first), context rules for ambiguous aliases and employers, cue flags (negation, aspiration,
 * proficiency), the typo fallback for leftover technical tokens, then time facts from the
 * timeline. Everything per taxonomy (alias index, typo index) is built once by `createExtractor`.
 */
import { EXTRACT_DEFAULTS, PROFILE_VERSION } from '../defaults.js';
import { lowerBound } from '../parse/layout.js';
import { splitLines, structureDocument } from '../parse/structure.js';
import { buildAliasIndex, type AliasEntry, type AliasIndex } from '../taxonomy/alias-index.js';
import { taxonomyOrdinals } from '../taxonomy/ordinals.js';
import { builtinTaxonomy } from '../taxonomy/builtin.js';
import type { Taxonomy } from '../taxonomy/schema.js';
import type {
  Diagnostic,
  ExtractedSkill,
  ImpliedSkill,
  MentionContext,
  ResumeDocument,
  Section,
  SectionKind,
  SkillMention,
  SkillProfile,
  TimelineEntry,
  YearMonth,
} from '../types.js';
import { decideHits, lineInfo } from './passes/index.js';
import { isUnknownWord } from './context.js';
import { claimedYears, monthsOf } from './experience.js';
import { buildTypoIndex, lookupTypo, hasNearAlias, type TypoIndex } from './fuzzy.js';
import { findHits, type Hit } from './match.js';
import { chainStarts, cueFlags } from './negation.js';
import { evidenceBits, impliedClosure } from './summary.js';
import { scanDocument, type DocTokens } from './tokens.js';

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

const YEAR_MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

function currentMonth(): YearMonth {
  return new Date().toISOString().slice(0, 7);
}

function checkOptions(options: ExtractOptions): Required<Omit<ExtractOptions, 'taxonomy' | 'index'>> {
  if (options === null || typeof options !== 'object') throw new TypeError('`options` must be an object');
  const asOf = options.asOf ?? currentMonth();
  if (typeof asOf !== 'string' || !YEAR_MONTH.test(asOf)) throw new RangeError('`asOf` must be a month written `YYYY-MM`');
  const fuzzyThreshold = options.fuzzyThreshold ?? EXTRACT_DEFAULTS.fuzzyThreshold;
  if (typeof fuzzyThreshold !== 'number' || !(fuzzyThreshold >= 0 && fuzzyThreshold <= 1)) throw new RangeError('`fuzzyThreshold` must be a number from 0 to 1');
  const maxFuzzyLookups = options.maxFuzzyLookups ?? EXTRACT_DEFAULTS.maxFuzzyLookups;
  if (!Number.isInteger(maxFuzzyLookups) || maxFuzzyLookups < 0) throw new RangeError('`maxFuzzyLookups` must be a non-negative integer');
  const maxContextSentences = options.maxContextSentences ?? EXTRACT_DEFAULTS.maxContextSentences;
  if (!Number.isInteger(maxContextSentences) || maxContextSentences < 0) throw new RangeError('`maxContextSentences` must be a non-negative integer');
  const fuzzy = options.fuzzy ?? EXTRACT_DEFAULTS.fuzzy;
  if (typeof fuzzy !== 'boolean') throw new TypeError('`fuzzy` must be a boolean');
  const context = options.context ?? EXTRACT_DEFAULTS.context;
  if (typeof context !== 'boolean') throw new TypeError('`context` must be a boolean');
  return { asOf, fuzzy, fuzzyThreshold, maxFuzzyLookups, context, maxContextSentences };
}

/** A plain-text document: the text exactly as given, with the parse stage's sections and timeline. */
function documentFromText(text: string, asOf: YearMonth): ResumeDocument {
  const lines = splitLines(text);
  const structure = structureDocument({ text, lines, asOf });
  return {
    version: '1',
    text,
    lines,
    sections: structure.sections,
    timeline: structure.timeline,
    meta: { format: 'text', pages: null, bytes: Buffer.byteLength(text, 'utf8') },
    diagnostics: structure.diagnostics,
  };
}

function checkDocument(doc: unknown): void {
  if (doc === null || typeof doc !== 'object' || typeof (doc as ResumeDocument).text !== 'string') {
    throw new TypeError('`doc` must be a ResumeDocument (with a `text` string) or a string');
  }
}

/** Finds the item whose span holds `offset`, in a list sorted by start. */
function locate<T extends { span: { start: number; end: number } }>(items: readonly T[], offset: number): number | null {
  let lo = 0;
  let hi = items.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid]!.span.start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  // Entries may nest or overlap slightly: walk back to the nearest one that really holds the offset.
  for (let i = found; i >= 0 && i >= found - 3; i--) if (offset < items[i]!.span.end && offset >= items[i]!.span.start) return i;
  return null;
}

function contextOf(section: SectionKind | null, entry: number | null, listLine: boolean): MentionContext {
  switch (section) {
    case 'experience':
      return 'experience';
    case 'projects':
      return 'project';
    case 'skills':
      return 'skills-list';
    case 'education':
      return 'education';
    case 'certifications':
      return 'certification';
    case 'summary':
      return entry !== null ? 'experience' : 'summary';
    default:
      if (entry !== null) return 'experience';
      return listLine ? 'skills-list' : 'other';
  }
}

/**
 * Offsets of the characters that end a sentence or line: a line break, or `.!?;` before a space or the
 * end. Such a character never sits inside a token, so only the gaps between tokens are read.
 */
function sentenceBreaks(doc: DocTokens): number[] {
  const { text, tokens } = doc;
  const at: number[] = [];
  let from = 0;
  for (let k = 0; k <= tokens.length; k++) {
    const to = k < tokens.length ? tokens[k]!.start : text.length;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      let brk = c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
      if (!brk && (c === 46 || c === 33 || c === 63 || c === 59)) {
        const next = text.charCodeAt(i + 1);
        brk = Number.isNaN(next) || next === 32 || next === 10 || next === 13 || next === 9;
      }
      if (brk) at.push(i);
    }
    if (k < tokens.length) from = tokens[k]!.end;
  }
  return at;
}

/**
 * The sentence (or line) around a span, trimmed and capped; its span indexes the text exactly.
 * `breaks` (from `sentenceBreaks`) turns the walks to the nearest breaks into binary searches.
 */
function sentenceAround(
  text: string,
  breaks: readonly number[],
  start: number,
  end: number,
  max: number,
): { sentence: string; span: { start: number; end: number } } {
  // The last break before `start` and the first at or after `end`.
  const below = lowerBound(breaks, start);
  const before = below > 0 ? breaks[below - 1]! : -1;
  let s = Math.max(0, start - max, before + 1);
  const first = lowerBound(breaks, end);
  const after = first < breaks.length ? breaks[first]! : text.length;
  let e = Math.min(text.length, end + max, after);
  // `e` is a break only where it is the first one after the mention (otherwise a cap stopped it).
  if (e < text.length && e === after && text.charCodeAt(e) !== 10 && text.charCodeAt(e) !== 13) e++;
  const space = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0;
  while (s < start && space(text.charCodeAt(s))) s++;
  while (e > end && space(text.charCodeAt(e - 1))) e--;
  if (e - s > max) {
    // Keep the mention in view: a window of `max` around it.
    const room = Math.max(0, max - (end - start));
    s = Math.max(s, start - Math.floor(room / 2));
    e = Math.min(e, s + max);
    if (e < end) e = end;
  }
  return { sentence: text.slice(s, e), span: { start: s, end: e } };
}

function impliedOf(skillId: string, index: AliasIndex): ImpliedSkill[] {
  return impliedClosure(skillId, index.skills).map(({ id, weight }) => ({ id, name: index.skills.get(id)!.name, weight, implied: true as const }));
}

// Common résumé words the English lexicon lacks ("onsite" is one letter from OneSite).
const STOP_TYPOS = new Set([
  'experience', 'project', 'projects', 'present', 'company', 'university', 'college', 'skills', 'summary', 'education',
  'onsite', 'offsite', 'offshore', 'nearshore', 'inhouse', 'email', 'emails', 'online', 'offline', 'startup', 'startups',
]);

/** Leftover tokens that look technical: in a skills list, capitalised mid-sentence, camelCase, digits or dots. */
function looksTechnical(doc: DocTokens, i: number, skillsContext: () => boolean): boolean {
  const t = doc.tokens[i]!;
  let letters = 0;
  let upperInside = false;
  let digitOrDot = false;
  for (let k = 0; k < t.text.length; k++) {
    const c = t.text.charCodeAt(k);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) letters++;
    if (k > 0 && c >= 65 && c <= 90 && t.text.charCodeAt(k - 1) >= 97 && t.text.charCodeAt(k - 1) <= 122) upperInside = true;
    if ((c >= 48 && c <= 57) || c === 46) digitOrDot = true;
  }
  if (letters < 3) return false;
  // In prose, capitalised words are mostly names of people, places and fields ("Medical Informatics"),
  // one edit from some product; typos are looked for in skills lists and in code-like tokens only.
  return (upperInside || digitOrDot || skillsContext()) && !STOP_TYPOS.has(t.norm);
}

/** Builds an extractor for a taxonomy (the built-in one by default). Building costs one pass over every alias. */
export function createExtractor(taxonomy: Taxonomy = builtinTaxonomy(), prebuilt?: AliasIndex): Extractor {
  if (taxonomy === null || typeof taxonomy !== 'object' || !Array.isArray(taxonomy.skills)) {
    throw new TypeError('`taxonomy` must be a taxonomy `{version, skills}`');
  }
  const index = prebuilt ?? buildAliasIndex(taxonomy);
  const ordinals = taxonomyOrdinals(taxonomy);
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
  const typoIndex = (): TypoIndex => (typo ??= buildTypoIndex(index, EXTRACT_DEFAULTS.fuzzyMinLength));

  const extract = (input: ResumeDocument | string, rawOptions: Omit<ExtractOptions, 'taxonomy' | 'index'> = {}): SkillProfile => {
    const options = checkOptions(rawOptions);
    if (typeof input !== 'string') checkDocument(input);
    const doc = typeof input === 'string' ? documentFromText(input, options.asOf) : input;
    const text = doc.text;
    const tokens = scanDocument(text);
    const diagnostics: Diagnostic[] = [...(doc.diagnostics ?? [])];
    const sections: readonly Section[] = [...(doc.sections ?? [])].sort((a, b) => a.span.start - b.span.start);
    const timeline: readonly TimelineEntry[] = doc.timeline ?? [];
    const timelineOrder = timeline.map((entry, i) => ({ span: entry.span, i })).sort((a, b) => a.span.start - b.span.start || a.i - b.i);
    const timelineAt = (offset: number): number | null => {
      const k = locate(timelineOrder, offset);
      return k === null ? null : timelineOrder[k]!.i;
    };
    const sectionAtOffset = (offset: number): SectionKind | null => {
      const k = locate(sections, offset);
      return k === null ? null : sections[k]!.kind;
    };
    // The rules ask for the section of the same tokens many times: each is looked up once.
    const sectionOfToken: (SectionKind | null | undefined)[] = new Array(tokens.tokens.length);
    const sectionAt = (i: number): SectionKind | null => {
      let kind = sectionOfToken[i];
      if (kind === undefined) {
        kind = sectionAtOffset(tokens.tokens[i]!.start);
        sectionOfToken[i] = kind;
      }
      return kind;
    };

    const { hits, covered } = findHits(tokens, index);
    const lines = lineInfo(tokens, hits);
    const decisions = decideHits(
      { doc: tokens, hits, sectionAt, timeline, timelineAt, useCompromise: options.context, maxContextSentences: options.maxContextSentences },
      lines,
    );

    // Kept hits, then typo hits for leftover technical tokens.
    const kept: { hit: Hit; entries: AliasEntry[] }[] = [];
    let dropped = 0;
    hits.forEach((hit, k) => {
      const d = decisions[k]!;
      if (d.kept.length > 0) kept.push({ hit, entries: d.kept });
      for (const { entry, reason } of d.dropped) {
        if (entry.ambiguity === null && reason !== 'employer') continue;
        dropped++;
        if (dropped <= EXTRACT_DEFAULTS.maxDroppedDiagnostics) {
          diagnostics.push({
            severity: 'info',
            code: 'ambiguous-mention-dropped',
            message: `"${text.slice(hit.start, hit.end)}" not counted as ${entry.skillId} (${reason})`,
            source: 'extract',
            span: { start: hit.start, end: hit.end },
          });
        }
      }
    });
    if (dropped > EXTRACT_DEFAULTS.maxDroppedDiagnostics) {
      diagnostics.push({
        severity: 'info',
        code: 'ambiguous-mention-dropped',
        message: `${dropped - EXTRACT_DEFAULTS.maxDroppedDiagnostics} more ambiguous words not counted as skills`,
        source: 'extract',
      });
    }
    if (options.fuzzy && options.maxFuzzyLookups > 0) {
      const ti = typoIndex();
      let lookups = 0;
      let capped = false;
      for (let i = 0; i < tokens.tokens.length; i++) {
        const t = tokens.tokens[i]!;
        if (covered[i] || t.url || t.norm.length < ti.minLength) continue;
        const skillsContext = (): boolean => sectionAt(i) === 'skills' || lines.get(tokens.line[i]!)?.list === true;
        if (!looksTechnical(tokens, i, skillsContext) || !isUnknownWord(t.norm) || !hasNearAlias(ti, t.norm)) continue;
        if (lookups >= options.maxFuzzyLookups) {
          capped = true;
          break;
        }
        lookups++;
        const found = lookupTypo(ti, t.norm, options.fuzzyThreshold);
        if (found === null) continue;
        const entries = index.aliases.get(found.key) ?? [];
        if (entries.length === 0) continue;
        kept.push({ hit: { from: i, to: i + 1, start: t.start, end: t.end, key: found.key, entries, fuzzy: true }, entries: [...entries] });
      }
      if (capped) {
        diagnostics.push({ severity: 'info', code: 'fuzzy-lookups-capped', message: `typo look-ups stopped after ${options.maxFuzzyLookups}`, source: 'extract' });
      }
      kept.sort((a, b) => a.hit.from - b.hit.from);
    }

    const keptHits = kept.map((k) => k.hit);
    const chains = chainStarts(tokens, keptHits);
    const years = claimedYears(tokens, keptHits, chains);

    interface Acc {
      mentions: SkillMention[];
      entries: Set<number>;
      claimed: number | null;
    }
    const bySkill = new Map<string, Acc>();
    let breaks: ReturnType<typeof sentenceBreaks> | undefined;
    kept.forEach(({ hit, entries }, k) => {
      const flags = cueFlags(tokens, hit, chains[k]!, covered);
      const section = sectionAt(hit.from);
      const entry = timelineAt(hit.start);
      const listLine = lines.get(tokens.line[hit.from]!)?.list === true;
      const { sentence, span: sentenceSpan } = sentenceAround(text, (breaks ??= sentenceBreaks(tokens)), hit.start, hit.end, EXTRACT_DEFAULTS.maxSentenceLength);
      const mention: SkillMention = {
        span: { start: hit.start, end: hit.end },
        text: text.slice(hit.start, hit.end),
        section,
        context: contextOf(section, entry, listLine),
        timelineEntry: entry,
        sentence,
        sentenceSpan,
        negated: flags.negated,
        aspiration: flags.aspiration,
        fuzzy: hit.fuzzy,
      };
      if (flags.level !== undefined) mention.level = flags.level;
      const claimed = years.get(k);
      for (const e of entries) {
        let acc = bySkill.get(e.skillId);
        if (acc === undefined) {
          acc = { mentions: [], entries: new Set(), claimed: null };
          bySkill.set(e.skillId, acc);
        }
        acc.mentions.push(entries.length > 1 ? { ...mention, span: { ...mention.span }, sentenceSpan: { ...sentenceSpan } } : mention);
        const positive = !flags.negated && !flags.aspiration;
        if (positive && entry !== null) acc.entries.add(entry);
        if (positive && claimed !== undefined && (acc.claimed === null || claimed > acc.claimed)) acc.claimed = claimed;
      }
    });

    // Skills met in the same timeline entries share their months: each set of entries is counted once.
    const monthsByEntries = new Map<string, { months: number; lastUsed: YearMonth | null }>();
    const monthsFor = (entries: Set<number>): { months: number; lastUsed: YearMonth | null } => {
      const sorted = [...entries].sort((a, b) => a - b);
      const key = sorted.join(',');
      let result = monthsByEntries.get(key);
      if (result === undefined) {
        result = monthsOf(sorted.map((i) => timeline[i]!), options.asOf);
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
        claimedYears: acc.claimed,
        evidence: evidenceBits(acc.mentions, lastUsed),
        mentions: acc.mentions,
        implied: positive ? implied(id) : [],
      };
      if (ordinal !== undefined) skills.push(record);
      else {
        // A prebuilt index of another taxonomy can know skills `taxonomy` does not: no ordinal then.
        const { ordinal: _none, ...rest } = record;
        skills.push(rest);
      }
    }
    let words = 0;
    for (const t of tokens.tokens) {
      for (let k = 0; k < t.text.length; k++) {
        const c = t.text.charCodeAt(k);
        if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 127) {
          words++;
          break;
        }
      }
    }
    return { version: PROFILE_VERSION, skills, diagnostics, document: { format: doc.meta?.format ?? null, words } };
  };

  return { taxonomy, index, extract };
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
