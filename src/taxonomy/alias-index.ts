/**
 * The alias index: every alias (and name) of every skill under its normal form (`normaliseAlias`),
 * plus the set of its proper token prefixes, so the extractor can find the longest alias starting
 * at any token with one map look-up per token of the phrase. Built once per taxonomy.
 */
import type { AmbiguityRule, Skill, Taxonomy } from './schema.js';
import { aliasKeyOf, normaliseAlias, scanTokens } from './tokenize.js';
import { aliasVariants, type AliasVariant } from './variants.js';

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
  /** The key is a spelling variant of `alias` made by a rule (`variants.ts`), not written in the taxonomy. */
  variant?: true;
  /**
   * The key is a phrase the taxonomy says is *not* the skill (`ambiguous.notIn`: "Sous Chef", "Chef de
   * Cuisine"), indexed so that a longest match reads it whole. It never counts: its `ambiguity` accepts no
   * written form, and `lookupAlias` and `indexAliases` leave it out.
   */
  blocked?: true;
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
 * replacement. Aliases that normalise to nothing are skipped. Each alias is also indexed under its
 * spelling variants (`Node JS`, `nodejs` for `Node.js`; `Postgre SQL` for `PostgreSQL`; `restapi` for
 * `REST API`; see `variants.ts`) where no written alias claims the key.
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
  const addKey = (key: string, entry: AliasEntry): void => {
    const list = aliases.get(key) ?? [];
    list.push(entry);
    aliases.set(key, list);
    const parts = keyParts(key);
    const tokensInKey = (parts.length + 1) / 2;
    if (tokensInKey > maxTokens) maxTokens = tokensInKey;
    let prefix = parts[0]!;
    for (let i = 1; i + 1 < parts.length; i += 2) {
      prefixes.add(prefix);
      prefix += parts[i]! + parts[i + 1]!;
    }
  };
  /** Written aliases that have spelling variants, with them (checked once every written key is known). */
  const pending: { entry: AliasEntry; variants: readonly AliasVariant[] }[] = [];
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
      const tokens = scanTokens(alias);
      const key = aliasKeyOf(tokens);
      if (key === '') continue;
      const forms = ambKeys.get(key);
      const ambiguity: AliasAmbiguity | null =
        amb !== undefined && forms !== undefined
          ? { rule: amb.rule, caseSensitive: amb.caseSensitive === true ? forms : null, confirmers }
          : null;
      const entry: AliasEntry = { skillId: target.id, alias, ambiguity };
      const mode = ambiguity === null ? 'plain' : amb?.caseSensitive === true ? 'case-sensitive' : 'ambiguous';
      const made = aliasVariants(alias, mode, ambiguity?.rule, tokens);
      if (made.length > 0) pending.push({ entry, variants: made });
      const list = aliases.get(key);
      const at = list?.findIndex((e) => e.skillId === target.id) ?? -1;
      if (list === undefined || at < 0) addKey(key, entry);
      // The same key reached twice (name and alias differ only in case): the unambiguous reading wins.
      else if (ambiguity === null) list[at] = entry;
    }
  }
  // Spelling variants, once every written alias is in: a written alias always wins its key, and a variant
  // two skills would make ("Dot Net") belongs to neither.
  const variants = new Map<string, AliasEntry | null>();
  for (const { entry, variants: made } of pending) {
    for (const v of made) {
      if (aliases.has(v.key)) continue;
      const ambiguity: AliasAmbiguity | null =
        v.ambiguity === null
          ? entry.ambiguity
          : {
              rule: v.ambiguity.rule,
              caseSensitive: v.ambiguity.written,
              confirmers: entry.ambiguity?.confirmers ?? [],
            };
      const made: AliasEntry = { skillId: entry.skillId, alias: entry.alias, ambiguity, variant: true };
      const earlier = variants.get(v.key);
      if (earlier === undefined) variants.set(v.key, made);
      else if (earlier !== null && earlier.skillId !== made.skillId) variants.set(v.key, null);
      else if (earlier !== null && earlier.ambiguity !== null && made.ambiguity === null) variants.set(v.key, made);
    }
  }
  for (const [key, entry] of variants) if (entry !== null) addKey(key, entry);
  // Phrases that hold an ambiguous form but are something else: matched whole, never counted.
  for (const skill of taxonomy.skills) {
    const target = currentSkill(skill, byId);
    for (const phrase of skill.ambiguous?.notIn ?? []) {
      const key = normaliseAlias(phrase);
      if (key === '' || aliases.has(key)) continue;
      addKey(key, {
        skillId: target.id,
        alias: phrase,
        ambiguity: { rule: 'list-item', caseSensitive: [], confirmers: [] },
        blocked: true,
      });
    }
  }
  for (const list of aliases.values())
    list.sort((a, b) => (a.skillId < b.skillId ? -1 : a.skillId > b.skillId ? 1 : 0));
  return { aliases, prefixes, skills, maxTokens, version: taxonomy.version };
}

/** Exact look-up of a whole phrase under the alias normal form. Empty when nothing matches. */
export function lookupAlias(index: AliasIndex, phrase: string): AliasHit[] {
  if (typeof phrase !== 'string') throw new TypeError('`phrase` must be a string');
  const entries = index.aliases.get(normaliseAlias(phrase));
  if (entries === undefined) return [];
  return entries
    .filter((e) => e.blocked !== true)
    .map((e) => ({ skillId: e.skillId, alias: e.alias, ambiguous: e.ambiguity !== null }));
}

/** Every indexed alias with its skill, sorted by alias then skill id (for fuzzy indexes and tooling). */
export function indexAliases(index: AliasIndex): { alias: string; skillId: string }[] {
  const out: { alias: string; skillId: string }[] = [];
  // A variant key repeats its written alias: listed once.
  for (const entries of index.aliases.values())
    for (const e of entries)
      if (e.variant !== true && e.blocked !== true) out.push({ alias: e.alias, skillId: e.skillId });
  out.sort((a, b) =>
    a.alias < b.alias ? -1 : a.alias > b.alias ? 1 : a.skillId < b.skillId ? -1 : a.skillId > b.skillId ? 1 : 0,
  );
  return out;
}
