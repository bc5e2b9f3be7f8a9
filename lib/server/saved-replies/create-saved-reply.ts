import type { TSessionUser } from "../../auth/session";
import type { TCreateSavedReply, TSavedReplyView } from "../../saved-replies/schemas";
import { rethrowCodeConflict } from "./code-conflict";
import type { TSavedReplyDeps } from "./saved-reply-deps";
import { SAVED_REPLY_SELECT, toSavedReplyViewOrThrow } from "./to-saved-reply-view";

/** Saves a reply for the whole team; any signed-in agent may, and becomes its author. */
export async function createSavedReply(
  { prisma }: TSavedReplyDeps,
  { actor, input }: { actor: TSessionUser; input: TCreateSavedReply },
): Promise<TSavedReplyView> {
  try {
    const row = await prisma.savedReply.create({
      data: { code: input.code, title: input.title, content: input.content, authorId: actor.id },
      select: SAVED_REPLY_SELECT,
    });
    return toSavedReplyViewOrThrow(row);
  } catch (error) {
    rethrowCodeConflict(error, input.code);
  }
}
