/**
 * `AbortSignal` support shared by the parse and rank stages: checking the option, failing fast on a
 * signal that is already aborted, and settling a pending promise the moment its signal aborts.
 */
import { AbortError } from './errors.js';

/** Checks a `signal` option: `undefined` or an `AbortSignal` (duck-typed, so a signal from another realm passes). */
export function checkSignal(signal: unknown): AbortSignal | undefined {
  if (signal === undefined) return undefined;
  const candidate = signal as Partial<AbortSignal> | null;
  if (
    candidate === null ||
    typeof candidate !== 'object' ||
    typeof candidate.aborted !== 'boolean' ||
    typeof candidate.addEventListener !== 'function'
  ) {
    throw new TypeError('`signal` must be an AbortSignal');
  }
  return signal as AbortSignal;
}

/** The error an aborted call rejects with, carrying the signal's reason as its `cause`. */
export function abortError(signal: AbortSignal, message = 'The operation was aborted.'): AbortError {
  return new AbortError(message, { cause: signal.reason });
}

/** Throws the `AbortError` when `signal` is already aborted. */
export function throwIfAborted(signal: AbortSignal | undefined, message?: string): void {
  if (signal?.aborted) throw abortError(signal, message);
}

/**
 * Settles with `work`, or rejects with an `AbortError` as soon as `signal` aborts, whichever comes
 * first. Work that cannot be interrupted (an in-process parse) runs on; its outcome is dropped.
 */
export function abortable<T>(work: Promise<T>, signal: AbortSignal | undefined, message?: string): Promise<T> {
  if (signal === undefined) return work;
  if (signal.aborted) {
    work.catch(() => undefined);
    return Promise.reject(abortError(signal, message));
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => {
      work.catch(() => undefined);
      reject(abortError(signal, message));
    };
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** A batch's own signal, tied to the caller's; see `linkAbort`. */
export interface AbortLink {
  /** Aborts when the caller's signal does, or at `release()`. Handed to each item's work. */
  readonly signal: AbortSignal;
  /**
   * Rejects with the `AbortError` when the caller's signal aborts; never settles otherwise. Do not
   * `Promise.race` it against many waits: each race leaves a reaction on it that keeps the race's
   * settled value alive for as long as the link lives. Use `abortable(wait, signal)` per wait.
   */
  readonly aborted: Promise<never>;
  /** Ends the batch: stops listening to the caller's signal and aborts work still in flight (nobody will read it). */
  release(): void;
}

/** Ties a batch to the caller's `signal` (which may be absent): one place to listen, race and clean up. */
export function linkAbort(outer: AbortSignal | undefined, message?: string): AbortLink {
  const inner = new AbortController();
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    if (outer === undefined) return;
    onAbort = (): void => {
      reject(abortError(outer, message));
      inner.abort(outer.reason);
    };
    if (outer.aborted) onAbort();
    else outer.addEventListener('abort', onAbort, { once: true });
  });
  // Only ever awaited inside a race; a batch that ends first must not leave an unhandled rejection.
  aborted.catch(() => undefined);
  return {
    signal: inner.signal,
    aborted,
    release() {
      if (onAbort !== undefined) outer?.removeEventListener('abort', onAbort);
      inner.abort();
    },
  };
}
