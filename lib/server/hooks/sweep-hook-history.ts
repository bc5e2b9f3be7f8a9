import type { PrismaClient } from "../../db/generated/client";

// Webhook history is kept as long as it is useful (issue 21): a week of deliveries and their
// log (the delivery log, resends), and an hour of events no endpoint wanted. Nothing pending is
// ever removed. Deleted in batches, each a short statement, so the intake never waits on it.

export const HOOK_HISTORY_DAYS = 7;
const UNWANTED_MS = 3600_000;
const BATCH = 5000;

export async function sweepHookHistory(prisma: PrismaClient, now = new Date()): Promise<number> {
  const old = new Date(now.getTime() - HOOK_HISTORY_DAYS * 24 * 3600_000);
  const unwanted = new Date(now.getTime() - UNWANTED_MS);
  let removed = 0;
  for (;;) {
    // Events (with their deliveries and attempts, by cascade) that are settled everywhere.
    const count = await prisma.$executeRaw`
      DELETE FROM "HookEvent" WHERE "id" IN (
        SELECT e."id" FROM "HookEvent" e
        WHERE e."preparedAt" IS NOT NULL AND e."occurredAt" < ${unwanted}
          AND (e."occurredAt" < ${old} OR NOT EXISTS (SELECT 1 FROM "HookDelivery" d WHERE d."eventId" = e."id"))
          AND NOT EXISTS (SELECT 1 FROM "HookDelivery" d WHERE d."eventId" = e."id" AND d."state" = 'PENDING')
        ORDER BY e."id" LIMIT ${BATCH})`;
    removed += count;
    if (count < BATCH) return removed;
  }
}
