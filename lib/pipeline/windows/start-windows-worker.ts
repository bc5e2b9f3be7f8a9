import type { PrismaClient } from "../../db/generated/client";
import { LOST_BATCH, sweepLostWindows } from "../../server/windows/sweep-lost-windows";
import { startWorkerLoop, type TWorker } from "../worker-loop";

/**
 * Counts lost reply windows as they close (lib/server/windows/sweep-lost-windows.ts): every
 * `intervalMs`, and at once again while a round was full. Each window is counted once however
 * many instances run this, so every instance runs it (no leader to elect).
 */
export function startWindowsWorker({
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
    name: "lost-windows",
    idleMs: intervalMs,
    ...(log ? { log } : {}),
    tick: async () => (await sweepLostWindows(prisma, { now: now() })).length >= LOST_BATCH,
  });
}
