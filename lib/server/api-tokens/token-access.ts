import type { PrismaClient } from "../../db/generated/client";
import { AppError } from "../../errors";
import { CONVERSATION_NOT_FOUND } from "../access/assert-conversation-access";
import type { TApiPrincipal } from "./authenticate-token";

/**
 * The account of a conversation this token may reach, else NOT_FOUND in the very words of a
 * missing conversation: a token must not learn that another account's conversation exists.
 */
export async function assertTokenConversationAccess(
  prisma: PrismaClient,
  principal: TApiPrincipal,
  conversationId: string,
): Promise<{ accountId: string }> {
  const row = await prisma.conversation.findFirst({
    where: {
      id: conversationId,
      ...(principal.accountIds === null ? {} : { accountId: { in: principal.accountIds } }),
    },
    select: { accountId: true },
  });
  if (!row) throw new AppError("NOT_FOUND", CONVERSATION_NOT_FOUND);
  return row;
}
