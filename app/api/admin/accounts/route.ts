import { ZCreateAccount, ZAccountList, ZAccountAnswer } from "@/lib/accounts/schemas";
import { route } from "@/lib/http/route";
import { accountDeps } from "@/lib/server/accounts/account-deps";
import { createAccount } from "@/lib/server/accounts/create-account";
import { listAccounts } from "@/lib/server/accounts/list-accounts";

export const dynamic = "force-dynamic";

export const GET = route({ access: "admin", response: ZAccountList }, async ({ runtime }) => ({
  accounts: await listAccounts(accountDeps(runtime)),
}));

export const POST = route(
  { access: "admin", body: ZCreateAccount, response: ZAccountAnswer },
  async ({ runtime, body }) => ({
    account: await createAccount(accountDeps(runtime), body),
  }),
);
