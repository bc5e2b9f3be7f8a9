import { ZHookSent } from "@/lib/hooks/schemas";
import { route } from "@/lib/http/route";
import { ZIdParams } from "@/lib/http/route-params";
import { sendHookTestEvent } from "@/lib/server/hooks/hook-deliveries";

export const dynamic = "force-dynamic";

/** A `webhook.test` event to this endpoint only, tried at once. */
export const POST = route(
  { access: "admin", params: ZIdParams, response: ZHookSent, status: 201 },
  async ({ runtime, params }) => {
    const deliveryId = await sendHookTestEvent(runtime.db.prisma, params.id);
    runtime.workers?.hooks?.wake();
    return { deliveryId };
  },
);
