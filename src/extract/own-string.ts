/**
 * Strings that keep nothing else alive. V8 makes `s.slice(a, b)` of 13 characters or more a view
 * into `s`, so a word sliced out of a document (or out of its lower-cased copy) keeps the whole
 * document in memory for as long as the word lives. Memos that outlive one document store copies.
 */

/**
 * A copy of `s` that shares no storage with the string it was sliced from: concatenation makes a
 * two-part string, and slicing that flattens it into fresh storage first.
 */
export function ownString(s: string): string {
  return ` ${s}`.slice(1);
}
