import { Prisma, type PrismaClient } from "../../db/generated/client";
import { MESSAGING_WINDOW_MS, type TDailyUsage } from "../../channel/rules";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Per Instagram account, what its daily limit counts: messages handed to CM in the last 24
 * hours (replies that left or are leaving: not the queued, cancelled or refused-before-sending
 * ones), and the people whose reply window is open now. Two indexed counts per account list.
 */
export async function countDailyUsage(
  prisma: PrismaClient,
  { accountIds, now }: { accountIds: string[]; now: Date },
): Promise<Map<string, TDailyUsage>> {
  const usage = new Map<string, TDailyUsage>(accountIds.map((id) => [id, { sent: 0, reachable: 0 }]));
  if (accountIds.length === 0) return usage;
  const since = new Date(now.getTime() - DAY_MS);
  const windowStart = new Date(now.getTime() - MESSAGING_WINDOW_MS);
  const [sent, reachable] = await Promise.all([
    prisma.$queryRaw<{ accountId: string; n: number }[]>`
      SELECT c."accountId", count(*)::int AS n
      FROM "Message" m JOIN "Conversation" c ON c."id" = m."conversationId"
      WHERE c."accountId" IN (${Prisma.join(accountIds)}) AND m."direction" = 'OUTBOUND'
        AND m."firstAttemptAt" > ${since} AND m."status" IN ('SENDING', 'ACCEPTED', 'DELIVERED')
      GROUP BY c."accountId"`,
    prisma.$queryRaw<{ accountId: string; n: number }[]>`
      SELECT c."accountId", count(*)::int AS n FROM "Conversation" c
      WHERE c."accountId" IN (${Prisma.join(accountIds)}) AND c."lastInboundAt" > ${windowStart}
      GROUP BY c."accountId"`,
  ]);
  for (const row of sent) usage.get(row.accountId)!.sent = row.n;
  for (const row of reachable) usage.get(row.accountId)!.reachable = row.n;
  return usage;
}
