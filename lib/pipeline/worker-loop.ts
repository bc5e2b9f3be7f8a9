import { oneLine } from "../errors-one-line";
import { log as logger } from "../log/logger";

// A background worker of one app instance: the intake processor and the outbox each run one.
// Work is found in the database (rows claimed with FOR UPDATE SKIP LOCKED), so any number of
// instances can run the same worker side by side; this loop only decides *when* to look.

export interface TWorker {
  /** Look for work now (e.g. right after a webhook or a reply was stored). */
  wake(): void;
  /** Finish the round in progress, then stop. */
  stop(): Promise<void>;
}

export interface TWorkerOptions {
  name: string;
  /** One round. Resolves true when it did work, so the next round starts at once. */
  tick: () => Promise<boolean>;
  /** How often to look when nobody wakes us: retries, lease take-overs, other instances' work. */
  idleMs: number;
  /** After a failed round (database down), wait this long before the next, doubling up to 30 s. */
  errorBackoffMs?: number;
  log?: (line: string) => void;
}

export function startWorkerLoop({
  name,
  tick,
  idleMs,
  errorBackoffMs = 500,
  log = (line: string) => logger().error({ worker: name }, line),
}: TWorkerOptions): TWorker {
  let stopped = false;
  let woken = false;
  let timer: NodeJS.Timeout | undefined;
  let sleeping: (() => void) | undefined;
  let failures = 0;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      sleeping = resolve;
      timer = setTimeout(resolve, ms);
    }).finally(() => {
      clearTimeout(timer);
      sleeping = undefined;
    });

  const loop = (async () => {
    while (!stopped) {
      woken = false;
      let busy = false;
      try {
        busy = await tick();
        failures = 0;
      } catch (error) {
        failures++;
        if (failures === 1 || failures % 20 === 0) {
          log(`${name}: round failed (${failures}×), retrying: ${oneLine(error)}`);
        }
      }
      if (stopped) break;
      if (failures > 0) await sleep(Math.min(30_000, errorBackoffMs * 2 ** Math.min(failures - 1, 6)));
      else if (!busy && !woken) await sleep(idleMs);
    }
  })();

  return {
    wake() {
      woken = true;
      if (failures === 0) sleeping?.();
    },
    async stop() {
      stopped = true;
      sleeping?.();
      await loop;
    },
  };
}
