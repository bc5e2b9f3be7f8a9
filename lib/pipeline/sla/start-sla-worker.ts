import type { PrismaClient } from "../../db/generated/client";
import type { TEffect } from "../../effects/effects";
import { log as logger } from "../../log/logger";
import { startWorkerLoop, type TWorker } from "../worker-loop";
import { runSlaRound, type TSlaRoundState } from "./run-sla-round";

/**
 * The SLA clock of this instance (issue 19): every `intervalMs`, keeps each open conversation's
 * next due time, warns 10 minutes before it, and records breaches. The write paths (intake,
 * replies, status) know nothing of SLAs: this worker reads what they wrote. Every instance runs
 * it; warnings and breaches happen once (lib/server/sla), and a due time written twice is the
 * same due time.
 */
export function startSlaWorker({
  prisma,
  emit,
  now = () => new Date(),
  intervalMs = 15_000,
  limit = 500,
  log = (line: string) => logger().error({ worker: "sla" }, line),
}: {
  prisma: PrismaClient;
  emit: (...effects: TEffect[]) => void;
  now?: () => Date;
  intervalMs?: number;
  limit?: number;
  log?: (line: string) => void;
}): TWorker {
  let state: TSlaRoundState = { changedSince: null, sweepAfter: null };
  return startWorkerLoop({
    name: "sla",
    idleMs: intervalMs,
    log,
    tick: async () => {
      const round = await runSlaRound(prisma, { now: now(), state, limit });
      state = round.state;
      if (round.inbox.conversations.length > 0) emit(round.inbox);
      if (round.warned.warnings.length > 0) emit(round.warned);
      return round.busy;
    },
  });
}
