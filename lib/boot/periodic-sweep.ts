import { log } from "../log/logger";

/**
 * Runs `sweep` once at start, then every `intervalMs` (a round still running is not started
 * again), logging a failure with `name`; returns the stop function. The hourly clean-ups of every
 * instance (unused uploads, expired idempotency keys, settled webhook history) run through it.
 */
export function startPeriodicSweep(name: string, sweep: () => Promise<void>, intervalMs = 60 * 60 * 1000): () => void {
  let running = false;
  const round = () => {
    if (running) return;
    running = true;
    void sweep()
      .catch((err: unknown) => log().error({ err }, `${name} failed`))
      .finally(() => (running = false));
  };
  round();
  const timer = setInterval(round, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
