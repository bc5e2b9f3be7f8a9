import type { PrismaClient } from "../../db/generated/client";
import { retentionCutoff } from "../../retention/cutoff";

/** How often an account's retention runs once the last run finished. */
export const RETENTION_EVERY_MS = 24 * 60 * 60 * 1000;

export interface TDueRun {
  accountId: string;
  cutoff: Date;
}

/**
 * The run an account with retention on should work on now, started if due: the unfinished run
 * (one cut off by a crash or a stop is resumed with its own cutoff), or a new one when there is
 * none, when the last finished `everyMs` ago, or when an admin changed the settings since it
 * started (a run with the old months must not go on deleting). Null when nothing is due or
 * another instance holds the account. Under the account's advisory lock, like the batches.
 */
export async function startRetentionRun(
  prisma: PrismaClient,
  { accountId, now, everyMs = RETENTION_EVERY_MS }: { accountId: string; now: Date; everyMs?: number },
): Promise<TDueRun | null> {
  return prisma.$transaction(async (tx) => {
    const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`
      SELECT pg_try_advisory_xact_lock(hashtext(${`retention:${accountId}`})) AS locked`;
    if (lock?.locked !== true) return null;
    const account = await tx.instagramAccount.findUnique({
      where: { id: accountId },
      select: { retentionEnabled: true, retentionMonths: true, retentionChangedAt: true, retentionRun: true },
    });
    if (!account?.retentionEnabled) return null;
    const run = account.retentionRun;
    const outdated = run !== null && account.retentionChangedAt !== null && run.startedAt < account.retentionChangedAt;
    if (run !== null && !outdated) {
      if (run.finishedAt === null) return { accountId, cutoff: run.cutoff };
      if (now.getTime() - run.finishedAt.getTime() < everyMs) return null;
    }
    const fresh = {
      months: account.retentionMonths,
      cutoff: retentionCutoff(now, account.retentionMonths),
      startedAt: now,
      finishedAt: null,
      conversations: 0,
      messages: 0,
      uploads: 0,
      batches: 0,
    };
    await tx.retentionRun.upsert({ where: { accountId }, create: { accountId, ...fresh }, update: fresh });
    return { accountId, cutoff: fresh.cutoff };
  });
}
