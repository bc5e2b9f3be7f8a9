import type { Prisma } from "../../db/generated/client";
import { AppError } from "../../errors";
import type { TAccessUser } from "../access/account-access";
import { CONVERSATION_NOT_FOUND, accessibleConversationWhere } from "../access/assert-conversation-access";
import { CONVERSATION_SUMMARY_INCLUDE } from "./to-summary";

/**
 * The conversation as the list shows it, if it exists and the user may see it; otherwise 404,
 * the same answer either way (see assertConversationAccess), in one query.
 */
export async function findAccessibleConversation(
  tx: Prisma.TransactionClient,
  { id, user }: { id: string; user: TAccessUser },
) {
  const row = await tx.conversation.findFirst({
    where: accessibleConversationWhere(user, id),
    include: CONVERSATION_SUMMARY_INCLUDE,
  });
  if (!row) throw new AppError("NOT_FOUND", CONVERSATION_NOT_FOUND);
  return row;
}
