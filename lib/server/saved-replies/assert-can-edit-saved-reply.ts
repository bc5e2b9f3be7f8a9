import type { TSessionUser } from "../../auth/session";
import { AppError } from "../../errors";
import type { Prisma } from "../../db/generated/client";
import { canEditSavedReply } from "../../saved-replies/permissions";

/** Passes if the reply exists and this user may change it; else the 404 or 403 that says why. */
export async function assertCanEditSavedReply(
  tx: Prisma.TransactionClient,
  actor: TSessionUser,
  id: string,
): Promise<void> {
  const reply = await tx.savedReply.findUnique({
    where: { id },
    select: { authorId: true, author: { select: { name: true } } },
  });
  if (!reply) throw new AppError("NOT_FOUND", "This saved reply does not exist (any more).");
  if (!canEditSavedReply(actor, reply)) {
    const author = reply.author ? `${reply.author.name}, who wrote it,` : "its author";
    throw new AppError("FORBIDDEN", `Only ${author} or an admin can change this saved reply.`);
  }
}
