import { ZAutoAssignSettings } from "@/lib/accounts/schemas";
import { route } from "@/lib/http/route";
import { accountDeps } from "@/lib/server/accounts/account-deps";
import { setAutoAssign } from "@/lib/server/accounts/set-auto-assign";

export const dynamic = "force-dynamic";

export const POST = route({ access: "admin", body: ZAutoAssignSettings }, async ({ runtime, params, body }) => ({
  account: await setAutoAssign(accountDeps(runtime), params.id ?? "", body),
}));
