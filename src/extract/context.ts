/**
 * The one adapter for `compromise`: part-of-speech of one word in one sentence. It costs about a
 * millisecond per sentence, so the extractor calls it only for sentences holding an ambiguous
 * alias that the cheaper rules (lists, confirmers, skills sections) could not decide.
 */
import type compromise from 'compromise/two';
import { requireDependency } from '../load.js';
import { ownString } from './own-string.js';

type Compromise = typeof compromise;
let library: Compromise | undefined;

/** compromise (≈0.3 s to load), loaded on the first sentence that needs tagging, not with the package. */
function nlp(text: string): ReturnType<Compromise> {
  library ??= requireDependency<Compromise>('compromise/two');
  return library(text);
}
nlp.model = (): ReturnType<Compromise['model']> => {
  library ??= requireDependency<Compromise>('compromise/two');
  return library.model();
};

/** Coarse word class of a term. */
export type WordClass = 'noun' | 'verb' | 'adjective' | 'adverb' | 'other';

interface Term {
  text: string;
  tags?: Set<string>;
}

/**
 * Tags `sentence` and returns the word class of the term covering `offset` (a UTF-16 offset into
 * `sentence`), or `'other'` when no term covers it.
 */
export function wordClassAt(sentence: string, offset: number): WordClass {
  // The term list, not `.json()`: the same terms and tags without building a JSON view of every term.
  const terms = nlp(sentence).termList() as Term[];
  let cursor = 0;
  for (const term of terms) {
    if (term.text === '') continue;
    const at = sentence.indexOf(term.text, cursor);
    if (at < 0) continue;
    const end = at + term.text.length;
    cursor = end;
    if (offset >= at && offset < end) return classOf(term.tags ?? new Set());
    if (at > offset) return 'other';
  }
  return 'other';
}

function classOf(tags: ReadonlySet<string>): WordClass {
  // Order matters: compromise tags "React" in "with React" ProperNoun+Noun, "react" in "we react" Verb.
  if (tags.has('Verb')) return 'verb';
  if (tags.has('Noun') || tags.has('ProperNoun') || tags.has('Acronym')) return 'noun';
  if (tags.has('Adjective')) return 'adjective';
  if (tags.has('Adverb')) return 'adverb';
  return 'other';
}

let lexicon: Record<string, unknown> | undefined;

const VERB_LIKE_TAGS = new Set([
  'Infinitive',
  'PresentTense',
  'PastTense',
  'Verb',
  'Participle',
  'Modal',
  'Auxiliary',
  'Copula',
  'PhrasalVerb',
  'Adjective',
  'Comparative',
  'Superlative',
  'Adverb',
  'Preposition',
  'Conjunction',
  'Determiner',
]);

/**
 * The lexicon reads the word (lower case) as a verb, adjective or function word ("go", "react",
 * "express", "swift"): only then does tagging its sentence tell the name from the word.
 */
export function canBeNonNoun(word: string): boolean {
  lexicon ??= (nlp.model() as { one: { lexicon: Record<string, unknown> } }).one.lexicon;
  const tag = Object.hasOwn(lexicon, word) ? lexicon[word] : undefined;
  return typeof tag === 'string' && VERB_LIKE_TAGS.has(tag);
}

/**
 * The word (lower case) is absent from compromise's English lexicon, in any inflection: then a
 * capitalised use of it is a name ("Kafka", "APIs"), and tagging a sentence to learn so is waste.
 */
export function isUnknownWord(word: string): boolean {
  return !isEnglishWord(word) && !ENGLISH_SUFFIX.test(word);
}

// Derivational endings of English nouns the lexicon may lack ("authorization", "alerting", "robotics").
const ENGLISH_SUFFIX = /(?:tion|sion|ing|ics|ment|ness|ity|ance|ence|ies|ship|ism)s?$/;

/**
 * The word is, in English, a mass, plural or -ing noun ("monitoring", "statistics", "views"): its
 * part of speech cannot tell the skill from the word, so only a list or a confirming word can.
 */
export function isGenericNoun(word: string): boolean {
  lexicon ??= (nlp.model() as { one: { lexicon: Record<string, unknown> } }).one.lexicon;
  const tag = Object.hasOwn(lexicon, word) ? lexicon[word] : undefined;
  if (tag === 'Gerund' || tag === 'Uncountable' || tag === 'Plural') return true;
  // A derivation keeps a stem of three letters or more ("security", "robotics"); "unity" is no derivation.
  const m = ENGLISH_SUFFIX.exec(word);
  return m !== null && m.index >= 3;
}

/** Words memoised by `isEnglishWord`; cleared when full. */
const MAX_MEMO = 20_000;
const englishWords = new Map<string, boolean>();

/**
 * The word (lower case) is in compromise's English lexicon ("systems", "developer", "network").
 * The typo fallback never rewrites a real English word into a skill: "systems" is not a typo of systemd.
 */
export function isEnglishWord(word: string): boolean {
  let known = englishWords.get(word);
  if (known === undefined) {
    known = inLexicon(word);
    // A bounded memo: the lexicon is a large object, and résumés reuse the same few thousand words.
    // The key is a copy: the word is sliced out of a document, which must not outlive its extraction.
    if (englishWords.size >= MAX_MEMO) englishWords.clear();
    englishWords.set(ownString(word), known);
  }
  return known;
}

function inLexicon(word: string): boolean {
  lexicon ??= (nlp.model() as { one: { lexicon: Record<string, unknown> } }).one.lexicon;
  const words = lexicon;
  const has = (w: string): boolean => Object.hasOwn(words, w);
  if (has(word)) return true;
  // The lexicon holds base forms; plurals and third persons are derived ("protocols", "switches").
  if (word.endsWith('es') && has(word.slice(0, -2))) return true;
  return word.endsWith('s') && has(word.slice(0, -1));
}
