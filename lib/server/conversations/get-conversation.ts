import type { PrismaClient } from "../../db/generated/client";
import { AppError } from "../../errors";
import type { TConversationSummary } from "../../conversations/summary";
import { countUnread } from "./count-unread";
import { CONVERSATION_SUMMARY_INCLUDE, toConversationSummary } from "./to-summary";

export async function getConversation(
  prisma: PrismaClient,
  { id, userId }: { id: string; userId: string },
): Promise<TConversationSummary> {
  const row = await prisma.conversation.findUnique({ where: { id }, include: CONVERSATION_SUMMARY_INCLUDE });
  if (!row) throw new AppError("NOT_FOUND", "This conversation does not exist (any more).");
  const unread = await countUnread(prisma, userId, [id]);
  return toConversationSummary(row, unread.get(id) ?? 0);
}
