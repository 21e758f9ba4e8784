/**
 * Frozen look-up tables with no prototype, for vocabularies keyed by text read from a résumé or a
 * taxonomy: a key such as "constructor" or "toString" must find nothing, not a method of `Object.prototype`.
 */
export function lookupTable<T>(rows: Record<string, T>): Readonly<Record<string, T>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, rows));
}
