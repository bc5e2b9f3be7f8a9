import { route } from "@/lib/http/route";
import { ZRetriedWebhook } from "@/lib/webhooks/pipeline-status";
import { retryWebhook } from "@/lib/server/pipeline/retry-webhook";
import { ZIdParams } from "@/lib/http/route-params";

export const dynamic = "force-dynamic";

export const POST = route(
  { access: "admin", params: ZIdParams, response: ZRetriedWebhook },
  async ({ runtime, params }) => {
    const webhook = await retryWebhook(runtime.db.prisma, { id: params.id, now: new Date() });
    runtime.workers?.intake?.wake();
    return { webhook };
  },
);
