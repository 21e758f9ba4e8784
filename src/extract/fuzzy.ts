/**
 * The typo fallback for leftover tokens ("Kubernates", "Postgress", "Djnago"). A full fuse.js
 * query costs milliseconds, so two gates come first: the token must look technical, and a
 * one-deletion neighbourhood index (built once per taxonomy, symmetric-delete style) must hold
 * an alias within about two edits. Only tokens that pass both are looked up through the fuse.js
 * adapter of the taxonomy stage, and accepted above the similarity threshold.
 */
import { type AliasIndex, createFuzzyIndex, type FuzzyIndex } from '../taxonomy/index.js';
import { ownString } from './own-string.js';

export interface TypoIndex {
  /** Normalised alias (one token, unambiguous, long enough) → skill id. */
  readonly aliases: ReadonlyMap<string, string>;
  /** Each alias and its one-character deletions → aliases. */
  readonly deletions: ReadonlyMap<string, readonly string[]>;
  readonly minLength: number;
  /** Memo of `hasNearAlias` per word (bounded): the deletion map is large, and résumés reuse their words. */
  readonly near: Map<string, boolean>;
  fuse(): FuzzyIndex;
}

const MAX_NEAR_MEMO = 20_000;

function deletionsOf(word: string, into: (variant: string) => void): void {
  into(word);
  for (let i = 0; i < word.length; i++) into(word.slice(0, i) + word.slice(i + 1));
}

const DERIVED_ENDING = /(?:al|ic|ed|es|s|er|ers|ing|ly|ist|ism|ian)$/;

/** Builds the typo index over the one-token, unambiguous aliases of at least `minLength` characters. */
export function buildTypoIndex(index: AliasIndex, minLength: number): TypoIndex {
  const aliases = new Map<string, string>();
  for (const [key, entries] of index.aliases) {
    if (key.length < minLength || key.includes(' ') || key.includes('/') || key.includes('&')) continue;
    if (entries.length !== 1 || entries[0]!.ambiguity !== null) continue;
    aliases.set(key, entries[0]!.skillId);
  }
  const deletions = new Map<string, string[]>();
  for (const key of aliases.keys()) {
    deletionsOf(key, (v) => {
      const list = deletions.get(v);
      if (list === undefined) deletions.set(v, [key]);
      else if (!list.includes(key)) list.push(key);
    });
  }
  let fuse: FuzzyIndex | undefined;
  return {
    aliases,
    deletions,
    minLength,
    near: new Map(),
    fuse: () => (fuse ??= createFuzzyIndex([...aliases].map(([key, skillId]) => ({ key, skillId })))),
  };
}

/** Cheap gate: some alias is within a deletion of `norm` on either side. */
export function hasNearAlias(typo: TypoIndex, norm: string): boolean {
  let near = typo.near.get(norm);
  if (near === undefined) {
    near = typo.deletions.has(norm);
    for (let i = 0; i < norm.length && !near; i++) near = typo.deletions.has(norm.slice(0, i) + norm.slice(i + 1));
    if (typo.near.size >= MAX_NEAR_MEMO) typo.near.clear();
    // A copy as key: `norm` is sliced out of a document that must not outlive its extraction.
    typo.near.set(ownString(norm), near);
  }
  return near;
}

/**
 * Looks `norm` up through fuse.js and returns the best alias at least `threshold` similar over the
 * whole token, or `null`. An exact alias is never a typo, so identical keys are skipped.
 */
export function lookupTypo(
  typo: TypoIndex,
  norm: string,
  threshold: number,
): { skillId: string; key: string; similarity: number } | null {
  if (norm.length < typo.minLength || !hasNearAlias(typo, norm)) return null;
  const [best] = typo.fuse().search(norm, 3);
  if (best === undefined || best.key === norm || best.similarity < threshold) return null;
  // Typists slip inside a word, rarely on its first letter; a different first letter is a different word
  // ("Kingdom"/Pingdom).
  if (best.key.charCodeAt(0) !== norm.charCodeAt(0)) return null;
  // A word that is the alias less its first or last letter is a different word, not a slip:
  // "commerce"/eCommerce, "studio"/RStudio, "center"/vCenter, "firewall"/firewalls.
  if (best.key.length > norm.length && (best.key.endsWith(norm) || best.key.startsWith(norm))) return null;
  // Likewise the alias plus an English ending is a derived word: "statistical"/Statistica, "reacts"/React.
  // A doubled last letter stays a typo ("Postgress").
  const doubled = norm.length === best.key.length + 1 && norm.endsWith(best.key.slice(-1));
  if (norm.length > best.key.length && norm.startsWith(best.key) && DERIVED_ENDING.test(norm) && !doubled) return null;
  return { skillId: best.skillId, key: best.key, similarity: best.similarity };
}
