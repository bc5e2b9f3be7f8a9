import type { PrismaClient } from "../../db/generated/client";
import { isAdmin } from "../../auth/roles";

/** Whom a question about access is asked for: the signed-in user. */
export interface TAccessUser {
  id: string;
  role: string;
}

/**
 * The Instagram accounts whose conversations a user may see, search, be told about and act
 * on: null for an admin (every account), otherwise the accounts they are a member of.
 */
export async function accessibleAccountIds(prisma: PrismaClient, user: TAccessUser): Promise<string[] | null> {
  if (isAdmin(user.role)) return null;
  const rows = await prisma.accountMember.findMany({ where: { userId: user.id }, select: { accountId: true } });
  return rows.map((row) => row.accountId);
}
