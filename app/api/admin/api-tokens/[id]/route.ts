import { ZApiTokenAnswer } from "@/lib/api-tokens/schemas";
import { route } from "@/lib/http/route";
import { ZIdParams } from "@/lib/http/route-params";
import { revokeToken } from "@/lib/server/api-tokens/api-tokens";

export const dynamic = "force-dynamic";

/** Revokes the token at once, on every instance (each request checks the database). */
export const DELETE = route(
  { access: "admin", params: ZIdParams, response: ZApiTokenAnswer },
  async ({ runtime, params }) => ({ apiToken: await revokeToken(runtime.db.prisma, params.id) }),
);
