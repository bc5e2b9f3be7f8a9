import type { PrismaClient } from "../../db/generated/client";
import type { TRetentionSettings, TRetentionView } from "../../retention/schemas";
import { getRetention } from "./get-retention";

/**
 * Saves an account's retention. A change of either setting marks the time, so a run started
 * before it is not resumed with the old months (lib/server/retention/start-retention-run.ts),
 * and the worker starts a new one at its next round.
 */
export async function setRetention(
  prisma: PrismaClient,
  { accountId, settings, now }: { accountId: string; settings: TRetentionSettings; now: Date },
): Promise<TRetentionView> {
  // Only when something changes: saving the same settings again does not restart a run.
  await prisma.instagramAccount.updateMany({
    where: {
      id: accountId,
      OR: [{ retentionEnabled: { not: settings.enabled } }, { retentionMonths: { not: settings.months } }],
    },
    data: { retentionEnabled: settings.enabled, retentionMonths: settings.months, retentionChangedAt: now },
  });
  // Throws NOT_FOUND for an account that does not exist.
  return getRetention(prisma, accountId);
}
