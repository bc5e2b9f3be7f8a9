import type { Prisma, PrismaClient } from "../../db/generated/client";
import type { TAssignableAgent } from "../../conversations/schemas";
import type { TAccessUser } from "../access/account-access";
import { findAccessibleConversation } from "./find-accessible-conversation";

/**
 * Who a conversation can be given to: active admins and the members of its account, online
 * ones first, then by name.
 */
export async function listAssignableAgents(
  prisma: PrismaClient,
  { conversationId, user, online }: { conversationId: string; user: TAccessUser; online: Set<string> },
): Promise<TAssignableAgent[]> {
  const conversation = await findAccessibleConversation(prisma, { id: conversationId, user });
  const users = await listAccountAgents(prisma, conversation.accountId);
  return users
    .map((u) => ({ ...u, online: online.has(u.id) }))
    .sort((a, b) => Number(b.online) - Number(a.online) || a.name.localeCompare(b.name));
}

/**
 * The active agents who work an account's conversations, by name: its members and the admins,
 * who see every account. Who can be given a conversation, and who a note can @mention.
 */
export function listAccountAgents(
  tx: Prisma.TransactionClient,
  accountId: string,
): Promise<{ id: string; name: string }[]> {
  return tx.user.findMany({
    where: { banned: { not: true }, OR: [{ role: "admin" }, { memberships: { some: { accountId } } }] },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}
