import type { TMembership, TSetMembership } from "../../access/schemas";
import { isAdmin } from "../../auth/roles";
import type { PrismaClient } from "../../db/generated/client";
import { AppError } from "../../errors";
import { moveUserRooms } from "../../realtime/access-rooms";
import type { TIo } from "../../runtime";

/**
 * Makes an agent a member of an account, or no longer one. Repeating it changes nothing. When
 * it did change something, the agent's open inboxes follow at once, on every instance: their
 * sockets join or leave the account's room and their browsers refetch.
 */
export async function setMembership(
  { prisma, io }: { prisma: PrismaClient; io: TIo | undefined },
  { accountId, userId, member }: TSetMembership,
): Promise<TMembership & { member: boolean }> {
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
  if (changed > 0) await moveUserRooms(io, prisma, userId);
  return { accountId, userId, member };
}
