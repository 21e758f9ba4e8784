/**
 * Ordinals: a skill's position in its taxonomy's `skills` list. Extraction writes it into each
 * profile skill (`ExtractedSkill.ordinal`) so that scoring can find the skill by position instead
 * of hashing its id; scoring checks the id at that position, so an ordinal from another taxonomy
 * or a hand-edited profile costs speed, never correctness.
 */
import type { Taxonomy } from './schema.js';

/** The ids of a taxonomy by ordinal, and the ordinal of each id. */
export interface Ordinals {
  /** `ids[k]` is the id of `taxonomy.skills[k]`, as its canonical string (see `canonical`). */
  readonly ids: readonly string[];
  readonly byId: ReadonlyMap<string, number>;
}

/**
 * The copy of `s` the JavaScript engine keeps for property names. Equal strings from this function
 * are one object, so comparing two of them is a pointer comparison, and looking one up as a
 * property key skips hashing it again. `JSON.parse` gives such copies only for short strings (in V8,
 * of up to 10 characters), so ids like "spring-boot" would otherwise compare character by character.
 */
export function canonical(s: string): string {
  const holder: Record<string, 0> = { [s]: 0 };
  for (const key in holder) return key;
  return s;
}

/** Ordinals of a taxonomy's skills. The first of two skills with the same id keeps it (a valid taxonomy has none). */
export function taxonomyOrdinals(taxonomy: Taxonomy): Ordinals {
  const ids = taxonomy.skills.map((skill) => canonical(skill.id));
  const byId = new Map<string, number>();
  ids.forEach((id, k) => {
    if (!byId.has(id)) byId.set(id, k);
  });
  return { ids, byId };
}
