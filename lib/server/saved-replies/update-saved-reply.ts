import type { TSessionUser } from "../../auth/session";
import type { TSavedReplyView, TUpdateSavedReply } from "../../saved-replies/schemas";
import { rethrowCodeConflict } from "./code-conflict";
import { assertCanEditSavedReply } from "./assert-can-edit-saved-reply";
import type { TSavedReplyDeps } from "./saved-reply-deps";
import { SAVED_REPLY_SELECT, toSavedReplyViewOrThrow } from "./to-saved-reply-view";

/** Changes a reply's code, title or content: its author or an admin only. */
export async function updateSavedReply(
  { prisma }: TSavedReplyDeps,
  { actor, id, input }: { actor: TSessionUser; id: string; input: TUpdateSavedReply },
): Promise<TSavedReplyView> {
  try {
    const row = await prisma.$transaction(async (tx) => {
      await assertCanEditSavedReply(tx, actor, id);
      return tx.savedReply.update({
        where: { id },
        data: {
          ...(input.code === undefined ? {} : { code: input.code }),
          ...(input.title === undefined ? {} : { title: input.title }),
          ...(input.content === undefined ? {} : { content: input.content }),
        },
        select: SAVED_REPLY_SELECT,
      });
    });
    return toSavedReplyViewOrThrow(row);
  } catch (error) {
    rethrowCodeConflict(error, input.code);
  }
}
