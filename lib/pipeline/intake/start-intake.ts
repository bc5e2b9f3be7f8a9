import type { PrismaClient } from "../../db/generated/client";
import type { TEffects } from "../../server/webhooks/effects";
import { startWorkerLoop, type TWorker } from "../worker-loop";
import { processWebhooks } from "./process-webhooks";

/**
 * This instance's intake processor: woken the moment a webhook is stored here, and looking
 * every second for webhooks stored elsewhere, due retries, or left by an instance that died.
 */
export function startIntake({ prisma, emit }: { prisma: PrismaClient; emit: (effects: TEffects) => void }): TWorker {
  return startWorkerLoop({
    name: "intake",
    idleMs: 1000,
    tick: async () => {
      const round = await processWebhooks(prisma);
      emit(round.effects);
      return round.claimed > 0;
    },
  });
}
