import type { PrismaClient } from "../../db/generated/client";
import type { TRetentionView } from "../../retention/schemas";
import { AppError } from "../../errors";

/** An account's retention settings and its latest run's figures, as the admin page shows them. */
export async function getRetention(prisma: PrismaClient, accountId: string): Promise<TRetentionView> {
  const account = await prisma.instagramAccount.findUnique({
    where: { id: accountId },
    select: { retentionEnabled: true, retentionMonths: true, retentionRun: true },
  });
  if (!account) throw new AppError("NOT_FOUND", "This account does not exist (any more).");
  const run = account.retentionRun;
  return {
    enabled: account.retentionEnabled,
    months: account.retentionMonths,
    lastRun: run && {
      months: run.months,
      cutoff: run.cutoff.toISOString(),
      startedAt: run.startedAt.toISOString(),
      finishedAt: run.finishedAt?.toISOString() ?? null,
      durationMs: run.finishedAt ? run.finishedAt.getTime() - run.startedAt.getTime() : null,
      conversations: run.conversations,
      messages: run.messages,
      uploads: run.uploads,
    },
  };
}
