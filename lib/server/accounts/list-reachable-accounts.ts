import type { PrismaClient } from "../../db/generated/client";

/** The Instagram accounts among `accountIds` (null: every one), by name: what an API token reaches. */
export async function listReachableAccounts(prisma: PrismaClient, accountIds: readonly string[] | null) {
  return prisma.instagramAccount.findMany({
    where: accountIds === null ? {} : { id: { in: [...accountIds] } },
    select: { id: true, igAccountId: true, displayName: true, timeZone: true, enabled: true },
    orderBy: [{ displayName: "asc" }, { id: "asc" }],
  });
}
