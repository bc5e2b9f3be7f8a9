import type pg from "pg";
import type { PrismaClient } from "../../db/generated/client";
import type { TEffects } from "../../effects/inbox-effects";
import { startWorkerLoop, type TWorker } from "../worker-loop";
import type { TWebhookUrlKind } from "./parse-webhook";
import { INTAKE_BATCH_SIZE, processWebhooks } from "./process-webhooks";
import { metrics } from "../../metrics/metrics";

/** The intake's loops, woken according to what was stored. */
export interface TIntakeWorker extends TWorker {
  wake(kind?: TWebhookUrlKind): void;
}

/**
 * This instance's intake processor: woken the moment a webhook is stored here, and looking
 * every second for webhooks stored elsewhere, due retries, or left by an instance that died.
 * On PostgreSQL several rounds run side by side, each on its own connection (a round waits
 * on the database most of the time; SKIP LOCKED gives each its own webhooks, and one
 * customer's stay in order). PGlite runs one statement at a time, so one round suffices there.
 */
export function startIntake({
  prisma,
  pool,
  emit,
  concurrency = 1,
}: {
  prisma: PrismaClient;
  /** PostgreSQL's pool, for the driver-level round of messages; undefined on PGlite. */
  pool?: pg.Pool | undefined;
  emit: (effects: TEffects) => void;
  concurrency?: number;
}): TIntakeWorker {
  const loops = Array.from({ length: concurrency }, (_, i) =>
    startWorkerLoop({
      name: concurrency > 1 ? `intake ${i + 1}` : "intake",
      idleMs: 1000,
      tick: async () => {
        // The last loop always takes the general round, so events and status reports are
        // applied promptly even while the others are kept busy by a stream of messages.
        const round = await processWebhooks(prisma, { pool: i < concurrency - 1 ? pool : undefined });
        emit(round.effects);
        metrics().webhooksApplied(round.applied);
        // Go on at once only if the batch was full; new webhooks wake the loop themselves.
        // (Looking again after every round cost three statements per webhook at low rates.)
        return round.claimed >= INTAKE_BATCH_SIZE;
      },
    }),
  );
  // One loop per wake-up, in turn: a busy loop goes on by itself, an idle one is started.
  // Customers' messages go to the driver-level loops, anything else to the general one.
  const messageLoops = loops.length > 1 ? loops.slice(0, -1) : loops;
  const general = loops.at(-1);
  let next = 0;
  return {
    wake: (kind?: TWebhookUrlKind) =>
      kind === undefined || kind === "messages" ? messageLoops[next++ % messageLoops.length]?.wake() : general?.wake(),
    stop: async () => {
      await Promise.all(loops.map((loop) => loop.stop()));
    },
  };
}
