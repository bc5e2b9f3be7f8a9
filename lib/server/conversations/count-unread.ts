import { Prisma, type PrismaClient } from "../../db/generated/client";

/**
 * Customer messages each conversation holds that this agent has not seen: received (by us)
 * after the agent last opened it. Deleted messages do not count.
 */
export async function countUnread(
  prisma: PrismaClient,
  userId: string,
  conversationIds: string[],
): Promise<Map<string, number>> {
  if (conversationIds.length === 0) return new Map();
  const rows = await prisma.$queryRaw<{ conversationId: string; unread: number }[]>`
    SELECT m."conversationId", COUNT(*)::int AS unread
    FROM "Message" m
    LEFT JOIN "ConversationRead" r ON r."conversationId" = m."conversationId" AND r."userId" = ${userId}
    WHERE m."conversationId" IN (${Prisma.join(conversationIds)})
      AND m.direction = 'INBOUND' AND m."deletedAt" IS NULL
      AND (r."lastReadAt" IS NULL OR m."createdAt" > r."lastReadAt")
    GROUP BY m."conversationId"`;
  return new Map(rows.map((r) => [r.conversationId, r.unread]));
}
