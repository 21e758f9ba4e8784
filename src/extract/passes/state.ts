/**
 * The typed state each ambiguity pass reads and writes, one record per hit. A hit starts
 * `undecided`; a pass may settle it as `technology` (its `kept` entries count) or `rejected`
 * (every entry in `dropped`, with the reason shown in diagnostics). Later passes look only at hits
 * still undecided, so the order of the passes (in `index.ts`) is the order of precedence.
 */
import type { AliasEntry } from '../../taxonomy/index.js';

/** Where a hit stands. */
export type HitStatus = 'undecided' | 'technology' | 'rejected';

/** An entry of a hit that does not count, and why (for the `ambiguous-mention-dropped` diagnostic). */
export interface DroppedEntry {
  entry: AliasEntry;
  reason: string;
}

/** The outcome for one hit, as the extractor reads it. */
export interface Decision {
  /** The hit's entries that count. */
  kept: AliasEntry[];
  /** Why an entry was dropped (for diagnostics). */
  dropped: DroppedEntry[];
}

/** The state of one hit while the passes run. */
export interface HitState extends Decision {
  status: HitStatus;
  /** The ambiguous entries still in question (set by the case pass, read by the later ones). */
  pending: readonly AliasEntry[];
  /** Written in lower case where the taxonomy asks for a capital: only a list of named technologies may vouch for it. */
  lowerCase: boolean;
  /** Strong enough to vouch for an ambiguous neighbour in a list. */
  anchor: boolean;
}

/** A fresh, undecided state. */
export function undecided(): HitState {
  return { status: 'undecided', pending: [], lowerCase: false, anchor: false, kept: [], dropped: [] };
}

/** Settles a hit as not the technology: every entry in `entries` is dropped for `reason`. */
export function reject(state: HitState, entries: readonly AliasEntry[], reason: string): void {
  state.status = 'rejected';
  for (const entry of entries) state.dropped.push({ entry, reason });
}

/** Settles a hit as the technology: `entries` count, and an anchor vouches for its list neighbours. */
export function accept(state: HitState, entries: readonly AliasEntry[], anchor: boolean): void {
  state.status = 'technology';
  state.kept.push(...entries);
  if (anchor) state.anchor = true;
}
