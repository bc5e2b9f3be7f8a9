import type { PrismaClient } from "../../db/generated/client";
import { AppError } from "../../errors";

/** "Retry all failed" for one account: its FAILED webhooks become due now (attempts kept). */
export async function retryAllFailed(
  prisma: PrismaClient,
  { accountId, now }: { accountId: string; now: Date },
): Promise<{ retried: number }> {
  const account = await prisma.instagramAccount.findUnique({ where: { id: accountId }, select: { id: true } });
  if (!account) throw new AppError("NOT_FOUND", "This account does not exist (any more).");
  const { count } = await prisma.webhookEvent.updateMany({
    where: { accountId, state: "FAILED" },
    data: { state: "PENDING", availableAt: now },
  });
  return { retried: count };
}
