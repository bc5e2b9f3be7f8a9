import type { PrismaClient } from "../../db/generated/client";
import { rollReportDays } from "../../server/reports/roll-report-days";
import { startWorkerLoop, type TWorker } from "../worker-loop";

/**
 * Keeps the reports' roll-up (lib/server/reports/roll-report-days.ts) in step with the facts:
 * every `intervalMs`, and at once again while a round had more days to roll (a first start on
 * a long history rolls it in batches). Every instance runs it; a day is rolled by one.
 */
export function startRollupWorker({
  prisma,
  now = () => new Date(),
  intervalMs = 30_000,
  log,
}: {
  prisma: PrismaClient;
  now?: () => Date;
  intervalMs?: number;
  log?: (line: string) => void;
}): TWorker {
  return startWorkerLoop({
    name: "report-rollup",
    idleMs: intervalMs,
    ...(log ? { log } : {}),
    tick: async () => (await rollReportDays(prisma, { now: now() })).busy,
  });
}
