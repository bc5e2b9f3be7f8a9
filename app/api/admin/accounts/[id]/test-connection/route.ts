import { route } from "@/lib/http/route";
import { ZConnectionTestAnswer } from "@/lib/accounts/schemas";
import { accountDeps } from "@/lib/server/accounts/account-deps";
import { testConnection } from "@/lib/server/accounts/test-connection";
import { ZIdParams } from "@/lib/http/route-params";

export const dynamic = "force-dynamic";

export const POST = route(
  { access: "admin", params: ZIdParams, response: ZConnectionTestAnswer },
  async ({ runtime, params }) => ({
    result: await testConnection(accountDeps(runtime), params.id),
  }),
);
