import { route } from "@/lib/http/route";
import { ZDeletedAnswer } from "@/lib/http/answers";
import { ZUpdateSavedReply, ZSavedReplyAnswer } from "@/lib/saved-replies/schemas";
import { deleteSavedReply } from "@/lib/server/saved-replies/delete-saved-reply";
import { updateSavedReply } from "@/lib/server/saved-replies/update-saved-reply";
import { ZIdParams } from "@/lib/http/route-params";

export const dynamic = "force-dynamic";

export const PATCH = route(
  { access: "signed-in", params: ZIdParams, body: ZUpdateSavedReply, response: ZSavedReplyAnswer },
  async ({ runtime, user, body, params }) => ({
    savedReply: await updateSavedReply({ prisma: runtime.db.prisma }, { actor: user, id: params.id, input: body }),
  }),
);

export const DELETE = route(
  { access: "signed-in", params: ZIdParams, response: ZDeletedAnswer },
  async ({ runtime, user, params }) => {
    await deleteSavedReply({ prisma: runtime.db.prisma }, { actor: user, id: params.id });
    return { deleted: true } as const;
  },
);
