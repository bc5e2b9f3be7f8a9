import type { PrismaClient } from "../../db/generated/client";
import { isAdmin } from "../../auth/roles";
import { AppError } from "../../errors";
import type { TAccessUser } from "./account-access";

/** Word for word what a missing conversation answers, so a 404 tells an agent nothing more. */
export const CONVERSATION_NOT_FOUND = "This conversation does not exist (any more).";

/**
 * The account of a conversation this user may see and act on, or null: for an agent, a
 * conversation of an account they are not a member of is as absent as one that does not exist.
 * One indexed lookup (the membership is part of the same query).
 */
export async function conversationAccountFor(
  prisma: PrismaClient,
  user: TAccessUser,
  conversationId: string,
): Promise<{ accountId: string } | null> {
  return prisma.conversation.findFirst({
    where: accessibleConversationWhere(user, conversationId),
    select: { accountId: true },
  });
}

/**
 * The conversation with this id, when the user may see it (an admin: any; an agent: their
 * accounts'; an API token: the accounts it may reach).
 */
export function accessibleConversationWhere(user: TAccessUser, conversationId: string) {
  return { id: conversationId, ...inAccessibleAccount(user) };
}

/**
 * What a row of an account (a conversation, a contact) must satisfy for this user to see it:
 * nothing for an admin or a token of every account; else its account is one of theirs.
 */
export function inAccessibleAccount(user: TAccessUser) {
  if (user.apiToken) {
    const { accountIds } = user.apiToken;
    return accountIds === null ? {} : { accountId: { in: accountIds } };
  }
  return isAdmin(user.role) ? {} : { account: { members: { some: { userId: user.id } } } };
}

/**
 * As conversationAccountFor, but NOT_FOUND when absent, with the very words a missing
 * conversation answers: an agent must not learn that another account's conversation is there.
 */
export async function assertConversationAccess(
  prisma: PrismaClient,
  user: TAccessUser,
  conversationId: string,
): Promise<{ accountId: string }> {
  const row = await conversationAccountFor(prisma, user, conversationId);
  if (!row) throw new AppError("NOT_FOUND", CONVERSATION_NOT_FOUND);
  return row;
}
