import { AppError } from "../../errors";
import { moveUserRooms } from "../../realtime/access-rooms";
import { disconnectUser, listOnlineUserIds } from "../../realtime/presence";
import type { TUpdateUser, TUserView } from "../../users/schemas";
import { toUserView } from "./to-user-view";
import type { TUserDeps } from "./user-deps";

/**
 * Renames, changes the role of, deactivates or reactivates a user. Deactivation ends every
 * session in the same transaction and closes the user's sockets on every instance. The last
 * active admin can be neither demoted nor deactivated: someone must be able to administer.
 * A new role changes what the user may see at once: their sockets move to the rooms it calls
 * for (an admin's, or their member accounts') and their browsers refetch.
 */
export async function updateUser(
  { prisma, io }: TUserDeps,
  { actorId, userId, input }: { actorId: string; userId: string; input: TUpdateUser },
): Promise<TUserView> {
  const deactivating = input.active === false;
  const losesAdmin = deactivating || input.role === "agent";
  const { row, roleChanged } = await prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId } });
    if (!user) throw new AppError("NOT_FOUND", "This user does not exist (any more).");
    if (losesAdmin && user.role === "admin" && !user.banned) {
      const activeAdmins = await tx.user.count({ where: { role: "admin", NOT: { banned: true } } });
      if (activeAdmins <= 1) {
        throw new AppError("CONFLICT", "This is the last active admin: make another admin first.");
      }
    }
    if (deactivating && userId === actorId) throw new AppError("CONFLICT", "You cannot deactivate yourself.");
    if (deactivating) await tx.session.deleteMany({ where: { userId } });
    const updated = await tx.user.update({
      where: { id: userId },
      data: {
        ...(input.name ? { name: input.name } : {}),
        ...(input.role ? { role: input.role } : {}),
        ...(input.active === undefined
          ? {}
          : { banned: !input.active, banReason: input.active ? null : "deactivated" }),
      },
    });
    return { row: updated, roleChanged: updated.role !== user.role };
  });
  if (deactivating) disconnectUser(io, userId, "Your account was deactivated.");
  else if (roleChanged) await moveUserRooms(io, prisma, userId);
  return toUserView(row, !deactivating && (await listOnlineUserIds(io)).has(userId));
}
