import type { TMembership } from "../../access/schemas";
import type { PrismaClient } from "../../db/generated/client";

/**
 * Every membership, for the admin pages (both the accounts' side and the agents'). An admin may
 * hold rows from when they were an agent: they count again only if the admin becomes an agent
 * again, and the pages do not show them meanwhile (admins see every account).
 */
export async function listMemberships(prisma: PrismaClient): Promise<TMembership[]> {
  return prisma.accountMember.findMany({
    select: { accountId: true, userId: true },
    orderBy: [{ accountId: "asc" }, { userId: "asc" }],
  });
}
