import { route } from "@/lib/http/route";
import { retryWebhook } from "@/lib/server/pipeline/retry-webhook";

export const dynamic = "force-dynamic";

export const POST = route({ access: "admin" }, async ({ runtime, params }) => {
  const webhook = await retryWebhook(runtime.db.prisma, { id: params.id ?? "", now: new Date() });
  runtime.workers?.intake?.wake();
  return { webhook };
});
