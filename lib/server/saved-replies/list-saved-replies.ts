import type { TSavedReplyView } from "../../saved-replies/schemas";
import type { TSavedReplyDeps } from "./saved-reply-deps";
import { SAVED_REPLY_SELECT, toSavedReplyView } from "./to-saved-reply-view";

/** Every saved reply, by code: they are shared by the whole team. */
export async function listSavedReplies({ prisma }: TSavedReplyDeps): Promise<TSavedReplyView[]> {
  const rows = await prisma.savedReply.findMany({ select: SAVED_REPLY_SELECT, orderBy: { code: "asc" } });
  return rows.flatMap((row) => toSavedReplyView(row) ?? []);
}
