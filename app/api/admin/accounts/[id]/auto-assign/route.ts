import { ZAutoAssignSettings, ZAccountAnswer } from "@/lib/accounts/schemas";
import { route } from "@/lib/http/route";
import { accountDeps } from "@/lib/server/accounts/account-deps";
import { setAutoAssign } from "@/lib/server/accounts/set-auto-assign";
import { ZIdParams } from "@/lib/http/route-params";

export const dynamic = "force-dynamic";

export const POST = route(
  { access: "admin", params: ZIdParams, body: ZAutoAssignSettings, response: ZAccountAnswer },
  async ({ runtime, params, body }) => ({
    account: await setAutoAssign(accountDeps(runtime), params.id, body),
  }),
);
