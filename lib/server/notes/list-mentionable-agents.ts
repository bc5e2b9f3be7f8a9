import type { Prisma } from "../../db/generated/client";
import type { TMentionable } from "../../notes/mentions";

/**
 * Who a note in this account's conversations may mention: the active agents who can see it
 * (the account's members) and the admins, who see every account.
 */
export async function listMentionableAgents(tx: Prisma.TransactionClient, accountId: string): Promise<TMentionable[]> {
  return tx.user.findMany({
    where: { banned: { not: true }, OR: [{ role: "admin" }, { memberships: { some: { accountId } } }] },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}
