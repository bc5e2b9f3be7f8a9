import type { PrismaClient } from "../../db/generated/client";
import type { TConversationPage } from "../../queries/conversation-types";
import { decodeCursor, encodeCursor } from "../pagination/keyset-cursor";
import { countUnread } from "./count-unread";
import { CONVERSATION_SUMMARY_INCLUDE, toConversationSummary } from "./to-summary";

export interface TListConversationsOptions {
  /** The agent asking: unread counts are theirs. */
  userId: string;
  limit: number;
  /** Opaque cursor from the previous page's `nextCursor`. */
  cursor?: string | undefined;
  accountId?: string | undefined;
}

/**
 * Conversations by latest activity, newest first, in keyset pages: stable while new
 * messages arrive, and cheap at any depth (index on lastMessageAt).
 */
export async function listConversations(
  prisma: PrismaClient,
  { userId, limit, cursor, accountId }: TListConversationsOptions,
): Promise<TConversationPage> {
  const after = cursor ? decodeCursor(cursor) : undefined;
  const rows = await prisma.conversation.findMany({
    where: {
      ...(accountId ? { accountId } : {}),
      ...(after
        ? {
            OR: [{ lastMessageAt: { lt: after.at } }, { lastMessageAt: after.at, id: { lt: after.id } }],
          }
        : {}),
    },
    orderBy: [{ lastMessageAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    include: CONVERSATION_SUMMARY_INCLUDE,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const unread = await countUnread(
    prisma,
    userId,
    page.map((row) => row.id),
  );
  return {
    conversations: page.map((row) => toConversationSummary(row, unread.get(row.id) ?? 0)),
    nextCursor: rows.length > limit && last ? encodeCursor(last.lastMessageAt, last.id) : null,
  };
}
