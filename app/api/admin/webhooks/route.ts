import { ZCreateHookEndpoint, ZCreatedHookEndpoint, ZHookEndpointList } from "@/lib/hooks/schemas";
import { route } from "@/lib/http/route";
import { createHookEndpoint, listHookEndpoints } from "@/lib/server/hooks/endpoints";

export const dynamic = "force-dynamic";

/** Every webhook endpoint (Admin → Webhooks), newest first, with its pending and failed deliveries. */
export const GET = route({ access: "admin", response: ZHookEndpointList }, async ({ runtime }) => ({
  endpoints: await listHookEndpoints(runtime.db.prisma),
}));

/** A new endpoint: its signing secret is in this answer and nowhere else. */
export const POST = route(
  { access: "admin", body: ZCreateHookEndpoint, response: ZCreatedHookEndpoint, status: 201 },
  async ({ runtime, user, body }) =>
    createHookEndpoint(runtime.db.prisma, body, {
      createdById: user.id,
      secrets: runtime.hookSecrets,
      rules: { allowLocal: runtime.config.webhooksAllowLocal === true },
    }),
);
