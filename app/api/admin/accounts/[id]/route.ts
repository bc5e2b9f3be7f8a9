import { ZUpdateAccount } from "@/lib/accounts/schemas";
import { route } from "@/lib/http/route";
import { accountDeps } from "@/lib/server/accounts/account-deps";
import { deleteAccount } from "@/lib/server/accounts/delete-account";
import { updateAccount } from "@/lib/server/accounts/update-account";
import { ZIdParams } from "@/lib/http/route-params";

export const dynamic = "force-dynamic";

export const PATCH = route(
  { access: "admin", params: ZIdParams, body: ZUpdateAccount },
  async ({ runtime, body, params }) => ({
    account: await updateAccount(accountDeps(runtime), params.id, body),
  }),
);

export const DELETE = route({ access: "admin", params: ZIdParams }, async ({ runtime, params, announce }) => {
  announce(await deleteAccount(accountDeps(runtime), params.id));
  return { deleted: true };
});
