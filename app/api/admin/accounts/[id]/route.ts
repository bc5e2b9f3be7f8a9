import { ZUpdateAccount, ZAccountAnswer } from "@/lib/accounts/schemas";
import { route } from "@/lib/http/route";
import { ZDeletedAnswer } from "@/lib/http/answers";
import { accountDeps } from "@/lib/server/accounts/account-deps";
import { deleteAccount } from "@/lib/server/accounts/delete-account";
import { updateAccount } from "@/lib/server/accounts/update-account";
import { ZIdParams } from "@/lib/http/route-params";

export const dynamic = "force-dynamic";

export const PATCH = route(
  { access: "admin", params: ZIdParams, body: ZUpdateAccount, response: ZAccountAnswer },
  async ({ runtime, body, params }) => ({
    account: await updateAccount(accountDeps(runtime), params.id, body),
  }),
);

export const DELETE = route(
  { access: "admin", params: ZIdParams, response: ZDeletedAnswer },
  async ({ runtime, params, announce }) => {
    announce(await deleteAccount(accountDeps(runtime), params.id));
    return { deleted: true } as const;
  },
);
