import type { TSessionUser } from "../../auth/session";
import { assertCanEditSavedReply } from "./assert-can-edit-saved-reply";
import type { TSavedReplyDeps } from "./saved-reply-deps";

/** Deletes a reply: its author or an admin only. Messages sent from it are not affected. */
export async function deleteSavedReply(
  { prisma }: TSavedReplyDeps,
  { actor, id }: { actor: TSessionUser; id: string },
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await assertCanEditSavedReply(tx, actor, id);
    await tx.savedReply.delete({ where: { id } });
  });
}
