import type { PrismaClient } from "../../db/generated/client";
import type { TAccessChanged } from "../../effects/effects";
import { isAdmin } from "../../auth/roles";
import { accessibleAccountIds } from "./account-access";

/**
 * What a user may see now, after a change of their role or memberships, as the effect that
 * moves their live sockets (null when the user is gone).
 */
export async function accessChanged(prisma: PrismaClient, userId: string): Promise<TAccessChanged | null> {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { id: true, role: true } });
  if (!user) return null;
  const [accountIds, accounts] = await Promise.all([
    accessibleAccountIds(prisma, user),
    prisma.instagramAccount.findMany({ select: { id: true } }),
  ]);
  const allowed = new Set(accountIds ?? []);
  return {
    kind: "access-changed",
    userId,
    role: isAdmin(user.role) ? "admin" : "agent",
    accountIds,
    otherAccountIds: accounts.map((account) => account.id).filter((id) => !allowed.has(id)),
  };
}
