import type { PrismaClient } from "../../db/generated/client";
import { log } from "../../log/logger";
import { deliverHooks, type TDeliverOptions } from "../../server/hooks/deliver-hooks";
import { prepareHookEvents } from "../../server/hooks/prepare-hook-events";
import { startWorkerLoop, type TWorker } from "../worker-loop";

// Outgoing webhooks' worker (issue 21), on every instance: one loop prepares the events the
// triggers wrote (one instance at a time), `lanes` loops deliver them side by side, each with
// up to `perLane` deliveries in flight, so one slow receiver holds back only its own lane's
// round. A local change wakes the preparer (at most every `wakeGapMs`, so a busy intake's
// changes are prepared in batches), which wakes the lanes when it made deliveries; otherwise
// each looks every `idleMs` (other instances' changes, retries that came due, a test event).

export interface THooksWorkerOptions extends Omit<TDeliverOptions, "onDisabled"> {
  prisma: PrismaClient;
  idleMs?: number;
  /** The least time between two wake-ups of the preparer by changes. */
  wakeGapMs?: number;
  lanes?: number;
  perLane?: number;
}

export function startHooksWorker({
  prisma,
  idleMs = 500,
  wakeGapMs = 100,
  lanes = 4,
  perLane = 10,
  ...deliver
}: THooksWorkerOptions): TWorker {
  const onDisabled: TDeliverOptions["onDisabled"] = (endpoint) =>
    log().warn({ endpointId: endpoint.id, reason: endpoint.reason }, "Webhook endpoint disabled");
  const deliverers = Array.from({ length: lanes }, (_, lane) =>
    startWorkerLoop({
      name: `hooks-deliver-${lane}`,
      idleMs,
      tick: async () => (await deliverHooks(prisma, { ...deliver, onDisabled }, perLane)) > 0,
    }),
  );
  const preparer = startWorkerLoop({
    name: "hooks-prepare",
    idleMs,
    tick: async () => {
      const prepared = await prepareHookEvents(prisma, { now: deliver.now?.() ?? new Date() });
      if (prepared > 0) for (const lane of deliverers) lane.wake();
      return prepared > 0;
    },
  });
  let lastWake = 0;
  return {
    wake() {
      const now = Date.now();
      if (now - lastWake < wakeGapMs) return;
      lastWake = now;
      preparer.wake();
    },
    async stop() {
      await Promise.all([preparer.stop(), ...deliverers.map((lane) => lane.stop())]);
    },
  };
}
