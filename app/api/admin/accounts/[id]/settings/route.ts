import { ZAccountAnswer } from "@/lib/accounts/schemas";
import { ZAccountSettings } from "@/lib/accounts/settings-schemas";
import { route } from "@/lib/http/route";
import { ZIdParams } from "@/lib/http/route-params";
import { accountDeps } from "@/lib/server/accounts/account-deps";
import { setAccountSettings } from "@/lib/server/accounts/set-account-settings";

export const dynamic = "force-dynamic";

/** Admin → Accounts: time zone, business hours and the satisfaction survey of one account. */
export const PUT = route(
  { access: "admin", params: ZIdParams, body: ZAccountSettings, response: ZAccountAnswer },
  async ({ runtime, params, body }) => ({
    account: await setAccountSettings(accountDeps(runtime), params.id, body),
  }),
);
