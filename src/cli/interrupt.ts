/**
 * SIGINT and SIGTERM for the CLI. The first signal aborts the command's work: the running command
 * stops reading inputs, force-closes its parse pool (killing the workers) and prints what it has, and
 * the CLI exits with 128 + the signal's number (130, 143). A second signal exits at once; the pool
 * kills its workers on the process's exit either way.
 */
import { abortable } from '../abort.js';

/** Exit codes of a run stopped by a signal: 128 + the signal number, as shells report it. */
export const SIGNAL_EXIT = Object.freeze({ SIGINT: 130, SIGTERM: 143 });

export type StopSignal = keyof typeof SIGNAL_EXIT;

/** A command's view of an interruption. */
export interface Interrupt {
  /** Aborted on the first SIGINT or SIGTERM. */
  readonly signal: AbortSignal;
  /** The signal received, or null. */
  readonly received: StopSignal | null;
}

/** An interrupt that never fires: for runs that must not touch the process's signal handlers (tests calling `main`). */
export function neverInterrupted(): Interrupt & { dispose(): void } {
  return { signal: new AbortController().signal, received: null, dispose() {} };
}

/** Installs the handlers for the life of one command; `dispose()` removes them. */
export function listenForInterrupt(): Interrupt & { dispose(): void } {
  const controller = new AbortController();
  let received: StopSignal | null = null;
  const handlers = new Map<StopSignal, () => void>();
  for (const name of Object.keys(SIGNAL_EXIT) as StopSignal[]) {
    const handler = (): void => {
      if (received !== null) process.exit(SIGNAL_EXIT[name]);
      received = name;
      controller.abort(name);
    };
    handlers.set(name, handler);
    process.on(name, handler);
  }
  return {
    signal: controller.signal,
    get received() {
      return received;
    },
    dispose() {
      for (const [name, handler] of handlers) process.off(name, handler);
    },
  };
}

/**
 * Iterates `source` until it ends or `signal` aborts, whichever comes first; an abort leaves the
 * source suspended (the caller closes what feeds it) instead of waiting for its next item. Each wait
 * has its own abort listener (`abortable`), removed when it settles: racing every `next()` against one
 * long-lived promise left a reaction on it per item, which kept every item (an explained result) alive.
 */
export async function* untilAborted<T>(source: AsyncIterator<T>, signal: AbortSignal): AsyncGenerator<T> {
  while (!signal.aborted) {
    let next: IteratorResult<T>;
    try {
      next = await abortable(source.next(), signal);
    } catch (error) {
      if (signal.aborted) return;
      throw error;
    }
    if (next.done) return;
    yield next.value;
  }
}
