import type { TMembership, TSetMembership } from "../../access/schemas";
import { isAdmin } from "../../auth/roles";
import type { PrismaClient } from "../../db/generated/client";
import { AppError } from "../../errors";
import type { TAccessChanged } from "../../effects/effects";
import { accessChanged } from "./access-changed";

/**
 * Makes an agent a member of an account, or no longer one. Repeating it changes nothing. When
 * it did change something, its effect moves the agent's open inboxes at once, on every instance:
 * their sockets join or leave the account's room and their browsers refetch.
 */
export async function setMembership(
  prisma: PrismaClient,
  { accountId, userId, member }: TSetMembership,
): Promise<{ membership: TMembership & { member: boolean }; effect: TAccessChanged | null }> {
  const [account, user] = await Promise.all([
    prisma.instagramAccount.findUnique({ where: { id: accountId }, select: { id: true } }),
    prisma.user.findUnique({ where: { id: userId }, select: { name: true, role: true } }),
  ]);
  if (!account) throw new AppError("NOT_FOUND", "This account does not exist (any more).");
  if (!user) throw new AppError("NOT_FOUND", "This agent does not exist (any more).");
  if (isAdmin(user.role)) {
    throw new AppError("CONFLICT", `${user.name} is an admin: admins see every account and are not members.`);
  }
  const changed = member
    ? (await prisma.accountMember.createMany({ data: [{ accountId, userId }], skipDuplicates: true })).count
    : (await prisma.accountMember.deleteMany({ where: { accountId, userId } })).count;
  const effect = changed > 0 ? await accessChanged(prisma, userId) : null;
  return { membership: { accountId, userId, member }, effect };
}
