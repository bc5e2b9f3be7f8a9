import { route } from "@/lib/http/route";
import { accountDeps } from "@/lib/server/accounts/account-deps";
import { rotateWebhookSecret } from "@/lib/server/accounts/rotate-webhook-secret";

export const dynamic = "force-dynamic";

export const POST = route({ access: "admin" }, async ({ runtime, params }) => ({
  account: await rotateWebhookSecret(accountDeps(runtime), params.id ?? ""),
}));
