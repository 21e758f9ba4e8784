/**
 * Cues written before (or right after) a mention that change what it means without removing
 * it: negation ("no experience with Java", "not Kubernetes"), aspiration ("learning Rust",
 * "interested in", "exposure to", "would like to") and proficiency ("expert in Go",
 * "Java (basic)"). Scope: the clause the mention sits in. Strong cues ("no experience with")
 * reach every mention after them in the clause; weak single words ("not", "learning", "strong")
 * reach only the list that starts right after them.
 */
import type { ProficiencyLevel } from '../types.js';
import type { Hit } from './match.js';
import {
  dashGap,
  GAP_CLOSE_PAREN,
  GAP_COLON,
  GAP_LIST,
  GAP_NEWLINE,
  GAP_OPEN_PAREN,
  GAP_SENTENCE,
  type DocTokens,
} from './tokens.js';

type CueKind = 'negated' | 'aspiration' | ProficiencyLevel;

interface Cue {
  words: string[];
  kind: CueKind;
  /** Reaches the whole rest of the clause, not only the list right after it. */
  strong: boolean;
}

function cues(kind: CueKind, strong: boolean, phrases: string[]): Cue[] {
  return phrases.map((p) => ({ words: p.split(' '), kind, strong }));
}

const CUES: Cue[] = [
  ...cues('negated', true, [
    'no experience',
    'no knowledge',
    'no exposure',
    'no prior',
    'no professional',
    'not familiar',
    'not proficient',
    'not experienced',
    'never used',
    'never worked',
    'don t know',
    'do not know',
    'dont know',
    'lack of',
    'lacking',
    'unfamiliar',
    'have not used',
    'have not worked',
    'haven t used',
    'haven t worked',
    'not worked',
    'not used',
  ]),
  ...cues('negated', false, ['not', 'no', 'nor', 'never', 'without', 'excluding']),
  ...cues('aspiration', true, [
    'interested in',
    'would like to',
    'want to learn',
    'wants to learn',
    'wish to',
    'keen to',
    'eager to',
    'plan to',
    'planning to',
    'hope to',
    'hoping to',
    'aspire to',
    'aspiring',
    'exposure to',
    'exposed to',
    'currently studying',
    'currently learning',
    'looking to learn',
    'to learn',
    'intend to',
    'willing to learn',
    'self learning',
    'self studying',
    'next to learn',
  ]),
  ...cues('aspiration', false, ['learning', 'studying', 'exploring']),
  ...cues('expert', true, [
    'expert in',
    'expert at',
    'expert with',
    'expertise in',
    'expertise with',
    'mastery of',
    'mastery in',
  ]),
  ...cues('expert', false, ['expert']),
  ...cues('advanced', true, [
    'proficient in',
    'proficient with',
    'proficient at',
    'proficiency in',
    'proficiency with',
    'highly skilled in',
    'in depth knowledge',
    'deep knowledge',
    'strong knowledge',
    'strong experience',
    'extensive experience',
    'advanced knowledge',
  ]),
  ...cues('advanced', false, ['advanced', 'strong', 'extensive', 'proficient']),
  ...cues('intermediate', true, [
    'working knowledge',
    'good knowledge',
    'good understanding',
    'sound knowledge',
    'hands on experience',
    'hands on',
    'good experience',
    'intermediate knowledge',
  ]),
  ...cues('intermediate', false, ['intermediate', 'solid']),
  ...cues('basic', true, [
    'familiar with',
    'familiarity with',
    'basic knowledge',
    'basic understanding',
    'some knowledge',
    'some experience',
    'knowledge of basics',
    'basics of',
    'fundamentals of',
    'beginner in',
    'limited experience',
  ]),
  ...cues('basic', false, ['basic', 'basics', 'beginner', 'elementary', 'novice']),
];

const CUE_BY_FIRST = new Map<string, Cue[]>();
for (const cue of CUES) {
  const list = CUE_BY_FIRST.get(cue.words[0]!) ?? [];
  list.push(cue);
  // Longest cue first, so "no experience" wins over "no".
  list.sort((a, b) => b.words.length - a.words.length);
  CUE_BY_FIRST.set(cue.words[0]!, list);
}

/**
 * "No hands-on experience with", "without prior commercial experience in", "zero production exposure to":
 * a negating word, up to three modifiers, then a word for experience. Strong: it reaches the whole clause.
 */
const NEGATORS = new Set(['no', 'without', 'zero', 'lack', 'lacking', 'lacks']);
const EXPERIENCE_MODIFIERS = new Set([
  'hands',
  'on',
  'prior',
  'previous',
  'professional',
  'commercial',
  'production',
  'real',
  'world',
  'practical',
  'direct',
  'formal',
  'industry',
  'industrial',
  'relevant',
  'significant',
  'any',
  'actual',
  'working',
  'enterprise',
  'paid',
  'job',
  'work',
  'of',
  'in',
]);
const EXPERIENCE_NOUNS = new Set([
  'experience',
  'experiences',
  'knowledge',
  'exposure',
  'background',
  'familiarity',
  'expertise',
  'proficiency',
]);
/** Words a weak negation may pass over to reach its list: "not using Docker", "no real Java"; never a noun it negates ("no downtime using Kubernetes"). */
const NEGATION_FILLERS = new Set([
  'using',
  'use',
  'used',
  'with',
  'in',
  'of',
  'on',
  'any',
  'the',
  'a',
  'an',
  'much',
  'real',
  'even',
  'yet',
  'for',
]);

/** End (exclusive) of a generalised negation cue starting at token `i`, or -1. */
function negationPhraseEnd(doc: DocTokens, i: number, limit: number, covered: Uint8Array): number {
  if (!NEGATORS.has(doc.tokens[i]!.norm)) return -1;
  for (let k = i + 1; k < limit && k <= i + 4 && !covered[k]; k++) {
    const w = doc.tokens[k]!.norm;
    if (k > i + 1 && doc.gaps[k]! & (GAP_NEWLINE | GAP_SENTENCE | GAP_LIST) && !doc.tokens[k]!.hyphenBefore) return -1;
    if (EXPERIENCE_NOUNS.has(w)) return k + 1;
    if (!EXPERIENCE_MODIFIERS.has(w)) return -1;
  }
  return -1;
}

/** Words right after a cue that undo it: "not only", "no longer", "not just". */
const CUE_UNDOERS = new Set(['only', 'just', 'limited', 'longer', 'less', 'doubt', 'matter']);
/** Words before "learning" that make it a field, not a cue: "machine learning", "e-learning". */
const LEARNING_FIELDS = new Set([
  'machine',
  'deep',
  'e',
  'reinforcement',
  'supervised',
  'unsupervised',
  'transfer',
  'statistical',
  'federated',
  'online',
  'continuous',
  'active',
  'ensemble',
  'representation',
]);

/** Levels written in brackets or after a dash right after a mention: "Python (primary)", "Java - basic". */
const TRAILING_LEVELS = new Map<string, ProficiencyLevel>([
  ['expert', 'expert'],
  ['advanced', 'advanced'],
  ['primary', 'advanced'],
  ['proficient', 'advanced'],
  ['fluent', 'advanced'],
  ['strong', 'advanced'],
  ['intermediate', 'intermediate'],
  ['good', 'intermediate'],
  ['basic', 'basic'],
  ['basics', 'basic'],
  ['beginner', 'basic'],
  ['familiar', 'basic'],
  ['elementary', 'basic'],
  ['novice', 'basic'],
]);

/** The gap before token `i` opens a bracket or is a dash or colon: "Java (basic)", "Go - expert", "SQL: intermediate". */
function trailingQualifierGap(doc: DocTokens, i: number): boolean {
  return (doc.gaps[i]! & (GAP_OPEN_PAREN | GAP_COLON)) !== 0 || dashGap(doc, i);
}

export interface CueFlags {
  readonly negated: boolean;
  readonly aspiration: boolean;
  level?: ProficiencyLevel;
}

/** The flags without a level, by `negated | aspiration << 1`. */
const SHARED_CUES: readonly CueFlags[] = [
  Object.freeze({ negated: false, aspiration: false }),
  Object.freeze({ negated: true, aspiration: false }),
  Object.freeze({ negated: false, aspiration: true }),
  Object.freeze({ negated: true, aspiration: true }),
];

/** Words joining two list items: "Go and Rust". */
const LIST_JOINERS = new Set(['and', 'or', 'nor', '&']);

/** Hits connected to the one before them as list items, for scoping weak cues. */
export function chainStarts(doc: DocTokens, hits: readonly Hit[]): number[] {
  const { gaps, tokens } = doc;
  const starts: number[] = [];
  hits.forEach((h, k) => {
    const prev = k > 0 ? hits[k - 1]! : undefined;
    if (prev !== undefined && doc.clauseStart[prev.from] === doc.clauseStart[h.from]) {
      const between = h.from - prev.to;
      const g = gaps[h.from]!;
      const linked =
        (between === 0 && g & GAP_LIST && !(g & GAP_NEWLINE)) ||
        (between === 1 && LIST_JOINERS.has(tokens[prev.to]!.norm)) ||
        (between <= 3 && gaps[prev.to]! & GAP_OPEN_PAREN && g & GAP_CLOSE_PAREN);
      if (linked) {
        starts.push(starts[k - 1]!);
        return;
      }
    }
    starts.push(h.from);
  });
  return starts;
}

/**
 * What the cue words of a document say, token by token, found once per token however many hits look
 * back over it (every hit of a list looks back over the same words): whether a cue may start there, the
 * end of a negation phrase starting there, and the cues whose words are written there.
 */
interface CueTable {
  /** The tokens inside hits the table was made with (the phrases and cues depend on it). */
  covered: Uint8Array;
  /** 0 not yet known, 1 a cue may start at the token, 2 none can. */
  starts: Uint8Array;
  /** End of the negation phrase at the token with no limit (`negationPhraseEnd`), -1 none, 0 not yet known. */
  negationEnd: Int32Array;
  /** The cues written at a token, longest first, with the undoers and fields already ruled out (by token). */
  written: (readonly Cue[] | undefined)[];
}

const cueTables = new WeakMap<DocTokens, CueTable>();
const NO_CUE_LIST: readonly Cue[] = Object.freeze([]);

function cueTableOf(doc: DocTokens, covered: Uint8Array): CueTable {
  let table = cueTables.get(doc);
  if (table === undefined || table.covered !== covered) {
    const n = doc.tokens.length;
    table = { covered, starts: new Uint8Array(n), negationEnd: new Int32Array(n), written: new Array(n) };
    cueTables.set(doc, table);
  }
  return table;
}

function canStartCue(doc: DocTokens, starts: Uint8Array, i: number): boolean {
  if (starts[i] === 0) {
    const norm = doc.tokens[i]!.norm;
    starts[i] = NEGATORS.has(norm) || CUE_BY_FIRST.has(norm) ? 1 : 2;
  }
  return starts[i] === 1;
}

/**
 * `negationPhraseEnd(doc, i, limit, covered)` from one unlimited look per token: a limit only cuts the
 * look short, so the phrase found without one counts when it ends by the limit.
 */
function negationEndBefore(doc: DocTokens, table: CueTable, i: number, limit: number, covered: Uint8Array): number {
  let end = table.negationEnd[i]!;
  if (end === 0) {
    end = negationPhraseEnd(doc, i, doc.tokens.length, covered);
    table.negationEnd[i] = end;
  }
  return end > 0 && end <= limit ? end : -1;
}

/** The cues whose words are written at token `i` (not undone after, "learning" no field), longest first. */
function cuesWrittenAt(doc: DocTokens, table: CueTable, i: number, covered: Uint8Array): readonly Cue[] {
  let found = table.written[i];
  if (found !== undefined) return found;
  const { tokens } = doc;
  const list = CUE_BY_FIRST.get(tokens[i]!.norm) ?? [];
  const written: Cue[] = [];
  for (const cue of list) {
    const len = cue.words.length;
    if (i + len > tokens.length) continue;
    let ok = true;
    for (let w = 1; w < len && ok; w++) ok = tokens[i + w]!.norm === cue.words[w] && !covered[i + w];
    if (!ok) continue;
    const after = tokens[i + len];
    if (after !== undefined && CUE_UNDOERS.has(after.norm)) continue;
    if (cue.words[0] === 'learning' && i > 0 && LEARNING_FIELDS.has(tokens[i - 1]!.norm)) continue;
    written.push(cue);
  }
  found = written.length === 0 ? NO_CUE_LIST : written;
  table.written[i] = found;
  return found;
}

/**
 * Flags for one hit. `chainStart` is the first token of the list the hit belongs to;
 * `covered` marks tokens inside any hit (a cue is never part of a skill name).
 */
export function cueFlags(doc: DocTokens, hit: Hit, chainStart: number, covered: Uint8Array): CueFlags {
  const { tokens, gaps } = doc;
  let negated = false;
  let aspiration = false;
  const clause = doc.clauseStart[hit.from]!;
  let level: ProficiencyLevel | undefined;
  let levelAt = -1;
  const from = Math.max(clause, hit.from - 24);
  const table = cueTableOf(doc, covered);
  for (let i = from; i < hit.from; i++) {
    if (covered[i] || !canStartCue(doc, table.starts, i)) continue;
    const phraseEnd = negationEndBefore(doc, table, i, hit.from, covered);
    if (phraseEnd > 0) {
      negated = true;
      // The modifiers belong to the negation: "no hands-on experience" is no level.
      i = phraseEnd - 1;
      continue;
    }
    for (const cue of cuesWrittenAt(doc, table, i, covered)) {
      const cueEnd = i + cue.words.length;
      if (cueEnd > hit.from) continue;
      // A weak cue reaches only the list that starts right after it (two filler words allowed).
      if (!cue.strong && chainStart - cueEnd > 2) continue;
      if (!cue.strong && chainStart < cueEnd) continue;
      if (!cue.strong && cue.kind === 'negated') {
        let fillersOnly = true;
        for (let k = cueEnd; k < chainStart && fillersOnly; k++) fillersOnly = NEGATION_FILLERS.has(tokens[k]!.norm);
        if (!fillersOnly) continue;
      }
      if (cue.kind === 'negated') negated = true;
      else if (cue.kind === 'aspiration') aspiration = true;
      else if (level === undefined || i >= levelAt) {
        level = cue.kind;
        levelAt = i;
      }
      break;
    }
  }
  // "Python (primary)", "Java (basic)", "Go - expert", "SQL: intermediate"
  const next = tokens[hit.to];
  if (next !== undefined && !(gaps[hit.to]! & (GAP_NEWLINE | GAP_SENTENCE)) && trailingQualifierGap(doc, hit.to)) {
    const trailing = TRAILING_LEVELS.get(next.norm);
    const after = gaps[hit.to + 1] ?? GAP_NEWLINE;
    if (trailing !== undefined && !covered[hit.to] && after & (GAP_LIST | GAP_NEWLINE | GAP_SENTENCE | GAP_CLOSE_PAREN))
      level = trailing;
  }
  // Without a level the answer is one of four: mentions share frozen ones (a list of 100,000 items after
  // "learning" makes no object per item).
  if (level === undefined) return SHARED_CUES[(negated ? 1 : 0) | (aspiration ? 2 : 0)]!;
  return { negated, aspiration, level };
}
