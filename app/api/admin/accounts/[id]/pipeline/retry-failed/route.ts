import { route } from "@/lib/http/route";
import { ZRetriedAll } from "@/lib/webhooks/pipeline-status";
import { retryAllFailed } from "@/lib/server/pipeline/retry-all-failed";
import { ZIdParams } from "@/lib/http/route-params";

export const dynamic = "force-dynamic";

export const POST = route(
  { access: "admin", params: ZIdParams, response: ZRetriedAll },
  async ({ runtime, params }) => {
    const result = await retryAllFailed(runtime.db.prisma, { accountId: params.id, now: new Date() });
    if (result.retried > 0) runtime.workers?.intake?.wake();
    return result;
  },
);
