import type { PrismaClient } from "../../db/generated/client";
import { AppError } from "../../errors";

/**
 * The accounts a body chose for what reaches accounts (an API token, a webhook endpoint):
 * "all" (present and future) gives none to list; else each must be a linked account, and one
 * of `reachable` when the chooser may reach only those (an agent's personal token). 400 naming
 * the problem otherwise. Returns the ids, once each.
 */
export async function chosenAccountIds(
  prisma: PrismaClient,
  accounts: "all" | string[],
  reachable: string[] | null = null,
): Promise<string[]> {
  const accountIds = accounts === "all" ? [] : [...new Set(accounts)];
  if (accountIds.length === 0) return accountIds;
  const found = await prisma.instagramAccount.count({ where: { id: { in: accountIds } } });
  const yours = reachable === null || accountIds.every((id) => reachable.includes(id));
  if (found !== accountIds.length || !yours) {
    throw new AppError(
      "BAD_REQUEST",
      reachable === null
        ? "Invalid body: accounts: one of them is not a linked Instagram account."
        : "Invalid body: accounts: one of them is not an account you work.",
    );
  }
  return accountIds;
}
