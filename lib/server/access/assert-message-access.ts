import type { PrismaClient } from "../../db/generated/client";
import { isAdmin } from "../../auth/roles";
import { AppError } from "../../errors";
import type { TAccessUser } from "./account-access";

/** Word for word what cancel and retry answer for a message that is not ours. */
export const MESSAGE_NOT_FOUND = "There is no such message of ours.";

/**
 * The conversation and account of a message this user may act on; otherwise NOT_FOUND, the
 * same answer as for a missing message, so nothing leaks about other accounts.
 */
export async function assertMessageAccess(
  prisma: PrismaClient,
  user: TAccessUser,
  messageId: string,
): Promise<{ conversationId: string; accountId: string }> {
  const row = await prisma.message.findFirst({
    where: {
      id: messageId,
      ...(isAdmin(user.role) ? {} : { conversation: { account: { members: { some: { userId: user.id } } } } }),
    },
    select: { conversationId: true, conversation: { select: { accountId: true } } },
  });
  if (!row) throw new AppError("NOT_FOUND", MESSAGE_NOT_FOUND);
  return { conversationId: row.conversationId, accountId: row.conversation.accountId };
}
