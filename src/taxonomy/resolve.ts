/**
 * Interactive look-up of one skill name: exact through the alias index first, then a typo
 * fallback. Built for a user typing a name (CLI `resolve`, a role editor), so the whole input
 * is the phrase: "Go" resolves, "go to" does not.
 */
import { TAXONOMY_DEFAULTS } from '../defaults.js';
import { type AliasIndex, buildAliasIndex, indexAliases, lookupAlias } from './alias-index.js';
import { builtinTaxonomy } from './builtin.js';
import { createFuzzyIndex, type FuzzyIndex } from './fuzzy.js';
import type { Skill, Taxonomy } from './schema.js';
import { normaliseAlias } from './tokenize.js';

/** A "did you mean" candidate. */
export interface SkillSuggestion {
  id: string;
  name: string;
  /** Similarity of the input to the candidate's closest alias, in [0, 1]. */
  confidence: number;
}

/** What a name resolved to. */
export interface SkillResolution {
  id: string;
  name: string;
  /** 1 for an exact alias; the whole-input similarity for a typo. */
  confidence: number;
  /** Resolved by the typo fallback rather than an exact alias. */
  fuzzy: boolean;
  /** The alias that matched, as the taxonomy writes it. */
  alias: string;
  /** Other close candidates, best first, when there are any. */
  suggestions?: SkillSuggestion[];
}

/** Options of `resolveSkill` and `createResolver`. */
export interface ResolveOptions {
  /**
   * The taxonomy to resolve against.
   * @default builtinTaxonomy()
   */
  taxonomy?: Taxonomy;
  /**
   * Least whole-input similarity for a typo to resolve.
   * @default TAXONOMY_DEFAULTS.fuzzyThreshold (0.82)
   */
  threshold?: number;
  /**
   * Allow the typo fallback at all.
   * @default true
   */
  fuzzy?: boolean;
}

/** A look-up built once for a taxonomy: the alias index and the fuzzy index are reused by every call. */
export interface SkillResolver {
  readonly taxonomy: Taxonomy;
  /** Resolves one name, or returns `null`. `options.taxonomy` is ignored here. */
  resolve(name: string, options?: Omit<ResolveOptions, 'taxonomy'>): SkillResolution | null;
  /** "Did you mean" candidates for a name, best first (also for names that resolve to nothing). */
  suggest(name: string, limit?: number): SkillSuggestion[];
}

// Written after a name, these confirm it rather than change it: "Python programming", "MongoDB database".
const CONFIRMING_SUFFIX = /\s+(?:programming language|programming|language|lang|framework|library|database|db)$/;
// A trailing version: "Java 8", "Python3", "Angular 2+", "Python 3.11", "Spring Boot v3", "Vue 3.x".
const TRAILING_VERSION = /\s*v?\d+(?:\.(?:\d+|x))*\+?$/;

function checkThreshold(value: unknown): number {
  if (typeof value !== 'number' || !(value >= 0 && value <= 1))
    throw new RangeError('`threshold` must be a number from 0 to 1');
  return value;
}

/** What a resolver builds once and every call reads. */
interface ResolverState {
  readonly byId: ReadonlyMap<string, Skill>;
  readonly index: AliasIndex;
  /** `${skillId}\u0000${key}` of every ambiguous alias. */
  readonly ambiguousKeys: ReadonlySet<string>;
  /** The typo index, built at the first name that is not an alias. */
  fuzzyIndex: FuzzyIndex | undefined;
  /** The alias as the taxonomy writes it, by `${skillId}\u0000${key}`; filled with the typo index. */
  readonly written: Map<string, string>;
}

/** A typo candidate: the skill (under its current id), the key it matched and how closely. */
interface Candidate {
  skill: Skill;
  key: string;
  similarity: number;
  ambiguous: boolean;
}

/**
 * Builds a resolver for a taxonomy. Building indexes every alias (≈ tens of milliseconds for
 * the built-in taxonomy); each `resolve` then costs one map look-up, plus one fuse.js query
 * when the name is not an alias.
 */
export function createResolver(taxonomy: Taxonomy = builtinTaxonomy()): SkillResolver {
  if (typeof taxonomy !== 'object' || taxonomy === null || !Array.isArray(taxonomy.skills)) {
    throw new TypeError('`taxonomy` must be a taxonomy `{version, skills}`');
  }
  const byId = new Map<string, Skill>(taxonomy.skills.map((skill) => [skill.id, skill]));
  const index = buildAliasIndex(taxonomy);
  const ambiguousKeys = new Set<string>();
  for (const skill of taxonomy.skills)
    for (const alias of skill.ambiguous?.aliases ?? []) ambiguousKeys.add(`${skill.id}\u0000${normaliseAlias(alias)}`);
  const state: ResolverState = {
    byId,
    index,
    ambiguousKeys,
    fuzzyIndex: undefined,
    written: new Map<string, string>(),
  };
  // Plain functions over `state`, so callers may take them off the resolver (`const { resolve } = …`).
  return {
    taxonomy,
    resolve: (name: string, options: Omit<ResolveOptions, 'taxonomy'> = {}) => resolveName(state, name, options),
    suggest: (name: string, limit: number = TAXONOMY_DEFAULTS.maxSuggestions) => suggestNames(state, name, limit),
  };
}

/** The typo index, built on first use. */
function fuzzyIndexOf(state: ResolverState): FuzzyIndex {
  state.fuzzyIndex ??= createFuzzyIndex(
    indexAliases(state.index).map(({ alias, skillId }) => {
      const key = normaliseAlias(alias);
      state.written.set(`${skillId}\u0000${key}`, alias);
      return { key, skillId };
    }),
  );
  return state.fuzzyIndex;
}

/** The skill an id reports under. Retired ids report under their replacement, following a chain but never looping. */
function currentSkill(state: ResolverState, id: string): Skill | undefined {
  const { byId } = state;
  let skill = byId.get(id);
  const seen = new Set<string>();
  while (skill?.replacedBy !== undefined && !seen.has(skill.id) && byId.has(skill.replacedBy)) {
    seen.add(skill.id);
    skill = byId.get(skill.replacedBy);
  }
  return skill;
}

/** Resolves a phrase that is a whole alias, or returns `null`. */
function resolveExact(state: ResolverState, phrase: string): SkillResolution | null {
  const hits = lookupAlias(state.index, phrase);
  if (hits.length === 0) return null;
  // A plain alias beats an ambiguous one; then id order keeps the answer deterministic.
  const ordered = [...hits].sort(
    (a, b) => Number(a.ambiguous) - Number(b.ambiguous) || (a.skillId < b.skillId ? -1 : a.skillId > b.skillId ? 1 : 0),
  );
  const skills = [
    ...new Map(
      ordered.map((hit) => [currentSkill(state, hit.skillId)?.id ?? hit.skillId, currentSkill(state, hit.skillId)]),
    ).values(),
  ].filter((s): s is Skill => s !== undefined);
  const [first, ...rest] = skills;
  if (first === undefined) return null;
  const alias = ordered.find((hit) => hit.skillId === first.id)?.alias ?? first.name;
  const resolution: SkillResolution = { id: first.id, name: first.name, confidence: 1, fuzzy: false, alias };
  if (rest.length > 0)
    resolution.suggestions = rest.map((skill) => ({ id: skill.id, name: skill.name, confidence: 1 }));
  return resolution;
}

/** Typo candidates for a normalised name, one per current skill, best first. */
function fuzzyCandidates(state: ResolverState, norm: string, limit: number): Candidate[] {
  const out = new Map<string, Candidate>();
  for (const candidate of fuzzyIndexOf(state).search(norm, limit * 4)) {
    const skill = currentSkill(state, candidate.skillId);
    if (skill === undefined || out.has(skill.id)) continue;
    out.set(skill.id, {
      skill,
      key: candidate.key,
      similarity: candidate.similarity,
      ambiguous: state.ambiguousKeys.has(`${candidate.skillId}\u0000${candidate.key}`),
    });
  }
  return [...out.values()];
}

/** `SkillResolver.suggest`. */
function suggestNames(state: ResolverState, name: string, limit: number): SkillSuggestion[] {
  if (typeof name !== 'string') throw new TypeError('`name` must be a string');
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError('`limit` must be a positive integer');
  const norm = normaliseAlias(name);
  if (norm === '') return [];
  return fuzzyCandidates(state, norm, limit)
    .filter((c) => c.similarity >= TAXONOMY_DEFAULTS.suggestionThreshold)
    .slice(0, limit)
    .map((c) => ({ id: c.skill.id, name: c.skill.name, confidence: round(c.similarity) }));
}

/** `SkillResolver.resolve`. */
function resolveName(
  state: ResolverState,
  name: string,
  options: Omit<ResolveOptions, 'taxonomy'>,
): SkillResolution | null {
  if (typeof name !== 'string') throw new TypeError('`name` must be a string');
  const threshold = checkThreshold(options.threshold ?? TAXONOMY_DEFAULTS.fuzzyThreshold);
  const trimmed = name.trim();
  if (trimmed === '') return null;

  const direct = resolveExact(state, trimmed);
  if (direct !== null) return direct;
  // Derived forms are still exact: the remainder must itself be a whole alias.
  for (const pattern of [TRAILING_VERSION, CONFIRMING_SUFFIX]) {
    const stripped = trimmed.replace(pattern, '');
    if (stripped !== trimmed && stripped.length >= 1) {
      const derived =
        resolveExact(state, stripped) ??
        (pattern === CONFIRMING_SUFFIX ? resolveExact(state, stripped.replace(TRAILING_VERSION, '')) : null);
      if (derived !== null) return derived;
    }
  }

  if (options.fuzzy === false) return null;
  const norm = normaliseAlias(trimmed);
  if (norm.length < TAXONOMY_DEFAULTS.fuzzyMinLength) return null;
  const found = fuzzyCandidates(state, norm, TAXONOMY_DEFAULTS.maxSuggestions + 1);
  // An ambiguous alias is an ordinary word: only its exact, whole-input form may resolve to it.
  const best = found.find((c) => !c.ambiguous);
  if (best === undefined || best.similarity < threshold) return null;
  // Once a name resolved, only near-equals are worth a second look.
  const floor = Math.max(TAXONOMY_DEFAULTS.suggestionThreshold, best.similarity - 0.1);
  const others = found.filter((c) => c !== best && c.similarity >= floor).slice(0, TAXONOMY_DEFAULTS.maxSuggestions);
  const resolution: SkillResolution = {
    id: best.skill.id,
    name: best.skill.name,
    confidence: round(best.similarity),
    fuzzy: true,
    alias: state.written.get(`${best.skill.id}\u0000${best.key}`) ?? best.key,
  };
  if (others.length > 0)
    resolution.suggestions = others.map((c) => ({
      id: c.skill.id,
      name: c.skill.name,
      confidence: round(c.similarity),
    }));
  return resolution;
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

const resolvers = new WeakMap<Taxonomy, SkillResolver>();

/**
 * Resolves one skill name typed by a person: an exact alias (confidence 1), a name with a
 * trailing version or a confirming word ("Java 8", "Python programming"), or a typo at least
 * `threshold` similar to an alias over the whole input (`fuzzy: true`). Ambiguous aliases
 * (Go, Express, Spring, Ruby…) resolve only when they are the whole input, never by typo.
 * The indexes are cached per taxonomy object, so repeated calls cost one look-up each.
 *
 * @returns the skill, with other candidates in `suggestions`, or `null` (see `suggestSkills` for "did you mean").
 * @example resolveSkill('Kubernates') // { id: 'kubernetes', name: 'Kubernetes', confidence: 0.9, fuzzy: true, … }
 */
export function resolveSkill(name: string, options: ResolveOptions = {}): SkillResolution | null {
  return resolverFor(options.taxonomy).resolve(name, options);
}

/**
 * "Did you mean" candidates for a name that resolves to nothing (or to check alternatives), best
 * first: skills with an alias at least `TAXONOMY_DEFAULTS.suggestionThreshold` similar to the name.
 * @param options.limit Most suggestions. @default TAXONOMY_DEFAULTS.maxSuggestions (5)
 */
export function suggestSkills(name: string, options: { taxonomy?: Taxonomy; limit?: number } = {}): SkillSuggestion[] {
  return resolverFor(options.taxonomy).suggest(name, options.limit);
}

function resolverFor(taxonomy: Taxonomy | undefined): SkillResolver {
  const key = taxonomy ?? builtinTaxonomy();
  let resolver = resolvers.get(key);
  if (resolver === undefined) {
    resolver = createResolver(key);
    resolvers.set(key, resolver);
  }
  return resolver;
}
