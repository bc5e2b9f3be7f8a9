import type { PrismaClient } from "../../db/generated/client";

/**
 * Customer messages each conversation holds that this agent has not seen: received (by us)
 * after the agent last opened it. Deleted messages do not count. Each conversation's count is
 * one range of "Message_unread_idx" (from its read mark on), read from the index alone, so a
 * thread of thousands of unread messages costs a short index scan, not a read of each message.
 */
export async function countUnread(
  prisma: PrismaClient,
  userId: string,
  conversationIds: string[],
): Promise<Map<string, number>> {
  if (conversationIds.length === 0) return new Map();
  const rows = await prisma.$queryRaw<{ conversationId: string; unread: number }[]>`
    SELECT ids."id" AS "conversationId", n."unread"
    FROM unnest(${conversationIds}::text[]) AS ids("id")
    LEFT JOIN "ConversationRead" r ON r."conversationId" = ids."id" AND r."userId" = ${userId}
    CROSS JOIN LATERAL (
      SELECT COUNT(*)::int AS "unread" FROM "Message" m
      WHERE m."conversationId" = ids."id" AND m."direction" = 'INBOUND' AND m."deletedAt" IS NULL
        AND m."createdAt" > COALESCE(r."lastReadAt", '-infinity'::timestamp)
    ) n
    WHERE n."unread" > 0`;
  return new Map(rows.map((r) => [r.conversationId, r.unread]));
}
