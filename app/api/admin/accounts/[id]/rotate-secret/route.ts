import { route } from "@/lib/http/route";
import { ZAccountAnswer } from "@/lib/accounts/schemas";
import { accountDeps } from "@/lib/server/accounts/account-deps";
import { rotateWebhookSecret } from "@/lib/server/accounts/rotate-webhook-secret";
import { ZIdParams } from "@/lib/http/route-params";

export const dynamic = "force-dynamic";

export const POST = route(
  { access: "admin", params: ZIdParams, response: ZAccountAnswer },
  async ({ runtime, params }) => ({
    account: await rotateWebhookSecret(accountDeps(runtime), params.id),
  }),
);
