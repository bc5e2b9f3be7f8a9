import { route } from "@/lib/http/route";
import { ZUpdateSavedReply } from "@/lib/saved-replies/schemas";
import { deleteSavedReply } from "@/lib/server/saved-replies/delete-saved-reply";
import { updateSavedReply } from "@/lib/server/saved-replies/update-saved-reply";
import { ZIdParams } from "@/lib/http/route-params";

export const dynamic = "force-dynamic";

export const PATCH = route(
  { access: "signed-in", params: ZIdParams, body: ZUpdateSavedReply },
  async ({ runtime, user, body, params }) => ({
    savedReply: await updateSavedReply({ prisma: runtime.db.prisma }, { actor: user, id: params.id, input: body }),
  }),
);

export const DELETE = route({ access: "signed-in", params: ZIdParams }, async ({ runtime, user, params }) => {
  await deleteSavedReply({ prisma: runtime.db.prisma }, { actor: user, id: params.id });
  return { deleted: true };
});
