import { ZHookEndpointAnswer, ZUpdateHookEndpoint } from "@/lib/hooks/schemas";
import { route } from "@/lib/http/route";
import { ZIdParams } from "@/lib/http/route-params";
import { deleteHookEndpoint, updateHookEndpoint } from "@/lib/server/hooks/endpoints";
import { z } from "zod";

export const dynamic = "force-dynamic";

/** Changes an endpoint; `enabled: true` turns a disabled one back on (its pending deliveries resume). */
export const PATCH = route(
  { access: "admin", params: ZIdParams, body: ZUpdateHookEndpoint, response: ZHookEndpointAnswer },
  async ({ runtime, params, body }) => {
    const endpoint = await updateHookEndpoint(runtime.db.prisma, params.id, body, {
      rules: { allowLocal: runtime.config.webhooksAllowLocal === true },
    });
    runtime.workers?.hooks?.wake();
    return { endpoint };
  },
);

/** Removes the endpoint with its deliveries and their log. */
export const DELETE = route(
  { access: "admin", params: ZIdParams, response: z.object({ removed: z.literal(true) }) },
  async ({ runtime, params }) => {
    await deleteHookEndpoint(runtime.db.prisma, params.id);
    return { removed: true as const };
  },
);
