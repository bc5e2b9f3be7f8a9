import { route } from "@/lib/http/route";
import { ZCreateSavedReply, ZSavedReplyList, ZSavedReplyAnswer } from "@/lib/saved-replies/schemas";
import { createSavedReply } from "@/lib/server/saved-replies/create-saved-reply";
import { listSavedReplies } from "@/lib/server/saved-replies/list-saved-replies";

export const dynamic = "force-dynamic";

export const GET = route({ access: "signed-in", response: ZSavedReplyList }, async ({ runtime }) => ({
  savedReplies: await listSavedReplies({ prisma: runtime.db.prisma }),
}));

export const POST = route(
  { access: "signed-in", body: ZCreateSavedReply, response: ZSavedReplyAnswer },
  async ({ runtime, user, body }) => ({
    savedReply: await createSavedReply({ prisma: runtime.db.prisma }, { actor: user, input: body }),
  }),
);
