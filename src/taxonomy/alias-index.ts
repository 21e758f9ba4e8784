/**
 * The alias index: every alias (and name) of every skill under its normal form (`normaliseAlias`),
 * plus the set of its proper token prefixes, so the extractor can find the longest alias starting
 * at any token with one map look-up per token of the phrase. Built once per taxonomy.
 */
import type { AmbiguityRule, Skill, Taxonomy } from './schema.js';
import { normaliseAlias } from './tokenize.js';

/** How an ambiguous alias earns a match (from the skill's `ambiguous` field). */
export interface AliasAmbiguity {
  rule: AmbiguityRule;
  /** When set, the text must be written exactly as one of these (e.g. `Go`, not `go`). */
  caseSensitive: readonly string[] | null;
  /** Normalised confirming words ("programming", "language"). */
  confirmers: readonly string[];
}

/** One skill an alias key points to. */
export interface AliasEntry {
  skillId: string;
  /** The alias as written in the taxonomy. */
  alias: string;
  ambiguity: AliasAmbiguity | null;
}

/** A prebuilt index; treat as opaque (its fields may change between minor versions). */
export interface AliasIndex {
  /** Normalised alias → skills (more than one only for aliases the taxonomy marks ambiguous). */
  readonly aliases: ReadonlyMap<string, readonly AliasEntry[]>;
  /** Proper prefixes (at token boundaries) of multi-token keys. */
  readonly prefixes: ReadonlySet<string>;
  /** Skill id → skill, replacements resolved. */
  readonly skills: ReadonlyMap<string, Skill>;
  /** Most tokens in any key. */
  readonly maxTokens: number;
  /** The taxonomy's version. */
  readonly version: string;
}

/** Result of `lookupAlias`. */
export interface AliasHit {
  skillId: string;
  /** The alias as written in the taxonomy. */
  alias: string;
  /** The alias is an ordinary word too and counts only in context. */
  ambiguous: boolean;
}

/** Splits a normalised key into its tokens and separators: `'a/b testing'` → `['a', '/', 'b', ' ', 'testing']`. */
function keyParts(key: string): string[] {
  const parts: string[] = [];
  let cur = '';
  for (const ch of key) {
    if (ch === ' ' || ch === '/' || ch === '&') {
      parts.push(cur, ch);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  return parts;
}

/** The skill a retired one stands for (its `replacedBy` chain, at most 8 steps); the skill itself when it is not retired. */
function currentSkill(skill: Skill, byId: ReadonlyMap<string, Skill>): Skill {
  let target = skill;
  for (let hops = 0; target.replacedBy !== undefined && hops < 8; hops++) {
    const next = byId.get(target.replacedBy);
    if (next === undefined) break;
    target = next;
  }
  return target;
}

/** The skills an id can stand for in a profile: every skill not retired in favour of another (the index's `skills`). */
export function liveSkills(taxonomy: Taxonomy): Map<string, Skill> {
  const byId = new Map<string, Skill>();
  for (const skill of taxonomy.skills) byId.set(skill.id, skill);
  const live = new Map<string, Skill>();
  for (const skill of taxonomy.skills) if (currentSkill(skill, byId) === skill) live.set(skill.id, skill);
  return live;
}

/**
 * Builds the alias index of a taxonomy. Retired skills (`replacedBy`) index their aliases under the
 * replacement. Aliases that normalise to nothing are skipped.
 */
export function buildAliasIndex(taxonomy: Taxonomy): AliasIndex {
  if (taxonomy === null || typeof taxonomy !== 'object' || !Array.isArray((taxonomy as Taxonomy).skills)) {
    throw new TypeError('`taxonomy` must be a taxonomy object with a `skills` array');
  }
  const byId = new Map<string, Skill>();
  for (const skill of taxonomy.skills) byId.set(skill.id, skill);
  const aliases = new Map<string, AliasEntry[]>();
  const prefixes = new Set<string>();
  const skills = new Map<string, Skill>();
  let maxTokens = 1;
  for (const skill of taxonomy.skills) {
    const target = currentSkill(skill, byId);
    if (target === skill) skills.set(skill.id, skill);
    const amb = skill.ambiguous;
    const ambKeys = new Map<string, string[]>();
    if (amb !== undefined) {
      for (const a of amb.aliases) {
        const k = normaliseAlias(a);
        const list = ambKeys.get(k) ?? [];
        list.push(a);
        ambKeys.set(k, list);
      }
    }
    const confirmers = (amb?.confirmers ?? []).map(normaliseAlias).filter((c) => c !== '');
    for (const alias of [skill.name, ...skill.aliases]) {
      const key = normaliseAlias(alias);
      if (key === '') continue;
      const written = ambKeys.get(key);
      const ambiguity: AliasAmbiguity | null =
        amb !== undefined && written !== undefined ? { rule: amb.rule, caseSensitive: amb.caseSensitive === true ? written : null, confirmers } : null;
      const list = aliases.get(key) ?? [];
      if (!list.some((e) => e.skillId === target.id)) list.push({ skillId: target.id, alias, ambiguity });
      else if (ambiguity === null) {
        // The same key reached twice (name and alias differ only in case): the unambiguous reading wins.
        const i = list.findIndex((e) => e.skillId === target.id);
        list[i] = { skillId: target.id, alias, ambiguity: null };
      }
      aliases.set(key, list);
      const parts = keyParts(key);
      const tokensInKey = (parts.length + 1) / 2;
      if (tokensInKey > maxTokens) maxTokens = tokensInKey;
      let prefix = parts[0]!;
      for (let i = 1; i + 1 < parts.length; i += 2) {
        prefixes.add(prefix);
        prefix += parts[i]! + parts[i + 1]!;
      }
    }
  }
  for (const list of aliases.values()) list.sort((a, b) => (a.skillId < b.skillId ? -1 : a.skillId > b.skillId ? 1 : 0));
  return { aliases, prefixes, skills, maxTokens, version: taxonomy.version };
}

/** Exact look-up of a whole phrase under the alias normal form. Empty when nothing matches. */
export function lookupAlias(index: AliasIndex, phrase: string): AliasHit[] {
  if (typeof phrase !== 'string') throw new TypeError('`phrase` must be a string');
  const entries = index.aliases.get(normaliseAlias(phrase));
  if (entries === undefined) return [];
  return entries.map((e) => ({ skillId: e.skillId, alias: e.alias, ambiguous: e.ambiguity !== null }));
}

/** Every indexed alias with its skill, sorted by alias then skill id (for fuzzy indexes and tooling). */
export function indexAliases(index: AliasIndex): { alias: string; skillId: string }[] {
  const out: { alias: string; skillId: string }[] = [];
  for (const entries of index.aliases.values()) for (const e of entries) out.push({ alias: e.alias, skillId: e.skillId });
  out.sort((a, b) => (a.alias < b.alias ? -1 : a.alias > b.alias ? 1 : a.skillId < b.skillId ? -1 : a.skillId > b.skillId ? 1 : 0));
  return out;
}
