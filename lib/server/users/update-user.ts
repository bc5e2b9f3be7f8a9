import { AppError } from "../../errors";
import type { TAccessChanged, TUserSignedOut } from "../../effects/effects";
import { accessChanged } from "../access/access-changed";
import type { TUpdateUser, TUserView } from "../../users/schemas";
import { toUserView } from "./to-user-view";
import type { TUserPresenceDeps } from "./user-deps";

/**
 * Renames, changes the role of, deactivates or reactivates a user. Deactivation ends every
 * session in the same transaction, and its effect closes the user's sockets on every instance. The last
 * active admin can be neither demoted nor deactivated: someone must be able to administer.
 * A new role changes what the user may see at once: its effect moves their sockets to the rooms
 * it calls for (an admin's, or their member accounts') and their browsers refetch.
 */
export async function updateUser(
  { prisma, onlineUserIds }: TUserPresenceDeps,
  { actorId, userId, input }: { actorId: string; userId: string; input: TUpdateUser },
): Promise<{ user: TUserView; effect: TUserSignedOut | TAccessChanged | null }> {
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
  const effect = deactivating
    ? ({ kind: "user-signed-out", userId, reason: "Your account was deactivated." } as const)
    : roleChanged
      ? await accessChanged(prisma, userId)
      : null;
  return { user: toUserView(row, !deactivating && (await onlineUserIds()).has(userId)), effect };
}
