// A per-key limit of N events in any window of W milliseconds (a sliding log). Kept in this
// process's memory: each instance counts its own, so behind several instances a user gets N per
// instance. Good enough for what it guards (outbound probes from one agent), and needs no table.

export type TLimitVerdict = { ok: true } | { ok: false; retryAfterSeconds: number };

export interface TSlidingWindowLimit {
  /** Counts one event for the key if the window has room; says when to come back if not. */
  take(key: string): TLimitVerdict;
}

export function createSlidingWindowLimit({
  limit,
  windowMs,
  now = Date.now,
}: {
  limit: number;
  windowMs: number;
  now?: () => number;
}): TSlidingWindowLimit {
  const events = new Map<string, number[]>();
  return {
    take(key) {
      const at = now();
      const recent = (events.get(key) ?? []).filter((t) => t > at - windowMs);
      if (recent.length >= limit) {
        events.set(key, recent);
        const oldest = recent[0] ?? at;
        return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest + windowMs - at) / 1000)) };
      }
      recent.push(at);
      events.set(key, recent);
      // Forget keys whose window is empty, so the map holds only users active in the last window.
      if (events.size > 1000) {
        for (const [k, times] of events) if ((times.at(-1) ?? 0) <= at - windowMs) events.delete(k);
      }
      return { ok: true };
    },
  };
}
