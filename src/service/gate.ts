/**
 * Admission control: at most `concurrent` requests do work at once and at most `queued` wait for
 * a turn; anything beyond is refused at once (429 with `Retry-After`) instead of piling up in
 * memory until the process falls over. Waiting is FIFO, so no request starves.
 */

/** What a gate reports about itself, for `/readyz` and tests. */
export interface GateStats {
  active: number;
  queued: number;
  concurrent: number;
  maxQueued: number;
}

export interface Gate {
  /** A release function once a slot is free, or `null` at once when the queue is full too. */
  enter(): Promise<() => void> | null;
  /** Seconds a refused caller should wait: the time the queue ahead of it takes at the recent pace, 1 to 60. */
  retryAfter(): number;
  stats(): GateStats;
}

export function createGate(concurrent: number, maxQueued: number): Gate {
  let active = 0;
  const waiting: (() => void)[] = [];
  // Exponentially weighted mean of how long a slot is held, in ms: Retry-After follows the real pace.
  let meanHoldMs = 500;

  function release(started: number): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      meanHoldMs = meanHoldMs * 0.8 + (Date.now() - started) * 0.2;
      const next = waiting.shift();
      if (next) next();
      else active--;
    };
  }

  return {
    enter() {
      if (active < concurrent) {
        active++;
        return Promise.resolve(release(Date.now()));
      }
      if (waiting.length >= maxQueued) return null;
      // The slot passes straight from the releasing request to the first waiter: `active` stays the same.
      return new Promise((resolve) => waiting.push(() => resolve(release(Date.now()))));
    },
    retryAfter() {
      const ahead = waiting.length + active;
      return Math.min(60, Math.max(1, Math.ceil((meanHoldMs * ahead) / concurrent / 1000)));
    },
    stats() {
      return { active, queued: waiting.length, concurrent, maxQueued };
    },
  };
}
