import { ZApiTokenAnswer } from "@/lib/api-tokens/schemas";
import { route } from "@/lib/http/route";
import { ZIdParams } from "@/lib/http/route-params";
import { revokeToken } from "@/lib/server/api-tokens/api-tokens";

export const dynamic = "force-dynamic";

/** Revokes one of the person's own personal tokens at once (another's: 404). */
export const DELETE = route(
  { access: "signed-in", params: ZIdParams, response: ZApiTokenAnswer },
  async ({ runtime, user, params }) => ({
    apiToken: await revokeToken(runtime.db.prisma, params.id, { ownPersonalOf: user.id }),
  }),
);
