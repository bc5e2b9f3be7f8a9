import type { PrismaClient } from "../../db/generated/client";
import { log } from "../../log/logger";
import { deliverHooks, type TDeliverOptions } from "../../server/hooks/deliver-hooks";
import { prepareHookEvents } from "../../server/hooks/prepare-hook-events";
import { startWorkerLoop, type TWorker } from "../worker-loop";
import type { TIntakePace, TPaceMode } from "./intake-pace";

// Outgoing webhooks' worker (issue 21), on every instance: one loop prepares the events the
// triggers wrote (one instance at a time), `lanes` loops deliver them side by side, each with
// up to `perLane` deliveries in flight, so one slow receiver holds back only its own lane's
// round. A local change wakes the preparer (at most every `wakeGapMs`, so a busy intake's
// changes are prepared in batches), which wakes the lanes when it made deliveries; otherwise
// each looks every `idleMs` (other instances' changes, retries that came due, a test event).
// Every round first takes its turn from `pace` (intake-pace.ts): while the intake is busy and
// the CPU has little to spare, delivery waits, so webhooks never slow the intake down.

export interface THooksWorkerOptions extends Omit<TDeliverOptions, "onDisabled"> {
  prisma: PrismaClient;
  idleMs?: number;
  /** The least time between two wake-ups of the preparer by changes. */
  wakeGapMs?: number;
  lanes?: number;
  perLane?: number;
  /** Whose turn it is: the intake's first (none: every round goes at once, as in tests). */
  pace?: TIntakePace;
}

/** A round's size as the intake allows: deliveries per lane (at most `perLane`), events prepared. */
const DELIVERIES: Record<TPaceMode, number> = { quiet: Number.POSITIVE_INFINITY, spare: 5, pressed: 1 };
const PREPARATION: Record<TPaceMode, number> = { quiet: 200, spare: 25, pressed: 10 };

export function startHooksWorker({
  prisma,
  idleMs = 500,
  wakeGapMs = 100,
  lanes = 4,
  perLane = 10,
  pace,
  ...deliver
}: THooksWorkerOptions): TWorker {
  let stopping = false;
  // While webhooks come in, rounds are smaller (a burst of CPU in the middle of the intake's
  // would hold its answers back); none at all while the CPU has no room (intake-pace.ts).
  const mode = async () => (await pace?.turn(() => stopping)) ?? "quiet";
  const onDisabled: TDeliverOptions["onDisabled"] = (endpoint) =>
    log().warn({ endpointId: endpoint.id, reason: endpoint.reason }, "Webhook endpoint disabled");
  const deliverers = Array.from({ length: lanes }, (_, lane) =>
    startWorkerLoop({
      name: `hooks-deliver-${lane}`,
      idleMs,
      tick: async () => {
        const limit = Math.min(perLane, DELIVERIES[await mode()]);
        return (await deliverHooks(prisma, { ...deliver, onDisabled }, limit)) > 0;
      },
    }),
  );
  const preparer = startWorkerLoop({
    name: "hooks-prepare",
    idleMs,
    tick: async () => {
      const limit = PREPARATION[await mode()];
      const prepared = await prepareHookEvents(prisma, { limit, now: deliver.now?.() ?? new Date() });
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
      stopping = true;
      await Promise.all([preparer.stop(), ...deliverers.map((lane) => lane.stop())]);
    },
  };
}
