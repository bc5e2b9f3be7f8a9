import { cpus } from "node:os";

// Outgoing webhooks yield to the intake (issue 21: delivering them must not slow the intake).
// CM waits for the intake's answer and retries what it does not get in time; a receiver of
// our webhooks waits for nothing. So while webhooks are coming in and the machine's CPU has
// little to spare, the hooks worker's rounds wait, and the backlog is delivered once the
// intake is quiet or the CPU has room again. A round waits about `maxWaitMs` at most, so
// deliveries go on, slowly, under any load. While webhooks come in, rounds go one at a time
// (the four lanes and the preparer at the same moment were a burst the intake felt): with
// room, `spareGapMs` apart (looking that often for a free slot); without, `pressedGapMs` apart.

/**
 * How a background round may go: `quiet` (no webhook for a while: a full round), `spare`
 * (webhooks coming in, but the CPU has room: a middle-sized round), `pressed` (webhooks coming
 * in and no room: it waited `maxWaitMs` and its slot, so a small round).
 */
export type TPaceMode = "quiet" | "spare" | "pressed";

export interface TIntakePace {
  /** The intake took a webhook (called for every one: cheap). */
  noteWebhook(): void;
  /**
   * Resolves when a background round may go, and how: at once while the intake has been quiet
   * for `quietMs`; while the CPU has been at least `minIdle` idle lately (smoothed over about a
   * second, so one idle moment in a burst does not count), once no other such round went in the
   * last `spareGapMs`; else after `maxWaitMs` once no other pressed round went in the last
   * `pressedGapMs` (or at once on `stopping()`).
   */
  turn(stopping?: () => boolean): Promise<TPaceMode>;
}

export interface TIntakePaceOptions {
  quietMs?: number;
  minIdle?: number;
  lookEveryMs?: number;
  maxWaitMs?: number;
  /** The least time between two rounds that go while webhooks come in and the CPU has room. */
  spareGapMs?: number;
  /** The least time between two rounds that go while the intake presses. */
  pressedGapMs?: number;
  now?: () => number;
  /** The share of CPU time that was idle since the previous call (0…1); os.cpus() by default. */
  idleShare?: () => number;
}

export function createIntakePace({
  quietMs = 1_000,
  minIdle = 0.6,
  lookEveryMs = 100,
  maxWaitMs = 5_000,
  spareGapMs = 50,
  pressedGapMs = 2_000,
  now = Date.now,
  idleShare = cpuIdleSampler(),
}: TIntakePaceOptions = {}): TIntakePace {
  let lastWebhookAt = Number.NEGATIVE_INFINITY;
  let lastPressedAt = Number.NEGATIVE_INFINITY;
  let lastSpareAt = Number.NEGATIVE_INFINITY;
  // One sample serves every round that asks within `lookEveryMs` (four lanes and the preparer);
  // each moves the smoothed share a quarter of the way (weighted by the time it covers, so a
  // sample after a long pause counts as much as that pause).
  let sampledAt = now();
  let idle = 1;
  const idleLately = () => {
    const elapsed = now() - sampledAt;
    if (elapsed >= lookEveryMs) {
      const weight = Math.min(1, 0.25 * (elapsed / lookEveryMs));
      idle += weight * (idleShare() - idle);
      sampledAt = now();
    }
    return idle;
  };
  const mode = (): TPaceMode | undefined => {
    if (now() - lastWebhookAt >= quietMs) return "quiet";
    if (idleLately() < minIdle || now() - lastSpareAt < spareGapMs) return undefined;
    lastSpareAt = now();
    return "spare";
  };

  return {
    noteWebhook() {
      lastWebhookAt = now();
    },
    async turn(stopping = () => false) {
      const first = mode();
      if (first) return first;
      const started = now();
      let found: TPaceMode | undefined;
      const slotFree = () => now() - started >= maxWaitMs && now() - lastPressedAt >= pressedGapMs;
      while (!found && !stopping() && !slotFree()) {
        await new Promise((resolve) => setTimeout(resolve, Math.min(lookEveryMs, spareGapMs)));
        found = mode();
      }
      if (found) return found;
      if (!stopping()) lastPressedAt = now();
      return "pressed";
    },
  };
}

/** The machine's idle share of CPU time between two calls (all cores; 1 on the first call). */
export function cpuIdleSampler(): () => number {
  let previous = cpuTimes();
  return () => {
    const current = cpuTimes();
    const total = current.total - previous.total;
    const idle = current.idle - previous.idle;
    previous = current;
    return total > 0 ? idle / total : 1;
  };
}

function cpuTimes(): { idle: number; total: number } {
  let idle = 0;
  let total = 0;
  for (const { times } of cpus()) {
    idle += times.idle;
    total += times.user + times.nice + times.sys + times.idle + times.irq;
  }
  return { idle, total };
}
