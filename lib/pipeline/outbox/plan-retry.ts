import type { TOutboxOptions } from "./outbox-deps";

// When a retryable failure is tried again, as a pure rule (tested with numbers, no clock).

export type TRetryPlan = { kind: "retry"; at: Date } | { kind: "give-up"; triedForMs: number };

/**
 * Exponential backoff with full jitter (AWS architecture blog, "Exponential Backoff And
 * Jitter"): many replies failing together spread out instead of hitting CM again in lockstep.
 * A small floor keeps a 429 from being answered at once.
 */
export function backoffDelayMs(
  attempts: number,
  random: number,
  { baseDelayMs, maxDelayMs }: Pick<TOutboxOptions, "baseDelayMs" | "maxDelayMs">,
): number {
  const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, Math.min(attempts - 1, 30)));
  return Math.max(Math.round(baseDelayMs / 4), Math.round(random * ceiling));
}

/**
 * After the try numbered `attempts` failed in a retryable way: the next try's time, or give up
 * once the retry window since the first try is over. After an unknown outcome the next try
 * waits at least the grace period, so that CM's status report can stop it (see README, Outbox).
 */
export function planRetry(
  {
    attempts,
    firstAttemptAt,
    now,
    unknownOutcome,
    random,
  }: { attempts: number; firstAttemptAt: Date; now: Date; unknownOutcome: boolean; random: number },
  options: Pick<TOutboxOptions, "baseDelayMs" | "maxDelayMs" | "retryWindowMs" | "unknownGraceMs">,
): TRetryPlan {
  const triedForMs = now.getTime() - firstAttemptAt.getTime();
  if (triedForMs >= options.retryWindowMs) return { kind: "give-up", triedForMs };
  const delay = Math.max(backoffDelayMs(attempts, random, options), unknownOutcome ? options.unknownGraceMs : 0);
  return { kind: "retry", at: new Date(now.getTime() + delay) };
}

/** "4 min 10 s", for reasons an agent reads. */
export function describeDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  return seconds % 60 === 0 ? `${minutes} min` : `${minutes} min ${seconds % 60} s`;
}
