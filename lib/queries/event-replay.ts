// Keeps the cache patches of recent live events so they can be applied again to data that a
// request fetched meanwhile. A request in flight when an event arrives may answer with rows
// read before the event's write; its answer would overwrite the patched cache and the update
// would be lost. Replaying is safe because every patch ignores what is not newer.

export interface TEventReplay {
  /** Applies a patch now and keeps it for `windowMs`. */
  record(apply: () => void): void;
  /** Applies every kept patch again, oldest first; forgets the expired ones. */
  replay(): void;
  /** Forgets every kept patch (what this user may see changed: old events must not come back). */
  clear(): void;
  size(): number;
}

export function createEventReplay(windowMs: number, now: () => number = Date.now): TEventReplay {
  const recent: { at: number; apply: () => void }[] = [];
  const expire = () => {
    const cutoff = now() - windowMs;
    while (recent.length && (recent[0]?.at ?? 0) < cutoff) recent.shift();
  };
  return {
    record(apply) {
      recent.push({ at: now(), apply });
      apply();
    },
    replay() {
      expire();
      for (const { apply } of recent) apply();
    },
    clear() {
      recent.length = 0;
    },
    size() {
      expire();
      return recent.length;
    },
  };
}
