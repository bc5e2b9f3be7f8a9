import { route } from "@/lib/http/route";
import { updateUser } from "@/lib/server/users/update-user";
import { userDeps } from "@/lib/http/user-deps";
import { ZUpdateUser, ZUserAnswer } from "@/lib/users/schemas";
import { ZIdParams } from "@/lib/http/route-params";

export const dynamic = "force-dynamic";

export const PATCH = route(
  { access: "admin", params: ZIdParams, body: ZUpdateUser, response: ZUserAnswer },
  async ({ runtime, user, body, params, announce }) => {
    const { user: updated, effect } = await updateUser(userDeps(runtime), {
      actorId: user.id,
      userId: params.id,
      input: body,
    });
    announce(effect);
    return { user: updated };
  },
);
