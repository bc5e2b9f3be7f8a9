import { route } from "@/lib/http/route";
import { updateUser } from "@/lib/server/users/update-user";
import { userDeps } from "@/lib/server/users/user-deps-from-runtime";
import { ZUpdateUser } from "@/lib/users/schemas";
import { ZIdParams } from "@/lib/http/route-params";

export const dynamic = "force-dynamic";

export const PATCH = route(
  { access: "admin", params: ZIdParams, body: ZUpdateUser },
  async ({ runtime, user, body, params }) => ({
    user: await updateUser(userDeps(runtime), { actorId: user.id, userId: params.id, input: body }),
  }),
);
