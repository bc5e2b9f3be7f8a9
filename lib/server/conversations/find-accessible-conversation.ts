import type { Prisma } from "../../db/generated/client";
import { AppError } from "../../errors";
import { CONVERSATION_SUMMARY_INCLUDE } from "./to-summary";

/**
 * The conversation, if it exists and is on an account the agent may see (accountIds null: an
 * admin); otherwise 404, the same answer either way, so nothing leaks about other accounts.
 */
export async function findAccessibleConversation(
  tx: Prisma.TransactionClient,
  { id, accountIds }: { id: string; accountIds: string[] | null },
) {
  const row = await tx.conversation.findUnique({ where: { id }, include: CONVERSATION_SUMMARY_INCLUDE });
  if (!row || (accountIds !== null && !accountIds.includes(row.accountId))) {
    throw new AppError("NOT_FOUND", "This conversation does not exist (any more).");
  }
  return row;
}
