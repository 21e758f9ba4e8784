/**
 * Pass 13, the last: part of speech. What is still undecided is rejected, except a `tech-context`
 * name in a technical sentence that word order, or failing that `compromise`, reads as a noun
 * ("built in React", "Kafka and Go"), and that is no proper name, generic noun or defined acronym.
 */
import type { AliasEntry } from '../../taxonomy/index.js';
import { canBeNonNoun, isGenericNoun, isUnknownWord, wordClassAt, type WordClass } from '../context.js';
import { type Hit, surfaceOf } from '../match.js';
import { GAP_COLON, GAP_LIST, GAP_NEWLINE, GAP_SENTENCE } from '../tokens.js';
import { definesAbbreviation } from './08-abbreviation.js';
import { accept, drop, reject, type HitState } from './state.js';
import { eachUndecided, inSentence, sentenceBounds, type HitView } from './view.js';
import {
  CONNECTOR_WORDS,
  NAME_GLUE,
  NOUN_BEFORE,
  QUALIFIERS,
  TECH_NOUNS_AFTER,
  TECH_WORDS,
  VERB_BEFORE,
} from './words.js';

/** The last word of a longer name ("Pension Scheme", "Phoenix Healthcare"): not the technology by word class. */
function tailOfName(v: HitView, h: Hit): boolean {
  const { tokens, gaps } = v.doc;
  if (
    h.from === 0 ||
    gaps[h.from]! & (GAP_LIST | GAP_NEWLINE | GAP_COLON | GAP_SENTENCE) ||
    v.hitAtToken[h.from - 1] !== -1
  )
    return false;
  const prev = tokens[h.from - 1]!;
  const c = prev.text.charCodeAt(0);
  const d = prev.text.charCodeAt(1);
  return c >= 65 && c <= 90 && d >= 97 && d <= 122 && !CONNECTOR_WORDS.has(prev.norm) && !QUALIFIERS.has(prev.norm);
}

/**
 * The word sits inside a run of capitalised words that are not technologies: a proper name or a title
 * ("Conditional Access System", "Premier Access Certified", "Publisher Information Systems Journal").
 */
function inTitleRun(v: HitView, h: Hit, sentenceStart: number): boolean {
  const { tokens, gaps, text } = v.doc;
  const { n, hitAtToken, states } = v;
  const first = text.charCodeAt(h.start);
  if (!(first >= 65 && first <= 90)) return false;
  // Beside an accepted technology it is an item of a flattened table ("SSRS Operating System Windows Family").
  for (let k = Math.max(sentenceStart, h.from - 4); k < Math.min(n, h.to + 4); k++) {
    const other = hitAtToken[k]!;
    if (other !== -1 && states[other]!.status === 'technology') return false;
  }
  let capitals = 0;
  const capitalWord = (k: number): boolean => {
    const t = tokens[k]!;
    const c = t.text.charCodeAt(0);
    const d = t.text.charCodeAt(1);
    return hitAtToken[k] === -1 && c >= 65 && c <= 90 && d >= 97 && d <= 122;
  };
  const stop = GAP_LIST | GAP_NEWLINE | GAP_SENTENCE | GAP_COLON;
  for (let k = h.from - 1, steps = 0; k > sentenceStart && steps < 4 && !(gaps[k + 1]! & stop); k--, steps++) {
    if (capitalWord(k)) capitals++;
    else if (!NAME_GLUE.has(tokens[k]!.norm)) break;
  }
  for (let k = h.to, steps = 0; k < n && steps < 4 && !(gaps[k]! & stop); k++, steps++) {
    if (capitalWord(k)) capitals++;
    else if (!NAME_GLUE.has(tokens[k]!.norm)) break;
  }
  return capitals >= 2;
}

/**
 * Word order that settles the part of speech without a tagger: after "to", "will", "we" a word is
 * a verb ("we react quickly", "ready to go"); capitalised after "in", "with", "using", "and" or
 * next to an accepted technology it is a name ("built in React", "Kafka and Go").
 */
function localWordClass(v: HitView, h: Hit, sentenceStart: number): 'noun' | 'verb' | undefined {
  const { tokens, gaps, text } = v.doc;
  const prev = h.from > sentenceStart ? tokens[h.from - 1]! : undefined;
  const first = text.charCodeAt(h.start);
  const capital = first >= 65 && first <= 90;
  if (prev !== undefined && VERB_BEFORE.has(prev.norm) && !(capital && prev.norm === 'to')) return 'verb';
  const next = tokens[h.to];
  if (next !== undefined && TECH_NOUNS_AFTER.has(next.norm) && !(gaps[h.to]! & GAP_LIST) && inSentence(v, h.to))
    return 'noun';
  if (!capital) return undefined;
  // An unknown capitalised word is a name ("Kafka"); an unknown acronym may be a generic one ("API", "QA").
  const second = text.charCodeAt(h.start + 1);
  const titleCase = second >= 97 && second <= 122;
  if (h.to - h.from === 1 && titleCase && isUnknownWord(tokens[h.from]!.norm)) return 'noun';
  if (prev === undefined) return undefined;
  if (NOUN_BEFORE.has(prev.norm)) return 'noun';
  const before = v.hitAtToken[h.from - 1]!;
  const after = h.to < v.n ? v.hitAtToken[h.to]! : -1;
  if (
    (before !== -1 && v.states[before]!.status === 'technology') ||
    (after !== -1 && v.states[after]!.status === 'technology')
  )
    return 'noun';
  return undefined;
}

/**
 * "Snowflake and dbt models", "routing with chi": a product the taxonomy itself spells in lower case,
 * written exactly so, and no English word. Its ambiguous form differs only in case ("DBT" therapy) or
 * is rare in prose, so in a technical sentence the lower-case spelling is the product's own.
 */
function lowerCaseProductName(v: HitView, h: Hit, surface: string, entries: readonly AliasEntry[]): boolean {
  return (
    h.to - h.from === 1 &&
    surface.length >= 2 &&
    surface === surface.toLowerCase() &&
    entries.some((e) => e.alias === surface) &&
    isUnknownWord(v.doc.tokens[h.from]!.norm)
  );
}

/** The sentence `[s, e)` holds an accepted technology (other than hit `k`) or a technical word. */
function technicalSentence(v: HitView, k: number, s: number, e: number): boolean {
  for (let i = s; i < e; i++) {
    const other = v.hitAtToken[i]!;
    if (other !== -1 && other !== k && v.states[other]!.status === 'technology') return true;
    if (other === -1 && TECH_WORDS.has(v.doc.tokens[i]!.norm)) return true;
  }
  return false;
}

/** Per-document budget and memo of `compromise` calls. */
interface Tagger {
  budget: number;
  cache: Map<string, WordClass>;
}

/** The word class of hit `h`: word order first, then the lexicon, then (within budget) `compromise`. */
function wordClass(
  v: HitView,
  h: Hit,
  s: number,
  e: number,
  techContext: readonly AliasEntry[],
  tagger: Tagger,
): WordClass | 'acronym' | 'out-of-budget' {
  const { tokens, text } = v.doc;
  let cls: WordClass | undefined = localWordClass(v, h, s);
  if (cls !== undefined) return cls;
  // Tagging helps only for a word English also uses as a verb or adjective ("go", "react", "swift").
  // An acronym is a noun either way ("API"), so it needs a list or a confirming word.
  const surface = surfaceOf(v.doc, h);
  if (surface === surface.toUpperCase()) return 'acronym';
  // A word English uses only as a noun ("Spark", "Hive") is the technology in a technical sentence when
  // capitalised mid-sentence; at the start of a sentence a capital says nothing ("Access to Arts Program").
  if (h.to - h.from > 1 || !canBeNonNoun(tokens[h.from]!.norm)) {
    const first = surface.charCodeAt(0);
    return (first >= 65 && first <= 90 && h.from > s) || lowerCaseProductName(v, h, surface, techContext)
      ? 'noun'
      : 'other';
  }
  if (tagger.budget <= 0) return 'out-of-budget';
  // A window of a few words is enough context for a part of speech, and keeps tagging cheap.
  const ws = Math.max(s, h.from - 6);
  const we = Math.min(e, h.to + 6);
  const wStart = tokens[ws]!.start;
  const window = text.slice(wStart, tokens[we - 1]!.end);
  const cacheKey = `${wStart}:${h.start}`;
  cls = tagger.cache.get(cacheKey);
  if (cls === undefined) {
    tagger.budget--;
    cls = wordClassAt(window, h.start - wStart);
    tagger.cache.set(cacheKey, cls);
  }
  return cls;
}

/** Decides one undecided hit by its part of speech. */
function decideByWordClass(v: HitView, h: Hit, k: number, state: HitState, tagger: Tagger): void {
  const pending = state.pending;
  const techContext = pending.filter((e) => e.ambiguity!.rule === 'tech-context');
  if (state.lowerCase) return reject(state, pending, 'case');
  if (techContext.length === 0 || !v.ctx.useCompromise)
    return reject(state, pending, techContext.length === 0 ? 'not-a-list-item' : 'no-context');
  const [s, e] = sentenceBounds(v, h.from);
  if (!technicalSentence(v, k, s, e)) return reject(state, pending, 'not-technical');
  if (definesAbbreviation(v, h)) return reject(state, pending, 'abbreviation');
  if (inTitleRun(v, h, s) || (h.from - 1 > s && tailOfName(v, h))) return reject(state, pending, 'proper-name');
  if (h.to - h.from === 1 && isGenericNoun(v.doc.tokens[h.from]!.norm)) return reject(state, pending, 'generic-noun');
  const cls = wordClass(v, h, s, e, techContext, tagger);
  if (cls === 'acronym') return reject(state, pending, 'acronym-without-context');
  if (cls === 'out-of-budget') return reject(state, pending, 'context-budget');
  if (cls !== 'noun') return reject(state, pending, 'not-a-noun');
  accept(state, techContext, false);
  for (const p of pending) if (!techContext.includes(p)) drop(state, p, 'not-a-list-item');
}

/** Decides every hit still undecided; none is left undecided after it. */
export function wordClassPass(v: HitView): void {
  const tagger: Tagger = { budget: v.ctx.maxContextSentences, cache: new Map() };
  eachUndecided(v, (h, k, state) => {
    decideByWordClass(v, h, k, state, tagger);
  });
}
