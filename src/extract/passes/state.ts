/**
 * The typed state each ambiguity pass reads and writes, one record per hit. A hit starts
 * `undecided`; a pass may settle it as `technology` (its `kept` entries count) or `rejected`
 * (every entry in `dropped`, with the reason shown in diagnostics). Later passes look only at hits
 * still undecided, so the order of the passes (in `index.ts`) is the order of precedence.
 *
 * `kept` and `dropped` are never changed in place: adding to one makes a new array (a hit gains
 * entries once or twice at most). That lets every fresh state share one empty array, and a hit
 * rejected with all its alias's entries share one list of them per alias and reason: a 1 MB text with
 * 200,000 hits allocates no arrays for them.
 */
import type { AliasEntry } from '../../taxonomy/index.js';

/** Where a hit stands. */
export type HitStatus = 'undecided' | 'technology' | 'rejected';

/** An entry of a hit that does not count, and why (for the `ambiguous-mention-dropped` diagnostic). */
export interface DroppedEntry {
  readonly entry: AliasEntry;
  readonly reason: string;
}

/** The outcome for one hit, as the extractor reads it. */
export interface Decision {
  /** The hit's entries that count. */
  readonly kept: readonly AliasEntry[];
  /** Why an entry was dropped (for diagnostics). */
  readonly dropped: readonly DroppedEntry[];
}

/** The state of one hit while the passes run. */
export interface HitState {
  status: HitStatus;
  kept: readonly AliasEntry[];
  dropped: readonly DroppedEntry[];
  /** The ambiguous entries still in question (set by the case pass, read by the later ones). */
  pending: readonly AliasEntry[];
  /** Written in lower case where the taxonomy asks for a capital: only a list of named technologies may vouch for it. */
  lowerCase: boolean;
  /** Strong enough to vouch for an ambiguous neighbour in a list. */
  anchor: boolean;
}

const NO_ENTRIES: readonly AliasEntry[] = Object.freeze([]);
const NONE_DROPPED: readonly DroppedEntry[] = Object.freeze([]);

/** A fresh, undecided state. */
export function undecided(): HitState {
  return {
    status: 'undecided',
    pending: NO_ENTRIES,
    lowerCase: false,
    anchor: false,
    kept: NO_ENTRIES,
    dropped: NONE_DROPPED,
  };
}

/** `entries` dropped for `reason`, one shared frozen list per entries array and reason (the index's arrays live as long as it). */
const droppedLists = new WeakMap<readonly AliasEntry[], Map<string, readonly DroppedEntry[]>>();

function droppedList(entries: readonly AliasEntry[], reason: string): readonly DroppedEntry[] {
  let byReason = droppedLists.get(entries);
  if (byReason === undefined) {
    byReason = new Map();
    droppedLists.set(entries, byReason);
  }
  let list = byReason.get(reason);
  if (list === undefined) {
    list = Object.freeze(entries.map((entry) => Object.freeze({ entry, reason })));
    byReason.set(reason, list);
  }
  return list;
}

/** Adds `entry` to the hit's dropped entries for `reason`. */
export function drop(state: HitState, entry: AliasEntry, reason: string): void {
  state.dropped = [...state.dropped, { entry, reason }];
}

/** Adds `entries` to the hit's kept entries (`entries` is kept as it is when nothing was kept before). */
export function keep(state: HitState, entries: readonly AliasEntry[]): void {
  if (entries.length === 0) return;
  state.kept = state.kept.length === 0 ? entries : [...state.kept, ...entries];
}

/**
 * Settles a hit as not the technology: every entry in `entries` is dropped for `reason`. `shared` says
 * `entries` is an array of the alias index (a hit's own `entries`), whose dropped list may be shared.
 */
export function reject(state: HitState, entries: readonly AliasEntry[], reason: string, shared = false): void {
  state.status = 'rejected';
  if (entries.length === 0) return;
  if (shared && state.dropped.length === 0) state.dropped = droppedList(entries, reason);
  else state.dropped = [...state.dropped, ...entries.map((entry) => ({ entry, reason }))];
}

/** Settles a hit as the technology: `entries` count, and an anchor vouches for its list neighbours. */
export function accept(state: HitState, entries: readonly AliasEntry[], anchor: boolean): void {
  state.status = 'technology';
  keep(state, entries);
  if (anchor) state.anchor = true;
}
